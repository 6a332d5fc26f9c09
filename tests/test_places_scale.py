""""Which places" at scale (issue 10): 1,000 generated work plans from 1,000 distinct places, 300 on the topic."""

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

import gen_places  # noqa: E402


@pytest.fixture(scope="module")
def docs():
    return gen_places.generate(1000, 300)


def test_generator_is_deterministic_and_distinct(docs):
    again = gen_places.generate(1000, 300)
    assert [(d.file, d.text) for d in docs] == [(d.file, d.text) for d in again]
    names = [d.place for d in docs]
    assert len(set(names)) == 1000
    # No chosen place lies inside another: a county's city is never also one of the places.
    assert not {d.city for d in docs if d.city} & set(names)
    assert sum(d.on_topic for d in docs) == 300


def test_only_the_on_topic_documents_speak_of_funerals(docs):
    for d in docs:
        assert d.text.startswith(f"{d.place}民政局") and f"\n{d.place}民政局\n" in d.text
        assert (gen_places.TOPIC in d.text) == d.on_topic
        if not d.on_topic:
            assert not [w for w in gen_places.FUNERAL_WORDS if w in d.text], d.file


def test_each_document_is_placed_where_it_was_written_from(docs, tmp_path):
    from policyqa.ingest import load_document

    sample = docs[::25]  # 40 documents: the slow test below checks all 1,000 through the index
    gen_places.write(tmp_path, sample)
    for d in sample:
        region = load_document(tmp_path / d.file).region
        assert region.name == d.place and (d.city is None or region.city == d.city), d.file


@pytest.mark.slow
def test_answer_names_exactly_the_300_places_and_says_300(docs, tmp_path):
    from policyqa import ask
    from policyqa.embedders import get_embedder
    from policyqa.index import build_index

    expected = gen_places.write(tmp_path / "corpus", docs)
    index, _ = build_index([tmp_path / "corpus"], tmp_path / "index", get_embedder("hash:64"))
    placed = {Path(d["source"]).name: d["region"] for d in index.doc_list}
    wrong = [d.file for d in docs if (placed[d.file].get("county") or placed[d.file].get("city")) != d.place]
    assert not wrong, f"{len(wrong)} generated documents placed elsewhere: {wrong[:5]}"

    answer = ask(gen_places.QUESTION, index=index).to_dict()
    named = [g["region"].get("county") or g["region"].get("city") or g["region"].get("province")
             for g in answer["groups"] if not g["toc_only"]]
    missed = sorted(set(expected["places"]) - set(named))
    false = sorted(set(named) - set(expected["places"]))
    assert not missed and not false and len(named) == 300, (
        f"named {len(named)} places: {len(missed)} of the 300 missed, {len(false)} false ({false[:5]}); "
        f"answer begins {answer['answer'][:60]!r}")
    assert re.search(r"(?<!\d)300(?!\d)", answer["answer"]), answer["answer"][:80]
