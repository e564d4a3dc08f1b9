"""Static SVG pictures of a corpus, drawn at build time.

Each picture is a pure function of a Corpus returning SVG text: a source x
claim coverage matrix, a timeline of dated claims, an entity co-mention
graph and the publisher/language mix. Every picture carries <title> and
<desc>, draws on its own light card (an SVG shown through <img> does not
inherit the site's dark palette), uses only generic font families and no
external references, escapes every source string, sorts everything that
reaches the output and caps rows/columns so a big corpus stays small. Each
picture has a companion ``*_rows`` function giving the same data as table
rows (header first) for the accessible table the page shows beside it.
"""
from __future__ import annotations

import functools
import math
import re
import weakref
from collections import Counter
from datetime import date
from operator import attrgetter
from xml.sax.saxutils import escape, quoteattr

from .languages_display import language_name_in_english
from .model import Claim, Corpus, Document, Entity
from .render import display_title, status_label

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif"
INK = "#1a1a1a"          # body text, 17:1 on white
MUTED = "#595959"        # secondary text, 7:1 on white
CARD = "#ffffff"
GRID = "#d0d0d0"         # decorative only
EDGE = "#767676"         # 4.5:1 on white
STATED = "#1f5fa8"       # 6.3:1 on white
CONTESTED = "#b3261e"    # 6.5:1 on white
DISPUTES = "#6a1b9a"     # 8.9:1 on white
# Dark enough for text and marks on white (>= 4.5:1), distinct in hue.
PALETTE = ("#1f5fa8", "#b3261e", "#2e7d32", "#6a1b9a", "#a35200", "#00695c",
           "#ad1457", "#455a64", "#5d4037", "#283593")

MAX_CLAIMS = 30
MAX_SOURCES = 40
MAX_NODES = 25
MAX_BARS = 15
MAX_DATES = 60
CLAIMS_LANE = 90.0    # leaves room above for the arcs joining different dates
CLAIM_CHARS = 60
SOURCE_CHARS = 22
LABEL_CHARS = 28

# Characters XML 1.0 forbids even when escaped; source text may carry them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# --- text helpers -------------------------------------------------------------------

def _clean(text: str) -> str:
    return _XML_INVALID.sub("", " ".join(str(text).split()))


def _text(text: str) -> str:
    return escape(_clean(text))


def _attr(text: str) -> str:
    return quoteattr(_clean(text))


def truncate(text: str, limit: int) -> str:
    text = _clean(text)
    return text if len(text) <= limit else text[: max(limit - 1, 1)].rstrip() + "…"


def _label_width(text: str, size: float) -> float:
    # Wide (CJK) characters take about a full em, Latin about half.
    return sum(size if ord(c) > 0x2E80 else size * 0.58 for c in text)


def fit(text: str, limit: int, max_width: float, size: float) -> str:
    """Truncate to ``limit`` characters and to about ``max_width`` pixels at font ``size``."""
    text = truncate(text, limit)
    while len(text) > 1 and _label_width(text, size) > max_width:
        text = text[:-2].rstrip() + "…"
    return text


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg(width: float, height: float, title: str, desc: str, body: list[str], ident: str = "sb") -> str:
    # Ids carry the picture's name so several pictures inlined in one page never clash.
    w, h = _num(width), _num(height)
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'font-family="{FONT}" font-size="12" fill="{INK}">',
        f'<title id="{ident}-title">{_text(title)}</title>',
        f'<desc id="{ident}-desc">{_text(desc)}</desc>',
        f'<rect x="0" y="0" width="{w}" height="{h}" rx="8" fill="{CARD}" stroke="{GRID}"/>',
    ]
    return "\n".join(head + body + ["</svg>"]) + "\n"


def _label(x: float, y: float, text: str, *, anchor: str = "start", size: float = 12,
           fill: str = INK, extra: str = "") -> str:
    return (f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}" font-size="{_num(size)}" '
            f'fill="{fill}"{extra}>{_text(text)}</text>')


def count_of(count: int, noun: str, plural: str = "") -> str:
    """'1 claim', '3 claims' (English text alternatives read better with the right number)."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _more(count: int, noun: str) -> str:
    return f"… {count} more {noun}" if count > 0 else ""


def _empty(title: str, message: str) -> str:
    return _svg(420, 80, title, message, [_label(20, 45, message, fill=MUTED)])


# --- corpus helpers -------------------------------------------------------------------

def _per_corpus(func):
    """Memoise ``func(corpus, *args)`` for the last corpus seen, by identity
    (a Corpus is frozen): each picture and its table read the same counts,
    which at 10,000 sources took most of the drawing time. Results are
    shared, so callers never change them."""
    last: dict = {}

    @functools.wraps(func)
    def wrapper(corpus: Corpus, *args):
        seen = last.get("corpus")
        if seen is None or seen() is not corpus:
            last.clear()
            last["corpus"] = weakref.ref(corpus)
        if args not in last:
            last[args] = func(corpus, *args)
        return last[args]
    return wrapper


def source_label(doc: Document) -> str:
    """Short column label: publisher, else the title (or an untitled source's opening words)."""
    return truncate(doc.metadata.publisher or display_title(doc), SOURCE_CHARS)


def _docs(corpus: Corpus) -> dict[str, Document]:
    return {d.id: d for d in corpus.documents}


def _claim_sources(claim: Claim) -> dict[str, str]:
    """Source id -> 'disputes' if any quote there disputes, else 'supports'."""
    out: dict[str, str] = {}
    for quote in claim.quotes:
        if quote.stance == "disputes" or quote.source not in out:
            out[quote.source] = quote.stance
    return out


@_per_corpus
def _top_claims(corpus: Corpus, limit: int) -> list[Claim]:
    ranked = sorted(corpus.claims, key=lambda c: (-len(set(map(_SOURCE, c.quotes))), c.status != "contested", c.id))
    return ranked[:limit]


_SOURCE = attrgetter("source")


def _top_sources(corpus: Corpus, claims: list[Claim], limit: int) -> list[Document]:
    """The sources stating most of ``claims``; every claim keeps at least one
    of its sources while there is room (a row without a mark reads as a claim
    no source states)."""
    docs = _docs(corpus)
    counts = Counter(s for c in claims for s in _claim_sources(c) if s in docs)
    ranked = sorted(docs.values(), key=lambda d: (-counts[d.id], d.id))
    chosen = {d.id for d in ranked[:limit]}
    for claim in claims:
        stated = [s for s in _claim_sources(claim) if s in docs]
        if not stated or chosen.intersection(stated):
            continue
        # Make room: drop the chosen source stating fewest of the claims
        # (and no claim it alone covers), take this claim's most used source.
        sole = {next(iter(own)) for own in ({s for s in _claim_sources(c) if s in chosen} for c in claims)
                if len(own) == 1}
        spare = [d for d in reversed(ranked) if d.id in chosen and d.id not in sole]
        if len(chosen) >= limit:
            if not spare:
                break
            chosen.discard(spare[0].id)
        chosen.add(min(stated, key=lambda s: (-counts[s], s)))
    return sorted((docs[i] for i in chosen), key=lambda d: (source_label(d).lower(), d.id))


# --- coverage matrix -------------------------------------------------------------------

def _coverage_cell(x: float, y: float, size: float, claim: Claim, stance: str) -> str:
    s = _num(size - 2)
    if claim.status == "contested":
        # Colour plus a hatch, so the mark does not rest on colour alone.
        return (f'<rect x="{_num(x + 1)}" y="{_num(y + 1)}" width="{s}" height="{s}" '
                f'fill="url(#sb-coverage-hatch)" stroke="{CONTESTED}"/>'
                + (_dispute_mark(x, y, size) if stance == "disputes" else ""))
    return (f'<rect x="{_num(x + 1)}" y="{_num(y + 1)}" width="{s}" height="{s}" fill="{STATED}"/>'
            + (_dispute_mark(x, y, size) if stance == "disputes" else ""))


def _dispute_mark(x: float, y: float, size: float) -> str:
    return (f'<circle cx="{_num(x + size / 2)}" cy="{_num(y + size / 2)}" r="{_num(size / 4)}" '
            f'fill="{CARD}" stroke="{DISPUTES}" stroke-width="2"/>')


def _coverage_legend(x: float, y: float) -> list[str]:
    return [
        f'<rect x="{_num(x)}" y="{_num(y)}" width="12" height="12" fill="{STATED}"/>',
        _label(x + 18, y + 10, "source states the claim"),
        f'<rect x="{_num(x + 190)}" y="{_num(y)}" width="12" height="12" fill="url(#sb-coverage-hatch)" stroke="{CONTESTED}"/>',
        _label(x + 208, y + 10, "contested claim"),
        f'<circle cx="{_num(x + 346)}" cy="{_num(y + 6)}" r="4" fill="{CARD}" stroke="{DISPUTES}" stroke-width="2"/>',
        _label(x + 356, y + 10, "source disputes it"),
    ]


def coverage_matrix(corpus: Corpus, max_claims: int = MAX_CLAIMS, max_sources: int = MAX_SOURCES) -> str:
    """Claims (rows) x sources (columns); a filled cell where the source states the claim."""
    title = "Which source states which claim"
    claims = _top_claims(corpus, max_claims)
    sources = _top_sources(corpus, claims, max_sources)
    if not claims or not sources:
        return _empty(title, "No claims found in the sources.")
    cell, left, top = 18.0, 430.0, 150.0
    width = max(left + cell * len(sources) + 150, 560)
    height = top + cell * len(claims) + 80
    body = [f'<defs><pattern id="sb-coverage-hatch" width="5" height="5" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="5" height="5" fill="{CONTESTED}"/>'
            f'<line x1="0" y1="0" x2="0" y2="5" stroke="{CARD}" stroke-width="2"/></pattern></defs>']
    for col, doc in enumerate(sources):
        x = left + col * cell + cell / 2 + 4
        body.append(_label(x, top - 8, fit(source_label(doc), SOURCE_CHARS, 165, 11), size=11,
                           extra=f' transform="rotate(-55 {_num(x)} {_num(top - 8)})"'))
    for row, claim in enumerate(claims):
        y = top + row * cell
        if row % 2 == 0:
            body.append(f'<rect x="10" y="{_num(y)}" width="{_num(width - 20)}" height="{_num(cell)}" fill="#f3f3f3"/>')
        body.append(_label(left - 8, y + cell - 5, fit(claim.text, CLAIM_CHARS, left - 30, 11), anchor="end", size=11))
        stated = _claim_sources(claim)
        for col, doc in enumerate(sources):
            if doc.id in stated:
                body.append(_coverage_cell(left + col * cell, y, cell, claim, stated[doc.id]))
    notes = " · ".join(n for n in (_more(len(corpus.claims) - len(claims), "claims"),
                                    _more(len(corpus.documents) - len(sources), "sources")) if n)
    bottom = top + cell * len(claims)
    if notes:
        body.append(_label(left, bottom + 20, notes, fill=MUTED))
    body += _coverage_legend(20, bottom + 40)
    desc = (f"Matrix of {count_of(len(claims), 'claim')} by {count_of(len(sources), 'source')}; "
            f"a filled cell means the source "
            f"states the claim, hatched red cells belong to contested claims. "
            f"{notes + '. ' if notes else ''}The same data is in the table after this picture.")
    return _svg(width, height, title, desc, body, "sb-coverage")


# Source titles named in one cell of the coverage table; a claim stated by
# thousands of sources would otherwise make a cell of megabytes.
MAX_CELL_NAMES = 3


def _names_cell(names: list[str]) -> str:
    if not names:
        return "—"
    shown = "; ".join(names[:MAX_CELL_NAMES])
    return f"{shown}; {_more(len(names) - MAX_CELL_NAMES, 'sources')}" if len(names) > MAX_CELL_NAMES else shown


def coverage_rows(corpus: Corpus, max_claims: int = MAX_CLAIMS) -> list[tuple[str, ...]]:
    """Table form of the coverage matrix: claim, status, sources stating / disputing it."""
    docs = _docs(corpus)
    rows: list[tuple[str, ...]] = [("Claim", "Status", "Sources stating it", "Sources disputing it")]
    label_of: dict[str, str] = {}    # the top claims share many sources: each is labelled once
    for claim in _top_claims(corpus, max_claims):
        stated = _claim_sources(claim)
        # The table has room for whole titles, which tell same-publisher sources apart.
        labels = {s: label_of.get(s) or label_of.setdefault(s, _clean(display_title(docs[s])))
                  for s in stated if s in docs}
        supports = sorted(labels[s] for s in labels if stated[s] != "disputes")
        disputes = sorted(labels[s] for s in labels if stated[s] == "disputes")
        rows.append((_clean(claim.text), status_label(claim.status), _names_cell(supports), _names_cell(disputes)))
    more = len(corpus.claims) - (len(rows) - 1)
    if more > 0:
        rows.append((_more(more, "claims"), "", "", ""))
    return rows


# --- timeline -------------------------------------------------------------------------

def _full_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def _partial_date(text: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"--(\d\d)-(\d\d)", text or "")
    if not match:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    return (month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


@_per_corpus
def _conflicting_dates(corpus: Corpus) -> list[tuple[str, str]]:
    """Pairs of different dates given for one claim or for claims in conflict."""
    by_id = {c.id: c for c in corpus.claims}
    pairs: set[tuple[str, str]] = set()
    for claim in corpus.claims:
        own = sorted(set(claim.dates))
        pairs.update((a, b) for i, a in enumerate(own) for b in own[i + 1:])
        for other_id in claim.conflicts_with:
            other = by_id.get(other_id)
            for a in claim.dates:
                for b in (other.dates if other else ()):
                    if a != b:
                        pairs.add(tuple(sorted((a, b))))
    return sorted(pairs)


@_per_corpus
def _date_counts(corpus: Corpus) -> Counter:
    return Counter(d for c in corpus.claims for d in set(c.dates))


@_per_corpus
def _published_counts(corpus: Corpus) -> Counter:
    # Counted first, then each distinct date checked once.
    counts = Counter(d.metadata.published for d in corpus.documents)
    return Counter({day: n for day, n in counts.items() if _full_date(day or "")})


def _scale(lo: float, hi: float, x0: float, x1: float):
    span = hi - lo or 1.0
    pad = 0.0 if hi > lo else 0.5
    return lambda v: x0 + ((v - lo) / span + pad) * (x1 - x0) if hi > lo else (x0 + x1) / 2


def _tick_labels(points: list[tuple[float, str]], y: float, min_gap: float = 78) -> list[str]:
    out, last = [], -1e9
    for x, text in points:
        if x - last >= min_gap:
            out.append(_label(x, y, text, anchor="middle", size=11, fill=MUTED))
            last = x
    return out


def _lane(y: float, x0: float, x1: float, name: str) -> list[str]:
    return [_label(x0 - 12, y + 4, name, anchor="end", size=11),
            f'<line x1="{_num(x0)}" y1="{_num(y)}" x2="{_num(x1)}" y2="{_num(y)}" stroke="{EDGE}"/>']


def timeline(corpus: Corpus) -> str:
    """Dated claims and source publication dates on a horizontal axis."""
    title = "Timeline of dated claims"
    counts, published = _date_counts(corpus), _published_counts(corpus)
    full = sorted(d for d in counts if _full_date(d))
    partial = sorted(d for d in counts if _partial_date(d))
    if not full and not partial and not published:
        return _empty(title, "No dated claims or publication dates in the sources.")
    shown_full = full[:MAX_DATES]
    all_days = [_full_date(d).toordinal() for d in shown_full] + [_full_date(d).toordinal() for d in published]
    x0, x1, width = 190.0, 980.0, 1040.0
    body: list[str] = []
    # The claims lane sits lower when drawn, leaving room above for the arcs.
    y = CLAIMS_LANE if shown_full else 50.0
    positions: dict[str, float] = {}
    if all_days:
        to_x = _scale(min(all_days), max(all_days), x0, x1)
        if shown_full:
            body += _lane(y, x0, x1, "claims (dated)")
            for d in shown_full:
                positions[d] = to_x(_full_date(d).toordinal())
            body += _marks(positions, counts, y, STATED)
            y += 70
        if published:
            body += _lane(y, x0, x1, "sources published")
            for d in sorted(published):
                px = to_x(_full_date(d).toordinal())
                body.append(f'<path d="M{_num(px)} {_num(y - 7)} l6 7 l-6 7 l-6 -7 z" fill="{DISPUTES}"/>')
                if published[d] > 1:
                    body.append(_label(px, y - 11, str(published[d]), anchor="middle", size=10))
            y += 70
        ticks = sorted({(to_x(_full_date(d).toordinal()), d) for d in shown_full + sorted(published)})
        body += _tick_labels(ticks, y - 70 + 28)
    if partial:
        yearless = _scale(1, 366, x0, x1)
        py = y
        body += _lane(py, x0, x1, "year not stated")
        part_pos = {d: yearless(date(2000, *_partial_date(d)).timetuple().tm_yday) for d in partial}
        positions.update(part_pos)
        body += _marks(part_pos, counts, py, STATED)
        body += _tick_labels(sorted((x, d[2:]) for d, x in part_pos.items()), py + 26)
        y = py + 60
    body += _conflict_arcs(corpus, positions)
    notes = _more(len(full) - len(shown_full), "dates")
    if notes:
        body.append(_label(x0, y, notes, fill=MUTED))
        y += 20
    body += _timeline_legend(20, y + 4)
    conflicts = len(_conflicting_dates(corpus))
    desc = (f"{count_of(sum(counts.values()), 'claim date')} on {count_of(len(counts), 'day')} and "
            f"{count_of(sum(published.values()), 'source publication date')}; "
            + (f"{count_of(conflicts, 'pair')} of different dates given for the same or "
               f"conflicting claims {'is' if conflicts == 1 else 'are'} joined by red arcs. " if conflicts
               else "no two sources give a claim different dates. ")
            + "The same data is in the table after this picture.")
    return _svg(width, y + 34, title, desc, body, "sb-timeline")


def _marks(positions: dict[str, float], counts: Counter, y: float, colour: str) -> list[str]:
    out = []
    for d, x in sorted(positions.items()):
        r = 4 + min(counts[d], 6)
        out.append(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{r}" fill="{colour}" fill-opacity="0.85"/>')
        if counts[d] > 1:
            out.append(_label(x, y - r - 4, str(counts[d]), anchor="middle", size=10))
    return out


def _conflict_arcs(corpus: Corpus, positions: dict[str, float]) -> list[str]:
    out = []
    lane_y = {}
    for a, b in _conflicting_dates(corpus):
        if a not in positions or b not in positions:
            continue
        xa, xb = positions[a], positions[b]
        # Arcs bow upward above the claims lane; both ends sit on the marks.
        ya = CLAIMS_LANE if _full_date(a) else None
        yb = CLAIMS_LANE if _full_date(b) else None
        if ya is None or yb is None:
            continue
        lift = 18 + min(abs(xb - xa) / 8, 30)
        out.append(f'<path d="M{_num(xa)} {_num(ya)} Q{_num((xa + xb) / 2)} {_num(ya - lift * 2)} '
                   f'{_num(xb)} {_num(yb)}" fill="none" stroke="{CONTESTED}" stroke-width="2" '
                   f'stroke-dasharray="5 3"/>')
    return out


def _timeline_legend(x: float, y: float) -> list[str]:
    return [
        f'<circle cx="{_num(x + 6)}" cy="{_num(y)}" r="6" fill="{STATED}"/>',
        _label(x + 18, y + 4, "claims dated that day (number = how many)"),
        f'<path d="M{_num(x + 336)} {_num(y - 7)} l6 7 l-6 7 l-6 -7 z" fill="{DISPUTES}"/>',
        _label(x + 348, y + 4, "source published"),
        f'<line x1="{_num(x + 470)}" y1="{_num(y)}" x2="{_num(x + 500)}" y2="{_num(y)}" stroke="{CONTESTED}" '
        f'stroke-width="2" stroke-dasharray="5 3"/>',
        _label(x + 506, y + 4, "sources give different dates"),
    ]


def timeline_rows(corpus: Corpus) -> list[tuple[str, ...]]:
    """Table form: date, claims dated that day, sources published that day, other dates given."""
    counts, published = _date_counts(corpus), _published_counts(corpus)
    others: dict[str, set[str]] = {}
    for a, b in _conflicting_dates(corpus):
        others.setdefault(a, set()).add(b)
        others.setdefault(b, set()).add(a)
    days = sorted(set(counts) | set(published), key=lambda d: (d.startswith("--"), d))
    rows: list[tuple[str, ...]] = [("Date", "Claims dated", "Sources published", "Different dates given")]
    for d in days:
        label = f"{d[2:]} (year not stated)" if d.startswith("--") else d
        rows.append((label, str(counts.get(d, 0)), str(published.get(d, 0)),
                     ", ".join(sorted(others.get(d, ()))) or "—"))
    # A column of dashes only tells nothing (the picture's text says no dates differ).
    return rows if others else [row[:3] for row in rows]


# --- co-mention graph ----------------------------------------------------------------

def _top_entities(corpus: Corpus, limit: int) -> list[Entity]:
    ranked = sorted(corpus.entities, key=lambda e: (-len(e.mentions), e.id))[:limit]
    return sorted(ranked, key=lambda e: (_type_order(e.type), e.name.lower(), e.id))


def _type_order(entity_type: str) -> tuple:
    """Entity types in the order the entity index lists them, unknown ones last."""
    from .render_entities import ENTITY_TYPES
    return (ENTITY_TYPES.index(entity_type) if entity_type in ENTITY_TYPES else len(ENTITY_TYPES), entity_type)


def type_label(entity_type: str, plural: bool = False) -> str:
    """How an entity type reads on the site ('organization' -> 'Organisation', plural 'Organisations')."""
    from .render_entities import TYPE_LABELS, TYPE_NAMES
    names = TYPE_LABELS if plural else TYPE_NAMES
    return names.get(entity_type) or entity_type.replace("_", " ").capitalize() or "Other"


def _type_colours(entities: list[Entity]) -> dict[str, str]:
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(sorted({e.type for e in entities}, key=_type_order))}


def _edges(entities: list[Entity]) -> list[tuple[str, str, int]]:
    ids = {e.id for e in entities}
    weights: dict[tuple[str, str], int] = {}
    for entity in entities:
        for other, count in entity.related:
            if other in ids and other != entity.id:
                key = tuple(sorted((entity.id, other)))
                weights[key] = max(weights.get(key, 0), int(count))
    return sorted((a, b, w) for (a, b), w in weights.items() if w > 0)


def comention_graph(corpus: Corpus, max_nodes: int = MAX_NODES) -> str:
    """Entities on a circle (grouped by type), joined by lines weighted by co-mentions."""
    title = "Who and what are mentioned together"
    entities = _top_entities(corpus, max_nodes)
    if not entities:
        return _empty(title, "No entities found in the sources.")
    colours = _type_colours(entities)
    cx, cy, radius = 480.0, 400.0, 200.0
    pos = {}
    for i, e in enumerate(entities):
        angle = -math.pi / 2 + 2 * math.pi * i / len(entities)
        pos[e.id] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle)
    edges = _edges(entities)
    body = []
    heaviest = max((w for _, _, w in edges), default=1)
    for a, b, w in edges:
        (xa, ya, _), (xb, yb, _) = pos[a], pos[b]
        body.append(f'<line x1="{_num(xa)}" y1="{_num(ya)}" x2="{_num(xb)}" y2="{_num(yb)}" stroke="{EDGE}" '
                    f'stroke-opacity="0.7" stroke-width="{_num(1 + 5 * w / heaviest)}"/>')
    most = max(len(e.mentions) for e in entities) or 1
    for e in entities:
        x, y, angle = pos[e.id]
        r = 5 + 9 * math.sqrt(len(e.mentions) / most)
        body.append(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" fill="{colours[e.type]}" '
                    f'stroke="{CARD}" stroke-width="1.5"/>')
        body.append(_node_label(x, y, r, angle, e.name))
    y = 800.0
    for i, t in enumerate(colours):
        lx = 20 + (i % 6) * 155
        ly = y + (i // 6) * 20
        body.append(f'<circle cx="{_num(lx + 6)}" cy="{_num(ly)}" r="6" fill="{colours[t]}"/>')
        body.append(_label(lx + 18, ly + 4, fit(type_label(t, plural=True), LABEL_CHARS, 130, 12)))
    bottom = y + ((len(colours) - 1) // 6 + 1) * 20
    notes = _more(len(corpus.entities) - len(entities), "entities")
    if notes:
        body.append(_label(20, bottom + 8, notes, fill=MUTED))
    desc = (f"{count_of(len(entities), 'most mentioned entity', 'most mentioned entities')}, coloured by type, "
            f"with {count_of(len(edges), 'line')} joining "
            f"entities mentioned together; thicker lines mean more co-mentions. "
            f"{notes + '. ' if notes else ''}The same data is in the table after this picture.")
    return _svg(960, bottom + 26, title, desc, body, "sb-graph")


def _node_label(x: float, y: float, r: float, angle: float, name: str) -> str:
    # Radial labels (as in chord diagrams) never collide however many nodes share the top or bottom.
    cos, sin = math.cos(angle), math.sin(angle)
    lx, ly = x + cos * (r + 5), y + sin * (r + 5)
    degrees = math.degrees(angle)
    right = cos >= -1e-9
    rotation = degrees if right else degrees + 180
    return _label(lx, ly, truncate(name, LABEL_CHARS), anchor="start" if right else "end", size=11,
                  extra=f' dominant-baseline="middle" transform="rotate({_num(rotation)} {_num(lx)} {_num(ly)})"')


def comention_rows(corpus: Corpus, max_nodes: int = MAX_NODES) -> list[tuple[str, ...]]:
    """Table form: entity, type, mentions, most co-mentioned entities (count)."""
    entities = _top_entities(corpus, max_nodes)
    names = {e.id: e.name for e in corpus.entities}
    rows: list[tuple[str, ...]] = [("Entity", "Type", "Mentions", "Mentioned together with")]
    for e in sorted(entities, key=lambda e: (-len(e.mentions), e.id)):
        related = sorted(((n, c) for n, c in e.related if n in names), key=lambda p: (-p[1], p[0]))[:8]
        rows.append((_clean(e.name), type_label(e.type), str(len(e.mentions)),
                     "; ".join(f"{_clean(names[n])} ({c})" for n, c in related) or "—"))
    return rows


# --- publisher and language mix --------------------------------------------------------

@_per_corpus
def publisher_counts(corpus: Corpus) -> list[tuple[str, int]]:
    """Sources per named publisher; sources naming none are not a publisher
    (``unnamed_publisher_count`` counts them)."""
    counts: Counter = Counter()
    # Each distinct publisher string is cleaned once, not once per source.
    for publisher, n in Counter(d.metadata.publisher for d in corpus.documents).items():
        name = _clean(publisher or "")
        if name:
            counts[name] += n
    return sorted(counts.items(), key=lambda p: (-p[1], p[0]))


def unnamed_publisher_count(corpus: Corpus) -> int:
    """Sources that name no publisher."""
    return len(corpus.documents) - sum(n for _, n in publisher_counts(corpus))


@_per_corpus
def language_counts(corpus: Corpus) -> list[tuple[str, int]]:
    """Sources per language; a bilingual source counts once in each of its languages."""
    counts: Counter = Counter()
    for languages, n in Counter(d.metadata.languages for d in corpus.documents).items():
        for code in sorted(set(languages)) or [""]:
            counts[language_name_in_english(code) if code else "unknown language"] += n
    return sorted(counts.items(), key=lambda p: (-p[1], p[0]))


def _bars(x: float, y: float, heading: str, items: list[tuple[str, int]], colour: str,
          note: str = "") -> tuple[list[str], float]:
    """A bar chart; ``note`` (muted, under the bars) counts what is not a bar."""
    shown = items[:MAX_BARS]
    top = max((c for _, c in shown), default=1)
    out = [_label(x, y, heading, size=13, extra=' font-weight="600"')]
    y += 14
    for name, count in shown:
        w = 240 * count / top
        out.append(_label(x + 170, y + 12, truncate(name, LABEL_CHARS), anchor="end", size=11))
        out.append(f'<rect x="{_num(x + 178)}" y="{_num(y + 2)}" width="{_num(max(w, 2))}" height="13" fill="{colour}"/>')
        out.append(_label(x + 184 + w, y + 12, str(count), size=11))
        y += 20
    rest = items[MAX_BARS:]
    if rest:
        out.append(_label(x + 178, y + 12, f"… {len(rest)} more ({sum(c for _, c in rest)} sources)", fill=MUTED, size=11))
        y += 20
    if note:
        out.append(_label(x + 178, y + 12, note, fill=MUTED, size=11))
        y += 20
    return out, y


def mix_charts(corpus: Corpus) -> str:
    """Two bar charts: sources per publisher and sources per language."""
    title = "Sources per publisher and per language"
    publishers, languages = publisher_counts(corpus), language_counts(corpus)
    if not corpus.documents:
        return _empty(title, "No sources.")
    unnamed = _unnamed_note(unnamed_publisher_count(corpus))
    left, y_left = _bars(20, 30, "Sources per publisher", publishers, STATED, unnamed)
    right, y_right = _bars(490, 30, "Sources per language", languages, PALETTE[2])
    desc = (f"{count_of(len(corpus.documents), 'source')} from {count_of(len(publishers), 'named publisher')} "
            f"in {count_of(len(languages), 'language')}"
            + (f"; {unnamed}" if unnamed else "")
            + (". Publishers: " + ", ".join(f"{n} {c}" for n, c in publishers[:MAX_BARS]) if publishers else "")
            + ". Languages: " + ", ".join(f"{n} {c}" for n, c in languages[:MAX_BARS]) + ".")
    return _svg(960, max(y_left, y_right) + 20, title, desc, left + right, "sb-mix")


def _unnamed_note(count: int) -> str:
    return f"{count_of(count, 'source names', 'sources name')} no publisher" if count else ""


def mix_rows(corpus: Corpus) -> list[tuple[str, ...]]:
    """Table form of both charts: kind, name, sources (sources naming no
    publisher in a row of their own, after the publishers)."""
    rows: list[tuple[str, ...]] = [("Kind", "Name", "Sources")]
    rows += [("Publisher", n, str(c)) for n, c in publisher_counts(corpus)]
    unnamed = unnamed_publisher_count(corpus)
    if unnamed:
        rows.append(("Publisher", "none named", str(unnamed)))
    rows += [("Language", n, str(c)) for n, c in language_counts(corpus)]
    return rows
