"""The fast YAML loader reads every data file exactly as the reference loader does."""
from pathlib import Path

import pytest
import yaml

from generator.datafiles import load_yaml

DATA_FILES = sorted((Path(__file__).resolve().parents[1] / "generator").rglob("*.yaml"))


def test_there_are_data_files():
    assert len(DATA_FILES) >= 10


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_same_values_as_the_pure_python_loader(path):
    text = path.read_text(encoding="utf-8")
    assert load_yaml(text) == yaml.load(text, Loader=yaml.SafeLoader)


def test_unsafe_tags_are_refused():
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")
