"""Per-source work kept between builds.

Reading, cleaning and per-source extraction depend only on a file's bytes,
its page id and the generator's own code and data. Their result is stored
under a key made of those, so an unchanged source is never processed twice
and any change to the generator invalidates everything.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

CACHE_FORMAT = b"1"


@lru_cache(maxsize=1)
def generator_fingerprint() -> str:
    """Hash of the generator's code and data files: changes when rules change."""
    package = Path(__file__).parent
    digest = hashlib.sha256(CACHE_FORMAT)
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".yml", ".json", ".txt", ".j2"):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def entry_key(content_hash: str, doc_id: str, file: str) -> str:
    text = f"{generator_fingerprint()}\0{content_hash}\0{doc_id}\0{file}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Cache:
    """A folder of pickled per-source results; ``None`` folder disables it."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str):
        if self.folder is None:
            self.misses += 1
            return None
        try:
            with self._path(key).open("rb") as handle:
                value = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            with tmp.open("wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time
