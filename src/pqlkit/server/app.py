"""The FastAPI app: :func:`create_app` puts the routers and the error answers together.

Routers: health (``/healthz``, no key), ingest (``POST /v1/*``, write keys), query (``GET
/v1/alerts|leads|entities``, read keys), admin (``/admin/*``, the lock file's token).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response

from pqlkit import __version__
from pqlkit.console import Console, SilentConsole
from pqlkit.errors import ConfigError, PqlError
from pqlkit.server import admin, feedback_api, ingest, outbox_admin, query
from pqlkit.server.api_errors import ApiError, error_response, json_response
from pqlkit.server.config import ServerConfig
from pqlkit.server.runtime import Runtime

_CODES = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}


def _health_route(app: FastAPI) -> None:
    @app.get("/healthz", tags=["health"], summary="Is the server up, and is its log loading?")
    async def healthz(request: Request) -> Response:
        health = ingest.runtime_of(request).health()
        return json_response(health, 200 if health["status"] == "ok" else 503)


def _error_answers(app: FastAPI, console: Console) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
        message = str(first.get("msg", "invalid request"))
        return error_response(400, "invalid_request", f"{where}: {message}" if where else message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        code = _CODES.get(exc.status_code, "http_error")
        headers = dict(exc.headers) if exc.headers else None
        return error_response(exc.status_code, code, str(exc.detail), headers=headers)

    @app.exception_handler(ConfigError)
    async def config_error(request: Request, exc: ConfigError) -> Response:
        return error_response(400, "invalid_request", str(exc))

    @app.exception_handler(PqlError)
    async def pql_error(request: Request, exc: PqlError) -> Response:
        console.warn(f"{request.method} {request.url.path}: {exc}")
        return error_response(503, "unavailable", str(exc))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        console.warn(f"{request.method} {request.url.path}: {type(exc).__name__}: {exc}")
        return error_response(500, "internal_error", "internal error (the server log has it)")


def create_app(
    config: ServerConfig,
    *,
    runtime: Runtime | None = None,
    console: Console | None = None,
) -> FastAPI:
    """The server's app. Without ``runtime`` it opens one at start-up (lifespan) and closes it
    at shutdown; with one (``pql serve`` opens it first, to report errors before binding) it
    starts and closes that one."""
    console = console or (runtime.console if runtime is not None else SilentConsole())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        running: Runtime = (
            runtime
            if runtime is not None
            else await run_in_threadpool(Runtime.open, config, console)
        )
        app.state.runtime = running
        running.start()
        try:
            yield
        finally:
            await run_in_threadpool(running.close)

    app = FastAPI(
        title="pqlkit",
        version=__version__,
        summary="Segment-compatible ingest for Product Qualified Leads",
        lifespan=lifespan,
    )
    _error_answers(app, console)
    _health_route(app)
    app.include_router(ingest.router)
    app.include_router(query.router)
    app.include_router(feedback_api.router)
    app.include_router(admin.router)
    app.include_router(outbox_admin.router)
    if config.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(config.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "Content-Encoding"],
        )
    return app
