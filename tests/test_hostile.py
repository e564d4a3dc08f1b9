"""Hostile and broken files: good ones published, bad ones reported, nothing active."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from tests.conftest import GOOD

def test_good_files_published_bad_files_reported(hostile_site):
    corpus, _ = hostile_site
    published = {s["file"] for s in corpus["sources"]}
    assert set(GOOD) | {"utf16.txt", "invalid-utf8.txt"} <= published
    skipped = {s["file"]: s["reason"] for s in corpus["skipped"]}
    assert set(skipped) == {"empty.txt", "binary.txt", "picture.png"}
    assert all(reason for reason in skipped.values())


def test_report_page_lists_skipped_files(hostile_site):
    _, settings = hostile_site
    report = (settings.site_dir / "report" / "index.html").read_text(encoding="utf-8")
    for name in ("empty.txt", "binary.txt", "picture.png"):
        assert name in report


class _Elements(HTMLParser):
    """Real elements and attributes inside <article> (escaped text is not parsed as tags)."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif self.depth:
            self.found.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1


def test_nothing_from_a_source_is_active_html(hostile_site):
    _, settings = hostile_site
    for page in (settings.site_dir / "sources").rglob("*.html"):
        parser = _Elements()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found, page
        for tag, attrs in parser.found:
            if tag == "script" and attrs.get("type") == "application/ld+json":
                continue  # JSON-LD is data, not code (its escaping is tested in test_jsonld.py)
            assert tag not in ("script", "iframe", "svg", "object", "embed", "style", "form", "base", "meta",
                               "input", "link", "noscript", "math", "frame", "applet"), (page, tag)
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
            for name in ("href", "src"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (page, tag, attrs)


def test_text_survives_as_text(hostile_site):
    corpus, settings = hostile_site
    texts = {s["file"]: s["text"] for s in corpus["sources"]}
    assert "<script>alert('pwned')</script>" in texts["script.txt"]
    assert "{{ config.site_name }}" in texts["template.txt"]
    assert "café" in texts["invalid-utf8.txt"].lower() or "caf" in texts["invalid-utf8.txt"].lower()
    assert "byte order mark" in texts["utf16.txt"]
    page = next(s for s in corpus["sources"] if s["file"] == "frontmatter.md")
    html = (settings.site_dir / page["page"] / "index.html").read_text(encoding="utf-8")
    assert "Injected" in html  # shown as text, not swallowed as front matter
