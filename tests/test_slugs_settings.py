"""Slugs from untrusted names, and settings from mkdocs.yml and the CLI."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import source_ids
from generator.settings import SettingsError, load_settings
from generator.slugs import ascii_slug, latin_fold, slugify


@pytest.mark.parametrize("name", ["../../etc/passwd", ".hidden", "CON", "a b", "安迪", "\u202eevil", "a/b/c", ""])
def test_slugs_are_safe(name):
    slug = slugify(name)
    assert slug and all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in slug)
    assert slugify(name) == slug  # stable


def test_different_names_get_different_slugs():
    names = ["a b", "a-b", "a_b", "A B", "a  b", "ab"]
    assert len({slugify(n) for n in names}) == len(names)


@pytest.mark.parametrize("name, slug", [
    ("Czysta Wrzeła", "czysta-wrzela"), ("Łódź", "lodz"), ("Søren Ørsted", "soren-orsted"),
    ("Đặng Văn", "dang-van"), ("Straße", "strasse"), ("Æther Œuvre", "aether-oeuvre"), ("Kaymakamlığı", "kaymakamligi"),
])
def test_claim_and_name_slugs_spell_letters_nfkd_keeps_whole(name, slug):
    # NFKD splits "ü" into "u" and an accent, but "ł", "ø", "đ", "æ" are letters of their own:
    # dropping them made "Wrzeła" "wrze-a".
    assert ascii_slug(name) == slug
    assert latin_fold("Wrzeła Zürich") == "Wrzela Zurich"


def test_source_page_names_fold_as_before():
    # A source's page name is its URL: an upgrade of the generator must not move it.
    assert slugify("Czysta Wrzeła") == "czysta-wrzea-40dfb5"
    assert slugify("Zürich") == "zurich-425168"


def test_source_ids_keep_both_files_with_same_stem():
    ids = source_ids(["x.md", "x.txt", "y.txt"])
    assert len(set(ids.values())) == 3
    assert ids["y.txt"] == "y"


def test_source_ids_do_not_depend_on_other_files():
    assert source_ids(["a.txt", "b.txt"])["a.txt"] == source_ids(["a.txt", "c.txt", "zz/a.txt"])["a.txt"]


def test_settings_from_mkdocs_yml_and_overrides(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: T\ndocs_dir: pages\nextra:\n  sourcebook:\n    sources: raw\n    max_file_mb: 2\n",
                      encoding="utf-8")
    settings = load_settings(config)
    assert settings.sources_dir == (tmp_path / "raw").resolve()
    assert settings.docs_dir == (tmp_path / "pages").resolve()
    assert settings.max_file_bytes == 2_000_000
    overridden = load_settings(config, sources_dir=str(tmp_path / "other"), quiet=True)
    assert overridden.sources_dir == (tmp_path / "other").resolve() and overridden.quiet


def test_bad_settings_name_the_file(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  sourcebook:\n    max_file_mb: lots\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="max_file_mb"):
        load_settings(config)
    with pytest.raises(SettingsError, match="no such file"):
        load_settings(tmp_path / "missing.yml")


def test_entity_page_names_spell_undecomposed_letters_and_cyrillic():
    # An entity named only in Cyrillic, or with "ł", had a hashed or broken page name.
    from generator.link.entities import entity_slug
    assert entity_slug("Czysta Wrzeła") == "czysta-wrzela"
    assert entity_slug("Оксана Гребенюк") == "oksana-hrebenyuk"
    assert entity_slug("Hà Nội") == "ha-noi"
    assert entity_slug("Zürich") == "zurich"
