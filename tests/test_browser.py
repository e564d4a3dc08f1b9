"""The built seed site in a real browser (Debian's Chromium through Playwright)."""
from __future__ import annotations

import json
import re

import pytest

from tests.browser import ARTIFACTS, PageWatch, browser, require_browser, serve_folder


@pytest.fixture(scope="module")
def chromium():
    """One browser for the module: Playwright's sync API allows one running instance."""
    require_browser()
    with browser() as instance:
        yield instance


@pytest.fixture(scope="module")
def site(seed_site, chromium):
    with serve_folder(seed_site["settings"].site_dir) as base:
        yield {"base": base, "chromium": chromium, "corpus": seed_site["corpus"]}


# Pages showing pictures (home shows the publisher/language mix and the timeline).
PICTURE_PAGES = {"home": "", "claims": "claims/", "entities": "entities/", "timeline": "timeline/"}


def _page_kinds(corpus) -> dict[str, str]:
    kinds = {"home": "", "source": corpus["sources"][0]["page"]}
    if corpus["entities"]:
        kinds["entity"] = max(corpus["entities"], key=lambda e: len(e["mentions"]))["page"]
    if corpus["claims"]:
        kinds["claim"] = max(corpus["claims"], key=lambda c: c["sources"])["page"]
    return kinds


def test_page_kinds_render_cleanly_and_stay_local(site):
    ARTIFACTS.mkdir(exist_ok=True)
    kinds = _page_kinds(site["corpus"])
    assert set(kinds) == {"home", "source", "entity", "claim"}
    for kind, path in kinds.items():
        page = site["chromium"].new_page(viewport={"width": 1280, "height": 1000})
        watch = PageWatch(page, site["base"])
        page.goto(site["base"] + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("article h1").count() == 1, kind
        page.screenshot(path=str(ARTIFACTS / f"{kind}.png"), full_page=False)
        assert watch.errors == [], (kind, watch.errors)
        assert watch.foreign == [], (kind, watch.foreign)
        assert watch.dialogs == [], (kind, watch.dialogs)
        page.close()


def _search(site, query: str) -> list[str]:
    page = site["chromium"].new_page()
    page.goto(site["base"])
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")          # Material's search shortcut
    page.fill(".md-search__input", query)
    page.keyboard.press("End")        # a key event makes the search run
    try:
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
    except Exception:  # noqa: BLE001 - no result is the failure reported below
        pass
    links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    page.close()
    return links


@pytest.mark.parametrize("query", ["Jassy", "贾西", "export controls", "出口管制"])
def test_search_finds_english_and_chinese(site, query):
    links = _search(site, query)
    assert links, f"no search result for {query!r}"
    assert any("/sources/" in link or "/entities/" in link or "/claims/" in link for link in links)


def test_click_through_source_entity_claim_and_back(site):
    corpus = site["corpus"]
    page = site["chromium"].new_page()
    source = next(s for s in corpus["sources"]
                  if any(m["source"] == s["id"] for e in corpus["entities"] for m in e["mentions"]))
    page.goto(site["base"] + source["page"])
    page.locator("article a[href*='entities/']").first.click()
    page.wait_for_load_state()
    assert "/entities/" in page.url
    claim_link = page.locator("article a[href*='claims/']").first
    if claim_link.count():
        claim_link.click()
        page.wait_for_load_state()
        assert "/claims/" in page.url
        page.locator("article table a[href*='sources/']").first.click()
        page.wait_for_load_state()
        assert "/sources/" in page.url
        fragment = page.url.split("#", 1)[1] if "#" in page.url else ""
        if fragment:
            assert page.locator(f"[id='{fragment}']").count() == 1
    page.close()


def test_no_serious_accessibility_violations(site):
    from tests.browser import axe_script
    script = axe_script()
    problems = []
    pages = {**_page_kinds(site["corpus"]), **PICTURE_PAGES, "404": "no/such/page/"}
    for kind, path in pages.items():
        page = site["chromium"].new_page()
        page.goto(site["base"] + path)
        page.wait_for_load_state("networkidle")
        # Unfold every folded block, so the tables beside the pictures are checked too.
        page.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = true; })")
        page.add_script_tag(content=script)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [n["target"] for n in violation["nodes"]][:3]
                problems.append(f"{kind}: {violation['id']} ({violation['impact']}): {targets}")
        page.close()
    assert problems == [], "\n".join(problems)


def test_hostile_site_runs_nothing_from_sources(hostile_site, chromium):
    """Every page of the hostile site, and a search for the bait, with alert() hooked."""
    corpus, settings = hostile_site
    hook = "window.__fired = []; for (const f of ['alert','confirm','prompt']) { window[f] = (m) => window.__fired.push(String(m)); }"
    with serve_folder(settings.site_dir) as base:
        context = chromium.new_context()
        context.add_init_script(hook)
        pages = [""] + [s["page"] for s in corpus["sources"]] + ["report/", "sources/", "claims/", "entities/"]
        for path in pages:
            page = context.new_page()
            watch = PageWatch(page, base)
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__fired") == [], path
            assert page.url.startswith(base + path.split("#")[0]), (path, page.url)
            assert watch.dialogs == [] and watch.foreign == [], (path, watch.dialogs, watch.foreign)
            page.close()
        page = context.new_page()
        page.goto(base)
        page.wait_for_load_state("networkidle")
        page.keyboard.press("/")
        page.fill(".md-search__input", "onerror")
        page.keyboard.press("End")
        page.wait_for_timeout(1500)
        assert page.evaluate("window.__fired") == []
        assert page.locator(".md-search-result img, .md-search-result script").count() == 0
        context.close()



def _check_pictures(page, kind: str) -> list[str]:
    """Problems with the pictures on the open page: each loads, has alt text, an SVG <title>, a table."""
    problems = []
    pictures = page.eval_on_selector_all(
        "article img[src$='.svg']",
        "els => els.map(e => ({src: e.currentSrc, alt: e.alt, loaded: e.complete && e.naturalWidth > 0}))")
    if not pictures:
        problems.append(f"{kind}: no picture")
    for picture in pictures:
        if not picture["loaded"]:
            problems.append(f"{kind}: {picture['src']} did not load")
        if len(picture["alt"].split()) < 5:
            problems.append(f"{kind}: {picture['src']} has no real text alternative: {picture['alt']!r}")
        svg = page.evaluate("async src => await (await fetch(src)).text()", picture["src"])
        if not re.search(r"<title[^>]*>[^<]+</title>", svg):
            problems.append(f"{kind}: {picture['src']} has no <title>")
    if page.locator("article details table").count() < len(pictures):
        problems.append(f"{kind}: a picture without the same data as a table")
    return problems


def test_pictures_load_with_text_alternatives_and_tables(site):
    ARTIFACTS.mkdir(exist_ok=True)
    problems = []
    for kind, path in PICTURE_PAGES.items():
        page = site["chromium"].new_page(viewport={"width": 1280, "height": 1000})
        watch = PageWatch(page, site["base"])
        page.goto(site["base"] + path)
        page.wait_for_load_state("networkidle")
        problems += _check_pictures(page, kind)
        first = page.locator("article img[src$='.svg']").first
        if first.count():
            first.screenshot(path=str(ARTIFACTS / f"picture-{kind}.png"))
        problems += [f"{kind}: {e}" for e in watch.errors + watch.foreign]
        page.close()
    assert problems == [], "\n".join(problems)


def _jsonld(page) -> list:
    return page.eval_on_selector_all("script[type='application/ld+json']",
                                     "els => els.map(e => JSON.parse(e.textContent))")


def test_claim_and_source_pages_embed_jsonld(site):
    corpus = site["corpus"]
    claim = max(corpus["claims"], key=lambda c: c["sources"])
    page = site["chromium"].new_page()
    page.goto(site["base"] + claim["page"])
    [data] = _jsonld(page)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Claim"
    assert data["text"] == claim["text"]
    assert {a["@type"] for a in data["appearance"]} <= {"NewsArticle", "CreativeWork"}
    assert len({a["url"] for a in data["appearance"]}) == claim["sources"]
    for appearance in data["appearance"][:3]:    # the URLs lead to the source pages
        response = page.request.get(page.url.split("#")[0] + appearance["url"])
        assert response.ok, appearance["url"]
    source = corpus["sources"][0]
    page.goto(site["base"] + source["page"])
    [data] = _jsonld(page)
    assert data["@type"] in ("NewsArticle", "CreativeWork") and data["name"]
    page.close()


def test_custom_404_page(site):
    page = site["chromium"].new_page()
    watch = PageWatch(page, site["base"])
    response = page.goto(site["base"] + "no/such/page/")
    page.wait_for_load_state("networkidle")
    assert response.status == 404
    assert page.locator("article h1").inner_text() == "Page not found"
    # The theme's stylesheet loaded (the page is styled, not bare HTML).
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    assert [e for e in watch.errors if "404" not in e] == [] and watch.foreign == []
    page.locator("article a", has_text="Claims").click()
    page.wait_for_load_state()
    assert page.url == site["base"] + "claims/"
    assert page.locator("article h1").inner_text().startswith("Claims")
    page.close()


def test_site_works_under_a_project_path(seed_site, chromium):
    """Served at /repo/ as on GitHub Pages: pages, pictures and search stay under the prefix."""
    corpus = seed_site["corpus"]
    with serve_folder(seed_site["settings"].site_dir, "/repo/") as base:
        problems = []
        for kind, path in {**_page_kinds(corpus), **PICTURE_PAGES}.items():
            page = chromium.new_page()
            watch = PageWatch(page, base)     # a request outside /repo/ counts as foreign
            response = page.goto(base + path)
            page.wait_for_load_state("networkidle")
            if response.status != 200:
                problems.append(f"{kind}: HTTP {response.status}")
            if kind in PICTURE_PAGES:
                problems += _check_pictures(page, kind)
            problems += [f"{kind}: {e}" for e in watch.errors + watch.foreign]
            page.close()
        assert problems == [], "\n".join(problems)
        assert any("/repo/" in link for link in _search({"chromium": chromium, "base": base}, "Jassy"))


def test_link_preview_on_hover_when_site_url_is_set(tmp_path, chromium, monkeypatch):
    """Material's instant previews: hovering an entity link in a source page
    shows that entity's page in a tooltip (they need the sitemap, so the site
    is built with SITE_URL pointing where it is served, as on GitHub Pages)."""
    from tests.conftest import ROOT, build_site
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    with serve_folder(site_dir) as base:
        monkeypatch.setenv("SITE_URL", base)
        _, settings = build_site(tmp_path, ROOT / "seeds")
        corpus = json.loads((settings.site_dir / "data" / "corpus.json").read_text(encoding="utf-8"))
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        watch = PageWatch(page, base)
        page.goto(base + corpus["sources"][0]["page"])
        page.wait_for_load_state("networkidle")
        link = page.locator("article a[data-preview][href*='entities/']:visible").first
        target = link.get_attribute("href").rstrip("/").split("/")[-1]
        link.scroll_into_view_if_needed()
        link.hover()
        tooltip = page.locator(".md-tooltip2").first
        tooltip.wait_for(state="visible", timeout=10_000)
        name = next(e["name"] for e in corpus["entities"] if e["page"].rstrip("/").endswith(target))
        assert name in tooltip.inner_text()
        assert watch.errors == [] and watch.foreign == []
        page.close()


def test_pictures_keep_their_drawn_size_on_a_phone(site):
    """Scaled to a 390-px column, a picture's 12-px labels would be 5 px: there it keeps its
    drawn width in a frame that scrolls sideways, and the page itself does not."""
    page = site["chromium"].new_page(viewport={"width": 390, "height": 800})
    problems = []
    for kind, path in PICTURE_PAGES.items():
        page.goto(site["base"] + path)
        page.wait_for_load_state("networkidle")
        sizes = page.eval_on_selector_all(
            "article img.sb-picture",
            "els => els.map(e => [e.naturalWidth, e.getBoundingClientRect().width,"
            " e.closest('.sb-picture-frame') ? e.closest('.sb-picture-frame').scrollWidth"
            " > e.closest('.sb-picture-frame').clientWidth : null])")
        if not sizes:
            problems.append(f"{kind}: no picture")
        for natural, shown, frame_scrolls in sizes:
            if natural > 390 and (abs(shown - natural) > 1 or frame_scrolls is not True):
                problems.append(f"{kind}: drawn {natural} px, shown {shown:.0f} px, frame scrolls: {frame_scrolls}")
        page_width = page.evaluate("document.documentElement.scrollWidth")
        if page_width > 390:
            problems.append(f"{kind}: the page is {page_width} px wide on a 390-px screen")
    page.close()
    assert problems == [], "\n".join(problems)
