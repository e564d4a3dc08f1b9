"""Pictures on pages: the SVG files and, for each, what a page shows with it.

``pictures.py`` draws; this module names the files (``pictures/*.svg`` in
docs_dir, copied to the site by MkDocs) and builds the view a template needs:
the image's relative link, its text alternative (the SVG's own <desc>), its
caption (the SVG's <title>) and the same data as table rows, capped so a big
corpus keeps small pages (the full data is in corpus.json and claims.csv).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Callable

from . import pictures
from .mdtext import Md, link
from .model import Corpus
from .render import relative

PICTURES = "pictures"
MAX_TABLE_ROWS = 40
_SVG = "{http://www.w3.org/2000/svg}"

# name -> (drawing, same data as rows); the name is the file's stem.
DRAWINGS: dict[str, tuple[Callable[[Corpus], str], Callable[[Corpus], list]]] = {
    "coverage": (pictures.coverage_matrix, pictures.coverage_rows),
    "timeline": (pictures.timeline, pictures.timeline_rows),
    "co-mentions": (pictures.comention_graph, pictures.comention_rows),
    "mix": (pictures.mix_charts, pictures.mix_rows),
}


@dataclass(frozen=True)
class Picture:
    name: str
    svg: str
    title: str
    desc: str
    rows: tuple[tuple[str, ...], ...]   # header first

    @property
    def path(self) -> str:
        return f"{PICTURES}/{self.name}.svg"


@dataclass
class PictureView:
    src: Md                  # relative link from the page showing it (Sourcebook's own)
    alt: str                 # escaped by the template like any other text
    caption: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    more_rows: int
    data_link: Md            # the Data page, where the full data is


def draw_pictures(corpus: Corpus) -> dict[str, Picture]:
    """The corpus's pictures keyed by name; a picture of nothing is left out."""
    out = {}
    worth = _worth_drawing(corpus)
    for name, (draw, table) in DRAWINGS.items():
        if not worth[name]:
            continue
        svg = draw(corpus)
        root = ET.fromstring(svg)
        out[name] = Picture(name, svg, _text_of(root, "title"), _text_of(root, "desc"),
                            tuple(tuple(row) for row in table(corpus)))
    return out


def _text_of(root: ET.Element, tag: str) -> str:
    element = root.find(_SVG + tag)
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def picture_files(drawn: dict[str, Picture]) -> dict[str, str]:
    """docs-relative path -> SVG text."""
    return {p.path: p.svg for p in sorted(drawn.values(), key=lambda p: p.name)}


def picture_view(picture: Picture, from_page: str) -> PictureView:
    src = relative(from_page, picture.path)
    # The name is ours, but the link lands in Markdown unescaped: keep it plain.
    if not re.fullmatch(r"[A-Za-z0-9_\-./]+", src):
        raise ValueError(f"unexpected picture path {src!r}")
    header, *body = picture.rows
    return PictureView(Md(src), picture.desc, picture.title, header, body[:MAX_TABLE_ROWS],
                       max(len(body) - MAX_TABLE_ROWS, 0), link("Data", relative(from_page, "data.md")))


def _worth_drawing(corpus: Corpus) -> dict[str, bool]:
    has_dates = any(c.dates for c in corpus.claims) or any(d.metadata.published for d in corpus.documents)
    return {"coverage": bool(corpus.claims), "timeline": has_dates,
            "co-mentions": bool(corpus.entities), "mix": bool(corpus.documents)}
