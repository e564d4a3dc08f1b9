"""schema.org JSON-LD for claim and source pages.

A claim page embeds a ``Claim`` whose ``appearance`` lists the sources
stating it (each a ``NewsArticle`` or ``CreativeWork`` with its publisher,
date, language, page URL and the quoted words); a source page embeds the
source itself. The JSON is built with sorted keys so output is
deterministic, and every character that could end the <script> element or
confuse an HTML parser (<, >, &, U+2028, U+2029) is written as a JSON
\\u escape, so no source text can break out of the element. Template
delimiters (``{{``, ``{%``, ``{#``) are escaped too, in case a MkDocs plugin
evaluates page text: ``%`` and ``#`` only occur inside JSON strings, and
``{{`` never occurs in JSON's own syntax.
"""
from __future__ import annotations

import json
from urllib.parse import urljoin

from .model import Claim, Document
from .render import display_title, page_url, source_path

_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                         "\u2029": "\\u2029", "%": "\\u0025", "#": "\\u0023"})


def safe_json(data: object) -> str:
    """JSON text that is inert inside an HTML <script> element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(_UNSAFE).replace("{{", "{\\u007b")


def script_element(data: object) -> str:
    return f'<script type="application/ld+json">{safe_json(data)}</script>'


def url_for(site_url: str, from_url: str, target_url: str) -> str:
    """Absolute URL under ``site_url`` if known, else relative from the page at ``from_url``.

    Both URLs are site-relative directory URLs ("claims/x/").
    """
    if site_url:
        return urljoin(site_url if site_url.endswith("/") else site_url + "/", target_url)
    return "../" * from_url.count("/") + target_url


def _is_news(doc: Document) -> bool:
    # A dated piece with a publisher reads as news; anything else is a generic work.
    return bool(doc.metadata.publisher and doc.metadata.published)


def _organization(name: str) -> dict:
    return {"@type": "Organization", "name": name}


def _work(doc: Document, url: str) -> dict:
    meta = doc.metadata
    work: dict = {"@type": "NewsArticle" if _is_news(doc) else "CreativeWork",
                  "name": display_title(doc), "url": url}
    if meta.title:
        work["headline"] = meta.title
    if meta.publisher:
        work["publisher"] = _organization(meta.publisher)
    if meta.published:
        work["datePublished"] = meta.published
    if meta.languages:
        work["inLanguage"] = list(meta.languages) if len(meta.languages) > 1 else meta.languages[0]
    return work


def _first_published(docs: list[Document]) -> Document | None:
    dated = sorted((d for d in docs if d.metadata.published), key=lambda d: (d.metadata.published, d.id))
    return dated[0] if dated else None


# A claim stated by thousands of sources keeps its page small: the first
# appearances (by source id) are embedded, plus the first published one; every
# appearance is in corpus.json.
MAX_APPEARANCES = 100


def _appearance(quote, doc: Document, site_url: str, page: str) -> dict:
    work = _work(doc, url_for(site_url, page, page_url(source_path(doc.id))))
    work["quotation"] = {"@type": "Quotation", "text": quote.text}
    if quote.lang:
        work["quotation"]["inLanguage"] = quote.lang
    if quote.stance == "disputes":
        work["description"] = "disputes the claim"
    return work


def claim_data(claim: Claim, docs_by_id: dict[str, Document], site_url: str, page: str,
               max_appearances: int | None = None) -> dict:
    """The Claim object for the claim page at site-relative URL ``page``."""
    max_appearances = MAX_APPEARANCES if max_appearances is None else max_appearances
    stated = [(quote, docs_by_id[quote.source])
              for quote in sorted(claim.quotes, key=lambda q: (q.source, q.start, q.end))
              if quote.source in docs_by_id]
    shown = stated[:max_appearances]
    first = _first_published([doc for _, doc in stated])
    if first is not None and all(doc.id != first.id for _, doc in shown):
        shown.append(next(pair for pair in stated if pair[1].id == first.id))
    appearances = [_appearance(quote, doc, site_url, page) for quote, doc in shown]
    data: dict = {"@context": "https://schema.org", "@type": "Claim", "text": claim.text,
                  "url": url_for(site_url, page, page), "appearance": appearances}
    if first is not None:
        data["firstAppearance"] = next(a for a, (_, d) in zip(appearances, shown) if d.id == first.id)
    if claim.dates:
        data["temporalCoverage"] = sorted(claim.dates)[0] if len(claim.dates) == 1 else sorted(claim.dates)
    return data


def claim_jsonld(claim: Claim, docs_by_id: dict[str, Document], site_url: str, page: str) -> str:
    """A complete <script type="application/ld+json"> element for a claim page."""
    return script_element(claim_data(claim, docs_by_id, site_url, page))


def source_data(doc: Document, site_url: str, page: str) -> dict:
    """The NewsArticle / CreativeWork object for the source page at ``page``."""
    meta = doc.metadata
    data = {"@context": "https://schema.org", **_work(doc, url_for(site_url, page, page))}
    if meta.authors:
        data["author"] = [{"@type": "Person", "name": a} for a in meta.authors]
    if meta.origin is not None and (meta.origin.publisher or meta.origin.language):
        origin: dict = {"@type": "CreativeWork"}
        if meta.origin.publisher:
            origin["publisher"] = _organization(meta.origin.publisher)
        if meta.origin.language:
            origin["inLanguage"] = meta.origin.language
        data["isBasedOn"] = origin
        if meta.origin.translated_by:
            data["translator"] = _organization(meta.origin.translated_by)
    if meta.summary:
        data["abstract"] = meta.summary
    if meta.tags:
        data["keywords"] = sorted(meta.tags)
    return data


def source_jsonld(doc: Document, site_url: str = "", page: str = "") -> str:
    """A complete <script type="application/ld+json"> element for a source page."""
    return script_element(source_data(doc, site_url, page or page_url(source_path(doc.id))))
