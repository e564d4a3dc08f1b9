"""Cleaning rules: structure (see clean/__init__).

Recovers headings, lists, Q&A pairs, tables and paragraphs from lines. A
source that uses Markdown syntax (#-headings, pipe tables, "> " quotes) is
parsed with markdown-it-py first; plain text, and the paragraphs left by
Markdown, go through rules that read the shape of the lines: bullet or number
markers make lists, "Q:"/"A:" labels make Q&A, a line of short column labels
followed by rows makes a table when every row splits into the same number of
cells with evidence (otherwise the rows stay a list: cells are never
guessed), short unpunctuated lines that introduce content become headings,
and hard-wrapped lines of one paragraph are joined. Labels and markers of
every language live in ``data/structure.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import load_yaml

from ..model import HEADING, LIST, PARAGRAPH, QA, QUOTE, TABLE
from .chrome import is_contact_detail
from .facts import dateline_date, is_byline, metadata_labels, sectioned_dateline
from .languages import dense_pattern
from .state import CleanState, Line

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "structure.yaml"
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_NUMBERED = re.compile(r"^\s*(?:(\d{1,3})[.)、]|[（(](\d{1,3})[)）]|([\u2460-\u2473]))\s*")
_MD_HINT = re.compile(r"^(#{1,6}\s|>\s|\|.*\|\s*$|\s*\|?\s*:?-{3,}:?\s*\|)")


@dataclass(frozen=True)
class Settings:
    sentence_end: str
    continues: str
    heading_max_words: int
    heading_max_dense: int
    bullet: re.Pattern
    question: re.Pattern
    answer: re.Pattern
    faq_headings: frozenset
    placeholders: frozenset
    description_starts: frozenset
    speakers: frozenset


def _label_pattern(labels) -> re.Pattern:
    alternatives = "|".join(re.escape(str(label)) for label in
                            sorted(labels, key=lambda x: -len(str(x))))
    # "Q:" / "Q1." / "Question 2:" / "问：" — a number allows "." and ")" too.
    return re.compile(rf"^\s*(?:{alternatives})\s*(?:\d{{1,3}}\s*[:：.．)、]|[:：])\s*(.+)$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def settings() -> Settings:
    data = load_yaml(DATA_FILE.read_text(encoding="utf-8"))
    bullets = "".join(re.escape(b) for b in data["bullets"])
    return Settings(
        sentence_end=data["sentence_end"], continues=data["continues"],
        heading_max_words=int(data["heading_max_words"]),
        heading_max_dense=int(data["heading_max_dense_chars"]),
        bullet=re.compile(rf"^\s*[{bullets}]\s+(?=\S)"),
        question=_label_pattern(data["question_labels"]),
        answer=_label_pattern(data["answer_labels"]),
        faq_headings=frozenset(h.casefold() for h in data["faq_headings"]),
        placeholders=frozenset(data["placeholders"]),
        description_starts=frozenset(data["description_starts"]),
        speakers=frozenset(str(label).casefold() for label in data["speaker_labels"]))


# --- small text measures ---------------------------------------------------

def dense_chars(text: str) -> int:
    return len(dense_pattern().findall(text))


def is_dense(ch: str) -> bool:
    """A CJK-like character, or full-width punctuation that goes with one."""
    if not ch:
        return False
    if "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’":
        return True
    return dense_pattern().match(ch) is not None


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip("\"'”’)）」』")
    return bool(stripped) and stripped[-1] in settings().sentence_end


def join_text(left: str, right: str) -> str:
    """Join two wrapped pieces: CJK text has no space between them."""
    if left and right and is_dense(left[-1]) and is_dense(right[0]):
        return left + right
    return f"{left} {right}"


def _plain(line: Line) -> bool:
    return not line.kind


# --- markdown --------------------------------------------------------------

def looks_markdown(lines: list[Line]) -> bool:
    return any(_MD_HINT.match(line.text) for line in lines)


def _inline_text(token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts).strip()


def _markdown_source(lines: list[Line]) -> tuple[str, list[int]]:
    """Markdown text rebuilt from the lines, and source line -> Line index."""
    rows: list[str] = []
    owner: list[int] = []
    for i, line in enumerate(lines):
        if line.para_start and rows:
            rows.append("")
            owner.append(i)
        rows.append(line.text)
        owner.append(i)
    return "\n".join(rows), owner


def _lang_of(lines: list[Line], owner: list[int], token) -> str:
    if token.map and owner:
        return lines[owner[min(token.map[0], len(owner) - 1)]].lang
    return ""


def _collect_inline(tokens, start: int, close: str) -> tuple[list[str], int]:
    """Inline texts up to the matching ``close`` token, and the index after it."""
    texts, depth, i = [], 0, start
    open_type = close.replace("_close", "_open")
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == open_type:
            depth += 1
        elif tok.type == close:
            depth -= 1
            if depth == 0:
                return texts, i + 1
        elif tok.type == "inline":
            texts.append(_inline_text(tok))
        i += 1
    return texts, i


def _md_table_rows(tokens, start: int) -> tuple[tuple[tuple[str, ...], ...], int]:
    rows, row, i = [], [], start
    while i < len(tokens) and tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "tr_close":
            rows.append(tuple(row))
            row = []
        elif tok.type == "inline":
            row.append(_inline_text(tok).replace("\n", " "))
        i += 1
    return tuple(rows), i + 1


def _markdown_lines(lines: list[Line]) -> list[Line]:
    from markdown_it import MarkdownIt
    source, owner = _markdown_source(lines)
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    out: list[Line] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        lang = _lang_of(lines, owner, tok)
        if tok.type == "heading_open":
            level = max(1, min(4, int(tok.tag[1:])))
            out.append(Line(text=_inline_text(tokens[i + 1]).replace("\n", " "),
                            kind=HEADING, level=level, lang=lang))
            i += 3
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            close = tok.type.replace("_open", "_close")
            items, i = _collect_inline(tokens, i, close)
            items = [" ".join(item.split("\n")) for item in items if item]
            out.append(Line(text="\n".join(items), kind=LIST, items=tuple(items),
                            ordered=tok.type.startswith("ordered"), lang=lang))
        elif tok.type == "table_open":
            rows, i = _md_table_rows(tokens, i)
            out.append(Line(text="\n".join(" | ".join(r) for r in rows), kind=TABLE,
                            rows=rows, lang=lang))
        elif tok.type == "blockquote_open":
            texts, i = _collect_inline(tokens, i, "blockquote_close")
            text = " ".join(t.replace("\n", " ") for t in texts if t)
            out.append(Line(text=text, kind=QUOTE, lang=lang))
        elif tok.type == "inline":
            # Paragraph lines stay plain so the text rules below still apply.
            for k, part in enumerate(_inline_text(tok).split("\n")):
                if part.strip():
                    out.append(Line(text=part.strip(), lang=lang, para_start=k == 0))
            i += 1
        elif tok.type in ("fence", "code_block", "html_block") and tok.content.strip():
            out.append(Line(text=tok.content.strip(), lang=lang))
            i += 1
        else:
            i += 1
    return [line for line in out if line.text.strip() or line.items or line.rows]


def markdown_blocks(state: CleanState) -> None:
    """Parse Markdown syntax (headings, lists, tables, quotes) when present."""
    if looks_markdown(state.lines):
        state.lines = _markdown_lines(state.lines)


# --- lists -----------------------------------------------------------------

def list_marker(text: str) -> tuple[bool, str] | None:
    """(ordered, item text) for a list line, None otherwise."""
    cfg = settings()
    m = cfg.bullet.match(text)
    if m:
        return False, text[m.end():].strip()
    m = _NUMBERED.match(text)
    if m and text[m.end():].strip() and (m.group(3) or text[m.end() - 1:m.end()].isspace()
                                         or text[m.start():m.end()].strip()[-1] in "、）)"):
        return True, text[m.end():].strip()
    return None


def _continues_item(prev: Line, line: Line) -> bool:
    """An indented, or clearly wrapped (lowercase start after an unfinished
    item), line goes on the item above; anything else starts a paragraph,
    since items often have no final punctuation."""
    if prev.kind != LIST or not _plain(line) or line.para_start or not prev.items:
        return False
    if line.text[:1].isspace():
        return True
    return line.text[:1].islower() and not ends_sentence(prev.items[-1])


def bullet_lists(state: CleanState) -> None:
    """Runs of marker lines -> one list block per run (and per language)."""
    out: list[Line] = []
    for line in state.lines:
        marker = list_marker(line.text) if _plain(line) else None
        if marker is None:
            if out and _continues_item(out[-1], line):
                items = out[-1].items[:-1] + (join_text(out[-1].items[-1], line.text.strip()),)
                out[-1] = out[-1].with_(items=items, text="\n".join(items))
            else:
                out.append(line)
            continue
        ordered, item = marker
        prev = out[-1] if out else None
        if prev is not None and prev.kind == LIST and prev.ordered == ordered \
                and prev.lang == line.lang:
            items = prev.items + (item,)
            out[-1] = prev.with_(items=items, text="\n".join(items))
        else:
            out.append(line.with_(kind=LIST, ordered=ordered, items=(item,), text=item))
    state.lines = _regroup_bilingual_items(out)


def _regroup_bilingual_items(lines: list[Line]) -> list[Line]:
    """Adjacent lists alternating between languages (bilingual items split
    by ``languages``) -> one list per language, in order of appearance."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and lines[j + 1].kind == LIST == lines[i].kind \
                and lines[j + 1].ordered == lines[i].ordered:
            j += 1
        run = lines[i:j + 1]
        langs = [line.lang for line in run]
        if len(run) > 2 and len(set(langs)) < len(langs):
            for lang in dict.fromkeys(langs):
                items = tuple(item for line in run if line.lang == lang for item in line.items)
                first = next(line for line in run if line.lang == lang)
                out.append(first.with_(items=items, text="\n".join(items)))
        else:
            out.extend(run)
        i = j + 1
    return out


# --- Q&A -------------------------------------------------------------------

def _continuation(lines: list[Line], start: int) -> tuple[str, int]:
    """Text of hard-wrapped lines continuing a Q or A line, and the next index."""
    text, i = "", start
    while i < len(lines) and _plain(lines[i]) and not lines[i].para_start \
            and not settings().question.match(lines[i].text) \
            and not settings().answer.match(lines[i].text):
        text = join_text(text, lines[i].text.strip()) if text else lines[i].text.strip()
        i += 1
    return text, i


def qa_pairs(state: CleanState) -> None:
    """"Q: … / A: …" labelled pairs -> qa blocks without the labels."""
    cfg = settings()
    lines, out, i = state.lines, [], 0
    while i < len(lines):
        line = lines[i]
        q = cfg.question.match(line.text) if _plain(line) else None
        if q:
            more, j = _continuation(lines, i + 1)
            question = join_text(q.group(1).strip(), more) if more else q.group(1).strip()
            a = cfg.answer.match(lines[j].text) if j < len(lines) and _plain(lines[j]) else None
            if a:
                more, k = _continuation(lines, j + 1)
                answer = join_text(a.group(1).strip(), more) if more else a.group(1).strip()
                out.append(line.with_(kind=QA, items=(question, answer),
                                      text=f"{question}\n{answer}"))
                i = k
                continue
        out.append(line)
        i += 1
    state.lines = out


# --- tables ----------------------------------------------------------------

def _header_labels(line: Line) -> list[str] | None:
    """Tokens of a line made of short column labels, or None."""
    text = line.text.strip()
    if not _plain(line) or ends_sentence(text) or text[-1] in settings().continues:
        return None
    tokens = text.split()
    if not 2 <= len(tokens) <= 8 or any(len(t) > 24 for t in tokens):
        return None
    for token in tokens:
        if _LATIN_WORD.match(token) and not token[0].isupper():
            return None
    return tokens


def _is_placeholder(cell: str) -> bool:
    return cell in settings().placeholders


def _dense_cells(text: str) -> list[str]:
    """Cells of a CJK row: spaces next to CJK text separate cells.

    A parenthesised alias "(John Smith)" stays with the cell before it;
    a space between two Latin words stays inside a cell (a name, "Orion 7").
    """
    cells, current, depth = [], "", 0
    for k, ch in enumerate(text):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if ch == " " and depth == 0 and current:
            nxt = text[k + 1:k + 2]
            prev = current[-1]
            if nxt and nxt not in "(（" and (is_dense(prev) or is_dense(nxt) or prev in ")）"):
                cells.append(current)
                current = ""
                continue
        if ch == " " and not current:
            continue
        current += ch
    if current:
        cells.append(current)
    return [c.strip() for c in cells if c.strip()]


@dataclass(frozen=True)
class Evidence:
    """The rest of the document, where a row's name may occur again."""

    text: str
    folded: str

    @classmethod
    def of(cls, text: str) -> "Evidence":
        return cls(text=text, folded=text.casefold())


def _occurs_elsewhere(name: str, other: Evidence, flags: int) -> bool:
    # A plain substring test first: the regex scan is only for real hits.
    if (name.casefold() not in other.folded) if flags else (name not in other.text):
        return False
    pattern = rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])"
    return re.search(pattern, other.text, flags) is not None


def _longest_known_prefix(words: list[str], other: Evidence, flags: int) -> int:
    for k in range(min(6, len(words) - 1), 0, -1):
        last = words[k - 1]
        if last[-1] in ",;:" or (last.endswith(".") and "." not in last[:-1]):
            continue
        if _occurs_elsewhere(" ".join(words[:k]), other, flags):
            return k
    return 0


def _name_split(words: list[str], other: Evidence) -> int | None:
    """Number of leading words that form the row's name cell, None if unsure.

    Evidence first: the longest prefix that the document uses elsewhere. It
    must be the same prefix whether case is ignored or not: "U.S. Government
    Imposed" matching a sentence "the U.S. government imposed" while only
    "U.S." matches exactly means the boundary is unknown. Without evidence,
    the capitalised words before a description opener ("The", "Former").
    """
    exact = _longest_known_prefix(words, other, 0)
    loose = _longest_known_prefix(words, other, re.IGNORECASE)
    if exact or loose:
        return exact if exact == loose else None
    openers = settings().description_starts
    for k in range(1, min(7, len(words))):
        if words[k] in openers:
            return k if all(w[:1].isupper() or w[:1].isdigit() for w in words[:k]) else None
        if not (words[k][:1].isupper() or words[k][:1].isdigit()):
            return k if k == 1 else None
    return None


def _latin_row(text: str, other: Evidence) -> list[str] | None:
    words = text.split()
    tail = []
    if len(words) > 2 and _is_placeholder(words[-1]):
        tail = [words[-1]]
        words = words[:-1]
    if len(words) < 2:
        return None
    k = _name_split(words, other)
    if k is None:
        return None
    return [" ".join(words[:k]), " ".join(words[k:])] + tail


def _dense_row(text: str, columns: int, other: Evidence) -> list[str] | None:
    cells = _dense_cells(text)
    if len(cells) == columns - 1:
        # One cell too few: the first cell may hold "Name description" when
        # both are Latin; split it only on evidence that the name is a name.
        words = cells[0].split()
        k = _name_split(words, other) if len(words) > 1 else None
        if k is not None:
            cells = [" ".join(words[:k]), " ".join(words[k:])] + cells[1:]
    return cells if len(cells) == columns else None


def _group_labels(tokens: list[str], columns: int) -> list[str] | None:
    """Header labels for ``columns`` columns: extra words join the middle."""
    if len(tokens) == columns:
        return tokens
    if len(tokens) < columns or columns < 2 or columns > 3:
        return None
    if columns == 2:
        return [tokens[0], " ".join(tokens[1:])]
    return [tokens[0], " ".join(tokens[1:-1]), tokens[-1]]


def _table_rows(header: Line, rows: list[Line], other: Evidence):
    """(rows incl. header) when every row splits with confidence, else None."""
    tokens = header.text.split()
    dense_header = all(dense_chars(t) for t in tokens if _LATIN_WORD.fullmatch(t) is None) \
        and dense_chars(header.text) > 0
    if dense_header:
        cells = [_dense_row(r.text, len(tokens), other) for r in rows]
        labels = tokens
    else:
        cells = [_latin_row(r.text, other) for r in rows]
        widths = {len(c) for c in cells if c}
        if None in cells or len(widths) != 1:
            return None
        labels = _group_labels(tokens, widths.pop())
    if labels is None or any(c is None for c in cells):
        return None
    return (tuple(labels), *(tuple(c) for c in cells))


def _looks_like_rows(header: Line, rows: list[Line]) -> bool:
    """Rows of a flattened table, not a heading over wrapped prose."""
    if len(rows) < 2:
        return False
    if dense_chars(header.text):
        # Most rows must already have the header's cell count: wrapped CJK
        # prose with spaces around Latin words does not.
        columns = len(header.text.split())
        fitting = sum(1 for r in rows if len(_dense_cells(r.text)) == columns)
        return all(len(_dense_cells(r.text)) >= 2 for r in rows) and fitting * 2 >= len(rows)
    return all(_is_placeholder(r.text.split()[-1]) for r in rows)


_GAP = re.compile(r"\t+|\s{2,}")


def gap_cells(text: str) -> list[str]:
    """Cells separated by tabs or runs of spaces (a pasted table)."""
    return [cell for cell in _GAP.split(text.strip()) if cell]


def _gap_table(lines: list[Line], i: int) -> tuple[tuple[str, ...], ...] | None:
    """Rows of a tab/space-aligned table starting at line ``i``, or None."""
    header = gap_cells(lines[i].text)
    if len(header) < 2 or ends_sentence(lines[i].text) or any(len(c) > 40 for c in header):
        return None
    rows = [tuple(header)]
    for line in lines[i + 1:]:
        cells = gap_cells(line.text)
        if not _plain(line) or line.para_start or len(cells) != len(header):
            break
        rows.append(tuple(cells))
    return tuple(rows) if len(rows) >= 2 else None


def tables(state: CleanState) -> None:
    """Header of column labels + rows -> table; unsure -> list of the rows."""
    lines, out, i = state.lines, [], 0
    while i < len(lines):
        line = lines[i]
        gap = _gap_table(lines, i) if _plain(line) and line.para_start else None
        if gap:
            out.append(line.with_(kind=TABLE, rows=gap, text=line.text.strip()))
            i += len(gap)
            continue
        labels = _header_labels(line) if line.para_start else None
        j = i + 1
        while labels and j < len(lines) and _plain(lines[j]) and not lines[j].para_start:
            j += 1
        rows = lines[i + 1:j]
        if not labels or not _looks_like_rows(line, rows):
            out.append(line)
            i += 1
            continue
        other = Evidence.of("\n".join(x.text for k, x in enumerate(lines) if not i < k < j))
        table = _table_rows(line, rows, other)
        if table:
            out.append(line.with_(kind=TABLE, rows=table, text=line.text))
        else:
            items = tuple(r.text.strip() for r in [line, *rows])
            out.append(line.with_(kind=LIST, items=items, text="\n".join(items)))
            state.drop("table-as-list", f"columns not recoverable: {line.text}")
        i = j
    state.lines = out


def _is_empty_header(lines: list[Line], i: int, known_headers: set[str]) -> bool:
    """Column labels with no rows after them: a table the source lost.

    Evidence is required: the same labels head a table elsewhere in the
    document, or several CJK labels separated by spaces (CJK headings have
    no inner spaces) sit between a short heading-like line and the next one.
    """
    line = lines[i]
    labels = _header_labels(line) if line.para_start else None
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if not labels or (nxt is not None and not nxt.para_start):
        return False
    if " ".join(labels) in known_headers:
        return True
    dense_labels = len(labels) >= 3 and all(dense_chars(t) for t in labels)
    prev = lines[i - 1] if i else None
    return dense_labels and prev is not None and heading_like(prev.text) \
        and (nxt is None or heading_like(nxt.text))


def empty_tables(state: CleanState) -> None:
    """Drop a header line of column labels that has no rows (logged)."""
    known = {" ".join(line.rows[0]) for line in state.lines if line.kind == TABLE and line.rows}
    out = []
    for i, line in enumerate(state.lines):
        if _plain(line) and _is_empty_header(state.lines, i, known):
            state.drop("empty-table", line.text)
            continue
        out.append(line)
    state.lines = out


# --- headings --------------------------------------------------------------

def heading_like(text: str) -> bool:
    """Short, unpunctuated, not a sentence: could introduce a section."""
    cfg = settings()
    text = text.strip()
    if not text or not _HAS_LETTER.search(text):
        return False
    if ends_sentence(text) or text[-1] in cfg.continues:
        return False
    if len(_LATIN_WORD.findall(text)) > cfg.heading_max_words:
        return False
    if dense_chars(text) > cfg.heading_max_dense or len(text) > 150:
        return False
    if digit_heavy(text):
        return False          # a date or a figure line, not a section title
    first = _LATIN_WORD.match(text)
    return not (first and text[0].islower())


def digit_heavy(text: str) -> bool:
    """More than a third of the letters and digits are digits ("June 13, 2026")."""
    digits = sum(ch.isdigit() for ch in text)
    letters = len(_HAS_LETTER.findall(text))
    return digits * 2 > letters


def headings(state: CleanState) -> None:
    """Short lines that introduce following content -> level-2 headings."""
    lines = state.lines
    out = list(lines)
    for i, line in enumerate(lines):
        if not _plain(line) or not heading_like(line.text) or i + 1 >= len(lines):
            continue
        prev = lines[i - 1] if i else None
        if not line.para_start and prev is not None and _plain(prev) \
                and not ends_sentence(prev.text) and not heading_like(prev.text):
            continue          # the middle of a wrapped paragraph
        nxt = lines[i + 1]
        if not nxt.para_start and _plain(nxt) and nxt.text.strip()[:1].islower():
            continue          # wraps into the next line
        if _above_contact_details(lines, i):
            continue          # a name or organisation over a phone number or e-mail address
        out[i] = line.with_(kind=HEADING, level=2, text=line.text.strip())
    state.lines = out


# A contact entry: a name, a job title or two, then the phone or e-mail line.
CONTACT_LOOKAHEAD = 3


def _above_contact_details(lines: list[Line], i: int) -> bool:
    """The line heads a contact entry ("Jane Doe" / "Head of Media" /
    "+1 555 0100"), not a section: a phone or e-mail line follows within a
    few short lines."""
    for line in lines[i + 1:i + 1 + CONTACT_LOOKAHEAD]:
        if not _plain(line):
            return False
        if is_contact_detail(line.text, strict=True):
            return True
        if not heading_like(line.text):
            return False
    return False


def faq_questions(state: CleanState) -> None:
    """In a FAQ section, "question?" + answer paragraph -> qa."""
    cfg = settings()
    lines, out, i, in_faq = state.lines, [], 0, False
    while i < len(lines):
        line = lines[i]
        if line.kind == HEADING:
            in_faq = line.text.strip().casefold().rstrip(":：") in cfg.faq_headings
        elif in_faq and _plain(line) and line.text.rstrip()[-1:] in "?？" \
                and i + 1 < len(lines) and _plain(lines[i + 1]) \
                and lines[i + 1].text.rstrip()[-1:] not in "?？":
            answer, j = lines[i + 1].text.strip(), i + 2
            more, j = _continuation(lines, j)
            answer = join_text(answer, more) if more else answer
            question = line.text.strip()
            out.append(line.with_(kind=QA, items=(question, answer), text=f"{question}\n{answer}"))
            i = j
            continue
        out.append(line)
        i += 1
    state.lines = out


# --- captions and credits ----------------------------------------------------

@lru_cache(maxsize=1)
def _caption_re() -> tuple[re.Pattern, int]:
    data = load_yaml(DATA_FILE.read_text(encoding="utf-8"))
    labels = sorted({str(label) for label in data.get("caption_labels") or ()}, key=len, reverse=True)
    body = "|".join(re.escape(label) for label in labels) or r"(?!)"
    pattern = re.compile(rf"^\s*[*_]*[(\[（【]?\s*(?:{body})\s*[:：][*_]*\s*(?P<body>\S.*?)\s*[)\]）】]?[*_]*\s*$",
                         re.IGNORECASE)
    return pattern, int(data.get("caption_min_words", 5))


# The credit after a caption: "… / Agency", "… | Agency", "… © Agency", "… (Agency)".
_CREDIT_SPLIT = re.compile(r"\s+[/|｜]\s+|\s*(?:©|\(c\)|Ⓒ)\s*", re.IGNORECASE)
MAX_CAPTION_CHARS = 300


def caption_text(text: str) -> str | None:
    """A caption or credit line -> its description ("" for a credit only);
    None for any other line."""
    if len(text) > MAX_CAPTION_CHARS or "\n" in text:
        return None
    pattern, min_words = _caption_re()
    match = pattern.match(text)
    if not match:
        return None
    body = match.group("body").strip()
    description = _CREDIT_SPLIT.split(body, maxsplit=1)[0].strip(" ,;:-–—") if _CREDIT_SPLIT.search(body) else body
    size = len(_LATIN_WORD.findall(description)) + dense_chars(description) // 2
    if size >= min_words or (ends_sentence(description) and size >= 3):
        return description
    return ""


def captions(state: CleanState) -> None:
    """Photo captions and credits ("Photo: <text> / <agency>", "(Foto: …)",
    "Image: <agency>") are no headings: a credit alone leaves the text; a
    caption that describes the picture (a sentence, or several words) stays
    as a paragraph, without its label and credit."""
    out = []
    for line in state.lines:
        if line.kind not in ("", PARAGRAPH, HEADING):
            out.append(line)
            continue
        description = caption_text(line.text)
        if description is None:
            out.append(line)
        elif not description:
            state.drop("caption_credit", line.text)
        else:
            state.drop("caption_credit", line.text)
            out.append(line.with_(kind=PARAGRAPH, level=0, text=description, para_start=True))
    state.lines = out


# --- transcripts --------------------------------------------------------------

# "HOST: …", "DR. JANE SMITH: …": a speaker's label in capitals, then the speech.
_SPEAKER_WORD = r"[^\W\d_](?:[^\W\d_]|['’.\-])*"
_SPEAKER = re.compile(rf"^\s*(?P<label>{_SPEAKER_WORD}(?:\s+{_SPEAKER_WORD}){{0,3}})\s*:\s+(?P<speech>\S.*)$")
# "主持人：…", "司会：…", "기자: …": a short label in a script without
# capitals, then a full-width colon (or a colon and a space), then the speech.
_DENSE_SPEAKER = re.compile(r"^\s*(?P<label>[^\W\d_]{1,8}(?:\s[^\W\d_]{1,8})?)\s*(?:：|:\s)\s*(?P<speech>\S.*)$")
MIN_TURNS = 3
MIN_SPEAKER_CHANGES = 2
# A CJK label that names no role ("张明：") must come back this often to be
# a speaker: a label used once is a field or a heading ("专访：…").
MIN_NAME_TURNS = 2


def _dense_label(text: str) -> str:
    """The label of a "标签：话" line written in a script without spaces, else ""."""
    match = _DENSE_SPEAKER.match(text)
    if not match:
        return ""
    label = match.group("label")
    return label if dense_chars(label) == len(label.replace(" ", "")) else ""


def _capital_label(text: str) -> str:
    match = _SPEAKER.match(text)
    if not match:
        return ""
    label = match.group("label")
    letters = [ch for ch in label if ch.isalpha()]
    return label if len(letters) >= 2 and label.isupper() else ""


def speaker_label(text: str) -> str:
    """The speaker label of a transcript line, else "": an all-capital label
    ("HOST:") or a known speaker role in a script without capitals
    ("主持人：", "司会：", "기자:")."""
    label = _capital_label(text)
    if label:
        return label
    label = _dense_label(text)
    return label if label and label.casefold() in settings().speakers else ""


def _turn_labels(lines: list[Line]) -> list[tuple[int, str]]:
    """(index, label) of the lines that open a turn: capital labels and
    known roles ("主持人："); a CJK label that names no role ("张明：") only
    when it comes back. A metadata label ("作者：", "来源：") is no speaker,
    and one that is also a role ("记者：", a byline word) must come back."""
    found, counts = [], {}
    speakers, metadata = settings().speakers, metadata_labels()
    for i, line in enumerate(lines):
        text = line.text
        if not _plain(line) or not (":" in text[:60] or "：" in text[:20]):
            continue
        label = _capital_label(text)
        if label:
            found.append((i, label, True))
            continue
        label = _dense_label(text)
        key = label.casefold()
        if not label or (key in metadata and key not in speakers):
            continue
        found.append((i, label, key in speakers and key not in metadata))
        counts[label] = counts.get(label, 0) + 1
    return [(i, label) for i, label, alone in found if alone or counts[label] >= MIN_NAME_TURNS]


def speaker_turns(state: CleanState) -> None:
    """A transcript's turns ("HOST: …" / "SMITH: …", "主持人：…" / "张明：…")
    stay one paragraph each, label first, never a heading nor joined to the
    next turn, never read as a byline; the wrapped lines of a turn join it.
    Only with several alternating speakers: a lone "NOTE: …" is no dialogue."""
    lines = state.lines
    turns = _turn_labels(lines)
    labels = [label for _, label in turns]
    changes = sum(a != b for a, b in zip(labels, labels[1:]))
    if len(turns) < MIN_TURNS or len(set(labels)) < 2 or changes < MIN_SPEAKER_CHANGES:
        return
    starts = dict(turns)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i not in starts:
            out.append(line)
            i += 1
            continue
        text, j = " ".join(line.text.split()), i + 1
        while j < len(lines) and j not in starts and _plain(lines[j]) and not lines[j].para_start \
                and not ends_sentence(text):
            text = join_text(text, lines[j].text.strip())
            j += 1
        out.append(line.with_(kind=PARAGRAPH, level=0, text=text, para_start=True, speaker=starts[i]))
        i = j
    state.lines = out


# --- paragraphs ------------------------------------------------------------

# Bylines and datelines are short; longer lines are not tested for them.
MAX_META_LINE_WORDS = 12


def _meta_line(text: str) -> bool:
    """A byline or a dateline: its own line under a headline, never the
    wrapped end of it ("Headline" / "By Jane Doe" / "May 3, 2026")."""
    return len(text.split()) <= MAX_META_LINE_WORDS and (is_byline(text) or bool(dateline_date(text)))


def _dateline_above(text: str) -> bool:
    """A dateline, plain or with a section ("2026年11月25日 08:30 ｜ 経済"):
    the next line does not continue it."""
    return len(text.split()) <= MAX_META_LINE_WORDS and bool(re.search(r"\d", text)) \
        and bool(dateline_date(text) or sectioned_dateline(text)[0])


def join_wrapped(state: CleanState) -> None:
    """Hard-wrapped lines of one paragraph -> one line; sentences stay apart."""
    out: list[Line] = []
    for line in state.lines:
        prev = out[-1] if out else None
        if prev is not None and _plain(line) and _plain(prev) and not line.para_start \
                and prev.lang == line.lang and not ends_sentence(prev.text) \
                and not _meta_line(line.text) and not _dateline_above(prev.text):
            out[-1] = prev.with_(text=join_text(prev.text.rstrip(), line.text.strip()))
            continue
        out.append(line)
    state.lines = [line if line.kind else line.with_(kind=PARAGRAPH, text=line.text.strip())
                   for line in out]


RULES: tuple = (markdown_blocks, bullet_lists, qa_pairs, speaker_turns, tables, empty_tables, headings,
                captions, faq_questions, join_wrapped)
