"""Fact scores on variants of the annotated pages that a person reads exactly as the original.

Each variant rewrites a page's markup without changing what it says: template names in another case, spacing
around `|` and `=`, `<br>` spelled three ways, headings with and without spaces, comments and references
inserted, an infobox's fields in another order, dates in the other English order, CRLF line ends, links written
`[[A|A]]` or with underscores, non-breaking spaces. A fact the original page gives and a variant loses is a rule
that holds only for one spelling. Prints, per kind of variant, the facts found against the unchanged pages, and
each fact lost (page, variant, fact).

Usage: ``python benchmarks/variants.py [--seed N] [--rounds R] [--only KIND]`` (default: every kind once, seed 1,
plus R rounds of all kinds at once with random choices).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import mwparserfromhell
from rdflib import Graph

from filmgraph import RdfFormat
from filmgraph.pipeline import export_one

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from corpus import annotated_pages, score  # noqa: E402
from factview import facts  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"  # the sample article, beside the repository
MONTHS = ("January February March April May June July August September October November December").split()
_MONTH = "|".join(MONTHS)

Mutation = Callable[[str, random.Random], str]


def template_case(text: str, rng: random.Random) -> str:
    """{{Infobox film → {{infobox film, {{plainlist → {{Plainlist: MediaWiki folds a template name's first letter."""
    def flip(match: re.Match[str]) -> str:
        first = match.group(2)
        return match.group(1) + (first.lower() if first.isupper() else first.upper())
    return re.sub(r"(\{\{\s*)([A-Za-z])", flip, text)


def spacing(text: str, rng: random.Random) -> str:
    """`| key = value` → `|key=value` or `| key   =   value` inside templates."""
    wide = rng.random() < 0.5
    def respace(match: re.Match[str]) -> str:
        return f"| {match.group(1)}   =   " if wide else f"|{match.group(1)}="
    return re.sub(r"^\|\s*([a-z_ 0-9]+?)\s*=\s*", respace, text, flags=re.MULTILINE)


def line_breaks(text: str, rng: random.Random) -> str:
    """<br>, <br/>, <br />, <BR> are one line break."""
    return re.sub(r"<br\s*/?>", lambda _: rng.choice(["<br>", "<br/>", "<br />", "<BR>"]), text, flags=re.I)


def headings(text: str, rng: random.Random) -> str:
    """==Cast== and == Cast == are one heading."""
    def respace(match: re.Match[str]) -> str:
        marks, title = match.group(1), match.group(2).strip()
        return f"{marks} {title} {marks}" if rng.random() < 0.5 else f"{marks}{title}{marks}"
    return re.sub(r"^(=+)\s*([^=\n]+?)\s*\1\s*$", respace, text, flags=re.MULTILINE)


def comments(text: str, rng: random.Random) -> str:
    """An editor's comment after some lines."""
    lines = text.split("\n")
    return "\n".join(line + ("<!-- checked -->" if line and rng.random() < 0.15 else "") for line in lines)


def references(text: str, rng: random.Random) -> str:
    """A citation after some sentences and list items."""
    ref = '<ref name="v{}">{{{{cite web |title=Notes |website=Example |date=1 May 2001}}}}</ref>'
    counter = iter(range(10**6))
    def cite(match: re.Match[str]) -> str:
        return match.group(0) + (ref.format(next(counter)) if rng.random() < 0.3 else "")
    return re.sub(r"(?<=[a-z]{3})\.(?= [A-Z])", cite, text)  # after a word, not an abbreviation ("Dr.")


def infobox_order(text: str, rng: random.Random) -> str:
    """An infobox's fields in another order (each field keeps its own spacing and line end)."""
    code = mwparserfromhell.parse(text)
    for template in code.filter_templates(recursive=False):
        if str(template.name).strip().lower().startswith("infobox"):
            params = list(template.params)
            rng.shuffle(params)
            for param in list(template.params):
                template.remove(param, keep_field=False)
            for param in params:
                if not str(param.value).endswith("\n"):
                    param.value = str(param.value) + "\n"
                template.params.append(param)
    return str(code)


def date_order(text: str, rng: random.Random) -> str:
    """"May 5, 1999" ↔ "5 May 1999" in prose."""
    text = re.sub(rf"\b({_MONTH}) (\d{{1,2}}), (\d{{4}})\b", r"\2 \1 \3", text)
    return text


def crlf(text: str, rng: random.Random) -> str:
    """Windows line ends."""
    return text.replace("\n", "\r\n")


def links(text: str, rng: random.Random) -> str:
    """[[Ann Berg]] → [[Ann Berg|Ann Berg]] or [[Ann_Berg|Ann Berg]]."""
    def relink(match: re.Match[str]) -> str:
        target = match.group(1)
        if rng.random() < 0.5:
            return f"[[{target}|{target}]]"
        return f"[[{target.replace(' ', '_')}|{target}]]"
    return re.sub(r"\[\[([^\[\]|:#]+)\]\]", relink, text)


def nbsp(text: str, rng: random.Random) -> str:
    """A non-breaking space between some words of the prose and lists."""
    return re.sub(r"(?<=[a-z]) (?=[A-Z][a-z])", lambda _: "&nbsp;" if rng.random() < 0.2 else " ", text)


def cast_dash(text: str, rng: random.Random) -> str:
    """"* Ann Berg as Elsa" → "* Ann Berg – Elsa" or "* Ann Berg ... Elsa" in lists (both common on real pages)."""
    mark = rng.choice([" – ", " ... ", " — "])
    # A line with one "as" only: "A as X and B as Y" is written with "as" or not at all.
    return re.sub(r"^(\*+(?:(?! as )[^\n])*?(?:\]\]|[a-z]))\s+as\s+(?=(?:(?! as )[^\n])*$)",
                  lambda m: m.group(1) + mark, text, flags=re.MULTILINE)


def list_templates(text: str, rng: random.Random) -> str:
    """{{ubl|A|B}} ↔ {{plainlist|* A * B}} ↔ A<br />B in the infobox: one list, three spellings."""
    def relist(match: re.Match[str]) -> str:
        items = [item.strip() for item in _top_level_split(match.group(1))]
        if any("=" in item.split("[[")[0] for item in items):
            return match.group(0)
        style = rng.choice(["plainlist", "br", "unbulleted list"])
        if style == "plainlist":
            return "{{Plainlist|\n" + "".join(f"* {item}\n" for item in items) + "}}"
        if style == "br":
            return "<br />".join(items)
        return "{{Unbulleted list|" + "|".join(items) + "}}"
    return re.sub(r"\{\{\s*(?:[Uu]bl|[Uu]nbulleted list)\s*\|((?:[^{}]|\{\{[^{}]*\}\})*)\}\}", relist, text)


def _top_level_split(text: str) -> list[str]:
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "|" and depth == 0:
            pieces.append(text[start:index])
            start = index + 1
    return [*pieces, text[start:]]


def template_aliases(text: str, rng: random.Random) -> str:
    """Redirects MediaWiki follows: {{Infobox Film}}, {{Plain list}}, {{Won}}/{{won}}, {{Nom}}/{{nom}}."""
    text = re.sub(r"\{\{\s*[Ii]nfobox film\b", lambda _: rng.choice(["{{Infobox Film", "{{infobox film"]), text)
    text = re.sub(r"\{\{\s*[Pp]lainlist\b", lambda _: rng.choice(["{{Plain list", "{{plainlist"]), text)
    text = re.sub(r"\{\{\s*[Nn]om\s*\}\}", lambda _: rng.choice(["{{Nominated}}", "{{nom}}"]), text)
    return text


def heading_synonyms(text: str, rng: random.Random) -> str:
    """Section names editors use for one section."""
    names = {"Cast": ["Cast and characters", "Cast", "Principal cast"],
             "Accolades": ["Awards and nominations", "Accolades", "Awards"],
             "Awards and nominations": ["Accolades", "Awards"],
             "Release": ["Release", "Distribution"]}
    def rename(match: re.Match[str]) -> str:
        title = match.group(2).strip()
        return f"{match.group(1)}{rng.choice(names[title])}{match.group(1)}" if title in names else match.group(0)
    return re.sub(r"^(==+)([^=\n]+)\1\s*$", rename, text, flags=re.MULTILINE)


def runtime_unit(text: str, rng: random.Random) -> str:
    """"| runtime = 145 minutes" → "145 min." or "145 mins"."""
    return re.sub(r"(\|\s*runtime\s*=\s*\d+)\s*minutes", lambda m: m.group(1) + rng.choice([" min.", " mins", " min"]),
                  text)


def money_format(text: str, rng: random.Random) -> str:
    """"$2.8 million" → "US$2.8 million" or "$2.8&nbsp;million"."""
    return re.sub(r"(?<![\w$])\$(\d+(?:\.\d+)?) million",
                  lambda m: rng.choice([f"US${m.group(1)} million", f"${m.group(1)}&nbsp;million"]), text)


MUTATIONS: dict[str, Mutation] = {
    "template case": template_case, "spacing": spacing, "line breaks": line_breaks, "headings": headings,
    "comments": comments, "references": references, "infobox order": infobox_order, "date order": date_order,
    "crlf": crlf, "links": links, "nbsp": nbsp, "cast dash": cast_dash, "list templates": list_templates,
    "template aliases": template_aliases, "heading synonyms": heading_synonyms, "runtime unit": runtime_unit,
    "money format": money_format,
}


# ------------------------------------------------------------------ the plain-text article format

def plain_bullets(text: str, rng: random.Random) -> str:
    """"- Director: Ann Berg" → "* Director: Ann Berg" or "• Director: Ann Berg"."""
    mark = rng.choice(["* ", "• ", "-  "])
    return re.sub(r"^- ", mark, text, flags=re.MULTILINE)


def plain_labels(text: str, rng: random.Random) -> str:
    """An infobox label in another wording the mapping gives it ("Director" → "Directed by") or another case."""
    by_label = {label.casefold(): labels for labels in _LABELS for label in labels}
    def relabel(match: re.Match[str]) -> str:
        labels = by_label.get(match.group(2).strip().casefold())
        label = rng.choice(labels) if labels else match.group(2)
        label = rng.choice([label, label.lower(), label.upper()])
        return f"{match.group(1)}{label}:"
    return re.sub(r"^([-*•]\s+)([A-Za-z][A-Za-z ()]*?):", relabel, text, flags=re.MULTILINE)


def plain_dates(text: str, rng: random.Random) -> str:
    """"10 April 2025" → "April 10, 2025"."""
    return re.sub(rf"\b(\d{{1,2}}) ({_MONTH}) (\d{{4}})\b", r"\2 \1, \3", text)


def plain_cast_dash(text: str, rng: random.Random) -> str:
    """"- Ann Berg as Anna" in the cast list → "- Ann Berg – Anna"."""
    return re.sub(r"^(-\s+[^:\n]+?)\s+as\s+", lambda m: m.group(1) + rng.choice([" – ", " ... "]), text,
                  flags=re.MULTILINE)


def plain_table_spacing(text: str, rng: random.Random) -> str:
    """"| a | b |" → "|a|b|" or "|  a  |  b  |"."""
    wide = rng.random() < 0.5
    def respace(match: re.Match[str]) -> str:
        cells = [cell.strip() for cell in match.group(0).strip().strip("|").split("|")]
        return ("|  " + "  |  ".join(cells) + "  |") if wide else ("|" + "|".join(cells) + "|")
    return re.sub(r"^\|.*\|[ \t]*$", respace, text, flags=re.MULTILINE)


def plain_title(text: str, rng: random.Random) -> str:
    """"= Title =" → "=Title=" or "=  Title  =" (the title line)."""
    return re.sub(r"^=\s*(.+?)\s*=\s*$", lambda m: rng.choice([f"={m.group(1)}=", f"=  {m.group(1)}  ="]), text,
                  count=1, flags=re.MULTILINE)


def plain_cast_brackets(text: str, rng: random.Random) -> str:
    """"- Ann Berg as Anna" → "- Ann Berg (Anna)" in the cast section."""
    def rewrite(section: re.Match[str]) -> str:
        return re.sub(r"^(-\s+[^:\n]+?)\s+as\s+([^,\n]+)$", r"\1 (\2)", section.group(0), flags=re.MULTILINE)
    return re.sub(r"^==\s*Cast\s*==\n(?:(?!==).*\n?)*", rewrite, text, flags=re.MULTILINE)


def section_order(text: str, rng: random.Random) -> str:
    """The sections after the lead in another order (each keeps its heading and its body)."""
    parts = re.split(r"(?m)^(?===[^=])", text)
    head, sections = parts[0], parts[1:]
    if sections and not sections[-1].endswith("\n"):
        sections[-1] += "\n"
    rng.shuffle(sections)
    return head + "".join(sections)


PLAIN_MUTATIONS: dict[str, Mutation] = {
    "bullets": plain_bullets, "labels": plain_labels, "dates": plain_dates, "cast dash": plain_cast_dash,
    "table spacing": plain_table_spacing, "title line": plain_title, "headings": headings, "crlf": crlf,
    "nbsp": nbsp, "heading synonyms": heading_synonyms, "cast brackets": plain_cast_brackets,
    "section order": section_order,
}


def _mapping_labels() -> list[list[str]]:
    with (ROOT / "src" / "filmgraph" / "ontology" / "mapping.csv").open(encoding="utf-8") as rows:
        return [row["labels"].split("|") for row in csv.DictReader(rows) if row["labels"]]


_LABELS = _mapping_labels()


def plain_facts(text: str, name: str) -> set[tuple[object, ...]]:
    """The facts (tests/factview.py) of a plain-text article, read from its exported Turtle."""
    with tempfile.TemporaryDirectory() as scratch:
        page = Path(scratch) / name
        page.write_bytes(text.encode("utf-8"))
        exported = export_one(page, output_dir=None, formats=[RdfFormat.TURTLE])
        if exported.error or not exported.texts:
            return set()
        graph = Graph().parse(data=exported.texts[RdfFormat.TURTLE], format="turtle")
    return {fact for fact in facts(graph) if fact[0] != "person"}


def plain_variants(seed: int, rounds: int) -> None:
    articles = sorted((ROOT / "tests" / "articles").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    texts = {article.name: article.read_text(encoding="utf-8") for article in articles}
    base = {name: plain_facts(text, name) for name, text in texts.items()}
    plans: list[tuple[str, list[Mutation]]] = [(name, [m]) for name, m in PLAIN_MUTATIONS.items()]
    plans += [(f"all, round {n + 1}", list(PLAIN_MUTATIONS.values())) for n in range(rounds)]
    print(f"plain-text articles ({len(texts)}):")
    for plan, mutations in plans:
        rng = random.Random(f"{seed}:plain:{plan}")
        lost: list[str] = []
        total = hits = 0
        for name, text in texts.items():
            for mutation in mutations:
                text = mutation(text, rng)
            got = plain_facts(text, name)
            total += len(base[name])
            hits += len(base[name] & got)
            lost += [f"    {name}: {fact}" for fact in sorted(base[name] - got, key=str)]
        print(f"  {plan:16s} {hits}/{total} of the facts found on the unchanged articles", flush=True)
        for line in lost[:30]:
            print(line)
        if len(lost) > 30:
            print(f"    … {len(lost) - 30} more")


def found(page: Path, expected: Path) -> dict[str, bool]:
    result = score(page, expected)
    if result.error:
        return {"export": False}
    return result.facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--only", choices=sorted(MUTATIONS))
    parser.add_argument("--plain", action="store_true", help="the plain-text articles only")
    args = parser.parse_args()
    if args.plain:
        plain_variants(args.seed, args.rounds)
        return
    pairs = annotated_pages(ROOT / "tests" / "corpus")
    base = {page.name: found(page, expected) for page, expected in pairs}
    kinds = {args.only: MUTATIONS[args.only]} if args.only else dict(MUTATIONS)
    plans: list[tuple[str, list[Mutation]]] = [(name, [mutation]) for name, mutation in kinds.items()]
    plans += [(f"all, round {n + 1}", list(kinds.values())) for n in range(args.rounds if not args.only else 0)]
    with tempfile.TemporaryDirectory() as scratch:
        for plan, mutations in plans:
            rng = random.Random(f"{args.seed}:{plan}")
            lost: list[str] = []
            hits = total = 0
            for page, expected in pairs:
                text = page.read_text(encoding="utf-8")
                for mutation in mutations:
                    text = mutation(text, rng)
                variant = Path(scratch) / page.name
                variant.write_bytes(text.encode("utf-8"))
                facts = found(variant, expected)
                for fact, ok in base[page.name].items():
                    if ok:
                        total += 1
                        hits += facts.get(fact, False)
                        if not facts.get(fact, False):
                            lost.append(f"    {page.stem}: {fact}")
            print(f"{plan:16s} {hits}/{total} of the facts found on the unchanged pages", flush=True)
            for line in lost[:40]:
                print(line)
            if len(lost) > 40:
                print(f"    … {len(lost) - 40} more")


if __name__ == "__main__":
    main()
