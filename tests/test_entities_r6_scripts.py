"""Round 6 entity rules, on synthetic names only: Latin letters beyond
Latin-1 (Vietnamese, Romanian, text in NFD form), Cyrillic names and their
transliterations, German compounds that are no names, Thai gazetteer names
and titled people, and one body's name across languages and acronyms."""
from __future__ import annotations

import unicodedata

from generator.extract.entities import GOV, ORG, PERSON, PLACE, PRODUCT, find_mentions, latin_candidates, lexicon
from generator.link.entities import consonant_skeleton, thai_consonant_skeleton, latin_consonants
from tests.test_entities_extract import make_doc
from tests.test_entities_r4_rules import entities, holding


def doc_typed(text: str, lang: str) -> dict[str, str]:
    return {m.text: m.type for m in find_mentions(make_doc(("paragraph", text, lang)))}


def phrases(text: str) -> list[str]:
    return [text[c.start:c.end] for c in latin_candidates(text, lexicon())]


# 1. Latin letters outside Latin-1 -------------------------------------------

def test_a_vietnamese_name_is_read_whole_not_cut_at_extended_letters():
    text = "Hôm qua ông Phạm Quốc Hưng đã gặp đại diện của Hải Phòng Logistics tại Đà Nẵng."
    found = phrases(text)
    assert "Phạm Quốc Hưng" in found, found
    assert not any(p in ("Ph", "Qu", "H", "Hư") for p in found), found


def test_a_name_in_nfd_form_and_romanian_comma_letters_are_read_whole():
    nfd = unicodedata.normalize("NFD", "Yesterday Ngô Thừa Ân met Ștefan Țurcanu in the capital.")
    found = phrases(nfd)
    assert unicodedata.normalize("NFD", "Ngô Thừa Ân") in found, found
    assert unicodedata.normalize("NFD", "Ștefan Țurcanu") in found, found


def test_vietnamese_compound_first_syllables_are_no_names_but_a_name_after_an_honorific_is_a_person():
    found = doc_typed("Hôm nay Quỹ phát triển Nông thôn công bố kết quả, và bà Hạnh nói rằng kết quả tốt.", "vi")
    assert found.get("Hạnh") == PERSON, found
    assert "Quỹ" not in found and "Nông" not in found, found


def test_vietnamese_cue_words_type_the_name_after_them():
    found = doc_typed("Hôm qua Công ty Cổ phần Thép Hồng Lĩnh và Bộ Giao Vận đã họp tại tỉnh Quảng Trị.", "vi")
    assert found.get("Công ty Cổ phần Thép Hồng Lĩnh") == ORG, found
    assert found.get("Bộ Giao Vận") == GOV, found
    assert found.get("Quảng Trị") == PLACE, found


def test_a_vietnamese_full_name_of_four_syllables_is_a_person():
    found = doc_typed("The founder Nguyen Van Thanh Tung said sales rose in the spring.", "en")
    assert found.get("Nguyen Van Thanh Tung") == PERSON, found


def test_a_short_name_in_brackets_after_a_full_official_name_is_one_firm():
    doc = make_doc(("paragraph", "Hôm qua Công ty Cổ phần Điện máy Thanh Vân (Thanh Vân Tech) thông báo kết quả.", "vi"),
                   ("paragraph", "Analysts said Thanh Vân Tech shares rose after the deal.", "en"))
    firm = holding(entities(doc), "Thanh Vân Tech")
    assert any(m.text.startswith("Công ty") for m in firm.mentions), firm


# 2. Cyrillic ------------------------------------------------------------------

def test_consonant_skeletons_meet_across_transliterations():
    assert consonant_skeleton("Тарас Шевчук") == consonant_skeleton("Taras Shevchuk") \
        == consonant_skeleton("Taras Schewtschuk")
    assert consonant_skeleton("Харкові") == consonant_skeleton("Kharkiv")
    assert consonant_skeleton("Тарас Шевчук") != consonant_skeleton("Taras Shevtsov")


def test_a_cyrillic_name_meets_its_latin_spellings_and_bridges_them():
    doc = make_doc(("paragraph", "Директор Тарас Шевчук заявив, що завод у Вінниці працює.", "uk"),
                   ("paragraph", "Plant director Taras Shevchuk said the Vinnytsia site is working.", "en"),
                   ("paragraph", "Werksleiter Taras Schewtschuk sagte, das Werk in Winnyzja laufe.", "de"))
    person = holding(entities(doc), "Тарас Шевчук")
    texts = {m.text for m in person.mentions}
    assert {"Taras Shevchuk", "Taras Schewtschuk"} <= texts, texts
    assert person.type == PERSON


def test_latin_spellings_alone_never_meet_by_skeleton():
    doc = make_doc(("paragraph", "Taras Shevchuk spoke first, and Taras Schewtschuk answered him later.", "en"))
    ents = entities(doc)
    assert holding(ents, "Taras Shevchuk") is not holding(ents, "Taras Schewtschuk")


def test_a_latin_word_next_to_a_cyrillic_name_is_not_part_of_it():
    found = doc_typed("Керівник компанії ZRX Остап Ковальчук підписав угоду.", "uk")
    assert "ZRX Остап Ковальчук" not in found and "Остап Ковальчук" in found, found


def test_a_cyrillic_body_name_continues_through_its_lower_case_words_and_meets_its_acronym():
    text = "Нову програму готує Державна служба морського флоту України (ДСМФУ). ДСМФУ відкрила офіс."
    found = doc_typed(text, "uk")
    assert found.get("Державна служба морського флоту України") in (GOV, ORG), found
    ents = entities(make_doc(("paragraph", text, "uk")))
    body = holding(ents, "Державна служба морського флоту України")
    assert any(m.text == "ДСМФУ" for m in body.mentions)


# 3. German compounds ------------------------------------------------------------

def test_a_place_adjective_before_one_noun_and_a_unit_noun_are_no_person():
    found = doc_typed("Die Berliner Werftbetreiber liefern jedes Jahr fünf Tonnen Stahlblech an die Kunden.", "de")
    assert "Berliner Werftbetreiber" not in found and "Tonnen Stahlblech" not in found, found


def test_a_glued_compound_with_a_number_is_a_numbered_part_not_a_product():
    found = doc_typed("Die Firma mietet den Anlegeplatz 4 für zehn Jahre.", "de")
    assert found.get("Anlegeplatz 4") != PRODUCT, found


def test_a_german_body_with_an_adjective_before_its_head_keeps_its_genitive_words():
    found = doc_typed("Geld gibt die Europäische Bank für Handel und Verkehr (EBHV) im Frühjahr.", "de")
    assert "Europäische Bank für Handel und Verkehr" in found, found


# 4. Thai --------------------------------------------------------------------------

def test_thai_gazetteer_names_and_a_titled_person_are_found_without_fragments():
    text = "นายสมศักดิ์ ใจกล้า เดินทางไปประเทศเวียดนามเมื่อวานนี้ นายสมศักดิ์กล่าวว่าตลาดดี"
    found = doc_typed(text, "th")
    assert found.get("ประเทศเวียดนาม") == PLACE, found
    assert found.get("สมศักดิ์ ใจกล้า") == PERSON and found.get("สมศักดิ์") == PERSON, found
    assert set(found) == {"ประเทศเวียดนาม", "สมศักดิ์ ใจกล้า", "สมศักดิ์"}, found


def test_a_title_that_opens_another_word_is_no_title():
    found = doc_typed("นายกรัฐมนตรีเดินทางไปกรุงเทพฯ", "th")
    assert not any(t == PERSON for t in found.values()), found


def test_a_thai_name_meets_its_romanisation_by_consonants():
    assert thai_consonant_skeleton("สมศักดิ์ ใจกล้า") == latin_consonants("Somsak Jaikla")
    doc = make_doc(("paragraph", "นายสมศักดิ์ ใจกล้า กล่าวว่าตลาดดี นายสมศักดิ์กล่าว", "th"),
                   ("paragraph", "Managing director Somsak Jaikla said the market was good.", "en"))
    person = holding(entities(doc), "Somsak Jaikla")
    assert {"สมศักดิ์ ใจกล้า", "สมศักดิ์"} <= {m.text for m in person.mentions}


# 5. One body across languages ------------------------------------------------------

def test_one_body_named_in_two_languages_meets_by_translated_words():
    doc = make_doc(("paragraph", "The International Monetary Fund (IMF) cut its forecast.", "en"),
                   ("paragraph", "Прогноз знизив Міжнародний валютний фонд (МВФ).", "uk"))
    body = holding(entities(doc), "International Monetary Fund")
    texts = {m.text for m in body.mentions}
    assert "Міжнародний валютний фонд" in texts and "МВФ" in texts, texts


def test_two_bodies_of_one_language_with_one_signature_stay_apart():
    doc = make_doc(("paragraph", "The European Development Bank and the Bank for European Development met.", "en"),
                   ("paragraph", "Європейський банк розвитку теж прийшов.", "uk"))
    ents = entities(doc)
    assert holding(ents, "European Development Bank") is not holding(ents, "Bank for European Development")


def test_a_ukrainian_locative_with_a_changed_consonant_meets_the_latin_name():
    doc = make_doc(("paragraph", "Завод у Фрайбурзі працює з понеділка.", "uk"),
                   ("paragraph", "The plant in Freiburg has worked since Monday.", "en"))
    town = holding(entities(doc), "Фрайбурзі")
    assert any(m.text == "Freiburg" for m in town.mentions), town


def test_a_small_generated_place_ending_a_repeated_name_stays_in_it():
    found = doc_typed("Investors bought shares of Velko Narok on Monday. Velko Narok Chief Executive Ivo Tamm met them.", "en")
    assert "Velko Narok" in found and "Narok" not in found, found
    once = doc_typed("Investors bought shares of Velko Narok on Monday.", "en")
    assert "Velko Narok" not in once, once          # said once, the town is not taken into the name


def test_a_thai_company_between_its_legal_words_meets_its_latin_name():
    doc = make_doc(("paragraph", "บริษัท กานดา สมบัติ จำกัด แจ้งว่า ลูกค้าของกานดา สมบัติ เพิ่มขึ้น", "th"),
                   ("paragraph", "Its distributor Kanda Sombat said customers rose.", "en"))
    firm = holding(entities(doc), "Kanda Sombat")
    assert sum(m.text == "กานดา สมบัติ" for m in firm.mentions) == 2, firm


def test_lower_case_words_beyond_ascii_are_read_only_in_cyrillic_or_vietnamese_text():
    from generator.extract.entities import other_lower_words
    assert {"працює", "компанія"} <= other_lower_words("Завод працює. Мала компанія зросла.")
    assert "Завод" not in other_lower_words("Завод працює.")
    assert "mạnh" in other_lower_words("Giá pin giảm mạnh trong quý.")
    assert other_lower_words("Le résultat a été publié à Paris.") == set()


def test_a_ukrainian_case_form_meets_its_base_form_in_the_corpus():
    doc = make_doc(("paragraph", "Мешканці чекають рішення, бо Полтава росте. Завод у Полтаві відкрили в понеділок.", "uk"))
    town = holding(entities(doc), "Полтаві")
    assert any(m.text == "Полтава" for m in town.mentions), town


def test_a_common_acronym_ending_a_repeated_name_stays_in_it_but_a_role_does_not():
    found = doc_typed("Buyers like Lam Son EV scooters. Lam Son EV said sales rose.", "en")
    assert "Lam Son EV" in found, found
    found = doc_typed("Analysts met Velmora Widgets CEO on Monday. Later Velmora Widgets CEO left.", "en")
    assert not any(n.endswith("CEO") for n in found), found
