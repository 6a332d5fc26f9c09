"""The `policyqa` command: parses arguments, calls the library, formats the result."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Optional

import typer

from .errors import PolicyQAError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Semantic search and extractive question answering over Chinese policy texts.",
)

IndexOpt = typer.Option(None, "--index", help="Index directory (default: $POLICYQA_INDEX or indexes/default).")
JsonOpt = typer.Option(False, "--json", help="Print JSON instead of the human view.")


def _stderr() -> Any:
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)  # an error stays one line, whatever the width


def _stdout() -> Any:
    from rich.console import Console

    return Console(soft_wrap=True)


def _fail(message: str, code: int = 1) -> None:
    _stderr().print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


@contextmanager
def _clean_errors() -> Iterator[None]:
    """Library errors become one clear line on stderr and a non-zero exit, never a traceback."""
    try:
        yield
    except PolicyQAError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted", 130)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@contextmanager
def _progress_bar() -> Iterator[Callable[[str, int, int], None]]:
    """A progress callback drawing a bar on stderr (quiet when stderr is not a terminal)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = _stderr()
    with Progress(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False, disable=not console.is_terminal) as bar:
        tasks: dict[str, Any] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


def _embedder(model: Optional[str]) -> Any:
    if model is None:
        return None
    from .embedders import get_embedder

    return get_embedder(model)


def _open(index: Optional[Path], model: Optional[str] = None) -> Any:
    """Load the index; build it from the default corpus first when there is none yet."""
    from .index import DEFAULT_CORPUS, default_index_dir, open_index

    directory = index or default_index_dir()
    # Only the default index is built on demand: an explicit --index that does not exist is a mistake.
    if index is None and not (directory / "CURRENT").exists() and Path(DEFAULT_CORPUS).is_dir():
        _stderr().print(f"no index at {directory} yet: building it from {DEFAULT_CORPUS}/ (once)…")
        with _progress_bar() as progress:
            return open_index(directory, [DEFAULT_CORPUS], _embedder(model), progress=progress)
    return open_index(directory, embedder=_embedder(model), build_if_missing=False)


@app.command()
def inspect(
    file: Path = typer.Argument(..., help="A policy document (.txt or .md)."),
    as_json: bool = JsonOpt,
) -> None:
    """Show a document's metadata and its chunk tree."""
    from .ingest import load_document

    with _clean_errors():
        doc = load_document(file)
    if as_json:
        _print_json(doc.to_dict())
        return
    out = _stdout()
    r = doc.region
    out.print(f"[bold]{doc.title or '(no title)'}[/]  {doc.source}", highlight=False)
    out.print(f"issuer: {doc.issuer or '-'}   date: {doc.date or '-'}   文号: {doc.doc_number or '-'}   "
              f"place: {r.label()} [{r.level or '-'}] {' / '.join(r.names())}", highlight=False)
    shown: list[str] = []
    for c in doc.chunks:
        path = c.headings[:-1] if c.kind == "body" and c.headings else c.headings
        common = 0
        while common < min(len(path), len(shown)) and path[common] == shown[common]:
            common += 1
        for depth in range(common, len(path)):
            out.print("  " * depth + f"[bold]{path[depth]}[/]", highlight=False)
        shown = list(path)
        label = c.text.replace("\n", " ")
        label = label[:40] + ("…" if len(label) > 40 else "")
        out.print("  " * len(path) + f"[dim]{c.kind:<5} {len(c.text):>4}字 [{c.start}:{c.end}][/] {label}",
                  highlight=False)
    out.print(f"\n{len(doc.chunks)} chunks", highlight=False)


@app.command()
def index(
    paths: list[Path] = typer.Argument(None, help="Files or directories to index (default: seeds/)."),
    index: Optional[Path] = IndexOpt,
    model: Optional[str] = typer.Option(None, "--model", help="Embedding model: e5-small (bundled, default), "
                                        "or a sentence-transformers name or local path."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Ignore the existing index and build from scratch."),
    user_dict: Optional[Path] = typer.Option(None, "--user-dict", help="Extra jieba terms (one `word [freq]` per "
                                             "line), kept with the index for later updates."),
    as_json: bool = JsonOpt,
) -> None:
    """Build or update an index: only new or changed documents are embedded, deleted ones are dropped."""
    from .index import build_index

    with _clean_errors(), _progress_bar() as progress:
        idx, summary = build_index(paths or None, index, _embedder(model), progress=progress, rebuild=rebuild,
                                     user_dict=user_dict)
    if as_json:
        _print_json(summary.to_dict())
        return
    err = _stderr()
    for s in summary.skipped:
        err.print(f"[yellow]skipped[/] {s.path}: {s.reason}", highlight=False)
    if summary.rebuilt_reason:
        err.print(f"[yellow]rebuilt from scratch[/]: {summary.rebuilt_reason}", highlight=False)
    out = _stdout()
    out.print(
        f"indexed {summary.documents} documents, {summary.chunks} chunks into {summary.directory}\n"
        f"  documents: {summary.added} added, {summary.changed} changed, {summary.removed} removed, "
        f"{summary.unchanged} unchanged; {len(summary.skipped)} files skipped\n"
        f"  embeddings: {summary.embedded_chunks} computed, {summary.reused_embeddings} reused\n"
        f"  time: {summary.seconds:.1f} s ({summary.embed_seconds:.1f} s embedding)",
        highlight=False,
    )


def _search_one(idx: Any, query: str, k: int, mode: str, region: Optional[str], year: Optional[int],
                source: Optional[str]) -> dict[str, Any]:
    from .retrieval import search as steered_search

    hits = steered_search(idx, query, k=k, mode=mode, region=region, year=year, source=source)
    return {"query": query, "hits": [h.to_dict() for h in hits]}


@app.command()
def search(
    query: Optional[str] = typer.Argument(None, help="The query (omit with --queries)."),
    k: int = typer.Option(10, "--k", min=1, help="Number of hits."),
    mode: str = typer.Option("hybrid", "--mode", help="hybrid, bm25 or dense."),
    region: Optional[str] = typer.Option(None, "--region", help="Only documents from this place (金华 includes 武义县)."),
    year: Optional[int] = typer.Option(None, "--year", help="Only documents of this year."),
    source: Optional[str] = typer.Option(None, "--source", help="Only this source file."),
    queries: Optional[Path] = typer.Option(None, "--queries", help="File with one query per line; prints JSON lines."),
    index: Optional[Path] = IndexOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Search the index and print the best passages."""
    if (query is None) == (queries is None):
        _fail("give a QUERY or --queries FILE (one of the two)", 2)
    with _clean_errors():
        idx = _open(index)
        if queries is not None:
            try:
                lines = [q.strip() for q in queries.read_text(encoding="utf-8").splitlines() if q.strip()]
            except (OSError, UnicodeDecodeError) as exc:
                raise PolicyQAError(f"cannot read queries file {queries}: {exc}") from None
            for q in lines:
                sys.stdout.write(json.dumps(_search_one(idx, q, k, mode, region, year, source),
                                            ensure_ascii=False) + "\n")
            return
        result = _search_one(idx, query or "", k, mode, region, year, source)
    if as_json:
        _print_json(result)
        return
    out = _stdout()
    if not result["hits"]:
        out.print("no matching passages")
    for h in result["hits"]:
        place = h["region"].get("county") or h["region"].get("city") or h["region"].get("province") or "?"
        out.print(f"[bold]{h['rank']:>2}.[/] [cyan]{h['title'] or h['source']}[/] · {place} · "
                  f"{' > '.join(h['headings']) or '(no heading)'}  [dim]{h['source']} [{h['start']}:{h['end']}] "
                  f"{h['kind']} score {h['score']:.4f}[/]", highlight=False)
        text = h["text"].replace("\n", " ")
        out.print(f"    {text[:160]}{'…' if len(text) > 160 else ''}", highlight=False)


@app.command()
def ask(
    question: str = typer.Argument(..., help="A question in Chinese or English, e.g. 哪些城市推进殡葬改革."),
    index: Optional[Path] = IndexOpt,
    k: int = typer.Option(10, "--k", min=1, help="How many passages an open question may cite."),
    as_json: bool = JsonOpt,
) -> None:
    """Answer a question with numbered citations of exact passages (built on first use from seeds/)."""
    from .answer import ask as ask_question

    with _clean_errors():
        idx = _open(index)
        answer = ask_question(question, index=idx, k=k)
    if as_json:
        _print_json(answer.to_dict())
        return
    from rich.console import Console

    from .render import answer_renderable

    Console().print(answer_renderable(answer), highlight=False)


@app.command("eval")
def eval_(
    queries: Path = typer.Argument(Path("eval/queries.jsonl"), help="Labelled queries (JSONL)."),
    index: Optional[Path] = IndexOpt,
    modes: str = typer.Option("bm25,dense,hybrid", "--modes", help="Comma-separated retrieval modes."),
    k: int = typer.Option(10, "--k", min=1, help="Cut-off for the metrics."),
    runs: Optional[Path] = typer.Option(None, "--save-runs", help="Directory to save the runs (TREC) in."),
    as_json: bool = JsonOpt,
) -> None:
    """Score retrieval (and `ask` on aggregation / no-answer questions) on a labelled query set."""
    from .evaluation import evaluate, load_queries, save_runs

    with _clean_errors():
        labelled = load_queries(queries)
        idx = _open(index)
        report = evaluate(idx, labelled, modes=tuple(m.strip() for m in modes.split(",") if m.strip()), k=k)
        if runs is not None:
            save_runs(report, runs)
    if as_json:
        _print_json(report.to_dict())
    else:
        sys.stdout.write(report.table() + "\n")


def main() -> None:
    """Entry point for ``python -m policyqa``."""
    app()


if __name__ == "__main__":
    main()
