"""Relative timestamps ("13h ago", "3 小时前") resolved against a capture time.

A page saved by ``sourcebook add`` has a sidecar with the moment it was
fetched; a relative timestamp on that page then dates the article. The
timestamp itself is chrome and is removed by ``chrome``; this module only
reads it. A timestamp labelled as an edit ("Updated 1h ago") dates the edit,
not the publication, and is passed over.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from ..datafiles import load_yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LATIN = r"A-Za-z\u00c0-\u024f\u0400-\u04ff"
# Older than this, a relative timestamp is a widget's fault, not a date.
MAX_AGE = timedelta(days=366 * 50)
# How far before a timestamp an edit label may stand ("Updated: 1h ago").
LABEL_WINDOW = 24


@lru_cache(maxsize=1)
def _data() -> tuple[dict, dict]:
    chrome = load_yaml((DATA_DIR / "chrome.yaml").read_text(encoding="utf-8"))
    units = load_yaml((DATA_DIR / "relative_time.yaml").read_text(encoding="utf-8"))
    return chrome, units


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def unit_seconds() -> dict[str, int]:
    """Unit word (case-folded) -> its length in seconds."""
    _, units = _data()
    return {word.casefold(): int(seconds)
            for seconds, words in units["unit_seconds"].items() for word in words}


@lru_cache(maxsize=1)
def timestamp_patterns() -> tuple[re.Pattern, ...]:
    """One pattern per language template, each with groups ``n`` and ``unit``."""
    from .chrome import template_pattern      # chrome -> facts -> this module
    chrome, units = _data()
    number = rf"\d+(?:[.,]\d+)?|(?<![{LATIN}])(?:{_alternation(units['one_words'])})"
    patterns = []
    for lang, templates in chrome["relative_time"].items():
        unit_words = _alternation(chrome["time_units"][lang])
        for template in templates:
            body = template_pattern(template, number, unit_words, named=True)
            patterns.append(re.compile(rf"(?<![{LATIN}0-9])(?:{body})(?![{LATIN}])", re.IGNORECASE))
    return tuple(patterns)


@lru_cache(maxsize=1)
def _update_label_re() -> re.Pattern:
    chrome, units = _data()
    connector = rf"(?:\s*(?:{_alternation(chrome['cjk_label_connectors'])}))?"
    return re.compile(rf"(?<![{LATIN}])(?:{_alternation(units['update_labels'])})(?![{LATIN}]){connector}[\s:：]*$",
                      re.IGNORECASE)


def _amount(number: str) -> float:
    digits = number.replace(",", ".")
    return float(digits) if digits[:1].isdigit() else 1.0


def timestamps(text: str) -> list[tuple[int, timedelta, bool]]:
    """(offset, age, is_edit) of each relative timestamp in ``text``, in order."""
    found: dict[int, tuple[int, timedelta, bool]] = {}
    seconds_of = unit_seconds()
    for pattern in timestamp_patterns():
        for match in pattern.finditer(text):
            seconds = seconds_of.get(match.group("unit").casefold())
            if seconds is None or match.start() in found:
                continue
            age = timedelta(seconds=_amount(match.group("n")) * seconds)
            before = text[max(0, match.start() - LABEL_WINDOW):match.start()]
            found[match.start()] = (match.start(), age, bool(_update_label_re().search(before)))
    return [found[offset] for offset in sorted(found)]


def parse_capture_time(value: str) -> datetime | None:
    """A sidecar's ISO 8601 capture time ("2026-11-29T10:00:00Z"), or None."""
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def published_from_relative(texts: list[str], captured: str) -> str | None:
    """ISO date of the first relative timestamp that is not an edit's, counted
    back from the capture time; None without a capture time or a timestamp."""
    moment = parse_capture_time(captured)
    if moment is None:
        return None
    for text in texts:
        for _, age, is_edit in timestamps(text):
            if not is_edit and age <= MAX_AGE:
                return (moment - age).date().isoformat()
    return None
