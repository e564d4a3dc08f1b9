"""Cleaning: RawText -> Document.

The raw text is split into lines, then an ordered list of small named rules
runs over a ``CleanState`` (the lines, the metadata facts found so far, and a
log of what was removed). Each rule lives in the module of its family:

* ``glue``       repair text glued by scraping ("byJane Doe", "AI6 min read")
* ``pasted``     header blocks of pasted e-mails and podcast pages read and dropped
* ``chrome``     page chrome removed, some of it turned into metadata facts
* ``languages``  bilingual lines split, language of every line detected
* ``structure``  headings, lists, tables, Q&A recovered
* ``repeats``    blocks repeating an earlier block dropped
* ``facts``      title/byline/origin/date facts from what is left
* ``limits``     blocks too long to render in bounded time cut into paragraphs

``assemble`` then turns the lines into Blocks with offsets into the cleaned
plain text, and the facts into ``Metadata``.
"""
from __future__ import annotations

from ..model import Document, RawText
from ..slugs import remove_hidden
from .state import CleanState, Line, lines_from_text
from . import glue, pasted, chrome, languages, structure, title, repeats, facts, limits
from .assemble import assemble

# Order matters: glue repair makes chrome patterns match; chrome goes before
# language splitting so bilingual chrome labels are removed whole; structure
# needs languages (a Chinese table row has no other column separator than a
# space); repeats compare finished blocks; facts read the cleaned lines;
# limits only cuts blocks too long for rendering, after every rule saw them whole.
CLEANING_RULES = (
    *glue.RULES,
    *pasted.RULES,
    *chrome.RULES,
    *languages.RULES,
    *structure.RULES,
    *title.RULES,
    *repeats.RULES,
    *facts.RULES,
    *limits.RULES,
)


def clean(raw: RawText, doc_id: str, rules=CLEANING_RULES) -> Document:
    # Hidden characters go first, from the text and from HTML/sidecar hints
    # alike: a bidi override must not reorder a title, and a zero-width space
    # inside a name must not make it a different name.
    text, hidden = remove_hidden(raw.text)
    hints = {key: remove_hidden(value)[0] for key, value in raw.hints}
    state = CleanState(lines=lines_from_text(text, raw.format), hints=hints)
    if hidden:
        state.drop("hidden-characters", f"{hidden} invisible or control character(s): bidi, zero-width, control")
    for rule in rules:
        rule(state)
    return assemble(state, raw, doc_id)


__all__ = ["clean", "CLEANING_RULES", "CleanState", "Line"]
