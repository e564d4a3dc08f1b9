"""Fourth claims round: bounds kept with a claim's figures, German nouns before numbers, Arabic-script text.

Each rule on small synthetic sentences (no seed text).
"""
from __future__ import annotations

from generator.extract.claims import (ascii_digits, bounded_numbers, counts_in, dates_in, detect_lang,
                                      find_statements, glued_to_name, load_cues, numbers_in)
from generator.link.claims import product_names

from test_claims_extract import make_doc
from test_claims_review2_rules import corpus_with_names, in_lang

CUES = load_cues()


def read(text: str, lang: str):
    """numbers, counts and dates of ``text`` as extraction reads them (digits in ASCII)."""
    reading = ascii_digits(text)
    return numbers_in(reading, CUES, lang), counts_in(reading, CUES, lang), dates_in(reading, CUES, None)


# ---------------------------------------------------------------- 1. a claim's figures keep their bounds

def test_bounded_numbers_keep_the_bound_before_the_figure():
    assert bounded_numbers("Globex said more than 300 customers lost power.", ("300",), "en") == (">300",)
    assert bounded_numbers("Globex said at least 40 staff left.", ("40",), "en") == (">40",)
    assert bounded_numbers("Up to 12 stores may close, Globex said.", ("12",), "en") == ("<12",)
    # "nearly 300" is no "fewer than 300" to a reader: its own mark, shown as "nearly 300".
    assert bounded_numbers("Globex said nearly 300 flights were cancelled.", ("300",), "en") == ("~300",)
    assert bounded_numbers("Globex paid more than $12 million.", ("$12000000",), "en") == (">$12000000",)
    assert bounded_numbers("Laut Globex verloren mehr als 300 Kunden den Strom.", ("300",), "de") == (">300",)
    assert bounded_numbers("Selon Globex, plus de 300 clients sont privés de courant.", ("300",), "fr") == (">300",)
    assert bounded_numbers("Globex said at least two hospitals closed.", ("2",), "en") == (">2",)


def test_an_exact_figure_stays_exact():
    assert bounded_numbers("Globex said 230 customers lost power.", ("230",), "en") == ("230",)
    # Written both after a bound and exactly: the exact reading stays.
    text = "Globex said more than 300 customers lost power; 300 of them in Dunvale."
    assert bounded_numbers(text, ("300",), "en") == ("300",)
    # Only the bounded figure of two changes.
    text = "Globex said more than 300 customers and 12 shops lost power."
    assert bounded_numbers(text, ("12", "300"), "en") == ("12", ">300")
    assert bounded_numbers("Nothing here.", (), "en") == ()


def test_a_claim_shows_the_bound_of_each_source():
    a = make_doc("a", [("paragraph", "Globex said more than 300 customers in Dunvale lost power after the storm on Monday.")])
    b = make_doc("b", [("paragraph", "Globex said 230 customers in Dunvale lost power after the storm on Monday.")])
    [claim] = corpus_with_names([a, b], ["Globex", "Dunvale"], [])
    assert claim.status == "contested"
    assert set(claim.numbers) == {"230", ">300"}
    assert "300" not in claim.numbers


def test_nearly_marks_the_shown_figure_not_the_dispute():
    # "nearly 300" and "300" do not dispute each other: the near bound is for display only.
    assert counts_in("Globex said nearly 300 flights were cancelled.", CUES, "en") == ("flight=300",)
    assert counts_in("Globex said more than 300 flights were cancelled.", CUES, "en") == ("flight=>300",)


# ---------------------------------------------------------------- 2. German nouns before numbers

def test_a_german_noun_before_a_count_is_no_product_version():
    assert read("Die Firma 12 Kunden verlor, sagte der Sprecher.", "de")[:2] == (("12",), ("customer=12",))
    assert read("Das Werk 300 Beschäftigte hat, teilte die Firma mit.", "de")[:2] == (("300",), ("employee=300",))
    assert read("Die Firma 12 neue Kunden gewann, sagte er.", "de")[0] == ("12",)
    assert product_names("Die Firma 12 Kunden verlor.", "de") == []
    assert product_names("Das Werk 300 Beschäftigte hat.", "de") == []


def test_a_german_version_needs_more_evidence_than_a_capital():
    # A brand-like word, a version-like number, or no noun of the number after it.
    assert read("Der Hersteller zeigte den ACME 300 Prototyp.", "de")[0] == ()
    assert read("Der Konzern stellte Windows 2.0 vor.", "de")[0] == ()
    assert read("Kapitel 7 der Verordnung gilt seit Mai.", "de")[0] == ()
    assert product_names("Der Hersteller zeigte den ACME 300 Prototyp.", "de") == ["ACME 300 Prototyp"]
    assert product_names("Kapitel 7 der Verordnung gilt.", "de") == ["Kapitel 7"]
    text = "Die Firma 12 Kunden verlor."
    at = text.index("12")
    assert glued_to_name(text, at, "", "de", at + 2) is False
    assert glued_to_name(text, at) is True          # English and unknown languages: as before


def test_english_versions_are_unchanged():
    assert "7" not in read("Globex unveiled Widget 7 on Monday.", "en")[0]
    assert product_names("Globex unveiled Widget 7 on Monday.", "en") == ["Widget 7"]
    assert product_names("Globex unveiled Widget 7 on Monday.") == ["Widget 7"]


# ---------------------------------------------------------------- 3. Arabic and Persian

def test_arabic_and_persian_digits_are_read_as_numbers():
    assert ascii_digits("١٢٬٠٠٠ و١٫٥ و٥٪") == "12,000 و1.5 و5%"
    assert ascii_digits("۱۲۳۴") == "1234"
    assert ascii_digits("plain 12") == "plain 12"
    assert read("أعلنت الشركة أن ١٫٥ مليون مستخدم تأثروا في ١٢ مارس ٢٠٣١.", "ar") == (
        ("1500000",), ("user=1500000",), ("2031-03-12",))
    assert read("ارتفعت الأسعار بنسبة ٥٪ قالت الوزارة.", "ar")[0] == ("5%",)
    assert read("پلیس اعلام کرد که ۱۲ نفر زخمی شدند.", "fa")[:2] == (("12",), ("person=12",))


def test_arabic_script_sentences_are_told_apart_by_language():
    assert detect_lang("قال المتحدث إن ١٢ شخصا أصيبوا.", "en") == "ar"
    assert detect_lang("پلیس اعلام کرد که ۱۲ نفر زخمی شدند.", "en") == "fa"
    assert detect_lang("قال المتحدث إن ١٢ شخصا أصيبوا.", "ur") == "ur"
    assert detect_lang("Globex said 12 people were hurt.", "en") == "en"


def test_arabic_sentences_with_a_figure_and_a_speaker_are_statements():
    text = ("قال المتحدث باسم الشرطة إن ١٢ شخصا أصيبوا في الحادث. "
            "وأعلنت الوزارة أن أكثر من ٣٠٠ رحلة ألغيت يوم الاثنين. "
            "هل تم إلغاء الرحلات؟")
    found = find_statements(in_lang(make_doc("a", [("paragraph", text)]), "ar"), ())
    assert [s.numbers for s in found] == [("12",), ("300",)]            # the question is no claim
    assert [s.counts for s in found] == [("person=12",), ("flight=>300",)]
    assert [s.speaker for s in found] == ["المتحدث باسم الشرطة", "الوزارة"]
    assert all(s.lang == "ar" for s in found)
    assert bounded_numbers(found[1].text, found[1].numbers, "ar") == (">300",)


def test_arabic_text_without_figure_or_actor_is_no_claim():
    found = find_statements(in_lang(make_doc("a", [("paragraph", "الطقس جميل جدا اليوم في المدينة القديمة.")]), "ar"), ())
    assert found == ()


def test_an_arabic_denial_is_denied():
    found = find_statements(in_lang(make_doc("a", [("paragraph", "نفت الشركة أن ٣٠٠ موظف فقدوا وظائفهم.")]), "ar"), ())
    assert [s.polarity for s in found] == ["denied"]


def test_arabic_concepts_are_found_inside_joined_words():
    from generator.link.claims import concepts_of, load_lexicon
    found, _ = concepts_of([], "وأعلنت شركة الطيران إلغاء 300 رحلة يوم الاثنين.", load_lexicon(), "ar")
    assert {"restrict", "monday"} <= found
    found, _ = concepts_of([], "قالت الشرطة إن شخصين أصيبا.", load_lexicon(), "ar")
    assert "restrict" not in found and "monday" not in found


def test_arabic_and_english_sources_of_one_fact_corroborate():
    a = in_lang(make_doc("a", [("paragraph", "قالت شركة الطيران إن ٣٠٠ رحلة ألغيت يوم الاثنين بسبب العاصفة.")]), "ar")
    b = in_lang(make_doc("b", [("paragraph", "وأعلنت شركة الطيران إلغاء 300 رحلة يوم الاثنين بسبب العاصفة الثلجية.")]),
                "ar")
    c = make_doc("c", [("paragraph", "The airline said 300 flights were cancelled on Monday because of the storm.")])
    [claim] = corpus_with_names([a, b, c], [], [])
    assert claim.sources == 3 and claim.status == "corroborated"
