"""The ASGI application: JSON API under ``/api``, the web page at ``/``, OpenAPI docs at ``/docs`` (offline).

Library work runs in worker threads (at most ``workers`` at once), each holding a lease on the live index;
a request that runs longer than ``timeout`` seconds is answered 504 (a thread cannot be killed: it finishes
in the background and only then returns its lease; one still waiting for a slot does not start).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import anyio
from fastapi import APIRouter, FastAPI, Path as PathParam, Query, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from . import errors
from .errors import ApiError, ErrorBody
from .holder import SERIAL_EMBEDDING, IndexHolder, IndexUnavailable
from .schemas import (MAX_K, MAX_QUESTION_CHARS, AnswerOut, AskRequest, DocumentDetailOut, DocumentListOut,
                      HealthOut, SearchOut, with_doc_ids)

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
GENERATION_HEADER = "X-Policyqa-Generation"
DEFAULT_TIMEOUT = 30.0
DEFAULT_WORKERS = 4
T = TypeVar("T")


class ServerState:
    """What every request shares: the index holder, the worker slots and the time limit."""

    def __init__(self, holder: IndexHolder, timeout: float, workers: int):
        self.holder = holder
        self.timeout = timeout
        self.workers = workers
        # Taken inside the worker thread and held until the library call returns, so that no more than
        # ``workers`` calls run at once even when requests that timed out are still finishing.
        self.slots = threading.BoundedSemaphore(workers)

    async def run(self, response: Response, work: Callable[[Any], T]) -> T:
        """``work(index)`` in a worker thread under a lease, cut after ``timeout`` seconds."""
        abandoned = threading.Event()

        def leased() -> tuple[str, T] | None:
            with self.slots:
                if abandoned.is_set():  # the client was already answered 504 while this waited
                    return None
                with self.holder.lease() as index:
                    return index.generation.name, work(index)

        try:
            with anyio.fail_after(self.timeout):
                done = await anyio.to_thread.run_sync(leased, abandon_on_cancel=True)
        except TimeoutError:
            abandoned.set()
            raise ApiError(504, "timeout", f"the request took longer than {self.timeout:g} s and was stopped: ask a "
                           "shorter or more specific question, or try again when the server is less busy") from None
        assert done is not None
        generation, result = done
        response.headers[GENERATION_HEADER] = generation
        return result


def _state(request: Request) -> ServerState:
    return request.app.state.policyqa


def check_question(text: str | None, field: str) -> str:
    """The question stripped, or a 400 saying what is allowed."""
    text = (text or "").strip()
    allowed = f"a question of 1 to {MAX_QUESTION_CHARS} characters, e.g. 哪些城市推进殡葬改革"
    if not text:
        raise ApiError(400, "empty_question", f"{field} is empty: ask {allowed}", field=field, reason="empty")
    if len(text) > MAX_QUESTION_CHARS:
        raise ApiError(400, "question_too_long", f"{field} has {len(text)} characters, more than the "
                       f"{MAX_QUESTION_CHARS} allowed: ask {allowed}", field=field, reason="too long")
    return text


def check_region(region: str | None) -> Any:
    """The place a ``region`` filter names (None when empty), or a 422 naming the field."""
    if region is None or not region.strip():
        return None
    from ..regions import resolve_place

    place = resolve_place(region)
    if place is None:
        reason = f"unknown or ambiguous place {region.strip()!r}: give a province, city or county such as 金华 or 武义县"
        raise ApiError(422, "invalid_parameter", f"invalid region: {reason}", field="region", reason=reason)
    return place


_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text} for status, text in (
        (400, "Empty or over-long question"), (422, "Invalid parameter: the field and the reason"),
        (503, "No usable index: how to build one"), (504, "The request ran too long and was stopped"))
}

router = APIRouter(prefix="/api", responses=_ERRORS)


@router.post("/ask", response_model=None, responses={200: {"model": AnswerOut}})
async def api_ask(body: AskRequest, request: Request, response: Response) -> dict[str, Any]:
    """Answer a question with numbered citations of exact passages (``Answer.to_dict()``)."""
    from ..answer import ask

    question = check_question(body.question, "question")
    region = check_region(body.region)

    def work(index: Any) -> dict[str, Any]:
        answer = ask(question, index=index, k=body.k, region=region, year=body.year).to_dict()
        with_doc_ids(answer["citations"])
        return answer

    return await _state(request).run(response, work)


@router.get("/search", response_model=None, responses={200: {"model": SearchOut}})
async def api_search(
    request: Request, response: Response,
    q: Annotated[str, Query(description=f"The query, 1 to {MAX_QUESTION_CHARS} characters.")],
    k: Annotated[int, Query(ge=1, le=100, description="Number of passages.")] = 10,
    mode: Annotated[Literal["hybrid", "bm25", "dense"], Query(description="Retriever.")] = "hybrid",
    region: Annotated[str | None, Query(description="Only documents from this place.")] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100, description="Only documents of this year.")] = None,
) -> dict[str, Any]:
    """The best passages for a query (``Hit.to_dict()`` each, with the document id)."""
    query = check_question(q, "q")
    place = check_region(region)

    def work(index: Any) -> dict[str, Any]:
        from ..retrieval import search

        hits = search(index, query, k=k, mode=mode, region=place, year=year)
        return {"query": query, "mode": mode, "hits": with_doc_ids([h.to_dict() for h in hits])}

    return await _state(request).run(response, work)


@router.get("/documents", response_model=None, responses={200: {"model": DocumentListOut}})
async def api_documents(
    request: Request, response: Response,
    region: Annotated[str | None, Query(description="Only documents from this place.")] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100, description="Only documents of this year.")] = None,
) -> dict[str, Any]:
    """The indexed documents (metadata), filtered, with counts by place (every level) and by year."""
    from ..catalog import list_documents

    place = check_region(region)
    return await _state(request).run(response, lambda index: list_documents(index, region=place, year=year))


@router.get("/documents/{doc_id}", response_model=None, responses={
    200: {"model": DocumentDetailOut}, 404: {"model": ErrorBody, "description": "No such document"},
    410: {"model": ErrorBody, "description": "The document's file is gone"}})
async def api_document(
    request: Request, response: Response,
    doc_id: Annotated[str, PathParam(pattern=r"^[0-9a-f]{12}$", description="Document id (12 hex digits).")],
) -> dict[str, Any]:
    """One document: metadata, the text, and the spans of its chunks (offsets into the text)."""
    from ..catalog import UnknownDocumentError, document_detail
    from ..errors import IngestError

    def work(index: Any) -> dict[str, Any]:
        try:
            return document_detail(index, doc_id)
        except UnknownDocumentError as exc:
            raise ApiError(404, "unknown_document", str(exc)) from None
        except IngestError as exc:
            raise ApiError(410, "document_unreadable", f"{exc}: the file was moved or deleted after indexing (or "
                           "the server runs from another directory than the indexing did); run `policyqa index` "
                           "to update the index") from None

    return await _state(request).run(response, work)


@router.get("/health", response_model=None, responses={200: {"model": HealthOut}})
async def api_health(request: Request, response: Response) -> dict[str, Any]:
    """The index being served: generation, model, document and chunk counts, reloads so far."""
    holder = _state(request).holder
    try:
        with holder.lease() as index:
            manifest = index.manifest
            response.headers[GENERATION_HEADER] = index.generation.name
            return {
                "status": "ok", "index": str(holder.directory), "generation": index.generation.name,
                "model": manifest["embedder"]["id"], "documents": len(index.doc_list), "chunks": len(index),
                "built_at": manifest.get("built_at"), "reloads": holder.reloads,
                "open_generations": holder.open_generations(), "reload_error": holder.reload_error,
            }
    except IndexUnavailable as exc:
        raise ApiError(503, "no_index", str(exc)) from None


def create_app(directory: str | Path | None = None, timeout: float = DEFAULT_TIMEOUT,
               workers: int = DEFAULT_WORKERS, poll_interval: float = 1.0, warm_up: bool = True,
               serial_embedding: bool = SERIAL_EMBEDDING) -> FastAPI:
    """The web application over the index at ``directory`` (default: ``$POLICYQA_INDEX`` or indexes/default).

    The index is loaded at start-up and reloaded when a new generation is published (checked every
    ``poll_interval`` seconds); without an index the API answers 503 until one is built.
    """
    from fastapi_offline import FastAPIOffline

    from .. import __version__
    from ..index import default_index_dir

    holder = IndexHolder(Path(directory) if directory is not None else default_index_dir(),
                         poll_interval=poll_interval, warm_up=warm_up, serial_embedding=serial_embedding)
    state = ServerState(holder, timeout, workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(holder.start)
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(holder.close)

    app = FastAPIOffline(title="policyqa", version=__version__, lifespan=lifespan,
                         description="Semantic search and extractive question answering over Chinese policy texts, "
                                     "with citations of exact passages.")
    app.state.policyqa = state
    errors.install(app)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    return app
