"""Claim grouping and contradiction rules, on small synthetic corpora."""
from __future__ import annotations

from dataclasses import replace

from generator.extract.claims import find_statements
from generator.link.claims import competing_versions, group_claims
from generator.model import Document, Entity, Mention, Metadata

from test_claims_extract import make_doc

FILLER = [
    "Umbrella Corp opened a new laboratory in Lisbon last spring.",
    "Vandelay Industries hired 40 engineers for its import division.",
    "Stark Logistics signed a shipping contract with a port operator.",
]


def corpus(*docs: Document, entities=(), origins=None):
    statements = {d.id: find_statements(d, ()) for d in docs}
    return group_claims(list(docs), statements, list(entities), origins)


def claim_with(claims, fragment: str):
    return [c for c in claims if any(fragment in q.text for q in c.quotes)]


def sources_of(claim) -> set[str]:
    return {q.source for q in claim.quotes}


def filler_doc(doc_id: str) -> Document:
    return make_doc(doc_id, [("paragraph", text) for text in FILLER])


def test_paraphrases_group_together():
    a = make_doc("a", [("paragraph", "Globex CEO Rivera reported Initech software vulnerabilities to government officials.")])
    b = make_doc("b", [("paragraph", "Globex tipped off the White House about a security risk in Initech software.")])
    claims = corpus(a, b, filler_doc("f"))
    [claim] = claim_with(claims, "tipped off")
    assert sources_of(claim) == {"a", "b"}
    assert claim.status == "corroborated" and claim.sources == 2


def test_unrelated_statements_stay_apart():
    claims = corpus(filler_doc("f"), make_doc("g", [("paragraph", "Initech recalled 2 routers after a fire.")]))
    assert all(c.sources == 1 for c in claims)


def test_english_and_chinese_versions_group():
    a = make_doc("a", [("list", "Government imposed export controls on Globex's Widget 7 device.\n"
                               "政府对Globex的Widget 7设备实施了出口管制。")])
    claims = corpus(a, filler_doc("f"))
    [claim] = claim_with(claims, "出口管制")
    assert len(claim.quotes) == 2 and claim.sources == 1
    assert claim.text.startswith("Government imposed")       # English preferred as canonical


def test_repeat_in_one_source_counts_once():
    text = "Initech fined Globex 5 million dollars for late filings."
    a = make_doc("a", [("paragraph", text), ("list", text), ("qa", "What happened?\n" + text)])
    claims = corpus(a, filler_doc("f"))
    [claim] = claim_with(claims, "fined Globex")
    assert claim.sources == 1 and len(claim.quotes) == 3
    assert claim.status == "single-source"
    for quote in claim.quotes:
        assert a.text[quote.start:quote.end] == quote.text


def _versions(claims, parent):
    return [c for c in claims if c.id in parent.related and c.conflicts_with]


def test_scope_disagreement_is_contested_with_versions():
    a = make_doc("a", [("paragraph", "Globex suspended worldwide access to its Widget 7 service.")])
    b = make_doc("b", [("paragraph", "Globex suspended access to its Widget 7 service for foreign users.")])
    claims = corpus(a, b, filler_doc("f"))
    [parent] = [c for c in claim_with(claims, "suspended") if c.sources == 2]
    assert parent.status == "contested"
    assert {q.stance for q in parent.quotes} == {"supports", "disputes"}
    versions = _versions(claims, parent)
    assert {frozenset(sources_of(v)) for v in versions} == {frozenset({"a"}), frozenset({"b"})}
    for version in versions:
        assert version.status == "contested"
        assert set(version.conflicts_with) == {v.id for v in versions if v is not version}
    [sides] = competing_versions(parent, claims)
    assert {c.id for c in sides} == {v.id for v in versions}


def test_product_disagreement_is_contested():
    a = make_doc("a", [("paragraph", "Regulators banned the Widget 7 phone made by Globex.")])
    b = make_doc("b", [("paragraph", "Regulators banned the Gizmo 3 phone made by Globex.")])
    claims = corpus(a, b, filler_doc("f"))
    [parent] = [c for c in claim_with(claims, "banned") if c.sources == 2]
    assert parent.status == "contested"


def test_government_ordered_vs_company_decided_is_contested():
    a = make_doc("a", [("paragraph", "The government ordered Globex to suspend its Widget 7 service.")])
    b = make_doc("b", [("paragraph", "Globex suspended its Widget 7 service after an internal review.")])
    claims = corpus(a, b, filler_doc("f"))
    [parent] = [c for c in claim_with(claims, "suspend") if c.sources == 2]
    assert parent.status == "contested"


def test_denial_against_assertion_is_contested():
    a = make_doc("a", [("paragraph", "Globex leaked the Initech merger report to reporters.")])
    b = make_doc("b", [("paragraph", "Globex denied that it leaked the Initech merger report to reporters.")])
    claims = corpus(a, b, filler_doc("f"))
    [parent] = [c for c in claim_with(claims, "merger report") if c.sources == 2]
    assert parent.status == "contested"


def test_different_dates_are_contested():
    a = make_doc("a", [("paragraph", "Globex recalled the Widget 7 router on March 3, 2031.")])
    b = make_doc("b", [("paragraph", "Globex recalled the Widget 7 router on March 9, 2031.")])
    claims = corpus(a, b, filler_doc("f"))
    [parent] = [c for c in claim_with(claims, "recalled") if c.sources == 2]
    assert parent.status == "contested"
    assert parent.dates == ("2031-03-03", "2031-03-09")


def test_agreeing_sources_are_not_contested():
    a = make_doc("a", [("paragraph", "Globex recalled the Widget 7 router on March 3, 2031.")])
    b = make_doc("b", [("paragraph", "On March 3, 2031, Globex recalled its Widget 7 router.")])
    claims = corpus(a, b, filler_doc("f"))
    [parent] = [c for c in claim_with(claims, "recalled") if c.sources == 2]
    assert parent.status == "corroborated" and not parent.conflicts_with


def test_ids_stable_and_order_independent():
    a = make_doc("a", [("paragraph", "Globex recalled the Widget 7 router after a fire in Ohio.")])
    b = make_doc("b", [("paragraph", "Globex recalled its Widget 7 router following a fire in Ohio.")])
    first = corpus(a, b, filler_doc("f"))
    reordered = group_claims([filler_doc("f"), b, a],
                             {d.id: find_statements(d, ()) for d in (b, a, filler_doc("f"))}, [])
    assert [c.id for c in first] == [c.id for c in reordered]
    c = make_doc("c", [("paragraph", "Globex recalled the Widget 7 router, citing a fire in Ohio.")])
    grown = corpus(a, b, c, filler_doc("f"))
    [before] = claim_with(first, "Ohio")
    [after] = claim_with(grown, "Ohio")
    assert before.id == after.id and after.sources == 3
    assert before.id.startswith("c-globex-recalled") and before.id.isascii()


def test_translation_does_not_add_independent_corroboration():
    a = replace(make_doc("a", [("paragraph", "Globex recalled the Widget 7 router after a fire in Ohio.")]),
                metadata=Metadata(publisher="Daily Wire Service"))
    b = replace(make_doc("b", [("paragraph", "Globex recalled its Widget 7 router following a fire in Ohio.")]),
                metadata=Metadata(publisher="Other Desk"))
    claims = corpus(a, b, filler_doc("f"), origins={"a": None, "b": "Daily Wire Service", "f": None})
    [claim] = claim_with(claims, "Ohio")
    assert claim.sources == 2 and claim.independent_sources == 1
    assert claim.status == "single-source"


def test_entity_ids_come_from_entity_mentions():
    a = make_doc("a", [("paragraph", "Globex recalled the Widget 7 router after a fire in Ohio.")])
    start = a.text.index("Globex")
    entity = Entity(id="globex", name="Globex", type="organization",
                    mentions=(Mention(source="a", text="Globex", start=start, end=start + 6, type="organization"),))
    claims = corpus(a, filler_doc("f"), entities=[entity])
    [claim] = claim_with(claims, "Ohio")
    assert claim.entities == ("globex",)


def test_canonical_text_is_self_contained():
    from generator.link.claims import clarity, leans_on_context
    assert leans_on_context("Meanwhile, Globex recalled the Widget 7.")
    assert not leans_on_context("Globex recalled the Widget 7 on Monday.")
    a = make_doc("a", [("paragraph", "Meanwhile, Globex recalled its Widget 7 device worldwide on Monday.")])
    b = make_doc("b", [("paragraph", "Globex recalled its Widget 7 device worldwide on Monday, the firm said.")])
    sa, sb = find_statements(a, ())[0], find_statements(b, ())[0]
    assert min((sa, sb), key=clarity) is sb
