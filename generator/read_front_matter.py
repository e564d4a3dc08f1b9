"""Front matter: the metadata block at the top of a Markdown or text source.

Static-site exports, note apps and scrapers put a source's title, date,
authors and address in a block before the text:

    ---                         +++
    title: Port strike ends     title = "Port strike ends"
    date: 2026-05-02            date = 2026-05-02
    ---                         +++

Such a block is not part of the text. It becomes the same metadata hints
an HTML page's <meta> tags give (the field names are data:
data/front_matter.yaml), and the text starts after it. A block that does not
parse as a mapping is left in the text as it is, and so is a block naming no field listed there: nothing is dropped
on a guess.

The block is untrusted like the rest of the file: YAML is read as plain
text values, without tags or aliases (so a small block cannot expand into a huge
value), only scalars and lists of scalars are taken, and every hint is
one line of bounded length.
"""
from __future__ import annotations

import datetime
import re
import tomllib
from functools import lru_cache
from pathlib import Path

import yaml

from .datafiles import load_yaml

DATA_FILE = Path(__file__).resolve().parent / "data" / "front_matter.yaml"
MAX_BLOCK_CHARS = 20_000      # a metadata block, not a document
MAX_HINT_CHARS = 1_000
MAX_LIST_ITEMS = 50

_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_OPENING = re.compile(r"\A\ufeff?(?:[ \t]*\r?\n)*(---|\+\+\+)[ \t]*\r?\n")


def split_front_matter(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """(the text after a front matter block, its hints as sorted (key, value) pairs);
    (``text``, ()) when the text has no such block."""
    opening = _OPENING.match(text)
    if not opening:
        return text, ()
    fence = opening.group(1)
    closing = re.compile(r"^(?:" + "|".join(map(re.escape, _FENCES[fence])) + r")[ \t]*\r?$", re.MULTILINE)
    end = closing.search(text, opening.end(), opening.end() + MAX_BLOCK_CHARS)
    if end is None:
        return text, ()
    fields = _parse(text[opening.end():end.start()], fence)
    hints = _hints(fields) if fields is not None else ()
    if not hints:
        # Not metadata this reader knows (or a rule around a line of text): left as text.
        return text, ()
    return text[end.end():].lstrip("\r\n"), hints


class _NoAliasLoader(yaml.BaseLoader):
    """Every scalar as the text written ("No" stays a title, "2026-05-02" a
    date as written), no tags, no anchors or aliases."""

    def fetch_alias(self):
        raise yaml.YAMLError("aliases are not read in front matter")

    def fetch_anchor(self):
        raise yaml.YAMLError("anchors are not read in front matter")


def _parse(block: str, fence: str) -> dict | None:
    try:
        fields = tomllib.loads(block) if fence == "+++" else yaml.load(block, Loader=_NoAliasLoader)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, RecursionError):
        return None
    return fields if isinstance(fields, dict) and fields else None


@lru_cache(maxsize=1)
def _hint_of_field() -> dict[str, str]:
    data = load_yaml(DATA_FILE.read_text(encoding="utf-8"))
    return {_field_key(name): hint for hint, names in data.items() for name in names}


def _field_key(name: str) -> str:
    return re.sub(r"[-_\s]", "", name).casefold()


def _hints(fields: dict) -> tuple[tuple[str, str], ...]:
    """The first listed field giving each hint, in the block's order."""
    wanted = _hint_of_field()
    found: dict[str, str] = {}
    for name, value in fields.items():
        hint = wanted.get(_field_key(str(name)))
        if hint is None or hint in found:
            continue
        text = _text(value, joined=hint in ("author", "tags"))
        if text:
            found[hint] = text
    return tuple(sorted(found.items()))


def _text(value: object, joined: bool) -> str:
    """One line of text from a scalar, or from a list of them (a list of names
    is joined with ";", as the HTML reader joins several authors)."""
    if isinstance(value, list):
        parts = [_scalar(item) for item in value[:MAX_LIST_ITEMS]]
        parts = [part for part in parts if part]
        return _bounded("; ".join(parts if joined else parts[:1]))
    return _bounded(_scalar(value))


def _scalar(value: object) -> str:
    if isinstance(value, dict):
        # {name: ..., url: ...}, as themes write an author.
        value = value.get("name", "")
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float)):
        return str(value)
    return ""


def _bounded(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= MAX_HINT_CHARS else ""
