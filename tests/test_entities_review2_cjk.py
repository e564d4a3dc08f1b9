"""Second reader review of the entity index: CJK people and companies,
katakana spellings of foreign names, datelines, roles in the script of the
source, and the CC-CEDICT table. Every name here is made up."""
from __future__ import annotations

from generator.extract.entities import (PERSON, ORG, PLACE, cedict_names, cjk_candidates, find_mentions,
                                        latin_candidates, lexicon)
from generator.link.entities import kana_sounds, latin_sounds
from tests.test_entities_extract import make_doc
from tests.test_entities_link import entity_with, resolve


def found(text: str, typ: str | None = None) -> list[str]:
    return [text[c.start:c.end] for c in cjk_candidates(text, lexicon()) if typ is None or c.type == typ]


def latin(text: str) -> dict[str, str]:
    return {text[c.start:c.end]: c.type for c in latin_candidates(text, lexicon())}


# --- Chinese people: a family name between a role and a speech verb --------------------

def test_chinese_name_after_a_role_and_before_a_speech_verb_is_a_person():
    assert found("交通部副部长邱明远表示将加快审批。", PERSON) == ["邱明远"]
    assert found("据报道，蒋立言指出，市场仍然疲软。", PERSON) == ["蒋立言"]


def test_managers_and_vice_presidents_are_roles_before_chinese_names():
    assert found("项目经理钱志刚表示，工程将按期完成。", PERSON) == ["钱志刚"]
    assert found("该行副总裁祝一帆指出，风险可控。", PERSON) == ["祝一帆"]


def test_chinese_name_after_a_role_may_end_at_a_particle_or_punctuation():
    assert found("部长韩松在会上发言。", PERSON) == ["韩松"]
    assert found("董事长邵子航，今日出席。", PERSON) == ["邵子航"]


def test_chinese_name_before_a_role_in_parentheses_is_a_person():
    assert found("邹天翔（星湾集团总裁）出席了会议。", PERSON) == ["邹天翔"]


def test_words_opening_with_a_family_name_character_are_not_people():
    assert found("公司高管表示，方面表示不满。", PERSON) == []
    assert found("周末表示放假。", PERSON) == []
    # "向" is a family name and a preposition: "向美国..." names a country, not 向美国
    assert "向美国" not in found("首席执行官向美国财政部长提出担忧。")


def test_a_one_character_speech_verb_is_not_a_given_name():
    assert found("外交部发言人毛思远说，中方反对。", PERSON) == ["毛思远"]
    assert found("外交部发言人毛宁说，中方反对。", PERSON) == ["毛宁"]


def test_frequent_words_jieba_tags_as_names_are_not_people():
    assert found("岳父说", PERSON) == [] and found("柳树表示", PERSON) == []


def test_without_a_role_before_it_a_name_needs_a_speech_verb_after_it():
    assert found("他们和江海洋一起吃饭。", PERSON) == []


# --- Chinese companies: a proper noun before a company word -------------------------------

def test_chinese_company_names_before_a_company_word():
    text = "澜晟集团3日宣布，与明禾银行签署协议。"
    assert found(text, ORG) == ["澜晟集团", "明禾银行"]


def test_generic_company_phrases_are_not_names():
    assert found("一家科技公司表示", ORG) == []
    assert found("国有银行和商业银行", ORG) == []
    assert found("该集团表示", ORG) == []


def test_a_chinese_company_meets_its_pinyin_name():
    doc = make_doc(("paragraph", "Lansheng Group said on Monday it would build a plant.", "en"),
                   ("paragraph", "澜晟集团周一宣布将建设新工厂。", "zh"))
    entities, _ = resolve(doc)
    assert entity_with(entities, "澜晟集团") is entity_with(entities, "Lansheng Group")


# --- Japanese people: known family names, titles, statements -----------------------------

def test_japanese_minister_title_after_a_name():
    assert found("小松原悠外相は会見した。", PERSON) == ["小松原悠"]
    assert found("木村悠経済産業相は「協力する」と述べた。", PERSON) == ["木村悠"]


def test_known_japanese_family_name_before_a_title_or_a_statement():
    assert found("同社の村田恭平部長は会見した。", PERSON) == ["村田恭平"]
    assert found("松尾拓海は「問題はない」と語った。", PERSON) == ["松尾拓海"]


def test_company_and_place_names_before_titles_are_not_people():
    assert found("千葉県知事は述べた。", PERSON) == []
    assert found("小林製薬は「調査中」と述べた。", PERSON) == []


def test_departments_and_deictic_words_before_titles_are_not_people():
    assert found("営業部長は会見した。", PERSON) == []
    assert found("林業部長は会見した。", PERSON) == []        # 林 is a family name, 林業 forestry
    assert found("同国外相が来日した。", PERSON) == []


def test_a_kanji_name_meets_the_latin_spelling_of_its_family_name():
    doc = make_doc(("paragraph", "President Haruto Kimura said the plant would reopen.", "en"),
                   ("paragraph", "木村陽翔社長は工場を再開すると述べた。", "ja"))
    entities, _ = resolve(doc)
    assert entity_with(entities, "木村陽翔") is entity_with(entities, "Haruto Kimura")


def test_a_kanji_name_stays_apart_when_two_latin_names_share_its_family_name():
    doc = make_doc(("paragraph", "President Haruto Kimura and analyst Sora Kimura spoke.", "en"),
                   ("paragraph", "木村陽翔社長は工場を再開すると述べた。", "ja"))
    entities, _ = resolve(doc)
    kanji = entity_with(entities, "木村陽翔")
    assert kanji is not entity_with(entities, "Haruto Kimura") and kanji is not entity_with(entities, "Sora Kimura")


# --- katakana and Latin spellings of foreign names ----------------------------------------

def test_katakana_consonants_match_the_latin_spelling():
    assert kana_sounds("スミス") in latin_sounds("Smith")
    assert kana_sounds("エジャートン") in latin_sounds("Egerton")
    assert kana_sounds("トンプソン") in latin_sounds("Thompson")
    assert kana_sounds("カリスター") in latin_sounds("Callister")
    assert kana_sounds("カリスター") not in latin_sounds("Carlisle")


def test_a_katakana_full_name_meets_the_latin_name():
    doc = make_doc(("paragraph", "Analyst Gideon Hallworth said prices would rise.", "en"),
                   ("paragraph", "アナリストのギデオン・ハルワース氏は「価格は上がる」と指摘した。", "ja"))
    entities, _ = resolve(doc)
    assert entity_with(entities, "ギデオン・ハルワース") is entity_with(entities, "Gideon Hallworth")


def test_a_katakana_name_with_too_few_consonants_stays_apart():
    doc = make_doc(("paragraph", "Analyst Tom Rae said prices would rise.", "en"),
                   ("paragraph", "レイ氏は「価格は上がる」と指摘した。", "ja"))
    entities, _ = resolve(doc)
    assert entity_with(entities, "レイ") is not entity_with(entities, "Tom Rae")


def test_katakana_place_names_do_not_match_inside_longer_katakana_words():
    assert found("英ブライトウォーター・マリタイムのアナリスト", PLACE) == []


# --- Latin names around roles --------------------------------------------------------------

def test_a_family_name_that_is_a_town_stays_in_the_name_after_a_role():
    assert latin("The trade minister Hana Yamaguchi welcomed the deal.")["Hana Yamaguchi"] == PERSON
    assert latin("Minister Hana Yamaguchi spoke.")["Hana Yamaguchi"] == PERSON
    assert "Yamaguchi" in latin("The minister flew to Osaka and Yamaguchi.")


def test_a_pinyin_family_name_that_is_a_stop_word_opens_the_name_after_a_role():
    assert latin("The bank will lend, its spokeswoman He Wanqing said.")["He Wanqing"] == PERSON
    assert "He Wanqing" not in latin("The analyst said He Wanqing was right.")


def test_vice_is_part_of_the_role():
    doc = make_doc(("paragraph", "Vice Minister Karel Vondra spoke on Tuesday.", "en"))
    entities, _ = resolve(doc)
    assert "Vice Minister" in entity_with(entities, "Karel Vondra").roles


# --- datelines ------------------------------------------------------------------------------

def test_a_town_in_a_dateline_is_a_place():
    text = "Quarrendon, Dec 3 (Coastwire) - Dock workers walked off the job on Tuesday, the union said."
    assert latin(text)["Quarrendon"] == PLACE


def test_a_town_named_only_in_a_dateline_is_kept_as_a_place():
    doc = make_doc(("paragraph", "Quarrendon, Dec 3 (Coastwire) - Dock workers walked off the job on Tuesday.", "en"))
    entities, _ = resolve(doc)
    town = entity_with(entities, "Quarrendon")
    assert town.type == PLACE
    assert "Dock" not in {e.name for e in entities}


def test_dateline_variants_and_a_headline_dash():
    assert latin("Quarrendon (Coastwire) — Talks collapsed on Tuesday.")["Quarrendon"] == PLACE
    assert latin("Quarrendon, 3 Dec - Talks collapsed on Tuesday.")["Quarrendon"] == PLACE
    assert latin("Brenlow - the company that makes boats - said on Tuesday it would cut jobs.").get("Brenlow") != PLACE


# --- roles in the script of the source -----------------------------------------------------

def test_a_chinese_role_names_its_organisation_as_the_chinese_source_writes_it():
    doc_en = make_doc(("paragraph", "Lansheng Group said on Monday it would build a plant. Chairman Qiu Mingyuan said so.", "en"),
                      doc_id="en")
    doc_zh = make_doc(("paragraph", "澜晟集团董事长邱明远表示，将建设新工厂。", "zh"), doc_id="zh")
    entities, _ = resolve(doc_en, doc_zh)
    person = entity_with(entities, "邱明远")
    assert person is entity_with(entities, "Qiu Mingyuan")
    assert "董事长, 澜晟集团" in person.roles and "董事长, Lansheng Group" not in person.roles


# --- CC-CEDICT table --------------------------------------------------------------------------

def test_cedict_table_types_names_with_every_latin_organisation_suffix():
    from generator.extract.entities import _gloss_org_suffixes
    assert "appliances" in _gloss_org_suffixes() and "group" in _gloss_org_suffixes()


def test_cedict_table_has_cities_named_by_their_rank():
    names = cedict_names()
    assert names.get("宁波", ("", ""))[1] == PLACE


def test_cedict_city_rule_leaves_common_words_and_counties_out():
    from generator.extract.entities import _cedict_city
    cues = {"place_ranks": ["prefecture-level city", "subprovincial city"]}
    assert _cedict_city("澜州", "Lanzhou prefecture-level city in Gansu", cues) == ("Lanzhou", PLACE)
    assert _cedict_city("澜县", "Lanxian county in Gansu", cues) is None
    assert _cedict_city("方面", "Fangmian prefecture-level city", cues) is None     # jieba: a common noun
