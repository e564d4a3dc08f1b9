"""Cleaning rules: repair text glued together by scraping.

Scrapers drop the markup between inline elements, so a label runs into the
name after it ("reported byName"), a category label runs into a reading-time
widget ("Tech6 min read") and meta items are joined by bare middle dots.
These rules put the missing spaces back so that the chrome and facts rules,
which match whole words, can see the pieces. They never split inside a
word: only a standalone function word from the data list is separated from
a following capitalised name, so camelCase names (iPhone, YouTube, OpenAI)
are left alone.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..datafiles import load_yaml

from .chrome import number_widget_re   # chrome owns the widget vocabulary
from .state import CleanState

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "chrome_glue.yaml"
CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_yaml(DATA_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _function_word_re() -> re.Pattern:
    words = sorted(_data()["glued_function_words"], key=len, reverse=True)
    # Preceded by start or whitespace so "Abby"/"Derby" never match; followed
    # by Upper+lower so acronyms and camelCase ids like "byID" stay intact.
    return re.compile(r"(?:(?<=\s)|^)(" + "|".join(map(re.escape, words)) + r")(?=[A-Z][a-z])")


@lru_cache(maxsize=1)
def _separator_re() -> re.Pattern:
    seps = "".join(re.escape(s) for s in _data()["meta_separators"])
    return re.compile(r"\s*([" + seps + r"])\s*")


def split_glued_function_word(text: str) -> str:
    """"reported byName" -> "reported by Name"."""
    return _function_word_re().sub(r"\1 ", text)


def split_label_from_count(text: str) -> str:
    """"Tech6 min read" -> "Tech 6 min read": a Latin letter glued to a
    number that starts a chrome widget (reading time, counter)."""
    widget = number_widget_re()
    out: list[str] = []
    last = 0
    for match in widget.finditer(text):
        start = match.start()
        if start > 0 and text[start - 1].isalpha() and text[start - 1].isascii():
            out.append(text[last:start])
            out.append(" ")
            last = start
    out.append(text[last:])
    return "".join(out)


def space_meta_separators(text: str) -> str:
    """"6 min read·June 13·0 views" -> "6 min read · June 13 · 0 views".

    A dot between two CJK letters separates parts of a transliterated name
    and stays as it is.
    """
    def repl(match: re.Match) -> str:
        before = text[match.start() - 1] if match.start() > 0 else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if re.match(f"[{CJK}]", before or " ") and re.match(f"[{CJK}]", after or " "):
            return match.group(0)
        if not before or not after:
            return match.group(0)
        return f" {match.group(1)} "
    return _separator_re().sub(repl, text)


def _rewrite(state: CleanState, fn) -> None:
    # Only spaces are added, nothing is removed, so nothing goes to the log.
    state.lines = [line.with_(text=fn(line.text)) for line in state.lines]


def glue_function_words(state: CleanState) -> None:
    _rewrite(state, split_glued_function_word)


def glue_label_count(state: CleanState) -> None:
    _rewrite(state, split_label_from_count)


def glue_meta_separators(state: CleanState) -> None:
    _rewrite(state, space_meta_separators)


RULES: tuple = (glue_function_words, glue_label_count, glue_meta_separators)
