"""The real Wikipedia pages of ``tests/corpus/`` (see its SOURCES.md): every film written, every other page
declined by name, no traceback."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from filmgraph.cli import cli

CORPUS = Path(__file__).parent / "corpus"


def _rows() -> dict[str, bool]:
    """file → whether SOURCES.md says it has {{Infobox film}}."""
    rows = {}
    for line in (CORPUS / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 7 and cells[0].endswith(".wiki"):
            rows[cells[0]] = cells[6] == "yes"
    return rows


def test_every_film_page_is_written_and_every_other_page_declined_by_name(tmp_path: Path) -> None:
    rows = _rows()
    assert len(rows) == 92 and sum(rows.values()) == 85
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", str(CORPUS), "-o", str(out), "-f", "nt"])
    assert result.exit_code == 0, result.stderr[-2000:]
    assert "Traceback" not in result.output
    # Three pages with a film infobox are a series' pages: each instalment's credits and dates, no one film's.
    series = {"1920_film_series.wiki", "alpha_and_omega_film_series.wiki", "final_destination.wiki"}
    assert ("92 pages read, 82 films written, 0 skipped (0 no film infobox, 0 redirect, 0 other namespace), "
            "10 declined, 0 violate the shapes, 0 failed in ") in result.stderr
    skipped = {Path(m.group(1)).name: m.group(2)
               for m in re.finditer(r"^skipped: (\S+\.wiki): (.+)$", result.stderr, flags=re.M)}
    assert set(skipped) == {name for name, film in rows.items() if not film} | series
    assert {skipped[name] for name in series} == {"not a film article (a series of films)"}
    assert skipped["werner_herzog.wiki"] == "not a film article (Infobox person)"
    assert skipped["twin_peaks.wiki"] == "not a film article (Infobox television)"
    assert skipped["baazi_1968_film.wiki"] == "redirect to Baazi (1968 film)"
    assert len(list(out.glob("*.nt"))) == 82


EXPECTED = sorted((CORPUS / "expected").glob("*.expected.json"))
SHARED = Path(__file__).parents[2] / "shared" / "corpus" / "annotated"
# The share of expected facts found today, on the project's blind annotations and on the shared five. Issue 17's
# target is 95 % on both; these floors only keep what has been reached from slipping back. The project's 80 pages
# stand at 95.8 %, the last 9 annotated at 94.6 % (bodies under other names, casts told in prose, one person
# written two ways, pen names).
PROJECT_FLOOR = 0.95
SHARED_FLOOR = 0.95


def _score(page: Path, expected: Path, tmp_path: Path) -> tuple[int, int, int, list[str]]:
    """(found, total, invented wins, miss lines) of one page, scored by the shared checker on its Turtle."""
    from check_facts import main as check
    from filmgraph import RdfFormat
    from filmgraph.pipeline import export_one

    result = export_one(page, output_dir=tmp_path, formats=(RdfFormat.TURTLE,))
    assert result.error is None, result.error
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        check(str(next(tmp_path.glob("*.ttl"))), str(expected), False)
    lines = output.getvalue().splitlines()
    summary = re.search(r"facts: (\d+)/(\d+) .* invented-wins: (\d+)", lines[-1])
    assert summary, lines[-1]
    return int(summary[1]), int(summary[2]), int(summary[3]), lines[:-1]


def _score_all(pairs: list[tuple[Path, Path]], tmp_path: Path) -> tuple[float, int]:
    found_all = total_all = invented_all = 0
    for page, expected in pairs:
        folder = tmp_path / page.stem
        folder.mkdir()
        found, total, invented, misses = _score(page, expected, folder)
        found_all, total_all, invented_all = found_all + found, total_all + total, invented_all + invented
        print(f"{page.stem}: {found}/{total} found, {invented} invented wins")
        for line in misses:
            print("   ", line)
    print(f"all: {found_all}/{total_all} = {found_all / total_all:.1%}, {invented_all} invented wins")
    return found_all / total_all, invented_all


def test_blind_annotated_corpus_pages_state_their_facts(tmp_path: Path) -> None:
    """tests/corpus/expected/: every fact each page states, written from the page before the program ran on it
    (13 full-length articles among them); found/total per page and overall."""
    assert len(EXPECTED) >= 30
    full_length = [p for p in EXPECTED if len((CORPUS / p.name.replace(".expected.json", ".wiki")).read_text(
        encoding="utf-8")) >= 15_000]
    assert len(full_length) >= 10
    share, invented = _score_all([(CORPUS / p.name.replace(".expected.json", ".wiki"), p) for p in EXPECTED],
                                 tmp_path)
    assert invented == 0
    assert share >= PROJECT_FLOOR


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared annotated pages lie beside the repository")
def test_shared_annotated_pages_state_their_facts_and_no_invented_win(tmp_path: Path) -> None:
    pairs = [(page, page.with_suffix(".expected.json")) for page in sorted(SHARED.glob("*.wiki"))]
    assert len(pairs) == 5
    share, invented = _score_all(pairs, tmp_path)
    assert invented == 0
    assert share >= SHARED_FLOOR
