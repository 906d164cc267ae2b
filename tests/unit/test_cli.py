"""The command line explains itself: a version, and help text for every option."""

from __future__ import annotations

import argparse

import pytest

from crossbrief import __version__
from crossbrief.cli import main, parser


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    root = parser()
    (sub,) = (a for a in root._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_version_names_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"crossbrief {__version__}"


def test_every_subcommand_has_a_one_line_help() -> None:
    root = parser()
    (sub,) = (a for a in root._actions if isinstance(a, argparse._SubParsersAction))
    helped = {action.dest for action in sub._choices_actions if action.help}
    assert set(sub.choices) <= helped


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_option_and_argument_has_help_text(name: str) -> None:
    command = _subcommands()[name]
    silent = [
        "/".join(action.option_strings) or action.dest
        for action in command._actions
        if not isinstance(action, argparse._HelpAction) and not action.help
    ]
    assert not silent, f"crossbrief {name}: no help text for {silent}"
