"""Change report, Atom feed, dates and stable ids (generator/changes.py)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from generator import changes as ch
from generator.export import corpus_record
from generator.model import Claim, Corpus, Document, Entity, Mention, Metadata, Quote

ATOM = "{http://www.w3.org/2005/Atom}"


def doc(doc_id: str, title: str = "", published: str | None = None) -> Document:
    text = f"Text of {doc_id}."
    return Document(doc_id, f"{doc_id}.txt", "h" + doc_id, Metadata(title=title or f"Title {doc_id}", published=published),
                    (), text)


def claim(cid: str, status: str, *quotes: tuple[str, int, int], **kw) -> Claim:
    return Claim(cid, f"Claim {cid} <b>&", status, tuple(Quote(s, "q", a, b) for s, a, b in quotes), **kw)


def entity(eid: str, *mentions: tuple[str, int, int], **kw) -> Entity:
    return Entity(eid, eid.title(), "person", mentions=tuple(Mention(s, "m", a, b, "person") for s, a, b in mentions), **kw)


def corpus_a() -> Corpus:
    return Corpus((doc("a"), doc("b")),
                  entities=(entity("alice", ("a", 0, 5)),),
                  claims=(claim("c-one", "single-source", ("a", 10, 30)), claim("c-gone", "single-source", ("b", 0, 9))))


def test_compare_lists_every_kind():
    previous = corpus_record(corpus_a())
    new = Corpus((doc("a"), doc("c", "New one")),
                 entities=(entity("alice", ("a", 0, 5)), entity("bob", ("c", 0, 3))),
                 claims=(claim("c-one", "corroborated", ("a", 10, 30), ("c", 5, 20)), claim("c-two", "contested", ("c", 30, 40))))
    changes = ch.compare(previous, new, "2024-01-02T00:00:00Z")
    assert [i.id for i in changes.new_sources] == ["c"]
    assert changes.new_sources[0].label == "New one" and changes.new_sources[0].page == "sources/c/"
    assert [i.id for i in changes.removed_sources] == ["b"]
    assert [i.id for i in changes.new_claims] == ["c-two"]
    assert [(i.id, i.before, i.after) for i in changes.status_changes] == [("c-one", "single-source", "corroborated")]
    assert [i.id for i in changes.new_entities] == ["bob"]
    assert not changes.first_build
    assert ch.summary_lines(changes) == ["new sources: 1", "removed sources: 1", "new claims: 1",
                                         "claims whose status changed: 1", "new entities: 1"]


def test_first_build_everything_new():
    changes = ch.compare(None, corpus_a(), ch.EPOCH)
    assert changes.first_build and len(changes.new_sources) == 2 and len(changes.new_claims) == 2


def test_unchanged_build_keeps_previous_change_set():
    previous = corpus_record(corpus_a())
    earlier = ch.compare(None, corpus_a(), "2024-01-01T00:00:00Z")
    stored = json.loads(ch.changes_json(earlier))
    now = ch.compare(previous, corpus_a(), "2030-01-01T00:00:00Z")
    assert now.is_empty()
    kept = ch.carry_over(now, stored)
    assert kept == earlier
    assert ch.changes_json(kept) == ch.changes_json(earlier)
    # A real change replaces the stored set.
    assert ch.carry_over(ch.compare(None, corpus_a(), ch.EPOCH), stored).date == ch.EPOCH


def test_carry_over_survives_garbage():
    empty = ch.Changes()
    assert ch.carry_over(empty, {"new_sources": [{"nonsense": 1}]}) == empty
    assert ch.carry_over(empty, None) == empty


def test_build_date_prefers_source_date_epoch():
    assert ch.build_date("86400", ["2024-05-01"]) == "1970-01-02T00:00:00Z"
    assert ch.build_date(None, ["2024-05-01", "2023-01-01", "2024-05-02T10:00:00Z", "junk", ""]) == "2024-05-02T10:00:00Z"
    assert ch.build_date("", []) == ch.EPOCH


def test_feed_is_valid_atom_with_escaped_text():
    changes = ch.compare(None, corpus_a(), "2024-01-01T00:00:00Z")
    xml = ch.feed_xml(changes, "Site & <Co>", "https://example.org/proj/")
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.find(f"{ATOM}title").text == "Site & <Co>: what is new"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 2 + 2 + 1
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert "New claim: Claim c-gone <b>& (○ single source)" in titles
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert "https://example.org/proj/claims/c-one/" in links
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids)


def test_feed_links_relative_without_site_url():
    xml = ch.feed_xml(ch.compare(None, corpus_a(), ch.EPOCH), "S", "")
    root = ET.fromstring(xml)
    assert root.find(f"{ATOM}entry/{ATOM}link").get("href") == "sources/a/"


def test_site_url_from_env_tag(monkeypatch):
    monkeypatch.setenv("SB_TEST_URL", "https://x.org/r")
    assert ch.site_url_from_config({"site_url": ["SB_TEST_URL", ""]}) == "https://x.org/r/"
    monkeypatch.delenv("SB_TEST_URL")
    assert ch.site_url_from_config({"site_url": ["SB_TEST_URL", ""]}) == ""
    assert ch.site_url_from_config({}) == ""


def test_page_escapes_source_text():
    page = ch.whats_new_page(ch.compare(None, corpus_a(), ch.EPOCH))
    assert "<b>" not in page and "&lt;b&gt;" in page
    assert ('[Claim c-one &lt;b&gt;&amp;](claims/c-one.md) — *<span class="sb-nowrap">○ single source</span>*'
            in page)
    assert "## New entities" in page and "[Alice](entities/alice.md)" in page


def test_change_files_are_deterministic():
    changes = ch.compare(None, corpus_a(), ch.EPOCH)
    assert ch.change_files(changes, "S", "") == ch.change_files(changes, "S", "")
    assert set(ch.change_files(changes, "S", "")) == {"whats-new.md", "feed.xml", "data/changes.json"}


# --- stable ids -------------------------------------------------------------------

def test_ids_survive_a_new_anchor():
    """Linking renamed a claim and an entity after a source arrived; the old ids come back."""
    before = Corpus((doc("a"), doc("b")),
                    entities=(entity("acme", ("a", 0, 4), ("b", 0, 4)), entity("bob", ("a", 9, 12), related=(("acme", 2),))),
                    claims=(claim("c-acme-ships", "corroborated", ("a", 20, 40), ("b", 20, 40), entities=("acme",)),
                            claim("c-other", "single-source", ("b", 50, 60), conflicts_with=("c-acme-ships",))))
    previous = corpus_record(before)
    # The new source made linking pick new names for the same groups.
    after = Corpus((doc("a"), doc("b"), doc("c")),
                   entities=(entity("acme-corp", ("a", 0, 4), ("b", 0, 4), ("c", 0, 9)),
                             entity("bob", ("a", 9, 12), related=(("acme-corp", 2),), relations=(("works at", "acme-corp"),))),
                   claims=(claim("c-acme-corp-ships", "corroborated", ("a", 20, 40), ("b", 20, 40), ("c", 1, 30),
                                 entities=("acme-corp", "bob"), related=("c-new",)),
                           claim("c-other", "contested", ("b", 50, 60), conflicts_with=("c-acme-corp-ships",)),
                           claim("c-new", "single-source", ("c", 40, 50))))
    stable = ch.stabilise_ids(after, previous)
    assert sorted(e.id for e in stable.entities) == ["acme", "bob"]
    assert sorted(c.id for c in stable.claims) == ["c-acme-ships", "c-new", "c-other"]
    by_id = {c.id: c for c in stable.claims}
    assert by_id["c-acme-ships"].entities == ("acme", "bob")
    assert by_id["c-acme-ships"].related == ("c-new",)
    assert by_id["c-other"].conflicts_with == ("c-acme-ships",)
    bob = next(e for e in stable.entities if e.id == "bob")
    assert bob.related == (("acme", 2),) and bob.relations == (("works at", "acme"),)


def test_no_previous_means_no_change():
    assert ch.stabilise_ids(corpus_a(), None) is corpus_a() or ch.stabilise_ids(corpus_a(), None) == corpus_a()


def test_id_mapping_gives_each_previous_id_once():
    old = {("a", 0, 1): "x", ("a", 2, 3): "x", ("a", 4, 5): "y"}
    mapping = ch.id_mapping({"n1": [("a", 0, 1)], "n2": [("a", 0, 1), ("a", 2, 3)], "y": [("z", 0, 1)]},
                            old, {"x", "y"})
    assert mapping["n2"] == "x"          # shares the most spans
    assert mapping["n1"] == "n1"         # x is taken
    assert mapping["y"] == "y"           # its own id, free
    mapping = ch.id_mapping({"n": [("a", 4, 5)], "y": [("q", 0, 1)]}, old, {"x", "y"})
    assert mapping == {"n": "y", "y": "y-2"}   # never two items on one id


# --- through the build ------------------------------------------------------------

def _digest(folder):
    import hashlib
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_reports_an_added_source_and_keeps_urls(tmp_path, monkeypatch):
    import shutil
    import sys

    from tests.conftest import ROOT, build_site
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import write_corpus

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    full, src = tmp_path / "full", tmp_path / "src"
    write_corpus(full, 12)
    src.mkdir()
    names = sorted(p.name for p in full.iterdir())
    for name in names[:-1]:
        shutil.copy(full / name, src / name)
    _, settings = build_site(tmp_path, src, run_mkdocs=False)
    first = json.loads((settings.docs_dir / "data" / "corpus.json").read_text(encoding="utf-8"))
    digest = _digest(settings.docs_dir)
    build_site(tmp_path, src, run_mkdocs=False)
    assert _digest(settings.docs_dir) == digest            # nothing changed: byte-identical
    shutil.copy(full / names[-1], src / names[-1])
    build_site(tmp_path, src, run_mkdocs=False)
    second = json.loads((settings.docs_dir / "data" / "corpus.json").read_text(encoding="utf-8"))
    stored = json.loads((settings.docs_dir / "data" / "changes.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in stored["new_sources"]] == [s["id"] for s in second["sources"]
                                                       if s["id"] not in {x["id"] for x in first["sources"]}]
    assert stored["date"] == "2023-11-14T22:13:20Z" and not stored["first_build"]
    # A claim or entity sharing quotes / mentions with one of the previous
    # build carries a previous id (groups that merged keep one of theirs).
    for key, spans in (("claims", "quotes"), ("entities", "mentions")):
        old_by_span = {(s["source"], s["start"], s["end"]): r["id"] for r in first[key] for s in r[spans]}
        new_ids = {r["id"] for r in second[key]}
        for record in second[key]:
            olds = {old_by_span.get((s["source"], s["start"], s["end"])) for s in record[spans]} - {None}
            # Either it kept a previous id, or each of those went to a group sharing more.
            assert record["id"] in olds or olds <= new_ids, (key, record["id"], olds)
    page = (settings.docs_dir / "whats-new.md").read_text(encoding="utf-8")
    assert "New sources: 1" in page


def test_feed_drops_characters_xml_forbids():
    bad = Corpus((doc("a", "Bell\x07 and \x0bform"),))
    root = ET.fromstring(ch.feed_xml(ch.compare(None, bad, ch.EPOCH), "S", ""))
    assert root.find(f"{ATOM}entry/{ATOM}title").text == "New source: Bell and form"


def test_carried_over_items_without_a_page_are_dropped():
    stored = json.loads(ch.changes_json(ch.compare(None, corpus_a(), ch.EPOCH)))
    smaller = Corpus(corpus_a().documents, entities=corpus_a().entities, claims=corpus_a().claims[:1])
    kept = ch.carry_over(ch.Changes(), stored, smaller)
    assert [i.id for i in kept.new_claims] == ["c-one"] and len(kept.new_sources) == 2


def test_tampered_stored_changes_are_ignored():
    assert ch.changes_from_record({"new_sources": [{"id": "a", "label": "x", "page": ["../../etc"]}]}) is None
    assert ch.changes_from_record({"new_sources": "nonsense"}) is None
    assert ch.changes_from_record({"new_sources": [{"id": "a", "label": "x", "page": "javascript:alert(1)/"}]}) is None
    assert ch.changes_from_record({"new_sources": [{"id": "a", "label": "x", "page": "sources/a/"}]}) is not None


def test_page_and_feed_list_a_bounded_number_of_changes(monkeypatch):
    monkeypatch.setattr(ch, "MAX_LISTED", 1)
    changes = ch.compare(None, corpus_a(), ch.EPOCH)
    page = ch.whats_new_page(changes)
    assert page.count("](sources/") == 1 and "…and 1 more, listed in [changes.json](data/changes.json)" in page
    entries = ET.fromstring(ch.feed_xml(changes, "Site", "")).findall(f"{ATOM}entry")
    assert len(entries) == 3          # one per non-empty kind: sources, claims, entities
    assert len(json.loads(ch.changes_json(changes))["new_sources"]) == 2
