"""Front matter at the top of Markdown and text sources becomes metadata, not text."""
from __future__ import annotations

from pathlib import Path

from generator.build import process_source
from generator.read_front_matter import MAX_HINT_CHARS, split_front_matter
from generator.settings import Settings


def test_yaml_block_becomes_hints_and_leaves_the_text():
    text, hints = split_front_matter("---\ntitle: Bridge reopens\ndate: 2031-03-04\n"
                                     "author: R. Okoye\nlayout: post\n---\n\nThe bridge reopened.\n")
    assert text == "The bridge reopened.\n"
    assert hints == (("author", "R. Okoye"), ("published", "2031-03-04"), ("title", "Bridge reopens"))


def test_toml_block_and_lists_of_names():
    text, hints = split_front_matter('+++\ntitle = "Pont rouvert"\nauthors = ["A. Martin", "B. Roy"]\n'
                                     'tags = ["transport"]\n+++\nLe pont a rouvert.\n')
    assert text == "Le pont a rouvert.\n"
    assert dict(hints) == {"title": "Pont rouvert", "author": "A. Martin; B. Roy", "tags": "transport"}


def test_field_names_ignore_case_and_separators_and_first_listed_wins():
    _, hints = split_front_matter("---\nPublish-Date: 2031-01-02\nDate: 2030-12-31\nSite_Name: Example Post\n"
                                  "author:\n  - name: C. Diaz\n    url: https://example.org/c\n---\nx\n")
    assert dict(hints) == {"published": "2031-01-02", "publisher": "Example Post", "author": "C. Diaz"}


def test_scalars_are_kept_as_written():
    # YAML 1.1 would read these as a boolean and a number in base 60.
    _, hints = split_front_matter("---\ntitle: No\ndescription: 12:30\n---\nx\n")
    assert dict(hints) == {"title": "No", "description": "12:30"}


def test_text_without_a_block_is_untouched():
    for text in ("Plain text.\n---\ntitle: x\n---\n", "# Heading\n\ntitle: x\n", ""):
        assert split_front_matter(text) == (text, ())


def test_blocks_that_are_not_known_metadata_stay_in_the_text():
    for text in ("---\nJust a line between two rules\n---\nbody\n",       # not a mapping
                 "---\nNote: nothing this reader knows\n---\nbody\n",     # no listed field
                 "---\ntitle: a: b\n---\nbody\n",                          # does not parse
                 "---\ntitle: never closed\n\nbody\n"):                    # no closing line
        assert split_front_matter(text) == (text, ())


def test_aliases_are_refused():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\ntitle: *b\n---\nbody\n"
    assert split_front_matter(bomb) == (bomb, ())


def test_tags_are_not_executed_and_values_are_bounded():
    _, hints = split_front_matter("---\ntitle: !!python/object/apply:os.system [echo hi]\n"
                                  f"description: {'y' * (MAX_HINT_CHARS + 1)}\n---\nx\n")
    assert dict(hints) == {"title": "echo hi"}


def test_a_source_with_front_matter_gets_its_metadata(tmp_path: Path):
    sources = tmp_path / "sources"
    sources.mkdir()
    path = sources / "note.md"
    path.write_text("---\ntitle: Bridge reopens after repairs\ndate: 2031-03-04\nauthor: Rosa Okoye\n---\n\n"
                    "The city reopened the bridge on Tuesday after six months of repairs, officials said.\n",
                    encoding="utf-8")
    settings = Settings(config_file=tmp_path / "mkdocs.yml", sources_dir=sources, docs_dir=tmp_path / "docs",
                        site_dir=tmp_path / "site")
    doc = process_source(path, "note", settings).doc
    assert doc.metadata.title == "Bridge reopens after repairs"
    assert doc.metadata.published == "2031-03-04"
    assert doc.metadata.authors == ("Rosa Okoye",)
    assert "title:" not in doc.text and doc.text.startswith("The city reopened the bridge")


def test_a_source_that_is_only_front_matter_is_reported(tmp_path: Path):
    sources = tmp_path / "sources"
    sources.mkdir()
    path = sources / "empty.md"
    path.write_text("---\ntitle: Nothing below\n---\n\n", encoding="utf-8")
    settings = Settings(config_file=tmp_path / "mkdocs.yml", sources_dir=sources, docs_dir=tmp_path / "docs",
                        site_dir=tmp_path / "site")
    work = process_source(path, "empty", settings)
    assert work.doc is None and "front matter" in work.skipped.reason
