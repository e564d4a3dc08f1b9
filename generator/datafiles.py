"""Reading the generator's own YAML data files, and faster copies of package data.

libyaml's parser (when PyYAML was built with it) reads the larger data files
ten times faster than the pure-Python one; both give the same values for
the plain YAML these files use (tests/test_datafiles.py checks every file).
"""
from __future__ import annotations

from pathlib import Path

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text_or_stream):
    """``yaml.safe_load`` with the fastest safe loader available."""
    return yaml.load(text_or_stream, Loader=SAFE_LOADER)


# --- files derived from installed packages ------------------------------------
#
# Some packages ship their data in a form that is slow to load (py3langid's
# model is LZMA-compressed: 0.4 s to unpack on every start). A build may name
# a folder where an unpacked copy is kept; each copy is named after the
# package version and the shipped file's size and time, so an upgrade makes
# a new one, and any problem with the folder means loading the shipped file
# as before. With no folder named, nothing is written anywhere.

_derived_dir: Path | None = None


def use_derived_dir(path: Path | None) -> None:
    """Keep faster-loading copies of package data in ``path`` (None: don't)."""
    global _derived_dir
    _derived_dir = Path(path) if path is not None else None


def derived_path(package: str, version: str, source: Path) -> Path | None:
    """Where the derived copy of ``source`` (a file of ``package``) belongs, or None."""
    if _derived_dir is None:
        return None
    try:
        stat = source.stat()
    except OSError:
        return None
    return _derived_dir / f"{package}-{version}-{stat.st_size}-{stat.st_mtime_ns}"
