"""Score the metadata and chrome removal of cleaning against hand-written expectations.

``tests/fixtures/unseen_metadata/`` holds raw sources in many languages and
formats, written to exercise how outlets state a source's facts (bylines,
datelines, mastheads, <meta> tags, front matter, origin notes), and an
``expected.yaml``: what a careful reader takes as title, publisher, date of
publication, authors, language, origin and AI flag, plus fragments the
cleaned text must keep (substance) and lines it must not keep (chrome,
metadata lines). The expectations were written from the raw files before any
rule was run on them.

Each source goes through read and clean (``process_source``). A field scores
when it equals the expected value (case, spacing and the order of authors
aside). Run ``python tests/metadata_scoring.py`` for a per-source report.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# SOURCEBOOK_ROOT: score another checkout of the generator (before/after comparisons).
ROOT = Path(os.environ.get("SOURCEBOOK_ROOT") or Path(__file__).resolve().parent.parent)
# SCORE_FIXTURES: score another folder of the same layout (a corpus written blind, before it joins the floors).
FIXTURES = Path(os.environ.get("SCORE_FIXTURES") or Path(__file__).resolve().parent / "fixtures" / "unseen_metadata")
FIELDS = ("title", "publisher", "published", "authors", "language", "origin", "ai_generated")


@dataclass
class Score:
    right: dict[str, int] = field(default_factory=dict)
    asked: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def count(self, name: str, ok: bool, note: str) -> None:
        self.asked[name] = self.asked.get(name, 0) + 1
        self.right[name] = self.right.get(name, 0) + ok
        if not ok:
            self.misses.append(note)


def _norm(value) -> object:
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    if isinstance(value, (list, tuple)):
        return sorted(_norm(v) for v in value)
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items() if v}
    return value


def _found(doc) -> dict:
    meta = doc.metadata
    origin = meta.origin
    return {
        "title": meta.title,
        "publisher": meta.publisher or "",
        "published": meta.published,
        "authors": list(meta.authors),
        "language": meta.languages[0] if meta.languages else "",
        "origin": ({"publisher": origin.publisher or "", "lang": origin.language or "",
                    "translated_by": origin.translated_by or ""} if origin else {}),
        "ai_generated": bool(meta.ai_generated),
    }


def score(folder: Path = FIXTURES) -> Score:
    sys.path.insert(0, str(ROOT))
    from generator.build import process_source
    from generator.settings import Settings

    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    settings = Settings(config_file=ROOT / "mkdocs.yml", sources_dir=folder, docs_dir=folder / "_docs",
                        site_dir=folder / "_site")
    result = Score()
    for name, want in sorted(expected.items()):
        work = process_source(folder / name, Path(name).stem, settings)
        if work.doc is None:
            for key in (*FIELDS, "body_has", "body_lacks"):
                result.count(key, False, f"{name}: not published ({work.skipped.reason})")
            continue
        got = _found(work.doc)
        for key in FIELDS:
            wanted = want.get(key, {} if key == "origin" else False if key == "ai_generated" else None)
            ok = _norm(got[key]) == _norm(wanted)
            result.count(key, ok, f"{name}: {key} {got[key]!r}, expected {wanted!r}")
        text = work.doc.text
        for fragment in want.get("body_has", []):
            result.count("body_has", fragment in text, f"{name}: lost from the text: {fragment!r}")
        for fragment in want.get("body_lacks", []):
            result.count("body_lacks", fragment not in text, f"{name}: kept in the text: {fragment!r}")
    return result


def main() -> None:
    result = score()
    for line in result.misses:
        print("  " + line)
    total_right = sum(result.right.values())
    total = sum(result.asked.values())
    print(" ".join(f"{k} {result.right[k]}/{result.asked[k]}" for k in result.asked))
    print(f"TOTAL {total_right}/{total}")


if __name__ == "__main__":
    main()
