"""A reader's second review: publishers that are not publishers, type and
status wording on pictures and What's new, what search shows of a source
page, titles marked with their language. Small synthetic inputs (no seed text)."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
import pytest

from generator import changes as ch
from generator import pictures, render, render_claims
from generator.model import Block, Claim, Corpus, Document, Entity, Mention, Metadata, Quote
from generator.settings import read_mkdocs_config
from tests.conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"


def _doc(i: int, publisher: str = "", title: str = "", languages=("en",), titles=(), published="2026-01-02",
         text: str = "Opening words of the article.", blocks=None) -> Document:
    blocks = blocks if blocks is not None else (Block("paragraph", text, start=0, end=len(text)),)
    return Document(id=f"s{i}", file=f"s{i}.txt", content_hash=str(i) * 64, text=text, blocks=tuple(blocks),
                    metadata=Metadata(title=title or f"Title {i}", titles=tuple(titles), publisher=publisher,
                                      published=published, languages=tuple(languages)))


def _claim(cid: str, sources, status="single-source", text="", lang="") -> Claim:
    text = text or f"Claim {cid} happened."
    return Claim(id=cid, text=text, status=status, sources=len(set(sources)), independent_sources=len(set(sources)),
                 quotes=tuple(Quote(s, text, 0, 5, lang=lang) for s in sources))


def _entity(i: int, type_: str, mentions: int = 2, related=()) -> Entity:
    return Entity(id=f"e{i}", name=f"Name {i}", type=type_,
                  mentions=tuple(Mention("s0", "x", 0, 1, type_) for _ in range(mentions)), related=tuple(related))


def _desc(svg: str) -> str:
    return ET.fromstring(svg).find(SVG + "desc").text


def _texts(svg: str) -> list[str]:
    return [t.text for t in ET.fromstring(svg).iter(SVG + "text")]


# --- 1. a source without a publisher is not a publisher -------------------------------------

def test_sources_without_a_publisher_are_not_counted_as_one():
    corpus = Corpus(documents=(_doc(0, "Pub A"), _doc(1, "Pub A"), _doc(2, "Pub B"), _doc(3), _doc(4, "  ")))
    assert pictures.publisher_counts(corpus) == [("Pub A", 2), ("Pub B", 1)]
    assert pictures.unnamed_publisher_count(corpus) == 2
    svg = pictures.mix_charts(corpus)
    assert _desc(svg).startswith("5 sources from 2 named publishers in 1 language; 2 sources name no publisher.")
    texts = _texts(svg)
    assert "2 sources name no publisher" in texts
    assert not any("unknown publisher" in t for t in texts)
    rows = pictures.mix_rows(corpus)
    assert ("Publisher", "none named", "2") in rows
    assert [r for r in rows if r[0] == "Publisher" and r[1] != "none named"] == [("Publisher", "Pub A", "2"),
                                                                             ("Publisher", "Pub B", "1")]


def test_home_page_and_mix_picture_agree_on_the_number_of_publishers():
    docs = (_doc(0, "Pub A"), _doc(1), _doc(2, "Pub B"))
    corpus = Corpus(documents=docs)
    page = render.home_page(render.make_environment(), corpus, list(docs), "Site")
    assert "3 sources from 2 named publishers" in page
    assert "from 2 named publishers" in _desc(pictures.mix_charts(corpus))


def test_every_source_named_a_publisher_gives_no_none_row():
    corpus = Corpus(documents=(_doc(0, "Pub A"),))
    assert not any(r[1] == "none named" for r in pictures.mix_rows(corpus))
    assert "name no publisher" not in pictures.mix_charts(corpus)


# --- 2. entity types read as on the entity index --------------------------------------------

def test_comention_legend_and_table_use_reader_labels():
    ents = (_entity(0, "organization", 3, [("e1", 2)]), _entity(1, "government", 2, [("e0", 2)]),
            _entity(2, "person", 1), _entity(3, "place", 1))
    corpus = Corpus(documents=(_doc(0),), entities=ents)
    texts = _texts(pictures.comention_graph(corpus))
    for key in ("organization", "government", "person", "place"):
        assert key not in texts
    legend = [t for t in texts if t in ("People", "Organisations", "Government bodies", "Places")]
    assert legend == ["People", "Organisations", "Government bodies", "Places"]    # the entity index's order
    types = {row[0]: row[1] for row in pictures.comention_rows(corpus)[1:]}
    assert types == {"Name 0": "Organisation", "Name 1": "Government body", "Name 2": "Person", "Name 3": "Place"}


def test_unknown_entity_type_still_reads_as_words():
    assert pictures.type_label("sports_team") == "Sports team"
    assert pictures.type_label("organization", plural=True) == "Organisations"


# --- 3. one status wording ----------------------------------------------------------------

def test_coverage_table_uses_the_status_wording():
    corpus = Corpus(documents=(_doc(0), _doc(1)),
                    claims=(_claim("c1", ["s0", "s1"], "corroborated"), _claim("c2", ["s0"])))
    statuses = {row[0]: row[1] for row in pictures.coverage_rows(corpus)[1:]}
    assert statuses == {"Claim c1 happened.": "✔ corroborated", "Claim c2 happened.": "○ single source"}


def _previous(corpus: Corpus, status: str) -> dict:
    return {"sources": [{"id": d.id} for d in corpus.documents],
            "claims": [{"id": c.id, "status": status} for c in corpus.claims], "entities": []}


def test_whats_new_uses_the_status_wording_and_type_names():
    corpus = Corpus(documents=(_doc(0), _doc(1)), claims=(_claim("c1", ["s0", "s1"], "corroborated"),),
                    entities=(_entity(0, "government"),))
    changes = ch.compare(_previous(corpus, "single-source"), corpus, "2026-01-02T00:00:00Z")
    page = ch.whats_new_page(changes)
    assert ('[Claim c1 happened.](claims/c1.md) — *<span class="sb-nowrap">○ single source</span> → '
            '<span class="sb-nowrap">✔ corroborated</span>*') in page
    assert '[Name 0](entities/e0.md) — *<span class="sb-nowrap">Government body</span>*' in page
    for raw in ("single-source", "(corroborated)", "(government)"):
        assert raw not in page
    assert "(2026-01-02)" in page                     # a date, not a timestamp
    feed = ET.fromstring(ch.feed_xml(changes, "S", ""))
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert "Status changed: Claim c1 happened. (○ single source → ✔ corroborated)" in titles
    assert "New entity: Name 0 (Government body)" in titles


def test_whats_new_marks_labels_in_another_language():
    corpus = Corpus(documents=(_doc(0, title="Ein Titel", languages=("de",)),),
                    claims=(_claim("c1", ["s0"], text="Es geschah.", lang="de"),))
    page = ch.whats_new_page(ch.compare(None, corpus, ch.EPOCH))
    assert '<span lang="de">[Ein Titel](sources/s0.md)</span>' in page
    assert '<span lang="de">[Es geschah.](claims/c1.md)</span>' in page


def test_stored_language_marks_are_checked():
    record = ch.changes_record(ch.compare(None, Corpus(documents=(_doc(0),)), ch.EPOCH))
    record["new_sources"][0]["lang"] = 'de" onclick="x'
    kept = ch.changes_from_record(record)
    assert kept is not None
    assert "onclick" not in ch.whats_new_page(kept)


@pytest.mark.parametrize("moment, shown", [("2026-11-25T00:00:00Z", "2026-11-25"),
                                           ("2026-11-25T14:03:09Z", "2026-11-25 14:03 UTC"),
                                           ("not a date", "not a date")])
def test_whats_new_date_reads_as_a_date(moment, shown):
    assert ch.display_date(moment) == shown


# --- 4. search shows the article's opening, not the facts ----------------------------------

def _site_markdown() -> markdown.Markdown:
    names, configs = [], {}
    for entry in read_mkdocs_config(ROOT / "mkdocs.yml").get("markdown_extensions") or []:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name == "material.extensions.preview":      # needs a MkDocs build
            continue
        names.append(name)
        configs[name] = config or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def _search_sections(page: str) -> list:
    from material.plugins.search.plugin import Parser
    body = page.split("---\n", 2)[2]
    parser = Parser()
    parser.feed(_site_markdown().convert(body))
    parser.close()
    return [s for s in parser.data if not s.is_excluded()]


def test_search_text_of_a_source_page_starts_with_the_article():
    doc = _doc(0, "Pub A", text="The harbour reopened on Monday.")
    page = render.source_page(render.make_environment(), render.source_page_inputs(doc, [], [], {}))
    first = _search_sections(page)[0]
    text = "".join(first.text).strip()
    assert text.startswith("<p>The harbour reopened on Monday.</p>"), text[:120]
    assert "About this source" not in text and "Pub A" not in text


def test_facts_are_still_shown_first():
    doc = _doc(0, "Pub A", text="The harbour reopened on Monday.")
    page = render.source_page(render.make_environment(), render.source_page_inputs(doc, [], [], {}))
    html = _site_markdown().convert(page.split("---\n", 2)[2])
    assert html.index("About this source") < html.index("The harbour reopened")
    assert "Pub A" in html and 'data-search-exclude' in html and " markdown" not in html


# --- 5. smaller things a reader tripped on --------------------------------------------------

def test_home_status_line_is_a_paragraph_of_its_own():
    claim = _claim("c1", ["s0"])
    docs = [_doc(0)]
    page = render.home_page(render.make_environment(), Corpus(documents=tuple(docs), claims=(claim,)), docs, "Site")
    line = next(line for line in page.splitlines() if line.startswith("Claims by status:"))
    after = page[page.index(line) + len(line):]
    assert after.startswith("\n\n")


def test_a_bilingual_source_keeps_each_language_name_whole():
    docs = [_doc(0, languages=("en", "zh")), _doc(1, languages=("en",))]
    page = render.source_index_pages(render.make_environment(), docs, 0)["sources/index.md"]
    assert '<span class="sb-nowrap">English</span>, <span class="sb-nowrap">中文</span>' in page
    assert "| English |" in page                   # one language needs no mark


def test_timeline_table_leaves_out_an_empty_column():
    corpus = Corpus(documents=(_doc(0),), claims=(Claim(id="c1", text="x", status="single-source", dates=("2026-01-01",)),))
    rows = pictures.timeline_rows(corpus)
    assert rows[0] == ("Date", "Claims dated", "Sources published")
    assert "no two sources give a claim different dates" in _desc(pictures.timeline(corpus))


def test_coverage_gives_every_claim_shown_a_column():
    # Many sources state c-big; c-small's only source would rank last.
    docs = tuple(_doc(i) for i in range(6))
    claims = (_claim("c-big", ["s0", "s1", "s2", "s3"], "corroborated"), _claim("c-small", ["s5"]))
    corpus = Corpus(documents=docs, claims=claims)
    shown = {d.id for d in pictures._top_sources(corpus, list(claims), 3)}
    assert len(shown) == 3 and "s5" in shown and shown & {"s0", "s1", "s2", "s3"}


def test_source_titles_in_claim_pages_are_marked_with_their_language():
    docs = {"s0": _doc(0, title="日本語の見出し", languages=("ja",)), "s1": _doc(1)}
    claim = _claim("c1", ["s0", "s1"], "corroborated")
    page = render_claims.claim_page(render.make_environment().get_template("claim.md.j2"),
                                    render_claims.claim_page_inputs(claim, docs, {"c1": claim}, {}))
    assert '<span lang="ja">[日本語の見出し](../sources/s0.md#b0)</span>' in page
    assert "[Title 1](../sources/s1.md#b0)" in page and '<span lang="en">' not in page


@pytest.mark.parametrize("point, value, shown", [
    ("figure:job", ">500", "more than 500"), ("figure:job", "<1200", "fewer than 1,200"),
    ("figure:percent", "<4.5", "less than 4.5%"), ("figure:money", ">780000000", "more than 780,000,000"),
    ("polarity", "asserted", "yes"), ("polarity", "denied", "no"),
    ("scope", "global", "worldwide"), ("scope", "foreign", "foreign users"),
    ("decider", "company", "company")])
def test_competing_versions_read_in_words(point, value, shown):
    assert render_claims.side_value(point, value, {}) == shown
