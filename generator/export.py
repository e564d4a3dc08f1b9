"""Machine-readable export: Corpus -> data/corpus.json and data/claims.csv.

The files are written into docs_dir/data/ so MkDocs publishes them at
site/data/. Their schema is documented for users on the Data page
(templates/data.md.j2); keep the two in step.
"""
from __future__ import annotations

import csv
import io
import json

from .model import Corpus, Document
from .render import claim_path, entity_path, page_url, source_path

SCHEMA_VERSION = 1


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


def corpus_record(corpus: Corpus) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "sources": [source_record(d) for d in sorted(corpus.documents, key=lambda d: d.id)],
        "skipped": [{"file": s.file, "reason": s.reason} for s in sorted(corpus.skipped, key=lambda s: s.file)],
        "entities": [{
            "id": e.id, "name": e.name, "type": e.type,
            "aliases": [{"lang": lang, "name": name} for lang, name in e.aliases],
            "description": e.description, "roles": list(e.roles),
            "related": [{"id": i, "count": n} for i, n in e.related],
            "relations": [{"relation": r, "id": i} for r, i in e.relations],
            "page": page_url(entity_path(e.id)),
            "mentions": [{"source": m.source, "text": m.text, "start": m.start, "end": m.end}
                         for m in e.mentions],
        } for e in sorted(corpus.entities, key=lambda e: e.id)],
        "claims": [{
            "id": c.id, "text": c.text, "status": c.status, "entities": list(c.entities),
            "conflicts_with": list(c.conflicts_with), "related": list(c.related),
            "dates": list(c.dates), "numbers": list(c.numbers),
            "sources": c.sources, "independent_sources": c.independent_sources,
            "page": page_url(claim_path(c.id)),
            "versions": [{"point": v.point, "value": v.value, "text": v.text, "sources": list(v.sources)}
                         for v in c.versions],
            "quotes": [{"source": q.source, "text": q.text, "start": q.start, "end": q.end,
                        "stance": q.stance, "lang": q.lang} for q in c.quotes],
        } for c in sorted(corpus.claims, key=lambda c: c.id)],
    }


def corpus_json(corpus: Corpus) -> str:
    # Compact: at thousands of sources indentation doubles the file and its write time.
    return json.dumps(corpus_record(corpus), ensure_ascii=False, separators=(",", ":")) + "\n"


CSV_COLUMNS = ("claim_id", "claim", "status", "source", "publisher", "published", "language",
               "stance", "quote", "start", "end")


def claims_csv(corpus: Corpus) -> str:
    docs = {d.id: d for d in corpus.documents}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for claim in sorted(corpus.claims, key=lambda c: c.id):
        for q in sorted(claim.quotes, key=lambda q: (q.source, q.start)):
            doc = docs.get(q.source)
            writer.writerow([claim.id, _cell(claim.text), claim.status, q.source,
                             _cell(doc.metadata.publisher if doc else ""),
                             doc.metadata.published or "" if doc else "", q.lang, q.stance,
                             _cell(q.text), q.start, q.end])
    return out.getvalue()


def _cell(text: str) -> str:
    # Spreadsheets execute cells starting with these characters as formulas.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
