"""Turn an HTML page into its main content as simple Markdown, plus metadata hints.

The reading stage decodes an .html file to a string; ``extract_html`` then finds
the article body with trafilatura (navigation, headers, footers, sidebars,
comments, share bars and code are dropped), walks trafilatura's XML-TEI tree and
writes it as a small Markdown subset (``#`` headings, paragraphs, ``- ``/``1. ``
items, pipe tables, ``> `` quotes) with no raw HTML, images or link syntax. The
page's own metadata (``<meta>`` tags, JSON-LD, ``<html lang>``) becomes sorted
``hints``; a date is only reported when the metadata states it absolutely. The
function never raises: any failure, or an empty extraction, falls back to the
plain text of ``<body>`` with code-bearing elements removed.
"""
from __future__ import annotations

import html as html_module
import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .datafiles import load_yaml
from lxml import etree, html as lxml_html

# Larger pages are cut before parsing so that extraction time stays bounded.
MAX_HTML_CHARS = 12_000_000
# trafilatura's time grows with the markup left once code is removed: past the
# first size it runs once instead of twice, past the second it is skipped and
# the body text (minus navigation and other chrome) is used instead.
# (News pages rarely keep more than 200,000 characters once code is removed.)
SINGLE_PASS_CHARS = 600_000
NO_EXTRACTOR_CHARS = 1_500_000
# Raw pages up to this size go to the extractor whole; larger ones without code.
RAW_EXTRACTOR_CHARS = 2_000_000
# Trees deeper than this are written as flat text rather than walked recursively.
MAX_DEPTH = 60
# A table cell longer than this holds prose, so the table is page layout, not data.
LAYOUT_CELL_CHARS = 250
# A precision-mode extraction shorter than this share of the balanced one is
# assumed to have missed the article (see ``_main_text``).
PRECISION_KEEP_RATIO = 0.2
# Elements whose content is code or chrome, never prose, in the fallback text.
CODE_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "math",
             "object", "embed", "canvas", "form", "button", "select", "textarea",
             "input", "nav", "head", "title", "meta", "link")
# Page chrome, also dropped from the fallback text when the extractor is skipped.
CHROME_TAGS = ("header", "footer", "aside", "menu", "dialog")
# Elements whose whole content is code, removed textually before any parsing.
# Browsers read an unclosed raw-text element (script, style...) to the end of
# the page, so an unclosed one swallows the rest; the others only lose their tag.
CODE_OPEN_RE = re.compile(
    r"<!--|<(script|style|noscript|template|textarea|iframe|svg|math|object)\b", re.IGNORECASE)
RAW_TEXT_TAGS = frozenset(("script", "style", "noscript", "template", "textarea", "iframe"))
BLOCK_BOUNDARY_RE = re.compile(
    r"</?(?:p|div|section|article|main|header|footer|aside|li|ul|ol|dl|dt|dd|table|tr|"
    r"blockquote|pre|figure|figcaption|h[1-6]|br|hr|address)\b[^<>]*>", re.IGNORECASE)
# trafilatura XML elements that sit inside a line of text rather than start a block.
INLINE_TAGS = frozenset(("hi", "ref", "del", "span", "abbr", "sub", "sup"))
# HTML elements that sit inside a word run: the fallback text glues them to their neighbours.
HTML_INLINE_TAGS = frozenset((
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    "ins", "del", "label", "ruby", "rt", "rp", "wbr"))
# Block-level tags: in the fallback text each one starts a new paragraph.
BLOCK_TAGS = frozenset((
    "p", "div", "section", "article", "main", "header", "footer", "aside", "li",
    "ul", "ol", "dl", "dt", "dd", "table", "tr", "blockquote", "pre", "figure",
    "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "address"))
TAG_RE = re.compile(r"<!--[^<>]*-->|</?[A-Za-z][^<>]*>")
# Bracket contents exclude "[" so that a run of brackets cannot make matching quadratic.
IMAGE_RE = re.compile(r"!\[([^\[\]\n]*)\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)")
LINK_RE = re.compile(r"\[([^\[\]\n]+)\]\([^()\s]+(?:\s+\"[^\"\n]*\")?\)")
SPACE_RE = re.compile(r"[ \t\r\f\v\u00a0\u200b\ufeff]+")
# Author values that are links, file names or e-mail addresses, not people.
NOT_A_NAME_RE = re.compile(r"^\s*(?:https?:|/)|\.\w{2,4}\s*$|@")
FACTS_FILE = Path(__file__).resolve().parent / "data" / "facts.yaml"
DATE_RE = re.compile(r"^\s*(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:$|[T\s_]|\b)")


@dataclass(frozen=True)
class HtmlExtract:
    """Main content of one HTML page and what its metadata says about it."""

    text: str                                   # simple Markdown, see module docstring
    hints: tuple[tuple[str, str], ...] = ()     # sorted (key, value) pairs


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """Main content of ``html`` as Markdown, with metadata hints; never raises."""
    html = _sanitise_input(html)
    if not html.strip():
        return HtmlExtract("", _url_hint(url))
    markup = _without_code(html)
    tree = _parse(html)
    hints = _safe_hints(tree, url)
    text = ""
    if len(markup) <= NO_EXTRACTOR_CHARS:
        # Big pages are mostly inline scripts and data: give the extractor less to parse.
        source = html if len(html) <= RAW_EXTRACTOR_CHARS else markup
        text = _safe_main_text(source, url, twice=len(markup) <= SINGLE_PASS_CHARS)
    if not text:
        text = _fallback_text(tree, markup, drop_chrome=len(markup) > NO_EXTRACTOR_CHARS)
    elif tree is not None:
        lead = _safe_lead(tree, text)
        if lead:
            text = f"{lead}\n\n{text}"
    return HtmlExtract(text, hints)


# ---------------------------------------------------------------- input / parsing

def _sanitise_input(html: object) -> str:
    """A str without the characters lxml rejects, cut to a bounded size."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not isinstance(html, str):
        return ""
    html = html[:MAX_HTML_CHARS]
    # lxml refuses NUL and most C0 controls; they carry no text anyway.
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", " ", html)


def _without_code(html: str) -> str:
    """The page with comments and code-only elements cut out, in linear time."""
    kept, position = [], 0
    unclosed: set[str] = set()   # names with no closer left: never search for them again
    while True:
        match = CODE_OPEN_RE.search(html, position)
        if not match:
            kept.append(html[position:])
            break
        kept.append(html[position:match.start()])
        name = (match.group(1) or "").lower()
        end = -1 if name in unclosed else _closer_end(html, name, match.end())
        if end < 0:
            if not name or name in RAW_TEXT_TAGS:
                break
            unclosed.add(name)
            tag_end = html.find(">", match.end())
            position = len(html) if tag_end < 0 else tag_end + 1
            continue
        position = end
        kept.append(" ")
    return "".join(kept)


def _closer_end(html: str, name: str, start: int) -> int:
    """Index just past the comment end or ``</name ...>`` after ``start``; -1 if none."""
    if not name:
        end = html.find("-->", start)
        return -1 if end < 0 else end + 3
    closer = re.compile(rf"</{name}\b[^<>]*>?", re.IGNORECASE).search(html, start)
    return -1 if closer is None else closer.end()


def _parse(html: str):
    """lxml tree of the page, or None when even lxml gives up."""
    try:
        # huge_tree lifts libxml2's text-node size limit (not a risk for HTML parsing).
        parser = lxml_html.HTMLParser(recover=True, huge_tree=True, remove_comments=True)
        return lxml_html.document_fromstring(html, parser=parser)
    except (etree.LxmlError, ValueError, RecursionError, MemoryError):
        return None


# ---------------------------------------------------------------- main content

def _safe_main_text(html: str, url: str | None, twice: bool) -> str:
    if not twice:
        return _safe_pass(html, url, favor_precision=False)
    return _main_text(html, url)


def _safe_pass(html: str, url: str | None, favor_precision: bool) -> str:
    try:
        return _trafilatura_markdown(html, url, favor_precision)
    except Exception:  # noqa: BLE001 - a broken page must still yield its fallback text
        return ""


def _main_text(html: str, url: str | None) -> str:
    """Precision-first extraction, unless it kept only a sliver of the balanced one.

    trafilatura's precision mode drops more related-links and teaser blocks, but
    on some layouts it locks onto a small box and loses the article; a much
    shorter result than the balanced mode's is taken as that failure.
    """
    precise = _safe_pass(html, url, favor_precision=True)
    balanced = _safe_pass(html, url, favor_precision=False)
    if len(precise) >= PRECISION_KEEP_RATIO * len(balanced):
        return precise
    return balanced


def _trafilatura_markdown(html: str, url: str | None, favor_precision: bool) -> str:
    # Imported here: it takes most of a second, and corpora without HTML never need it.
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, favor_precision=favor_precision, include_comments=False,
        include_tables=True, include_images=False, include_formatting=True,
        include_links=False, with_metadata=False)
    body = getattr(document, "body", None)
    if body is None:
        return ""
    return _finish(_blocks_to_markdown(body))


def _blocks_to_markdown(body) -> str:
    blocks = list(_element_blocks(body, depth=0, list_depth=0))
    return "\n\n".join(block for block in blocks if block.strip())


def _element_blocks(element, depth: int, list_depth: int) -> Iterator[str]:
    """Markdown blocks for the content of one trafilatura XML element.

    Loose text and inline children between block children form paragraphs, so
    ``text <hi>bold</hi> text`` directly inside a cell or quote stays one sentence.
    """
    pending = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            pass
        elif child.tag == "lb":
            pending.append("\n")
        elif child.tag in INLINE_TAGS:
            pending.append(_text_with_breaks(child))
        elif child.tag != "graphic":
            yield from _pending_paragraphs(pending)
            pending = []
            yield from _child_blocks(child, depth + 1, list_depth)
        pending.append(child.tail or "")
    yield from _pending_paragraphs(pending)


def _pending_paragraphs(parts: list[str]) -> Iterator[str]:
    """Paragraphs of collected inline text, split where the source had line breaks."""
    for part in "".join(parts).split("\n"):
        part = _inline(part)
        if part:
            yield _escape_block_start(part)


def _child_blocks(child, depth: int, list_depth: int) -> Iterator[str]:
    tag = child.tag
    if depth > MAX_DEPTH:
        yield _flat_text(child)
    elif tag == "head":
        yield from _heading(child)
    elif tag == "list":
        yield "\n".join(_list_lines(child, depth, list_depth))
    elif tag == "table" and _is_layout_table(child):
        yield from _layout_table_blocks(child, depth, list_depth)
    elif tag == "table":
        yield _table(child)
    elif tag == "quote":
        yield _quote(child, depth, list_depth)
    elif tag in ("p", "code", "item", "cell"):
        yield from _paragraphs(child)
    else:
        yield from _element_blocks(child, depth, list_depth)


def _heading(element) -> Iterator[str]:
    text = _flat_text(element)
    if not text:
        return
    match = re.search(r"\d", element.get("rend", "") or "")
    level = min(int(match.group()) if match else 2, 3)
    yield "#" * max(level, 1) + " " + text


def _paragraphs(element) -> Iterator[str]:
    """A paragraph, split where the source had line breaks (as trafilatura does)."""
    yield from _pending_paragraphs([_text_with_breaks(element)])


def _list_lines(element, depth: int, list_depth: int) -> Iterator[str]:
    ordered = (element.get("rend") or "").lower() in ("ol", "ordered")
    indent = "  " * min(list_depth, 6)
    number = 0
    for item in element:
        if not isinstance(item.tag, str) or item.tag != "item":
            continue
        number += 1
        nested = [sub for sub in item if isinstance(sub.tag, str) and sub.tag == "list"]
        text = _inline(_text_outside(item, nested))
        if text:
            marker = f"{number}. " if ordered else "- "
            yield indent + marker + text
        for sub in nested:
            if depth + 1 > MAX_DEPTH:
                yield indent + "  - " + _flat_text(sub)
            else:
                yield from _list_lines(sub, depth + 1, list_depth + 1)


def _table(element) -> str:
    rows = []
    for row in element.iter("row"):
        cells = [_cell_text(cell) for cell in row if isinstance(cell.tag, str) and cell.tag == "cell"]
        if any(cells):
            rows.append(cells)
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines)


def _is_layout_table(element) -> bool:
    """A table used for page layout: a single row, or prose-length cells."""
    rows = [row for row in element.iter("row")]
    cells = [cell for row in rows for cell in row if isinstance(cell.tag, str)]
    if len(rows) < 2 and len(cells) > 0:
        return True
    return any(len(_cell_text(cell)) > LAYOUT_CELL_CHARS for cell in cells)


def _layout_table_blocks(element, depth: int, list_depth: int) -> Iterator[str]:
    for cell in element.iter("cell"):
        yield from _element_blocks(cell, depth + 1, list_depth)


def _cell_text(cell) -> str:
    # Nested tables in a cell are flattened: a pipe table cannot hold them.
    return _inline(_joined_text(cell)).replace("|", "/")


def _quote(element, depth: int, list_depth: int) -> str:
    inner = list(_element_blocks(element, depth, list_depth))
    if not inner and element.text:
        inner = [_inline(element.text)]
    lines = []
    for block in inner:
        if lines:
            lines.append(">")
        lines.extend("> " + line if line else ">" for line in block.split("\n"))
    return "\n".join(lines)


def _text_with_breaks(element) -> str:
    """Text of an element, with a newline for each ``<lb/>``."""
    parts = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            parts.append("\n" if node.tag == "lb" else node.text or "")
        elif node is not element:
            parts.append(node.tail or "")
    return "".join(parts)


def _text_outside(element, skipped: list) -> str:
    """Text of ``element`` excluding the subtrees in ``skipped`` (their tails kept)."""
    parts = [element.text or ""]
    for child in element:
        if child not in skipped and isinstance(child.tag, str):
            parts.append(_joined_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _flat_text(element) -> str:
    return _inline(_joined_text(element))


def _joined_text(element) -> str:
    """All text of an element: inline children glued, block children spaced apart."""
    parts = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        spacer = "" if node.tag in INLINE_TAGS else " "
        if event == "start":
            parts.append(spacer + (node.text or ""))
        else:
            parts.append(spacer + (node.tail or "" if node is not element else ""))
    return "".join(parts)


def _inline(text: str) -> str:
    """One line of text: collapsed whitespace, no HTML tags, no link/image syntax."""
    if "<" in text:
        text = TAG_RE.sub(" ", text)
    if "](" in text:
        text = LINK_RE.sub(r"\1", IMAGE_RE.sub(r"\1", text))
    return SPACE_RE.sub(" ", text.replace("\n", " ")).strip()


def _escape_block_start(text: str) -> str:
    """Keep a paragraph that begins with a heading, quote or table marker a paragraph.

    The cleaning stage reads Markdown markers and shows backslashes literally, so
    a decorative marker is dropped rather than escaped. Leading ``- ``/``1. `` stay:
    read as list items they are what the reader saw anyway.
    """
    return re.sub(r"^(?:#{1,6}\s+|(?:>\s?)+|\|\s*)", "", text)


def _finish(text: str) -> str:
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


# ---------------------------------------------------------------- fallback text

def _fallback_text(tree, markup: str, drop_chrome: bool) -> str:
    """Plain body text when the extractor found nothing (or was skipped).

    The parsed tree gives the text by paragraph; libxml2 silently truncates very
    deep trees, so a tag-stripped reading of the markup wins when it is much longer.
    """
    from_tree = _tree_text(tree, drop_chrome)
    from_markup = _markup_text(markup)
    if len(from_markup) > 2 * len(from_tree) + 200:
        return from_markup
    return from_tree or from_markup


def _tree_text(tree, drop_chrome: bool) -> str:
    if tree is None:
        return ""
    try:
        body = tree.find("body")
        root = body if body is not None else tree
        etree.strip_elements(root, *CODE_TAGS, with_tail=False)
        if drop_chrome:
            etree.strip_elements(root, *CHROME_TAGS, with_tail=False)
        return _finish("\n\n".join(_fallback_paragraphs(root)))
    except Exception:  # noqa: BLE001 - last resort must not raise either
        return ""


def _markup_text(markup: str) -> str:
    """Text of the markup by regex alone: works whatever the nesting depth."""
    try:
        body = re.split(r"<body\b[^>]*>", markup, maxsplit=1, flags=re.IGNORECASE)[-1]
        body = BLOCK_BOUNDARY_RE.sub("\n\n", body)
        body = TAG_RE.sub(" ", body)
        body = body[:body.rfind("<")] if body.rfind("<") > body.rfind(">") else body
        body = html_module.unescape(body)
        paragraphs = (_inline(part) for part in re.split(r"\n\s*\n", body))
        return _finish("\n\n".join(_escape_block_start(p) for p in paragraphs if p))
    except Exception:  # noqa: BLE001 - last resort must not raise either
        return ""


def _fallback_paragraphs(root) -> Iterator[str]:
    # iterwalk is iterative, so a 10,000-level tree cannot exhaust the stack.
    current: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in BLOCK_TAGS:
            paragraph = _inline("".join(current))
            current = []
            if paragraph:
                yield _escape_block_start(paragraph)
        elif tag not in HTML_INLINE_TAGS:
            current.append(" ")   # table cells and the like separate words
        if event == "start" and element.text and tag:
            current.append(element.text)
        if event == "end" and element.tail and element is not root:
            current.append(element.tail)
    paragraph = _inline("".join(current))
    if paragraph:
        yield _escape_block_start(paragraph)


# ---------------------------------------------------------------- metadata hints

def _url_hint(url: str | None) -> tuple[tuple[str, str], ...]:
    return (("url", url),) if url and url.strip() else ()


def _safe_hints(tree, url: str | None) -> tuple[tuple[str, str], ...]:
    try:
        return _hints(tree, url)
    except Exception:  # noqa: BLE001 - metadata is optional; the text matters more
        return _url_hint(url)


def _hints(tree, url: str | None) -> tuple[tuple[str, str], ...]:
    if tree is None:
        return _url_hint(url)
    meta = _meta_values(tree)
    ld = _json_ld_values(tree)
    microdata = _microdata_values(tree)
    title = _first(meta, "og:title", "twitter:title", "dc.title") or ld.get("title")
    site = ""
    if not title:
        title, site = _split_title_tag(_title_tag(tree), _headline(tree))
    found = {
        "title": title,
        "author": _authors(meta, ld, microdata),
        "published": _first_date(meta, ld, microdata),
        "publisher": _publisher(meta, ld) or publisher_name(site),
        "url": (url or "").strip() or _canonical_url(tree, meta),
        "lang": _language(tree, meta),
        "description": _first(meta, "og:description", "description", "twitter:description",
                              "dc.description") or ld.get("description"),
        "tags": _tags(meta, ld),
        "byline": _byline_text(tree),
        "dateline": _dateline_text(tree),
        "source_note": _class_text(tree, "source_note_classes"),
    }
    return tuple(sorted((key, _inline(value)) for key, value in found.items()
                        if value and _inline(value)))


def _publisher(meta: dict[str, list[str]], ld: dict) -> str:
    """The first site name that names a publisher (see ``publisher_name``).
    A site name that is the JSON-LD publisher plus an edition word
    ("Harbour Post Digital", "…デジタル", "… Online") gives the publisher."""
    organisation = publisher_name(ld.get("publisher") or "")
    for key in ("og:site_name", "application-name", "dc.publisher"):
        for value in meta.get(key, ()):
            name = publisher_name(value)
            if name:
                if organisation and len(organisation) < len(name) \
                        and name.casefold().startswith(organisation.casefold()):
                    return organisation
                return name
    return organisation


# "Name | tagline", "Name - international": a name and what the page adds to it.
_SITE_NAME_PARTS = re.compile(r"\s+[|·•–—-]\s+|\s*｜\s*")
MAX_SECTION_PART_WORDS = 3


def publisher_name(value: str) -> str:
    """A site-name hint as a publisher's name, "" when it names none.

    "@handle" (a social handle) -> "handle"; "https://www.example.org/" ->
    "example.org"; "Name | Tagline" -> "Name"; a list of sections
    ("Racing | F1 | Rally | Touring") or a label of the publishing system
    ("Hosted", "Home") -> "".
    """
    value = " ".join((value or "").split())
    if not value:
        return ""
    url = re.fullmatch(r"(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/?", value, flags=re.IGNORECASE)
    if url and ("://" in value or value.lower().startswith("www.")):
        value = url.group(1)
    handle = re.fullmatch(r"@(\w[\w.]{0,40})", value)
    if handle:
        value = handle.group(1)
    parts = [part.strip() for part in _SITE_NAME_PARTS.split(value) if part.strip()]
    if len(parts) >= 3 and all(len(part.split()) <= MAX_SECTION_PART_WORDS for part in parts):
        return ""         # a row of sections, no name
    if len(parts) >= 2:
        named = [part for part in parts if part.casefold() not in _not_publisher_names()]
        value = named[0] if named else ""
    return "" if value.casefold() in _not_publisher_names() else value


@lru_cache(maxsize=1)
def _not_publisher_names() -> frozenset[str]:
    try:
        with FACTS_FILE.open(encoding="utf-8") as handle:
            data = load_yaml(handle) or {}
    except (OSError, yaml.YAMLError):
        return frozenset()
    return frozenset(str(item).casefold() for item in data.get("not_publisher_names", ()) if item)


def _meta_values(tree) -> dict[str, list[str]]:
    """``<meta>`` contents by lowercased name/property/itemprop, in page order."""
    values: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        content = (element.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (element.get(attr) or "").strip().lower()
            if key:
                values.setdefault(key, []).append(content)
    return values


def _microdata_values(tree) -> dict[str, list[str]]:
    """Authors and publication dates marked up in the body (microdata, rel=author, <time pubdate>)."""
    found: dict[str, list[str]] = {"author": [], "published": []}
    for element in tree.xpath('//*[@itemprop="author"] | //a[@rel="author"]')[:20]:
        names = element.xpath('.//*[@itemprop="name"]')
        node = names[0] if names else element
        text = node.get("content") or node.text_content()
        if text and len(text) < 100:
            found["author"].append(text)
    for element in tree.xpath('//*[@itemprop="datePublished"] | //time[@pubdate]')[:20]:
        value = element.get("datetime") or element.get("content") or ""
        if value:
            found["published"].append(value)
    return found


def _first(meta: dict[str, list[str]], *keys: str) -> str:
    for key in keys:
        for value in meta.get(key, ()):
            if value.strip():
                return value.strip()
    return ""


# The page's own headline and what it says about a "Headline | Site" <title>.
MAX_SITE_WORDS = 6
_OUTSIDE_CHROME = "not(ancestor::header or ancestor::footer or ancestor::nav or ancestor::aside)"


def _headline(tree) -> str:
    """Text of the first <h1> of the body outside header, footer, navigation and sidebars."""
    for element in tree.xpath(f"//body//h1[{_OUTSIDE_CHROME}]")[:1]:
        return _inline(element.text_content())
    return ""


# A <title> may also join headline and site with an unspaced underscore
# ("Headline_Site", common on CJK portals); the <h1> says which part is which.
_TITLE_TAG_PARTS = re.compile(r"\s+[|·•–—-]\s+|\s*[｜_]\s*")


def _split_title_tag(title: str, headline: str) -> tuple[str, str]:
    """"Headline | Site" -> ("Headline", "Site") when the page's <h1> is the
    headline part (the other part, a short name, is then the site); the
    title unchanged and no site otherwise ("A - B" alone does not say which
    part is the site)."""
    if not title or not headline:
        return title, ""
    key = headline.casefold()
    for separator in _TITLE_TAG_PARTS.finditer(title):
        head, tail = title[:separator.start()].strip(), title[separator.end():].strip()
        for part, site in ((head, tail), (tail, head)):
            # The site's name is the shorter part (an <h1> that is the logo is no headline).
            if part.casefold() == key and site and len(site.split()) <= MAX_SITE_WORDS \
                    and len(site) < len(part) and not _SITE_NAME_PARTS.search(site):
                return part, site
    return title, ""


def _title_tag(tree) -> str:
    title = tree.find(".//title")
    return _inline(title.text_content()) if title is not None else ""


def _canonical_url(tree, meta: dict[str, list[str]]) -> str:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = (link.get("href") or "").strip()
            if href.startswith(("http://", "https://")):
                return href
    value = _first(meta, "og:url")
    return value if value.startswith(("http://", "https://")) else ""


def _language(tree, meta: dict[str, list[str]]) -> str:
    raw = (tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
           or _first(meta, "content-language", "og:locale", "language", "dc.language"))
    match = re.match(r"\s*([A-Za-z]{2,3})(?:$|[-_,;\s])", raw or "")
    return match.group(1).lower() if match else ""


def _authors(meta: dict[str, list[str]], ld: dict, microdata: dict[str, list[str]]) -> str:
    meta_names = [value for key in ("author", "article:author", "dc.creator", "byl",
                                    "parsely-author", "sailthru.author")
                  for value in meta.get(key, ())]
    for names in (meta_names, ld.get("authors", []), microdata.get("author", [])):
        kept = [_strip_byline_prefix(name) for name in names
                if isinstance(name, str) and not NOT_A_NAME_RE.search(name)]
        kept = _unique(kept)
        if kept:
            return "; ".join(kept)
    return ""


# A byline element is a line, not a biography.
MAX_BYLINE_CHARS = 200


def _byline_text(tree) -> str:
    """The text of the page's byline element (class "byline" and the like,
    from the facts vocabulary), which the extractor drops as metadata; the
    cleaning stage reads names and a date from it."""
    classes = _byline_classes()
    if not classes:
        return ""
    # One pass over the page for every byline class (not a commenter's name
    # in a comment thread), then the classes in their order of preference.
    tests = " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')" for name in classes)
    found = tree.xpath(f"//body//*[@class and ({tests})"
                       " and not(ancestor::*[contains(@class, 'comment') or contains(@id, 'comment')])]")
    for name in classes:
        matching = [element for element in found if name in (element.get("class") or "").split()]
        for element in matching[:3]:
            # A byline box of several lines (names, then a date line): its first line.
            first = next((child for child in element if child.tag in ("p", "div")
                          and _inline(child.text_content())), None)
            text = _inline((first if first is not None else element).text_content())
            if text and len(text) <= MAX_BYLINE_CHARS:
                return text
    return ""


@lru_cache(maxsize=1)
def _byline_classes() -> tuple[str, ...]:
    """HTML class names of byline elements, from the shared facts vocabulary."""
    return _class_names("byline_classes")


@lru_cache(maxsize=None)
def _class_names(key: str) -> tuple[str, ...]:
    """HTML class names listed under ``key`` in the shared facts vocabulary."""
    try:
        with FACTS_FILE.open(encoding="utf-8") as handle:
            data = load_yaml(handle) or {}
    except (OSError, yaml.YAMLError):
        return ()
    return tuple(str(item) for item in data.get(key, ()) if re.fullmatch(r"[\w-]+", str(item)))


@lru_cache(maxsize=None)
def _class_xpath(key: str, tags: str = "*") -> str:
    """One XPath for the body elements with any class of ``key`` (a whole
    class token), outside header, footer, navigation and sidebars."""
    names = _class_names(key)
    if not names:
        return ""
    tests = " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')" for name in names)
    return f"//body//{tags}[@class and ({tests}) and {_OUTSIDE_CHROME}]"


# A source box of an aggregator: a few sentences.
MAX_SOURCE_NOTE_CHARS = 400


def _class_text(tree, key: str) -> str:
    """Text of the first element with a class of ``key`` (short)."""
    xpath = _class_xpath(key)
    for element in (tree.xpath(xpath)[:2] if xpath else ()):
        text = _inline(element.text_content())
        if text and len(text) <= MAX_SOURCE_NOTE_CHARS:
            return text
    return ""


# A date element ("<span class=date>", "<time>" without a datetime) is one short line.
MAX_DATELINE_CHARS = 160
_HAS_DATE_DIGITS = re.compile(r"\d{1,4}\s*[-/.年년]\s*\d{1,2}|\d{1,2}\.?\s+[^\W\d_]{3,}\.?,?\s+\d{4}|[^\W\d_]{3,}\.?\s+\d{1,2},?\s+\d{4}")


def _dateline_text(tree) -> str:
    """The text of the page's first date element (class "date" and the like,
    from the facts vocabulary, or a <time> element): the extractor drops it
    as metadata; the cleaning stage reads a date from it when the metadata
    states none."""
    xpath = _class_xpath("date_classes")
    candidates = tree.xpath(xpath)[:5] if xpath else []
    candidates += tree.xpath(f"//body//time[{_OUTSIDE_CHROME}]")[:3]
    for element in candidates:
        text = _inline(element.text_content())
        if text and len(text) <= MAX_DATELINE_CHARS and _HAS_DATE_DIGITS.search(text):
            return text
    return ""


# A lead (standfirst) outside the article element: a sentence or a few.
MIN_LEAD_CHARS, MAX_LEAD_CHARS = 40, 800
LEAD_TAGS = "*[self::p or self::div or self::h2 or self::h3 or self::span or self::section]"


def _safe_lead(tree, text: str) -> str:
    try:
        return _lead_text(tree, text)
    except Exception:  # noqa: BLE001 - the lead is optional; the text matters more
        return ""


def _lead_text(tree, text: str) -> str:
    """The page's lead paragraph (class "sapo", "lead", "standfirst" and the
    like, from the facts vocabulary) when the extractor left it out of the
    main text: a bold standfirst is often written just before the article
    element. Not a lead inside a list, a link or a later part of the page."""
    xpath = _class_xpath("lead_classes", LEAD_TAGS)
    if not xpath:
        return ""
    flat = _comparable(text)
    for element in tree.xpath(xpath)[:3]:
        if element.xpath("ancestor::li or ancestor::a or ancestor::ul or ancestor::ol"):
            continue
        lead = _inline(element.text_content())
        if not MIN_LEAD_CHARS <= len(lead) <= MAX_LEAD_CHARS:
            continue
        if _comparable(lead)[:60] in flat:
            return ""
        if tree.xpath("//body//article") and not element.xpath("following::article or ancestor::article"):
            continue
        return _escape_block_start(lead)
    return ""


def _comparable(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _strip_byline_prefix(name: str) -> str:
    """"By Jane Roe" (in any language the facts vocabulary knows) -> "Jane Roe"."""
    for prefix in _byline_prefixes():
        match = re.match(rf"\s*{re.escape(prefix)}[\s:：]+(?=\S)", name, flags=re.IGNORECASE)
        if match:
            return name[match.end():]
    return name


@lru_cache(maxsize=1)
def _byline_prefixes() -> tuple[str, ...]:
    """Byline prefixes from the shared facts vocabulary, longest first."""
    try:
        with FACTS_FILE.open(encoding="utf-8") as handle:
            data = load_yaml(handle) or {}
    except (OSError, yaml.YAMLError):
        return ()
    prefixes = [str(item) for item in data.get("byline_prefixes", ()) if item]
    return tuple(sorted(prefixes, key=lambda item: (-len(item), item)))


def _tags(meta: dict[str, list[str]], ld: dict) -> str:
    tags = list(meta.get("article:tag", ()))
    for key in ("keywords", "news_keywords"):
        for value in meta.get(key, ()):
            tags.extend(value.split(","))
    tags.extend(ld.get("keywords", ()))
    return "; ".join(_unique(tags))


def _unique(values: Iterable[str]) -> list[str]:
    seen, kept = set(), []
    for value in values:
        value = _inline(value)
        if value and value.lower() not in seen:
            seen.add(value.lower())
            kept.append(value)
    return kept


def _first_date(meta: dict[str, list[str]], ld: dict, microdata: dict[str, list[str]]) -> str:
    keys = ("article:published_time", "og:published_time", "datepublished", "published_time",
            "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued",
            "dcterms.issued", "dc.date", "dcterms.created", "date", "parsely-pub-date",
            "sailthru.date", "article.published", "datecreated")
    candidates = [value for key in keys for value in meta.get(key, ())]
    candidates.extend(ld.get("dates", ()))
    candidates.extend(microdata.get("published", ()))
    for value in candidates:
        date = _absolute_date(value)
        if date:
            return date
    return ""


def _absolute_date(value: str) -> str:
    """YYYY-MM-DD when ``value`` starts with a valid calendar date, else ''."""
    match = DATE_RE.match(value or "")
    if not match:
        return ""
    try:
        return dt.date(*(int(group) for group in match.groups())).isoformat()
    except ValueError:
        return ""


def _json_ld_values(tree) -> dict:
    """title/description/publisher/dates/authors/keywords from JSON-LD article objects."""
    found: dict = {"authors": [], "dates": [], "keywords": []}
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        for item in _ld_objects(data):
            _merge_ld(found, item)
    return found


def _ld_objects(data, limit: int = 200) -> list[dict]:
    """Objects of a JSON-LD document (top level, lists and @graph), breadth first."""
    queue, objects = [data], []
    while queue and len(objects) < limit:
        item = queue.pop(0)
        if isinstance(item, list):
            queue.extend(item)
        elif isinstance(item, dict):
            objects.append(item)
            if isinstance(item.get("@graph"), list):
                queue.extend(item["@graph"])
    return objects


def _merge_ld(found: dict, item: dict) -> None:
    kind = item.get("@type")
    kinds = " ".join(map(str, kind)) if isinstance(kind, list) else str(kind or "")
    if not re.search(r"Article|Posting|Report|Blog|NewsArticle|WebPage", kinds):
        return
    for key, name in (("headline", "title"), ("name", "title"), ("description", "description")):
        if isinstance(item.get(key), str) and name not in found:
            found[name] = item[key]
    for key in ("datePublished", "dateCreated"):
        if isinstance(item.get(key), str):
            found["dates"].append(item[key])
    found["authors"].extend(_ld_names(item.get("author")))
    publisher = _ld_names(item.get("publisher"))
    if publisher and "publisher" not in found:
        found["publisher"] = publisher[0]
    keywords = item.get("keywords")
    if isinstance(keywords, str):
        found["keywords"].extend(keywords.split(","))
    elif isinstance(keywords, list):
        found["keywords"].extend(word for word in keywords if isinstance(word, str))


def _ld_names(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        # Lists of lists are not valid authors; skipping them also bounds the recursion.
        return [name for entry in value[:20] if not isinstance(entry, list)
                for name in _ld_names(entry)]
    return []
