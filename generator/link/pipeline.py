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
    progress.advance()
    progress.start("grouping claims", 1)
    statements = {w.doc.id: w.statements for w in published}
    origins = {d.id: (d.metadata.origin.publisher if d.metadata.origin else None) for d in docs}
    claims = link_claims.group_claims(docs, statements, entities, origins)
    progress.advance()
    return Corpus(documents=tuple(docs), skipped=tuple(skipped), entities=tuple(entities),
                  claims=tuple(claims), notes=tuple(notes))
