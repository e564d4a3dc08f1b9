"""Near-duplicate sources: the same article saved twice with small differences.

Each cleaned text becomes a set of word 5-shingles (CJK characters count as
words) and a MinHash signature over it; signatures are cut into bands and an
LSH index maps each band to the sources holding it, so only sources sharing a
band are ever compared (no all-pairs pass). A candidate counts as a copy when
its signatures agree on at least ``THRESHOLD`` of their positions, an
estimate of the shingle sets' Jaccard similarity. Two sources fetched from
the same URL are copies whatever their text. Sources are visited in sorted
file order, so the earliest file is always the one kept; hash seeds are
fixed, so the result never varies between runs.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

THRESHOLD = 0.9
SHINGLE = 5
BANDS, ROWS = 16, 8                 # 128 hashes; pairs at J=0.9 share a band with p > 0.999
MAX_BUCKET = 64
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20240601)      # fixed seed: same permutations on every run
_A = _rng.integers(1, _PRIME, BANDS * ROWS, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, BANDS * ROWS, dtype=np.uint64)
del _rng

# A run of letters/digits, or one CJK / kana / Hangul character (scripts
# written without spaces between words).
_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@dataclass(frozen=True)
class Item:
    """One published source as the detector sees it."""

    file: str
    text: str
    url: str = ""
    sketch: bytes = b""       # signature(text).tobytes(), when computed earlier (cached per source)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def shingle_hashes(text: str, size: int = SHINGLE) -> np.ndarray:
    """64-bit hashes of the text's word ``size``-shingles (one shingle if shorter)."""
    words = tokens(text)
    if not words:
        return np.zeros(0, dtype=np.uint64)
    grams = {" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))}
    values = [int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "little")
              for g in sorted(grams)]
    return np.array(values, dtype=np.uint64) % np.uint64(_PRIME)


def signature(text: str) -> np.ndarray | None:
    """MinHash signature (BANDS*ROWS values), or None for a text without words."""
    hashes = shingle_hashes(text)
    if hashes.size == 0:
        return None
    # Universal hashing (a*x + b) with uint64 wrap-around: enough mixing for
    # MinHash, and numpy keeps it to one vectorised pass per source.
    mixed = hashes[:, None] * _A[None, :] + _B[None, :]
    return mixed.min(axis=0)


def sketch(text: str) -> bytes:
    """The signature as bytes, for storing with a source's cached work."""
    sig = signature(text)
    return b"" if sig is None else sig.tobytes()


def _signature_of(item: Item) -> np.ndarray | None:
    if item.sketch:
        return np.frombuffer(item.sketch, dtype=np.uint64)
    return signature(item.text)


def band_keys(sig: np.ndarray) -> list[bytes]:
    return [bytes([band]) + sig[band * ROWS:(band + 1) * ROWS].tobytes() for band in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(a == b)) / a.size


def find_near_duplicates(items: list[Item], threshold: float = THRESHOLD) -> dict[str, str]:
    """{file: earlier file it copies} for every copy; originals are not keys.

    Files are distinct. Equivalent to visiting the items in file order with
    one LSH index of every original's bands, but a band value held by only
    one source can never bring up a candidate, so only the sources sharing at
    least one band value with another are indexed and compared (a quarter of
    a 10,000-source corpus of templated texts, none in a typical one).
    """
    ordered = sorted(items, key=lambda i: i.file)
    signatures = [_signature_of(item) for item in ordered]
    rows = [pos for pos, sig in enumerate(signatures) if sig is not None]
    matrix = np.stack([signatures[pos] for pos in rows]) if rows else np.zeros((0, BANDS * ROWS), np.uint64)
    keys_at = {rows[row]: keys for row, keys in shared_band_keys(matrix).items()}
    row_at = {pos: row for row, pos in enumerate(rows)}
    index: dict[int, list[int]] = {}         # shared band key -> rows of originals holding it
    by_url: dict[str, str] = {}
    copies: dict[str, str] = {}
    for pos, item in enumerate(ordered):
        original = by_url.get(item.url) if item.url else None
        keys = keys_at.get(pos, ())
        if original is None and keys:
            best = _best_match(matrix, row_at[pos], keys, index, threshold)
            original = ordered[rows[best]].file if best is not None else None
        if original is not None:
            copies[item.file] = original
            continue
        # Only originals are indexed, so a copy always points at a kept file.
        if item.url:
            by_url[item.url] = item.file
        for key in keys:
            bucket = index.setdefault(key, [])
            # A band shared by very many sources is boilerplate-like (tiny
            # or templated texts); capping it keeps the pass near-linear.
            # A real copy matches its original in nearly every band, so
            # a single full bucket does not hide it.
            if len(bucket) < MAX_BUCKET:
                bucket.append(row_at[pos])
    return copies


def shared_band_keys(matrix: np.ndarray) -> dict[int, list[int]]:
    """{row: one int per band whose value another row also has}, for the signature rows that have one.

    Equal ints mean the same band and the same band value (``band_keys``);
    a band value no other row has is left out, since it can never match.
    """
    count = matrix.shape[0]
    keys = np.full((count, BANDS), -1, dtype=np.int64)
    for band in range(BANDS):
        cells = np.ascontiguousarray(matrix[:, band * ROWS:(band + 1) * ROWS])
        values = cells.view(np.dtype((np.void, ROWS * cells.itemsize))).ravel()
        _unique, group, sizes = np.unique(values, return_inverse=True, return_counts=True)
        group = group.ravel()
        keys[:, band] = np.where(sizes[group] > 1, band * count + group, -1)
    return {int(row): [key for key in keys[row].tolist() if key >= 0]
            for row in np.flatnonzero((keys >= 0).any(axis=1))}


def _best_match(matrix: np.ndarray, row: int, keys: list[int], index: dict[int, list[int]],
                threshold: float) -> int | None:
    """The row of the most similar indexed original at or above ``threshold``, or None."""
    candidates = sorted({other for key in keys for other in index.get(key, ())})
    if not candidates:
        return None
    sig = matrix[row]
    # One vectorised comparison: short, template-like sources can share a
    # band with many others, and a Python loop over them would dominate.
    agree = (matrix[candidates] == sig).sum(axis=1) / sig.size
    best = int(np.argmax(agree))         # first maximum: ties go to the earlier file
    return candidates[best] if agree[best] >= threshold else None
