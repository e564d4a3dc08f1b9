"""Unit tests for clean/repeats.py on small synthetic documents."""
from generator.clean.repeats import drop_repeated_blocks, find_repeats, normalise
from generator.clean.state import CleanState, Line

P1 = Line(text="The council voted to close the old bridge next spring.", kind="paragraph", lang="en")
P2 = Line(text="Repairs would have cost more than a new crossing, officials said.", kind="paragraph", lang="en")


def run(*lines):
    state = CleanState(lines=list(lines))
    drop_repeated_blocks(state)
    return state


def test_exact_repeat_is_dropped_and_logged():
    state = run(P1, P2, P1.with_(text="  the council voted to close the OLD bridge next spring. "))
    assert state.lines == [P1, P2]
    assert [r.rule for r in state.removed] == ["repeated_block"]


def test_translation_is_not_a_repeat():
    zh = Line(text="议会投票决定明年春天关闭旧桥。", kind="paragraph", lang="zh")
    same_text_other_lang = P1.with_(lang="fr")
    assert run(P1, zh, same_text_other_lang).lines == [P1, zh, same_text_other_lang]


def test_list_made_of_paragraph_sentences_is_not_a_repeat():
    summary = Line(text=f"{P1.text} {P2.text}", kind="paragraph", lang="en")
    tldr = Line(text="", kind="list", lang="en", items=(P1.text, P2.text))
    assert run(summary, tldr).lines == [summary, tldr]


def test_repeated_faq_section_with_markers_and_truncation_is_dropped():
    h1 = Line(text="FAQ", kind="heading", lang="en", level=2)
    qa1 = Line(text="", kind="qa", lang="en", items=("Q: Will the bridge close?", "A: Yes, next spring after the vote."))
    qa2 = Line(text="", kind="qa", lang="en", items=("Q: Is there a detour?", "A: Buses will use the north road."))
    h2 = Line(text="Common questions", kind="heading", lang="en", level=2)
    copy1 = Line(text="", kind="qa", lang="en", items=("Will the bridge close?", "Yes, next spring after the vote."))
    cut = Line(text="", kind="qa", lang="en", items=("Is there a detour?", "Buses will use the no"))
    state = run(P1, h1, qa1, qa2, h2, copy1, cut)
    assert state.lines == [P1, h1, qa1, qa2]
    assert sorted(r.rule for r in state.removed) == ["repeated_block", "repeated_block", "repeated_heading"]


def test_truncated_copy_only_at_the_end_and_mid_sentence():
    prefix = Line(text="The council voted to close the old bridge next spr", kind="paragraph", lang="en")
    tail = Line(text="Bridge traffic will move to the ferry from May onwards.", kind="paragraph", lang="en")
    # Not last: kept.
    assert prefix in run(P1, prefix, tail).lines
    # Last but complete sentence that merely starts the same way: kept.
    whole = Line(text="The council voted to close the old bridge at once.", kind="paragraph", lang="en")
    assert whole in run(P1, whole).lines
    # Last and cut off: dropped.
    assert run(P1, prefix).lines == [P1]


def test_repeated_headings_alone_are_kept():
    h = Line(text="Summary", kind="heading", lang="en", level=2)
    lines = [h, P1, h, P2]
    assert run(*lines).lines == lines


def test_short_blocks_are_not_repeats():
    yes = Line(text="Yes.", kind="paragraph", lang="en")
    assert find_repeats([yes, P1, yes]) == set()


def test_normalise_ignores_case_space_and_markers():
    assert normalise("Q:  Why   NOW?") == normalise("why now?")


def test_faq_copy_as_plain_paragraphs_matches_qa_block():
    qa = Line(text="", kind="qa", lang="en", items=("Q: Will the bridge close?", "A: Yes, next spring after the vote."))
    heading = Line(text="Questions", kind="heading", lang="en", level=2)
    question = Line(text="Will the bridge close?", kind="paragraph", lang="en")
    answer = Line(text="Yes, next spring after the vote.", kind="paragraph", lang="en")
    state = run(P1, qa, P2, heading, question, answer)
    assert state.lines == [P1, qa, P2]


def test_section_with_new_content_keeps_its_heading():
    heading = Line(text="More", kind="heading", lang="en", level=2)
    state = run(P1, heading, P1, P2)
    assert state.lines == [P1, heading, P2]
