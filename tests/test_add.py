"""`sourcebook add`: copying files and fetching pages from a loopback HTTP server."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from generator.add import AddError, add, add_file, add_url, fetch, name_for_url
from generator.build import discover, read_one
from generator.cli import main
from generator.settings import Settings
from tests.conftest import ROOT

ARTICLE = b"<html><head><title>A loopback story</title></head><body><article><h1>A loopback story</h1>" \
          + b"<p>The council approved a new bridge over the river on Monday after a long debate.</p>" * 5 \
          + b"</article></body></html>"
PAGES = {
    "/news/story.html": (200, "text/html; charset=utf-8", ARTICLE),
    "/notes": (200, "text/plain", b"Plain notes about the bridge vote.\n"),
    "/big": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>"),
    "/image.png": (200, "image/png", b"\x89PNG\r\n"),
    "/slow": (200, "text/plain", b"late"),
    "/dated.txt": (200, "text/plain", b"Local news \xc2\xb7 3 days ago\n\nThe bridge vote\n\n"
                   b"The council approved a new bridge over the river after a long debate that lasted weeks.\n"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        try:
            self._reply()
        except (BrokenPipeError, ConnectionResetError):
            pass   # the client gave up (the timeout test)

    def _reply(self):
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        status, ctype, body = PAGES[self.path]
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if self.path != "/big":      # the too-large page hides its length
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_is_saved_with_sidecar(server, tmp_path):
    added = add_url(server + "/news/story.html", tmp_path, 100_000)
    assert added.path == tmp_path / "127.0.0.1-story.html"
    assert added.path.read_bytes() == ARTICLE
    record = json.loads((tmp_path / "127.0.0.1-story.html.source.json").read_text())
    assert record["url"] == server + "/news/story.html"
    assert record["content_type"] == "text/html"
    assert record["fetched"].endswith("Z") and record["fetched"][:2] == "20"


def test_plain_text_gets_txt(server, tmp_path):
    assert add_url(server + "/notes", tmp_path, 100_000).path.suffix == ".txt"


def test_sidecar_becomes_hints_and_is_not_a_source(server, tmp_path):
    add_url(server + "/news/story.html", tmp_path, 100_000)
    assert [p.name for p in discover(tmp_path)] == ["127.0.0.1-story.html"]
    settings = Settings(config_file=ROOT / "mkdocs.yml", sources_dir=tmp_path, docs_dir=tmp_path / "d",
                        site_dir=tmp_path / "s")
    hints = dict(read_one(tmp_path / "127.0.0.1-story.html", settings).hints)
    assert hints["url"] == server + "/news/story.html"
    assert hints["captured"].endswith("Z")


@pytest.mark.parametrize("path, message", [
    ("/missing", "HTTP error 404"),
    ("/big", "too large"),
    ("/image.png", "unsupported content type image/png"),
])
def test_fetch_errors_are_one_line(server, tmp_path, path, message):
    with pytest.raises(AddError) as info:
        fetch(server + path, 1000)
    assert message in str(info.value) and "\n" not in str(info.value)
    assert not any(tmp_path.iterdir())


def test_timeout(server):
    with pytest.raises(AddError, match="timed out"):
        fetch(server + "/slow", 1000, timeout=0.3)


def test_refuses_other_schemes():
    with pytest.raises(AddError, match="unsupported scheme"):
        fetch("file:///etc/passwd", 1000)


def test_unknown_host():
    with pytest.raises(AddError, match="host not found|could not connect"):
        fetch("http://no-such-host.invalid/", 1000, timeout=2)


def test_same_url_twice_is_reported(server, tmp_path):
    first = add_url(server + "/news/story.html", tmp_path, 100_000)
    second = add_url(server + "/news/story.html", tmp_path, 100_000)
    assert second.already == first.path and second.path is None
    assert len(list(tmp_path.iterdir())) == 2


def test_copy_file_duplicate_and_collision(tmp_path):
    src, dest = tmp_path / "in", tmp_path / "sources"
    src.mkdir(), dest.mkdir()
    (src / "a.txt").write_text("first text")
    assert add_file(src / "a.txt", dest, 1000).path == dest / "a.txt"
    again = add_file(src / "a.txt", dest, 1000)
    assert again.already == dest / "a.txt" and again.message(dest).endswith("already present as a.txt")
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("different text")
    assert add_file(other / "a.txt", dest, 1000).path == dest / "a-2.txt"
    assert (dest / "a.txt").read_text() == "first text"


def test_add_collects_errors(tmp_path):
    done, errors = add([str(tmp_path / "nope.txt")], tmp_path / "sources", 1000)
    assert done == [] and errors == [f"{tmp_path / 'nope.txt'}: no such file"]


def test_name_for_url():
    assert name_for_url("https://example.org/a/b/", "text/html") == "example.org-b.html"
    assert name_for_url("https://example.org/", "text/markdown") == "example.org-index.md"


def test_cli_add(server, tmp_path, capsys):
    code = main(["add", "-f", str(ROOT / "mkdocs.yml"), "--sources", str(tmp_path),
                 server + "/notes", server + "/missing"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "added as 127.0.0.1-notes.txt" in out
    assert "HTTP error 404" in err


def test_fetched_page_records_capture_and_dates_relative_timestamp(server, tmp_path):
    from datetime import datetime, timedelta

    from generator.build import generate

    sources = tmp_path / "sources"
    sources.mkdir()
    added = add_url(server + "/dated.txt", sources, 100_000)
    fetched = json.loads(added.path.with_name(added.path.name + ".source.json").read_text())["fetched"]
    settings = Settings(config_file=ROOT / "mkdocs.yml", sources_dir=sources, docs_dir=tmp_path / "docs",
                        site_dir=tmp_path / "site", cache_dir=tmp_path / "cache", quiet=True)
    generate(settings)
    corpus = json.loads((tmp_path / "docs" / "data" / "corpus.json").read_text(encoding="utf-8"))
    [source] = corpus["sources"]
    assert source["captured"] == {"url": server + "/dated.txt", "at": fetched}
    moment = datetime.fromisoformat(fetched.replace("Z", "+00:00"))
    assert source["published"] == (moment - timedelta(days=3)).date().isoformat()
    page = (tmp_path / "docs" / source["page"].rstrip("/")).with_suffix(".md").read_text(encoding="utf-8")
    assert "3 days ago" not in page and f"{fetched} from" in page
