"""A copy of the team's fact scorer (shared/tools/check_facts.py), kept here so the tests run without it.

Check an exported film graph against an expected-facts JSON file.

Usage: check_facts.py GRAPH.ttl EXPECTED.json [--verbose]
Reads the graph with pyoxigraph (independent of the project's rdflib), asks one SPARQL question per
expected fact through the RDF contract of the foundation issue, and prints each miss and a summary line:
  facts: H/T (P%) schema: h/t wikidata: h/t invented-wins: N
Exit 0 always; the caller decides the threshold from the summary.
"""
import json
import re
import sys
import unicodedata

import pyoxigraph as ox

PREFIXES = """
PREFIX schema: <http://schema.org/>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX pr: <http://www.wikidata.org/prop/reference/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
NAME = "(schema:name|rdfs:label)"
QIDS = {"Denmark": "Q35", "Sweden": "Q34", "Norway": "Q20", "Finland": "Q33", "Iceland": "Q189", "France": "Q142",
        "Germany": "Q183", "Netherlands": "Q55", "United Kingdom": "Q145", "United States": "Q30", "Poland": "Q36",
        "Italy": "Q38", "Spain": "Q29", "Belgium": "Q31", "Japan": "Q17", "India": "Q668", "Philippines": "Q928", "Indonesia": "Q252",
        "Japanese": "Q5287", "Hindi": "Q1568", "Kannada": "Q33673", "Filipino": "Q33298", "Catalan": "Q7026",
        "Indonesian": "Q9240",
        "Danish": "Q9035", "English": "Q1860", "Swedish": "Q9027", "Norwegian": "Q9043", "French": "Q150",
        "German": "Q188", "Finnish": "Q1412", "Icelandic": "Q294", "Italian": "Q652", "Spanish": "Q1321"}
LANG_CODES = {"Danish": "da", "English": "en", "Swedish": "sv", "Norwegian": "no", "French": "fr", "German": "de",
              "Finnish": "fi", "Icelandic": "is", "Italian": "it", "Spanish": "es",
              "Japanese": "ja", "Hindi": "hi", "Kannada": "kn", "Filipino": "fil", "Catalan": "ca",
              "Indonesian": "id"}


def body_key(award: str) -> str:
    """The first distinctive word of an award body's name, letters and digits only: 'Golden Globe Awards' -> 'golden'."""
    words = [w for w in award.lower().replace("'", "").split()
             if w not in {"the", "award", "awards", "festival", "international", "film", "of", "prize", "ceremony"}
             and not w.rstrip("thsnrd").isdigit()]
    keys = [re.sub(r"[^a-z0-9]", "", w) for w in words]
    keys = [k for k in keys if k]
    if not keys:
        return ""
    return keys[0] if len(keys[0]) >= 4 or len(keys) == 1 else keys[0] + keys[1]


def lit(s: str) -> str:
    return json.dumps(unicodedata.normalize("NFC", s), ensure_ascii=False)


def char_eq(ch: str) -> str:
    """SPARQL test that ?c names the character ch, ignoring case and a leading 'the '."""
    want = ch.lower()
    if want.startswith("the "):
        want = want[4:]
    return f'REPLACE(LCASE(str(?c)), "^the ", "") = {lit(want)}'


class Checker:
    def __init__(self, path: str):
        self.store = ox.Store()
        fmt = ox.RdfFormat.JSON_LD if path.endswith(".jsonld") else ox.RdfFormat.TURTLE
        self.store.load(path=path, format=fmt)
        self.results: list[tuple[str, str, bool]] = []  # (vocab, fact, ok)

    def ask(self, body: str) -> bool:
        return bool(self.store.query(PREFIXES + "ASK {" + body + "}"))

    def select(self, q: str):
        return list(self.store.query(PREFIXES + q))

    def record(self, vocab: str, fact: str, ok: bool):
        self.results.append((vocab, fact, ok))

    def film(self) -> str:
        return "?f a schema:Movie ."

    def people(self, key: str, names, schema_prop, wd_prop):
        for n in names:
            if schema_prop:
                self.record("schema", f"{key} {n}", self.ask(
                    f"{self.film()} ?f {schema_prop} ?x . ?x schema:name ?n FILTER(str(?n)={lit(n)})"))
            if wd_prop:
                self.record("wikidata", f"{key} {n}", self.ask(
                    f"{self.film()} ?f {wd_prop} ?x . ?x {NAME} ?n FILTER(str(?n)={lit(n)})"))


def main(graph: str, expected_path: str, verbose: bool) -> None:
    exp = json.load(open(expected_path, encoding="utf-8"))
    c = Checker(graph)
    t = exp["title"]
    c.record("schema", "title", c.ask(f"?f a schema:Movie ; schema:name ?n FILTER(str(?n)={lit(t)})"))
    c.record("wikidata", "title", c.ask(f"?f wdt:P31 wd:Q11424 ; rdfs:label ?n FILTER(str(?n)={lit(t)})"))
    ot = exp.get("original_title")
    if ot:
        c.record("schema", "original title", c.ask(
            f"?f a schema:Movie ; schema:alternateName ?n FILTER(str(?n)={lit(ot['text'])} && langMatches(lang(?n), {lit(ot['lang'])}))"))
        c.record("wikidata", "original title", c.ask(
            f"?f wdt:P1476 ?n FILTER(str(?n)={lit(ot['text'])} && langMatches(lang(?n), {lit(ot['lang'])}))"))
    c.people("director", exp.get("directors", []), "schema:director", "wdt:P57")
    c.people("writer", exp.get("writers", []), "schema:author", "wdt:P58")
    c.people("producer", exp.get("producers", []), "schema:producer", "wdt:P162")
    c.people("composer", exp.get("composers", []), "schema:musicBy", "wdt:P86")
    c.people("cinematographer", exp.get("cinematographers", []), None, "wdt:P344")
    c.people("editor", exp.get("editors", []), None, "wdt:P1040")
    c.people("production company", exp.get("production_companies", []), "schema:productionCompany", "wdt:P272")
    c.people("distributor", exp.get("distributors", []), None, "wdt:P750")
    for m in exp.get("cast", []):
        a, ch = m["actor"], m.get("character")
        if ch:
            c.record("schema", f"cast {a} as {ch}", c.ask(
                f"{c.film()} ?f schema:actor ?r . ?r schema:actor ?x ; schema:characterName ?c . ?x schema:name ?n "
                f"FILTER(str(?n)={lit(a)} && {char_eq(ch)})"))
            c.record("wikidata", f"cast {a} as {ch}", c.ask(
                f"?f p:P161 ?s . ?s ps:P161 ?x ; pq:P4633 ?c . ?x {NAME} ?n FILTER(str(?n)={lit(a)} && {char_eq(ch)})"))
        else:
            c.record("wikidata", f"cast {a}", c.ask(f"?f wdt:P161 ?x . ?x {NAME} ?n FILTER(str(?n)={lit(a)})"))
    for r in exp.get("release_dates", []):
        d = r["date"]
        c.record("schema", f"release {d}", c.ask(
            f"{{ ?f schema:datePublished ?d }} UNION {{ ?e schema:workPresented ?f ; schema:startDate ?d }} FILTER(STRSTARTS(str(?d), {lit(d)}))"))
        c.record("wikidata", f"release {d}", c.ask(f"?f wdt:P577 ?d FILTER(STRSTARTS(str(?d), {lit(d)}))"))
    if exp.get("runtime_minutes"):
        n = exp["runtime_minutes"]
        c.record("schema", f"runtime {n}", c.ask(
            f'?f a schema:Movie ; schema:duration ?d FILTER(str(?d)="PT{n}M" || ?d = "PT{n}M"^^xsd:duration || ?d = "PT{n}M"^^xsd:dayTimeDuration)'))
        c.record("wikidata", f"runtime {n}", c.ask(f"?f wdt:P2047 ?d FILTER(?d = {n})"))
    for country in exp.get("countries", []):
        c.record("schema", f"country {country}", c.ask(
            f"?f schema:countryOfOrigin ?x . ?x {NAME} ?n FILTER(str(?n)={lit(country)})"))
        q = QIDS.get(country)
        c.record("wikidata", f"country {country}", (q and c.ask(f"?f wdt:P495 wd:{q}")) or c.ask(
            f"?f wdt:P495 ?x . ?x {NAME} ?n FILTER(str(?n)={lit(country)})"))
    for lang in exp.get("languages", []):
        q = QIDS.get(lang)
        c.record("wikidata", f"language {lang}", (q and c.ask(f"?f wdt:P364 wd:{q}")) or c.ask(
            f"?f wdt:P364 ?x . ?x {NAME} ?n FILTER(str(?n)={lit(lang)})"))
        code = LANG_CODES.get(lang, "")
        c.record("schema", f"language {lang}", c.ask(
            f"?f a schema:Movie ; schema:inLanguage ?l . OPTIONAL {{ ?l (schema:alternateName|schema:name) ?ln }} "
            f"FILTER(str(?l)={lit(code)} || str(?ln)={lit(code)} || str(?ln)={lit(lang)})"))
    nums = list(exp.get("numbers", []))
    for key in ("budget", "box_office"):
        v = exp.get(key)
        if isinstance(v, dict) and v.get("amount") is not None:
            nums.append(v["amount"])
        elif isinstance(v, (int, float)):
            nums.append(v)
    for n in nums:
        c.record("any", f"number {n}", c.ask(
            f"?f a schema:Movie . ?f (!rdf:type)/((!rdf:type)/(!rdf:type)?)? ?v FILTER(isLiteral(?v) && ?v = {n})"
            .replace("rdf:type", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>")))
    for s in exp.get("screenings", []):
        c.record("schema", f"screening {s}", c.ask(
            f"?e a schema:ScreeningEvent ; schema:workPresented ?f ; schema:startDate ?d FILTER(STRSTARTS(str(?d), {lit(s)}))"))
    for loc in exp.get("filming_locations", []):
        c.record("wikidata", f"filming location {loc}", c.ask(f"?f wdt:P915 ?x . ?x {NAME} ?n FILTER(CONTAINS(str(?n), {lit(loc)}))"))
    won_expected = set()
    for nom in exp.get("nominations", []):
        cat = nom["category"]
        date = nom.get("ceremony_date")
        date_f = f"?s pq:P585 ?d FILTER(STRSTARTS(str(?d), {lit(date)}))" if date else ""
        body_f = ""
        key = body_key(nom.get("award", ""))
        if key:
            body_f = (f"?cat wdt:P361 ?b . ?b {NAME} ?bn "
                      f"FILTER(CONTAINS(REPLACE(LCASE(str(?bn)), \"[^a-z0-9]\", \"\"), {lit(key)}))")
        base = (f"?f ?pp ?s . ?s ?sp ?cat . ?cat {NAME} ?cn FILTER(CONTAINS(LCASE(str(?cn)), LCASE({lit(cat)}))) "
                f"FILTER(?pp IN (p:P1411, p:P166) && ?sp IN (ps:P1411, ps:P166)) {date_f} {body_f}")
        c.record("wikidata", f"nomination {nom['award']} / {cat}", c.ask(base))
        for who in nom.get("nominees", []):
            c.record("wikidata", f"nominee {who} for {cat}", c.ask(
                base + f" ?s pq:P2453 ?w . ?w {NAME} ?wn FILTER(CONTAINS(str(?wn), {lit(who)}))"))
        if nom.get("result") == "nominated":
            present = c.ask(base)
            won = c.ask(f"?f p:P166 ?s . ?s ps:P166 ?cat . ?cat {NAME} ?cn FILTER(CONTAINS(LCASE(str(?cn)), LCASE({lit(cat)}))) {date_f}")
            c.record("wikidata", f"nominated, not won: {nom['award']} / {cat}", present and not won)
        if nom.get("result") == "won":
            won_expected.add(cat.lower())
            c.record("wikidata", f"won {cat}", c.ask(
                f"?f wdt:P166 ?cat . ?cat {NAME} ?cn FILTER(CONTAINS(LCASE(str(?cn)), LCASE({lit(cat)})))"))
    won_rows = c.select(f"SELECT DISTINCT ?cat (SAMPLE(?cn) AS ?name) WHERE {{ ?f wdt:P166 ?cat . OPTIONAL {{ ?cat {NAME} ?cn }} }} GROUP BY ?cat")
    invented = 0
    for row in won_rows:
        name = str(row["name"].value if row["name"] is not None else row["cat"]).lower()
        if not any(w in name for w in won_expected):
            invented += 1
            print(f"INVENTED WIN: {name}")
    for group in exp.get("same_person", []):
        rows = c.select(f"SELECT DISTINCT ?x ?n WHERE {{ ?x (schema:name|schema:alternateName|rdfs:label) ?n FILTER(str(?n) IN ({', '.join(lit(v) for v in group)})) }}")
        nodes = {r["x"].value for r in rows}
        names = {unicodedata.normalize("NFC", r["n"].value) for r in rows}
        c.record("any", f"one node for {' = '.join(group)}", len(nodes) == 1 and names == {unicodedata.normalize("NFC", v) for v in group})
    for group in exp.get("distinct_people", []):
        rows = c.select(f"SELECT (COUNT(DISTINCT ?x) AS ?k) WHERE {{ ?x a schema:Person ; schema:name ?n FILTER(str(?n) IN ({', '.join(lit(v) for v in group)})) }}")
        c.record("any", f"distinct nodes for {' / '.join(group)}", int(rows[0]["k"].value) == len(group))
    hit = sum(ok for _, _, ok in c.results)
    tot = len(c.results)
    for vocab, fact, ok in c.results:
        if not ok or verbose:
            print(("ok   " if ok else "MISS ") + f"[{vocab}] {fact}")
    by = {}
    for vocab, _, ok in c.results:
        h, t2 = by.get(vocab, (0, 0))
        by[vocab] = (h + ok, t2 + 1)
    parts = " ".join(f"{v}: {h}/{t2}" for v, (h, t2) in sorted(by.items()))
    print(f"facts: {hit}/{tot} ({100 * hit / max(tot, 1):.0f}%) {parts} invented-wins: {invented}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--verbose" in sys.argv)
