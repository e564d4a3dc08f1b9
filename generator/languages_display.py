"""Human names of language codes, in the language itself (via Babel's CLDR data)."""
from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError


@lru_cache(maxsize=256)
def language_name(code: str) -> str:
    if not code:
        return "Unknown language"
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return code
    return (name[:1].upper() + name[1:]) if name else code


@lru_cache(maxsize=256)
def language_name_in_english(code: str) -> str:
    """'ko' -> 'Korean': for English prose such as "originally published in Korean"."""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except (ValueError, UnknownLocaleError):
        return code
