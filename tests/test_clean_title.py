"""Unit tests for clean/title.py on small synthetic texts."""
import pytest

from generator.clean import languages, structure, title
from generator.clean.state import CleanState, lines_from_text

EN = "The council approved the budget after a long debate on Tuesday evening."
EN2 = "Spending on schools and roads will rise by four percent next year."
ZH = "市议会周二晚间经过长时间辩论后批准了预算。明年学校和道路支出将增加百分之四。"


def run(text: str, hints: dict | None = None) -> CleanState:
    state = CleanState(lines=lines_from_text(text, "text"), hints=hints or {})
    for rule in (*languages.RULES, *structure.RULES, *title.RULES):
        rule(state)
    return state


def test_first_heading_is_the_title_and_leaves_the_body():
    state = run("Council approves the budget\n\n" + EN + "\n\n" + EN2)
    assert state.facts["title"] == "Council approves the budget"
    assert state.facts["titles"] == {"en": "Council approves the budget"}
    assert state.lines[0].text == EN


def test_bilingual_title_gives_one_title_per_language():
    state = run("Council approves the budget 市议会批准预算\n\n" + EN + " " + EN2 + "\n\n" + ZH)
    assert state.facts["titles"] == {"en": "Council approves the budget", "zh": "市议会批准预算"}
    assert state.facts["title"] == "Council approves the budget"
    assert all("预算" not in line.text or line.kind == "paragraph" for line in state.lines)
    assert state.lines[0].text.startswith("The council")


def test_main_language_title_when_not_parallel():
    state = run("市议会批准预算\n\n" + ZH + "\n\n" + ZH)
    assert state.facts["title"] == "市议会批准预算"
    assert state.facts["titles"] == {"zh": "市议会批准预算"}


def test_document_starting_with_sentences_has_no_title():
    state = run(EN + "\n" + EN2 + "\nWhat it means\n" + EN)
    assert "title" not in state.facts
    assert state.lines[0].text.startswith("The council")


def test_title_hint_wins_and_removes_the_same_line():
    state = run("Council approves the budget\n\n" + EN, hints={"title": "Council approves the budget"})
    assert state.facts["title"] == "Council approves the budget"
    assert state.lines[0].text == EN


def test_standfirst_goes_to_summary_and_stays():
    state = run("Council approves the budget\n\n" + EN + "\n\n" + EN2 + "\n\n" + EN)
    assert state.facts["summary"] == EN
    assert state.lines[0].text == EN


def test_long_first_paragraph_is_not_a_summary():
    long = " ".join([EN, EN2, EN])
    state = run("Council approves the budget\n\n" + long + "\n\n" + EN2)
    assert "summary" not in state.facts


def test_heading_levels_are_clamped():
    state = run("# Title\n\n# Second top heading\n\n" + EN + "\n\n##### Tiny\n\n" + EN2)
    assert state.facts["title"] == "Title"
    assert [line.level for line in state.lines if line.kind == "heading"] == [2, 4]


def test_question_headline_standing_alone_is_a_title():
    state = run("Is the budget too small?\n\n" + EN + "\n\n" + EN2)
    assert state.facts["title"] == "Is the budget too small?"


def test_opening_question_inside_prose_is_not_a_title():
    state = run("Is the budget too small? Many think so.\n\n" + EN)
    assert "title" not in state.facts


def test_markdown_bilingual_title():
    state = run("# Council approves the budget 市议会批准预算\n\n" + EN + " " + EN2 + "\n\n" + ZH)
    assert state.facts["titles"] == {"en": "Council approves the budget", "zh": "市议会批准预算"}


def test_hint_with_site_suffix_uses_the_page_line():
    state = run("Council approves the budget\n\n" + EN,
                hints={"title": "Council approves the budget | City News"})
    assert state.facts["title"] == "Council approves the budget"
    assert state.lines[0].text == EN


def test_leading_date_line_is_skipped_and_kept():
    state = run("June 13, 2026\n\nCouncil approves the budget\n\n" + EN)
    assert state.facts["title"] == "Council approves the budget"
    assert state.lines[0].text == "June 13, 2026"


# --- kickers, site names in metadata titles -----------------------------------

HEADLINE = "Port authority doubles dredging budget after winter storms"


@pytest.mark.parametrize("kicker", ["Business | Harbours", "Ports & Shipping", "Channel 4 News", "World"])
def test_kicker_above_the_headline_is_not_the_title(kicker):
    state = run(kicker + "\n\n" + HEADLINE + "\n\n" + EN + "\n\n" + EN2)
    assert state.facts["title"] == HEADLINE
    assert [line.text for line in state.lines][:1] == [EN]
    assert any(r.rule == "kicker" for r in state.removed)


def test_short_title_over_a_sentence_is_still_the_title():
    state = run("Council approves the budget\n\n" + EN + "\n\n" + EN2)
    assert state.facts["title"] == "Council approves the budget"


def test_short_title_over_a_similar_line_is_kept_when_not_much_longer():
    state = run("Budget Talks Collapse\n\nCouncil walks out of talks\n\n" + EN)
    assert state.facts["title"] == "Budget Talks Collapse"


def test_site_name_is_stripped_from_the_metadata_title():
    state = run("Section One\n\n" + EN, hints={"title": HEADLINE + " | Harbour Herald",
                                               "publisher": "Harbour Herald"})
    assert state.facts["title"] == HEADLINE


def test_metadata_title_matches_headline_below_a_kicker():
    state = run("Business · Ports\n\n# " + HEADLINE + "\n\n" + EN,
                hints={"title": HEADLINE + " - Harbour Herald", "publisher": "Harbour Herald"})
    assert state.facts["title"] == HEADLINE
    assert [line.text for line in state.lines] == [EN]


def test_short_metadata_title_gives_way_to_the_longer_page_headline():
    state = run("# " + HEADLINE + "\n\n" + EN,
                hints={"title": "Port authority doubles dredging budget - Harbour Herald",
                       "publisher": "Harbour Herald"})
    assert state.facts["title"] == HEADLINE
    assert [line.text for line in state.lines] == [EN]


def test_suffix_that_is_not_the_publisher_stays():
    state = run(EN, hints={"title": "Ports - a history", "publisher": "Harbour Herald"})
    assert state.facts["title"] == "Ports - a history"
