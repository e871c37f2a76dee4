"""Comparing several reviewers' results for one case (合议 / reconciliation before the meeting).

At the monthly meeting the legal officer walks through the items the reviewers did *not* agree on;
the rest can be accepted in one step. This module is the pure comparison behind that screen:

* `compare_votes` lines the reviewers' votes up item by item and orders the items so that
  disagreements come first, then the checklist's own order;
* `accept_agreed` returns the agreed items as results, ready to store;
* `disagreement` flags a case whose reviewers' totals differ by more than the configured
  threshold (评查分差, ``settings.yaml``) or who disagree on a veto item (一票否决), the two things
  the meeting must discuss whatever the item-level picture.

Scores are `Decimal` throughout: a float would turn 0.5 + 0.5 + … into 4.999999 and make equal
deductions look different.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

__all__ = [
    "OUTCOMES",
    "CaseComparison",
    "Disagreement",
    "ItemComparison",
    "ItemVote",
    "Outcome",
    "accept_agreed",
    "compare_votes",
    "disagreement",
    "triggered_vetoes",
]

Outcome = Literal["pass", "deduct", "na"]
#: The recordable outcomes (same values as ``review_tool.domain.enums.Outcome``).
OUTCOMES: tuple[str, ...] = ("pass", "deduct", "na")

_OUTCOME_ZH = {"pass": "符合", "deduct": "扣分", "na": "不适用", None: "未评"}


def _name(names: Mapping[int, str] | None, rid: int) -> str:
    return names[rid] if names and rid in names else f"评查员{rid}"


@dataclass(frozen=True)
class ItemVote:
    """One reviewer's result for one checklist item.

    Attributes:
        outcome: ``"pass"``, ``"deduct"``, ``"na"``, or None when the reviewer has not answered yet.
        points: The points the reviewer deducted (0 for pass / na). Decimal, never float.
        occurrences: For "每处扣 N 分" items, how many occurrences the reviewer counted.
        reason: The reviewer's written reason (and page reference).
    """

    outcome: str | None
    points: Decimal = Decimal(0)
    occurrences: int | None = None
    reason: str = ""

    def __post_init__(self) -> None:
        if self.outcome is not None and self.outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {OUTCOMES} or None, got {self.outcome!r}")
        if isinstance(self.points, float) or not isinstance(self.points, (Decimal, int)):
            raise TypeError(f"points must be a Decimal (never a float), got {type(self.points).__name__}")
        if isinstance(self.points, int):
            object.__setattr__(self, "points", Decimal(self.points))


@dataclass(frozen=True)
class ItemComparison:
    """The reviewers' votes on one item, side by side.

    Attributes:
        item_id: The checklist item.
        agreed: True when every reviewer answered, all with the same outcome and the same points
            (numerically: 1.0 equals 1). Occurrence counts and reasons may still differ.
        votes: ``reviewer_id -> vote``; None when the item is missing from that reviewer's results.
        position: Index in the checklist order (items not in the checklist follow it).
        in_checklist: False for an item some reviewer has that the checklist order does not list
            (e.g. a review begun on an older checklist version).
    """

    item_id: str
    agreed: bool
    votes: dict[int, ItemVote | None]
    position: int
    in_checklist: bool = True

    @property
    def outcome(self) -> str | None:
        """The agreed outcome, or None if the reviewers disagree."""
        if not self.agreed:
            return None
        return next(v.outcome for v in self.votes.values() if v is not None)

    @property
    def points(self) -> Decimal | None:
        """The agreed points, or None if the reviewers disagree."""
        if not self.agreed:
            return None
        return next(v.points for v in self.votes.values() if v is not None)

    @property
    def points_range(self) -> tuple[Decimal, Decimal] | None:
        """Lowest and highest points among the answers (None if nobody answered)."""
        pts = [v.points for v in self.votes.values() if v is not None and v.outcome is not None]
        return (min(pts), max(pts)) if pts else None

    def summary_zh(self, names: Mapping[int, str] | None = None) -> str:
        """One line for the meeting: each reviewer's outcome and points."""
        parts = []
        for rid, v in self.votes.items():
            who = _name(names, rid)
            if v is None or v.outcome is None:
                parts.append(f"{who}：未评")
            elif v.outcome == "deduct":
                parts.append(f"{who}：扣{v.points}分")
            else:
                parts.append(f"{who}：{_OUTCOME_ZH[v.outcome]}")
        return f"{self.item_id}（{'一致' if self.agreed else '不一致'}）" + "；".join(parts)


@dataclass(frozen=True)
class CaseComparison:
    """All items of one case, differing items first, then checklist order.

    Attributes:
        reviewer_ids: The reviewers compared, in the order their votes are listed.
        items: Per-item comparisons in discussion order.
    """

    reviewer_ids: tuple[int, ...]
    items: tuple[ItemComparison, ...] = field(default_factory=tuple)

    @property
    def differing(self) -> tuple[ItemComparison, ...]:
        """The items the meeting must discuss."""
        return tuple(i for i in self.items if not i.agreed)

    @property
    def agreed_items(self) -> tuple[ItemComparison, ...]:
        """The items that can be accepted as they are."""
        return tuple(i for i in self.items if i.agreed)


def _same(votes: list[ItemVote | None]) -> bool:
    if not votes or any(v is None or v.outcome is None for v in votes):
        return False
    first = votes[0]
    assert first is not None
    return all(v is not None and v.outcome == first.outcome and v.points == first.points for v in votes)


def compare_votes(
    votes: Mapping[int, Mapping[str, ItemVote]],
    checklist_order: Sequence[str],
) -> CaseComparison:
    """Compare the reviewers' item results for one case.

    Args:
        votes: ``reviewer_id -> (item_id -> vote)``. An item missing from a reviewer's mapping counts
            as not answered (so it is not agreed).
        checklist_order: The checklist's item ids in order. Items some reviewer voted on that are not
            listed are kept (after the listed ones, by id) so nothing a reviewer wrote is lost.

    Returns:
        The comparison, differing items first (each group in checklist order).

    Raises:
        ValueError: ``checklist_order`` lists an item twice.
    """
    if len(set(checklist_order)) != len(checklist_order):
        raise ValueError("checklist_order lists an item twice")
    reviewer_ids = tuple(votes)
    listed = list(checklist_order)
    known = set(listed)
    extra = sorted({item for per in votes.values() for item in per if item not in known})
    items: list[ItemComparison] = []
    for pos, item_id in enumerate(listed + extra):
        row = {rid: votes[rid].get(item_id) for rid in reviewer_ids}
        items.append(
            ItemComparison(
                item_id=item_id,
                agreed=_same(list(row.values())),
                votes=row,
                position=pos,
                in_checklist=item_id in known,
            )
        )
    items.sort(key=lambda i: (i.agreed, i.position))
    return CaseComparison(reviewer_ids=reviewer_ids, items=tuple(items))


def accept_agreed(comparison: CaseComparison) -> dict[str, ItemVote]:
    """The agreed items as final results, in checklist order (one click at the meeting).

    The outcome and points are the common ones; the occurrence count is kept when all reviewers
    gave the same one (else None: the points, not the count, were agreed); the reasons are the
    reviewers' distinct non-empty reasons joined with "；" so no remark is lost.

    Args:
        comparison: From `compare_votes`.

    Returns:
        ``item_id -> ItemVote`` for every agreed item.
    """
    out: dict[str, ItemVote] = {}
    for item in sorted(comparison.agreed_items, key=lambda i: i.position):
        vs = [v for v in item.votes.values() if v is not None]
        occ = {v.occurrences for v in vs}
        reasons: list[str] = []
        for v in vs:
            r = v.reason.strip()
            if r and r not in reasons:
                reasons.append(r)
        out[item.item_id] = ItemVote(
            outcome=vs[0].outcome,
            points=vs[0].points,
            occurrences=occ.pop() if len(occ) == 1 else None,
            reason="；".join(reasons),
        )
    return out


@dataclass(frozen=True)
class Disagreement:
    """Whether a case must be discussed, and why.

    Attributes:
        flagged: True when the totals differ by more than the threshold or a veto is disputed.
        spread: Highest minus lowest total.
        threshold: The threshold used (评查分差).
        totals_exceed: ``spread > threshold``.
        disputed_vetoes: Veto items some reviewers triggered and others did not, sorted.
        veto_votes: For each disputed veto item, the reviewers who triggered it.
        messages: Chinese sentences for the meeting list.
    """

    flagged: bool
    spread: Decimal
    threshold: Decimal
    totals_exceed: bool
    disputed_vetoes: tuple[str, ...] = ()
    veto_votes: dict[str, tuple[int, ...]] = field(default_factory=dict)
    messages: tuple[str, ...] = ()


def disagreement(
    totals: Mapping[int, Decimal],
    *,
    threshold: Decimal,
    vetoes: Mapping[int, Collection[str]] | None = None,
    names: Mapping[int, str] | None = None,
) -> Disagreement:
    """Flag a case whose reviewers disagree beyond what the meeting may wave through.

    Args:
        totals: ``reviewer_id -> total score`` (Decimal).
        threshold: Totals may differ by at most this much (``disagreement_threshold``); more is
            flagged. Equal to the threshold is not flagged.
        vetoes: ``reviewer_id -> veto item ids the reviewer triggered`` (see `triggered_vetoes`).
            A reviewer present in ``totals`` but absent here triggered none.
        names: ``reviewer_id -> name`` for the messages.

    Returns:
        The verdict with its reasons.

    Raises:
        TypeError: A total or the threshold is a float.
    """
    for v in (*totals.values(), threshold):
        if isinstance(v, float):
            raise TypeError("totals and threshold must be Decimal, never float")
    values = [Decimal(v) for v in totals.values()]
    spread = max(values) - min(values) if values else Decimal(0)
    exceed = spread > threshold
    vetoes = vetoes or {}
    everyone = list(dict.fromkeys([*totals, *vetoes]))
    triggered: dict[str, list[int]] = {}
    for rid in everyone:
        for item in vetoes.get(rid, ()):
            triggered.setdefault(item, []).append(rid)
    disputed = sorted(item for item, who in triggered.items() if len(set(who)) < len(everyone))
    messages: list[str] = []
    if exceed:
        hi = max(totals, key=lambda r: totals[r])
        lo = min(totals, key=lambda r: totals[r])
        messages.append(
            f"评查总分相差{spread}分，超过{threshold}分的分差标准"
            f"（{_name(names, hi)}最高{totals[hi]}分，{_name(names, lo)}最低{totals[lo]}分）"
        )
    for item in disputed:
        who = sorted(set(triggered[item]))
        others = [r for r in everyone if r not in who]
        messages.append(
            f"否决项{item}存在分歧：{'、'.join(_name(names, r) for r in who)}认定触发，"
            f"{'、'.join(_name(names, r) for r in others)}未认定"
        )
    return Disagreement(
        flagged=exceed or bool(disputed),
        spread=spread,
        threshold=threshold,
        totals_exceed=exceed,
        disputed_vetoes=tuple(disputed),
        veto_votes={item: tuple(sorted(set(triggered[item]))) for item in disputed},
        messages=tuple(messages),
    )


def triggered_vetoes(
    votes: Mapping[int, Mapping[str, ItemVote]], veto_item_ids: Collection[str]
) -> dict[int, frozenset[str]]:
    """Which veto items each reviewer triggered: a ``"deduct"`` outcome on a veto item.

    Args:
        votes: ``reviewer_id -> (item_id -> vote)``.
        veto_item_ids: The checklist's veto items (basic-standard items and items carrying a veto).

    Returns:
        ``reviewer_id -> item ids`` (empty set for reviewers who triggered none).
    """
    vetoes = set(veto_item_ids)
    return {
        rid: frozenset(i for i, v in per.items() if i in vetoes and v.outcome == "deduct")
        for rid, per in votes.items()
    }
