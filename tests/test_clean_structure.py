"""Unit tests for clean/structure.py on small synthetic texts."""
from generator.clean import languages, structure
from generator.clean.state import CleanState, lines_from_text


def run(text: str) -> CleanState:
    state = CleanState(lines=lines_from_text(text, "text"))
    for rule in (*languages.RULES, *structure.RULES):
        rule(state)
    return state


def kinds(state: CleanState) -> list[str]:
    return [line.kind for line in state.lines]


PARA = "The council approved the budget after a long debate on Tuesday evening."


def test_bullets_make_one_list_without_markers():
    state = run("Highlights\n• First point here.\n• Second point here.\n• Third point.")
    assert kinds(state) == ["heading", "list"]
    assert state.lines[1].items == ("First point here.", "Second point here.", "Third point.")
    assert state.lines[1].ordered is False


def test_numbered_markers_make_ordered_lists():
    for text in ["1. Alpha\n2. Beta", "1) Alpha\n2) Beta", "（1）Alpha\n（2）Beta", "① Alpha\n② Beta"]:
        state = run(text)
        assert kinds(state) == ["list"], text
        assert state.lines[0].items == ("Alpha", "Beta")
        assert state.lines[0].ordered


def test_label_colon_item_stays_whole():
    state = run("- Early Warning: watch the logs every day.\n- Backups: keep three copies.")
    assert state.lines[0].items[0] == "Early Warning: watch the logs every day."


def test_year_at_line_start_is_not_a_list():
    state = run("2024. That was the year the river flooded the town.")
    assert kinds(state) == ["paragraph"]


def test_labelled_qa_pairs():
    state = run("Q: Why is the bridge closed?\nA: Repairs started in May.\n\n"
                "问：桥为什么关闭？\n答：五月开始维修。\n\nQ1. When will it reopen?\nA1. In autumn.")
    assert kinds(state) == ["qa", "qa", "qa"]
    assert state.lines[0].items == ("Why is the bridge closed?", "Repairs started in May.")
    assert state.lines[1].items == ("桥为什么关闭？", "五月开始维修。")
    assert state.lines[2].items == ("When will it reopen?", "In autumn.")


def test_question_without_answer_is_not_qa():
    state = run("Q: Why is the bridge closed?\n\n" + PARA)
    assert "qa" not in kinds(state)


def test_faq_section_questions_become_qa():
    text = ("Frequently Asked Questions\n\nWhy is the bridge closed?\n\nRepairs started in May.\n\n"
            "Who pays for it?\n\nThe regional government pays.")
    state = run(text)
    assert kinds(state) == ["heading", "qa", "qa"]
    assert state.lines[2].items == ("Who pays for it?", "The regional government pays.")


def test_questions_outside_faq_stay_paragraphs():
    state = run("Background\n\nWhy is the bridge closed?\n\nRepairs started in May.")
    assert "qa" not in kinds(state)


def test_cjk_table_keeps_parenthetical_alias_together():
    text = ("核心数据\n\n名称 角色 说明\n约翰·史密斯 (John Smith) 公司CEO 向市政府提交了报告\n"
            "Globex 模型开发商 两款模型被暂停\n市政府 监管机构 发布了禁令")
    state = run(text)
    table = [line for line in state.lines if line.kind == "table"]
    assert len(table) == 1
    assert table[0].rows == (("名称", "角色", "说明"),
                             ("约翰·史密斯 (John Smith)", "公司CEO", "向市政府提交了报告"),
                             ("Globex", "模型开发商", "两款模型被暂停"),
                             ("市政府", "监管机构", "发布了禁令"))
    assert table[0].lang == "zh"


def test_cjk_row_with_latin_name_cell_uses_document_evidence():
    text = ("Globex 的新模型被暂停。\n\n名称 角色 说明\nGlobex AI模型开发商 Orion 7模型被暂停\n"
            "市政府 监管机构 发布了禁令")
    state = run(text)
    table = [line for line in state.lines if line.kind == "table"][0]
    assert table.rows[1] == ("Globex", "AI模型开发商", "Orion 7模型被暂停")


LATIN_TABLE = ("Acme Corp said on Monday that Jane Doe will lead it. Globex Labs agreed.\n\n"
               "Company Key Role Notes\n"
               "Acme Corp Builds rockets for export markets. -\n"
               "Jane Doe Chief executive since last year. -\n"
               "Globex Labs Supplies the engines. -\n\n" + PARA)


def test_latin_table_with_evidence_is_rebuilt():
    state = run(LATIN_TABLE)
    table = [line for line in state.lines if line.kind == "table"]
    assert len(table) == 1
    assert table[0].rows[0] == ("Company", "Key Role", "Notes")
    assert table[0].rows[1] == ("Acme Corp", "Builds rockets for export markets.", "-")
    assert table[0].rows[2] == ("Jane Doe", "Chief executive since last year.", "-")


def test_ambiguous_latin_table_falls_back_to_list():
    # "Mary Major Port Authority" has no evidence for where the name ends.
    text = LATIN_TABLE.replace("Globex Labs Supplies the engines. -",
                               "Mary Major Port Authority Board Member. -")
    state = run(text)
    assert "table" not in kinds(state)
    rows = [line for line in state.lines if line.kind == "list"][0]
    assert rows.items[0] == "Company Key Role Notes"
    assert rows.items[3] == "Mary Major Port Authority Board Member. -"
    assert any(r.rule == "table-as-list" for r in state.removed)


def test_case_insensitive_only_evidence_is_not_trusted():
    other = "the city council approved it."
    assert structure._name_split("City Council Approved the plan.".split(),
                                 structure.Evidence.of(other)) is None


def test_headings_need_following_content_and_no_final_punctuation():
    state = run("Market Outlook\n\n" + PARA + "\n\nThis is a sentence.\n\n" + PARA + "\n\nLast words")
    assert kinds(state) == ["heading", "paragraph", "paragraph", "paragraph", "paragraph"]


def test_long_line_is_not_a_heading():
    long = " ".join(["Word"] * 14)
    assert kinds(run(long + "\n\n" + PARA))[0] == "paragraph"


def test_heading_in_hard_wrapped_text():
    state = run(PARA + "\nWhat the vote means\n" + PARA)
    assert kinds(state) == ["paragraph", "heading", "paragraph"]


def test_wrapped_lines_join_sentences_stay_apart():
    state = run("The council approved the budget\nafter a long debate.\nIt takes effect in May.")
    assert [line.text for line in state.lines] == [
        "The council approved the budget after a long debate.", "It takes effect in May."]


def test_wrapped_cjk_lines_join_without_space():
    state = run("市政府今天公布了新的交通政策，\n将于明年实施。")
    assert [line.text for line in state.lines] == ["市政府今天公布了新的交通政策，将于明年实施。"]


def test_markdown_structures():
    text = ("# Big Title\n\n## Section One\n\nSome *text* here with a [link](http://x.y).\n\n"
            "- alpha\n- beta\n\n1. one\n2. two\n\n| Name | Value |\n|---|---|\n| a | 1 |\n\n"
            "> A quoted line.\n\n#### Deep\n\n" + PARA)
    state = run(text)
    assert kinds(state) == ["heading", "heading", "paragraph", "list", "list", "table", "quote",
                            "heading", "paragraph"]
    assert [line.level for line in state.lines if line.kind == "heading"] == [1, 2, 4]
    assert state.lines[2].text == "Some text here with a link."
    assert state.lines[3].items == ("alpha", "beta") and state.lines[4].ordered
    assert state.lines[5].rows == (("Name", "Value"), ("a", "1"))
    assert state.lines[6].text == "A quoted line."


def test_header_without_rows_is_dropped_with_a_log():
    text = "核心数据\n\n名称 角色 说明\n\n深度解读\n\n市政府今天公布了新的交通政策，将于明年实施。"
    state = run(text)
    assert "名称 角色 说明" not in [line.text for line in state.lines]
    assert any(r.rule == "empty-table" for r in state.removed)


def test_repeated_header_of_a_real_table_without_rows_is_dropped():
    state = run(LATIN_TABLE + "\n\nCompany Key Role Notes\n\n" + PARA)
    plain = [line.text for line in state.lines if line.kind != "table"]
    assert "Company Key Role Notes" not in plain
    assert len([line for line in state.lines if line.kind == "table"]) == 1


def test_short_cjk_heading_is_not_an_empty_table():
    state = run("市场 展望\n\n市政府今天公布了新的交通政策，将于明年实施。")
    assert state.lines[0].kind == "heading"


def test_tab_separated_rows_make_a_table():
    state = run("Name\tRole\tSince\nJane Doe\tChair\t2019\nJohn Roe\tTreasurer\t2021\n\n" + PARA)
    assert state.lines[0].kind == "table"
    assert state.lines[0].rows == (("Name", "Role", "Since"), ("Jane Doe", "Chair", "2019"),
                                   ("John Roe", "Treasurer", "2021"))


def test_wrapped_list_item_continues():
    state = run("- The council approved the budget\n  after a long debate.\n- It starts in May.\n" + PARA)
    assert state.lines[0].items == ("The council approved the budget after a long debate.",
                                    "It starts in May.")
    assert state.lines[1].kind == "paragraph"


def test_unpunctuated_item_does_not_swallow_the_next_paragraph():
    state = run("- First item\n- Second item\n" + PARA)
    assert state.lines[0].items == ("First item", "Second item")
    assert state.lines[1].text == PARA


def test_wrapped_cjk_prose_under_a_label_line_is_not_a_table():
    text = "市场 展望\n今年 Globex 的销售额增长了 20%，\n分析师认为 Initech 将在明年 超过 它。"
    state = run(text)
    assert "table" not in kinds(state) and "list" not in kinds(state)


def test_bilingual_items_make_one_list_per_language():
    text = (PARA + "\n\n- The budget was approved. 预算获得批准。\n"
            "- Spending will rise next year. 明年支出将增加。")
    state = run(text)
    lists = [line for line in state.lines if line.kind == "list"]
    assert [(line.lang, line.items) for line in lists] == [
        ("en", ("The budget was approved.", "Spending will rise next year.")),
        ("zh", ("预算获得批准。", "明年支出将增加。"))]


def test_date_line_is_not_a_heading():
    state = run("June 13, 2026\n\n" + PARA)
    assert kinds(state)[0] == "paragraph"
    assert kinds(run("Q3 Results Overview\n\n" + PARA))[0] == "heading"


def test_byline_and_dateline_under_a_long_headline_are_not_wrapped_into_it():
    from generator.clean.state import CleanState, lines_from_text
    headline = "Thirteen crew rescued after cargo ship runs aground off the northern harbour wall"
    state = CleanState(lines=lines_from_text(f"{headline}\nBy Jane Doe\nMay 3, 2026\n\nBody text here.", "text"))
    for rule in structure.RULES:
        rule(state)
    assert [line.text for line in state.lines][:3] == [headline, "By Jane Doe", "May 3, 2026"]
