"""jieba, the Chinese word segmenter, loaded only when a text has Chinese.

jieba keeps its prefix dictionary (half a million words and prefixes) in a
cache file it writes on first use. It reads that file back with
``marshal.load`` on an open file, which pulls it in many small reads and takes
0.6 s; ``marshal.loads`` on the whole file gives the same dictionary in a
third of the time. That is the only change: anything unusual (a custom
dictionary or cache location, no cache written yet, an unreadable cache) is
left to jieba's own loader, so the segmentation is always jieba's.
"""
from __future__ import annotations

import marshal
import tempfile
from pathlib import Path

_MISSING = object()


def load():
    """``jieba`` with its dictionary loaded."""
    import jieba
    jieba.setLogLevel(60)
    initialise(jieba.dt)
    return jieba


def posseg():
    """``jieba.posseg`` (part-of-speech segmentation) with its dictionary loaded."""
    load()
    import jieba.posseg
    return jieba.posseg


def initialise(tokenizer) -> None:
    """Load ``tokenizer``'s dictionary, from jieba's cache in one read where jieba would use it."""
    if tokenizer.initialized:
        return
    table = _cached_default_table(tokenizer)
    if table is None:
        tokenizer.initialize()
        return
    with tokenizer.lock:
        if not tokenizer.initialized:
            tokenizer.FREQ, tokenizer.total = table
            tokenizer.initialized = True


def _cached_default_table(tokenizer) -> tuple[dict, int] | None:
    """(FREQ, total) from the cache file jieba itself would read, or None to let jieba load.

    jieba uses ``<tempdir>/jieba.cache`` for its default dictionary whenever
    that file exists, with no freshness check; the same conditions hold here.
    """
    import jieba
    default = getattr(jieba, "DEFAULT_DICT", _MISSING)
    if (getattr(tokenizer, "dictionary", default) is not default or getattr(tokenizer, "cache_file", 1)
            or getattr(tokenizer, "tmp_dir", 1)):
        return None
    try:
        table = marshal.loads((Path(tempfile.gettempdir()) / "jieba.cache").read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if (isinstance(table, tuple) and len(table) == 2 and isinstance(table[0], dict)
            and isinstance(table[1], int)):
        return table
    return None
