"""Entity index and entity pages (views over ``Corpus.entities``)."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

from jinja2 import Environment

from .context import context_text
from .languages_display import language_name
from .mdtext import Md, highlight, link
from .model import Corpus, Document, Entity
from .render_pictures import picture_view
from .render import (ENTITIES, anchor_at, block_index_at, block_language, claim_language, claim_path,
                     entity_path, foreign,
                     relative, source_path, status_label)
from .render_claims import title_link

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
MAX_RELATED = 20               # related entities listed
MAX_INDEX_ROWS = 200           # entities per type on the entity index (most widely mentioned first)


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


@dataclass
class IndexSection:
    """One type's table on the entity index: its first rows and how many there are."""
    label: str
    total: int
    rows: list


class EntityPageInputs(NamedTuple):
    """Everything an entity page shows (see render_cache: the page's key is a digest of this)."""
    entity: Entity
    shown: tuple[int, ...]                # positions in entity.mentions of those given a row
    mention_sources: int                  # sources (in the corpus) mentioning it
    docs: dict[str, Document]             # sources of the shown mentions, the description and ``published``
    names: dict[str, str]                 # entity id -> name, for the related entities and relations listed
    claims: tuple[tuple[str, str, str, str], ...]   # (id, text, status, language of the text) of the claims listed
    claims_total: int
    published: tuple[str, ...]            # ids of the sources listed as published or written by it
    published_total: int


def entity_pages(env: Environment, corpus: Corpus, picture=None, cache=None) -> dict[str, str]:
    """Entity pages and the index; ``picture`` (render_pictures.Picture) is shown on the index.
    ``cache`` (render_cache.RenderCache) reuses unchanged pages."""
    from .render_cache import RenderCache
    cache = cache if cache is not None else RenderCache(None)
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
    # The sources of each entity's mentions, in mention order (read twice below).
    sources_of = {e.id: list(map(_SOURCE, e.mentions)) for e in corpus.entities}
    pages = {}
    template = env.get_template("entity.md.j2")
    render = lambda inputs: entity_page(template, inputs)  # noqa: E731
    for entity in corpus.entities:
        inputs = entity_page_inputs(entity, docs, by_id, sources_of[entity.id],
                                    claims_by_entity.get(entity.id, []), published_by.get(entity.id, []))
        pages[entity_path(entity.id)] = cache.get(entity_path(entity.id), inputs, render)
    sections = []
    counts = {entity_id: len(set(sources)) for entity_id, sources in sources_of.items()}
    for entity_type in ENTITY_TYPES:
        members = sorted((e for e in corpus.entities if e.type == entity_type),
                         key=lambda e: (-counts[e.id], e.name.lower(), e.id))
        if members:
            sections.append(IndexSection(TYPE_LABELS[entity_type], len(members), [
                (link(e.name, relative(index, entity_path(e.id))), len(e.mentions), counts[e.id])
                for e in members[:MAX_INDEX_ROWS]]))
    pages[index] = env.get_template("entities_index.md.j2").render(
        sections=sections, total=len(corpus.entities),
        picture=picture_view(picture, index) if picture else None)
    return pages


def entity_page_inputs(entity: Entity, docs: dict, by_id: dict, sources: list[str], claims: list,
                       published: list) -> EntityPageInputs:
    """``sources``: the source of each of its mentions, in order."""
    shown, mention_sources = _shown_mentions(entity, sources, docs)
    wanted = [sources[i] for i in shown] + [entity.description_source] + [d.id for d in published[:MAX_LISTED]]
    names: dict[str, str] = {}
    for other, _ in entity.related:
        if len(names) == MAX_RELATED:
            break
        if other in by_id:
            names[other] = by_id[other].name
    for _, other in entity.relations:
        if other in by_id:
            names[other] = by_id[other].name
    return EntityPageInputs(
        entity, tuple(shown), mention_sources, {i: docs[i] for i in sorted(set(wanted)) if i in docs}, names,
        tuple((c.id, c.text, c.status, claim_language(c)) for c in claims[:MAX_LISTED]), len(claims),
        tuple(d.id for d in published[:MAX_LISTED]), len(published))


def entity_page(template, inputs: EntityPageInputs) -> str:
    entity, docs, names = inputs.entity, inputs.docs, inputs.names
    page = entity_path(entity.id)
    return template.render(
        entity=entity, type_label=TYPE_NAMES.get(entity.type, entity.type), roles=distinct_roles(entity.roles),
        aliases=_aliases(entity), description=_description(entity, page, docs),
        mentions=_mention_rows([entity.mentions[i] for i in inputs.shown], page, docs),
        mention_sources=inputs.mention_sources,
        limits={"sources": MAX_MENTION_SOURCES, "per_source": MAX_MENTIONS_PER_SOURCE},
        related=[(link(names[i], relative(page, entity_path(i))), n)
                 for i, n in entity.related if i in names][:MAX_RELATED],
        claims=Shown([(foreign(link(text, relative(page, claim_path(claim_id))), lang), status_label(status))
                      for claim_id, text, status, lang in inputs.claims], inputs.claims_total),
        relations=[(label, link(names[i], relative(page, entity_path(i))))
                   for label, i in entity.relations if i in names],
        published=Shown([title_link(docs[i], relative(page, source_path(i))) for i in inputs.published],
                        inputs.published_total),
        links=[(label, url) for label, url in entity.links])


def distinct_roles(roles) -> list[str]:
    """The roles to show, each once: "Minister" and "minister" (found in two
    sources, or two languages) are one role, shown as first found."""
    seen: set[str] = set()
    out = []
    for role in roles:
        key = " ".join(role.casefold().split())
        if key and key not in seen:
            seen.add(key)
            out.append(role)
    return out


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
    return Md(f"{escape(entity.description)} ({title_link(doc, relative(page, source_path(doc.id)))})")


_SOURCE = attrgetter("source")


def _shown_mentions(entity: Entity, sources: list[str], docs) -> tuple[list[int], int]:
    """Positions in ``entity.mentions`` of the mentions given a row, by
    (source, offset): all of them up to MAX_MENTION_ROWS, else the first
    MAX_MENTIONS_PER_SOURCE in each of the first MAX_MENTION_SOURCES sources
    (by source id); and how many sources in the corpus mention it in all."""
    mentions = entity.mentions
    known = set(filter(docs.__contains__, set(sources)))    # counted and looked up, never iterated
    if len(mentions) <= MAX_MENTION_ROWS:
        candidates = range(len(mentions))
    else:
        first = set(sorted(known)[:MAX_MENTION_SOURCES])
        # C-level selection: a common name has thousands of mentions.
        candidates = list(compress(range(len(mentions)), map(first.__contains__, sources)))
    places = {i: (sources[i], mentions[i].start) for i in candidates}
    order = sorted(candidates, key=places.__getitem__)
    shown = []
    per_source: dict[str, int] = {}
    sentences: set[tuple[str, str]] = set()
    for i in order:
        source = sources[i]
        if source in known and (len(mentions) <= MAX_MENTION_ROWS
                                or per_source.get(source, 0) < MAX_MENTIONS_PER_SOURCE):
            # A sentence the source repeats (a summary, a language tab) or that
            # names the entity twice ("Calvere Grid (Calvere)") gets one row.
            sentence = (source, context_text(docs[source].text, mentions[i].start, mentions[i].end)[0])
            if sentence in sentences:
                continue
            sentences.add(sentence)
            per_source[source] = per_source.get(source, 0) + 1
            shown.append(i)
    return shown, len(known)


def _mention_rows(shown, page: str, docs) -> list[MentionRow]:
    """A row per shown mention: the sentence around it, with a link to its place in the source."""
    rows = []
    for mention in shown:
        doc = docs[mention.source]
        context, cs, ce = context_text(doc.text, mention.start, mention.end)
        anchor = anchor_at(doc, mention.start)
        target = relative(page, source_path(doc.id)) + (f"#{anchor}" if anchor else "")
        block = block_index_at(doc, mention.start)
        lang = block_language(doc, block) if block is not None else ""
        rows.append(MentionRow(title_link(doc, target), doc.metadata.publisher or "—",
                               doc.metadata.published or "—",
                               foreign(highlight(context, cs, ce), lang)))
    return rows
