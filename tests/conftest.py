from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """Decoded text of each seed file, keyed by its 3-digit prefix."""
    return {p.name[:3]: p.read_bytes().decode("utf-8-sig") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def real_index(tmp_path_factory):
    """The seeds indexed with the real bundled model (about 30 s once per test session)."""
    from policyqa.index import build_index

    directory = tmp_path_factory.mktemp("real-index") / "idx"
    index, _ = build_index([SEEDS], directory)
    return index


@pytest.fixture
def counting_embedder():
    """A factory of plumbing embedders (``hash:dim``) that record every passage text they embed (``.texts``)."""
    from policyqa.embedders import HashEmbedder

    class CountingEmbedder(HashEmbedder):
        def __init__(self, dim: int = 16):
            super().__init__(dim=dim)
            self.texts: list[str] = []

        def embed_passages(self, texts, batch_size=16, progress=None):
            self.texts.extend(texts)
            return super().embed_passages(texts, batch_size, progress)

    return CountingEmbedder


def pytest_collection_modifyitems(config, items):
    """Every test that uses the real model through ``real_index`` is in the slow tier."""
    for item in items:
        if "real_index" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
