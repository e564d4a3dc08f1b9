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
    # Editors and reviewers are credited, not authors.
    ("— Harbour Desk Team · Reviewed by Ann Lee", ["Harbour Desk Team"]),
    ("\ufffd Harbour Desk Team \u00b7 Reviewed by \ufffd\ufffd\ufffd", ["Harbour Desk Team"]),
    ("作者：李明", ["李明"]),
    ("Reporting by Ana Ruiz; Editing by Tom Hale", ["Ana Ruiz"]),   # wire credit line
    ("Writing by Lea Moss; editing by Kai Berg", ["Lea Moss"]),
    ("Por María de la Cruz", ["María de la Cruz"]),
    ("By J.R. Smith", ["J.R. Smith"]),
    ("By Jane Doe, Staff Writer", ["Jane Doe"]),
])
def test_byline_authors(line, names):
    assert facts.byline_authors(line) == names


@pytest.mark.parametrize("line", ["— Ana Ruiz, Port Authority", "By the way, the port reopened.", "By 2030 the port will double.",
                                  "Reviewed by regulators last year, the plan passed.", BODY,
                                  "战地记者", "Business · Markets · 3 May 2026", "3 May 2026 · Economy"])
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
    assert state.facts["authors"] == ["Harbour Desk"]          # a reviewer is no author
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
    assert state.facts["authors"] == ["Harbour Desk"]          # the reviewer's name line goes too
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


# --- datelines, bylines and mastheads with times, places and sections --------

@pytest.mark.parametrize("line,names,iso", [
    ("June 3, 2026 · 10:15 AM UTC · By Jane Doe", ["Jane Doe"], "2026-06-03"),
    ("By Jane Doe in Lisbon · 3 June 2026, 14:32 CET", ["Jane Doe"], "2026-06-03"),
    ("Par Anne Roux · 4 mars 2026 · Politique", ["Anne Roux"], "2026-03-04"),
    ("By Rui Costa, Harbour Affairs Correspondent", ["Rui Costa"], ""),
    ("Reporting by Ana Ruiz in Porto Alegre; Editing by Tom Hale", ["Ana Ruiz"], ""),
    ("By Harbour Desk Staff", ["Harbour Desk Staff"], ""),
])
def test_byline_with_times_places_sections_and_roles(line, names, iso):
    assert facts.parse_byline(line) == (names, iso)


def test_one_word_name_before_a_date_is_still_a_name():
    assert facts.byline_authors("作者：李明 · 2026年3月4日") == ["李明"]


@pytest.mark.parametrize("line,iso", [
    ("2026年6月13日 18:02　（最終更新 19:40）", "2026-06-13"),
    ("13.06.2026, 06:00 Uhr", "2026-06-13"),
    ("June 13, 2026 7:45 AM GMT+1", "2026-06-13"),
])
def test_dateline_with_clock_times_and_update_note(line, iso):
    assert facts.dateline_date(line) == iso


@pytest.mark.parametrize("line,expected", [
    ("Harbour Herald · Business · 13.06.2026, 06:00 Uhr", ("Harbour Herald", "2026-06-13")),
    ("Nordstädter Morgenblatt · Wirtschaft · 13.06.2026", ("Nordstädter Morgenblatt", "2026-06-13")),
    ("Diario del Puerto | Economía", ("Diario del Puerto", "")),
    ("Coastal Press", ("Coastal Press", "")),
    ("Business · Markets · 13.06.2026", None),            # no publication named
    ("By Jane Doe · 13.06.2026", None),
    ("The press conference ended early.", None),
])
def test_parse_masthead(line, expected):
    assert facts.parse_masthead(line) == expected


@pytest.mark.parametrize("line,names,iso", [
    ("Weekly Harbour Brief · 16 June 2026 · By Jane Doe", ["Jane Doe"], "2026-06-16"),
    ("Sport · Rowing · 21.08.2026, 20:14 Uhr · von Jana Roth", ["Jana Roth"], "2026-08-21"),
    ("*Posted by Jane Doe on June 5, 2026 · *", ["Jane Doe"], "2026-06-05"),
    ("Posted by Jane Doe on Quayside Blog, 5 June 2026", ["Jane Doe"], "2026-06-05"),
])
def test_byline_after_section_labels_and_posted_by(line, names, iso):
    assert facts.parse_byline(line) == (names, iso)


@pytest.mark.parametrize("text,expected", [("25/11/2026", "2026-11-25"), ("11/25/2026", "2026-11-25"),
                                           ("03/04/2026", "")])
def test_numeric_dates_read_only_when_unambiguous(text, expected):
    assert facts.normalise_date(text) == expected


@pytest.mark.parametrize("line", ["Publié le 19 mai 2026 à 11h20, mis à jour à 14h02",
                                  "Publicado a 12 de junho de 2026, 10:15 | Atualizado às 12:40"])
def test_dateline_with_connectors_and_update_time(line):
    assert facts.dateline_date(line)


@pytest.mark.parametrize("line,expected", [
    ("*June 11, 2026 · 6:52 PM UTC · Health & Science · *", ("2026-06-11", "")),
    ("L'Écho du Port · Sports · publié le 25/11/2026 à 07h15", ("2026-11-25", "L'Écho du Port")),
    ("Jane Doe · Madrid · Lisbon · 19 May 2026 · Rome", ("", "")),
    ("The ferry left on 19 May 2026 · late", ("", "")),
])
def test_sectioned_dateline(line, expected):
    assert facts.sectioned_dateline(line) == expected


def test_extract_dateline_with_sections_sets_date():
    state = run(facts.extract_dateline, "June 11, 2026 · 6:52 PM UTC · Health", BODY)
    assert state.facts["published"] == "2026-06-11"
    assert [line.text for line in state.lines] == [BODY]


def test_byline_hint_gives_authors_and_date_when_the_text_has_none():
    state = run(facts.facts_from_hints, BODY, hints={"byline": "By Jane Doe in Porto | 3 May 2026, 14:32 CET | 4 min read"})
    assert state.facts["authors"] == ["Jane Doe"]
    assert state.facts["published"] == "2026-05-03"


def test_byline_hint_date_does_not_override_metadata_date():
    state = run(facts.facts_from_hints, BODY, hints={"byline": "By Jane Doe · 3 May 2026", "published": "2026-05-02"})
    assert state.facts["authors"] == ["Jane Doe"]
    assert state.facts["published"] == "2026-05-02"


def test_byline_text_wins_over_byline_hint():
    state = run(facts.facts_from_hints, BODY, hints={"byline": "By Jane Doe"})
    state.facts.clear()
    state.facts["authors"] = ["Ann Lee"]
    facts.facts_from_hints(state)
    assert state.facts["authors"] == ["Ann Lee"]


@pytest.mark.parametrize("line,names", [("입력 2026.10.02 14:30 | 수정 2026.10.02 16:05 | 김하늘 기자", ["김하늘"]),
                                        ("2026年3月4日 · 王芳 记者", ["王芳"])])
def test_title_after_the_name_in_cjk_bylines(line, names):
    assert facts.byline_authors(line) == names


def test_labelled_source_is_no_publication_name():
    assert not facts.is_publication_name("Source: Harbour Gazette")
    assert not facts.is_publication_name("来源：Harbour Gazette")
    assert facts.is_publication_name("Harbour Gazette")
