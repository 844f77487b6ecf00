"""The house plan: shared foundations built once for many, and where the house stands.

- :mod:`~planner.house.model`: collective arrangements (``collectives.yaml``): who provides
  what once for many organisations, and what is left to each;
- :mod:`~planner.house.load`: reading ``collectives.yaml`` into the catalogue, every problem
  located, and the checks of scenarios that move a collective's delivery;
- :mod:`~planner.house.use`: which collectives an organisation uses and what share of an
  obligation's effort is left to it;
- :mod:`~planner.house.status`: many organisation files aggregated into per obligation × layer
  counts of each state (``planner status DIR``).
"""
