"""The command line: exit codes, JSON shapes, clean one-line errors."""

import json
import shutil

import pytest
from typer.testing import CliRunner

from policyqa.cli import app

runner = CliRunner()


def run(*args, **kw):
    return runner.invoke(app, list(args), catch_exceptions=False, **kw)


def test_inspect_json_shape(seeds_dir):
    r = run("inspect", str(seeds_dir / "000_bd77b3cad4441a08.txt"), "--json")
    assert r.exit_code == 0
    d = json.loads(r.stdout)
    assert set(d) >= {"source", "title", "issuer", "date", "doc_number", "region", "chunks"}
    assert d["region"]["city"] == "金华市" and d["date"] == "2025-04-30"
    assert set(d["chunks"][0]) == {"id", "headings", "kind", "text", "start", "end"}
    item19 = [c for c in d["chunks"] if c["headings"] and c["headings"][-1].startswith("19.")]
    assert item19[0]["headings"][:2] == ["二、主要任务", "(五)着力提升社会事务工作水平"]


def test_inspect_human_outline(seeds_dir):
    r = run("inspect", str(seeds_dir / "003_53f08407270a8081.txt"))
    assert r.exit_code == 0 and "目录" in r.stdout and "toc" in r.stdout and "宣城市" in r.stdout


def test_inspect_bad_file_is_one_line(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    r = runner.invoke(app, ["inspect", str(p)])
    assert r.exit_code == 1 and "Traceback" not in r.output and "empty" in r.output


def test_index_search_ask_round_trip(tmp_path, seeds_dir, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    idx = tmp_path / "idx"
    r = run("index", str(corpus), "--index", str(idx), "--model", "hash:64", "--json")
    assert r.exit_code == 0
    summary = json.loads(r.stdout)
    assert summary["documents"] == 5 and summary["embedded_chunks"] == summary["chunks"]
    r = run("index", str(corpus), "--index", str(idx))
    assert r.exit_code == 0 and "0 computed" in r.stdout and "5 unchanged" in r.stdout

    r = run("search", "殡葬改革", "--index", str(idx), "--k", "3", "--json")
    d = json.loads(r.stdout)
    assert d["query"] == "殡葬改革" and len(d["hits"]) == 3
    assert set(d["hits"][0]) == {"rank", "score", "chunk_id", "source", "title", "region", "date", "headings",
                                 "kind", "text", "start", "end", "page", "expired"}
    r = run("search", "养老", "--index", str(idx), "--region", "金华", "--mode", "bm25", "--json")
    assert all(h["region"]["city"] == "金华市" for h in json.loads(r.stdout)["hits"])

    qfile = tmp_path / "q.txt"
    qfile.write_text("殡葬改革\n\n助餐服务\n", encoding="utf-8")
    r = run("search", "--queries", str(qfile), "--index", str(idx), "--k", "2")
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["query"] for x in lines] == ["殡葬改革", "助餐服务"] and all(len(x["hits"]) == 2 for x in lines)

    r = run("ask", "哪些城市推进殡葬改革", "--index", str(idx), "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["kind"] == "aggregation"


def test_clean_errors(tmp_path):
    r = runner.invoke(app, ["search", "殡葬", "--index", str(tmp_path / "none")])
    assert r.exit_code == 1 and "no index" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, ["search"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["eval", str(tmp_path / "missing.jsonl")])
    assert r.exit_code == 1 and "not found" in r.output


def test_empty_query_and_model_mismatch(tmp_path, seeds_dir):
    idx = tmp_path / "idx"
    run("index", str(seeds_dir / "001_c62b87d9ede609d7.txt"), "--index", str(idx), "--model", "hash:32")
    r = runner.invoke(app, ["search", "  ", "--index", str(idx)])
    assert r.exit_code == 1 and "empty" in r.output
    r = runner.invoke(app, ["index", str(seeds_dir / "001_c62b87d9ede609d7.txt"), "--index", str(idx),
                            "--model", "hash:16"])
    assert r.exit_code == 0 and "rebuilt from scratch" in r.output
