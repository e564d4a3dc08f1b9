"""Entities named only in source metadata: publishers, origins, bylines."""
from __future__ import annotations

from generator.link.pipeline import byline_type, metadata_entities
from generator.model import Document, Entity, Metadata, Origin


def test_byline_of_a_person():
    assert byline_type("Jane Doe") == "person"
    assert byline_type("李明") == "person"


def test_byline_of_a_group():
    assert byline_type("Morning Desk Editorial Team") == "organization"
    assert byline_type("Redaktion Wirtschaft") == "organization"
    assert byline_type("财经编辑部") == "organization"
    assert byline_type("Newswire") == "organization"       # one Latin word: an agency, not a person


def test_group_word_must_be_a_whole_word():
    assert byline_type("Maria Teamson") == "person"


def _doc(doc_id: str, **meta) -> Document:
    return Document(id=doc_id, file=f"{doc_id}.txt", content_hash="h", metadata=Metadata(**meta),
                    blocks=(), text="", format="text")


def test_metadata_names_become_entities_once():
    docs = [_doc("a", publisher="Daily Planet", authors=("Lois Lane", "Planet Staff")),
            _doc("b", publisher="Daily Planet", origin=Origin(publisher="Globe Wire", language="fr",
                                                              translated_by="Daily Planet"))]
    known = (Entity(id="lois-lane", name="Lois Lane", type="person"),)
    out = {e.name: e.type for e in metadata_entities(docs, known)}
    assert out == {"Lois Lane": "person", "Daily Planet": "organization", "Planet Staff": "organization",
                   "Globe Wire": "organization"}
