"""`marsad --version`, and every sub-command's --help: a description and an example."""

from __future__ import annotations

import argparse
import re
from importlib.metadata import version

import pytest

from bot.cli import build_parser, main


def _commands() -> list[str]:
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(actions[0].choices)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"marsad {version('marsad')}"


def test_every_command_is_listed() -> None:
    assert {"run", "backup", "prune", "ingest", "demo", "config"} <= set(_commands())


@pytest.mark.parametrize("command", _commands())
def test_help_has_a_description_and_an_example(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    usage, _, rest = out.partition("\n\n")
    assert usage.startswith(f"usage: marsad {command}")
    description = rest.split("\n\n")[0]
    assert len(description.split()) >= 4  # a sentence, not a placeholder
    examples = out.split("examples:\n", 1)[1].splitlines()
    shown = re.compile(rf"\bmarsad (-v+ )?{command}\b")
    assert examples and all(shown.search(line) for line in examples if line.strip())
