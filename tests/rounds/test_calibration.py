"""Tests of `review_tool.rounds.calibration`."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review_tool.rounds.calibration import (
    AgreedRecord,
    ReviewRecord,
    calibrate,
    cohen_kappa,
    display,
)

COMMON = settings(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
D = Decimal


def pairs_from_matrix(matrix: dict[tuple[str, str], int]) -> list[tuple[str, str]]:
    return [pair for pair, n in matrix.items() for _ in range(n)]


def test_textbook_two_category_example() -> None:
    """Wikipedia, "Cohen's kappa", worked example: 50 proposals, two readers, yes/no.

    Both yes 20, A yes B no 5, A no B yes 10, both no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4.
    (yes/no mapped to pass/deduct.)
    """
    pairs = pairs_from_matrix(
        {("pass", "pass"): 20, ("pass", "deduct"): 5, ("deduct", "pass"): 10, ("deduct", "deduct"): 15}
    )
    k = cohen_kappa(pairs)
    assert k.items == 50
    assert k.observed == Fraction(7, 10)
    assert k.expected == Fraction(1, 2)
    assert k.value == Fraction(2, 5)


def test_hand_computed_three_category_example() -> None:
    # Rows: reviewer, columns: agreed (pass, deduct, na)
    #          pass deduct na | row
    # pass      25     2    1 |  28
    # deduct     3    10    0 |  13
    # na         1     1    7 |   9
    # col       29    13    8 |  50
    # p_o = 42/50; p_e = (28·29 + 13·13 + 9·8) / 2500 = 1053/2500
    # kappa = (2100 − 1053) / (2500 − 1053) = 1047/1447
    m = {
        ("pass", "pass"): 25,
        ("pass", "deduct"): 2,
        ("pass", "na"): 1,
        ("deduct", "pass"): 3,
        ("deduct", "deduct"): 10,
        ("na", "pass"): 1,
        ("na", "deduct"): 1,
        ("na", "na"): 7,
    }
    k = cohen_kappa(pairs_from_matrix(m))
    assert k.observed == Fraction(42, 50)
    assert k.expected == Fraction(1053, 2500)
    assert k.value == Fraction(1047, 1447)
    assert display(k.value, 3) == "0.724"


def test_perfect_and_chance_and_worse_than_chance() -> None:
    assert cohen_kappa([("pass", "pass"), ("deduct", "deduct"), ("na", "na")]).value == 1
    # A reviewer who passes everything while the meeting does not: agreement no better than chance.
    k = cohen_kappa([("pass", "pass")] * 3 + [("pass", "deduct")])
    assert k.value == 0 and k.observed == Fraction(3, 4)
    assert cohen_kappa([("pass", "deduct"), ("deduct", "pass")]).value == -1


def test_degenerate_kappa_is_none_with_reason() -> None:
    k = cohen_kappa([("pass", "pass")] * 12)
    assert k.value is None and k.observed == 1 and k.expected == 1
    assert k.note is not None and "无定义" in k.note and "符合" in k.note and "12" in k.note
    empty = cohen_kappa([])
    assert empty.value is None and empty.items == 0 and empty.note and "没有可比较的条目" in empty.note
    with pytest.raises(ValueError):
        cohen_kappa([("pass", "maybe")])


def test_calibration_signs_and_means() -> None:
    agreed = [
        AgreedRecord(1, D("85"), {"A": "pass", "B": "deduct", "C": "na"}),
        AgreedRecord(2, D("90"), {"A": "pass", "B": "pass", "C": "deduct"}),
        AgreedRecord(3, D("70.5"), {"A": "deduct", "B": "pass"}),
    ]
    reviews = [
        # harsh: always lower than the meeting
        ReviewRecord(10, 1, D("80"), {"A": "deduct", "B": "deduct", "C": "na"}),
        ReviewRecord(10, 2, D("88"), {"A": "pass", "B": "pass", "C": "deduct"}),
        # lenient
        ReviewRecord(20, 1, D("90"), {"A": "pass", "B": "pass", "C": "na"}),
        ReviewRecord(20, 3, D("71"), {"A": "deduct", "B": None}),
        # erratic: +5 and −5
        ReviewRecord(30, 1, D("90"), {"A": "pass", "B": "deduct", "C": "na"}),
        ReviewRecord(30, 2, D("85"), {"A": "pass", "B": "pass", "C": "deduct"}),
        # not reconciled yet
        ReviewRecord(30, 4, D("60"), {"A": "pass"}),
    ]
    cal = calibrate(reviews, agreed)
    harsh, lenient, erratic = cal[10], cal[20], cal[30]
    assert harsh.mean_signed_deviation == Fraction(-7, 2) and harsh.tendency_zh == "偏严"
    assert harsh.mean_absolute_deviation == Fraction(7, 2)
    assert lenient.mean_signed_deviation == Fraction(11, 4) and lenient.tendency_zh == "偏宽"
    assert erratic.mean_signed_deviation == 0 and erratic.mean_absolute_deviation == 5
    assert erratic.tendency_zh == "持平"
    assert erratic.unmatched_reviews == 1 and erratic.cases == 2
    assert harsh.cases == 2 and harsh.items == 6 and harsh.percent_agreement == Fraction(5, 6)
    assert lenient.items == 4 and lenient.skipped_items == 1  # B None on case 3
    assert erratic.percent_agreement == 1 and erratic.kappa.value == 1
    row = harsh.display()
    assert row["平均偏差"] == "-3.50" and row["倾向"] == "偏严" and row["一致率"] == "83.3%"


def test_exact_means_round_only_for_display() -> None:
    agreed = [AgreedRecord(c, D(80)) for c in range(3)]
    reviews = [ReviewRecord(1, 0, D(81), {}), ReviewRecord(1, 1, D(80), {}), ReviewRecord(1, 2, D(80), {})]
    cal = calibrate(reviews, agreed)[1]
    assert cal.mean_signed_deviation == Fraction(1, 3)
    assert display(cal.mean_signed_deviation) == "0.33"
    assert display(Fraction(1, 8), 2) == "0.13"  # half-up (四舍五入), not banker's rounding
    assert cal.items == 0 and cal.percent_agreement is None and cal.kappa.value is None
    assert cal.display()["kappa"].startswith("没有可比较的条目")


def test_pooling_rounds_and_float_refusal() -> None:
    agreed = {(1, 5): AgreedRecord(5, D(80), round_id=1), (2, 5): AgreedRecord(5, D(90), round_id=2)}
    reviews = [ReviewRecord(1, 5, D(78), round_id=1), ReviewRecord(1, 5, D(95), round_id=2)]
    cal = calibrate(reviews, agreed)[1]
    assert cal.cases == 2 and cal.mean_signed_deviation == Fraction(3, 2)
    with pytest.raises(TypeError):
        calibrate([ReviewRecord(1, 5, 78.0, round_id=1)], agreed)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        calibrate([], [AgreedRecord(5, D(1)), AgreedRecord(5, D(2))])


CAT = st.sampled_from(["pass", "deduct", "na"])


@settings(COMMON, max_examples=300)
@given(st.lists(st.tuples(CAT, CAT), max_size=40))
def test_kappa_properties(pairs) -> None:  # type: ignore[no-untyped-def]
    k = cohen_kappa(pairs)
    swapped = cohen_kappa([(b, a) for a, b in pairs])
    assert k.value == swapped.value  # symmetric in the two raters
    if not pairs:
        assert k.value is None
        return
    assert k.observed == Fraction(sum(a == b for a, b in pairs), len(pairs))
    if k.value is None:
        assert len({a for a, _ in pairs} | {b for _, b in pairs}) == 1  # undefined only if one category
    else:
        assert -1 <= k.value <= 1
        assert (k.value == 1) == all(a == b for a, b in pairs)
