"""Score claim extraction and grouping against hand-annotated corpora.

Each folder under ``tests/fixtures/unseen_claims/`` holds raw sources (HTML,
Markdown, plain text; several outlets and languages) and an ``expected.yaml``:
the claims a careful reader finds, each with a fragment of the sentence that
states it in every source that states it, the expected status and, for a
contested claim, the disputed point; plus ``not_claims``, fragments of lines
that must never become claims (questions, headings, chrome, opinion, advice).

The corpus goes through the real pipeline (read, clean, extract, link; no
rendering, no MkDocs). For every expected claim, the extracted claim covering
most of its fragments is taken as the match, and the score counts whether it
was found, holds exactly the expected sources, and has the expected status
(and disputed point). Extracted claims quoting a ``not_claims`` fragment, or a
question, are junk.

Run ``python tests/claims_scoring.py [corpus ...]`` for a per-claim report.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import os

# SOURCEBOOK_ROOT: score another checkout of the generator (before/after comparisons).
ROOT = Path(os.environ.get("SOURCEBOOK_ROOT") or Path(__file__).resolve().parent.parent)
# SCORE_FIXTURES: score another folder of the same layout (a corpus written blind, before it joins the floors).
FIXTURES = Path(os.environ.get("SCORE_FIXTURES") or Path(__file__).resolve().parent / "fixtures" / "unseen_claims")


@dataclass
class ClaimScore:
    text: str
    found: bool = False
    right_sources: bool = False
    right_status: bool = False
    got_sources: tuple[str, ...] = ()
    want_sources: tuple[str, ...] = ()
    got_status: str = ""
    want_status: str = ""
    pieces: int = 0               # claims the expected fragments are spread over
    missing: tuple[str, ...] = ()  # fragments no claim quotes (file: fragment)
    canonical: str = ""


@dataclass
class CorpusScore:
    name: str
    claims: list[ClaimScore] = field(default_factory=list)
    extracted: int = 0
    junk: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)   # claims matching no expected claim, not junk
    # Extracted claims quoting fragments of two or more expected claims: facts chained into one
    # claim (often through one sentence stating two facts). Shown in the report, not scored.
    bridges: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    @property
    def found(self) -> int:
        return sum(c.found for c in self.claims)

    @property
    def right_sources(self) -> int:
        return sum(c.right_sources for c in self.claims)

    @property
    def right_status(self) -> int:
        return sum(c.right_status for c in self.claims)

    def summary(self) -> str:
        n = len(self.claims)
        return (f"{self.name}: found {self.found}/{n}, right sources {self.right_sources}/{n}, "
                f"right status {self.right_status}/{n}, junk {len(self.junk)}/{self.extracted} claims")


def run_pipeline(folder: Path):
    """The linked corpus of the raw sources in ``folder`` (no rendering)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from generator.build import discover, process_source, source_ids
    from generator.link.pipeline import link_corpus
    from generator.progress import Progress
    from generator.settings import Settings

    settings = Settings(config_file=ROOT / "mkdocs.yml", sources_dir=folder, docs_dir=folder / "_docs",
                        site_dir=folder / "_site", run_mkdocs=False, quiet=True)
    files = [p for p in discover(folder) if p.name != "expected.yaml"]
    ids = source_ids([p.relative_to(folder).as_posix() for p in files])
    works = [process_source(p, ids[p.relative_to(folder).as_posix()], settings) for p in files]
    return link_corpus(works, settings, Progress(False))


def _covers(claim, doc, fragment: str) -> bool:
    at = doc.text.find(fragment)
    if at < 0:
        return False
    return any(q.source == doc.id and q.start <= at < q.end for q in claim.quotes)


def score_corpus(folder: Path) -> CorpusScore:
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    corpus = run_pipeline(folder)
    docs = {d.file: d for d in corpus.documents}
    file_of = {d.id: d.file for d in corpus.documents}
    result = CorpusScore(expected.get("corpus") or folder.name, extracted=len(corpus.claims))
    for want in expected["claims"]:
        quotes = {f: frag for f, frag in want["quotes"].items() if f in docs}
        hits = {c.id: [f for f, frag in quotes.items() if _covers(c, docs[f], frag)] for c in corpus.claims}
        hits = {cid: files for cid, files in hits.items() if files}
        score = ClaimScore(text=want["text"], want_status=want["status"], want_sources=tuple(sorted(want["quotes"])))
        score.pieces = len(hits)
        covered = {f for files in hits.values() for f in files}
        score.missing = tuple(f"{f}: {frag}" for f, frag in sorted(quotes.items()) if f not in covered)
        if hits:
            best_id = max(sorted(hits), key=lambda cid: len(hits[cid]))
            best = next(c for c in corpus.claims if c.id == best_id)
            needed = 1 if len(quotes) == 1 else 2
            score.found = len(hits[best_id]) >= needed
            score.got_sources = tuple(sorted({file_of[q.source] for q in best.quotes}))
            score.right_sources = score.got_sources == score.want_sources
            score.got_status = best.status
            point_ok = not want.get("point") or any(v.point.startswith(want["point"]) for v in best.versions)
            independent_ok = "independent" not in want or best.independent_sources == want["independent"]
            score.right_status = score.found and best.status == want["status"] and point_ok and independent_ok
            if best.status == "contested":
                score.got_status += " (" + ",".join(sorted({v.point for v in best.versions})) + ")"
            score.canonical = best.text
        result.claims.append(score)
    not_claims = [str(f).lower() for f in expected.get("not_claims") or ()]
    matched = {c.id for c in corpus.claims for want in expected["claims"] for f, frag in want["quotes"].items()
               if f in docs and _covers(c, docs[f], frag)}
    for claim in corpus.claims:
        holds = tuple(want["text"] for want in expected["claims"]
                      if any(f in docs and _covers(claim, docs[f], frag) for f, frag in want["quotes"].items()))
        if len(holds) > 1:
            result.bridges.append((claim.text, holds))
    for claim in corpus.claims:
        texts = [q.text for q in claim.quotes]
        if any(frag in t.lower() for t in texts for frag in not_claims) or \
                any(t.rstrip(" \"'”’)").endswith(("?", "？")) for t in texts):
            result.junk.append(claim.text)
        elif claim.id not in matched:
            result.unmatched.append(claim.text)
    return result


def corpora(names: list[str] | None = None) -> list[Path]:
    folders = sorted(p for p in FIXTURES.iterdir() if (p / "expected.yaml").is_file())
    return [p for p in folders if not names or p.name in names]


def report(score: CorpusScore, out=sys.stdout) -> None:
    print(score.summary(), file=out)
    for claim in score.claims:
        marks = ("F" if claim.found else "-") + ("S" if claim.right_sources else "-") + ("T" if claim.right_status else "-")
        print(f"  [{marks}] {claim.text[:90]}", file=out)
        if not (claim.found and claim.right_sources and claim.right_status):
            print(f"        got {claim.got_status or 'nothing'} {list(claim.got_sources)}; want {claim.want_status} "
                  f"{list(claim.want_sources)}; in {claim.pieces} claim(s)", file=out)
            for missing in claim.missing:
                print(f"        not quoted: {missing}", file=out)
    for text, holds in score.bridges:
        print(f"  bridge: {text[:80]}", file=out)
        for held in holds:
            print(f"        holds: {held[:90]}", file=out)
    for junk in score.junk:
        print(f"  junk: {junk[:100]}", file=out)
    for other in score.unmatched:
        print(f"  other claim: {other[:100]}", file=out)


def main(argv: list[str]) -> int:
    scores = [score_corpus(folder) for folder in corpora(argv or None)]
    for score in scores:
        report(score)
    total = sum(len(s.claims) for s in scores)
    print(f"TOTAL: found {sum(s.found for s in scores)}/{total}, right sources {sum(s.right_sources for s in scores)}/{total}, "
          f"right status {sum(s.right_status for s in scores)}/{total}, "
          f"junk {sum(len(s.junk) for s in scores)}/{sum(s.extracted for s in scores)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
