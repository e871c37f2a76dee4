"""Score sheets (评查表) from the database, and helpers shared with the monthly bulletin.

Call inside one read transaction; returns frozen DTOs (`model.py`) only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from review_tool.domain.checklist import Checklist
from review_tool.domain.enums import Outcome, ReviewStatus, RoundStatus
from review_tool.domain.timeutil import to_china
from review_tool.i18n import QT_TRANSLATE_NOOP
from review_tool.reports.errors import ReportError, tr
from review_tool.reports.loading import (
    CaseCalc,
    ItemEntry,
    RoundData,
    inputs,
    item_entries_of_review,
    veto_label,
)
from review_tool.reports.model import (
    FileRef,
    ScoreSheet,
    SheetItem,
    SheetSection,
)
from review_tool.scoring.engine import score_review
from review_tool.storage.orm import Review, ReviewRound, RoundCase

if TYPE_CHECKING:
    from review_tool.workspace import Workspace

__all__ = ["build_sheets", "grade_order", "issuing_unit", "resolve_round", "round_label", "sheets_of_case"]


def resolve_round(s: Session, ref: str | int) -> ReviewRound:
    """A round by id or month (YYYY-MM); ReportError when there is none."""
    text = str(ref).strip()
    rnd = s.get(ReviewRound, int(text)) if text.isdigit() else s.scalar(
        select(ReviewRound).where(ReviewRound.month == text))
    if rnd is None:
        raise ReportError(tr(QT_TRANSLATE_NOOP("reports", "No review round {ref}"),
                             "没有评查轮次 {ref}（请用 YYYY-MM 格式的月份，如 2025-05）").format(ref=ref))
    return rnd


def round_label(rnd: ReviewRound | None) -> str:
    if rnd is None:
        return "日常评查（不属于月度轮次）"
    from review_tool.reports.stats import month_label

    return f"{month_label(rnd.month)}执法案卷评查"


def issuing_unit(ws: Workspace) -> str:
    return ws.issuing_unit()


# -- score sheets ---------------------------------------------------------------------------------


def _legal_officer(data: RoundData) -> tuple[str, dt.date | None]:
    rnd = data.round
    if rnd is None or rnd.status is not RoundStatus.FINALISED:
        return "", None
    name = data.users.get(rnd.finalised_by or -1, "")
    return name, to_china(rnd.finalised_at).date() if rnd.finalised_at else None


def _sheet(data: RoundData, calc: CaseCalc, entries: dict[str, ItemEntry], *, kind: str, kind_label: str,
           reviewers: tuple[str, ...], notes: tuple[str, ...], watermark: str) -> ScoreSheet:
    checklist, cv = calc.checklist, calc.cv
    assert checklist is not None and cv is not None
    case = calc.case
    score = score_review(checklist, inputs(entries))
    sections = []
    for sec, ss in zip(checklist.sections, score.sections, strict=True):
        items = []
        for item in sec.items:
            e = entries.get(item.id)
            deducted = min(e.points, item.points) if e and e.outcome is Outcome.DEDUCT else Decimal(0)
            items.append(SheetItem(
                item_id=item.id, text=item.text, points=item.points, veto=veto_label(item.veto),
                category=item.category, outcome=e.outcome if e else None, deducted=deducted,
                occurrences=e.occurrences if e else None, reason=e.reason if e else "",
                where=data.where(case.id, e.pages, e.timestamps) if e else "",
                proposed_by=e.proposed_by if e and e.outcome is Outcome.DEDUCT else ""))
        sections.append(SheetSection(sec.id, sec.title, sec.points, ss.deducted, ss.score, tuple(items)))
    veto_reasons = []
    for item_id in score.veto_items:
        item = checklist.item(item_id)
        e = entries.get(item_id)
        veto_reasons.append(f"{item.id} {item.text}" + (f"：{e.reason}" if e and e.reason else ""))
    total, grade, veto = score.total, score.grade, score.veto
    final = calc.state == "final" and data.round is not None and data.round.status is RoundStatus.FINALISED
    if kind == "reconciled" and calc.result is not None:
        # the stored final result is what was published; say so if it differs from the items
        if calc.result.total != score.total or calc.result.grade != score.grade:
            notes = (*notes, f"定稿结果为 {calc.result.total} 分（{calc.result.grade}），以定稿结果为准。")
        total, grade, veto = calc.result.total, calc.result.grade, calc.veto
    officer, signed_on = _legal_officer(data)
    return ScoreSheet(
        case_id=case.id, doc_no=case.doc_no, case_type_name=data.ws.rules.case_type_name(case.case_type),
        unit_name=calc.unit_name, handlers=calc.handlers, party=case.party, round_label=round_label(data.round),
        kind=kind, kind_label=kind_label, reviewers=reviewers, checklist_title=checklist.title,
        checklist_id=checklist.id, checklist_version=checklist.version, checklist_sha256=cv.content_sha256,
        files=tuple(FileRef(f.relpath, f.sha256, f.pages) for f in data.files.get(case.id, [])),
        sections=tuple(sections), total=total, raw_total=score.raw_total, full_marks=score.full_marks,
        grade=grade, veto_label=veto_label(veto), veto_reasons=tuple(veto_reasons), complete=score.complete,
        final=final,
        notes=notes, legal_officer=officer if kind == "reconciled" or final else "", signed_on=signed_on,
        issuing_unit=issuing_unit(data.ws), watermark=watermark)


def sheets_of_case(data: RoundData, calc: CaseCalc, *, draft: bool = False) -> list[ScoreSheet]:
    """The sheets of one case: the agreed result, else one per submitted (and, for a draft, open) review."""
    if calc.checklist is None:
        return []
    names = tuple(data.users.get(r.reviewer_id, "") for r in calc.submitted)
    if calc.reconciled:
        kind_label = "会商定稿" if calc.state == "final" else "会商结果（尚未定稿）"
        proposers = "、".join(sorted({e.proposed_by for e in calc.reconciled.values() if e.proposed_by}))
        agreed = ("逐项结果为例会会商确定的结果；扣分理由后注明所采纳的评查员意见。",) if proposers else ()
        return [_sheet(data, calc, calc.reconciled, kind="reconciled", kind_label=kind_label, reviewers=names,
                       notes=agreed, watermark="")]
    reviews: list[Review] = list(calc.submitted) + (list(calc.open) if draft else [])
    out = []
    for r in reviews:
        submitted = r.status is ReviewStatus.SUBMITTED
        notes: tuple[str, ...] = ()
        if submitted and calc.total is not None and len(calc.submitted) > 1:
            how = "定稿得分" if calc.state == "final" else "暂按初评得分"
            notes = (f"本表为评查员 {data.users.get(r.reviewer_id, '')} 的个人评分。本案{how} {calc.total} 分"
                     f"（{calc.grade}），为 {len(calc.submitted)} 名评查员得分的平均值。",)
        elif not submitted:
            notes = ("本表为评查中的草稿，评查员尚未提交，分数随时可能变化，不得作为评查结论使用。",)
        out.append(_sheet(
            data, calc, item_entries_of_review(r), kind="review" if submitted else "draft",
            kind_label="评查员评分（已提交）" if submitted else "草稿（评查中）",
            reviewers=(data.users.get(r.reviewer_id, ""),), notes=notes, watermark="" if submitted else "草稿"))
    return out


def build_sheets(s: Session, ws: Workspace, case_id: int, round_ref: str | int | None = None, *,
                 draft: bool = False) -> list[ScoreSheet]:
    """The score sheets of a case in a round (default: the latest round it is in).

    Raises:
        ReportError: no such round, or the case has no submitted review there (and
            no open one when `draft`).
    """
    rnd: ReviewRound | None
    if round_ref is not None:
        rnd = resolve_round(s, round_ref)
    else:
        rnd = s.scalar(select(ReviewRound).join(RoundCase, RoundCase.round_id == ReviewRound.id)
                       .where(RoundCase.case_id == case_id, RoundCase.removed.is_(False))
                       .order_by(ReviewRound.month.desc()).limit(1))
        if rnd is None:
            rnd = s.scalar(select(ReviewRound).join(Review, Review.round_id == ReviewRound.id)
                           .where(Review.case_id == case_id).order_by(ReviewRound.month.desc()).limit(1))
    data = RoundData(s, ws, rnd, [case_id], include_open=True)
    if case_id not in data.cases:
        raise ReportError(tr(QT_TRANSLATE_NOOP("reports", "No case {ref}"), "没有案件 {ref}").format(ref=case_id))
    calc = data.calc(case_id)
    sheets = sheets_of_case(data, calc, draft=draft)
    if not sheets:
        doc_no = data.cases[case_id].doc_no
        in_round = rnd is not None and s.scalar(select(RoundCase.id).where(
            RoundCase.round_id == rnd.id, RoundCase.case_id == case_id, RoundCase.removed.is_(False)))
        if rnd is not None and not in_round and not calc.submitted and not calc.open:
            raise ReportError(tr(QT_TRANSLATE_NOOP("reports", "Case {case} is not in round {month}"),
                                 "案件 {case} 不在 {month} 评查轮次中").format(case=doc_no, month=rnd.month))
        if calc.open and not draft:
            raise ReportError(tr(
                QT_TRANSLATE_NOOP("reports", "Case {case} has no submitted review yet ({n} under way); "
                                             "use --draft for a draft sheet"),
                "案件 {case} 尚无已提交的评查结果（{n} 份评查中）；如需查看草稿，请使用 --draft 生成草稿评查表",
            ).format(case=doc_no, n=len(calc.open)))
        raise ReportError(tr(QT_TRANSLATE_NOOP("reports", "Case {case} has no submitted review yet"),
                             "案件 {case} 尚无已提交的评查结果").format(case=doc_no)
                          + (f"（{round_label(rnd)}）" if rnd else ""))
    return sheets


def grade_order(checklists: Sequence[Checklist]) -> list[str]:
    """Grades of the checklists in use, best first (the lowest band last)."""
    best: dict[str, Decimal] = {}
    for c in checklists:
        for b in c.grade_bands:
            best[b.grade] = max(best.get(b.grade, b.min), b.min)
    return sorted(best, key=lambda g: -best[g])
