"""Tests of `review_tool.rounds.selection`."""

from __future__ import annotations

import json
import math
import random
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review_tool.rounds.selection import Candidate, Sample, group_seed, replay_log, sample_size, select_cases

COMMON = settings(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def cand(case_id: int, case_type: str, unit_id: int, doc_no: str | None = None) -> Candidate:
    return Candidate(case_id, doc_no or f"平消字〔2024〕第{case_id:04d}号", case_type, unit_id)


@pytest.mark.parametrize(
    ("percent", "n", "minimum", "expected"),
    [
        ("20", 5, 1, 1),  # exactly 1, not 1.0000000000000002 rounded up
        ("20", 6, 1, 2),  # ceil(1.2)
        ("20", 1, 1, 1),
        ("20", 1, 0, 1),  # ceil(0.2) = 1: rounding up never skips a unit
        ("30", 0, 1, 0),  # a unit with no case gives nothing, whatever the minimum
        ("10", 3, 5, 3),  # never more than the unit has
        ("100", 7, 0, 7),
        ("33.3", 3, 0, 1),  # 0.999 → 1
        ("33.4", 3, 0, 2),  # 1.002 → 2
        ("0.5", 10, 2, 2),  # minimum wins
    ],
)
def test_sample_size(percent: str, n: int, minimum: int, expected: int) -> None:
    assert sample_size(Decimal(percent), n, minimum) == expected


def test_include_all_sample_and_untouched_types() -> None:
    cands = [cand(i, "penalty_general", 1 + i % 2) for i in range(4)]
    cands += [cand(10 + i, "inspection", 1 + i % 3) for i in range(10)]
    cands += [cand(30 + i, "complaint", 1) for i in range(3)]
    sel = select_cases(
        cands,
        include_all={"penalty_general"},
        samples=[Sample("inspection", Decimal("20"), per_unit=True, minimum=1)],
        seed=2024_05,
    )
    chosen = set(sel.case_ids)
    assert {0, 1, 2, 3} <= chosen
    assert not chosen & {30, 31, 32}  # no rule for complaints
    inspections = [e for e in sel.log if e["case_type"] == "inspection"]
    assert [e["unit_id"] for e in inspections] == [1, 2, 3]
    assert [len(e["population"]) for e in inspections] == [4, 3, 3]
    assert [e["count"] for e in inspections] == [1, 1, 1]  # ceil(0.8), ceil(0.6), ceil(0.6)
    assert len(chosen) == 4 + 3
    none = next(e for e in sel.log if e["case_type"] == "complaint")
    assert none["rule"] == "none" and none["count"] == 0 and len(none["population"]) == 3
    # The log is plain JSON and replays.
    assert replay_log(json.loads(json.dumps(sel.log, ensure_ascii=False))) == []


def test_whole_type_sample_and_stable_order() -> None:
    cands = [cand(i, "inspection", 1 + i % 4, doc_no=f"D{(i * 7) % 20:02d}") for i in range(20)]
    sel = select_cases(
        cands, include_all=set(), samples=[Sample("inspection", Decimal("25"), per_unit=False)], seed=1
    )
    (entry,) = sel.log
    assert entry["unit_id"] is None and entry["count"] == 5
    assert entry["population"] == sorted(entry["population"])
    assert entry["rng_seed"] == group_seed(1, "inspection", None) == "1|inspection|*"
    docs = {c.case_id: c.doc_no for c in cands}
    assert [docs[i] for i in sel.case_ids] == sorted(docs[i] for i in sel.case_ids)


def test_draw_is_reproducible_by_hand() -> None:
    """What an auditor does without this program: sort, seed, sample."""
    cands = [cand(i, "inspection", 7) for i in range(12)]
    sel = select_cases(cands, include_all=set(), samples=[Sample("inspection", Decimal("30"))], seed=99)
    population = sorted(c.doc_no for c in cands)
    by_hand = random.Random("99|inspection|7").sample(population, math.ceil(0.3 * 12))
    assert sel.log[0]["drawn"] == by_hand


def test_units_are_independent() -> None:
    """A late case in one unit does not change another unit's draw."""
    base = [cand(i, "inspection", 1 + i % 2) for i in range(20)]
    rules = [Sample("inspection", Decimal("20"))]
    a = select_cases(base, include_all=set(), samples=rules, seed=5)
    b = select_cases([*base, cand(99, "inspection", 2)], include_all=set(), samples=rules, seed=5)
    assert a.log[0]["drawn"] == b.log[0]["drawn"]  # unit 1 untouched


def test_tampered_log_is_detected() -> None:
    cands = [cand(i, "inspection", 1) for i in range(10)]
    sel = select_cases(cands, include_all=set(), samples=[Sample("inspection", Decimal("20"))], seed=3)
    log = json.loads(json.dumps(sel.log))
    log[0]["drawn"] = [d for d in log[0]["population"] if d not in log[0]["drawn"]][:2]
    problems = replay_log(log)
    assert problems and "重新抽取" in problems[0]
    log = json.loads(json.dumps(sel.log))
    log[0]["count"] = 5
    assert any("应抽2卷" in p for p in replay_log(log))


def test_invalid_rules() -> None:
    cs = [cand(1, "a", 1)]
    with pytest.raises(ValueError, match="twice"):
        select_cases([cand(1, "a", 1), cand(1, "a", 2)], include_all={"a"}, samples=[], seed=0)
    with pytest.raises(ValueError, match="both"):
        select_cases(cs, include_all={"a"}, samples=[Sample("a", Decimal(10))], seed=0)
    with pytest.raises(ValueError, match="more than one"):
        select_cases(
            cs, include_all=set(), samples=[Sample("a", Decimal(10)), Sample("a", Decimal(20))], seed=0
        )
    with pytest.raises(ValueError, match="percent"):
        select_cases(cs, include_all=set(), samples=[Sample("a", Decimal(0))], seed=0)
    with pytest.raises(ValueError, match="percent"):
        select_cases(cs, include_all=set(), samples=[Sample("a", Decimal(101))], seed=0)


TYPES = ["penalty_general", "inspection", "complaint", "fire_investigation"]


@st.composite
def rounds(draw: st.DrawFn) -> tuple[list[Candidate], set[str], list[Sample], int]:
    n = draw(st.integers(0, 40))
    rows = draw(
        st.lists(
            st.tuples(st.sampled_from(TYPES), st.integers(1, 5), st.integers(0, 30)),
            min_size=n,
            max_size=n,
        )
    )
    # Duplicate doc numbers happen in messy registers; case_id breaks the tie.
    cands = [Candidate(i, f"D{num:03d}", t, u) for i, (t, u, num) in enumerate(rows)]
    kinds = draw(
        st.lists(st.sampled_from(["all", "sample", "none"]), min_size=len(TYPES), max_size=len(TYPES))
    )
    include = {t for t, k in zip(TYPES, kinds, strict=True) if k == "all"}
    samples = [
        Sample(
            t,
            draw(st.decimals(min_value=Decimal("0.1"), max_value=Decimal(100), places=1)),
            per_unit=draw(st.booleans()),
            minimum=draw(st.integers(0, 3)),
        )
        for t, k in zip(TYPES, kinds, strict=True)
        if k == "sample"
    ]
    return cands, include, samples, draw(st.integers(0, 2**31))


@settings(COMMON, max_examples=200)
@given(rounds(), st.randoms(use_true_random=False))
def test_selection_properties(r, shuffler) -> None:  # type: ignore[no-untyped-def]
    cands, include, samples, seed = r
    sel = select_cases(cands, include_all=include, samples=samples, seed=seed)
    by_id = {c.case_id: c for c in cands}
    chosen = set(sel.case_ids)
    assert len(chosen) == len(sel.case_ids)
    assert chosen <= set(by_id)
    # Every case of an include_all type; none of an unruled type.
    rules = {s.case_type: s for s in samples}
    for c in cands:
        if c.case_type in include:
            assert c.case_id in chosen
        elif c.case_type not in rules:
            assert c.case_id not in chosen
    # Every sampled group has exactly sample_size cases, drawn from itself.
    for e in sel.log:
        if e["rule"] == "sample":
            rule = rules[e["case_type"]]
            assert e["count"] == sample_size(rule.percent, len(e["population"]), rule.minimum)
            assert set(e["drawn_case_ids"]) <= set(e["population_case_ids"])
            assert (
                all(by_id[i].unit_id == e["unit_id"] for i in e["population_case_ids"])
                or e["unit_id"] is None
            )
    # Stable output order, reproducible from the log, independent of input order and of repetition.
    assert list(sel.case_ids) == sorted(sel.case_ids, key=lambda i: (by_id[i].doc_no, i))
    assert replay_log(json.loads(json.dumps(sel.log, ensure_ascii=False))) == []
    shuffled = list(cands)
    shuffler.shuffle(shuffled)
    again = select_cases(shuffled, include_all=include, samples=samples, seed=seed)
    assert again == sel
