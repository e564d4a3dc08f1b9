"""Floors for the metadata scorer (tests/metadata_scoring.py) on the held-out sources.

The figures only go up: a change that loses a field a careful reader takes
from a source, or keeps a metadata line in the text, fails here. Raise the
floors when a change improves them.
"""
from __future__ import annotations

from tests.metadata_scoring import score

FLOORS = {"title": 14, "publisher": 12, "published": 14, "authors": 14, "language": 14, "origin": 14,
          "ai_generated": 14, "body_has": 29, "body_lacks": 34}


def test_metadata_of_unseen_sources_does_not_regress():
    result = score()
    below = {name: (result.right.get(name, 0), floor) for name, floor in FLOORS.items()
             if result.right.get(name, 0) < floor}
    assert not below, f"below the floor (got, floor): {below}\n" + "\n".join(result.misses)
