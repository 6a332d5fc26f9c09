"""Run the server in the background: in a thread of this process (a notebook, a test) or as a separate
``policyqa serve`` process (a load test, a browser test). Both bind loopback by default and stop on exit."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import PolicyQAError


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, timeout: float = 120.0, process: subprocess.Popen | None = None) -> None:
    """Wait until ``url``/api/health answers at all (200, or 503 while there is no index)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise PolicyQAError(f"the server exited with code {process.returncode} before answering at {url}")
        try:
            with urllib.request.urlopen(f"{url}/api/health", timeout=5):
                return
        except urllib.error.HTTPError:
            return  # it answered (503: no index yet)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise PolicyQAError(f"the server at {url} did not answer within {timeout:g} s")


@contextmanager
def serve_in_thread(app: Any, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve an ASGI ``app`` with uvicorn in a daemon thread; yields the base URL; stops the server on exit."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, name="policyqa-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise PolicyQAError(f"the server did not start on {host}:{port}")
        time.sleep(0.05)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=60)


@contextmanager
def serve_process(directory: str | Path, host: str = "127.0.0.1", port: int | None = None,
                  extra_args: Sequence[str] = (), log: IO[Any] | None = None, cwd: str | Path | None = None,
                  startup_timeout: float = 180.0) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run ``policyqa serve --index DIR`` as a child process on a free port; yields (base URL, process) once it
    answers, and stops it (SIGTERM, then SIGKILL after 20 s) on exit. Output goes to ``log`` (default: discarded)."""
    port = port or free_port(host)
    cmd = [sys.executable, "-m", "policyqa", "serve", "--index", str(directory), "--host", host, "--port", str(port),
           *extra_args]
    out = log if log is not None else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT if log is not None else out, cwd=cwd,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://{host}:{port}"
    try:
        wait_until_up(url, startup_timeout, proc)
        yield url, proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
