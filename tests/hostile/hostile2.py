"""Helpers of the second campaign's tests (tests/hostile/inputs2): its inputs, and a CLI run that must end
cleanly."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result

from filmgraph.cli import cli

HOSTILE2 = Path(__file__).parent / "inputs2"
PROJECT = Path(__file__).parent.parent.parent


def run_cli(*args: str, env: dict[str, str] | None = None) -> Result:
    """``filmgraph ARGS`` in-process; it must end in a clean exit status (0, 1 or 2) with no traceback, and
    every error on one line."""
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output
    return result


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("Error:")]


@dataclass
class FakeServer:
    url: str  # http://127.0.0.1:PORT
    log: Path  # one line a request: time, method, path, body size

    def requests(self) -> str:
        return self.log.read_text(encoding="utf-8") if self.log.exists() else ""
