"""Unit tests for clean/languages.py on small synthetic texts."""
from generator.clean.languages import detect_languages, guess, split_bilingual
from generator.clean.state import CleanState, lines_from_text


def run(text: str) -> list[tuple[str, str]]:
    state = CleanState(lines=lines_from_text(text, "text"))
    detect_languages(state)
    return [(line.text, line.lang) for line in state.lines]


EN = "The committee published its yearly report on water quality in the region today."
FR = "Le comité a publié aujourd'hui son rapport annuel sur la qualité de l'eau dans la région."
ES = "El comité publicó hoy su informe anual sobre la calidad del agua en la región."
DE = "Der Ausschuss hat heute seinen Jahresbericht über die Wasserqualität veröffentlicht."


def test_latin_paragraphs_get_their_language():
    assert [lang for _, lang in run("\n\n".join([EN, FR, ES, DE]))] == ["en", "fr", "es", "de"]


def test_scripts_decide_without_statistics():
    assert guess("서울시는 오늘 새로운 교통 정책을 발표했다").lang == "ko"
    assert guess("東京都は新しい交通政策を発表しました").lang == "ja"
    assert guess("市政府今天公布了新的交通政策").lang == "zh"
    assert guess("Правительство объявило о новой политике в области транспорта сегодня").lang == "ru"
    assert guess("รัฐบาลประกาศนโยบายใหม่").lang == "th"


def test_short_latin_line_is_neutral():
    assert guess("TL;DR").lang == ""


def test_label_takes_language_of_following_section():
    text = "Summary\n\n" + EN + "\n\nSummary\n\n市政府今天公布了新的交通政策，将于明年实施。"
    langs = [lang for _, lang in run(text)]
    assert langs == ["en", "en", "zh", "zh"]


def test_bilingual_label_is_split():
    assert split_bilingual("Analysis 深度分析") == ["Analysis", "深度分析"]
    assert split_bilingual("深度分析 Analysis") == ["深度分析", "Analysis"]


def test_bilingual_title_and_summary_are_split():
    title = "City unveils new transport policy 市政府公布新交通政策"
    assert split_bilingual(title) == ["City unveils new transport policy", "市政府公布新交通政策"]
    summary = ("The city announced a new policy. It starts next year. "
               "市政府宣布了新政策。 该政策明年开始实施。")
    assert split_bilingual(summary) == ["The city announced a new policy. It starts next year.",
                                        "市政府宣布了新政策。 该政策明年开始实施。"]


def test_split_halves_get_their_languages():
    text = EN + "\n\nAnalysis 深度分析\n\n" + EN
    assert run(text)[1:3] == [("Analysis", "en"), ("深度分析", "zh")]


def test_chinese_sentence_with_latin_names_is_not_split():
    for text in ["据报道，Acme公司CEO约翰·史密斯向Globex模型团队提出了担忧。",
                 "OpenSky CEO Jane Doe 表示，公司将在下月发布新模型。",
                 "Globex 声称其他公开模型中也存在类似能力。"]:
        assert split_bilingual(text) == [text]


def test_english_sentence_with_one_chinese_word_is_not_split():
    text = "The word 内卷 describes intense competition with little reward."
    assert split_bilingual(text) == [text]


def test_japanese_chinese_label_is_split():
    assert split_bilingual("最新ニュース 最新新闻") == ["最新ニュース", "最新新闻"]
    langs = [lang for _, lang in run("最新ニュース 最新新闻")]
    assert langs == ["ja", "zh"]


def test_korean_english_label_is_split():
    assert split_bilingual("Overview 개요") == ["Overview", "개요"]


def test_rows_of_a_cjk_table_are_not_split():
    text = "名称 说明\nGlobex 模型开发商\nInitech 云服务提供商"
    assert [t for t, _ in run(text)] == ["名称 说明", "Globex 模型开发商", "Initech 云服务提供商"]


def test_weak_minority_latin_guess_takes_document_language():
    assert guess("Hanoi Saigon bus station routes").lang != "en"     # too short to trust
    text = "\n\n".join([EN, "Hanoi Saigon bus station routes", EN])
    assert {lang for _, lang in run(text)} == {"en"}


def test_block_marker_is_repeated_on_each_part():
    assert split_bilingual("## Analysis 深度分析") == ["## Analysis", "## 深度分析"]
    assert split_bilingual("- Overview 概述") == ["- Overview", "- 概述"]


def test_kanji_only_lines_of_a_japanese_document_are_japanese():
    text = "政府は本日、新しい基準を発表した。\n\n監査 年1回\n\n最新新闻"
    assert [lang for _, lang in run(text)] == ["ja", "ja", "zh"]
    assert [lang for _, lang in run("監査 年1回")] == ["zh"]


def test_sentence_lines_without_blank_lines_are_classified_each():
    assert [lang for _, lang in run(EN + "\n" + FR + "\n" + ES)] == ["en", "fr", "es"]


def test_wrapped_line_continues_language_of_its_paragraph():
    text = "Le comité a publié aujourd'hui son rapport annuel sur la qualité de\nl'eau dans la région et les mesures prises."
    assert [lang for _, lang in run(text)] == ["fr", "fr"]


def test_function_words_decide_only_clear_cases():
    from generator.clean.languages import by_function_words
    long_en = ("The report says that the council will review the plan, and the mayor has said "
               "that the city is ready for the change.")
    assert by_function_words(long_en) == "en"
    assert by_function_words("Data centers and ports") == ""


def test_headline_starting_with_a_name_in_a_chinese_document_is_not_split():
    text = "Globex 发布新款手机\n\n市政府今天公布了新的交通政策，将于明年实施。"
    assert [t for t, _ in run(text)] == ["Globex 发布新款手机", "市政府今天公布了新的交通政策，将于明年实施。"]
    assert split_bilingual("Globex 发布新款手机", latin_prose=False) == ["Globex 发布新款手机"]
    assert split_bilingual("Analysis 深度分析", latin_prose=False) == ["Analysis 深度分析"]


def test_label_with_prose_words_splits_even_without_latin_prose():
    assert split_bilingual("Market outlook 市场展望", latin_prose=False) == ["Market outlook", "市场展望"]
