"""Cleaning and reading rules of the fifth round, on synthetic texts (other
names, outlets and languages than any fixture): leads outside the article
element, "Headline | Site" titles confirmed by the page's <h1>, date and
byline elements of HTML pages, navigation rows and follow prompts, dates
with Arabic month names and labels, bylines in more languages (interviews,
two authors, translators and editors), copyright holders, origin notes in
Romance and Germanic languages, AI-summary headings, wire-release provider
labels, account post headers and closing name credits."""
import pytest

from generator.clean import chrome, facts, structure
from generator.read_html import extract_html
from tests.test_clean_review2_cleaning import doc_of, texts

EN = "The harbour board approved the new dredging contract after a long debate on Tuesday evening."
EN2 = "Work on the northern channel is due to start in the spring and last about two years."
ES = "El ayuntamiento aprobó el nuevo contrato de dragado tras un largo debate el martes por la tarde."
RU = "Городской совет утвердил новый договор на углубление гавани после долгих споров во вторник."
AR = "وافق مجلس الميناء على عقد التجريف الجديد بعد نقاش طويل يوم الثلاثاء في مقر البلدية."
ZH = "市议会周二在就港口工程和学校进行长时间辩论后批准了新的疏浚合同和预算方案。"


def hints_of(html: str) -> dict:
    return dict(extract_html(html).hints)


def page(body: str, head: str = "", lang: str = "en") -> str:
    return f"<html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


ARTICLE_ES = "".join(f"<p>{ES} Párrafo {i} del artículo con más texto para el extractor.</p>" for i in range(6))


# --- 7. a lead outside the article element -------------------------------------------

def test_lead_paragraph_before_the_article_element_is_kept():
    lead = "El contrato de dragado costará doce millones y las obras empezarán en primavera."
    html = page(f"<main><h1>Titular</h1><p class='chapo'><b>{lead}</b></p><article>{ARTICLE_ES}</article></main>",
                lang="es")
    text = extract_html(html).text
    assert text.startswith(lead)
    assert text.count(lead) == 1


def test_a_lead_class_inside_a_list_or_after_the_article_is_not_a_lead():
    teaser = "Otra noticia del puerto que enlaza a una página distinta con su propio titular largo."
    html = page(f"<main><article>{ARTICLE_ES}</article><ul><li><p class='summary'>{teaser}</p></li></ul>"
                f"<p class='lead'>{teaser} Y algo más de texto.</p></main>", lang="es")
    assert teaser not in extract_html(html).text


# --- 1. "Headline | Site" titles ---------------------------------------------------------

def test_title_tag_loses_the_site_part_when_the_h1_is_the_headline():
    headline = "Stadtrat beschließt neuen Hafenvertrag"
    hints = hints_of(page(f"<h1>{headline}</h1><article>{ARTICLE_ES}</article>",
                          f"<title>{headline} – Kurier am Fluss</title>", "de"))
    assert hints["title"] == headline
    assert hints["publisher"] == "Kurier am Fluss"


def test_title_tag_is_kept_whole_without_a_matching_h1():
    hints = hints_of(page(f"<h1>Something else</h1><article>{ARTICLE_ES}</article>",
                          "<title>Lions - Tigers derby ends level</title>"))
    assert hints["title"] == "Lions - Tigers derby ends level"
    assert "publisher" not in hints


def test_json_ld_publisher_wins_over_a_site_name_with_an_edition_word():
    ld = '{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Lakeside Courier"}}'
    hints = hints_of(page(f"<article>{ARTICLE_ES}</article>",
                          "<meta property='og:site_name' content='Lakeside Courier Online'>"
                          f"<script type='application/ld+json'>{ld}</script>"))
    assert hints["publisher"] == "Lakeside Courier"


# --- 2/3. date and byline elements of HTML pages -----------------------------------------

@pytest.mark.parametrize("element,lang,iso", [
    ("<span class='date'>Martes, 4/3/2026 - 09:10</span>", "es", "2026-03-04"),
    ("<p><time>05/03/2026 14h20</time></p>", "pt", "2026-03-05"),
    ("<div class='article-info'><span>입력 2026.03.06 10:00</span> <span>수정 2026.03.07 11:00</span></div>",
     "ko", "2026-03-06"),
])
def test_a_date_element_gives_the_publication_date(element, lang, iso):
    html = page(f"<main><h1>Titular del día</h1>{element}<article>{ARTICLE_ES}</article></main>", lang=lang)
    raw = extract_html(html)
    doc = doc_of(raw.text, "markdown", dict(raw.hints))
    assert doc.metadata.published == iso


def test_metadata_date_wins_over_the_date_element():
    html = page(f"<span class='date'>1/2/2026</span><article>{ARTICLE_ES}</article>",
                "<meta property='article:published_time' content='2026-01-15T08:00:00Z'>", "es")
    raw = extract_html(html)
    assert doc_of(raw.text, "markdown", dict(raw.hints)).metadata.published == "2026-01-15"


def test_a_byline_element_with_two_authors_and_the_site_name():
    html = page("<h1>Titular del día</h1><div class='autoria'><p>Por <b>Ana Souza</b> y <b>Pedro Gil</b>, "
                "Diario Costero — Valparaíso</p><p>3/4/2026</p></div>"
                f"<article>{ARTICLE_ES}</article>", "<title>Titular del día | Diario Costero</title>", "es")
    raw = extract_html(html)
    doc = doc_of(raw.text, "markdown", dict(raw.hints))
    assert list(doc.metadata.authors) == ["Ana Souza", "Pedro Gil"]
    assert doc.metadata.publisher == "Diario Costero"


def test_a_byline_element_holding_only_a_name_names_the_author():
    html = page(f"<article>{ARTICLE_ES}<p class='author'><strong>Trần Thu Hà</strong></p></article>", lang="vi")
    raw = extract_html(html)
    assert list(doc_of(raw.text, "markdown", dict(raw.hints)).metadata.authors) == ["Trần Thu Hà"]


def test_a_commenter_is_no_author():
    html = page(f"<article>{ARTICLE_ES}</article><section class='comments'>"
                "<div><span class='author'>Marta Ruiz</span><p>Muy buen artículo.</p></div></section>", lang="es")
    assert "byline" not in hints_of(html)


def test_an_aggregator_source_box_is_the_origin():
    html = page("<div class='source-box'>Source: Fjord Posten (Norwegian). This story is based on reporting "
                "by Fjord Posten and has been condensed by our desk. Read the original</div>"
                f"<article>{ARTICLE_ES}</article>")
    raw = extract_html(html)
    origin = doc_of(raw.text, "markdown", dict(raw.hints)).metadata.origin
    assert origin.publisher == "Fjord Posten" and origin.language == "nb"


# --- 1/6. navigation rows, prompts and engagement lines ------------------------------------

@pytest.mark.parametrize("row", [
    "Inicio | Noticias | Deportes | Cultura | Contacto",
    "Головна | Новини | Спорт | Культура",
    "Trang chủ | Thời sự | Thể thao | Giải trí",
])
def test_navigation_row_is_no_title(row):
    doc = doc_of(f"{row}\n\nHarbour board approves dredging contract\n\n{EN}\n\n{EN2}")
    assert doc.metadata.title == "Harbour board approves dredging contract"
    assert row not in doc.text


def test_bar_rows_that_are_a_table_or_a_kicker_stay():
    assert not chrome.is_nav_row("Business | Transport")
    assert not chrome.is_nav_row("| Goals | Assists | Points | Minutes |")
    doc = doc_of(f"Results\n\nGoals | Assists | Points | Minutes\n--- | --- | --- | ---\n1 | 2 | 3 | 4\n\n{EN}",
                 "markdown")
    assert "Goals" in doc.text


@pytest.mark.parametrize("line", [
    "点击上方蓝字 关注我们",
    "Подписывайтесь на наш канал, чтобы не пропустить новости района!",
    "Заметили опечатку? Выделите фрагмент и нажмите Ctrl+Enter",
    "Login   Register",
    "Войти   Регистрация",
    "Share this story: Facebook X LinkedIn",
    "Was this article helpful? 👍 👎 · Report a problem",
    "Reading time 4 min",
    "Yorumlar (12)",
    "在看 57",
    "写留言",
    "-END-",
])
def test_engagement_lines_are_chrome(line):
    doc = doc_of(f"Harbour board approves dredging contract\n\n{EN}\n\n{line}\n\n{EN2}")
    assert line not in doc.text
    assert EN in doc.text and EN2 in doc.text


def test_related_label_in_arabic_and_chinese_goes():
    for label in ("اقرأ أيضاً:", "往期推荐"):
        doc = doc_of(f"Harbour board approves dredging contract\n\n{EN}\n\n{label}\n\n{EN2}")
        assert label not in doc.text


@pytest.mark.parametrize("line", ["Fotoğraf: Ayşe Demir", "Ảnh: Minh Tuấn", "تصوير: سامي العلي"])
def test_photo_credit_lines_are_credits(line):
    assert structure.caption_text(line) == ""


# --- 2. dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,iso", [
    ("الثلاثاء 3 مارس 2026 - 10:15 م", "2026-03-03"),
    ("5 تشرين الأول 2026", "2026-10-05"),
    ("آخر تحديث: 12 أيار 2026 - 08:00 ص", "2026-05-12"),
    ("Generated 2 May 2026", "2026-05-02"),
    ("입력 2026.05.04 09:10", "2026-05-04"),
])
def test_datelines_in_more_languages(text, iso):
    assert facts.dateline_date(text, True) == iso


def test_a_date_labelled_with_the_site_gives_date_and_publisher():
    assert facts.site_dateline("Publié sur Le Phare du Nord : 04/05/2026 · 09:00", True) == \
        ("2026-05-04", "Le Phare du Nord")
    assert facts.site_dateline("Publié sur le site hier soir", True) == ("", "")


def test_account_post_header_gives_date_and_publisher():
    assert chrome.account_header("原创 张伟 东湖日报 2026-03-04 10:00 湖北") == ("2026-03-04", "东湖日报")
    assert chrome.account_header("原创内容，转载请注明出处") is None
    doc = doc_of(f"原创 张伟 东湖日报 2026年3月4日 10:00 湖北\n\n港口疏浚合同获批\n\n{ZH}\n\n{ZH}")
    assert doc.metadata.published == "2026-03-04" and doc.metadata.publisher == "东湖日报"
    assert doc.metadata.title == "港口疏浚合同获批"


def test_section_label_above_a_date_line_is_a_kicker_in_cyrillic():
    doc = doc_of(f"Культура\n\n3 марта 2026, 10:45\n\nСовет утвердил договор на углубление гавани\n\n{RU}")
    assert doc.metadata.title == "Совет утвердил договор на углубление гавани"
    assert doc.metadata.published == "2026-03-03"


# --- 3. bylines ---------------------------------------------------------------------------------

@pytest.mark.parametrize("line,names", [
    ("김민지 기자 minji.kim@example.kr", ["김민지"]),
    ("Por Ana Souza y Pedro Gil", ["Ana Souza", "Pedro Gil"]),
    ("Por Ana Souza e Pedro Gil", ["Ana Souza", "Pedro Gil"]),
    ("Interview by Tom Baker", ["Tom Baker"]),
    ("Propos recueillis par Claire Martin", ["Claire Martin"]),
    ("كتب: سامي العلي", ["سامي العلي"]),
    ("بقلم ليلى حسن", ["ليلى حسن"]),
    ("Por Ana Souza | Traducción: Pedro Gil", ["Ana Souza"]),
    ("By Tom Baker · Translated by Eva Lind", ["Tom Baker"]),
    ("东湖日报 记者 王五 通讯员 赵六", ["王五"]),
])
def test_bylines_in_more_forms(line, names):
    assert facts.byline_authors(line) == names


@pytest.mark.parametrize("line", ["编辑：张三", "审核：李四", "责任编辑：王五"])
def test_editor_lines_are_metadata_without_authors(line):
    doc = doc_of(f"港口疏浚合同获批\n\n{ZH}\n\n{line}")
    assert line not in doc.text
    assert doc.metadata.authors == ()


def test_a_short_sentence_starting_with_an_arabic_verb_is_no_byline():
    assert facts.byline_authors("كتب الطلاب رسائل إلى المجلس.") == []


@pytest.mark.parametrize("last,authors", [
    ("（山田太郎）", ["山田太郎"]),
    ("**Trần Thu Hà**", ["Trần Thu Hà"]),
    ("(AP Photo)", []),
    ("**Thank you for reading**", []),
])
def test_closing_name_credit(last, authors):
    doc = doc_of(f"Harbour board approves dredging contract\n\n{EN}\n\n{EN2}\n\n{last}", "markdown")
    assert list(doc.metadata.authors) == authors


# --- 4. copyright holders --------------------------------------------------------------------------

@pytest.mark.parametrize("line,holder", [
    ("© 2026 «Вечерний город». Все права защищены. 18+", "Вечерний город"),
    ("جميع الحقوق محفوظة © 2026 صدى المدينة", "صدى المدينة"),
    ("The Lakeside Courier — local news since 1950. © 2026 Lakeside Courier Inc.", "The Lakeside Courier"),
    ("© 2026 Harbour Wire. Tüm hakları saklıdır.", "Harbour Wire"),
])
def test_copyright_holder_without_the_rights_phrase(line, holder):
    assert chrome.is_footer(line)
    assert chrome.copyright_holder(line) == holder


def test_prose_mentioning_copyright_is_no_footer():
    line = ("The court said the band had held the copyright since 1998 and that the label owed it royalties "
            "for every record sold in the decade that followed.")
    assert not chrome.is_footer(line)


# --- 5. origin notes and AI flags ------------------------------------------------------------------

@pytest.mark.parametrize("note,who,lang,by", [
    ("*Este reportaje se publicó originalmente en inglés en The Valley Ledger el 3 de mayo de 2026. "
     "Traducido del inglés por Marta Ruiz para Eco del Sur.*", "The Valley Ledger", "en", "Marta Ruiz"),
    ("Este artigo foi publicado originalmente em inglês no Valley Ledger. "
     "Traduzido do inglês por Ana Lima para Folha Nova.", "Valley Ledger", "en", "Ana Lima"),
    ("Cet article a été publié initialement en anglais par The Valley Ledger le 3 mai 2026. "
     "Traduit de l'anglais par Jean Roux pour Ici Infos.", "The Valley Ledger", "en", "Jean Roux"),
    ("Dieser Artikel ist ursprünglich auf Englisch bei Valley Ledger erschienen. "
     "Aus dem Englischen übersetzt von Anna Berg.", "Valley Ledger", "en", "Anna Berg"),
    ("Questo articolo è stato pubblicato originariamente in inglese su Valley Ledger. "
     "Traduzione dall'inglese di Marco Rossi.", "Valley Ledger", "en", "Marco Rossi"),
])
def test_origin_notes_in_more_languages(note, who, lang, by):
    doc = doc_of(f"Titular del día en el puerto\n\n{note}\n\n{ES}\n\n{ES}", "markdown")
    origin = doc.metadata.origin
    assert (origin.publisher, origin.language, origin.translated_by) == (who, lang, by)
    assert doc.metadata.publisher != by     # the translator is a person, no publisher


def test_a_source_line_naming_the_page_itself_is_no_origin():
    doc = doc_of(f"原创 张伟 东湖日报 2026-03-04 10:00 湖北\n\n港口疏浚合同获批\n\n{ZH}\n\n来源：东湖日报")
    assert doc.metadata.origin is None
    assert doc.metadata.publisher == "东湖日报"
    assert "来源" not in doc.text


@pytest.mark.parametrize("line", [
    "> **AI-generated summary.** This digest was produced by a language model and not checked by an editor.",
    "Resumen generado por IA: este texto fue generado automáticamente con inteligencia artificial.",
])
def test_ai_summary_headings_flag_the_page(line):
    assert chrome.is_ai_disclaimer(line)
    doc = doc_of(f"Harbour board approves dredging contract\n\n{line}\n\n{EN}\n\n{EN2}", "markdown")
    assert doc.metadata.ai_generated


def test_prose_about_ai_generated_content_is_no_disclaimer():
    assert not chrome.is_ai_disclaimer("AI-generated content is spreading fast, researchers said on Monday.")


# --- 6. wire releases ----------------------------------------------------------------------------------

def test_news_provided_by_names_the_publisher():
    doc = doc_of(f"Acme Widgets opens a new plant\n\nNEWS PROVIDED BY\nAcme Widgets Inc.\n3 May, 2026, 09:00 GMT\n\n"
                 f"{EN}\n\n{EN2}")
    assert doc.metadata.publisher == "Acme Widgets Inc."
    assert "PROVIDED" not in doc.text


def test_an_h1_that_is_the_site_logo_does_not_split_the_title():
    hints = hints_of(page(f"<h1>Lakeside Courier</h1><article>{ARTICLE_ES}</article>",
                          "<title>Council approves the harbour budget | Lakeside Courier</title>"))
    assert hints["title"] == "Council approves the harbour budget | Lakeside Courier"


# --- 6. live-blog entries, share rows, comment prompts ---------------------------------------------

@pytest.mark.parametrize("line", [
    "That's it from us today – thanks for following along.",
    "Welcome to our live coverage of the harbour board vote.",
    "Merci d'avoir suivi ce direct, à demain matin.",
    "Partager cet article · Lire aussi : Le port fluvial s’agrandit",
    "Napiszcie w komentarzach, co o tym sądzicie!",
    "Пишите в комментариях, что вы думаете.",
])
def test_live_blog_share_rows_and_comment_prompts_are_chrome(line):
    doc = doc_of(f"Harbour board approves dredging contract\n\n{EN}\n\n{line}\n\n{EN2}", "markdown")
    assert line not in doc.text


def test_prose_opening_like_a_welcome_stays():
    line = "Welcome to the harbour, the mayor told the first cruise passengers of the season on Monday."
    doc = doc_of(f"Harbour board approves dredging contract\n\n{EN}\n\n{line}\n\n{EN2}", "markdown")
    assert line in doc.text


# --- 3. "Name | date" under the headline ------------------------------------------------------------

@pytest.mark.parametrize("line,authors,iso", [
    ("Jane Roe | 3 May 2026", ("Jane Roe",), "2026-05-03"),
    ("Marta Ruiz · 23/05/2026 · 10:15", ("Marta Ruiz",), "2026-05-23"),
    ("Middle East | 3 May 2026", (), "2026-05-03"),
    ("World News · 3 May 2026", (), "2026-05-03"),
])
def test_name_and_date_line_under_the_headline(line, authors, iso):
    doc = doc_of(f"Harbour board approves dredging contract\n\n{line}\n\n{EN}\n\n{EN2}", "markdown")
    assert doc.metadata.authors == authors and doc.metadata.published == iso
    assert line not in doc.text
