"""Cleaning rules: languages (see clean/__init__).

Every line gets an ISO 639-1 code in ``Line.lang``. Scripts that identify a
language on their own (Hangul, kana, Han, Thai, ...) are counted with regexes;
Latin-script lines long enough to judge go to py3langid restricted to the
candidate languages in ``data/languages.yaml``. A line that carries the same
content twice, once per language ("Analysis 深度分析", an English summary
followed by its Chinese translation), is split first into one line per
language. Lines too short to judge (labels such as "TL;DR", numbers) take the
language of the content that follows them, so a label inside a Chinese section
is Chinese even when it is written in Latin letters.
"""
from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import load_yaml

from .state import CleanState, Line

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "languages.yaml"
LATIN = "latin"
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]+")
_TOKEN = re.compile(r"\S+")
# Markdown heading / bullet / number / quote markers and plain-text bullets.
_BLOCK_MARKER = re.compile(r"^\s*(?:#{1,6}|[-*+>•·▪●]|\d{1,3}[.)])\s+")
# Two CJK languages side by side are only split in labels this short: CJK
# prose has no spaces to split at anyway.
DENSE_LABEL_CHARS = 40
# Latin letters that make a line running text rather than a label or a name.
PROSE_LETTERS = 60
# A lowercase Latin word (not a name, acronym or number) marks prose.
_LOWER_WORD = re.compile(r"^[a-z\u00DF-\u00FF][\w'’-]*[,.;:!?]?$")


@dataclass(frozen=True)
class Settings:
    scripts: tuple[tuple[str, str, re.Pattern], ...]   # (name, lang, char class)
    dense: frozenset
    dense_weight: int
    script_candidates: dict
    latin_candidates: tuple[str, ...]
    aliases: dict
    min_letters: int
    min_words: int
    sample_chars: int
    override_probability: float
    override_letters: int
    simplified: re.Pattern
    cjk_sentence_end: str
    function_words: dict        # word -> languages using it
    function_min_hits: int
    function_margin: int


def _char_class(ranges) -> re.Pattern:
    parts = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges)
    return re.compile(f"[{parts}]")


@lru_cache(maxsize=1)
def settings() -> Settings:
    """The language data file, read once per process."""
    data = load_yaml(DATA_FILE.read_text(encoding="utf-8"))
    scripts = tuple((s["name"], s["lang"], _char_class(s["ranges"])) for s in data["scripts"])
    return Settings(
        scripts=scripts, dense=frozenset(data["dense_scripts"]),
        dense_weight=int(data["dense_weight"]),
        script_candidates={k: tuple(v) for k, v in data["script_candidates"].items()},
        latin_candidates=tuple(str(x) for x in data["latin_candidates"]),
        aliases=dict(data.get("aliases") or {}), min_letters=int(data["min_letters"]),
        min_words=int(data["min_words"]), sample_chars=int(data["sample_chars"]),
        override_probability=float(data["override_probability"]),
        override_letters=int(data["override_letters"]),
        simplified=re.compile("[" + re.escape(data["simplified_only"]) + "]"),
        cjk_sentence_end=data["cjk_sentence_end"],
        function_words=_word_index(data.get("function_words") or {}),
        function_min_hits=int(data.get("function_word_min_hits", 5)),
        function_margin=int(data.get("function_word_margin", 3)))


def _word_index(words_by_lang: dict) -> dict:
    index: dict[str, tuple[str, ...]] = {}
    for lang in sorted(words_by_lang):
        for word in words_by_lang[lang]:
            index[str(word)] = index.get(str(word), ()) + (str(lang),)
    return index


@lru_cache(maxsize=1)
def _base_identifier():
    """The py3langid model: unpacking it takes 0.4 s, so it is loaded once (see langid_model)."""
    from .langid_model import load_identifier
    return load_identifier()


@lru_cache(maxsize=8)
def _identifier(candidates: tuple[str, ...]):
    """A shallow copy of the model restricted to ``candidates``.

    ``set_languages`` rebinds the copy's arrays without touching the shared
    model, and scoring fewer languages is faster than ranking them all.
    """
    base = _base_identifier()
    known = set(base.nb_classes)
    restricted = copy.copy(base)
    restricted.set_languages([lang for lang in candidates if lang in known])
    return restricted


def classify(text: str, candidates: tuple[str, ...]) -> tuple[str, float]:
    """Most likely language among ``candidates`` and its probability."""
    cfg = settings()
    lang, probability = _identifier(candidates).classify(text[: cfg.sample_chars])
    return cfg.aliases.get(lang, lang), float(probability)


# --- script counting -------------------------------------------------------

@lru_cache(maxsize=1)
def _any_script() -> re.Pattern:
    """One character class for every non-Latin script in the data file."""
    return re.compile("|".join(p.pattern for _name, _lang, p in settings().scripts))


@lru_cache(maxsize=1)
def dense_pattern() -> re.Pattern:
    """One character class for the scripts written without spaces."""
    cfg = settings()
    return re.compile("|".join(p.pattern for name, _lang, p in cfg.scripts if name in cfg.dense))


@lru_cache(maxsize=8192)
def _script_of(ch: str) -> str:
    for name, _lang, pattern in settings().scripts:
        if pattern.match(ch):
            return name
    return ""


def script_counts(text: str) -> dict[str, int]:
    """Letters per script name ("latin" included), zero counts omitted."""
    return dict(_script_counts(text))


@lru_cache(maxsize=4096)
def _script_counts(text: str) -> tuple[tuple[str, int], ...]:
    # Cached: splitting and guessing look at the same lines and tokens again.
    counts: dict[str, int] = {}
    # Counting distinct characters first keeps the Python loop short on
    # long CJK paragraphs.
    for ch, n in Counter(_any_script().findall(text)).items():
        name = _script_of(ch)
        counts[name] = counts.get(name, 0) + n
    latin = len(_LATIN_LETTER.findall(text))
    if latin:
        counts[LATIN] = latin
    return tuple(sorted(counts.items()))


def _weight(name: str, count: int) -> int:
    cfg = settings()
    return count * cfg.dense_weight if name in cfg.dense else count


def dominant_script(counts: dict[str, int]) -> str:
    """The script carrying most of the text ("" when there are no letters)."""
    if not counts:
        return ""
    weighted = {name: _weight(name, n) for name, n in counts.items()}
    if _japanese(counts):
        weighted["kana"] += weighted.pop("han")
    return max(sorted(weighted), key=lambda name: weighted[name])


def _japanese(counts: dict[str, int]) -> bool:
    """Kana among Han characters makes the run Japanese; Japanese prose has
    far more than a tenth kana, a Chinese brand name with "の" far less."""
    kana, han = counts.get("kana", 0), counts.get("han", 0)
    return bool(kana and han) and kana * 10 >= han


def _script_lang(name: str) -> str:
    for script, lang, _pattern in settings().scripts:
        if script == name:
            return lang
    return ""


# --- per-line detection ----------------------------------------------------

@dataclass(frozen=True)
class Guess:
    lang: str          # "" when the line is too short to judge
    latin: bool        # Latin-script line (eligible for document smoothing)
    letters: int
    probability: float


def guess(text: str) -> Guess:
    """Language of one line from its script, or py3langid for Latin text."""
    cfg = settings()
    counts = script_counts(text)
    script = dominant_script(counts)
    if not script:
        return Guess("", False, 0, 0.0)
    if script != LATIN:
        lang = _script_lang(script)
        if script in cfg.script_candidates and counts[script] >= cfg.min_letters:
            lang = classify(text, cfg.script_candidates[script])[0] or lang
        return Guess(lang, False, counts[script], 1.0)
    letters = counts[LATIN]
    if letters < cfg.min_letters or len(_LATIN_WORD.findall(text)) < cfg.min_words:
        return Guess("", True, letters, 0.0)
    lang = by_function_words(text)
    if lang:
        return Guess(lang, True, letters, 1.0)
    lang, probability = classify(text, cfg.latin_candidates)
    return Guess(lang, True, letters, probability)


def by_function_words(text: str) -> str:
    """The language whose function words clearly dominate the text, or ""."""
    cfg = settings()
    hits: dict[str, int] = {}
    for word in _LATIN_WORD.findall(text[: cfg.sample_chars * 2].lower()):
        for lang in cfg.function_words.get(word, ()):
            hits[lang] = hits.get(lang, 0) + 1
    if not hits:
        return ""
    ranked = sorted(hits.items(), key=lambda item: (-item[1], item[0]))
    best, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if count >= cfg.function_min_hits and count >= cfg.function_margin * runner_up:
        return best
    return ""


def guess_lines(lines: list[Line]) -> list[Guess]:
    """Guesses for every line; a hard-wrapped Latin line continues the
    language of the line it wraps from instead of being classified again."""
    guesses: list[Guess] = []
    for i, line in enumerate(lines):
        prev = guesses[-1] if guesses else None
        wraps = i > 0 and not line.para_start and lines[i - 1].text.rstrip()[-1:] not in ".!?:"
        if prev is not None and prev.latin and prev.lang and wraps \
                and dominant_script(script_counts(line.text)) == LATIN:
            letters = len(_LATIN_LETTER.findall(line.text))
            guesses.append(Guess(prev.lang, True, letters, prev.probability))
        else:
            guesses.append(guess(line.text))
    return guesses


def main_latin_language(guesses: list[Guess], texts: list[str]) -> str:
    """The document's main Latin-script language, weighted by letters."""
    weight: dict[str, int] = {}
    for g in guesses:
        if g.latin and g.lang:
            weight[g.lang] = weight.get(g.lang, 0) + g.letters
    if weight:
        return max(sorted(weight), key=lambda lang: weight[lang])
    latin_text = " ".join(t for t, g in zip(texts, guesses) if g.latin)
    if not latin_text:
        return ""
    return classify(latin_text, settings().latin_candidates)[0]


def smooth(guesses: list[Guess], main: str) -> list[str]:
    """Latin lines that disagree with the main language weakly take it."""
    cfg = settings()
    langs = []
    for g in guesses:
        lang = g.lang
        if g.latin and lang and lang != main and not (
                g.probability >= cfg.override_probability and g.letters >= cfg.override_letters):
            lang = main
        langs.append(lang)
    return langs


def kanji_lines(langs: list[str], texts: list[str]) -> list[str]:
    """In a Japanese document, Han-only lines are Japanese kanji unless they
    use a character that only simplified Chinese has."""
    if "ja" not in langs:
        return langs
    simplified = settings().simplified
    return ["ja" if lang == "zh" and not simplified.search(text) else lang
            for lang, text in zip(langs, texts)]


# A Latin line of this many words is a phrase in some language, not a neutral label.
MIN_PHRASE_WORDS = 3


def _latin_phrases_in_main(langs: list[str], guesses: list[Guess], texts: list[str], main: str) -> list[str]:
    """A Latin-script phrase too short to classify ("Harbour reopens after
    storm", a headline over its Chinese version) is in the document's main
    Latin language when the next line with a language is in another script:
    taking that line's language (fill_neutral) would call it Chinese."""
    if not main:
        return langs
    out = list(langs)
    following_latin = None
    for i in range(len(out) - 1, -1, -1):
        if langs[i]:
            following_latin = guesses[i].latin
        elif guesses[i].latin and following_latin is False \
                and len(_LATIN_WORD.findall(texts[i])) >= MIN_PHRASE_WORDS:
            out[i] = main
    return out


def fill_neutral(langs: list[str]) -> list[str]:
    """A line without a language takes that of the next decided line.

    The following content decides because a label introduces what comes
    after it; the last lines of a document fall back to the previous one.
    """
    out = list(langs)
    following = ""
    for i in range(len(out) - 1, -1, -1):
        if out[i]:
            following = out[i]
        else:
            out[i] = following
    previous = ""
    for i, lang in enumerate(out):
        if lang:
            previous = lang
        else:
            out[i] = previous
    return out


# --- bilingual splitting ---------------------------------------------------

def _token_script(token: str) -> str:
    if not _any_script().search(token):
        return LATIN if _LATIN_LETTER.search(token) else ""
    counts = script_counts(token)
    non_latin = [name for name in counts if name != LATIN]
    if non_latin:
        return dominant_script({name: counts[name] for name in non_latin})
    return LATIN if LATIN in counts else ""


def _is_name_token(token: str) -> bool:
    """Capitalised word, acronym or number: what stays Latin inside CJK prose."""
    word = token.strip("()[]\"'“”‘’,.;:")
    return bool(word) and not _LOWER_WORD.match(word)


def _weighted(text: str) -> dict[str, int]:
    counts = script_counts(text)
    weighted = {name: _weight(name, n) for name, n in counts.items()}
    if _japanese(counts):
        weighted["kana"] += weighted.pop("han")
    return weighted


def _dominated_by(text: str, script: str) -> bool:
    weighted = _weighted(text)
    own = weighted.get(script, 0) + (weighted.get("han", 0) if script == "kana" else 0)
    return own > sum(weighted.values()) - own


def _foreign_tokens_are_names(tokens: list[str], scripts: list[str]) -> bool:
    """Latin words inside a foreign segment must be names, not prose.

    One lowercase word is tolerated (a unit, "iPhone"); more means the
    segment mixes languages and is not one translation.
    """
    prose = sum(1 for token, script in zip(tokens, scripts)
                if script == LATIN and not _is_name_token(token))
    return prose < 2


def _ends_sentence_cjk(text: str) -> bool:
    return text.rstrip()[-1:] in settings().cjk_sentence_end


def _split_latin_foreign(text: str, latin_prose: bool) -> list[str] | None:
    """Split "Latin part | foreign part" or "foreign part | Latin part".

    ``latin_prose`` says whether the document has Latin-script prose: only
    then can a Latin part made of names alone be a translation ("Analysis
    深度分析"); in a Chinese document "Globex 发布新模型" is one headline.
    """
    spans = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    tokens = [t for _, t in spans]
    scripts = [_token_script(t) for t in tokens]
    foreign = [i for i, s in enumerate(scripts) if s not in ("", LATIN)]
    if not foreign or LATIN not in scripts:
        return None
    first, last = foreign[0], foreign[-1]
    if any(s not in ("", LATIN) and s != scripts[first] and not
           ({s, scripts[first]} <= {"han", "kana"}) for s in scripts[first:last + 1]):
        return None
    if first > 0 and LATIN in scripts[:first]:
        head, tail = text[:spans[first][0]].strip(), text[spans[first][0]:].strip()
        if not _foreign_tokens_are_names(tokens[first:], scripts[first:]):
            return None
        if not _dominated_by(tail, scripts[first]):
            return None
        if _head_is_subject(tokens[:first], head, tail, latin_prose):
            return None
        return [head, tail]
    if LATIN in scripts[last + 1:]:
        cut = spans[last + 1][0]
        head, tail = text[:cut].strip(), text[cut:].strip()
        if not _foreign_tokens_are_names(tokens[:last + 1], scripts[:last + 1]):
            return None
        if not _dominated_by(head, scripts[first]):
            return None
        if not latin_prose and _all_names(tokens[last + 1:]):
            return None
        return [head, tail]
    return None


def _all_names(tokens: list[str]) -> bool:
    return all(_is_name_token(t) for t in tokens if _LATIN_LETTER.search(t))


def _head_is_subject(head_tokens: list[str], head: str, tail: str, latin_prose: bool) -> bool:
    """"OpenAI CEO 表示……。" is one sentence that starts with a name."""
    if not _all_names(head_tokens):
        return False
    if not latin_prose or _ends_sentence_cjk(tail):
        return True
    dense = sum(n for name, n in script_counts(tail).items() if name in settings().dense)
    latin = len(_LATIN_LETTER.findall(head))
    return dense > 0 and latin / dense < 0.6


def _dense_token_lang(token: str) -> str:
    counts = script_counts(token)
    if "kana" in counts:
        return "ja"
    if "hangul" in counts:
        return "ko"
    if "han" in counts and settings().simplified.search(token):
        return "zh"
    return ""


def _split_dense_pair(text: str) -> list[str] | None:
    """Split two space-separated CJK labels of different languages."""
    spans = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    langs = [_dense_token_lang(t) for _, t in spans]
    known = [(i, lang) for i, lang in enumerate(langs) if lang]
    changes = [k for k in range(1, len(known)) if known[k][1] != known[k - 1][1]]
    if len(changes) != 1:
        return None
    cut_token = known[changes[0]][0]
    # Tokens of unknown language between the two sides make the cut uncertain.
    if known[changes[0] - 1][0] != cut_token - 1:
        return None
    cut = spans[cut_token][0]
    return [text[:cut].strip(), text[cut:].strip()]


def split_bilingual(text: str, latin_prose: bool = True) -> list[str]:
    """The line's parts, one per language (the line itself when not bilingual).

    A leading block marker ("## ", "- ", "1. ", "> ") is repeated on every
    part, so a bilingual heading or item stays a heading or item per language.
    """
    marker = _BLOCK_MARKER.match(text)
    if marker:
        parts = _split_body(text[marker.end():], latin_prose)
        return [marker.group() + part for part in parts] if len(parts) > 1 else [text]
    return _split_body(text, latin_prose)


def _split_body(text: str, latin_prose: bool) -> list[str]:
    counts = script_counts(text)
    if len(counts) < 2 and "kana" not in counts and "han" not in counts:
        return [text]
    parts = _split_latin_foreign(text, latin_prose) if LATIN in counts else None
    if parts is None and len(text) <= DENSE_LABEL_CHARS:
        parts = _split_dense_pair(text)
    return parts if parts and all(parts) else [text]


# --- rules -----------------------------------------------------------------

def has_latin_prose(lines: list[Line]) -> bool:
    """Some line is mostly Latin-script running text (a sentence or more)."""
    for line in lines:
        counts = script_counts(line.text)
        if dominant_script(counts) == LATIN and counts[LATIN] >= PROSE_LETTERS:
            return True
    return False


def _split_lines(lines: list[Line]) -> tuple[list[Line], list[bool]]:
    """Lines with bilingual ones split, and which lines are split halves."""
    out: list[Line] = []
    halves: list[bool] = []
    prose = has_latin_prose(lines)
    for i, line in enumerate(lines):
        parts = [line.text] if line.kind else split_bilingual(line.text, prose)
        if len(parts) > 1 and _in_foreign_run(lines, i):
            parts = [line.text]
        out.append(line.with_(text=parts[0]))
        out.extend(line.with_(text=part, para_start=True) for part in parts[1:])
        halves.extend([len(parts) > 1] * len(parts))
    return out, halves


def _foreign_line(line: Line) -> bool:
    return dominant_script(script_counts(line.text)) not in ("", LATIN)


def _in_foreign_run(lines: list[Line], i: int) -> bool:
    """A line hard-wrapped together with foreign-script lines (a table row,
    a wrapped paragraph) is part of that text, not a bilingual label."""
    before = i > 0 and not lines[i].para_start and _foreign_line(lines[i - 1])
    after = i + 1 < len(lines) and not lines[i + 1].para_start and _foreign_line(lines[i + 1])
    return before or after


def detect_languages(state: CleanState) -> None:
    """Split bilingual lines, then set ``Line.lang`` on every line."""
    lines, halves = _split_lines(state.lines)
    texts = [line.text for line in lines]
    guesses = guess_lines(lines)
    main = main_latin_language(guesses, texts)
    langs = kanji_lines(smooth(guesses, main), texts)
    # The Latin half of a split line is in the document's Latin language even
    # when it is one word: its partner proves it is not a neutral label.
    langs = [lang or (main if g.latin and half else "")
             for lang, g, half in zip(langs, guesses, halves)]
    langs = fill_neutral(_latin_phrases_in_main(langs, guesses, texts, main))
    state.lines = [line.with_(lang=lang) for line, lang in zip(lines, langs)]


RULES: tuple = (detect_languages,)
