"""A transcript's speaker labels are shown in bold, from cleaning to the page
(synthetic transcripts, no seed text)."""
from __future__ import annotations

import html as html_lib

import markdown

from generator import render
from generator.clean import clean
from generator.model import Block, Document, Metadata, RawText

EXTENSIONS = ["tables", "attr_list", "toc"]


def _cleaned(text: str) -> Document:
    raw = RawText(file="a.txt", text=text, format="text", encoding="utf-8", content_hash="0")
    return clean(raw, "a")


def _html(doc: Document) -> str:
    page = render.source_page(render.make_environment(), render.source_page_inputs(doc, [], [], {}))
    body = page.split("---\n", 2)[2] if page.startswith("---\n") else page
    return html_lib.unescape(markdown.markdown(body, extensions=EXTENSIONS))


TRANSCRIPT = """Evening bulletin on the harbour strike

HOST: Good evening. The strike at the container port enters its third day.

REPORTER: Dockers walked out on Monday over a new shift system.

HOST: How many ships are waiting?

REPORTER: Eleven ships are anchored outside the breakwater tonight.
"""


def test_cleaning_marks_where_a_turns_label_ends():
    doc = _cleaned(TRANSCRIPT)
    turns = [b for b in doc.blocks if b.label_end]
    assert [b.text[:b.label_end] for b in turns] == ["HOST", "REPORTER", "HOST", "REPORTER"]
    assert all(doc.text[b.start:b.start + b.label_end] == b.text[:b.label_end] for b in turns)


def test_prose_with_a_colon_has_no_label():
    doc = _cleaned("Council meeting\n\nThe result: the budget passed with nine votes.\n\nNote: the vote was public.\n")
    assert not any(b.label_end for b in doc.blocks)


def test_the_page_shows_each_label_in_bold_and_the_speech_after_it():
    html = _html(_cleaned(TRANSCRIPT))
    assert "<strong>HOST</strong>: Good evening." in html
    assert "<strong>REPORTER</strong>: Eleven ships are anchored" in html


def test_a_cjk_label_closes_its_bold_before_the_full_width_colon():
    text = "主持人：各位好。"
    doc = Document(id="s1", file="s1.txt", format="text", content_hash="0" * 64, text=text,
                   blocks=(Block("paragraph", text, lang="zh", start=0, end=len(text), label_end=3),),
                   metadata=Metadata(title="访谈", languages=("zh",)))
    html = _html(doc)
    assert "<strong>主持人</strong>：各位好。" in html


def test_a_label_is_escaped_like_any_source_text():
    text = "*A*: [x](javascript:alert(1)) said"
    doc = Document(id="s1", file="s1.txt", format="text", content_hash="0" * 64, text=text,
                   blocks=(Block("paragraph", text, start=0, end=len(text), label_end=3),),
                   metadata=Metadata(title="T", languages=("en",)))
    html = _html(doc)
    assert "<em>" not in html and 'href="javascript' not in html
