"""Queries on a store of many films: the queries of queries/wikidata/, written as for the Wikidata Query
Service, and every query the README shows return the right rows on the export of the whole corpus.

"Right among many films" is checked the same way for every query: its rows on the store of all films are the
rows it gives on each film's graph alone, put together — no row repeated because a node (a country, a linked
person, an award category) is described in several films' graphs — and specific rows are checked by value.
A node several films describe may carry each film's name for it (an award category one article calls "Best
Make-up" and another "Best Make-Up"; a linked person's label is the page's in every film): a row of the store
of all films may differ from the films' own rows in such a label (a ``…Label`` column), never in anything else.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from conftest import PAGE_48_HRS
from filmgraph.store.results import QUERY_PREFIXES

HERE = Path(__file__).parent
ROOT = HERE.parent
WIKIDATA_QUERIES = sorted((ROOT / "queries" / "wikidata").glob("*.rq"))
WD = "http://www.wikidata.org/entity/"
Row = tuple[str, ...]


def _rows(store: ox.Store, query: str) -> tuple[list[str], list[Row]]:
    """Variables and rows, as `filmgraph query` asks the embedded store (its prefixes, the union of the films)."""
    result = store.query(query, prefixes=QUERY_PREFIXES, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions), query
    names = [variable.value for variable in result.variables]
    return names, [tuple("" if term is None else term.value for term in row) for row in result]


@pytest.fixture(scope="module")
def stores(corpus_quads: dict[str, str]) -> tuple[ox.Store, list[ox.Store]]:
    """One store of every film, and one store per film."""
    every = ox.Store()
    each = []
    for text in corpus_quads.values():
        every.load(text.encode(), format=ox.RdfFormat.N_QUADS)
        alone = ox.Store()
        alone.load(text.encode(), format=ox.RdfFormat.N_QUADS)
        each.append(alone)
    return every, each


def run_among_many_films(stores: tuple[ox.Store, list[ox.Store]], query: str) -> list[dict[str, str]]:
    """The query's rows on the store of every film, after checking that they are the rows of the films alone."""
    every, each = stores
    names, rows = _rows(every, query)
    alone: Counter[Row] = Counter(row for store in each for row in _rows(store, query)[1])
    assert not set(alone) - set(rows), "rows of the films alone are missing"
    facts = [index for index, name in enumerate(names) if not name.endswith("Label")]
    known = {tuple(row[index] for index in facts) for row in alone}
    other = [row for row in set(rows) - set(alone) if tuple(row[index] for index in facts) not in known]
    assert not other, f"rows that no film gives alone: {other[:3]}"
    repeated = {row: count for row, count in Counter(rows).items() if count > max(alone[row], 1)}
    assert not repeated, f"rows repeated among many films: {list(repeated)[:3]}"
    return [dict(zip(names, row, strict=True)) for row in rows]


def has_row(rows: list[dict[str, str]], **expected: Any) -> bool:
    return any(all(row.get(name) == str(value) for name, value in expected.items()) for row in rows)


# ------------------------------------------------------- queries/wikidata/


WIKIDATA_ROWS: dict[str, list[dict[str, str]]] = {
    "cast_with_characters.rq": [
        {"filmLabel": "48 Hrs.", "actor": WD + "Q190631", "actorLabel": "Nick Nolte", "character": "Jack Cates"},
        {"filmLabel": "48 Hrs.", "actor": WD + "Q43874", "actorLabel": "Eddie Murphy", "character": "Reggie Hammond"},
        {"filmLabel": "48 Hrs.", "actorLabel": "James Remar", "character": "Albert Ganz"},
        {"filmLabel": "The Empire Strikes Back", "actorLabel": "Mark Hamill", "character": "Luke Skywalker"}],
    "awards_since_1990.rq": [
        {"filmLabel": "The Incredibles", "awardLabel": "Best Animated Feature (Annie Awards)",
         "date": "2004-01-01T00:00:00Z"},
        {"filmLabel": "The Company of Strangers", "awardLabel": "Best Film Editing (Genie Awards)",
         "date": "1991-01-01T00:00:00Z"}],
    "films_of_the_1980s.rq": [
        {"filmLabel": "48 Hrs.", "released": "1982-12-08T00:00:00Z"},
        {"filmLabel": "The Empire Strikes Back", "released": "1980-05-17T00:00:00Z"},
        {"filmLabel": "Ghostbusters II", "released": "1989-06-15T00:00:00Z"}],
    "films_with_actor.rq": [
        {"filmLabel": "48 Hrs.", "director": WD + "Q362824", "directorLabel": "Walter Hill"}],
    "box_office_with_reference.rq": [
        {"filmLabel": "48 Hrs.", "amount": "78900000", "currency": WD + "Q4917", "url": PAGE_48_HRS},
        {"filmLabel": "Cars 2", "amount": "559800000", "currency": WD + "Q4917"}],
    "nominations_with_nominees.rq": [
        {"filmLabel": "48 Hrs.", "awardLabel": "Best Acting Debut - Male (Golden Globe Awards)",
         "nominee": WD + "Q43874", "nomineeLabel": "Eddie Murphy"},
        {"filmLabel": "Cars 2", "awardLabel": "Editing in a Feature Production (Annie Awards)",
         "nomineeLabel": "Stephen Schaffer"}],
}


def test_at_least_six_wikidata_style_queries_each_with_expected_rows() -> None:
    assert len(WIKIDATA_QUERIES) >= 6
    assert sorted(WIKIDATA_ROWS) == [path.name for path in WIKIDATA_QUERIES]


@pytest.mark.parametrize("path", WIKIDATA_QUERIES, ids=[p.name for p in WIKIDATA_QUERIES])
def test_wikidata_style_query_returns_the_right_rows(stores, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "PREFIX" not in text  # as on query.wikidata.org, where the prefixes are declared for the query
    rows = run_among_many_films(stores, text)
    for expected in WIKIDATA_ROWS[path.name]:
        assert has_row(rows, **expected), expected


def test_the_actor_item_query_finds_only_films_with_that_item(stores) -> None:
    rows = run_among_many_films(stores, (ROOT / "queries" / "wikidata" / "films_with_actor.rq").read_text())
    assert [(row["filmLabel"], row["directorLabel"]) for row in rows] == [("48 Hrs.", "Walter Hill")]


def test_dates_compare_as_wikidata_times(stores) -> None:
    since = run_among_many_films(stores, (ROOT / "queries" / "wikidata" / "awards_since_1990.rq").read_text())
    assert since and all(row["date"] >= "1990" for row in since)
    eighties = run_among_many_films(stores, (ROOT / "queries" / "wikidata" / "films_of_the_1980s.rq").read_text())
    assert eighties and all(row["released"].startswith("198") for row in eighties)
    assert not has_row(eighties, filmLabel="Rocky")  # 1976


# -------------------------------------------------------- README queries


def readme_queries() -> dict[str, str]:
    """Every query the README shows, by where it shows it: SPARQL blocks, the query files it runs, the queries
    of its command lines (`filmgraph query '…'`) and of its Python examples (`.query("…")`)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for number, block in enumerate(re.findall(r"```sparql\n(.*?)```", text, re.DOTALL), 1):
        found[f"sparql block {number}"] = block
    for name in sorted(set(re.findall(r"@(queries/[\w/]+\.rq)", text))):
        found[name] = (ROOT / name).read_text(encoding="utf-8")
    for number, query in enumerate(re.findall(r"filmgraph query [^'@]*'([^']+)'", text), 1):
        found[f"command line {number}"] = query
    for block in re.findall(r"```python\n(.*?)```", text, re.DOTALL):
        for node in ast.walk(ast.parse(block)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "query" \
                    and node.args and isinstance(node.args[0], ast.Constant):
                found[f"python {len([k for k in found if k.startswith('python')]) + 1}"] = node.args[0].value
    return found


README_ROWS: dict[str, list[dict[str, str]]] = {
    "sparql block 1": [  # the nominations query of "What comes out"
        {"film": "48 Hrs.", "body": "Golden Globe Awards", "category": "Best Acting Debut - Male",
         "nominees": "Eddie Murphy", "result": "nominated"},
        {"film": "Cars 2", "body": "Annie Awards", "category": "Editing in a Feature Production",
         "nominees": "Stephen Schaffer", "result": "nominated"}],
    "sparql block 2": [  # the Wikidata-style query of "Query it as you query Wikidata"
        {"filmLabel": "48 Hrs.", "actorLabel": "Nick Nolte", "character": "Jack Cates",
         "directorLabel": "Walter Hill"}],
    "queries/crew.rq": [{"film": "48 Hrs.", "role": "director", "person": "Walter Hill"}],
    "queries/people_with_several_roles.rq": [{"film": "Evil Dead II", "person": "Sam Raimi"},
                                             {"film": "48 Hrs.", "person": "Walter Hill",
                                              "count": "2"}],
    "queries/screenings.rq": [{"film": "Army of Darkness", "event": "Sitges Film Festival", "date": "1992-10-09"}],
    "queries/cast.rq": [{"film": "48 Hrs.", "actor": "Nick Nolte", "character": "Jack Cates"}],
    "queries/wikidata/cast_with_characters.rq": WIKIDATA_ROWS["cast_with_characters.rq"],
    "command line 1": [{"name": "Walter Hill"}],
    "python 1": [{"name": "Walter Hill"}],
}


def test_every_readme_query_has_expected_rows() -> None:
    assert sorted(readme_queries()) == sorted(README_ROWS)


@pytest.mark.parametrize("name", sorted(README_ROWS))
def test_readme_query_returns_the_right_rows_among_many_films(stores, name: str) -> None:
    rows = run_among_many_films(stores, readme_queries()[name])
    for expected in README_ROWS[name]:
        assert has_row(rows, **expected), expected
