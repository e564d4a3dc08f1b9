"""Cleaning: RawText -> Document.

The raw text is split into lines, then an ordered list of small named rules
runs over a ``CleanState`` (the lines, the metadata facts found so far, and a
log of what was removed). Each rule lives in the module of its family:

* ``glue``       repair text glued by scraping ("byTechCrunch", "AI6 min read")
* ``chrome``     page chrome removed, some of it turned into metadata facts
* ``languages``  bilingual lines split, language of every line detected
* ``structure``  headings, lists, tables, Q&A recovered
* ``repeats``    blocks repeating an earlier block dropped
* ``facts``      title/byline/origin/date facts from what is left

``assemble`` then turns the lines into Blocks with offsets into the cleaned
plain text, and the facts into ``Metadata``.
"""
from __future__ import annotations

from ..model import Document, RawText
from .state import CleanState, Line, lines_from_text
from . import glue, chrome, languages, structure, title, repeats, facts
from .assemble import assemble

# Order matters: glue repair makes chrome patterns match; chrome goes before
# language splitting so bilingual chrome labels are removed whole; structure
# needs languages (a Chinese table row has no other column separator than a
# space); repeats compare finished blocks; facts read the cleaned lines.
CLEANING_RULES = (
    *glue.RULES,
    *chrome.RULES,
    *languages.RULES,
    *structure.RULES,
    *title.RULES,
    *repeats.RULES,
    *facts.RULES,
)


def clean(raw: RawText, doc_id: str, rules=CLEANING_RULES) -> Document:
    state = CleanState(lines=lines_from_text(raw.text, raw.format), hints=dict(raw.hints))
    for rule in rules:
        rule(state)
    return assemble(state, raw, doc_id)


__all__ = ["clean", "CLEANING_RULES", "CleanState", "Line"]
