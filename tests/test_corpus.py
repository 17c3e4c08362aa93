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
