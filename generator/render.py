"""Rendering: Corpus -> {docs-relative path: Markdown page}.

Pages come from the Jinja2 templates in ``templates/``. The environment's
``finalize`` hook escapes every value a template prints unless it is ``Md``
(Markdown Sourcebook wrote itself), so source text is inert by default.
This module builds small view objects for the templates: escaped text with
entity links, anchors for every block, table rows, page links.
"""
from __future__ import annotations

import gc
import heapq
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, islice
from operator import attrgetter
from typing import NamedTuple

from jinja2 import Environment, PackageLoader, StrictUndefined

from .languages_display import language_name, language_name_in_english
from .mdtext import Md, annotate, escape, in_language, language_tag, link, nowrap
from .model import HEADING, LIST, QA, TABLE, Block, Claim, Corpus, Document, Entity
from .clean.assemble import CELL_SEPARATOR

SOURCES = "sources"
ENTITIES = "entities"
CLAIMS = "claims"
RAW = "raw"
CORPUS_JSON = "data/corpus.json"
CLAIMS_CSV = "data/claims.csv"

# The language the site's own words are written in (the templates, and
# mkdocs.yml's theme.language): text in any other language is marked as such.
INTERFACE_LANGUAGE = "en"

# How a claim's status (set by link.claims) reads on every page, in the order pages list them.
STATUS_LABELS = {"contested": "⚠ contested", "corroborated": "✔ corroborated",
                 "single-source": "○ single source"}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


_ID = attrgetter("id")
_SOURCE = attrgetter("source")
_METADATA = attrgetter("metadata")
_PUBLISHER = attrgetter("publisher")
_LANGUAGES = attrgetter("languages")
_STATUS = attrgetter("status")
_CORROBORATION = attrgetter("independent_sources", "sources")


def _finalize(value: object) -> object:
    # Exact type checks first: this runs for every value every page prints.
    kind = type(value)
    if kind is Md or kind is int or kind is float:
        return value
    if isinstance(value, Md):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return escape(value)


def make_environment(bytecode_cache=None) -> Environment:
    """``bytecode_cache``: a jinja2 BytecodeCache (render_cache.TemplateCode) or None."""
    env = Environment(loader=PackageLoader("generator", "templates"), finalize=_finalize,
                      autoescape=False, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, undefined=StrictUndefined,
                      # Templates ship with the package and never change during a
                      # build; re-checking their files on every page cost ~10%.
                      auto_reload=False, bytecode_cache=bytecode_cache)
    env.filters["mdjoin"] = join_markdown
    env.filters["nowrap"] = nowrap
    env.globals["lang_attribute"] = lang_attribute
    return env


def foreign(text: Md, lang: str) -> Md:
    """Inline Markdown marked with its language unless that is the interface's."""
    return text if language_tag(lang) == INTERFACE_LANGUAGE else in_language(text, lang)


def attribute_list(attributes: Md) -> Md:
    """' { attributes }' to end a heading's line with, or ""."""
    return Md(f" {{{attributes} }}") if attributes else Md("")


def lang_attribute(lang: str) -> Md:
    """' lang="xx"' for an attribute list ({: ... }), or "" (``lang`` is checked
    again; the interface's language needs no mark)."""
    tag = language_tag(lang)
    return Md(f' lang="{tag}"') if tag and tag != INTERFACE_LANGUAGE else Md("")


def join_markdown(items, separator: str = ", ") -> Md:
    """Join a mix of Md and plain values; plain values are escaped.

    The separator comes from a template or from this package, never from a source.
    """
    return Md(separator.join(str(_finalize(item)) for item in items))


# --- paths and links --------------------------------------------------------

def source_path(doc_id: str) -> str:
    return f"{SOURCES}/{doc_id}.md"


def entity_path(entity_id: str) -> str:
    return f"{ENTITIES}/{entity_id}.md"


def claim_path(claim_id: str) -> str:
    return f"{CLAIMS}/{claim_id}.md"


def raw_path(doc_id: str) -> str:
    # Always .txt: a raw .html or .md copy would become an active page.
    return f"{RAW}/{doc_id}.txt"


def relative(from_page: str, to_path: str) -> str:
    """Relative link from one docs page to another docs file.

    Every generated path is POSIX and relative to docs_dir, so climbing to
    the docs root and descending again is always right (and cheap).
    """
    return "../" * from_page.count("/") + to_path


def page_url(path: str) -> str:
    """Site-relative URL of a docs page under use_directory_urls.

    Plain string operations (generated paths are clean POSIX paths): this
    runs for every link in JSON-LD and the data export.
    """
    folder, _, name = path.rpartition("/")
    prefix = folder + "/" if folder else ""
    if name == "index.md":
        return prefix
    dot = name.rfind(".")
    if 0 < dot < len(name) - 1:
        name = name[:dot]
    return f"{prefix}{name}/"


# --- anchors ------------------------------------------------------------------

def block_anchor(index: int) -> str:
    return f"b{index}"


def item_anchor(index: int, item: int) -> str:
    return f"b{index}-{item}"


def block_index_at(doc: Document, offset: int) -> int | None:
    """Index of the block whose span holds ``offset`` (blocks are sorted by start)."""
    starts = doc.block_starts
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset <= doc.blocks[index].end:
        return index
    return None


def anchor_at(doc: Document, offset: int) -> str:
    """The anchor of the block (or list item / table row) holding ``offset``."""
    index = block_index_at(doc, offset)
    if index is None:
        return ""
    block = doc.blocks[index]
    if block.kind in (LIST, TABLE):
        line_no = doc.text[block.start:offset].count("\n")
        if block.kind == TABLE and not line_no:
            return block_anchor(index)
        return item_anchor(index, line_no)
    return block_anchor(index)


# --- source pages -------------------------------------------------------------

@dataclass
class ItemView:
    anchor: str
    text: Md


@dataclass
class RowView:
    anchor: str
    cells: list[Md]
    header: bool = False


@dataclass
class BlockView:
    kind: str
    anchor: str
    text: Md = Md("")
    level: int = 2
    ordered: bool = False
    items: list[ItemView] = field(default_factory=list)
    rows: list[RowView] = field(default_factory=list)
    question: Md = Md("")
    answer: Md = Md("")
    label: Md = Md("")    # a transcript turn's speaker label (text then holds the rest of the turn)
    lang: str = ""        # its language, when not the interface's (a checked tag, see mdtext.language_tag)

    @property
    def heading_marker(self) -> Md:
        return Md("#" * self.level)

    @property
    def list_marker(self) -> Md:
        return Md("1." if self.ordered else "-")


@dataclass
class SectionView:
    label: str
    blocks: list[BlockView]


def _segments(block: Block) -> list[tuple[int, int]]:
    """(start, end) offsets in Document.text of each line of a block."""
    out, pos = [], block.start
    for line in block.text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _linked(doc_text: str, start: int, end: int, spans, link_for) -> Md:
    local = [(s - start, e - start, key) for s, e, key in spans if s >= start and e <= end]
    return annotate(doc_text[start:end], local, link_for)


def _spans_within(spans, start: int, end: int) -> list:
    """The spans (sorted by start) that begin inside [start, end]."""
    return spans[bisect_left(spans, (start,)):bisect_right(spans, (end, float("inf")))]


def block_language(doc: Document, index: int) -> str:
    """The language a block is written in, as an HTML lang value: its own,
    else the source's first; "" when unknown or the interface's language."""
    lang = doc.blocks[index].lang or next((l for l in doc.metadata.languages if l), "")
    tag = language_tag(lang)
    return "" if tag == INTERFACE_LANGUAGE else tag


def block_view(doc: Document, index: int, spans, link_for) -> BlockView:
    """``spans`` are (start, end, key) sorted by start."""
    block = doc.blocks[index]
    # A heading is not linked: links would make it read as a row of links,
    # and the paragraphs under it link the same names.
    spans = [] if block.kind == HEADING else _spans_within(spans, block.start, block.end)
    anchor = block_anchor(index)
    lang = block_language(doc, index)
    segments = _segments(block)
    if block.kind == LIST:
        items = [ItemView(item_anchor(index, i), in_language(_linked(doc.text, s, e, spans, link_for), lang))
                 for i, (s, e) in enumerate(segments)]
        return BlockView(kind=LIST, anchor=anchor, items=items, ordered=block.ordered, lang=lang)
    if block.kind == TABLE:
        return BlockView(kind=TABLE, anchor=anchor, rows=_table_rows(doc, index, segments, spans, link_for, lang),
                         lang=lang)
    if block.kind == QA and len(segments) >= 2:
        (qs, qe), (as_, _) = segments[0], segments[1]
        return BlockView(kind=QA, anchor=anchor,
                         question=_linked(doc.text, qs, qe, spans, link_for),
                         answer=_linked(doc.text, as_, block.end, spans, link_for), lang=lang)
    level = min(max(block.level, 2), 4) if block.kind == HEADING else 2
    kind = block.kind if block.kind in (HEADING, "quote") else "paragraph"
    if kind == "paragraph" and block.label_end:
        # The label is shown unlinked (a name in it is linked in the speech that follows).
        split = block.start + block.label_end
        return BlockView(kind="turn", anchor=anchor, lang=lang, label=_linked(doc.text, block.start, split, [], link_for),
                         text=_linked(doc.text, split, block.end, _spans_within(spans, split, block.end), link_for))
    text = _linked(doc.text, block.start, block.end, spans, link_for)
    return BlockView(kind=kind, anchor=anchor, text=text, level=level, lang=lang)


def _table_rows(doc, index, segments, spans, link_for, lang: str = "") -> list[RowView]:
    rows = []
    width = max(len(doc.text[s:e].split(CELL_SEPARATOR)) for s, e in segments)
    for row_no, (s, e) in enumerate(segments):
        cells, pos = [], s
        for cell in doc.text[s:e].split(CELL_SEPARATOR):
            cells.append(in_language(_linked(doc.text, pos, pos + len(cell), spans, link_for), lang) or Md(" "))
            pos += len(cell) + len(CELL_SEPARATOR)
        cells += [Md(" ")] * (width - len(cells))
        rows.append(RowView(item_anchor(index, row_no), cells, header=row_no == 0))
    return rows


def _sections(doc: Document, views: list[BlockView]) -> list[SectionView]:
    """One section per language when the source is bilingual, else one."""
    languages = [lang for lang in doc.metadata.languages if lang]
    if len(languages) < 2:
        return [SectionView(label="", blocks=views)]
    buckets: dict[str, list[BlockView]] = {lang: [] for lang in languages}
    for block, view in zip(doc.blocks, views):
        lang = block.lang if block.lang in buckets else languages[0]
        buckets[lang].append(view)
    return [SectionView(label=language_name(lang), blocks=buckets[lang])
            for lang in languages if buckets[lang]]


UNTITLED_WORDS = 8


def file_name(path: str) -> str:
    """The last part of a POSIX path relative to the sources folder."""
    return path.rstrip("/").rpartition("/")[2]


def display_title(doc: Document) -> str:
    """The title, or for an untitled source its opening words, marked as such.

    Metadata stays empty (a title is never invented); this is only a label.
    """
    if doc.metadata.title:
        return doc.metadata.title
    words = doc.text.split()
    if not words:
        return file_name(doc.file)
    opening = " ".join(words[:UNTITLED_WORDS])
    return f"Untitled: {opening}{'…' if len(words) > UNTITLED_WORDS else ''}"


def title_language(doc: Document) -> str:
    """The language of the title a source page shows ("" when it is the interface's or unknown)."""
    meta = doc.metadata
    if not meta.title:
        return ""     # "Untitled: <opening words>" is the interface's sentence
    lang = next((l for l, title in meta.titles if title == meta.title), "") \
        or next((l for l in meta.languages if l), "")
    tag = language_tag(lang)
    return "" if tag == INTERFACE_LANGUAGE else tag


def mentions_by_source(entities) -> dict[str, list[tuple[int, int, str]]]:
    """source id -> sorted (start, end, entity id) of every mention in it."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    get = out.get
    for entity in entities:
        entity_id = entity.id
        for mention in entity.mentions:
            spans = get(mention.source)
            if spans is None:
                spans = out[mention.source] = []
            spans.append((mention.start, mention.end, entity_id))
    for spans in out.values():
        spans.sort()
    return out


def first_mention_spans(doc: Document, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Link the first mention of each entity in each block."""
    seen: set[tuple[int, str]] = set()
    out = []
    for start, end, entity_id in spans:
        block = block_index_at(doc, start)
        if block is None or end > doc.blocks[block].end or (block, entity_id) in seen:
            continue
        seen.add((block, entity_id))
        out.append((start, end, entity_id))
    return out


@dataclass
class ClaimRef:
    link: Md
    status: str
    sources: int = 0
    independent: int = 0


def entity_index_by_name(entities) -> dict[str, str]:
    """casefolded name or alias -> entity id, for linking metadata to entity pages."""
    index: dict[str, str] = {}
    for entity in sorted(entities, key=lambda e: e.id):
        for name in (entity.name, *(alias for _, alias in entity.aliases)):
            index.setdefault(name.casefold(), entity.id)
    return index


def _named(name: str, page: str, by_name: dict[str, str]) -> object:
    entity_id = by_name.get(name.casefold()) if name else None
    return link(name, relative(page, entity_path(entity_id))) if entity_id else name


def _source_facts(doc: Document, page: str, by_name: dict[str, str]) -> list[tuple[str, object]]:
    meta = doc.metadata
    facts: list[tuple[str, object]] = []
    for lang, title in meta.titles:
        # The page's heading shows meta.title: the facts list the titles in other languages.
        if title != meta.title:
            facts.append((f"Title ({language_name(lang)})", foreign(escape(title), lang)))
    facts += [
        ("Publisher", _named(meta.publisher, page, by_name) or "—"),
        ("Authors", join_markdown([_named(a, page, by_name) for a in meta.authors]) or "—"),
        ("Published", meta.published or "—"),
        ("Languages", ", ".join(language_name(l) for l in meta.languages) or "—"),
    ]
    if meta.origin:
        o = meta.origin
        parts = [Md(f"originally published by {_finalize(_named(o.publisher, page, by_name))}") if o.publisher else "",
                 f"in {language_name_in_english(o.language)}" if o.language else "",
                 Md(f"translated by {_finalize(_named(o.translated_by, page, by_name))}") if o.translated_by else ""]
        facts.append(("Origin", join_markdown([p for p in parts if p], " ")))
    facts.append(("AI-generated", "yes (the source says so)" if meta.ai_generated else "not stated"))
    if meta.tags:
        facts.append(("Tags", ", ".join(meta.tags)))
    if meta.captured_at:
        # The address is shown as text, never as a link: a sidecar is as
        # untrusted as the page it came with.
        facts.append(("Captured", f"{meta.captured_at} from {meta.captured_from}" if meta.captured_from
                      else meta.captured_at))
    facts.append(("Words", doc.word_count))
    facts.append(("File", doc.file))
    return facts


class SourcePageInputs(NamedTuple):
    """Everything a source page shows (see render_cache: the page's key is a digest of this)."""
    doc: Document
    mentions: tuple[tuple[int, int, str], ...]     # (start, end, entity id), sorted
    claims: tuple[tuple[str, str, str, str], ...]   # (id, text, status, language of the text) of the claims it states
    names: dict[str, str]                           # casefolded metadata name -> entity id, for its names


def metadata_names(doc: Document) -> list[str]:
    """The names in a source's metadata that may link to entity pages."""
    meta = doc.metadata
    names = [meta.publisher, *meta.authors]
    if meta.origin:
        names += [meta.origin.publisher, meta.origin.translated_by]
    return names


def source_page_inputs(doc: Document, mention_spans: list[tuple[int, int, str]],
                       claims: list[tuple[str, str, str, str]], by_name: dict[str, str]) -> SourcePageInputs:
    """``claims``: (id, text, status, language of the text) of the claims it states."""
    folded = [name.casefold() for name in metadata_names(doc) if name]
    return SourcePageInputs(doc, tuple(mention_spans), tuple(claims),
                            {name: by_name[name] for name in folded if name in by_name})


def source_page(env: Environment, inputs: SourcePageInputs) -> str:
    from .jsonld import source_jsonld
    doc = inputs.doc
    page = source_path(doc.id)
    spans = first_mention_spans(doc, list(inputs.mentions))
    link_for = lambda entity_id: relative(page, entity_path(entity_id))  # noqa: E731
    views = [block_view(doc, i, spans, link_for) for i in range(len(doc.blocks))]
    view = {
        "title": display_title(doc),
        "title_attributes": attribute_list(lang_attribute(title_language(doc))),
        "untitled": not doc.metadata.title,
        "file_name": file_name(doc.file),
        "facts": _source_facts(doc, page, inputs.names),
        "sections": _sections(doc, views),
        "claims": [ClaimRef(foreign(link(text, relative(page, claim_path(claim_id))), lang), status_label(status))
                   for claim_id, text, status, lang in inputs.claims],
        "raw_link": link(file_name(doc.file), relative(page, raw_path(doc.id))),
        "short_hash": doc.content_hash[:12],
        "jsonld": Md(source_jsonld(doc, "", page_url(page))),
    }
    return env.get_template("source.md.j2").render(view=view)


@dataclass
class SourceRow:
    link: Md
    publisher: str
    date: str
    languages: str
    flags: str


def source_rows(docs, from_page: str) -> list[SourceRow]:
    rows = []
    for doc in docs:
        meta = doc.metadata
        flags = []
        if meta.ai_generated:
            flags.append("AI-generated")
        if meta.origin:
            flags.append("translated" if meta.origin.language or meta.origin.translated_by else "republished")
        rows.append(SourceRow(foreign(link(display_title(doc), relative(from_page, source_path(doc.id))),
                                      title_language(doc)),
                              meta.publisher or "—", meta.published or "—",
                              ", ".join(language_name(l) for l in meta.languages if l) or "—", ", ".join(flags)))
    return rows


# Up to this many sources the sources index is one table; beyond, it links
# one page per initial letter of the title (``sources/by-title/a.md``: a
# letter's URL never changes as sources arrive; a source id cannot hold "/").
SOURCE_INDEX_ROWS = 200
BY_TITLE = f"{SOURCES}/by-title"


@dataclass
class Initial:
    label: str
    link: Md
    sources: int


def title_initial(title: str) -> str:
    """The page key of a title: its first letter or digit folded to ASCII
    ("é" -> "e"), "0-9" for a digit, "other" for anything else."""
    for ch in unicodedata.normalize("NFKD", title.casefold()):
        if "a" <= ch <= "z":
            return ch
        if ch.isdigit() and ch.isascii():
            return "0-9"
        if ch.isalnum():
            return "other"
    return "other"


class SourceTableInputs(NamedTuple):
    """The rows of a sources table: the sources, in order, on the page at ``page``."""
    page: str
    docs: tuple[Document, ...]


def source_index_pages(env: Environment, docs, skipped: int, cache=None) -> dict[str, str]:
    """``cache`` (render_cache.RenderCache) reuses the table rows of a letter
    whose sources are unchanged: every letter's page shows the total, so the
    pages themselves change whenever a source arrives."""
    from .render_cache import RenderCache
    cache = cache if cache is not None else RenderCache(None)
    index = f"{SOURCES}/index.md"
    ordered = sorted(docs, key=lambda d: (display_title(d).lower(), d.id))
    template = env.get_template("sources_index.md.j2")
    rows_template = env.get_template("partials/source_rows.md.j2")

    def rows(page: str, members: list[Document]) -> Md:
        render = lambda inputs: rows_template.render(sources=source_rows(inputs.docs, inputs.page))  # noqa: E731
        return Md(cache.get(f"{page}#rows", SourceTableInputs(page, tuple(members)), render))

    if len(ordered) <= SOURCE_INDEX_ROWS:
        return {index: template.render(rows=rows(index, ordered), total=len(ordered),
                                       skipped=skipped, initials=None, letter=None)}
    by_initial: dict[str, list[Document]] = {}
    for doc in ordered:
        by_initial.setdefault(title_initial(display_title(doc)), []).append(doc)
    pages, initials = {}, []
    for key in sorted(by_initial, key=lambda k: (k == "other", k)):
        page = f"{BY_TITLE}/{key}.md"
        label = "Other" if key == "other" else key.upper()
        members = by_initial[key]
        pages[page] = template.render(sources=members, rows=rows(page, members), total=len(ordered),
                                      skipped=0, initials=None, letter=label,
                                      index=link("all sources", relative(page, index)))
        initials.append(Initial(label, link(label, relative(index, page)), len(members)))
    pages[index] = template.render(rows=Md(""), total=len(ordered), skipped=skipped, initials=initials,
                                   letter=None)
    return pages


def newest(docs, count: int) -> list[Document]:
    """The ``count`` most recently published sources, newest first (without sorting them all)."""
    # Undated sources last; ties by id so the order never depends on input order.
    keys = [(d.metadata.published is None, _neg_date(d.metadata.published), d.id) for d in docs]
    return [docs[i] for i in heapq.nsmallest(count, range(len(keys)), key=keys.__getitem__)]


_NEGATED_DIGITS = str.maketrans("0123456789", "9876543210")


def _neg_date(date: str | None) -> str:
    """A date whose ascending order is the date's descending order (digit by digit)."""
    return date.translate(_NEGATED_DIGITS) if date else ""


def render_pages(corpus: Corpus, site_name: str, page_cache: dict | None = None) -> dict[str, str]:
    """Every generated docs page and picture, keyed by its path relative to docs_dir.

    ``page_cache`` (optional, updated in place; see render_cache.RenderCache)
    holds pages of an earlier render with the digest of their inputs: a page
    whose inputs are unchanged is reused instead of rendered again. The
    caller may persist it between builds; output is the same either way.
    """
    from .render_cache import RenderCache
    cache = RenderCache(page_cache)
    pages = _render_pages(corpus, site_name, cache)
    cache.finish()
    return pages


def render_files(corpus: Corpus, site_name: str, page_cache: dict | None = None) -> dict[str, str]:
    """``render_pages`` plus the data exports (data/corpus.json, data/claims.csv),
    which reuse their per-source, per-entity and per-claim parts from ``page_cache`` too."""
    from .export import claims_csv, corpus_json
    from .render_cache import RenderCache
    cache = RenderCache(page_cache)
    # Rendering makes millions of short-lived objects and no lasting cycles:
    # the cyclic collector would only rescan the loaded cache again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        files = _render_pages(corpus, site_name, cache)
        files[CORPUS_JSON] = corpus_json(corpus, cache)
        files[CLAIMS_CSV] = claims_csv(corpus, cache)
    finally:
        if collecting:
            gc.enable()
    cache.finish()
    return files


def _render_pages(corpus: Corpus, site_name: str, cache) -> dict[str, str]:
    from .render_pictures import draw_pictures, picture_files
    from .render_entities import entity_pages
    from .render_claims import claim_pages
    from .render_cache import TemplateCode
    env = make_environment(TemplateCode(cache) if cache.store is not None else None)
    drawn = draw_pictures(corpus)
    docs = sorted(corpus.documents, key=_ID)
    pages: dict[str, str] = {}
    pages.update(source_pages(env, corpus, docs, cache))
    pages.update(source_index_pages(env, docs, len(corpus.skipped), cache))
    pages["index.md"] = home_page(env, corpus, docs, site_name, drawn)
    pages["report.md"] = report_page(env, corpus)
    pages["data.md"] = env.get_template("data.md.j2").render()
    pages.update(entity_pages(env, corpus, drawn.get("co-mentions"), cache))
    pages.update(claim_pages(env, corpus, drawn.get("coverage"), drawn.get("timeline"), cache))
    pages.update(picture_files(drawn))
    return pages


def source_pages(env: Environment, corpus: Corpus, docs: list[Document], cache) -> dict[str, str]:
    """A page per source; ``cache`` (render_cache.RenderCache) reuses unchanged ones."""
    claims_by_source: dict[str, list[tuple[str, str, str, str]]] = {}
    for claim in corpus.claims:
        ref = (claim.id, claim.text, claim.status, claim_language(claim))
        for source in set(map(_SOURCE, claim.quotes)):
            claims_by_source.setdefault(source, []).append(ref)
    by_name = entity_index_by_name(corpus.entities)
    spans = mentions_by_source(corpus.entities)
    render = lambda inputs: source_page(env, inputs)  # noqa: E731
    pages = {}
    for doc in docs:
        inputs = source_page_inputs(doc, spans.get(doc.id, []), claims_by_source.get(doc.id, []), by_name)
        pages[source_path(doc.id)] = cache.get(source_path(doc.id), inputs, render)
    return pages


def home_page(env: Environment, corpus: Corpus, docs: list[Document], site_name: str,
              drawn: dict | None = None) -> str:
    from .render_pictures import picture_view
    metadata = list(map(_METADATA, docs))
    publishers = set(map(_PUBLISHER, metadata)) - {"", None}
    languages = set(chain.from_iterable(map(_LANGUAGES, metadata)))
    status_counts = Counter(map(_STATUS, corpus.claims))
    top = [ClaimRef(foreign(link(c.text, claim_path(c.id)), claim_language(c)), c.status, c.sources,
                    c.independent_sources)
           for c in islice((c for c in ranked_claims(corpus.claims) if c.sources >= 2), 10)]
    contested = [ClaimRef(foreign(link(c.text, claim_path(c.id)), claim_language(c)), c.status)
                 for c in islice((c for c in sorted(corpus.claims, key=_ID) if c.status == "contested"), 10)]
    counts = {"sources": len(docs), "publishers": len(publishers), "languages": len(languages),
              "entities": len(corpus.entities), "claims": len(corpus.claims)}
    figures = (f"{_count_of(len(docs), 'source')} from {_count_of(len(publishers), 'named publisher')} in "
               f"{_count_of(len(languages), 'language')} ({', '.join(language_name(l) for l in sorted(languages))}).")
    return env.get_template("home.md.j2").render(
        site_name=site_name, counts=counts, figures_line=figures,
        claim_status=[(status_label(status), n) for status, n in
                      sorted(status_counts.items(), key=lambda item: (_status_rank(item[0]), item[0]))],
        top_claims=top, contested=contested,
        newest=source_rows(newest(docs, 10), "index.md"),
        pictures={name: picture_view(drawn[name], "index.md") if name in (drawn or {}) else None
                  for name in ("mix", "timeline")})


def claim_language(claim: Claim) -> str:
    """The language of a claim's text: that of a quote reading it ("" if none does)."""
    return next((q.lang for q in claim.quotes if q.text == claim.text and q.lang), "")


def _status_rank(status: str) -> int:
    return list(STATUS_LABELS).index(status) if status in STATUS_LABELS else len(STATUS_LABELS)


def ranked_claims(claims) -> list[Claim]:
    """Most independently corroborated first, then most sources, then by id."""
    # Two stable C-keyed sorts give the order of the key (-independent, -sources, id).
    ranked = sorted(claims, key=_ID)
    ranked.sort(key=_CORROBORATION, reverse=True)
    return ranked


def _count_of(count: int, noun: str) -> str:
    return f"{count} {noun if count == 1 else noun + 's'}"


@dataclass
class RepairRow:
    source: Md
    rule: str
    detail: str


def report_page(env: Environment, corpus: Corpus) -> str:
    # Each repaired file links to its page, where the repaired text can be read.
    repairs = [RepairRow(link(d.file, source_path(d.id)), r.rule, r.detail)
               for d in sorted(corpus.documents, key=lambda d: d.id) for r in d.repairs]
    return env.get_template("report.md.j2").render(
        published=len(corpus.documents), skipped=sorted(corpus.skipped, key=lambda s: s.file),
        repairs=repairs, notes=list(corpus.notes))
