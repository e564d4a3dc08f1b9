"""Small text measures shared by stages (word counts across scripts)."""
from __future__ import annotations

import re

# A CJK character is roughly a word for reading purposes; elsewhere words are
# runs of letters/digits.
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W_]+(?:['’][^\W_]+)*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))
