"""A build from a fresh checkout, given only the last build's record, equals a rebuild.

The Pages workflow starts from a fresh checkout each time: it restores only
the last build's record (docs/data/corpus.json and changes.json) and the
per-source cache. From those alone, the build must keep the URLs of existing
claims and entities and report only what changed, exactly as a rebuild in the
original docs folder does.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT, build_site
from tests.test_changes import _digest

RECORD = ("data/corpus.json", "data/changes.json")


def test_fresh_docs_folder_with_the_record_builds_like_a_rebuild(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import write_corpus

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    full, src = tmp_path / "full", tmp_path / "src"
    write_corpus(full, 14)
    src.mkdir()
    names = sorted(p.name for p in full.iterdir())
    for name in names[:-2]:
        shutil.copy(full / name, src / name)
    _, kept = build_site(tmp_path / "kept", src, run_mkdocs=False)
    fresh_docs = tmp_path / "fresh" / "docs"
    for rel in RECORD:
        (fresh_docs / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(kept.docs_dir / rel, fresh_docs / rel)
    for name in names[-2:]:
        shutil.copy(full / name, src / name)
    build_site(tmp_path / "kept", src, run_mkdocs=False)
    build_site(tmp_path / "fresh", src, run_mkdocs=False)
    rebuilt, fresh = _digest(kept.docs_dir), _digest(fresh_docs)
    assert fresh == rebuilt
    assert "New sources: 2" in (fresh_docs / "whats-new.md").read_text(encoding="utf-8")


def test_pages_workflow_keeps_the_record_and_the_cache_between_runs():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "") for step in steps]
    restore = steps[next(i for i, u in enumerate(uses) if u.startswith("actions/cache/restore"))]
    save = steps[next(i for i, u in enumerate(uses) if u.startswith("actions/cache/save"))]
    build = next(i for i, step in enumerate(steps) if "sourcebook build" in step.get("run", ""))
    assert steps.index(restore) < build < steps.index(save)
    for step in (restore, save):
        kept = set(step["with"]["path"].split())
        assert {".sourcebook-cache", *(f"docs/{rel}" for rel in RECORD)} <= kept


def test_ids_in_the_record_that_no_build_makes_are_ignored():
    from generator.changes import _records, stabilise_ids
    from generator.model import Claim, Corpus, Quote

    quote = Quote(source="s1", start=0, end=10, text="x")
    corpus = Corpus(documents=(), skipped=(), entities=(), notes=(),
                    claims=(Claim(id="c-new-1234", text="x", status="single-source", quotes=(quote,)),))
    tampered = {"claims": [{"id": "../../outside", "quotes": [{"source": "s1", "start": 0, "end": 10}]},
                           {"id": "C-Upper", "quotes": [{"source": "s1", "start": 0, "end": 10}]}]}
    assert _records(tampered, "claims") == {}
    assert stabilise_ids(corpus, tampered).claims[0].id == "c-new-1234"
