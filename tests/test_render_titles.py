"""Source titles: a language mark wherever they are listed, and the heading's title not repeated in the facts."""
from __future__ import annotations

from generator.model import Document, Metadata
from generator.render import _source_facts
from tests.conftest import build_site

JAPANESE = "県が観光船の運航停止を命令\n\n県は9日、安全管理に不備があったとして、観光船会社に対し1か月の運航停止を命じた。\n"


def test_titles_in_the_sources_index_carry_their_language(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "ja.txt").write_text(JAPANESE, encoding="utf-8")
    _, settings = build_site(tmp_path, sources, run_mkdocs=False)
    index = (settings.docs_dir / "sources" / "index.md").read_text(encoding="utf-8")
    assert '<span lang="ja">[県が観光船の運航停止を命令]' in index


def test_the_facts_list_only_the_titles_the_heading_does_not_show():
    meta = Metadata(title="Harbour reopens", titles=(("en", "Harbour reopens"), ("zh", "港口重新开放")),
                    languages=("en", "zh"))
    doc = Document(id="d", file="d.txt", content_hash="0", metadata=meta, blocks=(), text="")
    labels = [label for label, _ in _source_facts(doc, "sources/d.md", {})]
    assert "Title (中文)" in labels and "Title (English)" not in labels
