"""Near-duplicate sources: MinHash + LSH over word 5-shingles (generator/near_duplicates.py)."""
from __future__ import annotations

import json
import random

from generator import near_duplicates as nd
from generator.build import drop_near_duplicates, process_all
from generator.progress import Progress
from generator.settings import Settings
from tests.conftest import ROOT

WORDS = ("river council bridge vote budget mayor school road tax plan city water park rail bus "
         "market farm energy court judge police fire health port trade union strike harbour").split()


def article(seed: int, n: int = 300) -> str:
    rng = random.Random(seed)
    sentences = [" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(n // 12)]
    return "\n\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4))


def test_whitespace_and_chrome_variant_is_a_copy():
    text = article(1)
    variant = "Share this page\n\n" + text.replace(" ", "  ").replace("\n\n", "\n") + "\n\n42 views"
    assert nd.find_near_duplicates([nd.Item("b.txt", variant), nd.Item("a.txt", text)]) == {"b.txt": "a.txt"}


def test_different_articles_are_not_copies():
    items = [nd.Item(f"{i:03}.txt", article(i)) for i in range(40)]
    assert nd.find_near_duplicates(items) == {}


def test_half_rewritten_article_is_not_a_copy():
    text = article(2)
    words = text.split()
    half = " ".join(words[: len(words) // 2]) + " " + article(3)[: len(text) // 2]
    assert nd.find_near_duplicates([nd.Item("a", text), nd.Item("b", half)]) == {}


def test_same_url_is_a_copy_whatever_the_text():
    items = [nd.Item("x.html", article(4), "https://example.org/p"), nd.Item("y.html", article(5), "https://example.org/p")]
    assert nd.find_near_duplicates(items) == {"y.html": "x.html"}


def test_earliest_file_is_kept_and_chains_point_at_it():
    text = article(6)
    items = [nd.Item("c", text + " One more."), nd.Item("b", text), nd.Item("a", text + " Extra.")]
    assert nd.find_near_duplicates(items) == {"b": "a", "c": "a"}


def test_cjk_text_is_shingled_by_character():
    pool = "政府宣布新的桥梁计划将在明年开工建设并且预算已经批准城市河流学校道路"
    rng = random.Random(11)
    text = "".join(rng.choice(pool) for _ in range(400))
    assert len(nd.tokens(text)) == len(text)
    variant = "分享\n" + text
    assert nd.find_near_duplicates([nd.Item("a", text), nd.Item("b", variant)]) == {"b": "a"}


def test_signatures_are_deterministic_and_cacheable():
    text = article(7)
    assert nd.sketch(text) == nd.sketch(text)
    item = nd.Item("b", "unrelated words only here", sketch=nd.sketch(text))
    assert nd.find_near_duplicates([nd.Item("a", text), item]) == {"b": "a"}
    assert nd.signature("") is None and nd.find_near_duplicates([nd.Item("a", ""), nd.Item("b", "")]) == {}


def test_build_reports_near_duplicate_and_same_url(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    text = "A bridge for the city\n\n" + article(8)
    (src / "a.txt").write_text(text, encoding="utf-8")
    (src / "b.txt").write_text(text.replace("\n\n", "\n\n\n") + "\n\n1,204 views\n", encoding="utf-8")
    (src / "c.txt").write_text("Another story\n\n" + article(9), encoding="utf-8")
    (src / "d.txt").write_text("Yet another story\n\n" + article(10), encoding="utf-8")
    for name in ("c.txt", "d.txt"):
        (src / f"{name}.source.json").write_text(json.dumps({"url": "https://example.org/same"}), encoding="utf-8")
    settings = Settings(config_file=ROOT / "mkdocs.yml", sources_dir=src, docs_dir=tmp_path / "d", site_dir=tmp_path / "s")
    works = drop_near_duplicates(process_all(settings, Progress(enabled=False)), src)
    reasons = {w.file: w.skipped.reason for w in works if w.skipped}
    assert reasons == {"b.txt": "near-duplicate of a.txt", "d.txt": "near-duplicate of c.txt"}


def test_copy_found_among_many_template_like_sources():
    items = [nd.Item(f"{i:04}", f"Item {i} was listed in the weekly council notice for the river district") for i in range(300)]
    items.append(nd.Item("9999", "Item 250 was listed in the weekly council notice for the river district"))
    assert nd.find_near_duplicates(items) == {"9999": "0250"}
