"""Tables: header roles, result words, and flattened rowspans put back under their columns."""

from __future__ import annotations

from filmgraph.read.tables import expand_rows, header_roles, is_result_word


def test_header_roles() -> None:
    assert header_roles(["Award / Film Festival", "Date of ceremony", "Category", "Recipient(s)", "Result", "Ref."]) \
        == ["body", "date", "category", "recipient", "result", "reference"]


def test_result_words() -> None:
    assert [is_result_word(w) for w in ("Won", "Nominated", "Runner-up", "Best Director")] == [True, True, True, False]


def test_a_short_row_inherits_the_cells_spanned_from_above() -> None:
    header, rows = expand_rows(["Award", "Date", "Category", "Recipient", "Result"], [
        (1, ["Bodil Awards", "1 March 2024", "Best Film", "", "Won"]),
        (2, ["Best Actor", "Ann Berg", "Nominated"]),
    ], "x")
    assert rows[1] == ["Bodil Awards", "1 March 2024", "Best Actor", "Ann Berg", "Nominated"]
