"""Cleaning rules: title (see clean/__init__).

The title is the first heading-like line at the top of the body (chrome is
already gone), or the ``title`` hint from HTML metadata. A bilingual title,
split by ``languages`` into one line per language, gives one title per
language in ``facts["titles"]``; ``facts["title"]`` is the one in the page's
main language, English when the languages run in parallel. The title lines
leave the body. A one- or two-sentence standfirst right after the title is
copied to ``facts["summary"]`` and stays in the body. A document that opens
with a paragraph of full sentences has no title: none is invented.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..datafiles import load_yaml

from ..model import HEADING, LIST, PARAGRAPH, QA, TABLE
from .state import CleanState, Line
from .structure import dense_chars, digit_heavy, ends_sentence

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "structure.yaml"
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+")
_SENTENCE = re.compile(r"[^.!?。！？]+[.!?。！？]+")
# A language with at least this share of the text, next to English, makes
# the source a parallel translation rather than a page with a few quotes.
PARALLEL_SHARE = 0.3


@lru_cache(maxsize=1)
def _limits() -> dict:
    data = load_yaml(DATA_FILE.read_text(encoding="utf-8"))
    return data.get("title", {})


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def title_like(line: Line, standalone: bool = False) -> bool:
    """A line that can be a title: a short line that is not prose.

    A Markdown "# " heading is a title whatever its punctuation; a plain line
    may end with "?" or "!" only when it stands alone and is one sentence
    (headlines ask questions; prose lines carry several sentences).
    """
    if line.kind in (LIST, TABLE, QA):
        return False
    text = line.text.strip()
    limits = _limits()
    words = len(_LATIN_WORD.findall(text))
    if not text or words > limits.get("max_words", 25) \
            or dense_chars(text) > limits.get("max_dense_chars", 60):
        return False
    if line.kind == HEADING and line.level == 1:
        return True
    if text[-1] in ",;:，；：":
        return False
    if ends_sentence(text):
        return (standalone and text[-1] in "?!？！" and _sentences(text) == 1
                and words <= limits.get("question_max_words", 15))
    return True


def _title_lines(lines: list[Line]) -> list[int]:
    """Indexes of the title line(s): one, or one per language when parallel.

    A leading date or figure line (left for the facts rules) is skipped.
    """
    start = 0
    while start < min(2, len(lines)) and lines[start].kind in ("", PARAGRAPH) \
            and digit_heavy(lines[start].text):
        start += 1
    if len(lines) < start + 2 or not title_like(lines[start], _standalone(lines, start)):
        return []
    picked = [start]
    seen = {lines[start].lang}
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.lang in seen or not title_like(line, _standalone(lines, i)):
            break
        picked.append(i)
        seen.add(line.lang)
    return picked


def _standalone(lines: list[Line], i: int) -> bool:
    """Separated from what follows by a blank line (or a structure change)."""
    return i + 1 >= len(lines) or lines[i + 1].para_start or bool(lines[i + 1].kind
                                                                  not in ("", PARAGRAPH))


def _main_language(lines: list[Line], langs: list[str]) -> str:
    weight: dict[str, int] = {}
    for line in lines:
        weight[line.lang] = weight.get(line.lang, 0) + len(line.text)
    total = sum(weight.values()) or 1
    if "en" in langs and all(weight.get(lang, 0) / total >= PARALLEL_SHARE for lang in langs):
        return "en"
    return max(sorted(langs), key=lambda lang: weight.get(lang, 0))


def _from_hint(state: CleanState) -> bool:
    hint = (state.hints.get("title") or "").strip()
    if not hint:
        return False
    first = state.lines[0] if state.lines else None
    # "Headline | Site name" in <title> and "Headline" on the page: the
    # page's line is the title without the site suffix.
    if first is not None and title_like(first, True) and _norm(first.text) \
            and _norm(hint).startswith(_norm(first.text)):
        hint = first.text.strip()
        state.drop("title", first.text)
        state.lines = state.lines[1:]
    state.facts["title"] = hint
    lang = first.lang if first is not None else ""
    state.facts["titles"] = {lang: hint} if lang else {}
    return True


def extract_title(state: CleanState) -> None:
    """facts["title"] / facts["titles"]; the title lines leave the body."""
    if _from_hint(state):
        return
    picked = _title_lines(state.lines)
    if not picked:
        return
    titles = {state.lines[i].lang: state.lines[i].text.strip() for i in picked}
    main = _main_language(state.lines, sorted(titles))
    state.facts["title"] = titles[main]
    state.facts["titles"] = {lang: t for lang, t in titles.items() if lang}
    for i in picked:
        state.drop("title", state.lines[i].text)
    state.lines = [line for i, line in enumerate(state.lines) if i not in set(picked)]


def _sentences(text: str) -> int:
    return len(_SENTENCE.findall(text.strip() + ("" if ends_sentence(text) else ".")))


def standfirst(state: CleanState) -> None:
    """A short summary paragraph right after the title -> facts["summary"].

    Only when the title was found and the line stands alone (blank lines
    around it): in hard-wrapped text a short first line is often a credit.
    """
    if not state.facts.get("title") or state.facts.get("summary") or len(state.lines) < 2:
        return
    first, nxt = state.lines[0], state.lines[1]
    limits = _limits()
    if first.kind != PARAGRAPH or not first.para_start or not nxt.para_start:
        return
    if not ends_sentence(first.text) or _sentences(first.text) > limits.get("summary_sentences", 2):
        return
    if len(_LATIN_WORD.findall(first.text)) > limits.get("summary_max_words", 50):
        return
    state.facts["summary"] = first.text.strip()


def clamp_levels(state: CleanState) -> None:
    """Headings left in the body are level 2..4 (a second "# " is level 2)."""
    state.lines = [line.with_(level=min(4, max(2, line.level))) if line.kind == HEADING else line
                   for line in state.lines]


RULES: tuple = (extract_title, standfirst, clamp_levels)
