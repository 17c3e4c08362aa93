from __future__ import annotations

from pathlib import Path

import pytest

from filmgraph import FilmgraphError, parse_article, read_article


def test_sample_structure(sample_path: Path) -> None:
    article = read_article(sample_path)
    assert article.title == "Second Victims"
    assert [(f.label, f.values) for f in article.infobox][:2] == [
        ("Director", ("Zinnini Elkington",)), ("Producer", ("Johannes Rothaus Nørregaard",))]
    assert len(article.infobox) == 11
    assert article.lead[0].startswith("Second Victims (Det andet offer) is a 2025 Danish drama film")
    assert [s.title for s in article.sections] == ["Premise", "Cast", "Production", "Release", "Accolades"]
    cast = article.sections[1].lists[0]
    assert len(cast) == 7 and cast[0] == "Özlem Saglanmak as Alexandra"


def test_flattened_rowspans_are_expanded(sample_path: Path) -> None:
    table = read_article(sample_path).sections[-1].tables[0]
    assert table.header == ("Award / Film Festival", "Date of ceremony", "Category", "Recipient(s)")
    assert len(table.rows) == 12
    assert table.rows[2] == ("Robert Awards", "31 January 2026", "Best Director", "Zinnini Elkington")
    assert table.rows[3] == ("Robert Awards", "31 January 2026", "Best Original Screenplay", "")
    assert table.rows[6] == ("Robert Awards", "31 January 2026", "Best Actress in a Supporting Role", "Trine Dyrholm")


def test_flattened_rows_with_a_result_column() -> None:
    text = ("= F =\n\n==Accolades==\n| Award | Date | Category | Recipient | Result |\n"
            "| Bodil Awards | 2 March 2024 | Best Film | | Won |\n| Best Actor | Ole Dam | Nominated |\n"
            "| Pia Holm | Won |\n")
    rows = parse_article(text, source="urn:x").sections[0].tables[0].rows
    assert rows[1] == ("Bodil Awards", "2 March 2024", "Best Actor", "Ole Dam", "Nominated")
    assert rows[2] == ("Bodil Awards", "2 March 2024", "Best Actor", "Pia Holm", "Won")


def test_infobox_template_keys_repeated_keys_and_indented_lists(article) -> None:
    hunt = read_article(article("the_hunt.txt"))
    assert [f.label for f in hunt.infobox].count("producer") == 2
    rounds = read_article(article("another_round.txt"))
    starring = next(f for f in rounds.infobox if f.label == "Starring")
    assert starring.values == ("Mads Mikkelsen", "Thomas Bo Larsen", "Magnus Millang", "Lars Ranthe")


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"Just some text\nwithout a title\n", "no title line ('= Title =') at the top of the article"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file, not an article"),
    (b"= T\xe9st =\n", "not UTF-8 text (byte 0xe9 at offset 3)"),
])
def test_bad_input_is_one_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "film.txt"
    path.write_bytes(content)
    with pytest.raises(FilmgraphError) as caught:
        read_article(path)
    assert str(caught.value) == f"{path}: {message}" or str(caught.value) == f"film.txt: {message}"


@pytest.mark.parametrize(("content", "message"), [
    (b"= T =\n\n==Awards==\n| Award | Date | Category | Result |\n| Best Film | Won |\n",
     "line 5: row has 2 cells, header has 5, and no row above to continue; the row was left out"),
    (b"= T =\n\n==Awards==\n| Award | Category | Result |\n| A | B | Won | C | D | E |\n",
     "line 5: row has 6 cells, header has 4; the row was left out"),
])
def test_an_odd_table_row_is_left_out_with_a_warning(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "film.txt"
    path.write_bytes(content)
    assert read_article(path).warnings == (f"{path}: {message}",)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FilmgraphError, match="No such file or directory"):
        read_article(tmp_path / "nope.txt")
