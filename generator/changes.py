"""What a build changed compared with the previous one, and stable ids.

The previous build's ``data/corpus.json`` (read from the live docs folder
before the new build replaces it) is compared with the new Corpus:
sources added and removed, claims added, claims whose status changed, and
entities added. The result feeds the "What's new" page, the Atom feed and the
build log. A build that changes nothing keeps the previous change set (kept
in ``data/changes.json``) so a rebuild is byte-identical; dates come from
SOURCE_DATE_EPOCH or the sources themselves, never from the clock.

``stabilise_ids`` gives a claim or entity the id it had in the previous build
when they share quotes or mentions, so URLs survive the arrival of a source
that would otherwise make the grouping pick a different name.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from operator import attrgetter
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from .model import Claim, Corpus, Entity

EPOCH = "1970-01-01T00:00:00Z"
_SAFE_PAGE = re.compile(r"(?:[A-Za-z0-9_\-]+/)+")


@dataclass(frozen=True)
class Item:
    """One change: what it is about, its page and a short label."""

    id: str
    label: str
    page: str = ""             # site-relative URL ("" for removed sources)
    before: str = ""           # previous status, for status changes
    after: str = ""            # status of a claim, type of an entity
    lang: str = ""             # language of the label when not the interface's ("" if unknown)


@dataclass(frozen=True)
class Changes:
    date: str = EPOCH                       # ISO-8601 UTC
    new_sources: tuple[Item, ...] = ()
    removed_sources: tuple[Item, ...] = ()
    new_claims: tuple[Item, ...] = ()
    status_changes: tuple[Item, ...] = ()
    new_entities: tuple[Item, ...] = ()
    first_build: bool = False

    def is_empty(self) -> bool:
        return not any(getattr(self, kind) for kind, _ in KINDS)


# (field, heading) in the order the page, the feed and the log show them.
# A first build of a large corpus changes everything; the page and the feed
# list this many items per kind, data/changes.json all of them.
MAX_LISTED = 100

KINDS = (("new_sources", "New sources"), ("removed_sources", "Removed sources"),
         ("new_claims", "New claims"), ("status_changes", "Claims whose status changed"),
         ("new_entities", "New entities"))


# --- comparing ---------------------------------------------------------------------

def read_previous(path: os.PathLike) -> dict | None:
    """A previous corpus.json / changes.json, or None when missing or unreadable."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _records(previous: dict | None, key: str) -> dict[str, dict]:
    """The previous build's records of one kind by id. Only ids shaped as this
    generator makes them (see slugs.py) are taken: an id from the record may
    become a page name again (stabilise_ids), and the record may have been
    fetched from the published site or edited by hand."""
    items = (previous or {}).get(key) or []
    return {r["id"]: r for r in items if isinstance(r, dict) and isinstance(r.get("id"), str)
            and _PAGE_ID.fullmatch(r["id"])}


_PAGE_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,119}")


def compare(previous: dict | None, corpus: Corpus, date: str) -> Changes:
    """The change set from ``previous`` (corpus.json as a dict, or None) to ``corpus``."""
    from .render import claim_language, claim_path, display_title, entity_path, page_url, source_path, title_language

    old_sources, old_claims = _records(previous, "sources"), _records(previous, "claims")
    old_entities = _records(previous, "entities")
    docs = sorted(corpus.documents, key=lambda d: d.id)
    claims = sorted(corpus.claims, key=lambda c: c.id)
    new_ids = {d.id for d in docs}
    return Changes(
        date=date,
        new_sources=tuple(Item(d.id, display_title(d), page_url(source_path(d.id)), lang=title_language(d))
                          for d in docs if d.id not in old_sources),
        removed_sources=tuple(Item(i, str(r.get("title") or r.get("file") or i))
                              for i, r in sorted(old_sources.items()) if i not in new_ids),
        new_claims=tuple(Item(c.id, c.text, page_url(claim_path(c.id)), after=c.status, lang=claim_language(c))
                         for c in claims if c.id not in old_claims),
        status_changes=tuple(Item(c.id, c.text, page_url(claim_path(c.id)),
                                  before=str(old_claims[c.id].get("status", "")), after=c.status,
                                  lang=claim_language(c))
                             for c in claims
                             if c.id in old_claims and old_claims[c.id].get("status") != c.status),
        new_entities=tuple(Item(e.id, e.name, page_url(entity_path(e.id)), after=e.type)
                           for e in sorted(corpus.entities, key=lambda e: e.id) if e.id not in old_entities),
        first_build=previous is None,
    )


def changes_record(changes: Changes) -> dict:
    return asdict(changes)


def changes_from_record(record: dict | None) -> Changes | None:
    """Changes stored by an earlier build, or None if missing or malformed."""
    if not record:
        return None
    try:
        lists = {kind: tuple(Item(**item) for item in record.get(kind, [])) for kind, _ in KINDS}
        if any(not isinstance(v, str) for items in lists.values() for i in items for v in asdict(i).values()):
            return None
        # Pages become links: only the shape Sourcebook itself writes is accepted.
        if any(i.page and not _SAFE_PAGE.fullmatch(i.page) for items in lists.values() for i in items):
            return None
        return Changes(date=str(record.get("date", EPOCH)), first_build=bool(record.get("first_build")), **lists)
    except (TypeError, AttributeError):
        return None


def carry_over(changes: Changes, stored: dict | None, corpus: Corpus | None = None) -> Changes:
    """An empty change set keeps the previous one, so a rebuild changes no byte.

    Items whose page the corpus no longer has (a claim that vanished without
    counting as a change) are dropped, so the page never links to nothing.
    """
    if not changes.is_empty():
        return changes
    kept = changes_from_record(stored)
    if kept is None:
        return changes
    if corpus is not None:
        pages = current_pages(corpus)
        kept = replace(kept, **{kind: tuple(i for i in getattr(kept, kind) if not i.page or i.page in pages)
                                for kind, _ in KINDS})
    return kept


def current_pages(corpus: Corpus) -> set[str]:
    from .render import claim_path, entity_path, page_url, source_path

    return ({page_url(source_path(d.id)) for d in corpus.documents}
            | {page_url(claim_path(c.id)) for c in corpus.claims}
            | {page_url(entity_path(e.id)) for e in corpus.entities})


def changes_json(changes: Changes) -> str:
    return json.dumps(changes_record(changes), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def summary_lines(changes: Changes) -> list[str]:
    """One line per kind with its count, for the build log."""
    return [f"{heading.lower()}: {len(getattr(changes, kind))}" for kind, heading in KINDS]


# --- dates -------------------------------------------------------------------------

def build_date(source_date_epoch: str | None, dates: list[str]) -> str:
    """SOURCE_DATE_EPOCH if set, else the newest source date; ISO-8601 UTC."""
    if source_date_epoch and source_date_epoch.strip().isdigit():
        moment = datetime.fromtimestamp(int(source_date_epoch.strip()), tz=timezone.utc)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    normal = sorted(_normalise(d) for d in dates if d)
    normal = [d for d in normal if d]
    return normal[-1] if normal else EPOCH


def _normalise(date: str) -> str:
    text = date.strip()
    for pattern, width in (("%Y-%m-%dT%H:%M:%SZ", 20), ("%Y-%m-%d", 10)):
        try:
            moment = datetime.strptime(text[:width], pattern).replace(tzinfo=timezone.utc)
        except ValueError:
            continue
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return ""


# --- Atom feed ---------------------------------------------------------------------

def site_url_from_config(config: dict) -> str:
    """mkdocs.yml's site_url, resolving the ``!ENV [NAME, default]`` form."""
    value = config.get("site_url") or ""
    if isinstance(value, list):
        names, default = value[:-1] or value, value[-1] if len(value) > 1 else ""
        value = next((os.environ[n] for n in names if isinstance(n, str) and os.environ.get(n)), default)
    value = str(value or "").strip()
    return value if not value or value.endswith("/") else value + "/"


# Characters XML 1.0 forbids even when escaped; a source could carry them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(text: str) -> str:
    return xml_escape(_XML_INVALID.sub("", text))


# A feed entry is one change: its title says which kind, in the singular.
ENTRY_TITLES = {"new_sources": "New source", "removed_sources": "Removed source", "new_claims": "New claim",
                "status_changes": "Status changed", "new_entities": "New entity"}


def describe(kind: str, value: str) -> str:
    """How a stored status or entity type reads on the site: the one status
    wording of every page ("○ single source"), the entity index's type names."""
    if not value:
        return ""
    if kind == "new_entities":
        from .pictures import type_label
        return type_label(value)
    from .render import status_label
    return status_label(value)


def _entry(kind: str, heading: str, item: Item, base: str, updated: str) -> str:
    link = base + item.page if item.page else ""
    # The id keeps the stored key: a feed reader knows an entry by its id.
    entry_id = f"{base}{item.page or 'sources/' + item.id + '/'}#{kind}" + (f"-{item.after}" if item.after else "")
    title = f"{ENTRY_TITLES.get(kind, heading)}: {item.label}"
    if item.before:
        title += f" ({describe(kind, item.before)} → {describe(kind, item.after)})"
    elif item.after:
        title += f" ({describe(kind, item.after)})"
    lines = ["  <entry>", f"    <id>{_xml_text(entry_id)}</id>", f"    <title>{_xml_text(title)}</title>",
             f"    <updated>{xml_escape(updated)}</updated>"]
    if link:
        lines.append(f"    <link href={quoteattr(link)}/>")
    lines.append("  </entry>")
    return "\n".join(lines)


def feed_xml(changes: Changes, site_name: str, site_url: str) -> str:
    """An Atom feed with one entry per change; links relative unless site_url is set."""
    base = site_url
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
             f"  <id>{xml_escape(base + 'feed.xml')}</id>",
             f"  <title>{_xml_text(site_name + ': what is new')}</title>",
             f"  <updated>{xml_escape(changes.date)}</updated>",
             f"  <link href={quoteattr(base + 'whats-new/')}/>",
             f"  <link rel=\"self\" href={quoteattr(base + 'feed.xml')}/>",
             f"  <author><name>{_xml_text(site_name)}</name></author>"]
    for kind, heading in KINDS:
        lines += [_entry(kind, heading, item, base, changes.date)
                  for item in getattr(changes, kind)[:MAX_LISTED]]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


# --- stable ids --------------------------------------------------------------------

_SPAN = attrgetter("source", "start", "end")


def _previous_spans(previous: dict | None, key: str, spans_key: str) -> dict[tuple, str]:
    index: dict[tuple, str] = {}
    for record in sorted(_records(previous, key).values(), key=lambda r: r["id"]):
        for span in record.get(spans_key) or []:
            if isinstance(span, dict):
                index.setdefault((span.get("source"), span.get("start"), span.get("end")), record["id"])
    return index


def id_mapping(spans_by_new: dict[str, list[tuple]], old_by_span: dict[tuple, str],
               old_ids: set[str]) -> dict[str, str]:
    """{new id: final id}: each new item takes the previous id it shares most spans with.

    A previous id goes to the new item sharing the most spans with it (ties:
    the smaller new id). Items that get no previous id keep their own unless
    a previous id that was reused elsewhere holds it; then a suffix is added.
    """
    votes: list[tuple[int, str, str]] = []
    lookup = old_by_span.get
    for new_id, spans in spans_by_new.items():
        counts = Counter(map(lookup, spans))
        counts.pop(None, None)
        votes += [(-n, new_id, old) for old, n in counts.items()]
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for _, new_id, old in sorted(votes, key=lambda v: (v[0], v[1], v[2])):
        if new_id not in mapping and old not in taken:
            mapping[new_id] = old
            taken.add(old)
    for new_id in sorted(spans_by_new):
        if new_id in mapping:
            continue
        final, number = new_id, 2
        # Never let two items share an id: a reused previous id wins.
        while final in taken:
            final, number = f"{new_id}-{number}", number + 1
        mapping[new_id] = final
        taken.add(final)
    return mapping


def stabilise_ids(corpus: Corpus, previous: dict | None) -> Corpus:
    """The corpus with claim and entity ids reused from the previous build where they overlap."""
    if not previous:
        return corpus
    claim_map = id_mapping({c.id: list(map(_SPAN, c.quotes)) for c in corpus.claims},
                           _previous_spans(previous, "claims", "quotes"), set(_records(previous, "claims")))
    entity_map = id_mapping({e.id: list(map(_SPAN, e.mentions)) for e in corpus.entities},
                            _previous_spans(previous, "entities", "mentions"), set(_records(previous, "entities")))
    if all(k == v for k, v in claim_map.items()) and all(k == v for k, v in entity_map.items()):
        return corpus
    return replace(corpus,
                   claims=tuple(_renamed_claim(c, claim_map, entity_map) for c in corpus.claims),
                   entities=tuple(_renamed_entity(e, entity_map) for e in corpus.entities))


def _renamed_claim(claim: Claim, claims: dict[str, str], entities: dict[str, str]) -> Claim:
    renamed = dict(id=claims.get(claim.id, claim.id),
                   conflicts_with=tuple(claims.get(i, i) for i in claim.conflicts_with),
                   related=tuple(claims.get(i, i) for i in claim.related),
                   entities=tuple(entities.get(i, i) for i in claim.entities))
    return _replaced(claim, renamed)


def _renamed_entity(entity: Entity, entities: dict[str, str]) -> Entity:
    renamed = dict(id=entities.get(entity.id, entity.id),
                   related=tuple((entities.get(i, i), n) for i, n in entity.related),
                   relations=tuple((r, entities.get(i, i)) for r, i in entity.relations))
    return _replaced(entity, renamed)


def _replaced(item, fields: dict):
    """``item`` itself when no field changes: a rebuild keeps most objects, and
    the renderer's digests are memoised per object."""
    if all(getattr(item, name) == value for name, value in fields.items()):
        return item
    return replace(item, **fields)


# --- the page ----------------------------------------------------------------------

def _row(kind: str, item: Item) -> object:
    """A list item: the linked label, then (as on a source page's claim list)
    the status or type in italics."""
    from .mdtext import Md, escape, link, nowrap
    from .render import foreign

    label = foreign(link(item.label, item.page[:-1] + ".md") if item.page else escape(item.label), item.lang)
    if item.before:
        return Md(f"{label} — *{nowrap(describe(kind, item.before))} → {nowrap(describe(kind, item.after))}*")
    if item.after:
        return Md(f"{label} — *{nowrap(describe(kind, item.after))}*")
    return label


def whats_new_page(changes: Changes) -> str:
    """docs/whats-new.md from a change set (template: whats_new.md.j2)."""
    from .render import make_environment

    sections = [{"heading": heading, "rows": [_row(kind, item) for item in getattr(changes, kind)[:MAX_LISTED]],
                 "more": max(0, len(getattr(changes, kind)) - MAX_LISTED)}
                for kind, heading in KINDS]
    from .mdtext import Md, nowrap
    # Each count stays on one line with its heading.
    summary = Md(" · ".join(nowrap(f"{heading}: {len(getattr(changes, kind))}") for kind, heading in KINDS))
    return make_environment().get_template("whats_new.md.j2").render(
        first_build=changes.first_build, date=display_date(changes.date), summary=summary, sections=sections)


def display_date(moment: str) -> str:
    """'2026-11-25T00:00:00Z' reads '2026-11-25'; a time of day, '2026-11-25 14:03 UTC'."""
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d):(\d\d)Z", moment)
    if not match:
        return moment
    day, minutes, seconds = match.groups()
    return day if minutes == "00:00" and seconds == "00" else f"{day} {minutes} UTC"


def change_files(changes: Changes, site_name: str, site_url: str) -> dict[str, bytes]:
    """The generated files for a change set, keyed by docs-relative path."""
    return {"whats-new.md": whats_new_page(changes).encode("utf-8"),
            "feed.xml": feed_xml(changes, site_name, site_url).encode("utf-8"),
            "data/changes.json": changes_json(changes).encode("utf-8")}
