"""Entity index and entity pages (views over ``Corpus.entities``)."""
from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from .context import context_text
from .languages_display import language_name
from .mdtext import Md, highlight, link
from .model import Corpus, Entity
from .render_pictures import picture_view
from .render import (ENTITIES, anchor_at, claim_path, display_title, entity_path,
                     relative, source_path)

ENTITY_TYPES = ("person", "organization", "government", "product", "place", "other")
TYPE_NAMES = {"person": "Person", "organization": "Organisation", "government": "Government body",
              "product": "Product", "place": "Place", "other": "Other"}
TYPE_LABELS = {"person": "People", "organization": "Organisations", "government": "Government bodies",
               "product": "Products", "place": "Places", "other": "Other"}

# An entity named by thousands of sources would get a page (and a search
# index entry) of megabytes. Its page shows a bounded sample; the full lists
# are in corpus.json, and the page says so.
MAX_MENTION_ROWS = 60          # up to this many mentions, all are shown
MAX_MENTION_SOURCES = 20       # else: sources whose mentions are shown
MAX_MENTIONS_PER_SOURCE = 3    # mentions shown per source
MAX_LISTED = 50                # claims, and sources it published, listed


@dataclass
class MentionRow:
    source: Md
    publisher: str
    date: str
    context: Md


@dataclass
class Shown:
    """A capped list and what was left out of it."""
    items: list
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def entity_pages(env: Environment, corpus: Corpus, picture=None) -> dict[str, str]:
    """Entity pages and the index; ``picture`` (render_pictures.Picture) is shown on the index."""
    index = f"{ENTITIES}/index.md"
    if not corpus.entities:
        return {index: env.get_template("entities_index.md.j2").render(sections=[], total=0, picture=None)}
    docs = {d.id: d for d in corpus.documents}
    by_id = {e.id: e for e in corpus.entities}
    claims_by_entity: dict[str, list] = {}
    for claim in corpus.claims:
        for entity_id in claim.entities:
            claims_by_entity.setdefault(entity_id, []).append(claim)
    published_by = _published_by(corpus)
    pages = {}
    template = env.get_template("entity.md.j2")
    for entity in corpus.entities:
        page = entity_path(entity.id)
        mentions, mention_sources = _mention_rows(entity, page, docs)
        pages[page] = template.render(
            entity=entity, type_label=TYPE_NAMES.get(entity.type, entity.type),
            aliases=_aliases(entity), description=_description(entity, page, docs),
            mentions=mentions, mention_sources=mention_sources,
            limits={"sources": MAX_MENTION_SOURCES, "per_source": MAX_MENTIONS_PER_SOURCE},
            related=[(link(by_id[i].name, relative(page, entity_path(i))), n)
                     for i, n in entity.related if i in by_id][:20],
            claims=Shown([(link(c.text, relative(page, claim_path(c.id))), c.status)
                          for c in claims_by_entity.get(entity.id, [])[:MAX_LISTED]],
                         len(claims_by_entity.get(entity.id, []))),
            relations=[(label, link(by_id[i].name, relative(page, entity_path(i))))
                       for label, i in entity.relations if i in by_id],
            published=Shown([link(display_title(d), relative(page, source_path(d.id)))
                             for d in published_by.get(entity.id, [])[:MAX_LISTED]],
                            len(published_by.get(entity.id, []))),
            links=[(label, url) for label, url in entity.links])
    sections = []
    sources_of = {e.id: len({m.source for m in e.mentions}) for e in corpus.entities}
    for entity_type in ENTITY_TYPES:
        members = sorted((e for e in corpus.entities if e.type == entity_type),
                         key=lambda e: (-sources_of[e.id], e.name.lower(), e.id))
        if members:
            sections.append((TYPE_LABELS[entity_type], [
                (link(e.name, relative(index, entity_path(e.id))), len(e.mentions), sources_of[e.id])
                for e in members]))
    pages[index] = env.get_template("entities_index.md.j2").render(
        sections=sections, total=len(corpus.entities),
        picture=picture_view(picture, index) if picture else None)
    return pages


def _published_by(corpus: Corpus) -> dict[str, list]:
    """entity id -> sources it published, originally published, translated or wrote (by metadata)."""
    from .render import entity_index_by_name
    by_name = entity_index_by_name(corpus.entities)
    out: dict[str, list] = {}
    for doc in sorted(corpus.documents, key=lambda d: d.id):
        meta = doc.metadata
        names = {meta.publisher, meta.origin.publisher if meta.origin else "",
                 meta.origin.translated_by if meta.origin else "", *meta.authors}
        for entity_id in sorted({by_name[n.casefold()] for n in names if n and n.casefold() in by_name}):
            out.setdefault(entity_id, []).append(doc)
    return out


def _aliases(entity: Entity) -> list[tuple[str, str]]:
    grouped: dict[str, list[str]] = {}
    for lang, alias in entity.aliases:
        if alias != entity.name:
            grouped.setdefault(lang, []).append(alias)
    return [(language_name(lang) if lang else "Any", ", ".join(sorted(set(names))))
            for lang, names in sorted(grouped.items())]


def _description(entity: Entity, page: str, docs) -> Md | None:
    if not entity.description:
        return None
    from .mdtext import escape
    doc = docs.get(entity.description_source)
    if doc is None:
        return escape(entity.description)
    return Md(f"{escape(entity.description)} ({link(display_title(doc), relative(page, source_path(doc.id)))})")


def _mention_rows(entity: Entity, page: str, docs) -> tuple[list[MentionRow], int]:
    """Rows for the first mentions in the first sources (by source id), and
    how many sources mention it in all. Only the rows shown are built: the
    context of every mention of a common name was most of the render time."""
    rows = []
    per_source: dict[str, int] = {}
    capped = len(entity.mentions) > MAX_MENTION_ROWS
    for mention in sorted(entity.mentions, key=lambda m: (m.source, m.start)):
        doc = docs.get(mention.source)
        if doc is None:
            continue
        shown = per_source.get(doc.id)
        if shown is None:
            per_source[doc.id] = shown = 0
        if capped and (shown >= MAX_MENTIONS_PER_SOURCE or len(per_source) > MAX_MENTION_SOURCES):
            continue
        per_source[doc.id] = shown + 1
        context, cs, ce = context_text(doc.text, mention.start, mention.end)
        anchor = anchor_at(doc, mention.start)
        target = relative(page, source_path(doc.id)) + (f"#{anchor}" if anchor else "")
        rows.append(MentionRow(link(display_title(doc), target), doc.metadata.publisher or "—",
                               doc.metadata.published or "—",
                               highlight(context, cs, ce)))
    return rows, len(per_source)
