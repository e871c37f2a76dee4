"""The content of the reports as frozen data: what `data.py` builds and the renderers draw.

No ORM object and no ReportLab object appears here, so the numbers of a report can
be tested without a PDF and a report can be drawn on a thread that never touches
the database. Scores are `Decimal`, shares are `Decimal` percentages; nothing is
a float.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from review_tool.domain.enums import Outcome

# -- score sheet ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FileRef:
    """A case file the review was made on, as fingerprinted at import."""

    relpath: str
    sha256: str
    pages: int


@dataclass(frozen=True)
class SheetItem:
    """One checklist item with its result."""

    item_id: str
    text: str
    points: Decimal  # the item's points (0 for a pure veto item)
    veto: str  # '' or the Chinese label of the item's veto effect
    category: str  # problem category code
    outcome: Outcome | None  # None: not rated yet
    deducted: Decimal
    occurrences: int | None
    reason: str
    where: str  # cited pages and recording timestamps, formatted
    proposed_by: str = ""  # reconciled sheets: the reviewer whose result was adopted

    @property
    def is_problem(self) -> bool:
        return self.outcome is Outcome.DEDUCT


@dataclass(frozen=True)
class SheetSection:
    id: str
    title: str
    points: Decimal
    deducted: Decimal  # before the section floor
    score: Decimal
    items: tuple[SheetItem, ...]


@dataclass(frozen=True)
class ScoreSheet:
    """A 评查表 of one case: the agreed result, one reviewer's result, or a draft."""

    case_id: int
    doc_no: str
    case_type_name: str
    unit_name: str
    handlers: tuple[str, ...]
    party: str
    round_label: str  # e.g. 2025年5月执法案卷评查 (or 日常评查 for a review outside a round)
    kind: str  # reconciled | review | draft
    kind_label: str  # 会商定稿 / 评查员评分 / 草稿（评查中）
    reviewers: tuple[str, ...]
    checklist_title: str
    checklist_id: str
    checklist_version: str
    checklist_sha256: str
    files: tuple[FileRef, ...]
    sections: tuple[SheetSection, ...]
    total: Decimal
    raw_total: Decimal
    full_marks: Decimal
    grade: str
    veto_label: str  # '' or the effect of the strongest veto applied
    veto_reasons: tuple[str, ...]  # the veto items applied, with their reasons
    complete: bool
    final: bool  # the round is finalised and this is the result it holds
    notes: tuple[str, ...]  # e.g. how the final total was formed
    legal_officer: str
    signed_on: dt.date | None
    issuing_unit: str
    watermark: str = ""  # 草稿 / 初稿, or ''

    def items(self) -> list[SheetItem]:
        return [i for s in self.sections for i in s.items]


# -- monthly bulletin ------------------------------------------------------------------------


@dataclass(frozen=True)
class GradeRow:
    grade: str
    count: int
    share: Decimal  # percent of scored cases


@dataclass(frozen=True)
class TypeRow:
    case_type: str
    name: str
    cases: int
    scored: int
    average: Decimal | None
    fails: int


@dataclass(frozen=True)
class LowItem:
    """An item where a unit or an officer lost the most points."""

    label: str  # e.g. 处罚·S2-03 询问笔录…
    cases: int
    points: Decimal


@dataclass(frozen=True)
class RankRow:
    """A line of the unit or officer ranking."""

    rank: int
    name: str
    unit: str  # the officer's unit ('' for unit rows)
    township: bool
    cases: int  # cases in the round
    scored: int  # cases with a (final or provisional) total
    average: Decimal | None
    lowest: Decimal | None
    highest: Decimal | None
    fails: int
    provisional: int  # of the scored cases, how many are not final yet
    low_items: tuple[LowItem, ...]


@dataclass(frozen=True)
class ParetoRow:
    key: str  # item key (checklist id + item id) or category code
    label: str  # short label for charts
    text: str  # item text or category name
    count: int  # cases in which it was found
    points: Decimal  # points lost over those cases
    share: Decimal  # percent of all problems
    cumulative: Decimal  # percent, running


@dataclass(frozen=True)
class TrendPoint:
    month: str
    round_id: int
    cases: int
    average: Decimal | None
    fails: int
    fail_rate: Decimal | None  # percent
    final: bool
    current: bool


@dataclass(frozen=True)
class ProblemRow:
    """A problem found in a case: for the typical-problems table."""

    doc_no: str
    unit: str
    handlers: tuple[str, ...]
    item_label: str
    item_text: str
    category: str  # category name
    reason: str
    where: str
    points: Decimal
    veto: str


@dataclass(frozen=True)
class RectRow:
    """A rectification item (整改事项)."""

    seq: int
    doc_no: str
    unit: str
    owner: str
    problem: str
    category: str
    deadline: str  # ISO date, or 待定
    status: str  # 待整改 / 已整改 / 已核实
    derived: bool  # made from the deductions (no findings recorded yet)


@dataclass(frozen=True)
class RectUnitRow:
    """Rectification items of one unit, by status (the bulletin's summary; the list is an appendix)."""

    unit: str
    items: int
    open: int
    rectified: int
    verified: int
    undated: int  # deadline 待定
    earliest: str  # the earliest deadline of the open items, or ''


@dataclass(frozen=True)
class CaseLine:
    """A line of the appendix's list of every case and how its total was formed."""

    case_id: int
    doc_no: str
    case_type: str
    unit: str
    township: bool
    handlers: tuple[str, ...]
    reviewers: tuple[str, ...]
    submitted: int
    review_totals: tuple[Decimal, ...]
    total: Decimal | None
    grade: str
    state: str  # final | provisional | pending
    source_label: str  # 会商定稿 / 均分定稿 / 会商初定 / 初评均分 / 待评
    flagged: bool  # reviewers' totals far apart or a disputed veto
    fails: bool = False  # graded the checklist's lowest band


@dataclass(frozen=True)
class VersionRow:
    title: str
    checklist_id: str
    version: str
    sha256: str
    cases: int


@dataclass(frozen=True)
class ItemRow:
    """One recorded item result, for the CSV of all item results."""

    month: str
    doc_no: str
    case_type: str
    unit: str
    handlers: str
    source: str  # 评查 (a reviewer's) | 会商 (the reconciled result)
    reviewer: str
    status: str  # 已提交 / 评查中 / 会商定稿 …
    checklist_id: str
    version: str
    section: str
    item_id: str
    item_text: str
    category: str
    points: Decimal
    outcome: str
    deducted: Decimal
    occurrences: int | None
    reason: str
    where: str
    proposed_by: str


@dataclass(frozen=True)
class MonthlyReport:
    round_id: int
    month: str
    title: str
    issuing_unit: str
    round_status: str  # Chinese label
    final: bool  # round finalised: every figure is final
    generated_at: dt.datetime
    cases: int
    scored: int
    final_cases: int
    provisional_cases: int
    pending_cases: int
    reviews_submitted: int
    reviews_open: int
    average: Decimal | None
    fails: int
    fail_rate: Decimal | None
    grades: tuple[GradeRow, ...]
    by_type: tuple[TypeRow, ...]
    units: tuple[RankRow, ...]
    officers: tuple[RankRow, ...]
    pareto_items: tuple[ParetoRow, ...]
    pareto_categories: tuple[ParetoRow, ...]
    problems_total: int
    trend: tuple[TrendPoint, ...]
    typical: tuple[ProblemRow, ...]
    rectifications: tuple[RectRow, ...]
    rectification_derived: bool
    rect_units: tuple[RectUnitRow, ...]
    case_lines: tuple[CaseLine, ...]
    versions: tuple[VersionRow, ...]
    methodology: tuple[str, ...]
    sheets: tuple[ScoreSheet, ...] = ()
    item_rows: tuple[ItemRow, ...] = ()

    @property
    def notice(self) -> str:
        """The warning printed on a bulletin whose figures are not all final."""
        if self.final:
            return ""
        return "本通报为初稿，评查尚未定稿：标注“初评”的分数为已提交评查结果的平均分，定稿后可能变化。"
