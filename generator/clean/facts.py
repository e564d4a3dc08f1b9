"""Cleaning rules: metadata facts from the cleaned lines.

After chrome is gone, what remains of page metadata is a few short lines:
a byline ("By A and B", "— Team · Reviewed by C", "作者：…"), an origin
note ("Originally published by X in Korean. Translated … by Y.") and a
dateline. These rules read them into ``state.facts`` (authors, origin,
publisher, published) and drop the lines, which are metadata and not body
text. Facts missing from the text are filled from ``state.hints`` (HTML
meta, sidecar). Nothing is guessed: a fact stays empty unless a line or a
hint states it. The vocabulary (month names, labels, language names,
origin-note patterns) is in data/facts.yaml; the date helpers here are also
used by the chrome rules.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from functools import lru_cache
from itertools import islice
from pathlib import Path

from ..datafiles import load_yaml

from .relative_time import parse_capture_time, published_from_relative
from .state import CleanState

# Removals (see chrome) whose text may hold a relative timestamp.
RELATIVE_TIME_RULES = ("meta_line", "meta_tokens")

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "facts.yaml"
GROUP_WORDS_FILE = DATA_FILE.parent / "byline_words.yaml"
REPLACEMENT = "\ufffd"
# A byline or origin note is a short line; longer lines are body text.
MAX_META_WORDS = 40
MAX_NAME_WORDS = 6
TERMINAL_PUNCT = re.compile(r"[!?。！？]$|(?<![A-Z])[.]$")
SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|(?<=[。！？])")


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_yaml(DATA_FILE.read_text(encoding="utf-8"))


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# --------------------------------------------------------------------- dates

@lru_cache(maxsize=1)
def _month_lookup() -> dict[str, int]:
    return {name.lower(): int(num) for num, names in _data()["months"].items() for name in names}


@lru_cache(maxsize=1)
def _date_res() -> tuple[re.Pattern, ...]:
    month = _alternation(_month_lookup())
    lb, rb = r"(?<![\w])", r"(?![\w])"
    return (
        re.compile(lb + r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + r"(?!\d)"),
        re.compile(r"(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]?"),
        re.compile(lb + r"(?P<mn>" + month + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + rb,
                   re.IGNORECASE),
        re.compile(lb + r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?(?P<mn>" + month
                   + r")\.?,?\s+(?:de\s+)?(?P<y>\d{4})" + rb, re.IGNORECASE),
        re.compile(lb + r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})" + rb),
        # 25/11/2026 or 11/25/2026: read only when one number cannot be a month.
        re.compile(lb + r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})" + rb),
    )


def find_dates(text: str, day_first: bool = False) -> list[tuple[int, int, str]]:
    """Absolute calendar dates in ``text``: (start, end, "YYYY-MM-DD"), in order.

    Ambiguous numeric forms (03/04/2026) are not read (never guess), unless
    ``day_first``: the text is in a language that writes the day first
    (see ``day_first``), so 03/04/2026 is 3 April.
    """
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _date_res():
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            iso = _iso(match, day_first)
            if iso:
                found.append((match.start(), match.end(), iso))
                taken.append((match.start(), match.end()))
    return sorted(found)


def _iso(match: re.Match, day_first: bool = False) -> str:
    groups = match.groupdict()
    if groups.get("a"):
        first, second = int(groups["a"]), int(groups["b"])
        if (first > 12) == (second > 12) and (first > 12 or not day_first):
            return ""         # 03/04/2026: day and month cannot be told apart
        # One number too large for a month settles it; else the language does.
        groups["d"], groups["m"] = (groups["b"], groups["a"]) if second > 12 \
            else (groups["a"], groups["b"])
    month = _month_lookup().get(groups["mn"].lower()) if groups.get("mn") else int(groups["m"])
    try:
        return _dt.date(int(groups["y"]), month or 0, int(groups["d"])).isoformat()
    except ValueError:
        return ""


def day_first(lang: str) -> bool:
    """The language writes numeric dates day first ("12/06/2026" is 12 June)."""
    return (lang or "").split("-")[0].lower() in _day_first_languages()


@lru_cache(maxsize=1)
def _day_first_languages() -> frozenset[str]:
    return frozenset(str(code).lower() for code in _data().get("day_first_languages", ()))


def normalise_date(text: str) -> str:
    """A date hint in any supported form -> "YYYY-MM-DD", or ""."""
    dates = find_dates(text or "")
    return dates[0][2] if dates else ""


@lru_cache(maxsize=1)
def clock_re() -> re.Pattern:
    """A clock time and what may follow it: "10:15 AM UTC", "06:00 Uhr",
    "7:45 AM GMT+1", "18h30". An all-capital word after it is a zone."""
    suffix = _alternation(_data()["clock_suffixes"])
    tail = rf"(?:\s*(?:{suffix}|(?-i:[A-Z]{{2,5}}))(?![^\W\d_]))*"
    offset = r"(?:\s*[+-]\d{1,2}(?::?\d{2})?(?!\d))?"
    return re.compile(rf"(?<![\d:.])\d{{1,2}}(?::\d{{2}}(?::\d{{2}})?|h\d{{2}})(?!\d){tail}{offset}",
                      re.IGNORECASE)


# ------------------------------------------------------------------- bylines

@lru_cache(maxsize=1)
def _byline_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = _data()
    prefix = re.compile(r"^(?:" + _alternation(data["byline_prefixes"]) + r")(?:\s*[:：/]\s*|\s+)(?=\S)",
                        re.IGNORECASE)
    # A role may end the line when the name after it was lost or split off.
    roles = re.compile(r"(?:^|\s)(?:" + _alternation(data["byline_roles"]) + r")(?:\s*[:：]\s*|\s+|$)",
                       re.IGNORECASE)
    joiners = re.compile(r"\s*(?:[,;·•|、，/]|\s(?:" + _alternation(data["name_joiners"]) + r")\s)\s*",
                         re.IGNORECASE)
    return prefix, roles, joiners


def _plain(line) -> bool:
    """A one-text line (not a list, table or Q&A, whose parts are body; not
    a transcript turn, which is speech)."""
    return line.kind in ("", "paragraph", "heading", "quote") and not line.speaker


@lru_cache(maxsize=1)
def metadata_labels() -> frozenset[str]:
    """Labels that open a metadata line ("作者：", "来源：", "发布时间：",
    "Source:"), casefolded: such a label is no transcript speaker."""
    data = _data()
    words = [*data["byline_prefixes"], *data["editor_roles"], *data["byline_suffix_roles"], *data["date_labels"]]
    words += [w for values in data["field_labels"].values() for w in values]
    return frozenset(str(w).casefold() for w in words)


def _single_item(line) -> bool:
    # A byline led by a dash may have been read as a one-item list.
    return line.kind == "list" and len(line.items) == 1


def _line_text(line) -> str:
    return line.items[0] if _single_item(line) else line.text


def _strip_junk(text: str) -> str:
    """Drop leading dashes, bullets, replacement marks and stray one-character
    tokens left by a broken encoding in front of a byline, and Markdown
    emphasis around it."""
    text = text.strip().strip("*_").strip()
    while text:
        head = text.split(maxsplit=1)
        first = head[0]
        junk = all(not ch.isalnum() for ch in first) or (len(first) == 1 and not first.isascii())
        if not junk:
            break
        text = head[1] if len(head) > 1 else ""
    return text


def _is_name(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or len(text.split()) > MAX_NAME_WORDS:
        return False
    if text.lower() in {w.lower() for w in _data()["not_names"]}:
        return False
    return not re.search(r"[.!?。！？]$", text) and not re.search(r"\d{3,}", text)


def _clean_name(text: str) -> str:
    tokens = [t.strip("-–—:：,;·•|") for t in text.replace(REPLACEMENT, " ").split()]
    # "J.R." keeps its dots; a sentence's full stop goes.
    tokens = [t[:-1] if t.endswith(".") and len(t) > 2 and t[-2].islower() else t for t in tokens]
    tokens = [t for t in tokens if t]
    if len(tokens) > 1:
        # A name is written in one script; tokens in another script are
        # debris of a broken encoding.
        scripts = [_script(t) for t in tokens]
        main = max(sorted(set(scripts)), key=scripts.count)
        tokens = [t for t, sc in zip(tokens, scripts) if sc == main]
    return " ".join(tokens)


def _script(token: str) -> str:
    for ch in token:
        if ch.isalpha():
            return unicodedata.name(ch, "?").split()[0]
    return ""


def _undecodable(text: str) -> bool:
    """A name with replacement marks, or with a word starting with a
    combining mark (no real word does), lost letters to a broken encoding;
    what is left of it would be a guess."""
    text = text.strip(" \t-–—:：,.;·•|")
    return (not text or REPLACEMENT in text
            or any(unicodedata.category(w[0]).startswith("M") for w in text.split()))


def _capitalised(name: str) -> bool:
    """Latin-script names are capitalised ("Jane Doe", "María de la Cruz")."""
    words = [w for w in name.split() if w[:1].isalpha() and w[:1].isascii() or w[:1] in "ÀÁÂÄÅÉÈÍÓÖÚÜÑ"]
    if not words:
        return True
    upper = sum(1 for w in words if w[:1].isupper())
    return upper * 2 >= len(words) and words[0][:1].isupper()


@lru_cache(maxsize=1)
def _role_titles() -> frozenset[str]:
    return frozenset(t.lower() for t in _data()["role_titles"])


def parse_byline(text: str, day_first: bool = False) -> tuple[list[str], str]:
    """A byline line -> (names, ISO date on it or ""); ([], "") when the line
    is not a byline.

    A byline starts with a byline word ("By", "作者：") or holds a role
    phrase ("Reviewed by"); a bare dash is not enough (a quote attribution
    looks the same). It is short and every part is a name or a date. Names
    made only of replacement marks are dropped, not guessed; when no name
    is left the result is [""] so the line is still known to be a byline.
    """
    prefix_re, roles_re, joiners_re = _byline_res()
    body = _strip_junk(_unwrapped(text))
    if not body or len(body.split()) > MAX_META_WORDS // 2 or len(body) > MAX_BYLINE_CHARS:
        return [], ""
    if "@" in body:
        # "Jane Roe, Reporter jane.roe@example.org": the address is contact, not a name.
        body = _strip_junk(_EMAIL.sub(" · ", body).strip(" ·"))
    if not body or TERMINAL_PUNCT.search(body):
        return [], ""
    # "Par Jane Doe — Publié le 5 mars 2026": a spaced dash separates parts as "·" does.
    body = _SPACED_DASH.sub(" · ", body)
    dates = find_dates(body, day_first)
    for start, end, _ in reversed(dates):
        body = body[:start] + f" · {_DATE_MARK} · " + body[end:]
    # A numeric date that reads both ways is still a date, though not read.
    body = _NUMERIC_DATE.sub(f" · {_DATE_MARK} · ", body)
    body = clock_re().sub(f" · {_DATE_MARK} · ", body)
    # "Posted by Jane Doe on · <date>": the date's preposition goes with it.
    body = re.sub(rf"\s(?:{_alternation(_data()['date_connectors'])})\s+(?=· {_DATE_MARK})", " ",
                  body, flags=re.IGNORECASE)
    # "June 3, 2026 · 10:15 AM UTC · By Jane Doe": the date goes first.
    body = _from_byline_segment(_strip_junk(body), prefix_re)
    prefix = prefix_re.match(body)
    if not (prefix or roles_re.search(body)):
        return [], ""
    editors = _editor_roles()
    body = _without_dateline_place(prefix_re.sub("", body, count=1))
    # Each chunk with the role in front of it; an editor's names are no authors.
    prefix_edits = bool(prefix) and _role_key(prefix.group()) in editors
    chunks = [(prefix_edits if editor is None else editor, chunk)
              for editor, chunk in _role_chunks(body, roles_re, editors)]
    parts = [(edited, p.strip()) for edited, chunk in chunks for p in joiners_re.split(chunk) if p.strip()]
    names = []
    after_date = False
    for edited, part in parts:
        if part == _DATE_MARK:
            after_date = True
            continue
        if _undecodable(part):
            continue  # an undecodable name is not an author
        name = _without_place(_clean_name(part))
        if _is_role(name) or _date_label_re().fullmatch(name) or _place_only(name):
            continue  # "Staff Writer", the "Updated" of a date cut out, "do Recife"
        if after_date and len(name.split()) == 1 and not _is_name_script(name):
            continue  # "By Jane Doe · 3 May 2026 · Economy": a section label
        if not _is_name(name) or not _capitalised(name):
            return [], ""
        if not edited:
            names.append(name)
    if not [p for _, p in parts if p != _DATE_MARK]:
        return [], ""
    if prefix:
        names = [nominative(name, prefix.group()) for name in names]
    return (names or [""]), (dates[0][2] if dates else "")


@lru_cache(maxsize=1)
def _genitive_articles() -> dict[str, tuple[tuple[str, str], ...]]:
    table = _data().get("genitive_byline_articles") or {}
    return {str(article).casefold(): tuple((str(k), str(v)) for k, v in (endings or {}).items())
            for article, endings in table.items()}


def nominative(name: str, prefix: str) -> str:
    """"Μαρίνας Κουτσογιάννη" after the feminine genitive article -> "Μαρίνα
    Κουτσογιάννη": each word of a name in the genitive (the byline's prefix
    is a genitive article, see data) back in the nominative, by the common
    endings of the article's gender; a word no ending fits stays as it is."""
    articles = _genitive_articles()
    words = name.split()
    if len(words) > 1 and words[0].casefold() in articles:
        prefix, words = words[0], words[1:]      # "… και του <name>": the next name's own article
    endings = articles.get(prefix.strip(" :：/").casefold())
    if not endings:
        return name
    kept = tuple(_data().get("genitive_kept_after_vowel") or ())
    vowels = str(_data().get("genitive_vowels") or "")
    out = []
    for word in words:
        for genitive, nominative_ in endings:
            if word.endswith(genitive) and len(word) > len(genitive) + 1 and word[:1].isupper():
                if genitive in kept and word[-len(genitive) - 1].lower() in vowels:
                    break
                word = word[:-len(genitive)] + nominative_
                break
        out.append(word)
    return " ".join(out)


_SPACED_DASH = re.compile(r"\s+[—–]\s+")
_EMAIL = re.compile(r"[<(（]?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}[>)）]?")
# A byline is a line, not a paragraph.
MAX_BYLINE_CHARS = 300
_BRACKETS = {"(": ")", "（": "）", "[": "]", "【": "】", "〔": "〕"}


def _unwrapped(text: str) -> str:
    """"(Editing by Jane Doe)", "（記者：佐藤健一）": a credit in brackets, without them."""
    text = text.strip()
    if len(text) > 2 and _BRACKETS.get(text[0]) == text[-1] and text[0] not in text[1:-1]:
        return text[1:-1].strip()
    return text


def _role_key(text: str) -> str:
    return " ".join(text.replace(":", " ").replace("：", " ").replace("/", " ").split()).casefold()


@lru_cache(maxsize=1)
def _editor_roles() -> frozenset[str]:
    return frozenset(_role_key(role) for role in _data().get("editor_roles", ()))


def _role_chunks(body: str, roles_re: re.Pattern, editors: frozenset[str]):
    """(whether an editor role leads it, text) for the parts of ``body`` between role phrases;
    the first part is led by the line's prefix (decided by the caller)."""
    start, editor = 0, None
    for match in roles_re.finditer(body):
        yield editor, body[start:match.start()]
        start, editor = match.end(), _role_key(match.group()) in editors
    yield editor, body[start:]


@lru_cache(maxsize=1)
def _place_only_re() -> re.Pattern:
    words = _alternation(_data()["byline_place_leads"])
    return re.compile(rf"^(?i:{words})\s+[A-ZÀ-Þ][^\s]*(?:\s+\S+){{0,3}}$")


def _place_only(name: str) -> bool:
    """", do Recife", ", from Lagos": the place the writer filed from, after the names."""
    return bool(_place_only_re().match(name))


# "By Jane Doe · Lisbon · 3 May 2026": the segment between the names and the
# date is the dateline's place, not a second author.
_BYLINE_SEGMENT = re.compile(r"\s*[·•|]\s*")
MAX_PLACE_WORDS = 4


def _without_dateline_place(body: str) -> str:
    segments = [seg for seg in _BYLINE_SEGMENT.split(body) if seg.strip()]
    if len(segments) < 3 or segments[0] == _DATE_MARK:
        return body
    kept = [segments[0]]
    for i in range(1, len(segments)):
        seg = segments[i].strip()
        before_date = i + 1 < len(segments) and segments[i + 1].strip() == _DATE_MARK
        if before_date and seg != _DATE_MARK and _place_like(seg):
            continue
        kept.append(seg)
    return " · ".join(kept)


def _place_like(text: str) -> bool:
    """"Porto Alegre", "Rio de Janeiro", "Frankfurt am Main": a short capitalised
    name that is no job title."""
    return (len(text.split()) <= MAX_PLACE_WORDS and not re.search(r"\d", text)
            and _is_name(text) and _capitalised(text) and not _is_role(text)
            and text[:1].isupper())


def _from_byline_segment(body: str, prefix_re: re.Pattern) -> str:
    """"Weekly Brief · <date> · By Jane Doe" -> "By Jane Doe · …": section
    labels and dates may come before the byline word."""
    if prefix_re.match(body):
        return body
    # "Harbour Daily Reporter Jane Roe": the paper's name before the byline word.
    head = body.split(maxsplit=1)
    if len(head) == 2 and prefix_re.match(head[1]) and is_publication_name(head[0]):
        return head[1]
    parts = [p.strip(" ,;") for p in re.split(r"\s*[·•|]\s*", body) if p.strip(" ,;")]
    for i, part in enumerate(parts):
        suffixed = _suffix_role_re().match(part)
        if suffixed:       # "박지현 기자": the title after the name, as its prefix
            part = parts[i] = f"{suffixed.group('role')} {suffixed.group('name')}"
        if prefix_re.match(part):
            before = [p.strip() for p in parts[:i]]
            if all(p == _DATE_MARK or is_section_label(p) or is_publication_name(p) for p in before):
                return " · ".join(parts[i:])
            break
    return body


@lru_cache(maxsize=1)
def _suffix_role_re() -> re.Pattern:
    roles = _alternation(_data()["byline_suffix_roles"])
    return re.compile(rf"^(?P<name>[^\W\d_]+(?:\s[^\W\d_]+)?)\s+(?P<role>{roles})$")


_NUMERIC_DATE = re.compile(r"(?<![\w/.])\d{1,2}[/.]\d{1,2}[/.]\d{4}(?![\w/.])")
# Stands for a date or clock time cut out of a byline (a private-use
# character: never text, never a separator).
_DATE_MARK = "\ue000"


def _is_role(name: str) -> bool:
    """"Staff Writer", "Economics Correspondent": a job title, not a person
    (a known title, or a few words ending in one)."""
    lower = name.lower()
    if lower in _role_titles():
        return True
    words = lower.split()
    # "Harbour Desk Staff" names a group, which is an author.
    return 1 < len(words) <= 4 and words[-1] in _role_titles() and words[-1] not in _group_words()


@lru_cache(maxsize=1)
def _organisation_words() -> frozenset[str]:
    data = load_yaml(GROUP_WORDS_FILE.read_text(encoding="utf-8"))
    return frozenset(str(w).casefold() for w in (*data["group_words"], *data.get("organisation_words", ())))


def _person_name(name: str) -> bool:
    """"Anna Berg": a person's name; "Pacific Digest", "Harbour Herald": an organisation's."""
    return bare_name(name) and not any(word.casefold() in _organisation_words() for word in name.split())


@lru_cache(maxsize=1)
def _group_words() -> frozenset[str]:
    data = load_yaml(GROUP_WORDS_FILE.read_text(encoding="utf-8"))
    return frozenset(str(w).lower() for w in data["group_words"])


def _is_name_script(name: str) -> bool:
    """Written in a script without capitals (CJK): one word may be a whole name."""
    return any(ch.isalpha() and not ch.isupper() and not ch.islower() for ch in name)


@lru_cache(maxsize=1)
def _place_re() -> re.Pattern:
    words = _alternation(_data()["byline_place_words"])
    return re.compile(rf"^(?P<name>\S+(?:\s+\S+)*?)\s+(?:{words})\s+[A-ZÀ-Þ][^\s]*(?:\s+\S+){{0,3}}$")


def _without_place(name: str) -> str:
    """"Jane Doe in Paris" -> "Jane Doe"."""
    match = _place_re().match(name)
    return match.group("name") if match else name


def byline_authors(text: str) -> list[str]:
    """The names in a byline line, or [] when the line is not a byline."""
    return parse_byline(text)[0]


def _day_first_line(line, state: CleanState) -> bool:
    """Numeric dates on this line are day first: by its language, else the page's."""
    return day_first(line.lang or state.hints.get("lang", ""))


def is_byline(text: str) -> bool:
    return bool(byline_authors(text))


def extract_byline(state: CleanState) -> None:
    """Bylines -> facts["authors"] (and a date on them -> facts["published"]);
    the byline lines are dropped. A byline ending in a role ("Reviewed by")
    takes its name from the next line when a split put it there."""
    kept = []
    lines = state.lines
    skip = -1
    for index, line in enumerate(lines):
        if index == skip:
            continue
        text = _line_text(line)
        names, iso = parse_byline(text, _day_first_line(line, state)) \
            if _plain(line) or _single_item(line) else ([], "")
        if not names:
            kept.append(line)
            continue
        state.drop("byline", line.text or text)
        if index + 1 < len(lines) and _dangling_role(text):
            follower = _line_text(lines[index + 1])
            more, _ = parse_byline(f"{text} {follower}", _day_first_line(line, state))
            if more:
                names, skip = more, index + 1
                state.drop("byline", follower)
        if iso:
            state.facts.setdefault("published", iso)
        authors = state.facts.setdefault("authors", [])
        authors.extend(n for n in names if n and n not in authors)
    state.lines = kept


_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<inner>[^*_]+)\1\s*$")


def closing_credit(text: str, allow_bold: bool = True) -> str:
    """"（佐藤健一）", "(Jane Roe)", "**Jane Roe**" alone on the last line of an
    article: the writer's name signing it -> the name, else "" (a bold line
    only when ``allow_bold``)."""
    inner = _unwrapped(text)
    if inner == text.strip():
        bold = _BOLD_LINE.match(text)
        if not bold or not allow_bold:
            return ""
        inner = bold.group("inner")
    inner = inner.strip()
    if not bare_name(inner) or any(len(w) > 1 and w.isupper() and w.isascii() for w in inner.split()):
        return ""      # "(AP Photo)": an agency's credit, no person
    return _clean_name(inner)


def extract_closing_credit(state: CleanState) -> None:
    """The writer's name closing the article, bracketed (Japanese practice)
    or bold (Vietnamese practice) -> an author; the line goes. A name the
    metadata writes with other spacing ("佐藤 健一") is the same author."""
    if len(state.lines) < 2 or not _plain(state.lines[-1]):
        return
    # A bold closing line names the writer only when no byline did.
    name = closing_credit(state.lines[-1].text, allow_bold=not state.facts.get("authors"))
    if not name:
        return
    authors = state.facts.setdefault("authors", [])
    if name not in authors:
        authors.append(name)
    state.drop("byline", state.lines[-1].text)
    state.lines = state.lines[:-1]


def _dangling_role(text: str) -> bool:
    _, roles_re, _ = _byline_res()
    return any(m.end() == len(text.rstrip()) for m in roles_re.finditer(text.rstrip()))


# -------------------------------------------------------------- origin notes

@lru_cache(maxsize=1)
def _origin_res() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in _data()["origin_patterns"])


@lru_cache(maxsize=1)
def _language_lookup() -> dict[str, str]:
    return {name.lower(): code for code, names in _data()["languages"].items() for name in names}


def language_code(name: str) -> str:
    """A language name in one of several languages -> ISO 639-1 code, or ""."""
    return _language_lookup().get((name or "").strip().lower(), "")


def _is_self_reference(who: str) -> bool:
    refs = {r.lower() for r in _data()["self_references"]}
    return who.strip().lower() in refs


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text.strip()) if s.strip()]


# Clauses of one origin sentence: "… in German, translated by Y", "…; translation by Y".
_CLAUSE_SEPARATOR = re.compile(r"\s*[,;]\s+|\s*[，；]\s*")
MAX_ORIGIN_CLAUSES = 4


def parse_origin_sentence(sentence: str) -> dict | None:
    """One origin-note sentence -> {"who", "lang", "by"} (any may be ""), or None.

    A sentence of several origin clauses ("Originally published by X in
    German, translated by Y") is read clause by clause, the facts of each
    merged (the first clause naming one wins); read whole, its name would
    swallow the rest of the sentence."""
    sentence = sentence.strip()
    whole = _parse_origin_clause(sentence)
    if whole is not None and not any(_CLAUSE_SEPARATOR.search(value) for value in whole.values()):
        return whole
    return _parse_origin_clauses(sentence, MAX_ORIGIN_CLAUSES) or whole


def _parse_origin_clauses(sentence: str, depth: int) -> dict | None:
    """The first split into a leading origin clause and an origin rest."""
    if depth <= 1:
        return None
    for separator in islice(_CLAUSE_SEPARATOR.finditer(sentence), MAX_ORIGIN_CLAUSES):
        head = _parse_origin_clause(sentence[:separator.start()])
        if head is None:
            continue
        rest_text = sentence[separator.end():]
        rest = _parse_origin_clause(rest_text)
        if rest is None or any(_CLAUSE_SEPARATOR.search(value) for value in rest.values()):
            rest = _parse_origin_clauses(rest_text, depth - 1) or rest
        if rest is not None:
            return {key: head.get(key, "") or rest.get(key, "") for key in ("who", "lang", "by", "site", "date", "author", "machine")
                    if head.get(key) or rest.get(key) or key in ("who", "lang", "by", "site")}
    return None


def _parse_origin_clause(sentence: str) -> dict | None:
    for pattern in _origin_res():
        match = pattern.match(sentence.strip())
        if not match:
            continue
        groups = {k: (v or "").strip(" \t,;，；").strip("*_").strip() for k, v in match.groupdict().items()}
        who, lang_name, by = groups.get("who", ""), groups.get("lang", ""), groups.get("by", "")
        date = normalise_date(groups.get("date", "")) if groups.get("date") else ""
        if groups.get("date") and not date:
            continue
        author = groups.get("author", "")
        if author:
            if not (_is_name(author) and _capitalised(author)) or _is_role(author):
                continue
            return {"who": "", "lang": "", "by": "", "author": author}
        site = groups.get("site", "")
        if site and not (is_holder_label(site) and _is_name(site)):
            site = ""
        lang = language_code(lang_name)
        if lang_name and not lang:
            # "in <word>" that is no language: it belongs to the name.
            if who:
                continue
        if who and not _is_name(who):
            continue
        if by and not (_is_self_reference(by) or _is_name(by)):
            continue
        if not (who or lang or by):
            continue
        found = {"who": who, "lang": lang, "by": by}
        if site:
            found["site"] = site
        if date:
            found["date"] = date
        if match.groupdict().get("machine") is not None:
            found["machine"] = "yes"      # a translation tool, never the publisher
        return found
    return None


# A translation note may run to a few sentences (label, note, original, author).
MAX_ORIGIN_NOTE_WORDS = 90
MAX_ORIGIN_NOTE_CHARS = 1500


@lru_cache(maxsize=1)
def _origin_note_labels() -> frozenset[str]:
    return frozenset(str(label).casefold() for label in _data().get("origin_note_labels", ()))


def parse_origin_note(text: str) -> list[dict] | None:
    """A line made only of origin-note sentences -> their parses, else None.
    A sentence that is only a note's label ("Automatic translation.") is
    part of the note."""
    if len(text) > MAX_ORIGIN_NOTE_CHARS or len(text.split()) > MAX_ORIGIN_NOTE_WORDS:
        return None
    parsed = []
    for sentence in _sentences(_strip_emphasis(text)):
        if _strip_emphasis(sentence).strip(" .:：*_").casefold() in _origin_note_labels():
            continue
        result = parse_origin_sentence(sentence)
        if result is None:
            return None
        parsed.append(result)
    return parsed or None


def _strip_emphasis(text: str) -> str:
    """"*Originally published … .*": a note in italics or bold, without the marks."""
    text = text.strip()
    core = text.strip("*_")
    return core.strip() if core and len(text) - len(core) >= 2 else text


def _merge_origin(facts: dict, notes: list[dict]) -> None:
    origin = facts.setdefault("origin", {"publisher": "", "language": "", "translated_by": ""})
    for note in notes:
        # The original's date and author: the page's own when it states none
        # (see credited_publisher).
        if note.get("date"):
            facts.setdefault("origin_published", note["date"])
        if note.get("author"):
            facts.setdefault("origin_authors", []).append(note["author"])
        if note["who"] and not _is_self_reference(note["who"]) and not origin["publisher"]:
            origin["publisher"] = note["who"]
        if note["lang"] and not origin["language"]:
            origin["language"] = note["lang"]
        by = note["by"]
        if by and not _is_self_reference(by) and not origin["translated_by"]:
            origin["translated_by"] = by
            # The site naming itself as translator is the publisher, unless
            # the note names the site it was translated for ("… by Y for Z")
            # or the translator is a person.
            site = note.get("site") or ("" if _person_name(by) or note.get("machine") else by)
            if site:
                facts.setdefault("publisher", site)
        elif note.get("site") and is_holder_label(note["site"]):
            facts.setdefault("publisher", note["site"])


def _names_publisher(notes: list[dict], state: CleanState) -> bool:
    """A source note naming the page's own publisher ("Source: <the site>"):
    no origin, the publisher confirmed."""
    own = (state.facts.get("publisher") or state.hints.get("publisher") or "").casefold().strip()
    return bool(own) and all(not note["lang"] and not note["by"] and note["who"]
                             and note["who"].casefold().strip() == own for note in notes)


def extract_origin(state: CleanState) -> None:
    """Origin notes -> facts["origin"] (publisher, language, translated_by)."""
    kept = []
    for line in state.lines:
        notes = parse_origin_note(line.text) if _plain(line) else None
        if notes and _names_publisher(notes, state):
            state.drop("origin_note", line.text)
            continue
        if notes:
            _merge_origin(state.facts, notes)
            state.drop("origin_note", line.text)
            continue
        kept.append(line)
    state.lines = kept
    origin = state.facts.get("origin")
    if origin and not any(origin.values()):
        del state.facts["origin"]


# ----------------------------------------------------------------- datelines

@lru_cache(maxsize=1)
def _date_label_re() -> re.Pattern:
    return re.compile(r"^(?:" + _alternation(_data()["date_labels"]) + r")\s*[:：]?\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _any_date_label_re() -> re.Pattern:
    words = _alternation(_data()["date_labels"])
    return re.compile(rf"(?<![^\W\d_])(?:{words})(?![^\W\d_])\s*[:：]?", re.IGNORECASE)


def dateline_date(text: str, day_first: bool = False) -> str:
    """A line of only (labelled) dates -> the first as "YYYY-MM-DD", else "".

    "Published: 3 March 2025 · Updated: 4 March 2025" gives the first.
    """
    dates = find_dates(text, day_first)
    if not dates:
        return ""
    rest = text
    for start, end, _ in reversed(dates):
        rest = rest[:start] + " " + rest[end:]
    rest = _any_date_label_re().sub(" ", rest)
    # A weekday or a clock time may sit next to the date; nothing else.
    rest = _CJK_CLOCK.sub(" ", rest)
    rest = clock_re().sub(" ", rest)
    rest = re.sub(r"\d{1,2}[:.]\d{2}(?::\d{2})?(?!\d)\s*(?:am|pm|[A-Z]{2,4})?|[(),.·|/\-–—（）［］【】〔〕、，]",
                  " ", rest, flags=re.I)
    rest = _connector_re().sub(" ", rest)
    return dates[0][2] if len(rest.split()) <= 1 and not re.search(r"\d", rest) else ""


# "15時30分", "下午3点20分", "오후 3시 20분": a clock time in CJK writing.
_CJK_CLOCK = re.compile(r"(?:午前|午後|上午|下午|오전|오후)?\s*\d{1,2}\s*[時时点點시]\s*(?:\d{1,2}\s*[分분])?")


@lru_cache(maxsize=1)
def _connector_re() -> re.Pattern:
    words = _alternation(_data()["date_connectors"])
    return re.compile(rf"(?<![^\W\d_])(?:{words})(?![^\W\d_])", re.IGNORECASE)


# "·", "•", "|" with spaces; the full-width bar "｜" of CJK pages with or
# without them; the full-width slash "／" and the katakana middle dot "・"
# only with spaces (unspaced, they join words: "ニュース・速報").
_SEGMENT_SPLIT = re.compile(r"\s*｜\s*|\s*(?:^|\s)[·•|／・]\s+|\s+[·•|／・](?:\s|$)\s*")


def _segments(text: str) -> list[str]:
    """Parts of a meta line: "Politics · 3 May 2026 · 10:00" -> 3 parts."""
    text = text.strip().strip("*_").strip()
    return [p.strip() for p in _SEGMENT_SPLIT.split(f" {text} ") if p.strip()]


def sectioned_dateline(text: str, day_first: bool = False) -> tuple[str, str]:
    """"3 May 2026 · 10:00 UTC · Health & Science" -> (ISO date, publisher or "").

    A date with section labels (at most two) around it; a label that names a
    publication is the publisher.
    """
    parts = _segments(text)
    if len(parts) < 2 or len(parts) > 4:
        return "", ""
    iso, labels = "", []
    for part in parts:
        date = dateline_date(part, day_first)
        if date:
            iso = iso or date
        elif clock_re().fullmatch(part):
            continue
        elif is_section_label(part) or is_publication_name(part):
            labels.append(part)
        else:
            return "", ""
    if not iso or len(labels) > 2:
        return "", ""
    return iso, next((label for label in labels if is_publication_name(label)), "")


@lru_cache(maxsize=1)
def _site_dateline_re() -> re.Pattern:
    labels = _alternation(_data()["date_labels"])
    places = _alternation(_data().get("site_prepositions", ()))
    return re.compile(rf"^[*_\s]*(?:{labels})\s+(?:{places})\s+(?P<site>[^:：]{{2,60}}?)\s*[:：]\s*(?P<rest>\S.*)$",
                      re.IGNORECASE)


def site_dateline(text: str, day_first: bool = False) -> tuple[str, str]:
    """"Published in Harbour Post: 27/11/2026 · 10:30" -> (ISO date, "Harbour
    Post"); ("", "") for any other line."""
    match = _site_dateline_re().match(text.strip())
    if not match:
        return "", ""
    site = match.group("site").strip().strip("*_").strip()
    iso = dateline_date(match.group("rest").strip("*_ "), day_first)
    if not iso or not is_holder_label(site) or re.search(r"\d", site):
        return "", ""
    return iso, site


@lru_cache(maxsize=1)
def _section_words() -> frozenset[str]:
    data = load_yaml(GROUP_WORDS_FILE.read_text(encoding="utf-8"))
    return frozenset(str(w).casefold() for w in data.get("section_words", ()))


# A "Name | date" line sits right under the headline.
NAME_DATELINE_LINES = 2


def name_dateline(text: str, day_first: bool = False) -> tuple[str, str]:
    """"Jane Roe | 3 May 2026 · 10:15" -> ("Jane Roe", ISO date): a person's
    name (two or three words, none a section or region word) and a date,
    nothing else; ("", "") for any other line."""
    parts = [part for part in _segments(text) if not clock_re().fullmatch(part)]
    if len(parts) != 2:
        return "", ""
    name, date = parts
    iso = dateline_date(date, day_first)
    name = _strip_junk(name)
    words = name.split()
    if not iso or not 2 <= len(words) <= 3 or not _person_name(name) \
            or any(word.casefold() in _section_words() for word in words):
        return "", ""
    return _clean_name(name), iso


def extract_dateline(state: CleanState) -> None:
    """A line that is only a publication date -> facts["published"]; a
    "Name | date" line right under the headline also names the author."""
    kept = []
    for index, line in enumerate(state.lines):
        first = _day_first_line(line, state)
        if index < NAME_DATELINE_LINES and _plain(line) and not state.facts.get("authors"):
            name, iso = name_dateline(line.text, first)
            if name:
                state.facts["authors"] = [name]
                state.facts.setdefault("published", iso)
                state.drop("byline", line.text)
                continue
        iso, publisher = (dateline_date(line.text, first), "") if _plain(line) else ("", "")
        if _plain(line) and not iso:
            iso, publisher = site_dateline(line.text, first)
        if _plain(line) and not iso:
            iso, publisher = sectioned_dateline(line.text, first)
        if iso:
            state.facts.setdefault("published", iso)
            if publisher:
                state.facts.setdefault("publisher", publisher)
            state.drop("dateline", line.text)
            continue
        kept.append(line)
    state.lines = kept


# ----------------------------------------------------------------- mastheads

# A publication's name is a short label.
MAX_PUBLICATION_WORDS = 5
MAX_SECTION_WORDS = 3
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


@lru_cache(maxsize=1)
def _publication_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = _data()
    last = re.compile(rf"(?<![A-Za-z\u00c0-\u024f])(?:{_alternation(data['publication_last_words'])})$",
                      re.IGNORECASE)
    ending = re.compile(rf"^[^\W\d_]{{3,}}(?:{_alternation(data['publication_word_endings'])})$", re.IGNORECASE)
    article = rf"(?:(?:{_alternation(data['publication_articles'])})(?<=['’])|(?:{_alternation(data['publication_articles'])})\s+)?"
    first = re.compile(rf"^{article}(?:{_alternation(data['publication_first_words'])})\s+\S", re.IGNORECASE)
    return last, ending, first


def short_label(text: str, max_words: int) -> bool:
    """A short capitalised label: no figures, no sentence punctuation; in
    Latin script every word but short particles ("de", "of") capitalised."""
    words = text.split()
    if not words or len(words) > max_words or len(text) > 60:
        return False
    if re.search(r"\d|[:：]", text) or re.search(r"[.!?。！？,，;；]$", text):
        return False       # "Source: X" is a labelled field, not a name
    latin = [w for w in words if _LATIN_LETTER.match(w)]
    if latin and not latin[0][:1].isupper():
        return False
    return not any(w[:1].islower() and len(w) > 3 for w in latin)


def is_publication_name(text: str) -> bool:
    """"Harbour Herald", "Diario del Puerto": a short label naming a
    newspaper or agency by one of the publication words of the data file;
    "Channel 12 News", "Radio Nordsee": a broadcaster (see
    ``is_broadcaster_name``)."""
    text = text.strip().strip("*_").strip()
    if is_broadcaster_name(text):
        return True
    if not short_label(text, MAX_PUBLICATION_WORDS) or is_byline(text):
        return False
    last, ending, first = _publication_res()
    return bool(last.search(text) or ending.match(text.split()[-1]) or first.match(text))


# A channel number in a station's name: "Channel 12", "Kanal 24", "Canal+".
_CHANNEL_NUMBER = re.compile(r"^\d{1,3}\+?$")
# A call sign or network acronym before a news word: "KXTV News".
_CALL_SIGN = re.compile(r"^[A-Z][A-Z0-9]{2,5}$")
MAX_BROADCASTER_DENSE = 12
MAX_LABEL_CHARS_BROADCAST = 40


@lru_cache(maxsize=1)
def _broadcaster_words() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    data = _data()
    words = frozenset(str(w).casefold() for w in data.get("broadcaster_words", ()))
    news = frozenset(str(w).casefold() for w in data.get("news_words", ()))
    dense = tuple(w for w in (*words, *news) if not _LATIN_LETTER.search(w) and not w.isascii())
    return words, news, tuple(sorted(dense))


def is_broadcaster_name(text: str) -> bool:
    """A TV or radio station's name: "Channel 12 News", "Radio Nordsee",
    "Kanal 5 Nachrichten", "KXTV News". Two to five capitalised words, one
    a broadcaster word (a short channel number allowed), or a news word after
    a call sign, a channel number or a broadcaster word. "World News" or
    "Business News" (an ordinary word before the news word) is a section."""
    text = text.strip().strip("*_").strip()
    words, news, dense = _broadcaster_words()
    if not text or len(text) > MAX_LABEL_CHARS_BROADCAST or re.search(r"[.!?。！？,，;；:：]$|[:：]", text):
        return False
    tokens = text.split()
    if len(tokens) == 1 and not text.isascii():
        # A name in a script without spaces ("…电视台"): the word ends it.
        return len(text) <= MAX_BROADCASTER_DENSE and any(text.endswith(w) and len(text) > len(w)
                                                          for w in dense)
    if not 2 <= len(tokens) <= MAX_PUBLICATION_WORDS:
        return False
    numbers = [t for t in tokens if re.search(r"\d", t)]
    if len(numbers) > 1 or any(not _CHANNEL_NUMBER.match(t) for t in numbers):
        return False
    latin = [t for t in tokens if _LATIN_LETTER.match(t)]
    if not latin or not tokens[0][:1].isupper() and not tokens[0][:1].isdigit() \
            or any(t[:1].islower() and len(t) > 3 for t in latin):
        return False
    folded = [t.casefold() for t in tokens]
    if any(t in words for t in folded):
        return not is_byline(text)
    if folded[-1] in news:
        before = tokens[-2]
        return bool(_CHANNEL_NUMBER.match(before) or _CALL_SIGN.match(before) or before.casefold() in words)
    return False



def is_section_label(text: str) -> bool:
    """"Business", "Deal Desk newsletter": a few words, the first capitalised
    (or in a script without capitals), no figures, not a sentence."""
    text = text.strip()
    words = text.split()
    if not words or len(words) > MAX_SECTION_WORDS + 1 or len(text) > 40:
        return False
    if re.search(r"\d", text) or re.search(r"[.!?。！？:：,，;；]$", text) or text[:1].islower():
        return False
    return not is_byline(text)


def parse_masthead(text: str) -> tuple[str, str] | None:
    """A masthead line -> (publisher, ISO date or ""), else None.

    "Harbour Herald · Business · 19.11.2026, 06:00": a publication's name,
    with at most a section label or two and a date, separated by dots, bars
    or spaced dashes.
    """
    parts = [p.strip() for p in re.split(r"\s+[·•|]\s+|\s+[–—-]\s+", text.strip().strip("*_")) if p.strip()]
    if not parts or len(parts) > 4:
        return None
    publisher, iso = "", ""
    for part in parts:
        date = dateline_date(part)
        if date:
            iso = iso or date
        elif not publisher and is_publication_name(part):
            publisher = part
        elif not is_section_label(part):
            return None
    return (publisher, iso) if publisher else None


# --------------------------------------------------------------------- hints

def _split_list(value: str) -> list[str]:
    # The reader joins several values with ";", so a "," then belongs to
    # one value ("Doe, Jane"); a hand-written hint may use commas.
    separators = r"[;；]" if re.search(r"[;；]", value or "") else r"[,、，]"
    parts = [part.strip() for part in re.split(separators, value or "") if part.strip()]
    return list(dict.fromkeys(parts))


def _facts_from_byline_hint(facts: dict, byline: str, dated: bool, first: bool = False,
                            publisher: str = "") -> None:
    """The page's byline element (dropped from the text by the extractor):
    its names, and its date unless the text or the metadata (``dated``)
    gave one. "By A and B, <the publisher> — <place>": the publisher and
    what follows it are no names. A byline element holding only a name
    ("<p class=author><b>Jane Roe</b></p>") names the author."""
    from .chrome import strip_meta     # chrome reads dates with this module's helpers
    stripped = strip_meta(byline)
    line = byline if stripped is None else stripped[0]
    line = _without_publisher(line, publisher)
    names, iso = parse_byline(line, first)
    if not names and bare_name(line):
        names = [_clean_name(line)]
    names = [name for name in names if name]
    if names:
        facts["authors"] = names
    if iso and not facts.get("published") and not dated:
        facts["published"] = iso


def _without_publisher(line: str, publisher: str) -> str:
    """"By A and B, Harbour Post — Lisbon" -> "By A and B" when the page's
    publisher is "Harbour Post"."""
    if not publisher:
        return line
    at = line.casefold().find(publisher.casefold())
    if at <= 0:
        return line
    head = line[:at].rstrip(" ,;·•|-–—")
    return head if head and line[at - 1] in " ,;·•|-–—" else line


def bare_name(text: str) -> bool:
    """"Jane Roe", "**Nguyễn Văn An**", "김민지": a person's name alone: two to
    four capitalised words (one or two words of a script without capitals),
    no figures, no sentence punctuation, no publication or role word."""
    text = _strip_junk(text)
    words = text.split()
    if not words or len(words) > 4 or re.search(r"[\d@:：/()（）\[\]\"“”«»!?.。,，;；]", text):
        return False
    if _is_name_script(text):
        return len(words) <= 2 and len(text.replace(" ", "")) <= 6
    if len(words) < 2 or not all(w[:1].isupper() for w in words if w.isalpha() or len(w) > 3):
        return False
    return _is_name(text) and not _is_role(text) and not is_publication_name(text) \
        and not is_broadcaster_name(text)


def _origin_from_hint(state: CleanState, note: str) -> None:
    """The page's source box (an aggregator's "Source: X (Danish). Based on
    reporting by X … Read the original"): the sentences that are origin notes,
    the others (a link label) ignored."""
    notes = [found for found in (parse_origin_sentence(sentence) for sentence in _sentences(note)) if found]
    if notes and not _names_publisher(notes, state):
        _merge_origin(state.facts, notes)


def facts_from_hints(state: CleanState) -> None:
    """HTML-meta / sidecar hints fill the facts the text did not state."""
    hints, facts = state.hints, state.facts
    if hints.get("title") and not facts.get("title"):
        facts["title"] = hints["title"].strip()
    if hints.get("author") and not facts.get("authors"):
        facts["authors"] = _split_list(hints["author"])
    if hints.get("byline") and not facts.get("authors"):
        _facts_from_byline_hint(facts, hints["byline"], bool(normalise_date(hints.get("published", ""))),
                                day_first(hints.get("lang", "")), hints.get("publisher", ""))
    if hints.get("source_note") and not facts.get("origin"):
        _origin_from_hint(state, hints["source_note"])
    if hints.get("published") and not facts.get("published"):
        iso = normalise_date(hints["published"])
        if iso:
            facts["published"] = iso
    if hints.get("dateline") and not facts.get("published"):
        # The page's date element: its first date (a label such as "Updated"
        # comes after the publication date it follows).
        dates = find_dates(hints["dateline"], day_first(hints.get("lang", "")))
        if dates:
            facts["published"] = dates[0][2]
    if hints.get("dateline") and not facts.get("publisher"):
        # "2026-03-08 10:20 来源：X 阅读：12": the page's info row names the
        # outlet that published the story; the site's name comes after it.
        source = labelled_publisher(hints["dateline"])
        if source:
            facts["publisher"] = source
    if hints.get("publisher") and not facts.get("publisher"):
        facts["publisher"] = hints["publisher"].strip()
    if hints.get("tags") and not facts.get("tags"):
        facts["tags"] = _split_list(hints["tags"])
    captured = parse_capture_time(hints.get("captured", ""))
    if captured is not None:
        facts["captured_at"] = captured.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        if not facts.get("published"):
            stamps = [r.detail for r in state.removed if r.rule in RELATIVE_TIME_RULES]
            facts["published"] = published_from_relative(stamps, facts["captured_at"]) or None
    if hints.get("url"):
        facts["captured_from"] = hints["url"].strip()


# ------------------------------------------------------- labelled field lines

@lru_cache(maxsize=1)
def _labelled_publisher_re() -> re.Pattern:
    labels = [label for label, kind in _field_labels().items() if kind == "publisher"]
    # The value runs to the next separator, the next "Label:" or the end;
    # a CJK value to the next space.
    return re.compile(rf"(?<![^\W\d_])(?:{_alternation(labels)})\s*[:：]\s*"
                      r"(?P<value>[^\s:：|｜·•]+(?:[ ][^\s:：|｜·•\u3040-\u30ff\u3400-\u9fff]+(?=[ ]|$))*)",
                      re.IGNORECASE)


def labelled_publisher(text: str) -> str:
    """"2026-03-08 10:20 来源：江城日报 阅读：12" -> "江城日报": the value of a
    publisher field ("来源：", "Source:") inside a short info row; "" when
    there is none or it is no short name."""
    if len(text) > 200:
        return ""
    match = _labelled_publisher_re().search(text)
    if not match:
        return ""
    value = match.group("value").strip(" ,;.。，")
    return value if is_holder_label(value) and not re.search(r"\d", value) else ""


_FIELD_SPLIT = re.compile(r"\s{2,}|\s*[·•|｜]\s*|\u3000+")
_FIELD = re.compile(r"^(?P<label>[^:：]{1,20}?)\s*[:：]\s*(?P<value>\S.*)$")


@lru_cache(maxsize=1)
def _field_labels() -> dict[str, str]:
    return {str(label).casefold(): kind for kind, labels in _data().get("field_labels", {}).items()
            for label in labels}


def parse_field_line(text: str, day_first: bool = False) -> dict | None:
    """"来源：江城日报  作者：李明远  2026-03-08 10:20" -> {"publisher": ..., "authors": [...],
    "published": ...}; None unless every part is a known field or a date and there are two or more."""
    parts = [part.strip() for part in _FIELD_SPLIT.split(_unwrapped(text)) if part.strip()]
    if not 2 <= len(parts) <= 6:
        return None
    found: dict = {}
    fields = 0
    for part in parts:
        iso = dateline_date(part, day_first)
        if iso:
            found.setdefault("published", iso)
            continue
        if _CJK_CLOCK.fullmatch(part) or clock_re().fullmatch(part):
            continue
        match = _FIELD.match(part)
        kind = _field_labels().get(match.group("label").strip().casefold()) if match else None
        if kind is None:
            return None
        value = match.group("value").strip()
        fields += 1
        if kind == "publisher" and is_holder_label(value):
            found.setdefault("publisher", value)
        elif kind == "author" and _is_name(_clean_name(value)):
            found.setdefault("authors", []).append(_clean_name(value))
        elif kind not in ("editor", "publisher", "author"):
            return None
    return found if fields >= 1 and len(parts) >= 2 else None


def is_holder_label(text: str) -> bool:
    """A short name with no sentence in it."""
    return 0 < len(text.split()) <= MAX_PUBLICATION_WORDS and len(text) <= 60 and not TERMINAL_PUNCT.search(text)


def extract_field_lines(state: CleanState) -> None:
    """Lines of labelled fields (source, author, editor, date) -> facts; the lines go."""
    kept = []
    for line in state.lines:
        found = parse_field_line(line.text, _day_first_line(line, state)) if _plain(line) else None
        if found is None:
            kept.append(line)
            continue
        state.drop("field_line", line.text)
        for key in ("publisher", "published"):
            if found.get(key):
                state.facts.setdefault(key, found[key])
        authors = state.facts.setdefault("authors", [])
        authors.extend(n for n in found.get("authors", []) if n not in authors)
    state.lines = kept


# ------------------------------------------------------------- lead datelines

# "NAIROBI, Feb 3, 2026 (Eastline News) - A mining company ...", "BERLIN (dpa) -":
# the place in capitals (or capitalised), then a comma and a date, or an
# agency in brackets, or both, then a dash. A press release names its wire
# distributor between slashes instead ("BOSTON, March 3, 2026 /Wire Name/ --").
_PLACE = r"(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}|[A-Z][a-zà-ÿ]+(?:\s+[A-Z][a-zà-ÿ]+){0,2})"
_LEAD_DATELINE = re.compile(
    rf"^(?P<head>{_PLACE}(?:,\s*[A-Z][A-Za-z.]+)?(?:,\s+(?P<date>[^()\n,]{{3,30}}?(?:,\s*\d{{4}})?))?)"
    r"\s*(?:\((?P<agency>[^()\d]{2,40})\)|(?P<wire>/[^/()\n]{2,40}/))?\s*(?P<dash>[-–—]{1,2})\s+\S")


def lead_dateline(text: str, day_first: bool = False) -> tuple[str, str]:
    """(ISO date, agency) of a dateline opening a paragraph, else ("", "").
    A wire distributor ("/Wire Name/") is no agency: it only carried a
    press release, neither wrote nor published it."""
    match = _LEAD_DATELINE.match(text[:160])
    if not match or not (match.group("date") or match.group("agency") or match.group("wire")):
        return "", ""
    dates = find_dates(match.group("date") or "", day_first)
    if match.group("date") and not dates and not match.group("agency"):
        return "", ""         # "Smith, the mayor - ...": no dateline
    agency = (match.group("agency") or "").strip()
    return (dates[0][2] if dates else ""), (agency if is_holder_label(agency) else "")


def without_wire(text: str, day_first: bool = False) -> str:
    """"BOSTON, March 3, 2026 /Wire Name/ -- The company …" -> "BOSTON,
    March 3, 2026 — The company …": the distributor's mark leaves the lead,
    the dateline stays apart from the first sentence by one dash. A text
    without a dated wire dateline is returned as it is."""
    match = _LEAD_DATELINE.match(text[:160])
    if not match or not match.group("wire") or not find_dates(match.group("date") or "", day_first):
        return text
    dash = "—" if len(match.group("dash")) > 1 else match.group("dash")
    return f"{match.group('head').rstrip()} {dash} {text[match.end() - 1:]}"


def extract_lead_dateline(state: CleanState) -> None:
    """The dateline opening the first paragraph gives the date and, from the
    agency in brackets, a publisher to fall back on. The text keeps it; a
    wire distributor's mark ("/Wire Name/ --") leaves it."""
    for index, line in enumerate(state.lines[:3]):
        if not _plain(line) or line.kind == "heading":
            continue
        first = _day_first_line(line, state)
        iso, agency = lead_dateline(line.text, first)
        if not (iso or agency) and state.facts.get("summary") == line.text.strip() and index + 1 < len(state.lines):
            continue      # the standfirst; the dateline opens the paragraph after it
        if iso:
            state.facts.setdefault("published", iso)
        if agency:
            state.facts.setdefault("credited_publisher", agency)
        text = without_wire(line.text, first)
        if text != line.text:
            state.drop("wire_distributor", line.text[:len(line.text) - len(text) + 40])
            state.lines[index] = line.with_(text=text)
            if state.facts.get("summary") == line.text.strip():
                state.facts["summary"] = text.strip()     # the standfirst copied from this line
        return


# -------------------------------------------------------------- lead credits

# A lead credit is looked for in the first lines only.
LEAD_CREDIT_LINES = 3
_CREDIT_NAME_SPLIT = re.compile(r"[\s、，,・･]+")


@lru_cache(maxsize=1)
def _lead_credit_res() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(pattern) for pattern in _data().get("lead_credit_patterns", ()))


def lead_credit(text: str) -> tuple[list[str], int]:
    """"本报讯（记者 X 通讯员 Y）…" -> (["X"], end of the credit); "【Place＝Name】…"
    -> (["Name"], end); ([], 0) when the paragraph opens with no such credit.
    Role words between names are skipped; an editor's or correspondent's
    role ends the authors; a role after a name ("X記者") is no part of it."""
    for pattern in _lead_credit_res():
        match = pattern.match(text[:120])
        if not match:
            continue
        names: list[str] = []
        for token in _CREDIT_NAME_SPLIT.split(match.group("names")):
            if not token:
                continue
            if token.casefold() in _editor_roles():
                break
            if _is_role(token):
                continue
            name = token
            for role in _data()["byline_suffix_roles"]:
                if _is_name_script(token) and token.endswith(role) and len(token) > len(role) + 1:
                    name = token[:-len(role)]
                    break
            if name and _is_name(name) and not re.search(r"\d", name):
                names.append(name)
        if names:
            return names, match.end()
    return [], 0


def extract_lead_credit(state: CleanState) -> None:
    """The credit opening the first paragraph names its authors and leaves it."""
    if state.facts.get("authors"):
        return
    for index, line in enumerate(state.lines[:LEAD_CREDIT_LINES]):
        if line.kind == "heading" or not _plain(line):
            continue
        names, end = lead_credit(line.text)
        if not names and dateline_date(line.text, True):
            continue      # the date line above the first paragraph, read later
        if names and line.text[end:].strip():
            state.facts["authors"] = names
            state.drop("byline", line.text[:end])
            state.lines[index] = line.with_(text=line.text[end:].lstrip())
        return


# ----------------------------------------------------------- foot mastheads

def extract_foot_masthead(state: CleanState) -> None:
    """A publication's name alone on the last line ("Harbour Herald", "*Diario
    del Puerto*", "北国新報"): the paper signing its article, the publisher."""
    if len(state.lines) < 2:
        return
    last = state.lines[-1]
    text = last.text.strip().strip("*_").strip()
    if _plain(last) and last.kind != "quote" and is_publication_name(text):
        state.facts.setdefault("publisher", text)
        state.drop("masthead", last.text)
        state.lines = state.lines[:-1]


def credited_publisher(state: CleanState) -> None:
    """The copyright holder or a dateline's agency, when nothing (text or
    metadata) named the publisher."""
    credited = state.facts.pop("credited_publisher", "")
    if credited and not state.facts.get("publisher"):
        state.facts["publisher"] = credited
    # A translated page that states no date or author of its own: the
    # original's, from its translation note.
    published = state.facts.pop("origin_published", "")
    if published and not state.facts.get("published"):
        state.facts["published"] = published
    authors = state.facts.pop("origin_authors", [])
    if authors and not state.facts.get("authors"):
        state.facts["authors"] = authors


RULES: tuple = (extract_origin, extract_field_lines, extract_byline, extract_lead_credit, extract_closing_credit,
                extract_dateline, extract_lead_dateline,
                extract_foot_masthead, facts_from_hints, credited_publisher)
