"""Claims index, claim pages and the timeline (views over ``Corpus.claims``)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from jinja2 import Environment

from .datafiles import load_yaml
from .languages_display import language_name
from .mdtext import Md, escape, link
from .link.claims import competing_versions
from .model import Claim, Corpus, Document
from .jsonld import claim_jsonld
from .render_pictures import picture_view
from .render import (CLAIMS, STATUS_LABELS, anchor_at, claim_path, display_title, entity_path, foreign,
                     attribute_list, claim_language, join_markdown, lang_attribute,
                     page_url, ranked_claims, relative, source_path, title_language)

STATUS_ORDER = tuple(STATUS_LABELS)
STATUS_BADGES = STATUS_LABELS
# Headings of the claims index: the label, capitalised after its symbol.
STATUS_HEADINGS = {status: label[:2] + label[2:].capitalize() for status, label in STATUS_LABELS.items()}

# A claim stated by thousands of sources, or a corpus with thousands of
# claims, would give pages (and search index entries) of megabytes. Pages
# show a bounded part and say where the rest is (claims.csv, corpus.json).
MAX_QUOTE_ROWS = 40          # quotes in a claim page's source table
MAX_VERSION_SOURCES = 10     # sources named per competing version
MAX_INDEX_ROWS = 50          # claims per status on the claims index
MAX_RELATED = 15             # related claims listed on a claim page
MAX_EVENT_SOURCES = 3        # sources named per timeline event
# Up to this many dated events the timeline is one page; beyond, it is an
# index of one page per year (a year's URL never changes as sources arrive),
# a year's events grouped by month, and a busy month's by day (each heading
# is one search index entry, which must stay small).
TIMELINE_PAGE_EVENTS = 100
MONTH_EVENTS = 25
TIMELINE = "timeline"
YEAR_NOT_STATED = "year-not-stated"


@dataclass
class QuoteRow:
    source: Md
    publisher: str
    date: str
    language: str
    quote: Md
    stance: str


@dataclass
class ClaimRow:
    link: Md
    status: str
    sources: int
    independent: int
    entities: Md


class ClaimPageInputs(NamedTuple):
    """Everything a claim page shows (see render_cache: the page's key is a digest of this)."""
    claim: Claim
    docs: dict[str, Document]           # every source its quotes, versions and rival claims name
    rivals: tuple[Claim, ...]           # the claims it conflicts with
    names: dict[str, str]               # entity id -> name: its entities and the entities a version names
    related: tuple[tuple[str, str], ...]   # (id, text) of the related claims listed


def claim_pages(env: Environment, corpus: Corpus, coverage=None, timeline=None, cache=None) -> dict[str, str]:
    """Claim pages, the claims index (with the ``coverage`` picture) and the
    timeline (with the ``timeline`` picture); pictures are render_pictures.Picture.
    ``cache`` (render_cache.RenderCache) reuses unchanged claim pages."""
    from .render_cache import RenderCache
    cache = cache if cache is not None else RenderCache(None)
    docs = {d.id: d for d in corpus.documents}
    names = {e.id: e.name for e in corpus.entities}
    claims = {c.id: c for c in corpus.claims}
    pages: dict[str, str] = {}
    template = env.get_template("claim.md.j2")
    render = lambda inputs: claim_page(template, inputs)  # noqa: E731
    for claim in corpus.claims:
        page = claim_path(claim.id)
        pages[page] = cache.get(page, claim_page_inputs(claim, docs, claims, names), render)
    index = f"{CLAIMS}/index.md"
    ranked = ranked_claims(corpus.claims)
    sections = []
    for status in STATUS_ORDER:
        members = [c for c in ranked if c.status == status]
        if members:
            sections.append(IndexSection(STATUS_HEADINGS[status], len(members),
                                         [_claim_row(c, index, names) for c in members[:MAX_INDEX_ROWS]]))
    pages[index] = env.get_template("claims_index.md.j2").render(
        total=len(corpus.claims), sections=sections, labels=STATUS_LABELS,
        picture=picture_view(coverage, index) if coverage else None)
    pages.update(timeline_pages(env, corpus, docs, timeline))
    return pages


def claim_page_inputs(claim: Claim, docs: dict, claims: dict, names: dict) -> ClaimPageInputs:
    rivals = tuple(claims[i] for i in claim.conflicts_with if i in claims)
    sources = {q.source for c in (claim, *rivals) for q in c.quotes}
    sources.update(s for version in claim.versions for s in version.sources)
    named = [*claim.entities, *(part for version in claim.versions for part in version.value.split("+"))]
    related = [(i, claims[i].text) for i in claim.related if i in claims][:MAX_RELATED]
    return ClaimPageInputs(claim, {s: docs[s] for s in sorted(sources) if s in docs}, rivals,
                           {i: names[i] for i in named if i in names}, tuple(related))


def claim_page(template, inputs: ClaimPageInputs) -> str:
    claim, docs, names = inputs.claim, inputs.docs, inputs.names
    page = claim_path(claim.id)
    return template.render(
        claim=claim, badge=STATUS_BADGES.get(claim.status, claim.status),
        title_attributes=attribute_list(lang_attribute(_text_language(claim, claim.text))),
        dates=[display_date(d) for d in claim.dates], figures=display_figures(claim.numbers),
        quotes=_quote_rows(claim, page, docs),
        versions=_versions(claim, inputs.rivals, page, docs, names),
        entities=[link(names[i], relative(page, entity_path(i))) for i in claim.entities if i in names],
        related=[link(text, relative(page, claim_path(i))) for i, text in inputs.related],
        jsonld=Md(claim_jsonld(claim, docs, "", page_url(page))))


@dataclass
class IndexSection:
    label: str
    total: int
    rows: list


def display_date(date: str) -> str:
    """'2026-06-12' stays; '--06-12' (year not stated) reads '06-12 (year not stated)'."""
    return f"{date[2:]} (year not stated)" if date.startswith("--") else date


def _claim_row(claim: Claim, page: str, names: dict[str, str]) -> ClaimRow:
    named = ", ".join(names[i] for i in claim.entities if i in names)
    return ClaimRow(foreign(link(claim.text, relative(page, claim_path(claim.id))), claim_language(claim)),
                    STATUS_BADGES.get(claim.status, claim.status), claim.sources,
                    claim.independent_sources, escape(named or "—"))


def _text_language(claim: Claim, text: str) -> str:
    """The language of a claim's quote that reads ``text`` ("" if none does)."""
    return next((q.lang for q in claim.quotes if q.text == text and q.lang), "")


def quote_link(quote, page: str, docs) -> Md:
    doc = docs[quote.source]
    anchor = anchor_at(doc, quote.start)
    return title_link(doc, relative(page, source_path(doc.id)) + (f"#{anchor}" if anchor else ""))


def title_link(doc: Document, target: str) -> Md:
    """A link to a source reading its title, marked with the title's language
    (Japanese titles otherwise show in Chinese glyphs on an English page)."""
    return foreign(link(display_title(doc), target), title_language(doc))


def shown_quotes(claim: Claim, limit: int | None = None) -> list:
    """The quotes a claim page shows, by (source, start): all of them up to
    ``limit``; beyond, disputing quotes first (they are what a reader of a
    contested claim looks for), then supporting ones."""
    limit = MAX_QUOTE_ROWS if limit is None else limit
    quotes = sorted(claim.quotes, key=lambda q: (q.source, q.start))
    if len(quotes) <= limit:
        return quotes
    disputing = [q for q in quotes if q.stance == "disputes"][:limit]
    supporting = [q for q in quotes if q.stance != "disputes"][:limit - len(disputing)]
    return sorted(disputing + supporting, key=lambda q: (q.source, q.start))


def _quote_rows(claim: Claim, page: str, docs) -> list[QuoteRow]:
    rows = []
    for quote in shown_quotes(claim):
        doc = docs.get(quote.source)
        if doc is None:
            continue
        rows.append(QuoteRow(quote_link(quote, page, docs), doc.metadata.publisher or "—",
                             doc.metadata.published or "—", language_name(quote.lang) if quote.lang else "—",
                             foreign(escape(quote.text), quote.lang), quote.stance))
    return rows


@dataclass
class VersionRow:
    value: Md          # the side ("foreign", "government"), or "—"
    statement: Md      # a member sentence stating that side, or a link to the competing claim
    sources: list[Md]


@dataclass
class DisputedPoint:
    label: str
    rows: list[VersionRow]


# What a disputed point (see link.claims) is about, as a reader would ask it.
POINT_LABELS = {"scope": "Where it applies", "product": "Which product", "decider": "Who decided",
                "polarity": "Whether it happened", "date": "When", "figure": "How much"}
# Figures that are not counts of a thing (link.claims.neutral_figures).
FIGURE_LABELS = {"percent": "Which percentage", "money": "How much money"}
COUNTS_FILE = Path(__file__).resolve().parent / "data" / "claims_counts.yaml"


@lru_cache(maxsize=1)
def counted_plurals() -> dict[str, str]:
    """Counted class -> its English plural, the first English word listed
    for it in claims_counts.yaml ("customer" -> "customers")."""
    nouns = (load_yaml(COUNTS_FILE.read_text(encoding="utf-8")) or {}).get("nouns") or {}
    return {str(name): str(words["en"][0]) for name, words in nouns.items()
            if isinstance(words, dict) and words.get("en")}


def point_label(point: str) -> str:
    name, _, counted = point.partition(":")
    if name == "figure" and counted:
        if counted in FIGURE_LABELS:
            return FIGURE_LABELS[counted]
        plural = counted_plurals().get(counted)
        return f"How many {plural}" if plural else f"How many ({counted.replace('_', ' ')})"
    label = POINT_LABELS.get(name, name.replace("_", " ").capitalize() or "Point")
    return f"{label} ({counted})" if counted else label


_PLAIN_NUMBER = re.compile(r"(\d+)(\.\d+)?")


def group_digits(number: str, min_digits: int = 5) -> str:
    """"1400000" -> "1,400,000" (an integer part of at least ``min_digits``
    digits, so that a year like 2025 stays as written); other text unchanged."""
    match = _PLAIN_NUMBER.fullmatch(number)
    if not match or len(match.group(1)) < min_digits:
        return number
    return f"{int(match.group(1)):,}{match.group(2) or ''}"


def display_figure(number: str) -> str:
    """A claim's normalised number as a reader writes it: "$13600000" -> "$13,600,000",
    ">300" -> "more than 300", "<$2000000" -> "less than $2,000,000", "~2" -> "nearly 2"."""
    bound = number[:1] if number[:1] in FIGURE_BOUND_WORDS else ""
    number = number[len(bound):]
    lead = number[:1] if number[:1] in "$€£¥₩₹" else ""
    tail = "%" if number.endswith("%") else ""
    shown = f"{lead}{group_digits(number[len(lead):len(number) - len(tail)])}{tail}"
    if not bound:
        return shown
    words = "less than" if bound == "<" and (lead or tail) else FIGURE_BOUND_WORDS[bound]
    return f"{words} {shown}"


def _figure_order(number: str) -> tuple:
    digits = number.lstrip("<>~").strip("$€£¥₩₹%")
    return (0, float(digits), number) if _PLAIN_NUMBER.fullmatch(digits) else (1, 0.0, number)


def display_figures(numbers) -> list[str]:
    """A claim's numbers, smallest first, as a reader writes them."""
    return [display_figure(n) for n in sorted(numbers, key=_figure_order)]


# The sides of a point that link.claims names by a key, as a reader says them.
SIDE_WORDS = {"polarity": {"asserted": "yes", "denied": "no"},
              "scope": {"global": "worldwide", "foreign": "foreign users", "domestic": "domestic users",
                        "regional": "some regions"}}
BOUND_WORDS = {">": "more than", "<": "fewer than"}
# A claim's figures also mark a figure nearly reached ("nearly 300": "~300").
FIGURE_BOUND_WORDS = {**BOUND_WORDS, "~": "nearly"}


def side_value(point: str, value: str, names: dict[str, str]) -> str:
    """A side of a disputed point as a reader reads it: a figure with its
    thousands grouped ("3,400"), its percent sign or its bound in words
    (">500" reads "more than 500"), a keyed side in words ("denied" reads
    "no"), else ``side_label``."""
    if point.startswith("figure:"):
        bound, number = (value[:1], value[1:]) if value[:1] in BOUND_WORDS else ("", value)
        if _PLAIN_NUMBER.fullmatch(number):
            shown = f"{number}%" if point == "figure:percent" else group_digits(number, 4)
            if not bound:
                return shown
            words = "less than" if bound == "<" and point in ("figure:percent", "figure:money") else BOUND_WORDS[bound]
            return f"{words} {shown}"
    words = SIDE_WORDS.get(point.partition(":")[0], {}).get(value)
    return words or side_label(value, names)


def _source_links(sources, page: str, docs) -> list[Md]:
    """Links to the first MAX_VERSION_SOURCES sources (by id), then "N more" if any."""
    limit = MAX_VERSION_SOURCES
    known = [s for s in sorted(set(sources)) if s in docs]
    links = [title_link(docs[s], relative(page, source_path(s))) for s in known[:limit]]
    if len(known) > limit:
        links.append(escape(f"{len(known) - limit} more"))
    return links


def version_value(value: str, entities) -> str:
    """A side as a reader names it: several values are joined by "+" (see
    link.claims), and a product side is a set of entity ids (``entities``: id -> Entity)."""
    return side_label(value, {v: entities[v].name for v in value.split("+") if v in entities})


def side_label(value: str, names: dict[str, str]) -> str:
    """``version_value`` with entity names given as id -> name."""
    parts = [names.get(v, v) for v in value.split("+") if v]
    return " + ".join(parts) or "—"


def _versions(claim: Claim, rivals, page: str, docs, names) -> list[DisputedPoint]:
    """Per disputed point, each side's statement and the sources stating it."""
    if claim.versions and not claim.conflicts_with:
        by_point: dict[str, list[VersionRow]] = {}
        for version in claim.versions:
            by_point.setdefault(version.point, []).append(
                VersionRow(escape(side_value(version.point, version.value, names)),
                           foreign(escape(version.text), _text_language(claim, version.text)),
                           _source_links(version.sources, page, docs)))
        return [DisputedPoint(point_label(point), rows) for point, rows in sorted(by_point.items()) if len(rows) > 1]
    points = []
    for sides in competing_versions(claim, rivals):
        rows = [VersionRow(escape("—"), escape(side.text) if side.id == claim.id
                           else link(side.text, relative(page, claim_path(side.id))),
                           _source_links([q.source for q in side.quotes], page, docs)) for side in sides]
        if len(rows) > 1:
            points.append(DisputedPoint("Competing claims", rows))
    return points


@dataclass
class TimelineEvent:
    date: str
    claim: Md
    sources: Md
    note: str
    sort_key: str = ""


@dataclass
class TimelineGroup:
    label: str            # a month ("2025-06"), or a year or date standing alone
    events: list[TimelineEvent]
    days: list["TimelineGroup"] = field(default_factory=list)   # a busy month, one group per day


@dataclass
class TimelinePeriod:
    label: str            # "2025", or "Year not stated"
    link: Md
    events: int


def timeline_pages(env: Environment, corpus: Corpus, docs, picture=None) -> dict[str, str]:
    """``timeline.md``: every dated event when there are few, else an index
    of year pages ``timeline/<year>.md`` whose events are grouped by month."""
    index = f"{TIMELINE}.md"
    dated = [(claim, date) for claim in corpus.claims for date in claim.dates]
    view = picture_view(picture, index) if picture else None
    if len(dated) <= TIMELINE_PAGE_EVENTS:
        return {index: env.get_template("timeline.md.j2").render(
            events=_timeline_events(dated, index, docs), periods=None, picture=view)}
    by_year: dict[str, list] = {}
    for claim, date in dated:
        by_year.setdefault(_year_key(date), []).append((claim, date))
    pages, periods = {}, []
    template = env.get_template("timeline_year.md.j2")
    for key in sorted(by_year):
        page = f"{TIMELINE}/{key}.md"
        events = _timeline_events(by_year[key], page, docs)
        label = "Year not stated" if key == YEAR_NOT_STATED else key
        pages[page] = template.render(
            label=label, groups=_month_groups(events),
            index=link("Timeline", relative(page, index)), max_sources=MAX_EVENT_SOURCES)
        periods.append(TimelinePeriod(label, link(label, relative(index, page)), len(events)))
    pages[index] = env.get_template("timeline.md.j2").render(events=[], periods=periods, picture=view)
    return pages


def _month_groups(events: list[TimelineEvent]) -> list[TimelineGroup]:
    months: dict[str, list[TimelineEvent]] = {}
    for event in events:
        months.setdefault(_group_label(event.sort_key), []).append(event)
    groups = []
    for label, members in months.items():
        days: dict[str, list[TimelineEvent]] = {}
        if len(members) > MONTH_EVENTS:
            for event in members:
                days.setdefault(event.date, []).append(event)
        groups.append(TimelineGroup(label, members, [TimelineGroup(d, v) for d, v in days.items()]))
    return groups


def _year_key(date: str) -> str:
    year = date[:4]
    return year if len(year) == 4 and year.isdigit() else YEAR_NOT_STATED


def _group_label(date: str) -> str:
    """Month of a dated event; a date without a month is its own group."""
    if date.startswith("--"):
        return display_date(date[:4]) if len(date) >= 4 else display_date(date)
    return date[:7]


def _timeline_events(dated, page: str, docs) -> list[TimelineEvent]:
    events = []
    for claim, date in dated:
        sources = [s for s in sorted({q.source for q in claim.quotes}) if s in docs]
        links = [title_link(docs[s], relative(page, source_path(s))) for s in sources[:MAX_EVENT_SOURCES]]
        if len(sources) > MAX_EVENT_SOURCES:
            links.append(escape(f"{len(sources) - MAX_EVENT_SOURCES} more"))
        note = ("other dates given: " + ", ".join(display_date(d) for d in claim.dates if d != date)
                if len(claim.dates) > 1 else "")
        claim_link = link(claim.text, relative(page, claim_path(claim.id)))
        events.append(((date.startswith("--"), date, str(claim_link)),
                       TimelineEvent(display_date(date), foreign(claim_link, claim_language(claim)),
                                     join_markdown(links, " · "), note, date)))
    # Oldest first; dates whose year is not stated ("--09-01") cannot be
    # placed among them and come last. Same-day events by their link text.
    return [event for _, event in sorted(events, key=lambda pair: pair[0])]
