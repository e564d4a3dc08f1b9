"""The editor's entity registry: a YAML file of corrections to the entity index.

Each entry names an entity and may add aliases (per language), fix its type,
give a description and external links, merge other names into it, or keep
names apart from it (``not_same_as`` / ``split``). Loading validates the file
and raises ``RegistryError`` with the file and line of the first problem, so
a bad file fails the build with one readable line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

TYPES = ("person", "organization", "product", "government", "place", "other")
_KEYS = {"name", "type", "aliases", "description", "links", "merge", "split", "not_same_as", "id"}


class RegistryError(ValueError):
    """A registry file that cannot be used; the message names file and line."""


@dataclass(frozen=True)
class RegistryEntry:
    name: str
    type: str = ""
    aliases: tuple[tuple[str, str], ...] = ()      # (lang, alias), sorted
    description: str = ""
    links: tuple[tuple[str, str], ...] = ()        # (label, url)
    merge: tuple[str, ...] = ()
    not_same_as: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Registry:
    entries: tuple[RegistryEntry, ...] = ()
    path: str = ""


def _fail(path: Path, node, message: str) -> RegistryError:
    line = node.start_mark.line + 1 if node is not None else 1
    return RegistryError(f"{path}:{line}: {message}")


def _scalar(path: Path, node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise _fail(path, node, f"{what} must be a string")
    return str(node.value).strip()


def _strings(path: Path, node, what: str) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode):
        return (_scalar(path, node, what),) if node.value.strip() else ()
    if not isinstance(node, yaml.SequenceNode):
        raise _fail(path, node, f"{what} must be a list of strings")
    return tuple(_scalar(path, item, what) for item in node.value)


def _aliases(path: Path, node) -> tuple[tuple[str, str], ...]:
    """Aliases as a mapping lang -> list, or a plain list (language unknown)."""
    if isinstance(node, yaml.MappingNode):
        pairs = [(_scalar(path, k, "alias language"), alias)
                 for k, v in node.value for alias in _strings(path, v, "aliases")]
    else:
        pairs = [("", alias) for alias in _strings(path, node, "aliases")]
    return tuple(sorted(set(pairs)))


def _links(path: Path, node) -> tuple[tuple[str, str], ...]:
    if not isinstance(node, yaml.SequenceNode):
        raise _fail(path, node, "links must be a list")
    out = []
    for item in node.value:
        if isinstance(item, yaml.ScalarNode):
            url = _scalar(path, item, "link")
            out.append((url, url))
            continue
        if not isinstance(item, yaml.MappingNode):
            raise _fail(path, item, "a link must be a URL or {label, url}")
        fields = {k.value: v for k, v in item.value}
        if "url" not in fields:
            raise _fail(path, item, "a link needs a url")
        url = _scalar(path, fields["url"], "url")
        label = _scalar(path, fields["label"], "label") if "label" in fields else url
        out.append((label, url))
    return tuple(out)


def _entry(path: Path, node) -> RegistryEntry:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(path, node, "each entity must be a mapping with at least a name")
    fields = {}
    for key, value in node.value:
        if key.value not in _KEYS:
            raise _fail(path, key, f"unknown field {key.value!r} (expected one of {', '.join(sorted(_KEYS))})")
        fields[key.value] = value
    if "name" not in fields:
        raise _fail(path, node, "entity without a name")
    typ = _scalar(path, fields["type"], "type") if "type" in fields else ""
    if typ and typ not in TYPES:
        raise _fail(path, fields["type"], f"unknown type {typ!r} (expected one of {', '.join(TYPES)})")
    apart = _strings(path, fields["not_same_as"], "not_same_as") if "not_same_as" in fields else ()
    apart += _strings(path, fields["split"], "split") if "split" in fields else ()
    return RegistryEntry(
        name=_scalar(path, fields["name"], "name"),
        type=typ,
        aliases=_aliases(path, fields["aliases"]) if "aliases" in fields else (),
        description=_scalar(path, fields["description"], "description") if "description" in fields else "",
        links=_links(path, fields["links"]) if "links" in fields else (),
        merge=_strings(path, fields["merge"], "merge") if "merge" in fields else (),
        not_same_as=apart,
        line=node.start_mark.line + 1,
    )


def load_registry(path: Path) -> Registry:
    """Read and validate an entity registry; raise RegistryError on any problem."""
    path = Path(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegistryError(f"{path}:1: cannot read registry ({exc.strerror or exc})") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark or exc.problem_mark     # where the broken construct starts
        line = mark.line + 1 if mark else 1
        raise RegistryError(f"{path}:{line}: invalid YAML ({exc.problem})") from None
    if root is None:
        return Registry(path=str(path))
    if isinstance(root, yaml.MappingNode):
        fields = {k.value: v for k, v in root.value}
        if "entities" not in fields:
            raise _fail(path, root, "expected a top-level 'entities' list")
        root = fields["entities"]
    if not isinstance(root, yaml.SequenceNode):
        raise _fail(path, root, "expected a list of entities")
    entries = tuple(_entry(path, node) for node in root.value)
    return Registry(entries=entries, path=str(path))
