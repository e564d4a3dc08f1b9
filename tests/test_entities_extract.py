"""Rules of generator.extract.entities on small synthetic documents."""
from generator.extract.entities import find_mentions, context_of, HEADING_CTX, LABEL, PROSE
from generator.model import Block, Document, Metadata


def make_doc(*blocks, doc_id="d1"):
    """blocks: (kind, text) or (kind, text, lang); joined like cleaning does."""
    out, parts, offset = [], [], 0
    for spec in blocks:
        kind, text = spec[0], spec[1]
        lang = spec[2] if len(spec) > 2 else ""
        if parts:
            offset += 2
        rows = tuple(tuple(r.split(" | ")) for r in text.split("\n")) if kind == "table" else ()
        out.append(Block(kind=kind, text=text, lang=lang, rows=rows, start=offset, end=offset + len(text)))
        parts.append(text)
        offset += len(text)
    return Document(id=doc_id, file=doc_id + ".txt", content_hash="x", metadata=Metadata(),
                    blocks=tuple(out), text="\n\n".join(parts))


def found(doc):
    return {(m.text, m.type) for m in find_mentions(doc)}


def test_offsets_are_exact_and_sorted():
    doc = make_doc(("paragraph", "Yesterday Boeing said Karel Vondra met officials in Oslo."),
                   ("paragraph", "波音公司在北京表示。"))
    mentions = find_mentions(doc)
    assert mentions
    assert all(doc.text[m.start:m.end] == m.text for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_role_before_name_is_cut_and_person_typed():
    doc = make_doc(("paragraph", "The deal was signed by Boeing CEO Karel Vondra on a rainy day."))
    got = found(doc)
    assert ("Boeing", "organization") in got
    assert ("Karel Vondra", "person") in got
    assert not any("CEO" in text for text, _ in got)


def test_article_and_possessive_are_not_part_of_the_name():
    doc = make_doc(("paragraph", "Officials at the Kremlin praised Boeing's new plan."))
    texts = {m.text for m in find_mentions(doc)}
    assert "Kremlin" in texts and "Boeing" in texts
    assert not any(t.startswith("the ") or t.endswith("'s") for t in texts)


def test_versioned_product_names_are_products_and_not_joined_by_and():
    doc = make_doc(("paragraph", "Engineers tested Zephyr 4 and Zephyr 4.5 Turbo against Quill 2 last week."))
    got = found(doc)
    assert ("Zephyr 4", "product") in got
    assert ("Zephyr 4.5 Turbo", "product") in got
    assert ("Quill 2", "product") in got
    assert not any(" and " in text for text, _ in got)


def test_country_plus_government_word_is_a_government():
    doc = make_doc(("paragraph", "Critics said the Japanese plan and the Japan government response differ."))
    got = found(doc)
    assert ("Japan government", "government") in got
    assert not any(text == "Japanese" for text, _ in got)   # demonym, not an entity


def test_country_before_state_body_is_one_government_mention():
    doc = make_doc(("paragraph", "A letter from the U.K. Home Office arrived."))
    assert ("U.K. Home Office", "government") in found(doc)


def test_headings_labels_and_ui_words_are_not_indexed():
    doc = make_doc(("heading", "Key Data"),
                   ("paragraph", "Share"),
                   ("list", "Proactive Monitoring: Watch the logs daily.\nFallback Plans: Keep spares."),
                   ("paragraph", "Deep Analysis"),
                   ("paragraph", "On Monday in March the firm grew."))
    texts = {m.text for m in find_mentions(doc)}
    for word in ("Key Data", "Share", "Proactive Monitoring", "Fallback Plans", "Deep Analysis",
                 "Monday", "March", "On"):
        assert word not in texts


def test_common_acronyms_are_not_entities():
    doc = make_doc(("paragraph", "The AI lab hired a new CEO and bought GPUs for its LLM work."))
    assert not {m.text for m in find_mentions(doc)} & {"AI", "CEO", "GPUs", "LLM"}


def test_chinese_gazetteer_and_dot_names():
    doc = make_doc(("paragraph", "据报道,微软首席执行官约翰·卡特向克里姆林宫和英国政府提交了报告。", "zh"))
    got = found(doc)
    assert ("微软", "organization") in got
    assert ("约翰·卡特", "person") in got
    assert ("克里姆林宫", "government") in got
    assert ("英国政府", "government") in got


def test_chinese_role_after_country_is_not_a_ministry():
    doc = make_doc(("paragraph", "他向日本财政部长提交了报告。", "zh"))
    got = found(doc)
    assert ("日本", "place") in got
    assert not any(text.startswith("日本财政部") for text, _ in got)


def test_context_kinds():
    doc = make_doc(("heading", "Boeing News"),
                   ("list", "Zephyr Plans: Boeing will build it."),
                   ("paragraph", "Yesterday Boeing said so."))
    h = doc.text.index("Boeing")
    assert context_of(doc, h, h + 6) == HEADING_CTX
    label = doc.text.index("Zephyr")
    assert context_of(doc, label, label + 6) == LABEL
    mid = doc.text.rindex("Boeing")
    assert context_of(doc, mid, mid + 6) == PROSE


def test_noun_capitalising_language_needs_more_than_a_capital():
    doc = make_doc(("paragraph", "Bundeskanzler Karel Vondra sagte, die Regierung wolle die Wirtschaft stärken. "
                                 "Das bestätigte Vondra am Abend.", "de"))
    texts = {m.text for m in find_mentions(doc)}
    assert "Karel Vondra" in texts and "Vondra" in texts
    assert not texts & {"Regierung", "Wirtschaft", "Abend"}


def test_french_elision_is_not_part_of_the_name():
    doc = make_doc(("paragraph", "Le ministre a visité l'Allemagne et l'Élysée hier.", "fr"))
    texts = {m.text for m in find_mentions(doc)}
    assert "Allemagne" in texts and "Élysée" in texts


def test_korean_gazetteer_government_and_person_before_role():
    doc = make_doc(("paragraph", "일본 정부는 지난주 윤민수 대통령과 회담했다. 한국은 인도네시아와 협력한다.", "ko"))
    got = found(doc)
    assert ("일본 정부", "government") in got
    assert ("윤민수", "person") in got
    assert ("인도네시아", "place") in got


def test_unknown_name_after_in_at_clause_end_is_a_place():
    doc = make_doc(("paragraph", "Ministers held talks in Tbilisi on Monday, and Zanotti Labs invested in Kestrel."))
    got = found(doc)
    assert ("Tbilisi", "place") in got
    assert ("Kestrel", "place") not in got


def test_japanese_name_before_title():
    doc = make_doc(("paragraph", "日本の山田太郎首相は米国のスミス大統領と会談した。", "ja"))
    got = found(doc)
    assert ("山田太郎", "person") in got and ("スミス", "person") in got
    assert ("日本", "place") in got


def test_chinese_name_with_surname_before_speech_verb():
    doc = make_doc(("paragraph", "发言人王明表示，李华会见了法国总统。", "zh"))
    got = found(doc)
    assert ("王明", "person") in got and ("李华", "person") in got
    assert ("法国", "place") in got


def test_dictionary_names_in_chinese_and_dateline_guard():
    doc = make_doc(("paragraph", "新华社柏林3月5日电 俾斯麦在会上表示反对。", "zh"))
    got = found(doc)
    assert ("俾斯麦", "person") in got
    assert ("柏林", "place") in got
    assert not any(text == "日电" for text, _ in got)
