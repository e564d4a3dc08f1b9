"""Faster loading of models and word lists gives exactly what the packages' own loaders give."""
from __future__ import annotations

import numpy as np
import pytest

from generator import datafiles
from generator.clean import langid_model
from generator.extract import segmenter

SENTENCES = ("The council voted on the new budget for the river bridge this week.",
             "Le conseil a voté le nouveau budget pour le pont cette semaine.",
             "Der Rat hat diese Woche über den neuen Haushalt für die Brücke abgestimmt.")


@pytest.fixture
def derived(tmp_path):
    datafiles.use_derived_dir(tmp_path / "derived")
    yield tmp_path / "derived"
    datafiles.use_derived_dir(None)


def _reference_identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)


def _same_identifier(a, b) -> None:
    assert np.array_equal(a.nb_ptc, b.nb_ptc) and a.nb_ptc.dtype == b.nb_ptc.dtype
    assert np.array_equal(a.nb_pc, b.nb_pc) and a.nb_pc.dtype == b.nb_pc.dtype
    assert a.nb_classes == b.nb_classes
    assert a.tk_nextmove == b.tk_nextmove and a.tk_row == b.tk_row and a.tk_output == b.tk_output
    assert a._rowbase == b._rowbase and a._alias_pairs == b._alias_pairs
    assert (a._norm_probs, a.min_confidence) == (b._norm_probs, b.min_confidence)
    for text in SENTENCES:
        assert a.classify(text) == b.classify(text)


@pytest.mark.skipif(not langid_model.KNOWN_VERSIONS & {__import__("py3langid").__version__},
                    reason="unpacked copies are only made for known py3langid versions")
def test_langid_copy_is_written_once_and_gives_the_same_model(derived):
    reference = _reference_identifier()
    first = langid_model.load_identifier()          # unpacks and writes the copy
    copies = list(derived.iterdir())
    assert len(copies) == 1 and copies[0].name.startswith("py3langid-")
    assert sorted(p.name for p in copies[0].iterdir()) == sorted(f"{n}.npy" for n in langid_model.ARRAYS)
    second = langid_model.load_identifier()         # reads the copy
    _same_identifier(first, reference)
    _same_identifier(second, reference)


def test_langid_broken_copy_falls_back_and_is_replaced(derived):
    langid_model.load_identifier()
    folder = next(derived.iterdir())
    (folder / "ptc.npy").write_bytes(b"not an array")
    _same_identifier(langid_model.load_identifier(), _reference_identifier())
    assert langid_model.read_copy(folder) is not None


def test_langid_without_a_derived_folder_writes_nothing(tmp_path, monkeypatch):
    datafiles.use_derived_dir(None)
    monkeypatch.chdir(tmp_path)
    _same_identifier(langid_model.load_identifier(), _reference_identifier())
    assert list(tmp_path.iterdir()) == []


def test_langid_unknown_version_uses_the_package_loader(derived, monkeypatch):
    monkeypatch.setattr(langid_model, "KNOWN_VERSIONS", frozenset({"0.0.0-none"}))
    _same_identifier(langid_model.load_identifier(), _reference_identifier())
    assert not derived.exists()


def test_jieba_fast_start_gives_jiebas_own_dictionary():
    import jieba
    jieba.setLogLevel(60)
    reference = jieba.Tokenizer()
    reference.initialize()                  # also writes jieba's cache file if it was missing
    fast = jieba.Tokenizer()
    fast.initialize = lambda *args: pytest.fail("jieba's slow loader was used")
    segmenter.initialise(fast)
    assert fast.initialized and fast.total == reference.total and fast.FREQ == reference.FREQ
    text = "政府宣布新的桥梁计划将在明年开工建设"
    assert list(fast.cut(text)) == list(reference.cut(text))


def test_jieba_custom_dictionary_is_left_to_jieba(tmp_path):
    import jieba
    jieba.setLogLevel(60)
    words = tmp_path / "dict.txt"
    words.write_text("桥梁 5 n\n计划 3 n\n", encoding="utf-8")
    tokenizer = jieba.Tokenizer(str(words))
    tokenizer.tmp_dir = str(tmp_path)
    segmenter.initialise(tokenizer)
    assert tokenizer.initialized and tokenizer.total == 8 and tokenizer.FREQ["桥梁"] == 5


def test_share_bar_pattern_matches_the_per_label_form():
    """The CJK share labels share one optional trailing character class; a
    class after each label (the form it replaced) matches the same text."""
    import random
    import re

    from generator.clean import chrome
    data = chrome._data()
    labels_re, targets_re = chrome._share_res()
    for words, pattern in ((data["share_labels"], labels_re), (data["share_targets"], targets_re)):
        cjk = [w for w in words if re.search(f"[{chrome.CJK}]", w)]
        latin = [w for w in words if w not in cjk]
        per_label = "|".join(rf"{re.escape(w)}[{chrome.CJK}]?" for w in sorted(cjk, key=len, reverse=True))
        old = re.compile(f"{chrome._bounded(chrome._alternation(latin))}|{per_label}", re.IGNORECASE)
        rng = random.Random(7)
        pieces = [*words, "到", "给", "中", "ー", "한", " ", "·", "x"]
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
            assert pattern.findall(text) == old.findall(text), text
    assert chrome.is_share_bar("转发 微信 微博")
