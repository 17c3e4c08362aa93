"""Every command has help with an example, and the README shows each command's current help."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from filmgraph.cli import cli

ROOT = Path(__file__).parent.parent
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"], prog_name="filmgraph")
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"filmgraph {command}" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_mentions_every_command(command: str) -> None:
    assert f"filmgraph {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_cli_reference_is_current() -> None:
    done = subprocess.run([sys.executable, "-m", "cogapp", "--check", str(ROOT / "README.md")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr + done.stdout


def test_mapping_table_in_ontology_docs_is_current() -> None:
    done = subprocess.run([sys.executable, "-m", "cogapp", "--check", str(ROOT / "ontology" / "README.md")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr + done.stdout
