"""Bounded pages: caps on long lists, the timeline split by year, and the
string helpers that replaced pathlib. Small synthetic corpora, caps lowered
with monkeypatch so a handful of sources exercises them."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath

import pytest

from generator import jsonld, render, render_claims, render_entities
from generator.model import (Block, Claim, Corpus, Document, Entity, Mention, Metadata, Quote)


def _doc(i: int, text: str = "Alpha met Beta in Gamma. Alpha said more.") -> Document:
    return Document(id=f"s{i}", file=f"s{i}.txt", format="text", content_hash=f"{i:064d}",
                    text=text, blocks=(Block("paragraph", text, start=0, end=len(text)),),
                    metadata=Metadata(title=f"Story {i}"))


def _claim(cid: str, sources, dates=(), disputing=()) -> Claim:
    quotes = tuple(Quote(source=f"s{i}", text="Alpha met Beta in Gamma.", start=0, end=24,
                         stance="disputes" if i in disputing else "supports") for i in sources)
    return Claim(id=cid, text=f"Claim {cid}.", status="contested" if disputing else "corroborated",
                 quotes=quotes, dates=tuple(dates), sources=len(sources))


def _corpus(n_docs: int, claims=(), entities=()) -> Corpus:
    return Corpus(documents=tuple(_doc(i) for i in range(n_docs)), entities=tuple(entities),
                  claims=tuple(claims))


def _links(page: str, text: str) -> list[str]:
    """Docs-relative targets of the Markdown links on ``page``."""
    out = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        path = target.split("#", 1)[0]
        parts: list[str] = []
        for part in (str(PurePosixPath(page).parent) + "/" + path).split("/"):
            if part in ("", "."):
                continue
            if part == "..":
                parts.pop()
            else:
                parts.append(part)
        out.append("/".join(parts))
    return out


def _assert_links_resolve(pages: dict[str, str], extra=("data/corpus.json", "data/claims.csv",
                                                        "data/changes.json", "feed.xml")):
    known = set(pages) | set(extra)
    for page, text in pages.items():
        if page.endswith(".md"):
            missing = [t for t in _links(page, text) if t not in known and not t.startswith("raw/")]
            assert missing == [], (page, missing)


# --- page_url / relative -----------------------------------------------------------

@pytest.mark.parametrize("path", ["index.md", "a/index.md", "a/b.md", "timeline.md", "claims/x.y.md",
                                  "a/b/index.md", "pictures/x.svg", "a/.hidden", "a/b."])
def test_page_url_matches_pathlib(path):
    p = PurePosixPath(path)
    if p.name == "index.md":
        expected = str(p.parent) + "/" if str(p.parent) != "." else ""
    else:
        expected = str(p.with_suffix("")) + "/"
    assert render.page_url(path) == expected


# --- timeline ---------------------------------------------------------------------

def test_small_timeline_is_one_page(monkeypatch):
    corpus = _corpus(2, [_claim("c1", [0, 1], ["2025-03-01"])])
    pages = render.render_pages(corpus, "Site")
    assert not [p for p in pages if p.startswith("timeline/")]
    assert "Claim c1" in pages["timeline.md"]


def test_large_timeline_is_split_by_year_and_grouped_by_month(monkeypatch):
    monkeypatch.setattr(render_claims, "TIMELINE_PAGE_EVENTS", 2)
    claims = [_claim("c1", [0], ["2025-03-01"]), _claim("c2", [1], ["2025-07-09", "2026-01-02"]),
              _claim("c3", [0, 1], ["--06-12"])]
    pages = render.render_pages(_corpus(2, claims), "Site")
    assert sorted(p for p in pages if p.startswith("timeline/")) == [
        "timeline/2025.md", "timeline/2026.md", "timeline/year-not-stated.md"]
    year = pages["timeline/2025.md"]
    assert "## 2025-03" in year and "## 2025-07" in year
    assert year.index("Claim c1") < year.index("Claim c2")
    assert "[Timeline](../timeline.md)" in year
    assert "(../claims/c1.md)" in year and "(../sources/s0.md)" in year
    assert "[2025](timeline/2025.md)" in pages["timeline.md"]
    _assert_links_resolve(pages)


def test_year_page_url_is_stable_when_a_year_grows(monkeypatch):
    monkeypatch.setattr(render_claims, "TIMELINE_PAGE_EVENTS", 1)
    before = render.render_pages(_corpus(1, [_claim("c1", [0], ["2025-03-01"]),
                                             _claim("c2", [0], ["2026-03-01"])]), "Site")
    after = render.render_pages(_corpus(2, [_claim("c1", [0], ["2025-03-01"]), _claim("c2", [0], ["2026-03-01"]),
                                            _claim("c3", [1], ["2025-04-01"])]), "Site")
    assert {p for p in before if p.startswith("timeline/")} <= set(after)


def test_timeline_event_names_at_most_a_few_sources(monkeypatch):
    monkeypatch.setattr(render_claims, "MAX_EVENT_SOURCES", 2)
    pages = render.render_pages(_corpus(5, [_claim("c1", range(5), ["2025-03-01"])]), "Site")
    row = next(line for line in pages["timeline.md"].splitlines() if "Claim c1" in line)
    assert row.count("](sources/") == 2 and "3 more" in row


# --- claim pages and the claims index ------------------------------------------------

def test_claim_page_caps_quotes_keeping_disputing_ones(monkeypatch):
    monkeypatch.setattr(render_claims, "MAX_QUOTE_ROWS", 3)
    claim = _claim("c1", range(6), disputing={4})
    shown = render_claims.shown_quotes(claim)
    assert [q.source for q in shown] == ["s0", "s1", "s4"]
    page = render.render_pages(_corpus(6, [claim]), "Site")["claims/c1.md"]
    assert "3 of 6 quotes are shown" in page and "(../data/claims.csv)" in page


def test_claim_page_lists_every_quote_when_few():
    page = render.render_pages(_corpus(3, [_claim("c1", range(3))]), "Site")["claims/c1.md"]
    assert "quotes are shown" not in page
    assert page.count("](../sources/s") == 3


def test_claims_index_caps_each_status(monkeypatch):
    monkeypatch.setattr(render_claims, "MAX_INDEX_ROWS", 2)
    claims = [_claim(f"c{i}", [0, 1]) for i in range(5)]
    index = render.render_pages(_corpus(2, claims), "Site")["claims/index.md"]
    assert "(5)" in index and "The 2 most corroborated of 5 are listed" in index
    assert index.count("](../claims/c") == 2


def test_jsonld_caps_appearances_but_keeps_the_first_published():
    docs = {d.id: d for d in (_doc(i) for i in range(4))}
    dated = Metadata(title="Story 3", publisher="P", published="2020-01-01")
    docs["s3"] = replace(docs["s3"], metadata=dated)
    data = jsonld.claim_data(_claim("c1", range(4)), docs, "", "claims/c1/", max_appearances=2)
    assert [a["url"] for a in data["appearance"]] == ["../../sources/s0/", "../../sources/s1/",
                                                      "../../sources/s3/"]
    assert data["firstAppearance"]["url"] == "../../sources/s3/"


# --- entity pages -------------------------------------------------------------------

def _entity(n_sources: int, per_source: int) -> Entity:
    mentions = tuple(Mention(source=f"s{i}", text="Alpha", start=start, end=start + 5, type="person")
                     for i in range(n_sources) for start in (0, 25)[:per_source])
    return Entity(id="alpha", name="Alpha", type="person", mentions=mentions)


def test_entity_page_lists_every_mention_when_few():
    page = render.render_pages(_corpus(3, entities=[_entity(3, 2)]), "Site")["entities/alpha.md"]
    assert "## Mentions (6)" in page and "Showing" not in page
    assert page.count("](../sources/s") == 6


def test_entity_page_caps_mentions_per_source_and_sources(monkeypatch):
    monkeypatch.setattr(render_entities, "MAX_MENTION_ROWS", 4)
    monkeypatch.setattr(render_entities, "MAX_MENTION_SOURCES", 2)
    monkeypatch.setattr(render_entities, "MAX_MENTIONS_PER_SOURCE", 1)
    pages = render.render_pages(_corpus(3, entities=[_entity(3, 2)]), "Site")
    page = pages["entities/alpha.md"]
    assert "## Mentions (6)" in page
    assert "Showing 2 of 6 mentions: at most 1 per source, from the first 2 of 3 sources" in page
    assert "(../data/corpus.json)" in page
    _assert_links_resolve(pages)


# --- reusing source pages -------------------------------------------------------------

def test_page_cache_gives_the_same_pages_and_reuses_unchanged_ones():
    corpus = _corpus(3, [_claim("c1", [0, 1])], [_entity(2, 1)])
    plain = render.render_pages(corpus, "Site")
    cache: dict = {}
    assert render.render_pages(corpus, "Site", cache) == plain
    assert {"sources/s0.md", "sources/s1.md", "sources/s2.md"} <= set(cache)
    # An entry whose key still matches is used as is (proof of reuse).
    key = cache["sources/s2.md"][0]
    cache["sources/s2.md"] = (key, "reused")
    assert render.render_pages(corpus, "Site", cache)["sources/s2.md"] == "reused"


def test_page_cache_renders_again_when_an_input_changes():
    cache: dict = {}
    render.render_pages(_corpus(2, [_claim("c1", [0, 1])]), "Site", cache)
    stale = dict(cache)
    changed = _corpus(2, [replace(_claim("c1", [0, 1]), status="contested")])
    pages = render.render_pages(changed, "Site", cache)
    assert pages == render.render_pages(changed, "Site")
    assert cache["sources/s0.md"][0] != stale["sources/s0.md"][0]
    # A source that left the corpus leaves the cache too.
    render.render_pages(_corpus(1), "Site", cache)
    assert "sources/s0.md" in cache
    assert not any(k.startswith(("sources/s1", "data/corpus.json#sources/s1")) for k in cache)


def test_busy_month_of_a_year_page_is_split_by_day(monkeypatch):
    monkeypatch.setattr(render_claims, "TIMELINE_PAGE_EVENTS", 1)
    monkeypatch.setattr(render_claims, "MONTH_EVENTS", 2)
    claims = [_claim(f"c{i}", [0], [f"2025-03-0{1 + i % 2}"]) for i in range(3)] + [_claim("c9", [0], ["2025-04-01"])]
    year = render.render_pages(_corpus(1, claims), "Site")["timeline/2025.md"]
    assert "## 2025-03\n\n3 events, by day." in year
    assert "### 2025-03-01" in year and "### 2025-03-02" in year
    assert "## 2025-04\n\n| Date |" in year


# --- the sources index --------------------------------------------------------------

@pytest.mark.parametrize("title, key", [("Alpha", "a"), ("éclair", "e"), ("  Zed", "z"), ("2025 review", "0-9"),
                                        ("红色", "other"), ("", "other"), ("«Quoted»", "q")])
def test_title_initial(title, key):
    assert render.title_initial(title) == key


def test_small_sources_index_is_one_table():
    pages = render.render_pages(_corpus(3), "Site")
    assert not [p for p in pages if p.startswith("sources/by-title/")]
    assert pages["sources/index.md"].count("](../sources/s") == 3


def test_large_sources_index_links_one_page_per_initial(monkeypatch):
    monkeypatch.setattr(render, "SOURCE_INDEX_ROWS", 2)
    docs = [replace(_doc(i), metadata=Metadata(title=t)) for i, t in enumerate(["Beta", "alpha", "Aleph", "红"])]
    pages = render.render_pages(Corpus(documents=tuple(docs)), "Site")
    assert sorted(p for p in pages if p.startswith("sources/by-title/")) == [
        "sources/by-title/a.md", "sources/by-title/b.md", "sources/by-title/other.md"]
    index = pages["sources/index.md"]
    assert "[A](../sources/by-title/a.md) | 2 |" in index and index.index("[B]") < index.index("[Other]")
    letter = pages["sources/by-title/a.md"]
    assert "2 of the 4 sources" in letter and letter.index("Aleph") < letter.index("alpha")
    _assert_links_resolve(pages)
