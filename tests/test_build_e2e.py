"""End-to-end: the seeds build into a site with MkDocs strict mode."""
from __future__ import annotations

import json
import re

from tests.conftest import ROOT


def test_every_seed_is_published(seed_site):
    corpus = seed_site["corpus"]
    seeds = sorted(p.name for p in (ROOT / "seeds").iterdir() if p.is_file())
    assert sorted(s["file"] for s in corpus["sources"]) == seeds
    assert corpus["skipped"] == []


def test_site_has_a_page_per_source_and_the_indexes(seed_site):
    site = seed_site["settings"].site_dir
    for source in seed_site["corpus"]["sources"]:
        assert (site / source["page"] / "index.html").is_file(), source["page"]
    for page in ("index.html", "sources/index.html", "entities/index.html", "claims/index.html",
                 "timeline/index.html", "data/index.html", "report/index.html", "data/claims.csv"):
        assert (site / page).is_file(), page


def test_export_offsets_are_exact(seed_site):
    corpus = seed_site["corpus"]
    texts = {s["id"]: s["text"] for s in corpus["sources"]}
    for entity in corpus["entities"]:
        for m in entity["mentions"]:
            assert texts[m["source"]][m["start"]:m["end"]] == m["text"]
    for claim in corpus["claims"]:
        for q in claim["quotes"]:
            assert texts[q["source"]][q["start"]:q["end"]] == q["text"]


def test_export_has_the_documented_source_fields(seed_site):
    fields = {"id", "file", "title", "titles", "languages", "publisher", "authors", "published",
              "origin", "ai_generated", "tags", "page", "text"}
    for source in seed_site["corpus"]["sources"]:
        assert fields <= set(source)
        assert source["published"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", source["published"])


def test_no_thai_left_in_non_thai_sources(seed_site):
    for source in seed_site["corpus"]["sources"]:
        if "th" not in source["languages"]:
            assert not re.search(r"[\u0e00-\u0e7f]", source["text"]), source["id"]


def test_rebuild_is_byte_identical(seed_site, tmp_path):
    from tests.conftest import build_site
    build_site(tmp_path, ROOT / "seeds", run_mkdocs=False)
    first = seed_site["settings"].docs_dir
    for path in sorted(first.rglob("*")):
        if path.is_file():
            twin = tmp_path / "docs" / path.relative_to(first)
            assert twin.read_bytes() == path.read_bytes(), path.relative_to(first)
