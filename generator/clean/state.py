"""The work area that cleaning rules share for one document."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Repair


@dataclass(frozen=True)
class Line:
    """One logical line of a source while it is being cleaned.

    ``kind`` stays "" until a structure rule decides what the line is
    (see the block kinds in ``model``); unknown lines become paragraphs.
    """

    text: str
    kind: str = ""
    lang: str = ""
    level: int = 0
    ordered: bool = False
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    # True for a line that was separated from its neighbours by a blank line
    # in the raw text (paragraph boundary), False for a hard line break.
    para_start: bool = True
    # The speaker's label of a transcript turn ("HOST", "主持人"): the line
    # is speech, never a byline, field line or other metadata.
    speaker: str = ""

    def with_(self, **changes) -> "Line":
        return replace(self, **changes)


@dataclass
class CleanState:
    """Mutable, but local to one ``clean()`` call: never shared or global."""

    lines: list[Line]
    hints: dict[str, str] = field(default_factory=dict)   # from HTML <meta> or a sidecar
    facts: dict = field(default_factory=dict)             # metadata found so far
    removed: list[Repair] = field(default_factory=list)   # what rules dropped, and why

    def drop(self, rule: str, text: str) -> None:
        self.removed.append(Repair(rule=rule, detail=text[:200]))


def lines_from_text(text: str, fmt: str) -> list[Line]:
    """Split raw text into Lines, remembering blank-line paragraph starts.

    Markdown keeps its own syntax here; ``structure`` rules read it.
    """
    lines: list[Line] = []
    blank_before = True
    for raw_line in text.splitlines():
        stripped = raw_line.strip()
        if not stripped:
            blank_before = True
            continue
        lines.append(Line(text=raw_line.rstrip(), para_start=blank_before))
        blank_before = False
    return lines
