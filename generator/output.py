"""Writing docs_dir and site_dir so that a failed build changes neither.

A build prepares its files in staging folders next to the real ones (the
staging docs folder starts as hard links of the current one, so unchanged
files cost nothing), runs MkDocs on the staging docs, and only then swaps
both folders in. A crash or Ctrl-C before the swap leaves the previous docs
and site untouched; leftovers are removed by the next build.

``sourcebook serve`` writes in place instead (MkDocs' watcher follows the
folder it was started on), still rewriting only files whose bytes changed.
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from stat import S_ISREG

from .cache import can_fork

MANIFEST = ".sourcebook-manifest.json"
COARSE_CLOCK_TICK = 0.03        # seconds; kernels stamp files with a clock of 4-10 ms ticks


def staging_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.staging")


def _old_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def clear_leftovers(target: Path) -> None:
    """Remove what an interrupted build left: its staging folder and replaced folders."""
    old = _old_path(target)
    for leftover in (staging_path(target), old, *sorted(target.parent.glob(glob.escape(old.name) + "-*"))):
        if leftover.exists():
            shutil.rmtree(leftover, ignore_errors=True)


class Staging:
    """The staging copy of ``target``, made of hard links (plain copies if links fail).

    With a second core, a forked child makes it while the build reads and
    links its sources (a third of a second for 25,000 files); ``ready``
    waits for it. The build starts small, so the fork costs little.
    """

    def __init__(self, target: Path) -> None:
        clear_leftovers(target)
        self.target, self.path = target, staging_path(target)
        self._pid: int | None = None
        if not target.is_dir():
            self.path.mkdir(parents=True)
        elif can_fork():
            self._pid = os.fork()
            if self._pid == 0:
                status = 1
                try:
                    _copy_tree(target, self.path)
                    status = 0
                finally:
                    os._exit(status)
        else:
            _copy_tree(target, self.path)

    def ready(self) -> Path:
        """The staging folder, once complete (copied here if the child failed)."""
        if self._pid is not None:
            _, status = os.waitpid(self._pid, 0)
            self._pid = None
            if status != 0:
                shutil.rmtree(self.path, ignore_errors=True)
                _copy_tree(self.target, self.path)
        return self.path

    def discard(self) -> None:
        """Stop the copy, if still running, and remove the staging folder."""
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self._pid = None
        shutil.rmtree(self.path, ignore_errors=True)


def _copy_tree(source: Path, copy: Path) -> None:
    shutil.copytree(source, copy, symlinks=True, copy_function=_link_or_copy)


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames; the replaced folder is
    removed in the background (see ``_remove_soon``)."""
    old = _old_path(target)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    if old.exists():
        _remove_soon(old)


_REMOVE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


def _remove_soon(folder: Path) -> None:
    """Remove ``folder`` from a separate process, so the build need not wait.

    It is first renamed to a name no later build uses (a build starting
    before it is gone removes it as a leftover). Without a process to
    spare, it is removed here.
    """
    doomed = folder.with_name(f"{folder.name}-{os.getpid()}-{time.time_ns()}")
    try:
        os.replace(folder, doomed)
        subprocess.Popen([sys.executable, "-c", _REMOVE, str(doomed)], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except (OSError, ValueError):
        shutil.rmtree(doomed if doomed.exists() else folder, ignore_errors=True)


class SourceCopy:
    """A file copied verbatim from ``path`` whose SHA-256 is already known.

    ``write_files`` reads it only when the target is missing or differs, so an
    unchanged rebuild never re-reads thousands of raw sources.
    """

    __slots__ = ("path", "sha256")

    def __init__(self, path: Path, sha256: str):
        self.path, self.sha256 = path, sha256

    def read(self) -> bytes:
        return self.path.read_bytes()


def _digest(content: bytes | SourceCopy) -> str:
    return content.sha256 if isinstance(content, SourceCopy) else hashlib.sha256(content).hexdigest()


def _unchanged_stat(target: str, content: bytes | SourceCopy, known: list | None, digest: str):
    """The stat of ``target`` when it already holds ``content`` (whose sha256 is ``digest``), else None.

    ``known`` is [size, mtime_ns, sha256] of what the previous build wrote;
    a target whose size and mtime still match needs no read, only a hash
    comparison. Anything else (no record, touched file) is compared byte for byte.
    """
    try:
        stat = os.lstat(target)
    except OSError:
        return None
    if not S_ISREG(stat.st_mode):          # a symlink or folder put in its place is replaced
        return None
    if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
        return stat if known[2] == digest else None
    data = content.read() if isinstance(content, SourceCopy) else content
    if stat.st_size != len(data):
        return None
    with open(target, "rb") as handle:
        return stat if handle.read() == data else None


def write_files(folder: Path, files: dict[str, bytes | SourceCopy],
                stats: dict[str, list] | None = None) -> tuple[int, int, int]:
    """Write files whose bytes changed and remove ones a previous build made.

    Files not listed in the previous manifest (a user's own pages) are never
    touched. Each file is replaced through a temporary name, never edited in
    place, so hard-linked twins in another folder keep their old content.
    ``stats`` ({file: [size, mtime_ns, sha256]}, kept by the caller outside
    the folder so the folder's bytes never depend on the clock) says what the
    previous build wrote; it is replaced by what this build leaves behind.
    """
    folder.mkdir(parents=True, exist_ok=True)
    manifest_path = folder / MANIFEST
    previous = set(read_manifest(manifest_path))
    previous_stats = dict(stats or {})
    new_stats: dict[str, list] = {}
    made_dirs: set[str] = set()
    written_files: list[tuple[str, str]] = []
    root = str(folder)
    # Paths are joined as strings: pathlib costs more than the system calls here.
    for rel, content in sorted(files.items()):
        target = os.path.join(root, rel)
        digest = _digest(content)
        stat = _unchanged_stat(target, content, previous_stats.get(rel), digest)
        if stat is not None:
            new_stats[rel] = [stat.st_size, stat.st_mtime_ns, digest]
            continue
        parent = os.path.dirname(target)
        if parent not in made_dirs:
            os.makedirs(parent, exist_ok=True)
            made_dirs.add(parent)
        data = content.read() if isinstance(content, SourceCopy) else content
        tmp = target + ".tmp"
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
        written_files.append((rel, digest))
    if written_files:
        # File times come from a coarse clock: wait out its tick so a later
        # edit can never share the mtime recorded for what was written here.
        time.sleep(COARSE_CLOCK_TICK)
    for rel, digest in written_files:
        stat = os.stat(os.path.join(root, rel))
        new_stats[rel] = [stat.st_size, stat.st_mtime_ns, digest]
    stale = sorted(previous - set(files))
    for rel in stale:
        (folder / rel).unlink(missing_ok=True)
    _remove_empty_dirs(folder, stale)
    manifest = json.dumps({"files": sorted(files)}, indent=1) + "\n"
    tmp = manifest_path.with_name(MANIFEST + ".tmp")
    tmp.write_text(manifest, encoding="utf-8")
    os.replace(tmp, manifest_path)
    if stats is not None:
        stats.clear()
        stats.update((rel, new_stats[rel]) for rel in sorted(new_stats))
    return len(written_files), len(files) - len(written_files), len(stale)


def _remove_empty_dirs(folder: Path, removed: list[str]) -> None:
    for parent in sorted({(folder / rel).parent for rel in removed}, key=lambda p: -len(p.parts)):
        try:
            if parent != folder and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
        except OSError:
            continue


def read_manifest(path: Path) -> list[str]:
    try:
        files = json.loads(path.read_text(encoding="utf-8")).get("files", [])
    except (OSError, ValueError, AttributeError):
        return []
    if not isinstance(files, list):
        return []
    # Never let a tampered manifest delete files outside the folder.
    return [f for f in files if isinstance(f, str) and _inside(f)]


def _inside(relative: str) -> bool:
    """A relative path that stays inside its folder (no "..", not absolute; either separator)."""
    parts = relative.replace("\\", "/").split("/")
    return bool(relative) and ".." not in parts and not relative.startswith(("/", "\\")) \
        and not os.path.isabs(relative) and ":" not in parts[0]


def docs_stamp(folder: Path, stats: dict[str, list]) -> str:
    """A digest of the generated files as they are now, or "" if any was touched.

    ``stats`` is what ``write_files`` recorded. Equal stamps mean no generated
    file changed since (the staging copy is made of hard links, which share
    mtimes), so a build with the same inputs may leave the folder as it is.
    """
    files = read_manifest(folder / MANIFEST)
    if not files or set(files) != set(stats):
        return ""
    root = str(folder)
    for rel in files:
        try:
            stat = os.lstat(os.path.join(root, rel))
        except OSError:
            return ""
        if stats[rel][:2] != [stat.st_size, stat.st_mtime_ns]:
            return ""
    return stats_stamp(stats)


def stats_stamp(stats: dict[str, list]) -> str:
    """The stamp of a folder whose files are as ``write_files`` just recorded them in ``stats``
    (what ``docs_stamp`` gives then, without a second stat of every file)."""
    digest = hashlib.sha256()
    for rel in sorted(stats):
        size, mtime, sha = stats[rel]
        digest.update(f"{rel}\0{size}\0{mtime}\0{sha}\n".encode("utf-8"))
    return digest.hexdigest() if stats else ""
