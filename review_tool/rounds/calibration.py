"""How each reviewer's judgement compares with the reconciled (agreed) results (评查员校准).

Peer review is only fair if reviewers score alike. After the meeting fixes each case's agreed
result, we can measure, per reviewer over one or many rounds:

* **mean signed deviation** of the reviewer's total from the agreed total: negative = harsher than
  the meeting (scored lower), positive = more lenient; it shows a *direction* of bias;
* **mean absolute deviation**: how far off the reviewer is, whatever the direction (a reviewer who
  is harsh on some files and lenient on others has a signed mean near 0 but a large absolute one);
* **item agreement** with the agreed outcome: the raw share of items with the same outcome, and
  **Cohen's kappa** over the categories pass / deduct / na, which discounts the agreement expected
  by chance (when 95 % of items pass, agreeing on 95 % of items says little).

Sums and means are exact (`fractions.Fraction`, built from the `Decimal` scores without rounding);
round only when displaying (`display`). Kappa is undefined when chance agreement is already 100 %
(both sides put every item in the same single category); it is then None with a Chinese note saying
why, rather than a misleading 0 or 1.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

__all__ = [
    "CATEGORIES",
    "AgreedRecord",
    "Kappa",
    "ReviewRecord",
    "ReviewerCalibration",
    "calibrate",
    "cohen_kappa",
    "display",
]

#: Kappa categories (the recordable outcomes).
CATEGORIES: tuple[str, ...] = ("pass", "deduct", "na")
_ZH = {"pass": "符合", "deduct": "扣分", "na": "不适用"}


@dataclass(frozen=True)
class ReviewRecord:
    """One reviewer's submitted review of one case.

    Attributes:
        reviewer_id: The reviewer.
        case_id: The case.
        total: The reviewer's total score (Decimal).
        outcomes: ``item_id -> "pass" | "deduct" | "na" | None``.
        round_id: The round; with ``case_id`` it identifies the case review, so several rounds can be
            pooled even if a case was reviewed twice.
    """

    reviewer_id: int
    case_id: int
    total: Decimal
    outcomes: Mapping[str, str | None] = field(default_factory=dict)
    round_id: int = 0


@dataclass(frozen=True)
class AgreedRecord:
    """The reconciled result of one case (what the meeting agreed).

    Attributes:
        case_id: The case.
        total: The agreed total (Decimal).
        outcomes: ``item_id -> agreed outcome``.
        round_id: The round (see `ReviewRecord`).
    """

    case_id: int
    total: Decimal
    outcomes: Mapping[str, str | None] = field(default_factory=dict)
    round_id: int = 0


@dataclass(frozen=True)
class Kappa:
    """Cohen's kappa with what it rests on.

    Attributes:
        value: ``(p_o − p_e) / (1 − p_e)``, exact; None when undefined.
        observed: ``p_o``, the share of items in the same category (None without items).
        expected: ``p_e``, the agreement expected by chance from the two marginal distributions.
        items: Number of items compared.
        note: Chinese explanation when ``value`` is None.
        confusion: ``(rater_a, rater_b) -> count``.
    """

    value: Fraction | None
    observed: Fraction | None
    expected: Fraction | None
    items: int
    note: str | None = None
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)


def cohen_kappa(pairs: Iterable[tuple[str, str]], categories: tuple[str, ...] = CATEGORIES) -> Kappa:
    """Cohen's kappa of two raters over ``categories``.

    Args:
        pairs: One ``(rater_a, rater_b)`` pair of categories per item.
        categories: The allowed categories.

    Returns:
        The kappa, exact. Undefined (None, with a note) when there are no items or when the chance
        agreement ``p_e`` is 1, i.e. both raters used one and the same category for every item —
        then agreement is perfect but carries no information, and the formula is 0/0.

    Raises:
        ValueError: A category outside ``categories``.
    """
    confusion: Counter[tuple[str, str]] = Counter()
    for a, b in pairs:
        if a not in categories or b not in categories:
            raise ValueError(f"category must be one of {categories}, got {(a, b)!r}")
        confusion[(a, b)] += 1
    n = sum(confusion.values())
    if n == 0:
        return Kappa(None, None, None, 0, "没有可比较的条目，无法计算一致性系数（kappa）")
    rows = {c: sum(confusion[(c, d)] for d in categories) for c in categories}
    cols = {c: sum(confusion[(d, c)] for d in categories) for c in categories}
    p_o = Fraction(sum(confusion[(c, c)] for c in categories), n)
    p_e = Fraction(sum(rows[c] * cols[c] for c in categories), n * n)
    if p_e == 1:
        only = next(c for c in categories if rows[c])
        note = (
            f"全部{n}个条目双方均为“{_ZH.get(only, only)}”，偶然一致率即为100%，"
            "kappa无定义（0/0）；请参考原始一致率"
        )
        return Kappa(None, p_o, p_e, n, note, dict(confusion))
    return Kappa((p_o - p_e) / (1 - p_e), p_o, p_e, n, None, dict(confusion))


@dataclass(frozen=True)
class ReviewerCalibration:
    """One reviewer's calibration over the reviews given.

    Attributes:
        reviewer_id: The reviewer.
        cases: Case reviews with an agreed result that the totals rest on.
        items: Items compared for agreement (both sides answered).
        mean_signed_deviation: Mean of (reviewer total − agreed total); negative = harsh,
            positive = lenient. None without cases.
        mean_absolute_deviation: Mean of |reviewer total − agreed total|. None without cases.
        percent_agreement: Share of compared items with the agreed outcome, 0..1 (exact). None
            without items.
        kappa: Cohen's kappa against the agreed outcomes (see `Kappa`).
        skipped_items: Items left out because either side had no outcome.
        unmatched_reviews: Reviews with no agreed result (not yet reconciled), left out entirely.
    """

    reviewer_id: int
    cases: int
    items: int
    mean_signed_deviation: Fraction | None
    mean_absolute_deviation: Fraction | None
    percent_agreement: Fraction | None
    kappa: Kappa
    skipped_items: int = 0
    unmatched_reviews: int = 0

    @property
    def tendency_zh(self) -> str:
        """偏严 / 偏宽 / 持平 from the signed deviation (for display)."""
        d = self.mean_signed_deviation
        if d is None:
            return "无数据"
        return "偏严" if d < 0 else "偏宽" if d > 0 else "持平"

    def display(self, places: int = 2) -> dict[str, str]:
        """Rounded strings for a table (the only place values are rounded)."""
        k = self.kappa
        return {
            "评查卷数": str(self.cases),
            "比对条目数": str(self.items),
            "平均偏差": display(self.mean_signed_deviation, places),
            "平均绝对偏差": display(self.mean_absolute_deviation, places),
            "倾向": self.tendency_zh,
            "一致率": display(None if self.percent_agreement is None else self.percent_agreement * 100, 1)
            + ("%" if self.percent_agreement is not None else ""),
            "kappa": display(k.value, places) if k.value is not None else (k.note or "—"),
        }


def display(value: Fraction | Decimal | None, places: int = 2) -> str:
    """Round an exact value half-up (四舍五入) to ``places`` decimals for display; "—" for None."""
    if value is None:
        return "—"
    frac = Fraction(value)
    with localcontext() as ctx:
        ctx.prec = 60
        dec = Decimal(frac.numerator) / Decimal(frac.denominator)
        return str(dec.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def calibrate(
    reviews: Iterable[ReviewRecord],
    agreed: Iterable[AgreedRecord] | Mapping[tuple[int, int], AgreedRecord],
) -> dict[int, ReviewerCalibration]:
    """Per-reviewer calibration against the agreed results, over any number of rounds.

    Args:
        reviews: Submitted reviews (from one or many rounds).
        agreed: The agreed results, as records or keyed by ``(round_id, case_id)``.

    Returns:
        ``reviewer_id -> ReviewerCalibration`` for every reviewer appearing in ``reviews``.

    Raises:
        TypeError: A total is a float.
        ValueError: An outcome outside pass / deduct / na / None, or two agreed results for one
            ``(round_id, case_id)``.
    """
    if isinstance(agreed, Mapping):
        by_key = dict(agreed)
    else:
        by_key = {}
        for a in agreed:
            key = (a.round_id, a.case_id)
            if key in by_key:
                raise ValueError(f"two agreed results for round {a.round_id}, case {a.case_id}")
            by_key[key] = a

    devs: dict[int, list[Fraction]] = defaultdict(list)
    pairs: dict[int, list[tuple[str, str]]] = defaultdict(list)
    skipped: Counter[int] = Counter()
    unmatched: Counter[int] = Counter()
    reviewers: list[int] = []
    for r in reviews:
        if r.reviewer_id not in reviewers:
            reviewers.append(r.reviewer_id)
        ref = by_key.get((r.round_id, r.case_id))
        if ref is None:
            unmatched[r.reviewer_id] += 1
            continue
        for t in (r.total, ref.total):
            if isinstance(t, float):
                raise TypeError("totals must be Decimal, never float")
        devs[r.reviewer_id].append(Fraction(r.total) - Fraction(ref.total))
        for item in sorted(set(r.outcomes) | set(ref.outcomes)):
            mine, theirs = r.outcomes.get(item), ref.outcomes.get(item)
            for o in (mine, theirs):
                if o is not None and o not in CATEGORIES:
                    raise ValueError(f"outcome must be one of {CATEGORIES} or None, got {o!r}")
            if mine is None or theirs is None:
                skipped[r.reviewer_id] += 1
            else:
                pairs[r.reviewer_id].append((mine, theirs))

    out: dict[int, ReviewerCalibration] = {}
    for rid in reviewers:
        d = devs[rid]
        p = pairs[rid]
        agree = sum(1 for a, b in p if a == b)
        out[rid] = ReviewerCalibration(
            reviewer_id=rid,
            cases=len(d),
            items=len(p),
            mean_signed_deviation=sum(d, Fraction(0)) / len(d) if d else None,
            mean_absolute_deviation=sum((abs(x) for x in d), Fraction(0)) / len(d) if d else None,
            percent_agreement=Fraction(agree, len(p)) if p else None,
            kappa=cohen_kappa(p),
            skipped_items=skipped[rid],
            unmatched_reviews=unmatched[rid],
        )
    return out
