"""Language tabs in a real browser (Debian's Chromium through Playwright), on
the built seed site: the table of contents lists the headings of the tab
being read once, and a link to a passage in the other tab opens that tab."""
from __future__ import annotations

import pytest

from tests.browser import PageWatch, browser, require_browser, serve_folder

VISIBLE_TOC = ("els => els.filter(e => e.offsetParent !== null)"
               ".map(e => e.getAttribute('href'))")


@pytest.fixture(scope="module")
def site(seed_site):
    require_browser()
    with browser() as chromium, serve_folder(seed_site["settings"].site_dir) as base:
        yield {"base": base, "chromium": chromium, "corpus": seed_site["corpus"]}


def _tabbed_source(site) -> str:
    """The page of a bilingual source shown in tabs, with headings in each tab."""
    for source in site["corpus"]["sources"]:
        if len(source["languages"]) > 1:
            page = site["chromium"].new_page()
            page.goto(site["base"] + source["page"])
            page.wait_for_load_state("networkidle")
            blocks = page.locator(".tabbed-set .tabbed-block")
            ok = blocks.count() >= 2 and all(blocks.nth(i).locator("h2, h3").count() for i in range(2))
            page.close()
            if ok:
                return source["page"]
    pytest.skip("no bilingual source with headings in each tab")


def _toc(page) -> list[str]:
    return page.eval_on_selector_all(".md-nav--secondary a.md-nav__link", VISIBLE_TOC)


def _heading_ids(page, tab: int) -> set[str]:
    return set(page.eval_on_selector_all(f".tabbed-set .tabbed-block:nth-child({tab}) :is(h2, h3)[id]",
                                         "els => els.map(e => '#' + e.id)"))


def test_toc_lists_the_headings_of_the_tab_being_read(site):
    path = _tabbed_source(site)
    page = site["chromium"].new_page(viewport={"width": 1280, "height": 1000})
    watch = PageWatch(page, site["base"])
    page.goto(site["base"] + path)
    page.wait_for_load_state("networkidle")
    first, second = _heading_ids(page, 1), _heading_ids(page, 2)
    toc = _toc(page)
    assert first <= set(toc) and not second & set(toc), toc
    page.locator(".tabbed-set .tabbed-labels label").nth(1).click()
    page.wait_for_timeout(300)
    toc = _toc(page)
    assert second <= set(toc) and not first & set(toc), toc
    assert watch.errors == []
    page.close()


def test_link_to_a_passage_in_the_other_tab_opens_it(site):
    path = _tabbed_source(site)
    page = site["chromium"].new_page(viewport={"width": 1280, "height": 1000})
    page.goto(site["base"] + path)
    page.wait_for_load_state("networkidle")
    target = sorted(_heading_ids(page, 2))[0]
    page.close()
    page = site["chromium"].new_page(viewport={"width": 1280, "height": 1000})
    watch = PageWatch(page, site["base"])
    page.goto(site["base"] + path + target)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert page.is_visible(target)
    top = page.evaluate(f"document.querySelector('{target}').getBoundingClientRect().top")
    assert 0 <= top < 1000
    assert watch.errors == []
    page.close()
