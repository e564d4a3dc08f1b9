"""Lines -> Blocks with offsets into the cleaned plain text; facts -> Metadata."""
from __future__ import annotations

from collections import Counter

from ..model import (HEADING, LIST, PARAGRAPH, QA, TABLE, Block, Document,
                     Metadata, Origin, RawText)
from .state import CleanState, Line

BLOCK_SEPARATOR = "\n\n"
CELL_SEPARATOR = " | "


def block_text(line: Line) -> str:
    """The plain text of a block as it appears in ``Document.text``."""
    if line.kind == LIST or line.kind == QA:
        return "\n".join(line.items)
    if line.kind == TABLE:
        return "\n".join(CELL_SEPARATOR.join(row) for row in line.rows)
    return line.text.strip()


def _label_end(line: Line, text: str) -> int:
    """Where a transcript turn's speaker label ends in its text (0: no label
    there, e.g. when a later rule rewrote the start of the line)."""
    label = line.speaker
    if not label or not text.startswith(label) or not text[len(label):].lstrip()[:1] in (":", "："):
        return 0
    return len(label)


def _blocks(lines: list[Line]) -> tuple[tuple[Block, ...], str]:
    blocks: list[Block] = []
    parts: list[str] = []
    offset = 0
    for line in lines:
        text = block_text(line)
        if not text.strip():
            continue
        if parts:
            offset += len(BLOCK_SEPARATOR)
        blocks.append(Block(kind=line.kind or PARAGRAPH, text=text, lang=line.lang,
                            level=line.level if line.kind == HEADING else 0,
                            ordered=line.ordered, items=line.items, rows=line.rows,
                            start=offset, end=offset + len(text), label_end=_label_end(line, text)))
        parts.append(text)
        offset += len(text)
    return tuple(blocks), BLOCK_SEPARATOR.join(parts)


def _languages(blocks: tuple[Block, ...], titles: dict[str, str]) -> tuple[str, ...]:
    weight: Counter[str] = Counter()
    for block in blocks:
        if block.lang:
            weight[block.lang] += len(block.text)
    for lang in titles:
        weight[lang] += 1
    total = sum(weight.values()) or 1
    # A language counts when it carries real content, not a stray word.
    kept = [lang for lang, w in weight.items() if w / total >= 0.05 or lang in titles]
    return tuple(sorted(kept, key=lambda lang: (-weight[lang], lang)))


def metadata_from_facts(facts: dict, blocks: tuple[Block, ...]) -> Metadata:
    titles = {k: v for k, v in (facts.get("titles") or {}).items() if v}
    origin = facts.get("origin")
    return Metadata(
        title=facts.get("title", "") or next(iter(titles.values()), ""),
        titles=tuple(sorted(titles.items())),
        publisher=facts.get("publisher", "") or "",
        authors=tuple(facts.get("authors") or ()),
        published=facts.get("published") or None,
        languages=_languages(blocks, titles),
        origin=Origin(**origin) if origin else None,
        ai_generated=bool(facts.get("ai_generated")),
        tags=tuple(facts.get("tags") or ()),
        summary=facts.get("summary", "") or "",
        captured_from=facts.get("captured_from", "") or "",
        captured_at=facts.get("captured_at", "") or "",
    )


def assemble(state: CleanState, raw: RawText, doc_id: str) -> Document:
    blocks, text = _blocks(state.lines)
    return Document(id=doc_id, file=raw.file, content_hash=raw.content_hash,
                    metadata=metadata_from_facts(state.facts, blocks), blocks=blocks,
                    text=text, format=raw.format, repairs=raw.repairs,
                    removed=tuple(state.removed))
