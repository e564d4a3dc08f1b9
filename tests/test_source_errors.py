"""A defect met by one source is reported for that source; the rest of the build goes on."""
from __future__ import annotations

from generator import build as build_module
from generator.cli import main
from tests.conftest import build_site

GOOD = "Bridge reopens\n\nThe city reopened the bridge on Tuesday after six months of repairs, officials said.\n"
ODD = "Odd file\n\nThis text trips a defect in a cleaning rule, which the test stands in for.\n"


def _failing_clean(real):
    def clean(raw, doc_id):
        if "trips a defect" in raw.text:
            raise ValueError("a rule failed on <this> input")
        return real(raw, doc_id)
    return clean


def _sources(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "good.txt").write_text(GOOD, encoding="utf-8")
    (sources / "odd.txt").write_text(ODD, encoding="utf-8")
    return sources


def test_the_other_sources_are_published_and_the_error_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(build_module, "clean", _failing_clean(build_module.clean))
    result, settings = build_site(tmp_path, _sources(tmp_path), run_mkdocs=False)
    assert [d.file for d in result.corpus.documents] == ["good.txt"]
    (skipped,) = result.corpus.skipped
    assert skipped.file == "odd.txt"
    assert "ValueError: a rule failed on <this> input" in skipped.reason and "please report" in skipped.reason
    report = (settings.docs_dir / "report.md").read_text(encoding="utf-8")
    assert "odd.txt" in report and "<this>" not in report      # the message is text, not HTML


def test_strict_build_fails_on_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(build_module, "clean", _failing_clean(build_module.clean))
    sources = _sources(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    code = main(["build", "--config-file", str(tmp_path / "mkdocs.yml"), "--sources", str(sources),
                 "--docs-dir", str(tmp_path / "docs"), "--site-dir", str(tmp_path / "site"),
                 "--no-mkdocs", "--no-cache", "--strict"])
    assert code != 0
    assert "odd.txt" in capsys.readouterr().err
