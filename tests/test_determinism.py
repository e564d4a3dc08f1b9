"""Same inputs -> byte-identical docs/ whatever Python's hash seed is.

Set and dict-of-str iteration order changes with PYTHONHASHSEED, so an order
(or a float sum) that leaks from a set into the output only shows up across
interpreter runs. Each corpus is therefore built in fresh subprocesses, one per
hash seed, with no cache (every build recomputes everything) and a fixed
SOURCE_DATE_EPOCH, and every file of the docs folders is compared byte for byte.

Corpora: the seeds, the held-out entity and claim scoring corpora merged into
one (more languages, formats and cross-source links; expected.yaml left out as
the scoring scripts do), and a 200-source synthetic corpus. The synthetic one
is built in two steps into the same docs folder (its first 120 sources, then
all 200) so the second build also reuses ids from the previous corpus.json and
writes a change set (What's new, feed), and both steps are compared.
"""
from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

HASH_SEEDS = ("0", "1", "4242")          # 0 = no randomisation; the others = two different orders
SOURCE_DATE_EPOCH = "1767225600"         # 2026-01-01T00:00:00Z
FIXTURES = ROOT / "tests" / "fixtures"
SCORING_CORPORA = ("unseen_entities", "unseen_claims")
SYNTHETIC_SOURCES = 200
SYNTHETIC_FIRST_STEP = 120


def _fixture_corpus(target: Path) -> Path:
    """All scoring corpora in one folder, without their expected.yaml answers."""
    target.mkdir()
    for group in SCORING_CORPORA:
        for path in sorted((FIXTURES / group).rglob("*")):
            if path.is_file() and path.name != "expected.yaml":
                name = "_".join(path.relative_to(FIXTURES).parts)   # unique across folders
                shutil.copyfile(path, target / name)
    return target


def _synthetic_corpus(target: Path) -> list[Path]:
    """The first SYNTHETIC_FIRST_STEP sources in one folder, all of them in another."""
    from benchmarks.synthetic import write_corpus
    full, first = target / "all", target / "first"
    write_corpus(full, SYNTHETIC_SOURCES)
    first.mkdir()
    for path in sorted(full.iterdir())[:SYNTHETIC_FIRST_STEP]:
        shutil.copyfile(path, first / path.name)
    return [first, full]


def _build(sources: Path, out: Path, hash_seed: str) -> Path:
    """Build ``sources`` into out/docs (replacing a previous build there) in a fresh interpreter."""
    docs = out / "docs"
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    command = [sys.executable, "-m", "generator", "build", "--no-mkdocs", "-q", "--no-cache",
               "--sources", str(sources), "--docs-dir", str(docs), "--site-dir", str(out / "site"),
               "--cache-dir", str(out / "cache"), "--config-file", str(ROOT / "mkdocs.yml")]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"PYTHONHASHSEED={hash_seed}: {done.stderr[-3000:]}"
    assert any(docs.rglob("*.md")), f"PYTHONHASHSEED={hash_seed}: no pages written"
    return docs


def _files(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def _first_difference(name: str, want: bytes, got: bytes) -> str:
    try:
        lines = difflib.unified_diff(want.decode().splitlines(), got.decode().splitlines(), lineterm="", n=1)
        return name + "\n" + "\n".join(list(lines)[:12])
    except UnicodeDecodeError:
        return f"{name} (binary, {len(want)} vs {len(got)} bytes)"


def _differences(reference: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    found = [f"only in one build: {name}" for name in sorted(set(reference) ^ set(other))]
    found += [_first_difference(name, reference[name], other[name])
              for name in sorted(set(reference) & set(other)) if reference[name] != other[name]]
    return found


# corpus -> the source folders to build one after the other into the same docs folder
CORPORA = {
    "seeds": lambda tmp: [ROOT / "seeds"],
    "scoring_fixtures": lambda tmp: [_fixture_corpus(tmp / "fixtures")],
    "synthetic_two_steps": lambda tmp: _synthetic_corpus(tmp / "synthetic"),
}


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_docs_do_not_depend_on_the_hash_seed(corpus, tmp_path):
    steps = CORPORA[corpus](tmp_path)
    builds = {seed: [] for seed in HASH_SEEDS}
    for seed in HASH_SEEDS:
        for sources in steps:
            builds[seed].append(_files(_build(sources, tmp_path / f"hash{seed}", seed)))
    first, *others = HASH_SEEDS
    for seed in others:
        for step, (reference, other) in enumerate(zip(builds[first], builds[seed]), 1):
            differences = _differences(reference, other)
            assert not differences, (f"{corpus} step {step}: PYTHONHASHSEED={first} vs {seed}: "
                                     f"{len(differences)} files differ\n" + "\n\n".join(differences[:5]))
