"""Property tests on the full path: arbitrary text in a source file goes
through read -> clean -> extract -> link -> render, and the generated pages,
converted to HTML with the Markdown extensions mkdocs.yml enables (the same
Python-Markdown MkDocs uses), hold no element or attribute that came from the
source. Cleaning never raises.
"""
from __future__ import annotations

import json
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import markdown
from hypothesis import HealthCheck, example, given, settings as hsettings, strategies as st
from mkdocs.utils.meta import get_data

from generator.build import process_source
from generator.clean import clean
from generator.link.pipeline import link_corpus
from generator.model import RawText
from generator.progress import Progress
from generator.render import render_pages
from generator.settings import load_settings, read_mkdocs_config
from tests.conftest import ROOT

CONFIG = ROOT / "mkdocs.yml"


# Extensions that only run inside a MkDocs build (they need its link resolver)
# and only mark internal links the generator wrote (data-preview on links to
# entity/claim/source pages); they add nothing that comes from source text.
MKDOCS_ONLY = {"material.extensions.preview"}


def _markdown_from_mkdocs_yml() -> markdown.Markdown:
    names, configs = [], {}
    for entry in read_mkdocs_config(CONFIG).get("markdown_extensions") or []:
        if isinstance(entry, dict):
            (name, config), = entry.items()
            if name in MKDOCS_ONLY:
                continue
            names.append(name)
            configs[name] = config or {}
        else:
            names.append(entry)
    return markdown.Markdown(extensions=names, extension_configs=configs)


MD = _markdown_from_mkdocs_yml()

# Hostile pieces, mixed with arbitrary text by the strategy.
FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)>", "<object data=x>", "<embed src=x>", "<style>*{}</style>",
    "<a href=\"javascript:alert(1)\">x</a>", "[x](javascript:alert(1))", "![i](data:image/png;base64,AA)",
    "<details open ontoggle=alert(1)>", "<form action=x><input>", "<math><mi>x</mi></math>",
    "{{ config.site_name }}", "{% include 'x' %}", "{# c #}", "---\ntitle: Injected\n---\n",
    "\u202e", "\u200b", "\u2066", "\ufeff", "\x07", "\x00", "\u00ad",
    "{: onclick=alert(1) }", "{ #id .cls onmouseover=x }", "--8<-- \"/etc/passwd\"",
    "```python\nimport os\n```\n", "!!! note \"t\"\n    body\n", "=== \"Tab\"\n    body\n", "??? note\n    x\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n", "# Heading\n", "- item\n", "1. item\n", "> quote\n",
    "&lt;script&gt;", "&#x3C;script&#x3E;", "<!-- c -->", "<![CDATA[x]]>", "<http://evil.example/>",
    "[ref]: javascript:alert(1)\n", "[x][ref]", "javascript:", "data:text/html,", "\\", "`", "*", "_",
    "[", "](", "<", ">", "&", "\n", "\n\n", "    ", "\t", "Jane Doe said ", "The Council of Europe ",
    "on Tuesday, ", "2026-05-01 ", "Apple ", "\u0410pple ", "北京市政府表示 ", "。",
]
SOURCE_TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=30).map("".join)
AS_HTML_PAGE = st.sampled_from([None, "<html><head><title>{}</title></head><body><article><p>{}</p></article></body></html>"])

ALLOWED_TAGS = {"p", "a", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody",
                "tr", "th", "td", "strong", "em", "code", "pre", "div", "span", "details", "summary",
                "blockquote", "hr", "br", "input", "label", "script", "img", "sup", "small"}
ALLOWED_ATTRS = {"href", "id", "class", "title", "for", "type", "name", "checked", "data-tabs", "open",
                 "src", "alt", "style", "lang", "data-search-exclude"}
SAFE_URL = re.compile(r"(?:\.\./|\./)*[A-Za-z0-9_\-./]*(?:#[\w\-]*)?")
CLASS_TOKEN = re.compile(r"sb-[a-z0-9-]+|tabbed-[a-z-]+|admonition(?:-title)?|note|info|tip|warning|"
                         r"abstract|example|quote|headerlink|toclink|md-[a-z0-9-]+")


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_startendtag(self, tag, attrs):
        self.found.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data):
        if self._in_script:
            self.script_text.append(data)

    def handle_endtag(self, tag):
        self._in_script = False


def _check_html(html: str, page: str) -> None:
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert tag in ALLOWED_TAGS, (page, tag, attrs)
        assert set(attrs) <= ALLOWED_ATTRS, (page, tag, attrs)
        if tag == "script":
            assert attrs == {"type": "application/ld+json"}, (page, attrs)
        if tag == "input":
            assert attrs.get("type") == "radio" and attrs.get("id", "").startswith("__tabbed_"), (page, attrs)
        if tag == "img":
            assert attrs.get("src", "").endswith(".svg"), (page, attrs)
        if "style" in attrs:
            assert re.fullmatch(r"text-align: (left|right|center);?", attrs["style"]), (page, attrs)
        for name in ("href", "src"):
            if name in attrs:
                assert SAFE_URL.fullmatch(attrs[name]) and not attrs[name].startswith("//"), (page, tag, attrs)
        if "lang" in attrs:
            assert re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", attrs["lang"]), (page, attrs)
        if "id" in attrs:
            assert re.fullmatch(r"[\w\-]+", attrs["id"]), (page, attrs)
        for token in attrs.get("class", "").split():
            assert CLASS_TOKEN.fullmatch(token), (page, tag, attrs)
        if "title" in attrs:
            assert attrs["title"] in ("Permanent link",), (page, attrs)
    for data in parser.script_text:
        json.loads(data)                                 # JSON-LD stays JSON
        assert "<" not in data, (page, data[:200])


SVG_TAGS = {"svg", "g", "rect", "circle", "ellipse", "line", "path", "polyline", "polygon", "text", "tspan",
            "title", "desc", "defs", "pattern", "clipPath", "linearGradient", "stop", "style"}


def _check_svg(svg: str, name: str) -> None:
    root = ElementTree.fromstring(svg)                   # well-formed: text cannot break out
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        assert tag in SVG_TAGS, (name, tag)
        for attr, value in element.attrib.items():
            attr = attr.rsplit("}", 1)[-1]
            assert not attr.lower().startswith("on"), (name, tag, attr)
            if attr == "href":
                assert SAFE_URL.fullmatch(value), (name, tag, value)


def _render_one(raw: bytes, suffix: str) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        path = src / f"source{suffix}"
        path.write_bytes(raw)
        settings = load_settings(CONFIG, sources_dir=src, docs_dir=Path(tmp) / "d", site_dir=Path(tmp) / "s",
                                 quiet=True, run_mkdocs=False)
        work = process_source(path, "source", settings)
        corpus = link_corpus([work], settings, Progress(enabled=False))
        return render_pages(corpus, "Site")


def _check_pages(pages: dict[str, str]) -> None:
    for name, page in pages.items():
        if name.endswith(".svg"):
            _check_svg(page if isinstance(page, str) else page.decode("utf-8"), name)
            continue
        if not name.endswith(".md"):
            continue
        assert "{{" not in page and "{%" not in page, name     # no template syntax survives as such
        body, meta = get_data(page)
        assert set(meta) <= {"hide", "title", "search"}, (name, meta)
        MD.reset()
        _check_html(MD.convert(body), name)


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=SOURCE_TEXT, suffix=st.sampled_from([".txt", ".md", ".html"]), page=AS_HTML_PAGE)
@example(text="??? note\n    x\n", suffix=".txt", page=None)      # a collapsible note, found by Hypothesis
def test_source_text_never_becomes_markup(text, suffix, page):
    if suffix == ".html" and page:
        head, _, rest = text.partition("\n")
        text = page.format(head, rest)
    _check_pages(_render_one(text.encode("utf-8", "surrogatepass"), suffix))


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".html"]))
def test_arbitrary_bytes_never_become_markup(raw, suffix):
    _check_pages(_render_one(raw, suffix))


@hsettings(max_examples=150, deadline=None)
@given(text=st.text(), fmt=st.sampled_from(["text", "markdown", "html"]))
def test_cleaning_never_raises(text, fmt):
    doc = clean(RawText(file="x", text=text, format=fmt, encoding="utf-8", content_hash="0"), "x")
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text


def test_the_checker_catches_markup():
    """The property above is only as good as its checker: source HTML would fail it."""
    for bad in ("<script>alert(1)</script>", '<p onclick="x">a</p>', '<a href="javascript:x">a</a>',
                '<iframe src="x"></iframe>', '<p class="evil">x</p>', '<img src="data:x">'):
        try:
            _check_html(bad, "probe")
        except AssertionError:
            continue
        raise AssertionError(f"checker let {bad!r} through")
    _check_html(MD.convert('Text {: #b1 }\n\n<span id="b2"></span>x'), "probe")
