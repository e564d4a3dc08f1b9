"""CPU time of the per-source work (read, clean, extract), per source and per stage.

Usage: python benchmarks/per_source_cpu.py [N]   (default 400 synthetic sources)

Wall-clock build times on a shared machine move with its load; the CPU time
one process spends on each source moves only with the code. This prints it
(milliseconds per source, after a warm-up that loads the models), split into
the stages of ``build.process_source``, to catch a rule that makes every
source slower before a cold build shows it.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import write_corpus  # noqa: E402

WARM_UP = 20


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv else 400
    from generator import build as stages
    from generator.clean import clean
    from generator.extract import claims, entities
    from generator.settings import Settings

    with tempfile.TemporaryDirectory(prefix="sourcebook-cpu-") as tmp:
        sources = Path(tmp) / "raw"
        write_corpus(sources, count + WARM_UP)
        settings = Settings(config_file=ROOT / "mkdocs.yml", sources_dir=sources, docs_dir=Path(tmp) / "docs",
                            site_dir=Path(tmp) / "site")
        files = sorted(sources.iterdir())
        ids = stages.source_ids([f.name for f in files])
        for path in files[:WARM_UP]:
            stages.process_source(path, ids[path.name], settings)
        spent = dict.fromkeys(("read", "clean", "entities", "claims"), 0.0)
        for path in files[WARM_UP:]:
            started = time.process_time()
            raw = stages.read_one(path, settings)
            read_done = time.process_time()
            doc = clean(raw, ids[path.name])
            clean_done = time.process_time()
            mentions = entities.find_mentions(doc)
            mentions_done = time.process_time()
            claims.find_statements(doc, mentions)
            spent["read"] += read_done - started
            spent["clean"] += clean_done - read_done
            spent["entities"] += mentions_done - clean_done
            spent["claims"] += time.process_time() - mentions_done
    per = {stage: 1000 * seconds / count for stage, seconds in spent.items()}
    print(f"{count} synthetic sources, CPU ms per source: {sum(per.values()):.2f} "
          f"({', '.join(f'{stage} {ms:.2f}' for stage, ms in per.items())})")


if __name__ == "__main__":
    main(sys.argv[1:])
