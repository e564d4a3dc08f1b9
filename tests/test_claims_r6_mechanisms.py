"""Sixth claims round: mechanisms that kept a second blind set from scoring like the first.

1. Number formats by language: thousands dots and spaces, decimal commas, scale words read only in
   their own language ("bin", "ribu"), a scale and its rest ("2 bin 750"), clock and day/month words.
2. Disputes: a bound is met by its own figure; a nearly alike pair that differs on a date, a weekday
   or a count joins as the dispute; small tolls of one action compete in groups of a few tellings.
3. Extraction in Italian, Dutch, Turkish, Indonesian, Vietnamese (event shapes, reporting verbs as
   data); a negated subject; a short answer holding a figure.
4. Grouping across languages: the same count of the same unit and one concept; counts of kinds of
   people are counts of people; a phrase naming an action takes its words' other actions.
5. Junk: two-part share rows and notices of machine-made text.

Each rule on small synthetic sentences (no seed or fixture text).
"""
from __future__ import annotations

from generator.extract.claims import (ascii_digits, clock_times, counts_in, dateline_end, dates_in, find_statements,
                                      load_cues, menu_line, numbers_in, rejection)
from generator.link.claims import (Features, _compatible, concepts_of, count_features, disputing_pair,
                                   load_lexicon, same_count_told)

from test_claims_extract import make_doc
from test_claims_review2_rules import in_lang
from test_claims_r5_rules import claim_of, linked

CUES = load_cues()


def nums(text: str, lang: str) -> tuple[str, ...]:
    return numbers_in(ascii_digits(text), CUES, lang)


def counts(text: str, lang: str) -> tuple[str, ...]:
    return counts_in(ascii_digits(text), CUES, lang)


# ---------------------------------------------------------------- 1. number formats by language

def test_one_figure_reads_the_same_in_every_language():
    for text, lang in [("Oltre 2.750 persone hanno lasciato le case.", "it"),
                       ("Sebanyak 2.750 orang mengungsi.", "id"),
                       ("Er vertrokken 2.750 mensen.", "nl"),
                       ("Quelque 2 750 personnes ont fui.", "fr"),
                       ("Quelque 2\u202f750 personnes ont fui.", "fr"),
                       ("Köyden 2 bin 750 kişi ayrıldı.", "tr"),
                       ("Some 2,750 people fled.", "en")]:
        assert "2750" in nums(text, lang), (text, nums(text, lang))


def test_money_in_four_writings_is_one_sum():
    for text, lang in [("Hij kreeg een boete van 65.000 euro.", "nl"), ("Une amende de 65 000 euros.", "fr"),
                       ("Uma multa de 65 mil euros.", "pt"), ("She was fined €65,000.", "en")]:
        assert nums(text, lang) == ("€65000",), (text, nums(text, lang))


def test_decimals_stay_decimals():
    assert nums("The index rose 2.5 points.", "en") == ("2.5",)
    assert nums("L'indice è salito di 2,5 punti.", "it") == ("2.5",)


def test_scale_words_are_read_in_their_own_language_only():
    assert nums("Pemerintah menyalurkan 12 ribu paket.", "id") == ("12000",)
    assert nums("Thành phố có 3 triệu dân.", "vi") == ("3000000",)
    assert nums("Het bedrijf telt 4 duizend klanten.", "nl") == ("4000",)
    # English "bin" is a container, not a thousand; Turkish "bin" is.
    assert nums("The council emptied 3 bin lorries.", "en") == ("3",)
    assert nums("Şirket 3 bin işçi çalıştırıyor.", "tr") == ("3000",)


def test_a_scale_and_its_rest_are_one_figure_not_two():
    assert nums("Bölgeden 5 bin 40 kişi tahliye edildi.", "tr") == ("5040",)
    assert counts("Bölgeden 5 bin 40 kişi tahliye edildi.", "tr") == ("person=5040",)


def test_bounds_in_more_languages():
    assert counts("Hơn 2.750 khách hàng bị ảnh hưởng.", "vi") == ("customer=>2750",)
    assert counts("Meer dan 600 klanten zonder stroom.", "nl") == ("customer=>600",)
    assert counts("Almeno 12 persone sono rimaste ferite.", "it") == ("person=>12",)


def test_turkish_nouns_are_counted_with_their_endings():
    assert counts("Kazada 12 kişiyi kurtardılar.", "tr") == ("person=12",)


def test_durations_count_years_in_every_language_and_with_a_hyphen():
    assert counts("She was suspended for three years.", "en") == ("year=3",)
    assert counts("They imposed a three-year suspension.", "en") == ("year=3",)
    assert counts("Elle a été suspendue trois ans.", "fr") == ("year=3",)
    assert counts("Hij is voor drie jaar geschorst.", "nl") == ("year=3",)


def test_percent_words_after_the_figure_by_language():
    assert nums("Harga naik 12 persen.", "id") == ("12%",)


def test_clock_times_told_with_a_word_for_the_hour_are_no_figures():
    assert [t for _, _, t in clock_times("Olay saat 09.45 sularında yaşandı.")] == ["09:45"]
    assert [t for _, _, t in clock_times("Vụ việc xảy ra lúc 8 giờ 05 phút.")] == ["08:05"]
    assert nums("Olay saat 09.45 sularında yaşandı.", "tr") == ()


def test_day_month_dates_after_a_word_for_day():
    reading = ascii_digits("Cuộc họp diễn ra ngày 21/9 tại Hà Nội.")
    assert dates_in(reading, CUES, "2027") == ("2027-09-21",)
    assert numbers_in(reading, CUES, "vi") == ()
    # Without the word, a slash is no date: "3/4 of the vote".
    assert dates_in("Won 3/4 of the vote.", CUES, "2027") == ()


def test_dutch_and_turkish_months_date_a_statement():
    assert dates_in("De keuring vond plaats op 9 juni 2027 en opnieuw op 3 maart.", CUES, "2027") == \
        ("2027-03-03", "2027-06-09")
    assert dates_in("Toplantı 4 Kasım 2027 tarihinde yapıldı.", CUES, None) == ("2027-11-04",)


# ---------------------------------------------------------------- 2. disputes

def test_a_bound_is_met_by_its_own_figure():
    assert _compatible(">7", "7") and _compatible("7", ">7") and _compatible("<90", "90")
    assert not _compatible(">300", "230") and not _compatible("<40", "55")


def feats(*bag: str, lang: str = "en") -> Features:
    return Features(entities=frozenset(), bag=frozenset(bag), concepts=frozenset(), lang=lang)


def test_disputing_pairs_differ_on_a_day_a_weekday_or_a_count():
    assert disputing_pair(feats("date:--06-09", "concept:x"), feats("date:2027-06-10", "concept:x"))
    assert not disputing_pair(feats("date:--06-09"), feats("date:--06-09"))
    assert disputing_pair(feats("concept:monday"), feats("concept:friday"))
    assert disputing_pair(feats("counted:person", "count:person=12"), feats("counted:person", "count:person=9"))
    assert not disputing_pair(feats("counted:person", "count:person=12"), feats("counted:person", "count:person=12"))


def test_a_different_day_in_another_language_is_a_dated_dispute():
    en = make_doc("en", [("paragraph", "Lindqvist Ore was fined by the mining inspectorate on 9 June.")],
                  published="2027-06-20")
    fr = in_lang(make_doc("fr", [("paragraph", "Lindqvist Ore a reçu une amende de l'inspection des mines le 11 juin.")],
                          published="2027-06-20"), "fr")
    de = in_lang(make_doc("de", [("paragraph", "Lindqvist Ore erhielt am 9. Juni ein Bußgeld der Bergaufsicht.")],
                          published="2027-06-20"), "de")
    claim = claim_of(linked([en, fr, de], ["Lindqvist Ore"]), "11 juin")
    assert {q.source for q in claim.quotes} == {"en", "fr", "de"}
    assert claim.status == "contested" and any(v.point == "date" for v in claim.versions)


def test_small_tolls_of_one_action_compete_across_three_languages():
    # The sources already tell one story: each counts the same 1,460 evacuees.
    en = make_doc("en", [("paragraph", "Five people died in the landslide, regional officials said on Friday."),
                         ("paragraph", "About 1,460 people were evacuated from the valley.")])
    tr = in_lang(make_doc("tr", [("paragraph", "Valiliğe göre heyelanda 3 kişi hayatını kaybetti."),
                                 ("paragraph", "Vadiden 1.460 kişi tahliye edildi.")]), "tr")
    it = in_lang(make_doc("it", [("paragraph", "Sono almeno cinque le vittime della frana, secondo la prefettura."),
                                 ("paragraph", "Circa 1.460 persone sono state evacuate dalla valle.")]), "it")
    claims = linked([en, tr, it], [])
    claim = claim_of(claims, "heyelanda")
    assert {q.source for q in claim.quotes} == {"en", "tr", "it"}
    assert claim.status == "contested"
    sides = {v.value for v in claim.versions if v.point == "figure:person"}
    assert "3" in sides and ("5" in sides or ">5" in sides)


# ---------------------------------------------------------------- 3. extraction in more languages

def test_event_shapes_and_reporting_verbs_as_data():
    for text, lang in [("La polizia ha arrestato due uomini a Bari.", "it"),
                       ("De gemeente heeft de brug gesloten na de storm.", "nl"),
                       ("Belediye köprüyü trafiğe kapattı.", "tr"),
                       ("Polisi telah menangkap dua tersangka di Medan.", "id"),
                       ("Công an đã bắt giữ hai nghi phạm tại Huế.", "vi"),
                       ("Volgens de brandweer raakte niemand gewond bij de brand in Delft.", "nl")]:
        assert rejection(text, lang, "paragraph", (), CUES) == "", text


def test_advice_in_more_languages_is_no_claim():
    assert rejection("Warga sebaiknya menghindari jalan tol selama perbaikan.", "id", "paragraph", (), CUES) \
        == "advice or prediction"
    assert rejection("Bewoners moeten ramen en deuren gesloten houden.", "nl", "paragraph", (), CUES) \
        == "advice or prediction"


def test_a_negated_subject_is_checkable():
    assert rejection("No passwords were exposed in the incident.", "en", "paragraph", (), CUES) == ""
    assert rejection("Tidak ada penumpang yang terluka dalam kecelakaan itu.", "id", "paragraph", (), CUES) == ""


def test_a_short_answer_with_a_figure_is_a_statement():
    doc = in_lang(make_doc("qa", [("paragraph", "Berapa rumah yang rusak?\nSekitar 640 rumah warga.")]), "id")
    assert any("640" in s.text for s in find_statements(doc, ()))
    # Clock stamps and two-word rows stay out.
    assert rejection("14:05", "en", "paragraph", (), CUES) == "too short"


def test_a_clause_asserted_after_a_denial_is_a_statement_of_its_own():
    doc = in_lang(make_doc("d", [("paragraph", "Jansen ontkent dat hij geld heeft aangenomen en gaat in beroep bij de "
                                               "raad van state.")]), "nl")
    found = find_statements(doc, ())
    assert [s.polarity for s in found] == ["denied", "asserted"]
    assert found[1].text == "gaat in beroep bij de raad van state."
    en = make_doc("e", [("paragraph", "The coach denied taking the money and will appeal to the league.")])
    assert [s.polarity for s in find_statements(en, ())] == ["denied", "asserted"]
    # A denial alone stays one statement.
    one = make_doc("o", [("paragraph", "The coach denied taking money from the sponsor at the final.")])
    assert len(find_statements(one, ())) == 1


def test_a_month_dates_a_statement_like_a_weekday():
    assert rejection("La seconde analyse a confirmé le résultat en octobre.", "fr", "paragraph", (), CUES) == ""
    # Without the month the sentence names no one.
    assert rejection("La seconde analyse a confirmé le résultat.", "fr", "paragraph", (), CUES) == "names no one"


def test_datelines_with_accented_capitals_are_trimmed():
    text = "ÅLESUND, Norway, May 2 (Nordwire) - A ferry ran aground near the harbour on Tuesday."
    assert text[dateline_end(text):].startswith("A ferry")


# ---------------------------------------------------------------- 4. grouping across languages

def test_same_count_of_the_same_unit_and_one_concept_is_enough():
    assert same_count_told({"count:hectare=1200", "counted:hectare", "concept:flood"}, 1)
    assert not same_count_told({"count:hectare=1200", "counted:hectare"}, 0)
    # A small count needs two concepts in common.
    assert not same_count_told({"count:person=3"}, 1) and same_count_told({"count:person=3"}, 2)


def test_one_area_in_two_languages_is_one_claim():
    en = make_doc("en", [("paragraph", "Floodwater covered about 1,350 hectares of farmland near Dorvik.")])
    es = in_lang(make_doc("es", [("paragraph", "La inundación cubrió unas 1.350 hectáreas de cultivos.")]), "es")
    claim = claim_of(linked([en, es], []), "1.350")
    assert {q.source for q in claim.quotes} == {"en", "es"}


def test_news_vocabulary_in_the_languages_present():
    lexicon = load_lexicon()
    cases = [("i generatori di emergenza non si sono avviati", "it", {"generator", "start_up"}),
             ("máy phát điện dự phòng không khởi động được", "vi", {"generator", "backup", "start_up"}),
             ("polisi tidak menemukan data pelanggan yang hilang", "id", {"information", "customer", "lost"}),
             ("de klanten werden getroffen door een stroomstoring", "nl", {"customer", "affect", "outage"}),
             ("il rogo ha raggiunto la costa con raffiche di vento", "it", {"wildfire", "wind"})]
    for text, lang, wanted in cases:
        found, _ = concepts_of(text.split(), text, lexicon, lang)
        assert wanted <= found, (text, found)


def test_counts_of_kinds_of_people_are_counts_of_people():
    found = count_features(["resident=870"])
    assert {"count:resident=870", "count:person=870", "counted:person"} <= found
    assert count_features(["flight=870"]) == {"count:flight=870", "counted:flight"}


def test_a_phrase_naming_an_action_takes_its_words_other_actions():
    lexicon = load_lexicon()
    text = "a power cut hit the district"
    found, _ = concepts_of(text.split(), text, lexicon, "en")
    assert "outage" in found and "restrict" not in found
    text = "the ministry cut funding"
    found, _ = concepts_of(text.split(), text, lexicon, "en")
    assert "restrict" in found
    # A phrase naming a thing keeps the action its words tell ("prices rose": still a rise) ...
    text = "prices rose sharply"
    assert "increase" in concepts_of(text.split(), text, lexicon, "en")[0]
    # ... but an elided noun inside it is the phrase's ("l'étude d'impact": no "impact" effect).
    text = "le juge a annulé l'étude d'impact"
    found, _ = concepts_of(text.split() + ["impact"], text, lexicon, "fr")
    assert "impact_assessment" in found and "affect" not in found


# ---------------------------------------------------------------- 5. junk

def test_two_part_share_rows_are_chrome():
    assert menu_line("Teilen · Kommentare (8)")
    assert menu_line("Condividi · Stampa")
    assert not menu_line("The mayor resigned on Monday · officials confirmed the news to reporters.")


def test_notices_of_machine_made_text_are_no_claims():
    for text, lang in [("This overview was automatically generated and may contain mistakes.", "en"),
                       ("Dieser Text wurde automatisch erstellt und kann Fehler enthalten.", "de"),
                       ("Questo riassunto è generato automaticamente e può contenere errori.", "it")]:
        assert rejection(text, lang, "paragraph", (), CUES) == "disclaimer or chrome", text
