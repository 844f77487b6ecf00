"""The roadmap view: built once from a plan, read by every format, serialised as the JSON contract."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from planner.formats import FORMATS, render_roadmap
from planner.loading import load_catalogue
from planner.roadmap import build_plan
from planner.view import as_dict, build_view, to_json
from planner.view.model import Item, RoadmapView
from tests.conftest import MINIMAL

AS_OF = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return build_plan(load_catalogue(MINIMAL), AS_OF)


@pytest.mark.parametrize("layer", ["gemeenten", "rijk", "all"])
def test_items_are_the_plans_items_for_the_layer(ctx, layer):
    view = build_view(ctx, layer)
    wanted = {key for key, item in ctx.plan.items.items() if layer in ("all", item.layer)}
    assert sorted((i.obligation, i.layer) for i in view.items) == sorted(wanted)


def test_item_facts_are_the_plans(ctx):
    for item in build_view(ctx, "all", "en").items:
        planned = ctx.plan.items[(item.obligation, item.layer)]
        assert (item.due, item.status, item.package, item.stage) == (
            planned.due,
            planned.status,
            planned.package,
            ctx.plan.stage_id(planned.stage or 0),
        )


def test_counts_add_up_to_the_items(ctx):
    view = build_view(ctx, "all")
    assert dict(view.counts) == {s: sum(1 for i in view.items if i.status == s) for s, _ in view.counts}


def test_the_view_is_frozen(ctx):
    view = build_view(ctx, "gemeenten")
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.layer = "rijk"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.items[0].status = "done"  # type: ignore[misc]


def test_json_is_the_views_serialisation(ctx):
    view = build_view(ctx, "all", "en")
    assert json.loads(render_roadmap("json", view)) == as_dict(view) == json.loads(to_json(view))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_json_text_is_what_the_standard_encoder_writes(ctx, lang):
    view = build_view(ctx, "all", lang)
    assert to_json(view) == json.dumps(as_dict(view), indent=2, ensure_ascii=False) + "\n"


def test_json_writer_writes_every_kind_of_value_as_the_standard_encoder():
    from planner.view.serialise import dumps

    data = {"n": [0, -3, 2.5, 1e21, -0.0, float("nan"), float("inf")], "t": [True, False, None]}
    data |= {"s": 'é "q" \\ \n\t\u2028', "e": [{}, [], ()], "k": {1: "a", 2.5: "b", None: "c"}}
    assert dumps(data) == json.dumps(data, indent=2, ensure_ascii=False)


def test_same_plan_same_bytes(ctx):
    again = build_plan(load_catalogue(MINIMAL), AS_OF)
    assert to_json(build_view(ctx, "all")) == to_json(build_view(again, "all"))


def test_the_contract_has_its_keys(ctx):
    data = as_dict(build_view(ctx, "gemeenten"))
    assert {"layer", "as_of", "stages", "findings"} <= set(data)
    item = data["stages"][0]["items"][0]
    assert {"obligation", "act", "due", "status", "package", "reasons"} <= set(item)
    assert all(set(f) >= {"kind", "obligation", "message"} for f in data["findings"])


def test_view_only_fields_stay_out_of_the_json(ctx):
    data = as_dict(build_view(ctx, "gemeenten"))
    item = data["stages"][0]["items"][0]
    assert "options" not in data and "layers" not in data
    assert "stage" not in item and "due_origin" not in item and "done" in item


def test_a_new_item_field_reaches_the_json_by_declaration_alone(ctx):
    # adding a field is declaring it: serialisation follows the declaration
    @dataclasses.dataclass(frozen=True)
    class Wider(Item):
        budget_code: str = ""

    view = build_view(ctx, "gemeenten")
    first = view.stages[0]
    wide = Wider(
        **{f.name: getattr(first.items[0], f.name) for f in dataclasses.fields(Item)}, budget_code="K-3"
    )
    changed = dataclasses.replace(view, stages=(dataclasses.replace(first, items=(wide,)), *view.stages[1:]))
    assert as_dict(changed)["stages"][0]["items"][0]["budget_code"] == "K-3"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_from_the_view_alone(ctx, fmt):
    view = build_view(ctx, "all", "en")
    retitled = dataclasses.replace(view, layer_name="Everyone-X")
    if fmt in ("json", "csv"):  # neither prints the layer's name
        assert render_roadmap(fmt, retitled) == render_roadmap(fmt, view)
    else:
        assert render_roadmap(fmt, retitled) != render_roadmap(fmt, view)


def test_findings_keep_the_plans_order_for_the_layer(ctx):
    view = build_view(ctx, "gemeenten")
    expected = [(f.kind, f.obligation) for f in ctx.plan.findings if f.layer == "gemeenten"]
    assert [(f.kind, f.obligation) for f in view.findings] == expected


def test_unknown_layer_suggests_one(ctx):
    from planner.errors import UsageError

    with pytest.raises(UsageError, match="gemeenten"):
        build_view(ctx, "gemeente")


def test_command_line_says_how_to_make_it(ctx):
    view = build_view(ctx, "rijk", "en")
    assert view.command("csv") == "planner roadmap rijk --as-of 2026-11-28 --format csv --lang en"
    assert isinstance(view, RoadmapView)


LONG = """\
id: act-l
kind: national-act
title: {en: Example act L, nl: Voorbeeldwet L}
source: s
themes: [data]
sources:
  s: {url: https://example.org/act-l, title: Act L, accessed: 2026-01-01}
obligations:
  - id: act-l.build
    title: {en: Build it, nl: Bouw het}
    roles: {gemeenten: addressee}
    effort_days: 8
    lead_time_months: 24
"""


def test_the_stages_run_on_to_the_stage_the_last_work_ends_in(catalogue_with):
    # two years of lead time: the work starts in 2026-Q4 and ends in 2028-Q3
    view = build_view(build_plan(load_catalogue(catalogue_with({"act-l.yaml": LONG})), AS_OF), "gemeenten")
    [item] = [i for i in view.items if i.obligation == "act-l.build"]
    assert (item.start, item.end) == ("2026-Q4", "2028-Q3")
    assert view.stages[-1].id == "2028-Q3"
    assert {s.stage for s in view.load} <= {s.id for s in view.stages}


def test_a_stage_where_no_work_starts_names_the_work_running_on_into_it(catalogue_with):
    view = build_view(
        build_plan(load_catalogue(catalogue_with({"act-l.yaml": LONG})), AS_OF), "gemeenten", "en"
    )
    md = render_roadmap("md", view)
    assert isinstance(md, str)
    section = md[md.index("## Stage 2028-Q3") :].split("\n## ", 1)[0]
    assert (
        "No work starts in this stage; work started earlier runs on into it: "
        "`act-l.build` (2026-Q4 – 2028-Q3)." in section
    )
