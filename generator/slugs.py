"""Safe, stable page names from untrusted file names and titles.

A slug only ever holds [a-z0-9-]; anything else in the original name is folded
or dropped, and a name that had to be changed gets a short hash of the
original so that two different names never meet on one slug.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_UNSAFE = re.compile(r"[^a-z0-9_]+")
_INVISIBLE = re.compile(r"[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
MAX_SLUG = 60


def short_hash(text: str, length: int = 6) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def strip_invisible(text: str) -> str:
    """Remove bidi overrides, zero-width and control characters."""
    return _INVISIBLE.sub("", text)


def ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", strip_invisible(text)).encode("ascii", "ignore").decode()
    return _UNSAFE.sub("-", folded.lower()).strip("-_")[:MAX_SLUG].strip("-_")


def slugify(text: str) -> str:
    """A slug for ``text``; hashed suffix whenever folding lost information."""
    slug = ascii_slug(text)
    if slug and slug == text:
        return slug
    suffix = short_hash(text)
    return f"{slug}-{suffix}" if slug else suffix
