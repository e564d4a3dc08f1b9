"""The sentence around an offset in a cleaned text, for mention and quote tables."""
from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|(?<=[。！？])|\n")
MAX_CONTEXT = 280


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """(s, e) bounds of the sentence holding text[start:end], at most MAX_CONTEXT long."""
    left = max(0, start - MAX_CONTEXT // 2)
    s = left
    for match in _SENTENCE_END.finditer(text, left, start):
        s = match.end()
    right = min(len(text), end + MAX_CONTEXT // 2)
    match = _SENTENCE_END.search(text, end, right)
    e = match.start() if match else right
    while s < start and text[s].isspace():
        s += 1
    return s, max(e, end)
