"""Machine-readable export: Corpus -> data/corpus.json and data/claims.csv.

The files are written into docs_dir/data/ so MkDocs publishes them at
site/data/. Their schema is documented for users on the Data page
(templates/data.md.j2); keep the two in step.
"""
from __future__ import annotations

import csv
import io
import json
from operator import attrgetter
from typing import NamedTuple

from .model import Claim, Corpus, Document, Entity
from .render import CLAIMS_CSV, CORPUS_JSON, claim_path, entity_path, page_url, source_path

SCHEMA_VERSION = 1
_ID = attrgetter("id")
_SOURCE = attrgetter("source")


def source_record(doc: Document) -> dict:
    meta = doc.metadata
    return {
        "id": doc.id,
        "file": doc.file,
        "title": meta.title,
        "titles": dict(meta.titles),
        "languages": list(meta.languages),
        "publisher": meta.publisher,
        "authors": list(meta.authors),
        "published": meta.published,
        "origin": ({"publisher": meta.origin.publisher, "language": meta.origin.language,
                    "translated_by": meta.origin.translated_by} if meta.origin else None),
        "ai_generated": meta.ai_generated,
        "tags": list(meta.tags),
        "captured": {"url": meta.captured_from, "at": meta.captured_at} if meta.captured_at else None,
        "word_count": doc.word_count,
        "format": doc.format,
        "content_hash": doc.content_hash,
        "page": page_url(source_path(doc.id)),
        "text": doc.text,
    }


def entity_record(e: Entity) -> dict:
    return {
        "id": e.id, "name": e.name, "type": e.type,
        "aliases": [{"lang": lang, "name": name} for lang, name in e.aliases],
        "description": e.description, "roles": list(e.roles),
        "related": [{"id": i, "count": n} for i, n in e.related],
        "relations": [{"relation": r, "id": i} for r, i in e.relations],
        "page": page_url(entity_path(e.id)),
        "mentions": [{"source": m.source, "text": m.text, "start": m.start, "end": m.end}
                     for m in e.mentions],
    }


def claim_record(c: Claim) -> dict:
    return {
        "id": c.id, "text": c.text, "status": c.status, "entities": list(c.entities),
        "conflicts_with": list(c.conflicts_with), "related": list(c.related),
        "dates": list(c.dates), "numbers": list(c.numbers),
        "sources": c.sources, "independent_sources": c.independent_sources,
        "page": page_url(claim_path(c.id)),
        "versions": [{"point": v.point, "value": v.value, "text": v.text, "sources": list(v.sources)}
                     for v in c.versions],
        "quotes": [{"source": q.source, "text": q.text, "start": q.start, "end": q.end,
                    "stance": q.stance, "lang": q.lang} for q in c.quotes],
    }


def corpus_record(corpus: Corpus) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "sources": [source_record(d) for d in sorted(corpus.documents, key=_ID)],
        "skipped": _skipped_records(corpus),
        "entities": [entity_record(e) for e in sorted(corpus.entities, key=_ID)],
        "claims": [claim_record(c) for c in sorted(corpus.claims, key=_ID)],
    }


def _skipped_records(corpus: Corpus) -> list[dict]:
    return [{"file": s.file, "reason": s.reason} for s in sorted(corpus.skipped, key=lambda s: s.file)]


def _json(data: object) -> str:
    # Compact: at thousands of sources indentation doubles the file and its write time.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def corpus_json(corpus: Corpus, cache=None) -> str:
    """The text of data/corpus.json. With ``cache`` (render_cache.RenderCache)
    the JSON of each source, entity and claim is reused while that object is
    unchanged: the file is the same compact JSON as one ``json.dumps`` of
    ``corpus_record``, assembled from those parts."""
    if cache is None or cache.store is None:
        return _json(corpus_record(corpus)) + "\n"
    parts = {
        "sources": [cache.get(f"{CORPUS_JSON}#sources/{d.id}", d, lambda d: _json(source_record(d)))
                    for d in sorted(corpus.documents, key=_ID)],
        "skipped": [_json(record) for record in _skipped_records(corpus)],
        "entities": [cache.get(f"{CORPUS_JSON}#entities/{e.id}", e, lambda e: _json(entity_record(e)))
                     for e in sorted(corpus.entities, key=_ID)],
        "claims": [cache.get(f"{CORPUS_JSON}#claims/{c.id}", c, lambda c: _json(claim_record(c)))
                   for c in sorted(corpus.claims, key=_ID)],
    }
    # The same key order and separators as json.dumps of corpus_record;
    # one join, as the file is tens of megabytes at 10,000 sources.
    pieces = [f'{{"schema_version":{SCHEMA_VERSION}']
    for name, items in parts.items():
        pieces.append(f',"{name}":[')
        pieces.append(",".join(items))
        pieces.append("]")
    pieces.append("}\n")
    return "".join(pieces)


CSV_COLUMNS = ("claim_id", "claim", "status", "source", "publisher", "published", "language",
               "stance", "quote", "start", "end")


def claims_csv(corpus: Corpus, cache=None) -> str:
    """The text of data/claims.csv; with ``cache`` (render_cache.RenderCache)
    each claim's rows are reused while the claim and its sources are unchanged."""
    # Only what the rows read of each source: a source's other changes leave them be.
    row_source = {d.id: (d.metadata.publisher, d.metadata.published or "") for d in corpus.documents}.get
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(CSV_COLUMNS)
    for claim in sorted(corpus.claims, key=_ID):
        inputs = ClaimRowsInputs(claim, tuple(map(row_source, map(_SOURCE, claim.quotes))))
        if cache is None or cache.store is None:
            out.write(_claim_rows(inputs))
        else:
            out.write(cache.get(f"{CLAIMS_CSV}#{claim.id}", inputs, _claim_rows))
    return out.getvalue()


class ClaimRowsInputs(NamedTuple):
    """What one claim's rows of claims.csv show (see render_cache)."""
    claim: Claim
    sources: tuple[tuple[str, str] | None, ...]   # (publisher, published) of each quote's source, if known


def _claim_rows(inputs: ClaimRowsInputs) -> str:
    """The CSV rows of one claim, a row per quote by (source, start)."""
    claim, sources = inputs.claim, inputs.sources
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for q, source in sorted(zip(claim.quotes, sources), key=lambda pair: (pair[0].source, pair[0].start)):
        publisher, published = source if source else ("", "")
        writer.writerow([claim.id, _cell(claim.text), claim.status, q.source, _cell(publisher),
                         published, q.lang, q.stance, _cell(q.text), q.start, q.end])
    return out.getvalue()


def _cell(text: str) -> str:
    # Spreadsheets execute cells starting with these characters as formulas.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
