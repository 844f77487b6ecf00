"""The published site: ``planner build``.

The package follows the data flow, one module per stage:

- :mod:`~planner.site.refs`, :mod:`~planner.site.catalogue_pages`, :mod:`~planner.site.plan_pages`,
  :mod:`~planner.site.search`: the catalogue, plan and analysis turned into typed page contexts
  (:mod:`~planner.site.context`, :mod:`~planner.site.plan_context`,
  :mod:`~planner.site.catalogue_context`; plan pages read :mod:`planner.view`), with words from :mod:`~planner.site.i18n` and catalogue
  Markdown made safe by :mod:`~planner.site.markdown`;
- :mod:`~planner.site.layout`, :mod:`~planner.site.svg`, :mod:`~planner.site.timeline`: the pictures,
  in the colours of :mod:`~planner.site.palette`;
- :mod:`~planner.site.render`: the Jinja environment that turns contexts into HTML;
- :mod:`~planner.site.build`: the pages of a site (:func:`~planner.site.build.page_specs`), and a
  fresh site in memory as ``{path: bytes}``;
- :mod:`~planner.site.pipeline`, :mod:`~planner.site.incremental`: files made one by one, in a
  process pool where it pays, only those whose inputs changed (the site's manifest);
- :mod:`~planner.site.writer`: all-or-nothing writing of the stream, and ``--check``;
- :mod:`~planner.site.serve`: the local preview that rebuilds when the catalogue changes;
- :mod:`~planner.site.progress`: the progress line on a terminal.
"""

import os

MARKER = ".planner-site"
MARKER_TEXT = (
    b"This folder is a site made by `planner build`. Each build replaces its whole content;\n"
    b"do not keep other files here.\n"
)
"""A file in every built site: the writer only replaces folders that carry it (or empty ones)."""


def build_jobs() -> int:
    """How many processes a build may keep busy: ``$PLANNER_BUILD_JOBS``, else one per core."""
    wanted = os.environ.get("PLANNER_BUILD_JOBS", "")
    return int(wanted) if wanted.isdigit() and int(wanted) > 0 else (os.cpu_count() or 1)
