"""Cleaning rule: very long blocks are cut into paragraphs of bounded length.

Later stages work block by block, and some of their steps cost more than
linear time in a block's length: Python-Markdown's inline processing (MkDocs
renders every page with it) rebuilds a paragraph's string for every escaped
character, and entity extraction reads a mention's whole line for every
mention. A scraped page with no line breaks, a million characters long,
would stall the build. Cutting keeps every character and only adds paragraph
breaks: at the last sentence end before the limit, else at the last space,
else (one endless word) at the limit itself.
"""
from __future__ import annotations

import re
import unicodedata

from ..model import PARAGRAPH, TABLE
from .assemble import CELL_SEPARATOR
from .state import CleanState, Line

MAX_BLOCK_CHARS = 3000
# A cut point is only taken in the second half of the window, so pieces stay
# at least half the limit long.
_MIN_PIECE = MAX_BLOCK_CHARS // 2
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|[。！？；][」』”’）]*")
_SPACE = re.compile(r"\s+")


def _units(line: Line) -> tuple[str, ...]:
    """The texts a block is rendered from: its text, list/Q&A items or table rows."""
    if line.kind == TABLE:
        return tuple(CELL_SEPARATOR.join(row) for row in line.rows)
    if line.items:
        return line.items
    return (line.text,)


def _cut_point(window: str) -> int:
    """Where to end the next piece inside ``window`` (len == MAX_BLOCK_CHARS + 1)."""
    last = None
    for last in _SENTENCE_END.finditer(window, _MIN_PIECE):
        pass
    if last is not None and last.end() < len(window):
        return last.end()
    spaces = [m.start() for m in _SPACE.finditer(window, _MIN_PIECE)]
    if spaces:
        return spaces[-1]
    cut = MAX_BLOCK_CHARS
    # Never separate a combining mark from its letter.
    while cut > _MIN_PIECE and unicodedata.combining(window[cut]):
        cut -= 1
    return cut


def pieces(text: str) -> list[str]:
    """``text`` cut into pieces of at most MAX_BLOCK_CHARS characters."""
    out: list[str] = []
    start = 0
    text = text.strip()
    while len(text) - start > MAX_BLOCK_CHARS:
        cut = start + _cut_point(text[start:start + MAX_BLOCK_CHARS + 1])
        piece = text[start:cut].strip()
        if piece:
            out.append(piece)
        start = cut
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def split_long_blocks(state: CleanState) -> None:
    """Blocks with a unit over MAX_BLOCK_CHARS become paragraphs of bounded length."""
    out: list[Line] = []
    cut = 0
    for line in state.lines:
        units = _units(line)
        if max(map(len, units), default=0) <= MAX_BLOCK_CHARS:
            out.append(line)
            continue
        cut += 1
        out.extend(Line(text=piece, kind=PARAGRAPH, lang=line.lang)
                   for unit in units for piece in pieces(unit))
    if cut:
        state.drop("long-block", f"{cut} block(s) longer than {MAX_BLOCK_CHARS} characters cut into paragraphs")
        state.lines = out


RULES: tuple = (split_long_blocks,)
