"""Resolve mentions across the corpus into one Entity per real-world thing.

First corpus evidence prunes mentions: an unknown phrase must occur at least
once mid-sentence in prose (not only as a heading, label or sentence start),
and a capitalised word the corpus also writes in lower case is an ordinary
word. Then surface forms are grouped with a union-find: the same normalised
text or gazetteer entry (English and Chinese names of countries, companies,
state bodies), surnames after a full name, a product named with and without
its family prefix, acronyms and their expansions, parenthetical pairs across
scripts, "also known as", aligned rows of parallel tables, and the editor's
registry (which may also keep names apart). Code names a source states are
recorded as relations, not merges. Each group becomes an Entity with a type
vote, canonical name, aliases by language, roles from "ORG ROLE Name", a
description from a table row or an appositive, and co-mention counts.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Mapping, Sequence

from ..extract.entities import (GOV, INITIAL, ORG, OTHER, PERSON, PLACE, PRODUCT,
                                PROSE, cedict_names, context_of, lexicon, norm_latin,
                                script_lang)
from ..model import TABLE, Document, Entity, Mention
from ..registry import Registry

_CJK = re.compile(r"[\u3400-\u9fff\uac00-\ud7af\u3040-\u30ff]")
_TYPE_PRIORITY = (PERSON, PRODUCT, GOV, ORG, PLACE, OTHER)


@dataclass(frozen=True)
class _Item:
    doc: Document
    mention: Mention
    key: str          # surface group key
    context: str


# --------------------------------------------------------------------------
# Keys: which surface forms are the same name.

def _country_weights(items: Sequence[_Item]) -> Counter:
    lex = lexicon()
    weights: Counter = Counter()
    for item in items:
        for key in _gaz_keys(item.mention.text):
            entry = lex.entries[key]
            if entry.country:
                weights[entry.country] += 1
    return weights


def _gaz_keys(text: str) -> tuple[str, ...]:
    lex = lexicon()
    if _CJK.search(text):
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
    words: set[str] = set()
    for doc in docs:
        words.update(re.findall(r"(?<![A-Za-z])[a-z][a-z'-]+", doc.text))
    return frozenset(words)


def _surnames(by_key: dict) -> frozenset[str]:
    """Last words of full person names: a lone surname is supported by them."""
    out = set()
    for key, items in by_key.items():
        words = _latin_words(key)
        if len(words) >= 2 and _majority_type(items) == PERSON:
            out.add(words[-1])
    return frozenset(out)


def _supported(group: list[_Item], vocab: frozenset[str], surnames: frozenset[str] = frozenset()) -> bool:
    """Keep a surface group the corpus shows to be a name."""
    if not group[0].key.startswith("n:"):
        return True
    if group[0].key[2:] in surnames:
        return True
    text = group[0].mention.text
    words = [w for w in re.split(r"\s+", norm_latin(text)) if w and not w[0].isdigit()]
    contexts = {item.context for item in group}
    types = Counter(item.mention.type for item in group)
    if _CJK.search(text):
        return bool(contexts & {PROSE, INITIAL})
    if len(words) <= 1:
        return PROSE in contexts and (not words or words[0] not in vocab)
    connectors = lexicon().connectors
    if types.most_common(1)[0][0] == PERSON and any(w in vocab and w not in connectors for w in words):
        return False
    return bool(contexts & {PROSE, INITIAL})


# --------------------------------------------------------------------------
# Union-find with pairs the registry keeps apart.

class _Groups:
    """Union-find local to one resolve call (never shared)."""

    def __init__(self, keys, apart: set[frozenset[str]]):
        self.parent = {k: k for k in keys}
        self.apart = apart

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def members(self, root: str) -> list[str]:
        return [k for k in self.parent if self.find(k) == root]

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


# --------------------------------------------------------------------------
# Merge rules. Each takes the groups by key and unions what it proves.

def _latin_words(key: str) -> list[str]:
    return key[2:].split() if key.startswith("n:") else []


def _majority_type(items: list[_Item]) -> str:
    counts = Counter(i.mention.type for i in items)
    return sorted(counts, key=lambda t: (-counts[t], _TYPE_PRIORITY.index(t) if t in _TYPE_PRIORITY else 9))[0]


def merge_short_forms(by_key: dict, groups: _Groups) -> None:
    """"Vondra" after "Karel Vondra": a lone surname of exactly one known person."""
    people: dict[str, set[str]] = defaultdict(set)
    for key, items in by_key.items():
        words = _latin_words(key)
        if len(words) >= 2 and _majority_type(items) == PERSON:
            people[words[-1]].add(key)
    for key in by_key:
        words = _latin_words(key)
        if len(words) == 1 and len(people.get(words[0], ())) == 1:
            groups.union(key, next(iter(people[words[0]])))


def merge_family_prefix(by_key: dict, groups: _Groups) -> None:
    """"X Name 5" and "Name 5" when X starts other product names too (a family)."""
    products = {k for k, items in by_key.items() if _majority_type(items) == PRODUCT and _latin_words(k)}
    firsts = Counter(_latin_words(k)[0] for k in products)
    for key in sorted(products):
        words = _latin_words(key)
        tail = "n:" + " ".join(words[1:])
        if len(words) >= 3 and tail in products and firsts[words[0]] >= 2:
            groups.union(key, tail)


def _initials(words: list[str]) -> str:
    skip = set(lexicon().connectors)
    return "".join(w[0] for w in words if w not in skip).upper()


def merge_acronyms(by_key: dict, groups: _Groups) -> None:
    """"NGP" and "Nordic Grid Partners": an all-caps name equal to another's initials."""
    surface = {k: items[0].mention.text for k, items in by_key.items()}
    expansions: dict[str, list[str]] = defaultdict(list)
    for key, text in surface.items():
        words = norm_latin(text).split()
        if len(words) >= 2 and not _CJK.search(text):
            expansions[_initials(words)].append(key)
    for key, text in surface.items():
        bare = text.replace(".", "")
        if bare.isupper() and 2 <= len(bare) <= 6 and " " not in bare and len(expansions.get(bare, ())) == 1:
            groups.union(key, expansions[bare][0])


def _between(doc: Document, a: Mention, b: Mention) -> str:
    return doc.text[a.end:b.start]


def stated_pairs(items: Sequence[_Item]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Aliases and code names a source states next to a name.

    "卡雷尔·冯德拉 (Karel Vondra)" and "X, also known as Y" are the same entity;
    "X (code-named A/B)" says A and B are code names of X: a relation.
    """
    lex = lexicon()
    aliases: list[tuple[str, str]] = []
    code_names: list[tuple[str, str]] = []
    code_cue = "|".join(re.escape(c) for c in lex.code_name_cues)
    alias_cue = "|".join(re.escape(c) for c in lex.alias_cues)
    by_doc: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        by_doc[item.doc.id].append(item)
    for doc_items in by_doc.values():
        doc_items.sort(key=lambda i: i.mention.start)
        for i, first in enumerate(doc_items[:-1]):
            doc = first.doc
            second = doc_items[i + 1]
            gap = _between(doc, first.mention, second.mention)
            close = doc.text[second.mention.end:second.mention.end + 2].lstrip()[:1]
            if re.fullmatch(r"\s*[(（]\s*", gap) and close in ")）":
                if _cross_script(first.mention.text, second.mention.text) or _is_acronym_of(
                        second.mention.text, first.mention.text) or _is_acronym_of(first.mention.text, second.mention.text):
                    aliases.append((first.key, second.key))
            elif re.fullmatch(rf"(?:\s*[\w\u4e00-\u9fff]{{1,8}})?\s*[(（]\s*(?:{code_cue})\s*[:：]?\s*", gap, re.I):
                code_names.extend((first.key, other.key) for other in _listed(doc, doc_items[i + 1:]))
            elif re.fullmatch(rf"\s*,?\s*(?:{alias_cue})\s*[:：]?\s*[\"“]?", gap, re.I):
                aliases.append((first.key, second.key))
    return aliases, code_names


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


def aligned_table_pairs(items: Sequence[_Item]) -> list[tuple[str, str]]:
    """Row i of a table in one script names what row i of its translation names."""
    first_cell: dict[tuple[str, int, int], str] = {}
    for item in items:
        first_cell.setdefault((item.doc.id, item.mention.start, item.mention.end), item.key)
    pairs: list[tuple[str, str]] = []
    docs = {item.doc.id: item.doc for item in items}
    for doc in docs.values():
        tables = [b for b in doc.blocks if b.kind == TABLE and b.rows]
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
    hits = [k for (doc_id, s, e), k in first_cell.items() if s >= cell[0] and e <= cell[1]]
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
    text = unicodedata.normalize("NFKD", text)       # after: NFKD splits Hangul syllables
    text = "".join(c for c in text if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug or "e-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


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


def _clean_surface(text: str) -> str:
    return re.sub(r"(?:'s|’s)$", "", text.strip())


def _canonical_name(items: list[_Item], typ: str, gaz: list[str]) -> str:
    lex = lexicon()
    latin = [_clean_surface(i.mention.text) for i in items if not _CJK.search(i.mention.text)]
    if gaz and typ == PLACE:
        return lex.entries[sorted(gaz)[0]].name
    if typ == PERSON and latin:
        return sorted(latin, key=lambda s: (-len(s.split()), -latin.count(s), s))[0]
    if latin:
        counts = Counter(latin)
        return sorted(counts, key=lambda s: (-counts[s], -len(s), s))[0]
    if gaz:
        return lex.entries[sorted(gaz)[0]].name
    counts = Counter(_clean_surface(i.mention.text) for i in items)
    return sorted(counts, key=lambda s: (-counts[s], -len(s), s))[0]


def _aliases(items: list[_Item], name: str) -> tuple[tuple[str, str], ...]:
    seen: dict[str, tuple[str, str]] = {name.casefold(): ("", name)}
    counts = Counter(_clean_surface(i.mention.text) for i in items)
    langs = {_clean_surface(i.mention.text): (i.mention.lang or script_lang(i.mention.text)) for i in items}
    for alias in sorted(counts, key=lambda s: (-counts[s], s)):
        low = alias.casefold()
        if low not in seen:
            seen[low] = (langs[alias], alias)
    return tuple(sorted(v for k, v in seen.items() if k != name.casefold()))


def _entity_type(items: list[_Item], gaz: list[str]) -> str:
    lex = lexicon()
    if gaz:
        types = Counter(lex.entries[k].type for k in gaz)
        for item in items:
            if item.mention.type == GOV:
                types[GOV] += 1
        return sorted(types, key=lambda t: (-types[t], _TYPE_PRIORITY.index(t)))[0]
    return _majority_type(items)


def _roles(items: list[_Item], entity_of: dict, names: dict) -> tuple[str, ...]:
    """"Boeing CEO Karel Vondra" -> "CEO, Boeing"; "CEO Karel Vondra" -> "CEO"."""
    lex = lexicon()
    roles_latin = sorted((" ".join(r) for r in lex.roles), key=len, reverse=True)
    role_re = "|".join(re.escape(r) for r in roles_latin + list(lex.roles_cjk))
    mods = "|".join(re.escape(m) for m in sorted(lex.role_modifiers, key=len, reverse=True))
    found: set[str] = set()
    for item in items:
        doc, m = item.doc, item.mention
        before = doc.text[max(0, m.start - 60):m.start]
        match = re.search(rf"(?:(?:{mods})[\s-]*)?((?:{role_re}))\.?\s*,?\s*$", before, re.I)
        if not match or (match.start(1) > 0 and before[match.start(1) - 1].isalpha()
                         and not _CJK.search(before[match.start(1) - 1])):
            continue
        role = match.group(0).strip(" ,")
        org = _entity_before(item, m.start - len(before) + match.start(), entity_of, names)
        found.add(f"{role}, {org}" if org else role)
    found |= _roles_in_rows(items, role_re, mods, entity_of, names)
    qualified = {r.split(",")[0] for r in found if "," in r}
    return tuple(sorted(r for r in found if "," in r or r not in qualified))


def _roles_in_rows(items: list[_Item], role_re: str, mods: str, entity_of: dict, names: dict) -> set[str]:
    """"Name | Boeing CEO; ..." in a key-data table: a role opening the next cell."""
    found = set()
    for item in items:
        doc, m = item.doc, item.mention
        line_end = doc.text.find("\n", m.end)
        line = doc.text[m.end:line_end if line_end != -1 else len(doc.text)]
        if not line.startswith(" | ") or doc.text[m.start - 1:m.start] not in ("", "\n"):
            continue
        cell_start = m.end + 3
        cell = doc.text[cell_start:cell_start + 80]
        match = re.match(rf"((?:[^;,|\n]{{0,40}}?\s)?)((?:(?:{mods})[\s-]*)?(?:{role_re}))(?=\s*(?:[;,.|\n]|$))", cell, re.I)
        if match:
            org = _entity_before(item, cell_start + match.start(2), entity_of, names)
            found.add(f"{match.group(2)}, {org}" if org else match.group(2))
    return found


def _entity_before(item: _Item, pos: int, entity_of: dict, names: dict) -> str:
    """Name of the organisation/government/place mention ending just before pos."""
    doc = item.doc
    gap = re.search(r"(?:'s|’s)?\s*$", doc.text[max(0, pos - 8):pos])
    end = pos - (gap.end() - gap.start()) if gap else pos
    for (doc_id, start, stop), eid in entity_of.get(("end", doc.id, end), ()):
        if names[eid][1] in (ORG, GOV, PLACE):
            return names[eid][0]
    return ""


def _description(items: list[_Item]) -> tuple[str, str]:
    """A key-data table row's description cell, else an appositive ("X, a ... company,").

    Latin-script text is preferred (the site's pages are English-led), then a
    table row over an appositive, then the earliest source.
    """
    found: list[tuple[tuple, str, str]] = []
    for item in items:
        doc, m = item.doc, item.mention
        line_start = doc.text.rfind("\n", 0, m.start) + 1
        line_end = doc.text.find("\n", m.end)
        line = doc.text[line_start:line_end if line_end != -1 else len(doc.text)]
        cells = line.split(" | ")
        if len(cells) >= 2 and line_start == m.start and _names_cell(cells[0], m.text):
            desc = "; ".join(c.strip() for c in cells[1:] if c.strip() not in ("", "-", "—"))
            if desc:
                found.append(((bool(_CJK.search(desc)), 0, doc.id, m.start), desc, doc.id))
        after = doc.text[m.end:m.end + 160]
        match = re.match(r",\s+((?:a|an)\s+[^,.;()\n]{8,120}?),", after)
        if match and item.context in (PROSE, INITIAL):
            found.append(((False, 1, doc.id, m.start), match.group(1), doc.id))
    if not found:
        return "", ""
    _, desc, source = min(found)
    return desc, source


def _names_cell(cell: str, name: str) -> bool:
    """The cell is the name, maybe with a parenthetical or a generic noun ("X model")."""
    rest = cell.strip()[len(name):].strip() if cell.strip().startswith(name) else None
    if rest is None:
        return False
    lex = lexicon()
    return not rest or bool(re.fullmatch(r"[(（].*[)）]", rest)) or rest.casefold() in lex.product_after


def _related(items_by_entity: dict) -> dict[str, tuple[tuple[str, int], ...]]:
    blocks: dict[tuple[str, int], set[str]] = defaultdict(set)
    for eid, items in items_by_entity.items():
        for item in items:
            for idx, block in enumerate(item.doc.blocks):
                if block.start <= item.mention.start < block.end:
                    blocks[(item.doc.id, idx)].add(eid)
                    break
    counts: dict[str, Counter] = defaultdict(Counter)
    for members in blocks.values():
        for a in members:
            for b in members:
                if a != b:
                    counts[a][b] += 1
    return {eid: tuple(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for eid, c in counts.items()}


def _unique_ids(roots: list[str], names: dict[str, tuple[str, str]]) -> dict[str, str]:
    ids: dict[str, str] = {}
    used: Counter = Counter()
    for root in sorted(roots, key=lambda r: (names[r][0], names[r][1], r)):
        base = _slug(names[root][0])
        eid = base if not used[base] else f"{base}-{names[root][1]}"
        while eid in ids.values():
            used[base] += 1
            eid = f"{base}-{used[base]}"
        used[base] += 1
        ids[root] = eid
    return ids


def resolve_entities(docs: Sequence[Document], mentions: Mapping[str, Sequence[Mention]],
                     registry: Registry | None = None) -> tuple[tuple[Entity, ...], tuple[str, ...]]:
    docs = sorted(docs, key=lambda d: d.id)
    raw = [(doc, m) for doc in docs
           for m in sorted(mentions.get(doc.id, ()), key=lambda m: (m.start, m.end))]
    weights = _country_weights([_Item(doc, m, "", "") for doc, m in raw])
    items = [_Item(doc, m, surface_key(m.text, m.type, weights), context_of(doc, m.start, m.end))
             for doc, m in raw]
    by_key: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        by_key[item.key].append(item)
    vocab = _corpus_vocabulary(docs)
    surnames = _surnames(by_key)
    by_key = {k: v for k, v in sorted(by_key.items()) if _supported(v, vocab, surnames)}
    items = [i for k in by_key for i in by_key[k]]

    reg = _registry_keys(registry, by_key, weights)
    apart = {frozenset((a, b)) for _, keys, others in reg for a in keys for b in others}
    groups = _Groups(sorted(by_key), apart)
    for _, keys, _ in reg:
        for other in keys[1:]:
            groups.union(keys[0], other)
    merge_short_forms(by_key, groups)
    merge_family_prefix(by_key, groups)
    merge_acronyms(by_key, groups)
    aliases, code_names = stated_pairs(items)
    for a, b in aliases + aligned_table_pairs(items):
        groups.union(a, b)
    return _build(by_key, groups, reg, code_names)


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


def _build(by_key, groups: _Groups, reg, code_names) -> tuple[tuple[Entity, ...], tuple[str, ...]]:
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
    for root, items in clusters.items():
        gaz = sorted({groups_key for groups_key in {i.key for i in items} if groups_key in lex.entries})
        typ = _entity_type(items, gaz)
        name = _canonical_name(items, typ, gaz)
        entry = entry_of.get(root)
        if entry:
            name, typ = entry.name, entry.type or typ
        names[root] = (name, typ)
    ids = _unique_ids(list(clusters), names)
    entity_of: dict = defaultdict(list)         # ("end", doc id, end offset) -> mentions ending there
    for root, items in clusters.items():
        for i in items:
            entity_of[("end", i.doc.id, i.mention.end)].append(((i.doc.id, i.mention.start, i.mention.end), ids[root]))
    names_by_id = {ids[r]: v for r, v in names.items()}
    related = _related({ids[r]: items for r, items in clusters.items()})
    relations: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for a, b in code_names:
        if a in by_key and b in by_key and groups.find(a) != groups.find(b):
            relations[ids[groups.find(a)]].add(("code name", ids[groups.find(b)]))
            relations[ids[groups.find(b)]].add(("code name of", ids[groups.find(a)]))
    code_name_types = _code_name_types(code_names, by_key, groups, names, entry_of)
    entities = []
    for root, items in clusters.items():
        eid = ids[root]
        name, typ = names[root]
        typ = code_name_types.get(root, typ)
        entry = entry_of.get(root)
        desc, desc_src = _description(items)
        alias_pairs = set(_aliases(items, name))
        if entry:
            alias_pairs |= set(entry.aliases)
            if entry.description:
                desc, desc_src = entry.description, ""
        # One type per entity: a mention typed otherwise in its sentence takes the vote's.
        mentions = tuple(sorted({replace(i.mention, type=typ) for i in items},
                                key=lambda m: (m.source, m.start, m.end)))
        entities.append(Entity(
            id=eid, name=name, type=typ, aliases=tuple(sorted(alias_pairs)),
            description=desc, description_source=desc_src,
            roles=_roles(items, entity_of, names_by_id) if typ == PERSON else (), mentions=mentions,
            related=related.get(eid, ()), links=entry.links if entry else (),
            relations=tuple(sorted(relations.get(eid, ()))),
        ))
    return tuple(sorted(entities, key=lambda e: e.id)), tuple(sorted(notes))
