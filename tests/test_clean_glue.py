"""Unit tests for clean/glue.py on small synthetic lines."""
from generator.clean.glue import (RULES, space_meta_separators, split_glued_function_word,
                                  split_label_from_count)
from generator.clean.state import CleanState, Line


def run(*texts):
    state = CleanState(lines=[Line(text=t) for t in texts])
    for rule in RULES:
        rule(state)
    return [line.text for line in state.lines]


def test_function_word_glued_to_name_is_split():
    assert split_glued_function_word("First seen byDaily Planet") == "First seen by Daily Planet"
    assert split_glued_function_word("via ExampleWire") == "via ExampleWire"
    assert split_glued_function_word("Escrito porLa Gaceta") == "Escrito por La Gaceta"


def test_camel_case_names_and_words_are_not_split():
    for text in ("New iPhone and YouTube deal", "McDonald and OpenAI", "Derby County",
                 "Abby Smith", "passed byID check", "fromJSON"):
        assert split_glued_function_word(text) == text


def test_label_glued_to_reading_time_is_split():
    assert split_label_from_count("Tech4 min read") == "Tech 4 min read"
    assert split_label_from_count("Sports12 views") == "Sports 12 views"
    assert split_label_from_count("Tech 4 min read") == "Tech 4 min read"
    assert split_label_from_count("GPT4 is new") == "GPT4 is new"


def test_meta_separators_are_spaced():
    assert space_meta_separators("3 min read·May 2, 2025·5 views") == "3 min read · May 2, 2025 · 5 views"


def test_dot_inside_cjk_name_is_kept():
    assert space_meta_separators("记者王·小明报道") == "记者王·小明报道"


def test_rules_run_on_state():
    assert run("News7 min read·Jan 3, 2025") == ["News 7 min read · Jan 3, 2025"]
