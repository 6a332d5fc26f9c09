"""The `policyqa` command: parses arguments, calls the library, formats the result."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Optional

import typer
from rich.markup import escape

from .errors import PolicyQAError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Semantic search and extractive question answering over Chinese policy texts.",
)

class _WarningLines(logging.Handler):
    """The library's warnings, once each, as one escaped line on stderr (it never prints itself)."""

    def emit(self, record: logging.LogRecord) -> None:
        _stderr().print(f"[yellow]warning:[/] {_u(record.getMessage())}", highlight=False)


@app.callback()
def _setup() -> None:
    """Semantic search and extractive question answering over Chinese policy texts."""
    lib = logging.getLogger("policyqa")
    if not any(isinstance(h, _WarningLines) for h in lib.handlers):
        lib.addHandler(_WarningLines(logging.WARNING))


IndexOpt = typer.Option(None, "--index", help="Index directory (default: $POLICYQA_INDEX or indexes/default).")
JsonOpt = typer.Option(False, "--json", help="Print JSON instead of the human view.")


def _stderr() -> Any:
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)  # an error stays one line, whatever the width


def _u(value: Any) -> str:
    """A user string (file name, title, question, document text) made safe for Rich: markup brackets are
    escaped and control characters shown as escapes, so they neither vanish nor reach the terminal raw."""
    from .render import printable

    return escape(printable(str(value)))


def _stdout() -> Any:
    from rich.console import Console

    return Console(soft_wrap=True)


def _fail(message: str, code: int = 1) -> None:
    _stderr().print(f"[bold red]error:[/] {_u(message)}", highlight=False)
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


class _PlainProgress:
    """Progress as plain lines for a log (stderr is not a terminal): a stage's start, a line every
    ``every`` seconds while it runs, and its end."""

    def __init__(self, console: Any, every: float):
        self.console, self.every = console, every
        self.stages: dict[str, list[float]] = {}  # stage → [started, last printed]

    def __call__(self, stage: str, done: int, total: int) -> None:
        import time

        now = time.monotonic()
        if stage not in self.stages:
            self.stages[stage] = [now, now]
        elif done < total and now - self.stages[stage][1] < self.every:
            return
        elif self.stages[stage][1] < 0:
            return  # already reported as finished
        started = self.stages[stage][0]
        pct = f" ({100 * done / total:.0f}%)" if total else ""
        self.console.print(f"{stage} {done}/{total}{pct} {now - started:.0f} s", highlight=False)
        self.stages[stage][1] = -1.0 if done >= total else now


@contextmanager
def _progress_bar() -> Iterator[Callable[[str, int, int], None]]:
    """A progress callback: a bar on a terminal, else plain lines every $POLICYQA_PROGRESS_SECONDS (10 s)."""
    import os

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = _stderr()
    if not console.is_terminal:
        yield _PlainProgress(console, float(os.environ.get("POLICYQA_PROGRESS_SECONDS", "10")))
        return
    with Progress(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False) as bar:
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
        _stderr().print(f"no index at {_u(directory)} yet: building it from {DEFAULT_CORPUS}/ (once)…", highlight=False)
        with _progress_bar() as progress:
            return open_index(directory, [DEFAULT_CORPUS], _embedder(model), progress=progress)
    return open_index(directory, embedder=_embedder(model), build_if_missing=False)


@app.command()
def inspect(
    file: Path = typer.Argument(..., help="A policy document: text, web page, PDF, Word (.docx/.doc/.wps) or OFD."),
    as_json: bool = JsonOpt,
    text: bool = typer.Option(False, "--text", help="Print the document's text exactly as indexed (chunk "
                              "offsets and citations point into it)."),
) -> None:
    """Show a document's metadata and its chunk tree."""
    from .ingest import load_document

    with _clean_errors():
        doc = load_document(file)
    if text:
        sys.stdout.write(doc.text)
        return
    if as_json:
        _print_json(doc.to_dict())
        return
    out = _stdout()
    r = doc.region
    info = doc.info
    out.print(f"[bold]{_u(doc.title or '(no title)')}[/]  {_u(doc.source)}", highlight=False)
    out.print(_u(f"issuer: {doc.issuer or '-'}   date: {doc.date or '-'}   文号: {doc.doc_number or '-'}   "
                 f"place: {r.label()} [{r.level or '-'}] {' / '.join(r.names())}"), highlight=False)
    dates = "   ".join(f"{label}: {info[key]}" for key, label in (
        ("written_date", "成文"), ("published_date", "发布"), ("effective_date", "实施"), ("expiry_date", "失效"))
        if info.get(key))
    out.print(_u(f"format: {doc.format}" + (f" ({len(doc.pages)} pages)" if doc.pages else "")
                 + f"   title from: {info.get('title_source') or '-'}" + (f"   {dates}" if dates else ""))
              + ("   [bold red]已失效[/]" if info.get("expired") else ""), highlight=False)
    for note in doc.notes:
        out.print(f"[yellow]note:[/] {_u(note)}", highlight=False)
    shown: list[str] = []
    for c in doc.chunks:
        path = c.headings[:-1] if c.kind == "body" and c.headings else c.headings
        common = 0
        while common < min(len(path), len(shown)) and path[common] == shown[common]:
            common += 1
        for depth in range(common, len(path)):
            out.print("  " * depth + f"[bold]{_u(path[depth])}[/]", highlight=False)
        shown = list(path)
        label = c.text.replace("\n", " ")
        label = label[:40] + ("…" if len(label) > 40 else "")
        page = f" p{c.page}" if c.page is not None else ""
        out.print("  " * len(path) + f"[dim]{c.kind:<5} {len(c.text):>4}字 {_u(f'[{c.start}:{c.end}]')}{page}[/] {_u(label)}",
                  highlight=False)
    out.print(f"\n{len(doc.chunks)} chunks", highlight=False)


@app.command()
def index(
    paths: list[Path] = typer.Argument(None, help="Files or directories to index (default: seeds/)."),
    index: Optional[Path] = IndexOpt,
    model: Optional[str] = typer.Option(None, "--model", help="Embedding model: e5-small (bundled, default), "
                                        "or a sentence-transformers name or local path."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Ignore the existing index and build from scratch."),
    user_dict: Optional[Path] = typer.Option(None, "--user-dict", help="Extra jieba terms (one `word \\[freq]` per "
                                             "line), kept with the index for later updates."),
    backend: Optional[str] = typer.Option(None, "--backend", help="Engine: local (FAISS + BM25 files, default) or "
                                          "qdrant; an index keeps the one it was built with."),
    qdrant: Optional[str] = typer.Option(None, "--qdrant", help="With --backend qdrant: a server URL, a directory "
                                         "(embedded) or :memory: (default $POLICYQA_QDRANT_URL)."),
    as_json: bool = JsonOpt,
) -> None:
    """Build or update an index: only new or changed documents are embedded, deleted ones are dropped."""
    from .index import build_index

    with _clean_errors(), _progress_bar() as progress:
        idx, summary = build_index(paths or None, index, _embedder(model), progress=progress, rebuild=rebuild,
                                     user_dict=user_dict, backend=backend, qdrant=qdrant)
    failed = [s for s in summary.skipped if s.kind != "unsupported"]
    unsupported = [s for s in summary.skipped if s.kind == "unsupported"]
    if as_json:
        _print_json(summary.to_dict())
    else:
        _print_summary(summary, failed, unsupported)
    if failed:
        # The index was written, but not every file is in it as it is now (README: exit codes).
        raise typer.Exit(EXIT_INCOMPLETE)


EXIT_INCOMPLETE = 3
_UNSUPPORTED_SHOWN = 20


def _print_summary(summary: Any, failed: list[Any], unsupported: list[Any]) -> None:
    err = _stderr()
    for s in failed:  # one line per file; the reason names it
        kept = "; its indexed version is kept" if s.kept else ""
        err.print(f"[red]failed[/] {escape(s.reason)}{kept}", highlight=False)
    for s in unsupported[:_UNSUPPORTED_SHOWN]:
        err.print(f"[yellow]not indexed[/] {escape(s.reason)}", highlight=False)
    if len(unsupported) > _UNSUPPORTED_SHOWN:
        err.print(f"[yellow]not indexed[/] … and {len(unsupported) - _UNSUPPORTED_SHOWN} more unsupported files "
                  "(`--json` lists them all)", highlight=False)
    if summary.repaired:
        err.print(f"[yellow]repaired[/]: {escape(summary.repaired)}; the index was rebuilt from the documents "
                  "and the embedding cache", highlight=False)
    if summary.rebuilt_reason:
        err.print(f"[yellow]rebuilt from scratch[/]: {escape(summary.rebuilt_reason)}", highlight=False)
    problems = ""
    if failed:
        problems += (f"; {len(failed)} failed ({summary.kept_after_error} documents kept at their indexed "
                     "version)")
    if unsupported:
        problems += f"; {len(unsupported)} unsupported files not indexed"
    _stdout().print(
        f"indexed {summary.documents} documents, {summary.chunks} chunks into {escape(summary.directory)}\n"
        f"  documents: {summary.added} added, {summary.changed} changed, {summary.removed} removed, "
        f"{summary.unchanged} unchanged{problems}\n"
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
        span = f"[{h['start']}:{h['end']}]"
        out.print(f"[bold]{h['rank']:>2}.[/] [cyan]{_u(h['title'] or h['source'])}[/] · {_u(place)} · "
                  f"{_u(' > '.join(h['headings']) or '(no heading)')}  [dim]{_u(h['source'])} {_u(span)} "
                  f"{h['kind']}" + (f" 第{h['page']}页" if h.get("page") else "") + (" 已失效" if h.get("expired") else "")
                  + f" score {h['score']:.4f}[/]", highlight=False)
        text = h["text"].replace("\n", " ")
        out.print(f"    {_u(text[:160])}{'…' if len(text) > 160 else ''}", highlight=False)


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


@app.command()
def serve(
    index: Optional[Path] = IndexOpt,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Seconds a request may run before it is cut."),
    workers: int = typer.Option(4, "--workers", min=1, help="Requests worked on at once (the rest wait)."),
) -> None:
    """Serve the JSON API (/api, docs at /docs) and the web page; a newly published index is picked up live."""
    import logging

    import uvicorn

    from .index import default_index_dir
    from .server import create_app

    # Index reloads are worth seeing in the server's log; the rest of the library stays at warnings.
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("policyqa.server").setLevel(logging.INFO)
    directory = index or default_index_dir()
    if not (directory / "CURRENT").exists():
        _stderr().print(f"[yellow]no index at {directory} yet[/]: the API answers 503 until one is built with "
                        f"`policyqa index [PATHS] --index {directory}` (it is picked up without a restart)",
                        highlight=False)
    _stderr().print(f"serving {directory} on http://{host}:{port}/ (API docs at /docs; Ctrl-C stops)", highlight=False)
    uvicorn.run(create_app(directory, timeout=timeout, workers=workers), host=host, port=port,
                log_level="warning", access_log=False)


SplitOpt = typer.Option(None, "--split", help="Only the questions of this split (tune or report).")


def _labelled(files: list[Path], split: Optional[str]) -> list[Any]:
    from .evaluation import load_queries

    labelled = [q for f in files for q in load_queries(f)]
    if split is not None:
        labelled = [q for q in labelled if q.split == split]
        if not labelled:
            raise PolicyQAError(f"no question of split {split!r} in {', '.join(map(str, files))}")
    return labelled


@app.command()
def check(
    index: Optional[Path] = IndexOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Verify an index completely: every file against its checksum, its structure, every chunk record."""
    from .index import default_index_dir
    from .integrity import check_index

    with _clean_errors():
        report = check_index(index or default_index_dir())
    if as_json:
        _print_json(report.to_dict())
    elif report.ok:
        _stdout().print(f"index {escape(report.directory)} is intact: generation {report.generation}, "
                        f"{report.files} files ({report.bytes / 1e6:.1f} MB) and {report.chunks} chunk records "
                        "verified", highlight=False)
    else:
        err = _stderr()
        for problem in report.problems:
            err.print(f"[bold red]damaged:[/] {escape(problem)}", highlight=False)
    if not report.ok:
        raise typer.Exit(1)


@app.command("eval")
def eval_(
    queries: list[Path] = typer.Argument(None, help="Labelled queries (JSONL); default eval/queries.jsonl."),
    index: Optional[Path] = IndexOpt,
    modes: str = typer.Option("bm25,dense,hybrid", "--modes", help="Comma-separated retrieval modes."),
    k: int = typer.Option(10, "--k", min=1, help="Cut-off for the metrics."),
    runs: Optional[Path] = typer.Option(None, "--save-runs", help="Directory to save the runs (TREC) in."),
    split: Optional[str] = SplitOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Score retrieval (and `ask` on aggregation / no-answer questions) on labelled query sets."""
    from .evaluation import evaluate, save_runs

    with _clean_errors(), _progress_bar() as progress:
        labelled = _labelled(queries or [Path("eval/queries.jsonl")], split)
        idx = _open(index)
        report = evaluate(idx, labelled, modes=tuple(m.strip() for m in modes.split(",") if m.strip()), k=k,
                          progress=progress)
        if runs is not None:
            save_runs(report, runs)
    if as_json:
        _print_json(report.to_dict())
    else:
        sys.stdout.write(report.table() + "\n")


@app.command()
def calibrate(
    queries: list[Path] = typer.Argument(..., help="Labelled question files (JSONL, as for eval), with questions "
                                         "marked no_answer."),
    index: Optional[Path] = IndexOpt,
    split: Optional[str] = SplitOpt,
    output: Optional[Path] = typer.Option(None, "--output", help="Write the record to this file instead of "
                                          "storing it with the index."),
    as_json: bool = JsonOpt,
) -> None:
    """Choose the dense-similarity thresholds of `ask` for the index's model from labelled questions."""
    from .calibration import calibrate as run, save_for_index, save_record

    with _clean_errors():
        labelled = _labelled(queries, split)
        idx = _open(index)
        record = run(idx, labelled)
        where = save_record(output, record) if output is not None else save_for_index(idx.directory, record)
    if as_json:
        _print_json(record.to_dict())
        return
    _stdout().print(f"calibration for {record.embedder} → {where}\n"
                    f"  found_dense {record.found_dense}  found_dense_latin {record.found_dense_latin}  "
                    f"doc_dense {record.doc_dense}  show_dense {record.show_dense}\n  {record.notes}",
                    highlight=False, markup=False)


def main() -> None:
    """Entry point for ``python -m policyqa``."""
    app()


if __name__ == "__main__":
    main()
