"""A failed or interrupted build leaves the previous site intact; the cache redoes only changed sources."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT, build_site

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write_corpus  # noqa: E402


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_interrupted_build_leaves_previous_site(tmp_path):
    src = tmp_path / "src"
    write_corpus(src, 30)
    _, settings = build_site(tmp_path, src, cache_dir=tmp_path / "cache")
    docs_before, site_before = tree_digest(settings.docs_dir), tree_digest(settings.site_dir)
    write_corpus(src, 400, seed=99)   # a bigger corpus: the next build takes a while
    proc = subprocess.Popen([sys.executable, "-m", "generator", "build", "--quiet", "--no-cache",
                             "--sources", str(src), "--docs-dir", str(settings.docs_dir),
                             "--site-dir", str(settings.site_dir)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(4)
    os.killpg(proc.pid, signal.SIGKILL)   # the build and its worker processes, as a crash would
    proc.wait(timeout=30)
    assert tree_digest(settings.docs_dir) == docs_before
    assert tree_digest(settings.site_dir) == site_before


def test_failed_mkdocs_build_keeps_previous_site(tmp_path, monkeypatch):
    src = tmp_path / "src"
    write_corpus(src, 5)
    _, settings = build_site(tmp_path, src, cache_dir=None)
    site_before = tree_digest(settings.site_dir)
    docs_before = tree_digest(settings.docs_dir)
    import generator.build as build_module

    def broken(*args, **kwargs):
        raise build_module.BuildError("mkdocs build failed: simulated")
    monkeypatch.setattr(build_module, "run_mkdocs", broken)
    (src / "new.txt").write_text("A new headline\n\nSomething new happened on Monday in the city.\n", encoding="utf-8")
    try:
        build_site(tmp_path, src, cache_dir=None)
    except build_module.BuildError:
        pass
    assert tree_digest(settings.site_dir) == site_before
    assert tree_digest(settings.docs_dir) == docs_before
    assert not any(p.name.startswith(".") and p.name.endswith((".staging", ".old")) for p in tmp_path.iterdir())


def test_cache_redoes_only_changed_sources(tmp_path, monkeypatch):
    import generator.build as build_module
    src = tmp_path / "src"
    write_corpus(src, 6)
    cache = tmp_path / "cache"
    build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    processed: list[str] = []
    real = build_module.process_source

    def counting(path, doc_id, settings):
        processed.append(path.name)
        return real(path, doc_id, settings)
    monkeypatch.setattr(build_module, "process_source", counting)
    build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    assert processed == []
    changed = sorted(src.iterdir())[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA late paragraph was added to this story.\n",
                       encoding="utf-8")
    build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    assert processed == [changed.name]


def test_urls_of_existing_sources_stay_when_one_is_added(tmp_path):
    import json
    src = tmp_path / "src"
    write_corpus(src, 8)
    build_site(tmp_path / "a", src, run_mkdocs=False, cache_dir=None)
    before = json.loads((tmp_path / "a" / "docs" / "data" / "corpus.json").read_text(encoding="utf-8"))
    (src / "aaa_new.txt").write_text("Fresh headline\n\nA new source arrived on Friday with more details.\n",
                                     encoding="utf-8")
    build_site(tmp_path / "b", src, run_mkdocs=False, cache_dir=None)
    after = json.loads((tmp_path / "b" / "docs" / "data" / "corpus.json").read_text(encoding="utf-8"))
    pages_after = {s["file"]: s["page"] for s in after["sources"]}
    for source in before["sources"]:
        assert pages_after[source["file"]] == source["page"]
