"""Precision and recall of the entity index on hand-annotated corpora.

Each folder under tests/fixtures/unseen_entities/ holds a few raw sources
and an ``expected.yaml`` written by hand: the entities a careful indexer
would list (name, type, aliases) and ``optional`` ones (bylines, publishers,
borderline mentions) that count neither way. The corpus goes through the
real pipeline (read, clean, extract, link) without rendering or MkDocs.

An index entity matches an expected one when any of its names (name or
aliases) equals any of the expected names after case, accent, article and
punctuation folding. Each expected entity is matched at most once, so an
entity split over two pages scores one hit and one false positive. The
"typed" score also requires the type to agree.

Run: ``python -m tests.entity_scoring [corpus ...]``.
"""
from __future__ import annotations

import os
import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

# SCORE_FIXTURES: score another folder of the same layout (a corpus written blind, before it joins the floors).
FIXTURES = Path(os.environ.get("SCORE_FIXTURES") or Path(__file__).resolve().parent / "fixtures" / "unseen_entities")


@dataclass(frozen=True)
class Score:
    corpus: str
    precision: float
    recall: float
    typed_precision: float
    typed_recall: float
    false_positives: tuple[str, ...]
    missed: tuple[str, ...]
    mistyped: tuple[str, ...]
    alias_recall: float = 1.0              # expected names found on the matched entities
    missing_names: tuple[str, ...] = ()


def fold(name: str) -> str:
    """Compare names case-, accent-, article- and punctuation-insensitively."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’]s$", "", text.replace("’", "'"))
    text = re.sub(r"^(?:the|la|le|les|el|los|las|die|der|das|l')\s*", "", text)
    return re.sub(r"[\s\-·•]+", " ", text.replace(".", "")).strip()


def corpus_names() -> list[str]:
    return sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.yaml").is_file())


def build_entities(sources: Path) -> list:
    """The linked entities of the corpus in ``sources`` (no render, no MkDocs)."""
    from generator.build import discover, process_source, source_ids
    from generator.link.pipeline import link_corpus
    from generator.progress import Progress
    from generator.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(config_file=Path(tmp) / "mkdocs.yml", sources_dir=sources,
                            docs_dir=Path(tmp) / "docs", site_dir=Path(tmp) / "site",
                            run_mkdocs=False, quiet=True)
        files = [p for p in discover(sources) if p.name != "expected.yaml"]
        ids = source_ids([p.relative_to(sources).as_posix() for p in files])
        works = [process_source(p, ids[p.relative_to(sources).as_posix()], settings) for p in files]
        return list(link_corpus(works, settings, Progress(False)).entities)


def _names(name: str, aliases) -> set[str]:
    return {fold(n) for n in [name, *(aliases or ())] if n}


def score(corpus: str, entities: list | None = None) -> Score:
    folder = FIXTURES / corpus
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    gold = [(e["name"], e["type"], _names(e["name"], e.get("aliases"))) for e in expected["entities"]]
    optional = set().union(*(_names(e["name"], e.get("aliases")) for e in expected.get("optional") or ()))
    if entities is None:
        entities = build_entities(folder)
    found, typed, false_pos, mistyped = {}, 0, [], []
    for entity in sorted(entities, key=lambda e: (-len(e.mentions), e.id)):
        names = _names(entity.name, [a for _, a in entity.aliases])
        hit = next((g for g in gold if g[2] & names and g[0] not in found), None)
        if hit is not None:
            found[hit[0]] = entity
            if entity.type == hit[1]:
                typed += 1
            else:
                mistyped.append(f"{entity.name} ({entity.type}, expected {hit[1]})")
        elif not names & optional:
            false_pos.append(f"{entity.name} ({entity.type})")
    counted = len(found) + len(false_pos)
    # Names recall: of the expected names the sources write, those the
    # matched entity lists (a name and its other scripts on one page).
    raw = " ".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.iterdir())
                   if p.is_file() and p.name != "expected.yaml").casefold()
    wanted, missing = 0, []
    for e in expected["entities"]:
        if e["name"] in found:
            entity = found[e["name"]]
            have = _names(entity.name, [a for _, a in entity.aliases])
            written = sorted({fold(n) for n in [e["name"], *(e.get("aliases") or ())] if n.casefold() in raw})
            wanted += len(written)
            missing += [n for n in written if n not in have]
    return Score(
        corpus=corpus,
        precision=len(found) / counted if counted else 0.0,
        recall=len(found) / len(gold) if gold else 1.0,
        typed_precision=typed / counted if counted else 0.0,
        typed_recall=typed / len(gold) if gold else 1.0,
        false_positives=tuple(false_pos),
        missed=tuple(g[0] for g in gold if g[0] not in found),
        mistyped=tuple(mistyped),
        alias_recall=(wanted - len(missing)) / wanted if wanted else 1.0,
        missing_names=tuple(missing),
    )


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    names = [a for a in argv if not a.startswith("-")] or corpus_names()
    for corpus in names:
        s = score(corpus)
        print(f"{corpus:18} P={s.precision:.2f} R={s.recall:.2f}   typed P={s.typed_precision:.2f} R={s.typed_recall:.2f}"
              f"   names R={s.alias_recall:.2f}")
        if verbose:
            for label, items in (("false positives", s.false_positives), ("missed", s.missed),
                                 ("mistyped", s.mistyped), ("names missing", s.missing_names)):
                if items:
                    print(f"  {label}: " + "; ".join(items))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
