"""The sentence around an offset in a cleaned text, for mention and quote tables."""
from __future__ import annotations

import re

_CANDIDATE_END = re.compile(r"[.!?](?=\s)|[。！？]|\n")
# A period after these is not a sentence end: initials and dotted
# abbreviations (U.S., e.g.), and short title/company abbreviations.
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|\b(?:[A-Za-z]\.)+[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Inc|Corp|Co|Ltd|vs|etc|No|Gen|Gov|Sen|Rep|Dept|Univ|Assn|Bros|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))$")
MAX_CONTEXT = 300
ELLIPSIS = "…"


def _is_end(text: str, pos: int) -> bool:
    if text[pos] in ".":
        return not _ABBREVIATION.search(text, max(0, pos - 12), pos)
    return True


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """(s, e) bounds of the sentence holding text[start:end], at most ~MAX_CONTEXT long.

    When the sentence is longer, the window is cut at word boundaries.
    """
    left = max(0, start - MAX_CONTEXT // 2)
    s = left
    for match in _CANDIDATE_END.finditer(text, left, start):
        if _is_end(text, match.start()):
            s = match.end()
    if s == left and left > 0:
        space = text.find(" ", left, start)
        s = space + 1 if space != -1 else left
    right = min(len(text), end + MAX_CONTEXT // 2)
    e = right
    for match in _CANDIDATE_END.finditer(text, end, right):
        if _is_end(text, match.start()):
            e = match.end() if text[match.start()] != "\n" else match.start()
            break
    else:
        if right < len(text):
            space = text.rfind(" ", end, right)
            e = space if space != -1 else right
    while s < start and text[s].isspace():
        s += 1
    return s, max(e, end)


def context_text(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The context string with ellipses where it was cut, and the span's offsets in it."""
    s, e = sentence_around(text, start, end)
    prefix = ELLIPSIS if s > 0 and text[s - 1] not in "\n.!?。！？ " else ""
    if s > 0 and text[s - 1] == " " and not re.search(r"[.!?。！？]\s*$", text[max(0, s - 3):s]):
        prefix = ELLIPSIS
    suffix = ELLIPSIS if e < len(text) and text[e - 1] not in ".!?。！？" and text[e:e + 1] != "\n" else ""
    return prefix + text[s:e] + suffix, start - s + len(prefix), end - s + len(prefix)
