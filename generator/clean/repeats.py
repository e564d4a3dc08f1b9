"""Cleaning rules: blocks that repeat an earlier block are dropped.

Pages often print a section twice (an FAQ rendered once as text and again as
a collapsible widget, sometimes cut off mid-word by the scraper). A block is
a repeat when every unit of it (its text, or each list item, Q&A part or
table row) equals, after whitespace/case/Q-A-marker normalisation, a unit of
an earlier block of the same language and the same family (text, list,
table); the last block of the document may also be a truncated copy (a
prefix of an earlier unit that stops mid-sentence). Translations are not
repeats (the language differs), nor is a list whose items also make up a
paragraph (the family differs). Headings are never dropped on their own,
only with a section whose whole content repeated. Exact matches use a hash
set, so the pass is linear in the size of the document.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..datafiles import load_yaml

from ..model import HEADING, LIST, QA, TABLE
from .state import CleanState, Line

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "chrome_repeats.yaml"
TERMINAL = re.compile(r"[.!?。！？…\"”'’)）]$")
# Shorter blocks ("Yes", "TL;DR") legitimately recur.
MIN_REPEAT_CHARS = 20
MIN_TRUNCATED_CHARS = 15
MAX_HEADING_WORDS = 8

Key = tuple[str, str, str]   # (language, family, normalised text)


@lru_cache(maxsize=1)
def _marker_re() -> re.Pattern:
    markers = load_yaml(DATA_FILE.read_text(encoding="utf-8"))["qa_markers"]
    alternation = "|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True))
    return re.compile(rf"^(?:{alternation})\s*[:：.]\s*", re.IGNORECASE)


def normalise(text: str) -> str:
    """Compare text modulo width forms, case, spacing and a Q:/A: marker."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"\s+", " ", text).strip()
    return _marker_re().sub("", text, count=1)


def _family(line: Line) -> str:
    if line.kind == LIST:
        return "list"
    if line.kind == TABLE:
        return "table"
    return "text"


def units(line: Line) -> list[Key]:
    """The comparable pieces of a block, keyed by language and family."""
    family = _family(line)
    if line.kind in (LIST, QA) and line.items:
        texts = list(line.items)
    elif line.kind == TABLE and line.rows:
        texts = [" | ".join(row) for row in line.rows]
    else:
        texts = [line.text]
    return [(line.lang, family, n) for n in (normalise(t) for t in texts) if n]


def is_heading_like(line: Line) -> bool:
    if line.kind == HEADING:
        return True
    text = line.text.strip()
    return (line.kind in ("", "paragraph") and len(text.split()) <= MAX_HEADING_WORDS
            and not TERMINAL.search(text))


def _is_truncated_copy(keys: list[Key], seen: set[Key], seen_order: list[Key]) -> bool:
    """All units seen, but the last one a prefix of a seen unit, cut mid-text."""
    *head, last = keys
    if any(k not in seen for k in head):
        return False
    lang, family, text = last
    if len(text) < MIN_TRUNCATED_CHARS or TERMINAL.search(text):
        return False
    return any(k[0] == lang and k[1] == family and len(k[2]) > len(text) and k[2].startswith(text)
               for k in seen_order)


def find_repeats(lines: list[Line]) -> set[int]:
    """Indices of blocks that repeat earlier ones (headings excluded)."""
    seen: set[Key] = set()
    seen_order: list[Key] = []
    content = [i for i, line in enumerate(lines) if not is_heading_like(line)]
    last_content = content[-1] if content else -1
    repeated: set[int] = set()
    for index in content:
        keys = units(lines[index])
        size = sum(len(k[2]) for k in keys)
        if keys and size >= MIN_REPEAT_CHARS and all(k in seen for k in keys):
            repeated.add(index)
            continue
        # Only the very end of a page is cut off by a scraper; checking
        # prefixes there alone keeps the pass linear.
        if index == last_content and keys and _is_truncated_copy(keys, seen, seen_order):
            repeated.add(index)
            continue
        for key in keys:
            if key not in seen:
                seen.add(key)
                seen_order.append(key)
    return repeated


def _orphaned_headings(lines: list[Line], repeated: set[int]) -> set[int]:
    """Headings whose whole section (up to the next heading or the end) repeated."""
    orphans: set[int] = set()
    i = 0
    while i < len(lines):
        if not is_heading_like(lines[i]):
            i += 1
            continue
        start = i
        while i < len(lines) and is_heading_like(lines[i]):
            i += 1
        body_end = i
        while body_end < len(lines) and not is_heading_like(lines[body_end]):
            body_end += 1
        body = range(i, body_end)
        if len(body) and all(j in repeated for j in body):
            orphans.update(range(start, i))
        i = body_end
    return orphans


def drop_repeated_blocks(state: CleanState) -> None:
    """Later copies of earlier blocks (and headings left without content) go."""
    repeated = find_repeats(state.lines)
    if not repeated:
        return
    dead = repeated | _orphaned_headings(state.lines, repeated)
    for index in sorted(dead):
        line = state.lines[index]
        text = "\n".join(line.items) if line.items else line.text
        state.drop("repeated_block" if index in repeated else "repeated_heading", text)
    state.lines = [line for index, line in enumerate(state.lines) if index not in dead]


RULES: tuple = (drop_repeated_blocks,)
