"""Round 5 entity rules, on synthetic names only: roads, outlets and
initials (false positives), role and trade words before names, Slavic case
endings and place prepositions, whole names of bodies and firms, one
ministry or bridge across languages, Korean heads, companies and products."""
from __future__ import annotations

from generator.extract.entities import GOV, ORG, PERSON, PLACE, PRODUCT, find_mentions
from tests.test_entities_extract import make_doc
from tests.test_entities_r4_rules import entities, holding, typed


def doc_typed(text: str, lang: str) -> dict[str, str]:
    return {m.text: m.type for m in find_mentions(make_doc(("paragraph", text, lang)))}


# 5. False positives -----------------------------------------------------------

def test_a_road_code_after_or_before_a_road_word_is_a_place_without_the_word():
    found = doc_typed("Der Verkehr wird seit Montag über die Autobahn A7 und A9 umgeleitet, sagte Lena Pohl.", "de")
    assert found.get("A7") == PLACE and found.get("A9") == PLACE, found
    assert not any(n.startswith("Autobahn") for n in found), found
    found = typed("Lorries queued for hours on the M6 motorway near the border on Tuesday.")
    assert found.get("M6") == PLACE, found


def test_a_version_without_a_road_word_stays_a_product():
    found = typed("The company said its Zephyr 5 chip would ship in March.")
    assert found.get("Zephyr 5") == PRODUCT, found


def test_a_wire_service_in_a_dateline_is_one_organisation():
    found = typed("OSLO, March 3 (Nordic Energy Wire) - Prices rose again on Tuesday, traders said.")
    assert found.get("Nordic Energy Wire") == ORG, found
    assert "Energy Wire" not in found, found


def test_asia_pacific_is_one_region():
    found = typed("Sales across the Asia-Pacific region grew, the retailer Korvex said on Friday.")
    assert found.get("Asia-Pacific") == PLACE and "Asia" not in found and "Pacific" not in found, found


def test_initials_are_rejected_as_names_but_acronyms_are_not():
    from generator.extract.entities import _reject_latin, lexicon
    lex = lexicon()
    for initials in ("K. L.-M.", "R. T.", "J.-P.", "A. B"):
        assert _reject_latin(initials, lex), initials
    for name in ("NATO", "Vorel", "K-Pop Labs", "J. Doe"):
        assert not _reject_latin(name, lex), name


def test_initials_alone_are_never_names():
    found = typed("Interview transcript.\n\nK. L.-M.: We never said that.\n\nR. T.: Then who did?")
    assert not [n for n in found if n.replace(".", "").replace("-", "").replace(" ", "").isupper()
                and len(n.replace(".", "").replace("-", "").replace(" ", "")) <= 3], found


def test_a_declined_body_noun_alone_is_no_name():
    found = doc_typed("Ein Sprecher des Bundesamtes sagte am Montag, man prüfe den Fall.", "de")
    assert "Bundesamtes" not in found, found


def test_a_company_after_a_trade_word_is_an_organisation():
    found = typed("The bridge was built by the Czech contractor Vorel Stavby in 2019.")
    assert found.get("Vorel Stavby") == ORG, found
    found = doc_typed("Die Pumpen lieferte der Maschinenbauer Kranich Hydraulik aus Halle.", "de")
    assert found.get("Kranich Hydraulik") == ORG, found


# 2. Role and preposition words before names ------------------------------------

def test_german_compound_titles_and_polish_according_to_are_not_names():
    found = doc_typed("Vizebürgermeister Karl Wendt eröffnete die Sitzung.", "de")
    assert found.get("Karl Wendt") == PERSON and not any(n.startswith("Vize") for n in found), found
    found = doc_typed("Adam Nowicki zabrał głos. Według Nowickiego decyzja zapadnie w maju.", "pl")
    assert not any(n.startswith("Według") for n in found), found


# 1. Slavic case endings and place prepositions --------------------------------

def test_a_polish_genitive_surname_meets_the_person():
    doc = make_doc(("paragraph", "Adam Nowicki zabrał głos. Według Nowickiego decyzja zapadnie w maju.", "pl"))
    person = holding(entities(doc), "Adam Nowicki")
    assert person.type == PERSON and any(m.text == "Nowickiego" for m in person.mentions)


def test_a_polish_locative_town_meets_its_base_form():
    doc = make_doc(("paragraph", "Mieszkańcy miasta Kłodzko czekają na decyzję. Ludzie w Kłodzku protestowali w piątek.", "pl"))
    town = holding(entities(doc), "Kłodzko")
    assert town.type == PLACE and any(m.text == "Kłodzku" for m in town.mentions)


def test_a_czech_locative_after_v_is_a_place_and_meets_its_base():
    found = doc_typed("Demonstrace se konala v Kroměříži a v Brně.", "cs")
    assert found.get("Brně") == PLACE, found
    doc = make_doc(("paragraph", "Brno hlásí nové případy. Úřady v Brně zavřely školy.", "cs"))
    assert holding(entities(doc), "Brně").name == "Brno"


def test_an_inflected_word_in_english_text_meets_nothing():
    doc = make_doc(("paragraph", "Adam Nowicki spoke first. Later Nowickiego Holdings issued a note.", "en"))
    ents = entities(doc)
    assert not any(m.text == "Nowickiego Holdings" for m in holding(ents, "Adam Nowicki").mentions)


# 3. Whole names of bodies and firms ----------------------------------------------

def test_and_inside_a_federal_body_name_keeps_it_whole():
    found = typed("The Federal Office for Migration and Refugees said on Monday it would review the rules.")
    assert found.get("Federal Office for Migration and Refugees") == GOV, found


def test_polish_i_inside_a_body_named_by_genitives_keeps_it_whole():
    found = doc_typed("Urząd Regulacji Energetyki i Paliw wydał w piątek decyzję.", "pl")
    assert found.get("Urząd Regulacji Energetyki i Paliw") == GOV, found


def test_a_firm_with_a_legal_form_after_an_article_is_cut_from_the_noun_before():
    found = doc_typed("Wie den Nachrichten von der Nordlicht Metall AG zu entnehmen war, ruht die Arbeit.", "de")
    assert found.get("Nordlicht Metall AG") == ORG, found
    assert not any(n.startswith("Nachrichten") for n in found), found


def test_one_ministry_in_three_languages():
    en = make_doc(("paragraph", "The Federal Ministry of Health said the review would take a month.", "en"), doc_id="a")
    de = make_doc(("paragraph", "Das Bundesministerium für Gesundheit prüft den Antrag, sagte Mia Roth.", "de"), doc_id="b")
    pl = make_doc(("paragraph", "Ministerstwo Zdrowia poinformowało w piątek o kontroli.", "pl"), doc_id="c")
    ents = entities(en, de, pl)
    ministry = holding(ents, "Federal Ministry of Health")
    assert ministry is holding(ents, "Bundesministerium für Gesundheit")
    # no "federal" in the Polish name: another country's ministry
    assert holding(ents, "Ministerstwo Zdrowia") is not ministry


def test_two_ministries_of_one_portfolio_in_one_language_stay_apart():
    en = make_doc(("paragraph", "Officials at the Ministry of Energy said the plan was late.", "en"), doc_id="a")
    es = make_doc(("paragraph", "Según el Ministerio de Energía, el plan sigue vigente.", "es"), doc_id="b")
    es2 = make_doc(("paragraph", "Fuentes del Ministerio de la Energía negaron el retraso.", "es"), doc_id="c")
    ents = entities(en, es, es2)
    ministry = holding(ents, "Ministry of Energy")
    assert ministry is not holding(ents, "Ministerio de Energía")
    assert ministry is not holding(ents, "Ministerio de la Energía")
    # with one Spanish name only, the two meet
    ents = entities(en, es)
    assert holding(ents, "Ministry of Energy") is holding(ents, "Ministerio de Energía")


def test_one_bridge_in_three_languages():
    en = make_doc(("paragraph", "The Vistra Bridge stays shut, officials in Tarnow said.", "en"), doc_id="a")
    de = make_doc(("paragraph", "Die Vistrabrücke bleibt gesperrt, sagte Mia Roth.", "de"), doc_id="b")
    pl = make_doc(("paragraph", "Most Vistry pozostanie zamknięty do wiosny.", "pl"), doc_id="c")
    ents = entities(en, de, pl)
    bridge = holding(ents, "Vistra Bridge")
    assert bridge.type == PLACE and bridge is holding(ents, "Vistrabrücke") is holding(ents, "Most Vistry")


def test_most_in_english_is_no_bridge():
    found = typed("Most Norwegians backed the plan, the pollster Kvist said.")
    assert not any(n.startswith("Most") for n in found), found


# 4. Korean --------------------------------------------------------------------

def test_a_korean_name_before_a_glued_head_title_is_a_person():
    found = typed("한민재 질병청장은 이날 브리핑에서 입장을 밝혔다.")
    assert found.get("한민재") == PERSON, found


def test_a_korean_company_meets_its_latin_name():
    ko = make_doc(("paragraph", "누리바이오는 공장 가동을 중단했다고 밝혔다.", "ko"), doc_id="a")
    en = make_doc(("paragraph", "Nuri Bio said on Monday that the plant had halted output.", "en"), doc_id="b")
    ents = entities(ko, en)
    company = holding(ents, "Nuri Bio")
    assert company.type == ORG and company is holding(ents, "누리바이오")


def test_a_korean_product_meets_its_latin_name_and_its_tablet_form():
    ko = make_doc(("paragraph", "회사는 신약 '메디로나정'을 회수했다. 치료제 메디로나 판매도 멈췄다.", "ko"), doc_id="a")
    en = make_doc(("paragraph", "The maker recalled its Medirona pill over an impurity, regulators said.", "en"), doc_id="b")
    ents = entities(ko, en)
    drug = holding(ents, "메디로나")
    assert drug is holding(ents, "Medirona") is holding(ents, "메디로나정")


def test_korean_province_short_and_long_names_meet_the_english():
    ko = make_doc(("paragraph", "경기도 화성의 공장에서 불이 났다. 경기도는 조사에 나섰다.", "ko"), doc_id="a")
    en = make_doc(("paragraph", "A fire broke out at a plant in Gyeonggi Province on Monday.", "en"), doc_id="b")
    ents = entities(ko, en)
    assert holding(ents, "Gyeonggi Province") is holding(ents, "경기도")


def test_a_german_portfolio_ministry_in_one_word_meets_its_translations():
    de = make_doc(("paragraph", "Das tschechische Gesundheitsministerium prüft den Antrag, sagte Mia Roth.", "de"), doc_id="a")
    cs = make_doc(("paragraph", "Ministerstvo Zdravotnictví potvrdilo kontrolu v pondělí.", "cs"), doc_id="b")
    en = make_doc(("paragraph", "Officials at the Ministry of Health declined to comment.", "en"), doc_id="c")
    ents = entities(de, cs, en)
    ministry = holding(ents, "Gesundheitsministerium")
    assert ministry.type == GOV and ministry is holding(ents, "Ministry of Health") \
        is holding(ents, "Ministerstvo Zdravotnictví")


def test_a_firms_first_word_alone_is_its_short_name():
    de = make_doc(("paragraph", "Die Teile kamen laut Bericht von der Vogt Metallbau GmbH aus Cottbus. "
                                "Vogt erklärte, man habe alles geprüft.", "de"), doc_id="a")
    ents = entities(de)
    firm = holding(ents, "Vogt Metallbau GmbH")
    assert firm.type == ORG and firm is holding(ents, "Vogt")


def test_a_first_word_two_firms_share_stays_apart():
    en = make_doc(("paragraph", "The bids came from Arvo Steel Ltd and from Arvo Plastics Ltd in May. Arvo declined to comment.", "en"))
    ents = entities(en)
    assert holding(ents, "Arvo Steel Ltd") is not holding(ents, "Arvo Plastics Ltd")
    assert not any(m.text == "Arvo" for e in ents for m in e.mentions if e.name in ("Arvo Steel Ltd", "Arvo Plastics Ltd"))


def test_a_polish_acronym_with_a_lower_case_i_meets_its_name():
    pl = make_doc(("paragraph", "Urząd Ochrony Rynku i Handlu wszczął postępowanie. Według UORiH decyzja zapadnie w maju.", "pl"))
    ents = entities(pl)
    assert holding(ents, "UORiH") is holding(ents, "Urząd Ochrony Rynku i Handlu")


def test_a_korean_product_after_a_cue_that_follows_another_noun():
    found = typed("회사는 2형 당뇨병 치료제 '메디로나정'에서 불순물이 나왔다고 밝혔다.")
    assert found.get("메디로나정") == PRODUCT, found


def test_slavic_genitive_prepositions_take_places_but_not_people():
    found = doc_typed("Rozmawiał z Nowakiem, a potem z Opola wrócił do Kowalskiego.", "pl")
    assert found.get("Opola") == PLACE, found
    assert found.get("Nowakiem") != PLACE and found.get("Kowalskiego") != PLACE, found
    found = doc_typed("Delegace přijela z Olomouce ve středu.", "cs")
    assert found.get("Olomouce") == PLACE, found


def test_legal_forms_after_a_name_keep_the_company_whole():
    found = doc_typed("Wykonawcą jest Torvik sp. z o.o. z siedzibą w Opolu.", "pl")
    assert found.get("Torvik sp. z o.o.") == ORG, found
    found = doc_typed("Dodavatelem je Stavon s.r.o. z Olomouce.", "cs")
    assert found.get("Stavon s.r.o.") == ORG, found
    found = doc_typed("Die Teile lieferte die Vogt Metallbau GmbH & Co. KG aus Halle.", "de")
    assert found.get("Vogt Metallbau GmbH & Co. KG") == ORG and "KG" not in found, found


def test_two_bridges_of_one_language_with_alike_names_stay_apart():
    en = make_doc(("paragraph", "The Vistra Bridge and the Vistro Bridge both closed, officials in Tarnow said.", "en"))
    ents = entities(en)
    assert holding(ents, "Vistra Bridge") is not holding(ents, "Vistro Bridge")


def test_a_german_common_noun_ending_opens_no_name():
    found = doc_typed("Bei einer Prüfung hatten Ingenieure Schäden an zwei Trägern entdeckt.", "de")
    assert not found, found
    found = doc_typed("Gesprochen hat gestern Hanna Breuer aus Halle.", "de")
    assert found.get("Hanna Breuer") == PERSON, found
