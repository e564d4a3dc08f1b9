"""Cleaning rules of the sixth round, on synthetic texts (other outlets,
names, words and languages than any fixture): pasted e-mail and podcast
headers, press-release boilerplate and press-kit notes, genitive bylines,
CJK lead credits, machine-translation notes, "Headline_Site" titles,
navigation rows and columns, mastheads named again by the copyright line,
dates in Devanagari and Greek, Scandinavian and Indonesian labels, info rows
naming the source."""
import time

import pytest

from generator.clean import chrome, facts, pasted
from generator.read_html import extract_html
from tests.test_clean_review2_cleaning import doc_of, texts

EN = "The harbour board approved the new dredging contract after a long debate on Tuesday evening."
EN2 = "Work on the northern channel is due to start in the spring and last about two years."
EN3 = "Opponents said the plan would disturb the seal colony near the outer breakwater for years."


def joined(doc) -> str:
    return "\n".join(texts(doc))


# --- 1. pasted e-mails ---------------------------------------------------------

def test_mail_header_gives_title_sender_and_date_and_leaves():
    text = "\n".join(["From: Marsh Lane Letter <post@marsh.example>", "To: reader@example.org",
                      "Date: Mon, 2 Mar 2026 07:15:00 +0100", "Subject: Re: The lock gates reopen next week"])
    text += "\n\n" + "\n\n".join(["Hello friends, and thanks to the 30 people who signed up!", EN, EN2, EN3,
                                  "That's all for today. Hit reply with your questions.",
                                  "Warm regards,\nOskar Lindqvist\nEditor, Marsh Lane Letter",
                                  "Forward this to a neighbour. Unsubscribe | Manage preferences",
                                  "Marsh Lane Letter, 4 Canal Yard, Lowtown"])
    doc = doc_of(text)
    meta = doc.metadata
    assert meta.title == "The lock gates reopen next week"
    assert meta.publisher == "Marsh Lane Letter"
    assert meta.published == "2026-03-02"
    assert list(meta.authors) == ["Oskar Lindqvist"]
    body = joined(doc)
    for gone in ("From:", "Subject:", "thanks to the 30 people", "Hit reply", "Canal Yard", "Unsubscribe"):
        assert gone not in body, gone
    assert EN in body and EN3 in body


def test_text_without_mail_header_keeps_its_greeting_and_closing():
    text = "\n\n".join(["Lock gates reopen", "Hello from the harbour, where the gates reopened today!",
                        EN, EN2, "Thanks,\nOskar Lindqvist"])
    body = joined(doc_of(text))
    assert "Hello from the harbour" in body


def test_sender_name_without_address():
    assert pasted.sender_name("Tidewater Notes <hi@tide.example>") == "Tidewater Notes"
    assert pasted.sender_name("hi@tide.example") == ""


def test_one_header_field_is_no_header():
    from generator.clean.state import Line
    assert pasted.mail_header([Line("Subject: harbour"), Line(EN)]) == (0, {})


# --- 2. podcast pages ------------------------------------------------------------

def test_podcast_header_episode_host_chapters_and_promotions():
    text = "\n".join(["HARBOUR HOUR", "Ep. 17 – The dredger that sank twice", "Published 5 May 2026 | 41:02",
                      "Hosted by: Lena Marsh", "Guest: Captain Ivo Brandt", "Produced by Tom Keel"])
    text += "\n\n" + "\n".join(["Chapters", "00:00 Intro", "03:10 The first sinking", "12:45 Salvage",
                                "30:00 What comes next"])
    text += "\n\n" + "\n\n".join(["Follow the show on your app. Today's episode is sponsored by Gull Bakery.",
                                  "TRANSCRIPT", EN, EN2, EN3])
    doc = doc_of(text)
    meta = doc.metadata
    assert meta.title == "The dredger that sank twice"
    assert meta.publisher == "HARBOUR HOUR"
    assert list(meta.authors) == ["Lena Marsh"]
    body = joined(doc)
    for gone in ("03:10 The first sinking", "Chapters", "Gull Bakery", "Captain Ivo", "Tom Keel", "TRANSCRIPT"):
        assert gone not in body, gone
    assert EN in body


@pytest.mark.parametrize("line,expected", [
    ("12:30 Questions from listeners", True),
    ("[1:02:03] Outro", True),
    ("10:15 HOST: We are back with the harbour master and her deputy.", False),
    ("The meeting began at 10:15 sharp.", False),
])
def test_chapter_lines(line, expected):
    assert pasted.is_chapter(line) is expected


def test_promotion_line_only_when_every_sentence_is_one():
    assert pasted.is_promo("Subscribe to the show. This episode is brought to you by Kelp Co.")
    assert not pasted.is_promo("Subscribe to the show. The harbour board met on Tuesday.")


# --- 3. press releases -------------------------------------------------------------

def test_about_heading_names_the_issuer():
    assert chrome.about_heading("About Lindholm Ferries AB") == "Lindholm Ferries AB"
    assert chrome.about_heading("Über die Nordwerk Stahl AG") == "Nordwerk Stahl AG"
    assert chrome.about_heading("About 200 people came.") == ""
    assert chrome.about_heading("about the author") == ""


def test_release_boilerplate_gives_publisher_and_press_kit_note_goes():
    text = "\n\n".join(["Lindholm Ferries AB orders two electric ferries", EN, EN2, EN3,
                        "About Lindholm Ferries AB",
                        "Lindholm Ferries AB runs six routes across the northern archipelago.",
                        "High-resolution images are available for download in our newsroom."])
    doc = doc_of(text)
    assert doc.metadata.publisher == "Lindholm Ferries AB"
    assert "High-resolution images" not in joined(doc)


def test_german_dateline_after_standfirst():
    text = "\n\n".join(["Nordwerk Stahl eröffnet neues Walzwerk",
                        "Das Werk soll jährlich eine Million Tonnen Stahl erzeugen",
                        "Duisburg, 3. März 2026 – Die Nordwerk Stahl AG hat am Dienstag ihr neues Walzwerk "
                        "eröffnet. Der Bau dauerte drei Jahre.",
                        "Im Werk arbeiten künftig rund 400 Menschen in drei Schichten an sieben Tagen."])
    assert doc_of(text).metadata.published == "2026-03-03"


# --- 4. bylines with a case, lead credits ------------------------------------------------

@pytest.mark.parametrize("line,names", [
    ("Της Ελένης Δημητρίου", ["Ελένη Δημητρίου"]),
    ("Του Νίκου Σταθόπουλου", ["Νίκος Σταθόπουλος"]),
    ("Του Γιάννη Γεωργίου", ["Γιάννης Γεωργίου"]),
    ("Της Σοφίας Αλεξίου και του Πέτρου Μανωλάκη", ["Σοφία Αλεξίου", "Πέτρος Μανωλάκης"]),
])
def test_greek_genitive_bylines(line, names):
    assert facts.parse_byline(line)[0] == names


def test_italian_byline_with_two_authors():
    assert facts.parse_byline("di Marta Bellini e Paolo Serra")[0] == ["Marta Bellini", "Paolo Serra"]


@pytest.mark.parametrize("text,names", [
    ("新华社杭州4月2日电（记者 陈立 通讯员 何平）今天上午，码头开工。", ["陈立"]),
    ("本报讯（记者 周敏）码头今天开工。", ["周敏"]),
    ("【神戸＝佐藤花子】港湾局は２日、新しい桟橋を公開した。", ["佐藤花子"]),
    ("【速報】港湾局は新しい桟橋を公開した。", []),
    ("（写真）新しい桟橋", []),
])
def test_cjk_lead_credits(text, names):
    assert facts.lead_credit(text)[0] == names


def test_lead_credit_leaves_the_paragraph():
    text = "\n\n".join(["港の新桟橋が完成", "2026年4月2日 10時00分",
                        "【神戸＝佐藤花子】港湾局は2日、新しい桟橋を公開した。総工費は約30億円。",
                        "桟橋は来月から大型客船の受け入れを始める予定で、市は観光客の増加を見込む。"])
    doc = doc_of(text)
    assert list(doc.metadata.authors) == ["佐藤花子"]
    assert "【神戸" not in joined(doc)


# --- 5. translation notes -----------------------------------------------------------

def test_machine_translation_note_in_markdown():
    text = ("> **Machine translation.** This article was machine-translated from Czech by LinguaFlow and has "
            "not been checked. The original, \"Přístav otevírá nové molo\", was published in *Deník Přístavu* "
            "on 4 May 2026. Original author: Jana Horáková.\n\n# Harbour opens new pier after two years\n\n"
            + EN + "\n\n" + EN2 + "\n\n*Share:* [Facebook](#) · [Email](#)\n\n*Related:* [Ferry fares rise](#)"
            " · [New crane arrives](#)\n\n*Pages are translated automatically. © 2026 Deník Přístavu. "
            "All rights reserved.*")
    doc = doc_of(text, fmt="markdown")
    meta = doc.metadata
    assert meta.title == "Harbour opens new pier after two years"
    assert meta.origin.language == "cs"
    assert meta.origin.translated_by == "LinguaFlow"
    assert meta.origin.publisher == "Deník Přístavu"
    assert meta.publisher == "Deník Přístavu"          # the copyright, never the translation tool
    assert meta.published == "2026-05-04"
    assert list(meta.authors) == ["Jana Horáková"]
    body = joined(doc)
    for gone in ("machine-translated", "Original author", "Related:", "All rights reserved"):
        assert gone not in body, gone


def test_translated_by_a_person_is_unchanged():
    notes = facts.parse_origin_note("Translated from the Korean by Jane Doe.")
    assert notes and notes[0]["by"] == "Jane Doe" and notes[0]["lang"] == "ko"


# --- 6. titles, navigation and mastheads -------------------------------------------------

def test_title_tag_with_underscore_site_suffix():
    html = ("<html lang='zh'><head><meta charset='utf-8'><title>港口新码头开工_海湾在线</title></head><body>"
            "<h1>港口新码头开工</h1><div class='info'>\n<span>2026-04-02 09:10</span>\n<span>来源：海湾晚报</span>\n"
            "<span>阅读：88</span>\n</div><div class='content'><p>" + "新码头今天正式开工，预计两年后完工，总投资约五亿元。" * 3
            + "</p><p>" + "市港务局表示，工程期间旧码头照常运营，不影响旅客出行。" * 3 + "</p></div></body></html>")
    hints = dict(extract_html(html).hints)
    assert hints["title"] == "港口新码头开工"
    doc = doc_of(extract_html(html).text, fmt="text", hints=hints)
    assert doc.metadata.publisher == "海湾晚报"
    assert doc.metadata.published == "2026-04-02"


def test_labelled_publisher():
    assert facts.labelled_publisher("2026-04-02 09:10 来源：海湾晚报 阅读：88") == "海湾晚报"
    assert facts.labelled_publisher("Source: Gull Gazette Views: 12") == "Gull Gazette"
    assert facts.labelled_publisher("Views: 12") == ""


@pytest.mark.parametrize("row,expected", [
    ("ホーム\u3000政治\u3000経済\u3000スポーツ\u3000文化", True),
    ("Home     World     Sport     Culture", True),
    ("港の新桟橋が完成\u3000観光客増を期待", False),
    ("市は２日、\u3000新しい\u3000桟橋を\u3000公開した。", False),
])
def test_nav_rows_set_apart_by_spaces(row, expected):
    assert chrome.is_nav_row(row) is expected


def test_masthead_named_by_copyright_and_nav_column_leave():
    text = "\n".join(["Fjordposten", "Nyheter", "Sport", "Kultur", "Debatt"]) + "\n\n" + "\n\n".join([
        "Ny bro över fjorden öppnar i maj efter fyra års bygge",
        "Av Ingrid Solheim",
        "Publicerad 3 april 2026 kl. 07.30\nUppdaterad 3 april 2026 kl. 12.05",
        "Bron mellan de två kommunerna öppnar för trafik den 12 maj, meddelar vägverket på tisdagen.",
        "Bygget har kostat 1,2 miljarder kronor och försenats ett år på grund av stormskador.",
        "Läs även\nFärjan läggs ned när bron öppnar",
        "© Fjordposten 2026"])
    doc = doc_of(text)
    meta = doc.metadata
    assert meta.title == "Ny bro över fjorden öppnar i maj efter fyra års bygge"
    assert meta.publisher == "Fjordposten"
    assert meta.published == "2026-04-03"
    assert list(meta.authors) == ["Ingrid Solheim"]
    body = joined(doc)
    for gone in ("Nyheter", "Kultur", "Publicerad", "Uppdaterad", "Läs även"):
        assert gone not in body, gone


def test_holder_with_company_form_gives_way_to_the_masthead():
    text = "\n\n".join(["समुद्र वाणी", "बंदरगाह पर नया घाट तैयार, अगले महीने से शुरू होगी सेवा",
                        "रिपोर्ट: विकास मेहरा | प्रकाशित: ३ अप्रैल २०२६, 10:00 IST | अपडेटेड: ४ अप्रैल २०२६",
                        "बंदरगाह प्रशासन ने बताया कि नए घाट पर एक साथ चार जहाज़ रुक सकेंगे और काम पूरा हो गया है।",
                        "अधिकारियों के अनुसार इस परियोजना पर लगभग 90 करोड़ रुपये खर्च हुए हैं और सेवा जल्द शुरू होगी।",
                        "यह भी पढ़ें: तट पर नई सड़क का काम शुरू",
                        "© 2026 समुद्र वाणी मीडिया प्रा. लि. सर्वाधिकार सुरक्षित।"])
    doc = doc_of(text)
    meta = doc.metadata
    assert meta.publisher == "समुद्र वाणी"
    assert meta.published == "2026-04-03"
    assert list(meta.authors) == ["विकास मेहरा"]
    assert meta.title.startswith("बंदरगाह पर नया घाट")
    assert "यह भी पढ़ें" not in joined(doc)


# --- 7. dates -----------------------------------------------------------------------

@pytest.mark.parametrize("text,iso", [
    ("५ मार्च २०२६", "2026-03-05"),
    ("12 सितंबर 2026", "2026-09-12"),
    ("7 Μαΐου 2026", "2026-05-07"),
    ("Publicerad 3 april 2026 kl. 07.30", "2026-04-03"),
    ("Diterbitkan 9 Agustus 2026", "2026-08-09"),
    ("Pubblicato il 2 marzo 2026 alle 10:15 · Ultimo aggiornamento: 3 marzo 2026, 08:00", "2026-03-02"),
])
def test_dates_in_more_languages(text, iso):
    assert facts.dateline_date(text, True) == iso


def test_indonesian_writer_and_editor_lines():
    text = "\n\n".join(["Jembatan baru di pelabuhan dibuka untuk umum",
                        "Penulis: Arif Santoso\nEditor: Maya Lestari",
                        "Jembatan sepanjang 300 meter itu dibuka oleh wali kota pada Senin pagi setelah dua tahun.",
                        "Warga menyambut baik pembukaan jembatan yang memangkas waktu tempuh hingga setengah jam."])
    doc = doc_of(text)
    assert list(doc.metadata.authors) == ["Arif Santoso"]
    assert "Maya Lestari" not in joined(doc)


# --- 8. bounded time ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Episode 1 " + "x" * 400_000,
    "From: " + "a" * 400_000,
    "（记者 " + "王" * 400_000,
    "About " + "A" * 400_000,
    "00:00 " + "a" * 400_000,
    "This article was machine-translated from Polish by " + "X and " * 50_000,
])
def test_new_patterns_stay_linear(text):
    start = time.perf_counter()
    doc_of(text + "\n\n" + EN)
    assert time.perf_counter() - start < 20
