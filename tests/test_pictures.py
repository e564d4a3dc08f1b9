"""SVG pictures: well-formed, accessible, inert, deterministic and bounded."""
import random
import xml.etree.ElementTree as ET

import pytest

from generator import pictures
from generator.model import Claim, Corpus, Document, Entity, Mention, Metadata, Quote

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script> & \"quoted\" 'single'"
DRAW = (pictures.coverage_matrix, pictures.timeline, pictures.comention_graph, pictures.mix_charts)


def doc(i, title="", publisher="", published=None, languages=("en",)):
    return Document(id=f"s{i}", file=f"s{i}.txt", content_hash=str(i),
                    metadata=Metadata(title=title or f"Source {i}", publisher=publisher,
                                      published=published, languages=tuple(languages)),
                    blocks=(), text="x" * 50)


def claim(i, sources, status="corroborated", dates=(), conflicts=(), stances=None):
    quotes = tuple(Quote(source=s, text="q", start=0, end=1,
                         stance=(stances or {}).get(s, "supports")) for s in sources)
    return Claim(id=f"c{i}", text=f"Claim number {i}", status=status, quotes=quotes,
                 dates=tuple(dates), conflicts_with=tuple(conflicts), sources=len(set(sources)))


def entity(i, type_, mentions, related=()):
    ms = tuple(Mention(source="s0", text="x", start=0, end=1, type=type_) for _ in range(mentions))
    return Entity(id=f"e{i}", name=f"Entity {i}", type=type_, mentions=ms, related=tuple(related))


def small_corpus(hostile=True):
    docs = (doc(0, title='Ends ]]> with "quotes" & <b>', publisher="Pub A", published="2024-03-01"),
            doc(1, publisher="Pub B", published="2024-03-05", languages=("zh", "en")),
            doc(2, title="Untitled piece", languages=()))
    claims = (Claim(id="c0", text=HOSTILE if hostile else "plain", status="contested",
                    quotes=(Quote("s0", "q", 0, 1), Quote("s1", "q", 0, 1, stance="disputes")),
                    dates=("2024-03-01", "2024-03-04"), conflicts_with=("c1",)),
              claim(1, ["s1"], status="contested", dates=["2024-03-02"], conflicts=["c0"]),
              claim(2, ["s0", "s2"], dates=["--06-12"]),
              claim(3, ["s2"], status="single-source"))
    ents = (entity(0, "person", 3, [("e1", 2), ("e2", 1)]), entity(1, "organization", 2, [("e0", 2)]),
            Entity(id="e2", name=HOSTILE, type="place", mentions=(Mention("s0", "x", 0, 1, "place"),),
                   related=(("e0", 1),)))
    return Corpus(documents=docs, claims=claims, entities=ents)


def shuffled(corpus, seed):
    rng = random.Random(seed)
    parts = {}
    for name in ("documents", "claims", "entities"):
        items = list(getattr(corpus, name))
        rng.shuffle(items)
        parts[name] = tuple(items)
    return Corpus(**parts)


@pytest.mark.parametrize("draw", DRAW)
def test_svg_is_well_formed_and_accessible(draw):
    svg = draw(small_corpus())
    root = ET.fromstring(svg)
    assert root.tag == SVG + "svg"
    assert root.find(SVG + "title").text.strip()
    assert root.find(SVG + "desc").text.strip()
    assert root.get("role") == "img"


@pytest.mark.parametrize("draw", DRAW)
def test_svg_is_inert(draw):
    svg = draw(small_corpus())
    root = ET.fromstring(svg)
    tags = {el.tag.replace(SVG, "") for el in root.iter()}
    assert not tags & {"script", "image", "a", "foreignObject", "style", "use"}
    for el in root.iter():
        for key, value in el.attrib.items():
            assert "href" not in key
            assert not key.startswith("on")
            assert "http" not in value or key == "xmlns"
    assert "<script" not in svg
    assert "@import" not in svg and "url(http" not in svg


def test_hostile_text_is_escaped_in_coverage_and_graph():
    corpus = small_corpus()
    table = pictures.coverage_rows(corpus)
    assert any(HOSTILE in row[0] for row in table)  # rows keep the text; the page escapes it
    graph = pictures.comention_graph(corpus)
    assert "&lt;script&gt;" in graph
    texts = "".join(ET.fromstring(graph).itertext())
    assert "<script>alert(1)</script>" in texts  # round-trips as text, never as markup
    cover = pictures.coverage_matrix(corpus)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in cover
    assert "<script" not in cover


def test_hostile_source_title_in_column_label():
    corpus = small_corpus()
    titled = Corpus(documents=(doc(0, title='A ]]> "b" <i>'),) + corpus.documents[1:],
                    claims=corpus.claims, entities=corpus.entities)
    cover = pictures.coverage_matrix(titled)
    labels = [t.text for t in ET.fromstring(cover).iter(SVG + "text")]
    assert 'A ]]> "b" <i>' in labels
    assert "]]&gt;" in cover and "<i>" not in cover


def test_control_characters_do_not_break_xml():
    corpus = small_corpus()
    bad = Corpus(documents=corpus.documents, entities=corpus.entities,
                 claims=(Claim(id="c9", text="a\x00b\x0bc", status="single-source",
                               quotes=(Quote("s0", "q", 0, 1),)),))
    ET.fromstring(pictures.coverage_matrix(bad))


@pytest.mark.parametrize("draw", DRAW)
def test_deterministic_and_order_independent(draw):
    corpus = small_corpus()
    first = draw(corpus)
    assert draw(corpus) == first
    for seed in range(3):
        assert draw(shuffled(corpus, seed)) == first


@pytest.mark.parametrize("rows", [pictures.coverage_rows, pictures.timeline_rows,
                                  pictures.comention_rows, pictures.mix_rows])
def test_rows_have_header_and_are_order_independent(rows):
    corpus = small_corpus()
    table = rows(corpus)
    assert len(table) > 1
    assert all(len(r) == len(table[0]) for r in table)
    assert all(isinstance(c, str) for r in table for c in r)
    assert rows(shuffled(corpus, 7)) == table


def test_coverage_marks_contested_and_disputing_cells():
    svg = pictures.coverage_matrix(small_corpus())
    assert svg.count('fill="url(#sb-coverage-hatch)"') == 3 + 1   # three contested cells + legend
    assert svg.count(f'stroke="{pictures.DISPUTES}"') == 1 + 1  # one disputing source + legend
    assert svg.count(f'fill="{pictures.STATED}"') == 3 + 1


def test_coverage_rows_split_supporting_and_disputing():
    rows = pictures.coverage_rows(small_corpus())
    contested = next(r for r in rows if r[1] == "⚠ contested" and "Source 1" in r[3])
    assert contested[2] == 'Ends ]]> with "quotes" & <b>'
    assert next(r for r in rows if r[0] == "Claim number 2")[2] == "Ends ]]> with \"quotes\" & <b>; Untitled piece"


def test_timeline_joins_different_dates():
    svg = pictures.timeline(small_corpus())
    assert svg.count("stroke-dasharray") == 1 + 3  # legend + three pairs (c0's two dates, c0 vs c1)
    rows = pictures.timeline_rows(small_corpus())
    assert rows[-1][0] == "06-12 (year not stated)"
    assert ("2024-03-01", "1", "1", "2024-03-02, 2024-03-04") in rows


def test_empty_corpus_gives_valid_pictures():
    empty = Corpus(documents=())
    for draw in DRAW:
        root = ET.fromstring(draw(empty))
        assert root.find(SVG + "desc").text


def test_mix_counts_each_language_of_a_bilingual_source():
    assert pictures.language_counts(small_corpus()) == [("English", 2), ("Chinese", 1), ("unknown language", 1)]
    assert pictures.publisher_counts(small_corpus())[0] == ("Pub A", 1)


def test_graph_keeps_top_entities_and_edges():
    svg = pictures.comention_graph(small_corpus())
    root = ET.fromstring(svg)
    assert len(root.findall(SVG + "line")) == 2   # e0-e1 and e0-e2
    assert "… " not in svg


def test_big_corpus_is_bounded():
    docs = tuple(doc(i, publisher=f"Publisher {i % 37}", published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}")
                 for i in range(200))
    rng = random.Random(1)
    claims = tuple(claim(i, [f"s{rng.randrange(200)}" for _ in range(1 + i % 6)],
                         status="contested" if i % 7 == 0 else "corroborated",
                         dates=[f"2023-{1 + i % 12:02d}-{1 + i % 27:02d}"]) for i in range(500))
    ents = tuple(entity(i, ("person", "place", "organization")[i % 3], 1 + i % 9,
                        [(f"e{(i + k) % 300}", k) for k in range(1, 6)]) for i in range(300))
    corpus = Corpus(documents=docs, claims=claims, entities=ents)
    for draw in DRAW:
        svg = draw(corpus)
        ET.fromstring(svg)
        assert len(svg) < 200_000, draw.__name__
    cover = pictures.coverage_matrix(corpus)
    assert "… 470 more claims" in cover and "… 160 more sources" in cover
    assert "… 275 more entities" in pictures.comention_graph(corpus)
    assert "… 22 more" in pictures.mix_charts(corpus)
    assert len(pictures.coverage_rows(corpus)) == 1 + 30 + 1


def test_count_of_reads_right():
    assert pictures.count_of(1, "day") == "1 day" and pictures.count_of(2, "day") == "2 days"
    assert pictures.count_of(0, "entity", "entities") == "0 entities"


# --- pictures on pages (render_pictures) --------------------------------------------------

from generator import render_pictures  # noqa: E402


def test_pictures_are_files_with_title_desc_and_rows():
    drawn = render_pictures.draw_pictures(small_corpus())
    assert set(drawn) == {"coverage", "timeline", "co-mentions", "mix"}
    files = render_pictures.picture_files(drawn)
    assert sorted(files) == ["pictures/co-mentions.svg", "pictures/coverage.svg",
                             "pictures/mix.svg", "pictures/timeline.svg"]
    for picture in drawn.values():
        root = ET.fromstring(files[picture.path])
        assert picture.title == root.find(SVG + "title").text
        assert picture.desc == " ".join(root.find(SVG + "desc").text.split())
        assert len(picture.rows) > 1


def test_pictures_of_nothing_are_left_out():
    assert render_pictures.draw_pictures(Corpus(documents=())) == {}
    only_docs = Corpus(documents=(doc(0),))
    assert set(render_pictures.draw_pictures(only_docs)) == {"mix"}


def test_picture_view_links_relatively_and_caps_the_table():
    picture = render_pictures.Picture("mix", "<svg/>", "T", "D",
                                      (("h",),) + tuple((str(i),) for i in range(100)))
    view = render_pictures.picture_view(picture, "claims/index.md")
    assert view.src == "../pictures/mix.svg" and view.alt == "D" and view.caption == "T"
    assert len(view.rows) == render_pictures.MAX_TABLE_ROWS
    assert view.more_rows == 100 - render_pictures.MAX_TABLE_ROWS
    assert view.data_link == "[Data](../data.md)"
    assert render_pictures.picture_view(picture, "index.md").src == "pictures/mix.svg"


def test_picture_markdown_escapes_alt_text_and_cells():
    from generator.render import make_environment
    picture = render_pictures.Picture("mix", "<svg/>", "Title", "Alt ](javascript:x) <b> {: .x }",
                                      (("Name", "Count"), ("a | b ](evil)", "<i>1</i>")))
    view = render_pictures.picture_view(picture, "index.md")
    md = make_environment().get_template("partials/picture.md.j2").render(pic=view)
    assert "[![Alt \\]\\(javascript:x\\) &lt;b&gt; \\{: .x \\}](pictures/mix.svg){ .sb-picture }](pictures/mix.svg)" in md
    assert "    | a \\| b \\]\\(evil\\) | &lt;i&gt;1&lt;/i&gt; |" in md
