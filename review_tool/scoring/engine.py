"""The scoring engine: pure functions from a checklist and item results to scores.

No database, no Qt. Used by the services (to cache a review's score), the GUI
(live subtotals), reconciliation and reports, and property-tested with
hypothesis.

Rules (docs/CHECKLIST_FORMAT.md):
- an item never loses more than its points; a section never goes below zero
  (扣完为止，不计负分); the total is the sum of the sections;
- 符合 and 不适用 lose nothing; unreviewed items lose nothing but the score is
  marked provisional (`complete` is False);
- a 扣分 result on an item with a veto applies it: `zero` → total 0; `fail` →
  the lowest grade whatever the score; `no_excellent` → not the top grade.
  The strongest veto wins (zero > fail > no_excellent).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from review_tool.domain.checklist import Checklist, GradeBand, Item
from review_tool.domain.enums import DeductionKind, Outcome, VetoKind
from review_tool.domain.errors import ReviewToolError

ZERO = Decimal(0)
CENT = Decimal("0.01")
VETO_STRENGTH = {VetoKind.NO_EXCELLENT: 1, VetoKind.FAIL: 2, VetoKind.ZERO: 3}


class RuleNotApplicable(ReviewToolError):
    """A deduction that the item's rule does not allow (e.g. a range with no value chosen)."""


@dataclass(frozen=True)
class ResultInput:
    """What the engine needs of one recorded item result."""

    outcome: Outcome
    points: Decimal = ZERO  # points deducted, as recorded


@dataclass(frozen=True)
class SectionScore:
    id: str
    title: str
    points: Decimal
    deducted: Decimal  # sum of item deductions, before the section floor
    score: Decimal  # max(0, points - deducted)
    reviewed: int
    items: int


@dataclass(frozen=True)
class ReviewScore:
    total: Decimal  # after vetoes
    raw_total: Decimal  # sum of section scores, before vetoes
    full_marks: Decimal
    grade: str
    veto: VetoKind | None
    veto_items: tuple[str, ...]
    sections: tuple[SectionScore, ...]
    complete: bool
    reviewed: int
    items: int
    deductions: int

    @property
    def fails(self) -> bool:
        return self.veto in (VetoKind.FAIL, VetoKind.ZERO)


def deduction_for(item: Item, *, occurrences: int | None = None, value: Decimal | None = None) -> Decimal:
    """The points a 扣分 result takes off `item`, by its rule.

    Raises:
        RuleNotApplicable: the inputs don't fit the rule (no occurrences for a
            per-occurrence rule, a value outside the range …). The message is a
            hint for the reviewer.
    """
    r = item.rule
    if isinstance(value, float) or isinstance(occurrences, float):
        raise TypeError("use Decimal or int, never float")
    if r.kind is DeductionKind.FIXED:
        assert r.points is not None
        return r.points
    if r.kind is DeductionKind.FULL:
        return item.points
    if r.kind is DeductionKind.VETO_ONLY:
        return ZERO
    if r.kind is DeductionKind.PER_OCCURRENCE:
        assert r.per is not None
        if occurrences is None or occurrences < 1:
            raise RuleNotApplicable(f"{item.id}: enter how many times (每处扣 {r.per} 分)")
        cap = r.cap if r.cap is not None else item.points
        return min(r.per * occurrences, cap)
    # range
    assert r.min is not None and r.max is not None
    if value is None:
        raise RuleNotApplicable(f"{item.id}: choose the points to deduct between {r.min} and {r.max}")
    if not (r.min <= value <= r.max):
        raise RuleNotApplicable(f"{item.id}: {value} is outside {r.min}–{r.max}")
    if value != value.quantize(CENT):
        raise RuleNotApplicable(f"{item.id}: at most two decimals")
    return value


def grade_for(total: Decimal, bands: Sequence[GradeBand]) -> str:
    for band in bands:
        if total >= band.min:
            return band.grade
    return bands[-1].grade


def strongest(vetoes: Sequence[VetoKind]) -> VetoKind | None:
    return max(vetoes, key=lambda v: VETO_STRENGTH[v], default=None)


def apply_veto(total: Decimal, veto: VetoKind | None, checklist: Checklist) -> tuple[Decimal, str]:
    """The total and grade after a veto."""
    bands = checklist.grade_bands
    if veto is VetoKind.ZERO:
        return ZERO, checklist.fail_grade
    if veto is VetoKind.FAIL:
        return total, checklist.fail_grade
    grade = grade_for(total, bands)
    if veto is VetoKind.NO_EXCELLENT and grade == checklist.top_grade:
        grade = bands[1].grade
    return total, grade


def score_review(checklist: Checklist, results: Mapping[str, ResultInput]) -> ReviewScore:
    """Score one review. Results for item ids not in the checklist are ignored."""
    sections: list[SectionScore] = []
    vetoes: list[VetoKind] = []
    veto_items: list[str] = []
    reviewed = deductions = 0
    n_items = 0
    for s in checklist.sections:
        deducted = ZERO
        s_reviewed = 0
        for item in s.items:
            n_items += 1
            r = results.get(item.id)
            if r is None:
                continue
            s_reviewed += 1
            if r.outcome is Outcome.DEDUCT:
                deductions += 1
                deducted += min(max(r.points, ZERO), item.points)
                if item.veto is not None:
                    vetoes.append(item.veto)
                    veto_items.append(item.id)
        reviewed += s_reviewed
        score = max(ZERO, s.points - deducted)
        sections.append(SectionScore(s.id, s.title, s.points, deducted, score, s_reviewed, len(s.items)))
    raw_total = sum((x.score for x in sections), ZERO)
    veto = strongest(vetoes)
    total, grade = apply_veto(raw_total, veto, checklist)
    return ReviewScore(
        total=total,
        raw_total=raw_total,
        full_marks=checklist.total,
        grade=grade,
        veto=veto,
        veto_items=tuple(veto_items),
        sections=tuple(sections),
        complete=reviewed == n_items,
        reviewed=reviewed,
        items=n_items,
        deductions=deductions,
    )


@dataclass(frozen=True)
class CaseScore:
    """The score of a case over its reviewers."""

    total: Decimal
    grade: str
    veto: VetoKind | None
    source: str  # "reconciled" | "mean" | "none"
    reviews: int
    totals: tuple[Decimal, ...]
    spread: Decimal
    flagged: bool
    flags: tuple[str, ...] = field(default=())


def aggregate(
    checklist: Checklist,
    submitted: Sequence[ReviewScore],
    *,
    threshold: Decimal,
    reconciled: ReviewScore | None = None,
) -> CaseScore:
    """Combine reviewers' scores of one case.

    The reconciled result wins when there is one. Otherwise the total is the
    mean of the submitted reviews' scores before vetoes (rounded half-up to
    0.01), and the strongest veto any reviewer applied is carried, provisionally, until the
    meeting settles it; a veto not applied by every reviewer is flagged as
    disputed. Totals further apart than `threshold` are flagged too.
    """
    totals = tuple(s.total for s in submitted)
    spread = (max(totals) - min(totals)) if totals else ZERO
    flags: list[str] = []
    if len(totals) > 1 and spread > threshold:
        flags.append("spread")
    veto_sets = {s.veto for s in submitted}
    if len(veto_sets) > 1:
        flags.append("veto_disputed")
    if reconciled is not None:
        return CaseScore(reconciled.total, reconciled.grade, reconciled.veto, "reconciled", len(totals), totals,
                         spread, bool(flags), tuple(flags))
    if not submitted:
        return CaseScore(ZERO, "", None, "none", 0, (), ZERO, False, ())
    veto = strongest([v for v in veto_sets if v is not None])
    raw_mean = (sum((s.raw_total for s in submitted), ZERO) / len(submitted)).quantize(CENT, rounding=ROUND_HALF_UP)
    total, grade = apply_veto(raw_mean, veto, checklist)
    return CaseScore(total, grade, veto, "mean", len(totals), totals, spread, bool(flags), tuple(flags))
