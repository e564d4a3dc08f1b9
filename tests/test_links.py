"""A full crawl of the built seed site: no broken internal link or anchor."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def resolve(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    base = "file://" + page.as_posix()
    url, fragment = urldefrag(urljoin(base, href))
    target = Path(unquote(urlparse(url).path))
    if target.is_dir():
        target = target / "index.html"
    return target, fragment


def test_no_broken_internal_links_or_anchors(seed_site):
    site = seed_site["settings"].site_dir
    pages = {p: parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, info in pages.items():
        if page.name == "404.html":
            continue  # served at any depth, so its links are absolute (site_url)
        for href in info.hrefs:
            if urlparse(href).scheme in ("http", "https", "mailto"):
                continue
            target, fragment = resolve(site, page, href)
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
                continue
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(site)} -> {href} (no anchor)")
    assert broken == []
    assert len(pages) >= 10
