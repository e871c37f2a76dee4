"""Proposing who reviews which case in a round (交叉互评 assignment).

Pure algorithm: no database, no Qt. The caller turns its rows into `CaseDemand` and `ReviewerInfo`
values (it also computes each case's ``unit_key``, the handling unit at the configured
``same_unit_level``), calls `propose_assignment`, shows the `Proposal` to the legal officer and
stores what is deployed. `check_manual` warns about a manual override.

Hard constraints (never broken by a proposal):

* a reviewer never reviews a case they handled (``officer_id`` in ``handler_officer_ids``);
* never a case of their own unit (``reviewer.unit_key == case.unit_key``; ``unit_key`` None means
  支队法制科 staff, who may review any unit);
* never a case or unit they declared a conflict with (a unit conflict covers cases whose
  ``unit_id`` *or* ``unit_key`` is listed);
* only available reviewers, at most ``max_cases`` cases each when a reviewer has such a limit;
* exactly ``per_case`` distinct reviewers per case.

Soft goals, in priority order:

(a) **Balanced case counts**, exactly (see "Balanced" below).
(b) Pages and recording minutes balanced: each reviewer's pages (and minutes) within
    ``workload_tolerance`` (default ±20 %) of their fair share, ``cases × mean per case``.
(c) No reciprocal unit pairs in the round (unit A's reviewers review B while B's review A).
(d) Rotation: prefer reviewer–unit pairings that occurred least often in `PairHistory`.

The seed only breaks ties (random tie-break weights and the greedy start), so the same inputs and
seed always give the same proposal.

Balanced
--------
Let the *active* reviewers be the available ones with capacity (``max_cases`` ≠ 0) who are
eligible for at least one case of the round; reviewers eligible for nothing are left out of every
statement below (they necessarily get 0 cases). The proposal's vector of case counts over the
active reviewers is **decreasingly minimal** (Frank & Murota, "Discrete decreasing minimization",
2021) among all assignments satisfying the hard constraints, which is the same as having the least
possible sum of squared case counts. Because the load vectors of all feasible assignments form an
M-convex set (they are the reviewer-side degrees of an integral network flow), this one property
implies all of the following at once:

* the largest case count is as small as any feasible assignment allows;
* the smallest case count is as large as any feasible assignment allows;
* hence the spread (largest − smallest) is the least possible, and in particular **spread ≤ 1
  whenever some feasible assignment has spread ≤ 1** — the guarantee the legal officer relies on.

When eligibility is uneven (a reviewer eligible for only one case, a unit that may review only a
few cases) spread ≤ 1 may be impossible; the proposal is then "as balanced as the constraints
allow" in the precise sense above, and a warning says so with the actual range.

How it is computed
------------------
1. Eligibility per pair; per-case shortages are reported with the constraint that caused them.
2. A greedy start (larger files first; for each, eligible reviewers still below the balanced
   maximum ``ceil(per_case × cases / active)``, preferring those who close no reciprocal pair, then
   the least-reviewed pairing, then the least loaded), completed to a feasible assignment by
   augmenting paths (max-flow); if no augmenting path exists, the residual graph's reachable set is
   a Hall-type violator: a group of cases that together need more reviewer-slots than their
   eligible reviewers can give (``"capacity"``).
3. Exact balancing: while some reviewer *i* can pass one case to a reviewer *j* with
   ``load[j] ≤ load[i] − 2`` along an alternating path of the residual flow graph, do so. For an
   M-convex set, a vector admitting no such step is decreasingly minimal; each step lowers the sum
   of squares by at least 2, so this ends.
4. Local search for goals (b)–(d): swaps of two assignments between two reviewers, and transfers
   between reviewers whose counts differ by exactly one; both keep the multiset of case counts, so
   (a) stays optimal. A move is taken only if it lowers the tuple (workload excess, reciprocal
   pairs, reciprocal volume, rotation) lexicographically; the seeded tie-break weight only chooses
   among equally good moves. Workload excess is the part of each reviewer's pages and minutes
   outside the band, each divided by its mean per case so both weigh alike. (b)–(d) are heuristic: exact
   page balancing is NP-hard (it contains PARTITION), so a local optimum is what is promised.

Why not a single min-cost flow: goal (a) needs no costs at all (step 3 is exact), and goals (b) and
(c) are not linear in the assignment (a page *band* per reviewer; reciprocity depends on pairs of
assignments), so one min-cost flow would only optimise a proxy of them. Successive-shortest-path
min-cost flow in pure Python would also need 300 Dijkstra runs over ~4,500 arcs (estimated at
around a second), while the steps above measured 0.1–0.4 s for 150 cases × 2 reviewers × 30
reviewers.
"""

from __future__ import annotations

import random
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Literal

__all__ = [
    "Blocker",
    "CONSTRAINT_LABELS",
    "CaseDemand",
    "Constraint",
    "InfeasibleAssignment",
    "PairHistory",
    "Proposal",
    "ReviewerInfo",
    "ReviewerLoad",
    "check_manual",
    "exclusions",
    "propose_assignment",
]

Constraint = Literal["handler", "same_unit", "conflict_case", "conflict_unit", "unavailable", "capacity"]

#: Order in which a reviewer's exclusion from a case is attributed to one constraint when several
#: apply (so the counts in a diagnosis add up to the number of reviewers).
ATTRIBUTION_ORDER: tuple[Constraint, ...] = (
    "unavailable",
    "handler",
    "same_unit",
    "conflict_case",
    "conflict_unit",
    "capacity",
)

#: Chinese labels for the constraints, as a legal officer reads them.
CONSTRAINT_LABELS: dict[str, str] = {
    "unavailable": "本月不能参加评查",
    "handler": "系本案承办人",
    "same_unit": "与承办人同单位",
    "conflict_case": "申报回避本案",
    "conflict_unit": "申报回避该单位",
    "capacity": "评查量已达上限",
}


@dataclass(frozen=True)
class CaseDemand:
    """One case of the round, as the assignment needs to see it.

    Attributes:
        case_id: Database id.
        doc_no: The case number people know it by (used in messages).
        unit_key: The handling unit at the configured same-unit level (e.g. the 大队 above a 中队);
            a reviewer with the same ``unit_key`` may not review the case. Computed by the caller.
        unit_id: The handling unit itself (a 中队, a 乡镇 …); conflicts may name it.
        handler_officer_ids: The case's handling officers (承办人); never its reviewers.
        pages: Page count of the file (workload balancing).
        recording_minutes: Total minutes of body-camera recordings (workload balancing).
    """

    case_id: int
    doc_no: str
    unit_key: int
    unit_id: int
    handler_officer_ids: frozenset[int] = frozenset()
    pages: int = 0
    recording_minutes: int = 0


@dataclass(frozen=True)
class ReviewerInfo:
    """A possible reviewer (评查员) this month.

    Attributes:
        reviewer_id: The reviewer's user id.
        name: Shown in reasons and warnings.
        officer_id: The officer record behind the user, if any (to recognise handlers).
        unit_key: Their unit at the same-unit level; None for 支队法制科 staff, who may review any unit.
        unit_id: Their own unit (informational).
        available: False = away this month; never assigned.
        conflict_case_ids: Cases they declared a conflict of interest with (回避).
        conflict_unit_ids: Units they declared a conflict with; blocks cases whose ``unit_id`` or
            ``unit_key`` is listed.
        max_cases: Optional upper limit of cases this round (None = no limit). With limits, cases
            that are each fine alone may together be impossible (a "capacity" blocker).
    """

    reviewer_id: int
    name: str
    officer_id: int | None = None
    unit_key: int | None = None
    unit_id: int | None = None
    available: bool = True
    conflict_case_ids: frozenset[int] = frozenset()
    conflict_unit_ids: frozenset[int] = frozenset()
    max_cases: int | None = None


@dataclass(frozen=True)
class PairHistory:
    """How often each reviewer reviewed cases of each unit in past rounds (for rotation).

    Attributes:
        counts: ``(reviewer_id, unit_key) -> number of cases`` over the window.
        months: Length of the window in months, for the wording of reasons (None = unspecified).
    """

    counts: Mapping[tuple[int, int], int] = field(default_factory=dict)
    months: int | None = None

    def count(self, reviewer_id: int, unit_key: int) -> int:
        """Past cases of ``unit_key`` that ``reviewer_id`` reviewed (0 if never)."""
        return int(self.counts.get((reviewer_id, unit_key), 0))

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[int, int]], months: int | None = None) -> PairHistory:
        """Build from one ``(reviewer_id, unit_key)`` tuple per past assignment."""
        counts: dict[tuple[int, int], int] = defaultdict(int)
        for pair in pairs:
            counts[pair] += 1
        return cls(counts=dict(counts), months=months)


@dataclass(frozen=True)
class Blocker:
    """One reason why no assignment exists.

    For a per-case shortage (``constraint`` other than ``"capacity"``, or ``"capacity"`` when a
    reviewer's limit is 0 or there are simply too few reviewers): ``demand`` is ``per_case``,
    ``eligible`` the reviewers left for the case, ``removed`` how many this constraint excluded
    (each excluded reviewer counted once, under the first constraint in `ATTRIBUTION_ORDER`).

    For a joint shortage (``constraint == "capacity"`` with ``group`` non-empty): ``demand`` is the
    reviewer-slots the group of cases needs together (``per_case × len(group)``) and ``eligible`` the
    slots their eligible reviewers can still give under their ``max_cases`` limits.

    Attributes:
        case_id: The case concerned.
        doc_no: Its number.
        constraint: Which constraint.
        demand: See above.
        eligible: See above.
        detail: A Chinese sentence for the legal officer.
        removed: Reviewers this constraint excluded from the case (per-case blockers).
        reviewer_ids: Those reviewers (per-case) or the group's eligible reviewers (capacity).
        group: For a joint shortage, all case ids of the group.
    """

    case_id: int
    doc_no: str
    constraint: Constraint
    demand: int
    eligible: int
    detail: str
    removed: int = 0
    reviewer_ids: tuple[int, ...] = ()
    group: tuple[int, ...] = ()


class InfeasibleAssignment(Exception):
    """No assignment satisfies the hard constraints; `blockers` say why, case by case."""

    def __init__(self, blockers: list[Blocker]) -> None:
        self.blockers = blockers
        per_case = sorted({b.doc_no for b in blockers if not b.group})
        joint = sorted({b.doc_no for b in blockers if b.group})
        parts = []
        if per_case:
            parts.append(f"{len(per_case)}卷符合条件的评查员不足（{'、'.join(per_case)}）")
        if joint:
            parts.append(f"{len(joint)}卷单独可以分配，但合计超出评查员可承担的数量（{'、'.join(joint)}）")
        super().__init__("无法生成分配方案：" + "；".join(parts))


@dataclass(frozen=True)
class ReviewerLoad:
    """What one reviewer got in the proposal."""

    reviewer_id: int
    cases: int
    pages: int
    minutes: int


@dataclass(frozen=True)
class Proposal:
    """A proposed assignment, with the facts that justify it.

    Attributes:
        assignments: ``case_id -> reviewer ids`` (sorted), for every case of the round.
        reasons: ``(case_id, reviewer_id) -> Chinese explanation`` built from the solution's facts.
        loads: ``reviewer_id -> ReviewerLoad`` for every available reviewer (zero loads included).
        warnings: Chinese warnings: unavoidable imbalance, reciprocal pairs not avoided, workload
            outside the tolerance, reviewers with nothing to review.
        active_reviewer_ids: The reviewers the balance guarantee is about (see module docstring).
        spread: Largest minus smallest case count over the active reviewers.
        reciprocal_pairs: Unordered unit pairs that review each other in this proposal.
        rotation_cost: Sum over assignments of the pair's `PairHistory` count.
        case_notes: ``case_id -> Chinese summary`` (eligibility and exclusions), used by `explain`.
        seed: The seed the proposal was made with.
        per_case: Reviewers per case.
    """

    assignments: dict[int, tuple[int, ...]]
    reasons: dict[tuple[int, int], str]
    loads: dict[int, ReviewerLoad]
    warnings: list[str]
    active_reviewer_ids: tuple[int, ...] = ()
    spread: int = 0
    reciprocal_pairs: tuple[tuple[int, int], ...] = ()
    rotation_cost: int = 0
    case_notes: dict[int, str] = field(default_factory=dict)
    seed: int = 0
    per_case: int = 0

    @property
    def is_balanced(self) -> bool:
        """True when the active reviewers' case counts differ by at most one."""
        return self.spread <= 1

    def explain(self, case_id: int) -> str:
        """A multi-line Chinese explanation of one case's assignment.

        Raises:
            KeyError: ``case_id`` is not in the proposal.
        """
        lines = [self.case_notes[case_id]]
        for rid in self.assignments[case_id]:
            lines.append(f"- {self.reasons[(case_id, rid)]}")
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------------
# Eligibility
# --------------------------------------------------------------------------------------------------


def exclusions(case: CaseDemand, reviewer: ReviewerInfo) -> tuple[Constraint, ...]:
    """The hard constraints that forbid ``reviewer`` from reviewing ``case`` (empty = eligible).

    Capacity is not included here (it depends on the rest of the assignment), except a
    ``max_cases`` of 0, which forbids every case.
    """
    out: list[Constraint] = []
    if not reviewer.available:
        out.append("unavailable")
    if reviewer.officer_id is not None and reviewer.officer_id in case.handler_officer_ids:
        out.append("handler")
    if reviewer.unit_key is not None and reviewer.unit_key == case.unit_key:
        out.append("same_unit")
    if case.case_id in reviewer.conflict_case_ids:
        out.append("conflict_case")
    if case.unit_id in reviewer.conflict_unit_ids or case.unit_key in reviewer.conflict_unit_ids:
        out.append("conflict_unit")
    if reviewer.max_cases is not None and reviewer.max_cases <= 0:
        out.append("capacity")
    return tuple(out)


def _unit_label(unit_names: Mapping[int, str] | None, key: int | None) -> str:
    if key is None:
        return "支队法制科"
    if unit_names and key in unit_names:
        return unit_names[key]
    return f"单位{key}"


def check_manual(
    case: CaseDemand,
    reviewer: ReviewerInfo,
    *,
    assigned_to_case: Iterable[int] = (),
    reviewer_case_count: int | None = None,
    unit_names: Mapping[int, str] | None = None,
) -> list[str]:
    """The hard constraints a manual assignment of ``reviewer`` to ``case`` would break.

    Used by the UI to warn (not to forbid: the legal officer decides) when they override the
    proposal by hand.

    Args:
        case: The case.
        reviewer: The reviewer the officer wants to put on it.
        assigned_to_case: Reviewer ids already on the case (to catch the same reviewer twice).
        reviewer_case_count: Cases the reviewer already has this round, to check ``max_cases``.
        unit_names: Unit id → name, for the messages.

    Returns:
        Chinese messages, empty when the assignment breaks no hard constraint.
    """
    msgs: list[str] = []
    who = reviewer.name
    for constraint in exclusions(case, reviewer):
        if constraint == "unavailable":
            msgs.append(f"{who}本月标记为不能参加评查")
        elif constraint == "handler":
            msgs.append(f"{who}是本案（{case.doc_no}）的承办人，不得评查本人承办的案卷")
        elif constraint == "same_unit":
            unit = _unit_label(unit_names, case.unit_key)
            msgs.append(f"{who}与本案承办单位同属{unit}，交叉互评不得评查本单位案卷")
        elif constraint == "conflict_case":
            msgs.append(f"{who}已申报回避本案（{case.doc_no}）")
        elif constraint == "conflict_unit":
            hit = case.unit_id if case.unit_id in reviewer.conflict_unit_ids else case.unit_key
            msgs.append(f"{who}已申报回避{_unit_label(unit_names, hit)}的案卷")
        elif constraint == "capacity":
            msgs.append(f"{who}本轮评查量上限为0卷")
    if reviewer.reviewer_id in set(assigned_to_case):
        msgs.append(f"{who}已分配评查本案，同一案卷不能重复分配给同一人")
    if (
        reviewer.max_cases is not None
        and reviewer.max_cases > 0
        and reviewer_case_count is not None
        and reviewer_case_count >= reviewer.max_cases
    ):
        msgs.append(f"{who}本轮已分配{reviewer_case_count}卷，达到其上限{reviewer.max_cases}卷")
    return msgs


# --------------------------------------------------------------------------------------------------
# The solver
# --------------------------------------------------------------------------------------------------


def _validate(cases: Sequence[CaseDemand], reviewers: Sequence[ReviewerInfo], per_case: int) -> None:
    if per_case < 1:
        raise ValueError(f"per_case must be at least 1, got {per_case}")
    ids = [c.case_id for c in cases]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate case_id among the cases")
    rids = [r.reviewer_id for r in reviewers]
    if len(set(rids)) != len(rids):
        raise ValueError("duplicate reviewer_id among the reviewers")
    for c in cases:
        if c.pages < 0 or c.recording_minutes < 0:
            raise ValueError(f"case {c.doc_no}: pages and recording_minutes must be ≥ 0")


class _Solver:
    """Mutable working state; indices: ``ci`` into ``cases``, ``ri`` into ``revs``."""

    def __init__(
        self,
        cases: list[CaseDemand],
        revs: list[ReviewerInfo],
        per_case: int,
        seed: int,
        history: PairHistory,
        tolerance: Fraction,
    ) -> None:
        self.cases = cases
        self.revs = revs
        self.k = per_case
        self.history = history
        nc, nr = len(cases), len(revs)
        rng = random.Random(seed)
        # Tie-break weights: one draw per pair in a fixed order, so a seed fixes them completely.
        self.tb = [[rng.getrandbits(24) for _ in range(nr)] for _ in range(nc)]
        self.case_tb = [rng.getrandbits(24) for _ in range(nc)]

        self.elig: list[list[int]] = []
        self.elig_set: list[set[int]] = []
        for c in cases:
            ok = [ri for ri, r in enumerate(revs) if not exclusions(c, r)]
            self.elig.append(ok)
            self.elig_set.append(set(ok))
        self.cap = [
            min(r.max_cases if r.max_cases is not None else nc, sum(1 for e in self.elig_set if ri in e))
            for ri, r in enumerate(revs)
        ]
        self.page = [c.pages for c in cases]
        self.mins = [c.recording_minutes for c in cases]
        self.cunit = [c.unit_key for c in cases]
        self.runit: list[int | None] = [r.unit_key for r in revs]
        self.hist = [[history.count(r.reviewer_id, c.unit_key) for c in cases] for r in revs]

        self.assigned: list[set[int]] = [set() for _ in range(nc)]
        self.cases_of: list[set[int]] = [set() for _ in range(nr)]
        self.load = [0] * nr
        self.pg = [0] * nr
        self.mn = [0] * nr
        self.recip: dict[tuple[int, int], int] = defaultdict(int)

        # Workload excess in exact integers (see _excess).
        self.n = nc
        self.P = sum(self.page)
        self.M = sum(self.mins)
        if self.P > 0 and self.M > 0:
            self.wp, self.wm = self.M, self.P
        else:
            self.wp, self.wm = (1 if self.P > 0 else 0), (1 if self.M > 0 else 0)
        self.tn, self.td = tolerance.numerator, tolerance.denominator
        self.exc = [0] * nr
        self.evaluations = 0

    # ---- bookkeeping -----------------------------------------------------------------------------

    def _add(self, ci: int, ri: int) -> None:
        self.assigned[ci].add(ri)
        self.cases_of[ri].add(ci)
        self.load[ri] += 1
        self.pg[ri] += self.page[ci]
        self.mn[ri] += self.mins[ci]
        ru = self.runit[ri]
        if ru is not None:
            self.recip[(ru, self.cunit[ci])] += 1

    def _remove(self, ci: int, ri: int) -> None:
        self.assigned[ci].discard(ri)
        self.cases_of[ri].discard(ci)
        self.load[ri] -= 1
        self.pg[ri] -= self.page[ci]
        self.mn[ri] -= self.mins[ci]
        ru = self.runit[ri]
        if ru is not None:
            self.recip[(ru, self.cunit[ci])] -= 1

    def _excess(self, load: int, pages: int, minutes: int) -> int:
        """Workload outside the tolerance band, scaled to an exact integer.

        A reviewer with ``load`` cases has the fair share ``load × P / n`` pages; the excess is
        ``max(0, |pages − share| − tol × share)``, divided by the mean pages per case so pages and
        minutes weigh alike, and the two added. The value returned is that sum times
        ``td × P × M`` (tolerance = tn/td; a factor is dropped when P or M is 0): an exact integer
        that orders solutions the same way.
        """
        ep = self.td * abs(self.n * pages - load * self.P) - self.tn * load * self.P
        em = self.td * abs(self.n * minutes - load * self.M) - self.tn * load * self.M
        return self.wp * (ep if ep > 0 else 0) + self.wm * (em if em > 0 else 0)

    def _creates_reciprocity(self, case_unit: int, reviewer_unit: int | None) -> int:
        """1 if a reviewer of ``reviewer_unit`` on a case of ``case_unit`` closes a reciprocal pair."""
        if reviewer_unit is None:
            return 0
        return 1 if self.recip.get((case_unit, reviewer_unit), 0) > 0 else 0

    def _refresh_excess(self, ri: int) -> None:
        self.exc[ri] = self._excess(self.load[ri], self.pg[ri], self.mn[ri])

    # ---- 1. feasibility --------------------------------------------------------------------------

    def initial(self) -> list[int]:
        """Greedy start; returns the cases still short of reviewers after augmenting."""
        k = self.k
        order = sorted(
            range(len(self.cases)),
            key=lambda ci: (-(self.page[ci] * self.wp + self.mins[ci] * self.wm), self.case_tb[ci]),
        )
        n_active = sum(1 for c in self.cap if c > 0)
        target = -(-k * len(self.cases) // n_active) if n_active else 0  # ceil: the balanced maximum
        for ci in order:
            u = self.cunit[ci]
            options = [ri for ri in self.elig[ci] if self.load[ri] < self.cap[ri]]
            options.sort(
                key=lambda ri: (
                    self.load[ri] >= target,
                    self._creates_reciprocity(u, self.runit[ri]),
                    self.hist[ri][ci],
                    self.load[ri],
                    self.pg[ri] * self.wp + self.mn[ri] * self.wm,
                    self.tb[ci][ri],
                )
            )
            for ri in options[:k]:
                self._add(ci, ri)
        short: list[int] = []
        for ci in sorted(range(len(self.cases)), key=lambda ci: (len(self.elig[ci]), ci)):
            while len(self.assigned[ci]) < k:
                if not self._augment(ci):
                    short.append(ci)
                    break
        return short

    def _augment(self, c0: int) -> bool:
        """Give case ``c0`` one more reviewer along an alternating path (one max-flow augmentation)."""
        parent_rev: dict[int, int] = {}  # reviewer -> case it takes
        parent_case: dict[int, int] = {}  # case -> reviewer that gives it up
        seen_cases = {c0}
        queue = deque([c0])
        while queue:
            c = queue.popleft()
            for ri in self.elig[c]:
                if ri in parent_rev or ri in self.assigned[c]:
                    continue
                parent_rev[ri] = c
                if self.load[ri] < self.cap[ri]:
                    while True:
                        c_take = parent_rev[ri]
                        self._add(c_take, ri)
                        if c_take == c0:
                            return True
                        ri_prev = parent_case[c_take]
                        self._remove(c_take, ri_prev)
                        ri = ri_prev
                for c2 in sorted(self.cases_of[ri]):
                    if c2 not in seen_cases:
                        seen_cases.add(c2)
                        parent_case[c2] = ri
                        queue.append(c2)
        return False

    def hall_violator(self, c0: int) -> tuple[list[int], list[int], int]:
        """After a failed augmentation from ``c0``: the cases reachable in the residual graph, their
        eligible reviewers, and the reviewer-slots those reviewers can give them (the cut)."""
        seen_cases = {c0}
        seen_revs: set[int] = set()
        queue = deque([c0])
        while queue:
            c = queue.popleft()
            for ri in self.elig[c]:
                if ri in seen_revs or ri in self.assigned[c]:
                    continue
                seen_revs.add(ri)
                for c2 in self.cases_of[ri]:
                    if c2 not in seen_cases:
                        seen_cases.add(c2)
                        queue.append(c2)
        group = sorted(seen_cases)
        revs = sorted({ri for ci in group for ri in self.elig[ci]})
        # Slots: every reachable reviewer gives its full capacity; an unreachable eligible reviewer is
        # already on that case, so it gives exactly that one slot.
        slots = sum(self.cap[ri] for ri in seen_revs) + sum(
            1 for ci in group for ri in self.elig[ci] if ri not in seen_revs
        )
        return group, revs, slots

    # ---- 2. exact balance ------------------------------------------------------------------------

    def balance(self, active: list[int]) -> None:
        """Apply 1-tightening steps until none exists (then the load vector is dec-min)."""
        while True:
            moved = False
            for ri in sorted(active, key=lambda r: (-self.load[r], self.revs[r].reviewer_id)):
                low = min(self.load[r] for r in active)
                if self.load[ri] < low + 2:
                    break
                if self._tighten(ri):
                    moved = True
            if not moved:
                return

    def _tighten(self, i: int) -> bool:
        """Move one case's worth of load from ``i`` to the least-loaded reachable reviewer j with
        ``load[j] ≤ load[i] − 2`` along an alternating path; False if there is none."""
        limit = self.load[i] - 2
        parent_rev: dict[int, int] = {}
        parent_case: dict[int, int] = {}
        seen_revs = {i}
        queue = deque([i])
        best: int | None = None
        while queue:
            r = queue.popleft()
            for c in sorted(self.cases_of[r]):
                if c in parent_case:
                    continue
                parent_case[c] = r
                for r2 in self.elig[c]:
                    if r2 in seen_revs or r2 in self.assigned[c]:
                        continue
                    seen_revs.add(r2)
                    parent_rev[r2] = c
                    if self.load[r2] <= limit and self.load[r2] < self.cap[r2]:
                        if best is None or self.load[r2] < self.load[best]:
                            best = r2
                    queue.append(r2)
        if best is None:
            return False
        r = best
        while True:
            c = parent_rev[r]
            giver = parent_case[c]
            self._add(c, r)
            self._remove(c, giver)
            if giver == i:
                return True
            r = giver

    # ---- 3. local search -------------------------------------------------------------------------

    def _bad(self) -> list[tuple[int, int]]:
        """Assignments worth trying to move: a reviewer over/under the workload band, a pairing that
        is part of a reciprocal pair, or a pairing with history."""
        out = []
        for ci, rs in enumerate(self.assigned):
            for ri in rs:
                u, ru = self.cunit[ci], self.runit[ri]
                if (
                    self.exc[ri] > 0
                    or self.hist[ri][ci] > 0
                    or (ru is not None and self.recip.get((u, ru), 0) > 0)
                ):
                    out.append((ci, ri))
        out.sort(key=lambda p: (-self.exc[p[1]], self.cases[p[0]].doc_no, p[0], self.revs[p[1]].reviewer_id))
        return out

    def improve(self, max_passes: int, max_evaluations: int) -> None:
        """Best-improvement local search over swaps/transfers of the "bad" assignments.

        A move is taken when it lowers (workload excess, reciprocal pairs, reciprocal volume,
        rotation) lexicographically; the seeded tie-break weight only chooses among equally good
        moves. After the first pass an assignment is re-examined only if a reviewer in its
        neighbourhood changed ("don't look bits"); when such a pass finds nothing, one full pass
        confirms the local optimum before stopping.
        """
        for ri in range(len(self.revs)):
            self._refresh_excess(ri)
        excess = self._excess
        page, mins, cunit, runit = self.page, self.mins, self.cunit, self.runit
        load, pg, mn, exc, cap = self.load, self.pg, self.mn, self.exc, self.cap
        hist, tb, assigned, cases_of = self.hist, self.tb, self.assigned, self.cases_of
        elig, elig_set = self.elig, self.elig_set
        recip_get = self.recip.get
        zero4 = (0, 0, 0, 0)
        touched: set[int] | None = None  # None: examine everything
        for _ in range(max_passes):
            now_touched: set[int] = set()
            for ci, ri in self._bad():
                if ri not in assigned[ci]:
                    continue
                if touched is not None and ri not in touched and touched.isdisjoint(elig_set[ci]):
                    continue
                if self.evaluations >= max_evaluations:
                    return
                asg_ci = assigned[ci]
                L1, P1, M1, E1 = load[ri], pg[ri], mn[ri], exc[ri]
                p1, m1, u1, ru1 = page[ci], mins[ci], cunit[ci], runit[ri]
                h_ri, h11, t11 = hist[ri], hist[ri][ci], tb[ci][ri]
                tb_ci = tb[ci]
                best: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)
                best_move: tuple[int, int, int] | None = None  # (r2, c2 or -1 for a transfer)
                for r2 in elig[ci]:
                    if r2 in asg_ci:
                        continue
                    L2, P2, M2, E2 = load[r2], pg[r2], mn[r2], exc[r2]
                    ru2 = runit[r2]
                    h_r2 = hist[r2]
                    if L1 == L2 + 1 and L2 < cap[r2]:
                        self.evaluations += 1
                        db = excess(L1 - 1, P1 - p1, M1 - m1) + excess(L2 + 1, P2 + p1, M2 + m1) - E1 - E2
                        if db <= best[0]:
                            dp = dv = 0
                            if ru1 != ru2:
                                if ru1 is not None:
                                    x, y = recip_get((ru1, u1), 0), recip_get((u1, ru1), 0)
                                    dp += (x > 1 and y > 0) - (y > 0)
                                    dv += min(x - 1, y) - min(x, y)
                                if ru2 is not None:
                                    x, y = recip_get((ru2, u1), 0), recip_get((u1, ru2), 0)
                                    dp += (y > 0) - (x > 0 and y > 0)
                                    dv += min(x + 1, y) - min(x, y)
                            cand = (db, dp, dv, h_r2[ci] - h11, tb_ci[r2] - t11)
                            if cand < best:
                                best, best_move = cand, (r2, -1, 0)
                    for c2 in cases_of[r2]:
                        if ri not in elig_set[c2] or ri in assigned[c2]:
                            continue
                        self.evaluations += 1
                        dpg = page[c2] - p1
                        dmn = mins[c2] - m1
                        db = excess(L1, P1 + dpg, M1 + dmn) + excess(L2, P2 - dpg, M2 - dmn) - E1 - E2
                        if db > best[0]:
                            continue
                        u2 = cunit[c2]
                        drot = h_ri[c2] + h_r2[ci] - h11 - h_r2[c2]
                        dtb = tb[c2][ri] + tb_ci[r2] - t11 - tb[c2][r2]
                        dp = dv = 0
                        if u1 != u2 and ru1 != ru2:
                            # Four distinct unordered unit pairs change by one in one direction each
                            # (same-unit exclusion rules out every coincidence), so add them up.
                            if ru1 is not None:
                                x, y = recip_get((ru1, u1), 0), recip_get((u1, ru1), 0)
                                dp += (x > 1 and y > 0) - (y > 0)
                                dv += min(x - 1, y) - min(x, y)
                                x, y = recip_get((ru1, u2), 0), recip_get((u2, ru1), 0)
                                dp += (y > 0) - (x > 0 and y > 0)
                                dv += min(x + 1, y) - min(x, y)
                            if ru2 is not None:
                                x, y = recip_get((ru2, u2), 0), recip_get((u2, ru2), 0)
                                dp += (x > 1 and y > 0) - (y > 0)
                                dv += min(x - 1, y) - min(x, y)
                                x, y = recip_get((ru2, u1), 0), recip_get((u1, ru2), 0)
                                dp += (y > 0) - (x > 0 and y > 0)
                                dv += min(x + 1, y) - min(x, y)
                        cand = (db, dp, dv, drot, dtb)
                        if cand < best:
                            best, best_move = cand, (r2, c2, 0)
                if best_move is None or best[:4] >= zero4:
                    continue
                r2, c2, _ = best_move
                self._remove(ci, ri)
                self._add(ci, r2)
                if c2 >= 0:
                    self._remove(c2, r2)
                    self._add(c2, ri)
                self._refresh_excess(ri)
                self._refresh_excess(r2)
                now_touched.update((ri, r2))
            if not now_touched:
                if touched is None:
                    return  # a full pass found nothing: local optimum
                touched = None  # confirm with a full pass
            else:
                touched = now_touched

    # ---- facts for the proposal ------------------------------------------------------------------

    def reciprocal_pairs(self) -> list[tuple[int, int]]:
        out = set()
        for (a, b), x in self.recip.items():
            if x > 0 and self.recip.get((b, a), 0) > 0:
                out.add((min(a, b), max(a, b)))
        return sorted(out)


def propose_assignment(
    cases: Sequence[CaseDemand],
    reviewers: Sequence[ReviewerInfo],
    *,
    per_case: int,
    seed: int,
    history: PairHistory | None = None,
    unit_names: Mapping[int, str] | None = None,
    workload_tolerance: Fraction | Decimal = Fraction(1, 5),
    max_passes: int = 30,
    max_evaluations: int = 200_000,
) -> Proposal:
    """Propose reviewers for every case; see the module docstring for the goals and guarantees.

    Args:
        cases: The round's cases.
        reviewers: Everyone who might review (unavailable ones included: they are reported, not used).
        per_case: Reviewers per case (``reviewers_per_case`` in ``settings.yaml``).
        seed: Breaks ties; record it with the round so the proposal can be reproduced.
        history: Past reviewer–unit pairings, for rotation.
        unit_names: Unit id → name, for the Chinese texts (ids are shown otherwise).
        workload_tolerance: Relative band around the fair share within which pages/minutes count as
            balanced (goal b); 0 asks for the closest balance the local search finds.
        max_passes: Local-search passes at most (deterministic bound, not a timer).
        max_evaluations: Move evaluations at most (deterministic bound, not a timer).

    Returns:
        The proposal.

    Raises:
        InfeasibleAssignment: No assignment satisfies the hard constraints.
        ValueError: Invalid input (duplicate ids, per_case < 1, negative sizes or tolerance).
    """
    _validate(cases, reviewers, per_case)
    if workload_tolerance < 0:
        raise ValueError("workload_tolerance must be ≥ 0")
    history = history or PairHistory()
    case_list = sorted(cases, key=lambda c: (c.doc_no, c.case_id))
    rev_list = sorted(reviewers, key=lambda r: r.reviewer_id)
    solver = _Solver(case_list, rev_list, per_case, seed, history, Fraction(workload_tolerance))

    blockers = _per_case_blockers(case_list, rev_list, solver, per_case)
    if blockers:
        # Also look for joint shortages among the cases that are fine alone, for a complete report.
        blockers += _joint_blockers(
            case_list, rev_list, per_case, seed, history, skip={b.case_id for b in blockers}
        )
        raise InfeasibleAssignment(blockers)
    short = solver.initial()
    if short:
        raise InfeasibleAssignment(_capacity_blockers(solver, short))

    active = [ri for ri in range(len(rev_list)) if solver.cap[ri] > 0]
    solver.balance(active)
    solver.improve(max_passes, max_evaluations)
    return _build_proposal(solver, active, seed, unit_names, Fraction(workload_tolerance))


# --------------------------------------------------------------------------------------------------
# Diagnosis
# --------------------------------------------------------------------------------------------------


def _per_case_blockers(
    cases: list[CaseDemand], revs: list[ReviewerInfo], solver: _Solver, k: int
) -> list[Blocker]:
    out: list[Blocker] = []
    for ci, c in enumerate(cases):
        eligible = len(solver.elig[ci])
        if eligible >= k:
            continue
        removed: dict[Constraint, list[ReviewerInfo]] = defaultdict(list)
        for r in revs:
            ex = exclusions(c, r)
            if ex:
                first = min(ex, key=ATTRIBUTION_ORDER.index)
                removed[first].append(r)
        summary = "、".join(
            f"{CONSTRAINT_LABELS[k_]}{len(removed[k_])}人" for k_ in ATTRIBUTION_ORDER if k_ in removed
        )
        head = f"本卷需{k}名评查员，共{len(revs)}名评查员中仅{eligible}人符合条件"
        if not removed:
            out.append(Blocker(c.case_id, c.doc_no, "capacity", k, eligible, f"{head}：评查员总数不足"))
            continue
        for constraint in ATTRIBUTION_ORDER:
            who = removed.get(constraint, [])
            if not who:
                continue
            names = "、".join(r.name for r in who)
            out.append(
                Blocker(
                    case_id=c.case_id,
                    doc_no=c.doc_no,
                    constraint=constraint,
                    demand=k,
                    eligible=eligible,
                    detail=f"{head}（排除：{summary}）；其中因{CONSTRAINT_LABELS[constraint]}排除{len(who)}人：{names}",
                    removed=len(who),
                    reviewer_ids=tuple(r.reviewer_id for r in who),
                )
            )
    return out


def _joint_blockers(
    cases: list[CaseDemand],
    revs: list[ReviewerInfo],
    k: int,
    seed: int,
    history: PairHistory,
    skip: set[int],
) -> list[Blocker]:
    rest = [c for c in cases if c.case_id not in skip]
    if not rest:
        return []
    solver = _Solver(rest, revs, k, seed, history, Fraction(0))
    short = solver.initial()
    return _capacity_blockers(solver, short) if short else []


def _capacity_blockers(solver: _Solver, short: list[int]) -> list[Blocker]:
    out: list[Blocker] = []
    reported: set[int] = set()
    for c0 in short:
        if c0 in reported:
            continue
        group, revs, slots = solver.hall_violator(c0)
        demand = solver.k * len(group)
        names = "、".join(f"{solver.revs[ri].name}（上限{solver.cap[ri]}卷）" for ri in revs)
        doc_nos = "、".join(solver.cases[ci].doc_no for ci in group)
        detail = (
            f"以下{len(group)}卷单独看均有足够的评查员，但合计需要{demand}人次，"
            f"可评查它们的评查员（{names}）受评查量上限所限最多只能承担{slots}人次：{doc_nos}"
        )
        group_ids = tuple(solver.cases[ci].case_id for ci in group)
        for ci in group:
            if ci in reported:
                continue
            reported.add(ci)
            c = solver.cases[ci]
            out.append(
                Blocker(
                    case_id=c.case_id,
                    doc_no=c.doc_no,
                    constraint="capacity",
                    demand=demand,
                    eligible=slots,
                    detail=detail,
                    reviewer_ids=tuple(solver.revs[ri].reviewer_id for ri in revs),
                    group=group_ids,
                )
            )
    return out


# --------------------------------------------------------------------------------------------------
# The proposal and its explanations
# --------------------------------------------------------------------------------------------------


def _one_decimal(x: Fraction) -> str:
    """Show an exact value with at most one decimal (display only), rounding half up."""
    tenths = (x * 10 + Fraction(1, 2)).__floor__()
    whole, frac = divmod(tenths, 10)
    return str(whole) if frac == 0 else f"{whole}.{frac}"


def _build_proposal(
    s: _Solver,
    active: list[int],
    seed: int,
    unit_names: Mapping[int, str] | None,
    tolerance: Fraction,
) -> Proposal:
    cases, revs = s.cases, s.revs

    def unit(key: int | None) -> str:
        return _unit_label(unit_names, key)

    act_loads = [s.load[ri] for ri in active]
    lo, hi = (min(act_loads), max(act_loads)) if act_loads else (0, 0)
    has_minutes = s.M > 0
    months = s.history.months
    window = f"近{months}个月" if months else "以往"

    assignments: dict[int, tuple[int, ...]] = {}
    reasons: dict[tuple[int, int], str] = {}
    notes: dict[int, str] = {}
    for ci, c in enumerate(cases):
        rids = sorted(revs[ri].reviewer_id for ri in s.assigned[ci])
        assignments[c.case_id] = tuple(rids)
        n_elig = len(s.elig[ci])
        for ri in sorted(s.assigned[ci], key=lambda r: revs[r].reviewer_id):
            r = revs[ri]
            parts: list[str] = []
            if r.unit_key is None:
                who = f"{r.name}：支队法制科人员（可评查各单位案卷），非承办人"
            else:
                who = f"{r.name}：非承办人、非承办单位（{unit(c.unit_key)}）人员"
            who += "，回避申报不涉及本卷" if (r.conflict_case_ids or r.conflict_unit_ids) else "，无回避申报"
            parts.append(who)
            load = f"本轮分配{s.load[ri]}卷/共{s.pg[ri]}页"
            if has_minutes:
                load += f"/录像{s.mn[ri]}分钟"
            if lo == hi:
                load += f"（每人均为{lo}卷）"
            elif s.load[ri] == lo:
                load += f"，卷数处于最低档（全体{lo}–{hi}卷）"
            else:
                load += f"（全体{lo}–{hi}卷）"
            parts.append(load)
            h = s.hist[ri][ci]
            if h == 0:
                parts.append(f"{window}未评查该单位案卷")
            else:
                parts.append(f"{window}评查该单位案卷{h}卷")
            if r.unit_key is not None and s.recip.get((c.unit_key, r.unit_key), 0) > 0:
                parts.append(f"注意：{unit(c.unit_key)}人员本轮也评查{unit(r.unit_key)}案卷（互评）")
            if n_elig == s.k:
                parts.append(f"本卷仅{n_elig}名评查员符合条件")
            reasons[(c.case_id, r.reviewer_id)] = "；".join(parts)

        removed: dict[str, int] = defaultdict(int)
        for r in revs:
            ex = exclusions(c, r)
            if ex:
                removed[min(ex, key=ATTRIBUTION_ORDER.index)] += 1
        excl = "、".join(f"{CONSTRAINT_LABELS[k]}{removed[k]}人" for k in ATTRIBUTION_ORDER if removed[k])
        size = f"{c.pages}页" + (f"，录像{c.recording_minutes}分钟" if has_minutes else "")
        notes[c.case_id] = (
            f"{c.doc_no}（{unit(c.unit_key)}，{size}）：需{s.k}名评查员，"
            f"{len(revs)}名评查员中{n_elig}人符合条件" + (f"（排除：{excl}）" if excl else "")
        )

    loads = {
        r.reviewer_id: ReviewerLoad(r.reviewer_id, s.load[ri], s.pg[ri], s.mn[ri])
        for ri, r in enumerate(revs)
        if r.available
    }

    warnings: list[str] = []
    idle = [r.name for ri, r in enumerate(revs) if r.available and s.cap[ri] == 0]
    if idle and cases:
        warnings.append(f"以下评查员对本轮所有案卷均需回避或不符合条件，未分配案卷：{'、'.join(idle)}")
    if hi - lo > 1:
        warnings.append(
            f"受承办人、同单位、回避或评查量上限的限制，卷数无法完全均衡：各评查员{lo}–{hi}卷"
            "（已是所有可行方案中最均衡的分配）"
        )
    over = []
    for ri in active:
        if s._excess(s.load[ri], s.pg[ri], s.mn[ri]) > 0:
            desc = f"{revs[ri].name}（{s.load[ri]}卷/{s.pg[ri]}页"
            desc += f"/{s.mn[ri]}分钟）" if has_minutes else "）"
            over.append(desc)
    if over:
        mean = f"平均每卷{_one_decimal(Fraction(s.P, s.n))}页" + (
            f"、{_one_decimal(Fraction(s.M, s.n))}分钟" if has_minutes else ""
        )
        warnings.append(
            f"以下评查员的页数或录像时长偏离按卷数折算的平均值超过{_one_decimal(tolerance * 100)}%（{mean}），"
            f"未能进一步调整：{'、'.join(over)}"
        )
    pairs = s.reciprocal_pairs()
    for a, b in pairs:
        warnings.append(
            f"{unit(a)}与{unit(b)}本轮互评（{unit(a)}人员评查{unit(b)}案卷{s.recip[(a, b)]}卷次，"
            f"{unit(b)}人员评查{unit(a)}案卷{s.recip[(b, a)]}卷次），未能避免"
        )

    rotation = sum(s.hist[ri][ci] for ci in range(len(cases)) for ri in s.assigned[ci])
    return Proposal(
        assignments=assignments,
        reasons=reasons,
        loads=loads,
        warnings=warnings,
        active_reviewer_ids=tuple(revs[ri].reviewer_id for ri in active),
        spread=hi - lo,
        reciprocal_pairs=tuple(pairs),
        rotation_cost=rotation,
        case_notes=notes,
        seed=seed,
        per_case=s.k,
    )
