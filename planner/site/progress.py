"""A one-line progress display for long builds: on a terminal only, never in CI or in a pipe."""

from __future__ import annotations

import os
import time
from typing import TextIO


class Progress:
    """Counts finished steps and redraws one status line, at most ten times a second.

    It draws nothing when `stream` is not a terminal or when ``$CI`` is set, so logs and
    captured output stay clean (and byte-identical between runs).

    Args:
        stream: where to draw (normally standard error).
        label: what is being counted, e.g. ``"building site"``.
    """

    def __init__(self, stream: TextIO, label: str = "building site") -> None:
        self.stream = stream
        self.label = label
        self.enabled = bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("CI")
        self.total = 0
        self.count = 0
        self._drawn = 0.0

    def start(self, total: int) -> None:
        """Begin counting `total` steps."""
        self.total, self.count = total, 0
        self._draw(force=True)

    def advance(self, steps: int = 1) -> None:
        """Count finished steps."""
        self.count += steps
        self._draw()

    def done(self) -> None:
        """Clear the line."""
        if self.enabled:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._drawn < 0.1 and self.count < self.total:
            return
        self._drawn = now
        share = self.count / self.total if self.total else 1.0
        bar = "#" * int(share * 20)
        self.stream.write(f"\r{self.label} [{bar:<20}] {self.count}/{self.total}")
        self.stream.flush()
