"""The real Wikipedia pages of ``tests/corpus/`` (see its SOURCES.md): every film written, every other page
declined by name, no traceback."""

from __future__ import annotations

import re
from pathlib import Path

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
    assert result.stderr.strip().endswith("85 exported, 7 skipped (not films), 0 violate the shapes, 0 errors")
    skipped = {Path(m.group(1)).name: m.group(2)
               for m in re.finditer(r"^skipped: (\S+\.wiki): (.+)$", result.stderr, flags=re.M)}
    assert set(skipped) == {name for name, film in rows.items() if not film}
    assert skipped["werner_herzog.wiki"] == "not a film article (Infobox person)"
    assert skipped["twin_peaks.wiki"] == "not a film article (Infobox television)"
    assert skipped["baazi_1968_film.wiki"] == "redirect to Baazi (1968 film)"
    assert len(list(out.glob("*.nt"))) == 85


EXPECTED = sorted((CORPUS / "expected").glob("*.expected.json"))


def _score(path: Path) -> tuple[set, set, set]:
    from factview import expected_facts, facts
    from filmgraph import extract_film, map_film, read_article

    page = CORPUS / path.name.replace(".expected.json", ".wiki")
    expected = expected_facts(path)
    got = {f for f in facts(map_film(extract_film(read_article(page)))) if f[0] != "person"}
    return expected, got & expected, got - expected


def test_annotated_pages_state_their_facts() -> None:
    """Hand-checked facts of real pages (tests/corpus/expected/): found/total per page, ≥ 95 % in all, and no
    win that a page does not state."""
    assert len(EXPECTED) >= 20
    total = found_total = 0
    invented_wins = []
    for path in EXPECTED:
        expected, found, invented = _score(path)
        total += len(expected)
        found_total += len(found)
        print(f"{path.name.removesuffix('.expected.json')}: {len(found)}/{len(expected)} found, "
              f"{len(invented)} not in the page's facts")
        for fact in sorted(expected - found, key=str):
            print("  missing ", fact)
        for fact in sorted(invented, key=str):
            print("  extra   ", fact)
        invented_wins += [(path.name, f) for f in invented if f[0] == "nomination" and f[3] == "won"]
    print(f"all annotated pages: {found_total}/{total} = {found_total / total:.1%}")
    assert not invented_wins
    assert found_total / total >= 0.95
