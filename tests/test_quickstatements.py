"""QuickStatements Wikidata can trust: exactly what an item lacks, cited as Wikidata's imports from Wikipedia
are, in V1 and CSV that QuickStatements' own parsers read as meant (each line is parsed here by their grammar)."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import loopback_api, recorded_wiki
from filmgraph.cli import cli
from filmgraph.errors import FilmgraphError
from filmgraph.extract import extract_film
from filmgraph.pipeline import Reading, quickstatements
from filmgraph.rdf.mapping import map_statements
from filmgraph.read.wikitext import parse_wikitext
from filmgraph.wikidata.quickstatements import Proposal, as_csv, as_v1, load_entity, propose, quote

CORPUS = Path(__file__).parent / "corpus"
DATA = Path(__file__).parent / "data"
ENTITY = DATA / "wikidata" / "48_hrs.json"  # written for the tests: its item id is not the film's
CITY_STREETS = DATA / "wikidata" / "Q2262932.json"  # the real item of City Streets (1931 film), as recorded
PERMALINK = "https://en.wikipedia.org/w/index.php?title=48_Hrs.&oldid=1100000048"
RETRIEVED = date(2024, 5, 1)
REFERENCE = ["S143", "Q328", "S4656", f'"{PERMALINK}"', "S813", "+2024-05-01T00:00:00Z/11"]


# ---------------------------------------------------------------- QuickStatements' grammar, as its parsers read
# QuickStatements 2 (magnusmanske/quickstatements, public_html/quickstatements.php: importDataFromV1,
# importDataFromCSV, parseValueV1) and QuickStatements 3 (parsers/v1.py, parsers/csv.py, parsers/base.py). A
# line is valid when both read it, and read it alike.

_ENTITY = r"(?:[PQLM]\d+|L\d+-[FS]\d+)"
_VALUES = [  # parseValueV1's forms, in its order: the first that matches the whole (trimmed) value wins
    ("somevalue", re.compile(r"somevalue|novalue")),
    ("item", re.compile(r"LAST|" + _ENTITY)),
    ("string", re.compile(r'"(.*)"', re.S)),
    ("monolingualtext", re.compile(r'([a-z_-]+):"(.*)"', re.S)),
    ("time", re.compile(r"[+-]?\d+-\d\d-\d\dT\d\d:\d\d:\d\dZ/?\d*")),
    ("globecoordinate", re.compile(r"@\s*[+-]?[0-9.]+\s*/\s*[+-]?[0-9.]+")),
    ("quantity", re.compile(r"[+-]?\d+(?:\.\d+)?(?:U\d+)?")),
    ("quantity", re.compile(r"[+-]?\d+(?:\.\d+)?\s*~\s*[+-]?\d+(?:\.\d+)?(?:U\d+)?")),
]


def parse_value(text: str) -> tuple[str, str]:
    """(kind, value) of a V1 value as both versions read it; AssertionError when either cannot, or they differ."""
    value = text.strip()
    for kind, pattern in _VALUES:
        found = pattern.fullmatch(value)
        if found:
            read = found.group(found.lastindex or 0).strip() if kind in ("string", "monolingualtext") else value
            if kind == "string":
                # QuickStatements 3 reads '"""…"""' as a URL or an external id, and its curly quotes as straight.
                assert not (value.startswith('"""') and value.endswith('"""')), value
                assert "“" not in value and "”" not in value, value
                assert read == found.group(1), f"leading or trailing spaces are lost: {value!r}"
            return kind, read
    raise AssertionError(f"not a QuickStatements value: {text!r}")


@dataclass
class Command:
    subject: str
    property: str
    value: tuple[str, str]
    qualifiers: list[tuple[str, tuple[str, str]]] = field(default_factory=list)
    references: list[list[tuple[str, tuple[str, str]]]] = field(default_factory=list)


def v1_commands(text: str) -> list[Command | tuple[str, ...]]:
    """Every line of a V1 batch, read as QuickStatements does; AssertionError on a line it would misread."""
    assert text == "" or text.endswith("\n")
    commands: list[Command | tuple[str, ...]] = []
    created = False
    for line in text.split("\n")[:-1]:
        assert line and line == line.strip(), repr(line)
        assert "|" not in line, f"QuickStatements 3 reads every '|' as a tab: {line!r}"
        assert not re.search(r"/\*.*\*/\s*$", line), f"read as an edit summary: {line!r}"
        cells = line.split("\t")
        assert all(cell and cell == cell.strip() for cell in cells), f"QuickStatements 3 drops empty cells: {line!r}"
        if cells[0] == "CREATE":
            assert cells == ["CREATE"]
            created = True
            commands.append(("CREATE",))
            continue
        assert re.fullmatch(r"Q\d+|LAST", cells[0]), line
        assert cells[0] != "LAST" or created, f"LAST before any CREATE: {line!r}"
        if len(cells) == 3 and re.fullmatch(r"[LADS][a-z_-]+", cells[1]):
            kind, value = parse_value(cells[2])
            assert kind == "string" and value, line  # a label, description, alias or sitelink
            commands.append((cells[0], cells[1], value))
            continue
        assert re.fullmatch(r"P\d+", cells[1]) and len(cells) % 2 == 1, line
        command = Command(cells[0], cells[1], parse_value(cells[2]))
        assert command.value != ("item", "LAST") or created, line
        keys = cells[3::2]
        assert all(re.fullmatch(r"[PS]\d+", key) for key in keys), line
        # Qualifiers first, then sources: both versions make one reference of the S pairs that follow each other.
        assert keys == sorted(keys, key=lambda key: key.startswith("S")), line
        for key, value in zip(cells[3::2], cells[4::2], strict=True):
            if key.startswith("P"):
                command.qualifiers.append((key, parse_value(value)))
            else:
                if not command.references:
                    command.references.append([])
                command.references[0].append(("P" + key[1:], parse_value(value)))
        commands.append(command)
    return commands


_CSV_HEADER = re.compile(r"P\d+|qal\d+|S\d+|s\d+|[LDA][a-z]{2}|S[a-z]+")


def csv_commands(text: str) -> list[Command | tuple[str, ...]]:
    """Every row of a CSV batch, read as QuickStatements does: one header row, a P column starts a statement,
    ``qal`` columns are its qualifiers, an ``S`` column starts a reference and ``s`` columns add to it, an empty
    ``qid`` creates an item. An empty cell is skipped by QuickStatements 3 but is a command to the older
    importer, so none may fall where it would change something (a label or sitelink) or half a statement."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    assert header[0] == "qid" and "qid" not in header[1:]
    statement_open = source_open = False
    for column in header[1:]:
        assert _CSV_HEADER.fullmatch(column), column
        if column.startswith("P"):
            statement_open, source_open = True, False
        elif column.startswith(("qal", "S")) and column[1:2].isdigit() or column.startswith("qal"):
            assert statement_open, f"{column} before any P column"
            source_open = source_open or column.startswith("S")
        elif column.startswith("s"):
            assert source_open, f"{column} before an S column"
        else:
            statement_open = source_open = False  # a label, description, alias or sitelink
    commands: list[Command | tuple[str, ...]] = []
    for row in body:
        assert row and row[0] != "qid", "one header row for the whole batch"
        assert len(row) <= len(header) and row[-1] != "", row
        subject = row[0]
        assert re.fullmatch(r"Q\d+", subject) or subject == "", row
        if subject == "":
            commands.append(("CREATE",))
            subject = "LAST"
        current: Command | None = None
        skipping = False
        for column, cell in zip(header[1:], row[1:], strict=False):  # a row may stop early
            if column.startswith("P"):
                skipping = cell == ""
                current = None if skipping else Command(subject, column, parse_value(cell))
                if current is not None:
                    commands.append(current)
            elif column.startswith("qal") or re.fullmatch(r"[Ss]\d+", column):
                assert (cell == "") == skipping, f"{column}: a statement's cells are all filled or all empty: {row}"
                if skipping:
                    continue
                assert current is not None
                if column.startswith("qal"):
                    current.qualifiers.append(("P" + column[3:], parse_value(cell)))
                elif column.startswith("S"):
                    current.references.append([("P" + column[1:], parse_value(cell))])
                else:
                    current.references[-1].append(("P" + column[1:], parse_value(cell)))
            else:
                assert cell, f"{column}: an empty cell would blank it in the older importer: {row}"
                assert not cell.startswith('"'), f"{column} is taken as written, quotes and all: {row}"
                commands.append((subject, column, cell))
                skipping = True
    return commands


def statements(commands: list[Command | tuple[str, ...]]) -> list[Command]:
    return [command for command in commands if isinstance(command, Command)]


def assert_valid(*proposals: Proposal) -> list[Command]:
    """Both formats parse as QuickStatements reads them; every statement carries exactly the whole reference of
    its film; the CSV states what V1 states (but the film's statements about new items, which a CSV row cannot
    name); and nothing the V1 batch proposes is there twice."""
    v1 = v1_commands(as_v1(*proposals))
    for command in statements(v1):
        proposal = next(p for p in proposals if command.subject in (p.subject, "LAST"))
        assert len(command.references) == 1
        assert [key for key, _ in command.references[0]] == ["P143", "P4656", "P813"]
        assert [value for _, (_, value) in command.references[0]] == [
            proposal.reference[1], proposal.reference[3].strip('"'), proposal.reference[5]]
    text = as_csv(*proposals)
    if text:
        read = csv_commands(text)
        assert [c for c in statements(read) if c.subject != "LAST"] == [
            c for c in statements(v1) if c.subject != "LAST" and c.value != ("item", "LAST")]
        assert [c for c in read if not isinstance(c, Command) or c.subject == "LAST"] == [
            c for c in v1 if not isinstance(c, Command) or c.subject == "LAST"]  # the items created, alike
    keys, creates = [], 0
    for command in v1:
        creates += command == ("CREATE",)
        if isinstance(command, Command):  # LAST is the item of the CREATE above it
            last = creates if "LAST" in (command.subject, command.value[1]) else 0
            keys.append((last, command.subject, command.property, command.value, tuple(command.qualifiers)))
    assert len(keys) == len(set(keys))
    return statements(v1)


def test_the_grammar_rejects_what_quickstatements_would_misread() -> None:
    for bad in ['Q1\tP161\tQ2\tS143\tQ328\tP4633\t"X"\n', 'Q1\tP4633\t"A|B"\n', 'Q1\tP1\t"x" \t\n',
                'LAST\tP31\tQ5\n', 'Q1\tP1\tfree text\n', 'Q1\tP1\t"""https://x"""\n']:
        with pytest.raises(AssertionError):
            v1_commands(bad)
    for bad in ["qid,qal4633\nQ1,\"\"\"x\"\"\"\n", "qid,P1,Len\nQ1,Q2,\n", "qid,P1\nQ1,Q2\nqid,P2\nQ1,Q3\n",
                "qid,P161,qal4633\nQ1,,\"\"\"x\"\"\"\n", "qid,Len\n,\"\"\"Ann\"\"\"\n"]:
        with pytest.raises(AssertionError):
            csv_commands(bad)
    assert parse_value('""Pop" Cooley"') == ("string", '"Pop" Cooley')


# ------------------------------------------------------------------------------------------------ the rules


def _proposal(tmp_path: Path, *, create: bool = False, entity: dict | None = None) -> Proposal:
    items = tmp_path / "items.tsv"
    # Item ids written for this test (the director's is the entity's P57 below).
    items.write_text("Walter Hill (director)\tQ362824\nNick Nolte\tQ190631\nParamount Pictures\tQ159846\n",
                     encoding="utf-8")
    reading = Reading(items_file=items, source_url=PERMALINK)
    return quickstatements(CORPUS / "48_hrs.wiki", entity=entity or load_entity(ENTITY), reading=reading,
                           create=create, retrieved=RETRIEVED)


def test_only_missing_statements_each_with_the_reference_wikidata_imports_carry(tmp_path: Path) -> None:
    proposal = _proposal(tmp_path)
    assert_valid(proposal)
    by_property: dict[str, list[list[str]]] = {}
    for line in proposal.lines:
        assert line[0] == "Q900000048" and line[-6:] == REFERENCE
        by_property.setdefault(line[1], []).append(line[:-6])
    assert "P57" not in by_property  # the item states its director
    assert "P577" not in by_property  # 1982-12-08 is stated, at day precision
    assert "P364" not in by_property  # English
    assert ["Q900000048", "P161", "Q190631", "P4633", '"Jack Cates"'] in by_property["P161"]
    assert ["Q900000048", "P750", "Q159846"] in by_property["P750"]
    assert ["Q900000048", "P2130", "12000000U4917"] in by_property["P2130"]
    assert ["Q900000048", "P2142", "78900000U4917"] in by_property["P2142"]
    assert ["Q900000048", "P495", "Q30"] in by_property["P495"]
    # Another runtime is for a person to check, never an edit.
    assert "P2047" not in by_property
    assert proposal.conflicts == ["Q900000048 P2047: the article states 96U7727, the item 97"]
    assert "Eddie Murphy (https://en.wikipedia.org/wiki/Eddie_Murphy)" in proposal.needs_item
    assert not any("Nick Nolte" in name for name in proposal.needs_item)
    assert "Freeman A. Davies" in proposal.unlinked  # no page: who is meant is not known
    # The poster's file was not checked on Commons (an items file: offline), so P18 is not proposed.
    assert "P18" not in by_property and any("Forty eight hrs.jpg was not checked" in n for n in proposal.notes)


def test_a_less_precise_value_in_the_item_does_not_cover_a_day(tmp_path: Path) -> None:
    entity = load_entity(ENTITY)
    entity["claims"]["P577"][0]["mainsnak"]["datavalue"]["value"].update(time="+1982-00-00T00:00:00Z", precision=9)
    proposal = _proposal(tmp_path, entity=entity)
    assert ["Q900000048", "P577", "+1982-12-08T00:00:00Z/11", *REFERENCE] in proposal.lines
    entity["claims"]["P577"][0]["mainsnak"]["datavalue"]["value"].update(time="+1982-12-08T00:00:00Z",
                                                                          precision=11)
    assert not [line for line in _proposal(tmp_path, entity=entity).lines if line[1] == "P577"]


def _with_claim(entity: dict, prop: str, item: str, qualifiers: dict | None = None) -> dict:
    snak = {"snaktype": "value", "property": prop,
            "datavalue": {"value": {"entity-type": "item", "id": item}, "type": "wikibase-entityid"}}
    entity["claims"].setdefault(prop, []).append({"mainsnak": snak, **({"qualifiers": qualifiers} if qualifiers
                                                                         else {})})
    return entity


def test_a_character_is_added_to_the_cast_statement_the_item_has(tmp_path: Path) -> None:
    """QuickStatements adds a line's qualifiers to the statement with that value when there is one: so the
    character is proposed, and only it, while the statement itself is not made twice."""
    entity = _with_claim(load_entity(ENTITY), "P161", "Q190631")
    lines = [line for line in _proposal(tmp_path, entity=entity).lines if line[2] == "Q190631"]
    assert lines == [["Q900000048", "P161", "Q190631", "P4633", '"Jack Cates"', *REFERENCE]]
    character = {"P4633": [{"snaktype": "value", "property": "P4633",
                            "datavalue": {"value": "Jack Cates", "type": "string"}}]}
    entity = _with_claim(load_entity(ENTITY), "P161", "Q190631", character)
    assert not [line for line in _proposal(tmp_path, entity=entity).lines if line[2] == "Q190631"]


def test_create_only_for_linked_people_and_companies_with_a_sitelink(tmp_path: Path) -> None:
    proposal = _proposal(tmp_path, create=True)
    assert_valid(proposal)
    text = as_v1(proposal)
    assert ('CREATE\nLAST\tLen\t"Eddie Murphy"\nLAST\tSenwiki\t"Eddie Murphy"\nLAST\tP31\tQ5\t'
            + "\t".join(REFERENCE) + '\nQ900000048\tP161\tLAST\tP4633\t"Reggie Hammond"\t') in text
    created = [item.label for item in proposal.creates]
    assert "Eddie Murphy" in created and "Freeman A. Davies" not in created  # an unlinked name: never
    assert not proposal.needs_item
    # Award categories and files never become items: the Cognac "Grand Prix" has no page, the poster is a file.
    assert "CREATE" not in text.split("Grand Prix")[0][-1:] and not any("Grand Prix" in c for c in created)
    assert not any(item.kind not in ("Q5", "Q43229") for item in proposal.creates)
    assert any("Grand Prix (Cognac Festival du Film Policier) has no Wikidata item" in n for n in proposal.notes)
    assert "P18" not in {line[1] for line in proposal.lines}


def test_strings_are_written_as_quickstatements_reads_them() -> None:
    # Nothing is escaped: QuickStatements takes everything between the first and the last quote.
    assert quote('"Pop" Cooley') == '""Pop" Cooley"'
    assert parse_value(quote('"Pop" Cooley')) == ("string", '"Pop" Cooley')
    assert parse_value(quote("back\\slash")) == ("string", "back\\slash")
    assert quote(" two\tlines\n") == '"two lines"'


def _mapped(text: str, **kwargs: str):
    return map_statements(extract_film(parse_wikitext(text, **kwargs)))


def test_no_page_at_a_revision_no_statements_and_exit_2(tmp_path: Path) -> None:
    mapped = _mapped("{{Infobox film\n| director = [[Ann Berg]]\n}}\n'''Alpha''' is a film.", source="")
    with pytest.raises(FilmgraphError, match="no page to cite"):
        propose(mapped, {"id": "Q1", "claims": {}})
    page = _mapped("{{Infobox film\n| director = [[Ann Berg]]\n}}\n'''Alpha''' is a film.",
                   source="https://en.wikipedia.org/wiki/Alpha_(film)")  # a page, but no revision to cite
    with pytest.raises(FilmgraphError, match="no page to cite"):
        propose(page, {"id": "Q1", "claims": {}})
    for extra in ([], ["--source-url", "https://en.wikipedia.org/wiki/48_Hrs."]):
        unknown = CliRunner().invoke(cli, ["quickstatements", str(CORPUS / "48_hrs.wiki"), "--entity", str(ENTITY),
                                           *extra])
        assert unknown.exit_code == 2 and unknown.stdout == ""
        assert unknown.stderr.strip() == (
            "Error: 48_hrs.wiki: no page to cite: QuickStatements are proposed only with a reference "
            "to the Wikipedia page at the revision read (fetch it as wiki:Title, or give --source-url the page's "
            "permalink, …/w/index.php?title=…&oldid=…)")


def test_the_image_only_as_a_commons_file_name() -> None:
    text = "{{Infobox film\n| image = Alpha poster.jpg\n| director = Ann Berg\n}}\n'''Alpha''' is a film."
    mapped = _mapped(text, source="https://en.wikipedia.org/wiki/Alpha", revision="7")
    on_commons = propose(mapped, {"id": "Q1", "claims": {}}, commons_files={"Alpha poster.jpg"}, retrieved=RETRIEVED)
    [image] = [line for line in on_commons.lines if line[1] == "P18"]
    assert image[:3] == ["Q1", "P18", '"Alpha poster.jpg"']
    local = propose(mapped, {"id": "Q1", "claims": {}}, commons_files=set(), retrieved=RETRIEVED)
    assert not [line for line in local.lines if line[1] == "P18"] and not local.creates
    assert local.notes == ["Q1 P18: Alpha poster.jpg is not on Wikimedia Commons; left out"]
    assert_valid(on_commons)


def test_csv_has_one_header_whole_references_and_create_rows(tmp_path: Path) -> None:
    proposal = _proposal(tmp_path, create=True)
    other = _proposal(tmp_path)
    other.subject = "Q900000049"
    other.lines = [["Q900000049", *line[1:]] for line in other.lines if line[1] in ("P2130", "P161")][:3]
    text = as_csv(proposal, other)
    header = text.splitlines()[0].split(",")
    assert header[:5] == ["qid", proposal.lines[0][1], "S143", "s4656", "s813"]
    assert header[-6:] == ["Len", "Senwiki", "P31", "S143", "s4656", "s813"]
    assert sum(line.startswith("qid") for line in text.splitlines()) == 1
    rows = list(csv.reader(io.StringIO(text)))
    film = rows[1]
    assert film[:5] == ["Q900000048", proposal.lines[0][2], "Q328", f'"{PERMALINK}"', "+2024-05-01T00:00:00Z/11"]
    assert "" not in film  # one film's row fills its columns from the first
    assert '"Jack Cates"' in film and rows[2][0] == "Q900000049"
    created = [row for row in rows if row[0] == ""]
    assert ["Eddie Murphy", "Eddie Murphy", "Q5", "Q328", f'"{PERMALINK}"', "+2024-05-01T00:00:00Z/11"] in [
        row[-6:] for row in created]
    assert_valid(proposal, other)


def test_cli_prints_statements_and_what_a_person_should_check(tmp_path: Path) -> None:
    items = tmp_path / "items.tsv"
    items.write_text("Nick Nolte\tQ190631\n", encoding="utf-8")
    args = ["quickstatements", str(CORPUS / "48_hrs.wiki"), "--entity", str(ENTITY), "--items", str(items),
            "--source-url", PERMALINK]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert 'Q900000048\tP161\tQ190631\tP4633\t"Jack Cates"\tS143\tQ328\tS4656\t' in result.stdout
    assert "conflict: Q900000048 P2047: the article states 96U7727, the item 97" in result.stderr
    assert "needs an item: Walter Hill (https://en.wikipedia.org/wiki/Walter_Hill_(director))" in result.stderr
    assert "not linked, left out: Freeman A. Davies" in result.stderr
    v1_commands(result.stdout)
    as_csv_output = CliRunner().invoke(cli, [*args, "-f", "csv", str(CORPUS / "48_hrs.wiki")])
    assert as_csv_output.exit_code == 0
    assert sum(line.startswith("qid,") for line in as_csv_output.stdout.splitlines()) == 1
    csv_commands(as_csv_output.stdout)
    bad = CliRunner().invoke(cli, ["quickstatements", str(CORPUS / "48_hrs.wiki"), "--entity", str(items)])
    assert bad.exit_code == 2 and bad.stderr.startswith(f"Error: {items}: not a wbgetentities answer")


# -------------------------------------------------------- from wiki:Title, against a local API and a real item

# What the local API answers, as the MediaWiki API would. City Streets' wikitext is written for the tests from
# the film's credits; its item is the real one (Q2262932.json, as wbgetentities gave it). The items of the people
# the item states already are its own values for their roles (its P57 is the director, P344 the cinematographer,
# P162 the producer, P272 and P750 the studio, its first P161 Gary Cooper); the others are made up (Q9000001…),
# and one linked page has no item. The poster is a local, non-free file.
CITY_STREETS_ITEMS = {
    "Rouben Mamoulian": "Q51472", "Lee Garmes": "Q1370195", "E. Lloyd Sheldon": "Q5322025",
    "Paramount Pictures": "Q159846", "Gary Cooper": "Q93957", "Dashiell Hammett": "Q900000101",
    "Max Marcin": "Q900000102", "Oliver H. P. Garrett": None, "Sylvia Sidney": "Q900000103",
    "Paul Lukas": "Q900000104", "Guy Kibbee": "Q900000105", "Wynne Gibson": "Q900000106",
    "Stanley Fields": "Q900000107", "Clara Bow": "Q900000108", "Pre-Code": None, "Pre-Code Hollywood": None,
}
CITY_STREETS_PAGE = {"City Streets (1931 film)": {
    "text": (DATA / "mediawiki" / "City_Streets_(1931_film).wiki").read_text(encoding="utf-8"),
    "revid": 1100000001, "timestamp": "2024-04-01T08:00:00Z", "item": "Q2262932"}}
CITY_STREETS_CITE = ["S143", "Q328", "S4656",
                     '"https://en.wikipedia.org/w/index.php?title=City_Streets_(1931_film)&oldid=1100000001"',
                     "S813", "+2024-05-01T00:00:00Z/11"]


def test_wiki_title_proposes_cast_with_characters_and_crew_and_nothing_present() -> None:
    entity = load_entity(CITY_STREETS)
    handler = recorded_wiki(pages=CITY_STREETS_PAGE, items=CITY_STREETS_ITEMS,
                            files={"City Streets poster.jpg": "local"}, entities={"Q2262932": entity})
    with loopback_api(handler) as api:
        reading = Reading(api=api, contact="films@example.org")
        proposal = quickstatements("wiki:City Streets (1931 film)", reading=reading, wikidata_api=api,
                                   retrieved=RETRIEVED)
    lines = {tuple(line[:-6]) for line in proposal.lines}
    assert all(line[-6:] == CITY_STREETS_CITE for line in proposal.lines)
    # Cast with characters: Gary Cooper's statement exists, so only his character is added to it.
    assert ("Q2262932", "P161", "Q93957", "P4633", '"The Kid"') in lines
    assert ("Q2262932", "P161", "Q900000103", "P4633", '"Nan Cooley"') in lines
    assert ("Q2262932", "P161", "Q900000105", "P4633", '""Pop" Cooley"') in lines
    # Crew the item lacks; never what it states (director, producer, cinematographer, studio, country, language).
    assert ("Q2262932", "P58", "Q900000102") in lines and ("Q2262932", "P58", "Q900000101") in lines
    assert not {("Q2262932", "P57", "Q51472"), ("Q2262932", "P162", "Q5322025"), ("Q2262932", "P344", "Q1370195"),
                ("Q2262932", "P272", "Q159846"), ("Q2262932", "P750", "Q159846"), ("Q2262932", "P495", "Q30"),
                ("Q2262932", "P364", "Q1860")} & lines
    # The day of release is more precise than the item's 1931; the runtime is another, for a person to check.
    assert ("Q2262932", "P577", "+1931-04-18T00:00:00Z/11") in lines
    assert proposal.conflicts == ["Q2262932 P2047: the article states 83U7727, the item 82"]
    assert proposal.needs_item == ["Oliver H. P. Garrett (https://en.wikipedia.org/wiki/Oliver_H._P._Garrett)"]
    assert proposal.unlinked == ["Betty Sinclair"]
    assert "Q2262932 P18: City Streets poster.jpg is not on Wikimedia Commons; left out" in proposal.notes
    assert_valid(proposal)
    # The film and its linked pages were looked up in batches, and the item fetched once, by its id.
    asked = [q for q in handler.seen if q.get("prop") == ["pageprops"]]
    assert len(asked) == 1 and "Gary Cooper" in asked[0]["titles"][0].split("|")
    assert [q["ids"] for q in handler.seen if q.get("action") == ["wbgetentities"]] == [["Q2262932"]]


def test_wiki_title_proposes_awards_with_their_category_items(monkeypatch, tmp_path: Path) -> None:
    """48 Hrs.'s accolades link the Golden Globe category's article: its item is the award's value."""
    page = {"48 Hrs.": {"text": (CORPUS / "48_hrs.wiki").read_text(encoding="utf-8"), "revid": 1100000048,
                        "timestamp": "2024-04-01T08:00:00Z", "item": "Q900000048"}}
    items = {"Golden Globe Award for New Star of the Year – Actor": "Q900000201", "Eddie Murphy": "Q900000202",
             "Nick Nolte": "Q190631", "Walter Hill (director)": "Q362824"}
    handler = recorded_wiki(pages=page, items=items, files={"Forty eight hrs.jpg": "shared"},
                            entities={"Q900000048": load_entity(ENTITY)})
    with loopback_api(handler) as api:
        monkeypatch.setenv("FILMGRAPH_MEDIAWIKI_API", api)
        result = CliRunner().invoke(cli, ["quickstatements", "wiki:48 Hrs.", "--wikidata-api", api, "--contact",
                                          "films@example.org", "--cache", str(tmp_path / "cache")])
        proposal = quickstatements("wiki:48 Hrs.", reading=Reading(api=api, contact="films@example.org"),
                                   wikidata_api=api, retrieved=RETRIEVED)
    assert result.exit_code == 0, result.output
    cite = ["S143", "Q328", "S4656", f'"{PERMALINK}"', "S813", "+2024-05-01T00:00:00Z/11"]
    assert ["Q900000048", "P1411", "Q900000201", "P2453", "Q900000202", *cite] in proposal.lines
    assert ["Q900000048", "P18", '"Forty eight hrs.jpg"', *cite] in proposal.lines  # on Commons: proposed
    # A list of winners is no category: its page is not the award's (nor its body "List of …"), and the award is
    # left for a person.
    assert any("Best Motion Picture (Edgar Allan Poe Awards) has no Wikidata item" in n
               for n in proposal.notes)
    assert not [line for line in proposal.lines if line[1] == "P57"]
    assert_valid(proposal)
    v1_commands(result.stdout)


def test_saved_entity_answer_is_one_entity(tmp_path: Path) -> None:
    two = tmp_path / "two.json"
    two.write_text(json.dumps({"entities": {"Q1": {}, "Q2": {}}}), encoding="utf-8")
    with pytest.raises(FilmgraphError, match="one entity"):
        load_entity(two)
