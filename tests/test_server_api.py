"""The HTTP API through the ASGI test client: every endpoint, every error, the page and the offline docs."""

import re
import shutil

import pytest
from fastapi.testclient import TestClient

from policyqa.catalog import doc_id
from policyqa.server import create_app
from policyqa.server.app import GENERATION_HEADER
from policyqa.server.schemas import MAX_QUESTION_CHARS

HIT_KEYS = {"rank", "score", "chunk_id", "source", "title", "region", "date", "headings", "kind", "text", "start",
            "end", "doc_id", "page", "expired"}


@pytest.fixture(scope="module")
def served(tmp_path_factory, seeds_dir):
    """The seeds (a private copy) indexed with the hash embedder, and a client of an app serving them."""
    from policyqa.embedders import get_embedder
    from policyqa.index import build_index

    root = tmp_path_factory.mktemp("api")
    corpus = root / "corpus"
    shutil.copytree(seeds_dir, corpus)
    index, _ = build_index([corpus], root / "idx", get_embedder("hash:64"))
    index.close()
    # No warm-up here: what it builds ahead (tokenizer, model) is built by the first request instead.
    with TestClient(create_app(root / "idx", poll_interval=0, warm_up=False)) as client:
        yield client, root


@pytest.fixture()
def client(served):
    return served[0]


def error_of(r, status, code):
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    err = r.json()["error"]
    assert err["status"] == status and err["code"] == code and err["message"]
    assert "Traceback" not in r.text
    return err


# ------------------------------------------------------------------ endpoints
def test_health(client):
    r = client.get("/api/health")
    assert r.status_code == 200
    h = r.json()
    assert h["status"] == "ok" and h["model"] == "hash:64" and h["documents"] == 5 and h["chunks"] > 100
    assert h["generation"].startswith("gen-") and r.headers[GENERATION_HEADER] == h["generation"]
    assert h["open_generations"] == [h["generation"]] and h["reloads"] == 0


def test_ask_aggregation_cites_documents_by_id(client):
    r = client.post("/api/ask", json={"question": "哪些城市推进殡葬改革"})
    assert r.status_code == 200 and r.headers[GENERATION_HEADER].startswith("gen-")
    a = r.json()
    assert set(a) == {"question", "kind", "found", "answer", "count", "groups", "citations", "notices", "answered_as"}
    assert a["answered_as"] is None
    assert a["kind"] == "aggregation" and a["found"]
    places = {g["region"]["city"] for g in a["groups"] if g["kind"] == "place"}
    assert places == {"金华市", "厦门市", "舟山市"} and a["count"] == 3
    for c in a["citations"]:
        assert c["doc_id"] == doc_id(c["source"])
        assert f"[{c['id']}]" in a["answer"]
        doc = client.get(f"/api/documents/{c['doc_id']}").json()
        assert doc["text"][c["start"]:c["end"]] == c["text"]  # the citation is the document's exact text
        if c["highlight"]:
            a_, b_ = c["highlight"]
            assert 0 <= a_ < b_ <= len(c["text"])


def test_ask_filters_by_place_and_year(client):
    a = client.post("/api/ask", json={"question": "哪些城市推进殡葬改革", "region": "浙江"}).json()
    assert a["found"] and all(c["region"]["province"] == "浙江省" for c in a["citations"])
    assert "厦门市" not in {g["label"] for g in a["groups"]}
    a = client.post("/api/ask", json={"question": "哪些城市推进殡葬改革", "year": 2023}).json()
    assert a["found"] and {c["region"]["city"] for c in a["citations"]} == {"厦门市"}


def test_search_shapes_and_filters(client):
    r = client.get("/api/search", params={"q": "殡葬改革", "k": 3})
    assert r.status_code == 200
    d = r.json()
    assert d["query"] == "殡葬改革" and d["mode"] == "hybrid" and len(d["hits"]) == 3
    assert set(d["hits"][0]) == HIT_KEYS
    d = client.get("/api/search", params={"q": "养老", "mode": "bm25", "region": "金华", "k": 20}).json()
    assert d["hits"] and all(h["region"]["city"] == "金华市" for h in d["hits"])
    d = client.get("/api/search", params={"q": "养老", "year": 2023}).json()
    assert d["hits"] and all(h["date"].startswith("2023") for h in d["hits"])


def test_documents_list_counts_and_filters(client):
    d = client.get("/api/documents").json()
    assert d["total"] == 5 and len(d["documents"]) == 5
    first = d["documents"][0]
    assert {"id", "source", "title", "date", "region", "place", "year", "chunks"} <= set(first)
    assert "digest" not in first and first["id"] == doc_id(first["source"])
    places = {p["name"]: p for p in d["counts"]["places"]}
    # Counts at every level agree with the region filter: 金华市 holds 武义县's document too.
    assert places["浙江省"]["count"] == 3 and places["金华市"]["count"] == 2 and places["武义县"]["count"] == 1
    assert places["武义县"]["parent"] == "金华市" and places["金华市"]["level"] == "city"
    assert {y["year"]: y["count"] for y in d["counts"]["years"]} == {2025: 2, 2024: 1, 2023: 1, None: 1}
    jinhua = client.get("/api/documents", params={"region": "金华市"}).json()
    assert jinhua["total"] == places["金华市"]["count"]
    assert {x["place"] for x in jinhua["documents"]} == {"金华市", "武义县（金华市）"}
    assert client.get("/api/documents", params={"year": 2025}).json()["total"] == 2


def test_document_detail_text_and_spans(client):
    listed = client.get("/api/documents").json()["documents"]
    doc = next(x for x in listed if x["source"].endswith("000_bd77b3cad4441a08.txt"))
    r = client.get(f"/api/documents/{doc['id']}")
    assert r.status_code == 200
    d = r.json()
    assert d["title"] == doc["title"] and d["text_matches_index"] is True
    assert len(d["spans"]) == doc["chunks"]
    assert all(set(s) >= {"id", "headings", "kind", "start", "end"} and "text" not in s for s in d["spans"])
    assert [s["start"] for s in d["spans"]] == sorted(s["start"] for s in d["spans"])
    item19 = next(s for s in d["spans"] if s["headings"] and s["headings"][-1].startswith("19."))
    assert d["text"][item19["start"]:item19["end"]].startswith("19.深化殡葬综合改革")


def test_document_changed_or_gone(served):
    client, root = served
    path = root / "corpus" / "001_c62b87d9ede609d7.txt"
    original = path.read_bytes()
    listed = client.get("/api/documents").json()["documents"]
    did = next(x["id"] for x in listed if x["source"].endswith(path.name))
    try:
        path.write_bytes("【补充】".encode() + original)
        r = client.get(f"/api/documents/{did}")  # the offsets would point into other text: refused
        assert r.status_code >= 400 and "policyqa index" in r.json()["error"]["message"], r.json()
        path.unlink()
        err = error_of(client.get(f"/api/documents/{did}"), 410, "document_unreadable")
        assert "policyqa index" in err["message"]
    finally:
        path.write_bytes(original)


def test_page_static_and_offline_docs(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert 'lang="zh-CN"' in r.text and '<label for="q">' in r.text
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', r.text):
        assert client.get(asset).status_code == 200
    for name in ("index.html", "app.js", "style.css"):
        body = client.get(f"/static/{name}").text
        assert not re.search(r"https?://", body), f"{name} must not load anything from another host"
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn" not in docs.text.lower()
    spec = client.get("/openapi.json").json()
    assert {"/api/ask", "/api/search", "/api/documents", "/api/documents/{doc_id}", "/api/health"} <= set(spec["paths"])
    assert "422" in spec["paths"]["/api/search"]["get"]["responses"]


# ------------------------------------------------------------------ errors
@pytest.mark.parametrize("question", ["", "   ", "\n"])
def test_empty_question_is_400(client, question):
    err = error_of(client.post("/api/ask", json={"question": question}), 400, "empty_question")
    assert err["field"] == "question" and str(MAX_QUESTION_CHARS) in err["message"]
    err = error_of(client.get("/api/search", params={"q": question}), 400, "empty_question")
    assert err["field"] == "q"


def test_over_long_question_is_400(client):
    long_q = "殡葬" * (MAX_QUESTION_CHARS // 2) + "吗"
    err = error_of(client.post("/api/ask", json={"question": long_q}), 400, "question_too_long")
    assert f"{len(long_q)} characters" in err["message"] and f"{MAX_QUESTION_CHARS}" in err["message"]
    error_of(client.get("/api/search", params={"q": long_q}), 400, "question_too_long")
    assert client.post("/api/ask", json={"question": long_q[:MAX_QUESTION_CHARS]}).status_code == 200


@pytest.mark.parametrize("params, field", [
    ({"q": "养老", "k": 0}, "k"), ({"q": "养老", "k": 101}, "k"), ({"q": "养老", "k": "ten"}, "k"),
    ({"q": "养老", "mode": "fuzzy"}, "mode"), ({"q": "养老", "year": 1800}, "year"), ({"k": 3}, "q"),
    ({"q": "养老", "region": "火星"}, "region"),
])
def test_invalid_search_parameters_are_422(client, params, field):
    err = error_of(client.get("/api/search", params=params), 422, "invalid_parameter")
    assert err["field"] == field and err["reason"] and field in err["message"]


@pytest.mark.parametrize("body, field", [
    ({}, "question"), ({"question": "养老", "k": 0}, "k"), ({"question": "养老", "year": "last"}, "year"),
    ({"question": 42}, "question"), ({"question": "养老", "region": "不存在的地方"}, "region"),
])
def test_invalid_ask_bodies_are_422(client, body, field):
    err = error_of(client.post("/api/ask", json=body), 422, "invalid_parameter")
    assert err["field"] == field and err["reason"]


def test_malformed_json_is_422(client):
    r = client.post("/api/ask", content=b'{"question": ', headers={"content-type": "application/json"})
    err = error_of(r, 422, "invalid_parameter")
    assert err["field"] == "body"


def test_documents_errors(client):
    error_of(client.get("/api/documents", params={"region": "火星"}), 422, "invalid_parameter")
    error_of(client.get("/api/documents", params={"year": "soon"}), 422, "invalid_parameter")
    err = error_of(client.get("/api/documents/not-an-id"), 422, "invalid_parameter")
    assert err["field"] == "doc_id"
    err = error_of(client.get("/api/documents/0123456789ab"), 404, "unknown_document")
    assert "/api/documents" in err["message"]


def test_unknown_route_and_method_are_json(client):
    error_of(client.get("/api/nothing"), 404, "not_found")
    error_of(client.get("/static/missing.js"), 404, "not_found")
    error_of(client.delete("/api/ask"), 405, "method_not_allowed")


def test_no_index_is_503(tmp_path):
    directory = tmp_path / "none"
    with TestClient(create_app(directory, poll_interval=0)) as client:
        for r in (client.get("/api/health"), client.post("/api/ask", json={"question": "养老"}),
                  client.get("/api/search", params={"q": "养老"}), client.get("/api/documents"),
                  client.get("/api/documents/0123456789ab")):
            err = error_of(r, 503, "no_index")
            assert "policyqa index" in err["message"] and str(directory) in err["message"]
        assert client.get("/").status_code == 200  # the page still loads and says so itself


def test_request_running_too_long_is_cut_with_504(served):
    _, root = served
    with TestClient(create_app(root / "idx", poll_interval=0, timeout=1e-6, warm_up=False)) as client:
        err = error_of(client.post("/api/ask", json={"question": "哪些城市推进殡葬改革"}), 504, "timeout")
        assert "longer than" in err["message"]
        assert client.get("/api/health").status_code == 200  # no library work: never cut


def test_damaged_index_is_503_with_how_to_repair(served):
    _, root = served
    app = create_app(root / "idx", poll_interval=0, warm_up=False)
    with TestClient(app) as client:
        with app.state.policyqa.holder.lease() as index:
            index.chunks.close()  # the chunk table is gone under the server: reading a passage fails
        r = client.get("/api/search", params={"q": "殡葬改革", "mode": "dense"})  # dense: no tokenizer to build
        assert "policyqa index" in error_of(r, 503, "index_unusable")["message"]


def test_unexpected_failure_is_500_json_without_traceback(served):
    _, root = served
    app = create_app(root / "idx", poll_interval=0, warm_up=False)

    def broken() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/api/broken", broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        err = error_of(client.get("/api/broken"), 500, "internal_error")
        assert "RuntimeError" in err["message"] and "a bug" not in err["message"]
