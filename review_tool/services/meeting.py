"""The monthly meeting (执法例会): blind visibility, reconciliation, finalisation, calibration.

- Blind review: a reviewer sees the other reviews of a case only after submitting
  their own; legal officers and chiefs see all. With `hide_handler`, reviewers
  don't see the handler's name.
- Reconciliation: reviews side by side, differing items first; agreed items
  accepted in one step; the legal officer records the agreed result per item,
  keeping who proposed each final deduction; the score comes from the engine.
- Finalisation: case results and rectification findings are written; nothing of
  the round changes afterwards except through an audited reopen with a reason.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from review_tool.domain.checklist import Checklist
from review_tool.domain.enums import (
    AssignmentStatus,
    CaseStatus,
    FindingStatus,
    Outcome,
    ReviewStatus,
    Role,
    RoundStatus,
)
from review_tool.domain.errors import Conflict, NotFound, PermissionDenied, UsageError
from review_tool.i18n import translate
from review_tool.rounds.calibration import AgreedRecord, ReviewerCalibration, ReviewRecord, calibrate
from review_tool.rounds.reconcile import CaseComparison, ItemVote, compare_votes, disagreement
from review_tool.rounds.reconcile import accept_agreed as agreed_results
from review_tool.scoring.engine import ResultInput, ReviewScore, aggregate, deduction_for, score_review
from review_tool.services.base import Service
from review_tool.services.dto import PageRef, ReviewDTO, TimeRef
from review_tool.services.reviews import ReviewService, deployed_reviewers
from review_tool.services.rounds import RoundService
from review_tool.storage.orm import (
    Assignment,
    Case,
    CaseHandler,
    CaseResult,
    Finding,
    ReconciledItem,
    Review,
    ReviewRound,
    RoundCase,
    User,
)
from review_tool.storage.types import utcnow

if TYPE_CHECKING:
    from review_tool.workspace import Workspace


def votes_of(review: Review) -> dict[str, ItemVote]:
    return {r.item_id: ItemVote(r.outcome.value, r.points, r.occurrences, r.reason) for r in review.results}


def case_flags(ws: Workspace, submitted: Sequence[Review], threshold: Decimal, names: dict[int, str]) -> list[str]:
    """Why a case must be discussed: totals too far apart, or a veto some reviewers applied and others not."""
    if len(submitted) < 2:
        return []
    checklist = ws.checklist_of_version(submitted[0].checklist_version_id)
    veto_items = {i.id for i in checklist.items() if i.veto is not None}
    vetoes = {v.reviewer_id: {r.item_id for r in v.results if r.item_id in veto_items and r.outcome is Outcome.DEDUCT}
              for v in submitted}
    d = disagreement({v.reviewer_id: v.total or Decimal(0) for v in submitted}, threshold=threshold,
                     vetoes=vetoes, names=names)
    return list(d.messages)


@dataclass(frozen=True)
class ReconciledDTO:
    item_id: str
    outcome: Outcome
    points: Decimal
    occurrences: int | None
    reason: str
    note: str
    pages: tuple[PageRef, ...]
    proposed_by: str  # reviewer(s) whose result this is, or the meeting
    decided_by: str


@dataclass(frozen=True)
class CaseMeeting:
    """Everything the meeting needs about one case."""

    case_id: int
    doc_no: str
    checklist: Checklist
    reviews: tuple[ReviewDTO, ...]
    comparison: CaseComparison
    flags: tuple[str, ...]
    reconciled: dict[str, ReconciledDTO]
    score: ReviewScore | None  # from the reconciled items, once they cover the checklist
    provisional_total: Decimal | None  # the mean of submitted reviews


@dataclass(frozen=True)
class FinaliseReport:
    round_id: int
    cases: int
    reconciled: int
    by_mean: int
    findings: int


class MeetingService(Service):
    # -- blind review ------------------------------------------------------------------------------
    def visible_reviews(self, case_id: int, round_ref: str | int, *, viewer: int | None = None) -> list[ReviewDTO]:
        """The reviews of a case the viewer may see (blind until their own is submitted)."""
        viewer = self.actor_id(viewer)
        with self.tx() as s:
            user = self.require_user(s, viewer)
            r = RoundService._round(s, round_ref)
            reviews = list(s.scalars(select(Review).where(Review.round_id == r.id, Review.case_id == case_id)
                                     .order_by(Review.id)))
            if user.role is Role.REVIEWER and r.blind and r.status is not RoundStatus.FINALISED:
                mine = next((v for v in reviews if v.reviewer_id == user.id), None)
                if mine is None or mine.status is not ReviewStatus.SUBMITTED:
                    reviews = [v for v in reviews if v.reviewer_id == user.id]
            rs = ReviewService(self.ws)
            return [rs._dto(s, v.id) for v in reviews]

    def handler_hidden(self, round_ref: str | int, *, viewer: int | None = None) -> bool:
        """Whether the viewer must not see the handler's name in this round."""
        with self.tx() as s:
            user = self.require_user(s, self.actor_id(viewer))
            r = RoundService._round(s, round_ref)
            return r.hide_handler and user.role is Role.REVIEWER and r.status is not RoundStatus.FINALISED

    # -- reconciliation ----------------------------------------------------------------------------------
    def case(self, round_ref: str | int, case_id: int) -> CaseMeeting:
        """The reviews of a case side by side (legal officers and chiefs)."""
        with self.tx() as s:
            self.require_role(s, self.actor_id(None), Role.LEGAL_OFFICER, Role.CHIEF)
            r = RoundService._round(s, round_ref)
            assigned = deployed_reviewers(s, r.id, case_id)
            reviews = [v for v in s.scalars(select(Review).options(selectinload(Review.results)).where(
                Review.round_id == r.id, Review.case_id == case_id).order_by(Review.id)) if v.reviewer_id in assigned]
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound(translate("cases", "No case {ref}").format(ref=case_id))
            if not reviews:
                raise Conflict(translate("meeting", "Case {doc_no} has no reviews in this round yet").format(
                    doc_no=case.doc_no))
            names = dict(s.execute(select(User.id, User.name)).all())
            checklist = self.ws.checklist_of_version(reviews[0].checklist_version_id)
            submitted = [v for v in reviews if v.status is ReviewStatus.SUBMITTED]
            comparison = compare_votes({v.reviewer_id: votes_of(v) for v in submitted},
                                       [i.id for i in checklist.items()])
            flags = case_flags(self.ws, submitted, self.ws.rules.require_settings().disagreement_threshold, names)
            rec = self._reconciled(s, r.id, case_id, names)
            mean = aggregate(checklist, [score_review(checklist, {x.item_id: ResultInput(x.outcome, x.points)
                                                                  for x in v.results}) for v in submitted],
                             threshold=Decimal(0)).total if submitted else None
            rs = ReviewService(self.ws)
            dtos = tuple(rs._dto(s, v.id) for v in reviews)
        score = self._score_from(checklist, rec)
        return CaseMeeting(case_id, case.doc_no, checklist, dtos, comparison, tuple(flags), rec, score, mean)

    @staticmethod
    def _score_from(checklist: Checklist, rec: dict[str, ReconciledDTO]) -> ReviewScore | None:
        if not rec:
            return None
        s = score_review(checklist, {k: ResultInput(v.outcome, v.points) for k, v in rec.items()})
        return s if s.complete else None

    def _reconciled(self, s: Session, round_id: int, case_id: int, names: dict[int, str]) -> dict[str, ReconciledDTO]:
        out = {}
        reviewer_of = dict(s.execute(select(Review.id, Review.reviewer_id).where(Review.round_id == round_id)).all())
        for x in s.scalars(select(ReconciledItem).where(ReconciledItem.round_id == round_id,
                                                        ReconciledItem.case_id == case_id)):
            proposer = names.get(reviewer_of.get(x.proposed_by_review_id, -1), "") if x.proposed_by_review_id \
                else translate("meeting", "the meeting")
            out[x.item_id] = ReconciledDTO(x.item_id, x.outcome, x.points, x.occurrences, x.reason, x.note,
                                           tuple(PageRef.from_json(p) for p in x.pages or []), proposer,
                                           names.get(x.decided_by, "") if x.decided_by else "")
        return out

    def _editable_round(self, s: Session, round_ref: str | int, actor: int | None) -> ReviewRound:
        self.require_role(s, self.actor_id(actor), Role.LEGAL_OFFICER)
        return RoundService._open_round(s, round_ref)

    @staticmethod
    def _all_submitted(s: Session, r: ReviewRound, case_id: int) -> list[Review]:
        """The case's counted reviews, once every assigned reviewer has submitted (reconciliation comes after)."""
        case = s.get(Case, case_id)
        if case is None:
            raise NotFound(translate("cases", "No case {ref}").format(ref=case_id))
        assigned = deployed_reviewers(s, r.id, case_id)
        reviews = [v for v in s.scalars(select(Review).options(selectinload(Review.results)).where(
            Review.round_id == r.id, Review.case_id == case_id).order_by(Review.id)) if v.reviewer_id in assigned]
        submitted = [v for v in reviews if v.status is ReviewStatus.SUBMITTED]
        if not submitted:
            raise Conflict(translate("meeting", "No submitted reviews for this case yet"))
        waiting = sorted(assigned - {v.reviewer_id for v in submitted})
        if waiting:
            names = dict(s.execute(select(User.id, User.name).where(User.id.in_(waiting))).all())
            raise Conflict(translate("meeting", "{doc_no}: waiting for {names}").format(
                doc_no=case.doc_no, names="、".join(names.get(u, str(u)) for u in waiting)))
        return submitted

    def accept_agreed(self, round_ref: str | int, case_id: int, *, actor: int | None = None) -> int:
        """Record every item the submitted reviews agree on as the final result. Returns how many."""
        with self.tx() as s:
            r = self._editable_round(s, round_ref, actor)
            reviews = self._all_submitted(s, r, case_id)
            checklist = self.ws.checklist_of_version(reviews[0].checklist_version_id)
            comp = compare_votes({v.reviewer_id: votes_of(v) for v in reviews}, [i.id for i in checklist.items()])
            agreed = agreed_results(comp)
            existing = {x.item_id for x in s.scalars(select(ReconciledItem).where(
                ReconciledItem.round_id == r.id, ReconciledItem.case_id == case_id))}
            n = 0
            first = reviews[0]
            for item_id, vote in agreed.items():
                if item_id in existing:
                    continue  # never overwrite what the meeting already decided
                res = next(x for x in first.results if x.item_id == item_id)
                pages = list({str(p): p for v in reviews for x in v.results if x.item_id == item_id
                              for p in (x.pages or [])}.values())
                stamps = list({str(t): t for v in reviews for x in v.results if x.item_id == item_id
                               for t in (x.timestamps or [])}.values())
                s.add(ReconciledItem(round_id=r.id, case_id=case_id, item_id=item_id, outcome=res.outcome,
                                     points=vote.points, occurrences=vote.occurrences, reason=vote.reason,
                                     pages=pages, timestamps=stamps, proposed_by_review_id=first.id,
                                     note=translate("meeting", "reviewers agreed"), decided_by=self.actor_id(actor)))
                n += 1
            self.audit(s, actor=self.actor_id(actor), action="accept_agreed", entity="case", entity_id=case_id,
                       case_id=case_id, round_id=r.id, after={"items": n})
            return n

    def decide(self, round_ref: str | int, case_id: int, item_id: str, outcome: Outcome, *,
               occurrences: int | None = None, value: Decimal | None = None, reason: str = "", note: str = "",
               proposed_by_review: int | None = None, pages: Sequence[PageRef] | None = None,
               timestamps: Sequence[TimeRef] | None = None, actor: int | None = None) -> ReconciledDTO:
        """Record the meeting's result for one item.

        `proposed_by_review` names the review whose finding this is (kept with the
        final deduction); leave it None for a result the meeting reached itself.
        """
        with self.tx() as s:
            r = self._editable_round(s, round_ref, actor)
            reviews = self._all_submitted(s, r, case_id)
            checklist = self.ws.checklist_of_version(reviews[0].checklist_version_id)
            try:
                item = checklist.item(item_id)
            except KeyError:
                raise NotFound(translate("reviews", "Item {item} is not in checklist {checklist}").format(
                    item=item_id, checklist=checklist.title)) from None
            source = None
            if proposed_by_review is not None:
                source = next((v for v in reviews if v.id == proposed_by_review), None)
                if source is None:
                    raise UsageError(translate("meeting", "Review {id} is not a review of this case in this round")
                                     .format(id=proposed_by_review))
            src_result = next((y for y in source.results if y.item_id == item_id), None) if source else None
            points = Decimal(0)
            if outcome is Outcome.DEDUCT:
                points = deduction_for(item, occurrences=occurrences, value=value)
                if not reason.strip() and src_result is not None and src_result.outcome is Outcome.DEDUCT:
                    reason = src_result.reason  # the proposer's own reason
                if not reason.strip():
                    raise UsageError(translate("reviews", "{item}: a deduction needs its reason (扣分理由)").format(
                        item=item_id))
            x = s.scalar(select(ReconciledItem).where(ReconciledItem.round_id == r.id,
                                                      ReconciledItem.case_id == case_id,
                                                      ReconciledItem.item_id == item_id))
            before = None
            if x is None:
                x = ReconciledItem(round_id=r.id, case_id=case_id, item_id=item_id, outcome=outcome)
                s.add(x)
            else:
                before = {"item": item_id, "outcome": x.outcome.value, "points": str(x.points),
                          "occurrences": x.occurrences, "reason": x.reason, "note": x.note,
                          "proposed_by_review": x.proposed_by_review_id}
            x.outcome, x.points = outcome, points
            x.occurrences = occurrences if outcome is Outcome.DEDUCT else None
            x.reason, x.note = reason.strip(), note.strip()
            x.pages = [p.to_json() for p in pages] if pages is not None else list(
                src_result.pages or []) if src_result else []
            x.timestamps = [t.to_json() for t in timestamps] if timestamps is not None else list(
                src_result.timestamps or []) if src_result else []
            x.proposed_by_review_id = proposed_by_review
            x.decided_by, x.decided_at = self.actor_id(actor), utcnow()
            s.flush()
            self.audit(s, actor=self.actor_id(actor), action="reconcile_item", entity="reconciled_item",
                       entity_id=x.id, case_id=case_id, round_id=r.id, before=before,
                       after={"item": item_id, "outcome": outcome.value, "points": str(points),
                              "occurrences": x.occurrences, "reason": x.reason, "note": x.note,
                              "proposed_by_review": proposed_by_review}, reason=note.strip())
            names = dict(s.execute(select(User.id, User.name)).all())
            return self._reconciled(s, r.id, case_id, names)[item_id]

    # -- finalisation -------------------------------------------------------------------------------
    def finalize(self, round_ref: str | int, *, actor: int | None = None) -> FinaliseReport:
        """Fix the round's results. Every assigned review must be submitted; every case whose
        reviewers disagree (beyond the threshold, or on a veto) must be reconciled first."""
        settings = self.ws.rules.require_settings()
        with self.tx() as s:
            r = self._editable_round(s, round_ref, actor)
            case_ids = [rc.case_id for rc in s.scalars(select(RoundCase).where(
                RoundCase.round_id == r.id, RoundCase.removed.is_(False)))]
            names = dict(s.execute(select(User.id, User.name)).all())
            problems: list[str] = []
            plan: list[tuple[Case, Checklist, ReviewScore | None, list[Review]]] = []
            for cid in case_ids:
                case = s.get(Case, cid, options=[selectinload(Case.handlers).selectinload(CaseHandler.officer)])
                assert case is not None
                deployed = deployed_reviewers(s, r.id, cid)
                reviews = [v for v in s.scalars(select(Review).options(selectinload(Review.results)).where(
                    Review.round_id == r.id, Review.case_id == cid).order_by(Review.id)) if v.reviewer_id in deployed]
                submitted = [v for v in reviews if v.status is ReviewStatus.SUBMITTED]
                waiting = sorted(names.get(u, str(u)) for u in deployed
                                 if not any(v.reviewer_id == u and v.status is ReviewStatus.SUBMITTED for v in reviews))
                if not submitted:
                    problems.append(translate("meeting", "{doc_no}: no submitted review").format(doc_no=case.doc_no))
                    continue
                if waiting:
                    problems.append(translate("meeting", "{doc_no}: waiting for {names}").format(
                        doc_no=case.doc_no, names="、".join(waiting)))
                    continue
                checklist = self.ws.checklist_of_version(submitted[0].checklist_version_id)
                decided = self._reconciled(s, r.id, cid, names)
                rec = self._score_from(checklist, decided)
                if rec is None and case_flags(self.ws, submitted, settings.disagreement_threshold, names):
                    problems.append(translate("meeting", "{doc_no}: the reviewers disagree; reconcile it first")
                                    .format(doc_no=case.doc_no))
                    continue
                if rec is None and decided:  # the meeting began on the case: its decisions must not be lost
                    open_items = [i.id for i in checklist.items() if i.id not in decided]
                    problems.append(translate("meeting", "{doc_no}: reconciliation is not finished ({n} items "
                                              "without an agreed result, first {first})").format(
                        doc_no=case.doc_no, n=len(open_items), first=open_items[0] if open_items else ""))
                    continue
                plan.append((case, checklist, rec, submitted))
            if problems:
                raise Conflict(translate("meeting", "The round cannot be finalised yet:\n{problems}").format(
                    problems="\n".join(f"- {p}" for p in problems)))
            # a case taken out of the round since an earlier finalisation keeps no result in it
            for cr in s.scalars(select(CaseResult).where(CaseResult.round_id == r.id,
                                                         CaseResult.case_id.not_in(case_ids))):
                s.delete(cr)
            for f in s.scalars(select(Finding).where(Finding.round_id == r.id, Finding.case_id.not_in(case_ids),
                                                     Finding.status == FindingStatus.OPEN)):
                s.delete(f)
            today = dt.date.today()
            deadline = today + dt.timedelta(days=settings.rectification_days)
            n_rec = n_mean = n_find = 0
            for case, checklist, rec, submitted in plan:
                scores = [score_review(checklist, {x.item_id: ResultInput(x.outcome, x.points) for x in v.results})
                          for v in submitted]
                agg = aggregate(checklist, scores, threshold=settings.disagreement_threshold, reconciled=rec)
                cr = s.scalar(select(CaseResult).where(CaseResult.round_id == r.id, CaseResult.case_id == case.id))
                if cr is None:
                    cr = CaseResult(round_id=r.id, case_id=case.id)
                    s.add(cr)
                cr.checklist_version_id = submitted[0].checklist_version_id
                cr.total, cr.grade, cr.veto = agg.total, agg.grade, agg.veto.value if agg.veto else None
                cr.source, cr.finalised_at = agg.source, utcnow()
                n_rec += agg.source == "reconciled"
                n_mean += agg.source == "mean"
                n_find += self._write_findings(s, r, case, checklist, submitted, rec is not None, deadline)
                case.status = CaseStatus.FINALISED
            r.status, r.finalised_at, r.finalised_by = RoundStatus.FINALISED, utcnow(), self.actor_id(actor)
            self.audit(s, actor=self.actor_id(actor), action="round_finalize", entity="round", entity_id=r.id,
                       round_id=r.id, after={"cases": len(plan), "reconciled": n_rec, "mean": n_mean,
                                             "findings": n_find})
            return FinaliseReport(r.id, len(plan), n_rec, n_mean, n_find)

    def _write_findings(self, s: Session, r: ReviewRound, case: Case, checklist: Checklist,
                        submitted: list[Review], reconciled: bool, deadline: dt.date) -> int:
        """One finding per deducted item: the agreed ones, or (without reconciliation) any reviewer's."""
        found: dict[str, tuple[Decimal, str, list[object]]] = {}
        if reconciled:
            for x in s.scalars(select(ReconciledItem).where(ReconciledItem.round_id == r.id,
                                                            ReconciledItem.case_id == case.id)):
                if x.outcome is Outcome.DEDUCT:
                    found[x.item_id] = (x.points, x.reason, list(x.pages or []))
        else:
            for v in submitted:
                for x in v.results:
                    if x.outcome is Outcome.DEDUCT and x.item_id not in found:
                        found[x.item_id] = (x.points, x.reason, list(x.pages or []))
        existing = {f.item_id: f for f in s.scalars(select(Finding).where(Finding.round_id == r.id,
                                                                          Finding.case_id == case.id))}
        owner = case.handlers[0].officer_id if case.handlers else None
        for item_id, f in existing.items():
            if item_id not in found and f.status is FindingStatus.OPEN:
                s.delete(f)
        for item_id, (points, reason, pages) in found.items():
            item = checklist.item(item_id)
            f = existing.get(item_id)
            if f is None:
                f = Finding(case_id=case.id, round_id=r.id, item_id=item_id, owner_officer_id=owner,
                            owner_unit_id=case.unit_id, deadline=deadline)
                s.add(f)
            f.category, f.points, f.pages = item.category, points, pages
            f.description = f"{item.text}：{reason}" if reason else item.text
        return len(found)

    def reopen(self, round_ref: str | int, *, reason: str, actor: int | None = None) -> None:
        """Reopen a finalised round (audited). Results stay until it is finalised again."""
        if not reason.strip():
            raise UsageError(translate("meeting", "Give the reason for reopening the round"))
        with self.tx() as s:
            self.require_role(s, self.actor_id(actor), Role.LEGAL_OFFICER)
            r = RoundService._round(s, round_ref)
            if r.status is not RoundStatus.FINALISED:
                raise Conflict(translate("meeting", "Round {month} is not finalised").format(month=r.month))
            r.status = RoundStatus.IN_PROGRESS
            for c in s.scalars(select(Case).join(CaseResult, CaseResult.case_id == Case.id).where(
                    CaseResult.round_id == r.id, Case.status == CaseStatus.FINALISED)):
                c.status = CaseStatus.REVIEWED
            self.audit(s, actor=self.actor_id(actor), action="round_reopen", entity="round", entity_id=r.id,
                       round_id=r.id, before={"status": "finalised", "finalised_at": r.finalised_at.isoformat()
                                              if r.finalised_at else None},
                       after={"status": "in_progress"}, reason=reason.strip())

    # -- calibration ---------------------------------------------------------------------------------
    def calibration(self, round_ref: str | int | None = None) -> list[tuple[str, ReviewerCalibration]]:
        """Each reviewer's deviation from the agreed results: this round, or every finalised round.

        The agreed result of a case is the meeting's reconciled one (every item decided); cases
        finalised on the mean of the reviews, with nothing reconciled, have none.
        """
        with self.tx() as s:
            user = self.require_user(s, self.actor_id(None))
            if user.role is not Role.LEGAL_OFFICER:
                raise PermissionDenied(translate("meeting", "Calibration is shown to legal officers only"))
            rounds = [RoundService._round(s, round_ref)] if round_ref is not None else list(
                s.scalars(select(ReviewRound).where(ReviewRound.status == RoundStatus.FINALISED)))
            ids = [r.id for r in rounds]
            decided: dict[tuple[int, int], dict[str, ReconciledItem]] = defaultdict(dict)
            for x in s.scalars(select(ReconciledItem).where(ReconciledItem.round_id.in_(ids))):
                decided[(x.round_id, x.case_id)][x.item_id] = x
            counted = {(a.round_id, a.case_id, a.reviewer_id) for a in s.scalars(select(Assignment).where(
                Assignment.round_id.in_(ids), Assignment.status == AssignmentStatus.DEPLOYED))}
            reviews = [v for v in s.scalars(select(Review).options(selectinload(Review.results)).where(
                Review.round_id.in_(ids), Review.status == ReviewStatus.SUBMITTED).order_by(Review.id))
                if (v.round_id, v.case_id, v.reviewer_id) in counted]
            version = {(v.round_id, v.case_id): v.checklist_version_id for v in reviews}
            agreed: list[AgreedRecord] = []
            for (round_id, case_id), items in decided.items():
                if (round_id, case_id) not in version:
                    continue
                checklist = self.ws.checklist_of_version(version[(round_id, case_id)])
                score = score_review(checklist, {k: ResultInput(x.outcome, x.points) for k, x in items.items()})
                if score.complete:
                    agreed.append(AgreedRecord(case_id, score.total, {k: x.outcome.value for k, x in items.items()},
                                               round_id))
            records = [ReviewRecord(v.reviewer_id, v.case_id, v.total or Decimal(0),
                                    {x.item_id: x.outcome.value for x in v.results}, v.round_id or 0)
                       for v in reviews]
            names = dict(s.execute(select(User.id, User.name)).all())
        result = calibrate(records, agreed)
        return sorted(((names.get(k, str(k)), v) for k, v in result.items()), key=lambda kv: kv[0])
