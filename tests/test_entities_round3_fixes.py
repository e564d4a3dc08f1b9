"""Round 3 entity fixes, on synthetic names only: emphasis inside a name,
Japanese company names, Japanese people's addresses, repeated context
sentences, lower-case particles opening no name, generic CJK nouns before a role."""
from __future__ import annotations

import hashlib

from generator.clean import clean
from generator.extract.entities import find_mentions
from generator.link.entities import resolve_entities
from generator.model import RawText
from tests.test_entities_extract import make_doc


def mentions(text: str, file: str = "x.txt", fmt: str = "text"):
    raw = RawText(file=file, text="Headline\n\n" + text, format=fmt, encoding="utf-8", content_hash="0")
    return find_mentions(clean(raw, "x"))


def names(text: str, **kw) -> list[str]:
    return [m.text for m in mentions(text, **kw)]


def resolve(*docs):
    return resolve_entities(list(docs), {d.id: find_mentions(d) for d in docs})[0]


# 1. "**Calvere** Grid": emphasis on part of a name -------------------------

def test_bold_first_word_keeps_the_whole_name():
    found = names("Prices rose again this winter.\n\n**Calvere** Grid said on Monday that it would raise "
                  "tariffs for the second time this year.", file="x.md", fmt="markdown")
    assert "Calvere Grid" in found and "Calvere" not in found and "Grid" not in found


def test_bold_last_word_and_underscores_keep_the_whole_name():
    found = names("Analysts said that Morvane **Energy** would follow, and that __Pelloway__ Systems "
                  "would not.", file="x.md", fmt="markdown")
    assert "Morvane Energy" in found and "Pelloway Systems" in found


def test_emphasis_between_a_name_and_a_lower_case_word_joins_nothing():
    found = names("Officials said **Calvere** would not comment on the plan.", file="x.md", fmt="markdown")
    assert "Calvere" in found


# 2. Japanese company names -------------------------------------------------

def test_japanese_company_names_before_company_words():
    text = ("東京発。中国の澄嶺集団と合弁で、蒼星海運は3日に新会社を設立した。" "北辰重自動車の株価は下落した。"
            "カルベラ・ホールディングスの社長は会見した。株式会社澄空は出資する。")
    found = names(text)
    for name in ("澄嶺集団", "蒼星海運", "カルベラ・ホールディングス", "株式会社澄空"):
        assert name in found, (name, found)


def test_a_legal_form_after_a_company_word_belongs_to_the_name():
    assert "蒼星自動車株式会社" in names("蒼星自動車株式会社は3日、新型車を発表した。")


def test_japanese_common_nouns_are_no_company_names():
    found = names("電気自動車の販売は伸びた。同社によると、自動車各社は値上げした。中央銀行は利上げを決めた。"
                  "自動車は売れている。")
    assert not any(n.endswith(("自動車", "銀行")) for n in found), found
    assert "同社" not in found


def test_japanese_company_meets_its_chinese_twin_and_romanised_name():
    ja = make_doc(("paragraph", "明光海運は3日、中国の企業と合弁会社を設立すると発表した。", "ja"), doc_id="ja")
    zh = make_doc(("paragraph", "据报道，明光海运3日宣布成立合资公司。", "zh"), doc_id="zh")
    en = make_doc(("paragraph", "Japan's Meiko Shipping and a Chinese partner said on Wednesday they would "
                   "form a joint venture.", "en"), doc_id="en")
    entities = resolve(ja, zh, en)
    shipping = [e for e in entities if any(m.text == "明光海運" for m in e.mentions)]
    assert len(shipping) == 1
    texts = {m.text for m in shipping[0].mentions}
    assert {"明光海運", "明光海运", "Meiko Shipping"} <= texts, texts


# 3. A Japanese person's address is not Mandarin pinyin ---------------------

def test_japanese_person_slug_uses_the_family_name_romaji():
    ja = make_doc(("paragraph", "佐藤凛社長は3日、記者会見で新しい計画を発表した。", "ja"), doc_id="ja")
    people = [e for e in resolve(ja) if e.name == "佐藤凛"]
    assert people and people[0].id.startswith("sato-"), [e.id for e in people]
    assert people[0].id == "sato-" + hashlib.sha1("佐藤凛".encode()).hexdigest()[:8]


def test_japanese_given_name_in_kana_is_romanised():
    from generator.link.entities import _japanese_slug
    assert _japanese_slug("佐藤ミナ") == "sato-mina"
    assert _japanese_slug("佐藤みな") == "sato-mina"
    assert _japanese_slug("蒼井凛").startswith("e-")          # unknown family name: hashed, never pinyin


def test_chinese_person_keeps_the_pinyin_slug():
    zh = make_doc(("paragraph", "公司董事长王大明表示，公司将扩大生产。", "zh"), doc_id="zh")
    people = [e for e in resolve(zh) if e.name == "王大明"]
    assert people and people[0].id == "wang-da-ming"


# 4. A sentence a source repeats is listed once -----------------------------

def _shown_sentences(*docs):
    from generator.render_entities import _shown_mentions
    entities = resolve(*docs)
    grid = next(e for e in entities if e.name == "Calvere Grid")
    by_id = {d.id: d for d in docs}
    shown, _ = _shown_mentions(grid, [m.source for m in grid.mentions], by_id)
    return grid, [grid.mentions[i] for i in shown]


def test_a_sentence_a_source_repeats_gets_one_row_on_the_entity_page():
    sentence = "Calvere Grid raised its tariffs on Monday."
    doc = make_doc(("paragraph", sentence), ("paragraph", "Other news followed."), ("paragraph", sentence))
    other = make_doc(("paragraph", sentence), doc_id="d2")
    grid, shown = _shown_sentences(doc, other)
    assert len(grid.mentions) == 3                 # every mention stays on the entity
    assert sorted(m.source for m in shown) == ["d1", "d2"]


def test_different_sentences_are_all_shown():
    doc = make_doc(("paragraph", "Calvere Grid raised its tariffs. Calvere Grid also cut jobs."))
    grid, shown = _shown_sentences(doc)
    assert len(shown) == len(grid.mentions) == 2


# 5. A lower-case particle opens no name ------------------------------------

def test_lower_case_particle_left_after_a_common_word_opens_no_name():
    found = names("Medicamento da Laboratórios Pelvane é usado por cerca de um milhão de pacientes. "
                  "O medicamento não deve ser interrompido.")
    assert not any(n.startswith(("da ", "de ", "do ")) for n in found), found
    assert "Laboratórios Pelvane" in found


def test_particles_inside_a_name_stay():
    found = names("Investigadores do Instituto de Medicina Tropical disseram que o estudo terminou.")
    assert any("de Medicina" in n for n in found), found


# 6. A generic noun before a role is no name --------------------------------

def test_korean_generic_noun_before_a_role_is_no_entity():
    found = names("노조 위원장 김하늘은 3일 기자회견을 열었다. 회사 대표는 답하지 않았다.")
    assert "노조" not in found and "회사" not in found


def test_japanese_and_chinese_generic_nouns_are_no_entity():
    assert "組合" not in names("組合委員長は3日、会見した。会社社長も出席した。")
    found = names("工会主席表示，公司董事长将出席会议。")
    assert "工会" not in found and "公司" not in found


def test_a_korean_name_before_a_role_is_still_found():
    assert "박서진" in names("박서진 위원장은 3일 기자회견을 열었다.")


def test_a_japanese_company_already_met_by_its_katakana_reading_takes_no_other_latin_name():
    ja = make_doc(("paragraph", "カルベラ自動車は3日、新型車を発表した。", "ja"), doc_id="ja")
    en = make_doc(("paragraph", "Carbera said on Tuesday that rival Hokuto Motor would follow.", "en"), doc_id="en")
    entities = resolve(ja, en)
    hokuto = [e for e in entities if any(m.text == "Hokuto Motor" for m in e.mentions)]
    assert hokuto and not any(m.text == "カルベラ自動車" for m in hokuto[0].mentions)


def test_two_japanese_companies_with_one_company_word_meet_no_latin_name():
    ja = make_doc(("paragraph", "北斗自動車と南光自動車は3日、提携を発表した。", "ja"), doc_id="ja")
    en = make_doc(("paragraph", "Hokuto Motor said on Tuesday it would cut prices.", "en"), doc_id="en")
    entities = resolve(ja, en)
    hokuto = next(e for e in entities if any(m.text == "Hokuto Motor" for m in e.mentions))
    assert {m.text for m in hokuto.mentions} == {"Hokuto Motor"}


def test_a_bold_label_word_before_a_name_joins_nothing():
    found = names("Prices rose.\n\n**Breaking** Calvere Grid said on Monday that it would raise tariffs.",
                  file="x.md", fmt="markdown")
    assert "Calvere Grid" in found and not any(n.startswith("Breaking ") for n in found), found
