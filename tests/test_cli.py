from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from filmgraph.cli import cli


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_export_writes_turtle_and_jsonld(sample_path: Path, tmp_path: Path) -> None:
    result = run("export", str(sample_path), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["second-victims.jsonld", "second-victims.ttl"]
    assert "schema:Movie" in (tmp_path / "second-victims.ttl").read_text(encoding="utf-8")


def test_export_to_stdout_one_format(sample_path: Path) -> None:
    result = run("export", str(sample_path), "-o", "-", "-f", "nt")
    assert result.exit_code == 0
    assert '<http://schema.org/name> "Second Victims"@en .' in result.stdout


def test_export_to_stdout_needs_one_format(sample_path: Path) -> None:
    result = run("export", str(sample_path), "-o", "-")
    assert result.exit_code == 2
    assert "-o - writes one format: give exactly one -f" in result.output


def test_export_reads_stdin(sample_path: Path) -> None:
    result = run("export", "-", "-o", "-", "-f", "ttl", input=sample_path.read_bytes())
    assert result.exit_code == 0
    assert "schema:subjectOf <https://example.org/filmgraph/article/second-victims>" in result.stdout
    assert "file:" not in result.stdout


def test_bad_inputs_exit_2_and_the_good_one_is_still_written(sample_path: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("= Café =\n".encode("latin-1"))
    untitled = tmp_path / "untitled.txt"
    untitled.write_text("Infobox\n- Director: A B\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("export", str(empty), str(binary), str(latin), str(untitled), str(tmp_path / "missing.txt"),
                 str(sample_path), "-o", str(out))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert f"Error: {empty}: empty file" in lines
    assert f"Error: {binary}: binary file, not an article" in lines
    assert f"Error: {latin}: not UTF-8 text (byte 0xe9 at offset 5)" in lines
    assert f"Error: {untitled}: no title line ('= Title =') at the top of the article" in lines
    assert f"Error: {tmp_path / 'missing.txt'}: No such file or directory" in lines
    assert "Traceback" not in result.output
    assert sorted(p.name for p in out.iterdir()) == ["second-victims.jsonld", "second-victims.ttl"]


def test_unknown_infobox_keys_are_warnings(tmp_path: Path) -> None:
    film = tmp_path / "heat.txt"
    film.write_text("= Heat =\nInfobox\n- Director: Michael Mann\n- Shoe size: 42\n", encoding="utf-8")
    result = run("export", str(film), "-o", str(tmp_path))
    assert result.exit_code == 0
    assert "warning: heat.txt: line 4: unknown infobox key 'Shoe size'" in result.stderr


UNDATED_ACCOLADES = """{{Infobox film
| name = Heat
| director = [[Michael Mann]]
| budget = {{mystery|1}} {{enigma|2}} {{riddle|3}}
}}
'''Heat''' is a 1995 film.

== Accolades ==
{| class="wikitable"
! Award !! Category !! Result
|-
| Robert Awards || Best Film || Nominated
|-
| Robert Awards || Best Director || Won
|-
| Robert Awards || Best Score || Nominated
|}
"""


def test_warnings_of_one_kind_are_one_counted_line_unless_verbose(tmp_path: Path) -> None:
    """An accolades table without dates says so once per film, not once per row."""
    page = tmp_path / "heat.wiki"
    page.write_text(UNDATED_ACCOLADES, encoding="utf-8")
    out = tmp_path / "out"
    quiet = run("export", str(page), "-o", str(out))
    assert quiet.exit_code == 0, quiet.stderr
    assert quiet.stderr.splitlines() == [
        f"warning: 3 × {page}: infobox '…': unknown template {{{{…}}}}: only its links read",
        f"wrote {out / 'heat.ttl'}",
        f"wrote {out / 'heat.jsonld'}",
        "  Warning: 3 × pq:P585: the article gives no ceremony date (pq:P585) for this nomination",
        f"{page}: conforms, 3 warnings (--verbose lists each)"]
    verbose = run("export", str(page), "-o", str(out), "--verbose").stderr.splitlines()
    assert f"warning: {page}: infobox 'budget': unknown template {{{{enigma}}}}: only its links read" in verbose
    assert len([line for line in verbose if "no ceremony date" in line]) == 3
    assert verbose[-1] == f"{page}: conforms, 3 warnings"
    folder = run("export", str(tmp_path), "-o", str(tmp_path / "batch"))
    summary = f"warning: 3 × {page}: infobox '…': unknown template {{{{…}}}}: only its links read"
    assert summary in folder.stderr.splitlines()
    validated = run("validate", str(out / "heat.ttl"))
    assert validated.stdout.splitlines() == [
        f"{out / 'heat.ttl'}: Warning: 3 × pq:P585: the article gives no ceremony date (pq:P585) for this nomination",
        f"{out / 'heat.ttl'}: conforms, 3 warnings (--verbose lists each)"]
    assert len(run("validate", str(out / "heat.ttl"), "-v").stdout.splitlines()) == 4


def test_a_value_breaking_a_shape_is_left_out_and_the_film_written(tmp_path: Path) -> None:
    article = tmp_path / "odd.txt"
    article.write_text("= Odd Tongue =\nInfobox\n- Director: Ann Berg\n- Language: Zzyzxian\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("export", str(article), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert ('warning: Odd Tongue <https://example.org/filmgraph/film/odd-tongue>: schema:inLanguage value '
            '"Zzyzxian" left out: a language must be a schema:Language with its BCP 47 code such as "da" '
            '(--strict keeps the film out instead)') in result.stderr.splitlines()
    assert sorted(p.name for p in out.iterdir()) == ["odd-tongue.jsonld", "odd-tongue.ttl"]
    assert "Zzyzxian" not in (out / "odd-tongue.ttl").read_text(encoding="utf-8")


def test_violating_graph_with_strict_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    article = tmp_path / "odd.txt"
    article.write_text("= Odd Tongue =\nInfobox\n- Director: Ann Berg\n- Language: Zzyzxian\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("export", str(article), "-o", str(out), "--strict")
    assert result.exit_code == 1
    assert "the graph violates the shapes; nothing written" in result.stderr
    assert 'schema:inLanguage: a language must be a schema:Language with its BCP 47 code such as "da"' in result.stderr
    assert not out.exists() or not any(out.iterdir())
    assert run("export", str(article), "-o", str(out), "--no-validate", "--strict").exit_code == 0


def test_pages_that_are_not_films_are_declined_by_name(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    series = pages / "series.wiki"
    series.write_text("{{Infobox television\n| creator = Ann Berg\n}}\n'''Dark Hours''' is a television series.",
                      encoding="utf-8")
    redirect = pages / "redirect.wiki"
    redirect.write_text("#REDIRECT [[Dark Hours (film)]]\n", encoding="utf-8")
    result = run("export", str(series), str(redirect), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"Error: {series}: not a film article (Infobox television)",
                                          f"Error: {redirect}: redirect to Dark Hours (film)"]
    folder = run("export", str(pages), "-o", str(tmp_path / "out"))
    assert folder.exit_code == 0, folder.stderr
    assert ("2 pages read, 0 films written, 0 skipped (0 no film infobox, 0 redirect, 0 other namespace), 2 declined, "
            "0 violate the shapes, 0 failed in ") in folder.stderr


def test_existing_output_is_not_clobbered_by_a_failing_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "film.ttl").write_text("keep", encoding="utf-8")
    bad = tmp_path / "film.txt"
    bad.write_bytes(b"")
    assert run("export", str(bad), "-o", str(out)).exit_code == 2
    assert (out / "film.ttl").read_text(encoding="utf-8") == "keep"


def test_validate_command(sample_path: Path, tmp_path: Path) -> None:
    run("export", str(sample_path), "-o", str(tmp_path))
    ok = run("validate", str(tmp_path / "second-victims.ttl"), str(tmp_path / "second-victims.jsonld"))
    assert ok.exit_code == 0
    assert ok.stdout.splitlines() == [f"{tmp_path / 'second-victims.ttl'}: conforms",
                                      f"{tmp_path / 'second-victims.jsonld'}: conforms"]
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix schema: <http://schema.org/> .\n<urn:f> a schema:Movie .\n", encoding="utf-8")
    bad = run("validate", str(broken))
    assert bad.exit_code == 1
    assert f"{broken}: Warning: <urn:f>: schema:director: the article names no director" in bad.stdout.splitlines()
    assert f"{broken}: Violation: <urn:f>: schema:name: a film needs exactly one name, with a language tag" \
        in bad.stdout.splitlines()
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle", encoding="utf-8")
    unreadable = run("validate", str(garbage), str(tmp_path / "none.ttl"))
    assert unreadable.exit_code == 2
    assert unreadable.stderr.startswith(f"Error: {garbage}: not valid Turtle")
    assert f"Error: {tmp_path / 'none.ttl'}: No such file or directory" in unreadable.stderr


@pytest.mark.parametrize("args", [["export"], ["validate"], ["export", "x.txt", "-f", "rdfxml"], ["nosuch"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).exit_code == 2


def test_base_option(sample_path: Path) -> None:
    result = run("export", str(sample_path), "-o", "-", "-f", "nt", "--base", "http://films.example/kg/")
    assert "<http://films.example/kg/film/second-victims>" in result.stdout


def test_module_entry_point(sample_path: Path) -> None:
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "filmgraph", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "export" in done.stdout
