"""Damage catalogue: every file of a generation truncated, emptied or with 64 flipped bytes gives one clear
line naming the file (search, ask, check), and a plain `policyqa index` repairs it, user dictionary included."""

import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policyqa import store
from policyqa.cli import app
from policyqa.embedders import HashEmbedder
from policyqa.index import PolicyIndex, build_index

runner = CliRunner()
DOC = "{place}民政工作要点\n一、重点工作\n1.推进暖巢计划。全年完成试点{n}个。\n2.深化殡葬改革，建设助餐点{n}个。\n"
FILES = ["CURRENT", "manifest.json", "documents.json", "chunks.jsonl", "chunk_offsets.npy", "chunk_docs.npy",
         "user_dict.txt", "bm25/tf_data.npy", "bm25/tf_indices.npy", "bm25/tf_indptr.npy", "bm25/w_data.npy",
         "bm25/w_indices.npy", "bm25/w_indptr.npy", "bm25/doc_len.npy", "bm25/vocab.index.json",
         "bm25/params.index.json", "dense/vectors.npy", "dense/params.json"]
KINDS = ["truncated", "emptied", "flipped"]
# Fast tier: every file once, the kind of damage rotating; the slow tier runs every file x every kind.
CASES = [pytest.param(rel, kind, id=f"{rel}-{kind}",
                      marks=() if (i % len(KINDS)) == KINDS.index(kind) else pytest.mark.slow)
         for i, rel in enumerate(FILES) for kind in KINDS]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    base = tmp_path_factory.mktemp("damage")
    corpus = base / "corpus"
    corpus.mkdir()
    for i, place in enumerate(["舟山市", "金华市", "厦门市"]):
        (corpus / f"doc{i}.txt").write_text(DOC.format(place=place, n=i + 1), encoding="utf-8")
    words = base / "words.txt"
    words.write_text("暖巢 2000 n\n", encoding="utf-8")
    directory = base / "idx"
    build_index([corpus], directory, HashEmbedder(dim=16), user_dict=words)[0].close()
    (corpus / "doc0.txt").write_text(DOC.format(place="舟山市", n=9), encoding="utf-8")
    build_index([corpus], directory, HashEmbedder(dim=16))[0].close()  # a previous generation exists
    return corpus, directory


def damage(path: Path, kind: str) -> None:
    data = bytearray(path.read_bytes())
    if kind == "truncated":
        data = data[: len(data) // 2]
    elif kind == "emptied":
        data = bytearray()
    else:
        rng = random.Random(path.name)
        for pos in rng.sample(range(len(data)), min(64, len(data))):
            data[pos] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))


def _clean_line(result, name: str) -> str:
    out = result.output
    assert result.exit_code == 1, out
    assert "Traceback" not in out and "Aborted" not in out
    lines = [ln for ln in out.splitlines() if ln.strip()]
    assert len(lines) == 1, out
    assert name in lines[0], out
    return lines[0]


@pytest.mark.parametrize("rel, kind", CASES)
def test_damaged_file_is_named_then_repaired(pristine, tmp_path, rel, kind):
    corpus, clean = pristine
    directory = tmp_path / "idx"
    shutil.copytree(clean, directory)
    target = directory / rel if rel == "CURRENT" else store.current_generation(directory) / rel
    damage(target, kind)
    name = Path(rel).name
    for args in (["search", "暖巢", "--mode", "bm25"], ["ask", "哪些城市推进殡葬改革"]):
        _clean_line(runner.invoke(app, [*args, "--index", str(directory)]), name)
    check = runner.invoke(app, ["check", "--index", str(directory)])
    assert check.exit_code == 1 and name in check.output and "Traceback" not in check.output

    r = runner.invoke(app, ["index", str(corpus), "--index", str(directory)])
    assert r.exit_code == 0, r.output
    assert "repaired" in r.output and name in r.output
    assert "0 computed" in r.output  # every embedding came from the cache
    r = runner.invoke(app, ["check", "--index", str(directory)])
    assert r.exit_code == 0 and "intact" in r.output, r.output
    idx = PolicyIndex.load(directory)
    try:
        assert idx.tokenizer.tokenize("暖巢计划") == ["暖巢", "计划"]  # the user dictionary survived
        assert {h.chunk.source for h in idx.search("暖巢", k=5, mode="bm25")} == {
            d["source"] for d in idx.doc_list}
    finally:
        idx.close()


def test_damaged_user_dictionary_without_a_copy_says_to_give_it_again(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(DOC.format(place="舟山市", n=1), encoding="utf-8")
    words = tmp_path / "words.txt"
    words.write_text("暖巢 2000 n\n", encoding="utf-8")
    directory = tmp_path / "idx"
    build_index([corpus], directory, HashEmbedder(dim=16), user_dict=words)[0].close()
    damage(store.current_generation(directory) / "user_dict.txt", "flipped")
    r = runner.invoke(app, ["index", str(corpus), "--index", str(directory)])
    assert r.exit_code == 1 and "--user-dict" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, ["index", str(corpus), "--index", str(directory), "--user-dict", str(words)])
    assert r.exit_code == 0 and "repaired" in r.output
    assert runner.invoke(app, ["check", "--index", str(directory)]).exit_code == 0
