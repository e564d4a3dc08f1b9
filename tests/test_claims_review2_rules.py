"""Second claims review: rules found on held-out corpora, each on small synthetic sentences.

Day-only dates, clock times and number words, sentences stating two facts, related claims,
comparatives and bounds, table rows, attribution phrases.
"""
from __future__ import annotations

import datetime
from dataclasses import replace

from generator.extract.claims import (bare_comparatives, clock_times, counts_in, dates_in, document_date,
                                      find_statements, load_cues, numbers_in, resolve_day, row_states_a_fact)
from generator.link import claims as C
from generator.link.claims import (Draft, _agree, _link_related, disputed_points, group_claims, local_terms,
                                   load_lexicon, set_apart_comparatives)
from generator.model import Entity, Mention

from test_claims_extract import make_doc

CUES = load_cues()


def in_lang(doc, lang):
    """``doc`` with every block in ``lang`` (make_doc knows only English and Chinese)."""
    return replace(doc, blocks=tuple(replace(b, lang=lang) for b in doc.blocks))


def statements(doc, mentions=()):
    return find_statements(doc, mentions)


def weekday(iso: str) -> str:
    return C.WEEKDAYS[datetime.date.fromisoformat(iso).weekday()]


# ---------------------------------------------------------------- 1. day-only dates

def test_day_only_dates_resolve_against_the_source_date():
    text = "グローベックスは4日、工場を閉鎖すると発表した。"
    assert dates_in(text, CUES, "2031", "2031-05-05") == ("2031-05-04",)
    assert dates_in(text, CUES, "2031", None) == ()                    # no source date: no guess
    # The nearest such day: late in the month before, early in the month after.
    assert resolve_day(28, "2031-06-02") == "2031-05-28"
    assert resolve_day(2, "2031-06-29") == "2031-07-02"
    assert resolve_day(31, "2031-04-02") == "2031-03-31"                # April has no 31st
    # Durations and counts of days are no dates; a full date is read as one.
    assert dates_in("停電は3日間続き、4日後に復旧した。", CUES, "2031", "2031-05-05") == ()
    assert dates_in("グローベックスは3月4日に発表した。", CUES, "2031", "2031-05-05") == ("2031-03-04",)


def test_source_date_from_its_first_lines_when_the_metadata_has_none():
    doc = make_doc("j", [("paragraph", "2031年5月5日 09:10 ｜ 経済"),
                         ("paragraph", "グローベックスは4日、工場を閉鎖すると発表した。")])
    assert document_date(doc) == "2031-05-05"
    assert document_date(replace(doc, metadata=replace(doc.metadata, published="2031-06-01"))) == "2031-06-01"
    [statement] = [s for s in statements(doc) if "閉鎖" in s.text]
    assert statement.dates == ("2031-05-04",) and "4" not in statement.numbers


def test_a_resolved_day_meets_full_dates_and_weekdays():
    lexicon = load_lexicon()
    ja = [s for s in statements(make_doc("j", [("paragraph", "グローベックスは4日、工場を閉鎖すると発表した。")],
                                         published="2031-05-05")) if "閉鎖" in s.text][0]
    en = statements(make_doc("e", [("paragraph", "Globex said on May 4 that it would close the plant.")],
                             published="2031-05-05"))[0]
    terms_ja, terms_en = set(local_terms(ja, lexicon)), set(local_terms(en, lexicon))
    assert "date:2031-05-04" in terms_ja & terms_en
    assert f"concept:{weekday('2031-05-04')}" in terms_ja & terms_en


# ---------------------------------------------------------------- 2. clock times and number words

def test_clock_times_are_times_not_figures():
    assert numbers_in("The outage began at 18:40 and cut power to 1,200 homes.", CUES, "en") == ("1200",)
    assert [t for _, _, t in clock_times("at 18:40, by 4 a.m., at 2:40 p.m.")] == ["18:40", "04:00", "14:40"]
    assert [t for _, _, t in clock_times("um 14.30 Uhr, um 4 Uhr")] == ["14:30", "04:00"]
    assert [t for _, _, t in clock_times("jeudi à 14h30")] == ["14:30"]
    assert [t for _, _, t in clock_times("午前4時までに、午後2時30分に")] == ["04:00", "14:30"]
    assert clock_times("3.8% of 1,200 homes, 4時間") == []
    lexicon = load_lexicon()
    times = []
    for text, lang in (("Power was back by 04:00 on Monday.", "en"), ("Power was back by 4 a.m. on Monday.", "en"),
                       ("Bis Montag um 4 Uhr war der Strom zurück.", "de"), ("午前4時までに電力が復旧した。", "ja")):
        [s] = statements(in_lang(make_doc("d", [("paragraph", text)]), lang))
        assert not s.numbers, (text, s.numbers)
        times.append({f for f in local_terms(s, lexicon) if f.startswith("time:")})
    assert all(t == {"time:04:00"} for t in times)


def test_dates_are_not_figures():
    assert numbers_in("Globex meldete den Ausfall am 14. November.", CUES, "de") == ()
    assert numbers_in("グローベックスは24日、3月4日に発表した。", CUES, "ja") == ()
    assert numbers_in("Globex closed 3 plants on 4 March.", CUES, "en") == ("3",)


def test_number_words_are_read_in_the_sentence_language_and_once():
    assert numbers_in("Zwei Krankenhäuser schalteten um.", CUES, "de") == ("2",)
    assert numbers_in("Deux hôpitaux ont basculé.", CUES, "fr") == ("2",)
    assert numbers_in("Two hospitals switched over.", CUES, "en") == ("2",)
    # "one" is a pronoun far more often than a figure; still the unit of "twenty-one".
    assert numbers_in("Globex, one of the largest lenders, said no one was hurt.", CUES, "en") == ()
    assert numbers_in("Twenty-one people were hurt.", CUES, "en") == ("21",)
    [s] = statements(make_doc("d", [("paragraph", "Globex said the outage lasted nine hours.")]))
    terms = local_terms(s, load_lexicon())
    assert "num:9" in terms and "word:nine" not in terms


# ---------------------------------------------------------------- 3. a sentence stating two facts

def test_a_two_fact_sentence_does_not_chain_two_claims():
    a = make_doc("a", [("paragraph", "Globex Foods said on Thursday it would close its biscuit factory in Tarn "
                                     "by the end of June."),
                       ("paragraph", "Production will move to the Globex plant in Vell, Norland, the company said.")])
    b = make_doc("b", [("paragraph", "Globex Foods announced on Thursday that it will close the Tarn factory at "
                                     "the end of June and move production to its plant in Vell, Norland.")])
    c = make_doc("c", [("paragraph", "The production will move to the Globex plant in Vell, the group said on "
                                     "Friday.")])
    claims = corpus_with_names([a, b, c], ["Globex", "Tarn", "Vell", "Norland"], [])
    [close] = [c for c in claims if any("biscuit factory" in q.text for q in c.quotes)]
    [move] = [c for c in claims if any(q.text.startswith("Production will move") for q in c.quotes)]
    assert close.id != move.id
    assert {q.source for q in close.quotes} == {"a", "b"} and {q.source for q in move.quotes} == {"a", "c"}


def corpus_with_names(docs, names, entities):
    """Statements and entities with every occurrence of ``names`` linked (organisations and places)."""
    mentions = {}
    for doc in docs:
        found = []
        for name in names:
            start = doc.text.find(name)
            while start >= 0:
                found.append(Mention(source=doc.id, text=name, start=start, end=start + len(name),
                                     type="organization" if name == "Globex" else "place"))
                start = doc.text.find(name, start + 1)
        mentions[doc.id] = sorted(found, key=lambda m: (m.start, m.end))
    for name in names:
        kind = "organization" if name == "Globex" else "place"
        entities.append(Entity(id=name.lower(), name=name, type=kind,
                               mentions=tuple(m for ms in mentions.values() for m in ms if m.text == name)))
    stated = {d.id: find_statements(d, mentions[d.id]) for d in docs}
    return group_claims(list(docs), stated, entities)


def test_bridge_needs_different_ties_on_each_side():
    def features(*bag):
        return C.Features(entities=frozenset(), bag=frozenset(bag), concepts=frozenset())
    items = [features("ent:globex", "word:shut", "word:june", "concept:facility"),           # own group
             features("ent:globex", "word:shut", "word:june", "concept:facility", "word:move", "word:product"),
             features("ent:globex", "word:move", "word:product", "concept:facility")]         # the other fact
    assert C.bridges(1, [0, 1], 2, items, lambda i, j: 0.0)
    # The same action on both sides: one fact told with other details, not a bridge.
    items = [features("ent:globex", "event:restore", "word:household"),
             features("ent:globex", "event:restore", "word:household", "word:power"),
             features("ent:globex", "event:restore", "word:power")]
    assert not C.bridges(1, [0, 1], 2, items, lambda i, j: 0.0)
    # Another member of the group is like the newcomer too: no bridge.
    assert not C.bridges(1, [0, 1], 2, items, lambda i, j: 0.9)


# ---------------------------------------------------------------- 4. related claims

def test_related_claims_need_more_than_a_shared_place():
    def draft(claim_id, *entities):
        return Draft(id=claim_id, members=[], canonical=None, entities=tuple(entities))
    drafts = [draft("c-a", "norland", "globex"), draft("c-b", "norland"), draft("c-c", "globex", "initech")]
    _link_related(drafts, frozenset({"norland"}))
    assert drafts[0].related == {"c-c"} and drafts[1].related == set() and drafts[2].related == {"c-a"}
    drafts = [draft("c-a", "norland"), draft("c-b", "norland")]
    _link_related(drafts)                       # without place types: as before
    assert drafts[0].related == {"c-b"}


# ---------------------------------------------------------------- 5. comparatives and bounds

def test_comparatives_are_bounds_not_exact_counts():
    assert counts_in("More than 300 flights were grounded.", CUES, "en") == ("flight=>300",)
    assert counts_in("Plus de 500 emplois seront supprimés.", CUES, "fr") == ("job=>500",)
    assert counts_in("Mehr als 500 Stellen fallen weg.", CUES, "de") == ("job=>500",)
    assert counts_in("Más de 500 empleos desaparecerán.", CUES, "es") == ("job=>500",)
    assert counts_in("No more than 12 customers complained.", CUES, "en") == ("customer=<12",)
    assert counts_in("Globex cut 420 jobs.", CUES, "en") == ("job=420",)
    assert C.figures("More than 300 flights were grounded") == {"flight": [">300"]}


def test_a_bound_disputes_only_the_counts_it_excludes():
    assert not _agree("figure:flight", ">300", "230")
    assert _agree("figure:flight", ">300", "350") and _agree("figure:flight", "350", ">300")
    assert _agree("figure:flight", ">300", ">200") and not _agree("figure:flight", ">300", "<200")
    assert _agree("figure:flight", "<300", "230")
    assert disputed_points([("a", {"figure:job": "420"}), ("b", {"figure:job": ">500"})]) == \
        {"figure:job": ["420", ">500"]}
    assert disputed_points([("a", {"figure:job": "420"}), ("b", {"figure:job": ">400"})]) == {}


def test_a_comparative_without_a_figure_is_set_apart_from_a_count():
    assert bare_comparatives("Offenbar sind deutlich mehr Kunden betroffen, als die Bank einräumt.", "de") == \
        {"customer"}
    assert bare_comparatives("More customers were affected than the bank admitted.", "en") == {"customer"}
    assert bare_comparatives("More than 300 customers were affected.", "en") == frozenset()
    docs = make_doc("d", [("paragraph", "Hackers copied the data of 1.2 million Globex customers."),
                          ("paragraph", "More customers were affected than Globex admitted, the union said.")])
    items = list(find_statements(docs, ()))
    assert len(items) == 2
    assert set_apart_comparatives([[0, 1]], items) == [[0], [1]]
    assert set_apart_comparatives([[0]], items) == [[0]]


# ---------------------------------------------------------------- 6. table rows

def test_rows_of_a_data_table_are_not_claims():
    assert not row_states_a_fact("Tarn mill | Norland | 420 workers | closing by end of June")
    assert not row_states_a_fact("Vell site | Norland | 610 workers | no change announced")
    assert row_states_a_fact("Tarn | Globex will close the Tarn mill at the end of June.")
    assert row_states_a_fact("Globex | Globex recalled 3 devices in May")
    doc = make_doc("t", [("table", "Site | Staff | Status\nTarn mill | 420 workers | closing by end of June\n"
                                   "Vell site | 610 workers | taking over production"),
                         ("paragraph", "Globex will close the Tarn mill, cutting 420 jobs.")])
    assert [s.text for s in statements(doc)] == ["Globex will close the Tarn mill, cutting 420 jobs."]


# ---------------------------------------------------------------- 7. attribution phrases

def test_attribution_phrases_are_not_the_action():
    lexicon = load_lexicon()
    for text, lang in (("Selon nos informations, Globex a versé 30 millions d'euros aux salariés.", "fr"),
                       ("According to our information, Globex paid 30 million euros to the workers.", "en"),
                       ("Nach Informationen der Zeitung zahlte Globex 30 Millionen Euro.", "de"),
                       ("Según nuestras informaciones, Globex pagó 30 millones de euros.", "es")):
        [s] = statements(in_lang(make_doc("d", [("paragraph", text)]), lang))
        terms = local_terms(s, lexicon)
        assert "event:inform" not in terms, (text, terms)
        assert "num:€30000000" in terms
    # Informing someone is still the action of a sentence that reports it.
    [s] = statements(make_doc("d", [("paragraph", "Globex informed the regulator of the breach on Monday.")]))
    assert "event:inform" in local_terms(s, lexicon)


def test_scale_words_are_not_mills():
    lexicon = load_lexicon()
    [s] = statements(make_doc("d", [("paragraph", "Globex will pay about €240 million for the stake.")]))
    assert "concept:facility" not in local_terms(s, lexicon)
    [s] = statements(make_doc("d", [("paragraph", "Globex closed its paper mill in Tarn on Monday.")]))
    assert "concept:facility" in local_terms(s, lexicon)
