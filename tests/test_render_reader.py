"""What a reader sees: language marks, status wording, dates that stay on
one line, the timeline's order, roles, and index pages without an empty
sidebar. Small synthetic sources (no seed text)."""
from __future__ import annotations

import re

import markdown

from generator import render, render_claims, render_entities
from generator.mdtext import in_language, language_tag, nowrap
from generator.model import (Block, Claim, Corpus, Document, Entity, Mention, Metadata, Quote, Repair)

EXTENSIONS = ["tables", "attr_list", "toc"]


def _doc(text: str, blocks, languages=("de",), title="Ein Titel", titles=()) -> Document:
    return Document(id="s1", file="s1.txt", format="text", content_hash="0" * 64, text=text,
                    blocks=tuple(blocks), metadata=Metadata(title=title, titles=titles, languages=languages,
                                                            published="2026-11-18"))


def _source_page(doc: Document, mentions=(), claims=()) -> str:
    inputs = render.source_page_inputs(doc, list(mentions), list(claims), {})
    return render.source_page(render.make_environment(), inputs)


def _html(page: str) -> str:
    body = page.split("---\n", 2)[2] if page.startswith("---\n") else page
    return markdown.markdown(body, extensions=EXTENSIONS)


# --- language marks -------------------------------------------------------------------

def test_language_tags_are_checked_before_they_reach_markup():
    assert language_tag("zh") == "zh" and language_tag("zh-Hant") == "zh-Hant"
    for bad in ("", "x", 'de" onclick="x', "de }", "DE", None):
        assert language_tag(bad) == ""
    assert in_language("Text", 'de" onclick="x') == "Text"
    assert in_language("Text", "de") == '<span lang="de">Text</span>'


def test_source_text_in_another_language_is_marked_with_it():
    text = "Kopf\nErster Absatz.\neins\nzwei"
    blocks = [Block("heading", "Kopf", start=0, end=4, level=2),
              Block("paragraph", "Erster Absatz.", start=5, end=19),
              Block("list", "eins\nzwei", start=20, end=29)]
    html = _html(_source_page(_doc(text, blocks)))
    assert re.search(r'<h1 [^>]*lang="de"', html)              # the title
    assert re.search(r'<h2 [^>]*lang="de"', html)              # a heading of the text
    assert re.search(r'<p [^>]*lang="de"[^>]*>Erster Absatz', html)
    assert '<span lang="de">eins</span>' in html


def test_text_in_the_interface_language_needs_no_mark():
    text = "First paragraph."
    html = _html(_source_page(_doc(text, [Block("paragraph", text, start=0, end=len(text))],
                                   languages=("en",), title="A title")))
    assert "lang=" not in html


def test_headings_of_a_source_are_not_linked():
    text = "Alpha wins\nAlpha said so."
    blocks = [Block("heading", "Alpha wins", start=0, end=10, level=2),
              Block("paragraph", "Alpha said so.", start=11, end=25)]
    page = _source_page(_doc(text, blocks, languages=("en",)), mentions=[(0, 5, "alpha"), (11, 16, "alpha")])
    heading = next(line for line in page.splitlines() if line.startswith("## Alpha"))
    assert "](" not in heading
    assert "[Alpha](../entities/alpha.md) said so." in page


# --- claims and statuses ----------------------------------------------------------------

def test_claim_statuses_read_the_same_everywhere():
    text = "Alpha said so."
    doc = _doc(text, [Block("paragraph", text, start=0, end=len(text))], languages=("en",))
    page = _source_page(doc, claims=[("c1", "Alpha said so.", "single-source", "")])
    assert "○ single source" in page and "single-source" not in page
    # The claims follow the text they come from, under their own heading.
    assert page.index("Alpha said so.\n{: #b0") < page.index("## Claims in this source (1)")


def test_home_counts_claims_by_status_in_words():
    claim = Claim(id="c1", text="Alpha said so.", status="single-source")
    corpus = Corpus(documents=(), claims=(claim,))
    page = render.home_page(render.make_environment(), corpus, [], "Site")
    # Each count stays on one line with its label, and a blank line ends the paragraph.
    assert 'Claims by status: <span class="sb-nowrap">○ single source 1</span>\n\n' in page


def test_claims_index_explains_the_statuses():
    claim = Claim(id="c1", text="Alpha said so.", status="contested")
    pages = render_claims.claim_pages(render.make_environment(), Corpus(documents=(), claims=(claim,)))
    index = pages["claims/index.md"]
    assert "## ⚠ Contested (1)" in index
    assert "**⚠ contested**:" in index and "**○ single source**:" in index


def test_claim_links_in_other_languages_are_marked():
    text = "x"
    doc = _doc(text, [Block("paragraph", text, start=0, end=1)], languages=("en",))
    page = _source_page(doc, claims=[("c1", "Die Bank sagte es.", "single-source", "de")])
    assert '<span lang="de">[Die Bank sagte es.](../claims/c1.md)</span>' in page


def test_claim_quotes_in_other_languages_are_marked():
    text = "Die Bank sagte es."
    doc = _doc(text, [Block("paragraph", text, start=0, end=len(text))])
    claim = Claim(id="c1", text=text, status="single-source", sources=1,
                  quotes=(Quote(source="s1", text=text, start=0, end=len(text), lang="de"),))
    page = render_claims.claim_pages(render.make_environment(),
                                     Corpus(documents=(doc,), claims=(claim,)))["claims/c1.md"]
    assert f'<span lang="de">{text}</span>' in page
    assert page.splitlines()[5] == f'# {text} {{ lang="de" }}'


# --- dates, timeline ----------------------------------------------------------------------

def test_dates_in_tables_stay_on_one_line():
    assert nowrap("2026-11-18") == '<span class="sb-nowrap">2026-11-18</span>'
    assert nowrap("<b>") == '<span class="sb-nowrap">&lt;b&gt;</span>'
    rows = render.source_rows([_doc("x", [Block("paragraph", "x", start=0, end=1)])], "sources/index.md")
    page = render.make_environment().get_template("partials/source_rows.md.j2").render(sources=rows)
    assert '<span class="sb-nowrap">2026-11-18</span>' in page


def _dated_claim(cid: str, date: str) -> Claim:
    return Claim(id=cid, text=f"Event {cid}.", status="single-source", dates=(date,),
                 quotes=(Quote(source="s1", text="x", start=0, end=1),))


def test_timeline_puts_dates_without_a_year_last_and_drops_an_empty_note_column():
    doc = _doc("x", [Block("paragraph", "x", start=0, end=1)])
    corpus = Corpus(documents=(doc,), claims=(_dated_claim("a", "--09-01"), _dated_claim("b", "2025-03-03")))
    page = render_claims.claim_pages(render.make_environment(), corpus)["timeline.md"]
    assert page.index("Event b.") < page.index("Event a.")
    assert "| Date | Event | Sources |\n" in page and "Note" not in page


# --- entities, report, navigation ---------------------------------------------------------

def test_roles_found_twice_are_shown_once():
    assert render_entities.distinct_roles(["Minister", "minister", "Chair", " chair "]) == ["Minister", "Chair"]


def test_entity_page_marks_contexts_in_other_languages():
    text = "Die Alpha AG wächst."
    doc = _doc(text, [Block("paragraph", text, start=0, end=len(text))])
    entity = Entity(id="alpha-ag", name="Alpha AG", type="organization",
                    mentions=(Mention(source="s1", text="Alpha AG", start=4, end=12, type="organization"),))
    pages = render_entities.entity_pages(render.make_environment(), Corpus(documents=(doc,), entities=(entity,)))
    assert '<span lang="de">Die **Alpha AG** wächst.</span>' in pages["entities/alpha-ag.md"]


def test_report_links_each_repaired_file_to_its_page():
    text = "x"
    doc = _doc(text, [Block("paragraph", text, start=0, end=1)])
    doc = Document(**{**doc.__dict__, "repairs": (Repair(rule="mojibake", detail="fixed"),)})
    page = render.report_page(render.make_environment(), Corpus(documents=(doc,)))
    assert "| [s1.txt](sources/s1.md) | mojibake | fixed |" in page


def test_index_pages_hide_the_one_link_sidebar():
    env = render.make_environment()
    claim = Claim(id="c1", text="Alpha said so.", status="contested")
    pages = render_claims.claim_pages(env, Corpus(documents=(), claims=(claim,)))
    pages.update(render_entities.entity_pages(env, Corpus(documents=())))
    pages.update(render.source_index_pages(env, [], 0))
    pages["report.md"] = render.report_page(env, Corpus(documents=()))
    for name in ("claims/index.md", "timeline.md", "entities/index.md", "sources/index.md", "report.md"):
        front = pages[name].split("---\n", 2)[1]
        assert "hide:\n  - navigation\n" in front, name


def test_entity_index_lists_a_bounded_number_per_type(monkeypatch):
    monkeypatch.setattr(render_entities, "MAX_INDEX_ROWS", 2)
    doc = _doc("x", [Block("paragraph", "x", start=0, end=1)])
    people = tuple(Entity(id=f"p{i}", name=f"Person {i}", type="person",
                          mentions=(Mention(source="s1", text="x", start=0, end=1, type="person"),) * (i + 1))
                   for i in range(3))
    index = render_entities.entity_pages(render.make_environment(),
                                         Corpus(documents=(doc,), entities=people))["entities/index.md"]
    assert "## People (3)" in index and "The 2 named by the most sources are listed" in index
    assert index.count("](../entities/p") == 2
