"""Stage loads of one layer with a capacity, and the first stage with room for more effort."""

from __future__ import annotations

from planner.schedule.model import Rule

EPSILON = 1e-9
"""Efforts are decimals: 0.1 + 0.2 must still fit a capacity of 0.3."""


class StageLoads:
    """Effort placed per stage for one layer with a capacity: a growable min-segment tree.

    ``place`` finds the first stage from `earliest` with room in O(log stages): full stages are
    skipped by the tree, never walked one by one. Efforts differ, so whether a stage is "full"
    depends on what is placed: a union-find over full stages would still walk the stages that
    are partly filled; the tree answers "first stage with load at most capacity - effort" exactly.

    >>> loads = StageLoads(2.0)
    >>> [loads.place(1.0, 0, None)[0] for _ in range(5)]
    [0, 0, 1, 1, 2]
    >>> loads.place(1.0, 0, 1)
    (0, 'deadline-forced')
    >>> loads.place(3.0, 0, None)  # too big for any stage: an empty one
    (3, 'capacity')
    """

    def __init__(self, capacity: float) -> None:
        self.capacity = capacity
        self.size = 1
        self.tree = [0.0, 0.0]

    def _grow(self, stage: int) -> None:
        if stage < self.size:
            return
        size = self.size
        while size <= stage:
            size *= 2
        tree = [0.0] * (2 * size)
        tree[size : size + self.size] = self.tree[self.size :]
        for i in range(size - 1, 0, -1):
            tree[i] = min(tree[2 * i], tree[2 * i + 1])
        self.size, self.tree = size, tree

    def load(self, stage: int) -> float:
        """The effort placed in `stage`."""
        return self.tree[self.size + stage] if stage < self.size else 0.0

    def add(self, stage: int, effort: float) -> None:
        """Add `effort` to `stage`."""
        self._grow(stage)
        i = self.size + stage
        self.tree[i] += effort
        while i > 1:
            i //= 2
            self.tree[i] = min(self.tree[2 * i], self.tree[2 * i + 1])

    def first_at_most(self, start: int, limit: float) -> int:
        """The first stage from `start` whose load is at most `limit` (stages past the tree are empty)."""
        if start >= self.size:
            return start
        found = self._search(1, 0, self.size, start, limit)
        return self.size if found is None else found

    def _search(self, node: int, lo: int, hi: int, start: int, limit: float) -> int | None:
        if hi <= start or self.tree[node] > limit:
            return None
        if hi - lo == 1:
            return lo
        mid = (lo + hi) // 2
        left = self._search(2 * node, lo, mid, start, limit)
        return left if left is not None else self._search(2 * node + 1, mid, hi, start, limit)

    def least_loaded(self, lo: int, hi: int) -> int:
        """The least loaded stage in [lo, hi], the earliest of equals."""
        self._grow(hi)
        best = float("inf")
        left, right = lo + self.size, hi + self.size + 1
        while left < right:
            if left & 1:
                best, left = min(best, self.tree[left]), left + 1
            if right & 1:
                right -= 1
                best = min(best, self.tree[right])
            left, right = left // 2, right // 2
        return self.first_at_most(lo, best)

    def fits(self, start: int, span: int, limit: float) -> int | None:
        """The first stage in ``[start, start + span)`` whose load is over `limit`, or None."""
        return next((s for s in range(start, start + span) if self.load(s) > limit), None)

    def place(self, effort: float, earliest: int, deadline: int | None, span: int = 1) -> tuple[int, Rule]:
        """Put `effort`, spread over `span` stages, in the first run of stages from `earliest` with room.

        When that start is after `deadline` (the latest start that keeps the due date), the
        work is forced in at the least loaded start by the deadline.

        Returns:
            The first stage and the rule that chose it: ``earliest``, ``capacity`` (later
            because earlier stages were full) or ``deadline-forced`` (over capacity).

        >>> loads = StageLoads(10.0)
        >>> loads.place(10.0, 0, None, span=2), loads.load(0), loads.load(1)
        ((0, 'earliest'), 5.0, 5.0)
        >>> loads.place(12.0, 0, None, span=2)  # 6 a stage: stages 0 and 1 hold 5 already
        (2, 'capacity')
        """
        per = effort / span
        # work larger than the capacity fits no run of stages: it gets empty ones to itself
        limit = self.capacity - per + EPSILON if per <= self.capacity + EPSILON else 0.0
        stage = earliest
        while True:
            stage = self.first_at_most(stage, limit)
            full = self.fits(stage, span, limit)
            if full is None:
                break
            stage = full + 1
        rule = Rule.EARLIEST if stage == earliest else Rule.CAPACITY
        if deadline is not None and earliest <= deadline < stage:
            stage, rule = self.least_loaded(earliest, deadline), Rule.DEADLINE_FORCED
        for s in range(stage, stage + span):
            self.add(s, per)
        return stage, rule
