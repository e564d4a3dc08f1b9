"""The build: sources folder -> docs pages and data -> MkDocs site.

``build(settings, log)`` runs the stages in order (read, clean, extract,
link, render, write, mkdocs) and returns a ``BuildResult``. Files that cannot
be published are collected as ``Skipped`` with a reason, never dropped
silently. Generated files are listed in a manifest inside docs_dir so a
rebuild removes pages of deleted sources without touching a user's own pages.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from . import __version__
from .clean import clean
from .link.pipeline import link_corpus
from .model import Corpus, Document, RawText, Skipped
from .progress import Progress
from . import changes, datafiles, near_duplicates
from .add import SIDECAR_SUFFIX, read_sidecar
from .cache import (Cache, build_state_path, can_fork, entry_key, generator_fingerprint, load_page_cache,
                    load_state, load_state_corpora, new_token, save_corpora, save_state)
from .extract import claims as extract_claims
from .extract import entities as extract_entities
from .read import read_source
from .read_front_matter import split_front_matter
from .read_html import extract_html
from .render import raw_path, render_files
from .output import (SourceCopy, Staging, clear_leftovers, docs_stamp, staging_path, stats_stamp, swap_in,
                     write_files)
from .settings import Settings, SettingsError, read_mkdocs_config
from .slugs import slugify

log = logging.getLogger("sourcebook")


class BuildError(Exception):
    """A problem that stops the build, reported as one line."""


@dataclass(frozen=True)
class BuildResult:
    corpus: Corpus
    pages_written: int
    pages_unchanged: int
    pages_removed: int


# --- discovery and reading ----------------------------------------------------

def discover(sources_dir: Path) -> list[Path]:
    """Every file under the sources folder, sorted; symlinked folders are not entered."""
    return [path for path, _, _ in _walk_sources(sources_dir)]


def _walk_sources(sources_dir: Path) -> list[tuple[Path, str, bool]]:
    """(path, relative POSIX path, has a sidecar) of every source, sorted by relative path.

    Names are joined as strings: at ten thousand files, pathlib's parsing
    costs more than the walk itself.
    """
    if not sources_dir.is_dir():
        raise BuildError(f"{sources_dir}: sources folder not found")
    root = str(sources_dir)
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in (".git", ".hg", ".svn", "__pycache__"))
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        names = set(files)
        # Symlinked folders are reported, not entered.
        found += [(os.path.join(folder, d), prefix + d, False) for d in dirs if os.path.islink(os.path.join(folder, d))]
        # A fetched page's sidecar (see add.py) describes a source; it is not one.
        found += [(os.path.join(folder, name), prefix + name, name + SIDECAR_SUFFIX in names)
                  for name in files if not name.endswith(SIDECAR_SUFFIX)]
    found.sort(key=lambda entry: entry[1])
    return [(Path(path), file, sidecar) for path, file, sidecar in found]


def source_ids(files: list[str]) -> dict[str, str]:
    """Stable page ids from file paths: the slug of the path without extension.

    Two files differing only by extension share a stem; the later extension
    (in sorted order) gets it appended so neither page is lost.
    """
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for file in sorted(files):
        stem, _, ext = file.rpartition(".") if "." in Path(file).name else (file, "", "")
        slug = slugify(stem)
        if slug in taken:
            slug = slugify(f"{stem}-{ext}")
        taken.add(slug)
        ids[file] = slug
    return ids


def read_one(path: Path, settings: Settings) -> RawText | Skipped:
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    # A fetched page's sidecar: its charset decodes the page, its URL and time become hints.
    record = read_sidecar(sidecar) if sidecar.is_file() else None
    result = read_source(path, settings.sources_dir, settings.max_file_bytes, (record or {}).get("charset", ""))
    if isinstance(result, RawText) and result.format == "html":
        extracted = extract_html(result.text)
        if not extracted.text.strip():
            return Skipped(result.file, "no readable text in the HTML page")
        hints = tuple(sorted(set(result.hints) | set(extracted.hints)))
        result = replace(result, text=extracted.text, hints=hints)
    elif isinstance(result, RawText):
        text, front = split_front_matter(result.text)
        if front:
            if not text.strip():
                return Skipped(result.file, "no text after the front matter block")
            result = replace(result, text=text, hints=tuple(sorted((dict(result.hints) | dict(front)).items())))
    return _with_sidecar(result, record)


def _with_sidecar(result: RawText | Skipped, record: dict | None) -> RawText | Skipped:
    """Add a fetched page's sidecar (URL, capture time) to its hints; the sidecar wins."""
    if isinstance(result, Skipped) or record is None:
        return result
    extra = {k: v for k, v in (("url", record.get("url", "")), ("captured", record.get("fetched", ""))) if v}
    hints = dict(result.hints) | extra
    return replace(result, hints=tuple(sorted(hints.items())))


@dataclass(frozen=True)
class SourceWork:
    """Everything done to one file on its own: read, clean, per-source extraction."""

    file: str
    content_hash: str = ""
    doc: Document | None = None
    skipped: Skipped | None = None
    mentions: tuple = ()
    statements: tuple = ()
    sketch: bytes = b""       # near-duplicate signature of doc.text (near_duplicates.py)


def process_source(path: Path, doc_id: str, settings: Settings) -> SourceWork:
    """Read, clean and extract one source; a source no rule can handle is reported, not fatal.

    A defect in one rule, met by one odd file, must not stop a build of
    thousands: that file is listed as not published, with the error, and
    ``--strict`` turns it into a failed build.
    """
    try:
        return _process_source(path, doc_id, settings)
    except Exception as exc:        # noqa: BLE001 - reported for this file, see above
        file = path.relative_to(settings.sources_dir).as_posix()
        log.debug("processing %s failed", file, exc_info=True)
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())
        detail = detail if len(detail) <= 160 else detail[:159] + "…"
        return SourceWork(file=file, skipped=Skipped(file, f"not processed, an error in Sourcebook ({detail});"
                                                           " please report it"))


def _process_source(path: Path, doc_id: str, settings: Settings) -> SourceWork:
    file = path.relative_to(settings.sources_dir).as_posix()
    result = read_one(path, settings)
    if isinstance(result, Skipped):
        return SourceWork(file=file, skipped=result)
    doc = clean(result, doc_id)
    if not doc.text.strip():
        return SourceWork(file, result.content_hash,
                          skipped=Skipped(file, "no text left after removing page chrome"))
    mentions = extract_entities.find_mentions(doc)
    statements = extract_claims.find_statements(doc, mentions)
    return SourceWork(file, result.content_hash, doc, None, tuple(mentions), tuple(statements),
                      near_duplicates.sketch(doc.text))


def _process_batch(batch: list[tuple[Path, str]], settings: Settings) -> list[SourceWork]:
    return [process_source(path, doc_id, settings) for path, doc_id in batch]


def _file_hash(path: Path) -> str | None:
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_HASHED_BYTES:   # a FIFO would block
            return None
        digest = hashlib.sha256(path.read_bytes())
        sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
        if sidecar.is_file():
            # The sidecar's hints change the result, so they are part of the key.
            digest.update(b"\0" + sidecar.read_bytes())
        return digest.hexdigest()
    except OSError:
        return None


MAX_HASHED_BYTES = 200_000_000
PARALLEL_THRESHOLD = 64


@dataclass(frozen=True)
class Scan:
    """The source files of a build, their page ids and content digests (None: unhashable)."""

    paths: list[Path]
    files: list[str]
    ids: dict[str, str]
    digests: list[str | None]
    stats: list[tuple | None]      # _stat_key of each file, taken before it was hashed
    started_ns: int = 0            # wall clock when the scan began

    def with_sidecar(self) -> set[str] | None:
        """Files with a sidecar next to them, as the scan saw them (None: not known for all)."""
        if any(stat is None for stat in self.stats):
            return None
        return {file for file, stat in zip(self.files, self.stats) if stat[4] is not None}

    def key(self) -> str | None:
        """One hash of every input file (name, id, digest); None if any could not be hashed."""
        if any(d is None for d in self.digests):
            return None
        digest = hashlib.sha256(generator_fingerprint().encode())
        for file, value in zip(self.files, self.digests):
            digest.update(f"{file}\0{self.ids[file]}\0{value}\n".encode("utf-8"))
        return digest.hexdigest()


def scan(settings: Settings, known: dict | None = None, known_at: int = 0) -> Scan:
    """Every source with its digest; ``known`` (see ``file_stats``) saves re-reading unchanged files."""
    walked = _walk_sources(settings.sources_dir)
    paths = [path for path, _, _ in walked]
    files = [file for _, file, _ in walked]
    known = known or {}
    started = time.time_ns()
    digests, stats = [], []
    for path, file, sidecar in walked:
        stat = _stat_key(path, sidecar)
        stats.append(stat)
        entry = known.get(file)
        # A file whose mtime falls in the clock tick of the previous scan may
        # have changed after it was hashed: such "racy" entries are re-read.
        trusted = entry is not None and stat is not None and entry[0] == stat and _settled(stat, known_at)
        digests.append(entry[1] if trusted else _file_hash(path))
    return Scan(paths, files, source_ids(files), digests, stats, started)


RACY_NS = 50_000_000


def _settled(stat: tuple, known_at: int) -> bool:
    """True when the file and its sidecar were last changed well before the scan at ``known_at``."""
    times = [stat[1]] + ([stat[4][1]] if stat[4] else [])
    return max(times) < known_at - RACY_NS


def _stat_key(path: Path, has_sidecar: bool | None = None) -> tuple | None:
    """(size, mtime, inode, sidecar's) of a source, or None if it cannot be trusted by stat.

    ``has_sidecar``: whether the folder listing showed a sidecar (None: look).
    """
    name = os.fspath(path)
    try:
        st = os.lstat(name)
        if has_sidecar is None:
            has_sidecar = os.path.exists(name + SIDECAR_SUFFIX)
        side = os.stat(name + SIDECAR_SUFFIX) if has_sidecar else None
    except OSError:
        return None
    # ctime cannot be set by tools that restore mtimes, so it catches such edits too.
    side_key = (side.st_size, side.st_mtime_ns, side.st_ino, side.st_ctime_ns) if side else None
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_mode, side_key, st.st_ctime_ns)


def file_stats(found: Scan) -> tuple[dict, int]:
    """({file: (stat key, digest)}, scan time in ns): what the next scan may trust without reading."""
    known = {file: (key, digest) for file, key, digest in zip(found.files, found.stats, found.digests)
             if key is not None and digest is not None}
    return known, found.started_ns


def process_all(settings: Settings, progress: Progress, found: Scan | None = None) -> list[SourceWork]:
    """Per-source work for every file, from the cache where possible, on all cores.

    A few new sources among many cached ones are processed by a forked
    worker while this process reads the cache: on a rebuild after adding a
    source, loading its rules' models then costs no wall time.
    """
    found = found or scan(settings)
    ids = found.ids
    cache = Cache(settings.cache_dir)
    keys = {file: entry_key(digest, ids[file], file) if digest else None
            for file, digest in zip(found.files, found.digests)}
    listed = {file for file in found.files if cache.has(keys[file])}
    todo = [(path, ids[file], digest) for path, file, digest in zip(found.paths, found.files, found.digests)
            if file not in listed]
    background = _Background(todo, settings) if _worth_a_background_worker(len(todo), len(listed)) else None
    results: dict[str, SourceWork] = {}
    unreadable: list[tuple[Path, str, str | None]] = []
    progress.start("checking cache", len(listed))
    with _collector_paused():
        for path, file, digest in zip(found.paths, found.files, found.digests):
            if file in listed:
                hit = cache.get(keys[file])
                if hit is not None:
                    results[file] = hit
                else:
                    unreadable.append((path, ids[file], digest))
                progress.advance()
        # Frozen before the collector resumes: otherwise its first pass walks
        # every object just loaded (0.4 s at 10,000 sources), all of them alive.
        gc.freeze()
    progress.start("reading and cleaning", len(todo) + len(unreadable))
    if background is not None:
        works = background.results()
        progress.advance(len(works))
        works += _run(unreadable, settings, progress)
    else:
        works = list(_run(todo + unreadable, settings, progress))
    for work in works:
        results[work.file] = work
    for path, doc_id, digest in todo + unreadable:
        work = results[path.relative_to(settings.sources_dir).as_posix()]
        if digest:
            cache.put(entry_key(digest, doc_id, work.file), work)
    log.debug("cache: %d hits, %d misses", cache.hits, len(todo) + len(unreadable))
    return [results[file] for file in found.files]


BACKGROUND_MIN_CACHED = 500     # cached results worth overlapping (about 40 ms of loading per 500)


def _worth_a_background_worker(todo: int, cached: int) -> bool:
    return 0 < todo < PARALLEL_THRESHOLD and cached >= BACKGROUND_MIN_CACHED and can_fork()


class _Background:
    """A few sources processed by one forked worker; ``results`` waits for them."""

    def __init__(self, todo: list[tuple[Path, str, str | None]], settings: Settings):
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        self._future = self._pool.submit(_process_batch, [(path, doc_id) for path, doc_id, _ in todo], settings)

    def results(self) -> list[SourceWork]:
        try:
            return self._future.result()
        finally:
            self._pool.shutdown()


@contextmanager
def _collector_paused():
    """No cyclic garbage collection while loading many objects that all stay alive.

    Unpickling thousands of cached results would otherwise trigger full
    collections that scan an ever larger heap (half the loading time at 10,000).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _run(todo, settings: Settings, progress: Progress):
    items = [(path, doc_id) for path, doc_id, _ in todo]
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < PARALLEL_THRESHOLD or workers < 2:
        for path, doc_id in items:
            yield process_source(path, doc_id, settings)
            progress.advance()
        return
    # The first source is processed here so the rules' models and word lists
    # are loaded once; forked workers then share them instead of each loading
    # its own copy.
    first, rest = items[0], items[1:]
    yield process_source(*first, settings)
    progress.advance()
    size = max(8, min(64, len(rest) // (workers * 4) or 1))
    batches = [rest[i:i + size] for i in range(0, len(rest), size)]
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for batch_result in pool.map(_process_batch, batches, [settings] * len(batches)):
            yield from batch_result
            progress.advance(len(batch_result))


def drop_duplicates(works: list[SourceWork]) -> list[SourceWork]:
    """Identical files are published once; later copies are reported."""
    first_by_hash: dict[str, str] = {}
    out = []
    for work in works:
        if work.doc is None:
            out.append(work)
            continue
        original = first_by_hash.setdefault(work.content_hash, work.file)
        if original != work.file:
            work = SourceWork(work.file, work.content_hash, skipped=Skipped(work.file, f"duplicate of {original}"))
        out.append(work)
    return out


def drop_near_duplicates(works: list[SourceWork], sources_dir: Path,
                         with_sidecar: set[str] | None = None) -> list[SourceWork]:
    """Near-identical texts, or pages fetched from the same URL, are published once.

    ``with_sidecar`` (files the scan saw a sidecar for) saves looking for
    sidecars next to every source; None means look.
    """
    items = [near_duplicates.Item(w.file, w.doc.text, _sidecar_url(sources_dir / w.file)
                                  if with_sidecar is None or w.file in with_sidecar else "", w.sketch)
             for w in works if w.doc is not None]
    copies = near_duplicates.find_near_duplicates(items)
    return [SourceWork(w.file, w.content_hash, skipped=Skipped(w.file, f"near-duplicate of {copies[w.file]}"))
            if w.file in copies else w for w in works]


def _sidecar_url(path: Path) -> str:
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    return read_sidecar(sidecar).get("url", "") if sidecar.is_file() else ""


# --- writing ------------------------------------------------------------------

def generated_files(corpus: Corpus, raw_bytes: dict[str, bytes | SourceCopy], site_name: str,
                    page_cache: dict | None = None) -> dict[str, bytes | SourceCopy]:
    files: dict[str, bytes | SourceCopy] = {path: text.encode("utf-8")
                                            for path, text in render_files(corpus, site_name, page_cache).items()}
    for doc_id, data in raw_bytes.items():
        files[raw_path(doc_id)] = data
    for name, data in static_files().items():
        files[name] = data
    return files


def static_files() -> dict[str, bytes]:
    static = Path(__file__).parent / "static"
    return {str(p.relative_to(static).as_posix()): p.read_bytes()
            for p in sorted(static.rglob("*")) if p.is_file()}


# --- the whole build ------------------------------------------------------------

class StageTimer:
    """Wall time per stage, logged at debug level so slow stages are visible."""

    def __init__(self) -> None:
        self.laps: list[tuple[str, float]] = []
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps.append((stage, now - self._last))
        self._last = now

    def log(self) -> None:
        for stage, seconds in self.laps:
            log.debug("time: %s %.2f s", stage, seconds)


def generate(settings: Settings, docs_dir: Path | None = None,
             docs_ready: Callable[[], object] | None = None) -> BuildResult:
    """Everything up to and including writing the docs folder (no MkDocs).

    ``docs_dir`` defaults to settings.docs_dir, written in place; otherwise
    it is a copy of settings.docs_dir that may still be in the making until
    ``docs_ready()`` returns (see output.Staging). When every
    input (source digests, generator, configuration) is what the last build
    into this docs folder saw and its generated files are untouched, the
    folder is already right: the build stops after hashing the sources.
    """
    # Faster-loading copies of installed packages' data (py3langid's model)
    # live in the cache folder, for this build only (see datafiles.py).
    datafiles.use_derived_dir(settings.cache_dir / "derived" if settings.cache_dir else None)
    try:
        return _generate(settings, docs_dir, docs_ready)
    finally:
        datafiles.use_derived_dir(None)
        # Objects frozen during the build may be collected again (serve keeps
        # one process across many builds).
        gc.unfreeze()


def _generate(settings: Settings, docs_dir: Path | None, docs_ready: Callable[[], object] | None) -> BuildResult:
    progress = Progress(enabled=not settings.quiet and sys.stderr.isatty())
    started = time.perf_counter()
    timer = StageTimer()
    target = docs_dir or settings.docs_dir
    state_path = build_state_path(settings.cache_dir, settings.docs_dir)
    state = load_state(state_path)
    found = scan(settings, state.get("sources_seen"), state.get("sources_seen_at", 0))
    inputs = _input_key(found, settings)
    timer.lap("scan")
    # The docs folder itself: ``target`` may be its copy still in the making.
    same = _corpus_if_unchanged(state_path, state, inputs, settings.docs_dir)
    if same is not None:
        timer.lap("unchanged")
        return _unchanged_build(settings, same, len(state.get("stats", {})), timer, started)
    works = process_all(settings, progress, found)
    # Per-source results live until the build ends: moving them out of the
    # collector's generations keeps later collections from rescanning them
    # (a fifth of the link stage's time at 10,000 sources).
    gc.freeze()
    timer.lap("per-source (read, clean, extract)")
    works = drop_near_duplicates(drop_duplicates(works), settings.sources_dir, found.with_sidecar())
    timer.lap("duplicates")
    sources_key = _link_key(found, settings)
    corpora = load_state_corpora(state_path, state) if sources_key and state.get("sources") == sources_key else {}
    # Same sources, registry and generator: linking would give the same corpus.
    with _collector_paused():
        # Linking builds hundreds of thousands of objects that stay alive: the
        # collector's passes over them found nothing and cost a fifth of the stage.
        linked = corpora.get("linked") or link_corpus(works, settings, progress)
        previous = changes.read_previous(settings.docs_dir / "data" / "corpus.json")
        corpus = changes.stabilise_ids(linked, previous)
    gc.freeze()
    timer.lap("link")
    # Raw copies are read only when their target differs (see output.write_files).
    raw_bytes = {w.doc.id: SourceCopy(settings.sources_dir / w.file, w.doc.content_hash) for w in works if w.doc}
    page_cache = load_page_cache(state_path) if state_path is not None else None
    files = generated_files(corpus, raw_bytes, settings.site_name, page_cache)
    change_set = _changes(settings, corpus, works, previous, found.with_sidecar())
    files.update(changes.change_files(change_set, settings.site_name, _site_url(settings)))
    timer.lap("render and export")
    token = new_token()
    # Finished in the background (see save_corpora): the next build waits for them.
    save_corpora(state_path, {"linked": linked, "corpus": corpus}, page_cache, token)
    stats = dict(state.get("stats", {}))
    if docs_ready is not None:
        docs_ready()
    written, unchanged, removed = write_files(target, files, stats)
    timer.lap("write")
    seen, seen_at = file_stats(found)
    save_state(state_path, {"inputs": inputs, "sources": sources_key, "stats": stats,
                            "stamp": stats_stamp(stats), "sources_seen": seen, "sources_seen_at": seen_at},
               token)
    timer.lap("save state")
    progress.done()
    timer.log()
    _log_summary(corpus, written, unchanged, removed, time.perf_counter() - started)
    for line in changes.summary_lines(change_set):
        log.info("what's new: %s", line)
    return BuildResult(corpus, written, unchanged, removed)


def _corpus_if_unchanged(state_path: Path | None, state: dict, inputs: str | None, target: Path) -> Corpus | None:
    """The last build's corpus when inputs are the same and its docs files are untouched."""
    if not inputs or state.get("inputs") != inputs or not state.get("stamp"):
        return None
    if state["stamp"] != docs_stamp(target, state.get("stats", {})):
        return None
    return load_state_corpora(state_path, state).get("corpus")


def _link_key(found: Scan, settings: Settings) -> str | None:
    """What linking depends on: the per-source inputs and the entity registry."""
    sources = found.key()
    if sources is None:
        return None
    registry = _file_hash(settings.registry_file) if settings.registry_file else ""
    return hashlib.sha256(f"{sources}\0{registry}".encode()).hexdigest()


def _input_key(found: Scan, settings: Settings) -> str | None:
    """Everything the docs folder depends on: sources, generator, configuration, environment."""
    sources = _link_key(found, settings)
    if sources is None:
        return None
    digest = hashlib.sha256(sources.encode())
    for part in (settings.site_name, _site_url(settings), os.environ.get("SOURCE_DATE_EPOCH", ""),
                 str(settings.registry_file or "")):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update((_file_hash(settings.config_file) or "unreadable").encode())
    for name, data in static_files().items():
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def _unchanged_build(settings: Settings, corpus: Corpus, count: int, timer: StageTimer,
                     started: float) -> BuildResult:
    """The result of a build whose inputs and docs folder match the last one."""
    timer.log()
    _log_summary(corpus, 0, count, 0, time.perf_counter() - started)
    stored = changes.read_previous(settings.docs_dir / "data" / "changes.json")
    for line in changes.summary_lines(changes.changes_from_record(stored) or changes.Changes()):
        log.info("what's new: %s", line)
    return BuildResult(corpus, 0, count, 0)


def _changes(settings: Settings, corpus: Corpus, works: list[SourceWork], previous: dict | None,
             with_sidecar: set[str] | None = None):
    """This build's change set; an unchanged build keeps the stored one (byte-identical docs).

    ``with_sidecar``: the files the scan saw a sidecar for (None: look for each).
    """
    dates = [d.metadata.published or "" for d in corpus.documents]
    dates += [read_sidecar(settings.sources_dir / (w.file + SIDECAR_SUFFIX)).get("fetched", "")
              for w in works if w.doc is not None and (with_sidecar is None or w.file in with_sidecar)]
    date = changes.build_date(os.environ.get("SOURCE_DATE_EPOCH"), dates)
    stored = changes.read_previous(settings.docs_dir / "data" / "changes.json")
    return changes.carry_over(changes.compare(previous, corpus, date), stored, corpus)


def _site_url(settings: Settings) -> str:
    try:
        return changes.site_url_from_config(read_mkdocs_config(settings.config_file))
    except SettingsError:
        return ""


def _log_summary(corpus: Corpus, written: int, unchanged: int, removed: int, seconds: float) -> None:
    log.info("sources: %d published, %d not published", len(corpus.documents), len(corpus.skipped))
    for item in corpus.skipped:
        log.warning("not published: %s: %s", item.file, item.reason)
    for doc in corpus.documents:
        for repair in doc.repairs:
            log.info("repaired %s: %s: %s", doc.file, repair.rule, repair.detail)
    for note in corpus.notes:
        log.warning("%s", note)
    statuses = {}
    for claim in corpus.claims:
        statuses[claim.status] = statuses.get(claim.status, 0) + 1
    log.info("entities: %d; claims: %d (%s)", len(corpus.entities), len(corpus.claims),
             ", ".join(f"{k} {v}" for k, v in sorted(statuses.items())) or "none")
    log.info("docs: %d files written, %d unchanged, %d removed (%.2f s)", written, unchanged, removed, seconds)


def _quiet_jieba() -> None:
    """The search plugin segments Chinese with jieba, which sets its own logger
    to DEBUG when first imported and then announces its dictionary loading."""
    import jieba
    jieba.setLogLevel(logging.WARNING)


def run_mkdocs(settings: Settings, docs_dir: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    # The theme prints a banner about its successor on every build; our build
    # log says what the build did, nothing else.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _quiet_jieba()
    started = time.perf_counter()
    try:
        config = load_config(config_file=str(settings.config_file), docs_dir=str(docs_dir),
                             site_dir=str(site_dir), strict=True)
        mkdocs_build(config)
    except MkDocsException as exc:
        raise BuildError(f"mkdocs build failed: {exc}") from exc
    log.info("mkdocs: built in %.1f s", time.perf_counter() - started)


def build(settings: Settings) -> BuildResult:
    """Generate and build in staging folders; swap them in only on success."""
    docs_staging = Staging(settings.docs_dir)
    site_staging = staging_path(settings.site_dir) if settings.run_mkdocs else None
    try:
        result = generate(settings, docs_staging.path, docs_staging.ready)
        if result.pages_written or result.pages_removed or not settings.docs_dir.is_dir():
            docs = docs_staging.ready()
        else:
            # Nothing to swap in: the docs folder already is what this build wrote.
            docs_staging.discard()
            docs = settings.docs_dir
        if site_staging is not None:
            clear_leftovers(settings.site_dir)
            run_mkdocs(settings, docs, site_staging)
    except BaseException:
        docs_staging.discard()
        clear_leftovers(settings.docs_dir)
        clear_leftovers(settings.site_dir)
        raise
    if docs != settings.docs_dir:
        swap_in(docs, settings.docs_dir)
    if site_staging is not None:
        swap_in(site_staging, settings.site_dir)
        log.info("site: %s", settings.site_dir)
    return result
