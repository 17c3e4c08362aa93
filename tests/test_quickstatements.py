"""QuickStatements: exactly the statements an item lacks, with qualifiers and references; conflicts apart."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from click.testing import CliRunner

from conftest import loopback_api
from filmgraph.cli import cli
from filmgraph.pipeline import Reading, quickstatements
from filmgraph.wikidata.quickstatements import as_csv, as_v1, load_entity

CORPUS = Path(__file__).parent / "corpus"
ENTITY = Path(__file__).parent / "data" / "wikidata" / "48_hrs.json"
PAGE = "https://en.wikipedia.org/wiki/48_Hrs."


def _proposal(tmp_path: Path, *, create: bool = False, entity: dict | None = None):
    items = tmp_path / "items.tsv"
    # Item ids written for this test (the director's is the entity's P57 below).
    items.write_text("Walter Hill (director)\tQ362824\nNick Nolte\tQ190631\nParamount Pictures\tQ159846\n",
                     encoding="utf-8")
    reading = Reading(items_file=items, source_url=PAGE)
    return quickstatements(CORPUS / "48_hrs.wiki", entity=entity or load_entity(ENTITY), reading=reading,
                           create=create)


def test_only_missing_statements_with_qualifiers_and_references(tmp_path: Path) -> None:
    proposal = _proposal(tmp_path)
    lines = as_v1(proposal).splitlines()
    by_property = {}
    for line in lines:
        cells = line.split("\t")
        assert cells[0] == "Q900000048"
        by_property.setdefault(cells[1], []).append(cells)
    assert "P57" not in by_property  # the item states its director
    assert "P577" not in by_property  # 1982-12-08 is stated, at day precision
    assert "P364" not in by_property  # English
    source = ["S854", f'"{PAGE}"', "S143", "Q328"]
    assert ["Q900000048", "P161", "Q190631", "P4633", '"Jack Cates"', *source] in by_property["P161"]
    assert ["Q900000048", "P750", "Q159846", *source] in by_property["P750"]
    assert ["Q900000048", "P2130", "12000000U4917", *source] in by_property["P2130"]
    assert ["Q900000048", "P2142", "78900000U4917", *source] in by_property["P2142"]
    assert ["Q900000048", "P495", "Q30", *source] in by_property["P495"]
    # Another runtime is for a person to check, never an edit.
    assert "P2047" not in by_property
    assert proposal.conflicts == ["Q900000048 P2047: the article states 96U7727, the item 97"]
    assert "Eddie Murphy" in proposal.needs_item and "Nick Nolte" not in proposal.needs_item


def test_a_less_precise_value_in_the_item_does_not_cover_a_day(tmp_path: Path) -> None:
    entity = load_entity(ENTITY)
    entity["claims"]["P577"][0]["mainsnak"]["datavalue"]["value"].update(time="+1982-00-00T00:00:00Z", precision=9)
    proposal = _proposal(tmp_path, entity=entity)
    assert ["Q900000048", "P577", "+1982-12-08T00:00:00Z/11", "S854", f'"{PAGE}"', "S143", "Q328"] in [
        line for line in proposal.lines]
    entity["claims"]["P577"][0]["mainsnak"]["datavalue"]["value"].update(time="+1982-12-08T00:00:00Z",
                                                                          precision=11)
    assert not [line for line in _proposal(tmp_path, entity=entity).lines if line[1] == "P577"]


def test_create_blocks_for_people_without_items_and_csv(tmp_path: Path) -> None:
    proposal = _proposal(tmp_path, create=True)
    text = as_v1(proposal)
    assert 'CREATE\nLAST\tLen\t"Eddie Murphy"\nLAST\tP31\tQ5\nQ900000048\tP161\tLAST\tP4633\t"Reggie Hammond"' in text
    assert not proposal.needs_item
    csv_text = as_csv(_proposal(tmp_path))
    assert "qid,P161,qal4633,S854,S143\nQ900000048,Q190631,\"\"\"Jack Cates\"\"\"" in csv_text


def test_cli_prints_statements_and_reports_conflicts(tmp_path: Path) -> None:
    items = tmp_path / "items.tsv"
    items.write_text("Nick Nolte\tQ190631\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["quickstatements", str(CORPUS / "48_hrs.wiki"), "--entity", str(ENTITY),
                                      "--items", str(items), "--source-url", PAGE])
    assert result.exit_code == 0, result.output
    assert 'Q900000048\tP161\tQ190631\tP4633\t"Jack Cates"' in result.stdout
    assert "conflict: Q900000048 P2047: the article states 96U7727, the item 97" in result.stderr
    assert "needs an item: Walter Hill" in result.stderr
    bad = CliRunner().invoke(cli, ["quickstatements", str(CORPUS / "48_hrs.wiki"), "--entity", str(items)])
    assert bad.exit_code == 2 and bad.stderr.startswith(f"Error: {items}: not a wbgetentities answer")


class _Wikidata(BaseHTTPRequestHandler):
    """Answers action=wbgetentities from the recorded entity; any other id is missing."""

    seen: list[dict[str, list[str]]] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        query = parse_qs(urlparse(self.path).query)
        type(self).seen.append(query)
        entity = json.loads(ENTITY.read_text(encoding="utf-8"))["entities"]
        ids = query.get("ids", [""])[0].split("|")
        body = {"entities": {i: entity.get(i, {"id": i, "missing": ""}) for i in ids}}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


def test_the_item_is_fetched_with_wbgetentities_when_no_entity_is_given(tmp_path: Path) -> None:
    items = tmp_path / "items.tsv"
    items.write_text("48 Hrs.\tQ900000048\nNick Nolte\tQ190631\n", encoding="utf-8")
    reading = Reading(items_file=items, source_url=PAGE, contact="films@example.org")
    with loopback_api(_Wikidata) as api:
        proposal = quickstatements(CORPUS / "48_hrs.wiki", reading=reading, wikidata_api=api)
    query = _Wikidata.seen[-1]
    assert query["action"] == ["wbgetentities"] and query["ids"] == ["Q900000048"] and query["props"] == ["claims"]
    assert ["Q900000048", "P161", "Q190631", "P4633", '"Jack Cates"', "S854", f'"{PAGE}"', "S143", "Q328"] \
        in proposal.lines
    assert proposal.conflicts == ["Q900000048 P2047: the article states 96U7727, the item 97"]
    unknown = CliRunner().invoke(cli, ["quickstatements", str(CORPUS / "48_hrs.wiki")])
    assert unknown.exit_code == 2
    assert unknown.stderr.strip() == ("Error: 48_hrs.wiki: the film's Wikidata item is not known; give --entity "
                                      "FILE.json, or --link-wikidata or --items with the page's URL")
