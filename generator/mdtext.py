"""Markdown escaping: source text in, inert Markdown text out.

Every string that comes from a source passes through ``escape`` before it
reaches a page, so it can never become a link, raw HTML, an attribute list,
a heading, a list, a table cell boundary or template syntax. Markdown that
Sourcebook writes itself is wrapped in ``Md`` so the template layer knows it
is already safe.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .slugs import strip_invisible


class Md(str):
    """Markdown produced by Sourcebook itself (safe to emit unescaped)."""

    __slots__ = ()


# Characters Python-Markdown (with the extensions mkdocs.yml enables) accepts
# after a backslash; anything else would show the backslash.
_ESCAPE_ANYWHERE = re.compile(r"([\\`*_{}\[\]()#+|!])")
# At the start of a block: lists, quotes, setext underlines, definition lists,
# tabs ("=== "), collapsible notes ("??? note") and fences.
_LINE_START = re.compile(r"^(\s*)([-.>=:~?]|\d+[.)])")
_WHITESPACE_RUN = re.compile(r"\s+")
_SAFE_TARGET = re.compile(r"[A-Za-z0-9_\-./#]+")


def escape(text: object) -> Md:
    """Escape one line of untrusted text for use inline in Markdown."""
    if text is None:
        return Md("")
    text = str(text)
    # Pages repeat the same names and claim texts many thousand times; the
    # function is pure, so short texts are escaped once per process.
    return _escape_cached(text) if len(text) <= MAX_CACHED else _escape_text(text)


MAX_CACHED = 500


def _escape_text(text: str) -> Md:
    flat = _WHITESPACE_RUN.sub(" ", strip_invisible(text)).strip()
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _ESCAPE_ANYWHERE.sub(r"\\\1", flat)
    # Jinja-like and mkdocs-macros-like syntax stays visible but never forms
    # a delimiter pair, in case a later plugin evaluates page text.
    flat = flat.replace("{%", "{&#37;").replace("%}", "&#37;}")
    return Md(_escape_line_start(flat))


_escape_cached = lru_cache(maxsize=1 << 16)(_escape_text)


def _escape_line_start(text: str) -> str:
    match = _LINE_START.match(text)
    if not match:
        return text
    lead, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{lead}{marker[:-1]}&#{ord(marker[-1])};{text[match.end():]}"
    return f"{lead}&#{ord(marker)};{text[match.end():]}"


def link(label: object, target: str) -> Md:
    """A link whose target Sourcebook computed (never a source's URL)."""
    if not _SAFE_TARGET.fullmatch(target) or target.startswith(("/", "//")):
        raise ValueError(f"refusing unsafe link target {target!r}")
    return Md(f"[{escape(label)}]({target})")


def annotate(text: str, spans, link_for) -> Md:
    """Escape ``text``, turning the given (start, end, key) spans into links.

    ``link_for(key)`` returns a relative target or None (no link). Spans that
    overlap an earlier one are ignored so the Markdown stays well formed.
    """
    out: list[str] = []
    pos = 0
    for start, end, key in sorted(spans):
        target = link_for(key)
        if start < pos or target is None or end <= start:
            continue
        out.append(_escape_fragment(text[pos:start]))
        out.append(f"[{_escape_fragment(text[start:end])}]({target})")
        pos = end
    out.append(_escape_fragment(text[pos:]))
    return Md(_escape_line_start("".join(out)))


def _escape_fragment(fragment: str) -> str:
    flat = _WHITESPACE_RUN.sub(" ", strip_invisible(fragment))
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _ESCAPE_ANYWHERE.sub(r"\\\1", flat)
    return flat.replace("{%", "{&#37;").replace("%}", "&#37;}")


def nowrap(text: object) -> Md:
    """Escaped text that never breaks across lines (styled by sourcebook.css):
    a narrow table column would otherwise break "2026-11-18" at its hyphens."""
    inner = escape(text)
    return Md(f'<span class="sb-nowrap">{inner}</span>') if inner else inner


_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def language_tag(lang: object) -> str:
    """``lang`` if it is a well-formed BCP 47 language tag (as an HTML lang
    attribute may hold), else "": a source's language code never reaches
    markup unchecked."""
    lang = str(lang or "")
    return lang if _LANGUAGE_TAG.fullmatch(lang) else ""


def in_language(text: Md, lang: object) -> Md:
    """Inline Markdown ``text`` (already escaped) marked as written in ``lang``,
    so browsers pick fitting fonts (Chinese and Japanese share code points but
    not glyph shapes) and screen readers the right voice."""
    tag = language_tag(lang)
    return Md(f'<span lang="{tag}">{text}</span>') if tag and text else text


def highlight(text: str, start: int, end: int) -> Md:
    """Escape ``text`` with ``text[start:end]`` in bold."""
    inner = _escape_fragment(text[start:end]).strip()
    if not inner:
        return Md(_escape_line_start(_escape_fragment(text)))
    return Md(_escape_line_start(
        f"{_escape_fragment(text[:start])}**{inner}**{_escape_fragment(text[end:])}"))
