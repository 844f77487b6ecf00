"""`planner diff`: what changed between two catalogues, and what it does to each layer's roadmap.

The package is laid out as the command's data flow:

- :mod:`~planner.diff.sources` reads OLD and NEW: catalogue folders or git revisions of the
  repository that holds the catalogue (read with git plumbing, never checked out);
- :mod:`~planner.diff.changes` compares the catalogues in domain words (:class:`ChangeSet`),
  with :mod:`~planner.diff.fields` saying each field change in words;
- :mod:`~planner.diff.impact` schedules both at the same as-of date and compares each layer's
  roadmap item by item (:class:`LayerImpact`);
- :mod:`~planner.diff.report` puts both together (:func:`diff`), and
  :mod:`~planner.diff.render` writes the report as text, Markdown or JSON.

Everything is keyed by id and sorted explicitly: the same two catalogues give the same report,
byte for byte.
"""

from planner.diff.changes import (
    ChangeSet,
    FieldChange,
    MilestoneMove,
    Named,
    RelationRef,
    Renamed,
    compare_catalogues,
    find_renames,
)
from planner.diff.fields import describe
from planner.diff.impact import (
    BlockerChange,
    ItemChange,
    LayerImpact,
    PackageChange,
    compare_roadmaps,
)
from planner.diff.render import (
    MD_LIMIT,
    layer_summary,
    md_escape,
    render,
    render_markdown,
    render_text,
    summary,
    to_dict,
)
from planner.diff.report import Report, diff
from planner.diff.sources import WORKING_TREE, Side, open_side

__all__ = [
    "MD_LIMIT",
    "WORKING_TREE",
    "BlockerChange",
    "ChangeSet",
    "FieldChange",
    "ItemChange",
    "LayerImpact",
    "MilestoneMove",
    "Named",
    "PackageChange",
    "RelationRef",
    "Renamed",
    "Report",
    "Side",
    "compare_catalogues",
    "compare_roadmaps",
    "describe",
    "diff",
    "find_renames",
    "layer_summary",
    "md_escape",
    "open_side",
    "render",
    "render_markdown",
    "render_text",
    "summary",
    "to_dict",
]
