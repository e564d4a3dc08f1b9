"""Link: per-source results -> Corpus with entities and claims resolved across sources."""
from __future__ import annotations

from ..model import Corpus
from ..progress import Progress
from ..registry import load_registry
from ..settings import Settings
from . import claims as link_claims
from . import entities as link_entities


def link_corpus(works, settings: Settings, progress: Progress) -> Corpus:
    """``works``: SourceWork per file (see build.py), in file order."""
    published = sorted((w for w in works if w.doc is not None), key=lambda w: w.doc.id)
    docs = [w.doc for w in published]
    skipped = sorted((w.skipped for w in works if w.skipped is not None), key=lambda s: s.file)
    registry = load_registry(settings.registry_file) if settings.registry_file else None
    progress.start("linking entities", 1)
    mentions = {w.doc.id: w.mentions for w in published}
    entities, notes = link_entities.resolve_entities(docs, mentions, registry)
    entities = publisher_entities(docs, entities)
    progress.advance()
    progress.start("grouping claims", 1)
    statements = {w.doc.id: w.statements for w in published}
    origins = {d.id: (d.metadata.origin.publisher if d.metadata.origin else None) for d in docs}
    claims = link_claims.group_claims(docs, statements, entities, origins)
    progress.advance()
    return Corpus(documents=tuple(docs), skipped=tuple(skipped), entities=tuple(entities),
                  claims=tuple(claims), notes=tuple(notes))


def publisher_entities(docs, entities) -> tuple:
    """Organisations the sources name only in their metadata (publisher, origin).

    Cleaning moves "Originally published by X" notes out of the text, so X has
    no mention to be found by extraction; it still deserves an entity page,
    reached from the metadata panel of the sources it published.
    """
    from ..model import Entity
    from ..slugs import slugify

    known = {e.name.casefold() for e in entities} | {a.casefold() for e in entities for _, a in e.aliases}
    taken = {e.id for e in entities}
    added = {}
    for doc in docs:
        meta = doc.metadata
        origin = meta.origin
        for name in (meta.publisher, origin.publisher if origin else "", origin.translated_by if origin else ""):
            name = (name or "").strip()
            if not name or name.casefold() in known or name.casefold() in added:
                continue
            entity_id = slugify(name.lower()) if slugify(name.lower()) not in taken else slugify(name)
            taken.add(entity_id)
            added[name.casefold()] = Entity(id=entity_id, name=name, type="organization")
    return tuple(sorted((*entities, *added.values()), key=lambda e: e.id))
