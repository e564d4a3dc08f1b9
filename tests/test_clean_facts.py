"""Unit tests for clean/facts.py on small synthetic lines."""
import pytest

from generator.clean import facts
from generator.clean.state import CleanState, Line

BODY = "An ordinary paragraph of article text about harbour dredging and its costs."


def run(rule, *texts, hints=None, lines=None):
    state = CleanState(lines=lines or [Line(text=t) for t in texts], hints=hints or {})
    rule(state)
    return state


@pytest.mark.parametrize("text,expected", [
    ("June 13, 2026", "2026-06-13"), ("13 June 2026", "2026-06-13"), ("2026-06-13", "2026-06-13"),
    ("2026年6月13日", "2026-06-13"), ("2026년 6월 13일", "2026-06-13"), ("13 de junio de 2026", "2026-06-13"),
    ("13. Juni 2026", "2026-06-13"), ("13.06.2026", "2026-06-13"), ("Feb 30, 2026", ""), ("03/04/2026", ""),
])
def test_find_dates(text, expected):
    assert facts.normalise_date(text) == expected


@pytest.mark.parametrize("line,names", [
    ("By Jane Doe", ["Jane Doe"]),
    ("By Jane Doe and Rui Costa", ["Jane Doe", "Rui Costa"]),
    ("— Harbour Desk Team · Reviewed by Ann Lee", ["Harbour Desk Team", "Ann Lee"]),
    ("\ufffd Harbour Desk Team \u00b7 Reviewed by \ufffd\ufffd\ufffd", ["Harbour Desk Team"]),
    ("作者：李明", ["李明"]),
    ("Reporting by Ana Ruiz; Editing by Tom Hale", ["Ana Ruiz", "Tom Hale"]),   # wire credit line
    ("Writing by Lea Moss; editing by Kai Berg", ["Lea Moss", "Kai Berg"]),
    ("Por María de la Cruz", ["María de la Cruz"]),
    ("By J.R. Smith", ["J.R. Smith"]),
    ("By Jane Doe, Staff Writer", ["Jane Doe"]),
])
def test_byline_authors(line, names):
    assert facts.byline_authors(line) == names


@pytest.mark.parametrize("line", ["— Ana Ruiz, Port Authority", "By the way, the port reopened.", "By 2030 the port will double.",
                                  "Reviewed by regulators last year, the plan passed.", BODY])
def test_not_bylines(line):
    assert facts.byline_authors(line) == []


def test_extract_byline_drops_line_and_sets_authors():
    state = run(facts.extract_byline, BODY, "By Jane Doe")
    assert [l.text for l in state.lines] == [BODY]
    assert state.facts["authors"] == ["Jane Doe"]
    assert state.removed[0].rule == "byline"


def test_byline_made_only_of_unreadable_name_gives_no_author():
    state = run(facts.extract_byline, "Reviewed by \ufffd\ufffd")
    assert state.facts.get("authors", []) == []


def test_origin_note_with_language_and_translator():
    state = run(facts.extract_origin, "Translated from Japanese and condensed by Pacific Digest.", BODY,
                "Originally published by Asahi Weekly in Japanese. Translated by our editorial team.")
    assert [l.text for l in state.lines] == [BODY]
    assert state.facts["origin"] == {"publisher": "Asahi Weekly", "language": "ja",
                                     "translated_by": "Pacific Digest"}
    assert state.facts["publisher"] == "Pacific Digest"


def test_origin_note_reported_by():
    state = run(facts.extract_origin, BODY, "Originally reported by Harbour Times")
    assert state.facts["origin"] == {"publisher": "Harbour Times", "language": "", "translated_by": ""}
    assert "publisher" not in state.facts


@pytest.mark.parametrize("line,who,lang", [
    ("原文来自：海港日报", "海港日报", ""),
    ("Publicado originalmente por El Puerto en inglés.", "El Puerto", "en"),
    ("Source: Harbour Times", "Harbour Times", ""),
])
def test_origin_notes_in_other_languages(line, who, lang):
    state = run(facts.extract_origin, line)
    assert state.facts["origin"]["publisher"] == who
    assert state.facts["origin"]["language"] == lang


def test_body_sentence_mentioning_translation_is_kept():
    line = "The report, translated into French by volunteers, was widely read across the region last year."
    state = run(facts.extract_origin, line)
    assert [l.text for l in state.lines] == [line]
    assert "origin" not in state.facts


def test_dateline():
    state = run(facts.extract_dateline, "Published: 4 March 2025", BODY)
    assert state.facts["published"] == "2025-03-04"
    assert [l.text for l in state.lines] == [BODY]


def test_sentence_with_date_is_not_a_dateline():
    line = "On 4 March 2025 the harbour was closed."
    assert [l.text for l in run(facts.extract_dateline, line).lines] == [line]


def test_hints_fill_missing_facts_only():
    state = CleanState(lines=[], hints={"title": "Harbour", "author": "A. One, B. Two",
                                        "published": "2025-03-04T10:00:00Z", "publisher": "Port News",
                                        "tags": "ports, trade"})
    state.facts["publisher"] = "From Text"
    facts.facts_from_hints(state)
    assert state.facts == {"title": "Harbour", "authors": ["A. One", "B. Two"], "published": "2025-03-04",
                           "publisher": "From Text", "tags": ["ports", "trade"]}


def test_no_metadata_no_facts():
    state = CleanState(lines=[Line(text=BODY)])
    for rule in facts.RULES:
        rule(state)
    assert state.facts == {}


def test_byline_with_date_sets_published():
    state = run(facts.extract_byline, "By Jane Doe | March 3, 2025", BODY)
    assert state.facts == {"authors": ["Jane Doe"], "published": "2025-03-03"}


def test_dash_byline_read_as_one_item_list():
    line = Line(text="", kind="list", items=("Harbour Desk · Reviewed by Ann Lee",))
    state = run(facts.extract_byline, lines=[line])
    assert state.facts["authors"] == ["Harbour Desk", "Ann Lee"]
    assert state.lines == []


@pytest.mark.parametrize("line,expected", [
    ("Originally published in Korean by Seoul Daily.", {"who": "Seoul Daily", "lang": "ko", "by": ""}),
    ("由海港编辑部翻译自日语。", {"who": "", "lang": "ja", "by": "海港编辑部"}),
    ("Traduit du coréen par Revue Est.", {"who": "", "lang": "ko", "by": "Revue Est"}),
])
def test_parse_origin_sentence(line, expected):
    assert facts.parse_origin_sentence(line) == expected


def test_language_code():
    assert [facts.language_code(n) for n in ("Korean", "coreano", "韩语", "Klingon")] == ["ko", "ko", "ko", ""]


def test_dateline_with_two_labelled_dates_gives_the_first():
    assert facts.dateline_date("Published: 3 March 2025 · Updated: 4 March 2025") == "2025-03-03"
    assert facts.dateline_date("发布时间：2025年3月4日") == "2025-03-04"


def test_name_split_off_a_dangling_role_is_taken_back():
    lines = [Line(text="Harbour Desk · Reviewed by"), Line(text="Ann Lee", para_start=False), Line(text=BODY)]
    state = run(facts.extract_byline, lines=lines)
    assert state.facts["authors"] == ["Harbour Desk", "Ann Lee"]
    assert [l.text for l in state.lines] == [BODY]


def test_partly_unreadable_name_is_dropped_not_guessed():
    lines = [Line(text="Harbour Desk · Reviewed by"), Line(text="\ufffd\ufffd민"), Line(text=BODY)]
    state = run(facts.extract_byline, lines=lines)
    assert state.facts["authors"] == ["Harbour Desk"]
    assert [l.text for l in state.lines] == [BODY]


def test_heading_after_dangling_role_is_not_a_name():
    lines = [Line(text="Harbour Desk · Reviewed by"), Line(text="What this means for ports")]
    state = run(facts.extract_byline, lines=lines)
    assert [l.text for l in state.lines] == ["What this means for ports"]


def test_byline_in_markdown_emphasis():
    assert facts.byline_authors("**By Jane Doe**") == ["Jane Doe"]


def test_hint_lists_joined_by_semicolons_keep_commas_inside_names():
    state = CleanState(lines=[], hints={"author": "Doe, Jane; Roe, Rui", "tags": "ports; trade, shipping"})
    facts.facts_from_hints(state)
    assert state.facts["authors"] == ["Doe, Jane", "Roe, Rui"]
    assert state.facts["tags"] == ["ports", "trade, shipping"]
