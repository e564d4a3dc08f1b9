"""Claims index, claim pages and the timeline (views over ``Corpus.claims``)."""
from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from .languages_display import language_name
from .mdtext import Md, escape, link
from .link.claims import competing_versions
from .model import Claim, Corpus
from .jsonld import claim_jsonld
from .render_pictures import picture_view
from .render import (CLAIMS, anchor_at, claim_path, display_title, entity_path,
                     page_url, relative, source_path)

STATUS_ORDER = ("contested", "corroborated", "single-source")
STATUS_BADGES = {"corroborated": "✔ corroborated", "single-source": "○ single source",
                 "contested": "⚠ contested"}


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


def claim_pages(env: Environment, corpus: Corpus, coverage=None, timeline=None) -> dict[str, str]:
    """Claim pages, the claims index (with the ``coverage`` picture) and the
    timeline (with the ``timeline`` picture); pictures are render_pictures.Picture."""
    docs = {d.id: d for d in corpus.documents}
    entities = {e.id: e for e in corpus.entities}
    claims = {c.id: c for c in corpus.claims}
    pages: dict[str, str] = {}
    for claim in corpus.claims:
        page = claim_path(claim.id)
        pages[page] = env.get_template("claim.md.j2").render(
            claim=claim, badge=STATUS_BADGES.get(claim.status, claim.status),
            quotes=_quote_rows(claim, page, docs),
            versions=_versions(claim, claims, page, docs, entities),
            entities=[link(entities[i].name, relative(page, entity_path(i))) for i in claim.entities if i in entities],
            related=[link(claims[i].text, relative(page, claim_path(i))) for i in claim.related if i in claims][:15],
            jsonld=Md(claim_jsonld(claim, docs, "", page_url(page))))
    index = f"{CLAIMS}/index.md"
    ranked = sorted(corpus.claims, key=lambda c: (-c.independent_sources, -c.sources, c.id))
    sections = [(STATUS_BADGES[status], [_claim_row(c, index, entities) for c in ranked if c.status == status])
                for status in STATUS_ORDER]
    pages[index] = env.get_template("claims_index.md.j2").render(
        total=len(corpus.claims), sections=[(label, rows) for label, rows in sections if rows],
        picture=picture_view(coverage, index) if coverage else None)
    pages["timeline.md"] = env.get_template("timeline.md.j2").render(
        events=_timeline(corpus, docs), picture=picture_view(timeline, "timeline.md") if timeline else None)
    return pages


def display_date(date: str) -> str:
    """'2026-06-12' stays; '--06-12' (year not stated) reads '06-12 (year not stated)'."""
    return f"{date[2:]} (year not stated)" if date.startswith("--") else date


def _claim_row(claim: Claim, page: str, entities) -> ClaimRow:
    names = ", ".join(entities[i].name for i in claim.entities if i in entities)
    return ClaimRow(link(claim.text, relative(page, claim_path(claim.id))),
                    STATUS_BADGES.get(claim.status, claim.status), claim.sources,
                    claim.independent_sources, escape(names or "—"))


def quote_link(quote, page: str, docs) -> Md:
    doc = docs[quote.source]
    anchor = anchor_at(doc, quote.start)
    return link(display_title(doc), relative(page, source_path(doc.id)) + (f"#{anchor}" if anchor else ""))


def _quote_rows(claim: Claim, page: str, docs) -> list[QuoteRow]:
    rows = []
    for quote in sorted(claim.quotes, key=lambda q: (q.source, q.start)):
        doc = docs.get(quote.source)
        if doc is None:
            continue
        rows.append(QuoteRow(quote_link(quote, page, docs), doc.metadata.publisher or "—",
                             doc.metadata.published or "—", language_name(quote.lang) if quote.lang else "—",
                             escape(quote.text), quote.stance))
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


def point_label(point: str) -> str:
    name, _, counted = point.partition(":")
    label = POINT_LABELS.get(name, name.replace("_", " ").capitalize() or "Point")
    return f"{label} ({counted})" if counted else label


def _source_links(sources, page: str, docs) -> list[Md]:
    return [link(display_title(docs[s]), relative(page, source_path(s))) for s in sorted(set(sources)) if s in docs]


def version_value(value: str, entities) -> str:
    """A side as a reader names it: several values are joined by "+" (see
    link.claims), and a product side is a set of entity ids."""
    parts = [entities[v].name if v in entities else v for v in value.split("+") if v]
    return " + ".join(parts) or "—"


def _versions(claim: Claim, claims, page: str, docs, entities) -> list[DisputedPoint]:
    """Per disputed point, each side's statement and the sources stating it."""
    if claim.versions and not claim.conflicts_with:
        by_point: dict[str, list[VersionRow]] = {}
        for version in claim.versions:
            by_point.setdefault(version.point, []).append(
                VersionRow(escape(version_value(version.value, entities)), escape(version.text),
                           _source_links(version.sources, page, docs)))
        return [DisputedPoint(point_label(point), rows) for point, rows in sorted(by_point.items()) if len(rows) > 1]
    points = []
    for sides in competing_versions(claim, list(claims.values())):
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


def _timeline(corpus: Corpus, docs) -> list[TimelineEvent]:
    events = []
    for claim in corpus.claims:
        for date in claim.dates:
            sources = sorted({q.source for q in claim.quotes})
            links = ", ".join(link(display_title(docs[s]), relative("timeline.md", source_path(s)))
                              for s in sources if s in docs)
            note = ("other dates given: " + ", ".join(display_date(d) for d in claim.dates if d != date)
                    if len(claim.dates) > 1 else "")
            events.append(TimelineEvent(display_date(date), link(claim.text, claim_path(claim.id)), Md(links), note, date))
    return sorted(events, key=lambda e: (e.sort_key, str(e.claim)))
