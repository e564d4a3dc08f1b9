"""Round 4 entity rules, on synthetic names only: Korean names after a role
word, Japanese companies and their Latin names (legal forms, glosses, the
name alone), and acronyms a context shows to be state bodies."""
from __future__ import annotations

from generator.extract.entities import GOV, ORG, PERSON
from tests.test_entities_extract import make_doc
from tests.test_entities_link import resolve
from tests.test_entities_round3_fixes import mentions


def typed(text: str) -> dict[str, str]:
    return {m.text: m.type for m in mentions(text)}


def entities(*docs):
    return resolve(*docs)[0]


def holding(ents, text):
    hits = [e for e in ents if any(m.text == text for m in e.mentions)]
    assert len(hits) == 1, (text, [(e.name, sorted({m.text for m in e.mentions})) for e in ents])
    return hits[0]


# 1. Korean names after a role word ------------------------------------------

def test_korean_name_after_a_role_word_without_its_particle():
    found = typed("서울 — 위원장 김도현은 3일 회견을 열었다. 대표 문서진는 반대했다. 장관 최윤호이 답했다.")
    for name in ("김도현", "문서진", "최윤호"):
        assert found.get(name) == PERSON, (name, found)
    assert not any(n.startswith(("위원장", "대표", "장관")) or n.endswith(("은", "는")) for n in found), found


def test_particles_dative_and_genitive_are_cut_and_copula_after_the_role():
    found = typed("국회의원 송하율의 발언에 대해 당대표인 남궁태오에게 물었다.")
    assert found.get("송하율") == PERSON and found.get("남궁태오") == PERSON, found


def test_a_name_ending_in_a_particle_like_syllable_stays_whole():
    found = typed("행사에는 장관 임지은, 대표 박서이가 참석했다.")
    assert found.get("임지은") == PERSON and found.get("박서이") == PERSON, found


def test_nouns_after_a_role_word_are_no_names():
    found = typed("대표 선수들이 왔다. 대표 이사회가 열렸다. 장관 이임식에서 말했다. 대표 기업인 대형사가 참여했다. "
                  "의원 정수를 줄였다. 위원장 선거에서 졌다. 장관 김구는 말했다.")
    assert not [n for n, t in found.items() if t == PERSON], found


def test_after_a_role_a_rare_surname_syllable_opens_a_noun():
    found = typed("장관 지명자가 발표했다. 대표 연설문을 읽었다. 회장 선임안이 통과됐다. 대표 이사직을 맡았다.")
    assert not [n for n, t in found.items() if t == PERSON], found


def test_a_role_that_follows_a_name_belongs_to_that_name():
    found = typed("한편 오세진 교수 연구진은 결과를 밝혔다.")
    assert found.get("오세진") == PERSON and "연구진" not in found, found


# 2. Japanese companies and their Latin names ------------------------------------

def _pair(ja_text: str, en_text: str):
    ja = make_doc(("paragraph", ja_text, "ja"), doc_id="ja")
    en = make_doc(("paragraph", en_text, "en"), doc_id="en")
    return entities(ja, en)


def test_legal_form_company_meets_its_romanised_name_in_a_source_about_japan():
    for ja_text in ("株式会社晴嵐は3日、新型電池を発表した。", "晴嵐株式会社は3日、新型電池を発表した。"):
        ents = _pair(ja_text, "Japan's Seiran Corp. said on Tuesday it would recall battery units.")
        texts = {m.text for m in holding(ents, "Seiran Corp").mentions}
        assert any("晴嵐" in t for t in texts), texts


def test_legal_form_alone_needs_a_source_that_speaks_of_japan():
    ents = _pair("晴嵐株式会社は3日、新型電池を発表した。", "The battery maker Seiran Corp. said on Tuesday it would recall units.")
    assert {m.text for m in holding(ents, "Seiran Corp").mentions} == {"Seiran Corp"}


def test_japan_named_far_from_the_latin_name_is_no_evidence():
    en_text = ("Japanese shares rose on Tuesday as investors weighed the outlook for exporters and the yen. "
               "Markets elsewhere were calm, and bond yields barely moved in quiet trading across the region. "
               "Separately, the battery maker Seiran Corp. said it would recall units.")
    ents = _pair("晴嵐株式会社は3日、新型電池を発表した。", en_text)
    assert {m.text for m in holding(ents, "Seiran Corp").mentions} == {"Seiran Corp"}


def test_two_legal_form_companies_leave_the_latin_name_alone():
    ents = _pair("晴嵐株式会社と光輪株式会社は3日、新型電池を発表した。",
                 "Japan's Seiran Corp. said on Tuesday it would recall battery units.")
    assert {m.text for m in holding(ents, "Seiran Corp").mentions} == {"Seiran Corp"}


def test_a_company_word_in_katakana_after_a_kanji_name_meets_the_latin_name():
    ents = _pair("晴嵐ホールディングスは3日、新型電池を発表した。", "Seiran Holdings said on Tuesday it would recall units.")
    assert {"晴嵐ホールディングス", "Seiran Holdings"} <= {m.text for m in holding(ents, "Seiran Holdings").mentions}


def test_a_non_romaji_latin_name_is_not_met():
    ents = _pair("晴嵐株式会社は3日、新型電池を発表した。", "Japan's Strand Corp. said on Tuesday it would recall units.")
    assert {m.text for m in holding(ents, "Strand Corp").mentions} == {"Strand Corp"}


def test_a_parenthetical_latin_gloss_names_a_bare_kanji_name():
    ents = _pair("電池大手の晴嵐（Seiran）は3日、新型電池を発表した。", "Seiran Corp said on Tuesday it would recall units.")
    texts = {m.text for m in holding(ents, "晴嵐").mentions}
    assert "Seiran" in texts and "大手の晴嵐" not in texts, texts


def test_acronyms_and_foreign_words_in_parentheses_gloss_no_kanji_name():
    found = typed("同社は人工知能（AI）の開発を進め、新型車（Velta）を発表した。")
    assert "人工知能" not in found and "新型車" not in found, found


def test_the_name_alone_and_before_sha_after_a_legal_form_is_the_company():
    ja = make_doc(("paragraph", "株式会社晴嵐は3日、新型電池を発表した。晴嵐社の社長は語った。晴嵐は来年も続ける。"
                   "晴嵐自動車とは別の会社で、晴嵐座も関係ない。", "ja"), doc_id="ja")
    ents = entities(ja)
    company = holding(ents, "株式会社晴嵐")
    assert [m.text for m in company.mentions].count("晴嵐") == 2, [m.text for m in company.mentions]
    assert all(m.text != "晴嵐" for e in ents if e is not company for m in e.mentions)


def test_a_chinese_namesake_with_a_legal_form_stays_apart():
    ja = make_doc(("paragraph", "晴嵐株式会社は3日、新型電池を発表した。", "ja"), doc_id="ja")
    zh = make_doc(("paragraph", "据报道，晴岚有限公司3日宣布扩产。", "zh"), doc_id="zh")
    ents = entities(ja, zh)
    assert {m.text for m in holding(ents, "晴嵐株式会社").mentions} == {"晴嵐株式会社"}


# 3. Acronyms of state bodies ------------------------------------------------------

def test_acronym_after_a_state_body_noun_is_government():
    assert typed("Officials said the drug agency QMV ordered a recall on Monday.").get("QMV") == GOV
    assert typed("O órgão de defesa do consumidor Pradec-RJ notificou a empresa.").get("Pradec-RJ") == GOV
    assert typed("Officials said QMV, the country's drug regulator, ordered a recall.").get("QMV") == GOV


def test_private_agencies_and_possessives_are_no_state_cue():
    found = typed("Officials said the news agency QMV reported it. A agência de notícias LZB informou. "
                  "Officials told XRT, the agency's parent, that it was over.")
    assert found.get("QMV") == ORG and found.get("LZB") == ORG and found.get("XRT") == ORG, found


def test_a_clause_naming_a_regulator_after_an_acronym_is_no_apposition():
    found = typed("Analysts noted that QMV, which the regulator fined last year, lost customers. "
                  "Traders said ZKT, the company the agency fined, would appeal.")
    assert found.get("QMV") == ORG and found.get("ZKT") == ORG, found


def test_acronym_with_a_region_suffix_abbreviates_a_state_body():
    doc = make_doc(("paragraph", "A Secretaria de Saúde (SPV-RJ) notificou a empresa na sexta-feira."))
    body = holding(entities(doc), "SPV-RJ")
    assert body.type == GOV and "Secretaria de Saúde" in {m.text for m in body.mentions}


def test_a_body_named_for_control_or_inspection_is_a_state_body_with_its_acronym():
    doc = make_doc(("paragraph", "Officials at the Varnic Medicines Standard Control Organisation (VMSCO) said they "
                    "would inspect the plant. The Arms Control Association disagreed."))
    ents = entities(doc)
    body = holding(ents, "VMSCO")
    assert body.type == GOV and "Varnic Medicines Standard Control Organisation" in {m.text for m in body.mentions}
    assert holding(ents, "Arms Control Association").type == ORG
