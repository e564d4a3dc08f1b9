"""Helpers for browser tests: serve a built site on loopback, drive Debian's Chromium.

Chromium is never downloaded: the tests use /usr/bin/chromium (installed by
.ci/run with apt-get). On CI a missing browser fails the tests; elsewhere it
skips them.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


def require_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _missing("the playwright package is not installed")
    if not Path(CHROMIUM).exists():
        _missing("Debian's chromium is not installed")


def _missing(why: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run on CI: {why}")
    pytest.skip(why)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: the site under ``prefix``, its 404.html for anything missing."""

    prefix = "/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "outside-the-prefix" / "missing")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve_folder(folder: Path, prefix: str = "/"):
    """Serve ``folder`` on loopback at ``prefix`` (e.g. "/repo/", as a GitHub Pages project site)."""
    handler = functools.partial(type("Handler", (_SiteHandler,), {"prefix": prefix}), directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


class PageWatch:
    """Console errors, dialogs, and requests to hosts other than the local one."""

    def __init__(self, page, base: str):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)
        page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:", "about:"))
                else self.foreign.append(r.url))

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()


AXE_DIR = Path(__file__).resolve().parents[1] / "test-artifacts" / "axe"


def axe_script() -> str:
    """axe-core's browser script, installed from the npm registry on first use."""
    script = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists() and shutil.which("npm"):
        import subprocess
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(AXE_DIR), "--no-audit", "--no-fund",
                        "--silent", "axe-core@4"], check=False, timeout=300)
    if not script.exists():
        _missing("axe-core could not be installed from the npm registry")
    return script.read_text(encoding="utf-8")
