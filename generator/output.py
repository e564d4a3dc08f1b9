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

import json
import os
import shutil
from pathlib import Path

MANIFEST = ".sourcebook-manifest.json"


def staging_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.staging")


def _old_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def clear_leftovers(target: Path) -> None:
    for leftover in (staging_path(target), _old_path(target)):
        if leftover.exists():
            shutil.rmtree(leftover, ignore_errors=True)


def prepare_staging(target: Path) -> Path:
    """A staging copy of ``target`` made of hard links (plain copies if links fail)."""
    clear_leftovers(target)
    staging = staging_path(target)
    if target.is_dir():
        shutil.copytree(target, staging, symlinks=True, copy_function=_link_or_copy)
    else:
        staging.mkdir(parents=True)
    return staging


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames."""
    old = _old_path(target)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def write_files(folder: Path, files: dict[str, bytes]) -> tuple[int, int, int]:
    """Write files whose bytes changed and remove ones a previous build made.

    Files not listed in the previous manifest (a user's own pages) are never
    touched. Each file is replaced through a temporary name, never edited in
    place, so hard-linked twins in another folder keep their old content.
    """
    folder.mkdir(parents=True, exist_ok=True)
    manifest_path = folder / MANIFEST
    previous = set(read_manifest(manifest_path))
    written = unchanged = 0
    for rel, content in sorted(files.items()):
        target = folder / rel
        if target.is_file() and not target.is_symlink() and target.read_bytes() == content:
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(content)
        os.replace(tmp, target)
        written += 1
    stale = sorted(previous - set(files))
    for rel in stale:
        (folder / rel).unlink(missing_ok=True)
    _remove_empty_dirs(folder, stale)
    manifest = json.dumps({"files": sorted(files)}, indent=1) + "\n"
    tmp = manifest_path.with_name(MANIFEST + ".tmp")
    tmp.write_text(manifest, encoding="utf-8")
    os.replace(tmp, manifest_path)
    return written, unchanged, len(stale)


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
    # Never let a tampered manifest delete files outside the folder.
    return [f for f in files if isinstance(f, str) and ".." not in Path(f).parts and not Path(f).is_absolute()]
