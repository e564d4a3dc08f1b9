"""Broken configuration: one line naming what and where, a non-zero exit, no traceback;
``--debug`` shows the traceback instead."""
from __future__ import annotations

import subprocess
import sys

import pytest

from generator import cli
from generator.registry import RegistryError
from generator.settings import SettingsError
from tests.conftest import ROOT

ARTICLE = "A short headline\n\nThe council approved the new budget on Tuesday after a long debate.\n"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _build(project, *extra, config=None):
    args = ["build", "--docs-dir", str(project / "d"), "--site-dir", str(project / "s"), *extra]
    if config is not None:
        args += ["--config-file", str(config)]
    else:
        args += ["--sources", str(project / "src")]
    return args


def _one_line_error(capsys, code, *words):
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1, err
    assert err[0].startswith("sourcebook: error: ") and "Traceback" not in err[0]
    for word in words:
        assert word in err[0], (word, err[0])


def _config(project, body: str, name="mkdocs.yml"):
    path = project / name
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("body, words", [
    ("site_name: [unclosed\n", ["line 1", "invalid YAML"]),
    ("site_name: X\n\tbad: tab\n", ["line 2", "invalid YAML"]),
    ("- a list\n- not a mapping\n", ["mapping at the top level"]),
    ("site_name: X\nextra: 5\n", ["extra must be a mapping"]),
    ("site_name: X\nextra:\n  sourcebook: [1, 2]\n", ["extra.sourcebook must be a mapping"]),
    ("site_name: X\ndocs_dir: [1]\nextra:\n  sourcebook:\n    sources: src\n", ["docs_dir must be a path"]),
    ("site_name: X\nextra:\n  sourcebook:\n    sources: 5\n", ["extra.sourcebook.sources must be a path"]),
    ("site_name: X\nextra:\n  sourcebook:\n    sources: src\n    registry: {a: 1}\n", ["extra.sourcebook.registry"]),
    ("site_name: X\nextra:\n  sourcebook:\n    sources: src\n    max_file_mb: -3\n", ["max_file_mb"]),
    ("site_name: X\nextra:\n  sourcebook:\n    sources: src\n    max_file_mb: lots\n", ["max_file_mb"]),
])
def test_broken_mkdocs_yml_is_one_line(project, capsys, body, words):
    config = _config(project, body)
    code = cli.main(_build(project, "--no-mkdocs", config=config))
    _one_line_error(capsys, code, str(config), *words)


@pytest.mark.parametrize("body, key", [
    ("use_directory_urls: maybe\n", "use_directory_urls"),
    ("markdown_extensions: 5\n", "markdown_extensions"),
    ("theme:\n  name: no-such-theme\n", "theme"),
])
def test_values_mkdocs_rejects_are_one_line_before_any_work(project, capsys, body, key):
    config = _config(project, f"site_name: X\n{body}extra:\n  sourcebook:\n    sources: src\n")
    code = cli.main(_build(project, config=config))
    _one_line_error(capsys, code, str(config), key)
    assert not (project / "d").exists(), "the check runs before pages are generated"


def test_config_that_is_not_utf8_is_one_line(project, capsys):
    config = project / "mkdocs.yml"
    config.write_bytes(b"\xff\xfe\x00site_name: x\n")
    code = cli.main(_build(project, "--no-mkdocs", config=config))
    _one_line_error(capsys, code, str(config), "UTF-8")


def test_missing_config_is_one_line(project, capsys):
    code = cli.main(_build(project, "--no-mkdocs", config=project / "nope.yml"))
    _one_line_error(capsys, code, "nope.yml", "no such file")


@pytest.mark.parametrize("make", [
    lambda p: p / "missing",
    lambda p: p / "src" / "a.txt",     # a file, not a folder
])
def test_missing_sources_folder_is_one_line(project, capsys, make):
    folder = make(project)
    code = cli.main(["build", "--sources", str(folder), "--docs-dir", str(project / "d"),
                     "--site-dir", str(project / "s"), "--no-mkdocs"])
    _one_line_error(capsys, code, str(folder), "sources folder not found")


@pytest.mark.parametrize("body, words", [
    ("entities:\n  - name: [A\n", [":2:", "invalid YAML"]),
    ("entities:\n  - name: A\n    type: persn\n", [":3:", "unknown type"]),
    ("just a string\n", ["expected a list of entities"]),
])
def test_bad_registry_is_one_line(project, capsys, body, words):
    registry = _config(project, body, name="entities.yml")
    code = cli.main(_build(project, "--no-mkdocs", "--registry", str(registry)))
    _one_line_error(capsys, code, str(registry), *words)
    assert not (project / "d").exists(), "the registry is checked before sources are read"


def test_missing_registry_is_one_line(project, capsys):
    code = cli.main(_build(project, "--no-mkdocs", "--registry", str(project / "none.yml")))
    _one_line_error(capsys, code, "none.yml", "cannot read registry")


def test_debug_shows_the_traceback(project, capsys):
    with pytest.raises(RegistryError):
        cli.main(_build(project, "--no-mkdocs", "--debug", "--registry", str(project / "none.yml")))
    config = _config(project, "site_name: [unclosed\n")
    with pytest.raises(SettingsError):
        cli.main(_build(project, "--no-mkdocs", "--debug", config=config))


def test_command_line_error_has_no_traceback_but_debug_has(project):
    config = _config(project, "site_name: X\nextra: 5\n")
    common = [sys.executable, "-m", "generator", *_build(project, "--no-mkdocs", config=config)]
    plain = subprocess.run(common, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    assert plain.stderr.strip().count("\n") == 0
    debug = subprocess.run(common + ["--debug"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert debug.returncode != 0 and "Traceback" in debug.stderr and "SettingsError" in debug.stderr
