"""Context sentences for mention and quote tables."""
from __future__ import annotations

from generator.context import context_text, sentence_around


def test_sentence_is_not_cut_at_abbreviations():
    text = "First one. The U.S. Commerce Dept. and Mr. Lee met Jane Doe today. Last one."
    start = text.index("Jane")
    s, e = sentence_around(text, start, start + 8)
    assert text[s:e] == "The U.S. Commerce Dept. and Mr. Lee met Jane Doe today."


def test_chinese_sentences_end_at_full_stop():
    text = "第一句话。李雷在北京发表讲话。第三句。"
    start = text.index("李雷")
    s, e = sentence_around(text, start, start + 2)
    assert text[s:e] == "李雷在北京发表讲话。"


def test_long_sentence_is_cut_at_words_with_ellipsis():
    text = "alpha " * 100 + "NAME" + " beta" * 100
    start = text.index("NAME")
    context, cs, ce = context_text(text, start, start + 4)
    assert context.startswith("…alpha") and context.endswith("beta…")
    assert context[cs:ce] == "NAME"
    assert len(context) < 340
