"""Statements: the sentences of a cleaned document that state a checkable fact.

Every block is cut into units (a paragraph line, a list item, a table row, the
answer of a Q&A), every unit into sentences (English "." with abbreviations,
Chinese 。！？, and a switch from a Latin-script run to Chinese), and each
sentence is kept only when it reads as a factual claim: it names someone or
something (or states a figure, a date or what someone said) and reports an
event, a number, a date or what someone said, and it is not a question,
heading, chrome or disclaimer line, advice, prediction or commentary in the
writer's own voice (advice or a prediction someone is reported as saying is a
claim about what they said), nor a key-data row describing an entity. Wire
datelines ("CITY, March 3 (Agency) - ") are trimmed from the first sentence. Cue words live in ``generator/data/claims_cues.yaml``. A kept
sentence becomes a ``Statement`` with exact offsets into ``Document.text``,
its entity mentions, numbers, counted things (``claims_counts.yaml``: "2,1 Millionen
Kunden" -> "customer=2100000"; "more than 300 flights" is a bound, "flight=>300"), dates,
polarity, speaker and scope terms. Clock times ("17:25", "4 a.m.", "14.30 Uhr", "午前4時") and
the days of dates are no figures; a Chinese or Japanese day of the month alone ("9日") is
dated from the source's date (its metadata, else a date on its first lines). Number words are
read in the sentence's language ("zwei", "deux"); "one" alone is a pronoun, not a figure. A
table row is a statement only when one of its cells is clearly a sentence.

Korean is read like the other languages (words are its space-separated runs; reporting verbs,
past endings, institutions and dates "18일" as data). East Asian scale units make one amount
("35억 2,700만 원" = 3,527,000,000, "3兆4500億", "2만5천"), and "원"/"ウォン"/"won" after a figure is
"₩". A relative clause after the subject holding a figure ("X, which runs 14 clinics, said ...")
or a second clause with its own verb and figure ("... worth 2 billion and covered 300 sites") is a
statement of its own, and the sentence's own features leave it out (``Statement.aside``).
Evaluative copula sentences without a figure ("X is a triumph for Y", "C'est un échec") are
commentary; a state such as "the ruling is not final" is a claim, not a denial; an interview
speaker's label ("Name : ", "HOST: ") and a dateline naming a country are trimmed.

Languages beyond the tuned ones read as data, not code: Italian, Dutch, Turkish, Indonesian and
Vietnamese event shapes, reporting verbs, attributions, months, weekdays, number words, bounds and
scale words ("3 bin 200" = 3,200, "12 ribu"; ``local_number_scales`` apply in their own language
only); clock times told with a word for the hour ("saat 14.30", "3 giờ 12 phút") and day/month dates
after a word for day ("ngày 16/11") are no figures; a plain word capitalised as a sentence's first
("Sekitar 1.800") is no product name; a month ("en avril") dates a statement as a weekday does; a
negated subject ("No customer data was lost") is checkable; a figure counts as a word for the
length test (a short answer "About 640 homes."); a two-part share row and notices of machine-made
text are chrome; a clause a denial sentence asserts after "and" ("... and will appeal") is a
statement of its own.
"""
from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Sequence

from ..datafiles import load_yaml

from ..model import HEADING, LIST, QA, TABLE, Document, Mention
from .segmenter import load as load_segmenter, posseg

CUES_FILE = Path(__file__).resolve().parent.parent / "data" / "claims_cues.yaml"
COUNTS_FILE = Path(__file__).resolve().parent.parent / "data" / "claims_counts.yaml"

ASSERTED = "asserted"
DENIED = "denied"

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7af]+")
# Text that link.claims.local_terms segments with jieba.
_SEGMENTED = re.compile(r"[\u3400-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
# Arabic script (Arabic, Persian, Urdu): no capital letters, prefixes joined to their word ("وقال").
_ARABIC = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]")
_ARABIC_WORD = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]"
                          r"[\u0620-\u065f\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u200c]*")
# Letters Persian writes and Arabic does not (پ چ ژ گ, and the Persian forms of kaf and yeh).
_PERSIAN = re.compile(r"[\u067e\u0686\u0698\u06af\u06a9\u06cc]")
# Arabic-Indic and Persian (Eastern Arabic-Indic) digits, the Arabic decimal and thousands
# separators and percent sign, as the ASCII forms figures are read in ("١٢٬٠٠٠" -> "12,000").
# One character for one: offsets into the text stay valid.
_DIGIT_FORMS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                              **{chr(0x06f0 + i): str(i) for i in range(10)},
                              "\u066b": ".", "\u066c": ",", "\u066a": "%"})


def ascii_digits(text: str) -> str:
    """``text`` with Arabic-Indic and Persian digits (and their separators) written as ASCII."""
    return text if text.isascii() else text.translate(_DIGIT_FORMS)

# Latin script with accents ("Gérard", "Prüfung"): an accented letter must not cut a word in two.
_LATIN_LETTER = r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F"
_LATIN_WORD = re.compile(f"[{_LATIN_LETTER}][{_LATIN_LETTER}'’.-]*")
_CJK_END = re.compile(r"[。！？!?；]+[”」』\"')）]*")
# Arabic script has no capitals: a stop (or "؟") before an Arabic letter or digit ends a sentence.
_LATIN_END = re.compile(r"[.!?\u061f]+[\"'”’)\]»]*(?=\s+[\"'“‘(\[«]?[A-Z0-9\u3400-\u9fff\uac00-\ud7af"
                        r"\u0620-\u064a\u0660-\u0669\u066e-\u06d3\u06f0-\u06ff]|[\u3400-\u9fff])")
_TERMINAL = re.compile(r"[.!。！”\"')）:：]\s*$")
_LEAD_MARK = re.compile(r"^(?:[-*•·▪◦]\s+|\d{1,2}[.)]\s+|[A-Z][:：]\s*|[问答][:：]\s*)")
# A wire dateline before the first sentence: "CITY, Month 3 (Agency) - ", "CITY (Agency) -- ",
# "CITY/CITY, 3 December 2031 (Agency) - "; a town in title case ("Port Ellis, Dec. 3 (Agency) - ")
# only with a date or an agency, so that "Meanwhile - ..." is no dateline.
_DATELINE_DATE = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\.?\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)"
_DATELINE_AGENCY = r"\s*\([^()\n]{2,40}\)"
# The town may be followed by its country or region ("TORVIK, Norway, Jan 9 (Agency) - ").
_DATELINE_REGION = r"(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=,\s*" + _DATELINE_DATE + r"|" + _DATELINE_AGENCY + r"))?"
_DATELINE = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'’-]{1,30}(?:/[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'’-]{1,30})*" + _DATELINE_REGION
                       + r"(?:,\s*" + _DATELINE_DATE + r")?"
                       r"(?:" + _DATELINE_AGENCY + r")?"
                       r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}(?:,\s*" + _DATELINE_DATE + r"(?:" + _DATELINE_AGENCY
                       + r")?|" + _DATELINE_AGENCY + r"))"
                       r"\s+[-–—]{1,2}\s+(?=[A-Z\"“])")


def dateline_end(text: str) -> int:
    """Where the text after a wire dateline opening ``text`` starts (0 when there is none)."""
    match = _DATELINE.match(text)
    return match.end() if match and len(text) > match.end() + 20 else 0


_LABEL = re.compile(r"^[A-Z][\w’'\- ]{0,40}:\s+")
_CAPSEQ = re.compile(r"(?:[A-Z][A-Za-z0-9’'.&-]*|\d+(?:\.\d+)?)(?:\s+(?:[A-Z][A-Za-z0-9’'.&-]*|\d+(?:\.\d+)?))*")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# Chinese and Japanese "2031年5月9日", Korean "2031년 5월 9일".
_ZH_DATE = re.compile(r"(?:(\d{4})\s?[年년]\s?)?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]")
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")


@dataclass(frozen=True)
class Statement:
    """One claim-like sentence of one document; ``text == doc.text[start:end]``."""

    source: str                          # Document.id
    text: str
    start: int
    end: int
    lang: str
    block: int                           # index into Document.blocks
    kind: str                            # kind of that block
    mentions: tuple[Mention, ...] = ()   # entity mentions inside [start, end)
    numbers: tuple[str, ...] = ()        # normalised: "12000000", "$12 million" -> "$12000000"
    dates: tuple[str, ...] = ()          # "YYYY-MM-DD", or "--MM-DD" when the year is unknown
    polarity: str = ASSERTED             # asserted | denied
    speaker: str = ""                    # who is reported as saying it, when it is reported speech
    scope: tuple[str, ...] = ()          # scope classes named in it: global, foreign, domestic
    hedged: bool = False                 # "reportedly", "allegedly", 据报道 ...
    # Counted things, language-neutral: "1.2 million customers", "120万名客户" -> "customer=1200000";
    # a bound is marked before the figure ("more than 300 flights" -> "flight=>300").
    counts: tuple[str, ...] = ()
    # Grouping features that depend on this sentence alone (see link.claims.local_terms):
    # computed here so they are cached with the source instead of redone every build.
    terms: tuple[str, ...] = ()
    # A relative clause holding another fact ("X, which runs 14 clinics, said ..."), as (start, end)
    # offsets into ``text``: told by a statement of its own, left out of this one's features.
    aside: tuple[int, ...] = ()


@dataclass(frozen=True)
class Cues:
    """The cue word lists, loaded once per process from the data file."""

    data: dict
    # Flattened lists, built once: rebuilding them per sentence dominated extraction time.
    flat: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for key, entry in self.data.items():
            if isinstance(entry, dict) and all(isinstance(v, list) for v in entry.values()):
                self.flat[key] = tuple(str(w).lower() for words in entry.values() for w in words)
                for lang, words in entry.items():
                    self.flat[(key, lang)] = tuple(str(w).lower() for w in words)

    def words(self, key: str, lang: str) -> tuple[str, ...]:
        if (key, lang) in self.flat:
            return self.flat[(key, lang)]
        entry = self.data.get(key) or {}
        return tuple(str(w).lower() for w in entry.get(lang, ()))

    def all_words(self, key: str) -> tuple[str, ...]:
        if key in self.flat:
            return self.flat[key]
        entry = self.data.get(key) or {}
        return tuple(str(w).lower() for words in entry.values() for w in words)


@lru_cache(maxsize=1)
def load_cues(path: str = str(CUES_FILE)) -> Cues:
    # Read-only data; caching it only saves re-parsing the YAML.
    with open(path, encoding="utf-8") as handle:
        return Cues(load_yaml(handle))


@dataclass(frozen=True)
class CountWords:
    """What makes a number a count of something (``claims_counts.yaml``), by language."""

    nouns: Mapping[str, Mapping[str, str]]            # lang -> noun form -> neutral class
    links: Mapping[str, tuple[str, ...]]               # lang -> "of its", "de", "d'" (longest first)
    not_between: Mapping[str, frozenset[str]]
    counters: Mapping[str, tuple[str, ...]]            # CJK classifiers / counters (longest first)
    joiners: Mapping[str, tuple[str, ...]]
    number_words: Mapping[str, Mapping[str, int]]
    figure_openers: frozenset[str]
    # lang -> (phrase, ">" or "<") before a number that make it a bound, longest first.
    bounds: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # lang -> comparative words before a counted noun without a figure ("more", "mehr").
    comparatives: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # lang -> (phrase, "~") of "nearly 300": a figure nearly reached, marked for the figures a claim
    # shows only ("nearly two hours" is no "fewer than 2").
    near: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # Languages capitalising every noun ("die Firma 12 Kunden") -> words opening another phrase
    # after a number ("Kapitel 7 der Verordnung"): see reads_as_version.
    capitalised_nouns: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Languages adding case endings to a noun ("kişiyi", "kilometreye"): a counted noun may go on.
    suffixing: frozenset[str] = frozenset()
    # Classes that count kinds of people ("resident", "passenger"): counts of people as well.
    people_classes: frozenset[str] = frozenset()
    # Per language, the noun-phrase pattern after a number, compiled once.
    patterns: dict = field(default_factory=dict, compare=False, repr=False)

    def english_class(self, noun: str) -> str:
        """The class of an English noun as figures() reads it ("passenger", "home"), or the noun."""
        table = self.nouns.get("en") or {}
        return table.get(noun) or table.get(noun + "s") or table.get(noun + "es") or noun


def _by_length(words) -> tuple[str, ...]:
    return tuple(sorted({str(w).lower() for w in words or ()}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def load_counts(path: str = str(COUNTS_FILE)) -> CountWords:
    # Read-only data; caching it only saves re-parsing the YAML.
    with open(path, encoding="utf-8") as handle:
        data = load_yaml(handle)
    nouns: dict[str, dict[str, str]] = defaultdict(dict)
    for name, by_lang in sorted((data.get("nouns") or {}).items()):
        for lang, forms in sorted(by_lang.items()):
            for form in forms:
                nouns[lang].setdefault(str(form).lower(), str(name))
    return CountWords(nouns=dict(nouns),
                      links={k: _by_length(v) for k, v in (data.get("links") or {}).items()},
                      not_between={k: frozenset(str(w).lower() for w in v)
                                   for k, v in (data.get("not_between") or {}).items()},
                      counters={k: _by_length(v) for k, v in (data.get("counters") or {}).items()},
                      joiners={k: _by_length(v) for k, v in (data.get("joiners") or {}).items()},
                      number_words={k: {str(w).lower(): int(n) for w, n in v.items()}
                                    for k, v in (data.get("number_words") or {}).items()},
                      figure_openers=frozenset(str(w).lower() for w in data.get("figure_openers") or ()),
                      bounds=_bounds(data.get("bounds") or {}),
                      comparatives={k: _by_length(v) for k, v in (data.get("comparatives") or {}).items()},
                      near=_bounds({"~": data.get("near_bounds") or {}}),
                      capitalised_nouns={str(k): frozenset(str(w).lower() for w in v or ())
                                         for k, v in (data.get("capitalised_nouns") or {}).items()},
                      suffixing=frozenset(str(w) for w in data.get("suffixing_languages") or ()),
                      people_classes=frozenset(str(w) for w in data.get("people_classes") or ()))


def _bounds(data: Mapping[str, Mapping[str, Sequence[str]]]) -> dict[str, tuple[tuple[str, str], ...]]:
    """lang -> (phrase, op), longest phrase first ("no more than" before "more than")."""
    by_lang: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for op, languages in data.items():
        for lang, phrases in languages.items():
            by_lang[lang].update((str(p).lower(), str(op)) for p in phrases)
    return {lang: tuple(sorted(pairs, key=lambda p: (-len(p[0]), p))) for lang, pairs in sorted(by_lang.items())}


# ---------------------------------------------------------------- matching

@lru_cache(maxsize=256)
def _cue_regex(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation per cue list, compiled once: CJK cues as substrings, Latin as words."""
    cjk = sorted({c for c in cues if c and (_CJK.search(c) or _HANGUL.search(c) or _KANA.search(c))},
                 key=len, reverse=True)
    latin = sorted({c.strip() for c in cues if c and c.strip() and c not in cjk}, key=len, reverse=True)
    parts = [re.escape(c) for c in cjk]
    if latin:
        parts.append(r"(?<![\w])(?:" + "|".join(re.escape(c) for c in latin) + r")(?![\w])")
    return re.compile("|".join(parts) or r"(?!x)x")


@lru_cache(maxsize=256)
def _cue_matcher(cues: tuple[str, ...]) -> tuple[frozenset[str], re.Pattern[str]]:
    """Single-word Latin cues as a set (one word split per text beats a long
    alternation tried at every position), everything else as one regex."""
    words = frozenset(c.strip() for c in cues if c and _SIMPLE_WORD.fullmatch(c.strip()))
    return words, _cue_regex(tuple(c for c in cues if c and c.strip() not in words))


_SIMPLE_WORD = re.compile(r"[a-z0-9]+")
_TEXT_WORD = re.compile(r"\w+")


def has_cue(text: str, cues: Sequence[str]) -> bool:
    """True when one cue occurs: whole words for Latin cues, substrings for CJK."""
    low = text.lower()
    words, rest = _cue_matcher(tuple(cues))
    if words and not words.isdisjoint(_TEXT_WORD.findall(low)):
        return True
    return bool(rest.search(low))


def detect_lang(text: str, fallback: str = "") -> str:
    cjk = len(_CJK.findall(text))
    hangul = len(_HANGUL.findall(text))
    kana = len(_KANA.findall(text))
    latin = sum(len(w) for w in _LATIN_WORD.findall(text))
    if not text.isascii():
        arabic = len(_ARABIC.findall(text))
        if arabic and arabic >= latin / 3 and arabic > cjk + hangul + kana:
            # The block's language when it is one written in Arabic script, else by its letters.
            if fallback in load_cues().words("arabic_script", "languages"):
                return fallback
            return "fa" if _PERSIAN.search(text) else "ar"
    if hangul and hangul >= max(cjk, latin / 3):
        return "ko"
    if kana and kana + cjk >= latin / 3:
        return "ja"
    if cjk and cjk >= latin / 3:
        return "zh"
    if latin:
        return fallback if fallback and fallback not in ("zh", "ja", "ko") else "en"
    return fallback


# ---------------------------------------------------------------- segmentation

def _units(doc: Document, index: int) -> list[tuple[int, int]]:
    """(start, end) spans of the units of one block: lines, items, rows, answers."""
    block = doc.blocks[index]
    spans: list[tuple[int, int]] = []
    offset = block.start
    lines = doc.text[block.start:block.end].split("\n")
    for number, line in enumerate(lines):
        start, end = offset, offset + len(line)
        offset = end + 1
        if block.kind == TABLE and number == 0 and len(lines) > 1:
            continue        # header row names columns, states nothing
        if block.kind == QA and number == 0:
            continue        # the question
        if block.kind == TABLE and not row_states_a_fact(doc.text[start:end]):
            continue        # a row of values ("Model | Price | Status") states nothing
        spans.append((start, end))
    return spans


_SENTENCE_END = re.compile(r"[.!。！][\"'”’)）]*\s*$")
# A figure written in digits, with its groups and decimals ("1.800", "4,5", "250 000" is two).
_FIGURE_RUN = re.compile(r"(?<![\d.,:])\d+(?:[.,]\d+)*(?![\d:])")


def row_states_a_fact(row: str) -> bool:
    """A table row is a statement only when one of its cells is clearly a sentence: several
    words ending with a full stop, or a clause of five words or more opening with a capitalised
    subject and reporting an event ("Globex recalled 3 devices in May"). A row of a data table
    ("Plant A | Country | 300 staff | closing in May") lists values: no claim."""
    cues = load_cues()
    for cell in row.split("|"):
        cell = cell.strip()
        if _word_count(cell) < 5 or cell.endswith("..."):
            continue
        if _SENTENCE_END.search(cell):
            return True
        if cell[:1].isupper() and not (_CJK.search(cell) or _KANA.search(cell)) \
                and _has_event(cell, detect_lang(cell), cues):
            return True
    return False


def _abbreviation_before(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    match = re.search(r"([\w.]+)$", text[max(0, dot - 64):dot])   # bounded: O(n) per sentence was O(n^2) per block
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in abbreviations:
        return True
    # A single capital letter is an initial ("J. Smith").
    return len(word) == 1 and match.group(1).isupper()


def _language_switch(text: str, start: int, end: int) -> int | None:
    """Where a Latin-script sentence without final stop runs into Chinese text."""
    match = re.search(r"[A-Za-z0-9)\]\"”]\s+(?=[\u3400-\u9fff])", text[start:end])
    if not match:
        return None
    head = text[start:start + match.start() + 1]
    if len(_LATIN_WORD.findall(head)) >= 3 and not _CJK.search(head):
        return start + match.start() + 1
    return None


def _ordinal_day_before_month(text: str, dot: int, end: int, months: frozenset[str]) -> bool:
    """The dot of an ordinal day before a month name ("am 14. November"): not a sentence end."""
    if not months or not re.search(r"(?<![\d.,])\d{1,2}$", text[max(0, dot - 3):dot]):
        return False
    follower = re.match(r"\s+([^\W\d_]+)", text[dot + 1:end])
    return bool(follower and follower.group(1).lower() in months)


def split_sentences(text: str, start: int, end: int, abbreviations: frozenset[str],
                    months: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, trimmed of spaces (``months``: lower-case month names)."""
    cuts: set[int] = set()
    segment = text[start:end]
    for match in _CJK_END.finditer(segment):
        cuts.add(start + match.end())
    for match in _LATIN_END.finditer(segment):
        if match.group(0).startswith(".") and (_abbreviation_before(segment, match.start(), abbreviations)
                                               or _ordinal_day_before_month(segment, match.start(), len(segment),
                                                                            months)):
            continue
        cuts.add(start + match.end())
    bounds = sorted(c for c in cuts if start < c < end)
    spans: list[tuple[int, int]] = []
    previous = start
    for cut in [*bounds, end]:
        switch = _language_switch(text, previous, cut)
        if switch:
            spans.append((previous, switch))
            previous = switch
        spans.append((previous, cut))
        previous = cut
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


# A speaker's label opening an interview turn or a transcript line: a name of up to four capitalised
# words or initials ("Marta Kowalska : ", "M. D.-N. : ", "HOST: "), a colon (French writes a space
# before it), then the turn in capitals. The claim is what was said, not who the page says said it.
_SPEAKER_LABEL = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w’'.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w’'.-]*){0,3})\s?:\s+(?=[\"“«]?[A-ZÀ-ÖØ-Þ])")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    marker = _LEAD_MARK.match(text[start:end])
    if marker and end - start > marker.end():
        start += marker.end()
    label = _SPEAKER_LABEL.match(text, start, end)
    if label and end - label.end() > 20:
        start = label.end()
    start += dateline_end(text[start:end])
    return start, end


# ---------------------------------------------------------------- claim test

def _word_count(text: str) -> int:
    # About two CJK characters a word; Japanese kana count like kanji; Arabic-script words by their letters.
    latin = len(_LATIN_WORD.findall(text))
    if text.isascii():
        return latin
    # Korean writes spaces between words: each run of Hangul is a word ("요금을", "인상했다").
    return latin + (len(_CJK.findall(text)) + len(_KANA.findall(text))) // 2 + len(_ARABIC_WORD.findall(text)) \
        + len(_HANGUL_WORD.findall(text))


def _has_event(text: str, lang: str, cues: Cues) -> bool:
    if lang == "en" and re.search(r"\b[a-z]{2,}ed\b", text):
        return True
    if has_cue(text, cues.all_words("event_verbs")):
        return True
    shapes = cues.data.get("event_shapes") or {}
    if _KANA.search(text):
        # Japanese: the kana shapes only (Latin shapes would read romanised names).
        return bool(_event_shapes(tuple(shapes.get("ja") or ())).search(text))
    if _CJK.search(text):
        return False
    # Language-specific shapes only on that language: German "-te" would read English "late".
    return bool(_event_shapes(tuple((shapes.get("any") or []) + (shapes.get(lang) or []))).search(text))


@lru_cache(maxsize=16)
def _event_shapes(shapes: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{s})" for s in shapes) or r"(?!x)x", re.I)


def _has_anchor(text: str, mentions: Sequence[Mention], lang: str = "", cues: Cues | None = None) -> bool:
    """Names someone/something: an entity mention, a (Latin) name inside Chinese text, or an
    institution that acts in the news ("the regulator", "die Finanzaufsicht")."""
    if mentions or (_CJK.search(text) and re.search(r"[A-Za-z]{2,}", text)):
        return True
    return cues is not None and (names_an_institution(text, lang, cues) or names_a_person(text, lang, cues))


def names_a_person(text: str, lang: str, cues: Cues) -> bool:
    """A local office holder or body ("the mayor", "la alcaldesa") or a person something
    happened to ("an elderly woman", "eine Frau"), in the sentence's language or English:
    a checkable subject though no name is given."""
    return any(has_cue(text, cues.words(key, lang) + cues.words(key, "en"))
               for key in ("local_actor_nouns", "person_nouns"))


def names_a_weekday(text: str, lang: str, cues: Cues) -> bool:
    """A day of the week ("on Monday", "am Montag", "lundi", "月曜日"): it dates the statement."""
    return has_cue(text, cues.words("weekdays", lang) + cues.words("weekdays", "en"))


_MONTH_WORD = re.compile(r"[^\W\d_]{4,}")


def names_a_month(text: str, lang: str, cues: Cues) -> bool:
    """A month named in full ("en avril", "in March", "im Oktober"): it dates the statement as a
    weekday does. English months only capitalised ("march" is a verb); abbreviations left out."""
    months = month_names(cues)
    return any(w.lower() in months and (lang != "en" or w[0].isupper()) for w in _MONTH_WORD.findall(text))


def names_an_institution(text: str, lang: str, cues: Cues) -> bool:
    """An ``actor_nouns`` word of the sentence's language (or English) occurs; German nouns
    also as the head of a compound ("Finanzaufsicht" ends in "aufsicht")."""
    nouns = cues.words("actor_nouns", lang) + cues.words("actor_nouns", "en")
    if has_cue(text, nouns):
        return True
    if lang == "de":
        heads = cues.words("actor_nouns", "de")
        return any(word.lower().endswith(heads) for word in re.findall(r"[^\W\d_]{4,}", text))
    return False


_QUOTED = re.compile(r"[\"“][^\"“”]{3,}[\"”]|(?<!\w)['‘][^'‘’]{3,}['’](?!\w)")


def unquoted(text: str) -> str:
    """``text`` without quoted words: a quote's "should" is the speaker's, not the writer's."""
    return _QUOTED.sub(" ", text)


def proper_names(doc: Document) -> frozenset[str]:
    """Capitalised words the document uses mid-sentence: evidence they are names."""
    found = re.findall(r"(?<=[a-z,;] )([A-Z][\w’'-]+)", doc.text)
    return frozenset(found)


def trailing_comment(text: str, lang: str, cues: Cues) -> bool:
    """The commentary is only a trailing clause after a factual main clause.

    "X restricted Y, highlighting growing scrutiny" reports that X restricted Y;
    "This highlights ..." does not. The main clause (before the first comma)
    must report an event and hold no commentary cue; the trailing clause must
    open with one of the ``trailing_commentary`` cues ("highlighting", 标志着 ...).
    """
    parts = re.split(r"[,，]\s*", text, maxsplit=1)
    if len(parts) < 2:
        return False
    main, rest = parts
    if has_cue(main, cues.all_words("analysis")) or not _has_event(main, lang, cues):
        return False
    low = rest.lower()
    return any(low.startswith(cue) for cue in cues.all_words("trailing_commentary"))


def _has_speaker(text: str, cues: Cues) -> bool:
    """Reported speech with someone reported as speaking: "..., the company said", "X said ...".

    The reporting verb must not open the sentence and a first or second person
    ("we say you should ...") is the writer, not a reported speaker.
    """
    low = text.lower()
    if re.match(r"^(?:we|i|you|our)\b", low):
        return False
    for match in _cue_regex(cues.all_words("reporting_verbs")).finditer(low):
        before = low[:match.start()]
        if _ARABIC.match(match.group(0)):
            # Arabic reports verb first ("قال المتحدث ...", "وأعلنت الشرطة ..."): the speaker follows.
            if before.strip() or _ARABIC_WORD.match(low[match.end():].lstrip()):
                return True
            continue
        if not before.strip():
            continue
        if _HANGUL.match(match.group(0)):
            return True       # Korean ends with its verb of saying ("...라고 밝혔다"): the topic said it
        if _CJK.search(match.group(0)) or _KANA.search(match.group(0)):
            # A Chinese verb of saying followed by a pause or a colon ("该公司表示，..."), or a
            # Japanese quotative ending ("...と述べた"): its speaker is the sentence's topic.
            if re.match(r"\s*[,，:：]", low[match.end():]) or match.group(0)[0] in "とを":
                return True
            continue
        # "their stated goal", "Smith's reported refusal": an adjective, not someone speaking.
        previous = re.search(r"([\w'’]+)\W*$", before)
        if previous and (previous.group(1) in _DETERMINERS or previous.group(1).endswith(("'s", "’s"))):
            continue
        return True
    return False


def rejection(text: str, lang: str, kind: str, mentions: Sequence[Mention], cues: Cues) -> str:
    """Why ``text`` is not a factual claim ("" when it is one)."""
    stripped = text.strip()
    low = stripped.lower()
    state = has_cue(stripped, cues.all_words("negated_states"))
    # A figure is a word of its own: "About 1,800 customers." answers a question in four words.
    if _word_count(stripped) + len(_FIGURE_RUN.findall(stripped)) < (3 if state else 4):
        return "too short"
    if re.search(r"[?？\u061f]\s*[\"'”’)»]*$", stripped) or re.match(r"^(q|问)\s*[:：]", low):
        return "question"
    if has_cue(stripped, cues.all_words("disclaimers")) or menu_line(stripped):
        return "disclaimer or chrome"
    if kind in ("paragraph", "quote", QA, HEADING, "") and not _TERMINAL.search(stripped):
        return "heading-like line"
    body = _LABEL.sub("", stripped) if kind == LIST else stripped
    body = unquoted(body).replace("’", "'")
    first = (re.match(r"[A-Za-z]+", body) or [""])[0].lower()
    if first in cues.words("imperatives", "en"):
        return "advice"
    reported = has_cue(body, cues.all_words("reporting_verbs")) and _has_speaker(body, cues)
    if has_cue(body, cues.all_words("advice")) and not reported and not planned_figure(body, lang, cues):
        # "Customers will get a refund, the company said" reports what was said.
        return "advice or prediction"
    if has_cue(body, cues.all_words("analysis")) and not trailing_comment(body, lang, cues):
        return "commentary"
    if re.match(r"^(we|i|you|our)\b", body.lower()) and not has_cue(body, cues.all_words("reporting_verbs")):
        return "first-person opinion"
    if not reported and evaluative(body, lang, cues):
        return "commentary"           # "X is a triumph for Y", "C'est un échec": a judgement
    if _SCARE_QUOTED_SUBJECT.match(stripped):
        return "commentary"           # 'The "trust" X speaks of is now ...': the writer weighing a word
    if contrast_without_actor(stripped, mentions):
        return "commentary"
    if description_row(stripped):
        return "entity description"
    # A clock time or a date written with digits ("来年1月", "at 17:25") dates it like a weekday.
    figures = bool(numbers_in(body, cues, lang) or dates_in(body, cues, None) or names_a_weekday(body, lang, cues)
                   or not_figures(body, body.lower(), cues, lang) or names_a_month(body, lang, cues))
    # A source named as the origin ("according to", "selon", "laut"); a bare hedge
    # ("reportedly") names no one.
    hedges = cues.all_words("hedges")
    attributed = has_cue(body, tuple(a for a in cues.all_words("attributions") if a not in hedges))
    # "No customer data was lost", "Geen passagiers raakten gewond": the subject is a negated
    # quantity, which the report can be checked against though no one is named.
    negated = body.lstrip(" \"'“‘").lower().startswith(cues.all_words("negative_openers"))
    if not (_has_anchor(body, mentions, lang, cues) or figures or reported or attributed or state or negated):
        # "The plant employs 340 people", "fire officials said ...", "according to the police,
        # ...": a figure, a date, a reporting verb or an attribution makes a sentence
        # checkable even when its subject is a common noun.
        return "names no one"
    if not (_has_event(body, lang, cues) or figures or reported or state):
        return "reports no event"
    opener = next((o for o in cues.all_words("commentary_openers") if body.lower().startswith(o)), "")
    if opener and not (has_cue(body, cues.all_words("attributions")) or has_cue(body, cues.all_words("reporting_verbs"))):
        return "commentary"
    return ""


def planned_figure(text: str, lang: str, cues: Cues) -> bool:
    """The only advice words are ones that also tell a plan in the past ("sollte ... kosten": was to
    cost; ``planned_with_figure``), and the sentence states a figure: what was planned, no advice."""
    planned = cues.words("planned_with_figure", lang)
    if not planned or not has_cue(text, planned) or not re.search(r"\d", text):
        return False
    rest = _cue_regex(planned).sub(" ", text.lower())
    return not has_cue(rest, cues.all_words("advice"))


def evaluative(text: str, lang: str, cues: Cues) -> bool:
    """A copula then, within three words, a judging noun ("is a triumph for", "c'est un échec",
    "ist ein Skandal"; ``evaluations`` in claims_cues.yaml), and no digit: the writer's or a
    speaker's verdict, no checkable fact."""
    if re.search(r"\d", text):
        return False
    pattern = _evaluation_pattern(cues, lang)
    return pattern is not None and pattern.search(text.lower().replace("’", "'")) is not None


def _evaluation_pattern(cues: Cues, lang: str) -> re.Pattern[str] | None:
    key = ("evaluation pattern", lang)
    if key not in cues.flat:
        data = cues.data.get("evaluations") or {}
        copulas = sorted({str(w).lower() for w in (data.get("copulas") or {}).get(lang, ())}, key=len, reverse=True)
        nouns = sorted({str(w).lower() for w in (data.get("nouns") or {}).get(lang, ())}, key=len, reverse=True)
        cues.flat[key] = re.compile(
            r"(?<![\w'])(?:" + "|".join(map(re.escape, copulas)) + r")(?:\s+[\w'-]+){0,3}?\s+(?:"
            + "|".join(map(re.escape, nouns)) + r")(?!\w)") if copulas and nouns else None
    return cues.flat[key]


_MENU_SEPARATOR = re.compile(r"\s[·•]\s")


def menu_line(text: str) -> bool:
    """A row of short links or buttons ("Share on X · Share by email · Comments (12)"): three or
    more parts of at most four words between middle dots or bullets, no sentence among them."""
    parts = _MENU_SEPARATOR.split(text)
    if len(parts) >= 3:
        return all(_word_count(p) <= 4 for p in parts)
    # Two parts ("Share this · Comments (23)"): buttons when the line does not end as a sentence
    # does and both parts are at most three words.
    return len(parts) == 2 and not re.search(r"[.!。！]\s*$", text) and all(_word_count(p) <= 3 for p in parts)


_SCARE_QUOTED_SUBJECT = re.compile(r"^the\s+[\"“‘'][^\"“”‘’']{1,30}[\"”’']\s", re.I)


def contrast_without_actor(text: str, mentions: Sequence[Mention]) -> bool:
    """'While X has been noted for A, discussions have persisted': the main clause (after
    the concessive "while" clause) names no one, so the sentence reports nothing checkable."""
    match = re.match(r"^(?:while|although|though|whereas)\b[^,，]*[,，]\s*(.+)$", text, re.I | re.S)
    if not match:
        return False
    main = match.group(1)
    return not any(m.text in main for m in mentions) and not re.search(r"(?<=[a-z,;] )[A-Z][a-z]+", main)


def description_row(text: str) -> bool:
    """A key-data row describing an entity: "Jane Roe Former CFO; described a deal. -".

    The part before ";" is a name and a role (no verb); the part after it starts
    with a bare verb (no subject). Such a row says who someone is for the entity
    index; the fact it mentions is stated in full in the body.
    """
    head, sep, tail = text.partition(";")
    if not sep or not re.match(r"\s*[a-z]+(?:ed|ing)?\b", tail):
        return False
    first = re.match(r"\s*([a-z]+)", tail).group(1)
    return bool(re.fullmatch(r"[a-z]{2,}ed|said|told|met|led|made|won|lost|held|ran|wrote|gave|took", first)) \
        and not re.search(r"\b[a-z]{2,}ed\b|\b(?:is|was|are|were|has|had|said)\b", head)


# ---------------------------------------------------------------- attributes

def numbers_in(text: str, cues: Cues, lang: str = "") -> tuple[str, ...]:
    """Numbers stated in ``text``, excluding versions glued to a name ("Model 5").

    Amounts are normalised across languages: a scale word ("1,2 Millionen", "180 mil",
    "5000万") multiplies, a currency named after the amount ("210 millions d'euros",
    "ユーロ") becomes the symbol written before one ("€"), and ``lang`` tells whether
    "41.000" is forty-one thousand (continental) or forty-one (English).
    """
    amounts, low = _amounts(text, cues, lang)
    found = [currency + value for _, _, currency, value in amounts]
    words = cues.data.get("number_words") or {}
    low, compounds = _compound_numbers(low, words)
    found.extend(compounds)
    if lang not in _CUE_NUMBER_WORD_LANGS:
        # Number words of the sentence's own language ("neun Stunden", "deux hôpitaux"), as
        # counts read them: English words would misread other languages' words.
        table = load_counts().number_words.get(lang) or {}
        if table:
            present = set(_LETTER_RUN.findall(low))
            found.extend(str(value) for word, value in table.items() if word in present)
        return tuple(sorted(set(found)))
    present = {m.group(0) for m in _cue_regex(tuple(str(w).lower() for w in words)).finditer(low)}
    for word, value in words.items():
        if str(word).lower() not in present or str(word).lower() in _PRONOUN_NUMBERS:
            continue
        if _CJK.fullmatch(str(word)):
            if str(word) in text and re.search(r"(?<!第)" + re.escape(str(word)) + r"[款个家名天位项次种年]", text):
                found.append(str(value))
        elif _word_regex(str(word)).search(low):
            found.append(str(value))
    return tuple(sorted(set(found)))


# Number words of these languages are read from claims_cues.yaml number_words (English and
# the CJK numerals); other languages' from claims_counts.yaml, by language.
_CUE_NUMBER_WORD_LANGS = frozenset({"", "en", "zh", "ja", "ko"})
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# "one of the largest", "no one was hurt": a pronoun far more often than a figure (claims_counts
# leaves it out for the same reason); still the unit of "twenty-one".
_PRONOUN_NUMBERS = frozenset({"one"})


def _amounts(text: str, cues: Cues, lang: str) -> tuple[list[tuple[int, int, str, str]], str]:
    """The amounts written in digits, as (start, end, currency, value) with ``value`` normalised
    ("1,2 Millionen" -> "1200000", "5 %" -> "5%"), and the lower-cased text with them blanked
    out, so that "million" in "240 million" is not read again as a number word. Clock times
    and the digits of dates are blanked first: "17:25" is a time, "14. November" and "9日"
    are dates, none of them figures."""
    found: list[tuple[int, int, str, str]] = []
    # Lower-cased character by character, so offsets into ``text`` stay valid ("İ" grows).
    low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for start, end in not_figures(text, low, cues, lang):
        low = low[:start] + " " * (end - start) + low[end:]
    if _EAST_ASIAN.search(text):
        for start, end, value in east_asian_amounts(low, cues):      # ``low``: a span read is blanked
            found.append((start, end, _currency_of(text, end, "", cues), format(value, ".0f")))
            low = low[:start] + " " * (end - start) + low[end:]
    pattern, scales, percents = _amount_regex(cues, spaced=lang not in ("", "en") and lang not in _CJK_SCRIPTS,
                                              lang=lang)
    consumed = 0
    for match in pattern.finditer(low):
        if match.start() < consumed:
            continue        # the rest of an amount read with its scale ("200" of "3 bin 200")
        currency, digits, unit = match.group(1) or "", match.group(2), (match.group(3) or "").strip().lower()
        if glued_to_name(text, match.start(), unit, lang, match.end(2)) or re.search(r"[A-Za-z]$", text[:match.start()]):
            continue        # part of a product / version name ("Model 5", "A4"), not "Globex 12 million"
        if _YEAR.fullmatch(digits) and not unit:
            continue        # years are dates
        if not unit and not currency and ordinal_at(text, match.start(2), match.end(2), lang):
            continue        # "the 4th quarter", "4e trimestre", "4. Quartal", "第4": a rank, no amount
        value = _plain_number(digits, lang)
        if value is None:
            continue
        end = match.end()
        if unit in scales:
            amount = float(value) * scales[unit]
            rest = _SCALE_REST.match(low, end)
            if rest and int(rest.group(1)) < scales[unit] and float(value) == int(float(value)):
                amount += int(rest.group(1))         # "3 bin 200", "4 ribu 500": the scale, then the rest
                end = rest.end()
            value = format(amount, ".0f")
        elif unit in percents:
            value += "%"
        found.append((match.start(), end, _currency_of(text, end, currency, cues), value))
        low = low[:match.start()] + " " * (end - match.start()) + low[end:]
        consumed = end
    return found, low


# After digits, an ordinal suffix ("4th", "1st", "4e", "1er", "2ème", "4º", "4.ª") makes them a rank.
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th|e|er|re|ère|ème|eme|ième|º|ª|\.º|\.ª)(?![^\W\d_])", re.I)
# Languages writing an ordinal as digits and a dot ("4. Quartal", "3. sija"): inside a sentence,
# "4. " before a word is a rank (a date's day is read as a date first).
_DOT_ORDINAL_LANGS = frozenset({"de", "da", "no", "nb", "nn", "fi", "et", "lv", "lt", "pl", "cs", "sk", "sl",
                                "hr", "sr", "bs", "hu", "tr", "is"})
_DOT_ORDINAL = re.compile(r"\.\s+[^\W\d_]")
_ORDINAL_PREFIXES = ("第",)            # "第4", "第四": the fourth


def ordinal_at(text: str, start: int, end: int, lang: str = "") -> bool:
    """The number written at [start, end) is an ordinal (a rank, not an amount): digits with an
    ordinal suffix, a CJK "第" before it, or (in languages writing ordinals so) a dot and a word."""
    if text[max(0, start - 1):start] in _ORDINAL_PREFIXES:
        return True
    if _ORDINAL_SUFFIX.match(text, end):
        return True
    return lang in _DOT_ORDINAL_LANGS and _DOT_ORDINAL.match(text, end) is not None


def glued_to_name(text: str, at: int, unit: str = "", lang: str = "", end: int = -1) -> bool:
    """The number at ``at`` is part of a name with a version ("Model 5", "Widget 7"), not an amount.

    A capitalised word right before it makes it a version unless a scale word follows
    ("Globex 12 million") or the word opens a figure ("About 3,400", "Rund 2,1 Millionen",
    ``figure_openers`` in claims_counts.yaml). In a language capitalising every noun (``lang``;
    ``end``: where the number's digits end) the word must also look like a name: see
    ``reads_as_version``.
    """
    word = _WORD_BEFORE.search(text, 0, at)         # bounded search: no copy of the text before
    if not word or unit:
        return False
    counts = load_counts()
    if word.group(1).lower() in counts.figure_openers:
        return False
    if lang not in ("", "en") and lang not in counts.capitalised_nouns and _opens_sentence(text, word.start(1)) \
            and word.group(1)[1:].islower() and word.group(1).isalpha():
        return False        # "Sebanyak 2.750 orang", "Saatte 70 km": a plain word capitalised as the first one
    if lang in counts.capitalised_nouns and end > at:
        return reads_as_version(word.group(1), text, at, end, lang)
    return True


def _opens_sentence(text: str, at: int) -> bool:
    """Only spaces, quotes or an opening bracket before ``at``, or a sentence's end."""
    before = text[max(0, at - 3):at].rstrip(" \"'“‘«(")
    return not before or before[-1] in ".!?:"


def reads_as_version(word: str, text: str, start: int, end: int, lang: str) -> bool:
    """In a language that capitalises every noun, a capitalised word before the number at
    [start, end) makes it a version only with more evidence than the capital: a brand-like word
    (a capital or digit inside, "iPhone", "BMW", "X5"), a version-like number ("2.0", "11a"), or
    no noun of the number after it ("Kapitel 7 der Verordnung": a word opening another phrase,
    ``capitalised_nouns`` in claims_counts.yaml). "die Firma 12 Kunden", "das Werk 300 neue
    Beschäftigte" count: the counted noun follows, capitalised."""
    if not _PLAIN_NOUN.fullmatch(word) or _VERSION_NUMBER.match(text, start, end + 2):
        return True
    after = _NOUN_AFTER.match(text, end)
    if not after:
        return True
    between = (after.group(1) or "").lower()
    return between in load_counts().capitalised_nouns.get(lang, ())


_WORD_BEFORE = re.compile(r"([A-Z][\w-]*)\s$")
# A noun as German writes it: one capital, then small letters ("Firma", "Beschäftigte").
_PLAIN_NOUN = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*")
# A version number: a point release ("2.0", "3.11") or digits with a letter ("11a", "5S").
_VERSION_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}(?!\d)|\d{1,3}[A-Za-z](?![^\W\d_])")
# After the number: a capitalised noun, maybe after one small word ("12 neue Kunden").
_NOUN_AFTER = re.compile(r"\s+(?:([a-zäöüß]+)\s+)?[A-ZÄÖÜ][a-zäöüß]")


_EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def east_asian_amounts(low: str, cues: Cues) -> list[tuple[int, int, float]]:
    """(start, end, value) of amounts written with East Asian scale characters (``east_asian_scales``
    in claims_cues.yaml: 万/만 10^4, 億/亿/억 10^8, 兆/조 10^12, 千/천 10^3): a run of figures each
    with a smaller scale than the one before, maybe spaced, maybe with a rest in plain digits:
    "35억 2,700만" = 3,527,000,000, "57억 3,100만", "2만5천" = 25,000, "3兆4500億" = 3.45 x 10^12,
    "2億4000万", "1万2000"."""
    scales = _east_asian_scales(cues)
    if not scales:
        return []
    pattern = _east_asian_pattern(tuple(sorted(scales)))
    found: list[tuple[int, int, float]] = []
    for match in pattern.finditer(low):
        total, last, end = 0.0, None, match.start()
        for part in _EAST_ASIAN_PART.finditer(match.group(0)):
            scale = scales[part.group(2)]
            if last is not None and scale >= last:
                break           # "3만 5만": two amounts, not one
            total += float(part.group(1).replace(",", "")) * scale
            last, end = scale, match.start() + part.end()
        rest = _EAST_ASIAN_REST.match(low, end)
        if rest and last is not None and last >= 10 ** 4 and len(rest.group(1)) <= len(str(last)) - 1:
            total += float(rest.group(1))      # "1万2000": ten thousand and two thousand
            end = rest.end()
        found.append((match.start(), end, total))
    return found


def _east_asian_scales(cues: Cues) -> dict[str, int]:
    if "east asian scales" not in cues.flat:
        cues.flat["east asian scales"] = {str(k): int(v) for k, v in (cues.data.get("east_asian_scales") or {}).items()}
    return cues.flat["east asian scales"]


@lru_cache(maxsize=4)
def _east_asian_pattern(scales: tuple[str, ...]) -> re.Pattern[str]:
    chars = "".join(re.escape(c) for c in scales)
    part = r"\d+(?:,\d{3})*(?:\.\d+)?\s?[" + chars + "]"
    return re.compile(r"(?<![\d.,])" + part + r"(?:\s?" + part + ")*")


_EAST_ASIAN_PART = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s?(\S)")
_EAST_ASIAN_REST = re.compile(r"(\d{1,4})(?![\d.,])")
_CJK_SCRIPTS = ("zh", "ja", "ko")


@lru_cache(maxsize=4)
def _amount_regex_for(scales: tuple[str, ...], percents: tuple[str, ...], spaced: bool = False) -> re.Pattern[str]:
    """Symbol, digits (with "," or "." groups; with ``spaced`` also space groups, "3 400") and a
    scale or percent word, on lower-cased text."""
    def alternation(words: tuple[str, ...]) -> str:
        # Latin words must end there ("mil" is not "military"); CJK and "%" signs need not.
        return "|".join(re.escape(w) + ("" if not w[-1].isalpha() or _CJK.search(w) else r"(?![^\W\d_])")
                        for w in sorted(words, key=len, reverse=True))
    grouped = _SPACE_GROUPED.pattern + r"(?![\d.,])|" if spaced else ""
    return re.compile(r"(?<![A-Za-z0-9_.,])([$€£¥₩])?(" + grouped + r"\d+(?:[.,]\d+)*)"
                      r"(\s*(?:" + alternation(scales + percents) + r"))?")


# Thousands grouped by spaces, as French, Spanish and Portuguese write them ("12 000", "3 400").
_SPACE_GROUPED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+")


def _amount_regex(cues: Cues, spaced: bool = False, lang: str = "") -> tuple[re.Pattern[str], dict[str, int],
                                                                            frozenset[str]]:
    """The amount pattern with its scale and percent words, built once per cue set and language:
    ``number_scales`` everywhere, ``local_number_scales`` and ``local_percent_words`` only in their
    language (Turkish "bin" is a thousand, English "bin" is not)."""
    local = (cues.data.get("local_number_scales") or {}).get(lang) or {}
    local_percents = (cues.data.get("local_percent_words") or {}).get(lang) or ()
    key = ("amount pattern", spaced, lang if local or local_percents else "")
    if key not in cues.flat:
        scales = {str(k).lower(): int(v) for k, v in {**(cues.data.get("number_scales") or {}), **local}.items()}
        percents = frozenset(str(p).lower() for p in [*(cues.data.get("percent_words") or ()), *local_percents])
        pattern = _amount_regex_for(tuple(sorted(scales)), tuple(sorted(percents)), spaced)
        cues.flat[key] = (pattern, scales, percents)
    return cues.flat[key]


# After a scale word, a smaller number adding to it ("3 bin 200" = 3,200; not a date or a clock time).
_SCALE_REST = re.compile(r"\s+(\d{1,3})(?![\d.,:/])")


def _plain_number(digits: str, lang: str) -> str | None:
    """``digits`` as written in ``lang``, without group separators ("1,200" -> "1200",
    German "41.000" -> "41000", "2,1" -> "2.1"); None for a list or an address ("1.2.3")."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
        return digits.replace(",", "")
    if _SPACE_GROUPED.fullmatch(digits):
        return re.sub(r"\D", "", digits)
    continental = lang not in ("", "en") and lang not in _CJK_SCRIPTS
    if continental and re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
        return digits.replace(".", "").replace(",", ".")
    if re.fullmatch(r"\d+,\d{1,2}", digits):
        return digits.replace(",", ".")      # a decimal comma: "1,2 milhões", "3,5 %"
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return digits
    return None


def _currency_of(text: str, end: int, symbol: str, cues: Cues) -> str:
    """The currency symbol of an amount: written before it, or named right after it."""
    if symbol:
        return symbol
    after = text[end:end + 24].lstrip().lower()
    for sign, names in sorted((cues.data.get("currency_words") or {}).items()):
        for name in sorted((str(n).lower() for n in names), key=len, reverse=True):
            latin = name[-1].isalpha() and not (_CJK.search(name) or _KANA.search(name) or _HANGUL.search(name))
            if after.startswith(name) and not (latin and re.match(r"[^\W\d_]", after[len(name):len(name) + 1])):
                return str(sign)
    return ""


def counts_in(text: str, cues: Cues, lang: str) -> tuple[str, ...]:
    """What ``text`` counts, language-neutral: "about 1.2 million customers", "2,1 Millionen
    Kunden", "120万名客户" -> "customer=1200000" (class and value, sorted).

    A count is a number (digits read as ``lang`` writes them, with a scale word, or a
    number word) followed by a counted noun of ``lang`` (``claims_counts.yaml``): right
    after it, after a link ("of its", "de", "d'"), after one other word ("3,400 rail
    passengers") or, in Chinese and Japanese, after a counter ("名", "人の"). Money and
    percentages are amounts, not counts.
    """
    words = load_counts()
    if not words.nouns.get(lang) or not _any_counted_noun(words, lang).search(text.lower()):
        return ()       # most sentences name nothing countable: no need to read their numbers
    amounts, blanked = _amounts(text, cues, lang)
    numbers = [(start, end, float(value)) for start, end, currency, value in amounts
               if not currency and value[-1:].isdigit()]
    # Number words where no amount was read ("million" in "1.2 million" is not one).
    numbers += _number_words_at(text, blanked, words, lang)
    low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    found: set[str] = set()
    for start, end, value in numbers:
        noun = _counted_noun(text, low, end, words, lang)
        if noun:
            found.add(f"{noun}={bound_before(low, start, words, lang)}{format(value, '.15g')}")
    return tuple(sorted(found))


def bound_before(low: str, start: int, words: CountWords, lang: str, near: bool = False) -> str:
    """">" or "<" when the number at ``start`` is a bound ("more than 300", "mehr als 300",
    "plus de 300", "fewer than 10"), not an exact figure; "" otherwise. With ``near``, a figure
    nearly reached ("nearly 300", "knapp 300") is marked too ("~")."""
    phrases = words.bounds.get(lang or "en") or ()
    if near:
        phrases = (*phrases, *(words.near.get(lang or "en") or ()))
    if not phrases or not start:
        return ""
    before = low[max(0, start - 32):start].rstrip()
    for phrase, op in phrases:
        # A Latin phrase is a whole word ("more than", not "...more than"); CJK needs no spaces.
        if before.endswith(phrase) and (_CJK.search(phrase) or not before[-len(phrase) - 1:-len(phrase)].isalpha()):
            return op
    return ""


def bounded_numbers(text: str, numbers: Sequence[str], lang: str) -> tuple[str, ...]:
    """``numbers`` (a statement's, as numbers_in reads them) with the bound each is written after
    kept before it: "more than 300 flights" -> ">300", "nearly $2 million" -> "~$2000000", so a
    claim's figures do not read "230, 300" when one source said "more than 300". A figure written
    both bounded and exactly in the sentence stays exact. Only sentences naming a bound are read
    again."""
    if not numbers:
        return tuple(numbers)
    words = load_counts()
    key = lang or "en"
    phrases = (*(words.bounds.get(key) or ()), *(words.near.get(key) or ()))
    low = text.lower()
    if not any(phrase in low for phrase, _ in phrases):
        return tuple(numbers)
    ops = _number_bounds(ascii_digits(text), lang)
    return tuple(sorted({ops.get(n, "") + n for n in numbers}))


@lru_cache(maxsize=4096)
def _number_bounds(text: str, lang: str) -> dict[str, str]:
    """Normalised number -> ">", "<" or "~" when every time it is written in ``text`` it follows a bound."""
    cues, words = load_cues(), load_counts()
    amounts, blanked = _amounts(text, cues, lang)
    low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    seen: dict[str, set[str]] = defaultdict(set)
    for start, _, currency, value in amounts:
        seen[currency + value].add(bound_before(low, start, words, lang, near=True))
    for start, _, value in _number_words_at(text, blanked, words, lang or "en"):
        seen[format(value, ".15g")].add(bound_before(low, start, words, lang, near=True))
    return {number: next(iter(ops)) for number, ops in seen.items() if len(ops) == 1 and "" not in ops}


def bare_comparatives(text: str, lang: str) -> frozenset[str]:
    """Count classes that ``text`` compares without a figure ("more users than the firm admitted",
    "viel mehr Nutzer", "plus d'emplois"): neither an exact count nor a bound."""
    words = load_counts()
    pattern = _comparative_pattern(words, lang)
    if pattern is None:
        return frozenset()
    nouns = words.nouns.get(lang) or {}
    return frozenset(nouns[m.group(1)] for m in pattern.finditer(text.lower()))


def _comparative_pattern(words: CountWords, lang: str) -> re.Pattern[str] | None:
    key = ("comparative", lang)
    if key not in words.patterns:
        comparatives = words.comparatives.get(lang) or ()
        nouns = _by_length(words.nouns.get(lang) or ())
        words.patterns[key] = re.compile(
            r"(?<![^\W\d_])(?:" + "|".join(re.escape(c) for c in comparatives) + r")\s*("
            + "|".join(re.escape(n) for n in nouns) + r")(?![^\W\d_])") if comparatives and nouns else None
    return words.patterns[key]


def _number_words_at(text: str, low: str, words: CountWords, lang: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of the number words of ``lang`` in ``low`` ("two", "zwei", "两")."""
    table = words.number_words.get(lang) or {}
    found: list[tuple[int, int, float]] = []
    for word, value in sorted(table.items()):
        if _CJK.fullmatch(word):
            for match in re.finditer(re.escape(word), text):
                # Not a digit of a longer number ("十五", "三十"): only a number standing alone.
                # Nor a rank ("第四").
                before = text[match.start() - 1:match.start()]
                if before not in table and before not in _ORDINAL_PREFIXES \
                        and text[match.end():match.end() + 1] not in table:
                    found.append((match.start(), match.end(), float(value)))
        else:
            found.extend((m.start(), m.end(), float(value)) for m in _word_regex(word).finditer(low))
    return found


def _counted_noun(text: str, low: str, end: int, words: CountWords, lang: str) -> str:
    """The class of the counted noun right after a number ending at ``end`` ("" when none)."""
    if lang in _CJK_SCRIPTS:
        return _cjk_counted_noun(text[end:end + 16].lstrip(), words, lang)
    match = _noun_phrase(words, lang).match(low, end)
    if not match:
        return ""
    between = match.group(1)
    if between and (between in words.not_between.get(lang, ()) or between in (words.number_words.get(lang) or {})):
        return ""       # "12 and 30 customers": the noun belongs to another number
    return words.nouns[lang][match.group(2)]


def _cjk_counted_noun(rest: str, words: CountWords, lang: str) -> str:
    """The class of the longest counted noun after an optional counter and particle
    ("名乘客", "人の乗客", "户家庭"), or of the counter itself as a noun ("3400人", "140万世帯")."""
    nouns = words.nouns.get(lang) or {}
    best = ("", 0)
    for counter in ("", *words.counters.get(lang, ())):
        for joiner in ("", *words.joiners.get(lang, ())):
            prefix = counter + joiner
            if not rest.startswith(prefix):
                continue
            for form, name in nouns.items():
                size = len(prefix) + len(form)
                if rest.startswith(form, len(prefix)) and (size > best[1] or (size == best[1] and name < best[0])):
                    best = (name, size)
    return best[0]


def _any_counted_noun(words: CountWords, lang: str) -> re.Pattern[str]:
    """Any counted noun of ``lang``: whole words in Latin script, substrings in CJK."""
    key = ("any noun", lang)
    if key not in words.patterns:
        forms = "|".join(re.escape(w) for w in _by_length(words.nouns.get(lang) or ()))
        bounded = lang not in _CJK_SCRIPTS
        end = "" if lang in words.suffixing else r"(?![^\W\d_])"
        words.patterns[key] = re.compile(rf"(?<![^\W\d_])(?:{forms}){end}" if bounded else forms)
    return words.patterns[key]


def _noun_phrase(words: CountWords, lang: str) -> re.Pattern[str]:
    """After a number: an optional link, an optional other word, then a counted noun of ``lang``
    (group 1: the word between, group 2: the noun)."""
    if lang not in words.patterns:
        links = "|".join(re.escape(w) for w in words.links.get(lang, ()))
        nouns = "|".join(re.escape(w) for w in _by_length(words.nouns.get(lang) or ()))
        link = rf"(?:(?:{links})(?:\s+|(?<=['’])))?" if links else ""
        end = r"[^\W\d_]*" if lang in words.suffixing else r"(?![^\W\d_])"     # "kişi-yi": the noun, its ending
        # A unit joined by a hyphen ("a four-year ban", "a 70-km stretch") counts as well.
        words.patterns[lang] = re.compile(rf"(?:\s*|-){link}(?:([^\W\d_]+)\s+)?({nouns}){end}")
    return words.patterns[lang]


def _compound_numbers(low: str, words: dict) -> tuple[str, list[str]]:
    """Hyphenated number words ("twenty-three" -> 23), and ``low`` with them blanked out
    so that their last part is not read again as a number of its own."""
    tens = [str(w) for w, v in words.items() if isinstance(v, int) and 20 <= v <= 90 and v % 10 == 0]
    units = [str(w) for w, v in words.items() if isinstance(v, int) and 1 <= v <= 9 and str(w).isascii()]
    if not tens or not any(t in low for t in tens):
        return low, []
    pattern = _compound_regex(tuple(sorted(tens)), tuple(sorted(units)))
    found = [str(int(words[m.group(1)]) + int(words[m.group(2)])) for m in pattern.finditer(low)]
    return pattern.sub(lambda m: " " * len(m.group(0)), low), found


@lru_cache(maxsize=4)
def _compound_regex(tens: tuple[str, ...], units: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(tens) + r")[- ](" + "|".join(units) + r")\b")


def dates_in(text: str, cues: Cues, year: str | None, reference: str | None = None) -> tuple[str, ...]:
    """Calendar dates in ``text`` as ISO strings; month-day only gets the doc's year, and a
    Chinese or Japanese day of the month alone ("9日", "9日午後") the month of ``reference``
    (the source's date, YYYY-MM-DD) or the one before or after it, whichever is nearest: news
    write the day only for days close to the day they are published."""
    found: set[str] = set()
    if reference and _DAY_ONLY_CUE.search(text):
        for match in _DAY_ONLY.finditer(text):
            resolved = resolve_day(int(match.group(1) or match.group(2)), reference)
            if resolved:
                found.add(resolved)
    for y, m, d in _ISO_DATE.findall(text):
        found.add(f"{y}-{m}-{d}")
    months = cues.data.get("months") or {}
    names = tuple(sorted(str(n) for n in months))
    for name, day, yr in _month_regex(names).findall(text):
        month = int(months[name.lower()])
        found.add(_iso(yr or year, month, int(day)))
    hedges = cues.all_words("hedges")
    for day, name, yr in _day_first_regex(names).findall(text):
        if name.islower() and name in hedges:
            continue        # "30 may leave": the verb, not the month (months are capitalised in English)
        if 1 <= int(day) <= 31:
            found.add(_iso(yr or year, int(months[name.lower()]), int(day)))
    for yr, month, day in _ZH_DATE.findall(text):
        found.add(_iso(yr or year, int(month), int(day)))
    if "/" in text:
        for match in _numeric_dates(cues).finditer(text.lower()):
            day, month, yr = match.group(2), match.group(3), match.group(4)
            if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
                found.add(_iso(yr or year, int(month), int(day)))
    return tuple(sorted(found))


def _numeric_dates(cues: Cues) -> re.Pattern[str]:
    """Day/month dates after a word for "day" or "date" (``numeric_date_words``: "ngày 16/11",
    "tanggal 3/5/2026"): day first, as the languages writing such a word before them do. Group 1:
    the digits, 2-4: day, month, year."""
    if "numeric dates" not in cues.flat:
        words = "|".join(re.escape(str(w).lower()) for w in sorted(cues.data.get("numeric_date_words") or (),
                                                                    key=len, reverse=True))
        cues.flat["numeric dates"] = re.compile(
            r"(?<![^\W\d_])(?:" + words + r")\s+((\d{1,2})/(\d{1,2})(?:/((?:19|20)\d{2}))?)(?![\d/])"
            if words else r"(?!x)x()()()()")
    return cues.flat["numeric dates"]


_DAY_ONLY_CUE = re.compile(r"\d[日일]")
# A day of the month without a month ("9日", "7日午前"), not "5月9日" (read as a full date),
# nor a duration or a count of days ("3日間", "2日後", "4日前"), nor "日本".
_DAY_ONLY = re.compile(r"(?<![\d月年.,])(\d{1,2})日(?![間间後后前以本連连分目])"
                       # Korean "18일 밝혔다"; not "3일간" (for three days), "2일째", "5일 만에", "3일 전/후".
                       r"|(?<![\d.,])(?<!월 )(?<!월)(\d{1,2})일(?![간째]|\s?(?:만에|전|후|동안))")
_CJK_MONTH_DIGITS = re.compile(r"(?<![\d.,])\d{1,2}(?=[月日월일])|(?<![\d.,])\d{2,4}(?=\s?[年년]\s?\d{1,2}\s?[月월])")


def resolve_day(day: int, reference: str) -> str:
    """The date of day ``day`` nearest to ``reference`` ("YYYY-MM-DD"): in its month, the one
    before or the one after ("" when ``reference`` is not a date or no such day exists)."""
    try:
        ref = datetime.date.fromisoformat(reference[:10])
    except ValueError:
        return ""
    candidates = []
    for shift in (-1, 0, 1):
        month = ref.month + shift
        year = ref.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        try:
            candidates.append(datetime.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return ""
    return min(candidates, key=lambda d: (abs((d - ref).days), d)).isoformat()


def document_date(doc: Document) -> str | None:
    """The source's date: its publication date, else a full date on its first lines (a date line
    the metadata did not read: "2031年5月9日 08:05", "2031-05-09", "09.05.2031")."""
    if doc.metadata.published:
        return doc.metadata.published
    head = doc.text[:400]
    found = []
    for match in _ISO_DATE.finditer(head):
        found.append((match.start(), _iso(match.group(1), int(match.group(2)), int(match.group(3)))))
    for match in _ZH_DATE.finditer(head):
        if match.group(1):
            found.append((match.start(), _iso(match.group(1), int(match.group(2)), int(match.group(3)))))
    for match in _DOTTED_DATE.finditer(head):
        found.append((match.start(), _iso(match.group(3), int(match.group(2)), int(match.group(1)))))
    for _, iso in sorted(found):
        try:
            datetime.date.fromisoformat(iso)
        except ValueError:
            continue
        return iso
    return None


_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)")


# ---------------------------------------------------------------- times and not-figures

# Clock times: "17:25", "2:40 a.m.", "14.30 Uhr", "4 Uhr", "14h30", "午前4時", "晚上8点".
_CLOCK_COLON = re.compile(r"(?<![\d.,:])(\d{1,2}):(\d{2})(?![\d:])(?:\s*([ap])\.?\s?m\b\.?)?")
_CLOCK_UHR = re.compile(r"(?<![\d.,:])(\d{1,2})(?:\.(\d{2}))?\s*uhr(?![^\W\d_])()")
_CLOCK_H = re.compile(r"(?<![\d.,:])(\d{1,2})\s?h\s?(\d{2})(?!\d)()")
_CLOCK_AMPM = re.compile(r"(?<![\d.,:])(\d{1,2})()\s*([ap])\.m\.?")
_CLOCK_CJK = re.compile(r"(午前|午後|上午|下午|凌晨|早上|晚上|夜)?(\d{1,2})(?:時|时|点|點)(?![間间])(?:(\d{1,2})分|(半))?")
_AFTERNOON = frozenset({"p", "午後", "下午", "晚上", "夜"})


def clock_times(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "HH:MM") of the clock times in ``text``: a time of day, not figures."""
    low = text.lower()
    if not any(c.isdigit() for c in low):
        return []
    found: list[tuple[int, int, str]] = []
    for pattern in (_CLOCK_COLON, _CLOCK_UHR, _CLOCK_H, _CLOCK_AMPM):
        for match in pattern.finditer(low):
            _add_time(found, match.start(), match.end(), match.group(1), match.group(2), match.group(3))
    words = _clock_words(load_cues())
    if words is not None:
        for match in words.finditer(low):
            groups = match.groupdict()
            hours = groups.get("h") or groups.get("H")
            _add_time(found, match.start(), match.end(), hours, groups.get("m") or groups.get("M") or groups.get("N"), "")
    if _CJK.search(text) or _KANA.search(text):
        for match in _CLOCK_CJK.finditer(text):
            minutes = match.group(3) or ("30" if match.group(4) else "")
            _add_time(found, match.start(), match.end(), match.group(2), minutes,
                      "p" if match.group(1) in _AFTERNOON else "")
    found.sort()
    kept: list[tuple[int, int, str]] = []
    for span in found:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _clock_words(cues: Cues) -> re.Pattern[str] | None:
    """Clock times told with a word for the hour (``clock_words`` in claims_cues.yaml): before the
    time ("saat 14.30", "pukul 9") or after the hour ("14.30 uur", "3 giờ 12 phút": the minutes then
    followed by their own word). Groups: hours and minutes, named h/m (before) and H/M/N (after)."""
    if "clock words" not in cues.flat:
        data = cues.data.get("clock_words") or {}

        def alternation(key: str) -> str:
            return "|".join(re.escape(str(w).lower()) for w in sorted(data.get(key) or (), key=len, reverse=True))
        before, after, minutes = alternation("before"), alternation("after"), alternation("minutes")
        parts = []
        if before:
            parts.append(r"(?<![^\W\d_])(?:" + before + r")\s+(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?(?![\d.,:])")
        if after:
            tail = r"(?:\s+(?P<N>\d{1,2})\s*(?:" + minutes + r")(?![^\W\d_]))?" if minutes else ""
            parts.append(r"(?<![\d.,:])(?P<H>\d{1,2})(?:[.:](?P<M>\d{2}))?\s*(?:" + after + r")(?![^\W\d_])" + tail)
        cues.flat["clock words"] = re.compile("|".join(parts)) if parts else None
    return cues.flat["clock words"]


def _add_time(found: list, start: int, end: int, hours: str, minutes: str | None, half: str | None) -> None:
    h, m = int(hours), int(minutes or 0)
    if half == "p" and h < 12:
        h += 12
    elif half == "a" and h == 12:
        h = 0
    if h <= 24 and m < 60:
        found.append((start, end, f"{h:02d}:{m:02d}"))


def not_figures(text: str, low: str, cues: Cues, lang: str) -> list[tuple[int, int]]:
    """Spans of ``text`` whose digits are no figures: clock times and the days of dates ("14.
    November", "March 3", "3 de março", "5月9日", "9日"). Digit runs are few: each is looked
    at with the words around it, instead of trying every month name at every position.
    (``low``: ``text`` lower-cased character by character. A sentence is read several times
    during extraction: with the shared cue lists the spans are computed once.)"""
    if not any(c.isdigit() for c in text):
        return []
    if cues is load_cues():
        return list(_not_figures_cached(text, low))
    return _not_figures(text, low, cues)


@lru_cache(maxsize=4096)
def _not_figures_cached(text: str, low: str) -> tuple[tuple[int, int], ...]:
    return tuple(_not_figures(text, low, load_cues()))


def _not_figures(text: str, low: str, cues: Cues) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if _CLOCK_HINT.search(low) or (_clock_words(cues) is not None and _clock_words(cues).search(low)):
        spans = [(s, e) for s, e, _ in clock_times(text)]
    for match in _numeric_dates(cues).finditer(low):
        spans.append(match.span(1))
    months = month_names(cues)
    for match in _DAY_DIGITS.finditer(low):
        start, end = match.span()
        before = _WORD_THEN_SPACE.search(low[max(0, start - 16):start])
        after = _SPACE_THEN_WORD.match(low, end)
        if (before and before.group(1) in months) or (after and after.group(1) in months):
            spans.append((start, end))
    for match in _ISO_DATE.finditer(low):
        spans.append(match.span())
    if _CJK.search(text) or _KANA.search(text) or _HANGUL.search(text):
        for match in _CJK_MONTH_DIGITS.finditer(text):
            unit = text[match.end():match.end() + 2].lstrip()[:1]
            if unit in "月월年년" or (unit == "日" and _DAY_ONLY_EXCLUDED.match(text, match.end() + 1)) \
                    or (unit == "일" and _KO_DAY_EXCLUDED.match(text, match.end() + 1)):
                spans.append(match.span())
    return spans


_CLOCK_HINT = re.compile(r"\d\s*(?::\d|h\s?\d|uhr|[ap]\.m|[時时点點])")
_DAY_DIGITS = re.compile(r"(?<![\d.,])\d{1,2}(?!\d|[.,]\d)")
_WORD_THEN_SPACE = re.compile(r"([^\W\d_]+)\.?\s+$")
_SPACE_THEN_WORD = re.compile(r"(?:\.|º|er|st|nd|rd|th)?\s+(?:de\s+)?([^\W\d_]+)")


def month_names(cues: Cues) -> frozenset[str]:
    """Month names, lower-case, without "may" (the verb: "30 may leave"), built once."""
    if "month set" not in cues.flat:
        hedges = set(cues.all_words("hedges"))
        cues.flat["month set"] = frozenset(str(m).lower() for m in cues.data.get("months") or ()
                                           if str(m).lower() not in hedges)
    return cues.flat["month set"]


_DAY_ONLY_EXCLUDED = re.compile(r"[^間间後后前以本連连分目]|$")
_KO_DAY_EXCLUDED = re.compile(r"(?![간째]|\s?(?:만에|전|후|동안))")


@lru_cache(maxsize=16)
def _month_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(r"\b(" + alternation + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?", re.I)


@lru_cache(maxsize=16)
def _day_first_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    """Day before month: "14 November 2026", "14. November", "14 de novembro de 2026", "1er mars"."""
    alternation = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(r"(?<![\d.,])(\d{1,2})(?:\.|º|er|st|nd|rd|th)?\s+(?:de\s+)?(" + alternation +
                      r")(?![^\W\d_])\.?(?:,?\s+(?:de\s+)?(\d{4}))?", re.I)


@lru_cache(maxsize=4096)
def _word_regex(word: str) -> re.Pattern[str]:
    return re.compile(r"\b" + re.escape(word) + r"\b")


def _iso(year: str | None, month: int, day: int) -> str:
    return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def scope_terms(text: str, cues: Cues) -> tuple[str, ...]:
    scopes = cues.data.get("scope") or {}
    return tuple(sorted(name for name, words in scopes.items()
                        if has_cue(text, tuple(str(w).lower() for w in words))))


def speaker_of(text: str, start: int, mentions: Sequence[Mention], cues: Cues) -> str:
    """The named source of reported speech: the name just before a reporting verb."""
    verbs = cues.all_words("reporting_verbs")
    low = text.lower()
    best = ""
    present = {m.group(0) for m in _cue_regex(verbs).finditer(low)}
    for verb in verbs:
        if verb.strip() not in present and not any(verb in p for p in present):
            continue
        if _CJK.search(verb):
            position = low.find(verb)
        else:
            match = _word_regex(verb).search(low)
            position = match.start() if match else -1
        if position <= 0:
            continue
        names = [m.text for m in mentions if m.end - start <= position]
        candidates = names or [m.group(0) for m in _CAPSEQ.finditer(text[:position]) if not m.group(0)[0].isdigit()]
        if candidates:
            best = best or candidates[-1].strip()
    if not best and not text.isascii() and _ARABIC.search(text):
        best = _arabic_speaker(low, text, verbs)
    if not best:
        match = re.search(r"according to ((?:[A-Z][\w’'.-]*\s?)+)", text)
        best = match.group(1).strip() if match else ""
    return best


# Words opening what an Arabic or Persian speaker said ("قال المتحدث إن ...", "گفت که ...").
_ARABIC_THAT = frozenset({"إن", "أن", "ان", "بأن", "انه", "إنه", "أنه", "که"})


def _arabic_speaker(low: str, text: str, verbs: Sequence[str]) -> str:
    """The speaker after an Arabic reporting verb that opens its clause ("قال المتحدث باسم الشرطة
    إن ..." -> "المتحدث باسم الشرطة"): up to four words, until "إن"/"أن" or a comma."""
    match = next((m for m in _cue_regex(verbs).finditer(low) if _ARABIC.match(m.group(0))), None)
    if not match:
        return ""
    words = []
    for word in _ARABIC_WORD.finditer(text, match.end()):
        gap = text[(words[-1].end() if words else match.end()):word.start()]
        if word.group(0) in _ARABIC_THAT or gap.strip() or len(words) == 4:
            break
        words.append(word)
    return text[words[0].start():words[-1].end()] if words else ""


_ZH_NAME_TAGS = frozenset({"nr", "nrt", "ns", "nt", "nz"})


def chinese_names(text: str) -> list[tuple[int, int]]:
    """Spans of proper nouns in Chinese text, by jieba's part-of-speech tags."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for pair in posseg().cut(text):
        word, flag = pair.word, pair.flag
        at = text.find(word, offset)
        if at < 0:
            continue
        offset = at + len(word)
        if flag in _ZH_NAME_TAGS and len(word) >= 2:
            spans.append((at, at + len(word)))
    return spans


_DETERMINERS = frozenset("the this that these those it its there here we you they he she our their a an "
                         "such some many most every each all no one his her my your".split())


def _acts_as_subject(text: str, end: int) -> bool:
    """A capitalised first word followed by a past-tense verb reads as a name ("Initech sued ...")."""
    word = re.match(r"[A-Za-z’']+", text)
    follower = re.match(r"\s+(?:[a-z]+ly\s+)?([a-z]+)", text[end:])
    return bool(word and word.group(0).lower() not in _DETERMINERS and follower
                and re.fullmatch(r"[a-z]{2,}ed|said|told|sold|won|lost|paid|made|took", follower.group(1)))


def fallback_mentions(doc: Document, start: int, end: int,
                      names: frozenset[str] = frozenset()) -> tuple[Mention, ...]:
    """Capitalised names (and Latin names inside Chinese) when no mentions were given.

    A lone capitalised first word counts only when the document also uses it
    mid-sentence (``names``): otherwise it is just a sentence start.
    """
    text = doc.text[start:end]
    found: list[Mention] = []
    for match in _CAPSEQ.finditer(text):
        name = match.group(0).rstrip(".")
        if not name or name[0].isdigit():
            continue
        at_start = match.start() == 0 or text[:match.start()].rstrip()[-1:] in ".!?:"
        first = re.match(r"[\w’'-]+", name)
        if at_start and " " not in name and not _CJK.search(text) and (first and first.group(0)) not in names \
                and not _acts_as_subject(text, match.end()):
            continue
        s = start + match.start()
        found.append(Mention(source=doc.id, text=name, start=s, end=s + len(name), type="other"))
    if _CJK.search(text):
        for s, e in chinese_names(text):
            found.append(Mention(source=doc.id, text=text[s:e], start=start + s, end=start + e,
                                 type="other", lang="zh"))
    return tuple(sorted(found, key=lambda m: (m.start, m.end)))


def is_denial(text: str, cues: Cues) -> bool:
    """An explicit denial, or a negated main clause ("X did not ...") without a contrast.

    A negation inside reported speech or a later clause ("argued the risk does
    not justify ...") does not deny the event the sentence reports.
    """
    body = unquoted(text)
    reassurances = cues.all_words("reassurances") + cues.all_words("negated_states")
    if reassurances and has_cue(body, reassurances):
        # "There is no reason for panic": an opinion, not the denial of an event.
        body = _cue_regex(reassurances).sub(" ", body.lower())
    if has_cue(body, cues.all_words("denials")):
        return True
    if body.lstrip(" \"'“‘").lower().startswith(cues.all_words("negative_openers")):
        return True       # "No passwords were taken": the subject itself is negated
    main_clause = re.split(r"[,;:，；：]|\b(?:that|which|stating|saying|arguing)\b", body, maxsplit=1)[0]
    return has_cue(main_clause, cues.all_words("negations")) and not re.search(r"[;；]|\bbut\b|但", body)


# ---------------------------------------------------------------- public API

def _mentions_inside(mentions: Sequence[Mention], start: int, end: int,
                     starts: Sequence[int] | None = None) -> tuple[Mention, ...]:
    """Mentions within [start, end). With ``mentions`` sorted by (start, end)
    and ``starts`` their start offsets, only the window is looked at, so a
    document with many sentences and many names stays linear."""
    if starts is None:
        return tuple(sorted((m for m in mentions if start <= m.start and m.end <= end),
                            key=lambda m: (m.start, m.end)))
    window = mentions[bisect_left(starts, start):bisect_left(starts, end)]
    return tuple(m for m in window if m.end <= end)


def _statement(doc: Document, index: int, start: int, end: int, mentions: Sequence[Mention],
               cues: Cues, year: str | None, names: frozenset[str],
               starts: Sequence[int] | None = None, reference: str | None = None) -> Statement | None:
    block = doc.blocks[index]
    text = doc.text[start:end]
    lang = detect_lang(text, block.lang)
    inside = _mentions_inside(mentions, start, end, starts) if mentions else fallback_mentions(doc, start, end, names)
    # Figures and dates are read in ASCII digits ("١٢" is 12); the statement keeps the source's text.
    reading = ascii_digits(text)
    if rejection(reading, lang, block.kind, inside, cues):
        return None
    denied = is_denial(text, cues)
    return Statement(source=doc.id, text=text, start=start, end=end, lang=lang, block=index,
                     kind=block.kind, mentions=inside, numbers=numbers_in(reading, cues, lang),
                     counts=counts_in(reading, cues, lang),
                     dates=dates_in(reading, cues, year, reference), polarity=DENIED if denied else ASSERTED,
                     speaker=speaker_of(text, start, inside, cues), scope=scope_terms(text, cues),
                     hedged=has_cue(text, cues.all_words("hedges")))


def find_statements(doc: Document, mentions: Sequence[Mention]) -> tuple[Statement, ...]:
    """The factual statements of ``doc``, in text order."""
    cues = load_cues()
    abbreviations = frozenset(str(a).lower() for a in cues.data.get("abbreviations") or ())
    months = frozenset(str(m).lower() for m in cues.data.get("months") or ())
    reference = document_date(doc)
    year = (reference or "")[:4] or None
    own = sorted((m for m in mentions if m.source == doc.id), key=lambda m: (m.start, m.end))
    starts = [m.start for m in own]
    names = proper_names(doc)
    found: list[Statement] = []
    for index, block in enumerate(doc.blocks):
        if block.kind == HEADING:
            continue
        for unit_start, unit_end in _units(doc, index):
            for start, end in split_sentences(doc.text, unit_start, unit_end, abbreviations, months):
                statement = _statement(doc, index, start, end, own, cues, year, names, starts, reference)
                if statement:
                    found.extend(with_aside(doc, statement, own, cues, year, names, starts, reference))
    return tuple(with_terms(found))


def relative_clause(text: str, lang: str, cues: Cues) -> tuple[int, int] | None:
    """(start, end) in ``text`` of a relative clause set off by commas right after the sentence's
    subject ("Harlow Bank, which employs 2,300 people, said ...", "El banco, que emplea a 2.300
    personas, anunció ..."), when it holds a figure and the sentence goes on after it; else None.
    The subject is a short capitalised phrase (a name), the clause has no comma of its own."""
    pronouns = cues.words("relative_pronouns", lang)
    if not pronouns or "," not in text:
        return None
    match = _relative_regex(pronouns).match(text)
    if not match or not re.search(r"\d", match.group(2)) or not re.search(r"[A-ZÀ-ÖØ-Þ]", match.group(1)):
        return None
    if _word_count(text[match.end():]) < 2:
        return None
    return match.start(2), match.end(2)


@lru_cache(maxsize=32)
def _relative_regex(pronouns: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(p) for p in sorted(pronouns, key=len, reverse=True))
    # A comma between digits is a thousands separator ("2,300"), not the clause's end.
    return re.compile(r"([^,;:()]{2,60}?),\s+((?:" + alternation + r")\s(?:[^,;:()]|(?<=\d),(?=\d)){4,140}?),\s+",
                      re.I)


def coordinated_clause(text: str, lang: str, cues: Cues) -> tuple[int, int] | None:
    """(start, end) in ``text`` of a second clause joined to the first ("... were worth 2 billion won
    and covered 300 sites", "…に達し、住宅…戸が完成した"; ``clause_joiners``) when each
    clause holds a figure and the second has a verb of its own: in Latin script it opens with one
    (a past form or an event verb), so "between 2021 and 2024 the firms agreed" is no second clause."""
    joiners = cues.words("clause_joiners", lang)
    if not joiners or not _DIGIT.search(text):
        return None
    for match in _joiner_regex(joiners).finditer(text):
        head, tail = text[:match.start()], text[match.end():]
        if not (_DIGIT.search(head) and _DIGIT.search(tail)) or _word_count(head) < 3 or _word_count(tail) < 2:
            continue
        if lang not in ("ja", "ko"):
            first = re.match(r"[^\W\d_]+", tail)
            if not first or not _opens_with_verb(first.group(0), lang, cues):
                continue
        end = len(text.rstrip())
        return match.end(), end
    return None


_DIGIT = re.compile(r"\d")


def asserted_after_denial(text: str, lang: str, cues: Cues) -> tuple[int, int] | None:
    """(start, end) of a second clause a denial sentence asserts ("X denies that he cheated and will
    appeal", "X ontkent dat ... en gaat in beroep"): joined after the denied clause, opening with a
    verb of its own and holding no denial. It is a statement of its own, asserted, so the denial
    does not set it against the sources that report it."""
    joiners = cues.words("clause_joiners", lang)
    if not joiners:
        return None
    for match in _joiner_regex(joiners).finditer(text):
        head, tail = text[:match.start()], text[match.end():]
        if _word_count(head) < 4 or _word_count(tail) < 3 or not has_cue(head, cues.all_words("denials")):
            continue
        first = re.match(r"[^\W\d_]+", tail)
        opens = first and (_opens_with_verb(first.group(0), lang, cues)
                           or first.group(0).lower() in cues.words("clause_auxiliaries", lang))
        if opens and not has_cue(tail, cues.all_words("denials")):
            return match.end(), len(text.rstrip())
    return None


@lru_cache(maxsize=32)
def _joiner_regex(joiners: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{j})" for j in joiners), re.I)


def _opens_with_verb(word: str, lang: str, cues: Cues) -> bool:
    """``word`` is a verb in the past or an event verb of ``lang`` (or English): "covered", "sold"."""
    low = word.lower()
    if lang == "en" and re.fullmatch(r"[a-z]{2,}ed", low):
        return True
    if low in cues.words("event_verbs", lang) or low in cues.words("event_verbs", "en"):
        return True
    shapes = cues.data.get("event_shapes") or {}
    return lang != "en" and bool(_event_shapes(tuple((shapes.get("any") or []) + (shapes.get(lang) or [])))
                                 .fullmatch(low))


def with_aside(doc: Document, statement: Statement, mentions: Sequence[Mention], cues: Cues, year: str | None,
               names: frozenset[str], starts: Sequence[int] | None, reference: str | None) -> list[Statement]:
    """The statement, and when a relative clause after its subject holds a figure, a statement of
    the subject and that clause ("Harlow Bank, which employs 2,300 people"): two facts in
    one sentence are two claims, so the sentence does not join their sources into one. The
    sentence keeps its text; its figures and features leave the clause out (``aside``)."""
    clause = relative_clause(statement.text, statement.lang, cues)
    if clause is not None:
        lo, hi = clause
        start, end = statement.start, statement.start + hi
    else:
        clause = coordinated_clause(statement.text, statement.lang, cues)
        if clause is None and statement.polarity == DENIED:
            clause = asserted_after_denial(statement.text, statement.lang, cues)
        if clause is None:
            return [statement]
        lo, hi = clause
        start, end = statement.start + lo, statement.start + hi
    reading = ascii_digits(doc.text[start:end])
    part = replace(statement, text=doc.text[start:end], end=end, mentions=_mentions_inside(mentions, start, end, starts)
                   if mentions else fallback_mentions(doc, start, end, names),
                   numbers=numbers_in(reading, cues, statement.lang), counts=counts_in(reading, cues, statement.lang),
                   dates=dates_in(reading, cues, year, reference), polarity=ASSERTED, speaker="",
                   scope=scope_terms(reading, cues), hedged=has_cue(reading, cues.all_words("hedges")))
    rest = ascii_digits(statement.text[:lo] + " " * (hi - lo) + statement.text[hi:])
    main = replace(statement, numbers=numbers_in(rest, cues, statement.lang),
                   counts=counts_in(rest, cues, statement.lang), dates=dates_in(rest, cues, year, reference),
                   mentions=tuple(m for m in statement.mentions if not (statement.start + lo <= m.start
                                                                         and m.end <= statement.start + hi)),
                   aside=(lo, hi))
    return [main, part]


def with_terms(statements: Sequence[Statement]) -> list[Statement]:
    """The statements with their grouping features filled in (repeats computed once)."""
    from ..link.claims import load_lexicon, local_terms      # link imports this module
    lexicon = load_lexicon()
    if any(_SEGMENTED.search(s.text) for s in statements):
        load_segmenter()          # local_terms segments these with jieba: load it the fast way first
    known: dict[tuple, tuple[str, ...]] = {}
    out = []
    for statement in statements:
        key = (statement.text, tuple(m.text for m in statement.mentions), statement.numbers, statement.dates,
               statement.counts, statement.aside)
        if key not in known:
            known[key] = local_terms(statement, lexicon)
        out.append(replace(statement, terms=known[key]))
    return out
