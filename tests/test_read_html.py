"""Tests for generator.read_html: main-content extraction from HTML to simple Markdown."""
from __future__ import annotations

import re
import time

import pytest

from generator.read_html import HtmlExtract, extract_html, _absolute_date, _inline, _without_code

ARTICLE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>River barges return | Example Gazette</title>
<meta property="og:title" content="River barges return to the old canal">
<meta property="og:site_name" content="Example Gazette">
<meta property="article:published_time" content="2021-06-14T08:30:00+02:00">
<meta name="author" content="Mara Quill">
<meta name="description" content="Cargo barges are back on the canal.">
<meta property="article:tag" content="canals">
<meta property="article:tag" content="freight">
<link rel="canonical" href="https://example.org/news/barges">
<style>body { width: expression(alert('styled')); }</style>
<script>var trackingSecret = "payload123"; window.onload = function(){};</script>
</head>
<body>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience. Accept all cookies?</p><button>Accept</button></div>
<header class="site-header"><a href="/">Example Gazette</a>
<nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main>
<article class="post">
<h1>River barges return to the old canal</h1>
<div class="share-bar social-share"><a href="https://share.example/fb">Share on Facebook</a> <a href="https://share.example/tw">Share on Twitter</a> <a href="mailto:?x">Email this</a></div>
<p>After three decades of silence, cargo barges loaded with timber and grain are once again moving along the old canal that links the harbour with the inland mills.</p>
<p>The first convoy left the lower lock on Monday morning, watched by a small crowd of residents who remembered the traffic of their childhood, and reached the mill basin before dusk.</p>
<h2>Why the canal reopened</h2>
<p>Engineers spent four years rebuilding the lock gates and dredging the channel, a project financed jointly by the regional council and a cooperative of local farmers who wanted cheaper transport.</p>
<ul><li>Lock gates rebuilt in oak and steel</li><li>Channel dredged to two metres</li><li>Towpath resurfaced for cyclists</li></ul>
<p>The cooperative estimates that a single barge replaces about forty lorry journeys, which matters on the narrow roads that wind through the valley villages.</p>
<h3>Traffic so far</h3>
<table><tr><th>Month</th><th>Barges</th></tr><tr><td>April</td><td>12</td></tr><tr><td>May</td><td>19</td></tr></table>
<blockquote><p>We never thought we would see working boats here again in our lifetime.</p></blockquote>
<ol><li>Load at the harbour quay</li><li>Pass the three upper locks</li><li>Unload at the mill basin</li></ol>
<p>Read the <a href="javascript:stealCookies()" onclick="evil()">council timetable</a> for the summer season, which adds weekend passenger trips on a restored steam tug.</p>
<iframe src="https://ads.example/frame"><p>iframe fallback advert</p></iframe>
<svg width="10" height="10"><script>alert('svgcode')</script><text>svg label text</text></svg>
<p>Boat owners say the reopening has also revived the repair yard by the middle lock, where two apprentices now learn to caulk wooden hulls with traditional tools.</p>
</article>
<aside class="related-links"><h3>Related stories</h3><ul><li><a href="/a">Lorry ban considered for valley roads</a></li><li><a href="/b">Mill museum opens new wing</a></li><li><a href="/c">Harbour dredging contract awarded</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>GreatFan99 wrote: lovely news, my grandfather worked on these boats!</p></div><div class="comment"><p>Skeptic42 wrote: what about the noise from the engines though?</p></div></section>
</main>
<footer class="site-footer"><p>Copyright 2021 Example Gazette. All rights reserved.</p><ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>
</body></html>
"""


@pytest.fixture(scope="module")
def article() -> HtmlExtract:
    return extract_html(ARTICLE)


def test_article_text_is_kept(article):
    assert "After three decades of silence" in article.text
    assert "apprentices now learn to caulk" in article.text


@pytest.mark.parametrize("boilerplate", [
    "Sport", "Weather", "Share on Facebook", "Email this", "Related stories",
    "Lorry ban considered", "GreatFan99", "Skeptic42", "Copyright 2021", "Privacy policy",
    "cookies", "iframe fallback advert",
])
def test_boilerplate_is_removed(article, boilerplate):
    assert boilerplate not in article.text


@pytest.mark.parametrize("line", [
    "# River barges return to the old canal",
    "## Why the canal reopened",
    "### Traffic so far",
    "- Channel dredged to two metres",
    "2. Pass the three upper locks",
    "| Month | Barges |",
    "|---|---|",
    "| May | 19 |",
    "> We never thought we would see working boats here again in our lifetime.",
])
def test_structure_becomes_markdown(article, line):
    assert line in article.text.split("\n")


def test_blocks_are_separated_by_blank_lines(article):
    paragraphs = article.text.split("\n\n")
    assert any(p.startswith("After three decades") for p in paragraphs)
    assert any(p.startswith("- Lock gates") and p.count("\n") == 2 for p in paragraphs)


@pytest.mark.parametrize("trace", [
    "trackingSecret", "payload123", "onload", "expression", "alert", "stealCookies",
    "javascript", "evil", "onclick", "svgcode", "ads.example", "share.example", "http",
    "](", "![",
])
def test_code_and_hrefs_leave_no_trace(article, trace):
    assert trace not in article.text


def test_no_raw_html_tags(article):
    assert not re.search(r"</?[A-Za-z][^>]*>", article.text)


def test_link_text_stays(article):
    assert "Read the council timetable for the summer season" in article.text


def test_meta_tags_become_sorted_hints(article):
    assert article.hints == (
        ("author", "Mara Quill"),
        ("description", "Cargo barges are back on the canal."),
        ("lang", "en"),
        ("published", "2021-06-14"),
        ("publisher", "Example Gazette"),
        ("tags", "canals; freight"),
        ("title", "River barges return to the old canal"),
        ("url", "https://example.org/news/barges"),
    )


def test_given_url_is_the_url_hint():
    result = extract_html(ARTICLE, url="https://example.org/given")
    assert dict(result.hints)["url"] == "https://example.org/given"


def test_json_ld_authors_and_date():
    page = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",
     "headline": "Tide tables", "datePublished": "2019-02-03",
     "author": [{"@type": "Person", "name": "Ann Bell"}, {"@type": "Person", "name": "Bo Dent"}],
     "publisher": {"@type": "Organization", "name": "Harbour Post"}}]}
    </script></head><body><p>Some text about tides.</p></body></html>"""
    hints = dict(extract_html(page).hints)
    assert hints["author"] == "Ann Bell; Bo Dent"
    assert hints["published"] == "2019-02-03"
    assert hints["publisher"] == "Harbour Post"
    assert hints["title"] == "Tide tables"


def test_relative_or_missing_dates_give_no_published_hint():
    page = ('<html><head><meta name="date" content="3 hours ago"></head>'
            '<body><p>Posted 3 hours ago. Some text.</p></body></html>')
    assert "published" not in dict(extract_html(page).hints)


@pytest.mark.parametrize("value,expected", [
    ("2020-01-31T10:00:00Z", "2020-01-31"),
    ("2020/01/31", "2020-01-31"),
    ("20200131", "2020-01-31"),
    ("2020-02-30", ""),
    ("yesterday", ""),
    ("", ""),
])
def test_absolute_date(value, expected):
    assert _absolute_date(value) == expected


def test_broken_meta_and_json_ld_do_not_raise():
    page = ('<html lang="??"><head><script type="application/ld+json">{"@type": [</script>'
            '<meta property="og:title"></head><body><p>Text.</p></body></html>')
    result = extract_html(page)
    assert "lang" not in dict(result.hints)
    assert "Text." in result.text


def test_short_page_falls_back_to_body_text():
    page = "<html><body><div>A short note.</div><div>Second line of it.</div></body></html>"
    text = extract_html(page).text
    assert "A short note." in text and "Second line of it." in text


def test_fallback_drops_code():
    page = ("<html><body><script>secretCode()</script><style>.x{}</style>"
            "<div>Only visible words.</div></body></html>")
    text = extract_html(page).text
    assert "Only visible words." in text
    assert "secretCode" not in text and ".x{}" not in text


@pytest.mark.parametrize("start", ["# ", "### ", "> ", "| "])
def test_paragraph_never_becomes_heading_quote_or_table(start):
    page = f"<html><body><p>{start}a plain sentence that only looks like markup.</p></body></html>"
    text = extract_html(page).text
    assert text.startswith("a plain sentence that only looks like markup.")


def test_literal_link_and_image_syntax_keeps_only_the_text():
    page = ("<html><body><article><p>See [the report](https://example.org/r) and "
            "![a chart](https://example.org/c.png) for the details of the long study.</p>"
            "</article></body></html>")
    text = extract_html(page).text
    assert "the report" in text and "a chart" in text
    assert "](" not in text and "example.org" not in text


@pytest.mark.parametrize("html", [
    "", "   ", "<", "<html>", "</p></div>", "<<<>>>", "<p>unclosed <b>bold <i>italic",
    "<p>nul\x00byte and \x07bell</p>", "<table><tr><td>1<td>2</table></tr>",
    '<meta content="x"><body><p>x', "<!-- only a comment -->", "\ufeff<p>bom</p>",
])
def test_malformed_input_does_not_raise(html):
    result = extract_html(html)
    assert isinstance(result, HtmlExtract)
    assert isinstance(result.text, str)


def test_non_string_input_does_not_raise():
    assert extract_html(None).text == ""  # type: ignore[arg-type]


def test_empty_input_gives_empty_text():
    assert extract_html("") == HtmlExtract("", ())


@pytest.mark.parametrize("opening", ["<div>", "<ul><li>", "<blockquote>", "<table><tr><td>"])
def test_deeply_nested_input_keeps_its_text(opening):
    page = "<html><body>" + opening * 10_000 + "Deep words survive." + "</body></html>"
    assert "Deep words survive." in extract_html(page).text


def test_large_page_is_bounded_in_time():
    paragraph = "<p>Plain sentence number {} says something about the weather today.</p>"
    page = ("<html><body><nav><a href='/'>Home link</a></nav><article>"
            + "".join(paragraph.format(i) for i in range(40_000))
            + "</article></body></html>")
    started = time.perf_counter()
    text = extract_html(page).text
    assert time.perf_counter() - started < 15
    assert "number 39999 says" in text
    assert "Home link" not in text


FILLER = "This sentence is filler so that the extractor treats the block as real content."


def test_layout_table_becomes_paragraphs_not_a_pipe_table():
    page = ("<html><body><table><tr><td>"
            f"<p>First story paragraph. {FILLER} {FILLER} {FILLER}</p>"
            f"<p>Second story paragraph. {FILLER}</p></td></tr></table></body></html>")
    text = extract_html(page).text
    assert "|" not in text
    assert any(p.startswith("First story paragraph.") for p in text.split("\n\n"))
    assert any(p.startswith("Second story paragraph.") for p in text.split("\n\n"))


def test_inline_formatting_does_not_split_words_or_sentences():
    page = ("<html><body><article>"
            f"<p>{FILLER}</p><h2>Head<b>ing</b> text</h2>"
            "<ul><li>Item <b>bold</b>, more<ul><li>sub <i>it</i>em</li></ul></li><li>two</li></ul>"
            "<blockquote>Quoted words with <em>emphasis</em> inside.</blockquote>"
            f"<p>{FILLER}</p></article></body></html>")
    lines = extract_html(page).text.split("\n")
    assert "## Heading text" in lines
    assert "- Item bold, more" in lines
    assert "  - sub item" in lines
    assert "> Quoted words with emphasis inside." in lines


def test_br_separated_text_becomes_paragraphs():
    page = ("<html><body><div id='main'>"
            f"First chunk. {FILLER}<br><br>Second chunk. {FILLER}<br><br>Third chunk. {FILLER}"
            "</div></body></html>")
    paragraphs = extract_html(page).text.split("\n\n")
    assert [p.split(".")[0] for p in paragraphs] == ["First chunk", "Second chunk", "Third chunk"]


def test_author_byline_prefix_and_non_names_are_dropped():
    page = ('<html><head><meta name="author" content="https://social.example/someone">'
            '</head><body><p>Text.</p><span itemprop="author"><span itemprop="name">By Ivo Lark'
            '</span></span><time pubdate datetime="2018-09-01T12:00">Sat</time></body></html>')
    hints = dict(extract_html(page).hints)
    assert hints["author"] == "Ivo Lark"
    assert hints["published"] == "2018-09-01"


def test_code_elements_are_cut_textually_like_a_browser_would():
    page = "a<script>x</SCRIPT >b<!-- c -->d<svg><g/></svg>e<svg>f<style>never closed"
    assert _without_code(page) == "a b d ef"


def test_inline_strips_tags_and_link_syntax():
    assert _inline("see [the report](https://x.org/r) and ![a chart](c.png) <b>now</b>") == \
        "see the report and a chart now"


@pytest.mark.parametrize("page", [
    "<p>start</p>" + "<script>" * 20_000,
    "<p>start</p>" + "<svg>a" * 20_000,
    "<p>start</p>" + "<!--" * 20_000,
    "<body>" + "<p" * 50_000,
    "<body><p>" + "[" * 100_000 + "](x)</p>",
    "<body>" + "<" * 100_000,
])
def test_adversarial_markup_is_fast_and_does_not_raise(page):
    started = time.perf_counter()
    result = extract_html(page)
    assert time.perf_counter() - started < 5
    assert "<script" not in result.text and "<svg" not in result.text


def test_fallback_text_keeps_words_whole_and_cells_apart():
    from generator.read_html import _parse, _tree_text
    tree = _parse("<body><div>wo<b>rd</b>s and <a href='x'>a link</a>.</div>"
                  "<table><tr><td>left</td><td>right</td></tr></table></body>")
    assert _tree_text(tree, drop_chrome=False) == "words and a link.\n\nleft right"


def test_odd_json_ld_shapes_do_not_lose_the_other_hints():
    deep_list = "[" * 900 + "]" * 900
    page = ('<html lang="fr"><head><meta property="og:site_name" content="Le Site">'
            '<script type="application/ld+json">{"@type": ["NewsArticle", 3], '
            f'"author": [{deep_list}, {{"name": "Léa Roux"}}], "keywords": ["eau", 5]}}'
            '</script></head><body><p>Texte.</p></body></html>')
    hints = dict(extract_html(page).hints)
    assert hints["author"] == "Léa Roux"
    assert hints["publisher"] == "Le Site"
    assert hints["lang"] == "fr"
    assert hints["tags"] == "eau"


def test_byline_element_text_becomes_a_hint():
    page = ("<html><body><article><h1>Harbour reopens</h1>"
            "<p class='story-byline'>By Jane Doe | 3 May 2026</p>"
            "<p>The harbour reopened on Monday after a week of repairs to the quay wall.</p>"
            "<p class='author-bio'>" + "Jane writes about ports. " * 20 + "</p>"
            "</article></body></html>")
    hints = dict(extract_html(page).hints)
    assert hints["byline"] == "By Jane Doe | 3 May 2026"


def test_no_byline_element_no_byline_hint():
    page = "<html><body><p>The harbour reopened on Monday after a week of repairs.</p></body></html>"
    assert "byline" not in dict(extract_html(page).hints)
