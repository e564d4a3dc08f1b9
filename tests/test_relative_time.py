"""Relative timestamps resolved against a fetched page's capture time."""
from __future__ import annotations

from generator.clean import clean
from generator.clean.relative_time import published_from_relative, timestamps
from generator.model import RawText

CAPTURED = "2026-03-10T06:00:00Z"


def test_hours_ago_counts_back_from_capture_time():
    assert published_from_relative(["World · 13h ago"], CAPTURED) == "2026-03-09"


def test_minutes_ago_same_day():
    assert published_from_relative(["5 min ago"], CAPTURED) == "2026-03-10"


def test_an_hour_ago_is_one_hour():
    assert published_from_relative(["an hour ago"], "2026-03-10T00:30:00Z") == "2026-03-09"


def test_edit_timestamp_is_not_the_publication():
    assert published_from_relative(["Updated 1h ago"], CAPTURED) is None
    assert published_from_relative(["3d ago · Updated 1h ago"], CAPTURED) == "2026-03-07"


def test_other_languages():
    assert published_from_relative(["3 天前"], CAPTURED) == "2026-03-07"
    assert published_from_relative(["vor 2 Tagen"], CAPTURED) == "2026-03-08"
    assert published_from_relative(["il y a 1 semaine"], CAPTURED) == "2026-03-03"
    assert published_from_relative(["更新于 1小时前"], CAPTURED) is None


def test_without_capture_time_nothing_is_guessed():
    assert published_from_relative(["13h ago"], "") is None
    assert published_from_relative(["13h ago"], "not a time") is None


def test_prose_without_timestamp():
    assert timestamps("The deal closed after months of talks.") == []


def _raw(text: str, hints: tuple = ()) -> RawText:
    return RawText(file="a.txt", text=text, format="text", encoding="utf-8", content_hash="h", hints=hints)


BODY = ("Markets · 2 days ago\n\nA Headline About Something\n\n"
        "The first paragraph of the article says what happened in a full sentence.\n")


def test_clean_dates_a_captured_page_and_records_the_capture():
    doc = clean(_raw(BODY, (("captured", CAPTURED), ("url", "https://example.org/a"))), "a")
    assert doc.metadata.published == "2026-03-08"
    assert doc.metadata.captured_at == CAPTURED
    assert doc.metadata.captured_from == "https://example.org/a"
    assert "2 days ago" not in doc.text


def test_clean_without_sidecar_leaves_date_unknown():
    assert clean(_raw(BODY), "a").metadata.published is None
