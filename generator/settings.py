"""One Settings object: defaults, then mkdocs.yml's ``extra.sourcebook``, then the CLI.

Paths in mkdocs.yml are relative to the folder holding it; paths given on the
command line are relative to the current directory.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml


class SettingsError(Exception):
    """A configuration problem, reported to the user as one line."""


@dataclass(frozen=True)
class Settings:
    config_file: Path
    sources_dir: Path
    docs_dir: Path
    site_dir: Path
    registry_file: Path | None = None
    max_file_bytes: int = 20_000_000
    run_mkdocs: bool = True
    strict: bool = False
    quiet: bool = False
    site_name: str = "Sourcebook"
    cache_dir: Path | None = None      # per-source work kept between builds; None: no cache

    @property
    def root(self) -> Path:
        return self.config_file.parent


class _LenientLoader(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs' own tags (!!python/name:..., !ENV); keep them as text."""


def _any_tag(loader, tag_suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_LenientLoader.add_multi_constructor("!", _any_tag)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def read_mkdocs_config(config_file: Path) -> dict:
    if not config_file.is_file():
        raise SettingsError(f"{config_file}: no such file (pass --config-file or run from the project folder)")
    try:
        text = config_file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SettingsError(f"{config_file}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise SettingsError(f"{config_file}: cannot read ({exc.strerror or type(exc).__name__})") from None
    try:
        data = yaml.load(text, Loader=_LenientLoader)
    except yaml.YAMLError as exc:
        # Where the broken construct starts ("[" never closed), else where parsing stopped.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SettingsError(f"{config_file}{where}: invalid YAML ({problem})") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{config_file}: expected a mapping at the top level")
    return data


def _mapping(config_file: Path, value, where: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise SettingsError(f"{config_file}: {where} must be a mapping, not {_kind(value)}")
    return value


def _kind(value) -> str:
    return {list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__)


def load_settings(config_file: Path, **overrides) -> Settings:
    """Build Settings from mkdocs.yml plus CLI overrides (None means 'not given')."""
    config_file = config_file.resolve()
    data = read_mkdocs_config(config_file)
    root = config_file.parent
    ours = _mapping(config_file, _mapping(config_file, data.get("extra"), "extra").get("sourcebook"),
                    "extra.sourcebook")

    def path(key: str, default: str | None) -> Path | None:
        where = key if key in ("docs_dir", "site_dir") else f"extra.sourcebook.{key}"
        value = (data if key in ("docs_dir", "site_dir") else ours).get(key, default)
        if value is not None and not isinstance(value, str):
            raise SettingsError(f"{config_file}: {where} must be a path (text), not {_kind(value)}")
        return (root / value).resolve() if value else None

    try:
        max_mb = float(ours.get("max_file_mb", 20))
    except (TypeError, ValueError):
        max_mb = float("nan")
    if isinstance(ours.get("max_file_mb"), bool) or not 0 < max_mb < float("inf"):
        raise SettingsError(f"{config_file}: extra.sourcebook.max_file_mb must be a positive number of megabytes")
    settings = Settings(
        config_file=config_file,
        sources_dir=path("sources", "seeds"),
        docs_dir=path("docs_dir", "docs"),
        site_dir=path("site_dir", "site"),
        registry_file=path("registry", None),
        max_file_bytes=int(max_mb * 1_000_000),
        site_name=str(data.get("site_name") or "Sourcebook"),
        cache_dir=path("cache", ".sourcebook-cache"),
    )
    given = {k: v for k, v in overrides.items() if v is not None}
    for key in ("sources_dir", "docs_dir", "site_dir", "registry_file", "cache_dir"):
        if key in given:
            given[key] = Path(given[key]).resolve()
    return replace(settings, **given)


def check_mkdocs_config(settings: Settings) -> None:
    """Have MkDocs validate mkdocs.yml before the build starts.

    MkDocs itself only validates after all pages are generated and then logs
    each problem and aborts with a generic message; checked here, a wrong
    value is one line naming the file and the key, before any work is done.
    """
    import tempfile

    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig(config_file_path=str(settings.config_file))
    try:
        with open(settings.config_file, "rb") as fd:
            config.load_file(fd)
    except Exception as exc:  # noqa: BLE001 - MkDocs' loader raises several kinds
        raise SettingsError(f"{settings.config_file}: {_first_line(exc)}") from None
    # docs_dir must exist for MkDocs; the build passes its own staging folder
    # the same way, so an empty stand-in is checked here.
    with tempfile.TemporaryDirectory(prefix="sourcebook-check-") as docs:
        config.load_dict({"docs_dir": docs, "site_dir": str(settings.site_dir)})
        errors, _ = config.validate()
    if errors:
        key, error = errors[0]
        raise SettingsError(f"{settings.config_file}: {key}: {_first_line(error)}")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
