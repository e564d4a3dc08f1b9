"""The build: sources folder -> docs pages and data -> MkDocs site.

``build(settings, log)`` runs the stages in order (read, clean, extract,
link, render, write, mkdocs) and returns a ``BuildResult``. Files that cannot
be published are collected as ``Skipped`` with a reason, never dropped
silently. Generated files are listed in a manifest inside docs_dir so a
rebuild removes pages of deleted sources without touching a user's own pages.
"""
from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from . import __version__
from .clean import clean
from .export import claims_csv, corpus_json
from .link.pipeline import link_corpus
from .model import Corpus, Document, RawText, Skipped
from .progress import Progress
from . import changes, near_duplicates
from .add import SIDECAR_SUFFIX, read_sidecar
from .cache import Cache, entry_key
from .extract import claims as extract_claims
from .extract import entities as extract_entities
from .read import read_source
from .read_html import extract_html
from .render import raw_path, render_pages
from .output import clear_leftovers, prepare_staging, staging_path, swap_in, write_files
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
    if not sources_dir.is_dir():
        raise BuildError(f"{sources_dir}: sources folder not found")
    found = []
    for folder, dirs, files in os.walk(sources_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in (".git", ".hg", ".svn", "__pycache__"))
        # A fetched page's sidecar (see add.py) describes a source; it is not one.
        found += [Path(folder) / name for name in files if not name.endswith(SIDECAR_SUFFIX)]
    return sorted(found, key=lambda p: p.relative_to(sources_dir).as_posix())


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
    result = read_source(path, settings.sources_dir, settings.max_file_bytes)
    if isinstance(result, RawText) and result.format == "html":
        extracted = extract_html(result.text)
        if not extracted.text.strip():
            return Skipped(result.file, "no readable text in the HTML page")
        hints = tuple(sorted(set(result.hints) | set(extracted.hints)))
        result = replace(result, text=extracted.text, hints=hints)
    return _with_sidecar(path, result)


def _with_sidecar(path: Path, result: RawText | Skipped) -> RawText | Skipped:
    """Add a fetched page's sidecar (URL, capture time) to its hints; the sidecar wins."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if isinstance(result, Skipped) or not sidecar.is_file():
        return result
    record = read_sidecar(sidecar)
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
        if path.is_symlink() or path.stat().st_size > MAX_HASHED_BYTES:
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


def process_all(settings: Settings, progress: Progress) -> list[SourceWork]:
    """Per-source work for every file, from the cache where possible, on all cores."""
    paths = discover(settings.sources_dir)
    files = [p.relative_to(settings.sources_dir).as_posix() for p in paths]
    ids = source_ids(files)
    cache = Cache(settings.cache_dir)
    results: dict[str, SourceWork] = {}
    todo: list[tuple[Path, str, str | None]] = []
    progress.start("checking cache", len(paths))
    for path, file in zip(paths, files):
        digest = _file_hash(path)
        hit = cache.get(entry_key(digest, ids[file], file)) if digest else None
        if hit is not None:
            results[file] = hit
        else:
            todo.append((path, ids[file], digest))
        progress.advance()
    progress.start("reading and cleaning", len(todo))
    for work in _run(todo, settings, progress):
        results[work.file] = work
    for path, doc_id, digest in todo:
        work = results[path.relative_to(settings.sources_dir).as_posix()]
        if digest:
            cache.put(entry_key(digest, doc_id, work.file), work)
    log.debug("cache: %d hits, %d misses", cache.hits, len(todo))
    return [results[file] for file in files]


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


def drop_near_duplicates(works: list[SourceWork], sources_dir: Path) -> list[SourceWork]:
    """Near-identical texts, or pages fetched from the same URL, are published once."""
    items = [near_duplicates.Item(w.file, w.doc.text, _sidecar_url(sources_dir / w.file), w.sketch)
             for w in works if w.doc is not None]
    copies = near_duplicates.find_near_duplicates(items)
    return [SourceWork(w.file, w.content_hash, skipped=Skipped(w.file, f"near-duplicate of {copies[w.file]}"))
            if w.file in copies else w for w in works]


def _sidecar_url(path: Path) -> str:
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    return read_sidecar(sidecar).get("url", "") if sidecar.is_file() else ""


# --- writing ------------------------------------------------------------------

def generated_files(corpus: Corpus, raw_bytes: dict[str, bytes], site_name: str) -> dict[str, bytes]:
    files = {path: text.encode("utf-8") for path, text in render_pages(corpus, site_name).items()}
    files["data/corpus.json"] = corpus_json(corpus).encode("utf-8")
    files["data/claims.csv"] = claims_csv(corpus).encode("utf-8")
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


def generate(settings: Settings, docs_dir: Path | None = None) -> BuildResult:
    """Everything up to and including writing the docs folder (no MkDocs).

    ``docs_dir`` defaults to settings.docs_dir, written in place.
    """
    progress = Progress(enabled=not settings.quiet and sys.stderr.isatty())
    started = time.perf_counter()
    timer = StageTimer()
    works = process_all(settings, progress)
    timer.lap("per-source (read, clean, extract)")
    works = drop_near_duplicates(drop_duplicates(works), settings.sources_dir)
    timer.lap("duplicates")
    previous = changes.read_previous(settings.docs_dir / "data" / "corpus.json")
    corpus = changes.stabilise_ids(link_corpus(works, settings, progress), previous)
    timer.lap("link")
    raw_bytes = {w.doc.id: (settings.sources_dir / w.file).read_bytes() for w in works if w.doc}
    files = generated_files(corpus, raw_bytes, settings.site_name)
    change_set = _changes(settings, corpus, works, previous)
    files.update(changes.change_files(change_set, settings.site_name, _site_url(settings)))
    timer.lap("render and export")
    written, unchanged, removed = write_files(docs_dir or settings.docs_dir, files)
    timer.lap("write")
    progress.done()
    timer.log()
    _log_summary(corpus, written, unchanged, removed, time.perf_counter() - started)
    for line in changes.summary_lines(change_set):
        log.info("what's new: %s", line)
    return BuildResult(corpus, written, unchanged, removed)


def _changes(settings: Settings, corpus: Corpus, works: list[SourceWork], previous: dict | None):
    """This build's change set; an unchanged build keeps the stored one (byte-identical docs)."""
    dates = [d.metadata.published or "" for d in corpus.documents]
    dates += [read_sidecar(settings.sources_dir / (w.file + SIDECAR_SUFFIX)).get("fetched", "")
              for w in works if w.doc is not None]
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


def run_mkdocs(settings: Settings, docs_dir: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    # The theme prints a banner about its successor on every build; our build
    # log says what the build did, nothing else.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
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
    docs_staging = prepare_staging(settings.docs_dir)
    site_staging = staging_path(settings.site_dir) if settings.run_mkdocs else None
    try:
        result = generate(settings, docs_staging)
        if site_staging is not None:
            clear_leftovers(settings.site_dir)
            run_mkdocs(settings, docs_staging, site_staging)
    except BaseException:
        clear_leftovers(settings.docs_dir)
        clear_leftovers(settings.site_dir)
        raise
    swap_in(docs_staging, settings.docs_dir)
    if site_staging is not None:
        swap_in(site_staging, settings.site_dir)
        log.info("site: %s", settings.site_dir)
    return result
