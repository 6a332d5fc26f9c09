"""Generation lifetime: a generation a reader holds is never removed under it."""

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from policyqa import store
from policyqa.embedders import HashEmbedder
from policyqa.index import PolicyIndex, build_index

DOC = "某市民政工作要点\n一、重点工作\n1.推进暖巢计划。全年完成试点{n}个。\n2.深化殡葬改革，建设助餐点{n}个。\n"


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"doc{i}.txt").write_text(DOC.format(n=i), encoding="utf-8")
    words = tmp_path / "words.txt"
    words.write_text("暖巢 2000 n\n助餐点 2000 n\n", encoding="utf-8")
    return corpus, words


def _search_once(directory: Path) -> None:
    idx = PolicyIndex.load(directory)
    try:
        assert idx.tokenizer.tokenize("暖巢计划") == ["暖巢", "计划"]
        assert idx.search("暖巢", k=2, mode="bm25")
        assert idx.search("殡葬改革助餐点", k=2, mode="hybrid")
    finally:
        idx.close()


_READER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from policyqa.index import PolicyIndex
    directory, stop = Path(sys.argv[1]), Path(sys.argv[2])
    ok = failed = 0
    while not stop.exists():
        try:
            idx = PolicyIndex.load(directory)
            try:
                assert idx.tokenizer.tokenize("暖巢计划") == ["暖巢", "计划"]
                assert idx.search("暖巢", k=2, mode="bm25")
                idx.search("殡葬改革助餐点", k=2, mode="hybrid")
            finally:
                idx.close()
            ok += 1
        except Exception as exc:
            failed += 1
            print(f"FAIL {exc.__class__.__name__}: {exc}", file=sys.stderr)
    print(ok, failed)
""")


@pytest.mark.slow
def test_searches_during_50_publishes_never_fail(tmp_path):
    corpus, words = _corpus(tmp_path)
    directory = tmp_path / "idx"
    emb = HashEmbedder(dim=64)
    build_index([corpus], directory, emb, user_dict=words)

    stop = threading.Event()
    stop_file = tmp_path / "stop"
    counts = {"ok": 0}
    failures: list[str] = []

    def reader() -> None:
        while not stop.is_set():
            try:
                _search_once(directory)
                counts["ok"] += 1
            except Exception as exc:  # noqa: BLE001 - every failure is the test's finding
                failures.append(f"{exc.__class__.__name__}: {exc}")

    threads = [threading.Thread(target=reader) for _ in range(3)]
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    proc = subprocess.Popen([sys.executable, "-c", _READER, str(directory), str(stop_file)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    for t in threads:
        t.start()
    try:
        for n in range(50):
            (corpus / "doc0.txt").write_text(DOC.format(n=100 + n), encoding="utf-8")
            build_index([corpus], directory, emb)
    finally:
        stop.set()
        stop_file.touch()
        for t in threads:
            t.join()
        out, err = proc.communicate(timeout=120)
    ok, failed = map(int, out.split())
    assert not failures, "\n".join(failures[:3])  # whole, not a truncated repr
    assert failed == 0, err[-2000:]
    assert counts["ok"] > 0 and ok > 0
    # Old generations did not pile up: only the live and the previous one are left once readers are gone.
    build_index([corpus], directory, emb)
    assert len(list(directory.glob("gen-*"))) == 2


def test_a_held_generation_survives_two_publishes(tmp_path):
    corpus, words = _corpus(tmp_path)
    directory = tmp_path / "idx"
    emb = HashEmbedder(dim=64)
    build_index([corpus], directory, emb, user_dict=words)
    held = PolicyIndex.load(directory)
    for n in range(3):
        (corpus / "doc1.txt").write_text(DOC.format(n=50 + n), encoding="utf-8")
        build_index([corpus], directory, emb)
    assert held.generation.is_dir() and held.generation != store.current_generation(directory)
    assert held.search("暖巢", k=1, mode="bm25")  # still readable, user dictionary included
    held.close()
    build_index([corpus], directory, emb)
    assert not held.generation.exists()  # released: removed by the next publish
    assert not list(directory.glob(".trash-*"))


def test_reader_retries_when_current_moves(tmp_path, monkeypatch):
    corpus, _ = _corpus(tmp_path)
    directory = tmp_path / "idx"
    emb = HashEmbedder(dim=64)
    build_index([corpus], directory, emb)
    first = store.current_generation(directory)
    build_index([corpus], directory, emb)
    # A reader read CURRENT (the first generation) and is about to lock it when a writer removes it.
    real = store.current_generation
    calls = []

    def stale_then_real(d):
        calls.append(d)
        return first if len(calls) == 1 else real(d)

    monkeypatch.setattr(store, "current_generation", stale_then_real)
    store.remove_unused_generations(directory, keep={real(directory).name})
    assert not first.exists()
    lease = store.GenerationLease.acquire(directory)
    assert lease.path == real(directory) and len(calls) == 2
    lease.close()


def test_indexes_opened_in_several_threads_read_their_arrays_one_at_a_time(tmp_path, monkeypatch):
    # numpy parses .npy headers with ast.literal_eval, and CPython 3.11's AST construction is not safe in
    # two threads at once (python/cpython#106905: "SystemError: AST constructor recursion depth mismatch",
    # seen once in ~400 loads here while publishing). Every array policyqa reads goes through one lock.
    import time

    import numpy as np

    corpus, words = _corpus(tmp_path)
    build_index([corpus], tmp_path / "idx", HashEmbedder(dim=64), user_dict=words)
    real, inside, overlaps, calls = np.load, [0], [], []

    def slow_load(*args, **kwargs):
        inside[0] += 1
        overlaps.append(inside[0] > 1)
        calls.append(args[0])
        time.sleep(0.002)  # widen the window a concurrent load would fall into
        try:
            return real(*args, **kwargs)
        finally:
            inside[0] -= 1

    monkeypatch.setattr(np, "load", slow_load)
    errors: list[BaseException] = []

    def open_and_close() -> None:
        try:
            for _ in range(3):
                PolicyIndex.load(tmp_path / "idx").close()
        except BaseException as exc:  # noqa: BLE001 - the test's finding
            errors.append(exc)

    threads = [threading.Thread(target=open_and_close) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(calls) >= 4 * 3 * 3  # chunk arrays, BM25 arrays and vectors, every load
    assert not any(overlaps)
