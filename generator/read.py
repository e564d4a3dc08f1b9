"""Reading stage: a source file's bytes become a ``RawText`` (or a ``Skipped``).

Files are accepted by extension (``SUPPORTED_FORMATS``); symlinks leaving the
sources folder, empty, oversized, unreadable and binary files are skipped with
a one-line reason. Bytes are decoded by BOM, then BOM-less UTF-16/32 by its NUL
pattern, then strict UTF-8, then "UTF-8 with a few stray legacy bytes", then an
HTML/XML declared charset, then charset-normalizer, whose near-ties (short
texts fit several code pages) are re-ranked with data/read_encodings.yaml and,
within one script, by py3langid's confidence in each decoding; narrow
standards are upgraded to their supersets (GB2312/GBK -> GB18030, Big5 ->
cp950, ...). Mojibake is then
repaired line by line: first our rule for the lossy case ftfy declines - UTF-8
read with a single-byte code page (Thai, cp125x, latin-1, ...) whose undefined
bytes were dropped - then ftfy for the complete cases (configured not to touch
curly quotes, full-width forms or HTML entities). The lossy rule re-encodes runs
of the code page's characters, decodes UTF-8 greedily, keeps complete
sequences, recovers a truncated sequence only when a single character fits (or
by the spaced-dash rule, ``_is_spaced_dash``) and marks every other lost
character with U+FFFD; it acts only where the code page's script is foreign to
the line, or where complete sequences dominate. Newlines become ``\\n``, the
text is NFC. Every change is reported as a ``Repair``; HTML stays HTML here.
"""
from __future__ import annotations

import codecs
import hashlib
import itertools
import os
import re
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import charset_normalizer
import ftfy
from .datafiles import load_yaml

from .model import RawText, Repair, Skipped

SUPPORTED_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

DATA_FILE = Path(__file__).resolve().parent / "data" / "read_encodings.yaml"
REPLACEMENT = "\ufffd"
EM_DASH = "\u2014"

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# ftfy without the rules that rewrite legitimate text: curly quotes, full-width
# CJK punctuation, ligatures and HTML entities are content, and line breaks /
# NFC are handled here so repairs keep their line numbers.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization=None,
    explain=True,
)
# ftfy steps that only clean text up; every other step is an encoding repair.
_FTFY_CLEANUP_STEPS = frozenset({"remove_control_chars", "remove_terminal_escapes", "fix_surrogates"})
_PLAIN_ASCII = re.compile(r"[\t\x20-\x7e]*")
_NEWLINES = re.compile(r"\r\n|\r|\u2028|\u2029")
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_BINARY_CONTROL_SHARE = 0.10
_MIXED_UTF8_MAX_BAD_SHARE = 0.05      # stray bytes per valid multi-byte character
_MAX_EXAMPLES = 5
_LANGUAGE_SAMPLE = 4000               # characters given to the language identifier
# Characters a complete UTF-8 sequence in a mojibake run must not decode to:
# unassigned, private, surrogate, control, and modifier/combining characters
# (these turn up when genuine text of the code page's script is re-encoded).
_IMPLAUSIBLE_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs", "Lm", "Mn", "Mc", "Me"})
_NOT_TEXT = frozenset({"Cn", "Cs", "Co", "Cc"})


# --------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class _Family:
    """A single-byte code page family UTF-8 text gets mis-read with."""

    name: str
    script: str                     # first word of the Unicode names of its letters
    encode: dict                    # character -> byte value (>= 0x80 only)
    lost: tuple[int, ...]           # continuation bytes its decoders cannot show
    runs: re.Pattern                # maximal runs of characters in ``encode``
    native: re.Pattern              # one character of ``encode`` in ``script``


@dataclass(frozen=True)
class _Settings:
    upgrades: dict                  # codec name -> codecs to try, in order
    preference: dict                # codec name -> rank
    by_language: dict               # detector language -> its usual codec names
    margin: float
    rare_penalty: float
    families: tuple[_Family, ...]


def _codec_name(name: str) -> str | None:
    """Python's name for a character encoding named by a page or a server, or None.

    The name is untrusted: Python also knows codecs that are no character
    encoding (base64, zlib, rot13: decoding with them raises) or that
    interpret the text (unicode_escape turns "\\u0041" into "A"); those are refused.
    """
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


# Text codecs that are no charset a page could be written in (UTF-7 is not
# one a browser decodes either).
_NOT_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined", "utf-7"})


def _family(entry: dict) -> _Family:
    encode: dict[str, int] = {}
    lost: set[int] = set()
    for codec in entry["codecs"]:
        for byte in range(0x80, 0x100):
            try:
                char = bytes([byte]).decode(codec)
            except UnicodeDecodeError:
                lost.add(byte)
                continue
            # A C1 control is what an ISO decoder shows for bytes it has no
            # character for; pipelines strip them, so the byte counts as lost.
            if unicodedata.category(char) == "Cc":
                lost.add(byte)
            encode.setdefault(char, byte)
    # Sloppy decoders (and ftfy) show C1 bytes as cp1252 punctuation.
    for byte in range(0x80, 0xA0):
        char = bytes([byte]).decode("cp1252", errors="ignore")
        if char:
            encode.setdefault(char, byte)
    continuation = tuple(sorted(b for b in lost if 0x80 <= b <= 0xBF))
    run = re.compile(_char_class(encode) + "+")
    native = re.compile(_char_class(ch for ch in encode if _script(ch) == entry["script"]))
    return _Family(entry["name"], entry["script"], encode, continuation, run, native)


def _char_class(chars) -> str:
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"


@lru_cache(maxsize=1)
def _settings() -> _Settings:
    """The encoding data file, read once per process."""
    data = load_yaml(DATA_FILE.read_text(encoding="utf-8"))
    upgrades = {}
    for key, targets in data["decoder_upgrades"].items():
        name = _codec_name(key)
        if name:
            upgrades[name] = tuple(t for t in targets if _codec_name(t))
    preference = {}
    for rank, key in enumerate(data["preference"]):
        name = _codec_name(key)
        if name and name not in preference:
            preference[name] = rank
    by_language = {
        language: frozenset(filter(None, map(_codec_name, names)))
        for language, names in data["language_encodings"].items()
    }
    families = tuple(_family(entry) for entry in data["mojibake_families"])
    return _Settings(
        upgrades, preference, by_language, float(data["preference_margin"]),
        float(data["rare_penalty"]), families,
    )


# --------------------------------------------------------------------------
# Public API


def read_source(path: Path, root: Path, max_bytes: int = 20_000_000, charset: str = "") -> RawText | Skipped:
    """Read one source file; never raises for anything about its content.

    ``charset``: the encoding the server declared for a fetched page (its
    sidecar, see add.py); it wins over detection and over a declaration
    inside the page, as in a browser, but not over a byte-order mark or
    valid UTF-8."""
    rel = _relative_name(path, root)
    link_problem = _link_problem(path, root)
    if link_problem:
        return Skipped(rel, link_problem)
    if path.is_symlink() and path.is_dir():     # discovery lists linked folders, never enters them
        return Skipped(rel, "link to a folder: not followed")
    fmt = SUPPORTED_FORMATS.get(path.suffix.lower())
    if fmt is None:
        return Skipped(rel, f"unsupported format {path.suffix.lower() or '(no extension)'}")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):     # a FIFO would block the build
            return Skipped(rel, "unreadable: not a regular file")
        size = info.st_size
        if size > max_bytes:
            return Skipped(rel, _too_large(size, max_bytes))
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(rel, f"unreadable: {exc.strerror or type(exc).__name__}")
    if len(data) > max_bytes:           # grew between stat and read
        return Skipped(rel, _too_large(len(data), max_bytes))
    return _read_bytes(rel, fmt, data, charset)


def decode_bytes(data: bytes, charset: str = "") -> tuple[str, str, tuple[Repair, ...]]:
    """Decode raw bytes to text with newlines as ``\\n``: (text, encoding, repairs).

    ``charset``: an encoding declared outside the bytes (see read_source)."""
    text, encoding, repairs = _decode(data, charset)
    return _NEWLINES.sub("\n", text), encoding, repairs


def repair_mojibake(text: str) -> tuple[str, tuple[Repair, ...]]:
    """Repair mojibake line by line (the lossy single-byte rule, then ftfy)."""
    families = _settings().families
    doc_scripts = _DocScripts(text)
    lines = []
    repairs: list[Repair] = []
    for number, line in enumerate(text.split("\n"), start=1):
        # Lossy first: ftfy's partial fixes (C1 controls read as cp1252, the
        # decodable parts of a broken run) would hide the byte pattern.
        line, found = _fix_line_lossy(line, number, families, doc_scripts)
        repairs.extend(found)
        line, found = _fix_line_ftfy(line, number)
        repairs.extend(found)
        lines.append(line)
    return "\n".join(lines), tuple(repairs)


# --------------------------------------------------------------------------
# Files


def _too_large(size: int, max_bytes: int) -> str:
    # Megabytes with one decimal, unless the limit is so small that both
    # would print as 0.0 MB.
    if max_bytes >= 100_000:
        return f"too large: {size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit"
    return f"too large: {size:,} bytes > {max_bytes:,} bytes limit"


def _relative_name(path: Path, root: Path) -> str:
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return Path(rel).as_posix()


def _link_problem(path: Path, root: Path) -> str | None:
    """Why ``path`` must not be followed: it (or a linked folder on the way)
    leaves ``root``, or it is a symlink loop; None when it is fine."""
    try:
        target = path.resolve(strict=False)
        base = root.resolve()
    except (OSError, RuntimeError):     # symlink loop (RuntimeError before Python 3.13)
        return "symlink loop"
    if not target.is_relative_to(base):
        return "symlink leaving the sources folder"
    return None


def _read_bytes(rel: str, fmt: str, data: bytes, charset: str = "") -> RawText | Skipped:
    if not data.strip():
        return Skipped(rel, "empty file")
    if b"\x00" in data and not _is_wide_unicode(data):
        return Skipped(rel, "binary file (NUL bytes)")
    text, encoding, repairs = decode_bytes(data, charset)
    share = _control_share(text)
    if share > _BINARY_CONTROL_SHARE:
        return Skipped(rel, f"binary file ({share:.0%} control characters)")
    text, fixes = repair_mojibake(text)
    normal = unicodedata.normalize("NFC", text)
    if normal != text:
        first = next((i for i, (a, b) in enumerate(zip(text, normal)) if a != b), min(len(text), len(normal)))
        line = text.count("\n", 0, first) + 1
        detail = (
            f"NFC normalisation ({len(text) - len(normal)} fewer code points;"
            f" first change at line {line})"
        )
        fixes += (Repair("unicode", detail),)
    if not normal.strip():
        return Skipped(rel, "empty file")
    return RawText(
        file=rel,
        text=normal,
        format=fmt,
        encoding=encoding,
        content_hash=hashlib.sha256(data).hexdigest(),
        repairs=repairs + fixes,
    )


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:65536]
    bad = sum(1 for ch in sample if ch == REPLACEMENT or (ch < " " and ch not in "\t\n\f\v"))
    return bad / len(sample)


# --------------------------------------------------------------------------
# Decoding


def _decode(data: bytes, charset: str = "") -> tuple[str, str, tuple[Repair, ...]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data if encoding == "utf-8-sig" else data[len(bom):]
            return _decode_with(body, encoding)
    wide = _sniff_wide_unicode(data)
    if wide:
        return _decode_with(data, wide)
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    name = _codec_name(charset) if charset else None
    if name and not name.startswith("utf"):
        # Short texts in single-byte encodings are where detection guesses wrong.
        declared = _decode_strict_upgraded(data, name)
        if declared is not None:
            return declared
    for attempt in (_decode_mostly_utf8, _decode_declared, _decode_detected):
        result = attempt(data)
        if result is not None:
            return result
    return _decode_with(data, "utf-8")


def _decode_with(data: bytes, encoding: str) -> tuple[str, str, tuple[Repair, ...]]:
    """Decode, replacing undecodable bytes with U+FFFD and reporting it."""
    try:
        return data.decode(encoding), encoding, ()
    except UnicodeDecodeError as exc:
        first = data[: exc.start].count(b"\n") + 1
    text = data.decode(encoding, errors="replace")
    count = text.count(REPLACEMENT)
    detail = (
        f"{count} undecodable byte sequence(s) in {encoding} replaced with U+FFFD"
        f" (first at line {first})"
    )
    return text, encoding, (Repair("encoding", detail),)


def _is_wide_unicode(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, enc in _BOMS if enc != "utf-8-sig") or bool(
        _sniff_wide_unicode(data)
    )


def _sniff_wide_unicode(data: bytes) -> str | None:
    """UTF-16/32 without a BOM, recognised by NULs in fixed byte positions.

    Text that is mostly ASCII-range characters puts a NUL in every other byte
    (UTF-16) or three of every four (UTF-32); binary data does not keep that
    rhythm. Text without such characters (pure CJK) cannot be told apart and
    is left to the other decoders.
    """
    length = len(data)
    if length < 8:
        return None
    if length % 4 == 0:
        zeros = [data[i::4].count(0) / (length // 4) for i in range(4)]
        if min(zeros[1:]) > 0.9 and zeros[0] < 0.05:
            return _checked(data, "utf-32-le")
        if min(zeros[:3]) > 0.9 and zeros[3] < 0.05:
            return _checked(data, "utf-32-be")
    if length % 2 == 0:
        even = data[0::2].count(0) / (length // 2)
        odd = data[1::2].count(0) / (length // 2)
        if odd >= 0.3 and even <= 0.02:
            return _checked(data, "utf-16-le")
        if even >= 0.3 and odd <= 0.02:
            return _checked(data, "utf-16-be")
    return None


def _checked(data: bytes, encoding: str) -> str | None:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def _decode_mostly_utf8(data: bytes) -> tuple[str, str, tuple[Repair, ...]] | None:
    """UTF-8 text with a few stray legacy bytes (a pasted cp1252 apostrophe).

    Accepted when valid multi-byte characters outnumber the stray bytes
    twenty to one; legacy-encoded text rarely forms valid UTF-8 sequences at
    that rate. Stray bytes are read as cp1252 where it has a character.
    """
    rough = data.decode("utf-8", errors="replace")
    stray = rough.count(REPLACEMENT)
    multibyte = sum(1 for ch in rough if ord(ch) > 0x7F) - stray
    if multibyte <= 0 or stray > multibyte * _MIXED_UTF8_MAX_BAD_SHARE:
        return None
    lines = []
    examples: list[str] = []
    total = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        text, bad = _decode_utf8_line(raw)
        lines.append(text)
        total += len(bad)
        examples.extend(f"0x{b:02X} -> {ch!r} at line {number}" for b, ch in bad)
    more = f" and {total - _MAX_EXAMPLES} more" if total > _MAX_EXAMPLES else ""
    shown = ", ".join(examples[:_MAX_EXAMPLES]) + more
    detail = f"{total} byte(s) invalid in UTF-8 read as cp1252: {shown}"
    return "\n".join(lines), "utf-8", (Repair("encoding", detail),)


def _decode_utf8_line(raw: bytes) -> tuple[str, list[tuple[int, str]]]:
    parts = []
    bad: list[tuple[int, str]] = []
    pos = 0
    while True:
        try:
            parts.append(raw[pos:].decode("utf-8"))
            return "".join(parts), bad
        except UnicodeDecodeError as exc:
            parts.append(raw[pos:pos + exc.start].decode("utf-8"))
            for byte in raw[pos + exc.start:pos + exc.end]:
                char = bytes([byte]).decode("cp1252", errors="replace")
                parts.append(char)
                bad.append((byte, char))
            pos += exc.end


def _decode_declared(data: bytes) -> tuple[str, str, tuple[Repair, ...]] | None:
    """Honour an HTML ``<meta charset>`` / XML ``encoding=`` near the top."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    name = _codec_name((match.group(1) or match.group(2)).decode("ascii", "ignore"))
    if not name or name.startswith("utf"):
        return None
    return _decode_strict_upgraded(data, name)


def _decode_strict_upgraded(data: bytes, name: str) -> tuple[str, str, tuple[Repair, ...]] | None:
    for codec in _settings().upgrades.get(name, (name,)):
        try:
            return data.decode(codec), _codec_name(codec) or codec, ()
        except UnicodeDecodeError:
            continue
    return None


def _decode_detected(data: bytes) -> tuple[str, str, tuple[Repair, ...]] | None:
    """charset-normalizer's guess, re-ranked among its near-ties."""
    try:
        matches = list(charset_normalizer.from_bytes(data))
    except (LookupError, ValueError, UnicodeError):      # a detector bug must not stop the build
        return None
    if not matches:
        return None
    settings = _settings()
    shortlist, coherent = _shortlist(matches, settings)
    names = []
    for match in shortlist:
        name = _codec_name(match.encoding)
        if name and name not in names:
            names.append(name)
    if not names:
        return None
    result = _pick_by_language(data, names, coherent) or _decode_strict_upgraded(data, names[0])
    return _prefer_equivalent(data, result or _decode_with(data, names[0]), settings)


def _pick_by_language(data: bytes, names: list[str], coherent: bool):
    """Near-tied candidates told apart by how confidently a language
    identifier recognises each decoded text: single-byte code pages (French
    fits cp1250 as well as cp1252, one letter apart), and any code pages when
    the text was too short for the detector to see a language (four hanzi
    fit GB18030, Big5, EUC-KR and EUC-JP). Only decodings in the same script
    as the first are compared: the identifier is sure of any Thai-looking
    text, however garbled."""
    single = _is_single_byte(names[0])
    if coherent and not single:
        return None
    names = [n for n in names if _is_single_byte(n) == single][:4]
    decoded = [d for d in (_decode_strict_upgraded(data, n) for n in names) if d]
    if decoded:
        script = _main_script(decoded[0][0])
        decoded = [d for d in decoded if _main_script(d[0]) == script]
    if len({text for text, _, _ in decoded}) < 2:
        return None
    identifier = _language_identifier()
    scores = [identifier.classify(text[:_LANGUAGE_SAMPLE])[1] for text, _, _ in decoded]
    return decoded[max(range(len(decoded)), key=lambda i: (scores[i], -i))]


def _main_script(text: str) -> str:
    counts = Counter(_script(ch) for ch in text[:_LANGUAGE_SAMPLE] if ch.isalpha() and not ch.isascii())
    return counts.most_common(1)[0][0] if counts else ""


@lru_cache(maxsize=64)
def _is_single_byte(name: str) -> bool:
    try:
        return len(bytes(range(0x80, 0x100)).decode(name, errors="replace")) == 0x80
    except LookupError:
        return False


@lru_cache(maxsize=1)
def _language_identifier():
    """py3langid's model with normalised probabilities, loaded on first need
    (about a second)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)


def _prefer_equivalent(data: bytes, result, settings: _Settings):
    """Name the most common candidate that gives the very same text (German
    text without Ł or ř decodes identically as cp1250 and cp1252)."""
    text, name, repairs = result
    if repairs:
        return result
    unknown = len(settings.preference)
    ahead = sorted(
        (n for n, r in settings.preference.items() if r < settings.preference.get(name, unknown)),
        key=settings.preference.get,
    )
    for other in ahead:
        decoded = _decode_strict_upgraded(data, other)
        if decoded and decoded[0] == text:
            return decoded
    return result


def _shortlist(matches: list, settings: _Settings) -> tuple[list, bool]:
    """The detector's candidates we trust, best first, and whether any of
    them looked like a language to it.

    Rare code pages (DOS, Mac) pay a penalty on their chaos score, since a
    few odd bytes make them win by accident. Among candidates within the
    margin of the best score (common code pages only, if there are any):
    when some look like a language, the most coherent (in coarse steps, so
    noise in the second decimal does not decide), the code page usual for
    the detected language first, then the detector's order; when none does
    (text too short), the cleanest, in the detector's order.
    """
    unknown = len(settings.preference)

    def rank(match) -> int:
        return settings.preference.get(_codec_name(match.encoding) or "", unknown)

    def chaos(match) -> float:
        return match.chaos + (settings.rare_penalty if rank(match) == unknown else 0.0)

    best = min(chaos(m) for m in matches)
    near = [m for m in matches if chaos(m) <= best + settings.margin]
    near = [m for m in near if rank(m) < unknown] or near
    top = max(round(m.coherence, 1) for m in near)
    if top > 0:
        group = [m for m in near if round(m.coherence, 1) == top]
        usual = [m for m in group if _codec_name(m.encoding) in settings.by_language.get(m.language, ())]
        ordered = usual + [m for m in group if m not in usual]
        return ordered + [m for m in near if m not in ordered], True
    return sorted(near, key=lambda m: round(chaos(m), 2)), False     # stable: detector order


# --------------------------------------------------------------------------
# Mojibake: ftfy for the complete cases


def _fix_line_ftfy(line: str, number: int) -> tuple[str, tuple[Repair, ...]]:
    if _PLAIN_ASCII.fullmatch(line):
        return line, ()
    result = ftfy.fix_and_explain(line, _FTFY_CONFIG)
    if result.text == line:
        return line, ()
    steps = result.explanation or []
    rule = "text-fix" if all(param in _FTFY_CLEANUP_STEPS for _, param in steps) else "mojibake"
    how = ", ".join(f"{action} {param}" for action, param in steps)
    detail = f"line {number}: {_describe_changes(line, result.text)} (ftfy: {how})"
    return result.text, (Repair(rule, detail),)


def _describe_changes(old: str, new: str) -> str:
    """The changed words, as "'old' -> 'new'" pairs."""
    if max(len(old), len(new)) > MAX_CHAR_DIFF:
        return _describe_word_changes(old, new)
    spans: list[list[int]] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        # Widen to whole words: the neighbouring text is unchanged, so both
        # sides move together.
        while i1 > 0 and j1 > 0 and not old[i1 - 1].isspace() and old[i1 - 1] == new[j1 - 1]:
            i1, j1 = i1 - 1, j1 - 1
        while i2 < len(old) and j2 < len(new) and not old[i2].isspace() and old[i2] == new[j2]:
            i2, j2 = i2 + 1, j2 + 1
        if spans and i1 <= spans[-1][1]:
            spans[-1][1], spans[-1][3] = max(spans[-1][1], i2), max(spans[-1][3], j2)
        else:
            spans.append([i1, i2, j1, j2])
    return _listed([(old[a:b], new[c:d]) for a, b, c, d in spans])


# A character diff costs the square of the line's length (a minified page is
# one line of hundreds of thousands): longer lines are compared word by word.
MAX_CHAR_DIFF = 2000


def _describe_word_changes(old: str, new: str) -> str:
    """As _describe_changes, by words: repairs keep the spaces, so the words
    pair up in order; otherwise the runs a word diff finds."""
    a, b = old.split(), new.split()
    if len(a) == len(b):
        return _listed([(x, y) for x, y in zip(a, b) if x != y])
    matcher = SequenceMatcher(None, a, b)
    return _listed([(" ".join(a[i1:i2]), " ".join(b[j1:j2]))
                    for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"])


def _listed(changes: list[tuple[str, str]]) -> str:
    pairs = [f"{before!r} -> {after!r}" for before, after in changes]
    more = f" and {len(pairs) - _MAX_EXAMPLES} more" if len(pairs) > _MAX_EXAMPLES else ""
    return ", ".join(pairs[:_MAX_EXAMPLES]) + more


# --------------------------------------------------------------------------
# Mojibake: UTF-8 read with a single-byte code page, some bytes lost


@dataclass(frozen=True)
class _Piece:
    """One UTF-8 sequence found in a re-encoded run."""

    kind: str                 # "complete" | "partial" | "invalid"
    raw: bytes
    char: str = ""            # complete: the character
    candidates: tuple[str, ...] = ()   # partial: characters the lost bytes allow


@dataclass(frozen=True)
class _RunFix:
    start: int
    end: int
    text: str
    complete: int
    recovered: int
    unrecoverable: int
    complete_bytes: int
    total_bytes: int
    notes: tuple[str, ...]


def _fix_line_lossy(
    line: str, number: int, families, doc_scripts: _DocScripts
) -> tuple[str, tuple[Repair, ...]]:
    """Undo "UTF-8 read with a single-byte code page" in one line.

    Each family is tried; it fits when every run of its characters that
    holds a letter of its script re-encodes to bytes that are valid UTF-8
    once lost continuation bytes are allowed for (no stray continuation
    byte, no impossible byte), at least one sequence is complete, and the
    characters recovered are at least as many as those marked lost. The
    family explaining the most complete sequences wins.
    """
    if line.isascii():
        return line, ()
    plans = []
    for order, family in enumerate(families):
        fixes = _plan_family(line, family, doc_scripts)
        if fixes:
            score = sum(2 * f.complete + f.recovered - f.unrecoverable for f in fixes)
            plans.append((-score, order, family, fixes))
    if not plans:
        return line, ()
    _, _, family, fixes = min(plans, key=lambda p: (p[0], p[1]))
    lossless = all(f.complete_bytes == f.total_bytes for f in fixes)
    if lossless and family.script == "LATIN":
        return line, ()     # complete Latin-page mojibake: ftfy's heuristics decide
    parts = []
    pos = 0
    for fix in fixes:
        parts.append(line[pos:fix.start])
        parts.append(fix.text)
        pos = fix.end
    parts.append(line[pos:])
    notes = ", ".join(note for f in fixes for note in f.notes)
    if lossless:
        return "".join(parts), (Repair("mojibake", f"line {number}: UTF-8 read as {family.name}: {notes}"),)
    marked = sum(f.unrecoverable for f in fixes)
    detail = (
        f"line {number}: UTF-8 read as {family.name} with lost bytes: {notes}"
        f"; {marked} unrecoverable character(s) marked U+FFFD"
    )
    return "".join(parts), (Repair("mojibake-lossy", detail),)


def _plan_family(line: str, family: _Family, doc_scripts: _DocScripts) -> tuple[_RunFix, ...] | None:
    """The run repairs for ``line`` under ``family``, or None if it does not fit."""
    if not family.native.search(line):
        return None
    runs = [r for r in _runs(line, family) if family.native.search(line, r[0], r[1])]
    if not runs:
        return None
    foreign = _is_foreign(line, runs, family.script, doc_scripts)
    fixes = []
    for start, end in runs:
        fix = _fix_run(line, start, end, family, replace_lost=foreign)
        if fix is None:
            return None
        fixes.append(fix)
    complete = sum(f.complete for f in fixes)
    recovered = sum(f.recovered for f in fixes)
    lost = sum(f.unrecoverable for f in fixes)
    if complete == 0 or complete + recovered < lost:
        return None
    # In a line of the code page's own script (Latin mojibake in Latin text,
    # Thai in a Thai document) genuine letters form lucky sequences, so most
    # of the re-encoded bytes must then be in complete sequences.
    dense = 2 * sum(f.complete_bytes for f in fixes) >= sum(f.total_bytes for f in fixes)
    if not (foreign or (dense and complete >= (2 if family.script == "LATIN" else 3))):
        return None
    return tuple(f for f in fixes if f.text != line[f.start:f.end])


def _runs(line: str, family: _Family) -> list[tuple[int, int]]:
    """Maximal runs of non-ASCII characters the family can encode."""
    return [m.span() for m in family.runs.finditer(line)]


def _script(ch: str) -> str:
    return unicodedata.name(ch, "").split(" ", 1)[0]


class _DocScripts:
    """Script shares of one document's letters, counted on first use: most
    lines never need them."""

    def __init__(self, text: str):
        self._text = text
        self._counts: Counter | None = None

    def share(self, script: str) -> float:
        if self._counts is None:
            self._counts = _script_counts(self._text)
        total = sum(self._counts.values())
        return self._counts.get(script, 0) / total if total else 0.0


def _script_counts(text: str) -> Counter:
    return Counter(_script(ch) for ch in text if ch.isalpha() and not ch.isascii()) + Counter(
        {"LATIN": sum(1 for ch in text if ch.isascii() and ch.isalpha())}
    )


def _is_foreign(line: str, runs, script: str, doc_scripts: _DocScripts) -> bool:
    """Is ``script`` foreign to the line (or, for a line of runs only, the document)?"""
    inside = set(itertools.chain.from_iterable(range(a, b) for a, b in runs))
    outside = Counter(_script(ch) for i, ch in enumerate(line) if i not in inside and ch.isalpha())
    if sum(outside.values()) >= 3:
        return outside.most_common(1)[0][0] != script
    return doc_scripts.share(script) < 0.5


def _fix_run(line: str, start: int, end: int, family: _Family, replace_lost: bool) -> _RunFix | None:
    run = line[start:end]
    raw = bytes(family.encode[ch] for ch in run)
    pieces = _parse_utf8(raw, family.lost)
    if any(p.kind == "invalid" for p in pieces):
        return None
    if any(p.kind == "complete" and unicodedata.category(p.char) in _IMPLAUSIBLE_CATEGORIES for p in pieces):
        return None
    out = []
    counts = Counter()
    for piece in pieces:
        if piece.kind == "complete":
            out.append(piece.char)
            counts["complete"] += 1
            counts["complete_bytes"] += len(piece.raw)
        elif len(piece.candidates) == 1:
            out.append(piece.candidates[0])
            counts["recovered"] += 1
        elif _is_spaced_dash(line, start, end, piece):
            out.append(EM_DASH)
            counts["recovered"] += 1
            counts["dash"] += 1
        else:
            out.append(REPLACEMENT)
            counts["unrecoverable"] += 1
    text = "".join(out)
    if not replace_lost and counts["complete"] + counts["recovered"] == 0:
        text = run      # a lone accented letter of the line's own script is text, not debris
        counts = Counter()
    note = f"{run!r} -> {text!r}" + (" (spaced dash)" if counts["dash"] else "")
    return _RunFix(
        start, end, text, counts["complete"], counts["recovered"], counts["unrecoverable"],
        counts["complete_bytes"], len(raw), (note,) if text != run else (),
    )


def _is_spaced_dash(line: str, start: int, end: int, piece: _Piece) -> bool:
    """A lone E2 lead between spaces (or at line start) whose two continuation
    bytes were lost, when an em dash is among the characters they allow.

    E2 leads U+2000-U+2FFF; standing alone as a separator word, the only
    punctuation of that range that prose writes between spaces is a dash, and
    the spaced dash of bylines and titles is the em dash (U+2014).
    """
    if piece.raw != b"\xe2" or end - start != 1 or EM_DASH not in piece.candidates:
        return False
    before = start == 0 or line[start - 1].isspace()
    after = end < len(line) and line[end].isspace()
    return before and after


def _sequence_length(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _parse_utf8(raw: bytes, lost: tuple[int, ...]) -> list[_Piece]:
    """Greedy UTF-8 parse that allows continuation bytes from ``lost`` to be missing."""
    pieces = []
    i = 0
    while i < len(raw):
        length = _sequence_length(raw[i])
        if length == 0:                       # continuation without lead, or never valid
            pieces.append(_Piece("invalid", raw[i:i + 1]))
            i += 1
            continue
        j = i + 1
        while j < len(raw) and j - i < length and 0x80 <= raw[j] <= 0xBF:
            j += 1
        got = raw[i:j]
        if len(got) == length:
            try:
                pieces.append(_Piece("complete", got, got.decode("utf-8")))
            except UnicodeDecodeError:        # overlong or surrogate
                pieces.append(_Piece("invalid", got))
        else:
            candidates = _candidates(got, length, lost)
            pieces.append(_Piece("partial" if candidates else "invalid", got, candidates=candidates))
        i = j
    return pieces


@lru_cache(maxsize=4096)
def _candidates(got: bytes, length: int, lost: tuple[int, ...]) -> tuple[str, ...]:
    """Assigned characters whose UTF-8 form is ``got`` plus lost continuation bytes.

    Three or more lost bytes allow thousands of characters: returned as a
    two-item sentinel so callers see "ambiguous" without enumerating them.
    """
    missing = length - len(got)
    if missing >= 3:
        return (REPLACEMENT, REPLACEMENT) if lost else ()
    found = set()
    for slots in itertools.combinations(range(1, length), missing):
        for fill in itertools.product(lost, repeat=missing):
            seq = bytearray(got[:1])
            rest = iter(got[1:])
            filler = iter(fill)
            for pos in range(1, length):
                seq.append(next(filler) if pos in slots else next(rest))
            try:
                char = bytes(seq).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if unicodedata.category(char) not in _NOT_TEXT:
                found.add(char)
    return tuple(sorted(found))
