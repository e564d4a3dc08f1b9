"""py3langid's model, from an unpacked copy when the build keeps one.

py3langid ships its model as LZMA-compressed NumPy arrays and unpacks them on
every start (0.4 s, most of the first source's cleaning time in an
incremental build). When the build names a folder for derived files
(datafiles.use_derived_dir), the unpacked arrays are saved there once as
plain ``.npy`` files (no pickle) and read back in a fraction of the time. The
identifier is then built exactly as ``LanguageIdentifier.from_model_file``
builds it, so classification is unchanged. The copy is only used for the
py3langid versions whose model layout this module knows; for any other
version, with no folder, or on any problem with the copy, the model is
loaded the usual way.
"""
from __future__ import annotations

import io
import lzma
import os
from pathlib import Path

import numpy as np

from ..datafiles import derived_path

ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
# Versions whose model file holds ARRAYS and whose from_model_file is mirrored by _identifier.
KNOWN_VERSIONS = frozenset({"0.4.0"})


def load_identifier():
    """The full py3langid identifier with normalised probabilities."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    shipped = MODEL_DIR / MODEL_FILE
    try:
        identifier = _from_unpacked_copy(shipped)
    except Exception:       # noqa: BLE001 - a broken copy must never break a build; the shipped model still works
        identifier = None
    return identifier or LanguageIdentifier.from_model_file(shipped, norm_probs=True)


def _from_unpacked_copy(shipped: Path):
    import py3langid
    version = getattr(py3langid, "__version__", "")
    if version not in KNOWN_VERSIONS:
        return None
    folder = derived_path("py3langid", version, shipped)
    if folder is None:
        return None
    arrays = read_copy(folder)
    if arrays is None:
        if folder.exists():         # unreadable (cut short by a full disk?): make it again
            _remove(folder)
        arrays = unpack(shipped)
        write_copy(folder, arrays)
    return _identifier(arrays)


def unpack(shipped: Path) -> dict[str, np.ndarray]:
    """The arrays of the compressed model file, as py3langid's load_model reads them."""
    with lzma.open(shipped) as src:
        raw = src.read()
    with np.load(io.BytesIO(raw), allow_pickle=False) as data:
        return {name: data[name] for name in ARRAYS}


def read_copy(folder: Path) -> dict[str, np.ndarray] | None:
    if not folder.is_dir():
        return None
    try:
        return {name: np.load(folder / f"{name}.npy", allow_pickle=False) for name in ARRAYS}
    except (OSError, ValueError):
        return None


def write_copy(folder: Path, arrays: dict[str, np.ndarray]) -> None:
    """Save the arrays; written to a private folder first, then renamed into place whole."""
    staging = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
    try:
        staging.mkdir(parents=True, exist_ok=True)
        for name in ARRAYS:
            np.save(staging / f"{name}.npy", arrays[name], allow_pickle=False)
        os.rename(staging, folder)
    except OSError:         # no space, read-only, or another build renamed its copy first
        _remove(staging)


def _remove(folder: Path) -> None:
    for path in folder.glob("*"):
        path.unlink(missing_ok=True)
    try:
        folder.rmdir()
    except OSError:
        pass


def _identifier(arrays: dict[str, np.ndarray]):
    """What ``LanguageIdentifier.from_model_file(..., norm_probs=True)`` builds from these arrays."""
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array
    return LanguageIdentifier(np.asarray(arrays["ptc"]), np.asarray(arrays["pc"]), arrays["classes"].tolist(),
                              _to_array(arrays["nextmove"]), arrays["out_feat"].tolist(),
                              norm_probs=True, tk_row=_to_array(arrays["nextmove_row"]))
