"""The command line: options, one-line errors, --strict, and `serve` rebuilding."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

ARTICLE = "A short headline\n\nThe council approved the new budget on Tuesday after a long debate.\n"


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_missing_sources_folder_is_one_line(tmp_path):
    proc = run("build", "--sources", str(tmp_path / "nope"), "--docs-dir", str(tmp_path / "d"),
               "--site-dir", str(tmp_path / "s"), "--no-mkdocs")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "sources folder not found" in lines[0]


def test_broken_config_is_one_line(tmp_path):
    bad = tmp_path / "mkdocs.yml"
    bad.write_text("site_name: [unclosed\n", encoding="utf-8")
    proc = run("build", "--config-file", str(bad))
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "mkdocs.yml" in proc.stderr and "line" in proc.stderr


def test_strict_fails_when_a_file_is_not_published(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    common = ["--sources", str(src), "--docs-dir", str(tmp_path / "d"), "--site-dir", str(tmp_path / "s"), "--no-mkdocs"]
    assert run("build", *common).returncode == 0
    strict = run("build", *common, "--strict")
    assert strict.returncode == 3
    assert "empty.txt" in strict.stderr


def test_sourcebook_script_and_module_agree():
    script = Path(sys.executable).with_name("sourcebook")
    if not script.exists():
        pytest.skip("sourcebook script not installed in this environment")
    out = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "build" in out.stdout
    assert run("--help").stdout == out.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def test_serve_rebuilds_when_a_source_is_added(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "first.txt").write_text(ARTICLE, encoding="utf-8")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--sources", str(src),
                             "--docs-dir", str(tmp_path / "docs"), "--site-dir", str(tmp_path / "site"),
                             "-a", f"127.0.0.1:{port}"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/"
        assert _wait_for(lambda: _get(base) is not None, 90), "server did not start"
        (src / "second.txt").write_text(ARTICLE.replace("council", "assembly"), encoding="utf-8")
        assert _wait_for(lambda: (tmp_path / "docs" / "sources" / "second.md").exists(), 30)
        assert _wait_for(lambda: "assembly" in (_get(base + "sources/second/") or ""), 60)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
