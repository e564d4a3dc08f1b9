"""Cleaning rules: header blocks of pasted texts (e-mails, podcast pages).

A newsletter pasted from a mail program opens with its header ("From:",
"Date:", "Subject:") and closes with a sign-off and the list's footer; a
podcast page opens with the show's name, an episode label in front of the
title, host and guest credits and a list of timestamped chapters. These
rules read what the headers say (title, date, publisher, author) and drop
them, before the chrome rules run. The vocabulary is data (chrome.yaml); no
rule names an outlet.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .chrome import _alternation, _data
from .facts import bare_name, find_dates, short_label
from .state import CleanState, Line

# A header block sits at the very top and is short.
MAX_HEADER_LINES = 10
MIN_HEADER_FIELDS = 2
MAX_FIELD_CHARS = 300
# A greeting is one or two short sentences among the first lines of the letter.
GREETING_SEARCH_LINES = 6
MAX_GREETING_WORDS = 30
# The sign-off is among the last lines of the letter.
SIGNOFF_SEARCH_LINES = 16
MAX_CLOSING_WORDS = 30
MAX_ROLE_WORDS = 8
# A chapter list: three or more short timestamped lines.
MIN_CHAPTERS = 3
MAX_CHAPTER_WORDS = 14
MAX_PROMO_WORDS = 40
PODCAST_TOP_LINES = 12




def _words(text: str) -> int:
    return len(text.split())


# ------------------------------------------------------------------ e-mails

@lru_cache(maxsize=1)
def _mail_res() -> tuple[re.Pattern, dict[str, str], re.Pattern]:
    labels = {str(label).casefold(): kind for kind, values in _data()["mail_header_labels"].items()
              for label in values}
    field = re.compile(rf"^\s*(?P<label>{_alternation(labels)})\s*[:：]\s*(?P<value>\S.*)$", re.IGNORECASE)
    marks = re.compile(rf"^(?:\s*(?:{_alternation(_data()['mail_subject_marks'])})\s*[:：])+\s*", re.IGNORECASE)
    return field, labels, marks


_ADDRESS = re.compile(r"<[^<>\s]{1,120}@[^<>\s]{1,120}>|\([^()\s]{1,120}@[^()\s]{1,120}\)")
_BARE_ADDRESS = re.compile(r"^[^\s@]{1,64}@[^\s@]{1,120}$")


def mail_header(lines: list[Line]) -> tuple[int, dict[str, str]]:
    """(number of header lines, {"from", "date", "subject", …}) of an e-mail
    header at the top of the text; (0, {}) when the text opens with none."""
    field_re, labels, _ = _mail_res()
    found: dict[str, str] = {}
    count = 0
    for line in lines[:MAX_HEADER_LINES]:
        match = field_re.match(line.text) if len(line.text) <= MAX_FIELD_CHARS else None
        if not match:
            break
        kind = labels[match.group("label").casefold()]
        if kind in found:
            break
        found[kind] = match.group("value").strip()
        count += 1
    if count < MIN_HEADER_FIELDS or not ("from" in found or "subject" in found) \
            or not ({"from", "to", "date"} & set(found)):
        return 0, {}
    return count, found


def sender_name(value: str) -> str:
    """"Harbour Letter <news@harbour.example>" -> "Harbour Letter"; a bare
    address -> ""."""
    name = _ADDRESS.sub(" ", value).strip().strip("\"'“”")
    name = " ".join(name.split())
    if not name or _BARE_ADDRESS.match(name) or "@" in name:
        return ""
    return name if short_label(name, 8) else ""


@lru_cache(maxsize=1)
def _letter_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = _data()
    greeting = re.compile(rf"^\s*(?:{_alternation(data['mail_greetings'])})(?![^\W\d_])", re.IGNORECASE)
    signoff = re.compile(rf"^\s*(?:{_alternation(data['mail_signoffs'])})\s*(?:[,，!.—–-]\s*(?P<name>.*))?$",
                         re.IGNORECASE)
    closing = re.compile(rf"^\s*(?:{_alternation(data['mail_closing_lines'])})(?![^\W\d_])", re.IGNORECASE)
    return greeting, signoff, closing


def _greeting(text: str) -> bool:
    """"Good morning, and welcome to our new readers!": a short greeting."""
    greeting, _, _ = _letter_res()
    return bool(greeting.match(text)) and _words(text) <= MAX_GREETING_WORDS


def _signoff(lines: list[Line]) -> tuple[int, str]:
    """(index of the sign-off line, the writer's name or "") among the last
    lines; (-1, "") when the letter has none."""
    _, signoff, _ = _letter_res()
    first = max(0, len(lines) - SIGNOFF_SEARCH_LINES)
    for index in range(first, len(lines)):
        match = signoff.match(lines[index].text)
        if not match:
            continue
        name = (match.group("name") or "").strip()
        if name and not bare_name(name):
            continue
        if not name and index + 1 < len(lines) and bare_name(lines[index + 1].text):
            name = lines[index + 1].text.strip()
        if name or index >= len(lines) - SIGNOFF_SEARCH_LINES // 2:
            return index, name
    return -1, ""


def read_mail(state: CleanState) -> None:
    """An e-mail header at the top: the subject is the title, the sender's
    name the publisher, the date the publication date; the header goes. A
    greeting at the top, the sign-off and the footer under it go too; the
    name signing the letter is the author."""
    count, found = mail_header(state.lines)
    if not count:
        return
    _, _, marks = _mail_res()
    for line in state.lines[:count]:
        state.drop("mail_header", line.text)
    lines = state.lines[count:]
    subject = marks.sub("", found.get("subject", "")).strip()
    if subject and not state.hints.get("title"):
        state.hints["title"] = subject
    sender = sender_name(found.get("from", ""))
    if sender:
        state.facts.setdefault("publisher", sender)
    dates = find_dates(found.get("date", ""))
    if dates:
        state.facts.setdefault("published", dates[0][2])
    for index, line in enumerate(lines[:GREETING_SEARCH_LINES]):
        if _greeting(line.text):
            state.drop("greeting", line.text)
            lines = lines[:index] + lines[index + 1:]
            break
    at, name = _signoff(lines)
    if at >= 0:
        _, _, closing = _letter_res()
        if at > 0 and closing.match(lines[at - 1].text) and _words(lines[at - 1].text) <= MAX_CLOSING_WORDS:
            at -= 1
        for line in lines[at:]:
            state.drop("sign_off", line.text)
        lines = lines[:at]
        if name:
            state.facts.setdefault("authors", [name])
    state.lines = lines


# ----------------------------------------------------------------- podcasts

@lru_cache(maxsize=1)
def _podcast_res() -> dict[str, re.Pattern]:
    data = _data()
    return {
        "episode": re.compile(rf"^\s*(?:{_alternation(data['episode_labels'])})[\s#]*\d{{1,5}}"
                              r"(?:\s*[:：.|–—-]|(?=\s))\s*(?P<title>\S.*)$", re.IGNORECASE),
        "host": re.compile(rf"^\s*(?:{_alternation(data['podcast_host_labels'])})\s*[:：]?\s+(?P<value>\S.*)$",
                           re.IGNORECASE),
        "credit": re.compile(rf"^\s*(?:{_alternation(data['podcast_credit_labels'])})\s*[:：]\s*\S"
                             rf"|^\s*(?:produced by|music by|edited by|mixed by)\s+\S", re.IGNORECASE),
        "notes": re.compile(rf"^[\s*_#]*(?:{_alternation(data['show_notes_labels'])})[\s*_:：]*$",
                            re.IGNORECASE),
        "promo": re.compile(rf"^\s*(?:{_alternation(data['promo_sentences'])})(?![^\W\d_])", re.IGNORECASE),
        "transcript": re.compile(rf"^[\s*_#]*(?:{_alternation(data['transcript_labels'])})[\s*_:：]*$",
                                 re.IGNORECASE),
    }


# "01:45 How it started", "[12:30] Questions", "(1:02:03) – Outro".
_CHAPTER = re.compile(r"^\s*[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*[-–—:.]?\s+(?P<rest>\S.*)$")
_SENTENCES = re.compile(r"(?<=[.!?])\s+")


def is_chapter(text: str) -> bool:
    """A line of a chapter list: a timestamp, then a short label (no speaker)."""
    match = _CHAPTER.match(text)
    if not match:
        return False
    rest = match.group("rest")
    return _words(rest) <= MAX_CHAPTER_WORDS and not re.match(r"^[^\W\d_][^:：]{0,40}[:：]\s", rest)


def is_promo(text: str) -> bool:
    """"Subscribe to the show on your app. This episode is sponsored by X.":
    a short line made only of promotion sentences."""
    if _words(text) > MAX_PROMO_WORDS:
        return False
    promo = _podcast_res()["promo"]
    sentences = [s for s in _SENTENCES.split(text.strip().lstrip("-–—*_ ").strip()) if s.strip()]
    return bool(sentences) and all(promo.match(s) for s in sentences)


def read_podcast(state: CleanState) -> None:
    """A podcast page: the episode label leaves the title; the show's name
    above it is the publisher; the host is the author; guest and production
    credits, the chapter list, promotions and the transcript's label go."""
    res = _podcast_res()
    lines = state.lines
    top = lines[:PODCAST_TOP_LINES]
    episode = next((i for i, line in enumerate(top[:3]) if res["episode"].match(line.text)), -1)
    dead: set[int] = set()
    if episode >= 0:
        title = res["episode"].match(lines[episode].text).group("title").strip()
        if title and not state.hints.get("title"):
            state.hints["title"] = title
            state.drop("episode_label", lines[episode].text)
            dead.add(episode)
        if episode > 0:
            show = lines[episode - 1].text.strip().strip("*_# ").strip()
            if short_label(show, 6) and not re.search(r"\d", show):
                state.facts.setdefault("publisher", show)
                state.drop("masthead", lines[episode - 1].text)
                dead.add(episode - 1)
    podcast = episode >= 0
    index = 0
    while index < len(lines):
        text = lines[index].text
        if podcast and index < PODCAST_TOP_LINES and len(text) <= MAX_FIELD_CHARS:
            host = res["host"].match(text)
            label = text[:host.start("value")] if host else ""
            if host and (re.search(r"[:：]", label) or " " in label.strip()) and bare_name(host.group("value")):
                state.facts.setdefault("authors", [host.group("value").strip()])
                state.drop("byline", text)
                dead.add(index)
                index += 1
                continue
            if res["credit"].match(text):
                state.drop("credits", text)
                dead.add(index)
                index += 1
                continue
        end = index
        while end < len(lines) and is_chapter(lines[end].text):
            end += 1
        if end - index >= MIN_CHAPTERS:
            if index > 0 and res["notes"].match(lines[index - 1].text):
                dead.add(index - 1)
            for i in range(index, end):
                state.drop("chapters", lines[i].text)
                dead.add(i)
            podcast = True
            index = end
            continue
        if is_promo(text) or (podcast and res["transcript"].match(text)):
            state.drop("promotion", text)
            dead.add(index)
        index += 1
    if dead:
        state.lines = [line for i, line in enumerate(lines) if i not in dead]


RULES: tuple = (read_mail, read_podcast)
