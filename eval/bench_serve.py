"""Load on `policyqa serve`: N concurrent clients on loopback for a bounded time, p50/p95 per endpoint and the
error count; then the same load while `policyqa index` publishes a new generation in the middle.

    python eval/bench_serve.py                                  # real model on the seeds, 8 clients, 2 x 30 s
    python eval/bench_serve.py --clients 16 --seconds 60 --json eval/results/serve-2026-11-27.json
    python eval/bench_serve.py --compare-embedding              # + steady runs with the embedding lock on/off
    python eval/bench_serve.py --model hash:64 --seconds 5      # plumbing only (no real embedding)

The seeds are copied to a temporary corpus, indexed there (the embedding cache of indexes/default is reused
when present), and served by a child process on 127.0.0.1 and a free port; the clients are threads of this
process, each with its own keep-alive connection, each running the same mix of requests in a loop:
ask, search, ask, documents, one document, search (hybrid, then bm25), health. Nothing leaves the machine.
No timing is asserted anywhere: the numbers are printed (and written with --json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from bench import _pct  # noqa: E402

from policyqa.server.holder import SERIAL_EMBEDDING  # noqa: E402

QUESTIONS = ["哪些城市推进殡葬改革", "舟山养老机构护理员持证率提高到了多少", "给老年人送饭的服务", "厦门怎样健全社会救助体系",
             "哪些地方开展居家适老化改造", "婚姻登记跨省通办", "武义县的养老服务设施建设", "how many nursing home beds"]
MARKER = "智慧殡葬云平台全面上线运行"
UPDATE_DOC = "900_bench_update.txt"


def _serve_child(args: argparse.Namespace) -> int:
    """The server process: like `policyqa serve`, with the embedding lock selectable."""
    import uvicorn

    from policyqa.server import create_app

    app = create_app(args.index, workers=args.workers, serial_embedding=args.serial == 1)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)
    return 0


def _build(corpus: Path, index: Path, model: str | None, cwd: Path) -> float:
    t0 = time.perf_counter()
    cmd = [sys.executable, "-m", "policyqa", "index", str(corpus.relative_to(cwd)), "--index", str(index), "--json"]
    if model:
        cmd += ["--model", model]
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def _requests(doc_ids: list[str], client_no: int):
    """An endless mix of requests for one client: (endpoint name, method, path, params/body)."""
    i = client_no
    while True:
        q = QUESTIONS[i % len(QUESTIONS)]
        doc = doc_ids[i % len(doc_ids)]
        yield from (
            ("ask", "POST", "/api/ask", {"json": {"question": q}}),
            ("search", "GET", "/api/search", {"params": {"q": q, "k": 10}}),
            ("ask", "POST", "/api/ask", {"json": {"question": QUESTIONS[(i + 3) % len(QUESTIONS)]}}),
            ("documents", "GET", "/api/documents", {}),
            ("document", "GET", f"/api/documents/{doc}", {}),
            ("search", "GET", "/api/search", {"params": {"q": q, "k": 10, "mode": "bm25"}}),
            ("health", "GET", "/api/health", {}),
        )
        i += 1


def load_run(url: str, clients: int, seconds: float, during=None) -> dict:
    """``clients`` threads send requests for ``seconds``; ``during(t0)`` runs alongside (the index update)."""
    import httpx

    with httpx.Client(base_url=url, timeout=120) as c:
        doc_ids = [d["id"] for d in c.get("/api/documents").json()["documents"]]
    records: list[tuple[str, int, float, float, str]] = []  # endpoint, status, start, ms, generation
    errors: list[str] = []
    lock = threading.Lock()
    t0 = time.perf_counter()
    # The run lasts ``seconds``, and with an update at least until ``seconds / 3`` after the server swapped.
    clock = {"stop_at": t0 + seconds, "waiting": during is not None, "tail": seconds / 3}

    def client(n: int) -> None:
        mine, bad = [], []
        with httpx.Client(base_url=url, timeout=120) as c:
            for name, method, path, kw in _requests(doc_ids, n):
                if time.perf_counter() >= clock["stop_at"] and not clock["waiting"]:
                    break
                start = time.perf_counter()
                try:
                    r = c.request(method, path, **kw)
                    status, gen = r.status_code, r.headers.get("x-policyqa-generation", "")
                    if status != 200:
                        bad.append(f"{name} {status} {r.text[:200]}")
                except Exception as exc:  # a connection error is an error of the run, not of the script
                    status, gen = 0, ""
                    bad.append(f"{name} {exc.__class__.__name__}: {exc}")
                mine.append((name, status, start - t0, (time.perf_counter() - start) * 1000, gen))
        with lock:
            records.extend(mine)
            errors.extend(bad)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    side = during(t0, clock) if during else None
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    endpoints = {}
    for name in dict.fromkeys(r[0] for r in records):
        mine = [r for r in records if r[0] == name]
        endpoints[name] = {**_pct([r[3] for r in mine]), "errors": sum(1 for r in mine if r[1] != 200)}
    result = {"clients": clients, "seconds": round(wall, 1), "requests": len(records),
              "requests_per_s": round(len(records) / wall, 1), "errors": len(errors), "error_samples": errors[:5],
              "endpoints": endpoints, "all": _pct([r[3] for r in records])}
    if side is not None:
        side_result = side()
        gens = side_result.pop("_generations")
        old, new = gens
        swap = side_result.get("swap_s")
        result["update"] = {
            **side_result,
            "answered_by_old": sum(1 for r in records if r[4] == old),
            "answered_by_new": sum(1 for r in records if r[4] == new),
            # Requests that started after the server swapped must all come from the new generation.
            "started_after_swap_on_old": sum(1 for r in records if swap is not None and r[2] > swap + 0.001
                                            and r[4] == old),
        }
    return result


def updater(url: str, corpus: Path, index: Path, model: str | None, cwd: Path, at: float):
    """Returns ``during(t0)``: at ``at`` s, add a document and run `policyqa index`; watch the server swap."""
    import httpx

    def during(t0: float, clock: dict):
        box: dict = {}

        def run() -> None:
            try:
                watch()
            finally:
                clock["stop_at"] = max(clock["stop_at"], time.perf_counter() + clock["tail"])
                clock["waiting"] = False

        def watch() -> None:
            with httpx.Client(base_url=url, timeout=60) as c:
                old = c.get("/api/health").json()["generation"]
                time.sleep(max(0.0, t0 + at - time.perf_counter()))
                src = sorted(p for p in corpus.glob("*.txt") if p.name != UPDATE_DOC)[0]
                text = src.read_text(encoding="utf-8-sig")
                (corpus / UPDATE_DOC).write_text(text.replace("。", f"。{MARKER}。", 1), encoding="utf-8")
                box["index_started_s"] = round(time.perf_counter() - t0, 2)
                box["index_seconds"] = round(_build(corpus, index, model, cwd), 2)
                box["published_s"] = round(time.perf_counter() - t0, 2)
                new = old
                while new == old and time.perf_counter() - t0 < box["published_s"] + 30:
                    new = c.get("/api/health").json()["generation"]
                    if new == old:
                        time.sleep(0.05)
                box["swap_s"] = round(time.perf_counter() - t0, 2) if new != old else None
                box["_generations"] = (old, new)
                hits = c.get("/api/search", params={"q": MARKER, "k": 3, "mode": "bm25"}).json()["hits"]
                box["new_document_found"] = any(h["source"].endswith(UPDATE_DOC) for h in hits)

        thread = threading.Thread(target=run)
        thread.start()

        def finish() -> dict:
            thread.join()
            return box

        return finish

    return during


def serve(work: Path, index: Path, serial: bool, workers: int, log_path: Path):
    """Start the server child; returns (url, process)."""
    from policyqa.server.background import free_port, wait_until_up

    port = free_port()
    log = open(log_path, "ab")
    proc = subprocess.Popen([sys.executable, str(HERE / "bench_serve.py"), "--serve-child", "--index", str(index),
                             "--port", str(port), "--workers", str(workers), "--serial", str(int(serial))],
                            cwd=work, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url, 300, proc)
    return url, proc


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


def table(report: dict) -> str:
    lines = [f"policyqa serve load — {report['date']} — {report['machine']}", ""]
    for run in report["runs"]:
        lines.append(f"{run['label']}: {run['clients']} clients, {run['seconds']} s, {run['requests']} requests "
                     f"({run['requests_per_s']}/s), errors: {run['errors']}")
        lines.append(f"  {'endpoint':<10} {'n':>6} {'p50 ms':>9} {'p95 ms':>9} {'errors':>7}")
        for name, e in run["endpoints"].items():
            lines.append(f"  {name:<10} {e['n']:>6} {e['p50_ms']:>9.1f} {e['p95_ms']:>9.1f} {e['errors']:>7}")
        if "update" in run:
            u = run["update"]
            lines.append(f"  index update: `policyqa index` started at {u['index_started_s']} s, published at "
                         f"{u['published_s']} s ({u['index_seconds']} s), server swapped at {u['swap_s']} s; "
                         f"{u['answered_by_old']} answers from the old generation, {u['answered_by_new']} from the new, "
                         f"{u['started_after_swap_on_old']} requests started after the swap answered by the old; "
                         f"new document found: {u['new_document_found']}")
        for sample in run["error_samples"]:
            lines.append(f"  error: {sample}")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description="load test of policyqa serve on loopback")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=30.0, help="length of each run")
    ap.add_argument("--workers", type=int, default=4, help="the server's --workers")
    ap.add_argument("--model", default=None, help="embedding model (default: the bundled e5-small)")
    ap.add_argument("--compare-embedding", action="store_true",
                    help="steady runs alternating between embedding calls serialised and in parallel (A B A B)")
    ap.add_argument("--json", default=None, help="write the report as JSON to this file")
    ap.add_argument("--serve-child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--index", help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--serial", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve_child:
        return _serve_child(args)

    work = Path(tempfile.mkdtemp(prefix="policyqa-serve-bench-"))
    try:
        corpus, index = work / "corpus", work / "index"
        shutil.copytree(ROOT / "seeds", corpus)
        cache = ROOT / "indexes" / "default" / "cache"
        if args.model is None and cache.is_dir():
            shutil.copytree(cache, index / "cache")
        print("building the index…", file=sys.stderr)
        build_s = _build(corpus, index, args.model, work)
        report = {"date": date.today().isoformat(),
                  "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
                  "command": " ".join(["python", "eval/bench_serve.py", *sys.argv[1:]]),
                  "model": args.model or "e5-small (bundled)", "workers": args.workers,
                  "build_s": round(build_s, 1), "runs": []}
        log_path = work / "server.log"
        default = SERIAL_EMBEDDING
        # Compared modes alternate (A B A B) so that a change in the machine's load does not favour one.
        modes = [default, not default, default, not default] if args.compare_embedding else [default]
        for n, serial in enumerate(modes):
            url, proc = serve(work, index, serial, args.workers, log_path)
            try:
                label = f"steady, embedding {'serialised' if serial else 'in parallel'}"
                print(f"{label}: {args.clients} clients for {args.seconds:g} s…", file=sys.stderr)
                report["runs"].append({"label": label, "serial_embedding": serial,
                                       **load_run(url, args.clients, args.seconds)})
                if n == 0:
                    print("with an index update in the middle…", file=sys.stderr)
                    during = updater(url, corpus, index, args.model, work, at=args.seconds / 3)
                    report["runs"].append({"label": "index update mid-run", "serial_embedding": serial,
                                           **load_run(url, args.clients, args.seconds, during)})
                    (corpus / UPDATE_DOC).unlink(missing_ok=True)
                    _build(corpus, index, args.model, work)  # back to the seeds for the next runs
            finally:
                stop(proc)
        print(table(report))
        if args.json:
            Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        errors = sum(r["errors"] for r in report["runs"])
        if errors:
            print(f"server log: {log_path}", file=sys.stderr)
        return 0
    finally:
        if not any(r["errors"] for r in locals().get("report", {}).get("runs", [])):
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
