"""Claim grouping and contradiction rules, on small synthetic corpora."""
from __future__ import annotations

from dataclasses import replace

from generator.extract.claims import Statement, find_statements
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


def test_scope_disagreement_is_contested_with_versions():
    a = make_doc("a", [("paragraph", "Globex suspended worldwide access to its Widget 7 service.")])
    b = make_doc("b", [("paragraph", "Globex suspended access to its Widget 7 service for foreign users.")])
    claims = corpus(a, b, filler_doc("f"))
    [parent] = [c for c in claim_with(claims, "suspended") if c.sources == 2]
    assert parent.status == "contested"
    assert {q.stance for q in parent.quotes} == {"supports", "disputes"}
    # One claim with its sides inside, not one claim per side.
    assert len(claim_with(claims, "suspended")) == 1
    assert {(v.point, v.value, v.sources) for v in parent.versions} == {
        ("scope", "global", ("a",)), ("scope", "foreign", ("b",))}
    [sides] = competing_versions(parent, claims)
    assert {c.text for c in sides} == {q.text for q in parent.quotes}
    assert all(c.id == parent.id for c in sides)


def test_versions_of_a_point_read_differently():
    a = make_doc("a", [("paragraph", "Globex suspended worldwide access to its Widget 7 service.")])
    b = make_doc("b", [("paragraph", "Globex suspended access to its Widget 7 service for foreign users.")])
    c = make_doc("c", [("paragraph", "Globex suspended access to the Widget 7 service for foreign users on Monday.")])
    claims = corpus(a, b, c, filler_doc("f"))
    [parent] = [c for c in claims if c.status == "contested"]
    texts = [v.text for v in parent.versions if v.point == "scope"]
    assert len(texts) == len(set(texts)) == 2
    assert len({c.text for c in claims}) == len(claims)      # no two claims look identical


def test_different_main_actions_are_different_claims():
    # Same names, but one is about export controls and the other about a cut-off of access.
    a = make_doc("a", [("paragraph", "Regulators imposed export controls on Globex's Widget 7 device.")])
    b = make_doc("b", [("paragraph", "Globex cut off access to its Widget 7 device for all users.")])
    claims = corpus(a, b, filler_doc("f"))
    assert all(c.sources == 1 for c in claims if "Widget" in c.text)


def test_export_control_statements_group_without_shared_names():
    a = make_doc("a", [("paragraph", "The Commerce Department issued an export control directive on the Widget 7 device.")])
    b = make_doc("b", [("paragraph", "Government imposed export controls on Globex's Widget 7 device.")])
    claims = corpus(a, b, filler_doc("f"))
    [claim] = claim_with(claims, "export control")
    assert sources_of(claim) == {"a", "b"}


def test_one_shared_name_is_not_enough_to_merge():
    from generator.link.claims import Features, enough_shared
    a = Features(frozenset(), frozenset({"ent:globex", "event:release", "word:phone"}), frozenset({"release"}),
                 frozenset({"event:release"}), "event:release")
    b = Features(frozenset(), frozenset({"ent:globex", "event:release", "word:laptop"}), frozenset({"release"}),
                 frozenset({"event:release"}), "event:release")
    assert not enough_shared(a, b, a.bag & b.bag)
    c = Features(frozenset(), frozenset({"ent:globex", "event:release", "word:phone", "num:7"}), frozenset({"release"}),
                 frozenset({"event:release"}), "event:release")
    assert enough_shared(a, c, a.bag & c.bag)
    d = Features(frozenset(), frozenset({"ent:globex", "event:dispute", "word:phone"}), frozenset({"dispute"}),
                 frozenset({"event:dispute"}), "event:dispute")
    assert not enough_shared(a, d, a.bag & d.bag)


def test_main_event_is_the_most_specific_action():
    from generator.link.claims import load_lexicon, main_event
    lexicon = load_lexicon()
    assert main_event({"event:restrict", "event:export_control"}, lexicon) == "event:export_control"
    assert main_event({"event:restrict", "event:affect"}, lexicon) == "event:affect"
    assert main_event(set(), lexicon) == ""


def test_reporting_that_is_not_disputing():
    # "argues that" reports a view; "argued against" opposes: only the latter is a dispute.
    from generator.link.claims import features_of, load_lexicon
    lexicon = load_lexicon()
    doc = make_doc("a", [("paragraph", "Globex argued against the recall of its Widget 7 phone."),
                         ("paragraph", "Globex argued that the same flaw exists in other phones.")])
    first, second = find_statements(doc, ())
    assert features_of(first, (), lexicon).primary == "event:dispute"
    assert features_of(second, (), lexicon).primary != "event:dispute"


def test_terms_are_precomputed_at_extraction():
    doc = make_doc("a", [("paragraph", "Globex recalled the Widget 7 router after a fire in Ohio.")])
    [statement] = find_statements(doc, ())
    assert "event:restrict" in statement.terms and not any(t.startswith("ent:globex-") for t in statement.terms)


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


def test_same_wording_resolved_to_different_dates_is_contested():
    # Wire copy saying "on Monday", dated by two sources published a week apart.
    text = "Globex recalled the Widget 7 router on Monday."
    a = make_doc("a", [("paragraph", text)])
    b = make_doc("b", [("paragraph", text)])
    statements = {d.id: find_statements(d, ()) for d in (a, b)}
    statements["a"] = [replace(s, dates=("2031-03-03",)) for s in statements["a"]]
    statements["b"] = [replace(s, dates=("2031-03-10",)) for s in statements["b"]]
    filler = filler_doc("f")
    statements["f"] = find_statements(filler, ())
    claims = group_claims([a, b, filler], statements, [])
    [parent] = [c for c in claim_with(claims, "recalled") if c.sources == 2]
    assert parent.status == "contested"
    assert parent.dates == ("2031-03-03", "2031-03-10")


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


def test_amount_glued_to_a_name_is_not_a_product():
    from generator.link.claims import without_amounts
    types = {"globex": "organization", "globex-75": "product", "widget-7": "product"}
    assert without_amounts(("globex-75", "widget-7"), "Investors gave Globex 75 million dollars for Widget 7.",
                           types) == ("globex", "widget-7")
    assert without_amounts(("widget-7",), "Globex recalled Widget 7.", types) == ("widget-7",)


def test_different_companies_doing_the_same_thing_are_different_claims():
    globex = Entity(id="globex", name="Globex", type="organization")
    initech = Entity(id="initech", name="Initech", type="organization")
    a = make_doc("a", [("paragraph", "Globex halted sales of the Widget 7 phone in Lisbon on March 3, 2031.")])
    b = make_doc("b", [("paragraph", "Initech halted sales of the Widget 7 phone in Lisbon on March 3, 2031.")])
    ents = []
    for entity, doc in ((globex, a), (initech, b)):
        start = doc.text.index(entity.name)
        ents.append(replace(entity, mentions=(Mention(source=doc.id, text=entity.name, start=start,
                                                      end=start + len(entity.name), type="organization"),)))
    claims = corpus(a, b, filler_doc("f"), entities=ents)
    assert all(c.sources == 1 for c in claim_with(claims, "halted"))


def test_different_figures_are_contested():
    a = make_doc("a", [("paragraph", "Globex raised 12 million dollars from investors in Lisbon.")])
    b = make_doc("b", [("paragraph", "Globex raised 22 million dollars from investors in Lisbon.")])
    c = make_doc("c", [("paragraph", "Investors in Lisbon gave Globex 12 million dollars.")])
    claims = corpus(a, b, c, filler_doc("f"))
    [parent] = [c for c in claim_with(claims, "Lisbon") if c.sources >= 2]
    assert parent.status == "contested"
    figures = {v.value: v.sources for v in parent.versions if v.point == "figure:money"}
    assert figures["22000000"] == ("b",)


def test_figures_of_different_things_do_not_compete():
    from generator.link.claims import figures
    assert figures("Globex cut 450 jobs three days later.") == {"day": ["3"], "job": ["450"]}
    assert figures("Investors gave Globex 22 million dollars.") == {"money": ["22000000"]}
    assert figures("Globex recalled the Widget 7 on March 3, 2031.") == {}


def test_same_action_in_different_places_is_two_claims():
    from generator.link.claims import Features, different_subjects
    def f(place):
        return Features(frozenset({"globex", place}), frozenset(), frozenset(), actors=frozenset({"globex"}),
                        places=frozenset({place}))
    assert different_subjects(f("lisbon"), f("porto"))
    assert not different_subjects(f("lisbon"), f("lisbon"))


def test_full_sentence_beats_a_table_fragment_as_canonical():
    from generator.link.claims import clarity
    # (A "Name Role; verb ..." description row is not a claim at all: see test_claims_extract.)
    a = make_doc("a", [("list", "Globex Recalled the Widget 7 router after a fire. -"),
                       ("paragraph", "据报道，Globex在火灾后召回了Widget 7路由器。")])
    fragment, sentence = find_statements(a, ())
    assert min((fragment, sentence), key=clarity) is sentence


def test_shared_person_is_not_a_conflict_of_actors():
    from generator.link.claims import Features, different_subjects
    teller = Features(frozenset(), frozenset(), frozenset(), actors=frozenset({"globex", "rivera"}),
                      people=frozenset({"rivera"}))
    receiver = Features(frozenset(), frozenset(), frozenset(), actors=frozenset({"chen", "rivera"}),
                        people=frozenset({"chen", "rivera"}))
    other = Features(frozenset(), frozenset(), frozenset(), actors=frozenset({"initech"}))
    assert not different_subjects(teller, receiver)
    assert different_subjects(teller, other)


# ---------------------------------------------------------------- rules for unseen corpora

def linked(doc: Document, *names: tuple[str, str]) -> list[Entity]:
    """Entities for ``names`` ((name, type)), with their mentions in ``doc``."""
    found = []
    for name, kind in names:
        start = doc.text.index(name)
        found.append(Entity(id=name.lower().replace(" ", "-"), name=name, type=kind,
                            mentions=(Mention(source=doc.id, text=name, start=start, end=start + len(name),
                                              type=kind),)))
    return found


def test_denial_by_another_party_joins_the_assertion_it_denies():
    a = make_doc("a", [("paragraph", "The Dock Workers Union said two emergency exits at the Globex plant had been blocked.")])
    b = make_doc("b", [("paragraph", "Globex denied that any emergency exits at the plant had been blocked.")])
    ents = linked(a, ("Dock Workers Union", "organization")) + linked(b, ("Globex", "organization"))
    claims = corpus(a, b, filler_doc("f"), entities=ents)
    [claim] = claim_with(claims, "exits")
    assert sources_of(claim) == {"a", "b"} and claim.status == "contested"
    assert {v.point for v in claim.versions} == {"polarity"}


def test_one_company_doing_two_things_of_one_kind_stays_apart():
    a = make_doc("a", [("paragraph", "Globex denied that any emergency exits had been blocked at the plant.")])
    b = make_doc("b", [("paragraph", "Globex said it had suspended production at its two other plants.")])
    ents = linked(a, ("Globex", "organization")) + linked(b, ("Globex", "organization"))
    claims = corpus(a, b, filler_doc("f"), entities=ents)
    assert all(c.sources == 1 for c in claims)


def test_short_name_inside_a_longer_one_is_the_same_actor():
    a = make_doc("a", [("paragraph", "Brightwell Appliances is recalling about 120,000 kettles because the base can overheat.")])
    b = make_doc("b", [("paragraph", "Brightwell said it was recalling roughly 120,000 kettles because the base can overheat.")])
    ents = linked(a, ("Brightwell Appliances", "organization")) + linked(b, ("Brightwell", "organization"))
    claims = corpus(a, b, filler_doc("f"), entities=ents)
    [claim] = claim_with(claims, "kettles")
    assert sources_of(claim) == {"a", "b"}


def test_named_places_against_worldwide_is_contested():
    a = make_doc("a", [("paragraph", "Brightwell is recalling 120,000 kettles sold in the United States because the base can overheat.")])
    b = make_doc("b", [("paragraph", "Brightwell is recalling 120,000 kettles worldwide because the base can overheat.")])
    ents = linked(a, ("Brightwell", "organization"), ("United States", "place")) + linked(b, ("Brightwell", "organization"))
    claims = corpus(a, b, filler_doc("f"), entities=ents)
    [claim] = claim_with(claims, "kettles")
    assert claim.status == "contested" and {v.value for v in claim.versions} == {"global", "regional"}


def test_distinctive_figure_groups_sentences_without_names():
    a = make_doc("a", [("paragraph", "Consumer prices rose 5.2% in September from a year earlier.")])
    b = make_doc("b", [("paragraph", "Prices rose 5.2% in September compared with a year earlier.")])
    claims = corpus(a, b, filler_doc("f"))
    [claim] = claim_with(claims, "5.2%")
    assert sources_of(claim) == {"a", "b"}


def test_common_round_figure_alone_does_not_group():
    from generator.link.claims import distinctive_figure
    assert distinctive_figure("num:5.2%") and distinctive_figure("num:340") and distinctive_figure("num:120000")
    assert not distinctive_figure("num:4") and not distinctive_figure("num:100") and not distinctive_figure("word:x")


def test_short_concept_words_match_whole_words_only():
    from generator.link.claims import concepts_of, load_lexicon
    lexicon = load_lexicon()
    assert "restrict" not in concepts_of(["bank", "raised"], "The bank raised rates.", lexicon)[0]
    assert "restrict" in concepts_of(["banned", "imports"], "Globex banned imports.", lexicon)[0]


def test_walking_off_the_job_is_a_strike_not_a_layoff():
    from generator.link.claims import load_lexicon, main_event, concepts_of
    lexicon = load_lexicon()
    text = "Globex pilots walked off the job on Friday."
    found, _ = concepts_of(text.replace(".", "").split(), text, lexicon)
    assert main_event({f"event:{c}" for c in found}, lexicon) == "event:strike"


def test_one_source_stating_both_sides_is_not_a_dispute():
    from generator.link.claims import disputed_points
    # Source "a" states both values (an English line and a looser translation); "b" one of them.
    values = [("a", {"scope": "global"}), ("a", {"scope": "foreign"}), ("b", {"scope": "global"})]
    assert disputed_points(values) == {}
    assert disputed_points([("a", {"scope": "global"}), ("b", {"scope": "foreign"})]) == {"scope": ["foreign", "global"]}


def test_origin_named_by_a_masthead_heading_counts_once():
    from generator.model import Origin
    a = make_doc("a", [("heading", "The Harbor Ledger"), ("paragraph", "Globex recalled 2,000 routers after a fire in Ohio.")])
    b = replace(make_doc("b", [("paragraph", "Globex recalled 2,000 routers after a fire in Ohio.")]),
                metadata=Metadata(publisher="Digest Daily", origin=Origin(publisher="The Harbor Ledger")))
    claims = corpus(a, b, filler_doc("f"))
    [claim] = claim_with(claims, "Ohio")
    assert claim.sources == 2 and claim.independent_sources == 1


def test_repeated_wording_is_compared_once():
    from generator.link.claims import Similarity, document_frequencies, features_of, load_lexicon
    lexicon = load_lexicon()
    docs = [make_doc(k, [("paragraph", "Globex recalled 2,000 routers after a fire in Ohio.")]) for k in "abc"]
    items = [s for d in docs for s in find_statements(d, ())]
    features = [features_of(s, (), lexicon) for s in items]
    sim = Similarity(items, features, document_frequencies(features))
    assert sim(0, 2) == 1.0 and not sim.cache


def test_unlinked_names_sharing_only_a_place_are_different_claims():
    a = make_doc("a", [("paragraph", "红木能源于2025年9月27日在Lisbon暂停销售Atlas Pro。")])
    b = make_doc("b", [("paragraph", "猎鹰汽车于2026年9月25日在Lisbon暂停销售Vega 2.5。")])
    c = make_doc("c", [("paragraph", "红木能源于2025年9月2日在Lisbon暂停销售Atlas Pro。")])
    ents = linked(a, ("Lisbon", "place")) + linked(b, ("Lisbon", "place")) + linked(c, ("Lisbon", "place"))
    claims = corpus(a, b, c, filler_doc("f"), entities=ents)
    [vega] = claim_with(claims, "Vega")
    assert sources_of(vega) == {"b"}
    [atlas] = claim_with(claims, "Atlas")
    assert sources_of(atlas) == {"a", "c"} and atlas.status == "contested"


# --- statements in two untranslated languages ----------------------------------------

def _cross(lang, entities, extra=(), primary="event:buy"):
    from generator.link.claims import Features
    bag = frozenset({f"ent:{e}" for e in entities} | set(extra) | ({primary} if primary else set()))
    return Features(frozenset(entities), bag, frozenset(), primary=primary, lang=lang)


def test_untranslated_pair_is_compared_on_names_figures_and_concepts_not_words():
    from generator.link.claims import similarity
    english = _cross("en", ["kanemura", "lemoine"], {"word:stake", "word:club", "num:70%"})
    french = _cross("fr", ["kanemura", "lemoine"], {"word:participation", "word:rachat", "num:70%"})
    assert similarity(english, french, {}, 100) > 0.5
    # The same pair in one language still needs shared words (the over-merge guard).
    assert similarity(english, replace(french, lang="en"), {}, 100) == 0.0


def test_untranslated_pair_needs_two_entities_or_one_with_a_figure_or_the_same_action():
    from generator.link.claims import similarity
    # One shared name and no action named on one side: not enough.
    one_name = _cross("de", ["kanemura"], {"word:kauf"}, primary="")
    assert similarity(_cross("en", ["kanemura"], {"word:buy"}), one_name, {}, 100) == 0.0
    # One shared name doing the same named action ("X apologised" / "X entschuldigte sich").
    same_action = _cross("de", ["kanemura"], {"word:kauf"})
    assert similarity(_cross("en", ["kanemura"], {"word:buy"}), same_action, {}, 100) > 0.5
    with_figure = _cross("de", ["kanemura"], {"num:€240000000"})
    assert similarity(_cross("en", ["kanemura"], {"num:€240000000"}), with_figure, {}, 100) > 0.5
    other_action = _cross("de", ["kanemura", "lemoine"], primary="event:sell")
    assert similarity(_cross("en", ["kanemura", "lemoine"]), other_action, {}, 100) == 0.0


def test_chinese_glosses_keep_the_ordinary_comparison():
    from generator.link.claims import untranslated
    assert not untranslated(_cross("en", ["a"]), _cross("zh", ["a"]))
    assert untranslated(_cross("pt", ["a"]), _cross("en", ["a"]))


def test_short_english_concept_entries_apply_to_english_only():
    from generator.link.claims import concepts_of, load_lexicon
    lexicon = load_lexicon()
    assert "casualty" in concepts_of(["workers", "die"], "Two workers die.", lexicon, "en")[0]
    assert "casualty" not in concepts_of(["die", "bank"], "Die Bank zahlt.", lexicon, "de")[0]


def test_untranslated_pair_with_two_precise_figures_and_the_same_action_needs_no_name():
    from generator.link.claims import similarity
    english = _cross("en", [], {"num:12", "num:3400", "word:flight"}, primary="event:restrict")
    spanish = _cross("es", [], {"num:12", "num:3400", "word:vuelo"}, primary="event:restrict")
    assert similarity(english, spanish, {}, 100) > 0.5
    assert similarity(english, replace(spanish, bag=spanish.bag - {"num:3400"}), {}, 100) == 0.0


def test_short_entity_inside_a_longer_one_is_one_shared_entity_across_languages():
    from generator.link.claims import shared_entities
    english = _cross("en", ["owner-jean-dupont", "globex"], {"ent:jean-dupont"})
    french = _cross("fr", ["jean-dupont"])
    assert shared_entities(english, french, english.bag & french.bag) == {"jean-dupont"}


# --- buyer and seller, stray words, Japanese --------------------------------------------

def test_buyer_and_seller_of_one_deal_are_not_different_subjects():
    from generator.link.claims import Features, different_subjects
    def stmt(actors, figure):
        bag = frozenset({f"ent:{a}" for a in actors} | {figure, "event:acquire"})
        return Features(frozenset(actors), bag, frozenset(), actors=frozenset(actors), lang="en")
    buyer = stmt(["globex", "vandelay"], "num:70%")            # Globex agreed to buy 70% of Vandelay
    seller = stmt(["initech", "globex"], "num:70%")            # Initech agreed to sell 70% of it to Globex
    assert not different_subjects(buyer, seller)
    # Without a shared figure of two or more digits, two different actors stay apart.
    assert different_subjects(stmt(["globex", "vandelay"], "num:3"), stmt(["initech", "globex"], "num:3"))
    assert different_subjects(stmt(["globex", "vandelay"], "num:70%"), stmt(["initech", "stark"], "num:70%"))


def test_buying_and_selling_are_one_event():
    from generator.link.claims import concepts_of, load_lexicon
    lexicon = load_lexicon()
    assert "acquire" in concepts_of(["agreed", "buy"], "Globex agreed to buy Vandelay.", lexicon, "en")[0]
    assert "acquire" in concepts_of(["agreed", "sell"], "Initech agreed to sell Vandelay.", lexicon, "en")[0]
    # Goods sold in shops are trade, not a change of owner.
    assert "acquire" not in concepts_of(["phones", "sold"], "Phones sold in Ohio.", lexicon, "en")[0]


def test_reports_denied_name_no_inform_event():
    from generator.extract.claims import Statement
    from generator.link.claims import denied_report_words, load_lexicon, local_terms
    lexicon = load_lexicon()
    text = "The company denied reports that its chief would resign."
    assert denied_report_words(text, lexicon) == {"reports"}
    terms = local_terms(Statement(source="a", start=0, end=len(text), text=text, lang="en", block=0, kind="paragraph"), lexicon)
    assert "event:inform" not in terms
    told = "The company reported that its chief would resign."
    assert "event:inform" in local_terms(Statement(source="a", start=0, end=len(told), text=told, lang="en", block=0, kind="paragraph"), lexicon)


def test_already_says_when_not_that_something_is_alike():
    from generator.link.claims import concepts_of, load_lexicon
    lexicon = load_lexicon()
    assert "similar" not in concepts_of(["have", "already", "hired"], "They have already hired two.", lexicon, "en")[0]
    text = "Such tools are already available in other products."
    assert "similar" in concepts_of(["already", "available"], text, lexicon, "en")[0]


def test_stake_is_no_investment_and_approach_is_no_approval():
    from generator.link.claims import concepts_of, load_lexicon
    lexicon = load_lexicon()
    assert "invest" not in concepts_of(["stake"], "a 70% stake", lexicon, "en")[0]
    assert "approve" in concepts_of(["approval"], "needs approval", lexicon, "en")[0]
    assert "approve" not in concepts_of(["approached"], "They approached a buyer.", lexicon, "en")[0]


def test_japanese_kanji_get_glosses_through_simplified_forms():
    from generator.link.claims import glosses, load_lexicon, simplified
    lexicon = load_lexicon()
    assert "invest" in glosses("投資", lexicon)              # a traditional form is indexed too
    assert simplified("審査") == "审查"                       # Japanese form -> simplified
    assert "examine" in glosses(simplified("審査"), lexicon)


def test_a_large_sum_of_money_is_a_precise_figure():
    from generator.link.claims import distinctive_figure
    assert distinctive_figure("num:€50000000")
    assert not distinctive_figure("num:50000000") and not distinctive_figure("num:$100")


def test_money_and_percentages_dispute_across_languages():
    from generator.link.claims import facets, load_lexicon, neutral_figures
    assert neutral_figures(("€210000000", "70%", "2100000", "$1.5")) == {"money": ["1.5", "210000000"],
                                                                          "percent": ["70"]}
    french = Statement(source="fr", start=0, end=10, text="Le club a été vendu pour 210 millions d'euros.",
                       lang="fr", block=0, kind="paragraph", numbers=("€210000000",))
    english = Statement(source="en", start=0, end=10, text="The club was sold for €240 million.",
                        lang="en", block=0, kind="paragraph", numbers=("€240000000",))
    lexicon = load_lexicon()
    assert facets(french, (), lexicon, {})["figure:money"] == "210000000"
    assert facets(english, (), lexicon, {})["figure:money"] == "240000000"


# ---------------------------------------------------------------- counted things across languages

def in_language(doc: Document, lang: str) -> Document:
    return replace(doc, blocks=tuple(replace(b, lang=lang) for b in doc.blocks))


def test_counts_are_figures_of_a_neutral_class_in_every_language():
    from generator.link.claims import counted_figures
    german = find_statements(in_language(make_doc("de", [("paragraph", "Die Daten von 2,1 Millionen Kunden wurden kopiert.")]), "de"), ())
    english = find_statements(make_doc("en", [("paragraph", "Hackers copied the data of 1.2 million customers.")]), ())
    homes = find_statements(make_doc("h", [("paragraph", "The outage cut power to 40,000 homes on Monday.")]), ())
    assert counted_figures(german[0]) == {"customer": ["2100000"]}
    assert counted_figures(english[0]) == {"customer": ["1200000"]}
    assert counted_figures(homes[0])["household"] == ["40000"]          # "homes" is the household class


def test_a_thousands_dot_is_not_read_as_a_decimal_outside_english():
    from generator.link.claims import counted_figures
    [statement] = find_statements(in_language(make_doc("de", [("paragraph", "Globex streicht 4.300 Stellen in Bayern.")]), "de"), ())
    assert counted_figures(statement) == {"job": ["4300"]}


def test_counted_noun_is_counted_through_its_class():
    from generator.link.claims import load_lexicon, local_terms
    [homes] = find_statements(make_doc("a", [("paragraph", "The outage cut power to 40,000 homes.")]), ())
    terms = local_terms(homes, load_lexicon())
    assert "counted:household" in terms and "count:household=40000" in terms and "word:home" not in terms


def test_a_precise_shared_count_anchors_untranslated_languages():
    from generator.link.claims import Features, cross_language_similarity
    def w2(feature):
        return 1.0
    german = Features(entities=frozenset(), bag=frozenset({"count:household=1400000", "counted:household", "num:1400000",
                                                           "word:haushalt"}), concepts=frozenset(), lang="de")
    french = Features(entities=frozenset(), bag=frozenset({"count:household=1400000", "counted:household", "num:1400000",
                                                           "word:foyer", "concept:facility"}), concepts=frozenset(), lang="fr")
    disputing = Features(entities=frozenset(), bag=frozenset({"count:household=1900000", "counted:household",
                                                              "num:1900000"}), concepts=frozenset(), lang="fr")
    assert cross_language_similarity(german, french, w2) > 0.5
    assert cross_language_similarity(german, disputing, w2) == 0.0      # the class alone anchors nothing


STORY_EN = ["Hackers copied the data of 1.2 million customers of Globex Bank, the bank said on Tuesday.",
            "Globex Bank runs 412 branches across the country."]
STORY_EN2 = ["Globex Bank said cyber criminals had stolen data belonging to 1.2 million customers."]
STORY_DE = ["Nach Unterlagen der Zeitung wurden die Daten von rund 2,1 Millionen Kunden kopiert.",
            "Die Globex Bank betreibt 412 Filialen im ganzen Land."]


def story(*docs):
    return [make_doc(doc_id, [("paragraph", t) for t in texts]) if lang == "en" else
            in_language(make_doc(doc_id, [("paragraph", t) for t in texts]), lang) for doc_id, lang, texts in docs]


def test_sources_of_one_story_disputing_a_count_are_one_contested_claim():
    claims = corpus(*story(("a", "en", STORY_EN), ("b", "en", STORY_EN2), ("c", "de", STORY_DE)), filler_doc("f"))
    [claim] = claim_with(claims, "2,1 Millionen")
    assert sources_of(claim) == {"a", "b", "c"} and claim.status == "contested"
    assert {(v.point, v.value) for v in claim.versions} == {("figure:customer", "1200000"),
                                                            ("figure:customer", "2100000")}
    assert [q.stance for q in claim.quotes if q.source == "c"] == ["disputes"]


def test_a_count_of_another_story_joins_nothing():
    # Without the branches both name, the German source shares no claim with the others.
    claims = corpus(*story(("a", "en", STORY_EN[:1]), ("b", "en", STORY_EN2), ("c", "de", STORY_DE[:1])),
                    filler_doc("f"))
    [claim] = claim_with(claims, "2,1 Millionen")
    assert sources_of(claim) == {"c"}


def test_a_source_counting_the_thing_twice_joins_nothing():
    # "1.2 million affected" and "1.9 million in all" in one source: two facts, not one disputed.
    two_counts = STORY_EN + ["The bank has about 1.9 million customers in all."]
    claims = corpus(*story(("a", "en", two_counts), ("b", "en", STORY_EN2), ("c", "de", STORY_DE)), filler_doc("f"))
    [claim] = claim_with(claims, "2,1 Millionen")
    assert "a" not in sources_of(claim)


def test_count_bands_need_close_figures_and_one_precise_figure():
    from generator.link.claims import _count_bands
    assert [[v for v, _, _ in band] for band in _count_bands([(1.2e6, 0, 0), (2.1e6, 1, 1), (6.5e6, 2, 2)])] == \
        [[1.2e6, 2.1e6]]
    assert _count_bands([(300.0, 0, 0), (200.0, 1, 1)]) == []           # round figures only
    assert _count_bands([(1000.0, 0, 0), (1900.0, 1, 1), (3600.0, 2, 2)]) == []   # a chain, not one fact


# --- untranslated statements that share no name: concepts --------------------------

def _doc_in(doc_id: str, lang: str, *sentences: str) -> Document:
    doc = make_doc(doc_id, [("paragraph", s) for s in sentences])
    return replace(doc, blocks=tuple(replace(b, lang=lang) for b in doc.blocks))


def _terms(text: str, lang: str) -> tuple[str, ...]:
    from generator.link.claims import load_lexicon, local_terms
    statement = Statement(source="a", start=0, end=len(text), text=text, lang=lang, block=0, kind="paragraph")
    return local_terms(statement, load_lexicon())


def test_accented_words_name_concepts_and_their_pieces_do_not():
    terms = _terms("Les écoles sont restées fermées lundi.", "fr")
    assert {"concept:school", "event:closure", "concept:monday"} <= set(terms)
    # "Häusern" split at the umlaut would leave "usern", read as the English "user".
    assert "concept:access" not in _terms("Die Feuerwehr holte Bewohner aus ihren Häusern.", "de")


def test_kana_concept_entries_match_inside_japanese_text():
    assert "concept:boat" in _terms("消防隊がボートで住民を救助した。", "ja")


def test_untranslated_statements_telling_one_fact_group_on_shared_concepts():
    en = _doc_in("en", "en", "The mayor apologised to residents for the late warning.")
    de = _doc_in("de", "de", "Die Bürgermeisterin entschuldigte sich bei den Bürgern für die späte Warnung.")
    fr = _doc_in("fr", "fr", "La maire a présenté ses excuses aux habitants pour l'alerte tardive.")
    claims = corpus(en, de, fr, filler_doc("f"))
    [claim] = claim_with(claims, "excuses")
    assert sources_of(claim) == {"en", "de", "fr"} and claim.status == "corroborated"


def test_alike_concepts_with_a_different_action_stay_apart():
    # Schools closed on Monday / schools reopen on Thursday: the same things, other facts.
    de = _doc_in("de", "de", "Die Schulen blieben am Montag geschlossen.")
    es = _doc_in("es", "es", "Las escuelas volverán a abrir el jueves, según el ayuntamiento.")
    fr = _doc_in("fr", "fr", "Les écoles sont restées fermées lundi.")
    claims = corpus(de, es, fr, filler_doc("f"))
    [closed] = claim_with(claims, "geschlossen")
    assert sources_of(closed) == {"de", "fr"}
    [reopen] = claim_with(claims, "escuelas")
    assert sources_of(reopen) == {"es"}


def test_told_alike_needs_three_concepts_and_no_conflicting_person_or_place():
    from generator.link.claims import Features, told_alike
    def features(concepts, people=(), places=()):
        bag = frozenset(concepts)
        return Features(frozenset(people) | frozenset(places), bag, frozenset(), people=frozenset(people),
                        actors=frozenset(people), places=frozenset(places), lang="de")
    three = {"event:apologise", "concept:mayor", "concept:resident"}
    assert told_alike(features(three), features(three), frozenset(three))
    two = {"event:apologise", "concept:mayor"}
    assert not told_alike(features(two), features(two), frozenset(two))
    assert told_alike(features(two), features(two), frozenset(two), figures=1)
    # Facets (a government, a company) say who, not what.
    facets = {"event:apologise", "concept:mayor", "concept:government"}
    assert not told_alike(features(facets), features(facets), frozenset(facets))
    assert not told_alike(features(three, people=["ana"]), features(three, people=["ben"]), frozenset(three))
    assert not told_alike(features(three, places=["x"]), features(three, places=["y"]), frozenset(three))


def test_glossed_languages_meet_english_words_but_not_other_languages():
    from generator.link.claims import Features, untranslated
    def lang(code):
        return Features(frozenset(), frozenset(), frozenset(), lang=code)
    assert not untranslated(lang("ja"), lang("en")) and not untranslated(lang("zh"), lang("ja"))
    assert untranslated(lang("ja"), lang("de")) and untranslated(lang("fr"), lang("de"))
