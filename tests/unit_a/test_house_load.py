"""collectives.yaml read into the catalogue: each problem located at its line and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from planner.errors import DataError
from planner.house.model import Collective
from planner.loading import load_catalogue
from tests.conftest import MINIMAL, write_tree
from tests.unit_a.builders import collective

HEAD = "sources:\n  p: {url: https://example.org/p, title: Provider}\ncollectives:\n"
ENTRY = """  - id: {id}
    provider: P
    title: {{en: C}}
    layers: [gemeenten]
    status: {status}
{extra}    sources: [{source}]
"""
COVERS = """    covers:
      - obligation: {obligation}
        provided: {{en: Part}}
        remaining: {{share: 0.5, text: {{en: Rest}}}}
"""


def entry(id: str = "c", status: str = "exists", source: str = "p", extra: str | None = None) -> str:
    return ENTRY.format(
        id=id,
        status=status,
        source=source,
        extra=COVERS.format(obligation="act-a.inventory") if extra is None else extra,
    )


def _root(tmp_path: Path, collectives: str, **files: str) -> Path:
    root = tmp_path / "cat"
    shutil.copytree(MINIMAL, root)
    return write_tree(root, {"collectives.yaml": HEAD + collectives, **files})


def _problems(root: Path, severity: str = "error") -> list[str]:
    try:
        cat = load_catalogue(root)
    except DataError as exc:
        problems = exc.problems
    else:
        problems = list(cat.warnings)
    return [p.format(root) for p in problems if p.severity == severity]


def test_a_duplicate_collective_id_is_located_at_the_second_id(tmp_path):
    (line,) = _problems(_root(tmp_path, entry() + entry()))
    assert line.startswith("collectives.yaml:14:9: error: ") and "duplicate collective id 'c'" in line


def test_an_obligation_covered_twice_by_one_collective_is_located_at_the_second(tmp_path):
    covers = COVERS.format(obligation="act-a.inventory") + COVERS.format(
        obligation="act-a.inventory"
    ).replace("    covers:\n", "")
    (line,) = _problems(_root(tmp_path, entry(extra=covers)))
    assert "collectives[0].covers[1].obligation" in line and "covered twice" in line


def test_delivering_an_unknown_obligation_is_located(tmp_path):
    (line,) = _problems(_root(tmp_path, entry(extra="    delivers: [act-a.nothing]\n")))
    assert "collectives[0].delivers[0]" in line and "'act-a.nothing'" in line


def test_delivering_a_duty_no_layer_provides_is_no_facility(tmp_path):
    (line,) = _problems(_root(tmp_path, entry(extra="    delivers: [act-a.inventory]\n")))
    assert "is no facility" in line


def test_an_unknown_source_key_is_located(tmp_path):
    (line,) = _problems(_root(tmp_path, entry(source="nope")))
    assert "collectives[0].sources[0]" in line and "'nope'" in line


def test_an_unknown_delivery_source_is_located(tmp_path):
    extra = "    delivery: 2027-01-01\n    delivery_source: nope\n" + COVERS.format(
        obligation="act-a.inventory"
    )
    (line,) = _problems(_root(tmp_path, entry(status="planned", extra=extra)))
    assert "collectives[0].delivery_source" in line


def test_a_collective_without_sources_is_a_warning(tmp_path):
    text = entry().replace("    sources: [p]\n", "")
    assert any("has no source" in w for w in _problems(_root(tmp_path, text), "warning"))


def test_a_date_still_to_come_without_its_source_is_a_warning(tmp_path):
    extra = "    delivery: 2027-01-01\n" + COVERS.format(obligation="act-a.inventory")
    warnings = _problems(_root(tmp_path, entry(status="planned", extra=extra)), "warning")
    assert any("collectives[0].delivery: name the source" in w for w in warnings)


def test_an_unconfirmed_date_without_a_note_is_a_warning(tmp_path):
    extra = (
        "    delivery: 2027-01-01\n    delivery_source: p\n    delivery_confirmed: false\n"
        + COVERS.format(obligation="act-a.inventory")
    )
    warnings = _problems(_root(tmp_path, entry(status="planned", extra=extra)), "warning")
    assert any("delivery_confirmed" in w for w in warnings)


def test_a_scenario_delaying_an_unknown_collective_is_located_in_the_act_file(tmp_path):
    act = (MINIMAL / "act-b.yaml").read_text(encoding="utf-8")
    act = act.replace(
        "      - milestone: transposition\n        date: 2027-10-17\n",
        "      - collective: ghost\n        delay_months: 3\n",
    )
    (line,) = _problems(_root(tmp_path, entry(), **{"act-b.yaml": act}))
    assert line.startswith("act-b.yaml:") and "'ghost'" in line


def test_a_planned_collective_needs_its_delivery_date():
    with pytest.raises(ValidationError, match="expected 'delivery' date"):
        Collective.model_validate(collective("c", {"x.a": 0.5}, status="planned"))


def test_default_for_must_be_among_the_layers_served():
    with pytest.raises(ValidationError, match="default_for names gemeenten"):
        Collective.model_validate(collective("c", {"x.a": 0.5}, default_for=["gemeenten"]))


def test_a_collective_covers_or_delivers_something():
    with pytest.raises(ValidationError, match="covers at least one obligation"):
        Collective.model_validate(collective("c"))


@pytest.mark.parametrize("share", [-0.1, 1.5])
def test_a_remaining_share_lies_between_0_and_1(share):
    with pytest.raises(ValidationError):
        Collective.model_validate(collective("c", {"x.a": share}))


def test_an_unknown_layer_a_collective_serves_is_located_at_its_entry(tmp_path):
    text = entry().replace("    layers: [gemeenten]\n", "    layers: [gemeenten, provincies]\n")
    (line,) = _problems(_root(tmp_path, text))
    assert "collectives[0].layers[1]" in line and "'provincies'" in line


def test_covering_an_unknown_obligation_is_located(tmp_path):
    (line,) = _problems(_root(tmp_path, entry(extra=COVERS.format(obligation="act-a.ghost"))))
    assert "collectives[0].covers[0].obligation" in line and "'act-a.ghost'" in line


def test_covering_a_duty_of_no_layer_served_names_the_layers_that_do_have_it(tmp_path):
    (line,) = _problems(_root(tmp_path, entry(extra=COVERS.format(obligation="act-a.platform"))))
    assert "is not a duty of gemeenten; it is one of rijk" in line


@pytest.mark.parametrize(
    ("status", "what"), [("exists", "already exists"), ("proposed", "has no delivery date")]
)
def test_only_a_delivery_date_still_to_come_can_be_delayed(tmp_path, status, what):
    act = (MINIMAL / "act-b.yaml").read_text(encoding="utf-8")
    act = act.replace(
        "      - milestone: transposition\n        date: 2027-10-17\n",
        "      - collective: c\n        delay_months: 3\n",
    )
    (line,) = _problems(_root(tmp_path, entry(status=status), **{"act-b.yaml": act}))
    assert what in line


def test_a_collectives_file_with_errors_of_its_own_is_not_checked_for_delays_again(tmp_path):
    act = (MINIMAL / "act-b.yaml").read_text(encoding="utf-8")
    act = act.replace(
        "      - milestone: transposition\n        date: 2027-10-17\n",
        "      - collective: c\n        delay_months: 3\n",
    )
    broken = HEAD + "  - id: c\n    provider: P\n"  # no title, layers, status: the file itself is wrong
    problems = _problems(_root(tmp_path, broken.removeprefix(HEAD), **{"act-b.yaml": act}))
    assert problems and all(p.startswith("collectives.yaml:") for p in problems)
