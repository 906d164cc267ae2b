"""A quieter console for crossbrief builds, as a Snakemake logger plugin.

The default profile selects it (``logger: [crossbrief]``). It prints what Snakemake's
own console prints, except each job's block (rule, inputs, outputs, log, reason,
resources) and shell commands: the analyst sees the header, the progress lines, any
error in full and crossbrief's summary at the end. ``-p`` (``--printshellcmds``),
``--verbose`` and dry runs (``-n``) bring the job blocks back. Errors are never
hidden. Snakemake finds the plugin by its module name, ``snakemake_logger_plugin_*``.
"""

from __future__ import annotations

import logging
import sys

from snakemake_interface_logger_plugins.base import LogHandlerBase
from snakemake_interface_logger_plugins.common import LogEvent

__all__ = ["JOB_DETAIL", "LogHandler"]

#: Events a build shows only with -p, --verbose or a dry run: the header naming the
#: platform and paths, each job's block, shell commands and resources.
JOB_DETAIL = frozenset(
    {
        LogEvent.WORKFLOW_STARTED,
        LogEvent.JOB_INFO,
        LogEvent.GROUP_INFO,
        LogEvent.SHELLCMD,
        LogEvent.RESOURCES_INFO,
    }
)


class LogHandler(LogHandlerBase):
    """Snakemake's console, without the per-job detail unless it is asked for."""

    def __post_init__(self) -> None:
        from snakemake.logging import DefaultFilter

        s = self.common_settings
        self.detail = bool(s.printshellcmds or s.verbose or s.dryrun)
        # Snakemake's own rules first (quiet, debug output, shell commands), then ours.
        self.addFilter(DefaultFilter(s.quiet, s.debug_dag, s.verbose, s.dryrun, s.printshellcmds))
        self.addFilter(self.wanted)

    def wanted(self, record: logging.LogRecord) -> bool:
        return self.detail or getattr(record, "event", None) not in JOB_DETAIL

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
            if text:
                sys.stderr.write(text + "\n")
                sys.stderr.flush()
        except Exception:  # a log line must never stop a build
            self.handleError(record)

    @property
    def writes_to_stream(self) -> bool:
        return True

    @property
    def writes_to_file(self) -> bool:
        return False

    @property
    def has_filter(self) -> bool:
        return True

    @property
    def has_formatter(self) -> bool:
        return False  # Snakemake's own formatter

    @property
    def needs_rulegraph(self) -> bool:
        return False
