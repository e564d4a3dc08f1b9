"""Build time and peak memory of `sourcebook build` on synthetic corpora.

Usage: python benchmarks/build_speed.py [N ...]   (default: 100 1000)
Prints, per N: generator-only time (--no-mkdocs), full build time including
MkDocs, and the peak resident memory of each run.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def timed_build(sources: Path, out: Path, extra: list[str]) -> tuple[float, float]:
    """(seconds, peak MB) of one build in a child process."""
    cmd = [sys.executable, "-m", "generator", "build", "--quiet", "--config-file", str(ROOT / "mkdocs.yml"),
           "--sources", str(sources), "--docs-dir", str(out / "docs"), "--site-dir", str(out / "site"), *extra]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT)
    _, status, usage = __import__("os").wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"build failed for {sources} (status {status})")
    return seconds, usage.ru_maxrss / 1024


def main(sizes: list[int]) -> None:
    print(f"{'sources':>8} {'generator s':>12} {'src/s':>8} {'gen peak MB':>12} {'full build s':>13} {'full peak MB':>13}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            tmp_path = Path(tmp)
            write_corpus(tmp_path / "raw", n)
            gen_s, gen_mb = timed_build(tmp_path / "raw", tmp_path / "gen", ["--no-mkdocs"])
            full_s, full_mb = timed_build(tmp_path / "raw", tmp_path / "full", [])
            print(f"{n:>8} {gen_s:>12.2f} {n / gen_s:>8.1f} {gen_mb:>12.0f} {full_s:>13.2f} {full_mb:>13.0f}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000])
