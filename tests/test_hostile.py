"""Hostile and broken files: good ones published, bad ones reported, nothing active."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from tests.conftest import build_site

GOOD = {
    "script.txt": "A headline about scripts\n\nThe page said <script>alert('pwned')</script> and moved on to other news.\n",
    "jslink.md": "# Links\n\nClick [here](javascript:alert(1)) or <a href=\"javascript:alert(2)\">there</a> for the report.\n",
    "template.txt": "Template text\n\nThe source contains {{ config.site_name }} and {% include 'x' %} as plain words in a sentence.\n",
    "frontmatter.md": "---\ntitle: Injected\nhide: [navigation]\n---\n\nBody text of a page that starts with a front matter fence.\n",
    "attrs.txt": "Attribute list\n\nA paragraph that ends with an attribute list {: onclick=\"alert(3)\" } in it.\n",
    "page.html": "<html><head><title>Evil page</title><script>alert(4)</script></head><body><article><h1>Evil page</h1>"
                 "<p onclick=\"alert(5)\">Body paragraph with enough words to count as the article text of this page.</p>"
                 "<iframe src=\"javascript:alert(6)\"></iframe><svg><script>alert(7)</script></svg>"
                 "<p>Second paragraph with <a href=\"javascript:alert(8)\">a bad link</a> inside the text.</p></article></body></html>",
}
UTF16 = "UTF-16 source\n\nThis file was saved as UTF-16 with a byte order mark, and it reads fine.\n"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    src = tmp / "sources"
    src.mkdir()
    for name, text in GOOD.items():
        (src / name).write_text(text, encoding="utf-8")
    (src / "utf16.txt").write_bytes(UTF16.encode("utf-16"))
    (src / "invalid-utf8.txt").write_bytes("Invalid bytes\n\nCaf\xe9 au lait is a drink that".encode("latin-1") + b"\xff\xfe\x80 served hot.\n")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (src / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    result, settings = build_site(tmp, src)
    corpus = json.loads((settings.site_dir / "data" / "corpus.json").read_text(encoding="utf-8"))
    return corpus, settings


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
            assert tag not in ("script", "iframe", "svg", "object", "embed", "style", "form"), (page, tag)
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
