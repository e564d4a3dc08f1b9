"""Golden files: whole generated pages of the seed corpus, reviewed as diffs.

Regenerate after an intended change with
    SOURCEBOOK_UPDATE_GOLDEN=1 python -m pytest -q tests/test_golden.py
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
PAGES = ["sources/*.md", "entities/index.md", "claims/index.md", "index.md", "sources/index.md"]


def generated_pages(docs_dir: Path) -> dict[str, str]:
    out = {}
    for pattern in PAGES:
        for path in sorted(docs_dir.glob(pattern)):
            out[path.relative_to(docs_dir).as_posix()] = path.read_text(encoding="utf-8")
    return out


def test_seed_pages_match_golden(seed_site):
    pages = generated_pages(seed_site["settings"].docs_dir)
    assert pages, "no pages generated"
    if os.environ.get("SOURCEBOOK_UPDATE_GOLDEN"):
        for rel, text in pages.items():
            target = GOLDEN / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        pytest.skip("golden files updated")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(GOLDEN.rglob("*.md"))}
    assert sorted(pages) == sorted(expected)
    for rel in sorted(pages):
        assert pages[rel] == expected[rel], f"{rel} differs from tests/golden/{rel}"
