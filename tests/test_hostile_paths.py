"""A second hostile corpus (over 30 files): awkward file names, links, special
files, limits, hidden characters and look-alike names. Every file is either
published under a safe, unique, stable page name or reported with a reason."""
from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser

import pytest

from generator.build import source_ids
from generator.slugs import remove_hidden, slugify, strip_invisible
from tests.conftest import build_site

HIDDEN = re.compile("[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e"
                    "\u2060-\u206f\ufeff\U000e0000-\U000e007f]")


WORDS = ("harbour library budget bridge museum railway clinic school market river stadium tunnel "
         "garden airport factory theatre festival archive tower canal forest island valley castle").split()


def article(topic: str) -> str:
    """A distinct small article per file, so none is a (near-)duplicate of another."""
    seed = sum(map(ord, topic))
    words = [WORDS[(seed * (i + 3) + i * i) % len(WORDS)] for i in range(12)]
    sentences = [f"The {a} and the {b} were discussed with the {c} on day {seed % 28 + 1}."
                 for a, b, c in zip(words[0::3], words[1::3], words[2::3])]
    return f"Notes {seed} on {words[0]}\n\n" + " ".join(sentences) + f" Item {seed}-{len(topic)}.\n"


# file name -> text; all of these must be published.
NAMED = {
    "name with spaces.txt": None,
    "ünïcødé 名字.txt": None,
    "新闻报道.md": None,
    "..double-dot.txt": None,
    ".hidden.txt": None,
    "CON.txt": None,
    "NUL.txt": None,
    "aux.md": None,
    "com1.txt": None,
    "a..b.txt": None,
    "UPPER Case.TXT": None,
    "a b.txt": None,
    "a-b.txt": None,
    "A B.txt": None,
    "x.md": None,
    "x.txt": None,
    "-leading-dash.txt": None,
    "emoji 🎉.txt": None,
    "evil\u202etxt.exe.txt": None,
    "tab\tand\nnewline.txt": None,
    ("long " * 40).strip() + ".txt": None,
    "sub/inner.txt": None,
    "sub/.dotdir/deep.txt": None,
    "same-title-1.txt": "Same Title Here\n\nThe first story says the harbour reopened on Monday after repairs.\n",
    "same-title-2.txt": "Same Title Here\n\nThe second story says the library closed on Friday for renovation.\n",
    "bidi-title.txt": "Budget \u202eteg\u202c vote\u200b passes\n\nThe council passed the budget on Tuesday; "
                      "Mayor Jane\u200b Doe said the vote\u2066 was close.\x07\n",
    "latin-name.txt": "Apple results\n\nAp\u200bple said on Monday that Apple sales rose in the spring quarter.\n",
    "cyrillic-name.txt": "\u0410pple results\n\n\u0410pple said on Friday that \u0410pple sales fell in "
                         "the autumn quarter.\n",
}
# file name -> expected start of the reason.
REPORTED = {
    "empty.txt": "empty file",
    "binary.dat": "unsupported format",
    "program.exe": "unsupported format",
    "noextension": "unsupported format",
    "big.txt": "too large",
    "zz copy of name with spaces.txt": "duplicate of name with spaces.txt",
    "link-out.txt": "symlink leaving the sources folder",
    "folder-out": "symlink leaving the sources folder",
    "folder-in": "link to a folder",
    "loop.txt": "symlink loop",
    "dangling.txt": "unreadable",
    "pipe.txt": "unreadable",
}
MAX_BYTES = 4000


@pytest.fixture(scope="module")
def paths_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile-paths")
    src = tmp / "sources"
    outside = tmp / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(article("secrets"), encoding="utf-8")
    for name, text in NAMED.items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text or article(f"the file {name!r}"), encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.dat").write_bytes(bytes(range(256)))
    (src / "program.exe").write_bytes(b"MZ" + b"\x00" * 100)
    (src / "noextension").write_text(article("no extension"), encoding="utf-8")
    (src / "big.txt").write_text(article("size") + "padding words " * MAX_BYTES, encoding="utf-8")
    (src / "zz copy of name with spaces.txt").write_bytes((src / "name with spaces.txt").read_bytes())
    os.symlink(outside / "secret.txt", src / "link-out.txt")
    os.symlink(outside, src / "folder-out")
    os.symlink(src / "sub", src / "folder-in")
    os.symlink("loop.txt", src / "loop.txt")
    os.symlink("nowhere.txt", src / "dangling.txt")
    os.mkfifo(src / "pipe.txt")       # reading it would block the build forever
    assert len(NAMED) + len(REPORTED) >= 30
    _, settings = build_site(tmp, src, max_file_bytes=MAX_BYTES)
    corpus = json.loads((settings.site_dir / "data" / "corpus.json").read_text(encoding="utf-8"))
    return corpus, settings


def test_every_good_file_is_published(paths_site):
    corpus, _ = paths_site
    published = {s["file"] for s in corpus["sources"]}
    assert set(NAMED) <= published
    assert not any("secret" in s["text"] for s in corpus["sources"])


def test_every_bad_file_is_reported_with_its_reason(paths_site):
    corpus, settings = paths_site
    skipped = {s["file"]: s["reason"] for s in corpus["skipped"]}
    assert set(skipped) == set(REPORTED)
    for name, reason in REPORTED.items():
        assert skipped[name].startswith(reason), (name, skipped[name])
    report = (settings.site_dir / "report" / "index.html").read_text(encoding="utf-8")
    for name in ("big.txt", "pipe.txt", "folder-out", "loop.txt"):
        assert name in report


def test_page_names_are_safe_unique_and_built(paths_site):
    corpus, settings = paths_site
    pages = [s["page"] for s in corpus["sources"]]
    assert len(set(pages)) == len(pages)
    for page in pages:
        assert re.fullmatch(r"sources/[a-z0-9_-]+/", page), page
        assert (settings.site_dir / page / "index.html").is_file()


def test_page_names_are_stable():
    files = sorted(NAMED)
    first = source_ids(files)
    assert source_ids(list(reversed(files))) == first
    assert source_ids(files + ["zzz/new.txt"])["name with spaces.txt"] == first["name with spaces.txt"]


def test_same_title_gives_two_pages(paths_site):
    corpus, _ = paths_site
    same = [s for s in corpus["sources"] if s["title"] == "Same Title Here"]
    assert len(same) == 2 and same[0]["page"] != same[1]["page"]


def test_hidden_characters_are_gone_from_titles_names_and_text(paths_site):
    corpus, _ = paths_site
    doc = next(s for s in corpus["sources"] if s["file"] == "bidi-title.txt")
    assert doc["title"] == "Budget teg vote passes"
    for source in corpus["sources"]:
        assert not HIDDEN.search(source["title"] + source["text"]), source["file"]
    for entity in corpus["entities"]:
        assert not HIDDEN.search(json.dumps(entity, ensure_ascii=False)), entity
    assert "Apple" in {e["name"] for e in corpus["entities"]}    # "Ap<ZWSP>ple" is the same name


def test_look_alike_names_are_not_merged(paths_site):
    corpus, _ = paths_site
    latin, cyrillic = "Apple", "\u0410pple"
    for entity in corpus["entities"]:
        names = {entity["name"], *(a["name"] for a in entity.get("aliases", ()))}
        assert not ({latin, cyrillic} <= names), entity
    named = {e["name"]: e for e in corpus["entities"]}
    if latin in named and cyrillic in named:
        assert named[latin]["id"] != named[cyrillic]["id"]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_search_index_holds_text_not_markup(hostile_site):
    """Material's search UI shows index text as HTML: only inert tags, no attributes from sources."""
    _, settings = hostile_site
    index = json.loads((settings.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    joined = "\n".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    assert "&lt;script&gt;" in joined and "onerror=alert(13)" not in joined   # escaped text / dropped HTML
    parser = _Tags()
    parser.feed(joined)
    inert = {"p", "code", "strong", "em", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
             "pre", "span", "div", "br", "hr", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "sup", "sub"}
    for tag, attrs in parser.found:
        assert tag in inert, (tag, attrs)
        assert not any(name.startswith("on") or name in ("href", "src", "style") for name in attrs), (tag, attrs)


# -------------------------------------------------------------- unit level

@pytest.mark.parametrize("text", [
    "\u202eevil", "a\u200bb", "x\u2066y\u2069", "\ufeffbom", "soft\u00adhyphen", "tag\U000e0041s",
    "bell\x07", "\u061cmark", "hangul\u3164filler",
])
def test_hidden_characters_are_removed(text):
    cleaned, count = remove_hidden(text)
    assert count >= 1 and not HIDDEN.search(cleaned) and "\u3164" not in cleaned
    assert not HIDDEN.search(strip_invisible(text))
    assert not HIDDEN.search(slugify(text))


def test_joiners_kept_inside_scripts_that_need_them():
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
    assert remove_hidden(persian) == (persian, 0)
    assert remove_hidden(family) == (family, 0)
    assert remove_hidden("Ap\u200dple Jane\u200c") == ("Apple Jane", 2)


def test_line_breaks_in_a_name_separate_words():
    assert strip_invisible("first\nsecond\tthird\u2028fourth") == "first second third fourth"


def test_look_alike_names_get_different_keys_and_slugs():
    from collections import Counter

    from generator.link.entities import surface_key

    for latin, mixed in (("Apple", "\u0410pple"), ("Microsoft", "Micr\u043esoft"), ("Jane Doe", "J\u0430ne Doe")):
        assert surface_key(latin, "organization", Counter()) != surface_key(mixed, "organization", Counter())
    assert slugify("Apple") != slugify("\u0410pple")
    assert slugify("paypal") != slugify("p\u0430yp\u0430l")
