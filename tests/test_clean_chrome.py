"""Unit tests for clean/chrome.py on small synthetic pages."""
import pytest

from generator.clean import chrome
from generator.clean.state import CleanState, Line

BODY = "This is an ordinary paragraph of article text that says nothing about widgets at all."


def run(rule, *texts, hints=None):
    state = CleanState(lines=[Line(text=t) for t in texts], hints=hints or {})
    rule(state)
    return state


def texts(state):
    return [line.text for line in state.lines]


@pytest.mark.parametrize("stamp", [
    "13h ago", "Updated 1h ago", "3 days ago", "an hour ago", "hace 2 horas", "il y a 3 heures",
    "vor 2 Stunden", "2時間前", "3시간 전", "5分钟前", "最后更新 2小时前", "3 дня назад", "há 2 horas",
])
def test_relative_timestamps_are_removed(stamp):
    state = run(chrome.drop_meta_lines, stamp, BODY)
    assert texts(state) == [BODY]
    assert state.removed and state.removed[0].rule == "meta_line"
    assert "published" not in state.facts


@pytest.mark.parametrize("widget", ["0 views", "1.2k reads", "阅读 3万", "6 min read", "5分钟阅读",
                                    "4 min de lecture", "12 Aufrufe", "조회수 1,024"])
def test_counters_and_reading_times_are_removed(widget):
    assert texts(run(chrome.drop_meta_lines, widget, BODY)) == [BODY]


def test_short_label_with_chrome_goes_whole():
    state = run(chrome.drop_meta_lines, "World News 世界新闻 2h ago Updated 1h ago 17", BODY)
    assert texts(state) == [BODY]


def test_meta_line_date_becomes_published():
    state = run(chrome.drop_meta_lines, "Science · 4 min read · March 3, 2025 · 12 views", BODY)
    assert texts(state) == [BODY]
    assert state.facts["published"] == "2025-03-03"


def test_meta_line_keeps_byline_part():
    state = run(chrome.drop_meta_lines, "By Jane Doe · 5 min read · 2 hours ago")
    assert texts(state) == ["By Jane Doe"]


def test_prose_mentioning_time_is_kept():
    line = "Officials said three weeks ago, and again 2 days ago, that the plan would go ahead as planned."
    assert texts(run(chrome.drop_meta_lines, line)) == [line]


def test_score_widget_run_is_removed():
    state = run(chrome.drop_score_widgets, "Intro text here.", "90", "Buzz 热门", "60", "Depth 深度", BODY)
    assert texts(state) == ["Intro text here.", BODY]
    assert len(state.removed) == 4


def test_single_number_label_pair_is_kept():
    lines = ["2024", "Results", BODY]
    assert texts(run(chrome.drop_score_widgets, *lines)) == lines


@pytest.mark.parametrize("bar", ["Share", "Share: 分享至:", "Share this article: Facebook Twitter LinkedIn",
                                 "Partager", "Compartir en Facebook", "微信 微博 复制链接"])
def test_share_bars_are_removed(bar):
    assert texts(run(chrome.drop_share_bars, bar, BODY)) == [BODY]


def test_single_network_name_is_not_a_share_bar():
    assert texts(run(chrome.drop_share_bars, "Telegram")) == ["Telegram"]
    assert texts(run(chrome.drop_share_bars, "Share prices fell.")) == ["Share prices fell."]


@pytest.mark.parametrize("crumb", ["← World", "« Back to blog", "Home > News > Science", "Startseite / Politik"])
def test_breadcrumbs_and_back_links_are_removed(crumb):
    assert texts(run(chrome.drop_breadcrumbs, crumb, BODY)) == [BODY]


def test_table_row_is_not_a_breadcrumb():
    assert texts(run(chrome.drop_breadcrumbs, "Name | Role | Year")) == ["Name | Role | Year"]


@pytest.mark.parametrize("link", ["More in Science", "Related articles", "Read more", "Mehr zum Thema",
                                  "相关阅读", "You may also like"])
def test_related_links_are_removed(link):
    assert texts(run(chrome.drop_related_links, link, BODY)) == [BODY]


def test_heading_starting_with_a_one_word_prefix_is_kept():
    assert texts(run(chrome.drop_related_links, "Popular culture shifts")) == ["Popular culture shifts"]


def test_trailing_site_link_sentence_is_stripped():
    state = run(chrome.drop_site_links, "A fine paragraph of text. Read our corrections policy.")
    assert texts(state) == ["A fine paragraph of text."]
    assert state.removed[0].detail == "Read our corrections policy."


@pytest.mark.parametrize("footer", ["Subscribe to our newsletter", "© 2025 Example Media. All rights reserved.",
                                    "Copyright 2024 Some Company", "版权所有 2025"])
def test_footers_are_removed(footer):
    assert texts(run(chrome.drop_footers, footer, BODY)) == [BODY]


def test_heading_about_copyright_is_kept():
    assert texts(run(chrome.drop_footers, "Copyright law is changing")) == ["Copyright law is changing"]


def test_doubled_tag_cloud_goes_to_tags_in_order():
    state = run(chrome.drop_tag_clouds, BODY, "Robots Robots 芯片 芯片 Robots Robots 法规 法规")
    assert texts(state) == [BODY]
    assert state.facts["tags"] == ["Robots", "芯片", "法规"]


def test_labelled_tags():
    state = run(chrome.drop_tag_clouds, "Tags: Chips, Export rules, Trade")
    assert state.facts["tags"] == ["Chips", "Export rules", "Trade"]
    assert texts(state) == []


def test_sentence_with_repeated_word_is_not_a_tag_cloud():
    assert texts(run(chrome.drop_tag_clouds, "Very very good results today.")) == ["Very very good results today."]


@pytest.mark.parametrize("note", [
    "Disclaimer: this summary was written by AI and may contain errors.",
    "This article was generated with AI.",
    "免责声明：以上内容由人工智能生成，仅供参考。",
    "Cet article a été généré par IA.",
    "Dieser Artikel wurde mit KI erstellt.",
    "この記事はAIによって生成されました。",
])
def test_ai_disclaimers_set_fact(note):
    state = run(chrome.drop_ai_disclaimers, BODY, note)
    assert texts(state) == [BODY]
    assert state.facts["ai_generated"] is True


def test_prose_about_ai_generation_is_not_a_disclaimer():
    line = "The firm says 40% of its new code is generated by AI tools."
    state = run(chrome.drop_ai_disclaimers, line)
    assert texts(state) == [line]
    assert "ai_generated" not in state.facts


def test_numbered_sections_are_not_a_score_widget():
    lines = ["1", "Setup", "2", "Results", BODY]
    assert texts(run(chrome.drop_score_widgets, *lines)) == lines


def test_leading_label_above_meta_line_goes_when_title_follows():
    state = run(chrome.drop_meta_lines, "Science", "3 hours ago · 4 min read", "Harbour dredging resumes", BODY)
    assert texts(state) == ["Harbour dredging resumes", BODY]


def test_leading_title_above_meta_line_is_kept():
    state = run(chrome.drop_meta_lines, "Harbour Dredging", "3 hours ago · 4 min read", BODY)
    assert texts(state) == ["Harbour Dredging", BODY]


def test_trailing_read_more_is_stripped_after_a_sentence():
    state = run(chrome.drop_trailing_more, "The minister agreed to the plan. Read more »", "They asked us to read more")
    assert texts(state) == ["The minister agreed to the plan.", "They asked us to read more"]


@pytest.mark.parametrize("line", ["Advertisement", "广告", "Anzeige", "Listen to this article", "Comments (12)"])
def test_furniture_lines_are_removed(line):
    assert texts(run(chrome.drop_furniture, line, BODY)) == [BODY]


def test_furniture_word_inside_a_heading_is_kept():
    assert texts(run(chrome.drop_furniture, "Print media in decline")) == ["Print media in decline"]


def test_icon_counters_are_removed():
    assert texts(run(chrome.drop_meta_lines, "👁 1.2k · 💬 34", BODY)) == [BODY]


def test_markdown_table_row_with_a_time_is_kept():
    row = "| Model | Released 3 days ago |"
    assert texts(run(chrome.drop_meta_lines, row)) == [row]


def test_cjk_headlines_starting_with_chrome_words_are_kept():
    for line in ("相关新闻报道引发热议", "订阅制度改革", "登録者数が増加"):
        assert texts(run(chrome.drop_related_links, line)) == [line]
        assert texts(run(chrome.drop_footers, line)) == [line]
    assert texts(run(chrome.drop_related_links, "相关阅读：")) == []


@pytest.mark.parametrize("line", ["本文讨论了AI生成内容的版权问题。", "This article discusses AI-generated images.",
                                  "Note that AI-generated text is rising."])
def test_lines_about_ai_generation_are_not_disclaimers(line):
    assert texts(run(chrome.drop_ai_disclaimers, line)) == [line]


def test_more_than_percent_in_chinese_is_not_a_self_reference():
    line = "该公司代码有30%以上由AI生成。"
    assert texts(run(chrome.drop_ai_disclaimers, line)) == [line]


# ------------------------------------------------ share bars, newsletter footers and
# related-link lists in more languages and in Markdown / plain-text form

@pytest.mark.parametrize("bar", [
    "Partilhar: Facebook  Twitter  WhatsApp  Email",
    "Compartilhe: WhatsApp · Facebook · X · Telegram · Copiar link",
    "Delen via WhatsApp · Facebook · X · LinkedIn · Kopieer link",
    "Udostępnij: Facebook · Twitter · Kopiuj link",
    "Condividi su Facebook | Condividi su X | Copia link",
    "[Share](#) · [Post](#) · [Email](#)",
    "*[Teilen](#) | [Drucken](#)*",
])
def test_share_bars_in_more_languages_and_markdown_are_removed(bar):
    assert texts(run(chrome.drop_share_bars, bar, BODY)) == [BODY]


def test_network_names_inside_a_sentence_are_no_share_bar():
    line = "Delen van de winst gingen naar Facebook en WhatsApp, zei de topman."
    assert texts(run(chrome.drop_share_bars, line)) == [line]


@pytest.mark.parametrize("footer", [
    "*The Weekly Brief is published every Monday. [Unsubscribe](#) · [Manage preferences](#) · [Forward to a colleague](#)*",
    "Unsubscribe | Update your preferences | View in browser",
    "Newsletter abbestellen · Einstellungen verwalten",
    "Se désabonner · Gérer mes préférences · Voir dans le navigateur",
    "Cancelar inscrição | Gerir preferências",
    "Afmelden · Voorkeuren beheren",
])
def test_newsletter_footers_are_removed(footer):
    assert texts(run(chrome.drop_footers, footer, BODY)) == [BODY]


@pytest.mark.parametrize("prose", [
    "Er will die Daten weiterleiten und sich danach abmelden.",
    "Readers can unsubscribe at any time, and the privacy policy explains how, the company said.",
])
def test_newsletter_words_in_prose_are_kept(prose):
    assert texts(run(chrome.drop_footers, prose)) == [prose]


@pytest.mark.parametrize("line", [
    "*Read next: [Ten features that matter](#) · [Best phones of the year so far](#)*",
    "Related: [Alternatives during the strike](#)",
    "**Read more:**",
    "## Related coverage",
    "Veja também",
    "Lees ook",
])
def test_related_labels_with_markup_and_inline_link_lists_are_removed(line):
    assert texts(run(chrome.drop_related_links, line, BODY)) == [BODY]


def test_headline_list_under_a_related_label_goes_with_it():
    lines = ["**Mehr zum Thema**", "- [Transferticker: alle Wechsel im Überblick](#)",
             "- [Warum Fleisch ein Risiko ist](#)", BODY]
    state = run(chrome.drop_related_links, *lines)
    assert texts(state) == [BODY]
    assert [r.rule for r in state.removed] == ["related_link"] * 3


def test_plain_text_headline_list_under_a_label_goes_too():
    lines = ["Leia também:", "- Tempos de espera voltam a subir", "- Genéricos já são metade das vendas", BODY]
    assert texts(run(chrome.drop_related_links, *lines)) == [BODY]


def test_a_list_not_under_a_related_label_is_kept():
    lines = [BODY, "- First point of the article", "- Second point of the article"]
    assert texts(run(chrome.drop_related_links, *lines)) == lines


def test_a_sentence_item_after_a_related_label_ends_the_list():
    lines = ["Related", "- Short headline here", "- This item is a full sentence of the article.", BODY]
    assert texts(run(chrome.drop_related_links, *lines)) == lines[2:]


def test_a_label_followed_by_text_and_links_is_kept():
    line = "Read next: the minister's speech and [the full transcript](#)"
    assert texts(run(chrome.drop_related_links, line)) == [line]


# --- mastheads, call-outs, teasers, page-action rows -------------------------

HEADLINE = "Harbour dredging costs double after storm damage to the quay"


def test_masthead_line_gives_publisher_and_date():
    state = run(chrome.drop_mastheads, HEADLINE, "Harbour Herald · Business · 13.06.2026, 06:00 Uhr",
                "Von Jana Roth", BODY)
    assert texts(state) == [HEADLINE, "Von Jana Roth", BODY]
    assert state.facts == {"publisher": "Harbour Herald", "published": "2026-06-13"}


def test_credit_line_under_headline_gives_publisher():
    state = run(chrome.drop_mastheads, HEADLINE, "Coastal Press", "By Jane Doe", BODY)
    assert texts(state) == [HEADLINE, "By Jane Doe", BODY]
    assert state.facts["publisher"] == "Coastal Press"


def test_bare_publication_name_on_first_line_is_kept():
    state = run(chrome.drop_mastheads, "Hard Times", BODY)
    assert texts(state) == ["Hard Times", BODY]
    assert state.facts == {}


def test_publication_name_below_prose_is_kept():
    state = run(chrome.drop_mastheads, HEADLINE, BODY, "Coastal Press")
    assert texts(state) == [HEADLINE, BODY, "Coastal Press"]


@pytest.mark.parametrize("line", [
    "Were you affected by the flooding? Tell our reporters.",
    "**Have your say**",
    "你家停水了吗？欢迎留言。",
    "Haben Sie das erlebt? Schreiben Sie uns.",
])
def test_reader_callouts_are_removed(line):
    state = run(chrome.drop_reader_callouts, BODY, line)
    assert texts(state) == [BODY]


@pytest.mark.parametrize("line", [
    "Tell us what happened at the harbour on the night of the storm, the inspector asked the crew.",
    "Were you affected? Many residents were, according to the council.",
    "“Tell us the truth,” she said.",
])
def test_prose_with_callout_words_is_kept(line):
    state = run(chrome.drop_reader_callouts, BODY, line)
    assert texts(state) == [BODY, line]


def test_teaser_after_last_paragraph_is_removed_but_not_inside_the_article():
    state = run(chrome.drop_tail_teasers, "Analysis: what the vote means", BODY, BODY,
                "Opinion: A wake-up call for the port")
    assert texts(state) == ["Analysis: what the vote means", BODY, BODY]


@pytest.mark.parametrize("line", ["More on this topic: Port fees rise again", "Mehr zum Thema: Hafengebühren steigen weiter"])
def test_related_label_with_one_headline_is_removed(line):
    state = run(chrome.drop_related_links, BODY, line)
    assert texts(state) == [BODY]


def test_related_list_item_may_be_a_question():
    state = run(chrome.drop_related_links, BODY, "More from Harbours", "- Port fees rise again",
                "- Opinion: Dredging is back. Is the port ready?")
    assert texts(state) == [BODY]


@pytest.mark.parametrize("line", ["Artikel teilen · Drucken · Zur Startseite", "Share · Print · Back to top"])
def test_share_row_with_page_actions_is_removed(line):
    state = run(chrome.drop_share_bars, BODY, line)
    assert texts(state) == [BODY]


def test_press_release_header_lines_go_with_the_issuer_name_line():
    state = run(chrome.drop_release_headers, "Release No : 2201B", "Ostwind Rail AG", "3 March 2026",
                'Ostwind Rail AG ("Ostwind" or "the Group")', "Half-year results and new depot plan", BODY)
    assert texts(state) == ["Ostwind Rail AG", "3 March 2026", "Half-year results and new depot plan", BODY]
    assert state.facts == {"issuer": "Ostwind Rail AG"}
    state = CleanState(lines=state.lines, facts=state.facts)
    chrome.drop_mastheads(state)
    assert texts(state) == ["3 March 2026", "Half-year results and new depot plan", BODY]


@pytest.mark.parametrize("line", ["Page 2 of 3", "Number of ships", "Reference: see below"])
def test_not_reference_numbers(line):
    assert not chrome.is_reference_number(line)


@pytest.mark.parametrize("credit,below", [("Harbour Wire", "May 14, 2025"), ("The Quay Ledger", "By Jane Doe"),
                                          ("港口消费网", "2025年5月15日 08:30")])
def test_short_label_between_headline_and_date_or_byline_is_the_publisher(credit, below):
    state = run(chrome.drop_mastheads, HEADLINE, credit, below, BODY)
    assert texts(state) == [HEADLINE, below, BODY]
    assert state.facts["publisher"] == credit


def test_cjk_headline_above_a_credit_line():
    state = run(chrome.drop_mastheads, "港口管理局因冬季风暴将疏浚预算翻倍", "港口消费网", "2025年5月15日", BODY)
    assert state.facts["publisher"] == "港口消费网"


def test_subheading_between_paragraphs_is_not_a_credit_line():
    state = run(chrome.drop_mastheads, BODY, "What comes next", "By the end of May, 2026, the quay reopens.")
    assert "publisher" not in state.facts


@pytest.mark.parametrize("line", ["Was this article helpful? Yes No", "Cet article vous a-t-il été utile ? Oui / Non"])
def test_feedback_widgets_are_removed(line):
    state = run(chrome.drop_reader_callouts, BODY, line)
    assert texts(state) == [BODY]


def test_related_items_marked_with_guillemets():
    state = run(chrome.drop_related_links, BODY, "Read also", "» Port fees rise again", "» Dredging resumes in June")
    assert texts(state) == [BODY]


def test_labelled_source_line_is_not_a_credit_line():
    state = run(chrome.drop_mastheads, HEADLINE, "Source: Harbour Wire", "May 14, 2025", BODY)
    assert texts(state) == [HEADLINE, "Source: Harbour Wire", "May 14, 2025", BODY]
