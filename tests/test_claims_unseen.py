"""Claims on hand-annotated corpora the rules were not written for (tests/fixtures/unseen_claims).

Each corpus runs through read, clean, extract and link; ``claims_scoring`` matches
the extracted claims with the annotation. The floors are what the rules meet
today, so a change that loses claims, sources or statuses on other outlets,
topics and languages fails here. ``python tests/claims_scoring.py`` prints the
per-claim report.
"""
from __future__ import annotations

import pytest

from claims_scoring import corpora, score_corpus

# corpus -> (found, right sources, right status) floors
FLOORS = {
    "factory_fire": (8, 8, 8),
    "product_recall": (6, 6, 6),
    "rate_decision": (6, 5, 5),
    "airline_strike": (5, 5, 5),      # held out: written after the rules were tuned, not tuned on
    # Held out, first contact 4/1/3 and 3/3/3; extraction rules were then generalised
    # (every expected sentence is now a statement) and untranslated pairs compared on
    # names, figures and concepts. Cross-language grouping is what remains weakest.
    # Attackers' way in (de/en, no shared name) now groups on concepts (attack, account, contractor).
    "bank_breach": (7, 6, 7),
    "club_takeover": (7, 5, 7),
    # Held out (counts disputed across en/de/fr/zh/ja), first contact 7/2/6: no count outside
    # English was a disputable point. Counts are now read per language into neutral classes
    # (claims_counts.yaml) and groups of one story counting a thing with close figures joined.
    # Second review: clock times are times ("by 04:00" / "4 Uhr" / "午前4時") and day-only dates
    # ("4日") resolved against the source's date, so the Japanese restoration sentence joins;
    # number words read per language ("zwei Krankenhäuser" = "two hospitals").
    "grid_blackout": (8, 6, 8),
    # Held out (en/de/fr/es/ja; most facts share no name or figure across languages, two
    # traps share words with them), first contact 3/1/3: sentences naming no one (an elderly
    # woman, the mayor, a weekday) were not statements and untranslated ones met only on
    # names. Concepts now span the untranslated languages and statements sharing three of
    # them (or two and a figure) are compared.
    "river_flood": (9, 9, 9),
    # Second review (en/en-html with a data table/ja/fr/de): day-only dates, clock times, a bound
    # ("plus de 500") disputing an exact count, a comparative without figure, attribution
    # ("selon nos informations"), one sentence stating two facts. First contact 7/5/7, junk 3/16
    # (the table rows); after the second review's rules 8/5/8, junk 0.
    "plant_closure": (10, 7, 10),
    # Written blind in the session of 2026-12-07 (en/es/pt; ko/en/ja with 억/億/won amounts;
    # en/pl/de/fr with an interview, a live blog and a column), first contact 15/9/10 of 36
    # with 2 junk; then tuned on: Korean extraction, East Asian units, news concepts,
    # contested small counts, asides that do not bridge, evaluative copulas.
    "hospital_leak": (11, 11, 11),
    "robot_bidrig": (11, 10, 11),
    "refinery_ruling": (12, 11, 11),
    # The second blind set of that session (en/tr/es/zh/it; en/nl/fr/pt; en/ja/vi/id with a live
    # blog, a Q&A and an AI summary), written without sight of the first: first contact 15/10/11
    # of 36 with 1 junk, after the first set's tuning; then tuned on (number words by language,
    # disputes that the difference itself kept apart, cues for it/nl/tr/id/vi).
    "wildfire_tarsel": (12, 11, 12),
    "doping_ban": (10, 8, 9),
    "datacentre_outage": (8, 5, 7),
}


@pytest.fixture(scope="module")
def scores():
    return {folder.name: score_corpus(folder) for folder in corpora()}


def test_every_fixture_corpus_has_a_floor(scores):
    assert set(scores) == set(FLOORS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_expected_claims_found_with_sources_and_status(scores, name):
    score = scores[name]
    found, sources, status = FLOORS[name]
    assert score.found >= found and score.right_sources >= sources and score.right_status >= status, \
        score.summary()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_no_question_chrome_or_opinion_becomes_a_claim(scores, name):
    assert scores[name].junk == [], scores[name].summary()


def test_overall_floor(scores):
    total = sum(len(s.claims) for s in scores.values())
    assert sum(s.found for s in scores.values()) >= 131
    assert sum(s.right_sources for s in scores.values()) >= 115
    assert sum(s.right_status for s in scores.values()) >= 127
    assert total == 145
