"""Reusing rendered pages and export parts between builds (render_cache).

A render with a filled cache must equal a render without one, and a change
to one input must render again exactly the pieces whose text it changes:
the page of the changed object and every page that shows something of it
(a claim page listing an entity, an entity page listing a source, ...).
Small synthetic corpora; which pieces were rendered again is seen by
poisoning the cache (a reused piece keeps its poisoned text).
"""
from __future__ import annotations

import pickle
from dataclasses import replace
from typing import NamedTuple

import pytest

from generator import render
from generator.export import claims_csv, corpus_json
from generator.model import (Block, Claim, ClaimVersion, Corpus, Document, Entity, Mention, Metadata,
                             Origin, Quote)
from generator.render_cache import Digests, RenderCache

TEXT = "Alpha met Beta at Gamma Corp. Alpha said more. Beta agreed."
TITLES = ["Apple story", "Banana story", "Another story", "Cherry story", "Berry story"]


def _doc(i: int, **meta) -> Document:
    metadata = Metadata(title=TITLES[i], publisher=meta.pop("publisher", f"Paper {i}"),
                        published=f"2025-0{i + 1}-01", languages=("en",), **meta)
    return Document(id=f"s{i}", file=f"s{i}.txt", format="text", content_hash=f"{i:064d}", text=TEXT,
                    blocks=(Block("paragraph", TEXT, lang="en", start=0, end=len(TEXT)),), metadata=metadata)


def _mentions(name: str, sources) -> tuple[Mention, ...]:
    out = []
    for source in sources:
        start = TEXT.find(name)
        while start != -1:
            out.append(Mention(source=source, text=name, start=start, end=start + len(name), type="other"))
            start = TEXT.find(name, start + 1)
    return tuple(out)


def _quote(source: str, sentence: str, stance: str = "supports") -> Quote:
    start = TEXT.find(sentence)
    return Quote(source=source, text=sentence, start=start, end=start + len(sentence), stance=stance, lang="en")


def corpus() -> Corpus:
    docs = [_doc(0, publisher="Gamma Corp"), _doc(1, authors=("Alpha",)),
            _doc(2, origin=Origin(publisher="Beta", language="fr")), _doc(3), _doc(4)]
    entities = [
        Entity(id="alpha", name="Alpha", type="person", mentions=_mentions("Alpha", ["s0", "s1", "s2"]),
               related=(("beta", 2),), description="A person.", description_source="s1"),
        Entity(id="beta", name="Beta", type="person", mentions=_mentions("Beta", ["s1", "s3"]),
               related=(("alpha", 2),), relations=(("works at", "gamma"),)),
        Entity(id="gamma", name="Gamma Corp", type="organization", mentions=_mentions("Gamma Corp", ["s0", "s4"])),
    ]
    claims = [
        Claim(id="c1", text="Alpha met Beta.", status="corroborated", entities=("alpha", "beta"),
              quotes=(_quote("s0", "Alpha met Beta at Gamma Corp."),
                      _quote("s1", "Alpha met Beta at Gamma Corp.")),
              dates=("2025-03-01",), related=("c3",), sources=2, independent_sources=2),
        Claim(id="c2", text="Alpha said more.", status="contested", conflicts_with=("c3",),
              quotes=(_quote("s2", "Alpha said more.", "disputes"),), sources=1, independent_sources=1),
        Claim(id="c3", text="Beta agreed.", status="contested", conflicts_with=("c2",), entities=("beta",),
              quotes=(_quote("s3", "Beta agreed."),), dates=("2024-05-02",), sources=1, independent_sources=1),
        Claim(id="c4", text="Gamma Corp said more.", status="contested", entities=("gamma",),
              quotes=(_quote("s4", "Alpha said more."), _quote("s0", "Alpha said more.")),
              versions=(ClaimVersion("decider", "beta+gamma", "Alpha said more.", ("s4",)),
                        ClaimVersion("decider", "alpha", "Alpha said more.", ("s0",))),
              sources=2, independent_sources=2),
    ]
    return Corpus(documents=tuple(docs), entities=tuple(entities), claims=tuple(claims))


@pytest.fixture(autouse=True)
def letter_pages(monkeypatch):
    # A handful of sources then gets one sources page per initial letter.
    monkeypatch.setattr(render, "SOURCE_INDEX_ROWS", 2)


def uncached(c: Corpus) -> dict[str, str]:
    files = render.render_pages(c, "Site")
    files[render.CORPUS_JSON] = corpus_json(c)
    files[render.CLAIMS_CSV] = claims_csv(c)
    return files


def filled_cache(c: Corpus) -> dict:
    cache: dict = {}
    render.render_files(c, "Site", cache)
    return cache


def rendered_again(c: Corpus, cache: dict) -> set[str]:
    """Names of the cached pieces that a render of ``c`` renders instead of reusing."""
    poisoned = {name: (key, "STALE" if isinstance(text, str) else text) for name, (key, text) in cache.items()}
    render.render_files(c, "Site", poisoned)
    return {name for name, (_, text) in poisoned.items() if text != "STALE" and isinstance(text, str)}


def changed_pieces(old: Corpus, new: Corpus) -> set[str]:
    """The cached pieces of ``new`` whose text is new or differs from ``old``'s."""
    before, after = _pieces(old), _pieces(new)
    return {name for name in after if before.get(name) != after[name]}


def _pieces(c: Corpus) -> dict[str, str]:
    # Every cached piece's text, as rendered with a fresh cache (not compiled templates).
    return {name: text for name, (_, text) in filled_cache(c).items() if isinstance(text, str)}


# --- the same output -------------------------------------------------------------------

def test_render_with_a_filled_cache_equals_a_render_without_one():
    c = corpus()
    plain = uncached(c)
    cache: dict = {}
    assert render.render_files(c, "Site", cache) == plain
    assert render.render_files(c, "Site", cache) == plain
    assert render.render_files(c, "Site") == plain


def test_cache_covers_entity_claim_and_source_pages_and_export_parts():
    cache = filled_cache(corpus())
    assert {"sources/s0.md", "entities/alpha.md", "claims/c1.md", "sources/by-title/a.md#rows",
            "data/corpus.json#sources/s0", "data/corpus.json#entities/alpha",
            "data/corpus.json#claims/c1", "data/claims.csv#c1"} <= set(cache)


def test_nothing_is_rendered_again_when_nothing_changed():
    c = corpus()
    assert rendered_again(c, filled_cache(c)) == set()


def test_an_unchanged_key_reuses_the_stored_text():
    c = corpus()
    cache = filled_cache(c)
    key, _ = cache["claims/c1.md"]
    cache["claims/c1.md"] = (key, "reused")
    assert render.render_files(c, "Site", cache)["claims/c1.md"] == "reused"


def test_pieces_that_are_gone_leave_the_cache():
    c = corpus()
    cache = filled_cache(c)
    smaller = replace(c, documents=c.documents[:4], claims=c.claims[:3],
                      entities=tuple(replace(e, mentions=tuple(m for m in e.mentions if m.source != "s4"))
                                     for e in c.entities))
    render.render_files(smaller, "Site", cache)
    assert "sources/s4.md" not in cache and "data/corpus.json#sources/s4" not in cache
    assert "claims/c4.md" not in cache and "data/claims.csv#c4" not in cache


# --- one change renders again exactly what shows it ------------------------------------

def _entity(c: Corpus, entity_id: str) -> Entity:
    return next(e for e in c.entities if e.id == entity_id)


def _with_entity(c: Corpus, entity: Entity) -> Corpus:
    return replace(c, entities=tuple(entity if e.id == entity.id else e for e in c.entities))


def _check_change(old: Corpus, new: Corpus, exact: bool = True) -> set[str]:
    cache = filled_cache(old)
    again = rendered_again(new, cache)
    changed = changed_pieces(old, new)
    # Never a stale piece; and, unless a piece reads more of an object than
    # it shows (a page reading a source is keyed by the whole source), no more.
    assert changed <= again
    if exact:
        assert again == changed
    # And the render that reuses the rest is the uncached render of the new corpus.
    assert render.render_files(new, "Site", filled_cache(old)) == uncached(new)
    return again


def test_renaming_an_entity_renders_again_the_pages_that_show_its_name():
    old = corpus()
    new = _with_entity(old, replace(_entity(old, "beta"), name="Betty"))
    again = _check_change(old, new)
    # Its page, the entity listing it as related, the claims naming it (c4 in a
    # version's side), its export part, and the source whose metadata names it.
    assert {"entities/beta.md", "entities/alpha.md", "claims/c1.md", "claims/c3.md", "claims/c4.md",
            "data/corpus.json#entities/beta", "sources/s2.md"} <= again
    assert "claims/c2.md" not in again and "sources/s1.md" not in again


def test_renaming_the_entity_a_relation_points_to_renders_that_page_again():
    old = corpus()
    new = _with_entity(old, replace(_entity(old, "gamma"), name="Gamma Group"))
    again = _check_change(old, new)
    assert {"entities/gamma.md", "entities/beta.md", "claims/c4.md", "sources/s0.md"} <= again
    assert "entities/alpha.md" not in again


def test_changing_a_quote_renders_again_its_claim_page_and_rows():
    old = corpus()
    c1 = old.claims[0]
    changed = replace(c1, quotes=(replace(c1.quotes[0], stance="disputes"), c1.quotes[1]))
    new = replace(old, claims=(changed, *old.claims[1:]))
    again = _check_change(old, new)
    assert again == {"claims/c1.md", "data/corpus.json#claims/c1", "data/claims.csv#c1"}


def test_changing_a_claim_text_renders_again_the_pages_listing_it():
    old = corpus()
    new = replace(old, claims=(replace(old.claims[0], text="Alpha saw Beta."), *old.claims[1:]))
    again = _check_change(old, new)
    assert {"claims/c1.md", "sources/s0.md", "sources/s1.md", "entities/alpha.md",
            "entities/beta.md", "data/claims.csv#c1", "data/corpus.json#claims/c1"} <= again
    assert "claims/c3.md" not in again


def test_retitling_a_source_renders_again_the_pages_that_show_its_title():
    old = corpus()
    docs = list(old.documents)
    docs[1] = replace(docs[1], metadata=replace(docs[1].metadata, title="Blueberry story"))
    new = replace(old, documents=tuple(docs))
    again = _check_change(old, new)
    # Its page, the entity whose description it sources and whose mentions it
    # holds, the claims quoting it, its letter's rows and its export part.
    assert {"sources/s1.md", "entities/alpha.md", "entities/beta.md", "claims/c1.md",
            "sources/by-title/b.md#rows", "data/corpus.json#sources/s1"} <= again
    assert "sources/by-title/a.md#rows" not in again and "claims/c3.md" not in again


def test_a_new_publisher_renders_again_the_csv_rows_of_its_claims():
    old = corpus()
    docs = list(old.documents)
    docs[3] = replace(docs[3], metadata=replace(docs[3].metadata, publisher="Other Paper"))
    # c2's page reads s3 (its competing version names s3 by title) but does not
    # show its publisher: rendered again all the same, as it reads the source.
    again = _check_change(old, replace(old, documents=tuple(docs)), exact=False)
    assert {"data/claims.csv#c3", "claims/c3.md", "sources/s3.md", "sources/by-title/c.md#rows"} <= again
    assert "data/claims.csv#c1" not in again and "entities/alpha.md" not in again


def test_adding_a_source_mentioning_an_entity():
    old = corpus()
    docs = (*old.documents, replace(_doc(4), id="s5", file="s5.txt", content_hash="5" * 64))
    alpha = _entity(old, "alpha")
    alpha = replace(alpha, mentions=alpha.mentions + _mentions("Alpha", ["s5"]))
    new = _with_entity(replace(old, documents=docs), alpha)
    again = _check_change(old, new)
    assert {"sources/s5.md", "entities/alpha.md", "data/corpus.json#sources/s5"} <= again
    assert "entities/beta.md" not in again and "claims/c1.md" not in again


# --- keys ------------------------------------------------------------------------------

def test_digest_depends_on_values_not_on_object_sharing_or_cached_properties():
    doc = _doc(0)
    twin = pickle.loads(pickle.dumps(doc))
    twin.block_starts   # a cached_property stored on the instance
    rebuilt = replace(doc, text="".join(list(TEXT)))   # equal text, another string object
    digests = Digests("salt")
    assert digests.of(doc) == digests.of(twin) == digests.of(rebuilt)
    assert digests.of(doc) != digests.of(replace(doc, metadata=replace(doc.metadata, title="Other")))
    assert Digests("salt").key(doc) != Digests("other generator").key(doc)


class _Inputs(NamedTuple):
    value: object


def test_a_key_refuses_values_it_cannot_digest():
    with pytest.raises(ValueError):
        Digests("salt").key(_Inputs(object()))


def test_compiled_templates_are_kept_and_used():
    c = corpus()
    cache = filled_cache(c)
    _, compiled = cache["templates#"]
    assert len(compiled) >= 10 and all(isinstance(code, bytes) for code in compiled.values())
    render.render_files(c, "Site", cache)
    assert cache["templates#"][1] == compiled
    fingerprint = cache["templates#"][0]
    # An entry that is not compiled code is ignored, never used; and code
    # kept by another generator (say, other Environment options) is dropped.
    broken = dict(cache, **{"templates#": (fingerprint, {key: b"not code" for key in compiled})})
    assert render.render_files(c, "Site", broken) == uncached(c)
    other = dict(cache, **{"templates#": ("another generator", {key: b"stale" for key in compiled})})
    render.render_files(c, "Site", other)
    kept_by, code = other["templates#"]
    assert kept_by == fingerprint and code and b"stale" not in code.values()


def test_without_a_store_nothing_is_kept():
    cache = RenderCache(None)
    assert cache.get("x.md", _Inputs(1), lambda inputs: "text") == "text"
    cache.finish()
    assert cache.store is None
