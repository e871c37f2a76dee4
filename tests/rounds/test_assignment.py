"""Tests of `review_tool.rounds.assignment`.

The oracles here are written independently of the implementation: the hard constraints are
restated from the brief, feasibility and load bands are decided by a textbook max-flow with lower
bounds, and on tiny instances every assignment is enumerated.
"""

from __future__ import annotations

import itertools
import random
import time
from collections import deque
from collections.abc import Sequence
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review_tool.rounds.assignment import (
    CaseDemand,
    InfeasibleAssignment,
    PairHistory,
    Proposal,
    ReviewerInfo,
    check_manual,
    exclusions,
    propose_assignment,
)

# --------------------------------------------------------------------------------------------------
# Independent oracle
# --------------------------------------------------------------------------------------------------


def eligible(case: CaseDemand, rev: ReviewerInfo) -> bool:
    """The hard constraints, restated from the brief (not imported from the implementation)."""
    if not rev.available:
        return False
    if rev.max_cases is not None and rev.max_cases <= 0:
        return False
    if rev.officer_id is not None and rev.officer_id in case.handler_officer_ids:
        return False
    if rev.unit_key is not None and rev.unit_key == case.unit_key:
        return False
    if case.case_id in rev.conflict_case_ids:
        return False
    return case.unit_id not in rev.conflict_unit_ids and case.unit_key not in rev.conflict_unit_ids


def capacity(rev: ReviewerInfo, n_cases: int) -> int:
    return n_cases if rev.max_cases is None else max(0, rev.max_cases)


def active(cases: Sequence[CaseDemand], revs: Sequence[ReviewerInfo]) -> list[ReviewerInfo]:
    return [r for r in revs if any(eligible(c, r) for c in cases)]


def _max_flow(cap: dict[object, dict[object, int]], s: object, t: object) -> int:
    """Edmonds–Karp on a dict-of-dicts capacity graph (mutated into the residual graph)."""
    flow = 0
    while True:
        parent: dict[object, object] = {s: s}
        q = deque([s])
        while q and t not in parent:
            u = q.popleft()
            for v, c in cap[u].items():
                if c > 0 and v not in parent:
                    parent[v] = u
                    q.append(v)
        if t not in parent:
            return flow
        push, v = None, t
        while v != s:
            u = parent[v]
            push = cap[u][v] if push is None else min(push, cap[u][v])
            v = u
        assert push is not None
        v = t
        while v != s:
            u = parent[v]
            cap[u][v] -= push
            cap[v].setdefault(u, 0)
            cap[v][u] += push
            v = u
        flow += push


def band_feasible(
    cases: Sequence[CaseDemand],
    revs: Sequence[ReviewerInfo],
    k: int,
    lo: dict[int, int],
    hi: dict[int, int],
) -> bool:
    """Is there an assignment (k distinct eligible reviewers per case) with lo[r] ≤ load[r] ≤ hi[r]?

    Max-flow with lower bounds: S→case [k, k], case→reviewer [0, 1], reviewer→T [lo, hi].
    """
    big = 10**9
    cap: dict[object, dict[object, int]] = {}
    excess: dict[object, int] = {}

    def edge(u: object, v: object, low: int, high: int) -> None:
        if high < low:
            raise _Infeasible
        cap.setdefault(u, {})
        cap.setdefault(v, {})
        cap[u][v] = cap[u].get(v, 0) + high - low
        cap[v].setdefault(u, 0)
        excess[v] = excess.get(v, 0) + low
        excess[u] = excess.get(u, 0) - low

    try:
        for c in cases:
            edge("S", ("c", c.case_id), k, k)
            for r in revs:
                if eligible(c, r):
                    edge(("c", c.case_id), ("r", r.reviewer_id), 0, 1)
        for r in revs:
            edge(("r", r.reviewer_id), "T", lo.get(r.reviewer_id, 0), hi.get(r.reviewer_id, 0))
    except _Infeasible:
        return False
    edge("T", "S", 0, big)
    need = 0
    cap.setdefault("SS", {})
    cap.setdefault("TT", {})
    for node, e in list(excess.items()):
        if e > 0:
            cap["SS"][node] = e
            cap[node].setdefault("SS", 0)
            need += e
        elif e < 0:
            cap[node]["TT"] = cap[node].get("TT", 0) - e
            cap["TT"].setdefault(node, 0)
    return _max_flow(cap, "SS", "TT") == need


class _Infeasible(Exception):
    pass


def oracle(
    cases: Sequence[CaseDemand], revs: Sequence[ReviewerInfo], k: int, bounds: bool = True
) -> dict[str, object]:
    """Feasibility, existence of a spread-≤1 assignment, least max load and greatest min load."""
    n = len(cases)
    act = active(cases, revs)
    caps = {r.reviewer_id: capacity(r, n) for r in revs}
    feasible = band_feasible(cases, revs, k, {}, caps)
    out: dict[str, object] = {"feasible": feasible, "active": {r.reviewer_id for r in act}}
    if not feasible:
        return out
    if not act:
        out["balanced_exists"] = True
        return out
    t = k * n // len(act)
    lo = {r.reviewer_id: t for r in act}
    hi = {r.reviewer_id: min(t + 1, caps[r.reviewer_id]) for r in act}
    out["balanced_exists"] = band_feasible(cases, revs, k, lo, hi)
    if bounds:
        # The largest load is at least ceil(kn / |active|), the smallest at most floor(kn / |active|).
        m = -(-k * n // len(act))
        while not band_feasible(cases, revs, k, {}, {r: min(m, c) for r, c in caps.items()}):
            m += 1
        out["min_max"] = m
        m = t
        while not band_feasible(cases, revs, k, {r.reviewer_id: m for r in act}, caps):
            m -= 1
        out["max_min"] = m
    return out


def brute_force_min_sum_of_squares(
    cases: Sequence[CaseDemand], revs: Sequence[ReviewerInfo], k: int
) -> int | None:
    """Least sum of squared case counts over all feasible assignments (None if none exists)."""
    n = len(cases)
    options = [
        list(itertools.combinations([r.reviewer_id for r in revs if eligible(c, r)], k)) for c in cases
    ]
    caps = {r.reviewer_id: capacity(r, n) for r in revs}
    best: int | None = None
    for choice in itertools.product(*options):
        load: dict[int, int] = {}
        for combo in choice:
            for rid in combo:
                load[rid] = load.get(rid, 0) + 1
        if any(v > caps[rid] for rid, v in load.items()):
            continue
        ssq = sum(v * v for v in load.values())
        best = ssq if best is None else min(best, ssq)
    return best


def check_hard_constraints(
    p: Proposal, cases: Sequence[CaseDemand], revs: Sequence[ReviewerInfo], k: int
) -> None:
    by_id = {r.reviewer_id: r for r in revs}
    assert set(p.assignments) == {c.case_id for c in cases}
    load: dict[int, int] = {}
    for c in cases:
        rids = p.assignments[c.case_id]
        assert len(rids) == k, "exactly per_case reviewers"
        assert len(set(rids)) == k, "distinct reviewers"
        for rid in rids:
            assert eligible(c, by_id[rid]), f"case {c.case_id} got ineligible reviewer {rid}"
            load[rid] = load.get(rid, 0) + 1
            assert (c.case_id, rid) in p.reasons and p.reasons[(c.case_id, rid)]
    for rid, n in load.items():
        assert n <= capacity(by_id[rid], len(cases))
    for rid, lr in p.loads.items():
        assert lr.cases == load.get(rid, 0)
        assert lr.pages == sum(c.pages for c in cases if rid in p.assignments[c.case_id])


def active_loads(p: Proposal, act: set[int]) -> list[int]:
    return [p.loads[rid].cases for rid in act]


# --------------------------------------------------------------------------------------------------
# Random organisations
# --------------------------------------------------------------------------------------------------


def build_organisation(
    rng: random.Random,
    n_units: int,
    n_cases: int,
    n_revs: int,
    p_unavailable: float,
    p_conflict: float,
    p_limit: float,
) -> tuple[list[CaseDemand], list[ReviewerInfo], PairHistory]:
    """A random organisation: units with sub-units, reviewers (some 法制科 staff with no unit key),
    handlers who are also reviewers, conflicts, absences and per-reviewer limits."""
    unit_keys = list(range(1, n_units + 1))
    sub_units = [100 + 10 * u + j for u in unit_keys for j in range(2)]
    revs = []
    for i in range(n_revs):
        uk = None if rng.random() < 0.15 else rng.choice(unit_keys)
        revs.append(
            ReviewerInfo(
                reviewer_id=i + 1,
                name=f"评查员{i + 1}",
                officer_id=None if rng.random() < 0.2 else 500 + i,
                unit_key=uk,
                unit_id=None if uk is None else 100 + 10 * uk + rng.randrange(2),
                available=rng.random() >= p_unavailable,
                conflict_case_ids=frozenset(
                    c for c in range(n_cases) if rng.random() < p_conflict / max(1, n_cases) * 2
                ),
                conflict_unit_ids=frozenset([rng.choice(unit_keys + sub_units)])
                if rng.random() < p_conflict
                else frozenset(),
                max_cases=rng.choice([0, 1, 1, 2, 2, 3]) if rng.random() < p_limit else None,
            )
        )
    officers = [r.officer_id for r in revs if r.officer_id is not None]
    cases = []
    for c in range(n_cases):
        uk = rng.choice(unit_keys)
        handlers = {900 + c}  # a handler who is not a reviewer …
        if officers and rng.random() < 0.5:  # … and often one who is
            same = [r.officer_id for r in revs if r.unit_key == uk and r.officer_id is not None]
            handlers.add(rng.choice(same or officers))
        cases.append(
            CaseDemand(
                case_id=c,
                doc_no=f"平消行罚决字〔2024〕第{c:04d}号",
                unit_key=uk,
                unit_id=100 + 10 * uk + rng.randrange(2),
                handler_officer_ids=frozenset(handlers),
                pages=rng.randrange(0, 301),
                recording_minutes=rng.choice([0, 0, 10, 45, 120]),
            )
        )
    hist = PairHistory(
        {(r.reviewer_id, u): rng.randrange(1, 4) for r in revs for u in unit_keys if rng.random() < 0.2},
        months=3,
    )
    return cases, revs, hist


@st.composite
def organisations(
    draw: st.DrawFn, max_cases: int = 8, max_reviewers: int = 9
) -> tuple[list[CaseDemand], list[ReviewerInfo], int, int, PairHistory]:
    """Hypothesis draws the sizes and rates (so it can shrink them); the details come from a seeded
    generator, which keeps generation fast enough for hundreds of examples."""
    k = draw(st.integers(1, 3))
    n_units = draw(st.integers(1, 4))
    n_cases = draw(st.integers(0, max_cases))
    n_revs = draw(st.integers(1, max_reviewers))
    p_unavailable = draw(st.sampled_from([0.0, 0.1, 0.3]))
    p_conflict = draw(st.sampled_from([0.0, 0.2, 0.5]))
    p_limit = draw(st.sampled_from([0.0, 0.0, 0.3, 0.9]))
    detail_seed = draw(st.integers(0, 2**32))
    seed = draw(st.integers(0, 2**32))
    cases, revs, hist = build_organisation(
        random.Random(detail_seed), n_units, n_cases, n_revs, p_unavailable, p_conflict, p_limit
    )
    return cases, revs, k, seed, hist


COMMON = settings(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@settings(COMMON, max_examples=600)
@given(organisations())
def test_proposal_respects_hard_constraints_and_matches_flow_oracle(org) -> None:  # type: ignore[no-untyped-def]
    cases, revs, k, seed, hist = org
    truth = oracle(cases, revs, k)
    try:
        p = propose_assignment(cases, revs, per_case=k, seed=seed, history=hist)
    except InfeasibleAssignment as exc:
        assert not truth["feasible"], "InfeasibleAssignment although the flow oracle finds an assignment"
        check_blockers(exc, cases, revs, k)
        return
    assert truth["feasible"]
    check_hard_constraints(p, cases, revs, k)
    act = truth["active"]
    assert isinstance(act, set)
    assert set(p.active_reviewer_ids) == act
    loads = active_loads(p, act)
    if loads:
        assert p.spread == max(loads) - min(loads)
        # Spread ≤ 1 whenever any balanced assignment exists (the guarantee of goal a) …
        if truth["balanced_exists"]:
            assert p.spread <= 1
        # … and, more strongly, the least possible maximum and the greatest possible minimum.
        assert max(loads) == truth["min_max"]
        assert min(loads) == truth["max_min"]
    if p.spread > 1:
        assert any("无法完全均衡" in w for w in p.warnings)
    for c in cases:
        assert c.doc_no in p.explain(c.case_id)


def check_blockers(
    exc: InfeasibleAssignment, cases: Sequence[CaseDemand], revs: Sequence[ReviewerInfo], k: int
) -> None:
    assert exc.blockers, "an infeasibility must say why"
    assert "无法生成分配方案" in str(exc)
    by_case = {c.case_id: c for c in cases}
    n = len(cases)
    short_cases = {c.case_id for c in cases if sum(eligible(c, r) for r in revs) < k}
    per_case = [b for b in exc.blockers if not b.group]
    joint = [b for b in exc.blockers if b.group]
    assert {b.case_id for b in per_case} == short_cases
    for cid in short_cases:
        mine = [b for b in per_case if b.case_id == cid]
        n_elig = sum(eligible(by_case[cid], r) for r in revs)
        for b in mine:
            assert (b.demand, b.eligible) == (k, n_elig)
            assert b.constraint in {
                "handler",
                "same_unit",
                "conflict_case",
                "conflict_unit",
                "unavailable",
                "capacity",
            }
            assert b.doc_no == by_case[cid].doc_no and b.detail
        removed = sum(b.removed for b in mine)
        assert removed in (0, len(revs) - n_elig)  # 0 only for "too few reviewers at all"
        if removed == 0:
            assert len(mine) == 1 and mine[0].constraint == "capacity" and len(revs) < k
        for b in mine:
            for rid in b.reviewer_ids:
                r = next(r for r in revs if r.reviewer_id == rid)
                assert b.constraint in exclusions(by_case[cid], r)
    for b in joint:
        group = [by_case[cid] for cid in b.group]
        assert b.constraint == "capacity"
        assert all(sum(eligible(c, r) for r in revs) >= k for c in group), "each case alone is fine"
        assert b.demand == k * len(group) and b.eligible < b.demand
        # The group is a genuine Hall violator: even on its own it cannot be served.
        caps = {r.reviewer_id: capacity(r, n) for r in revs}
        assert not band_feasible(group, revs, k, {}, caps)
    if not short_cases:
        assert joint, "when every case alone is fine, the shortage must be a joint (capacity) one"


@settings(COMMON, max_examples=200)
@given(organisations(max_cases=4, max_reviewers=5))
def test_loads_are_decreasingly_minimal_brute_force(org) -> None:  # type: ignore[no-untyped-def]
    """On tiny instances, enumerate every assignment: the proposal's sum of squared case counts is
    the least possible (= decreasingly minimal load vector), and infeasibility is real."""
    cases, revs, k, seed, hist = org
    best = brute_force_min_sum_of_squares(cases, revs, k)
    try:
        p = propose_assignment(cases, revs, per_case=k, seed=seed, history=hist)
    except InfeasibleAssignment:
        assert best is None
        return
    assert best is not None
    check_hard_constraints(p, cases, revs, k)
    assert sum(lr.cases**2 for lr in p.loads.values()) == best


@settings(COMMON, max_examples=100)
@given(organisations(), st.integers(0, 2**32))
def test_same_seed_same_proposal_other_seed_still_valid(org, other_seed) -> None:  # type: ignore[no-untyped-def]
    cases, revs, k, seed, hist = org
    try:
        p1 = propose_assignment(cases, revs, per_case=k, seed=seed, history=hist)
    except InfeasibleAssignment as e1:
        with pytest.raises(InfeasibleAssignment) as e2:
            propose_assignment(
                list(reversed(cases)), list(reversed(revs)), per_case=k, seed=seed, history=hist
            )
        assert e1.blockers == e2.value.blockers
        return
    # Same seed (even with the inputs in another order) → the very same proposal.
    p2 = propose_assignment(list(reversed(cases)), list(reversed(revs)), per_case=k, seed=seed, history=hist)
    assert p1 == p2
    p3 = propose_assignment(cases, revs, per_case=k, seed=other_seed, history=hist)
    check_hard_constraints(p3, cases, revs, k)
    assert p3.spread == p1.spread  # balance is exact, whatever the seed


def test_different_seeds_can_differ() -> None:
    revs = [ReviewerInfo(i, f"R{i}", unit_key=None) for i in range(1, 5)]
    cases = [CaseDemand(c, f"D{c}", unit_key=1, unit_id=11) for c in range(2)]
    seen = {
        tuple(sorted(propose_assignment(cases, revs, per_case=1, seed=s).assignments.items()))
        for s in range(20)
    }
    assert len(seen) > 1


# --------------------------------------------------------------------------------------------------
# Hand-made situations
# --------------------------------------------------------------------------------------------------

UNITS = {1: "平安大队", 2: "城东大队", 3: "城西大队", 4: "开发区大队"}


def test_handler_same_unit_and_conflicts_are_never_assigned() -> None:
    case = CaseDemand(
        1, "平消行罚决字〔2024〕第0001号", unit_key=1, unit_id=11, handler_officer_ids=frozenset({7})
    )
    revs = [
        ReviewerInfo(1, "承办人", officer_id=7, unit_key=2),  # handler (though from another unit key)
        ReviewerInfo(2, "同单位", unit_key=1),
        ReviewerInfo(3, "回避本案", unit_key=3, conflict_case_ids=frozenset({1})),
        ReviewerInfo(4, "回避中队", unit_key=3, conflict_unit_ids=frozenset({11})),
        ReviewerInfo(5, "回避大队", unit_key=3, conflict_unit_ids=frozenset({1})),
        ReviewerInfo(6, "请假", unit_key=4, available=False),
        ReviewerInfo(7, "法制科", unit_key=None),
        ReviewerInfo(8, "开发区", unit_key=4),
    ]
    p = propose_assignment([case], revs, per_case=2, seed=1, unit_names=UNITS)
    assert p.assignments[1] == (7, 8)
    assert 6 not in p.loads or p.loads[6].cases == 0
    assert "支队法制科人员" in p.reasons[(1, 7)]
    assert "非承办单位（平安大队）人员" in p.reasons[(1, 8)]
    assert "本卷仅2名评查员符合条件" in p.reasons[(1, 8)]
    text = p.explain(1)
    assert "平消行罚决字〔2024〕第0001号" in text and "8名评查员中2人符合条件" in text
    assert "系本案承办人1人" in text and "与承办人同单位1人" in text and "申报回避该单位2人" in text


def test_per_case_shortage_is_diagnosed_by_constraint() -> None:
    case = CaseDemand(5, "D5", unit_key=1, unit_id=11, handler_officer_ids=frozenset({70}))
    revs = [
        ReviewerInfo(1, "甲", officer_id=70, unit_key=1),  # handler and same unit → counted as handler
        ReviewerInfo(2, "乙", unit_key=1),
        ReviewerInfo(3, "丙", unit_key=2, available=False),
        ReviewerInfo(4, "丁", unit_key=2),
    ]
    with pytest.raises(InfeasibleAssignment) as info:
        propose_assignment([case], revs, per_case=2, seed=0)
    blockers = {b.constraint: b for b in info.value.blockers}
    assert set(blockers) == {"handler", "same_unit", "unavailable"}
    assert all((b.demand, b.eligible) == (2, 1) for b in blockers.values())
    assert blockers["handler"].removed == 1 and blockers["handler"].reviewer_ids == (1,)
    assert blockers["same_unit"].reviewer_ids == (2,)
    assert "共4名评查员中仅1人符合条件" in blockers["unavailable"].detail


def test_joint_capacity_shortage_is_reported_as_a_group() -> None:
    cases = [CaseDemand(c, f"D{c}", unit_key=1, unit_id=11) for c in range(3)]
    revs = [
        ReviewerInfo(1, "甲", unit_key=2, max_cases=1),
        ReviewerInfo(2, "乙", unit_key=3, max_cases=1),
        ReviewerInfo(3, "丙", unit_key=1),  # same unit: no help
    ]
    with pytest.raises(InfeasibleAssignment) as info:
        propose_assignment(cases, revs, per_case=1, seed=0)
    bs = info.value.blockers
    assert {b.case_id for b in bs} == {0, 1, 2}
    assert all(b.constraint == "capacity" and b.group == (0, 1, 2) for b in bs)
    assert all((b.demand, b.eligible) == (3, 2) for b in bs)
    assert "合计" in str(info.value)


def test_reciprocal_pair_avoided_when_possible() -> None:
    revs = [
        ReviewerInfo(1, "A1", unit_key=1),
        ReviewerInfo(2, "B1", unit_key=2),
        ReviewerInfo(3, "C1", unit_key=3),
    ]
    cases = [CaseDemand(10, "A案", unit_key=1, unit_id=11), CaseDemand(20, "B案", unit_key=2, unit_id=21)]
    for seed in range(30):
        p = propose_assignment(cases, revs, per_case=1, seed=seed)
        assert not (p.assignments[10] == (2,) and p.assignments[20] == (1,)), f"reciprocal with seed {seed}"
        assert p.reciprocal_pairs == ()


def test_unavoidable_reciprocal_pair_is_warned() -> None:
    revs = [ReviewerInfo(1, "A1", unit_key=1), ReviewerInfo(2, "B1", unit_key=2)]
    cases = [CaseDemand(10, "A案", unit_key=1, unit_id=11), CaseDemand(20, "B案", unit_key=2, unit_id=21)]
    p = propose_assignment(cases, revs, per_case=1, seed=0, unit_names=UNITS)
    assert p.reciprocal_pairs == ((1, 2),)
    assert any("平安大队与城东大队本轮互评" in w for w in p.warnings)
    assert "互评" in p.reasons[(10, 2)]


def test_rotation_prefers_new_pairings() -> None:
    revs = [ReviewerInfo(1, "老搭档", unit_key=None), ReviewerInfo(2, "新人", unit_key=None)]
    cases = [CaseDemand(10, "A案", unit_key=1, unit_id=11), CaseDemand(20, "B案", unit_key=2, unit_id=21)]
    hist = PairHistory({(1, 1): 5}, months=3)
    for seed in range(20):
        p = propose_assignment(cases, revs, per_case=1, seed=seed, history=hist, unit_names=UNITS)
        assert p.assignments == {10: (2,), 20: (1,)}
        assert p.rotation_cost == 0
    assert "近3个月未评查该单位案卷" in p.reasons[(10, 2)]
    hist2 = PairHistory.from_pairs([(1, 1), (1, 1), (1, 2)], months=6)
    p = propose_assignment(cases, revs[:1], per_case=1, seed=0, history=hist2)
    assert p.rotation_cost == 3
    assert "近6个月评查该单位案卷2卷" in p.reasons[(10, 1)]


def test_pages_are_balanced_within_equal_case_counts() -> None:
    revs = [ReviewerInfo(1, "甲"), ReviewerInfo(2, "乙")]
    cases = [
        CaseDemand(c, f"D{c}", unit_key=1, unit_id=11, pages=p) for c, p in enumerate([200, 190, 12, 10])
    ]
    for seed in range(20):
        # Default ±20 % band: {200, 12} / {190, 10} and {200, 10} / {190, 12} both qualify.
        p = propose_assignment(cases, revs, per_case=1, seed=seed)
        assert all(165 <= lr.pages <= 248 for lr in p.loads.values())
        assert not p.warnings
        # Tolerance 0: the closest balance.
        p = propose_assignment(cases, revs, per_case=1, seed=seed, workload_tolerance=Fraction(0))
        pages = sorted(lr.pages for lr in p.loads.values())
        assert pages == [202, 210], (seed, pages)


def test_uneven_eligibility_is_as_balanced_as_possible_and_warned() -> None:
    # Reviewer 3 may only review the single case of unit 2; the others take the rest.
    revs = [
        ReviewerInfo(1, "甲"),
        ReviewerInfo(2, "乙"),
        ReviewerInfo(3, "丙", unit_key=9, conflict_unit_ids=frozenset({1})),
    ]
    cases = [CaseDemand(c, f"D{c}", unit_key=1, unit_id=11) for c in range(6)]
    cases.append(CaseDemand(6, "D6", unit_key=2, unit_id=21))
    p = propose_assignment(cases, revs, per_case=1, seed=3)
    assert sorted(lr.cases for lr in p.loads.values()) == [1, 3, 3]
    assert p.spread == 2 and not p.is_balanced
    assert any("1–3卷" in w and "最均衡" in w for w in p.warnings)


def test_reviewer_with_nothing_to_review_is_excluded_from_spread() -> None:
    revs = [ReviewerInfo(1, "甲"), ReviewerInfo(2, "乙"), ReviewerInfo(3, "同单位", unit_key=1)]
    cases = [CaseDemand(c, f"D{c}", unit_key=1, unit_id=11) for c in range(3)]
    p = propose_assignment(cases, revs, per_case=1, seed=0)
    assert p.active_reviewer_ids == (1, 2)
    assert p.spread == 1 and p.loads[3].cases == 0
    assert any("同单位" in w and "未分配案卷" in w for w in p.warnings)


def test_empty_round_and_bad_input() -> None:
    p = propose_assignment([], [ReviewerInfo(1, "甲")], per_case=2, seed=0)
    assert p.assignments == {} and p.spread == 0
    with pytest.raises(ValueError):
        propose_assignment([], [], per_case=0, seed=0)
    with pytest.raises(ValueError):
        propose_assignment([CaseDemand(1, "a", 1, 1), CaseDemand(1, "b", 1, 1)], [], per_case=1, seed=0)
    with pytest.raises(ValueError):
        propose_assignment([], [ReviewerInfo(1, "a"), ReviewerInfo(1, "b")], per_case=1, seed=0)


def test_check_manual_messages() -> None:
    case = CaseDemand(3, "D3", unit_key=1, unit_id=12, handler_officer_ids=frozenset({44}))
    ok = ReviewerInfo(1, "王五", unit_key=2)
    assert check_manual(case, ok) == []
    bad = ReviewerInfo(
        2,
        "张三",
        officer_id=44,
        unit_key=1,
        available=False,
        conflict_case_ids=frozenset({3}),
        conflict_unit_ids=frozenset({12}),
        max_cases=2,
    )
    msgs = check_manual(
        case, bad, assigned_to_case=[2], reviewer_case_count=2, unit_names={1: "平安大队", 12: "一中队"}
    )
    joined = "\n".join(msgs)
    for needle in ("不能参加", "承办人", "同属平安大队", "回避本案", "回避一中队", "重复分配", "上限2卷"):
        assert needle in joined, needle
    assert len(msgs) == 7


def test_exclusions_lists_every_violated_constraint() -> None:
    case = CaseDemand(3, "D3", unit_key=1, unit_id=12, handler_officer_ids=frozenset({44}))
    r = ReviewerInfo(2, "张三", officer_id=44, unit_key=1, available=False, conflict_unit_ids=frozenset({1}))
    assert exclusions(case, r) == ("unavailable", "handler", "same_unit", "conflict_unit")


# --------------------------------------------------------------------------------------------------
# Size
# --------------------------------------------------------------------------------------------------


def realistic(seed: int, n_cases: int = 150, n_revs: int = 30, n_units: int = 8):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    revs = []
    for i in range(n_revs):
        uk = None if i < 3 else 1 + rng.randrange(n_units)
        revs.append(
            ReviewerInfo(
                i + 1,
                f"评查员{i + 1}",
                officer_id=1000 + i,
                unit_key=uk,
                unit_id=None if uk is None else 100 + 10 * uk + rng.randrange(3),
                available=rng.random() > 0.1,
                conflict_case_ids=frozenset(rng.sample(range(n_cases), 2))
                if rng.random() < 0.3
                else frozenset(),
                conflict_unit_ids=frozenset([1 + rng.randrange(n_units)])
                if rng.random() < 0.1
                else frozenset(),
            )
        )
    cases = []
    for c in range(n_cases):
        uk = 1 + rng.randrange(n_units)
        same = [r.officer_id for r in revs if r.unit_key == uk and r.officer_id is not None]
        handlers = frozenset(rng.sample(same, min(2, len(same)))) | {5000 + c}
        cases.append(
            CaseDemand(
                c,
                f"平消行罚决字〔2024〕第{c:04d}号",
                uk,
                100 + 10 * uk + rng.randrange(3),
                handlers,
                rng.randint(10, 300),
                rng.choice([0, 0, 5, 30, 90]),
            )
        )
    hist = PairHistory(
        {
            (r.reviewer_id, u): rng.randrange(1, 3)
            for r in revs
            for u in range(1, n_units + 1)
            if rng.random() < 0.3
        },
        months=3,
    )
    return cases, revs, hist


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_150_cases_2_per_case_30_reviewers_is_fast_and_balanced(seed: int) -> None:
    cases, revs, hist = realistic(seed)
    t0 = time.perf_counter()
    p = propose_assignment(cases, revs, per_case=2, seed=seed, history=hist)
    elapsed = time.perf_counter() - t0
    assert elapsed < 1.0, f"took {elapsed:.3f} s"
    check_hard_constraints(p, cases, revs, 2)
    truth = oracle(cases, revs, 2, bounds=False)
    assert truth["balanced_exists"] and p.spread <= 1
    # Workload goal (b) reached within the default ±20 % band for these data.
    assert not any("偏离" in w for w in p.warnings)
