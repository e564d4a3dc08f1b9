"""A short Latin headline over its Chinese version is in the document's Latin language."""
from __future__ import annotations

from generator.clean import clean
from generator.model import RawText

TEXT = ("# Harbour reopens after storm\n\n# 港口在风暴后重新开放\n\n"
        "The harbour reopened on Tuesday after the storm, the port authority said. Ships queued for two days.\n\n"
        "港务局表示，港口在风暴过后于周二重新开放。船只在港外排队等候了两天。\n")


def test_each_title_gets_its_own_language():
    doc = clean(RawText(file="x.md", text=TEXT, format="markdown", encoding="utf-8", content_hash="0"), "x")
    assert dict(doc.metadata.titles) == {"en": "Harbour reopens after storm", "zh": "港口在风暴后重新开放"}
    assert doc.metadata.title == "Harbour reopens after storm"


def test_a_short_latin_label_before_chinese_text_still_takes_its_language():
    text = "AWS\n\n港务局表示，港口在风暴过后于周二重新开放。船只在港外排队等候了两天。\n"
    doc = clean(RawText(file="x.txt", text=text, format="text", encoding="utf-8", content_hash="0"), "x")
    assert all(block.lang == "zh" for block in doc.blocks)
