"""Shared fixtures: the built seed site and a built hostile site (each built once per session)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def build_site(tmp: Path, sources: Path, run_mkdocs: bool = True, **overrides):
    from generator.build import build
    from generator.settings import load_settings

    from dataclasses import replace

    cache_dir = overrides.pop("cache_dir", None)   # tests run without a cache unless they ask
    settings = load_settings(ROOT / "mkdocs.yml", sources_dir=sources, docs_dir=tmp / "docs",
                             site_dir=tmp / "site", run_mkdocs=run_mkdocs, quiet=True, **overrides)
    settings = replace(settings, cache_dir=cache_dir)
    return build(settings), settings


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seedsite")
    result, settings = build_site(tmp, ROOT / "seeds")
    corpus = json.loads((settings.site_dir / "data" / "corpus.json").read_text(encoding="utf-8"))
    return {"result": result, "settings": settings, "corpus": corpus, "tmp": tmp}


GOOD = {
    "script.txt": "A headline about scripts\n\nThe page said <script>alert('pwned')</script> and moved on to other news.\n",
    "jslink.md": "# Links\n\nClick [here](javascript:alert(1)) or <a href=\"javascript:alert(2)\">there</a> for the report.\n",
    "template.txt": "Template text\n\nThe source contains {{ config.site_name }} and {% include 'x' %} as plain words in a sentence.\n",
    "frontmatter.md": "---\ntitle: Injected\nhide: [navigation]\n---\n\nBody text of a page that starts with a front matter fence.\n",
    "attrs.txt": "Attribute list\n\nA paragraph that ends with an attribute list {: onclick=\"alert(3)\" } in it.\n",
    "svg.html": "<html><body><article><h1>Vector</h1><p>Story text long enough to be an article about graphics.</p>"
                "<svg onload=\"alert(9)\"><script>alert(10)</script></svg>"
                "<style>body{background:url(javascript:alert(11));width:expression(alert(12))}</style>"
                "<p>More story text: <img src=x onerror=alert(13)> the end of the article text.</p></article></body></html>",
    "title-bait.txt": "</title><img src=x onerror=alert(16)> breaking out of titles\n\n"
                      "A body paragraph that closes </script><script>alert(17)</script> a script tag in its text.\n",
    "bidi‮.txt": "Title with ‮override​ and zero width\n\nThe body mentions ‮evil‬ text and  control characters.\n",
    "search-bait.txt": "Search bait\n\nQuery results must not render <img src=x onerror=alert(14)> or <b onmouseover=alert(15)>bold</b>.\n",
    "page.html": "<html><head><title>Evil page</title><script>alert(4)</script></head><body><article><h1>Evil page</h1>"
                 "<p onclick=\"alert(5)\">Body paragraph with enough words to count as the article text of this page.</p>"
                 "<iframe src=\"javascript:alert(6)\"></iframe><svg><script>alert(7)</script></svg>"
                 "<p>Second paragraph with <a href=\"javascript:alert(8)\">a bad link</a> inside the text.</p></article></body></html>",
}
# More active content, one case per file, so the corpus the browser loads
# has over 30 files (see issue: scripts, handlers, iframes, SVG, CSS, schemes).
_P = "<p>Enough ordinary words around it to count as the article text of this page about case {n}.</p>"
GOOD.update({
    f"active-{name}.html": f"<html><head><title>Case {name}</title>{head}</head><body><article><h1>Case {name}</h1>"
                           f"{_P.format(n=name)}{body}{_P.format(n=name + ' again')}</article></body></html>"
    for name, head, body in [
        ("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(20)">', ""),
        ("base-href", '<base href="javascript:alert(21)//">', '<p><a href="/x">relative link</a> in text.</p>'),
        ("object", "", '<object data="data:text/html,<script>alert(22)</script>"></object>'),
        ("embed", "", '<embed src="javascript:alert(23)">'),
        ("form", "", '<form action="javascript:alert(24)"><input autofocus onfocus="alert(25)"></form>'),
        ("img-data", "", '<p><img src="data:image/svg+xml,<svg onload=alert(26)>" alt="x"> inline image.</p>'),
        ("svg-href", "", '<svg><a xlink:href="javascript:alert(27)"><text>click</text></a></svg>'),
        ("css-import", '<style>@import "javascript:alert(28)";</style>', '<p style="background:url(javascript:alert(29))">styled</p>'),
        ("details", "", '<details open ontoggle="alert(30)"><summary>more</summary>hidden text</details>'),
        ("math", "", '<math><mtext><table><mglyph><style><img src=x onerror=alert(31)></style></mglyph></table></mtext></math>'),
        ("noscript", "", '<noscript><p title="</noscript><img src=x onerror=alert(32)>">noscript trick</p></noscript>'),
        ("entity-js", "", '<p><a href="jav&#x61;script:alert(33)">encoded scheme</a> in text.</p>'),
    ]
})
GOOD.update({
    "md-html-block.md": "# Raw HTML block\n\n<div markdown=\"1\" onclick=\"alert(34)\">A div in Markdown source text.</div>\n\n"
                        "A paragraph after it with enough words to be published as a source.\n",
    "md-image.md": "# Images\n\n![x](javascript:alert(35)) and ![y](data:text/html,alert(36)) in a Markdown source.\n\n"
                   "Ordinary words follow so that the page has a body worth publishing.\n",
    "md-include.md": "# Includes\n\n--8<-- \"/etc/passwd\"\n\n{!/etc/hostname!}\n\n"
                     "Snippet and include syntax must stay text in the published page body.\n",
    "md-reference.md": "# References\n\nA [reference link][evil] and an autolink <javascript:alert(37)> here.\n\n"
                       "[evil]: javascript:alert(38)\n\nMore words follow to make a real paragraph.\n",
})
UTF16 = "UTF-16 source\n\nThis file was saved as UTF-16 with a byte order mark, and it reads fine.\n"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    src = tmp / "sources"
    src.mkdir()
    for name, text in GOOD.items():
        (src / name).write_text(text, encoding="utf-8")
    (src / "utf16.txt").write_bytes(UTF16.encode("utf-16"))
    (src / "invalid-utf8.txt").write_bytes("Invalid bytes\n\nCaf\xe9 au lait is a drink that".encode("latin-1") + b"\xff\xfe\x80 served hot.\n")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (src / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    result, settings = build_site(tmp, src)
    corpus = json.loads((settings.site_dir / "data" / "corpus.json").read_text(encoding="utf-8"))
    return corpus, settings


