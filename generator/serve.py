"""``sourcebook serve``: build, serve with live reload, regenerate on source changes.

MkDocs' own server watches docs_dir and reloads the browser; a background
thread polls the sources folder and regenerates docs_dir when a file is
added, changed or removed. Regeneration only rewrites files whose bytes
changed, so MkDocs rebuilds only when something really changed.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import replace
from pathlib import Path

from .build import generate
from .settings import Settings

log = logging.getLogger("sourcebook")
POLL_SECONDS = 1.0


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    state = {}
    for path in sorted(folder.rglob("*")):
        try:
            if path.is_file():
                stat = path.stat()
                state[path.as_posix()] = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            continue
    return state


def watch_sources(settings: Settings, stop: threading.Event) -> None:
    last = snapshot(settings.sources_dir)
    while not stop.wait(POLL_SECONDS):
        current = snapshot(settings.sources_dir)
        if current != last:
            last = current
            log.info("sources changed: regenerating pages")
            try:
                generate(settings)
            except Exception as exc:  # noqa: BLE001 - keep serving the last good site
                log.error("regeneration failed: %s", exc)


def serve(settings: Settings, dev_addr: str) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    settings = replace(settings, quiet=True)
    generate(settings)
    stop = threading.Event()
    watcher = threading.Thread(target=watch_sources, args=(settings, stop), daemon=True)
    watcher.start()
    try:
        mkdocs_serve(config_file=str(settings.config_file), livereload=True, dev_addr=dev_addr,
                     docs_dir=str(settings.docs_dir))
    finally:
        stop.set()
