"""Competing versions of a contested claim, as the claim page shows them."""
from __future__ import annotations

from generator.model import Entity
from generator.render_claims import display_figures, group_digits, point_label, side_value, version_value


def test_point_labels_read_as_questions():
    assert point_label("decider") == "Who decided"
    assert point_label("new_point") == "New point"


def test_figure_points_name_what_is_counted_in_plain_english():
    # The plural is the first English word claims_counts.yaml lists for the class.
    assert point_label("figure:customer") == "How many customers"
    assert point_label("figure:person") == "How many people"
    assert point_label("figure:percent") == "Which percentage"
    assert point_label("figure:money") == "How much money"
    assert point_label("figure:gizmo_part") == "How many (gizmo part)"


def test_figures_read_with_grouped_thousands_and_their_units():
    assert group_digits("1400000") == "1,400,000"
    assert group_digits("2025") == "2025"          # could be a year
    assert group_digits("3400", 4) == "3,400"
    assert group_digits("12.5") == "12.5"
    assert group_digits("n/a") == "n/a"
    assert display_figures(["2100000", "18", "$13600000", "4.75%", "00"]) == \
        ["00", "4.75%", "18", "2,100,000", "$13,600,000"]
    assert side_value("figure:passenger", "3400", {}) == "3,400"
    assert side_value("figure:percent", "4.75", {}) == "4.75%"
    assert side_value("scope", "regional", {}) == "some regions"


def test_product_side_names_its_entities():
    entities = {"gadget-2": Entity(id="gadget-2", name="Gadget 2", type="product"),
                "gizmo-x": Entity(id="gizmo-x", name="Gizmo X", type="product")}
    assert version_value("gadget-2+gizmo-x", entities) == "Gadget 2 + Gizmo X"
    assert version_value("foreign", entities) == "foreign"
    assert version_value("", entities) == "—"


def test_a_figure_keeps_its_bound_in_words():
    # "~" is a figure nearly reached: "nearly two hours" must not read "fewer than 2".
    assert display_figures(["~2", ">300", "230", "<$2000000", "<5%"]) == \
        ["nearly 2", "less than 5%", "230", "more than 300", "less than $2,000,000"]
