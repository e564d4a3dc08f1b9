"""Shared fixtures: a built seed site (built once per test session)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def build_site(tmp: Path, sources: Path, run_mkdocs: bool = True, **overrides):
    from generator.build import build
    from generator.settings import load_settings

    from dataclasses import replace

    cache_dir = overrides.pop("cache_dir", None)   # tests run without a cache unless they ask
    settings = load_settings(ROOT / "mkdocs.yml", sources_dir=sources, docs_dir=tmp / "docs",
                             site_dir=tmp / "site", run_mkdocs=run_mkdocs, quiet=True, **overrides)
    settings = replace(settings, cache_dir=cache_dir)
    return build(settings), settings


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seedsite")
    result, settings = build_site(tmp, ROOT / "seeds")
    corpus = json.loads((settings.site_dir / "data" / "corpus.json").read_text(encoding="utf-8"))
    return {"result": result, "settings": settings, "corpus": corpus, "tmp": tmp}
