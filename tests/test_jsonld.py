"""schema.org JSON-LD: valid JSON, right types, and inert inside <script>."""
import json

from generator.jsonld import claim_jsonld, safe_json, source_jsonld
from generator.model import Claim, Document, Metadata, Origin, Quote

HOSTILE = "</script><script>alert(1)</script> & <!-- \u2028\u2029 ]]>"
OPEN = '<script type="application/ld+json">'


def doc(i, **meta):
    return Document(id=f"s{i}", file=f"s{i}.txt", content_hash=str(i),
                    metadata=Metadata(**meta), blocks=(), text="x")


def parse(element):
    assert element.startswith(OPEN) and element.endswith("</script>")
    body = element[len(OPEN):-len("</script>")]
    assert "</script" not in body.lower() and "<" not in body and "&" not in body
    assert "\u2028" not in body and "\u2029" not in body
    return json.loads(body)


def docs():
    return {d.id: d for d in (
        doc(0, title=HOSTILE, publisher="Pub A", published="2024-03-05", languages=("en",)),
        doc(1, title="Second", publisher="Pub B", published="2024-03-01", languages=("zh", "en")),
        doc(2, title="Undated"))}


def claim():
    return Claim(id="c1", text=HOSTILE, status="contested",
                 quotes=(Quote("s2", "words", 0, 5), Quote("s0", HOSTILE, 0, 5, lang="en"),
                         Quote("s1", "话", 0, 1, stance="disputes", lang="zh"), Quote("gone", "x", 0, 1)))


def test_claim_round_trips_with_appearances():
    data = parse(claim_jsonld(claim(), docs(), "", "claims/c1/"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "Claim"
    assert data["text"] == HOSTILE
    assert [a["url"] for a in data["appearance"]] == ["../../sources/s0/", "../../sources/s1/", "../../sources/s2/"]
    first = data["appearance"][0]
    assert first["@type"] == "NewsArticle" and first["publisher"] == {"@type": "Organization", "name": "Pub A"}
    assert first["datePublished"] == "2024-03-05" and first["inLanguage"] == "en"
    assert first["quotation"]["text"] == HOSTILE
    assert data["appearance"][2]["@type"] == "CreativeWork"
    assert "datePublished" not in data["appearance"][2]
    assert data["firstAppearance"]["url"] == "../../sources/s1/"   # earliest published


def test_absolute_urls_with_site_url():
    data = parse(claim_jsonld(claim(), docs(), "https://u.github.io/repo/", "claims/c1/"))
    assert data["url"] == "https://u.github.io/repo/claims/c1/"
    assert data["appearance"][0]["url"] == "https://u.github.io/repo/sources/s0/"
    data = parse(claim_jsonld(claim(), docs(), "https://u.github.io/repo", "claims/c1/"))
    assert data["url"] == "https://u.github.io/repo/claims/c1/"


def test_deterministic_and_quote_order_independent():
    c = claim()
    reversed_claim = Claim(id=c.id, text=c.text, status=c.status, quotes=tuple(reversed(c.quotes)))
    assert claim_jsonld(c, docs(), "", "claims/c1/") == claim_jsonld(reversed_claim, docs(), "", "claims/c1/")


def test_no_firstappearance_without_dates():
    c = Claim(id="c", text="t", status="single-source", quotes=(Quote("s2", "w", 0, 1),))
    data = parse(claim_jsonld(c, docs(), "", "claims/c/"))
    assert "firstAppearance" not in data


def test_safe_json_escapes_everything_that_could_close_script():
    text = safe_json({"a": "</SCRIPT>&<!--\u2028"})
    assert text == '{"a":"\\u003c/SCRIPT\\u003e\\u0026\\u003c!--\\u2028"}'
    assert json.loads(text) == {"a": "</SCRIPT>&<!--\u2028"}


def test_source_page_jsonld():
    d = doc(3, title=HOSTILE, publisher="Pub", published="2024-01-02", languages=("ko",),
            authors=("B Writer", "A Writer"), origin=Origin(publisher="Orig", language="en", translated_by="T"))
    data = parse(source_jsonld(d, "", "sources/s3/"))
    assert data["@type"] == "NewsArticle" and data["headline"] == HOSTILE
    assert data["author"] == [{"@type": "Person", "name": "B Writer"}, {"@type": "Person", "name": "A Writer"}]
    assert data["isBasedOn"] == {"@type": "CreativeWork", "inLanguage": "en",
                                 "publisher": {"@type": "Organization", "name": "Orig"}}
    assert data["url"] == "../../sources/s3/" and data["inLanguage"] == "ko"
    plain = parse(source_jsonld(doc(4, title="x")))
    assert plain["@type"] == "CreativeWork" and "isBasedOn" not in plain


def test_safe_json_hides_template_delimiters():
    value = "{{ config.site_name }} {% include 'x' %} {# c #} {{{"
    text = safe_json({"a": value, "b": {"c": [{"d": 1}]}})
    assert not any(d in text for d in ("{{", "{%", "{#", "%}", "#}"))
    assert json.loads(text) == {"a": value, "b": {"c": [{"d": 1}]}}


# --- in the built site -------------------------------------------------------------------

from html.parser import HTMLParser  # noqa: E402

import pytest  # noqa: E402

BAIT = "</script></title><script>alert(1)</script><!-- {{ x }}"
CORE = "</script></title><script>alert(1)</script>"   # a claim ends at the sentence's "!"


class _Scripts(HTMLParser):
    """Every <script> element: its type and its text."""

    def __init__(self):
        super().__init__()
        self.scripts: list[tuple[str, str]] = []
        self._type: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._type = dict(attrs).get("type") or ""
            self.scripts.append((self._type, ""))

    def handle_endtag(self, tag):
        self._type = None

    def handle_data(self, data):
        if self._type is not None:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)


def scripts_of(path):
    parser = _Scripts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.scripts


@pytest.fixture(scope="module")
def bait_site(tmp_path_factory):
    """A source whose title and claim carry a script-ending string."""
    from tests.conftest import build_site

    tmp = tmp_path_factory.mktemp("jsonld")
    src = tmp / "sources"
    src.mkdir()
    (src / "bait.txt").write_text(
        f"{BAIT} Report\n\nExample Corp said on 2024-03-05 that it had cut 300 jobs at its {BAIT} plant.\n\n"
        "The company did not comment further on the decision, which affects its main factory.\n",
        encoding="utf-8")
    _, settings = build_site(tmp, src)
    return settings.site_dir


def test_bait_in_titles_and_jsonld_stays_inert(bait_site):
    checked = {"Claim": 0, "source": 0}
    for page in sorted(bait_site.glob("*/*/index.html")):
        scripts = scripts_of(page)
        # The bait never becomes a script of its own (not in <title> either: see overrides/main.html).
        assert not any("alert(1)" in text for kind, text in scripts if kind != "application/ld+json"), page
        for data in (json.loads(text) for kind, text in scripts if kind == "application/ld+json"):
            if data["@type"] == "Claim":
                assert CORE in data["text"] and BAIT in data["appearance"][0]["headline"]
                checked["Claim"] += 1
            else:
                assert data["@type"] in ("NewsArticle", "CreativeWork") and BAIT in data["headline"]
                checked["source"] += 1
    assert checked == {"Claim": 1, "source": 1}


def test_every_hostile_source_page_has_parseable_jsonld(hostile_site):
    corpus, settings = hostile_site
    for source in corpus["sources"]:
        scripts = [t for k, t in scripts_of(settings.site_dir / source["page"] / "index.html")
                   if k == "application/ld+json"]
        assert len(scripts) == 1, source["page"]
        data = json.loads(scripts[0])
        assert data["@type"] in ("NewsArticle", "CreativeWork")
        assert data["url"] == "../../" + source["page"]
