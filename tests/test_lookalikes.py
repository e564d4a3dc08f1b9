"""Look-alike names kept apart are reported for an editor to decide."""
import random

from generator.link.lookalikes import MAX_NOTES, folded, look_alike_notes, look_alike_pairs
from generator.model import Entity


def _e(eid, name, typ="person"):
    return Entity(id=eid, name=name, type=typ)


def test_one_edit_apart_same_type_is_a_pair():
    entities = [_e("jon-smithers", "Jon Smithers"), _e("john-smithers", "John Smithers"),
                _e("jane-doering", "Jane Doering")]
    assert [(a.id, b.id) for a, b in look_alike_pairs(entities)] == [("john-smithers", "jon-smithers")]


def test_swapped_letters_and_accents_count_as_one_edit():
    assert look_alike_pairs([_e("a", "Katrin Müller"), _e("b", "Katrin Mülelr")])
    assert folded("Zoë  O'Neil") == "zoe o neil"


def test_different_types_numbers_and_short_names_are_not_pairs():
    assert not look_alike_pairs([_e("a", "Georgina"), _e("b", "Georgia", "place")])
    assert not look_alike_pairs([_e("a", "Widget 7", "product"), _e("b", "Widget 8", "product")])
    assert not look_alike_pairs([_e("a", "Iran", "place"), _e("b", "Iraq", "place")])
    assert not look_alike_pairs([_e("a", "张伟明"), _e("b", "张伟")])


def test_notes_are_capped_with_a_count():
    rng = random.Random(5)
    surnames = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8)) for _ in range(MAX_NOTES + 3)]
    entities = [_e(f"p{i}a", f"Amira {name}") for i, name in enumerate(surnames)]
    entities += [_e(f"p{i}b", f"Mira {name}") for i, name in enumerate(surnames)]
    assert len(look_alike_pairs(entities)) == MAX_NOTES + 3
    notes = look_alike_notes(entities)
    assert len(notes) == MAX_NOTES + 1
    assert notes[-1].endswith("3 more pairs not listed")
    assert "registry" in notes[0]
