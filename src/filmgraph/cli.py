"""The ``filmgraph`` command: a thin layer over the library; each command calls one function."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from . import __version__
from .errors import FilmgraphError
from .pipeline import export
from .validate import validate_graph
from .vocab import DEFAULT_BASE
from .write import RdfFormat, load_graph

FORMAT_CHOICES = [fmt.value for fmt in RdfFormat]


def _error(message: str) -> None:
    click.echo(f"Error: {message}", err=True)


def base_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """--base: where minted IRIs live."""
    return click.option("--base", default=DEFAULT_BASE, show_default=True, metavar="IRI",
                        help="Namespace under which film, person and statement IRIs are minted.")(function)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="filmgraph")
def cli() -> None:
    """Turn film articles into a linked-data knowledge graph (schema.org + Wikidata-style RDF).

    Example:

        filmgraph export examples/second_victims.txt
    """


@cli.command("export")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output-dir", default="out", show_default=True, metavar="DIR",
              help="Folder for <slug>.<format> files; '-' writes to standard output.")
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(FORMAT_CHOICES),
              help="Output format; repeat for several.  [default: ttl and jsonld]")
@base_option
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check and write whatever the graph holds.")
def export_cmd(inputs: tuple[str, ...], output_dir: str, formats: tuple[str, ...], base: str,
               no_validate: bool) -> None:
    """Export film articles (files, or '-' for standard input) as RDF.

    Exit status: 0 all written; 1 a graph violates the shapes (its files are not
    written); 2 bad input or usage. Every input is processed whatever happens to the others.

    Example:

        filmgraph export examples/second_victims.txt -o out -f ttl -f jsonld -f nt
    """
    chosen = [RdfFormat(f) for f in formats] or [RdfFormat.TURTLE, RdfFormat.JSON_LD]
    to_stdout = output_dir == "-"
    if to_stdout and len(chosen) != 1:
        raise click.UsageError("-o - writes one format: give exactly one -f")
    results = export(inputs, output_dir=None if to_stdout else output_dir, formats=chosen, base=base,
                     validate=not no_validate)
    for result in results:
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        if result.error:
            _error(result.error)
        elif result.report is not None and not result.report.conforms:
            click.echo(f"{result.input}: the graph violates the shapes; nothing written", err=True)
            for line in result.report.lines():
                click.echo(f"  {line}", err=True)
        elif to_stdout:
            click.echo(result.texts[chosen[0]], nl=False)
        else:
            for path in result.written:
                click.echo(f"wrote {path}", err=True)
    sys.exit(max(result.exit_code for result in results))


@cli.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False), metavar="FILE...")
def validate_cmd(files: tuple[str, ...]) -> None:
    """Validate RDF files (ttl, jsonld, nt, nq) against filmgraph's SHACL shapes.

    Prints one line per violation: the node by its label, the property and the rule.
    Exit status: 0 conforms, 1 violations, 2 unreadable input.

    Example:

        filmgraph validate out/second-victims.ttl
    """
    worst = 0
    for name in files:
        try:
            report = validate_graph(load_graph(name))
        except FilmgraphError as exc:
            _error(str(exc))
            worst = 2
            continue
        for line in report.lines():
            click.echo(f"{name}: {line}")
        if report.conforms:
            click.echo(f"{name}: conforms")
        else:
            worst = max(worst, 1)
    sys.exit(worst)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
