"""The quiet console: job blocks only when asked for, errors always."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import pytest
from snakemake_interface_logger_plugins.common import LogEvent
from snakemake_interface_logger_plugins.settings import OutputSettingsLoggerInterface

from snakemake_logger_plugin_crossbrief import LogHandler


@dataclass
class Output(OutputSettingsLoggerInterface):
    printshellcmds: bool = False
    verbose: bool = False
    dryrun: bool = False
    nocolor: bool = True
    quiet: list[object] = field(default_factory=list)
    debug_dag: bool = False
    show_failed_logs: bool = False
    stdout: bool = False


def _record(event: LogEvent | None, level: int = logging.INFO) -> logging.LogRecord:
    record = logging.LogRecord("snakemake", level, __file__, 1, "m", None, None)
    if event is not None:
        record.event = event
    return record


@pytest.mark.parametrize("event", [LogEvent.JOB_INFO, LogEvent.SHELLCMD, LogEvent.WORKFLOW_STARTED])
def test_job_detail_is_left_out_by_default(event: LogEvent) -> None:
    assert not LogHandler(Output(), None).filter(_record(event))


@pytest.mark.parametrize(
    "asked", [Output(printshellcmds=True), Output(verbose=True), Output(dryrun=True)]
)
def test_job_detail_shows_when_asked_for(asked: Output) -> None:
    assert LogHandler(asked, None).filter(_record(LogEvent.JOB_INFO))


@pytest.mark.parametrize("event", [LogEvent.JOB_ERROR, LogEvent.ERROR, LogEvent.PROGRESS, None])
def test_errors_progress_and_plain_messages_always_show(event: LogEvent | None) -> None:
    assert LogHandler(Output(), None).filter(_record(event, logging.ERROR))
