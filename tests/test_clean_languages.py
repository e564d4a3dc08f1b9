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
    text = "\n\n".join([EN, "Data centers and ports", EN])
    assert {lang for _, lang in run(text)} == {"en"}
