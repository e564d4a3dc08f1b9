"""The generated place list (generator/data/gazetteer_places.json) and how
the gazetteer loads it: subdivisions and cities typed place, exonyms and
umlaut spellings merged, the hand-written gazetteer never overridden."""
import json

import pytest

from generator.extract.entities import DATA_DIR, PLACE, _latin_keys, find_mentions, lexicon, norm_latin
from tests.test_entities_extract import make_doc

PLACES = DATA_DIR / "gazetteer_places.json"


def _entry(name):
    keys = lexicon().latin_index.get(norm_latin(name), ())
    return [lexicon().entries[k] for k in keys]


def test_the_place_file_is_name_then_normalised_keys():
    data = json.loads(PLACES.read_text(encoding="utf-8"))
    assert data["_source"] and len(data["places"]) > 1000
    for name, *keys in data["places"]:
        assert keys and keys[0] == norm_latin(name)
        assert all(norm_latin(k) == k for k in keys)      # stored keys are final (no drift)


@pytest.mark.parametrize("name", ["Minas Gerais", "Pernambuco", "Açores", "Madeira", "Belo Horizonte",
                                  "Recife", "Coimbra", "Bonn", "Ludwigshafen", "Nouakchott"])
def test_subdivisions_and_cities_are_places(name):
    entries = _entry(name)
    assert len(entries) == 1 and entries[0].type == PLACE


def test_exonyms_and_umlaut_spellings_share_one_entry():
    cologne = {e.key for n in ("Cologne", "Köln", "Koeln", "Keulen") for e in _entry(n)}
    assert len(cologne) == 1
    dusseldorf = {e.key for n in ("Düsseldorf", "Duesseldorf", "Dusseldorf") for e in _entry(n)}
    assert len(dusseldorf) == 1


def test_umlaut_transcription_only_for_umlauts():
    assert _latin_keys("Zürich") == ("zurich", "zuerich")
    assert _latin_keys("Lisboa") == ("lisboa",)
    assert _latin_keys("São Paulo") == ("sao paulo",)


def test_the_hand_written_gazetteer_wins():
    assert [e.key for e in _entry("Georgia")] == ["country:GE"]
    assert [e.key for e in _entry("Lisbon")] == [e.key for e in _entry("Lissabon")]


@pytest.mark.parametrize("word", ["Reading", "Split", "Mobile", "Nice", "Victoria", "Jordan Smith",
                                  "Charlotte", "Jackson", "Occidentale", "Central", "Essen"])
def test_words_and_given_names_are_not_generated_places(word):
    assert not any(e.key.startswith("geo:") for e in _entry(word))


def test_region_with_its_kind_is_one_place():
    doc = make_doc(("paragraph", "Two plants in Gyeonggi Province were closed on Monday after the fire."))
    assert {(m.text, m.type) for m in find_mentions(doc)} >= {("Gyeonggi Province", PLACE)}


def test_unknown_to_rules_places_are_typed_place_in_prose():
    doc = make_doc(("paragraph", "A distribuidora tem armazéns em Recife, Belo Horizonte e Coimbra, "
                                 "disse a empresa."))
    found = {(m.text, m.type) for m in find_mentions(doc)}
    assert {("Recife", PLACE), ("Belo Horizonte", PLACE), ("Coimbra", PLACE)} <= found
