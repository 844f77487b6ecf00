"""planner: one coherent implementation plan for EU digital law across the Dutch government."""

__version__ = "0.1.0"
