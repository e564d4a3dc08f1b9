"""Limits: huge paragraphs, huge lines, deep nesting and oversized files are
handled in bounded time and memory.

Each case runs in a child process with a memory cap and a generous timeout,
so an unbounded (quadratic, recursive, copy-happy) stage fails the test
instead of hanging the suite. Nothing here asserts on wall time.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from generator.clean.limits import MAX_BLOCK_CHARS, pieces
from generator.model import Skipped
from generator.read import read_source
from tests.conftest import ROOT

TIMEOUT = 240                 # seconds; cases take a few seconds to ~30 s on a slow shared machine
MEMORY_CAP = 4 * 1024 ** 3    # bytes of address space for the child

# Reads, cleans and extracts one file as the build does; prints a summary.
PROCESS_ONE = """
import json, sys
from pathlib import Path
from generator.build import process_source
from generator.settings import load_settings
path = Path(sys.argv[1])
settings = load_settings(Path(sys.argv[2]), sources_dir=path.parent, quiet=True)
work = process_source(path, "x", settings)
print(json.dumps({"skipped": work.skipped.reason if work.skipped else None,
                  "text": work.doc.text if work.doc else ""}))
"""

# The whole build (render and MkDocs included) of a folder.
BUILD_ALL = """
import sys
from pathlib import Path
from generator.build import build
from generator.settings import load_settings
src, out = Path(sys.argv[1]), Path(sys.argv[2])
build(load_settings(Path(sys.argv[3]), sources_dir=src, docs_dir=out / "docs", site_dir=out / "site",
                    quiet=True, cache_dir=None))
"""


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _child(code: str, *args) -> str:
    try:
        proc = subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=ROOT, capture_output=True,
                              text=True, timeout=TIMEOUT, preexec_fn=_cap_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"not finished within {TIMEOUT} s: unbounded work")
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


def _process(path: Path) -> dict:
    return json.loads(_child(PROCESS_ONE, path, ROOT / "mkdocs.yml").strip().splitlines()[-1])


SENTENCE = "The quick brown fox jumps over the lazy dog near the river bank. "
NAMES = ("Maria Lopez", "Acme Holdings", "Berlin", "Nordbank AG", "Jean Dupont", "Tokyo", "Helios Robotics")


@pytest.mark.parametrize("name, make, survivor", [
    # A million-character paragraph of ordinary sentences.
    ("paragraph.txt", lambda: "Long paragraph\n\n" + (SENTENCE * 16_000)[:1_000_000] + "\n", "lazy dog near"),
    # The same as Markdown, full of inline syntax.
    ("syntax.md", lambda: "# Title\n\n" + ("Some *emph*, [a link](http://x.example) and `code` <b>tag</b>. " * 16_000)
     + "\n", "emph"),
    # A 10 MB single line without sentence ends or line breaks.
    ("line.txt", lambda: ("abcdefghij " * 1_000_000)[:10_000_000], "abcdefghij"),
    # A 10 MB single line without a space.
    ("word.txt", lambda: "x" * 10_000_000, "xxxxxxxx"),
    # 10,000 nested <div>s, closed, and 100,000 unclosed tags of several kinds.
    ("nested.html", lambda: "<html><body>" + "<div>" * 10_000 + "<p>Deep words survive in this paragraph.</p>"
     + "</div>" * 10_000 + "</body></html>", "Deep words survive"),
    ("unclosed.html", lambda: "<html><body>" + "<div><span><b><i><ul><li>" * 20_000
     + "Deep words survive here." + "</body></html>", "Deep words survive"),
    # A million characters dense with names (60,000 mentions), and 10,000
    # short lines each naming someone: extraction must stay near-linear.
    ("names.txt", lambda: "Names everywhere\n\n" + "".join(
        f"{NAMES[i % 7]} met {NAMES[(i * 3) % 7]} in {NAMES[(i * 5) % 7]} on Monday. "
        for i in range(20_000))[:1_000_000] + "\n", "on Monday"),
    ("lines.txt", lambda: "Many lines\n\n" + "\n".join(f"{NAMES[i % 7]} said the {i}th thing." for i in range(10_000))
     + "\n", "said the 9999th thing"),
    # A 3 MB HTML paragraph.
    ("big.html", lambda: "<html><body><article><p>" + SENTENCE * 50_000 + "</p></article></body></html>",
     "lazy dog near"),
])
def test_huge_inputs_are_processed_in_bounded_time_and_memory(tmp_path, name, make, survivor):
    path = tmp_path / name
    path.write_text(make(), encoding="utf-8")
    result = _process(path)
    assert result["skipped"] is None
    assert survivor in result["text"]


def test_whole_build_of_huge_sources_finishes(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "paragraph.txt").write_text("Long paragraph\n\n" + (SENTENCE * 16_000)[:1_000_000] + "\n", encoding="utf-8")
    # Escapes everywhere: Python-Markdown's cost per paragraph grows with length x escapes.
    (src / "syntax.txt").write_text("Syntax\n\n" + "[a](b) *x* _y_ &#1; <i> " * 40_000 + "\n", encoding="utf-8")
    (src / "nested.html").write_text("<html><body>" + "<div>" * 10_000 + "<p>Deep words survive in this "
                                     "paragraph.</p>" + "</div>" * 10_000 + "</body></html>", encoding="utf-8")
    _child(BUILD_ALL, src, tmp_path / "out", ROOT / "mkdocs.yml")
    corpus = json.loads((tmp_path / "out" / "site" / "data" / "corpus.json").read_text(encoding="utf-8"))
    assert {s["file"] for s in corpus["sources"]} == {"paragraph.txt", "syntax.txt", "nested.html"}


def test_file_over_the_limit_is_reported_not_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:          # sparse: 30 MB that take no disk space
        handle.truncate(30_000_000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("an oversized file was read"))
    result = read_source(path, tmp_path)      # the default limit: 20 MB
    assert isinstance(result, Skipped)
    assert result.reason == "too large: 30.0 MB > 20.0 MB limit"


def test_small_limits_are_reported_in_bytes(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text("A short text that is over a tiny limit.\n", encoding="utf-8")
    result = read_source(path, tmp_path, max_bytes=10)
    assert isinstance(result, Skipped) and result.reason == "too large: 40 bytes > 10 bytes limit"


@pytest.mark.parametrize("text", [
    "First sentence here. " * 500,
    "word " * 2000,
    "x" * 10_000,
    "中文句子。" * 2000,
    "e\u0301" * 4000,
])
def test_long_text_is_cut_into_bounded_pieces_keeping_every_character(text):
    parts = pieces(text)
    assert len(parts) > 1 and all(0 < len(p) <= MAX_BLOCK_CHARS for p in parts)
    assert "".join(parts).replace(" ", "") == text.replace(" ", "")
    assert not any(p.startswith("\u0301") for p in parts)


def test_cuts_prefer_sentence_ends():
    parts = pieces("A complete sentence of moderate length goes here. " * 200)
    assert all(p.endswith(".") for p in parts)


def test_long_paragraph_becomes_several_blocks_short_ones_stay():
    from generator.clean import clean
    from generator.model import RawText

    text = "Title line\n\nShort paragraph stays whole.\n\n" + "Words in a long paragraph. " * 1000 + "\n"
    doc = clean(RawText(file="x.txt", text=text, format="text", encoding="utf-8", content_hash="0"), "x")
    assert "Short paragraph stays whole." in [b.text for b in doc.blocks]
    assert max(len(b.text) for b in doc.blocks) <= MAX_BLOCK_CHARS
    assert any(r.rule == "long-block" for r in doc.removed)
