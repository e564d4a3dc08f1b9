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


@dataclass
class MentionRow:
    source: Md
    publisher: str
    date: str
    context: Md


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
    for entity in corpus.entities:
        page = entity_path(entity.id)
        pages[page] = env.get_template("entity.md.j2").render(
            entity=entity, type_label=TYPE_NAMES.get(entity.type, entity.type),
            aliases=_aliases(entity), description=_description(entity, page, docs),
            mentions=_mention_rows(entity, page, docs),
            related=[(link(by_id[i].name, relative(page, entity_path(i))), n)
                     for i, n in entity.related if i in by_id][:20],
            claims=[(link(c.text, relative(page, claim_path(c.id))), c.status)
                    for c in claims_by_entity.get(entity.id, [])],
            relations=[(label, link(by_id[i].name, relative(page, entity_path(i))))
                       for label, i in entity.relations if i in by_id],
            published=[link(display_title(d), relative(page, source_path(d.id)))
                       for d in published_by.get(entity.id, [])],
            links=[(label, url) for label, url in entity.links])
    sections = []
    for entity_type in ENTITY_TYPES:
        members = sorted((e for e in corpus.entities if e.type == entity_type),
                         key=lambda e: (-len({m.source for m in e.mentions}), e.name.lower(), e.id))
        if members:
            sections.append((TYPE_LABELS[entity_type], [
                (link(e.name, relative(index, entity_path(e.id))), len(e.mentions),
                 len({m.source for m in e.mentions})) for e in members]))
    pages[index] = env.get_template("entities_index.md.j2").render(
        sections=sections, total=len(corpus.entities),
        picture=picture_view(picture, index) if picture else None)
    return pages


def _published_by(corpus: Corpus) -> dict[str, list]:
    """entity id -> sources it published or originally published (by metadata)."""
    from .render import entity_index_by_name
    by_name = entity_index_by_name(corpus.entities)
    out: dict[str, list] = {}
    for doc in sorted(corpus.documents, key=lambda d: d.id):
        meta = doc.metadata
        names = {meta.publisher, meta.origin.publisher if meta.origin else "",
                 meta.origin.translated_by if meta.origin else ""}
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


def _mention_rows(entity: Entity, page: str, docs) -> list[MentionRow]:
    rows = []
    for mention in sorted(entity.mentions, key=lambda m: (m.source, m.start)):
        doc = docs.get(mention.source)
        if doc is None:
            continue
        context, cs, ce = context_text(doc.text, mention.start, mention.end)
        anchor = anchor_at(doc, mention.start)
        target = relative(page, source_path(doc.id)) + (f"#{anchor}" if anchor else "")
        rows.append(MentionRow(link(display_title(doc), target), doc.metadata.publisher or "—",
                               doc.metadata.published or "—",
                               highlight(context, cs, ce)))
    return rows
