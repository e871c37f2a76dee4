"""Choosing which closed cases go into a month's review round (抽取案卷).

The rule is data (``checklists/selection_rules.yaml``): some case types are taken entirely, others
are sampled at random, usually per unit. Because the draw decides whose work is looked at, it must
be reproducible by anyone who doubts it, without this program:

* candidates are put in a stable order, ``(doc_no, case_id)``, never database order;
* every group (a case type, or a case type within one unit) gets its own generator,
  ``random.Random(rng_seed)`` with ``rng_seed = f"{seed}|{case_type}|{unit_id or '*'}"``. A string
  seed is hashed with SHA-512 by the standard library, the same on every platform and Python 3
  version, and is independent of ``PYTHONHASHSEED``. A per-group generator also means that a late
  case added to one unit does not change the draw in any other unit;
* the drawn cases are ``rng.sample(population, count)``, which depends only on the population's
  length and order, so re-running it on the logged ``doc_no`` list yields the logged ``doc_no``\\ s.

The `Selection.log` holds exactly these inputs and outputs, one JSON-serialisable dict per group;
`replay_log` re-runs it.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal
from typing import Any, Protocol

__all__ = [
    "Candidate",
    "Sample",
    "SampleLike",
    "Selection",
    "group_seed",
    "replay_log",
    "sample_size",
    "select_cases",
]


@dataclass(frozen=True)
class Candidate:
    """A closed case that may go into the round.

    Attributes:
        case_id: Database id; breaks ties between equal ``doc_no`` values so the order is total.
        doc_no: The 文书编号 / 案号 people know the case by; the primary sort key, so an auditor
            can rebuild the order from the case register alone.
        case_type: The case-type code (``penalty_general``, ``inspection`` …).
        unit_id: The handling unit; the grouping key of per-unit samples.
    """

    case_id: int
    doc_no: str
    case_type: str
    unit_id: int


class SampleLike(Protocol):
    """Anything shaped like a sample rule (`Sample`, or ``rules.schema.SampleRule``)."""

    @property
    def case_type(self) -> str: ...

    @property
    def percent(self) -> Decimal: ...

    @property
    def per_unit(self) -> bool: ...

    @property
    def minimum(self) -> int: ...


@dataclass(frozen=True)
class Sample:
    """Take a random share of one case type.

    Attributes:
        case_type: The case-type code the rule applies to.
        percent: The share in percent (``Decimal("20")`` = 20 %, as in ``selection_rules.yaml``),
            0 < percent ≤ 100. A group of n cases gives ``ceil(percent × n / 100)`` cases: rounding
            up so a small unit is never skipped by rounding alone.
        per_unit: True: the share is drawn in each unit separately (every unit is looked at);
            False: one draw over the whole type.
        minimum: At least this many from a group that has any case (never more than it has).
    """

    case_type: str
    percent: Decimal
    per_unit: bool = True
    minimum: int = 1


@dataclass(frozen=True)
class Selection:
    """The outcome of `select_cases`.

    Attributes:
        case_ids: The selected cases, ordered by ``(doc_no, case_id)`` so lists and exports are
            stable however the candidates were passed in.
        log: One plain dict per group, in the order the groups were processed (by case type, then
            unit id). Keys: ``case_type``, ``unit_id`` (None for a whole-type group), ``rule``
            (``"all"``, ``"sample"`` or ``"none"``), ``percent`` (str or None), ``minimum``,
            ``rng_seed`` (str or None), ``population`` (doc_nos in ``(doc_no, case_id)`` order),
            ``population_case_ids``, ``count`` (how many were drawn), ``drawn`` (doc_nos in the
            order `random.Random.sample` returned them) and ``drawn_case_ids``.
        seed: The round's seed, kept so the log can be explained.
    """

    case_ids: tuple[int, ...]
    log: list[dict[str, Any]] = field(default_factory=list)
    seed: int = 0


def sample_size(percent: Decimal, population: int, minimum: int) -> int:
    """How many cases a sample rule takes from a group of ``population`` cases.

    ``ceil(percent × population / 100)``, raised to ``minimum`` when the group has any case, and
    never above ``population``. Computed in Decimal (division by 100 is exact) so 20 % of 5 is
    exactly 1, not 1.0000000000000002 rounded up to 2.

    Args:
        percent: Share in percent, 0 < percent ≤ 100.
        population: Number of cases in the group (≥ 0).
        minimum: Floor for a non-empty group (≥ 0).

    Returns:
        The number of cases to draw.
    """
    if population <= 0:
        return 0
    share = (Decimal(percent) * population).scaleb(-2)
    wanted = int(share.to_integral_value(rounding=ROUND_CEILING))
    return min(population, max(minimum, wanted))


def group_seed(seed: int, case_type: str, unit_id: int | None) -> str:
    """The string that seeds one group's generator (see the module docstring for why)."""
    return f"{seed}|{case_type}|{'*' if unit_id is None else unit_id}"


def _validate(candidates: Sequence[Candidate], include_all: set[str], samples: Sequence[SampleLike]) -> None:
    seen: set[int] = set()
    for c in candidates:
        if c.case_id in seen:
            raise ValueError(f"case_id {c.case_id} appears twice among the candidates")
        seen.add(c.case_id)
    sampled = [s.case_type for s in samples]
    dupes = sorted({t for t in sampled if sampled.count(t) > 1})
    if dupes:
        raise ValueError(f"more than one sample rule for case type(s): {', '.join(dupes)}")
    both = sorted(set(sampled) & set(include_all))
    if both:
        raise ValueError(f"case type(s) both taken entirely and sampled: {', '.join(both)}")
    for s in samples:
        p = Decimal(s.percent)
        if not (Decimal(0) < p <= Decimal(100)):
            raise ValueError(f"sample percent for {s.case_type} must be in (0, 100], got {p}")
        if s.minimum < 0:
            raise ValueError(f"sample minimum for {s.case_type} must be ≥ 0, got {s.minimum}")


def _sort_key(c: Candidate) -> tuple[str, int]:
    return (c.doc_no, c.case_id)


def select_cases(
    candidates: Iterable[Candidate],
    *,
    include_all: set[str],
    samples: Sequence[SampleLike],
    seed: int,
) -> Selection:
    """Select the round's cases: every case of ``include_all`` types plus seeded samples.

    Case types covered by neither ``include_all`` nor ``samples`` are not selected; they still get a
    log entry (rule ``"none"``) so the record shows they were considered and left out on purpose.

    Args:
        candidates: The month's closed cases (any order; they are sorted here).
        include_all: Case-type codes taken entirely.
        samples: One sample rule per sampled case type.
        seed: The round's seed. Record it with the round; with the candidates it determines the
            draw completely.

    Returns:
        The selection and its audit log.

    Raises:
        ValueError: Duplicate case ids, a type both included and sampled, two rules for one type,
            or a percent outside (0, 100].
    """
    cands = sorted(candidates, key=_sort_key)
    _validate(cands, include_all, samples)
    rules = {s.case_type: s for s in samples}

    by_type: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_type[c.case_type].append(c)

    log: list[dict[str, Any]] = []
    chosen: list[Candidate] = []
    for case_type in sorted(by_type):
        members = by_type[case_type]
        rule = rules.get(case_type)
        if case_type in include_all or rule is None:
            taken = case_type in include_all
            log.append(_entry(case_type, None, "all" if taken else "none", members, members if taken else []))
            if taken:
                chosen.extend(members)
            continue
        groups: dict[int | None, list[Candidate]] = defaultdict(list)
        for c in members:
            groups[c.unit_id if rule.per_unit else None].append(c)
        for unit_id in sorted(groups, key=lambda u: -1 if u is None else u):
            population = groups[unit_id]  # already in (doc_no, case_id) order
            count = sample_size(Decimal(rule.percent), len(population), rule.minimum)
            rng_seed = group_seed(seed, case_type, unit_id)
            drawn = random.Random(rng_seed).sample(population, count)
            log.append(_entry(case_type, unit_id, "sample", population, drawn, rule=rule, rng_seed=rng_seed))
            chosen.extend(drawn)

    return Selection(case_ids=tuple(c.case_id for c in sorted(chosen, key=_sort_key)), log=log, seed=seed)


def _entry(
    case_type: str,
    unit_id: int | None,
    kind: str,
    population: list[Candidate],
    drawn: list[Candidate],
    *,
    rule: SampleLike | None = None,
    rng_seed: str | None = None,
) -> dict[str, Any]:
    return {
        "case_type": case_type,
        "unit_id": unit_id,
        "rule": kind,
        "percent": None if rule is None else str(rule.percent),
        "minimum": None if rule is None else rule.minimum,
        "rng_seed": rng_seed,
        "population": [c.doc_no for c in population],
        "population_case_ids": [c.case_id for c in population],
        "count": len(drawn),
        "drawn": [c.doc_no for c in drawn],
        "drawn_case_ids": [c.case_id for c in drawn],
    }


def replay_log(log: Sequence[dict[str, Any]]) -> list[str]:
    """Re-run every sampled group from the log alone and report any mismatch.

    This is what an auditor does by hand: for each ``"sample"`` entry, check that the count follows
    from ``percent``/``minimum`` and the population size, and that
    ``random.Random(rng_seed).sample(population, count)`` gives ``drawn``; for ``"all"`` entries,
    that everything was drawn.

    Args:
        log: `Selection.log` (or the same data read back from JSON).

    Returns:
        Human-readable (Chinese) discrepancies; empty when the log is consistent.
    """
    problems: list[str] = []
    for i, e in enumerate(log, start=1):
        where = f"第{i}组（{e['case_type']}，单位{e['unit_id'] if e['unit_id'] is not None else '全部'}）"
        population = list(e["population"])
        if e["rule"] == "all":
            if list(e["drawn"]) != population:
                problems.append(f"{where}：应全部抽取，但记录的抽取结果与案卷清单不一致")
            continue
        if e["rule"] == "none":
            if e["drawn"]:
                problems.append(f"{where}：未设抽取规则，却记录了抽取结果")
            continue
        expected = sample_size(Decimal(e["percent"]), len(population), int(e["minimum"]))
        if expected != e["count"]:
            problems.append(
                f"{where}：按比例{e['percent']}%、最少{e['minimum']}卷应抽{expected}卷，记录为{e['count']}卷"
            )
        again = random.Random(e["rng_seed"]).sample(population, e["count"])
        if again != list(e["drawn"]):
            problems.append(f"{where}：以种子“{e['rng_seed']}”重新抽取得到{again}，与记录{e['drawn']}不一致")
    return problems
