"""Reusing rendered pages (and data-export parts) between builds.

Every cached piece is rendered by a function of one *inputs* value (a
NamedTuple built for it, or a single model object) and of nothing else but the
generator's own code and templates. Its key is a digest of that inputs value
and of the generator's fingerprint, so a piece whose inputs did not change is
reused, and any change to anything the renderer can see renders it again.

Model objects (Document, Entity, Claim, ...) inside an inputs value stand in
the key as a digest of all their fields, computed once per render however
many pieces read the object: a document read by its source page, a dozen
entity pages and the data export is serialised once.

Digests are SHA-256 over ``marshal`` format 2 (strings, numbers, tuples,
dicts; no back-references, so equal values give equal bytes however their
objects happen to be shared). marshal refuses any other type, so a value the
conversion below does not know fails loudly instead of being left out.
"""
from __future__ import annotations

import dataclasses
import hashlib
import marshal
import re
from collections.abc import Callable
from operator import attrgetter
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache

from . import model

_MARSHAL_VERSION = 2   # the last format without back-references


def _model_classes() -> dict[str, type]:
    return {name: value for name, value in vars(model).items()
            if isinstance(value, type) and dataclasses.is_dataclass(value)}


_MODEL = _model_classes()
_NAMED = re.compile(r"\b(" + "|".join(sorted(_MODEL)) + r")\b")


def _plain_converter(cls: type) -> Callable[[Any], tuple]:
    """All declared fields of a model object as plain data: (the fields holding
    no model object, in order), then, if any, each of the others converted in turn.

    Only the declared fields: a ``cached_property`` stored on an instance
    (``Document.block_starts``) must not make an unchanged document look changed.
    """
    if cls in _CONVERT_BY_TYPE:
        return _CONVERT_BY_TYPE[cls]
    fields = dataclasses.fields(cls)
    plain = _getter([f.name for f in fields if not _NAMED.search(str(f.type))])
    nested = [f for f in fields if _NAMED.search(str(f.type))]
    if not nested:
        convert = plain      # one C call gets them all
    elif len(nested) == 1:
        get, only = attrgetter(nested[0].name), _field_converter(cls, nested[0])
        convert = lambda obj: (plain(obj), only(get(obj)))  # noqa: E731
    else:
        get_nested = attrgetter(*[f.name for f in nested])
        converters = [_field_converter(cls, f) for f in nested]
        convert = lambda obj: (plain(obj), *map(_call, converters, get_nested(obj)))  # noqa: E731
    _CONVERT_BY_TYPE[cls] = convert
    return convert


def _call(function: Callable[[Any], Any], value: Any) -> Any:
    return function(value)


def _getter(names: list[str]) -> Callable[[Any], tuple]:
    """A function giving the named attributes of an object as a tuple."""
    if len(names) == 1:
        return lambda obj, name=names[0]: (getattr(obj, name),)
    return attrgetter(*names) if names else (lambda obj: ())


def _field_converter(cls: type, f: dataclasses.Field) -> Callable[[Any], Any]:
    annotation = str(f.type).replace(" ", "")
    inner = _NAMED.findall(annotation)[0]
    convert = _plain_converter(_MODEL[inner])     # the model has no cycles
    if annotation == inner:
        return convert
    if annotation == f"{inner}|None":
        return lambda value: None if value is None else convert(value)
    if annotation == f"tuple[{inner},...]":
        return lambda value: tuple(map(convert, value))
    raise TypeError(f"render_cache cannot digest {cls.__name__}.{f.name}: {f.type}")


_CONVERT_BY_TYPE: dict[type, Callable[[Any], tuple]] = {}
for _cls in _MODEL.values():
    _plain_converter(_cls)


class Digests:
    """Digests of model objects, memoised by identity for one render (the
    objects are frozen, and the memo keeps them alive so an id is never reused)."""

    def __init__(self, salt: str) -> None:
        self._salted = hashlib.sha256(salt.encode())
        self._memo: dict[int, tuple[object, bytes]] = {}

    def _digest(self, data: bytes) -> bytes:
        digest = self._salted.copy()
        digest.update(data)
        return digest.digest()

    def of(self, obj: object) -> bytes:
        """Digest of one model object and everything it holds (and of the generator)."""
        hit = self._memo.get(id(obj))
        if hit is not None:
            return hit[1]
        digest = self._digest(marshal.dumps((type(obj).__name__, _CONVERT_BY_TYPE[type(obj)](obj)),
                                            _MARSHAL_VERSION))
        self._memo[id(obj)] = (obj, digest)
        return digest

    def key(self, inputs: object) -> bytes:
        """Key of a piece rendered from ``inputs``: a model object, or a
        NamedTuple of the values the piece shows (model objects, alone, in a
        tuple or as a dict's values, stand in by their digests; anything else
        must be plain data: marshal refuses other types, so nothing is left out)."""
        if type(inputs) in _CONVERT_BY_TYPE:
            return self.of(inputs)      # a piece made from one model object alone
        if not isinstance(inputs, tuple):
            raise TypeError(f"inputs must be a NamedTuple or a model object, not {type(inputs).__name__}")
        return self._digest(marshal.dumps((type(inputs).__name__, *map(self._field, inputs)), _MARSHAL_VERSION))

    def _field(self, value: object) -> object:
        kind = type(value)
        if kind in _CONVERT_BY_TYPE:
            return self.of(value)
        if (kind is tuple or kind is dict) and value:
            first = value[0] if kind is tuple else next(iter(value.values()))
            if type(first) in _CONVERT_BY_TYPE:
                if kind is tuple:
                    return tuple(map(self.of, value))
                return tuple(zip(value, map(self.of, value.values())))
        return value


class RenderCache:
    """Rendered pieces by name, reused while their key holds.

    ``store`` maps a name (a docs path, or "path#part" for a part of a page
    or data export) to (key, text) from an earlier render; None renders everything.
    ``finish`` replaces its content with what this render produced, so
    pieces that are gone leave it.
    """

    def __init__(self, store: dict | None) -> None:
        from .cache import generator_fingerprint
        self.store = store
        self.fingerprint = generator_fingerprint()
        self.digests = Digests(self.fingerprint)
        self._current: dict = {}
        self.reused = 0
        self.rendered = 0

    def get(self, name: str, inputs: object, render: Callable[[Any], str]) -> str:
        """``render(inputs)``, or the earlier text when its key is unchanged."""
        if self.store is None:
            return render(inputs)
        key = self.digests.key(inputs)
        earlier = self.store.get(name)
        if type(earlier) is tuple and earlier[0] == key:
            text = earlier[1]
            self.reused += 1
        else:
            text = render(inputs)
            self.rendered += 1
        self._current[name] = (key, text)
        return text

    def finish(self) -> None:
        if self.store is not None:
            self.store.clear()
            self.store.update(self._current)

    def keep(self, name: str, entry: tuple) -> None:
        """Carry ``entry`` into the store this render leaves (see TemplateCode)."""
        self._current[name] = entry


class TemplateCode(BytecodeCache):
    """Jinja's compiled templates, kept in a RenderCache's store (one entry,
    "templates#": the generator's fingerprint and template key -> code):
    compiling them was a few percent of a rebuild. Jinja checks each entry
    against its template's source and its own version; the fingerprint
    covers the environment's options in render.py, which Jinja does not check."""

    NAME = "templates#"

    def __init__(self, cache: RenderCache) -> None:
        earlier = cache.store.get(self.NAME) if cache.store is not None else None
        usable = (isinstance(earlier, tuple) and len(earlier) == 2 and earlier[0] == cache.fingerprint
                  and isinstance(earlier[1], dict))
        self.code: dict[str, bytes] = dict(earlier[1]) if usable else {}
        cache.keep(self.NAME, (cache.fingerprint, self.code))

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if isinstance(code, bytes):
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()
