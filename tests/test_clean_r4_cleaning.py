"""Cleaning rules of the fourth round, on synthetic texts: CJK speaker labels
in transcripts, live-page labels in front of a title, origin notes written
as one sentence of clauses, and press-release datelines naming a wire
distributor between slashes."""
import pytest

from generator.clean import facts, structure, title
from generator.model import PARAGRAPH
from tests.test_clean_review2_cleaning import doc_of, texts

EN = "The harbour board approved the new dredging contract after a long debate on Tuesday."
EN2 = "Work on the northern channel is due to start in the spring and last two years."
ZH = "市议会周二在就港口工程和学校进行长时间辩论后批准了新预算。"


# --- 1. CJK speaker labels ----------------------------------------------------------

@pytest.mark.parametrize("text,label", [
    ("主持人：各位早上好", "主持人"), ("司会：おはようございます", "司会"), ("기자: 안녕하세요", "기자"),
    ("张明：你好", ""),            # a name is a speaker only inside a dialogue
    ("作者：张明", ""), ("来源：港口日报", ""), ("Note: edited.", ""), ("HOST: Welcome back.", "HOST"),
])
def test_speaker_label_knows_cjk_roles(text, label):
    assert structure.speaker_label(text) == label


def test_chinese_interview_turns_stay_apart_and_are_no_headings():
    doc = doc_of("港口预算访谈\n主持人：各位早上好\n局长：大家好\n主持人：董事会对疏浚合同\n做了什么决定\n局长：他们批准了合同")
    assert texts(doc) == ["主持人：各位早上好", "局长：大家好", "主持人：董事会对疏浚合同做了什么决定", "局长：他们批准了合同"]
    assert all(block.kind == PARAGRAPH for block in doc.blocks)
    assert doc.metadata.title == "港口预算访谈" and doc.metadata.summary == ""


def test_a_reporter_asking_is_a_speaker_not_a_byline():
    doc = doc_of("港口预算访谈\n记者：王平\n王平：你好\n记者：工程什么时候开始\n王平：明年春天开始，持续两年")
    assert doc.metadata.authors == ()
    assert texts(doc) == ["记者：王平", "王平：你好", "记者：工程什么时候开始", "王平：明年春天开始，持续两年"]


def test_korean_reporter_turns_are_no_byline():
    doc = doc_of("항만 예산 인터뷰\n기자: 안녕하세요\n국장: 안녕하세요\n기자: 이사회는 무엇을 결정했습니까\n국장: 계약을 승인했습니다")
    assert doc.metadata.authors == ()
    assert [b.kind for b in doc.blocks] == [PARAGRAPH] * 4
    assert texts(doc)[2] == "기자: 이사회는 무엇을 결정했습니까"


def test_japanese_moderator_turns_are_no_headings():
    doc = doc_of("港湾予算インタビュー\n司会：おはようございます\n局長：おはようございます\n司会：理事会は何を決めましたか\n局長：契約を承認しました")
    assert [b.kind for b in doc.blocks] == [PARAGRAPH] * 4
    assert texts(doc)[0] == "司会：おはようございます"


def test_field_lines_above_an_interview_stay_metadata():
    doc = doc_of("港口预算访谈\n作者：王平\n来源：港口日报\n主持人：各位早上好\n局长：大家好\n"
                 "主持人：董事会做了什么决定\n局长：他们批准了合同")
    assert doc.metadata.authors == ("王平",)
    assert doc.metadata.origin is not None and doc.metadata.origin.publisher == "港口日报"
    assert texts(doc) == ["主持人：各位早上好", "局长：大家好", "主持人：董事会做了什么决定", "局长：他们批准了合同"]


def test_a_lone_reporter_line_is_still_a_byline():
    doc = doc_of(f"港口预算获批\n记者：王平\n{ZH}\n\n{ZH}")
    assert doc.metadata.authors == ("王平",)
    assert "记者" not in doc.text


def test_labels_that_do_not_come_back_are_no_dialogue():
    doc = doc_of(f"专访：港务局长谈疏浚合同\n\n{ZH}\n\n时间：明天\n\n地点：港口")
    assert doc.metadata.title == "专访：港务局长谈疏浚合同"
    assert not any(block.text.startswith("专访") for block in doc.blocks)


# --- 2. live-page labels ----------------------------------------------------------

@pytest.mark.parametrize("text,label,rest", [
    ("Live: Harbour strike enters second day", "Live:", "Harbour strike enters second day"),
    ("LIVE: Harbour strike enters second day", "LIVE:", "Harbour strike enters second day"),
    ("Live updates: Harbour strike enters second day", "Live updates:", "Harbour strike enters second day"),
    ("As it happened: Harbour strike ends", "As it happened:", "Harbour strike ends"),
    ("LIVE | Harbour strike ends", "LIVE |", "Harbour strike ends"),
    ("[LIVE] Harbour strike ends", "[LIVE]", "Harbour strike ends"),
    ("直播：港口罢工进入第二天", "直播：", "港口罢工进入第二天"),
    ("【直播】港口罢工进入第二天", "【直播】", "港口罢工进入第二天"),
    ("Live Nation: concerts return", "", "Live Nation: concerts return"),
    ("Lively debate on the harbour", "", "Lively debate on the harbour"),
    ("Live:", "", "Live:"),
])
def test_live_labels(text, label, rest):
    assert title.live_label(text) == (label, rest)


def test_a_live_label_is_no_part_of_the_title():
    doc = doc_of(f"Live: Harbour strike enters its second day as talks stall\n\n{EN}\n\n{EN2}")
    assert doc.metadata.title == "Harbour strike enters its second day as talks stall"
    assert doc.text.startswith("The harbour board")


def test_a_chinese_live_label_is_no_part_of_the_title():
    doc = doc_of(f"【直播】港口罢工进入第二天\n\n{ZH}\n\n{ZH}")
    assert doc.metadata.title == "港口罢工进入第二天"


def test_a_metadata_title_with_a_live_label_still_finds_the_page_headline():
    doc = doc_of(f"Harbour strike enters its second day\n\n{EN}\n\n{EN2}",
                 hints={"title": "Live updates: Harbour strike enters its second day"})
    assert doc.metadata.title == "Harbour strike enters its second day"
    assert "Harbour strike" not in doc.text


# --- 3. origin notes of several clauses -------------------------------------------

@pytest.mark.parametrize("note,origin", [
    ("Originally published by Hafenblatt in German, translated by Ana Ruiz.", ("Hafenblatt", "de", "Ana Ruiz")),
    ("This article was first published in French by Le Quai Libre; translation by Jane Roe.",
     ("Le Quai Libre", "fr", "Jane Roe")),
    ("First published by Hafenblatt in German, translated into English by Ana Ruiz.", ("Hafenblatt", "de", "Ana Ruiz")),
    ("Originally published by Hafenblatt, in German; translated by Ana Ruiz.", ("Hafenblatt", "de", "Ana Ruiz")),
    ("Originally published by Kite in German, translated by Bo.", ("Kite", "de", "Bo")),
    ("Publicado originalmente por El Faro en alemán, traducido por Ana Ruiz.", ("El Faro", "de", "Ana Ruiz")),
    ("Translation: Ana Ruiz.", ("", "", "Ana Ruiz")),
    ("Source: Harbour Post, Inc.", ("Harbour Post, Inc", "", "")),
])
def test_origin_notes_of_several_clauses(note, origin):
    parsed = facts.parse_origin_note(note)
    assert parsed and len(parsed) == 1
    assert (parsed[0]["who"], parsed[0]["lang"], parsed[0]["by"]) == origin


@pytest.mark.parametrize("line", ["The translation by Jane Roe was poor, the critics said.",
                                  "First published on Monday, the report drew wide attention.",
                                  "Originally, the board published its plan in March, said the mayor."])
def test_prose_is_no_origin_note(line):
    assert facts.parse_origin_note(line) is None


def test_an_origin_note_of_clauses_gives_the_origin_and_leaves_the_text():
    doc = doc_of(f"Harbour gets new ferry\n\nOriginally published by Hafenblatt in German, translated by Ana Ruiz.\n\n"
                 f"{EN}\n\n{EN2}")
    origin = doc.metadata.origin
    assert (origin.publisher, origin.language, origin.translated_by) == ("Hafenblatt", "de", "Ana Ruiz")
    assert "Originally" not in doc.text


# --- 4. wire distributors on press-release datelines --------------------------------

@pytest.mark.parametrize("text,found,kept", [
    ("PORTVALE, March 3, 2026 /Relay Wire/ -- Keel Ferries today announced a route.", ("2026-03-03", ""),
     "PORTVALE, March 3, 2026 — Keel Ferries today announced a route."),
    ("SAN TOMAS, Calif., March 3, 2026 /Globe Relay/ - Keel Ferries announced", ("2026-03-03", ""),
     "SAN TOMAS, Calif., March 3, 2026 - Keel Ferries announced"),
    ("OSLO, 3 March 2026 /NordRelay/ — Keel", ("2026-03-03", ""), "OSLO, 3 March 2026 — Keel"),
    ("OSLO, Jan 5, 2027 (Nordic Wire) - The fjord ferry", ("2027-01-05", "Nordic Wire"),
     "OSLO, Jan 5, 2027 (Nordic Wire) - The fjord ferry"),
    ("The price rose 3/4 /per cent/ -- a record", ("", ""), "The price rose 3/4 /per cent/ -- a record"),
])
def test_wire_datelines(text, found, kept):
    assert facts.lead_dateline(text) == found
    assert facts.without_wire(text) == kept


def test_a_wire_dateline_dates_the_release_and_names_no_publisher_nor_author():
    doc = doc_of("Keel Ferries opens a new route\n\nPORTVALE, March 3, 2026 /Relay Wire/ -- Keel Ferries today "
                 "announced a new route between the two ports. The service starts in May.\n\n" + EN2)
    meta = doc.metadata
    assert meta.published == "2026-03-03"
    assert meta.publisher == "" and meta.authors == ()
    assert doc.text.startswith("PORTVALE, March 3, 2026 — Keel Ferries today announced")
    assert "Relay Wire" not in doc.text and "Relay Wire" not in meta.summary


def test_two_bylines_of_two_roles_make_no_dialogue():
    doc = doc_of(f"港口预算获批\n记者：王平\n\n{ZH}\n\n通讯员：李华\n\n{ZH}\n\n记者：赵明\n\n通讯员：孙丽")
    # Credit lines of two roles, each twice, are no interview: the reporters stay authors.
    assert doc.metadata.authors == ("王平", "赵明")
    assert not any(block.text.startswith("记者") for block in doc.blocks)
