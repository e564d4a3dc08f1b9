"""generator.registry: loading and validation of the editor's registry."""
from pathlib import Path

import pytest

from generator.registry import RegistryError, load_registry


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "entities.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_full_entry(tmp_path):
    reg = load_registry(write(tmp_path, (
        "entities:\n"
        "  - name: Karel Vondra\n"
        "    type: person\n"
        "    aliases:\n"
        "      zh: [卡雷尔·冯德拉]\n"
        "      en: [K. Vondra]\n"
        "    description: Engineer.\n"
        "    links:\n"
        "      - {label: Site, url: 'https://example.org'}\n"
        "    merge: [Vondra]\n"
        "    not_same_as: [Karel Vondra Jr]\n")))
    (entry,) = reg.entries
    assert entry.name == "Karel Vondra" and entry.type == "person"
    assert entry.aliases == (("en", "K. Vondra"), ("zh", "卡雷尔·冯德拉"))
    assert entry.links == (("Site", "https://example.org"),)
    assert entry.merge == ("Vondra",) and entry.not_same_as == ("Karel Vondra Jr",)
    assert entry.line == 2


def test_top_level_list_and_empty_file(tmp_path):
    assert load_registry(write(tmp_path, "- name: A\n")).entries[0].name == "A"
    assert load_registry(write(tmp_path, "")).entries == ()


@pytest.mark.parametrize("text, line, words", [
    ("entities:\n  - name: A\n    type: persn\n", 3, "unknown type"),
    ("entities:\n  - type: person\n", 2, "without a name"),
    ("entities:\n  - name: A\n    colour: red\n", 3, "unknown field"),
    ("entities:\n  - name: [A\n", 2, "invalid YAML"),
    ("entities:\n  - name: A\n    links: [{label: x}]\n", 3, "needs a url"),
])
def test_errors_name_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(RegistryError) as err:
        load_registry(path)
    message = str(err.value)
    assert message.startswith(f"{path}:{line}:") and words in message and "\n" not in message


def test_missing_file(tmp_path):
    with pytest.raises(RegistryError):
        load_registry(tmp_path / "nope.yaml")
