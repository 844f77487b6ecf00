"""The head of a small national act, ``act-r``, that tests complete with their own obligations."""

from __future__ import annotations

ACT_R_HEAD = """\
id: act-r
kind: national-act
title: {en: Example act R, nl: Voorbeeldwet R}
source: s
themes: [data]
sources:
  s: {url: https://example.org/act-r, title: Act R, accessed: 2026-01-01}
obligations:
"""
"""Everything of ``act-r`` up to its obligations (a source, a theme); add ``  - id: act-r....`` entries."""
