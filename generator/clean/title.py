"""Cleaning rules: title (see clean/__init__).

The title is the first heading-like line at the top of the body (chrome is
already gone), or the ``title`` hint from HTML metadata. A bilingual title,
split by ``languages`` into one line per language, gives one title per
language in ``facts["titles"]``; ``facts["title"]`` is the one in the page's
main language, English when the languages run in parallel. The title lines
leave the body. A one- or two-sentence standfirst right after the title is
copied to ``facts["summary"]`` and stays in the body. A document that opens
with a paragraph of full sentences has no title: none is invented.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..datafiles import load_yaml

from ..model import HEADING, LIST, PARAGRAPH, QA, TABLE
from .state import CleanState, Line
from .facts import dateline_date, is_byline, is_publication_name, parse_origin_note
from .structure import dense_chars, digit_heavy, ends_sentence, speaker_label

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "structure.yaml"
_LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+")
_SENTENCE = re.compile(r"[^.!?。！？]+[.!?。！？]+")
# A language with at least this share of the text, next to English, makes
# the source a parallel translation rather than a page with a few quotes.
PARALLEL_SHARE = 0.3
# "Headline | Site", "Headline - Site", "Headline_Section_Site".
_SITE_SEPARATOR = re.compile(r"\s+[|·•–—-]{1,2}\s+|_")
_SITE_SEPARATOR_END = re.compile(r"(?:\s+[|·•–—-]{1,2}|_)\s*$")
# Words of a kicker: split on spaces and on the separators between labels.
_KICKER_SEPARATOR = re.compile(r"\s*[|·•/>›»&+]\s*|\s+")
# The page's headline is within the first lines; at most two kickers above it.
HEADLINE_SEARCH_LINES = 4
MAX_KICKERS = 2
# A metadata title and the page's headline line match when one starts the
# other and the shorter is at least this share of the longer ("Business"
# above "Business leaders meet" is no headline).
HEADLINE_MIN_SHARE = 0.4


@lru_cache(maxsize=1)
def _limits() -> dict:
    data = load_yaml(DATA_FILE.read_text(encoding="utf-8"))
    return data.get("title", {})


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def title_like(line: Line, standalone: bool = False) -> bool:
    """A line that can be a title: a short line that is not prose.

    A Markdown "# " heading is a title whatever its punctuation; a plain line
    may end with "?" or "!" only when it stands alone and is one sentence
    (headlines ask questions; prose lines carry several sentences).
    """
    if line.kind in (LIST, TABLE, QA):
        return False
    text = line.text.strip()
    limits = _limits()
    words = len(_LATIN_WORD.findall(text))
    if not text or words > limits.get("max_words", 25) \
            or dense_chars(text) > limits.get("max_dense_chars", 60):
        return False
    if line.kind == HEADING and line.level == 1:
        return True
    if text[-1] in ",;:，；：":
        return False
    if ends_sentence(text):
        return (standalone and text[-1] in "?!？！" and _sentences(text) == 1
                and words <= limits.get("question_max_words", 15))
    return True


def _title_lines(lines: list[Line]) -> list[int]:
    """Indexes of the title line(s): one, or one per language when parallel.

    A leading date or figure line (left for the facts rules) is skipped.
    """
    start = 0
    while start < min(2, len(lines)) and (lines[start].kind in ("", PARAGRAPH) and digit_heavy(lines[start].text)
                                          or _origin_quote(lines[start])):
        start += 1
    if len(lines) < start + 2 or not title_like(lines[start], _standalone(lines, start)):
        return []
    picked = [start]
    seen = {lines[start].lang}
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.lang in seen or not title_like(line, _standalone(lines, i)):
            break
        picked.append(i)
        seen.add(line.lang)
    return picked


def _origin_quote(line: Line) -> bool:
    """A translation or origin note set as a quote above the headline (left
    for the facts rules)."""
    return line.kind == "quote" and bool(parse_origin_note(line.text))


def _standalone(lines: list[Line], i: int) -> bool:
    """Separated from what follows by a blank line (or a structure change)."""
    return i + 1 >= len(lines) or lines[i + 1].para_start or bool(lines[i + 1].kind
                                                                  not in ("", PARAGRAPH))


def _main_language(lines: list[Line], langs: list[str]) -> str:
    weight: dict[str, int] = {}
    for line in lines:
        weight[line.lang] = weight.get(line.lang, 0) + len(line.text)
    total = sum(weight.values()) or 1
    if "en" in langs and all(weight.get(lang, 0) / total >= PARALLEL_SHARE for lang in langs):
        return "en"
    return max(sorted(langs), key=lambda lang: weight.get(lang, 0))


def _without_site_name(hint: str, publisher: str) -> str:
    """"Headline | Site name" -> "Headline" when the suffix is the publisher
    named by the page's metadata (also "Headline_Section_Site")."""
    site = _norm(publisher)
    while site:
        parts = _SITE_SEPARATOR.split(hint)
        if len(parts) < 2 or _norm(parts[-1]) != site:
            break
        hint = hint[:len(hint) - len(parts[-1])]
        hint = _SITE_SEPARATOR_END.sub("", hint).strip()
    return hint


def _page_headline(lines: list[Line], hint: str) -> int:
    """Index of the page's own headline line for a metadata title, or -1.

    It is among the first lines, after kickers only, and equals the title,
    or one is the start of the other ("Headline | Site" in <title>; a short
    <title> for a longer on-page headline); a live-page label ("Live:") on
    either side is left out of the comparison.
    """
    wanted = _norm(live_label(hint)[1])
    for i, line in enumerate(lines[:HEADLINE_SEARCH_LINES]):
        text = _norm(live_label(line.text)[1])
        shorter, longer = sorted((len(text), len(wanted)))
        if text and title_like(line, True) and shorter >= HEADLINE_MIN_SHARE * longer \
                and (wanted.startswith(text) or text.startswith(wanted)):
            return i
        if not _kicker_shaped(line):
            break
    return -1


def _from_hint(state: CleanState) -> bool:
    hint = _without_site_name((state.hints.get("title") or "").strip(),
                              state.hints.get("publisher") or "")
    if not hint:
        return False
    index = _page_headline(state.lines, hint)
    first = state.lines[index] if index >= 0 else (state.lines[0] if state.lines else None)
    if index >= 0:
        # The page's line is the headline as the reader saw it.
        hint = first.text.strip()
        for line in state.lines[:index]:
            _drop_kicker(state, line)
        state.drop("title", first.text)
        state.lines = state.lines[index + 1:]
    state.facts["title"] = hint
    lang = first.lang if first is not None else ""
    state.facts["titles"] = {lang: hint} if lang else {}
    return True


def _kicker_shaped(line: Line) -> bool:
    """A few label words ("Business | Transport", "Shipping & Ports",
    "Channel 4 News", a station's name that ``_drop_kicker`` keeps as the
    publisher): no sentence, no figures beyond a short number,
    every longer Latin word capitalised."""
    if line.kind not in ("", PARAGRAPH, HEADING) or (line.kind == HEADING and line.level == 1):
        return False
    text = line.text.strip()
    limits = _limits()
    words = [w for w in _KICKER_SEPARATOR.split(text) if w]
    if not words or len(words) > limits.get("kicker_max_words", 4) \
            or len(text) > limits.get("kicker_max_chars", 40) \
            or dense_chars(text) > limits.get("kicker_max_dense_chars", 8):
        return False
    if ends_sentence(text) or text[-1] in ",;:，；：" or digit_heavy(text) or is_byline(text):
        return False
    latin = [w for w in words if _LATIN_WORD.match(w)]
    if latin and not latin[0][:1].isupper():
        return False
    return all(w[:1].isupper() for w in latin if len(w) > 3)


def _size(text: str) -> int:
    return len(_LATIN_WORD.findall(text)) + dense_chars(text) // 2


def _kicker_size(text: str) -> int:
    """Words of a line in any spaced script (Latin, Cyrillic, Arabic, …), two
    characters of a script without spaces counting as one word."""
    spaced = sum(1 for word in text.split() if any(ch.isalpha() for ch in word) and not dense_chars(word))
    return spaced + dense_chars(text) // 2


def is_kicker(lines: list[Line], i: int) -> bool:
    """A section label above the headline: kicker-shaped, and the next line
    is a headline (an "# " heading, or a title-like line at least twice as
    long)."""
    if i + 1 >= len(lines) or not _kicker_shaped(lines[i]):
        return False
    nxt = lines[i + 1]
    if i + 2 < len(lines) and nxt.kind in ("", PARAGRAPH) and digit_heavy(nxt.text) \
            and dateline_date(nxt.text, True):
        nxt = lines[i + 2]     # "Section" / date line / headline: the date is read later
    # A short line over a longer one in another script is a bilingual title.
    if not title_like(nxt, _standalone(lines, i + 1)) \
            or (dense_chars(nxt.text) > 0) != (dense_chars(lines[i].text) > 0):
        return False
    if nxt.kind == HEADING and nxt.level == 1:
        return True
    size, nxt_size = _kicker_size(lines[i].text), _kicker_size(nxt.text)
    return nxt_size >= 2 * size and nxt_size >= size + _limits().get("kicker_min_extra_words", 3)


def _drop_kicker(state: CleanState, line: Line) -> None:
    """A kicker leaves the body; one that names a publication or a station
    ("Channel 12 News", "Harbour Herald") is the page's masthead: it gives
    the publisher when no other line or hint did."""
    text = line.text.strip().strip("*_").strip()
    if is_publication_name(text) and not state.hints.get("publisher"):
        state.facts.setdefault("publisher", text)
    state.drop("kicker", line.text)


def drop_kickers(state: CleanState) -> None:
    """Section labels above the headline leave the body (they are not the title)."""
    dropped = 0
    while dropped < MAX_KICKERS and is_kicker(state.lines, 0):
        _drop_kicker(state, state.lines[0])
        state.lines = state.lines[1:]
        dropped += 1


def drop_title_repeat(state: CleanState) -> None:
    """A heading near the top that repeats the title (once the site name is
    stripped from a metadata title) goes."""
    title = _norm(state.facts.get("title") or "")
    if not title:
        return
    for i, line in enumerate(state.lines[:HEADLINE_SEARCH_LINES]):
        if line.kind == HEADING and _norm(line.text) == title:
            state.drop("title", line.text)
            state.lines = state.lines[:i] + state.lines[i + 1:]
            return


@lru_cache(maxsize=1)
def _title_label_re() -> re.Pattern:
    labels = sorted(_limits().get("labels") or (), key=len, reverse=True)
    body = "|".join(re.escape(label) for label in labels) or r"(?!)"
    return re.compile(rf"^\s*[*_]*(?:{body})[*_]*\s*[:：]\s*[*_]*(?=\S)", re.IGNORECASE)


def without_title_label(text: str) -> str:
    """"Title: Harbour budget approved", "标题：…" -> the title alone."""
    stripped = _title_label_re().sub("", text, count=1)
    return stripped.strip() if stripped != text and stripped.strip(" *_") else text


@lru_cache(maxsize=1)
def _live_label_re() -> re.Pattern:
    labels = sorted(_limits().get("live_labels") or (), key=len, reverse=True)
    body = "|".join(re.escape(label) for label in labels) or r"(?!)"
    # "Live: …", "LIVE | …", "Live updates: …", "【直播】…", "[LIVE] …", "(Live) …".
    return re.compile(rf"^\s*[*_]*(?:(?:{body})[*_]*\s*[:：|｜]|[【\[(（](?:{body})[】\])）])\s*[*_]*(?=\S)",
                      re.IGNORECASE)


def live_label(text: str) -> tuple[str, str]:
    """"Live: Harbour strike enters second day", "【直播】…" -> (the label,
    the title without it); ("", text) when the title has no live-page label.
    The label says the page is a live blog; it is no part of the title."""
    match = _live_label_re().match(text)
    if not match or not text[match.end():].strip(" *_"):
        return "", text
    return match.group().strip(), text[match.end():].strip()


def _unlabel(state: CleanState, text: str) -> str:
    label, text = live_label(without_title_label(text))
    if label:
        state.drop("live_label", label)
    return text


def _unlabel_titles(state: CleanState) -> None:
    if state.facts.get("title"):
        state.facts["title"] = _unlabel(state, state.facts["title"])
    if state.facts.get("titles"):
        state.facts["titles"] = {lang: _unlabel(state, t) for lang, t in state.facts["titles"].items()}


def extract_title(state: CleanState) -> None:
    """facts["title"] / facts["titles"]; the title lines leave the body. A
    form label in front of the title ("Title:", "标题：") is no part of it."""
    _extract_title(state)
    _unlabel_titles(state)


def _extract_title(state: CleanState) -> None:
    if _from_hint(state):
        drop_title_repeat(state)
        return
    drop_kickers(state)
    picked = _title_lines(state.lines)
    if not picked:
        return
    titles = {state.lines[i].lang: state.lines[i].text.strip() for i in picked}
    main = _main_language(state.lines, sorted(titles))
    state.facts["title"] = titles[main]
    state.facts["titles"] = {lang: t for lang, t in titles.items() if lang}
    for i in picked:
        state.drop("title", state.lines[i].text)
    state.lines = [line for i, line in enumerate(state.lines) if i not in set(picked)]


def _sentences(text: str) -> int:
    return len(_SENTENCE.findall(text.strip() + ("" if ends_sentence(text) else ".")))


# Meta lines are made of segments ("Politics · 3 May 2026"); a lead sentence is not.
_META_SEGMENTS = re.compile(r"\s[·•|／・]\s|｜|[·•|]\s*[*_]*$")
_TAG_LIKE = re.compile(r"<[A-Za-z/!][^<>]*>")
# A fact box ("Tested by: A  Price: B  More info: www…"): labelled fields, addresses.
_FIELDS = re.compile(r"[:：][^:：]*[:：]|https?://|www\.|@\w")


def _standfirst_heading(line: Line) -> bool:
    """A heading that reads as a lead sentence, not a section title: long
    (a section title is a few words), or a clause with inner commas or
    semicolons."""
    if line.kind != HEADING or line.level < 2:
        return False
    text = line.text.strip()
    if _META_SEGMENTS.search(text) or _TAG_LIKE.search(text) or _FIELDS.search(text) \
            or is_byline(text) or dateline_date(text) or parse_origin_note(text):
        return False      # a byline, dateline, origin note, masthead or fact box, or markup debris
    limits = _limits()
    size = _size(text)
    if size >= limits.get("standfirst_min_words", 10):
        return True
    return size >= limits.get("standfirst_clause_min_words", 7) and bool(re.search(r"[,;，；、]\s*\S", text))


def standfirst(state: CleanState) -> None:
    """A short summary paragraph right after the title -> facts["summary"].

    Only when the title was found and the line stands alone (blank lines
    around it): in hard-wrapped text a short first line is often a credit.
    A page that marks its standfirst up as a subheading (an HTML <h2> under
    the <h1>) gets it back as the lead paragraph it is, when it reads as a
    sentence (``_standfirst_heading``).
    """
    if not state.facts.get("title") or len(state.lines) < 2:
        return
    if _standfirst_heading(state.lines[0]):
        first = state.lines[0]
        state.lines[0] = first.with_(kind=PARAGRAPH, level=0, text=first.text.strip(), para_start=True)
        state.facts.setdefault("summary", first.text.strip())
        return
    if state.facts.get("summary"):
        return
    first, nxt = state.lines[0], state.lines[1]
    if parse_origin_note(first.text) or first.speaker or speaker_label(first.text):
        return      # an origin note (metadata, read by facts) or a transcript's first turn
    limits = _limits()
    if first.kind != PARAGRAPH or not first.para_start or not nxt.para_start:
        return
    if not ends_sentence(first.text) or _sentences(first.text) > limits.get("summary_sentences", 2):
        return
    if len(_LATIN_WORD.findall(first.text)) > limits.get("summary_max_words", 50):
        return
    state.facts["summary"] = first.text.strip()


def clamp_levels(state: CleanState) -> None:
    """Headings left in the body are level 2..4 (a second "# " is level 2)."""
    state.lines = [line.with_(level=min(4, max(2, line.level))) if line.kind == HEADING else line
                   for line in state.lines]


RULES: tuple = (extract_title, standfirst, clamp_levels)
