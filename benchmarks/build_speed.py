"""Build time and peak memory of `sourcebook build` on synthetic corpora.

Usage: python benchmarks/build_speed.py [N ...]   (default: 1000 10000)
       options: --no-full (skip the MkDocs build), --no-zensical,
                --tmp=DIR (where the corpus, cache and output live; default:
                the system's temporary folder. On a machine whose disk stalls
                after large deletions, --tmp=/dev/shm shows the generator's
                own speed apart from the disk's)

Per N, in fresh child processes and a fresh cache:
  cold     generator only (--no-mkdocs), empty cache, no previous docs
  nochange the same build again (warm cache, previous docs present)
  add1     after adding one source about an existing story
  full     generator (warm) + MkDocs on the same corpus
  zensical `zensical build` on the generated docs/ (when installed)
Each row gives wall seconds, sources per second and the peak resident memory
(ru_maxrss: the largest single process, the build or one of its workers).

The generator package, mkdocs.yml and overrides/ are snapshot into the
temporary folder first, so edits made to the working tree while the
benchmark runs neither change the code measured nor invalidate the cache.
The builds may write the snapshot's compiled modules (__pycache__), as an
installed generator has them. A build returns while a background process
finishes its cache files; the benchmark waits for that process between
builds, outside the timings.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import add_source, write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ZENSICAL_CANDIDATES = ("/tmp/zvenv/bin/zensical",)


def snapshot(into: Path) -> Path:
    """A copy of the code and config the builds run; returns its mkdocs.yml."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "generator", into / "generator", ignore=ignore)
    if (ROOT / "overrides").is_dir():
        shutil.copytree(ROOT / "overrides", into / "overrides", ignore=ignore)
    shutil.copy(ROOT / "mkdocs.yml", into / "mkdocs.yml")
    return into / "mkdocs.yml"


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, str]:
    """(seconds, peak MB, stderr tail) of one child process; raises on failure."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}... failed (status {status}): {err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, err


def sourcebook(snap: Path, config: Path, sources: Path, out: Path, cache: Path, extra: list[str]):
    cmd = [sys.executable, "-m", "generator", "build", "--debug", "--config-file", str(config),
           "--sources", str(sources), "--docs-dir", str(out / "docs"), "--site-dir", str(out / "site"),
           "--cache-dir", str(cache), *extra]
    env = dict(os.environ, PYTHONPATH=str(snap), SOURCE_DATE_EPOCH="1767225600")
    # Python caches compiled modules unless told not to (some sandboxes are): then
    # every build would recompile the generator (0.2 s), which no installed copy does.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    seconds, mb, err = timed(cmd, snap, env)
    wait_for_cache_writer(cache)
    return seconds, mb, stage_times(err)


def wait_for_cache_writer(cache: Path) -> None:
    """Wait until the build's background writer has finished its cache files
    (see generator/cache.py): the next build is timed from a settled cache, as
    when a user builds again minutes later, and the folder can be removed."""
    try:
        import fcntl
    except ImportError:
        return          # no background writer without fork
    for lock in sorted((cache / "builds").glob("*.lock")):
        with lock.open("rb") as handle:
            fcntl.flock(handle, fcntl.LOCK_SH)


def stage_times(log: str) -> str:
    """'per-source 1.2 link 3.4 ...' from the --debug log lines."""
    laps = re.findall(r"time: (\S+)[^\n]*? ([\d.]+) s", log)
    return " ".join(f"{name} {float(s):.1f}" for name, s in laps)


def zensical(snap: Path, out: Path) -> tuple[float, float, str] | None:
    exe = shutil.which("zensical") or next((c for c in ZENSICAL_CANDIDATES if Path(c).is_file()), None)
    if exe is None:
        return None
    config = (snap / "mkdocs.yml").read_text(encoding="utf-8")
    # Zensical wants docs and site inside the folder holding the config.
    config = re.sub(r"(?m)^docs_dir:.*$", "docs_dir: docs", config)
    config = re.sub(r"(?m)^site_dir:.*$", "site_dir: zsite", config)
    (out / "zensical-bench.yml").write_text(config, encoding="utf-8")
    if (snap / "overrides").is_dir() and not (out / "overrides").exists():
        shutil.copytree(snap / "overrides", out / "overrides")
    try:
        return timed([exe, "build", "--config-file", str(out / "zensical-bench.yml")], out)
    except RuntimeError as exc:
        return -1.0, 0.0, str(exc).splitlines()[-1][:200]


def row(n: int, label: str, seconds: float, mb: float, detail: str = "", rate: bool = True) -> None:
    speed = f"{n / seconds:8.1f}" if rate and seconds > 0 else f"{'':>8}"
    print(f"{n:>7} {label:<9} {seconds:>9.2f} {speed} {mb:>8.0f}  {detail}", flush=True)


def bench(n: int, full: bool, with_zensical: bool, where: str | None = None) -> None:
    with tempfile.TemporaryDirectory(prefix="sourcebook-bench-", dir=where) as tmp:
        tmp_path = Path(tmp)
        snap = tmp_path / "snap"
        config = snapshot(snap)
        raw, out, cache = tmp_path / "raw", tmp_path / "out", tmp_path / "cache"
        write_corpus(raw, n)
        args = (snap, config, raw, out, cache)
        seconds, mb, laps = sourcebook(*args, ["--no-mkdocs"])
        row(n, "cold", seconds, mb, laps)
        seconds, mb, laps = sourcebook(*args, ["--no-mkdocs"])
        row(n, "nochange", seconds, mb, laps)
        added = add_source(raw, n, n)
        seconds, mb, laps = sourcebook(*args, ["--no-mkdocs"])
        row(n + 1, "add1", seconds, mb, f"{laps} (+{added.name})", rate=False)
        if not full:
            return
        seconds, mb, _ = sourcebook(*args, [])
        row(n + 1, "full", seconds, mb, "generator (warm) + MkDocs", rate=False)
        if with_zensical:
            result = zensical(snap, out)
            if result is None:
                print(f"{n + 1:>7} zensical  not installed", flush=True)
            elif result[0] < 0:
                print(f"{n + 1:>7} zensical  failed: {result[2]}", flush=True)
            else:
                row(n + 1, "zensical", result[0], result[1], "zensical build on the same docs/", rate=False)


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv if not a.startswith("--")] or [1000, 10000]
    where = next((a.split("=", 1)[1] for a in argv if a.startswith("--tmp=")), None)
    print(f"cores: {os.cpu_count()}; load average at start: {os.getloadavg()[0]:.1f}; files in {where or tempfile.gettempdir()}")
    print(f"{'sources':>7} {'build':<9} {'seconds':>9} {'src/s':>8} {'peak MB':>8}  stages (s)")
    for n in sizes:
        bench(n, "--no-full" not in argv, "--no-zensical" not in argv, where)


if __name__ == "__main__":
    main(sys.argv[1:])
