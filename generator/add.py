"""``sourcebook add``: put files or fetched web pages into the sources folder.

Local files are copied under their own name; a different file already using
that name makes the copy take a numbered suffix, and a file whose bytes are
already present is reported instead of copied. http(s) URLs are fetched with
a timeout and a size limit and saved by content type, next to a sidecar
``<name>.source.json`` recording the URL, the fetch time (UTC) and the
content type, which the build reads as hints (where and when it was captured).
Every failure is one line naming the argument; nothing is half-written.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

SIDECAR_SUFFIX = ".source.json"
FETCH_TIMEOUT = 20.0
USER_AGENT = "sourcebook-add/1 (+https://github.com/)"
# Content types we can publish, and the extension the saved file gets.
EXTENSIONS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
}
_UNSAFE_NAME = re.compile(r"[^\w.-]+", re.UNICODE)


class AddError(Exception):
    """One argument that could not be added, as a one-line message."""


@dataclass(frozen=True)
class Added:
    """What happened to one argument: the file written, or the copy already present."""

    argument: str
    path: Path | None = None
    already: Path | None = None

    def message(self, sources_dir: Path) -> str:
        if self.already is not None:
            return f"{self.argument}: already present as {_rel(self.already, sources_dir)}"
        return f"{self.argument}: added as {_rel(self.path, sources_dir)}"


def _rel(path: Path | None, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return str(path)


def is_url(argument: str) -> bool:
    return "://" in argument


# --- placing bytes in the folder ------------------------------------------------

def existing_copy(data: bytes, sources_dir: Path) -> Path | None:
    """A file in the sources folder with exactly these bytes (sidecars excluded)."""
    digest = hashlib.sha256(data).hexdigest()
    for path in sorted(sources_dir.rglob("*")):
        if (path.is_file() and not path.name.endswith(SIDECAR_SUFFIX)
                and path.stat().st_size == len(data)
                and hashlib.sha256(path.read_bytes()).hexdigest() == digest):
            return path
    return None


def free_name(sources_dir: Path, name: str) -> Path:
    """``name`` in the folder, or ``stem-2.ext``, ``stem-3.ext``... if taken."""
    candidate = sources_dir / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 2
    while candidate.exists() or (candidate.parent / (candidate.name + SIDECAR_SUFFIX)).exists():
        candidate = sources_dir / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def _write_new(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def add_file(path: Path, sources_dir: Path, max_bytes: int) -> Added:
    argument = str(path)
    if not path.is_file():
        raise AddError(f"{argument}: no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise AddError(f"{argument}: too large ({size} bytes, limit {max_bytes})")
    data = path.read_bytes()
    already = existing_copy(data, sources_dir)
    if already is not None:
        return Added(argument, already=already)
    target = free_name(sources_dir, path.name)
    _write_new(target, data)
    return Added(argument, path=target)


# --- fetching -------------------------------------------------------------------

@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    content_type: str
    charset: str = ""           # the Content-Type's charset, if the server named one


def fetch(url: str, max_bytes: int, timeout: float = FETCH_TIMEOUT) -> Fetched:
    """GET an http(s) URL; AddError with one line for every way it can fail."""
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise AddError(f"{url}: unsupported scheme {scheme!r} (only http and https)")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            charset = _charset(response.headers.get_content_charset() or "")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise AddError(f"{url}: too large ({declared} bytes, limit {max_bytes})")
            if content_type not in EXTENSIONS:
                raise AddError(f"{url}: unsupported content type {content_type}")
            # Read one byte past the limit to know the body is too large
            # without trusting Content-Length.
            data = response.read(max_bytes + 1)
            final_url = response.geturl()
    except AddError:
        raise
    except urllib.error.HTTPError as exc:
        raise AddError(f"{url}: HTTP error {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise AddError(f"{url}: {_reason(exc.reason)}") from None
    except (socket.timeout, TimeoutError):
        raise AddError(f"{url}: timed out after {timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise AddError(f"{url}: {exc}") from None
    if len(data) > max_bytes:
        raise AddError(f"{url}: too large (more than {max_bytes} bytes)")
    return Fetched(final_url or url, data, content_type, charset)


def _charset(name: str) -> str:
    """A charset name as a server sent it, if it is one (it reaches the sidecar)."""
    name = name.strip()
    return name if re.fullmatch(r"[A-Za-z0-9._:-]{1,40}", name) else ""


def _reason(reason: object) -> str:
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return "timed out"
    if isinstance(reason, socket.gaierror):
        return f"host not found ({reason.strerror or reason})"
    return f"could not connect ({getattr(reason, 'strerror', None) or reason})"


def name_for_url(url: str, content_type: str) -> str:
    """A file name from the URL's host and last path segment, with the type's extension."""
    parts = urllib.parse.urlsplit(url)
    segment = parts.path.rstrip("/").rsplit("/", 1)[-1] or "index"
    stem = Path(segment).stem if Path(segment).suffix.lower() in (".html", ".htm", ".txt", ".md", ".php", ".aspx") else segment
    stem = _UNSAFE_NAME.sub("-", f"{parts.hostname or 'page'}-{stem}").strip("-.")[:100] or "page"
    return stem + EXTENSIONS[content_type]


def sidecar_record(url: str, fetched: datetime, content_type: str, charset: str = "") -> dict:
    """What the sidecar of a fetched page records; the reader decodes the page
    with ``charset`` when its bytes do not say otherwise (a byte-order mark, UTF-8)."""
    record = {"url": url, "fetched": fetched.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
              "content_type": content_type}
    if charset:
        record["charset"] = charset
    return record


def add_url(url: str, sources_dir: Path, max_bytes: int, timeout: float = FETCH_TIMEOUT,
            now: datetime | None = None) -> Added:
    page = fetch(url, max_bytes, timeout)
    already = existing_copy(page.data, sources_dir) or _same_url(url, sources_dir)
    if already is not None:
        return Added(url, already=already)
    target = free_name(sources_dir, name_for_url(url, page.content_type))
    record = sidecar_record(url, now or datetime.now(timezone.utc), page.content_type, page.charset)
    _write_new(target.with_name(target.name + SIDECAR_SUFFIX),
               (json.dumps(record, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    _write_new(target, page.data)
    return Added(url, path=target)


def _same_url(url: str, sources_dir: Path) -> Path | None:
    for sidecar in sorted(sources_dir.rglob("*" + SIDECAR_SUFFIX)):
        record = read_sidecar(sidecar)
        source = sidecar.with_name(sidecar.name[: -len(SIDECAR_SUFFIX)])
        if record.get("url") == url and source.is_file():
            return source
    return None


def read_sidecar(path: Path) -> dict:
    """A sidecar's fields as strings; an unreadable sidecar counts as empty."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def add(arguments: list[str], sources_dir: Path, max_bytes: int,
        timeout: float = FETCH_TIMEOUT) -> tuple[list[Added], list[str]]:
    """Add every argument; returns what was added and one error line per failure."""
    sources_dir.mkdir(parents=True, exist_ok=True)
    done, errors = [], []
    for argument in arguments:
        try:
            if is_url(argument):
                done.append(add_url(argument, sources_dir, max_bytes, timeout))
            else:
                done.append(add_file(Path(argument), sources_dir, max_bytes))
        except AddError as exc:
            errors.append(str(exc))
    return done, errors


def run_add(args, settings) -> int:
    """The ``add`` subcommand: one line per argument; exit 1 if any failed."""
    done, errors = add(list(args.items), settings.sources_dir, settings.max_file_bytes, args.timeout)
    for item in done:
        if not args.quiet:
            print(item.message(settings.sources_dir))
    for line in errors:
        print(f"sourcebook: error: {line}", file=sys.stderr)
    return 1 if errors else 0
