"""The JSON contract as the view's serialisation: names, order, what is left out, stable bytes."""

from __future__ import annotations

import datetime as dt
import json

from planner.view import Finding, Recurrence, Wait, as_dict, to_json
from planner.view.model import Assumption, StageLoad

from .builders import Q1, item, stage, view


def test_the_contract_keys_come_first_in_declaration_order():
    keys = list(as_dict(view()))
    assert keys[:4] == ["layer", "as_of", "stage", "scenario"]


def test_view_only_fields_are_not_in_the_json():
    data = as_dict(view(stage([item()])))
    assert not {"layer_name", "scenario_title", "layers", "options"} & set(data)
    assert not {"stage", "due_origin"} & set(data["stages"][0]["items"][0])


def test_renamed_fields_appear_under_their_contract_name():
    data = as_dict(view(counts=(("planned", 2), ("overdue", 0)), capacity=(("gemeenten", 10.0),)))
    assert data["summary"] == {"planned": 2, "overdue": 0}
    assert data["capacity"] == {"gemeenten": 10.0}
    assert "counts" not in data


def test_an_items_done_date_is_called_done():
    (out,) = as_dict(view(stage([item(done_on=dt.date(2025, 1, 2), status="done")])))["stages"][0]["items"]
    assert out["done"] == "2025-01-02"
    assert "done_on" not in out


def test_dates_are_iso_strings_at_every_depth():
    v = view(stage([item(due=dt.date(2027, 5, 1), occurrences=(dt.date(2027, 6, 1),))], Q1))
    data = as_dict(v)
    assert data["as_of"] == "2026-11-28"
    assert data["stages"][0]["start"] == "2027-01-01"
    assert data["stages"][0]["items"][0]["due"] == "2027-05-01"
    assert data["stages"][0]["items"][0]["occurrences"] == ["2027-06-01"]


def test_a_wait_keeps_its_ids_and_leaves_its_title_and_stage_out():
    wait = Wait("requires", "a.first", "rijk", title="First", stage="2026-Q4")
    (out,) = as_dict(view(stage([item(waits_on=(wait,))])))["stages"][0]["items"][0]["waits_on"]
    assert out == {"kind": "requires", "obligation": "a.first", "layer": "rijk"}


def test_a_recurrence_is_an_object_with_its_first_date():
    rec = Recurrence("quarter", dt.date(2027, 1, 1))
    out = as_dict(view(stage([item(recurrence=rec)])))["stages"][0]["items"][0]["recurrence"]
    assert out == {"every": "quarter", "first": "2027-01-01"}


def test_no_recurrence_is_null():
    assert as_dict(view(stage([item()])))["stages"][0]["items"][0]["recurrence"] is None


def test_workload_findings_and_assumptions_are_lists_of_objects():
    data = as_dict(
        view(
            load=(StageLoad("2026-Q4", "gemeenten", 3.5, None),),
            findings=(Finding("overdue", "a.x", "gemeenten", "late"),),
            assumptions=(Assumption("capacity", "gemeenten", "20", "why"),),
        )
    )
    assert data["workload"] == [{"stage": "2026-Q4", "layer": "gemeenten", "days": 3.5, "capacity": None}]
    assert data["findings"][0]["message"] == "late"
    assert data["assumptions"][0]["subject"] == "capacity"


def test_to_json_parses_back_to_as_dict():
    v = view(stage([item(title="Ünïcode — title")]))
    assert json.loads(to_json(v)) == as_dict(v)


def test_to_json_keeps_non_ascii_text_as_it_is_and_ends_in_a_newline():
    text = to_json(view(stage([item(title="vóór")])))
    assert "vóór" in text
    assert text.endswith("}\n")


def test_equal_views_give_the_same_bytes():
    assert to_json(view(stage([item()]))) == to_json(view(stage([item()])))


def test_the_items_property_lists_planned_items_then_those_off_the_plan():
    off = item("a.done", status="done")
    v = view(stage([item("a.one")]), stage([item("a.two")], Q1), off_plan=(off,))
    assert [i.obligation for i in v.items] == ["a.one", "a.two", "a.done"]


def test_the_display_name_adds_the_organisation_when_there_is_one():
    assert view().display_name == "Municipalities"
    assert view(organisation="Gemeente Voorbeeld").display_name == "Municipalities: Gemeente Voorbeeld"


def test_names_map_layer_ids_to_names():
    assert view().names == {"rijk": "Central government", "gemeenten": "Municipalities"}


def test_is_all_only_for_the_whole_government():
    assert view(layer="all").is_all
    assert not view().is_all


def test_text_longer_than_one_chunk_is_what_json_dumps_writes():
    from planner.view.serialise import FLUSH, dumps

    rows = [
        {"id": f"ob-{n}", "due": None, "effort": n / 3, "tags": ["a", "é"], "nested": [[n]]}
        for n in range(FLUSH)
    ]
    data = {"rows": rows, "after": [1, {"x": "y"}]}
    assert dumps(data) == json.dumps(data, indent=2, ensure_ascii=False)
