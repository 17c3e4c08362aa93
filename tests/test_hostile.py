"""Every hostile input (tests/hostile/, copied from the hostile-input findings) ends in a written film, a
one-line error with exit 2, or a clean skip: never a traceback, a hang, a corrupt file or a forged triple."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from filmgraph.cli import cli

HOSTILE = Path(__file__).parent / "hostile"
# The inputs beside the tests and helpers of tests/hostile (the second campaign's are in inputs2/).
INPUTS = sorted(p for p in HOSTILE.iterdir() if p.is_file() and p.name != "README.md" and p.suffix != ".py")


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_hostile_input_exports_or_fails_in_one_line(path: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["export", str(path), "-o", str(tmp_path), "-f", "nt", "-f", "jsonld",
                                      "-f", "ttl"])
    assert time.monotonic() - started < 60
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert all("\n" not in e for e in errors)
    for nt in tmp_path.glob("*.nt"):
        quads = list(pyoxigraph.parse(path=str(nt), format=pyoxigraph.RdfFormat.N_TRIPLES))  # strict
        turtle = Graph().parse(nt.with_suffix(".ttl"))
        assert len(quads) == len(turtle)
        assert isomorphic(turtle, Graph().parse(nt.with_suffix(".jsonld"), format="json-ld"))
    assert not list(tmp_path.glob(".*.tmp")) and not list(tmp_path.glob(".filmgraph-*"))


def test_non_latin_titles_give_distinct_stable_files(tmp_path: Path) -> None:
    inputs = [str(HOSTILE / name) for name in ("nonlatin_a.txt", "nonlatin_b.txt", "nonlatin_people.txt")]
    result = CliRunner().invoke(cli, ["export", *inputs, "-o", str(tmp_path), "-f", "nt"])
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in tmp_path.glob("*.nt"))
    assert len(files) == 3 and all(not name.startswith("x.") for name in files)
    again = CliRunner().invoke(cli, ["export", *inputs, "-o", str(tmp_path / "again"), "-f", "nt"])
    assert sorted(p.name for p in (tmp_path / "again").glob("*.nt")) == files and again.exit_code == 0


def test_line_separators_are_escaped_and_forge_no_triple(tmp_path: Path) -> None:
    for name in ("nt_line_injection.txt", "line_separator_title.txt"):
        result = CliRunner().invoke(cli, ["export", str(HOSTILE / name), "-o", str(tmp_path), "-f", "nt"])
        assert result.exit_code == 0
    for nt in tmp_path.glob("*.nt"):
        text = nt.read_text(encoding="utf-8")
        assert not any(ch in text for ch in "\u2028\u2029\u0085\x0b\x0c\x1c\x1d\x1e")
        subjects = {str(q.subject) for q in pyoxigraph.parse(path=str(nt), format=pyoxigraph.RdfFormat.N_TRIPLES)}
        assert not any(s.startswith("https://evil.example") for s in subjects)


def test_jsonld_keeps_zero_empty_and_false(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(HOSTILE / "jsonld_budget_loss.txt"), "-o", str(tmp_path)])
    assert result.exit_code == 0
    turtle = Graph().parse(tmp_path / "budget-film.ttl")
    jsonld = Graph().parse(tmp_path / "budget-film.jsonld", format="json-ld")
    assert len(turtle) == len(jsonld) and isomorphic(turtle, jsonld)
    assert '"@value": "0"' in (tmp_path / "budget-film.jsonld").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "budget-film.jsonld").read_text(encoding="utf-8"))["@graph"]


def test_two_cast_entries_with_different_roles_stay_two_people(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(HOSTILE / "name_merge.txt"), "-o", "-", "-f", "nt"])
    names = {line.split('"')[1] for line in result.stdout.splitlines() if "<http://schema.org/name>" in line}
    assert {"Maria Nielsen", "Marie Nielsen"} <= names


def test_out_of_range_numbers_are_dropped_with_a_warning(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(HOSTILE / "huge_runtime.txt"), "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert "'Runtime' value '9999999999999999999999999999999999999999' is no minutes filmgraph can read; left out" \
        in result.stderr
