"""A full crawl of built sites: no broken internal link, anchor or asset.

The crawl resolves every link the way a browser does, against the address
the page is served at, so it also checks a site published under a GitHub
Pages project path (``https://<user>.github.io/<repo>/``): every link must
stay under ``/<repo>/``. The 404 page is served at any missing address, so
it is crawled from a deep one.
"""
from __future__ import annotations

import contextlib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest

ORIGIN = "http://site.test"
MISSING = "no/such/page/"      # where the crawl pretends to have asked for a missing page


class _Collector(HTMLParser):
    """Ids, and every URL a page links to or loads (a, link, img, script)."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.assets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        elif tag == "link" and attrs.get("href"):
            self.assets.append(attrs["href"])
        elif tag in ("img", "script") and attrs.get("src"):
            self.assets.append(attrs["src"])


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def page_address(site: Path, page: Path, prefix: str) -> str:
    if page == site / "404.html":
        return ORIGIN + prefix + MISSING
    rel = page.relative_to(site).as_posix()
    return ORIGIN + prefix + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def served_file(site: Path, address: str, prefix: str) -> Path | None:
    """The file a static server at ``prefix`` returns for ``address``, or None."""
    path = unquote(urlparse(address).path)
    if not path.startswith(prefix):
        return None                       # escapes the project path
    parts = [p for p in path[len(prefix):].split("/") if p not in ("", ".")]
    target = site.joinpath(*parts) if parts else site
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def broken_links(site: Path, prefix: str = "/") -> tuple[list[str], int]:
    """Broken links of ``site`` served at ``prefix``, and the number of pages crawled."""
    pages = {p: parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, info in pages.items():
        address = page_address(site, page, prefix)
        for href, is_link in [(h, True) for h in info.hrefs] + [(a, False) for a in info.assets]:
            if urlparse(href).scheme in ("mailto", "data"):
                continue
            url, fragment = urldefrag(urljoin(address, href))
            if urlparse(url).netloc != urlparse(ORIGIN).netloc:
                continue                  # another host: the browser tests check no such request is made
            target = served_file(site, url, prefix)
            where = f"{page.relative_to(site)} -> {href}"
            if target is None:
                broken.append(where)
            elif is_link and fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if fragment not in ids:
                    broken.append(f"{where} (no anchor)")
    return broken, len(pages)


def test_no_broken_internal_links_or_anchors(seed_site):
    broken, pages = broken_links(seed_site["settings"].site_dir)
    assert broken == []
    assert pages >= 10


def test_pictures_are_on_the_index_pages(seed_site):
    site = seed_site["settings"].site_dir
    shown = {page: [a for a in parse(site / page / "index.html").assets if a.endswith(".svg")]
             for page in ("", "claims", "entities", "timeline")}
    assert shown[""] == ["pictures/mix.svg", "pictures/timeline.svg"]
    assert shown["claims"] == ["../pictures/coverage.svg"]
    assert shown["entities"] == ["../pictures/co-mentions.svg"]
    assert shown["timeline"] == ["../pictures/timeline.svg"]


@contextlib.contextmanager
def _site_url(url: str):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", url)
        yield


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    """A small synthetic corpus built for https://user.github.io/repo/."""
    from benchmarks.synthetic import write_corpus
    from tests.conftest import build_site

    tmp = tmp_path_factory.mktemp("project")
    write_corpus(tmp / "sources", 12)
    with _site_url("https://user.github.io/repo/"):
        _, settings = build_site(tmp, tmp / "sources")
    return settings.site_dir


def test_links_resolve_under_a_project_path(project_site):
    broken, pages = broken_links(project_site, "/repo/")
    assert broken == []
    assert pages >= 10


def test_custom_404_links_stay_under_the_project_path(project_site):
    page = project_site / "404.html"
    info = parse(page)
    assert "Page not found" in page.read_text(encoding="utf-8")
    address = page_address(project_site, page, "/repo/")
    targets = {urljoin(address, h) for h in info.hrefs if not urlparse(h).scheme}
    assert {ORIGIN + "/repo/sources/", ORIGIN + "/repo/claims/", ORIGIN + "/repo/entities/"} <= targets
    assert all(urlparse(t).path.startswith("/repo/") for t in targets)
    # The same page served at the site's root is not enough: a relative link
    # would resolve against the missing address and break.
    assert all(h.startswith("/repo/") for h in info.hrefs + info.assets if not urlparse(h).scheme)


@pytest.fixture(scope="module")
def capped_site(tmp_path_factory):
    """The synthetic corpus with every page cap lowered, so the year pages of
    the timeline and the "more" notes appear on a dozen sources."""
    from benchmarks.synthetic import write_corpus
    from generator import jsonld, render, render_claims, render_entities
    from tests.conftest import build_site

    tmp = tmp_path_factory.mktemp("capped")
    write_corpus(tmp / "sources", 12)
    with pytest.MonkeyPatch.context() as patch:
        for module, name, value in [(render_claims, "TIMELINE_PAGE_EVENTS", 1), (render_claims, "MAX_QUOTE_ROWS", 1),
                                    (render_claims, "MAX_INDEX_ROWS", 1), (render_claims, "MAX_EVENT_SOURCES", 1),
                                    (render_claims, "MAX_VERSION_SOURCES", 1), (jsonld, "MAX_APPEARANCES", 1),
                                    (render_entities, "MAX_MENTION_ROWS", 1), (render_entities, "MAX_MENTION_SOURCES", 1),
                                    (render_entities, "MAX_LISTED", 1), (render, "SOURCE_INDEX_ROWS", 1)]:
            patch.setattr(module, name, value)
        _, settings = build_site(tmp, tmp / "sources")
    return settings.site_dir


def test_links_resolve_on_split_and_capped_pages(capped_site):
    assert list((capped_site / "timeline").glob("*/index.html")), "the timeline was not split by year"
    assert list((capped_site / "sources" / "by-title").glob("*/index.html")), "the sources index was not split"
    broken, pages = broken_links(capped_site)
    assert broken == []
    assert pages >= 10
