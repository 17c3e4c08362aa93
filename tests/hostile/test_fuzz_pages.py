"""Issue 19, item 7: structure-aware fuzzing of the corpus pages.

Each case takes a real page (tests/corpus, tests/articles) and breaks its structure the way the campaign did:
braces, brackets and pipes deleted or doubled, the page cut short, templates nested past any real page, tables
with absurd rowspans and colspans, lone surrogates and noncharacters (as characters, as character references,
and as bytes no UTF-8 decoder takes), NUL bytes. Every case must end as a clean export (exit 0 or 1) or a clean
refusal (exit 2) with no traceback, and every file written must be read by strict parsers: pyoxigraph for
Turtle, N-Triples and N-Quads, json for JSON-LD.

``FILMGRAPH_FUZZ_CASES`` sets the number of cases (CI runs a few thousand in its fuzz job; a developer's run
takes 40); ``FILMGRAPH_FUZZ_SEED`` replays one case. A failing case is saved under ``FILMGRAPH_FUZZ_FAILURES``
(default: the test's temporary folder) with its seed in the message.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph
import pytest

from filmgraph.formats import RdfFormat
from filmgraph.pipeline import export_one
from filmgraph.text import is_valid

from .hostile2 import PROJECT, run_cli

CASES = int(os.environ.get("FILMGRAPH_FUZZ_CASES", "40"))
REPLAY = os.environ.get("FILMGRAPH_FUZZ_SEED")
BATCH = 50  # cases a test runs (a failure names its case's seed)
CASE_SECONDS = 60  # a case that runs longer is a hang: a finding, not a wait
PAGES = sorted([*(PROJECT / "tests" / "corpus").glob("*.wiki"), *(PROJECT / "tests" / "articles").glob("*.txt"),
                *(PROJECT / "tests" / "articles").glob("*.wiki")])
FORMATS = [RdfFormat.TURTLE, RdfFormat.N_TRIPLES, RdfFormat.N_QUADS, RdfFormat.JSON_LD]
STRICT = {RdfFormat.TURTLE: pyoxigraph.RdfFormat.TURTLE, RdfFormat.N_TRIPLES: pyoxigraph.RdfFormat.N_TRIPLES,
          RdfFormat.N_QUADS: pyoxigraph.RdfFormat.N_QUADS}

# The structure a page has: what the mutations delete or double.
TOKENS = ["{{", "}}", "[[", "]]", "{|", "|}", "|-", "||", "|", "{", "}", "[", "]", "'''", "''", "<ref>", "</ref>",
          "==", "\n*", "\n"]
ODD = ["\ud800", "\udfff", "\ud83c", "\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff", "&#xD800;",
       "&#xDC00;", "&#xFFFF;", "&#xFFFE;", "&#55296;", "&#x10FFFF;", "\x00", "\u2028", "\u202e", "\ufeff"]


def _token_spans(text: str, rng: random.Random) -> tuple[str, list[int]]:
    token = rng.choice(TOKENS)
    return token, [m.start() for m in re.finditer(re.escape(token), text)]


def delete_token(text: str, rng: random.Random) -> str:
    token, found = _token_spans(text, rng)
    if not found:
        return text
    at = rng.choice(found)
    return text[:at] + text[at + len(token):]


def duplicate_token(text: str, rng: random.Random) -> str:
    token, found = _token_spans(text, rng)
    if not found:
        return text
    at = rng.choice(found)
    return text[:at] + token * rng.choice([2, 3, 50]) + text[at:]


def truncate(text: str, rng: random.Random) -> str:
    return text[:rng.randrange(len(text) + 1)]


def nest_templates(text: str, rng: random.Random) -> str:
    depth = rng.choice([2, 10, 39, 41, 60, 300])
    start = rng.randrange(len(text) + 1)
    end = min(len(text), start + rng.randrange(200))
    closed = rng.random() < 0.8
    return text[:start] + "{{x|" * depth + text[start:end] + ("}}" * depth if closed else "") + text[end:]


def extreme_spans(text: str, rng: random.Random) -> str:
    span = rng.choice(["rowspan", "colspan"])
    size = rng.choice(["0", "-1", "999999999", "1e9", "99999999999999999999", '"3"', "x"])
    cells = [m.start() for m in re.finditer(r"(?m)^[|!](?![-}+])", text)]
    if cells and rng.random() < 0.7:
        at = rng.choice(cells) + 1
        return text[:at] + f' {span}="{size}" |' + text[at:]
    table = (f'\n{{| class="wikitable"\n! Year !! Award !! Result\n|-\n| {span}={size} | 2020 || Best Film || '
             "{{won}}\n|-\n| Best Director || {{nom}}\n|}\n")
    at = rng.randrange(len(text) + 1)
    return text[:at] + table + text[at:]


def odd_characters(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(ODD) + text[at:]
    return text


MUTATIONS: list[Callable[[str, random.Random], str]] = [delete_token, duplicate_token, truncate, nest_templates,
                                                        extreme_spans, odd_characters]


def mutated_page(seed: int) -> tuple[Path, str]:
    """Case ``seed``: a corpus page and its mutated text (1 to 4 mutations; truncation at most once)."""
    rng = random.Random(seed)
    page = PAGES[rng.randrange(len(PAGES))]
    text = page.read_text(encoding="utf-8")
    kinds = rng.sample(MUTATIONS, rng.randint(1, 4))
    for mutate in kinds:
        text = mutate(text, rng)
    return page, text


def _write(path: Path, text: str, rng: random.Random) -> None:
    """The text as a file. A lone surrogate cannot be UTF-8: mostly it becomes a character reference (as it
    comes in real pages), sometimes the bytes an encoder would refuse (a file no UTF-8 decoder takes)."""
    if rng.random() < 0.8:
        text = re.sub("[\ud800-\udfff]", lambda m: f"&#x{ord(m.group()):X};", text)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    def expired(number: int, frame: object) -> None:
        raise TimeoutError(f"a case ran more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check_case(seed: int, folder: Path) -> str | None:
    """Run one case; what went wrong, or None."""
    page, text = mutated_page(seed)
    path = folder / f"case-{seed}{page.suffix}"
    _write(path, text, random.Random(seed))
    try:
        with _deadline(CASE_SECONDS):
            result = export_one(path, output_dir=None, formats=FORMATS, validate=True)
            if seed % 10 == 0:  # every tenth case through the command itself: its exit status and its lines
                cli = run_cli("export", str(path), "-o", str(folder / f"out-{seed}"), "-f", "ttl", "-f", "jsonld")
                if cli.exit_code not in (0, 1, 2):
                    return f"exit status {cli.exit_code}"
    except Exception as exc:  # a fuzzer reports whatever escapes, with its case (a bug to fix, not to hide)
        return f"{type(exc).__name__}: {str(exc)[:300]}"
    if result.error is not None:
        if "\n" in result.error:
            return f"a message of several lines: {result.error[:300]!r}"
        return None
    for fmt, output in result.texts.items():
        if not is_valid(output):
            return f"{fmt.name} holds a lone surrogate or a noncharacter"
        try:
            output.encode("utf-8")
            if fmt in STRICT:
                list(pyoxigraph.parse(output.encode("utf-8"), format=STRICT[fmt]))
            else:
                json.loads(output)
        except (SyntaxError, ValueError) as exc:
            return f"{fmt.name} is not valid: {str(exc)[:300]}"
    path.unlink()
    return None


def _seeds() -> list[list[int]]:
    if REPLAY:
        return [[int(REPLAY)]]
    seeds = list(range(CASES))
    return [seeds[start:start + BATCH] for start in range(0, len(seeds), BATCH)]


@pytest.mark.parametrize("seeds", _seeds(), ids=lambda seeds: f"cases-{seeds[0]}-{seeds[-1]}")
def test_mutated_corpus_pages_export_cleanly_or_fail_in_one_line(seeds: list[int], tmp_path: Path) -> None:
    failures_folder = Path(os.environ.get("FILMGRAPH_FUZZ_FAILURES") or tmp_path)
    failures_folder.mkdir(parents=True, exist_ok=True)
    failures = []
    started = time.monotonic()
    for seed in seeds:
        problem = check_case(seed, tmp_path)
        if problem:
            page, text = mutated_page(seed)
            _write(failures_folder / f"case-{seed}{page.suffix}", text, random.Random(seed))
            failures.append(f"FILMGRAPH_FUZZ_SEED={seed} ({page.name}): {problem}")
    assert not failures, "\n".join(failures) + f"\n(cases saved in {failures_folder})"
    assert time.monotonic() - started < CASE_SECONDS * len(seeds)


def test_the_mutations_break_what_they_say() -> None:
    rng = random.Random(1)
    text = "{{Infobox film\n| name = X\n}}\n'''X''' is a film.\n{|\n! A !! B\n|-\n| 1 || 2\n|}\n"
    assert len(truncate(text, rng)) <= len(text)
    nested = nest_templates(text, random.Random(3))
    assert nested.count("{{x|") >= 2
    assert "span=" in extreme_spans(text, random.Random(5))
    odd = odd_characters("abc", random.Random(7))
    assert odd != "abc" and any(character in odd for character in ODD)
    assert {mutated_page(seed)[1] for seed in range(5)} == {mutated_page(seed)[1] for seed in range(5)}  # replayable


# Findings of the fuzz job, each kept as a case of its own.

@pytest.mark.parametrize(("text", "redirect"), [
    ("#REDIRECT [[Baazi (1968 film)]]\n{{R from move}}\n", "redirect to Baazi (1968 film)"),
    ("#redirect [[Computer accessibility#Tools|x]]\n", "redirect to Computer accessibility"),
    ("#REDIRECT [[Baazi (1968\n{{Infobox film\n| name = Baazi\n}}\n'''Baazi''' is a 1968 film.\n", None),
], ids=["redirect", "redirect-section", "link-never-closed"])
def test_a_redirect_is_one_line_and_an_unclosed_one_is_none(text: str, redirect: str | None, tmp_path: Path) -> None:
    from filmgraph import FilmgraphError
    from filmgraph.read.wikitext import parse_wikitext

    if redirect is None:
        assert parse_wikitext(text, source="", where="x.wiki").title == "Baazi"  # MediaWiki makes no redirect
        return
    with pytest.raises(FilmgraphError) as raised:
        parse_wikitext(text, source="", where="x.wiki")
    assert str(raised.value) == f"x.wiki: {redirect}"
