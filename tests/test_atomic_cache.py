"""A failed or interrupted build leaves the previous site intact; the cache redoes only changed sources."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


# --- rebuilds: the build state, the link cache and the write pass ------------------

def _counting(monkeypatch, module, name):
    calls: list = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)
    monkeypatch.setattr(module, name, counted)
    return calls


def test_unchanged_rebuild_does_no_work_and_is_byte_identical(tmp_path, monkeypatch):
    import generator.build as build_module
    src, cache = tmp_path / "src", tmp_path / "cache"
    write_corpus(src, 6)
    _, settings = build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    digest = tree_digest(settings.docs_dir)
    processed = _counting(monkeypatch, build_module, "process_all")
    linked = _counting(monkeypatch, build_module, "link_corpus")
    rendered = _counting(monkeypatch, build_module, "generated_files")
    result, _ = build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    assert (processed, linked, rendered) == ([], [], [])
    assert result.pages_written == 0 and result.pages_unchanged > 0
    assert len(result.corpus.documents) == 6
    assert tree_digest(settings.docs_dir) == digest


def test_touched_docs_file_is_restored_on_rebuild(tmp_path):
    src, cache = tmp_path / "src", tmp_path / "cache"
    write_corpus(src, 4)
    _, settings = build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    digest = tree_digest(settings.docs_dir)
    page = settings.docs_dir / "data" / "claims.csv"
    page.write_bytes(page.read_bytes()[:-3] + b"xx\n")      # same size, new mtime
    build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    assert tree_digest(settings.docs_dir) == digest


def test_state_and_no_state_rebuilds_agree(tmp_path):
    """The fast paths (state, link cache, stat-based write) give the bytes a full build gives."""
    import shutil
    src, cache = tmp_path / "src", tmp_path / "cache"
    write_corpus(src, 6)
    build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    (src / "zz_late.txt").write_text("A late report\n\nThe late report said the company raised more money on Monday.\n",
                                     encoding="utf-8")
    _, settings = build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    with_state = tree_digest(settings.docs_dir)
    shutil.rmtree(cache)
    build_site(tmp_path, src, run_mkdocs=False, cache_dir=None)
    assert tree_digest(settings.docs_dir) == with_state


def test_added_source_redoes_only_itself_and_keeps_other_pages(tmp_path, monkeypatch):
    import generator.build as build_module
    src, cache = tmp_path / "src", tmp_path / "cache"
    write_corpus(src, 6)
    _, settings = build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    before = tree_digest(settings.docs_dir)
    processed = _counting(monkeypatch, build_module, "process_source")
    new = src / "zz_new.txt"
    new.write_text("Fresh headline\n\nA new source arrived on Friday with more details about the sale.\n",
                   encoding="utf-8")
    result, _ = build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    assert [args[0].name for args in processed] == [new.name]
    after = tree_digest(settings.docs_dir)
    assert set(before) <= set(after)
    new_files = set(after) - set(before)
    assert any(f.startswith("sources/") for f in new_files)
    # Raw copies and pages of the other sources are untouched.
    for doc in result.corpus.documents:
        if doc.file != new.name:
            raw = f"raw/{doc.id}.txt"
            if raw in before:
                assert after[raw] == before[raw]


def test_link_cache_reused_when_only_docs_were_touched(tmp_path, monkeypatch):
    import generator.build as build_module
    src, cache = tmp_path / "src", tmp_path / "cache"
    write_corpus(src, 5)
    _, settings = build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    digest = tree_digest(settings.docs_dir)
    (settings.docs_dir / "whats-new.md").unlink()
    linked = _counting(monkeypatch, build_module, "link_corpus")
    build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    assert linked == []
    assert tree_digest(settings.docs_dir) == digest


def test_changed_registry_invalidates_the_link_cache(tmp_path, monkeypatch):
    import generator.build as build_module
    src, cache = tmp_path / "src", tmp_path / "cache"
    write_corpus(src, 4)
    registry = tmp_path / "registry.yaml"
    registry.write_text("entities: []\n", encoding="utf-8")
    build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache, registry_file=registry)
    registry.write_text("entities: []\n# edited\n", encoding="utf-8")
    linked = _counting(monkeypatch, build_module, "link_corpus")
    build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache, registry_file=registry)
    assert len(linked) == 1


def test_write_files_trusts_stats_only_when_size_and_mtime_match(tmp_path):
    from generator.output import SourceCopy, write_files
    raw = tmp_path / "raw.txt"
    raw.write_bytes(b"raw bytes")
    import hashlib
    sha = hashlib.sha256(b"raw bytes").hexdigest()
    out = tmp_path / "out"
    stats: dict = {}
    assert write_files(out, {"a.md": b"one", "r.txt": SourceCopy(raw, sha)}, stats) == (2, 0, 0)
    assert set(stats) == {"a.md", "r.txt"}
    assert write_files(out, {"a.md": b"one", "r.txt": SourceCopy(raw, sha)}, stats) == (0, 2, 0)
    (out / "a.md").write_bytes(b"two")                     # edited behind the build's back
    assert write_files(out, {"a.md": b"one", "r.txt": SourceCopy(raw, sha)}, stats) == (1, 1, 0)
    assert (out / "a.md").read_bytes() == b"one"
    assert write_files(out, {"a.md": b"one"}, stats) == (0, 1, 1)
    assert not (out / "r.txt").exists()


def test_scan_trusts_stored_digests_only_for_untouched_settled_files(tmp_path):
    """Stat-trusted digests: an unchanged file is not re-read; any stat change forces a read."""
    import os
    from generator.build import file_stats, scan
    from generator.settings import Settings
    src = tmp_path / "src"
    src.mkdir()
    a = src / "a.txt"
    a.write_text("first version of the text\n", encoding="utf-8")
    old = 1_600_000_000_000_000_000
    os.utime(a, ns=(old, old))
    settings = Settings(config_file=tmp_path / "mkdocs.yml", sources_dir=src, docs_dir=tmp_path / "d",
                        site_dir=tmp_path / "s")
    first = scan(settings)
    known, at = file_stats(first)
    untouched = {f: (k, "stored digest") for f, (k, d) in known.items()}
    assert scan(settings, untouched, at).digests == ["stored digest"]      # not re-read
    a.write_text("other version of the text\n", encoding="utf-8")   # same size
    os.utime(a, ns=(old, old))                                      # and same mtime: ctime differs
    assert scan(settings, known, at).digests != first.digests
    # A file changed in the clock tick of the previous scan is never trusted.
    from generator.build import _stat_key
    os.utime(a, ns=(at, at))
    current = {"a.txt": (_stat_key(a), "stored digest")}
    assert scan(settings, current, at).digests != ["stored digest"]
    assert scan(settings, current, at + 10**9).digests == ["stored digest"]


def test_added_source_reuses_rendered_pages_of_unchanged_sources(tmp_path, monkeypatch):
    """Source pages whose inputs did not change come from the page cache, and
    the docs are the bytes a build without any cache gives."""
    import shutil

    import generator.render as render_module
    src, cache = tmp_path / "src", tmp_path / "cache"
    write_corpus(src, 8)
    build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    rendered = _counting(monkeypatch, render_module, "source_page")
    (src / "zz_new.txt").write_text("Fresh headline\n\nA new source arrived on Friday with more details.\n",
                                    encoding="utf-8")
    result, settings = build_site(tmp_path, src, run_mkdocs=False, cache_dir=cache)
    assert 1 <= len(rendered) < len(result.corpus.documents)
    cached = tree_digest(settings.docs_dir)
    shutil.rmtree(cache)
    build_site(tmp_path, src, run_mkdocs=False, cache_dir=None)
    assert tree_digest(settings.docs_dir) == cached


def test_corpora_saved_in_a_child_or_inline_belong_to_their_state(tmp_path, monkeypatch):
    from generator import cache
    state_path = tmp_path / "builds" / "state.pickle"
    for can_fork in (True, False):
        monkeypatch.setattr(cache, "can_fork", lambda: can_fork)
        token = cache.new_token()
        wait = cache.save_corpora(state_path, {"linked": ("L", can_fork), "corpus": "C"}, {"page.md": ("k", "t")}, token)
        wait()
        cache.save_state(state_path, {"inputs": "x"}, token)
        state = cache.load_state(state_path)
        assert cache.load_state_corpora(state_path, state)["linked"] == ("L", can_fork)
        assert cache.load_page_cache(state_path) == {"page.md": ("k", "t")}
    # A state saved by another build does not pick up these corpora.
    cache.save_state(state_path, {"inputs": "x"}, cache.new_token())
    assert cache.load_state_corpora(state_path, cache.load_state(state_path)) == {}


class _SlowToPickle:
    """Pickles slowly, so a reader that does not wait for the writer sees no file."""

    def __init__(self, value):
        self.value = value

    def __reduce__(self):
        import time
        time.sleep(0.5)
        return (_SlowToPickle, (self.value,))

    def __eq__(self, other):
        return isinstance(other, _SlowToPickle) and other.value == self.value


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the background writer needs fork")
def test_readers_wait_for_the_background_writer(tmp_path, monkeypatch):
    from generator import cache
    monkeypatch.setattr(cache, "can_fork", lambda: True)
    state_path = tmp_path / "builds" / "state.pickle"
    token = cache.new_token()
    # Returns at once: the build does not wait for its cache files.
    cache.save_corpora(state_path, {"linked": _SlowToPickle("L"), "corpus": "C"}, {"p.md": ("k", "t")}, token)
    cache.save_state(state_path, {"inputs": "x"}, token)
    assert cache.load_state_corpora(state_path, cache.load_state(state_path))["linked"] == _SlowToPickle("L")
    assert cache.load_page_cache(state_path) == {"p.md": ("k", "t")}
    # A second build's writer waits for the first one; the last one wins.
    first = cache.new_token()
    cache.save_corpora(state_path, {"linked": _SlowToPickle("first"), "corpus": "C"}, None, first)
    second = cache.new_token()
    cache.save_corpora(state_path, {"linked": "second", "corpus": "C"}, None, second)
    cache.save_state(state_path, {"inputs": "x"}, second)
    assert cache.load_state_corpora(state_path, cache.load_state(state_path))["linked"] == "second"


def test_tampered_manifest_never_removes_files_outside_the_folder(tmp_path):
    import json
    from generator.output import MANIFEST, read_manifest, write_files
    docs = tmp_path / "docs"
    docs.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    listed = ["../outside.txt", str(outside), "a/../../outside.txt", "..\\outside.txt", "C:/outside.txt", "", "old.md"]
    (docs / MANIFEST).write_text(json.dumps({"files": listed}), encoding="utf-8")
    (docs / "old.md").write_text("stale", encoding="utf-8")
    assert read_manifest(docs / MANIFEST) == ["old.md"]
    write_files(docs, {"new.md": b"new"})
    assert outside.read_text(encoding="utf-8") == "keep"
    assert not (docs / "old.md").exists() and (docs / "new.md").read_bytes() == b"new"


def test_new_sources_processed_alongside_cache_reading_give_the_same_site(tmp_path, monkeypatch):
    import generator.build as build_module
    new_text = "Fresh headline\n\nA new source arrived on Friday with more details about the sale.\n"
    sites = []
    for background in (False, True):
        root = tmp_path / str(background)
        src, cache = root / "src", root / "cache"
        write_corpus(src, 6)
        build_site(root, src, run_mkdocs=False, cache_dir=cache)
        monkeypatch.setattr(build_module, "BACKGROUND_MIN_CACHED", 1 if background else 10**9)
        workers = _counting(monkeypatch, build_module._Background, "__init__")
        (src / "zz_new.txt").write_text(new_text, encoding="utf-8")
        (src / "aa_new.md").write_text("# Second headline\n\nAnother source about the sale, on Monday.\n",
                                       encoding="utf-8")
        result, settings = build_site(root, src, run_mkdocs=False, cache_dir=cache)
        assert len(workers) == int(background)
        assert {"zz_new.txt", "aa_new.md"} <= {d.file for d in result.corpus.documents}
        sites.append(tree_digest(settings.docs_dir))
        monkeypatch.undo()
    assert sites[0] == sites[1]


def test_stamp_from_recorded_stats_equals_the_stamp_of_the_folder(tmp_path):
    from generator.output import docs_stamp, stats_stamp, write_files
    stats: dict = {}
    write_files(tmp_path, {"a.md": b"one", "sub/b.md": b"two"}, stats)
    assert stats_stamp(stats) and docs_stamp(tmp_path, stats) == stats_stamp(stats)
    (tmp_path / "sub" / "b.md").write_bytes(b"edited by hand")
    assert docs_stamp(tmp_path, stats) == ""


_SAVE_SLOWLY = """
import sys, time
from pathlib import Path
from generator import cache

class Slow:
    def __reduce__(self):
        time.sleep(3)
        return (str, ("written",))

cache.can_fork = lambda: True
cache.save_corpora(Path(sys.argv[1]), {"linked": Slow()}, None, "token")
print("build finished")
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the background writer needs fork")
def test_output_pipe_closes_before_the_background_writer_finishes(tmp_path):
    import fcntl
    state_path = tmp_path / "builds" / "state.pickle"
    out = subprocess.run([sys.executable, "-c", _SAVE_SLOWLY, str(state_path)], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "build finished"
    # The pipe reached end of file while the writer still held its lock: whoever
    # reads a build's output does not wait for its cache files.
    with state_path.with_suffix(".lock").open("rb") as handle:
        with pytest.raises(BlockingIOError):
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    from generator import cache
    cache.wait_for_writer(state_path)
    assert cache._load_pickle(state_path.with_suffix(".corpus"))["linked"] == "written"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("forked", [True, False])
def test_staging_copy_is_made_of_hard_links_of_the_folder(tmp_path, monkeypatch, forked):
    from generator import output
    monkeypatch.setattr(output, "can_fork", lambda: forked and hasattr(os, "fork"))
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.md").write_bytes(b"one")
    (docs / "sub" / "b.md").write_bytes(b"two")
    staging = output.Staging(docs)
    path = staging.ready()
    assert path == output.staging_path(docs) and _tree(path) == _tree(docs)
    assert (path / "a.md").stat().st_ino == (docs / "a.md").stat().st_ino


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the copy is made by a forked child")
def test_staging_copy_failed_in_the_child_is_made_again(tmp_path, monkeypatch):
    from generator import output
    monkeypatch.setattr(output, "can_fork", lambda: True)
    parent, real = os.getpid(), output._copy_tree

    def fails_in_child(source, copy):
        if os.getpid() != parent:
            raise OSError("simulated failure in the child")
        real(source, copy)
    monkeypatch.setattr(output, "_copy_tree", fails_in_child)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_bytes(b"one")
    assert _tree(output.Staging(docs).ready()) == {"a.md": b"one"}


def test_replaced_folder_is_removed_and_stray_ones_are_leftovers(tmp_path):
    from generator import output
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "old.md").write_bytes(b"old")
    staging = output.Staging(docs).ready()
    (staging / "old.md").unlink()
    (staging / "new.md").write_bytes(b"new")
    output.swap_in(staging, docs)
    assert _tree(docs) == {"new.md": b"new"}
    deadline = time.monotonic() + 30
    while any(p.name.startswith(".docs.old") for p in tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]
    # One a crash left behind is removed by the next build.
    (tmp_path / ".docs.old-123-456").mkdir()
    output.clear_leftovers(docs)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


def test_build_changing_nothing_keeps_the_docs_folder_in_place(tmp_path):
    src = tmp_path / "src"
    write_corpus(src, 4)
    build_site(tmp_path, src, run_mkdocs=False, cache_dir=tmp_path / "cache")
    docs = tmp_path / "docs"
    before = (docs.stat().st_ino, tree_digest(docs))
    result, _ = build_site(tmp_path, src, run_mkdocs=False, cache_dir=tmp_path / "cache")
    assert result.pages_written == 0 and result.pages_removed == 0
    assert (docs.stat().st_ino, tree_digest(docs)) == before          # not swapped for a copy
    assert not any(p.name.startswith((".docs.staging", ".docs.old")) for p in tmp_path.iterdir())
