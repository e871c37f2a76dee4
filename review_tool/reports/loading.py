"""Reading a round's (or one case's) data and forming each case's result.

`RoundData` loads everything a report needs in a few queries inside the caller's
session; `CaseCalc` is one case's result formed by the rules the bulletin states:

- FINAL: the `case_results` row written at finalisation (source reconciled | mean);
- PROVISIONAL: `scoring.engine.aggregate` over the submitted reviews (or over the
  reconciled items when the meeting agreed them but the round is not finalised);
- PENDING: no submitted review yet.

Item-level problems come from the reconciled items when there are any, else from
the submitted reviews: an item is a problem of the case when any reviewer deducted
it, with the mean of the reviewers' deductions as its points.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from review_tool.domain.checklist import Checklist, Item
from review_tool.domain.enums import Outcome, ReviewStatus, UnitKind, VetoKind, label
from review_tool.scoring.engine import ResultInput, ReviewScore, aggregate, score_review
from review_tool.services.dto import PageRef, TimeRef
from review_tool.storage.orm import (
    Case,
    CaseFile,
    CaseHandler,
    CaseResult,
    ChecklistVersion,
    ReconciledItem,
    Recording,
    Review,
    ReviewRound,
    RoundCase,
    User,
)

if TYPE_CHECKING:
    from review_tool.workspace import Workspace

CENT = Decimal("0.01")
ZERO = Decimal(0)


@dataclass(frozen=True)
class ItemEntry:
    """One item's recorded result, from a review or from the reconciled items."""

    outcome: Outcome
    points: Decimal
    occurrences: int | None
    reason: str
    pages: tuple[Any, ...]
    timestamps: tuple[Any, ...]
    proposed_by: str = ""


@dataclass(frozen=True)
class Problem:
    """An item deducted in a case (one per case and item)."""

    key: str  # checklist id : item id
    item: Item
    points: Decimal
    reason: str
    where: str


@dataclass
class CaseCalc:
    case: Case
    checklist: Checklist | None
    cv: ChecklistVersion | None
    submitted: list[Review]
    open: list[Review]
    scores: dict[int, ReviewScore]
    reconciled: dict[str, ItemEntry]
    result: CaseResult | None
    state: str = "pending"  # final | provisional | pending
    total: Decimal | None = None
    grade: str = ""
    veto: VetoKind | None = None
    source_label: str = "待评"
    flagged: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def scored(self) -> bool:
        return self.total is not None

    @property
    def fails(self) -> bool:
        return self.scored and self.checklist is not None and self.grade == self.checklist.fail_grade

    @property
    def unit_name(self) -> str:
        return self.case.unit.name if self.case.unit else "未指定单位"

    @property
    def unit_short(self) -> str:
        u = self.case.unit
        return (u.short_name or u.name) if u else "未指定单位"

    @property
    def township(self) -> bool:
        return self.case.unit is not None and self.case.unit.kind is UnitKind.TOWNSHIP

    @property
    def handlers(self) -> tuple[str, ...]:
        return tuple(h.officer.name for h in self.case.handlers)


def item_entries_of_review(review: Review) -> dict[str, ItemEntry]:
    return {r.item_id: ItemEntry(r.outcome, r.points, r.occurrences, r.reason, tuple(r.pages or ()),
                                 tuple(r.timestamps or ())) for r in review.results}


def inputs(entries: dict[str, ItemEntry]) -> dict[str, ResultInput]:
    return {k: ResultInput(e.outcome, e.points) for k, e in entries.items()}


def _ranges(pages: list[int]) -> str:
    out: list[str] = []
    ps = sorted(set(pages))
    i = 0
    while i < len(ps):
        j = i
        while j + 1 < len(ps) and ps[j + 1] == ps[j] + 1:
            j += 1
        out.append(str(ps[i]) if i == j else f"{ps[i]}–{ps[j]}")
        i = j + 1
    return "、".join(out)


class RoundData:
    """Everything a report needs about a round's cases (or one case's ad-hoc reviews)."""

    def __init__(self, s: Session, ws: Workspace, rnd: ReviewRound | None, case_ids: list[int] | None = None,
                 *, include_open: bool = True) -> None:
        self.s = s
        self.ws = ws
        self.round = rnd
        rid = rnd.id if rnd is not None else None
        if case_ids is None:
            assert rid is not None
            case_ids = list(s.scalars(select(RoundCase.case_id).where(
                RoundCase.round_id == rid, RoundCase.removed.is_(False))))
        q = select(Case).where(Case.id.in_(case_ids)).options(
            selectinload(Case.unit), selectinload(Case.handlers).selectinload(CaseHandler.officer))
        self.cases: dict[int, Case] = {c.id: c for c in s.scalars(q)}
        ids = list(self.cases)
        self.files: dict[int, list[CaseFile]] = defaultdict(list)
        for f in s.scalars(select(CaseFile).where(CaseFile.case_id.in_(ids)).order_by(CaseFile.id)):
            self.files[f.case_id].append(f)
        self.recordings: dict[int, str] = {
            rid_: PurePosixPath(rel).name for rid_, rel in s.execute(
                select(Recording.id, Recording.relpath).where(Recording.case_id.in_(ids))).all()}
        rq = select(Review).options(selectinload(Review.results)).order_by(Review.id)
        rq = rq.where(Review.round_id == rid) if rid is not None else rq.where(Review.round_id.is_(None))
        if rnd is None or len(ids) < 50:
            rq = rq.where(Review.case_id.in_(ids))
        self.reviews: dict[int, list[Review]] = defaultdict(list)
        for r in s.scalars(rq):
            if r.case_id in self.cases and (include_open or r.status is ReviewStatus.SUBMITTED):
                self.reviews[r.case_id].append(r)
        self.reconciled: dict[int, list[ReconciledItem]] = defaultdict(list)
        self.results: dict[int, CaseResult] = {}
        if rid is not None:
            for ri in s.scalars(select(ReconciledItem).where(ReconciledItem.round_id == rid)):
                if ri.case_id in self.cases:
                    self.reconciled[ri.case_id].append(ri)
            for cr in s.scalars(select(CaseResult).where(CaseResult.round_id == rid)):
                if cr.case_id in self.cases:
                    self.results[cr.case_id] = cr
        self.users: dict[int, str] = {i: n for i, n in s.execute(select(User.id, User.name))}
        self.review_owner: dict[int, str] = {r.id: self.users.get(r.reviewer_id, "")
                                             for rs in self.reviews.values() for r in rs}
        self._cv: dict[int, tuple[ChecklistVersion, Checklist]] = {}
        self.threshold = (ws.rules.settings.disagreement_threshold if ws.rules.settings else Decimal(10))

    # -- look-ups ---------------------------------------------------------------------------
    def checklist(self, cv_id: int | None) -> tuple[ChecklistVersion | None, Checklist | None]:
        if cv_id is None:
            return None, None
        hit = self._cv.get(cv_id)
        if hit is None:
            cv = self.s.get(ChecklistVersion, cv_id)
            if cv is None:
                return None, None
            hit = (cv, Checklist.model_validate(cv.content))
            self._cv[cv_id] = hit
        return hit

    def where(self, case_id: int, pages: tuple[Any, ...], timestamps: tuple[Any, ...]) -> str:
        """Cited pages and recording moments as a reader wants them: 第3–5、9页；录像 a.mp4 00:12:05."""
        files = self.files.get(case_id, [])
        by_file: dict[int | None, list[int]] = defaultdict(list)
        for p in pages:
            try:
                ref = PageRef.from_json(p)
            except (KeyError, TypeError, ValueError):
                continue
            fid = ref.file_id if len(files) > 1 else None
            by_file[fid].append(ref.page)
        names = {f.id: PurePosixPath(f.relpath).stem for f in files}
        parts = [f"{names.get(fid, '') + ' ' if fid is not None else ''}第{_ranges(ps)}页"
                 for fid, ps in by_file.items()]
        for t in timestamps:
            try:
                ref_t = TimeRef.from_json(t)
            except (KeyError, TypeError, ValueError):
                continue
            s = ref_t.ms // 1000
            parts.append(f"录像 {self.recordings.get(ref_t.recording_id, '#' + str(ref_t.recording_id))} "
                         f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}")
        return "；".join(parts)

    # -- the result of a case -----------------------------------------------------------------
    def calc(self, case_id: int) -> CaseCalc:
        case = self.cases[case_id]
        reviews = self.reviews.get(case_id, [])
        submitted = [r for r in reviews if r.status is ReviewStatus.SUBMITTED]
        open_ = [r for r in reviews if r.status is not ReviewStatus.SUBMITTED]
        result = self.results.get(case_id)
        cv_id = result.checklist_version_id if result else (reviews[0].checklist_version_id if reviews else None)
        cv, checklist = self.checklist(cv_id)
        rec = {ri.item_id: ItemEntry(ri.outcome, ri.points, ri.occurrences, ri.reason, tuple(ri.pages or ()),
                                     tuple(ri.timestamps or ()),
                                     self.review_owner.get(ri.proposed_by_review_id or -1, ""))
               for ri in self.reconciled.get(case_id, [])}
        c = CaseCalc(case, checklist, cv, submitted, open_, {}, rec, result)
        if checklist is None:
            return c
        c.scores = {r.id: score_review(self.checklist(r.checklist_version_id)[1] or checklist,
                                       inputs(item_entries_of_review(r))) for r in submitted}
        rec_score = score_review(checklist, inputs(rec)) if rec else None
        agg = aggregate(checklist, list(c.scores.values()), threshold=self.threshold, reconciled=rec_score)
        c.flagged = agg.flagged
        if result is not None:
            c.state, c.total, c.grade = "final", result.total, result.grade
            c.veto = VetoKind(result.veto) if result.veto else None
            c.source_label = "会商定稿" if result.source == "reconciled" else "均分定稿"
        elif submitted or rec:
            c.state, c.total, c.grade, c.veto = "provisional", agg.total, agg.grade, agg.veto
            c.source_label = "会商初定" if rec else "初评均分"
        c.problems = self._problems(c, checklist) if c.state != "pending" else []
        return c

    def _problems(self, c: CaseCalc, checklist: Checklist) -> list[Problem]:
        out: list[Problem] = []
        cid = c.case.id
        if c.reconciled:
            for item in checklist.items():
                e = c.reconciled.get(item.id)
                if e is not None and e.outcome is Outcome.DEDUCT:
                    out.append(Problem(f"{checklist.id}:{item.id}", item, min(e.points, item.points), e.reason,
                                       self.where(cid, e.pages, e.timestamps)))
            return out
        entries = [item_entries_of_review(r) for r in c.submitted]
        n = len(entries)
        for item in checklist.items():
            hits = [e[item.id] for e in entries if item.id in e and e[item.id].outcome is Outcome.DEDUCT]
            if not hits:
                continue
            pts = (sum((min(h.points, item.points) for h in hits), ZERO) / n).quantize(CENT, ROUND_HALF_UP)
            reasons = list(dict.fromkeys(h.reason for h in hits if h.reason))
            pages = tuple(p for h in hits for p in h.pages)
            stamps = tuple(t for h in hits for t in h.timestamps)
            out.append(Problem(f"{checklist.id}:{item.id}", item, pts, "；".join(reasons),
                               self.where(cid, pages, stamps)))
        return out


def veto_label(v: VetoKind | None) -> str:
    return label(v) if v is not None else ""
