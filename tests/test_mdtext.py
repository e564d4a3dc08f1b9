"""Markdown escaping: untrusted text renders as the same text, never as markup."""
from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings, strategies as st

from generator.mdtext import Md, annotate, escape, highlight, link

EXTENSIONS = ["tables", "attr_list", "admonition", "toc", "pymdownx.details",
              "pymdownx.superfences", "pymdownx.tabbed"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


@pytest.mark.parametrize("raw", [
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "![i](http://e/x.png)",
    "# heading", "- item", "1. item", "> quote", "| a | b |", "text {: #id onclick=x }",
    "**bold** _it_ `code`", "<http://example.com>", "&lt;b&gt;", "{{ x }} {% y %}",
])
def test_escaped_text_renders_as_itself(raw):
    html = to_html(str(escape(raw)))
    assert html.startswith("<p>") and html.endswith("</p>")
    inner = html[3:-4]
    assert "<" not in inner.replace("&lt;", "")
    from html import unescape
    assert unescape(inner) == raw


def test_link_refuses_unsafe_targets():
    with pytest.raises(ValueError):
        link("x", "javascript:alert(1)")
    with pytest.raises(ValueError):
        link("x", "//evil.example/")
    assert link("a [b]", "../x.md") == "[a \\[b\\]](../x.md)"


def test_annotate_links_only_given_spans():
    out = annotate("Ask Jane Doe [now]", [(4, 12, "jane")], lambda key: f"../e/{key}.md")
    assert out == "Ask [Jane Doe](../e/jane.md) \\[now\\]"
    assert isinstance(out, Md)


def test_highlight_bolds_the_span():
    assert highlight("a *b* c", 2, 5) == "a **\\*b\\*** c"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_becomes_an_element(raw):
    html = to_html(str(escape(raw)))
    tags = {t for t in __import__("re").findall(r"<\s*([a-zA-Z][\w-]*)", html)}
    assert tags <= {"p"}


@given(st.text(max_size=700))
def test_cached_escape_equals_uncached(raw):
    """The per-process cache of escape() never changes its result, for short or long text."""
    from generator.mdtext import _escape_text
    first, second = escape(raw), escape(raw)
    assert first == second == _escape_text(raw)
    assert isinstance(first, type(escape("")))
    assert escape(Md(raw)) == first          # already-Markdown input is still escaped the same way


def test_escape_of_non_strings_uses_their_text():
    assert escape(None) == ""
    assert escape(12) == "12"
    assert escape("x" * 2000) == "x" * 2000


def test_collapsible_note_syntax_at_a_line_start_stays_text():
    from generator.mdtext import annotate, escape
    assert escape("??? note x").startswith("&#63;")
    assert escape("???+ warning").startswith("&#63;")
    assert annotate("??? note x", [], lambda key: None).startswith("&#63;")
    assert escape("Why? Because.") == "Why? Because."
