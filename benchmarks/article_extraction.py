"""Score ``generator.read_html.extract_html`` on the article-extraction benchmark.

The benchmark folder holds ``html/<id>.html.gz`` pages and ``ground-truth.json``
with each page's hand-checked ``articleBody``. Scoring follows the benchmark
authors' method: lowercase ``\\w+`` tokens, 4-token shingles counted as
multisets, per-page true/false positives and false negatives normalised to sum
to 1, precision and recall averaged over the pages where they are defined, F1
computed from the two means. ``--compare-trafilatura`` also scores a plain
``trafilatura.extract`` call, the reference the module must match or beat.

Usage: ``python benchmarks/article_extraction.py [BENCH_DIR] [--compare-trafilatura]``
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.read_html import extract_html  # noqa: E402

DEFAULT_DIR = REPO.parent / "shared/benchmarks/article-extraction"
SHINGLE = 4
# Markdown markers our extractor emits; \w+ tokens ignore most of them anyway.
MARKUP = re.compile(r"^\s*(?:#{1,6}\s|[-*]\s|\d+\.\s|>\s?)|\|[-|: ]*\||\|", re.MULTILINE)


def markdown_to_plain(text: str) -> str:
    """Drop the Markdown markers so only the words are scored."""
    return MARKUP.sub(" ", text)


def shingles(text: str) -> Counter:
    tokens = re.findall(r"\w+", text.lower())
    return Counter(tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def page_scores(truth: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    want, got = shingles(truth), shingles(pred)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def summarise(scores: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precisions = [tp / (tp + fp) for tp, fp, _ in scores if tp + fp > 0]
    recalls = [tp / (tp + fn) for tp, _, fn in scores if tp + fn > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_pages(bench: Path) -> list[tuple[str, str, str, str | None]]:
    """(id, html, expected body, url) for every page, sorted by id."""
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        raw = gzip.decompress((bench / "html" / f"{page_id}.html.gz").read_bytes())
        html = raw.decode("utf-8", errors="replace")
        pages.append((page_id, html, truth[page_id]["articleBody"], truth[page_id].get("url")))
    return pages


def run(name: str, pages: list, extract: Callable[[str, str | None], str],
        detail: bool = False) -> None:
    started = time.perf_counter()
    scores = []
    for page_id, html, expected, url in pages:
        score = page_scores(expected, extract(html, url))
        scores.append(score)
        if detail:
            tp, fp, fn = score
            print(f"  {page_id}  tp={tp:.3f} fp={fp:.3f} fn={fn:.3f}")
    seconds = time.perf_counter() - started
    precision, recall, f1 = summarise(scores)
    print(f"{name}: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
          f"pages {len(pages)}  seconds {seconds:.1f}")


def ours(html: str, url: str | None) -> str:
    return markdown_to_plain(extract_html(html, url).text)


def plain_trafilatura(html: str, url: str | None) -> str:
    import trafilatura
    return trafilatura.extract(html, url=url) or ""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--compare-trafilatura", action="store_true")
    parser.add_argument("--detail", action="store_true", help="print per-page scores")
    args = parser.parse_args(argv)
    pages = load_pages(args.bench)
    run("sourcebook", pages, ours, args.detail)
    if args.compare_trafilatura:
        run("trafilatura", pages, plain_trafilatura, args.detail)


if __name__ == "__main__":
    main()
