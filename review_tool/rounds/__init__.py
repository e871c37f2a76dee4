"""rounds: the pure algorithms of a monthly review round (stdlib only, no database, no Qt).

- `selection`: which closed cases go into the round (seeded, auditable draw).
- `assignment`: who reviews which case (hard constraints, exact balance, explained proposal).
- `reconcile`: comparing several reviewers' item results for one case.
- `calibration`: each reviewer's deviation from the agreed results (signed/absolute, Cohen's kappa).
"""
