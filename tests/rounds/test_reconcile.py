"""Tests of `review_tool.rounds.reconcile`."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review_tool.rounds.reconcile import (
    ItemVote,
    accept_agreed,
    compare_votes,
    disagreement,
    triggered_vetoes,
)

COMMON = settings(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
D = Decimal
ORDER = ["A1", "A2", "B1", "B2", "V1"]


def test_agreement_is_same_outcome_and_same_points() -> None:
    votes = {
        1: {
            "A1": ItemVote("pass"),
            "A2": ItemVote("deduct", D("1.0"), 1, "第3页未签名"),
            "B1": ItemVote("deduct", D("2")),
            "B2": ItemVote("na"),
            "V1": ItemVote(None),
        },
        2: {
            "A1": ItemVote("pass"),
            "A2": ItemVote("deduct", D("1"), 2, "第3页、第5页未签名"),  # 1.0 == 1; occurrences differ
            "B1": ItemVote("deduct", D("2.5")),
            "B2": ItemVote("pass"),
            "V1": ItemVote(None),
        },
    }
    cmp = compare_votes(votes, ORDER)
    agreed = {i.item_id: i.agreed for i in cmp.items}
    assert agreed == {"A1": True, "A2": True, "B1": False, "B2": False, "V1": False}
    # Differing first, then checklist order.
    assert [i.item_id for i in cmp.items] == ["B1", "B2", "V1", "A1", "A2"]
    b1 = next(i for i in cmp.items if i.item_id == "B1")
    assert b1.points_range == (D(2), D("2.5")) and b1.outcome is None
    assert b1.votes[1] == ItemVote("deduct", D(2)) and b1.votes[2] == ItemVote("deduct", D("2.5"))
    assert "扣2分" in b1.summary_zh({1: "张三"}) and "张三" in b1.summary_zh({1: "张三"})

    accepted = accept_agreed(cmp)
    assert list(accepted) == ["A1", "A2"]
    a2 = accepted["A2"]
    assert a2.outcome == "deduct" and a2.points == D(1)
    assert a2.occurrences is None  # the counts differed; the points were agreed
    assert a2.reason == "第3页未签名；第3页、第5页未签名"


def test_missing_items_and_items_outside_the_checklist() -> None:
    votes = {
        1: {"A1": ItemVote("pass"), "X9": ItemVote("deduct", D(1))},
        2: {"A1": ItemVote("pass")},
    }
    cmp = compare_votes(votes, ["A1", "A2"])
    ids = [(i.item_id, i.agreed, i.in_checklist) for i in cmp.items]
    assert ids == [("A2", False, True), ("X9", False, False), ("A1", True, True)]
    x9 = next(i for i in cmp.items if i.item_id == "X9")
    assert x9.votes[2] is None
    assert accept_agreed(cmp) == {"A1": ItemVote("pass")}


def test_single_reviewer_agrees_with_itself_when_answered() -> None:
    cmp = compare_votes({1: {"A1": ItemVote("pass"), "A2": ItemVote(None)}}, ["A1", "A2"])
    assert [(i.item_id, i.agreed) for i in cmp.items] == [("A2", False), ("A1", True)]


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError):
        ItemVote("deduct", 1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ItemVote("maybe")
    assert ItemVote("deduct", 2).points == D(2)  # type: ignore[arg-type]  # ints are fine: exact
    with pytest.raises(TypeError):
        disagreement({1: D(90), 2: 80.5}, threshold=D(10))  # type: ignore[dict-item]
    with pytest.raises(ValueError):
        compare_votes({}, ["A1", "A1"])


def test_disagreement_threshold_is_strict() -> None:
    assert not disagreement({1: D("90"), 2: D("80")}, threshold=D(10)).flagged
    d = disagreement({1: D("90"), 2: D("79.5")}, threshold=D(10), names={1: "张三", 2: "李四"})
    assert d.flagged and d.totals_exceed and d.spread == D("10.5")
    assert "10.5" in d.messages[0] and "张三最高90分" in d.messages[0]
    three = disagreement({1: D(95), 2: D(88), 3: D(84)}, threshold=D(10))
    assert three.spread == D(11) and three.flagged


def test_disputed_veto() -> None:
    votes = {
        1: {"V1": ItemVote("deduct"), "V2": ItemVote("deduct"), "A1": ItemVote("deduct", D(2))},
        2: {"V1": ItemVote("pass"), "V2": ItemVote("deduct"), "A1": ItemVote("deduct", D(2))},
        3: {"V1": ItemVote("deduct"), "V2": ItemVote("deduct")},
    }
    vetoes = triggered_vetoes(votes, {"V1", "V2"})
    assert vetoes == {1: frozenset({"V1", "V2"}), 2: frozenset({"V2"}), 3: frozenset({"V1", "V2"})}
    d = disagreement({1: D(0), 2: D(85), 3: D(0)}, threshold=D(100), vetoes=vetoes)
    assert d.flagged and not d.totals_exceed
    assert d.disputed_vetoes == ("V1",)  # V2 triggered by everyone: not disputed
    assert d.veto_votes == {"V1": (1, 3)}
    assert "否决项V1存在分歧" in d.messages[0] and "评查员2未认定" in d.messages[0]
    # A reviewer with a total but no veto entry counts as "not triggered".
    d2 = disagreement({1: D(60), 2: D(60)}, threshold=D(5), vetoes={1: {"V1"}})
    assert d2.disputed_vetoes == ("V1",)
    assert not disagreement({1: D(60), 2: D(60)}, threshold=D(5), vetoes={1: set(), 2: set()}).flagged


OUTCOME = st.sampled_from(["pass", "deduct", "na", None])
POINTS = st.sampled_from([D(0), D("0.5"), D(1), D("1.0"), D(2)])


@settings(COMMON, max_examples=200)
@given(
    st.integers(1, 4),
    st.lists(st.sampled_from([f"I{i}" for i in range(12)]), min_size=1, max_size=12, unique=True),
    st.data(),
)
def test_ordering_and_acceptance_properties(n_reviewers, order, data) -> None:  # type: ignore[no-untyped-def]
    votes = {
        rid: {
            item: ItemVote(data.draw(OUTCOME), data.draw(POINTS))
            for item in order
            if data.draw(st.integers(0, 9)) > 0  # sometimes missing
        }
        for rid in range(1, n_reviewers + 1)
    }
    cmp = compare_votes(votes, order)
    flags = [i.agreed for i in cmp.items]
    assert flags == sorted(flags)  # every differing item before every agreed one
    for group in (cmp.differing, cmp.agreed_items):
        positions = [i.position for i in group]
        assert positions == sorted(positions)
    assert sorted(i.item_id for i in cmp.items) == sorted(order)
    for item in cmp.items:
        vs = [votes[r].get(item.item_id) for r in votes]
        expected = all(v is not None and v.outcome is not None for v in vs) and (
            len({(v.outcome, v.points) for v in vs if v is not None}) == 1
        )
        assert item.agreed == expected
    accepted = accept_agreed(cmp)
    assert set(accepted) == {i.item_id for i in cmp.agreed_items}
    for item_id, v in accepted.items():
        assert all(
            votes[r][item_id].outcome == v.outcome and votes[r][item_id].points == v.points for r in votes
        )
