"""Metadata rules: bylines in more languages, editor credits, labelled field lines,
lead datelines, foot mastheads, copyright holders and end marks (synthetic examples)."""
from __future__ import annotations

import pytest

from generator.clean import clean
from generator.clean.chrome import copyright_holder, is_end_mark
from generator.clean.facts import dateline_date, find_dates, lead_dateline, parse_byline, parse_field_line
from generator.model import RawText


def _doc(text: str, hints: tuple = ()):
    return clean(RawText(file="x.txt", text=text, format="text", encoding="utf-8", content_hash="0", hints=hints), "x")


@pytest.mark.parametrize("line, day_first, names, date", [
    ("Door Sanne Bakker · 4 februari 2027, 10:15", True, ["Sanne Bakker"], "2027-02-04"),
    ("Av Lars Holm", False, ["Lars Holm"], ""),
    ("Por Rui Matos, do Porto · 05/02/2027 às 09h10", True, ["Rui Matos"], "2027-02-05"),
    ("Por Maria da Costa · 05/02/2027", True, ["Maria da Costa"], "2027-02-05"),     # a particle, not a place
    ("Par Louis Garnier — Publié le 2 février 2027 à 9h00, mis à jour le 3 février 2027", True,
     ["Louis Garnier"], "2027-02-02"),
    ("（記者：山本花子）", False, ["山本花子"], ""),
    ("(Reporting by Ana Ruiz; Editing by Tom Bell)", False, ["Ana Ruiz"], ""),
])
def test_bylines(line, day_first, names, date):
    assert parse_byline(line, day_first) == (names, date)


@pytest.mark.parametrize("line", ["(Editing by Tom Bell)", "责任编辑：张伟", "Medically reviewed by Dr. Ann Cole"])
def test_editor_credits_are_bylines_without_authors(line):
    assert parse_byline(line) == ([""], "")


def test_months_in_more_languages():
    assert [d for _, _, d in find_dates("4 maart 2027, 3 marca 2027, 3 Mart 2027")] == ["2027-03-04", "2027-03-03",
                                                                                       "2027-03-03"]


@pytest.mark.parametrize("line", ["2027年2月4日 9時05分", "2027年2月4日 下午3点20分", "2027년 2월 4일 오후 3시 20분"])
def test_date_lines_with_cjk_clock_times(line):
    assert dateline_date(line) == "2027-02-04"


def test_labelled_field_lines():
    assert parse_field_line("来源：海港晚报  作者：陈立  2027-02-04 09:00") == {
        "publisher": "海港晚报", "authors": ["陈立"], "published": "2027-02-04"}
    assert parse_field_line("Source: Harbour Post | By: Jane Cole") == {"publisher": "Harbour Post",
                                                                        "authors": ["Jane Cole"]}
    assert parse_field_line("责任编辑：张伟 | 2027-02-04") == {"published": "2027-02-04"}
    assert parse_field_line("Source: Harbour Post") is None              # an origin note, read elsewhere
    assert parse_field_line("Weather: sunny | Wind: light") is None       # fields this reader does not know


@pytest.mark.parametrize("text, found", [
    ("OSLO, Jan 5, 2027 (Nordic Wire) - The fjord ferry", ("2027-01-05", "Nordic Wire")),
    ("BERLIN (dpa) - Die Bahn", ("", "dpa")),
    ("QUITO, Ecuador, May 2, 2027 — The company said", ("2027-05-02", "")),
    ("Mr Cole said on 3 March 2027 - the deal", ("", "")),
    ("Cole, the mayor - said", ("", "")),
])
def test_lead_datelines(text, found):
    assert lead_dateline(text) == found


@pytest.mark.parametrize("line, holder", [
    ("© 2027 Harbour Post. All rights reserved.", "Harbour Post"),
    ("Copyright 2019-2027 Acme Media Group", "Acme Media Group"),
    ("© Valley Tribune 2027", "Valley Tribune"),
    ("© 2027", ""),
    ("All rights reserved.", ""),
    ("© 2027 all of the content on this site belongs to us", ""),
])
def test_copyright_holders(line, holder):
    assert copyright_holder(line) == holder


def test_end_marks():
    assert is_end_mark("###") and is_end_mark("-30-") and is_end_mark("- ENDS -")
    assert not is_end_mark("The end of an era")


BODY = "The harbour board approved the new pier on Monday after a year of talks, the board said.\n\n" \
       "Construction starts in May and will take two years.\n\n"


def test_foot_masthead_and_copyright_give_the_publisher():
    assert _doc("Pier approved\n\n" + BODY + "*The Valley Tribune*\n").metadata.publisher == "The Valley Tribune"
    doc = _doc("Pier approved\n\n" + BODY + "© 2027 Harbour Post. All rights reserved.\n")
    assert doc.metadata.publisher == "Harbour Post" and "rights reserved" not in doc.text


def test_the_pages_own_metadata_wins_over_a_copyright_line():
    doc = _doc("Pier approved\n\n" + BODY + "© 2027 Harbour Media Holdings\n", hints=(("publisher", "Harbour Post"),))
    assert doc.metadata.publisher == "Harbour Post"


def test_lead_dateline_dates_the_story_and_its_agency_is_the_fallback_publisher():
    doc = _doc("Pier approved\n\nOSLO, Jan 5, 2027 (Nordic Wire) - " + BODY)
    assert (doc.metadata.published, doc.metadata.publisher) == ("2027-01-05", "Nordic Wire")
    assert doc.text.startswith("OSLO, Jan 5, 2027 (Nordic Wire) - The harbour board")    # the text keeps it


def test_a_sentence_on_the_last_line_is_no_masthead():
    doc = _doc("Pier approved\n\n" + BODY + "The Valley Tribune will follow the story.\n")
    assert doc.metadata.publisher == "" and "will follow the story" in doc.text
