"""Competing versions of a contested claim, as the claim page shows them."""
from __future__ import annotations

from generator.model import Entity
from generator.render_claims import point_label, version_value


def test_point_labels_read_as_questions():
    assert point_label("decider") == "Who decided"
    assert point_label("figure:people") == "How much (people)"
    assert point_label("new_point") == "New point"


def test_product_side_names_its_entities():
    entities = {"gadget-2": Entity(id="gadget-2", name="Gadget 2", type="product"),
                "gizmo-x": Entity(id="gizmo-x", name="Gizmo X", type="product")}
    assert version_value("gadget-2+gizmo-x", entities) == "Gadget 2 + Gizmo X"
    assert version_value("foreign", entities) == "foreign"
    assert version_value("", entities) == "—"
