"""Link: per-source results -> Corpus with entities and claims resolved across sources."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..datafiles import load_yaml

from ..model import Corpus
from ..progress import Progress
from ..registry import load_registry
from ..settings import Settings
from . import claims as link_claims
from . import entities as link_entities
from .lookalikes import look_alike_notes

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def link_corpus(works, settings: Settings, progress: Progress) -> Corpus:
    """``works``: SourceWork per file (see build.py), in file order."""
    published = sorted((w for w in works if w.doc is not None), key=lambda w: w.doc.id)
    docs = [w.doc for w in published]
    skipped = sorted((w.skipped for w in works if w.skipped is not None), key=lambda s: s.file)
    registry = load_registry(settings.registry_file) if settings.registry_file else None
    progress.start("linking entities", 1)
    mentions = {w.doc.id: w.mentions for w in published}
    entities, notes = link_entities.resolve_entities(docs, mentions, registry)
    entities = metadata_entities(docs, entities)
    progress.advance()
    progress.start("grouping claims", 1)
    statements = {w.doc.id: w.statements for w in published}
    origins = {d.id: (d.metadata.origin.publisher if d.metadata.origin else None) for d in docs}
    claims = link_claims.group_claims(docs, statements, entities, origins)
    progress.advance()
    notes = (*notes, *look_alike_notes(entities))
    return Corpus(documents=tuple(docs), skipped=tuple(skipped), entities=tuple(entities),
                  claims=tuple(claims), notes=tuple(notes))


def metadata_entities(docs, entities) -> tuple:
    """People and organisations the sources name only in their metadata:
    publishers, origins (original publisher, translator) and bylines.

    Cleaning moves "Originally published by X" notes and bylines out of the
    text, so they have no mention for extraction to find; they still deserve
    an entity page, reached from the metadata panel of the sources they wrote
    or published.
    """
    from ..model import Entity
    from ..slugs import slugify

    known = {e.name.casefold() for e in entities} | {a.casefold() for e in entities for _, a in e.aliases}
    taken = {e.id for e in entities}
    added = {}
    for doc in docs:
        meta = doc.metadata
        origin = meta.origin
        named = [(meta.publisher, "organization")]
        if origin:
            named += [(origin.publisher, "organization"), (origin.translated_by, "organization")]
        named += [(author, byline_type(author)) for author in meta.authors]
        for name, kind in named:
            name = (name or "").strip()
            if not name or name.casefold() in known or name.casefold() in added:
                continue
            # The same slugs as entities found in the text; a clash gets the
            # hashed form, which never meets another name.
            entity_id = link_entities.entity_slug(name)
            entity_id = entity_id if entity_id not in taken else slugify(name)
            taken.add(entity_id)
            added[name.casefold()] = Entity(id=entity_id, name=name, type=kind)
    return tuple(sorted((*entities, *added.values()), key=lambda e: e.id))


@lru_cache(maxsize=1)
def _group_word_res() -> tuple[re.Pattern, re.Pattern]:
    words = load_yaml((DATA_DIR / "byline_words.yaml").read_text(encoding="utf-8"))["group_words"]
    latin = sorted((w for w in words if w.isascii() or not _is_cjk(w)), key=len, reverse=True)
    cjk = sorted((w for w in words if _is_cjk(w)), key=len, reverse=True)
    return (re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, latin)) + r")(?!\w)", re.IGNORECASE),
            re.compile("|".join(map(re.escape, cjk))))


def _is_cjk(word: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in word)


def byline_type(name: str) -> str:
    """A byline names a person unless it names a group ("Editorial Team"),
    or is one Latin-script word: people sign with two names or more, while
    an agency signs with its own ("Reuters")."""
    latin, cjk = _group_word_res()
    one_latin_word = len(name.split()) == 1 and not _is_cjk(name)
    return "organization" if one_latin_word or latin.search(name) or cjk.search(name) else "person"
