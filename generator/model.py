"""Plain data passed between the pipeline stages.

read -> RawText; clean -> Document (Blocks with offsets into ``Document.text``);
extract -> Mention / Statement per document; link -> Entity / Claim across the
corpus; render writes pages from these objects. Every object is frozen so a
stage can never change what an earlier stage produced.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Repair:
    """One change made to a source's text, reported in the build log."""

    rule: str          # name of the rule that made it, e.g. "mojibake"
    detail: str        # plain description: what was found, what it became


@dataclass(frozen=True)
class RawText:
    """A source file decoded to text (the output of ``read``)."""

    file: str                       # path relative to the sources folder, POSIX separators
    text: str                       # decoded, mojibake repaired
    format: str                     # "text" | "markdown" | "html"
    encoding: str                   # encoding the bytes were decoded with
    content_hash: str               # sha256 of the raw bytes
    repairs: tuple[Repair, ...] = ()
    # Metadata the reading stage found outside the body (HTML <meta>, sidecar).
    hints: tuple[tuple[str, str], ...] = ()


# Block kinds produced by cleaning.
PARAGRAPH = "paragraph"
HEADING = "heading"
LIST = "list"          # items in ``items``; ``ordered`` says numbered or bulleted
TABLE = "table"        # ``rows``: first row is the header
QA = "qa"              # ``items`` == (question, answer)
QUOTE = "quote"        # a pulled quote / blockquote


@dataclass(frozen=True)
class Block:
    """A piece of cleaned body text.

    ``text`` is the block's plain text as it appears in ``Document.text``
    (list items / table rows / Q&A joined by newlines, cells by " | "), and
    ``start``/``end`` are its offsets there. ``items`` and ``rows`` keep the
    structure for rendering; their strings are substrings of ``text``.
    """

    kind: str
    text: str
    lang: str = ""                       # BCP-47-ish code: "en", "zh", "ko", ... or "" if unknown
    level: int = 0                       # heading level (2..4)
    ordered: bool = False
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    start: int = 0
    end: int = 0
    # A transcript turn ("HOST: Good evening", "主持人：各位好") starts with its
    # speaker's label: text[:label_end] ("HOST", "主持人"), shown in bold.
    label_end: int = 0


@dataclass(frozen=True)
class Origin:
    publisher: str = ""
    language: str = ""
    translated_by: str = ""


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    titles: tuple[tuple[str, str], ...] = ()      # (lang, title), sorted by lang
    publisher: str = ""
    authors: tuple[str, ...] = ()
    published: str | None = None                  # YYYY-MM-DD, absolute only
    languages: tuple[str, ...] = ()
    origin: Origin | None = None
    ai_generated: bool = False
    tags: tuple[str, ...] = ()
    summary: str = ""
    # Where and when a fetched page was captured (its sidecar, see add.py).
    captured_from: str = ""
    captured_at: str = ""                         # ISO 8601 UTC


@dataclass(frozen=True)
class Document:
    """A cleaned source: metadata, blocks, and the plain text they index into."""

    id: str                       # stable slug, also the page name
    file: str
    content_hash: str
    metadata: Metadata
    blocks: tuple[Block, ...]
    text: str                     # cleaned plain text; Block offsets point here
    format: str = "text"
    repairs: tuple[Repair, ...] = ()
    removed: tuple[Repair, ...] = ()   # chrome removed by cleaning, for the report

    @cached_property
    def block_starts(self) -> list[int]:
        """Start offsets of the blocks, for bisecting an offset to its block."""
        return [block.start for block in self.blocks]

    @property
    def word_count(self) -> int:
        from .textstats import count_words
        return count_words(self.text)


@dataclass(frozen=True)
class Skipped:
    """A file that was not published, and why (shown in the build report)."""

    file: str
    reason: str


@dataclass(frozen=True)
class Mention:
    source: str       # Document.id
    text: str         # == document.text[start:end]
    start: int
    end: int
    type: str         # person | organization | product | government | place | other
    lang: str = ""
    # Set by entity extraction (per source, so cached): where the mention sits
    # (prose | initial | label | heading) and the roles written right before
    # it or in its table row, each with the offset where the role starts.
    context: str = ""
    roles: tuple[tuple[str, int], ...] = ()
    cued: bool = True   # False: typed by the name's shape alone, a weak vote
    same_as: str = ""   # the name this mention translates, from an aligned sentence


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[tuple[str, str], ...] = ()     # (lang, alias), sorted
    description: str = ""
    description_source: str = ""                  # Document.id the description came from
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    related: tuple[tuple[str, int], ...] = ()     # (entity id, co-mention count)
    links: tuple[tuple[str, str], ...] = ()       # (label, url) from the editor's registry
    # Relations the sources state, e.g. ("code name", entity id); sorted.
    relations: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Quote:
    source: str
    text: str         # == document.text[start:end]
    start: int
    end: int
    stance: str = "supports"   # supports | disputes
    lang: str = ""


@dataclass(frozen=True)
class ClaimVersion:
    """One side of a point the sources of a contested claim disagree on."""

    point: str                      # scope | product | decider | polarity | date | figure:<what it counts>
    value: str                      # the side, e.g. "foreign" or "government"
    text: str                       # the clearest member sentence stating this side, verbatim
    sources: tuple[str, ...] = ()   # Document ids stating this side


@dataclass(frozen=True)
class Claim:
    id: str
    text: str                       # canonical statement: a member sentence, verbatim
    status: str                     # corroborated | single-source | contested
    quotes: tuple[Quote, ...] = ()
    entities: tuple[str, ...] = ()  # entity ids
    dates: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    conflicts_with: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    sources: int = 0                # distinct sources stating it
    independent_sources: int = 0    # after removing translations/rewrites of each other
    versions: tuple[ClaimVersion, ...] = ()   # sides of each disputed point, grouped by point


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    notes: tuple[str, ...] = field(default=())   # registry warnings and similar
