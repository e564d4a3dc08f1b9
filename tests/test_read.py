"""Tests for generator/read.py: decoding, skipping, mojibake repair.

All inputs are synthetic bytes written to tmp_path, except the last test,
which checks the real seed corpus.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
from pathlib import Path

import pytest

from generator.model import RawText, Skipped
from generator.read import SUPPORTED_FORMATS, decode_bytes, read_source, repair_mojibake

THAI = re.compile(r"[\u0E00-\u0E7F]")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _lossy(text: str, codec: str) -> str:
    """UTF-8 bytes read with a single-byte code page; bytes it lacks dropped,
    C1 controls stripped (what a careless pipeline produces)."""
    decoded = text.encode("utf-8").decode(codec, errors="ignore")
    return "".join(ch for ch in decoded if not 0x80 <= ord(ch) <= 0x9F)


# --------------------------------------------------------------------------
# Formats and skips


def test_supported_formats_table():
    assert SUPPORTED_FORMATS[".txt"] == "text"
    assert SUPPORTED_FORMATS[".text"] == "text"
    assert SUPPORTED_FORMATS[".md"] == "markdown"
    assert SUPPORTED_FORMATS[".markdown"] == "markdown"
    for ext in (".html", ".htm", ".xhtml"):
        assert SUPPORTED_FORMATS[ext] == "html"


def test_plain_utf8_file(tmp_path):
    data = "Hello world.\r\nSecond line — with a dash.\rThird\n".encode("utf-8")
    path = _write(tmp_path, "sub/dir/a.TXT", data)
    result = read_source(path, tmp_path)
    assert isinstance(result, RawText)
    assert result.file == "sub/dir/a.TXT"
    assert result.format == "text"
    assert result.encoding == "utf-8"
    assert result.text == "Hello world.\nSecond line — with a dash.\nThird\n"
    assert result.content_hash == hashlib.sha256(data).hexdigest()
    assert result.repairs == ()


def test_html_stays_html(tmp_path):
    data = b"<html><body><p>Fish &amp; chips</p></body></html>"
    result = read_source(_write(tmp_path, "page.htm", data), tmp_path)
    assert result.format == "html"
    assert result.text == data.decode()


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("doc.pdf", b"%PDF-1.4 something", "unsupported format .pdf"),
        ("README", b"plain", "unsupported format (no extension)"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\t\n", "empty file"),
        ("bin.txt", b"abc\x00\x01\x02\x00def\x00" * 10, "binary file (NUL bytes)"),
    ],
)
def test_skipped_with_reason(tmp_path, name, data, reason):
    result = read_source(_write(tmp_path, name, data), tmp_path)
    assert result == Skipped(name, reason)


def test_control_characters_mean_binary(tmp_path):
    data = bytes(range(1, 32)) * 20 + b"some text"
    result = read_source(_write(tmp_path, "noise.txt", data), tmp_path)
    assert isinstance(result, Skipped)
    assert result.reason.startswith("binary file (")


def test_too_large(tmp_path):
    path = _write(tmp_path, "big.txt", b"a" * 2_530_000)
    result = read_source(path, tmp_path, max_bytes=2_000_000)
    assert result == Skipped("big.txt", "too large: 2.5 MB > 2.0 MB limit")


def test_unreadable_is_skipped(tmp_path):
    path = tmp_path / "folder.txt"
    path.mkdir()
    result = read_source(path, tmp_path)
    assert isinstance(result, Skipped)
    assert result.reason.startswith("unreadable: ")
    assert str(tmp_path) not in result.reason


def test_symlink_leaving_root_is_skipped(tmp_path):
    outside = _write(tmp_path, "outside/secret.txt", b"secret")
    root = tmp_path / "sources"
    root.mkdir()
    link = root / "link.txt"
    os.symlink(outside, link)
    assert read_source(link, root) == Skipped("link.txt", "symlink leaving the sources folder")
    folder_link = root / "elsewhere"
    os.symlink(outside.parent, folder_link)
    result = read_source(folder_link / "secret.txt", root)
    assert result == Skipped("elsewhere/secret.txt", "symlink leaving the sources folder")


def test_symlink_inside_root_is_read(tmp_path):
    target = _write(tmp_path, "a.txt", b"inside")
    os.symlink(target, tmp_path / "b.txt")
    result = read_source(tmp_path / "b.txt", tmp_path)
    assert isinstance(result, RawText)
    assert result.file == "b.txt" and result.text == "inside"


# --------------------------------------------------------------------------
# Decoding

CHINESE = "人工智能公司宣布限制全球访问其先进模型，引发了业界的广泛讨论和担忧。"
CHINESE_TRAD = "人工智慧公司宣布限制全球存取其先進模型，引發了業界的廣泛討論與擔憂。"
RUSSIAN = "Компания объявила об ограничении доступа к своим моделям по всему миру."
FRENCH = "Le café était fermé à cause de la grève générale, a déclaré le maître."
JAPANESE = "人工知能の会社は世界中のアクセスを制限したと発表しました。"
KOREAN = "인공지능 회사가 전 세계 접근을 제한했다고 발표했습니다."
GREEK = "Η εταιρεία ανακοίνωσε περιορισμό της πρόσβασης στα μοντέλα της παγκοσμίως."


@pytest.mark.parametrize(
    "text, codec",
    [
        ("El niño comió piñata y jalapeño en la señal.", "cp1252"),
        ("Olá, não há café.", "cp1252"),
        ("Společnost oznámila omezení přístupu k modelům.", "cp1250"),
        ("Bendrovė paskelbė, kad riboja prieigą prie savo modelių.", "cp1257"),
        ("החברה הודיעה על הגבלת הגישה למודלים שלה.", "cp1255"),
        (RUSSIAN, "koi8_r"),
        ("인공지능", "euc_kr"),
        ("人工智慧公司", "big5"),
        ("数据中心", "gb18030"),
        ("Ce n’était pas « prévu » : l’accès a été coupé — vendredi.", "cp1252"),
        ("Firma ogłosiła, że ogranicza dostęp do swoich modeli na całym świecie.", "cp1250"),
        ("Η εταιρεία ανακοίνωσε.", "cp1253"),
    ],
)
def test_short_ambiguous_legacy_texts(text, codec):
    decoded, _, repairs = decode_bytes(text.encode(codec))
    assert decoded == text
    assert repairs == ()


def test_garbage_bytes_do_not_pick_a_dos_code_page():
    data = "Notes\n\nCaf\xe9 au lait is a drink that".encode("latin-1") + b"\xff\xfe\x80 served hot.\n"
    text, encoding, _ = decode_bytes(data)
    assert "Café au lait" in text
    assert not encoding.startswith(("cp7", "cp8", "mac"))


def test_equivalent_encodings_named_by_preference():
    assert decode_bytes(FRENCH.encode("cp1252"))[1] == "cp1252"
    assert decode_bytes("Die Straße, sagte der Bürgermeister.".encode("latin_1"))[1] == "cp1252"
    assert decode_bytes(RUSSIAN.encode("cp1251"))[1] == "cp1251"


@pytest.mark.parametrize(
    "text, codec",
    [
        (CHINESE, "gb18030"),
        (CHINESE, "gbk"),
        (CHINESE_TRAD, "big5"),
        (RUSSIAN, "cp1251"),
        (FRENCH, "cp1252"),
        (JAPANESE, "shift_jis"),
        (KOREAN, "euc_kr"),
        (GREEK, "cp1253"),
    ],
)
def test_legacy_encodings_round_trip(tmp_path, text, codec):
    result = read_source(_write(tmp_path, "x.txt", text.encode(codec)), tmp_path)
    assert isinstance(result, RawText)
    assert result.text == text
    assert result.repairs == ()


def test_chinese_decoded_with_gb18030():
    text, encoding, repairs = decode_bytes(CHINESE.encode("gb2312"))
    assert text == CHINESE
    assert encoding == "gb18030"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (codecs.BOM_UTF8 + "Ünïcode ☃ text".encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Ünïcode ☃ text".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "Ünïcode ☃ text".encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + "Ünïcode ☃ text".encode("utf-32-le"), "utf-32-le"),
        (codecs.BOM_UTF32_BE + "Ünïcode ☃ text".encode("utf-32-be"), "utf-32-be"),
        ("Plain English text, no BOM.".encode("utf-16-le"), "utf-16-le"),
        ("Plain English text, no BOM.".encode("utf-16-be"), "utf-16-be"),
        ("Plain English text, no BOM.".encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_unicode_forms(data, encoding):
    text, found, repairs = decode_bytes(data)
    assert text in ("Ünïcode ☃ text", "Plain English text, no BOM.")
    assert not text.startswith("\ufeff")
    assert found == encoding
    assert repairs == ()


def test_utf16_file_with_bom_is_not_binary(tmp_path):
    data = codecs.BOM_UTF16_LE + "Zeile eins\r\nZeile zwei".encode("utf-16-le")
    result = read_source(_write(tmp_path, "u.md", data), tmp_path)
    assert isinstance(result, RawText)
    assert result.text == "Zeile eins\nZeile zwei"


def test_stray_legacy_byte_in_utf8_is_reported():
    data = ("Straße — “quoted” ünïcödé text. " * 5).encode("utf-8") + b"It\x92s here.\n"
    text, encoding, repairs = decode_bytes(data)
    assert encoding == "utf-8"
    assert text.endswith("It’s here.\n")
    assert len(repairs) == 1 and repairs[0].rule == "encoding"
    assert "0x92" in repairs[0].detail


def test_undecodable_bytes_never_crash():
    data = codecs.BOM_UTF8 + b"ok \xff\xfe\xfd end"
    text, encoding, repairs = decode_bytes(data)
    assert text.startswith("ok ") and text.endswith(" end")
    assert "\ufffd" in text
    assert repairs and repairs[0].rule == "encoding"


def test_declared_html_charset_is_honoured():
    body = "<html><head><meta charset=\"gbk\"></head><body>数据中心</body></html>"
    text, encoding, _ = decode_bytes(body.encode("gbk"))
    assert text == body
    assert encoding == "gb18030"


def test_declared_http_equiv_charset():
    body = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>Café “ok”</p>'
    text, encoding, _ = decode_bytes(body.encode("cp1252"))
    assert text == body
    assert encoding == "cp1252"


def test_text_is_nfc(tmp_path):
    data = "Cafe\u0301 ouvert".encode("utf-8")
    result = read_source(_write(tmp_path, "n.txt", data), tmp_path)
    assert result.text == "Café ouvert"


# --------------------------------------------------------------------------
# Mojibake


def test_classic_mojibake_fixed_and_reported():
    text, repairs = repair_mojibake("A line.\nThe cafÃ© is open.")
    assert text == "A line.\nThe café is open."
    assert len(repairs) == 1
    assert repairs[0].rule == "mojibake"
    assert "'cafÃ©' -> 'café'" in repairs[0].detail
    assert "line 2" in repairs[0].detail


def test_legitimate_text_left_alone():
    original = (
        "“Curly quotes” and ‘single’ — dashes – and … ellipses.\n"
        "Le café de Müller, naïve façade, Élève «créé» été.\n"
        "中文标点，全角ＡＢＣ，“引号”——破折号。\n"
        "Fish &amp; chips"
    )
    assert repair_mojibake(original) == (original, ())


def test_lossy_thai_codepage_mojibake_repaired():
    original = "— Newsroom Desk · Edited by 김서민"
    broken = _lossy(original, "iso8859_11")
    assert THAI.search(broken)
    text, repairs = repair_mojibake("Intro paragraph in English.\n" + broken)
    line = text.split("\n")[1]
    assert not THAI.search(line)
    # 김 (EA B9 80) and 서 (EC 84 9C) lost bytes: marked; 민 survived whole.
    assert line == "— Newsroom Desk · Edited by \ufffd\ufffd민"
    assert len(repairs) == 1 and repairs[0].rule == "mojibake-lossy"
    assert "line 2" in repairs[0].detail and "2 unrecoverable" in repairs[0].detail
    assert "'ยท' -> '·'" in repairs[0].detail


def test_lone_lead_outside_separator_position_is_marked_not_guessed():
    # "x—y" unspaced: the lost dash cannot be told from other U+20xx characters.
    broken = _lossy("Range 10—20 · 민 and more", "iso8859_11")
    text, _ = repair_mojibake(broken)
    assert text == "Range 10\ufffd20 · 민 and more"


def test_lossy_needs_some_complete_sequence():
    # A lone Thai lead vowel in English text, nothing else: no evidence.
    line = "Section โ Overview"
    assert repair_mojibake(line) == (line, ())


def test_lossy_repair_recovers_complete_sequences_exactly():
    # C1 controls kept (ISO decoder, nothing stripped): everything comes back.
    original = "Written by Jane Doe — Seoul · 박서준 reporting"
    broken = original.encode("utf-8").decode("iso8859_11")
    text, repairs = repair_mojibake(broken)
    assert text == original
    assert repairs[0].rule == "mojibake"


def test_lossy_latin1_page_with_stripped_bytes():
    original = "Привет — мир · Ёжик"
    broken = _lossy(original, "latin_1")
    text, repairs = repair_mojibake(broken)
    assert "—" in text and "·" in text and "жик" in text
    assert "Ð" not in text and "Ñ" not in text
    assert repairs and repairs[0].rule == "mojibake-lossy"


def test_genuine_thai_text_unchanged():
    thai = "ภาษาไทยเป็นภาษาราชการของประเทศไทย ที่ใช้กันทั่วไป\nสวัสดีครับ ขอบคุณมาก"
    assert repair_mojibake(thai) == (thai, ())
    mixed = "The Thai word สวัสดี means hello and ขอบคุณ means thanks."
    assert repair_mojibake(mixed) == (mixed, ())


def test_genuine_thai_file_round_trips(tmp_path):
    thai = "ภาษาไทยเป็นภาษาราชการของประเทศไทย ที่ใช้กันทั่วไปในการติดต่อสื่อสาร"
    result = read_source(_write(tmp_path, "th.txt", thai.encode("cp874")), tmp_path)
    assert result.text == thai
    assert result.repairs == ()


# --------------------------------------------------------------------------
# The seed corpus


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed folder not present")
def test_seed_corpus():
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 5
    lossy = [f for f in files if f.name.startswith("000_")]
    for path in files:
        result = read_source(path, SEEDS)
        assert isinstance(result, RawText)
        assert result.file == path.name
        original = path.read_text(encoding="utf-8")
        if path in lossy:
            line = result.text.split("\n")[4]
            assert not THAI.search(line)
            assert "—" in line and "·" in line
            assert [r.rule for r in result.repairs] == ["mojibake-lossy"]
            others = [a for i, a in enumerate(original.split("\n")) if i != 4]
            assert [a for i, a in enumerate(result.text.split("\n")) if i != 4] == others
        else:
            assert result.text == original
            assert result.repairs == ()


def test_repairs_on_a_very_long_line_are_described_word_by_word():
    # A minified page is one line of hundreds of thousands of characters: the
    # character diff would cost the square of that; words give the same pairs.
    from generator.read import MAX_CHAR_DIFF, _describe_changes
    filler = "word " * (MAX_CHAR_DIFF // 5 + 10)
    old = filler + "cafÃ© and naÃ¯ve " + filler
    new = filler + "café and naïve " + filler
    assert _describe_changes(old, new) == "'cafÃ©' -> 'café', 'naÃ¯ve' -> 'naïve'"
    assert _describe_changes("a cafÃ© b", "a café b") == "'cafÃ©' -> 'café'"
