"""Every error of the API as JSON: ``{"error": {"status", "code", "message", "field"?, "reason"?}}``.

Invalid parameters are 422 with the field and the reason, a question that is empty or too long is 400, no
usable index is 503 (the message says how to build one), a request that runs too long is 504. No traceback
and no HTML page ever reaches a client.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from ..errors import IndexCorruptError, IndexMismatchError, IndexMissingError, PolicyQAError, QueryError

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error response: HTTP status, a short machine code, one sentence that says what to do."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None, reason: str | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.field, self.reason = status, code, message, field, reason

    def body(self) -> dict[str, Any]:
        """The JSON body."""
        err: dict[str, Any] = {"status": self.status, "code": self.code, "message": self.message}
        if self.field is not None:
            err["field"] = self.field
            err["reason"] = self.reason
        return {"error": err}


class ErrorDetail(BaseModel):
    """What went wrong and what to do (OpenAPI documentation of the error body)."""

    status: int
    code: str
    message: str
    field: str | None = None
    reason: str | None = None


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


def from_library(exc: PolicyQAError) -> ApiError:
    """The API error for a library exception (its message already says what to do)."""
    from .holder import IndexUnavailable

    if isinstance(exc, (IndexUnavailable, IndexMissingError)):
        return ApiError(503, "no_index", str(exc))
    if isinstance(exc, (IndexCorruptError, IndexMismatchError)):
        return ApiError(503, "index_unusable", str(exc))
    if isinstance(exc, QueryError):
        return ApiError(400, "bad_query", str(exc))
    return ApiError(500, "library_error", str(exc))


_HTTP_CODES = {404: "not_found", 405: "method_not_allowed", 400: "bad_request"}


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the JSON error body."""

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(PolicyQAError)
    async def _library(request: Request, exc: PolicyQAError) -> JSONResponse:
        err = from_library(exc)
        return JSONResponse(err.body(), status_code=err.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
        loc = [str(p) for p in first.get("loc", ()) if p not in ("query", "body", "path")]
        field = ".".join(loc) or "body"
        reason = str(first.get("msg", "invalid value"))
        if first.get("type") == "json_invalid":
            field, reason = "body", "the body is not valid JSON"
        err = ApiError(422, "invalid_parameter", f"invalid {field}: {reason}", field=field, reason=reason)
        return JSONResponse(err.body(), status_code=422)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        message = {404: f"no such page or endpoint: {request.url.path} (the API is described at /docs)",
                   405: f"{request.method} is not allowed on {request.url.path} (see /docs)"}.get(
            exc.status_code, str(exc.detail))
        err = ApiError(exc.status_code, _HTTP_CODES.get(exc.status_code, "http_error"), message)
        return JSONResponse(err.body(), status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        err = ApiError(500, "internal_error", f"internal error ({exc.__class__.__name__}); the server log has the "
                       "details: please report it")
        return JSONResponse(err.body(), status_code=500)
