"""Cleaning rules of the third round, on synthetic texts in several
languages: full-width meta-line separators, CJK share bars, broadcast
transcript headers, transcript speaker turns, live-page update stamps, photo
captions and credits, labelled titles, origin notes kept out of the summary,
and site-name hints that name no publisher."""
import pytest

from generator.clean import chrome, facts, structure, title
from generator.model import HEADING, PARAGRAPH
from generator.read_html import publisher_name
from tests.test_clean_review2_cleaning import doc_of, texts

EN = "The harbour board approved the new dredging contract after a long debate on Tuesday."
EN2 = "Work on the northern channel is due to start in the spring and last two years."
DE = "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt beschlossen."
DE2 = "Die Ausgaben für Schulen und Straßen steigen im kommenden Jahr um vier Prozent."
FR = "Le conseil municipal a adopté mardi le nouveau budget après un long débat."
ES = "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate."
JA = "市議会は火曜日、長い議論の末に港湾工事と学校に関する新しい予算を承認した。関係者によると、計画は来年から実施される。"
ZH = "市议会周二在就港口工程和学校进行长时间辩论后批准了新预算。官员表示，该计划将于明年生效。"
KO = "시의회는 화요일 긴 논의 끝에 항만 공사와 학교에 관한 새 예산을 승인했다. 관계자는 계획이 내년부터 시행된다고 밝혔다."


def joined(doc) -> str:
    return "\n".join(texts(doc))


# --- 1. full-width separators on meta lines ------------------------------------

@pytest.mark.parametrize("line", [
    "2026年11月25日 08:30 ｜ 経済ニュース",
    "2026年11月25日 08:30｜経済ニュース",
    "2026年11月25日 08:30 ／ 経済ニュース",
    "2026年11月25日 08:30 ・ 経済ニュース",
])
def test_full_width_separators_split_a_japanese_dateline(line):
    doc = doc_of(f"港の再開発計画が承認された\n{line}\n{JA}")
    assert doc.metadata.published == "2026-11-25"
    assert "2026年11月25日" not in doc.text
    assert doc.text.startswith("市議会は火曜日")


def test_segments_split_on_full_width_bar_but_not_on_an_unspaced_katakana_dot():
    assert facts._segments("2026年3月8日 ｜ 経済") == ["2026年3月8日", "経済"]
    assert facts._segments("ニュース・速報") == ["ニュース・速報"]


def test_chinese_meta_line_with_full_width_bar_and_relative_time_goes():
    doc = doc_of(f"港口预算获批\n3小时前 ｜ 财经\n{ZH}")
    assert "3小时前" not in doc.text and doc.text.startswith("市议会")


# --- 2. CJK share bars ------------------------------------------------------------

@pytest.mark.parametrize("bar", ["この記事をシェアする", "分享这篇文章", "分享這篇文章", "이 기사 공유하기",
                                 "この記事をシェアする ｜ X ｜ Facebook"])
def test_cjk_share_invitations_are_share_bars(bar):
    assert chrome.is_share_bar(bar)


def test_cjk_share_bar_lines_leave_the_text_and_prose_about_sharing_stays():
    doc = doc_of(f"港の再開発計画が承認された\nこの記事をシェアする\n{JA}\n이 기사 공유하기\n{KO}")
    assert "シェア" not in doc.text and "공유하기" not in doc.text
    assert not chrome.is_share_bar("このニュースを多くの人とシェアすることが大切だと市長は述べた。")


# --- 3. broadcast transcript headers ----------------------------------------------

@pytest.mark.parametrize("line,iso,station", [
    ("Broadcast on Radio Nordsee, 12 March 2026", "2026-03-12", "Radio Nordsee"),
    ("Aired on 12 March 2026 on Harbour FM", "2026-03-12", "Harbour FM"),
    ("Sendung vom 12. März 2026", "2026-03-12", ""),
    ("Diffusé sur Radio Côte le 12 mars 2026", "2026-03-12", "Radio Côte"),
    ("Emitido en Radio Puerto el 12 de marzo de 2026", "2026-03-12", "Radio Puerto"),
])
def test_broadcast_lines(line, iso, station):
    assert chrome.broadcast_line(line, day_first=True) == (iso, station)


@pytest.mark.parametrize("line", [
    "Broadcast journalists on 12 March 2026 said the vote was close.",
    "Aired on television",
    "Broadcasting rights were sold on 12 March 2026 to a new company in the region.",
])
def test_prose_about_broadcasts_is_no_broadcast_line(line):
    assert chrome.broadcast_line(line) is None


def test_broadcast_header_gives_date_and_station_as_publisher_and_leaves_the_text():
    doc = doc_of(f"Harbour budget approved after long debate\nBroadcast on Radio Nordsee, 12 March 2026\n{EN}\n{EN2}")
    assert doc.metadata.published == "2026-03-12"
    assert doc.metadata.publisher == "Radio Nordsee"
    assert "Broadcast on" not in doc.text
    assert all(block.kind != HEADING for block in doc.blocks)


def test_broadcast_station_yields_to_a_metadata_publisher():
    doc = doc_of(f"Haushalt beschlossen nach langer Debatte\nGesendet am 12. März 2026 im Hafenradio\n{DE}\n{DE2}",
                 hints={"publisher": "Hafenwelle Medien"})
    assert doc.metadata.publisher == "Hafenwelle Medien"
    assert doc.metadata.published == "2026-03-12"
    assert "Gesendet" not in doc.text


# --- 4. transcripts: speaker turns ---------------------------------------------------

def test_speaker_turns_stay_apart_and_are_never_headings():
    doc = doc_of("Interview on the harbour budget\nHOST: Good morning\nHARBOUR CHIEF: Morning to you\n"
                 "HOST: What did the board decide on the\ndredging contract after the debate\n"
                 "HARBOUR CHIEF: They approved it")
    assert texts(doc) == ["HOST: Good morning", "HARBOUR CHIEF: Morning to you",
                          "HOST: What did the board decide on the dredging contract after the debate",
                          "HARBOUR CHIEF: They approved it"]
    assert all(block.kind == PARAGRAPH for block in doc.blocks)
    assert doc.metadata.summary == ""


def test_german_transcript_turns():
    doc = doc_of("Gespräch über den Hafenhaushalt\nMODERATORIN: Guten Morgen\nBÜRGERMEISTER: Guten Morgen\n"
                 "MODERATORIN: Was hat der Rat entschieden\nBÜRGERMEISTER: Er hat zugestimmt")
    assert [b.kind for b in doc.blocks] == [PARAGRAPH] * 4
    assert texts(doc)[1] == "BÜRGERMEISTER: Guten Morgen"


@pytest.mark.parametrize("text,label", [("HOST: Welcome back.", "HOST"), ("DR. JANE ROE: Thanks.", "DR. JANE ROE"),
                                        ("Note: edited.", ""), ("Q: why?", ""), ("ВЕДУЩИЙ: Добрый день.", "ВЕДУЩИЙ")])
def test_speaker_labels(text, label):
    assert structure.speaker_label(text) == label


def test_a_single_capital_label_is_no_dialogue():
    doc = doc_of(f"Harbour notes for the week\nNOTE: Office hours\n{EN}\nUPDATE: New timetable\n{EN2}")
    # Fewer than three turns: the rule leaves the lines to the other rules.
    lines = [structure.speaker_label(t) for t in texts(doc)]
    assert lines.count("") >= 2


# --- 5. live-page update stamps ------------------------------------------------------

@pytest.mark.parametrize("line", ["Updated 14:05 GMT", "Last updated: 10:32", "Aktualisiert um 10:32 Uhr",
                                  "Mis à jour à 10h32", "更新 08:30", "Updated at 10:32 today"])
def test_update_stamps(line):
    assert chrome.is_update_stamp(line)


@pytest.mark.parametrize("line", ["Updated 14:05 GMT, 3 May 2026", "Updated rules for 10:30 meetings",
                                  "입력 2026.03.14 09:00 | 수정 2026.03.14 10:00", "Updated"])
def test_no_update_stamps(line):
    assert not chrome.is_update_stamp(line)


def test_update_stamp_lines_are_no_headings():
    doc = doc_of(f"Harbour budget vote as it happened\nUpdated 14:05 GMT\n{EN}\nLast updated: 10:32\n{EN2}")
    assert texts(doc) == [EN, EN2]
    doc = doc_of(f"Haushaltsabstimmung im Ticker\nAktualisiert um 10:32 Uhr\n{DE}\n{DE2}")
    assert texts(doc) == [DE, DE2]


# --- 6. captions and credits ------------------------------------------------------------

@pytest.mark.parametrize("line,expected", [
    ("Photo: Jane Roe / Harbour Images", ""),
    ("Image: Harbour Images", ""),
    ("(Photo: Jane Roe)", ""),
    ("Foto: Hafenarbeiter / Bildagentur", ""),
    ("Photo: Dock workers unload the first ship of the season / Harbour Images",
     "Dock workers unload the first ship of the season"),
    ("Foto: Hafenarbeiter entladen am Dienstag das erste Schiff der Saison. © Bildagentur",
     "Hafenarbeiter entladen am Dienstag das erste Schiff der Saison."),
    ("图片来源：新华社", ""),
    ("Harbour budget approved", None),
    ("Photography is the theme of this year's festival", None),
])
def test_caption_text(line, expected):
    assert structure.caption_text(line) == expected


def test_captions_are_no_headings_and_credits_go():
    doc = doc_of(f"Harbour budget approved after long debate\n{EN}\nPhoto: Jane Roe / Harbour Images\n{EN2}\n"
                 "Foto: Hafenarbeiter entladen das erste Schiff der Saison / Bildagentur\n"
                 f"{DE}")
    assert texts(doc) == [EN, EN2, "Hafenarbeiter entladen das erste Schiff der Saison", DE]
    assert all(block.kind == PARAGRAPH for block in doc.blocks)


# --- 7. labelled titles -----------------------------------------------------------------

@pytest.mark.parametrize("line,expected", [
    ("Title: Harbour budget approved", "Harbour budget approved"),
    ("标题：港口预算获批", "港口预算获批"),
    ("Titel: Hafenhaushalt beschlossen", "Hafenhaushalt beschlossen"),
    ("Titre : Le budget du port adopté", "Le budget du port adopté"),
    ("Title fight ends in a draw", "Title fight ends in a draw"),
    ("Title:", "Title:"),
])
def test_title_labels(line, expected):
    assert title.without_title_label(line) == expected


def test_labelled_titles_lose_the_label():
    assert doc_of(f"Title: Harbour budget approved after long debate\n{EN}\n{EN2}").metadata.title \
        == "Harbour budget approved after long debate"
    assert doc_of(f"标题：港口预算在长时间辩论后获批\n{ZH}").metadata.title == "港口预算在长时间辩论后获批"
    assert doc_of(f"{EN}\n{EN2}", hints={"title": "Titre : Le budget du port adopté"}).metadata.title \
        == "Le budget du port adopté"


# --- 8. an origin note is never the summary ---------------------------------------------

def test_origin_note_first_paragraph_is_no_summary():
    doc = doc_of("Harbour budget approved after long debate\n\nOriginally published by Harbour Herald in German. "
                 f"Translated by our editorial team.\n\n{EN}\n\n{EN2}", fmt="markdown")
    assert doc.metadata.summary == ""
    assert doc.metadata.origin is not None and doc.metadata.origin.publisher == "Harbour Herald"


def test_spanish_origin_note_is_no_summary():
    doc = doc_of("El presupuesto del puerto, aprobado\n\nPublicado originalmente por Diario del Puerto en inglés.\n\n"
                 f"{ES}\n\n{ES}", fmt="markdown")
    assert doc.metadata.summary == ""


# --- 9. site-name hints ------------------------------------------------------------------

@pytest.mark.parametrize("value,expected", [
    ("@harbourwire", "harbourwire"),
    ("Sailing | Rowing | Canoe | Surf", ""),
    ("Hosted", ""),
    ("Startseite", ""),
    ("Harbour Wire | The port's daily news", "Harbour Wire"),
    ("Hafenblatt - international", "Hafenblatt"),
    ("https://www.harbourwire.example/", "harbourwire.example"),
    ("Harbour Express-News", "Harbour Express-News"),
    ("港湾日报", "港湾日报"),
])
def test_publisher_names_from_site_names(value, expected):
    assert publisher_name(value) == expected


def test_html_hints_publisher():
    from generator import read_html
    page = ("<html><head><meta property='og:site_name' content='@harbourwire'>"
            "<title>Harbour budget approved</title></head><body><article><h1>Harbour budget approved</h1>"
            f"<p>{EN}</p><p>{EN2}</p></article></body></html>")
    import lxml.html
    hints = dict(read_html._hints(lxml.html.fromstring(page), None))
    assert hints["publisher"] == "harbourwire"
    page = page.replace("@harbourwire", "Sailing | Rowing | Canoe | Surf")
    hints = dict(read_html._hints(lxml.html.fromstring(page), None))
    assert "publisher" not in hints
