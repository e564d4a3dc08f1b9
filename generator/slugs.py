"""Safe, stable page names from untrusted file names and titles.

A slug only ever holds [a-z0-9-]; anything else in the original name is folded
or dropped, and a name that had to be changed gets a short hash of the
original so that two different names never meet on one slug.

This module also holds the one definition of "hidden characters": the
invisible code points that can reorder, hide or split text on screen (bidi
controls, zero-width characters, control characters, tag characters). They
are removed from a source's text when it is cleaned, and again from every
title, name and slug.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_UNSAFE = re.compile(r"[^a-z0-9_]+")
# Hidden everywhere: C0/C1 controls other than whitespace, soft hyphen,
# combining grapheme joiner, Arabic letter mark, Mongolian vowel separator,
# zero-width space, LRM/RLM, bidi embeddings/overrides/isolates, word joiner
# and invisible operators, deprecated format characters, BOM, Hangul fillers
# (render as blanks), interlinear annotation marks, tag characters.
_HIDDEN_CLASS = (
    "\u0000-\u0008\u000e-\u001b\u007f-\u0084\u0086-\u009f\u00ad\u034f\u061c\u115f\u1160\u180e"
    "\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f"
)
_HIDDEN = re.compile(f"[{_HIDDEN_CLASS}]+")
# Zero-width (non-)joiners shape Persian, Indic and emoji sequences, so in a
# source's text they are kept between two non-ASCII characters; next to
# ASCII or at an edge they only hide a break inside a word.
_STRAY_JOINER = re.compile(r"(?<![^\x00-\x7f])[\u200c\u200d]+|[\u200c\u200d]+(?![^\x00-\x7f])")
# In a one-line name every joiner goes, and line/paragraph separators and
# other whitespace controls become spaces (not glued words).
_INVISIBLE = re.compile(f"[{_HIDDEN_CLASS}\u200c\u200d]+")
_LINE_CONTROLS = re.compile(r"[\t\n\r\v\f\u001c-\u001f\u0085\u2028\u2029]")
MAX_SLUG = 60


def short_hash(text: str, length: int = 6) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def strip_invisible(text: str) -> str:
    """One-line text without bidi overrides, zero-width or control characters.

    Tabs, newlines and other line controls become spaces so that words they
    separated stay apart.
    """
    return _LINE_CONTROLS.sub(" ", _INVISIBLE.sub("", text))


def remove_hidden(text: str) -> tuple[str, int]:
    """A source's text without hidden characters (line structure kept), and how many went."""
    before = len(text)
    text = _HIDDEN.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _STRAY_JOINER.sub("", text)
    return text, before - len(text)


# Latin letters that NFKD leaves whole (they are letters of their own, not a
# base letter plus an accent), spelled as their languages' ASCII fallbacks:
# without this "Wrzeła" would lose its "ł" and become "wrze-a".
_UNDECOMPOSED = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "Th", "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŀ": "l", "Ŀ": "L", "ĸ": "k", "ŋ": "ng", "Ŋ": "Ng",
})


def latin_fold(text: str) -> str:
    """``text`` with accents removed and undecomposable Latin letters spelled in ASCII."""
    text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in text if not unicodedata.combining(c))


def ascii_slug(text: str) -> str:
    """[a-z0-9_-] for the ids of claims (and names): letters folded to ASCII, the rest dropped."""
    return _slug_of(latin_fold(strip_invisible(text)))


def _slug_of(folded: str) -> str:
    folded = folded.encode("ascii", "ignore").decode()
    return _UNSAFE.sub("-", folded.lower()).strip("-_")[:MAX_SLUG].strip("-_")


def slugify(text: str) -> str:
    """A slug for ``text`` (a source's file name); hashed suffix whenever folding lost information.

    Folds accents only, as it always has: a source's page name is its URL and
    must not change when the generator is upgraded (claim and entity ids are
    carried over from the previous build instead)."""
    slug = _slug_of(unicodedata.normalize("NFKD", strip_invisible(text)))
    if slug and slug == text:
        return slug
    suffix = short_hash(text)
    return f"{slug}-{suffix}" if slug else suffix
