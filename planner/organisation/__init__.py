"""One organisation's view of the catalogue: its answers, what it has in place, its capacity.

- :mod:`~planner.organisation.model`: the organisation file (a contract) and its states;
- :mod:`~planner.organisation.load`: reading an organisation file, every problem located;
- :mod:`~planner.organisation.profile`: the profile the scheduler plans with (answers merged
  over the layer's default answers, states, capacity) and applicability.
"""
