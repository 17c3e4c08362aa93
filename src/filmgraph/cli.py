"""The ``filmgraph`` command: a thin layer over the library; each command calls one function."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from filmgraph import __version__, defaults
from filmgraph.errors import FilmgraphError
from filmgraph.formats import DEFAULT_SHARD_MB, DUMP_SUFFIXES, ERRORS_FILE, SHARD_PREFIX, Layout, RdfFormat

# The stages are imported inside the commands that use them: `filmgraph --help` loads none of them.
if TYPE_CHECKING:
    from filmgraph import store as stores
    from filmgraph.pipeline import ExportResult, Outcome, Reading

DEFAULT_OUTPUT_DIR = defaults.OUTPUT_DIR
DEFAULT_BASE = defaults.BASE
DEFAULT_API = defaults.MEDIAWIKI_API

FORMAT_CHOICES = [fmt.value for fmt in RdfFormat]
# Settings read from the environment (the library takes them as arguments).
USER_VARIABLE = "FILMGRAPH_SPARQL_USER"
PASSWORD_VARIABLE = "FILMGRAPH_SPARQL_PASSWORD"
TOKEN_VARIABLE = "FILMGRAPH_SPARQL_TOKEN"
API_VARIABLE = "FILMGRAPH_MEDIAWIKI_API"
CONTACT_VARIABLE = "FILMGRAPH_CONTACT"


def _error(message: str) -> None:
    click.echo(f"Error: {message}", err=True)


class _StandardOutputError(FilmgraphError):
    """Standard output cannot be written: a full device, a closed pipe."""


@contextlib.contextmanager
def _standard_output() -> Iterator[None]:
    """A full device or a closed pipe on standard output is one more error (see :class:`_Cli`)."""
    try:
        yield
    except OSError as exc:
        raise _StandardOutputError(f"standard output: {exc.strerror or exc}") from exc


def _out(text: str, *, nl: bool = True) -> None:
    """Print to standard output (see :func:`_standard_output`)."""
    with _standard_output():
        click.echo(text, nl=nl)


def _silence_stdout() -> None:
    """Point standard output at /dev/null once it failed, so that the interpreter's last flush of what is
    still buffered cannot print a traceback of its own."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


class _Cli(click.Group):
    """The one exit path: a command returns its exit status, or raises FilmgraphError (bad input, a store or a
    server that fails, a full disk, a standard output that cannot be written), which is printed here as one
    ``Error:`` line with exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            code = super().invoke(ctx)
            with _standard_output():
                sys.stdout.flush()
        except FilmgraphError as exc:
            _error(str(exc))
            if isinstance(exc, _StandardOutputError):
                _silence_stdout()
            code = 2
        ctx.exit(code if isinstance(code, int) else 0)


def _report_problem(result: Outcome, undone: str, *, verbose: bool = True) -> bool:
    """Print an input's error or shapes report (warnings of one kind as one line unless ``verbose``); True when
    there was one (its output was not made)."""
    if result.error:
        _error(result.error)
        return True
    if result.report is not None and not result.report.conforms:
        click.echo(f"{result.input}: the graph violates the shapes; nothing {undone}", err=True)
        for line in result.report.lines(verbose=verbose):
            click.echo(f"  {line}", err=True)
        return True
    return False


def _default_cache() -> Path:
    """The user cache folder ($XDG_CACHE_HOME/filmgraph, else ~/.cache/filmgraph)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "filmgraph"


def reading_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """--contact, --cache, --source-url, --(no-)link-wikidata, --items: how inputs are read and linked; the
    command receives them as one ``reading`` argument, the clients opened from those settings (closed when the
    command ends; ``reading.settings`` is what a batch hands to its workers)."""

    @functools.wraps(function)
    def wrapper(*args: Any, contact: str | None, cache: str | None, source_url: str | None,
                link_wikidata: bool | None, items_file: str | None, **kwargs: Any) -> Any:
        from filmgraph.pipeline import ReadSettings

        settings = ReadSettings(
            api=os.environ.get(API_VARIABLE, DEFAULT_API), contact=contact or os.environ.get(CONTACT_VARIABLE) or None,
            cache=str(cache or _default_cache()), source_url=source_url, link_wikidata=link_wikidata,
            items_file=items_file)
        with settings.open(stdin=sys.stdin.buffer) as reading:
            return function(*args, reading=reading, **kwargs)

    options = [
        click.option("--contact", metavar="EMAIL|URL",
                     help="Your contact, sent in the User-Agent to the MediaWiki API (required by Wikimedia; "
                          "default $FILMGRAPH_CONTACT)."),
        click.option("--cache", metavar="DIR", help="Cache of fetched pages, by revision.  [default: "
                                                    "~/.cache/filmgraph]"),
        click.option("--source-url", metavar="URL", help="The page a file was saved from; facts cite it."),
        click.option("--link-wikidata/--no-link-wikidata", default=None,
                     help="Ask the MediaWiki API for the Wikidata items of the film, of every linked page and of "
                          "every linked award category (batched, cached), or never.  [default: for wiki:Title "
                          "inputs; --link-wikidata: for files with --source-url too]"),
        click.option("--items", "items_file", metavar="FILE", type=click.Path(dir_okay=False),
                     help="Linked pages' Wikidata items offline: a title<TAB>item file, or the wiki's "
                          "page_props SQL dump with its page dump beside it (.gz/.bz2 too)."),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


def verbose_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """--verbose: every warning on a line of its own (by default one line per input and kind of warning)."""
    return click.option("-v", "--verbose", is_flag=True,
                        help="Print every warning on its own line.  [default: one line per input and kind of "
                             "warning, counted]")(function)


def base_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """--base: where minted IRIs live."""
    return click.option("--base", default=DEFAULT_BASE, show_default=True, metavar="IRI",
                        help="Namespace under which film, person and statement IRIs are minted.")(function)


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="filmgraph")
def cli() -> None:
    """Turn film articles into a linked-data knowledge graph (schema.org + Wikidata-style RDF).

    Example:

    \b
        filmgraph export examples/second_victims.txt
    """


@cli.command("export")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output-dir", default=DEFAULT_OUTPUT_DIR, show_default=True, metavar="DIR",
              help="Folder for <slug>.<format> files; '-' writes to standard output.")
@click.option("-f", "--format", "formats", multiple=True, type=click.Choice(FORMAT_CHOICES),
              help="Output format; repeat for several.  [default: ttl and jsonld]")
@base_option
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check and write whatever the graph holds.")
@click.option("--strict", is_flag=True,
              help="A value that breaks a shape keeps the whole film out (default: that value is left out, "
                   "with a warning).")
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes for folders, dumps and many inputs.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask cluster (tcp://host:8786, or 'local'); its workers must see -o DIR.")
@click.option("--connect-timeout", type=click.FloatRange(0, min_open=True), default=10.0, show_default=True,
              metavar="SECONDS", help="How long to wait for the Dask scheduler.")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ADDRESS",
              help="Where --scheduler local listens (scheduler, workers and dashboard).")
@click.option("--dashboard-port", type=click.IntRange(0, 65535), metavar="PORT",
              help="Start the Dask dashboard of --scheduler local on --host at this port (0: any free one).")
@click.option("--layout", type=click.Choice(["files", "shards"]),
              help="files: <slug>.<format> per film; shards: N-Quads shards with page lists and errors.jsonl, "
                   "resumable.  [default: shards for dumps unless -f asks for other formats, files otherwise]")
@click.option("--shard-size-mb", "--shard-size", "shard_size_mb", type=click.FloatRange(0, min_open=True),
              default=DEFAULT_SHARD_MB, show_default=True, metavar="MB",
              help="Size in MiB at which a shard is finished and the next begun.")
@click.option("--resume", is_flag=True, help="Go on with an interrupted export into -o DIR, in its layout and "
                                             "formats: skip the pages it finished, redo the rest.")
@verbose_option
@reading_options
def export_cmd(inputs: tuple[str, ...], output_dir: str, formats: tuple[str, ...], base: str,
               no_validate: bool, strict: bool, jobs: int, scheduler: str | None, connect_timeout: float,
               host: str, dashboard_port: int | None, layout: str | None, shard_size_mb: float, resume: bool,
               verbose: bool, reading: Reading) -> int:
    """Export film articles as RDF: files, folders of them, Wikipedia XML dumps
    (.xml, .xml.bz2, .xml.gz), 'wiki:Title' to fetch a page, or '-' for standard input.

    Exit status: 0 all written; 1 a graph violates the shapes (its files are not
    written); 2 bad input or usage. Every input is processed whatever happens to the others.
    Folders and dumps are streamed through --jobs worker processes with a progress bar; a dump
    is written as N-Quads shards (one named graph per film). Every batch writes errors.jsonl (the
    declined and failed pages) and a page list that --resume goes on with after a kill.

    Example:

    \b
        filmgraph export examples/second_victims.txt -o out -f ttl -f jsonld -f nt
        filmgraph export enwiki-pages-articles.xml.bz2 -j 2 -o out/enwiki
        filmgraph export enwiki-pages-articles.xml.bz2 -j 2 -o out/enwiki --resume
    """
    from filmgraph.pipeline import DEFAULT_FORMATS, export

    chosen = [RdfFormat(f) for f in formats] or list(DEFAULT_FORMATS)
    to_stdout = output_dir == "-"
    _check_output_dir(output_dir)
    if to_stdout and len(chosen) != 1:
        raise click.UsageError("-o - writes one format: give exactly one -f")
    dump = any(i.lower().endswith(DUMP_SUFFIXES) for i in inputs)
    if resume and not layout and not formats and not to_stdout:
        from filmgraph.shards import recorded_export

        recorded = recorded_export(output_dir)  # go on in the first run's layout and formats
        if recorded is not None:
            layout, formats = recorded[0].value, tuple(recorded[1])
            chosen = [RdfFormat(f) for f in formats]
    # A dump is bulk: shards, unless formats other than N-Quads are asked for (then files, as for a folder).
    wants_files = bool(formats) and chosen != [RdfFormat.N_QUADS]
    chosen_layout = Layout(layout) if layout else Layout.SHARDS if (dump or resume) and not wants_files \
        else Layout.FILES
    if chosen_layout is Layout.SHARDS and (to_stdout or (formats and chosen != [RdfFormat.N_QUADS])):
        raise click.UsageError("shards are N-Quads written into a folder: give -o DIR and no -f but nq "
                               "(or --layout files)")
    if resume and to_stdout:
        raise click.UsageError("--resume goes on with an export into a folder: give -o DIR")
    if not to_stdout and (jobs > 1 or scheduler or chosen_layout is Layout.SHARDS or resume
                          or any(_is_collection(i) for i in inputs)):
        dask = {"connect_timeout": connect_timeout, "host": host, "dashboard_port": dashboard_port}
        return _export_batch(inputs, output_dir, chosen, base, not no_validate, jobs, scheduler, dask,
                             strict, reading, chosen_layout, shard_size_mb, resume, verbose)
    results = export(inputs, output_dir=None if to_stdout else output_dir, formats=chosen, base=base,
                     validate=not no_validate, reading=reading, strict=strict)
    for result in results:
        _report_export(result, _echo_err, verbose=verbose)
        if to_stdout and not result.exit_code:
            _out(result.texts[chosen[0]], nl=False)
    return max(result.exit_code for result in results)


def _check_output_dir(output_dir: str) -> None:
    if output_dir != "-" and Path(output_dir).exists() and not Path(output_dir).is_dir():
        raise FilmgraphError(f"{output_dir}: a file, not a folder (-o names the folder to write into)")


def _api() -> str:
    return os.environ.get(API_VARIABLE, DEFAULT_API)


def _echo_err(line: str) -> None:
    click.echo(line, err=True)


def _report_export(result: ExportResult, say: Callable[[str], None], *, verbose: bool) -> None:
    """Every line an export prints for one input, single or batch alike: warnings, then its error,
    shapes report or the files it wrote. Warnings of one kind are one counted line unless ``verbose``."""
    from filmgraph.pipeline import summarize_warnings

    for warning in summarize_warnings(result.warnings, verbose=verbose):
        say(f"warning: {warning}")
    if result.error:
        say(f"Error: {result.error}")
    elif result.violations:
        say(f"{result.input}: the graph violates the shapes; nothing written")
        assert result.report is not None  # a result has violations only through its report
        for line in result.report.lines(verbose=verbose):
            say(f"  {line}")
    else:
        for path in result.written:
            say(f"wrote {path}")
        if result.report is not None and result.report.warnings:
            from filmgraph.rdf.validate import result_lines

            lines = result_lines(result.report.warnings, verbose=verbose)
            for line in lines:
                say(f"  {line}")
            count = len(result.report.warnings)
            more = " (--verbose lists each)" if len(lines) < count else ""
            say(f"{result.input}: conforms, {count} warning{'s' * (count != 1)}{more}")


def _is_collection(name: str) -> bool:
    return name != "-" and (Path(name).is_dir() or name.lower().endswith(DUMP_SUFFIXES))


def _export_batch(inputs: tuple[str, ...], output_dir: str, formats: list[RdfFormat], base: str, validate: bool,
                  jobs: int, scheduler: str | None, dask: dict[str, Any], strict: bool, reading: Reading,
                  layout: Layout, shard_size_mb: float, resume: bool, verbose: bool) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from filmgraph.batch import BatchResult, export_batch
    from filmgraph.pipeline import summarize_warnings

    console = Console(stderr=True)

    def say(line: str) -> None:
        console.print(line, markup=False, highlight=False, soft_wrap=True)

    worst = 0
    # The bar follows the bytes read of inputs of known size (a dump's compressed bytes), so that the time
    # left is an estimate for the whole run; the counts beside it are every page read so far, by outcome.
    with Progress(SpinnerColumn(), BarColumn(bar_width=16), TimeElapsedColumn(), TextColumn("left"),
                  TimeRemainingColumn(), TextColumn("{task.fields[counts]}"), console=console, transient=True,
                  disable=not console.is_terminal) as progress:
        task = progress.add_task("export", total=None, counts="")

        def on_progress(counts: BatchResult) -> None:
            tally = counts.tally
            progress.update(task, total=tally.bytes_total or None, completed=tally.bytes_read,
                            counts=f"{counts.pages_read:,} pages {counts.pages_per_second:,.0f}/s: {counts.written:,} "
                                   f"films, {tally.skipped:,} skipped, {counts.declined:,} declined, "
                                   f"{counts.failed:,} failed")

        def on_result(result: ExportResult) -> None:
            nonlocal worst
            if result.skipped:  # in a folder or dump, a page that is not a film is passed over, not failed
                say(f"skipped: {result.error}")
            elif result.exit_code:  # a batch lists problems; the files written are counted below
                worst = max(worst, result.exit_code)
                _report_export(result, say, verbose=verbose)
            else:
                for warning in summarize_warnings(result.warnings, verbose=verbose):
                    say(f"warning: {warning}")

        counts = export_batch(inputs, output_dir=output_dir, formats=formats, base=base, validate=validate,
                              jobs=jobs, scheduler=scheduler, **dask, on_result=on_result, on_progress=on_progress,
                              strict=strict, reading=reading.settings, layout=layout, shard_size_mb=shard_size_mb,
                              resume=resume)
    say(counts.summary())
    written = f"shards: {output_dir}/{SHARD_PREFIX}*.nq" if layout is Layout.SHARDS else f"files: {output_dir}"
    say(f"{written}; declined and failed pages: {output_dir}/{ERRORS_FILE}")
    return worst


@cli.command("quickstatements")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--entity", "entity_file", type=click.Path(dir_okay=False), metavar="FILE.json",
              help="The film's item as a saved wbgetentities answer (action=wbgetentities&ids=Q…&props=claims).")
@click.option("--wikidata-api", default="https://www.wikidata.org/w/api.php", show_default=True, metavar="URL",
              help="Where the film's item is fetched without --entity (the polite client: give --contact).")
@click.option("-f", "--format", "qs_format", type=click.Choice(["v1", "csv"]), default="v1", show_default=True,
              help="QuickStatements V1 (tab-separated commands) or CSV (one header row for all inputs).")
@click.option("--create", is_flag=True,
              help="CREATE an item (label, P31, sitelink) for each linked person or company whose page has none; "
                   "never for award categories, files or names the article does not link.")
@click.option("--retrieved", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="The day the page was read, for S813 (a page saved earlier)  [default: today]")
@base_option
@reading_options
def quickstatements_cmd(inputs: tuple[str, ...], entity_file: str | None, wikidata_api: str, qs_format: str,
                        create: bool, retrieved: datetime | None, base: str, reading: Reading) -> int:
    """Print the statements a film's Wikidata item lacks, as QuickStatements, each with the reference
    Wikidata's imports from Wikipedia carry: S143 the wiki, S4656 the page's permalink at the revision read,
    S813 the day it was read. The items of the film and of every linked page are always looked up. Values the
    item states already, or more precisely, are left out (a qualifier it lacks is added to its statement);
    values that conflict with the item, linked pages with no item (--create makes them) and names with no
    page are listed on standard error for a person to check. An input with no page at a known revision
    (wiki:Title, a dump, or --source-url PERMALINK) gets no statements: exit status 2.

    Example:

    \b
        filmgraph quickstatements "wiki:The Celebration" --contact you@example.org
        filmgraph quickstatements film.wiki --entity item.json --items title-items.tsv \\
            --source-url "https://en.wikipedia.org/w/index.php?title=The_Celebration&oldid=1190000001"
    """
    from filmgraph.pipeline import quickstatements
    from filmgraph.wikidata.quickstatements import as_csv, as_v1, deferred, load_entity

    entity = load_entity(entity_file) if entity_file else None
    worst = 0
    proposals = []
    for source in inputs:
        try:
            proposal = quickstatements(source, entity=entity, base=base, reading=reading, create=create,
                                       wikidata_api=wikidata_api, retrieved=retrieved.date() if retrieved else None)
        except FilmgraphError as exc:
            _error(str(exc))
            worst = 2
            continue
        proposals.append(proposal)
        if qs_format == "v1":  # each input's commands as soon as they are known; CSV shares one header
            _out(as_v1(proposal), nl=False)
        for conflict in proposal.conflicts:
            click.echo(f"conflict: {conflict}", err=True)
        for name in proposal.needs_item:
            click.echo(f"needs an item: {name}", err=True)
        for name in proposal.unlinked:
            click.echo(f"not linked, left out: {name}", err=True)
        for note in proposal.notes:
            click.echo(f"note: {note}", err=True)
    if qs_format == "csv":
        _out(as_csv(*proposals), nl=False)
        if waiting := deferred(proposals):
            click.echo(f"left out: {waiting} statements about the items this batch creates (a CSV row cannot name "
                       "a new item; run again once they exist, or use V1)", err=True)
    return worst


@cli.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False), metavar="FILE...")
@verbose_option
def validate_cmd(files: tuple[str, ...], verbose: bool) -> int:
    """Validate RDF files (ttl, jsonld, nt, nq) against filmgraph's SHACL shapes.

    Prints one line per violation: the node by its label, the property and the rule; warnings
    of one kind are one counted line unless --verbose. Exit status: 0 conforms, 1 violations,
    2 unreadable input.

    Example:

    \b
        filmgraph validate out/second-victims.ttl
    """
    from filmgraph.pipeline import validate

    worst = 0
    for name in files:
        read_warnings: list[str] = []
        try:
            report = validate(name, warnings=read_warnings)
        except FilmgraphError as exc:
            _error(str(exc))
            worst = 2
            continue
        finally:
            for warning in read_warnings:
                click.echo(f"warning: {warning}", err=True)
        lines = report.lines(verbose=verbose)
        for line in lines:
            _out(f"{name}: {line}")
        if report.conforms:
            warnings = len(report.warnings)
            more = " (--verbose lists each)" if len(lines) < len(report.results) else ""
            _out(f"{name}: conforms" + (f", {warnings} warning{'s' * (warnings != 1)}{more}" if warnings else ""))
        else:
            worst = max(worst, 1)
    return worst


def store_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """--store / --endpoint / --update-endpoint / --store-endpoint / --timeout: where the triples live."""
    options = [
        click.option("--store", "store_dir", type=click.Path(file_okay=False), metavar="DIR",
                     help=f"Embedded Oxigraph store folder.  [default: {defaults.STORE_DIR}]"),
        click.option("--endpoint", metavar="URL", help="A SPARQL 1.1 server's query endpoint instead."),
        click.option("--update-endpoint", metavar="URL",
                     help="Its update endpoint.  [default: the endpoint with /query or /sparql → /update]"),
        click.option("--store-endpoint", metavar="URL",
                     help="Its Graph Store endpoint.  [default: the endpoint with /query or /sparql → /store]"),
        click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds to wait for a server."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _open_store(store_dir: str | None, endpoint: str | None, update_endpoint: str | None,
                store_endpoint: str | None, timeout: float, *, create: bool = False) -> stores.Store:
    """The store to load into (``create``: a missing folder becomes a new store, as Oxigraph and sqlite-utils
    do) or to query (a missing folder is an error)."""
    from filmgraph import store as stores

    if store_dir and endpoint:
        raise click.UsageError("give --store or --endpoint, not both")
    if endpoint and not re.match(r"^https?://[^/\s]+", endpoint):
        raise FilmgraphError(f"{endpoint}: not an http:// or https:// endpoint (e.g. http://127.0.0.1:7878/query)")
    if store_dir and not create and not Path(store_dir).is_dir():
        # A mistyped folder must not become a new empty store that answers every query with nothing.
        raise FilmgraphError(f"{store_dir}: no store there (filmgraph load FILE --store {store_dir} creates one)")
    token = os.environ.get(TOKEN_VARIABLE) or None
    user = os.environ.get(USER_VARIABLE)
    auth = (user, os.environ.get(PASSWORD_VARIABLE, "")) if user and not token else None
    return stores.open(store_dir, endpoint=endpoint, update_endpoint=update_endpoint, store_endpoint=store_endpoint,
                       timeout=timeout, auth=auth, token=token, read_only=not create)


@cli.command("load")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@store_options
@click.option("--graph", "graph_iri", metavar="IRI", help="Named graph to load into.  [default: the article's IRI]")
@base_option
@click.option("--no-validate", is_flag=True, help="Load articles' graphs even when they violate the shapes.")
@click.option("--revalidate", is_flag=True,
              help="Check RDF files against the shapes before loading (export checked them already).")
@click.option("--records", is_flag=True,
              help="Write the films' records beside the --store folder (serve answers a film's page and documents "
                   "from them); once written, every load brings them up to date (the films it changed).")
@verbose_option
@reading_options
def load_cmd(inputs: tuple[str, ...], store_dir: str | None, endpoint: str | None, update_endpoint: str | None,
             store_endpoint: str | None, timeout: float, graph_iri: str | None, base: str,
             no_validate: bool, revalidate: bool, records: bool, verbose: bool, reading: Reading) -> int:
    """Load exported RDF files (ttl, jsonld, nt, nq, shards) or articles into a triple store.

    Each film goes into its own named graph (the source article's IRI); loading a film again
    replaces its graph, a graph holding another film (another page, title or year) is replaced only when
    --graph names it, and a --store folder that does not exist yet becomes a new store. Exported files go
    into the embedded store as they are (export validated them; --revalidate checks them again). Exit
    status: 0 all loaded; 1 a graph violates the shapes (not loaded); 2 bad input or an unreachable store.
    The other inputs are still loaded.

    Example:

    \b
        filmgraph load examples/second_victims.txt
        filmgraph load out/second-victims.ttl --endpoint http://127.0.0.1:7878/query
    """
    from filmgraph.pipeline import iter_load, summarize_warnings
    from filmgraph.store import DEFAULT_STORE
    from filmgraph.web.published import store_time

    folder = Path(store_dir or DEFAULT_STORE)
    since = store_time(folder) if endpoint is None and folder.is_dir() else None  # the store its records were of
    changed: set[str] = set()  # the graphs the load wrote (their films' records are written again)
    store = _open_store(store_dir, endpoint, update_endpoint, store_endpoint, timeout, create=True)
    worst, counts = 0, {"loaded": 0, "skipped": 0, "failed": 0}
    try:
        # Each input's line is printed as soon as it is loaded, not when all are done.
        for result in iter_load(inputs, store=store, graph_iri=graph_iri, base=base, validate=not no_validate,
                                revalidate=revalidate, reading=reading):
            if result.graph_iri:
                changed.add(result.graph_iri)
            for warning in summarize_warnings(result.warnings, verbose=verbose):
                click.echo(f"warning: {warning}", err=True)
            if result.skipped:
                click.echo(f"skipped: {result.error}", err=True)
                counts["skipped"] += 1
                continue
            worst = max(worst, result.exit_code)
            if _report_problem(result, "loaded", verbose=verbose):
                counts["failed"] += 1
            else:
                counts["loaded"] += 1
                click.echo(f"loaded {result.input}: {result.triples} triples into <{result.graph_iri}>", err=True)
    except BaseException:
        with contextlib.suppress(FilmgraphError):
            store.close()
        raise
    if sum(counts.values()) > 1:
        click.echo(f"{counts['loaded']} loaded, {counts['skipped']} skipped (not films), {counts['failed']} failed",
                   err=True)
    store.close()  # the last flush: a full disk here is one more Error: line
    if endpoint is None:
        _write_records(folder, always=records, changed_graphs=changed, since=since)
    return worst


def _write_records(folder: Path, *, always: bool, changed_graphs: set[str], since: float | None) -> None:
    """Write the films' records of the embedded store just loaded when asked, or when it has records already (which
    would be of the store before this load, and left unread by a server): those of the films the load changed,
    when the records were of the store as it was before it."""
    from filmgraph.web.records import records_path
    from filmgraph.web.site import write_records

    if always or records_path(folder).exists():
        done = write_records(folder, changed_graphs=changed_graphs, since=since)
        dropped = f", {done.removed} dropped" if done.removed else ""
        click.echo(f"records of its films written to {done.path} ({done.written} of {done.films} films"
                   f"{dropped})", err=True)


@cli.command("query")
@click.argument("query_text", metavar="QUERY|@FILE.rq")
@store_options
@click.option("-f", "--format", "output_format", type=click.Choice(["table", "csv", "tsv", "json"]),
              default="table", show_default=True, help="How SELECT and ASK results are printed.")
def query_cmd(query_text: str, store_dir: str | None, endpoint: str | None, update_endpoint: str | None,
              store_endpoint: str | None, timeout: float, output_format: str) -> int:
    """Run a SPARQL query over the union of all loaded films.

    SELECT prints a table (or CSV, TSV, SPARQL JSON); ASK prints true or false and exits 0 or 1;
    CONSTRUCT and DESCRIBE print Turtle. The prefixes schema, wd, wdt, p, ps, psv, pq, pqv, pr,
    prov, rdfs, xsd, owl, wikibase and fg are declared for you, as the Wikidata Query Service
    declares its own. Exit status 2: bad query or unreachable store.

    Example:

    \b
        filmgraph query @queries/cast.rq
        filmgraph query @queries/wikidata/cast_with_characters.rq
        filmgraph query -f csv \\
            'SELECT DISTINCT ?name WHERE { ?film schema:director/schema:name ?name } ORDER BY STR(?name)'
    """
    from filmgraph import store as stores
    from filmgraph.rdf.write import RdfFormat, serialize

    text = stores.read_query(query_text)
    store = _open_store(store_dir, endpoint, update_endpoint, store_endpoint, timeout)
    try:
        result = store.query(text)
    finally:
        store.close()
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if result.form == "ask":
        _out(result.to_json() if output_format == "json" else f"{'true' if result.boolean else 'false'}\n", nl=False)
        return 0 if result.boolean else 1
    if result.form == "graph":
        assert result.graph is not None
        _out(serialize(result.graph, RdfFormat.TURTLE), nl=False)
    elif output_format == "csv":
        _out(result.to_csv(), nl=False)
    elif output_format == "tsv":
        _out(result.to_csv(delimiter="\t"), nl=False)
    elif output_format == "json":
        _out(result.to_json(), nl=False)
    else:
        with _standard_output():
            _print_table(result)
    return 0


def _print_table(result: stores.QueryResult) -> None:
    from rich.console import Console
    from rich.table import Table

    from filmgraph import store as stores

    table = Table(*result.variables, show_lines=False)
    for row in stores.iter_rows(result):
        table.add_row(*row)
    Console(width=max(100, sum(len(v) for v in result.variables) * 4)).print(table)
    click.echo(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}")


@cli.command("embed")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output-dir", default=DEFAULT_OUTPUT_DIR, show_default=True, metavar="DIR",
              help="Folder for <slug>.html.")
@click.option("--snippet", is_flag=True, help="Print only the <script type=\"application/ld+json\"> element.")
@base_option
@reading_options
def embed_cmd(inputs: tuple[str, ...], output_dir: str, snippet: bool, base: str, reading: Reading) -> int:
    """Make a film page with embedded schema.org JSON-LD, from an article or an exported RDF file.

    The page is self-contained (no network): facts, cast, releases and screenings, accolades and
    a diagram of the graph, with the JSON-LD Movie in its head. Exit status 2: bad input.

    Example:

    \b
        filmgraph embed examples/second_victims.txt
        filmgraph embed out/second-victims.ttl --snippet
    """
    from filmgraph.pipeline import embed, summarize_warnings

    _check_output_dir(output_dir)
    results = embed(inputs, output_dir=None if snippet else output_dir, base=base, reading=reading)
    for result in results:
        for warning in summarize_warnings(result.warnings):
            click.echo(f"warning: {warning}", err=True)
        if _report_problem(result, "written"):
            continue
        if snippet:
            for text in result.snippets:
                _out(text, nl=False)
        else:
            for path in result.written:
                click.echo(f"wrote {path}", err=True)
    return max(result.exit_code for result in results)


@cli.command("draw")
@click.argument("source", metavar="INPUT")
@click.option("-o", "--output", metavar="FILE.svg", help="Write the SVG here.  [default: standard output]")
@base_option
@reading_options
def draw_cmd(source: str, output: str | None, base: str, reading: Reading) -> int:
    """Draw a film's graph as SVG: the film in the centre, labelled links to what it relates to.

    Example:

    \b
        filmgraph draw examples/second_victims.txt -o out/second-victims.svg
    """
    from filmgraph.pipeline import draw

    warnings: list[str] = []
    try:
        svg = draw(source, output=output, base=base, reading=reading, warnings=warnings)
    finally:
        for warning in warnings:
            click.echo(f"warning: {warning}", err=True)
    if output is None:
        _out(svg, nl=False)
    else:
        click.echo(f"wrote {output}", err=True)
    return 0


@cli.command("serve")
@click.option("--store", "store_dir", type=click.Path(file_okay=False), metavar="DIR",
              help=f"Embedded Oxigraph store folder (opened read-only).  [default: {defaults.STORE_DIR}]")
@click.option("--base", metavar="IRI",
              help="The address the graph is published at, ending in /; the store's IRIs (minted under the --base "
                   "given to export or load) are shown under it.  [default: http://BIND/]")
@click.option("--bind", default="127.0.0.1:8000", show_default=True, metavar="HOST:PORT",
              help="Where to listen (port 0: a free one).")
@click.option("--time-limit", type=click.FloatRange(min=0.1), default=10.0, show_default=True, metavar="SECONDS",
              help="A SPARQL query still running after this long is stopped.")
@click.option("--row-limit", type=click.IntRange(min=1), default=10_000, show_default=True, metavar="N",
              help="A SPARQL answer is cut after this many rows (or triples).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes serving requests from one socket (one a core: a page is built under Python's lock); "
                   "each has its own --threads, --query-workers and --cache-mb.")
@click.option("--threads", type=click.IntRange(min=1), default=8, show_default=True,
              help="Requests served at once (by each worker).")
@click.option("--query-workers", type=click.IntRange(min=0), default=2, show_default=True,
              help="Processes running SPARQL queries (0: no endpoint).")
@click.option("--cache-mb", type=click.FloatRange(min=0), default=64, show_default=True, metavar="MB",
              help="Pages and documents kept once built (the store does not change while served; 0: none).")
def serve_cmd(store_dir: str | None, base: str | None, bind: str, time_limit: float, row_limit: int, workers: int,
              threads: int, query_workers: int, cache_mb: float) -> int:
    """Publish a store read-only: a page and a document for every IRI, indexes, search and a SPARQL endpoint.

    Every film, person, company and award category answers at its IRI with content negotiation (HTML,
    Turtle, JSON-LD, N-Triples; or a .ttl, .jsonld, .nt suffix); /films, /people and /search list
    them; /sparql answers SPARQL 1.1 Protocol queries (updates refused) within --time-limit and
    --row-limit; /sitemap.xml and /robots.txt are for crawlers. Stop with Ctrl-C.

    Example:

    \b
        filmgraph load examples/second_victims.txt && filmgraph serve
        filmgraph serve --store out/store --base https://films.example.org/ --bind 127.0.0.1:8080 --workers 2
    """
    from filmgraph.web.serve import serve

    def ready(site: Any, address: str) -> None:
        films = len(site.published.catalogue().films)
        click.echo(f"serving {films} film{'s' * (films != 1)} from {store_dir or defaults.STORE_DIR} at "
                   f"{site.published.base} (listening on {address}; Ctrl-C stops)", err=True)
        if site.published.minted != site.published.base:
            click.echo(f"IRIs minted under {site.published.minted} are shown under {site.published.base}", err=True)

    serve(store_dir or defaults.STORE_DIR, base=base, bind=bind, time_limit=time_limit, row_limit=row_limit,
          workers=workers, threads=threads, query_workers=query_workers, cache_mb=cache_mb, ready=ready)
    return 0


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
