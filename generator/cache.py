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
import threading
import time
from collections.abc import Callable
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

    def _path(self, key: str) -> str:
        assert self.folder is not None
        # A string, not a Path: at ten thousand entries pathlib's parsing costs more than the reads.
        return os.path.join(self.folder, key[:2], key + ".pickle")

    def has(self, key: str | None) -> bool:
        """An entry is stored under ``key`` (it may still turn out unreadable)."""
        return key is not None and self.folder is not None and os.path.isfile(self._path(key))

    def get(self, key: str):
        value = _load_pickle(self._path(key)) if self.folder is not None else None
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def put(self, key: str, value) -> None:
        if self.folder is not None:
            _dump_pickle(self._path(key), value)


def build_state_path(cache_dir: Path | None, docs_dir: Path) -> Path | None:
    """Where the state of the last build into ``docs_dir`` is kept (one file per docs folder).

    The state is small (keys, the docs folder's file stats); the linked
    corpora it refers to live next to it in a ``.corpus`` file that is read
    only when a build can use them.
    """
    if cache_dir is None:
        return None
    name = hashlib.sha256(str(docs_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return cache_dir / "builds" / f"{name}.pickle"


def _load_pickle(path: os.PathLike | str | None):
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


def _dump_pickle(path: os.PathLike | str, value) -> None:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written only costs time on the next build


def _corpus_path(path: Path) -> Path:
    return path.with_suffix(".corpus")


def load_page_cache(path: Path | None) -> dict:
    """Rendered source pages of the last build into this docs folder, keyed by
    piece -> (inputs digest, text); see render_cache.RenderCache. Kept apart from
    the state because it is wanted exactly when the sources changed."""
    if path is not None:
        wait_for_writer(path)
    pages = _load_pickle(path.with_suffix(".pages")) if path is not None else None
    return pages if isinstance(pages, dict) else {}


def load_state(path: Path | None) -> dict:
    """The stored build state, or {} when missing, unreadable or from another generator."""
    state = _load_pickle(path)
    if not isinstance(state, dict) or state.get("generator") != generator_fingerprint():
        return {}
    return state


def load_state_corpora(path: Path | None, state: dict) -> dict:
    """{"linked": Corpus, "corpus": Corpus} saved with ``state``, or {} if they do not belong to it."""
    if path is None or not state:
        return {}
    wait_for_writer(path)
    stored = _load_pickle(_corpus_path(path))
    if not isinstance(stored, dict) or stored.get("token") != state.get("token"):
        return {}
    return stored


def new_token() -> str:
    """Ties a state file to the corpora and pages written by the same build."""
    return hashlib.sha256(f"{os.getpid()}\0{time.time_ns()}".encode()).hexdigest()


def save_corpora(path: Path | None, corpora: dict, pages: dict | None, token: str) -> Callable[[], None]:
    """Start writing the linked corpora and rendered pages; returns the function that waits for it.

    They are the largest cache files (a second of pickling at 10,000
    sources): a detached child writes them while the build goes on, and
    finishes them after the build has returned. It holds a lock on the
    state's ``.lock`` file meanwhile; whoever reads them next
    (``load_state_corpora``, ``load_page_cache``) waits for that lock, so
    nobody reads half-written files and the next build never relinks for
    want of them. Without fork, a second core, or with other threads
    running (a fork would copy their locks), they are written here and now.
    Until the state naming ``token`` is saved, nothing refers to them.
    """
    if path is None:
        return lambda: None
    jobs = [(_corpus_path(path), {**corpora, "token": token})]
    if pages is not None:
        jobs.append((path.with_suffix(".pages"), pages))
    if can_fork():
        _in_detached_child(_lock_path(path), jobs)
        return lambda: wait_for_writer(path)
    for target, value in jobs:
        _dump_pickle(target, value)
    return lambda: None


def can_fork() -> bool:
    """A forked child can do work beside this process: fork exists, a second core
    is there, and no other thread runs (a fork would copy their locks, held or not)."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2 and threading.active_count() == 1


def _lock_path(path: Path) -> Path:
    return path.with_suffix(".lock")


def wait_for_writer(path: Path) -> None:
    """Return once no child is writing the cache files of the state at ``path``."""
    lock = _lock_path(path)
    if not hasattr(os, "fork") or not lock.exists():
        return
    import fcntl
    try:
        with lock.open("rb") as handle:
            fcntl.flock(handle, fcntl.LOCK_SH)
    except OSError:
        pass


def _in_detached_child(lock: Path, jobs: list[tuple[Path, object]]) -> None:
    """Write ``jobs`` in a grandchild that holds ``lock`` until done.

    The lock is taken here, before forking, so it is held from the moment
    this returns; the grandchild inherits it and releases it by exiting.
    The middle child exits at once, so the writer belongs to no one (no
    zombie is left in a long-running ``serve``).
    """
    import fcntl
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = lock.open("ab")
        fcntl.flock(handle, fcntl.LOCK_EX)      # an earlier build's writer finishes first
    except OSError:
        for target, value in jobs:
            _dump_pickle(target, value)
        return
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            if os.fork() == 0:
                _detach_from_output()
                for target, value in jobs:
                    _dump_pickle(target, value)
            status = 0
        finally:
            os._exit(status)
    handle.close()                # the writer's copy keeps the lock
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def _detach_from_output() -> None:
    """Point the writer's standard streams at the null device: a caller reading the
    build's output through a pipe would otherwise wait for the writer to finish too."""
    null = os.open(os.devnull, os.O_RDWR)
    for stream in (0, 1, 2):
        os.dup2(null, stream)
    os.close(null)


def save_state(path: Path | None, state: dict, token: str) -> None:
    """Store ``state``; ``token`` names the corpora saved for it (see save_corpora)."""
    if path is None:
        return
    _dump_pickle(path, {**state, "generator": generator_fingerprint(), "token": token})
