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


def pytest_collection_modifyitems(config, items):
    """Every test that uses the real model through ``real_index`` is in the slow tier."""
    for item in items:
        if "real_index" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
