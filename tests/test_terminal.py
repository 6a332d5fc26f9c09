"""Terminal output: user strings are shown as written (Rich markup escaped), control characters are shown
escaped, each skipped file gets one line."""

import json

import pytest
from typer.testing import CliRunner

from policyqa.cli import app
from policyqa.render import printable

runner = CliRunner()
DOC = "舟山市民政工作要点\n一、重点工作\n1.推进暖巢计划[试点]。全年完成[dim]10个[/]。\n"


def _one_document_index(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(DOC, encoding="utf-8")
    directory = tmp_path / "idx"
    assert runner.invoke(app, ["index", str(corpus), "--index", str(directory), "--model", "hash:16"]).exit_code == 0
    return directory


def test_bracketed_file_names_and_text_are_printed_intact(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "[dim]x[!].txt").write_text(DOC, encoding="utf-8")
    (corpus / "[bold]empty[!].txt").write_bytes(b"")
    directory = tmp_path / "idx"
    r = runner.invoke(app, ["index", str(corpus), "--index", str(directory), "--model", "hash:16"])
    assert "[bold]empty[!].txt" in r.output and r.exit_code == 3
    r = runner.invoke(app, ["search", "暖巢计划", "--index", str(directory)])
    assert r.exit_code == 0
    assert "corpus/[dim]x[!].txt" in r.output and "[试点]" in r.output and "[dim]10个[/]" in r.output
    r = runner.invoke(app, ["inspect", str(corpus / "[dim]x[!].txt")])
    assert "[dim]x[!].txt" in r.output and "[dim]10个[/]" in r.output


def test_user_dictionary_help_and_error_keep_word_freq(tmp_path):
    r = runner.invoke(app, ["index", "--help"])
    assert "word [freq]" in r.output
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(DOC, encoding="utf-8")
    r = runner.invoke(app, ["index", str(corpus), "--index", str(tmp_path / "idx"), "--model", "hash:16",
                            "--user-dict", str(tmp_path / "missing.txt")])
    assert r.exit_code == 1 and "word [freq]" in r.output


def test_control_characters_in_a_question_are_shown_escaped(tmp_path):
    directory = _one_document_index(tmp_path)
    question = "暖巢计划\x1b[31m红色\x07\u202e"
    r = runner.invoke(app, ["ask", question, "--index", str(directory)])
    assert r.exit_code == 0
    assert "\x1b" not in r.output and "\x07" not in r.output and "\u202e" not in r.output
    assert "\\x1b[31m红色\\x07\\u202e" in r.output
    r = runner.invoke(app, ["ask", question, "--index", str(directory), "--json"])
    assert json.loads(r.stdout)["question"] == question  # JSON keeps the question as given


def test_printable_keeps_text_and_escapes_controls():
    assert printable("第一行\n\t第二行") == "第一行\n\t第二行"
    assert printable("a\x00b\x1bc\x9bd\u2066e") == "a\\x00b\\x1bc\\x9bd\\u2066e"


def test_each_skipped_file_is_one_line(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(DOC, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    r = runner.invoke(app, ["index", str(corpus), "--index", str(tmp_path / "idx"), "--model", "hash:16"])
    lines = [ln for ln in r.output.splitlines() if "empty.txt" in ln]
    assert len(lines) == 1 and lines[0].count("empty.txt") == 1, r.output


def test_nul_bytes_after_the_first_4kb_never_reach_chunk_text(tmp_path):
    from policyqa.ingest import load_document

    p = tmp_path / "padded.txt"
    p.write_bytes((DOC * 200).encode("utf-8") + b"\x00\x00" + DOC.encode("utf-8"))
    doc = load_document(p)
    assert all("\x00" not in c.text for c in doc.chunks)
    assert all(doc.text[c.start:c.end] == c.text for c in doc.chunks)


def test_a_100000_character_question_is_refused_at_once(tmp_path):
    from policyqa.answer import ask
    from policyqa.errors import QueryError
    from policyqa.limits import MAX_QUERY_CHARS

    directory = _one_document_index(tmp_path)
    question = "殡葬改革" * 25_000
    r = runner.invoke(app, ["ask", question, "--index", str(directory)])
    assert r.exit_code == 1 and f"the limit is {MAX_QUERY_CHARS:,} characters" in r.output
    assert len(r.output.strip().splitlines()) == 1 and "100,000" in r.output
    r = runner.invoke(app, ["search", question, "--index", str(directory)])
    assert r.exit_code == 1 and "limit" in r.output
    with pytest.raises(QueryError, match="limit"):  # refused before anything is opened or embedded
        ask("问" * (MAX_QUERY_CHARS + 1), index=tmp_path / "no-index-here")
    assert ask("问" * MAX_QUERY_CHARS, index=directory) is not None  # the limit itself is allowed


def test_progress_is_plain_lines_when_stderr_is_not_a_terminal(tmp_path, seeds_dir):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    r = runner.invoke(app, ["index", str(corpus), "--index", str(tmp_path / "idx"), "--model", "hash:16"])
    assert r.exit_code == 0
    for stage in ("parsing 5/5 (100%)", "embedding 181/181 (100%)", "tokenizing", "writing 5/5 (100%)"):
        assert stage in r.output, r.output
    assert "\x1b" not in r.output  # no bar drawing codes in a log
    q = tmp_path / "q.jsonl"
    q.write_text(json.dumps({"id": "a", "query": "殡葬改革", "type": "fact", "relevant": [
        {"source": "000_bd77b3cad4441a08.txt", "contains": "深化殡葬综合改革", "grade": 2}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["eval", str(q), "--index", str(tmp_path / "idx"), "--modes", "bm25"])
    assert r.exit_code == 0 and "searching 1/1 (100%)" in r.output, r.output
