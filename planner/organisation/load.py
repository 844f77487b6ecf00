"""Read an organisation file and check it against the catalogue, every problem located."""

from __future__ import annotations

from pathlib import Path

from planner.catalogue import Catalogue
from planner.checks import unknown
from planner.errors import DataError, UsageError
from planner.models import PLANNED_ROLES
from planner.organisation.model import OrganisationFile
from planner.organisation.profile import Profile, organisation_profile
from planner.reading import SourceFile, read_yaml, validate


def read_organisation(path: Path, cat: Catalogue, option: str = "--organisation") -> Profile:
    """Read an organisation file: a baseline workbook (``.xlsx``) or YAML (anything else).

    The one entry point for `--organisation FILE`.

    Raises:
        UsageError: the file does not exist.
        DataError: every problem in the file, located as PATH:LINE:COL or PATH:SHEET!CELL.
    """
    if path.suffix.lower() != ".xlsx":
        return load_organisation(path, cat, option)
    from planner.organisation.workbook import load_workbook_organisation

    check_exists(path, option)
    return organisation_profile(cat, load_workbook_organisation(path, cat), str(path))


def check_exists(path: Path, option: str) -> None:
    """Raise UsageError unless `path` is a file."""
    if path.is_dir():
        raise UsageError(f"{option}: {str(path)!r} is a folder; give an organisation file")
    if not path.is_file():
        raise UsageError(f"{option}: file {str(path)!r} does not exist")


def load_organisation(path: Path, cat: Catalogue, option: str = "--organisation") -> Profile:
    """Read an organisation file (YAML).

    Raises:
        UsageError: the file does not exist.
        DataError: every problem in the file, located as PATH:LINE:COL (or sheet and cell).
    """
    check_exists(path, option)
    src = SourceFile(path)
    data = read_yaml(src)
    org = validate(src, OrganisationFile, data) if data is not None else None
    if org is not None:
        check_organisation(org, cat, src)
    if org is None or any(p.is_error for p in src.problems):
        raise DataError(src.problems)
    return organisation_profile(cat, org, str(path))


def check_organisation(org: OrganisationFile, cat: Catalogue, src: SourceFile) -> None:
    """References to layers, questions and obligations, and answers of the right type."""
    if org.layer not in cat.layers:
        src.add(["layer"], unknown("layer", "layer", org.layer, list(cat.layers)))
        return
    for qid, answer in org.answers.items():
        question = cat.questions.get(qid)
        if question is None:
            src.add(["answers", qid], unknown("answers", "question", qid, list(cat.questions)), key=True)
        elif (problem := question.invalid(answer)) is not None:
            src.add(["answers", qid], f"answers.{qid}: {problem}")
    check_collective_choices(org, cat, src)
    planned = [oid for oid, ob in cat.obligations.items() if ob.roles.get(org.layer) in PLANNED_ROLES]
    for oid in org.status:
        if oid not in cat.obligations:
            src.add(["status", oid], unknown("status", "obligation", oid, list(cat.obligations)), key=True)
        elif oid not in planned:
            src.add(["status", oid], f"status: obligation {oid!r} is not a duty of {org.layer}", key=True)


def check_collective_choices(org: OrganisationFile, cat: Catalogue, src: SourceFile) -> None:
    """Every collective an organisation names exists and serves its layer."""
    named = org.collectives
    places: list[tuple[str, list[str | int], bool]] = (
        [(cid, ["collectives", cid], True) for cid in named]
        if isinstance(named, dict)
        else [(cid, ["collectives", j], False) for j, cid in enumerate(named)]
    )
    for cid, loc, key in places:
        coll = cat.collectives.get(cid)
        if coll is None:
            src.add(loc, unknown("collectives", "collective", cid, list(cat.collectives)), key=key)
        elif org.layer not in coll.layers:
            src.add(
                loc,
                f"collectives: collective {cid!r} serves {', '.join(coll.layers)}, not {org.layer}",
                key=key,
            )
