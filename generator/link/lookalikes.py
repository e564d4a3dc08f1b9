"""Names so alike that they may be one thing written two ways ("Jon Smith", "John Smith").

Resolution keeps them apart: merging on spelling alone would join different
people and firms. The build report lists such pairs so an editor can decide,
and join them in the registry if they are one.

Candidates come from a deletion neighbourhood: two names share a key when
deleting at most one character from each makes them equal, which covers one
substitution, insertion, deletion or swap of neighbours. Each name yields as
many keys as it has characters, so the cost grows with the total length of
the names, never with the number of pairs.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Sequence

from ..model import Entity

MIN_LENGTH = 6          # shorter names differ by one letter too often ("Iran", "Iraq")
MAX_NOTES = 20          # pairs listed in the report; the rest are counted
MAX_BUCKET = 20         # a key shared by more names is too common to mean anything

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def folded(name: str) -> str:
    """Lower case, without accents and punctuation, single spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _keys(name: str) -> set[str]:
    return {name} | {name[:i] + name[i + 1:] for i in range(len(name))}


def _numbered(name: str) -> bool:
    """"Model 7" and "Model 8" are versions of a thing, not two spellings of one."""
    return any(c.isdigit() for c in name)


def look_alike_pairs(entities: Sequence[Entity]) -> list[tuple[Entity, Entity]]:
    """Pairs of same-type entities whose names differ by one edit, sorted by id."""
    names = {e.id: folded(e.name) for e in entities}
    by_key: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        name = names[entity.id]
        if len(name) < MIN_LENGTH or _CJK.search(name):
            continue
        for key in _keys(name):
            by_key[key].append(entity)
    pairs: set[tuple[str, str]] = set()
    by_id = {e.id: e for e in entities}
    for members in by_key.values():
        if len(members) < 2 or len(members) > MAX_BUCKET:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.id != b.id and a.type == b.type and names[a.id] != names[b.id] \
                        and not _numbered(names[a.id]) and not _numbered(names[b.id]):
                    pairs.add(tuple(sorted((a.id, b.id))))
    return [(by_id[a], by_id[b]) for a, b in sorted(pairs)]


def look_alike_notes(entities: Sequence[Entity]) -> tuple[str, ...]:
    """Build-report notes for look-alike names (at most MAX_NOTES, then a count)."""
    pairs = look_alike_pairs(entities)
    notes = [f"look-alike names kept apart: {a.name!r} ({a.id}) and {b.name!r} ({b.id}); "
             f"if they are one {a.type}, list both names in one registry entry" for a, b in pairs[:MAX_NOTES]]
    if len(pairs) > MAX_NOTES:
        notes.append(f"look-alike names kept apart: {len(pairs) - MAX_NOTES} more pairs not listed")
    return tuple(notes)
