"""One-character country names only in Japanese; a live blog's time stamp opens a sentence."""
from __future__ import annotations

from generator.clean import clean
from generator.extract.entities import find_mentions
from generator.model import RawText


def names(text: str) -> list[str]:
    raw = RawText(file="x.txt", text="Headline\n\n" + text, format="text", encoding="utf-8", content_hash="0")
    return [m.text for m in find_mentions(clean(raw, "x"))]


def test_one_character_country_name_in_japanese():
    assert "米" in names("日米首脳会談で、米国と日本は合意した。")


def test_the_same_character_in_chinese_is_a_metre_or_rice():
    found = names("北京6月3日电 某市气象台3日发布暴雨红色预警，预计未来24小时降雨量将达到200毫米。"
                  "市政府表示，全市中小学停课一天。当地大米价格上涨，河水上涨了3米。")
    assert "米" not in found


def test_a_capitalised_word_after_a_live_blog_time_stamp_is_sentence_initial():
    # Sentence-initial, a common noun's capital is no evidence of a name (the
    # link stage keeps such a word only if it is capitalised elsewhere too).
    raw = RawText(file="x.txt", text="Storm live\n\n13:45 Ferry services between the islands were cancelled, "
                  "the operator said.\n\n12:30 GMT - Schools in the region will stay closed on Tuesday.\n",
                  format="text", encoding="utf-8", content_hash="0")
    contexts = {m.text: m.context for m in find_mentions(clean(raw, "x"))}
    assert contexts.get("Ferry", "initial") == "initial" and contexts.get("Schools", "initial") == "initial"
