"""Cleaning rules added after the second reader review, on synthetic texts in
several languages: station names above the headline, press-release contact
blocks, bylines with a place and a numeric date, reader polls, and
standfirsts marked up as subheadings."""
import pytest

from generator.clean import chrome, clean, facts, structure
from generator.clean.state import CleanState, Line
from generator.model import HEADING, PARAGRAPH, RawText

EN = "The harbour board approved the new dredging contract after a long debate on Tuesday."
EN2 = "Work on the northern channel is due to start in the spring and last two years."
DE = "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt beschlossen."
DE2 = "Die Ausgaben für Schulen und Straßen steigen im kommenden Jahr um vier Prozent."
ES = "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate."
ES2 = "El gasto en escuelas y carreteras aumentará un cuatro por ciento el próximo año."
PT = "A câmara municipal aprovou na terça-feira o novo orçamento depois de um longo debate."
PT2 = "Os gastos com escolas e estradas vão subir quatro por cento no próximo ano."
FR = "Le conseil municipal a adopté mardi le nouveau budget après un long débat."
FR2 = "Les dépenses pour les écoles et les routes augmenteront de quatre pour cent l'an prochain."


def doc_of(text: str, fmt: str = "text", hints: dict | None = None):
    raw = RawText(file="a.txt", text=text, format=fmt, encoding="utf-8", content_hash="0",
                  hints=tuple(sorted((hints or {}).items())))
    return clean(raw, "a")


def texts(doc) -> list[str]:
    return [block.text for block in doc.blocks]


# --- 1. a station's name above the headline is the publisher ----------------

@pytest.mark.parametrize("station,headline,body", [
    ("Harbourview 7 News", "Dredging contract approved after long harbour board debate", EN + "\n\n" + EN2),
    ("Radio Nordmark", "Stadtrat beschließt neuen Haushalt nach langer Debatte", DE + "\n\n" + DE2),
    ("Canal 24 Noticias", "El ayuntamiento aprueba el presupuesto tras un largo debate", ES + "\n\n" + ES2),
    ("KXQT News", "Dredging contract approved after long harbour board debate", EN + "\n\n" + EN2),
])
def test_station_name_above_the_headline_becomes_the_publisher(station, headline, body):
    doc = doc_of(f"{station}\n{headline}\n\n{body}")
    assert doc.metadata.title == headline
    assert doc.metadata.publisher == station
    assert station not in texts(doc)


@pytest.mark.parametrize("kicker", ["Motoring | Europe", "World News", "Business News", "Sport · Rowing", "Ports & Shipping"])
def test_section_kickers_stay_non_titles_and_name_no_publisher(kicker):
    headline = "Dredging contract approved after long harbour board debate"
    doc = doc_of(f"{kicker}\n\n{headline}\n\n{EN}\n\n{EN2}")
    assert doc.metadata.title == headline
    assert doc.metadata.publisher == ""
    assert kicker not in texts(doc)


def test_metadata_publisher_wins_over_a_station_kicker():
    headline = "Dredging contract approved after long harbour board debate"
    doc = doc_of(f"Harbourview 7 News\n\n{headline}\n\n{EN}\n\n{EN2}", hints={"publisher": "Harbourview Media Group"})
    assert doc.metadata.publisher == "Harbourview Media Group"


@pytest.mark.parametrize("name,expected", [
    ("Channel 12 News", True), ("Radio Valmont", True), ("Kanal 5 Nachrichten", True), ("TV Serrana", True),
    ("World News", False), ("AI News", False), ("Radio", False), ("The radio debate", False),
    ("Channel 12345 News", False), ("Motoring | Europe", False),
])
def test_broadcaster_names(name, expected):
    assert facts.is_broadcaster_name(name) is expected


# --- 2. contact blocks of press releases ------------------------------------

def test_english_contact_block_is_chrome_and_the_next_section_stays():
    text = "\n\n".join([
        "Quayside Holdings reports record cargo volumes", EN, EN2,
        "Media contact:",
        "Jane Roe\nHead of Communications, Quayside Holdings\n+44 20 7946 0000\npress@quayside.example",
        "Investor relations\nTom Hale\n+44 20 7946 0001",
        "About Quayside Holdings",
        "Quayside Holdings operates four container terminals on the east coast of the country."])
    doc = doc_of(text)
    body = texts(doc)
    for gone in ("Media contact:", "Jane Roe", "+44 20 7946 0000", "press@quayside.example", "Tom Hale",
                 "Investor relations"):
        assert not any(gone in t for t in body), gone
    assert "About Quayside Holdings" in body
    assert any(r.rule == "contact_block" for r in doc.removed)


def test_german_contact_block_with_inline_details_is_chrome():
    text = "\n\n".join([
        "Hafengesellschaft meldet Rekordumschlag", DE, DE2,
        "Pressekontakt",
        "Anna Berger",
        "Leiterin Kommunikation",
        "Tel.: +49 40 1234 5678",
        "E-Mail: presse@hafen.example"])
    body = texts(doc_of(text))
    assert body == [DE, DE2]


def test_contact_label_without_any_phone_or_address_keeps_its_lines():
    state = CleanState(lines=[Line(text="Contact"), Line(text="Jane Roe"), Line(text=EN)])
    chrome.drop_contact_blocks(state)
    assert [line.text for line in state.lines] == ["Contact", "Jane Roe", EN]


@pytest.mark.parametrize("lines", [
    ["Jane Roe", "Head of Communications", "+44 20 7946 0000"],
    ["Anna Berger", "Pressesprecherin", "Tel. 040 1234 5678"],
    ["Marie Dubois", "marie.dubois@port.example"],
])
def test_names_over_phone_or_email_lines_are_never_headings(lines):
    state = CleanState(lines=[Line(text=EN)] + [Line(text=t) for t in lines])
    structure.headings(state)
    assert all(line.kind != HEADING for line in state.lines)


@pytest.mark.parametrize("text,expected", [
    ("+44 20 7946 0000", True), ("(555) 010-0199", True), ("Tel.: 030 1234 5678", True),
    ("presse@hafen.example", True), ("1 500 000", False), ("2026.04.05 ~ 2026.05.01", False),
    ("Rockport 14 11 6 15 — 46", False), (EN, False),
])
def test_contact_detail_lines(text, expected):
    assert chrome.is_contact_detail(text) is expected


# --- 3. bylines with a place and a date -------------------------------------

@pytest.mark.parametrize("line,lang,names,iso", [
    ("Por Ana Lima · Porto Alegre · 03/04/2026 09h15", "pt", ["Ana Lima"], "2026-04-03"),
    ("Par Luc Martin · Lyon · 05/06/2026 à 08h30", "fr", ["Luc Martin"], "2026-06-05"),
    ("Von Anna Berger · Frankfurt am Main · 07.08.2026, 06:10 Uhr", "de", ["Anna Berger"], "2026-08-07"),
    ("Di Marco Rossi · Genova · 09/10/2026 ore 11:20", "it", ["Marco Rossi"], "2026-10-09"),
    ("By Jane Doe · Leeds · 03/04/2026", "en", ["Jane Doe"], ""),      # en: both readings exist
    ("By Jane Doe · Leeds · 25/04/2026", "en", ["Jane Doe"], "2026-04-25"),
])
def test_byline_with_place_and_numeric_date(line, lang, names, iso):
    assert facts.parse_byline(line, facts.day_first(lang)) == (names, iso)


def test_byline_line_with_place_leaves_the_body_as_author_and_date():
    text = "# Câmara aprova orçamento após longo debate\n\n" \
           "Por Ana Lima · Porto Alegre · 03/04/2026 09h15\n\n" + PT + "\n\n" + PT2
    doc = doc_of(text, fmt="markdown", hints={"lang": "pt"})
    assert doc.metadata.authors == ("Ana Lima",)
    assert doc.metadata.published == "2026-04-03"
    assert texts(doc) == [PT, PT2]


def test_numeric_dates_stay_unread_without_a_day_first_language():
    assert facts.find_dates("03/04/2026") == []
    assert facts.find_dates("03/04/2026", day_first=True)[0][2] == "2026-04-03"
    assert facts.find_dates("04/25/2026", day_first=True)[0][2] == "2026-04-25"   # 25 cannot be a month
    assert facts.dateline_date("Publié le 03/04/2026 à 07h40", facts.day_first("fr")) == "2026-04-03"
    assert not facts.day_first("en") and facts.day_first("pt-BR")


# --- 4. reader polls ----------------------------------------------------------

def test_labelled_poll_with_options_and_button_is_chrome():
    text = "\n\n".join(["Stadtrat beschließt Haushalt", DE, DE2, "Umfrage",
                        "Sollen Autos aus der Innenstadt verbannt werden?", "Ja", "Nein", "Weiß nicht",
                        "Abstimmen", "Die Sitzung wurde am Abend nach mehr als fünf Stunden Beratung beendet."])
    body = texts(doc_of(text))
    assert body == [DE, DE2, "Die Sitzung wurde am Abend nach mehr als fünf Stunden Beratung beendet."]


def test_unlabelled_poll_with_vote_count_is_chrome():
    text = "\n\n".join(["Le conseil adopte le budget", FR, FR2, "Faut-il interdire les voitures en centre-ville ?",
                        "Oui", "Non", "1 234 votes"])
    assert texts(doc_of(text)) == [FR, FR2]


def test_poll_label_inline_with_its_question():
    text = "\n\n".join(["Council adopts the budget", EN, EN2, "Poll: Should cars be banned from the old town?",
                        "Yes", "No"])
    assert texts(doc_of(text)) == [EN, EN2]


@pytest.mark.parametrize("body,question", [
    ([EN, EN2], "Is your pension safe?"),
    ([DE, DE2], "Wie sicher ist Ihr Arbeitsplatz?"),
    ([ES, ES2], "¿Le afecta a usted la subida de impuestos?"),
])
def test_lone_reader_question_after_the_last_paragraph_is_chrome(body, question):
    text = "\n\n".join(["Council adopts the budget", *body, question])
    assert texts(doc_of(text)) == body


def test_questions_inside_the_article_stay():
    answer = "Passengers can rebook for free or claim a full refund, the airline said on Friday."
    text = "\n\n".join(["Council adopts the budget", EN, "What happens to my booking?", answer, EN2])
    assert "What happens to my booking?" in texts(doc_of(text))


def test_a_question_over_a_short_list_is_no_poll_without_votes():
    # "Which ports close?" / two names: an answer, not a poll (no button, count or percentages).
    state = CleanState(lines=[Line(text=EN), Line(text="Which ports close?"), Line(text="Rosslare"),
                              Line(text="Dun Laoghaire"), Line(text=EN2)])
    chrome.drop_polls(state)
    assert len(state.lines) == 5


def test_a_closing_question_not_addressed_to_the_reader_stays():
    text = "\n\n".join(["Council adopts the budget", EN, EN2, "Will the port be ready in time?"])
    assert "Will the port be ready in time?" in texts(doc_of(text))


# --- 5. standfirsts marked up as subheadings ------------------------------------

@pytest.mark.parametrize("dek,body", [
    ("La operación, valorada en 300 millones de euros, deberá superar el examen de Bruselas", [ES, ES2]),
    ("The deal, worth 300 million euros, still needs the approval of the competition authority", [EN, EN2]),
    ("Medida atinge cerca de 40 mil famílias; prefeitura promete nova consulta pública em maio", [PT, PT2]),
])
def test_subheading_under_the_title_that_reads_as_a_sentence_is_the_standfirst(dek, body):
    text = f"# Council approves the new budget\n\n## {dek}\n\n" + "\n\n".join(body)
    doc = doc_of(text, fmt="markdown")
    assert doc.blocks[0].kind == PARAGRAPH and doc.blocks[0].text == dek
    assert doc.metadata.summary == dek


@pytest.mark.parametrize("heading", ["Ministry responds", "Was sich jetzt ändert",
                                     "By Jane Doe · Leeds · 3 May 2026"])
def test_short_subheading_or_meta_line_under_the_title_is_no_standfirst(heading):
    text = f"# Council approves the new budget\n\n## {heading}\n\n{EN}\n\n{EN2}"
    doc = doc_of(text, fmt="markdown")
    assert doc.metadata.summary != heading
    assert all(not (b.kind == PARAGRAPH and b.text == heading) for b in doc.blocks)


def test_meta_line_date_is_read_day_first_by_the_page_language():
    lines = [Line(text="03/04/2026 · vor 2 Stunden aktualisiert"), Line(text=DE)]
    state = CleanState(lines=list(lines), hints={"lang": "de"})
    chrome.drop_meta_lines(state)
    assert state.facts["published"] == "2026-04-03"
    state = CleanState(lines=list(lines), hints={"lang": "en"})
    chrome.drop_meta_lines(state)
    assert "published" not in state.facts
