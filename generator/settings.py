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
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise SettingsError(f"{config_file}{where}: invalid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{config_file}: expected a mapping at the top level")
    return data


def load_settings(config_file: Path, **overrides) -> Settings:
    """Build Settings from mkdocs.yml plus CLI overrides (None means 'not given')."""
    config_file = config_file.resolve()
    data = read_mkdocs_config(config_file)
    root = config_file.parent
    ours = ((data.get("extra") or {}).get("sourcebook") or {})
    if not isinstance(ours, dict):
        raise SettingsError(f"{config_file}: extra.sourcebook must be a mapping")

    def path(key: str, default: str | None) -> Path | None:
        value = ours.get(key, default) if key not in ("docs_dir", "site_dir") else data.get(key, default)
        return (root / value).resolve() if value else None

    try:
        max_mb = float(ours.get("max_file_mb", 20))
    except (TypeError, ValueError):
        raise SettingsError(f"{config_file}: extra.sourcebook.max_file_mb must be a number") from None
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
