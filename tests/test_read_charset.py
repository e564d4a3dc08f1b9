"""Charsets named outside the bytes (a server's Content-Type) and inside them (<meta charset>)."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from generator.add import add_url
from generator.build import read_one
from generator.read import decode_bytes
from generator.settings import Settings

# Short Cyrillic text in KOI8-R: byte statistics alone read it as Shift-JIS.
RUSSIAN = "Съешь же ещё этих мягких французских булок."
PAGE = ("<html><head><title>Новости</title></head><body><article><h1>Новости</h1>"
        f"<p>{RUSSIAN}</p></article></body></html>")


def test_declared_charset_decodes_what_detection_gets_wrong():
    data = RUSSIAN.encode("koi8-r")
    assert decode_bytes(data)[0] != RUSSIAN          # the case the declaration is for
    assert decode_bytes(data, "KOI8-R")[:2] == (RUSSIAN, "koi8-r")


def test_bytes_that_say_otherwise_win_over_the_declaration():
    assert decode_bytes("Café".encode("utf-8"), "iso-8859-1")[:2] == ("Café", "utf-8")
    assert decode_bytes(b"\xef\xbb\xbfCaf\xc3\xa9", "koi8-r")[0] == "Café"


@pytest.mark.parametrize("name", ["base64", "zlib", "rot13", "hex", "unicode_escape", "idna", "utf-7",
                                  "no-such-charset", ""])
def test_charsets_that_are_no_charset_are_ignored(name):
    # Undecodable as UTF-8, so every declaration is looked at; none may raise or interpret the text.
    data = f'<html><meta charset="{name}"><p>caf\xe9 \\u0041</p></html>'.encode("latin-1", "replace")
    for text, _, _ in (decode_bytes(data), decode_bytes(data, name)):
        assert "café \\u0041" in text


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        body = PAGE.encode("koi8-r")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=KOI8-R")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetched_page_is_read_with_the_servers_charset(server, tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    added = add_url(server + "/news.html", sources, 100_000)
    sidecar = json.loads(added.path.with_name(added.path.name + ".source.json").read_text(encoding="utf-8"))
    assert sidecar["charset"].lower() == "koi8-r"
    settings = Settings(config_file=tmp_path / "mkdocs.yml", sources_dir=sources, docs_dir=tmp_path / "docs",
                        site_dir=tmp_path / "site")
    raw = read_one(added.path, settings)
    assert raw.encoding == "koi8-r" and RUSSIAN in raw.text
