"""Fifth claims round: rules that generalise to corpora written blind.

Korean sentences, East Asian scale units and rounding; the same fact in two languages (concept
lexicon, a name one side's entities missed); the same fact with a different figure or date
grouped as one contested claim; a relative clause holding a second fact; evaluative copula
sentences, interview speaker labels and datelines naming a country.

Each rule on small synthetic sentences (no seed or fixture text).
"""
from __future__ import annotations

from dataclasses import replace

from generator.extract.claims import (ascii_digits, counts_in, dateline_end, dates_in, detect_lang, evaluative,
                                      find_statements, is_denial, load_cues, numbers_in, planned_figure,
                                      rejection, relative_clause)
from generator.link.claims import (Features, _agree, _compatible, group_claims, korean_stems, month_years,
                                   name_as_word, rounded_amounts, told_alike)
from generator.model import Entity, Mention

from test_claims_extract import make_doc
from test_claims_review2_rules import in_lang

CUES = load_cues()


def read(text: str, lang: str, reference: str | None = None):
    reading = ascii_digits(text)
    return numbers_in(reading, CUES, lang), counts_in(reading, CUES, lang), dates_in(reading, CUES, None, reference)


def linked(docs, names):
    """Claims of ``docs`` with every occurrence of ``names`` linked as an organisation."""
    mentions, entities = {}, []
    for doc in docs:
        found = []
        for name in names:
            at = doc.text.find(name)
            while at >= 0:
                found.append(Mention(source=doc.id, text=name, start=at, end=at + len(name), type="organization"))
                at = doc.text.find(name, at + 1)
        mentions[doc.id] = sorted(found, key=lambda m: (m.start, m.end))
    for name in names:
        entities.append(Entity(id=name.lower().replace(" ", "-"), name=name, type="organization",
                               mentions=tuple(m for ms in mentions.values() for m in ms if m.text == name)))
    stated = {d.id: find_statements(d, mentions[d.id]) for d in docs}
    return group_claims(list(docs), stated, entities)


def claim_of(claims, fragment):
    [claim] = [c for c in claims if any(fragment in q.text for q in c.quotes)]
    return claim


# ---------------------------------------------------------------- 1. Korean, East Asian units, rounding

def test_korean_sentences_are_statements_with_their_figures_and_day():
    doc = in_lang(make_doc("k", [("paragraph", "서울시는 시내버스 요금을 1,500원으로 올린다고 3일 밝혔다. "
                                               "노조는 어제 파업을 중단했다.")], published="2027-03-04"), "ko")
    found = find_statements(doc, ())
    assert [s.lang for s in found] == ["ko", "ko"]
    assert found[0].numbers == ("₩1500",) and found[0].dates == ("2027-03-03",)
    assert found[0].speaker or found[0].text.endswith("밝혔다.")


def test_korean_opinion_and_contact_lines_stay_out():
    assert rejection("업계에서는 요금 인상이 계속될 것으로 전망된다.", "ko", "paragraph", (), CUES)
    assert rejection("자세한 내용은 홍보팀으로 연락 주시기 바랍니다.", "ko", "paragraph", (), CUES)


def test_east_asian_scale_units_make_one_amount():
    assert read("과징금 35억 2,700만 원을 부과했다.", "ko")[0] == ("₩3527000000",)
    assert read("약 2만5천 명이 모였다.", "ko")[0] == ("25000",)
    assert read("売上高は3兆4500億円だった。", "ja")[0] == ("¥3450000000000",)
    assert read("投資額は2億4000万ユーロ。", "ja")[0] == ("€240000000",)
    assert read("The agency imposed 3.5 billion won in fines.", "en")[0] == ("₩3500000000",)


def test_korean_and_japanese_counts_read_their_counters():
    assert read("제재 대상은 7개 업체다.", "ko")[1] == ("company=7",)
    assert read("処分を受けたのは6社。", "ja")[1] == ("company=6",)
    assert read("임원 3명을 고발했다.", "ko")[1] == ("person=3",)


def test_korean_dates_and_durations():
    assert read("지난 12일 발표했다.", "ko", "2027-03-14")[2] == ("2027-03-12",)
    assert read("2027년 3월 12일 발표했다.", "ko")[2] == ("2027-03-12",)
    assert read("공장은 5일간 멈췄다.", "ko", "2027-03-14")[2] == ()
    assert read("2026년 4월부터 생산했다.", "ko")[0] == ()          # year and month are no figures


def test_a_rounder_sum_agrees_with_the_precise_one():
    assert _compatible("3527000000", "3500000000") and _compatible("3527000000", "3530000000")
    assert not _compatible("3527000000", "3600000000")
    assert not _compatible("1200", "1000")           # one significant digit says too little
    assert rounded_amounts("₩3527000000") == ("₩3530000000", "₩3500000000")
    assert rounded_amounts("₩3500000000") == ()      # already round
    assert rounded_amounts("$4500") == ()            # small sums are not rounded when retold


def test_korean_words_meet_on_their_stems():
    assert korean_stems("요금을 인상했다") == korean_stems("요금 인상은")


# ---------------------------------------------------------------- 2. the same fact across languages

def test_appeal_in_two_languages_is_one_claim():
    en = make_doc("en", [("paragraph", "Norvik Shipping said it would appeal the verdict to the high court.")])
    pt = in_lang(make_doc("pt", [("paragraph", "A Norvik Shipping anunciou que vai recorrer da sentença para o supremo tribunal.")]),
                 "pt")
    claim = claim_of(linked([en, pt], ["Norvik Shipping"]), "appeal")
    assert {q.source for q in claim.quotes} == {"en", "pt"}


def test_a_sum_and_what_it_is_meet_without_a_name():
    en = make_doc("en", [("paragraph", "The bridge was expected to cost 310 million euros.")])
    pl = in_lang(make_doc("pl", [("paragraph", "Most miał kosztować 310 mln euro.")]), "pl")
    claim = claim_of(linked([en, pl], []), "bridge")
    assert {q.source for q in claim.quotes} == {"en", "pl"}


def test_two_rare_concepts_and_the_same_action_tell_one_fact():
    def f(bag, primary="event:ransom"):
        return Features(frozenset(), frozenset(bag), frozenset(), primary=primary)
    a, b = f({"event:ransom", "concept:pay", "ent:x"}), f({"event:ransom", "concept:pay", "word:y"})
    assert told_alike(a, b, a.bag & b.bag, 0, {"event:ransom": 2, "concept:pay": 3}, 100)
    # A common action is not enough with only two things in common.
    assert not told_alike(a, b, a.bag & b.bag, 0, {"event:ransom": 500, "concept:pay": 500}, 1000)
    c = f({"concept:pay", "concept:school"}, primary="")
    assert not told_alike(c, c, c.bag, 0, {"concept:pay": 1, "concept:school": 1}, 100)


def test_a_name_read_as_a_word_counts_as_shared():
    de = Features(frozenset(), frozenset({"word:varnholt", "word:hatt"}), frozenset())
    en = Features(frozenset({"varnholt"}), frozenset({"ent:varnholt"}), frozenset())
    assert name_as_word(de, en) and not name_as_word(en, de)
    short = Features(frozenset({"ikea"}), frozenset({"ent:ikea"}), frozenset())
    assert not name_as_word(Features(frozenset(), frozenset({"word:ikea"}), frozenset()), short)


def test_month_and_year_date_a_statement():
    assert month_years("The licence, granted in March 2026, was revoked.", ()) == {"2026-03"}
    assert month_years("Die Lizenz wurde im März 2026 erteilt.", ()) == {"2026-03"}
    assert month_years("It opened on 4 March 2026.", ("2026-03-04",)) == set()


def test_polish_sentences_read_months_and_events():
    assert read("Fabrykę zamknięto w piątek 14 marca 2027.", "pl")[2] == ("2027-03-14",)
    assert rejection("Zarząd spółki ogłosił zwolnienia w zakładzie.", "pl", "paragraph", (), CUES) == ""


# ---------------------------------------------------------------- 3. one fact, different figure or date

def test_a_date_without_year_is_the_same_day():
    assert _agree("date", "--05-14", "2027-05-14")
    assert not _agree("date", "--05-14", "2027-05-11")


def test_different_days_of_one_event_are_contested():
    a = make_doc("a", [("paragraph", "Vantor Labs said it detected the data leak on May 14.")], published="2027-05-20")
    b = make_doc("b", [("paragraph", "Vantor Labs detected the data leak on May 11, a spokesman said.")],
                 published="2027-05-20")
    claim = claim_of(linked([a, b], ["Vantor Labs"]), "detected")
    assert claim.status == "contested" and {v.point for v in claim.versions} == {"date"}


def test_different_ransom_sums_are_contested():
    en = make_doc("en", [("paragraph", "The Grey Otter gang is demanding a ransom of $3 million.")])
    es = in_lang(make_doc("es", [("paragraph", "La banda Grey Otter exige un rescate de 5 millones de dólares.")]), "es")
    claim = claim_of(linked([en, es], ["Grey Otter"]), "ransom")
    assert claim.status == "contested"
    assert {v.value for v in claim.versions if v.point == "figure:money"} == {"3000000", "5000000"}


def test_small_counts_of_one_penalty_compete_across_languages():
    story = "Halvard Freight was fined 1.25 million euros by the port authority."
    en = make_doc("en", [("paragraph", story), ("paragraph", "Three companies were fined by the watchdog.")])
    de = in_lang(make_doc("de", [("paragraph", "Halvard Freight muss 1,25 Millionen Euro Bußgeld an die Hafenbehörde "
                                               "zahlen."),
                                 ("paragraph", "Vier Unternehmen erhielten eine Geldbuße.")]), "de")
    claim = claim_of(linked([en, de], ["Halvard Freight"]), "Three companies")
    assert {q.source for q in claim.quotes} == {"en", "de"} and claim.status == "contested"


# ---------------------------------------------------------------- 4. a relative clause holding a second fact

def test_relative_clause_with_a_figure_is_its_own_statement():
    text = "Harlow Bank, which employs 2,300 people, said its profit fell sharply."
    lo, hi = relative_clause(text, "en", CUES)
    assert text[lo:hi] == "which employs 2,300 people"
    doc = make_doc("d", [("paragraph", text)])
    found = find_statements(doc, ())
    assert [s.text for s in found] == [text, "Harlow Bank, which employs 2,300 people"]
    assert found[0].numbers == () and found[1].counts == ("person=2300",)
    # Without a figure the clause is part of the sentence only.
    assert relative_clause("Harlow Bank, which is based in Leeds, said profit fell.", "en", CUES) is None
    es = "El banco Harlow, que emplea a 2.300 personas, anunció pérdidas."
    assert relative_clause(es, "es", CUES) is not None


def test_a_two_fact_sentence_does_not_chain_its_facts():
    a = make_doc("a", [("paragraph", "Harlow Bank, which employs 2,300 people, said it closed 40 branches.")])
    b = make_doc("b", [("paragraph", "Harlow Bank employs 2,300 people in the region.")])
    c = make_doc("c", [("paragraph", "Harlow Bank closed 40 branches this year, the bank said.")])
    claims = linked([a, b, c], ["Harlow Bank"])
    staff = claim_of(claims, "in the region")
    branches = claim_of(claims, "this year")
    assert staff.id != branches.id
    assert {q.source for q in staff.quotes} == {"a", "b"} and {q.source for q in branches.quotes} == {"a", "c"}


# ---------------------------------------------------------------- 5. junk: verdicts, labels, datelines

def test_evaluative_copula_sentences_are_commentary():
    assert evaluative("Le verdict est une défaite cuisante pour le maire.", "fr", CUES)
    assert evaluative("The vote was a triumph for the coalition.", "en", CUES)
    assert evaluative("Das ist ein Skandal für die Anwohner.", "de", CUES)
    assert not evaluative("The launch was a success, with 40 stores opened.", "en", CUES)    # a figure
    assert rejection("The vote was a triumph for the coalition.", "en", "paragraph", (), CUES) == "commentary"
    # Reported by someone: what they said is a claim about what they said.
    assert rejection("The mayor said the vote was a triumph for the coalition.", "en", "paragraph", (), CUES) == ""


def test_interview_speaker_labels_leave_the_claim():
    doc = in_lang(make_doc("i", [("paragraph", "J. K. : Nous avons fermé l'usine de Brest en mars.")]), "fr")
    assert [s.text for s in find_statements(doc, ())] == ["Nous avons fermé l'usine de Brest en mars."]
    doc = make_doc("t", [("paragraph", "PRESENTER: The Tamsin bridge closed on Monday after the storm.")])
    assert [s.text for s in find_statements(doc, ())] == ["The Tamsin bridge closed on Monday after the storm."]
    doc = make_doc("b", [("paragraph", "Update: the Tamsin bridge closed on Monday after the storm.")])
    assert find_statements(doc, ())[0].text.startswith("Update:")     # no name: no speaker label


def test_dateline_with_a_country_is_trimmed():
    text = "TORVIK, Norway, Jan 9 (Baltic Wire) - Ferry services resumed on Friday after the strike."
    assert text[dateline_end(text):] == "Ferry services resumed on Friday after the strike."


def test_planned_figure_is_no_advice():
    assert planned_figure("Die Brücke sollte 80 Millionen Euro kosten.", "de", CUES)
    assert not planned_figure("Die Regierung sollte handeln.", "de", CUES)
    assert rejection("Die Brücke sollte rund 80 Millionen Euro kosten.", "de", "paragraph", (), CUES) == ""


def test_a_ruling_not_final_is_a_state_not_a_denial():
    assert rejection("Der Beschluss der Kammer ist noch nicht rechtskräftig.", "de", "paragraph", (), CUES) == ""
    assert rejection("Decyzja jest nieprawomocna.", "pl", "paragraph", (), CUES) == ""
    assert not is_denial("Der Beschluss der Kammer ist noch nicht rechtskräftig.", CUES)
    assert rejection("Das ist nicht.", "de", "paragraph", (), CUES)


def test_detect_lang_still_reads_korean():
    assert detect_lang("노조는 파업을 중단했다.") == "ko"


def test_a_second_clause_with_its_own_verb_and_figure_is_its_own_statement():
    from generator.extract.claims import coordinated_clause
    text = "The tolls raised 41 million dollars and funded 230 kilometres of new track."
    lo, hi = coordinated_clause(text, "en", CUES)
    assert text[lo:hi] == "funded 230 kilometres of new track."
    # "between 2019 and 2022 the firms ..." joins two years, not two clauses.
    assert coordinated_clause("Between May 2019 and June 2022 the firms fixed prices in 14 regions.", "en", CUES) is None
    ja = "工事費は総額約450億円に上り、住宅約3200戸が完成した。"
    lo, hi = coordinated_clause(ja, "ja", CUES)
    assert ja[lo:hi] == "住宅約3200戸が完成した。"
    assert coordinated_clause("同社は今後5年間で、新工場に300億円を投じる。", "ja", CUES) is None   # "で" is a particle
    ko = "매출은 3조 원으로 5% 올랐고 영업이익은 2천억 원이었다."
    lo, hi = coordinated_clause(ko, "ko", CUES)
    assert ko[lo:hi] == "영업이익은 2천억 원이었다."


def test_the_same_sum_and_what_it_is_are_one_fact_in_one_language():
    from generator.link.claims import LINK_THRESHOLD, similarity
    a = Features(frozenset(), frozenset({"num:₩531000000000", "concept:tender", "word:contract", "word:x1", "word:x2"}),
                 frozenset(), primary="event:collusion")
    b = Features(frozenset(), frozenset({"num:₩531000000000", "concept:tender", "word:contract", "word:y1", "word:y2",
                                         "word:y3", "word:y4", "num:19"}),
                 frozenset())
    assert similarity(a, b, {}, 100) >= LINK_THRESHOLD
    c = replace(b, primary="event:penalty")       # two different actions: two facts
    assert similarity(a, c, {}, 100) == 0.0
    d = replace(b, bag=b.bag - {"num:₩531000000000"} | {"num:₩532000000000"})
    assert similarity(a, d, {}, 100) < LINK_THRESHOLD


def test_korean_stems_drop_particles_and_copulas():
    assert korean_stems("원이다") == set() and korean_stems("계약금액은") == {"계약"}


def test_a_precise_figure_shared_both_ways_is_no_bridge():
    from generator.link.claims import bridges

    def feats(*bags):
        return [Features(frozenset(), frozenset(bag), frozenset()) for bag in bags]
    sim = lambda i, j: 0.0          # noqa: E731 - no other member is like ``other``
    one_fact = feats({"num:₩531000000000", "event:collusion", "concept:tender", "word:contract"},
                     {"num:₩531000000000", "event:collusion"},
                     {"num:₩531000000000", "concept:tender", "word:contract"})
    assert not bridges(0, [0, 1], 2, one_fact, sim)
    # A small figure recurs across facts: the sentence still bridges two of them.
    two_facts = feats({"num:4", "event:collusion", "concept:tender", "word:contract"},
                      {"num:4", "event:collusion"},
                      {"num:4", "concept:tender", "word:contract"})
    assert bridges(0, [0, 1], 2, two_facts, sim)


def test_a_count_only_one_source_of_a_group_states_is_not_what_the_group_is_about():
    from generator.extract.claims import Statement
    from generator.link.claims import main_counts

    def st(source, counts):
        return Statement(source=source, text="x", start=0, end=1, lang="en", block=0, kind="paragraph",
                         counts=counts)
    items = [st("a", ("job=900",)), st("b", ()), st("c", ())]
    assert main_counts([0, 1, 2], items) == set()
    items = [st("a", ("job=900",)), st("b", ("job=700",))]
    assert main_counts([0, 1], items) == {"job"}


def test_english_figures_read_won_as_money():
    from generator.link.claims import figures
    assert figures("The agency imposed fines of 3.5 billion won.") == {"money": ["3500000000"]}


def test_korean_past_endings_and_reporting_verbs_report_events():
    assert rejection("경찰은 용의자 두 명을 어제 체포했다.", "ko", "paragraph", (), CUES) == ""
    assert rejection("시청은 도로 공사가 끝났다고 밝혔다.", "ko", "paragraph", (), CUES) == ""
    assert rejection("시장 분위기가 매우 좋은 편이다.", "ko", "paragraph", (), CUES)
