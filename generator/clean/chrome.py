"""Cleaning rules: page chrome removed, some of it turned into facts.

Chrome is what a page shows around an article: timestamps ("3 hours ago"),
counters ("1.2k views"), reading-time and score widgets, share bars,
breadcrumbs, "More in …" links, footers, tag clouds and AI-content
disclaimers. The rules recognise each class from multilingual vocabulary in
data/chrome.yaml (never from one site's wording) and from layout shape (a
run of number/label pairs, a line of doubled tags). A line is dropped only
when nothing but chrome and a short label is left once the chrome tokens are
taken out; prose that merely mentions "two days ago" is kept. What chrome
says about the document (publication date, tags, AI generation) goes into
``state.facts``; every removal is logged with ``state.drop``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..datafiles import load_yaml

from .facts import (clock_re, day_first, find_dates, is_byline, is_publication_name, is_section_label,
                    parse_masthead, short_label)
from .state import CleanState, Line

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "chrome.yaml"
LATIN = r"A-Za-z\u00c0-\u024f\u0400-\u04ff"
CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
TERMINAL = re.compile(r"[.!?。！？]$")
_DENSE_CHAR = re.compile(f"[{CJK}]")
# Labels of widgets and sections are short; longer lines are content.
MAX_LABEL_WORDS = 4
MAX_LABEL_CHARS = 40
MAX_CHROME_LINE_WORDS = 12
# Meta lines and share bars are short; longer lines are not scanned for them.
MAX_META_CHARS = 300
MAX_SHARE_WORDS = 24
# A newsletter footer may carry one sentence before its links.
MAX_NEWSLETTER_WORDS = 30


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_yaml(DATA_FILE.read_text(encoding="utf-8"))


def _alternation(words) -> str:
    """One regex alternative per word, longest first (a YAML word may load as a number)."""
    return "|".join(re.escape(str(w)) for w in sorted(set(words), key=lambda w: (-len(str(w)), str(w))))


def _bounded(body: str) -> str:
    """Word boundaries that work next to CJK (which has no spaces)."""
    return rf"(?<![{LATIN}0-9])(?:{body})(?![{LATIN}])"


def _phrase_re(words, flags=re.IGNORECASE) -> re.Pattern:
    return re.compile(_bounded(_alternation(words)), flags)


# ------------------------------------------------------------ token patterns

def _number(words: bool = True) -> str:
    data = _data()
    suffix = _alternation(data["count_suffixes"])
    digits = rf"\d+(?:[.,]\d+)*(?:\s?(?:{suffix})(?![{LATIN}]))?"
    if not words:
        return digits
    return rf"(?:{digits}|(?<![{LATIN}])(?:{_alternation(data['number_words'])})(?![{LATIN}]))"


def template_pattern(template: str, number: str, units: str = "", named: bool = False) -> str:
    """A data-file template ("{n} {unit} ago") as a regex; ``named`` puts the
    number and the unit in groups ``n`` and ``unit``."""
    n, unit = ("?P<n>", "?P<unit>") if named else ("?:", "?:")
    out = []
    for piece in re.split(r"(\{n\}|\{unit\}| +)", template):
        if piece == "{n}":
            out.append(f"({n}{number})")
        elif piece == "{unit}":
            out.append(f"({unit}{units})\\.?")
        elif piece and not piece.strip():
            out.append(r"\s*")
        elif piece:
            out.append(re.escape(piece))
    return "".join(out)


def _factored(templates: list[str], number: str, units: str = "") -> str:
    """One alternation for many templates, with the leading number shared:
    "NUMBER(?:tail1|tail2)|full3|..." is tried once per position instead of
    once per template, which keeps the scan fast on long paragraphs."""
    tails = [template_pattern(t[len("{n}"):], number, units) for t in templates if t.startswith("{n}")]
    full = [template_pattern(t, number, units) for t in templates if not t.startswith("{n}")]
    parts = ([f"(?:{number})(?:{'|'.join(tails)})"] if tails else []) + full
    return "|".join(parts)


@lru_cache(maxsize=1)
def _relative_time_body() -> str:
    data = _data()
    number = _number()
    forms = [_factored(templates, number, _alternation(data["time_units"][lang]))
             for lang, templates in data["relative_time"].items()]
    label = rf"(?:{_alternation(data['time_labels'])})(?:\s*(?:{_alternation(data['cjk_label_connectors'])}))?"
    return rf"(?:{label}\s*)?(?:{'|'.join(forms)})"


@lru_cache(maxsize=1)
def strong_chrome_re() -> re.Pattern:
    """Tokens that are chrome wherever they stand in a meta line: reading
    times, relative timestamps, view/read counters."""
    data = _data()
    widgets = _factored([*data["reading_time"], *data["counters"]], _number())
    return re.compile(_bounded(f"{widgets}|{_relative_time_body()}"), re.IGNORECASE)


@lru_cache(maxsize=1)
def number_widget_re() -> re.Pattern:
    """Widgets that begin with a digit ("6 min read", "0 views"), with no
    left word boundary, so glue can find them stuck to a preceding label."""
    data = _data()
    templates = [t for t in (*data["reading_time"], *data["counters"]) if t.startswith("{n}")]
    body = _factored(templates, _number(words=False))
    return re.compile(rf"(?:{body})(?![{LATIN}])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _weak_chrome_re() -> re.Pattern:
    """Tokens that are chrome only inside a line already shown to be meta."""
    data = _data()
    words = _alternation([*data["relative_words"], *data["time_labels"]])
    bare_number = rf"(?<![\w.]){_number(words=False)}(?![\w])"
    return re.compile(rf"{_bounded(words)}|{bare_number}", re.IGNORECASE)


SEPARATORS = re.compile(r"[·•・∙⋅|｜/／,;:：、\-–—]+")
# Between the segments of a meta line ("3 hours ago · World"): a middle dot
# or a bar with spaces, the full-width bar of CJK pages with or without
# them, and the full-width slash or katakana middle dot with spaces.
META_SEPARATOR = re.compile(r"\s*｜\s*|\s[·•|／・]\s")


def _word_count(text: str) -> int:
    return len(text.split())


def _is_short_label(text: str) -> bool:
    text = text.strip()
    return (0 < _word_count(text) <= MAX_LABEL_WORDS and len(text) <= MAX_LABEL_CHARS
            and not TERMINAL.search(text) and not re.search(r"\d", text))


# ---------------------------------------------------------------- meta lines

def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in sorted(spans):
        if start >= last:
            out.append(text[last:start])
            out.append(" ")
            last = end
    out.append(text[last:])
    return "".join(out)


def strip_meta(text: str, day_first: bool = False) -> tuple[str, list[str], bool] | None:
    """Split a meta line into (what is left, ISO dates found, drop whole line).

    Returns None when the line holds no strong chrome token, or when it is
    prose that only mentions a time (then it is kept as it is).
    """
    if text.lstrip().startswith("|") or len(text) > MAX_META_CHARS:
        return None   # a Markdown table row (cells are content), or prose
    strong = [m.span() for m in strong_chrome_re().finditer(text)]
    if not strong:
        return None
    rest = _cut(text, strong)
    dates = find_dates(rest, day_first)
    rest = _cut(rest, [(s, e) for s, e, _ in dates])
    rest = _weak_chrome_re().sub(" ", rest)
    rest = re.sub(r"\s+", " ", SEPARATORS.sub(" ", rest)).strip()
    isos = [iso for _, _, iso in dates]
    if not rest or (_is_short_label(rest) and not is_byline(rest)):
        return "", isos, True
    chrome_chars = sum(e - s for s, e in strong)
    has_separators = bool(META_SEPARATOR.search(text))
    if has_separators or chrome_chars * 4 >= len(text):
        kept = _keep_non_chrome_segments(text)
        return kept, isos, False
    return None


def _keep_non_chrome_segments(text: str) -> str:
    """The separator-delimited parts of a meta line that are not chrome."""
    parts = META_SEPARATOR.split(text)
    kept = []
    for part in parts:
        probe = strong_chrome_re().sub(" ", part)
        probe = _cut(probe, [(s, e) for s, e, _ in find_dates(probe)])
        probe = SEPARATORS.sub(" ", _weak_chrome_re().sub(" ", probe)).strip()
        if probe:
            kept.append(strong_chrome_re().sub(" ", part).strip(" ·•|｜／・"))
    return " · ".join(re.sub(r"\s+", " ", k) for k in kept if k)


def drop_meta_lines(state: CleanState) -> None:
    """Timestamps, counters and reading times; a line left with only a short
    label (a category such as "World News") goes with them. An absolute date
    in a removed meta line becomes facts["published"]."""
    lines = state.lines
    new_text: dict[int, str] = {}   # index -> replacement ("" = drop)
    # Languages are detected later: the page's declared language tells how
    # to read "12/06/2026".
    first = day_first(state.hints.get("lang", ""))
    for index, line in enumerate(lines):
        result = strip_meta(line.text, first)
        if result is None:
            continue
        rest, isos, drop_all = result
        if isos:
            state.facts.setdefault("published", isos[0])
        new_text[index] = "" if drop_all else rest
    if _leading_label(lines, new_text):
        new_text[0] = ""
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if index not in new_text:
            kept.append(line)
        elif not new_text[index]:
            state.drop("meta_line", line.text)
        else:
            state.drop("meta_tokens", line.text)
            kept.append(line.with_(text=new_text[index]))
    state.lines = kept


def _leading_label(lines: list[Line], new_text: dict[int, str]) -> bool:
    """A section label on the first line, above a meta line that went whole,
    is chrome too, provided a title-like line follows (else the first line
    may be the title itself)."""
    if len(lines) < 3 or new_text.get(1) != "" or 0 in new_text:
        return False
    first, after = lines[0].text, lines[2].text.strip()
    title_like = 0 < _word_count(after) <= 15 and not TERMINAL.search(after)
    return _is_short_label(first) and not is_byline(first) and title_like


# ------------------------------------------------------------------ mastheads

# A masthead or credit line sits among the first lines of a text, above its
# first paragraph of prose; a headline above a bare credit line is longer.
MASTHEAD_TOP_LINES = 6
MIN_PROSE_WORDS = 8
MIN_HEADLINE_WORDS = 5
MAX_PUBLISHER_WORDS = 8


def _is_prose(text: str) -> bool:
    """A paragraph of statements (a question line may be a teaser or a poll)."""
    text = text.strip()
    return _size(text) >= MIN_PROSE_WORDS and bool(TERMINAL.search(text)) and text[-1] not in "?？"


def _size(text: str) -> int:
    """Words, counting two CJK characters as one."""
    return _word_count(text) + len(_DENSE_CHAR.findall(text)) // 2


def _under_headline(lines: list[Line], index: int) -> bool:
    if index == 0:
        return False
    above = lines[index - 1].text.strip()
    # A follow-us prompt or other footer line above is chrome, no headline.
    return _size(above) >= MIN_HEADLINE_WORDS and not TERMINAL.search(above) and not is_footer(above)


@lru_cache(maxsize=1)
def _reference_re() -> re.Pattern:
    ends = _alternation(_data()["reference_label_ends"])
    return re.compile(rf"^\s*(?:[^\W\d_][\w.&-]*\s+){{0,3}}(?:{ends})\s*[:：#]?\s*"
                      rf"(?P<code>[A-Z0-9][A-Z0-9/._-]{{0,20}})\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _definition_res() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _data()["definition_patterns"])


def is_reference_number(text: str) -> bool:
    """"Release No: 12-A", "Announcement number 4417K": a label and a code."""
    match = _reference_re().match(text)
    return bool(match) and bool(re.search(r"\d", match.group("code")))


def defined_issuer(text: str) -> str:
    """'Acme Holdings plc ("Acme" or "the Company")' -> "Acme Holdings plc", else ""."""
    for pattern in _definition_res():
        match = pattern.match(text.strip())
        if match and 0 < _word_count(match.group("name")) <= MAX_PUBLISHER_WORDS \
                and match.group("name").strip()[:1].isupper():
            return match.group("name").strip()
    return ""


@lru_cache(maxsize=1)
def _provider_re() -> re.Pattern:
    labels = _alternation(_data().get("provider_labels", ())) or r"(?!)"
    return re.compile(rf"^[*_\s]*(?:{labels})[*_]*\s*[:：]?\s*(?P<name>.*?)[*_\s]*$", re.IGNORECASE)


def release_provider(lines: list[Line], index: int) -> tuple[str, int] | None:
    """"NEWS PROVIDED BY" / "Harbour Foods Ltd." (or on one line): the
    organisation issuing a wire release -> (its name, lines used); None
    for any other line."""
    match = _provider_re().match(lines[index].text)
    if not match:
        return None
    name = match.group("name").strip()
    used = 1
    if not name and index + 1 < len(lines):
        name, used = lines[index + 1].text.strip().strip("*_").strip(), 2
    if not name or _word_count(name) > MAX_PUBLISHER_WORDS or not name[:1].isupper() \
            or find_dates(name) or _is_prose(name):
        return None
    return name, used


def drop_release_headers(state: CleanState) -> None:
    """Among the first lines of a press release: the reference-number line
    goes; the line defining the issuer's short name goes, the issuer
    noted in facts["issuer"] (so that its name line above goes too); a
    "News provided by" label and the name under it go, the name being the
    publisher of the release."""
    dead: set[int] = set()
    for index, line in enumerate(state.lines[:MASTHEAD_TOP_LINES]):
        if index in dead:
            continue
        if _is_prose(line.text):
            break
        provider = release_provider(state.lines, index)
        if provider:
            name, used = provider
            state.facts.setdefault("publisher", name)
            for offset in range(used):
                state.drop("release_header", state.lines[index + offset].text)
                dead.add(index + offset)
            continue
        if is_reference_number(line.text):
            state.drop("release_header", line.text)
            dead.add(index)
            continue
        issuer = defined_issuer(line.text)
        if issuer:
            # Kept apart from the publisher: the issuer is the subject of
            # its own release, one of the entities it names.
            state.facts.setdefault("issuer", issuer)
            state.drop("release_header", line.text)
            dead.add(index)
    state.lines = [line for index, line in enumerate(state.lines) if index not in dead]


# A social-media account's post header ("<original mark> <author> <account>
# <date> <time> <province>"): a few short words around one date.
MAX_ACCOUNT_HEADER_WORDS = 5


@lru_cache(maxsize=1)
def _account_header_re() -> re.Pattern:
    labels = _alternation(_data().get("account_header_labels", ())) or r"(?!)"
    return re.compile(rf"^[*_\s]*(?:{labels})\s+(?P<rest>\S.*)$", re.IGNORECASE)


def account_header(text: str, day_first: bool = False) -> tuple[str, str] | None:
    """"<original mark> Name Account 2026-05-03 08:00 Place" -> (ISO date,
    the word naming a publication or ""); None for any other line."""
    match = _account_header_re().match(text.strip())
    if not match:
        return None
    rest = match.group("rest")
    dates = find_dates(rest, day_first)
    if len(dates) != 1:
        return None
    start, end, iso = dates[0]
    before, after = rest[:start].split(), clock_re().sub(" ", rest[end:]).split()
    after = [word for word in after if not re.fullmatch(r"[\d:：]+", word)]
    if len(before) > MAX_ACCOUNT_HEADER_WORDS or len(after) > 1 \
            or any(re.search(r"[\d.!?。！？:：]", word) for word in before):
        return None
    return iso, next((word for word in before if is_publication_name(word)), "")


def drop_account_headers(state: CleanState) -> None:
    """The post header of a social-media account among the first lines: its
    date is the publication date, a publication it names the publisher."""
    for index, line in enumerate(state.lines[:MASTHEAD_TOP_LINES]):
        found = account_header(line.text, day_first(state.hints.get("lang", "")))
        if found is None:
            continue
        iso, publisher = found
        state.facts.setdefault("published", iso)
        if publisher:
            state.facts.setdefault("publisher", publisher)
        state.drop("account_header", line.text)
        state.lines = state.lines[:index] + state.lines[index + 1:]
        return


def _norm_label(text: str) -> str:
    return " ".join(text.strip().strip("*_").split()).casefold()


def _credit_line(lines: list[Line], index: int) -> tuple[str, str] | None:
    """A short label between the headline and a byline or date line names
    the publisher ("Headline" / "Harbour Wire" / "May 14, 2025")."""
    text = lines[index].text.strip().strip("*_").strip()
    if index + 1 >= len(lines) or not is_section_label(text) or not _under_headline(lines, index):
        return None
    if re.search(r"[:：]", text):
        return None       # "Source: X" is an origin note, read by the facts rules
    below = lines[index + 1].text
    dated = bool(find_dates(below)) and _word_count(below) <= MAX_CHROME_LINE_WORDS
    return (text, "") if dated or is_byline(below) else None


def drop_mastheads(state: CleanState) -> None:
    """A masthead ("Harbour Herald · Business · 19.11.2026, 06:00") among the
    first lines, or a bare publication name right under the headline (a wire
    credit), -> facts["publisher"] (and facts["published"]); the line goes.
    A bare name on the first line may be the headline itself: kept."""
    dead: set[int] = set()
    for index, line in enumerate(state.lines[:MASTHEAD_TOP_LINES]):
        if _is_prose(line.text):
            break
        known = {_norm_label(name) for name in (state.facts.get("publisher"), state.facts.get("issuer"),
                                                state.hints.get("publisher")) if name}
        if _norm_label(line.text) in known:
            state.drop("masthead", line.text)     # the publisher's (or issuer's) name alone
            dead.add(index)
            continue
        found = parse_masthead(line.text) or _credit_line(state.lines, index)
        if found is None:
            continue
        publisher, iso = found
        bare = publisher == line.text.strip().strip("*_").strip()
        if bare and not _under_headline(state.lines, index):
            continue
        state.facts.setdefault("publisher", publisher)
        if iso:
            state.facts.setdefault("published", iso)
        state.drop("masthead", line.text)
        dead.add(index)
    state.lines = [line for index, line in enumerate(state.lines) if index not in dead]


# ------------------------------------------------- broadcast and update stamps

MAX_STATION_WORDS = 6
MAX_STATION_CHARS = 60


@lru_cache(maxsize=1)
def _broadcast_res() -> tuple[re.Pattern, frozenset[str]]:
    data = _data()
    labels = _alternation(data.get("broadcast_labels") or ())
    label_re = re.compile(rf"^\W*(?:{labels})(?![^\W\d_])\s*[:：]?\s*(?P<rest>\S.*)$", re.IGNORECASE)
    connectors = frozenset(str(word).casefold() for word in data.get("broadcast_connectors") or ())
    return label_re, connectors


def _station_name(text: str) -> str | None:
    """What is left of a broadcast line once its date is out: "" (no
    station), a station's name, or None when it is no name (a sentence)."""
    _, connectors = _broadcast_res()
    words = re.sub(r"[,;·•|｜()（）\[\]–—]", " ", text).split()
    while words and words[0].casefold() in connectors:
        words.pop(0)
    while words and words[-1].casefold() in connectors:
        words.pop()
    name = " ".join(words).strip(" .-")
    if not name:
        return ""
    if len(words) > MAX_STATION_WORDS or len(name) > MAX_STATION_CHARS or TERMINAL.search(name) \
            or not (name[:1].isupper() or name[:1].isdigit() or _DENSE_CHAR.match(name)):
        return None
    if any(w[:1].islower() and w.casefold() not in connectors and len(w) > 3 for w in words):
        return None      # "journalists said" is no station
    return name


def broadcast_line(text: str, day_first: bool = False) -> tuple[str, str] | None:
    """"Broadcast on Radio Nordsee, 12 March 2026" -> (ISO date, station);
    "Sendung vom 12. März 2026" -> (ISO date, ""); None for any other line."""
    if len(text) > MAX_META_CHARS // 2:
        return None
    label_re, _ = _broadcast_res()
    match = label_re.match(_unmarked(text).strip())
    if not match:
        return None
    rest = match.group("rest")
    dates = find_dates(rest, day_first)
    if not dates:
        return None
    rest = _cut(rest, [(start, end) for start, end, _ in dates])
    rest = clock_re().sub(" ", rest)
    station = _station_name(rest)
    return None if station is None else (dates[0][2], station)


def drop_broadcast_lines(state: CleanState) -> None:
    """A radio or TV transcript's header ("Broadcast on <station>, <date>",
    "Aired on", "Sendung vom", "Diffusé sur", "Emitido en") gives the
    publication date, and the station as the publisher when nothing else
    names one (see facts.credited_publisher); the line leaves the text."""
    first = day_first(state.hints.get("lang", ""))
    kept = []
    for line in state.lines:
        found = broadcast_line(line.text, first)
        if found is None:
            kept.append(line)
            continue
        iso, station = found
        state.facts.setdefault("published", iso)
        if station:
            state.facts.setdefault("credited_publisher", station)
        state.drop("broadcast_line", line.text)
    state.lines = kept


@lru_cache(maxsize=1)
def _update_stamp_re() -> re.Pattern:
    data = _data()
    labels = _alternation(data["time_labels"])
    connectors = _alternation(data["cjk_label_connectors"])
    return re.compile(rf"^\W*(?:{labels})(?![^\W\d_])\s*(?:{connectors})?\s*(?P<rest>\S.*)$", re.IGNORECASE)


def is_update_stamp(text: str) -> bool:
    """"Updated 14:05 GMT", "Last updated: 10:32", "更新 08:30": a time label
    and a clock time (a weekday or "today" may sit beside it) with no date:
    a live page's stamp of its last edit, chrome."""
    if len(text) > MAX_LABEL_CHARS * 2:
        return False
    match = _update_stamp_re().match(_unmarked(text).strip())
    if not match:
        return False
    rest, clocks = clock_re().subn(" ", match.group("rest"))
    if not clocks or re.search(r"\d", rest):
        return False      # a date beside the time: a dateline, read by the date rules
    rest = _weak_chrome_re().sub(" ", rest)
    rest = re.sub(r"\b(?:at|um|à|às|alle|a las|a la|om|kl)\b", " ", rest, flags=re.IGNORECASE)
    return not re.search(r"[^\W_]", SEPARATORS.sub(" ", rest).replace("(", " ").replace(")", " "))


def drop_update_stamps(state: CleanState) -> None:
    kept = []
    for line in state.lines:
        if line.kind in ("", "paragraph", "heading") and is_update_stamp(line.text):
            state.drop("meta_line", line.text)
            continue
        kept.append(line)
    state.lines = kept


# ------------------------------------------------------------- score widgets

def _is_bare_number(text: str) -> bool:
    return bool(re.fullmatch(r"\s*\d+(?:[.,]\d+)?\s*%?\s*(?:/\s*\d+)?\s*", text))


def drop_score_widgets(state: CleanState) -> None:
    """Runs of number/label line pairs ("80" / "Popularity") are rating
    widgets; two pairs or more make a run, in either order."""
    lines = state.lines
    dead: set[int] = set()
    i = 0
    while i < len(lines) - 1:
        run = _pair_run(lines, i)
        if run >= 2:
            dead.update(range(i, i + 2 * run))
            i += 2 * run
        else:
            i += 1
    for index in sorted(dead):
        state.drop("score_widget", lines[index].text)
    state.lines = [line for index, line in enumerate(lines) if index not in dead]


def _pair_run(lines: list[Line], start: int) -> int:
    def pair(i: int, number_first: bool) -> bool:
        if i + 1 >= len(lines):
            return False
        a, b = lines[i].text, lines[i + 1].text
        number, label = (a, b) if number_first else (b, a)
        return _is_bare_number(number) and _is_short_label(label)
    best = 0
    for number_first in (True, False):
        count, i = 0, start
        while pair(i, number_first):
            count += 1
            i += 2
        numbers = [lines[j if number_first else j + 1].text for j in range(start, start + 2 * count, 2)]
        if count and not _is_numbering(numbers):
            best = max(best, count)
    return best


def _is_numbering(numbers: list[str]) -> bool:
    """1, 2, 3 (or 01, 02) before short lines are numbered sections, not scores."""
    try:
        values = [float(n.strip().rstrip("%")) for n in numbers]
    except ValueError:
        return False
    return all(b - a == 1 for a, b in zip(values, values[1:]))


# ----------------------------------------------------------------- tag clouds

def doubled_tags(text: str) -> list[str]:
    """"A A B B C C" (each tag shown in two languages, here identical) -> [A, B, C]."""
    tokens = text.split()
    if len(tokens) < 4 or len(tokens) % 2:
        return []
    pairs = list(zip(tokens[::2], tokens[1::2]))
    if any(a != b or TERMINAL.search(a) for a, b in pairs):
        return []
    return list(dict.fromkeys(a for a, _ in pairs))


@lru_cache(maxsize=1)
def _tag_label_re() -> re.Pattern:
    return re.compile(rf"^\s*(?:{_alternation(_data()['tag_labels'])})\s*[:：]\s*(?P<tags>.+)$", re.IGNORECASE)


def labelled_tags(text: str) -> list[str]:
    """"Tags: a, b, c" -> [a, b, c]."""
    match = _tag_label_re().match(text)
    if not match:
        return []
    raw = match.group("tags")
    parts = re.split(r"\s*[,，、;；|#]\s*|\s{2,}", raw) if re.search(r"[,，、;；|#]", raw) else raw.split()
    tags = [p.strip(" #") for p in parts if p.strip(" #")]
    return list(dict.fromkeys(tags)) if all(_word_count(t) <= MAX_LABEL_WORDS for t in tags) else []


def drop_tag_clouds(state: CleanState) -> None:
    """Tag lines dropped; their labels go to facts["tags"] in order."""
    kept = []
    for line in state.lines:
        tags = doubled_tags(line.text) or labelled_tags(line.text)
        if tags:
            known = state.facts.setdefault("tags", [])
            known.extend(t for t in tags if t not in known)
            state.drop("tag_cloud", line.text)
            continue
        kept.append(line)
    state.lines = kept


# ----------------------------------------------------------------- share bars

@lru_cache(maxsize=1)
def _share_res() -> tuple[re.Pattern, re.Pattern]:
    data = _data()

    def phrases(words) -> str:
        latin = [w for w in words if not re.search(f"[{CJK}]", w)]
        cjk = [w for w in words if re.search(f"[{CJK}]", w)]
        # A CJK label may carry a one-character preposition ("share to").
        # One shared optional class after the labels (longest first) matches
        # what a class after each label would; a case-insensitive CJK class
        # takes milliseconds to compile, and there are dozens of labels.
        alternatives = "|".join(re.escape(w) for w in sorted(cjk, key=len, reverse=True))
        cjk_body = rf"(?:{alternatives})[{CJK}]?" if cjk else ""
        return "|".join(p for p in (_bounded(_alternation(latin)), cjk_body) if p)
    return (re.compile(phrases(data["share_labels"]), re.IGNORECASE),
            re.compile(phrases(data["share_targets"]), re.IGNORECASE))


def is_share_bar(text: str) -> bool:
    if _word_count(text) > MAX_SHARE_WORDS:
        return False
    labels_re, targets_re = _share_res()
    text = MD_LINK.sub(r" \1 ", text)       # "[Share](#) · [Post](#)": the link texts
    labels = len(labels_re.findall(text))
    rest = labels_re.sub(" ", text)
    targets = len(targets_re.findall(rest))
    rest = targets_re.sub(" ", rest)
    if re.search(r"\w", rest):
        return False
    return labels >= 1 or targets >= 2


def _share_row(text: str) -> bool:
    """"Share this article · Read also: <headline>": a share bar and a
    related-link label on one row, between middle dots or bars."""
    parts = [part for part in META_SEPARATOR.split(text) if part.strip()]
    return len(parts) >= 2 and is_share_bar(parts[0]) \
        and all(is_share_bar(part) or is_related_link(part) for part in parts[1:])


def drop_share_bars(state: CleanState) -> None:
    """Lines made only of share labels and social network names (a related
    link may follow the share bar on its row)."""
    kept = []
    for line in state.lines:
        if is_share_bar(line.text) or (_word_count(line.text) <= MAX_SHARE_WORDS and _share_row(line.text)):
            state.drop("share_bar", line.text)
            continue
        kept.append(line)
    state.lines = kept


# ---------------------------------------------------------------- breadcrumbs

def is_back_link(text: str) -> bool:
    arrows = _alternation(_data()["back_arrows"])
    match = re.match(rf"^\s*(?:{arrows})\s*(?P<label>\w[^<>]*)$", text)
    return bool(match) and _is_short_label(match.group("label"))


def is_breadcrumb(text: str) -> bool:
    data = _data()
    arrows = _alternation(data["breadcrumb_arrows"])
    parts = [p.strip() for p in re.split(rf"\s*(?:{arrows})\s*", text.strip())]
    if len(parts) < 3:
        slash = _alternation(data["breadcrumb_slash"])
        parts = [p.strip() for p in re.split(rf"\s+(?:{slash})\s+", text.strip())]
        homes = {w.lower() for w in data["home_words"]}
        if len(parts) < 2 or parts[0].lower() not in homes:
            return False
    return all(_is_short_label(p) for p in parts if p) and _word_count(text) <= MAX_CHROME_LINE_WORDS


# A navigation row: section names between spaced bars ("Home | News | Sport
# | Culture"); a bar row with fewer parts may be a kicker ("Business | Transport").
MIN_NAV_PARTS = 4
_NAV_BAR = re.compile(r"\s+[|｜]\s+|\s*｜\s*")
# A row of section names set apart by ideographic spaces ("ニュース　地域　経済
# 　スポーツ") or by runs of three spaces or more: a part is short (a CJK
# part at most MAX_NAV_DENSE characters) and holds no sentence punctuation.
_NAV_SPACES = re.compile(r"[ \t]*\u3000[\u3000 \t]*|[ \t]{3,}")
MAX_NAV_DENSE = 8
_NAV_PUNCT = re.compile(r"[、。，,.;；:：!?！？「」『』（）()]")


def is_nav_row(text: str) -> bool:
    """"Home | News | Sport | Culture | Contact": four or more short labels
    (no figures, no sentence) between spaced bars, and nothing else. A
    Markdown table row starts or ends with its bar and is no navigation."""
    text = text.strip()
    if text[:1] in "|｜" or text[-1:] in "|｜" or _word_count(text) > 2 * MAX_CHROME_LINE_WORDS:
        return False
    parts = [p.strip().strip("*_").strip() for p in _NAV_BAR.split(text)]
    if len(parts) >= MIN_NAV_PARTS and all(_is_short_label(p) for p in parts):
        return True
    parts = [p for p in _NAV_SPACES.split(text)]
    return len(parts) >= MIN_NAV_PARTS and all(
        _is_short_label(p) and not _NAV_PUNCT.search(p) and _word_count(p) <= 2
        and len(_DENSE_CHAR.findall(p)) <= MAX_NAV_DENSE for p in parts)


def _nav_row_at(lines: list[Line], index: int) -> bool:
    """A navigation row on its own: a neighbour with bars too makes it a
    table's row (a Markdown table may omit its outer bars)."""
    if not is_nav_row(lines[index].text):
        return False
    return not any(0 <= i < len(lines) and "|" in lines[i].text for i in (index - 1, index + 1))


def drop_breadcrumbs(state: CleanState) -> None:
    """Back links ("← Section"), trails ("Home > News > Tech") and navigation
    rows ("Home | News | Sport | Culture")."""
    kept = []
    lines = state.lines
    for index, line in enumerate(lines):
        if is_back_link(line.text) or is_breadcrumb(line.text) or _nav_row_at(lines, index):
            state.drop("breadcrumb", line.text)
            continue
        kept.append(line)
    state.lines = kept


# A menu set one label a line above the headline ("News" / "Sport" /
# "Culture" / "Log in"): at least MIN_NAV_COLUMN short label lines of one or
# two words in one block (no blank line between them), before any prose.
MIN_NAV_COLUMN = 4
MAX_NAV_COLUMN_WORDS = 2


def _menu_item(line: Line) -> bool:
    text = line.text.strip().strip("*_").strip()
    return (line.kind in ("", "paragraph", "heading") and 0 < _word_count(text) <= MAX_NAV_COLUMN_WORDS
            and _is_short_label(text) and not _NAV_PUNCT.search(text)
            and len(_DENSE_CHAR.findall(text)) <= MAX_NAV_DENSE)


def drop_nav_columns(state: CleanState) -> None:
    """A navigation menu written one label a line at the top of a pasted
    page leaves the text (the first line of the block, which may be the
    outlet's masthead, is left to the masthead rules)."""
    lines = state.lines
    limit = min(len(lines), MASTHEAD_TOP_LINES * 2)
    index = 0
    while index < limit:
        if _is_prose(lines[index].text):
            break
        end = index
        while end < limit and _menu_item(lines[end]) and (end == index or not lines[end].para_start):
            end += 1
        if end - index >= MIN_NAV_COLUMN:
            start = index + 1 if index == 0 and end - index - 1 >= MIN_NAV_COLUMN else index
            for line in lines[start:end]:
                state.drop("breadcrumb", line.text)
            state.lines = lines[:start] + lines[end:]
            return
        index = max(end, index + 1)


def _name_key(text: str) -> str:
    return " ".join(re.sub(r"[*_«»“”\"]", " ", text).split()).casefold()


def drop_top_masthead(state: CleanState) -> None:
    """The outlet's name alone on one of the first lines, when the page names
    the same outlet elsewhere (its copyright line, a station or agency
    credit), is the masthead, not the headline: it leaves the text. A
    copyright holder that is the masthead's name plus a company form ("<Name>
    Media Ltd") gives way to the masthead's shorter name."""
    credited = state.facts.get("credited_publisher") or ""
    names = [name for name in (state.facts.get("publisher"), credited, state.hints.get("publisher")) if name]
    if not names:
        return
    for index, line in enumerate(state.lines[:MASTHEAD_TOP_LINES]):
        if _is_prose(line.text):
            return
        key = _name_key(line.text)
        if not key or not short_label(line.text.strip().strip("*_"), MAX_PUBLISHER_WORDS):
            continue
        for name in names:
            other = _name_key(name)
            if other == key or (other.startswith(key + " ") or (other.startswith(key) and _DENSE_CHAR.search(key)
                                                                 and len(other) - len(key) <= 2)):
                if name == credited and other != key:
                    state.facts["credited_publisher"] = line.text.strip().strip("*_").strip()
                state.drop("masthead", line.text)
                state.lines = state.lines[:index] + state.lines[index + 1:]
                return


# The issuer's boilerplate is in the last part of a release, a few paragraphs.
ABOUT_TAIL_SHARE = 0.5
MAX_ABOUT_PARAGRAPHS = 3
MAX_ABOUT_NAME_WORDS = 6


@lru_cache(maxsize=1)
def _about_re() -> re.Pattern:
    data = _data()
    labels = _alternation(data.get("about_labels") or ())
    articles = _alternation(data.get("about_articles") or ())
    return re.compile(rf"^[*_#\s]*(?:{labels})\s+(?:(?:{articles})\s*)?(?P<name>[^\W\d_][^:：.!?。]*?)[*_\s:：]*$",
                      re.IGNORECASE)


def about_heading(text: str) -> str:
    """"About Harbour Foods Ltd", "Über die Nordwerk AG" -> the company's name;
    "" for any other line. The name is a short capitalised label."""
    if len(text) > MAX_LABEL_CHARS * 2:
        return ""
    match = _about_re().match(text.strip())
    if not match:
        return ""
    name = match.group("name").strip()
    words = name.split()
    if not 0 < len(words) <= MAX_ABOUT_NAME_WORDS or not (name[:1].isupper() or _DENSE_CHAR.match(name)):
        return ""
    return name


def read_about_blocks(state: CleanState) -> None:
    """A press release's "About <Company>" boilerplate near its end names the
    issuer: the publisher to fall back on. The section stays (it is the
    release's own text about the company, which readers may want)."""
    lines = state.lines
    start = int(len(lines) * ABOUT_TAIL_SHARE)
    for index in range(max(1, start), len(lines)):
        line = lines[index]
        if line.kind not in ("", "paragraph", "heading") or _is_prose(line.text):
            continue
        name = about_heading(line.text)
        if not name:
            continue
        end = index + 1
        while end < len(lines) and end - index <= MAX_ABOUT_PARAGRAPHS and lines[end].kind in ("", "paragraph") \
                and not about_heading(lines[end].text):
            end += 1
        if end == index + 1 or end < len(lines) and lines[end].kind in ("", "paragraph"):
            continue      # nothing under it, or a longer section: the article's own
        if name.split()[0].casefold() not in lines[index + 1].text[:MAX_META_CHARS].casefold():
            continue      # boilerplate names its company at once ("Nordwerk AG is …")
        state.facts.setdefault("credited_publisher", name)
        return


# ------------------------------------------------------ related / link lines

@lru_cache(maxsize=1)
def _related_re() -> re.Pattern:
    prefixes = _data()["related_prefixes"]
    # One-word prefixes ("Related", "Trending") only as the whole line, so a
    # heading such as "Popular culture" survives.
    open_ended = [p for p in prefixes if " " in p or len(p) >= 4 and re.search(f"[{CJK}]", p)]
    exact = [p for p in prefixes if p not in open_ended]
    # The section name is a separate word: "相关新闻报道…" is a headline.
    tail = rf"(?:(?:\s+|\s*[:：]\s*)\S+(?:\s+\S+){{0,{MAX_LABEL_WORDS - 2}}})?"
    return re.compile(
        rf"^\s*(?:(?:{_alternation(open_ended)}){tail}|(?:{_alternation(exact)}))\s*[:：»›>…]*\s*$",
        re.IGNORECASE)


MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")
# Markdown emphasis and heading marks around a label: "**Read more:**", "## Related".
_MARKUP_EDGES = re.compile(r"^\s*(?:#{1,6}\s+)?[*_]*|[*_]*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·–»›]|\d{1,2}[.)])\s+\S")
# A list of related headlines is short; a longer run is the article's own list.
MAX_RELATED_ITEMS = 10
MAX_HEADLINE_WORDS = 16


def _unmarked(text: str) -> str:
    return _MARKUP_EDGES.sub("", text)


def _link_list_after_label(text: str) -> bool:
    """"Read next: [A](…) · [B](…)": a related label, then only links."""
    match = re.match(r"^(?P<label>[^:：\[*_]+)[*_]*[:：][*_]*\s*(?P<rest>\[.*)$", text)
    if not match or not _related_re().match(match.group("label")):
        return False
    rest = MD_LINK.sub(" ", match.group("rest"))
    return not re.search(r"\w", SEPARATORS.sub(" ", rest))


def is_related_link(text: str) -> bool:
    text = _unmarked(text)
    if _link_list_after_label(text) or _labelled_headline(text, _related_label_re()):
        return True
    return bool(_related_re().match(text)) and not TERMINAL.search(text.strip().rstrip("…"))


@lru_cache(maxsize=1)
def _related_label_re() -> re.Pattern:
    """The related labels of several words ("More on this topic"), which
    may introduce one headline after a colon."""
    labels = [p for p in _data()["related_prefixes"] if " " in p or re.search(f"[{CJK}]", p)]
    # "More on this topic:": a label may name its topic in a word or two.
    return re.compile(rf"^\s*(?:{_alternation(labels)})(?:\s+[^\s:：]+){{0,2}}\s*[:：]\s*(?P<rest>\S.*)$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _teaser_label_re() -> re.Pattern:
    labels = _data()["teaser_labels"]
    return re.compile(rf"^\s*(?:{_alternation(labels)})\s*[:：]\s*(?P<rest>\S.*)$", re.IGNORECASE)


def _labelled_headline(text: str, label_re: re.Pattern) -> bool:
    """"<label>: <a headline>": the headline is short and not a sentence."""
    match = label_re.match(text)
    if not match:
        return False
    rest = MD_LINK.sub(r"\1", match.group("rest")).strip()
    if rest[:1].islower():
        return False      # "Read next: the minister's speech and …" is a sentence
    return 0 < _word_count(rest) <= MAX_HEADLINE_WORDS and not re.search(r"[.。:：,，;；]$", rest) \
        and len(rest) <= MAX_META_CHARS // 2


def _is_headline_item(text: str) -> bool:
    """A list item that reads as a linked headline, not a sentence of the
    article (a headline may ask a question)."""
    body = MD_LINK.sub(r"\1", _LIST_ITEM.sub("x", text, count=1)[1:]).strip()
    return bool(_LIST_ITEM.match(text)) and 0 < _word_count(body) <= MAX_HEADLINE_WORDS \
        and not re.search(r"[.。]$", body)


def drop_related_links(state: CleanState) -> None:
    """"More in <section>", "Related articles", "Read more" lines, and the
    short list of headlines right under such a label (in any format)."""
    kept, under_label = [], 0
    for line in state.lines:
        if is_related_link(line.text):
            state.drop("related_link", line.text)
            under_label = MAX_RELATED_ITEMS
            continue
        if under_label and _is_headline_item(line.text):
            state.drop("related_link", line.text)
            under_label -= 1
            continue
        under_label = 0
        kept.append(line)
    state.lines = kept


@lru_cache(maxsize=1)
def _trailing_more_re() -> re.Pattern:
    words = _alternation(_data()["trailing_more"])
    return re.compile(rf"(?<=\S)\s*[\[(]?(?:{words})\s*[»›>→…\])]*\s*$", re.IGNORECASE)


def strip_trailing_more(text: str) -> str:
    """"…the minister said. Read more »" -> "…the minister said."."""
    stripped = _trailing_more_re().sub("", text)
    # Only after a finished sentence: "…they asked us to read more" stays.
    return stripped if stripped != text and TERMINAL.search(stripped.rstrip()) else text


def drop_trailing_more(state: CleanState) -> None:
    kept = []
    for line in state.lines:
        stripped = strip_trailing_more(line.text)
        if stripped != line.text:
            state.drop("read_more", line.text[len(stripped):].strip())
            line = line.with_(text=stripped)
        kept.append(line)
    state.lines = kept


@lru_cache(maxsize=1)
def _furniture_re() -> re.Pattern:
    words = _alternation(_data()["furniture_lines"])
    return re.compile(rf"^\s*(?:{words})\s*[:：]?\s*(?:\(\d+\))?\s*$", re.IGNORECASE)


def drop_furniture(state: CleanState) -> None:
    """Whole lines such as "Advertisement", "Listen to this article", "Print"."""
    kept = []
    for line in state.lines:
        if _furniture_re().match(line.text):
            state.drop("furniture", line.text)
            continue
        kept.append(line)
    state.lines = kept


@lru_cache(maxsize=1)
def _site_link_re() -> re.Pattern:
    prefixes = _alternation(_data()["site_link_prefixes"])
    return re.compile(rf"(?:^|(?<=[.!?。！？])\s*)(?:{prefixes})\s*[^.!?。！？]{{0,60}}[.!?。！？]?\s*$",
                      re.IGNORECASE)


def strip_site_link(text: str) -> str:
    """Drop a trailing "Read our <policy page>." sentence of a line."""
    match = _site_link_re().search(text)
    if not match or _word_count(match.group(0)) > 7:
        return text
    return text[:match.start()].rstrip()


def drop_site_links(state: CleanState) -> None:
    kept = []
    for line in state.lines:
        stripped = strip_site_link(line.text) if line.kind in ("", "paragraph") else line.text
        if stripped != line.text:
            state.drop("site_link", line.text[len(stripped):].strip())
            if not stripped.strip():
                continue
            line = line.with_(text=stripped)
        kept.append(line)
    state.lines = kept


# ------------------------------------------------ teasers and reader call-outs

# A call to readers is one short sentence, after at most two questions.
MAX_CALLOUT_WORDS = 8
MAX_CALLOUT_DENSE = 16
MAX_CALLOUT_QUESTIONS = 2
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?。！？])\s*")


@lru_cache(maxsize=1)
def _callout_re() -> re.Pattern:
    phrases = _alternation(_data()["callout_phrases"])
    return re.compile(rf"^(?:{phrases})(?![{LATIN}])", re.IGNORECASE)


# A live blog's welcome or sign-off entry is one short paragraph.
MAX_LIVE_BLOG_WORDS = 24


@lru_cache(maxsize=1)
def _live_blog_re() -> re.Pattern:
    phrases = _alternation(_data().get("live_blog_phrases", ())) or r"(?!)"
    return re.compile(rf"^(?:{phrases})(?![{LATIN}])", re.IGNORECASE)


def is_live_blog_furniture(text: str) -> bool:
    """"Welcome to our live coverage of the vote." / "That's it from us today –
    thanks for following along.": a live blog's welcome or sign-off."""
    text = _unmarked(text).strip()
    return _word_count(text) <= MAX_LIVE_BLOG_WORDS and bool(_live_blog_re().match(text.replace("’", "'")))


def is_reader_callout(text: str) -> bool:
    """"Were you affected? Tell our reporters." / "Have your say": an
    invitation to write in or comment, optionally after a question or two."""
    if len(text) > MAX_META_CHARS:
        return False
    sentences = [p.strip() for p in _SENTENCE_SPLIT.split(_unmarked(text).strip()) if p.strip()]
    if not sentences or len(sentences) > MAX_CALLOUT_QUESTIONS + 1:
        return False
    *questions, last = sentences
    if not all(q[-1] in "?？" for q in questions) or not _callout_re().match(last):
        return False
    short = _word_count(last) <= MAX_CALLOUT_WORDS and len(_DENSE_CHAR.findall(last)) <= MAX_CALLOUT_DENSE
    return short and not last.endswith(("?", "？"))


@lru_cache(maxsize=1)
def _feedback_re() -> re.Pattern:
    answers = _alternation(_data()["feedback_answers"])
    tails = _alternation(_data().get("feedback_tails", ()))
    tail = rf"(?:[·|/]?\s*(?:{tails}))?" if tails else ""
    return re.compile(rf"^.{{3,100}}[?？]\s*(?:(?:{answers})(?![{LATIN}])\s*[/|·]?\s*){{2,3}}{tail}\s*$",
                      re.IGNORECASE)


def is_feedback_widget(text: str) -> bool:
    """"Was this article helpful? Yes No": a question and its answer buttons."""
    return len(text) <= MAX_META_CHARS and bool(_feedback_re().match(_unmarked(text).strip()))


def drop_reader_callouts(state: CleanState) -> None:
    """Invitations to write in or comment, and "was this helpful?" widgets."""
    kept = []
    for line in state.lines:
        if line.kind in ("", "paragraph") and (is_reader_callout(line.text) or is_feedback_widget(line.text)
                                               or is_live_blog_furniture(line.text)):
            state.drop("reader_callout", line.text)
            continue
        kept.append(line)
    state.lines = kept


def drop_tail_teasers(state: CleanState) -> None:
    """"Opinion: <headline>" after the article's last paragraph of prose is
    a teaser for another page. (Inside the article such a line may be a
    section title, so only the tail is read.)"""
    last_prose = max((i for i, line in enumerate(state.lines) if _is_prose(line.text)), default=-1)
    if last_prose < 0:
        return
    kept = state.lines[:last_prose + 1]
    for line in state.lines[last_prose + 1:]:
        if line.kind in ("", "paragraph") and _labelled_headline(_unmarked(line.text), _teaser_label_re()):
            state.drop("related_link", line.text)
            continue
        kept.append(line)
    state.lines = kept


# ------------------------------------------------------------ contact blocks

# A contact block holds a few short lines per person; longer lines are prose.
MAX_CONTACT_LINE_WORDS = 10
MAX_CONTACT_LINES = 16
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WEB = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# "1 500 000", "2.340.000": a figure with thousands separators, not a phone number.
_THOUSANDS = re.compile(r"\d{1,3}(?:[ .,]\d{3})+")
# "2018.04.05", "12/06/2026": a date, not a phone number.
_DATE_LIKE = re.compile(r"\d{4}[./-]\d{1,2}[./-]\d{1,2}(?!\d)|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?!\d)")
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d ().\-/]{5,}\d(?:\s*(?:ext\.?|x)\s*\d{1,5})?(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _contact_res() -> tuple[frozenset[str], re.Pattern]:
    data = _data()
    labels = frozenset(_label_key(label) for label in data["contact_labels"])
    fields = re.compile(rf"(?<![{LATIN}])(?:{_alternation(data['contact_field_labels'])})\s*[:：.]?(?=\s|\+|\d|$)",
                        re.IGNORECASE)
    return labels, fields


def _label_key(text: str) -> str:
    """"Press contacts:" -> "press contacts"; "For media enquiries, contact:" -> "for media enquiries contact"."""
    return " ".join(re.sub(r"[,，:：]", " ", _unmarked(text)).split()).casefold()


def contact_details(text: str, strict: bool = False) -> tuple[int, str]:
    """(number of phone numbers, e-mail and web addresses on the line, what
    is left). ``strict``: no web addresses, and a phone number only in an
    international or trunk form ("+44 …", "(555) …", "030 …") or after a
    phone label (a score line "14 11 6 15" is no number to call)."""
    found = 0
    text, found = _EMAIL.subn(" ", text)
    if not strict:
        text, n = _WEB.subn(" ", text)
        found += n
    labelled = bool(_contact_res()[1].search(text))
    for match in _PHONE.finditer(text):
        digits = match.group()
        if sum(ch.isdigit() for ch in digits) < 7 or _THOUSANDS.fullmatch(digits) or _DATE_LIKE.match(digits):
            continue
        if not labelled and digits[0] not in "+(0" and not re.search(r"\d{3}", digits):
            continue      # "14 11 6 15": a score line, not a number to call
        if strict and not labelled and digits[0] not in "+(0":
            continue
        found += 1
    if found:
        text = _PHONE.sub(" ", text)
        text = _contact_res()[1].sub(" ", text)
    return found, " ".join(SEPARATORS.sub(" ", text).split())


def is_contact_detail(text: str, strict: bool = False) -> bool:
    """A line of phone numbers and e-mail/web addresses, with at most a
    name or a label beside them ("Jane Doe, +1 555 0100, jane@example.org")."""
    if _word_count(text) > MAX_CONTACT_LINE_WORDS + 4:
        return False
    if not ("@" in text or "www." in text or "://" in text or sum(ch.isdigit() for ch in text) >= 7):
        return False
    found, rest = contact_details(_unmarked(text), strict)
    return found > 0 and _word_count(rest) <= MAX_LABEL_WORDS + 2 and not TERMINAL.search(rest)


def _contact_label(text: str) -> bool:
    """The line is a contact label, alone or followed by the details."""
    if len(text) > MAX_META_CHARS // 2 or len(text) > 64 and not re.search(r"[:：]", text[:64]):
        return False      # labels are short; details after one follow a colon
    labels, _ = _contact_res()
    if _label_key(text) in labels:
        return True
    match = re.match(r"^\s*(?P<label>[^:：]{2,60})[:：]\s*(?P<rest>\S.*)$", _unmarked(text))
    return bool(match) and _label_key(match.group("label")) in labels and is_contact_detail(match.group("rest"))


def _contact_line(line: Line) -> bool:
    """A name, job title, organisation or address line of a contact block."""
    text = _unmarked(line.text).strip()
    if line.kind not in ("", "paragraph", "heading") or not text:
        return False
    if is_contact_detail(text):
        return True
    return _word_count(text) <= MAX_CONTACT_LINE_WORDS and not TERMINAL.search(text.rstrip(")")) \
        and _size(text) <= MAX_CONTACT_LINE_WORDS


def drop_contact_blocks(state: CleanState) -> None:
    """"Media contact:" (or "Pressekontakt", "Contacto de prensa") and
    the name, title, organisation, phone and e-mail lines under it, up to its
    last phone, e-mail or web line: a press release's contact block is page
    furniture, not article text (and its names are not section headings)."""
    lines = state.lines
    dead: set[int] = set()
    i = 0
    while i < len(lines):
        if not _contact_label(lines[i].text):
            i += 1
            continue
        end = i if is_contact_detail(lines[i].text.split(":", 1)[-1]) else -1
        j = i + 1
        while j < len(lines) and j - i <= MAX_CONTACT_LINES and _contact_line(lines[j]):
            if is_contact_detail(lines[j].text):
                end = j
            j += 1
        if end < 0:
            i += 1
            continue
        for k in range(i, end + 1):
            state.drop("contact_block", lines[k].text)
            dead.add(k)
        i = end + 1
    state.lines = [line for index, line in enumerate(lines) if index not in dead]


# ---------------------------------------------------------------------- polls

# A poll's answers are a few short options.
MAX_POLL_OPTIONS = 8
MAX_OPTION_WORDS = 6
MAX_POLL_QUESTION_WORDS = 20
MAX_READER_QUESTION_WORDS = 15


@lru_cache(maxsize=1)
def _poll_res() -> tuple[frozenset[str], frozenset[str], re.Pattern, re.Pattern]:
    data = _data()
    labels = frozenset(_label_key(label) for label in data["poll_labels"])
    buttons = frozenset(_label_key(button) for button in data["poll_buttons"])
    count = re.compile(rf"^\s*\d+(?:[.,\s]\d{{3}})*\s*(?:{_alternation(data['vote_count_words'])})\s*$",
                       re.IGNORECASE)
    words = data["reader_address_words"]
    folded = [w for w in words if not w[:1].isupper()]
    exact = [w for w in words if w[:1].isupper()]
    address = "|".join(p for p in (f"(?i:{_alternation(folded)})" if folded else "",
                                   _alternation(exact)) if p)
    return labels, buttons, count, re.compile(rf"(?<![{LATIN}])(?:{address})(?![{LATIN}])")


def _is_question(text: str, max_words: int) -> bool:
    """One short sentence ending with a question mark."""
    if text.rstrip()[-1:] not in "?？*_":
        return False
    text = _unmarked(text).strip()
    if text[-1:] not in "?？" or not 0 < _size(text) <= max_words:
        return False
    return len([p for p in _SENTENCE_SPLIT.split(text) if p.strip()]) == 1


def _poll_furniture(text: str) -> bool:
    """A vote button ("Vote", "Abstimmen"), or a vote count ("1,234 votes")."""
    _, buttons, count, _ = _poll_res()
    return _label_key(text) in buttons or bool(count.match(_unmarked(text)))


_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")


def _poll_option(text: str) -> bool:
    """"Yes", "No, not at all", "Ja – 45 %": a short answer, no sentence."""
    text = _unmarked(text).strip().lstrip("-•*○◯□☐◻▢ ").strip()
    return 0 < _word_count(text) <= MAX_OPTION_WORDS and not re.search(r"[.!?。！？:：]$", text) \
        and _size(text) <= MAX_OPTION_WORDS


def _poll_end(lines: list[Line], start: int, labelled: bool) -> int:
    """Index after a poll whose question is at ``start``, or -1. A labelled
    poll needs only its question; else options must be followed by a button
    or a count, or carry result percentages."""
    j, options, furniture, percents = start + 1, 0, 0, 0
    while j < len(lines) and j - start <= MAX_POLL_OPTIONS + 2:
        text = lines[j].text
        if _poll_furniture(text):
            furniture += 1
        elif lines[j].kind in ("", "paragraph", "list") and _poll_option(text.replace("\n", " ")) \
                and not furniture:
            options += 1
            percents += bool(_PERCENT.search(text))
        else:
            break
        j += 1
    if labelled or (options >= 2 and (furniture or percents >= 2)):
        return j
    return -1


def drop_polls(state: CleanState) -> None:
    """Reader polls in any language: a poll label over a question, or a
    question with answer options and a vote button, count or percentages;
    and, after the article's last paragraph, a lone question addressed to the
    reader ("Is your pension safe?"), the remains of a poll or a teaser."""
    labels, _, _, address = _poll_res()
    lines = state.lines
    dead: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind not in ("", "paragraph", "heading") or len(line.text) > MAX_META_CHARS \
                or len(line.text) > MAX_LABEL_CHARS and "?" not in line.text and "？" not in line.text:
            i += 1
            continue      # a poll line is a short label or a question
        text = _unmarked(line.text).strip()
        match = re.match(r"^(?P<label>[^:：?？]{2,40})[:：]\s*(?P<rest>\S.*)$", text)
        end = -1
        if _label_key(text) in labels and i + 1 < len(lines) \
                and _is_question(lines[i + 1].text, MAX_POLL_QUESTION_WORDS):
            end = _poll_end(lines, i + 1, labelled=True)
        elif match and _label_key(match.group("label")) in labels \
                and _is_question(match.group("rest"), MAX_POLL_QUESTION_WORDS):
            end = _poll_end(lines, i, labelled=True)
        elif _is_question(text, MAX_POLL_QUESTION_WORDS):
            end = _poll_end(lines, i, labelled=False)
        if end < 0:
            i += 1
            continue
        for k in range(i, end):
            state.drop("poll", lines[k].text)
            dead.add(k)
        i = end
    kept = [line for index, line in enumerate(lines) if index not in dead]
    last_prose = next((i for i in range(len(kept) - 1, -1, -1) if _is_prose(kept[i].text)), -1)
    if last_prose >= 0:
        tail = []
        for line in kept[last_prose + 1:]:
            if line.kind in ("", "paragraph", "heading") and _is_question(line.text, MAX_READER_QUESTION_WORDS) \
                    and address.search(_unmarked(line.text)):
                state.drop("poll", line.text)
                continue
            tail.append(line)
        kept = kept[:last_prose + 1] + tail
    state.lines = kept


# -------------------------------------------------------------------- footers

@lru_cache(maxsize=1)
def _footer_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = _data()
    prefix = re.compile(rf"^\s*{_bounded(_alternation(data['footer_prefixes']))}", re.IGNORECASE)
    phrase = re.compile(_alternation(data["footer_phrases"]), re.IGNORECASE)
    copyright_ = re.compile(_alternation(data["copyright_words"]), re.IGNORECASE)
    return prefix, phrase, copyright_


@lru_cache(maxsize=1)
def _newsletter_action_re() -> re.Pattern:
    return re.compile(rf"^(?:{_alternation(_data()['newsletter_actions'])})$", re.IGNORECASE)


def is_newsletter_footer(text: str) -> bool:
    """"Unsubscribe · Manage preferences · Forward to a colleague": two or more
    separated parts (or links) that are each a newsletter action. One action
    word inside a sentence is prose."""
    if _word_count(text) > MAX_NEWSLETTER_WORDS:
        return False
    parts = re.split(r"\s*(?:[·•|/]|(?<=[.!?])\s|\s{2,}|\u3000)\s*", MD_LINK.sub(r" · \1 · ", text))
    actions = [p for p in (_unmarked(part).strip(" .:;,-–—") for part in parts)
               if p and _newsletter_action_re().match(p)]
    return len(actions) >= 2


def _tagline_copyright(text: str) -> bool:
    """"Harbour Observer — independent since 1901. © 2026 Harbour Observer
    Ltd.": a site's tagline then its copyright notice, a little longer than
    a footer line; the last part is the notice."""
    if _word_count(text) > 2 * MAX_CHROME_LINE_WORDS:
        return False
    parts = [part for part in _FOOTER_PARTS.split(text.strip().strip("*_")) if part.strip()]
    _, phrase, copyright_ = _footer_res()
    # "… © 2026 Name. All rights reserved.": the rights phrase after the notice.
    if len(parts) > 2 and phrase.search(parts[-1]) and not copyright_.search(parts[-1]) \
            and _word_count(parts[-1]) <= MAX_LABEL_WORDS + 1:
        parts = parts[:-1]
    if not 2 <= len(parts) <= 3:
        return False
    last = parts[-1]
    return bool(copyright_.search(last) and _YEARS.search(last)) and _word_count(last) <= MAX_CHROME_LINE_WORDS


def is_footer(text: str) -> bool:
    if is_newsletter_footer(text):
        return True
    if _word_count(text) > MAX_CHROME_LINE_WORDS:
        return _tagline_copyright(text)
    prefix, phrase, copyright_ = _footer_res()
    if prefix.search(text) or phrase.search(text):
        return True
    return bool(copyright_.search(text) and re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", text))


def drop_footers(state: CleanState) -> None:
    """Newsletter, subscription, cookie and copyright lines, and a press
    release's end mark ("###", "-30-", "ENDS"). A copyright line's holder
    ("© 2026 Harbour News. All rights reserved.") is noted as the publisher
    to fall back on when nothing else names one (see facts.py)."""
    kept = []
    for line in state.lines:
        if is_footer(line.text) or is_end_mark(line.text):
            holder = copyright_holder(line.text)
            if holder:
                state.facts.setdefault("credited_publisher", holder)
            state.drop("footer", line.text)
            continue
        kept.append(line)
    state.lines = kept


def is_end_mark(text: str) -> bool:
    """A press release's or wire story's end mark, alone on its line."""
    return _norm_label(text).strip("*_ ") in _end_marks()


@lru_cache(maxsize=1)
def _end_marks() -> frozenset[str]:
    return frozenset(_norm_label(str(mark)) for mark in _data().get("end_marks", ()))


_YEARS = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:\s*[-–—/]\s*(?:19|20)?\d{2})?(?!\d)")


# An age rating printed beside a copyright ("16+", "18+").
_AGE_RATING = re.compile(r"(?<![\w+])\d{1,2}\+(?!\w)")
# Parts of a footer line: its sentences, or parts between spaced dashes and bars.
_FOOTER_PARTS = re.compile(r"(?<=[.!?])\s+|\s+[—–|·•]\s+")


def _holder_text(text: str) -> str:
    """A copyright line's words without the copyright sign, rights phrase,
    years, quotes and punctuation."""
    _, phrase, copyright_ = _footer_res()
    rest = phrase.sub(" ", copyright_.sub(" ", text))
    rest = _AGE_RATING.sub(" ", _YEARS.sub(" ", rest))
    rest = re.sub(r"[«»“”„\"*_]", " ", rest)
    return " ".join(re.sub(r"[.,;:|·•()\[\]–—-]", " ", rest).split())


def _is_holder(text: str) -> bool:
    return short_label(text, MAX_PUBLISHER_WORDS) and not is_byline(text)


def copyright_holder(text: str) -> str:
    """"© 2026 Harbour News. All rights reserved." -> "Harbour News";
    "© 2026 «Harbour News». All rights reserved. 16+" -> "Harbour News";
    "Harbour Observer — independent since 1901. © 2026 Harbour Observer Ltd."
    -> "Harbour Observer" (a part of the line naming a publication first,
    else the holder after the sign); "" when the line is no copyright line
    or names no short capitalised holder."""
    _, _, copyright_ = _footer_res()
    if not copyright_.search(text) or (_word_count(text) > MAX_CHROME_LINE_WORDS
                                       and not _tagline_copyright(text)):
        return ""
    rest = _holder_text(text)
    if _is_holder(rest):
        return rest
    parts = [part for part in _FOOTER_PARTS.split(text.strip().strip("*_")) if part.strip()]
    if len(parts) < 2:
        return ""
    for part in parts:
        name = _holder_text(part)
        if name and is_publication_name(name):
            return name
    for part in parts:
        name = _holder_text(part)
        if copyright_.search(part) and name and _is_holder(name):
            return name
    return ""


# ------------------------------------------------------------- AI disclaimers

@lru_cache(maxsize=1)
def _disclaimer_res() -> dict[str, re.Pattern]:
    words = _data()["ai_disclaimer"]
    return {
        "ai": _phrase_re(words["ai_words"]),
        "verb": _phrase_re(words["generation_words"]),
        "label": re.compile(rf"^\W*(?:{_alternation(words['labels'])})\s*[:：]", re.IGNORECASE),
        "reference": _phrase_re(words["reference_phrases"]),
        "self": _phrase_re(words["self_references"]),
        "cue": re.compile(_alternation(words["passive_cues"]), re.IGNORECASE),
        # "**AI-generated summary.** …", "AI summary: …": a notice's heading.
        "heading": re.compile(rf"^[\W_]*(?:{_alternation(words.get('heading_labels', ()))})"
                              rf"(?:[*_]*\s*[:：.!—–-]|[*_]+|\s*$)", re.IGNORECASE),
    }


def is_ai_disclaimer(text: str) -> bool:
    """A short line naming AI and a generation verb that is a notice: it
    starts with a disclaimer label, holds a "for reference only" phrase, or
    speaks of the page itself with a passive cue ("this article … by AI").
    Prose about AI-generated content has none of these."""
    if len(text) > _data()["ai_disclaimer"]["max_chars"]:
        return False
    res = _disclaimer_res()
    if not (res["ai"].search(text) and res["verb"].search(text)):
        return False
    if res["label"].search(text) or res["reference"].search(text) or res["heading"].search(text):
        return True
    return bool(res["self"].search(text) and res["cue"].search(f" {text} "))


def drop_ai_disclaimers(state: CleanState) -> None:
    """AI-generated-content notices dropped; facts["ai_generated"] = True."""
    kept = []
    for line in state.lines:
        if is_ai_disclaimer(line.text):
            state.facts["ai_generated"] = True
            state.drop("ai_disclaimer", line.text)
            continue
        kept.append(line)
    state.lines = kept


# Breadcrumbs go before meta lines so that a section label under a trail
# is seen as the first line, above its meta line.
RULES: tuple = (
    drop_ai_disclaimers,
    drop_tag_clouds,
    drop_share_bars,
    drop_breadcrumbs,
    drop_release_headers,
    drop_account_headers,
    drop_broadcast_lines,
    drop_mastheads,
    drop_score_widgets,
    drop_meta_lines,
    drop_update_stamps,
    drop_related_links,
    drop_trailing_more,
    drop_furniture,
    drop_site_links,
    drop_footers,
    drop_nav_columns,
    drop_top_masthead,
    drop_contact_blocks,
    read_about_blocks,
    drop_reader_callouts,
    drop_tail_teasers,
    drop_polls,
)
