"""Third claims review: counted nouns, reassurances, ordinals, datelines, reference years.

Each rule on small synthetic sentences (no seed text); the last tests build a small corpus
through read, clean, extract, link and render.
"""
from __future__ import annotations

from pathlib import Path

from generator.extract.claims import (Statement, counts_in, dateline_end, find_statements, is_denial, load_cues,
                                      numbers_in, ordinal_at)
from generator.link import claims as C
from generator.link.claims import dated_alike, denies_the_same, display_text, figures, reference_year
from generator.render_claims import point_label, side_value

from test_claims_extract import make_doc
from test_claims_review2_rules import corpus_with_names, in_lang

CUES = load_cues()
ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- 1. the counted noun names the point

def test_workers_are_counted_as_workers_not_employees():
    assert counts_in("Four workers died in the blaze.", CUES, "en") == ("worker=4",)
    assert counts_in("Globex has 1,200 employees.", CUES, "en") == ("employee=1200",)
    assert counts_in("Vier Arbeiter starben.", CUES, "de") == ("worker=4",)
    assert counts_in("Quatre ouvriers sont morts.", CUES, "fr") == ("worker=4",)
    assert counts_in("四名工人死亡。", CUES, "zh") == ("worker=4",)
    assert figures("Four workers died and 12 staff were hurt.") == {"staff": ["12"], "worker": ["4"]}
    assert C.load_counts().english_class("staff") == "employee"
    assert C.load_counts().english_class("worker") == "worker"
    assert point_label("figure:worker") == "How many workers"
    assert point_label("figure:employee") == "How many employees"


def test_a_dispute_over_dead_workers_is_headed_by_workers():
    a = make_doc("a", [("paragraph", "Four workers died when a fire broke out at the Globex plant in Dunvale.")])
    b = make_doc("b", [("paragraph", "Six workers died when a fire broke out at the Globex plant in Dunvale.")])
    [claim] = corpus_with_names([a, b], ["Globex", "Dunvale"], [])
    assert claim.status == "contested"
    assert {v.point for v in claim.versions} == {"figure:worker"}


# ---------------------------------------------------------------- 2. reassurances deny nothing

def test_reassurances_are_not_denials():
    for text, lang in [("The mayor said there is no reason for panic.", "en"),
                       ("No hay motivo de alarma, dijo el alcalde.", "es"),
                       ("Es gibt keinen Grund zur Panik, sagte der Bürgermeister.", "de"),
                       ("Il n'y a pas de raison de paniquer, a déclaré le maire.", "fr"),
                       ("市长表示，市民不必恐慌。", "zh")]:
        assert not is_denial(text, CUES), text
        doc = in_lang(make_doc("r", [("paragraph", text)]), lang)
        assert all(s.polarity == "asserted" for s in find_statements(doc, ())), text
    # A negation of an event is still one.
    assert is_denial("The company did not close the plant.", CUES)
    assert is_denial("Die Firma hat keine Pumpen geliefert.", CUES)


def _features(denied: bool, primary: str, bag: set[str]) -> C.Features:
    return C.Features(entities=frozenset(), bag=frozenset(bag), concepts=frozenset(), primary=primary,
                      denied=denied)


def _statement(source: str, text: str = "x") -> Statement:
    return Statement(source=source, text=text, start=0, end=len(text), lang="en", block=0, kind="paragraph")


def test_a_denial_contests_only_the_same_action_about_the_same_subject():
    items = [_statement("a"), _statement("b")]
    same = [_features(True, "event:close", {"event:close", "ent:globex", "word:plant"}),
            _features(False, "event:close", {"event:close", "ent:globex", "word:plant", "word:monday"})]
    assert denies_the_same([0, 1], items, same)
    other_action = [same[0], _features(False, "event:recall", {"event:recall", "ent:globex", "word:plant"})]
    assert not denies_the_same([0, 1], items, other_action)
    other_subject = [same[0], _features(False, "event:close", {"event:close", "ent:initech", "word:school"})]
    assert not denies_the_same([0, 1], items, other_subject)
    # Neither names a listed action: a name and more words in common are needed.
    loose = [_features(True, "", {"ent:rivera", "word:coach", "word:replac"}),
             _features(False, "", {"ent:rivera", "word:coach", "word:replac", "word:season"})]
    assert denies_the_same([0, 1], items, loose)
    opinion = [_features(True, "", {"word:reason", "word:panic"}), _features(False, "", {"word:reason", "word:flood"})]
    assert not denies_the_same([0, 1], items, opinion)
    # One source stating both sides disputes no one.
    assert not denies_the_same([0, 1], [_statement("a"), _statement("a")], same)


# ---------------------------------------------------------------- 3. ordinals are ranks, not amounts

def test_ordinals_are_not_figures():
    assert numbers_in("Globex reported a loss in the 4th quarter.", CUES, "en") == ()
    assert numbers_in("Globex reported a loss in the fourth quarter.", CUES, "en") == ()
    assert numbers_in("Globex finished 2nd of 5 bidders.", CUES, "en") == ("5",)
    assert numbers_in("Au 4e trimestre, Globex a perdu 3 clients.", CUES, "fr") == ("3",)
    assert numbers_in("En el 4º trimestre y por 3.ª vez.", CUES, "es") == ()
    assert numbers_in("Im 4. Quartal verlor sie 12 Kunden.", CUES, "de") == ("12",)
    assert numbers_in("第四季度亏损。", CUES, "zh") == ()
    assert numbers_in("第四家工厂关闭。", CUES, "zh") == ()
    assert numbers_in("第4四半期に赤字となった。", CUES, "ja") == ()
    assert counts_in("第四名工人", CUES, "zh") == ()
    assert figures("Globex lost in the 4th quarter and cut 30 jobs.") == {"job": ["30"]}
    # Dates, percentages, money and plain counts are unchanged.
    assert numbers_in("Globex cut 4 jobs, 4% of staff, for $4 million.", CUES, "en") == ("$4000000", "4", "4%")
    assert numbers_in("Am 4. November schloss Globex.", CUES, "de") == ()
    assert ordinal_at("the 21st", 4, 6) and not ordinal_at("21 stores", 0, 2)
    assert not ordinal_at("Globex hat 4. Mitarbeiter", 11, 12, "en")


def test_a_rank_in_two_wordings_is_no_figure_of_the_claim():
    a = make_doc("a", [("paragraph", "Globex reported a loss in the fourth quarter in Dunvale.")])
    b = make_doc("b", [("paragraph", "Globex reported a loss in the 4th quarter in Dunvale.")])
    [claim] = corpus_with_names([a, b], ["Globex", "Dunvale"], [])
    assert claim.numbers == () and claim.status == "corroborated"


# ---------------------------------------------------------------- 4. datelines

def test_datelines_are_recognised_in_more_shapes():
    for text in ["DUNVALE, Dec 3 (Northern Wire) - Globex agreed to buy the Harwick mill on Friday.",
                 "DUNVALE/HARWICK, Dec. 3 (Northern Wire) - Globex agreed to buy the Harwick mill.",
                 "Port Dunvale, Dec. 3 (Northern Wire) - Globex agreed to buy the Harwick mill.",
                 "Port Dunvale, 3 December 2031 (Northern Wire) — Globex agreed to buy the mill.",
                 "DUNVALE (Northern Wire) -- Globex agreed to buy the Harwick mill on Friday."]:
        assert text[dateline_end(text):].startswith("Globex agreed"), text
    for text in ["Meanwhile - Globex agreed to buy the Harwick mill on Friday, it said.",
                 "The Globex mill - Harwick's largest - was sold to a rival on Friday."]:
        assert dateline_end(text) == 0, text


def test_a_claim_title_starts_after_the_dateline_and_quotes_stay_exact():
    text = "Port Dunvale, Dec. 3 (Northern Wire) - Globex agreed to buy the Harwick mill for $40 million."
    assert display_text(text) == "Globex agreed to buy the Harwick mill for $40 million."
    assert display_text("Globex agreed to buy the mill.") == "Globex agreed to buy the mill."
    doc = make_doc("w", [("paragraph", text)])
    [claim] = corpus_with_names([doc], ["Globex"], [])
    assert claim.text == "Globex agreed to buy the Harwick mill for $40 million."
    [quote] = claim.quotes
    assert doc.text[quote.start:quote.end] == quote.text


# ---------------------------------------------------------------- 5. reference years and clock times

def test_a_year_after_since_is_no_date_of_the_event():
    assert reference_year("Globex has run the mill since 1961.", "1961")
    assert reference_year("Seit 1961 betreibt Globex das Werk.", "1961")
    assert reference_year("该厂1961年以来一直运营。", "1961")
    assert not reference_year("Globex was founded in 1961.", "1961")
    assert not reference_year("Sales fell the most since 1990 in 1991.", "1991")


def _dated(source: str, date: str) -> tuple[Statement, dict[str, str]]:
    return _statement(source), {"date": date}


def test_a_year_alone_does_not_dispute_a_day():
    items, values = zip(*[_dated("a", "2031"), _dated("b", "2031-05-04")])
    assert not dated_alike([0, 1], items, dict(enumerate(values)))
    items, values = zip(*[_dated("a", "1961"), _dated("b", "1962")])
    assert dated_alike([0, 1], items, dict(enumerate(values)))
    items, values = zip(*[_dated("a", "2031-05-03"), _dated("b", "2031-05-04")])
    assert dated_alike([0, 1], items, dict(enumerate(values)))


def test_since_years_and_clock_times_do_not_contest():
    a = make_doc("a", [("paragraph", "Globex has run the Dunvale mill since 1961, the company said on Monday.")])
    b = make_doc("b", [("paragraph", "Globex has run the Dunvale mill since 1974, the company said on Monday.")])
    [claim] = corpus_with_names([a, b], ["Globex", "Dunvale"], [])
    assert claim.status != "contested", claim.versions
    a = make_doc("a", [("paragraph", "Globex closed the Dunvale mill at 14:30 on Thursday.")])
    b = make_doc("b", [("paragraph", "Globex closed the Dunvale mill at 15:00 on Thursday.")])
    claims = corpus_with_names([a, b], ["Globex", "Dunvale"], [])
    assert all(not v.point.startswith("figure:") for c in claims for v in c.versions)


# ---------------------------------------------------------------- bounds through the real pipeline

def test_a_bound_reads_in_words_on_the_built_page(tmp_path):
    from generator.build import build
    from generator.settings import Settings

    sources = tmp_path / "raw"
    sources.mkdir()
    (sources / "a.txt").write_text("Dunvale outage\n\nGlobex said more than 300 customers in Dunvale lost power "
                                   "after the storm on Monday.\n", encoding="utf-8")
    (sources / "b.txt").write_text("Storm in Dunvale\n\nGlobex said 230 customers in Dunvale lost power "
                                   "after the storm on Monday.\n", encoding="utf-8")
    settings = Settings(config_file=ROOT / "mkdocs.yml", sources_dir=sources, docs_dir=tmp_path / "docs",
                        site_dir=tmp_path / "site", run_mkdocs=False, quiet=True)
    build(settings)
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "docs" / "claims").glob("c-*.md")]
    [page] = [p for p in pages if "Competing versions" in p]
    assert "How many customers" in page
    assert "**more than 300**" in page and "**230**" in page
    assert "&gt;300" not in page and "**>300**" not in page
    assert side_value("figure:customer", ">300", {}) == "more than 300"
