"""Reviews: one reviewer walking one case's checklist, item by item.

Every call commits at once. Every change to an item result writes an audit
event with the value before and after, so the review's history (who changed
what, when and why) is complete. A submitted review is locked; a legal officer
reopens it with a reason, and changes after that need a reason too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from review_tool.domain.checklist import Checklist, Item
from review_tool.domain.enums import AssignmentStatus, CaseStatus, Outcome, ReviewStatus, Role, RoundStatus
from review_tool.domain.errors import Conflict, NotFound, PermissionDenied, UsageError
from review_tool.i18n import translate
from review_tool.scoring.engine import ResultInput, ReviewScore, deduction_for, score_review
from review_tool.services.base import Service
from review_tool.services.dto import HistoryEntry, ItemResultDTO, PageRef, ReviewDTO, TimeRef
from review_tool.storage.orm import (
    Assignment,
    AuditEvent,
    Case,
    CaseFile,
    ChecklistVersion,
    ItemResult,
    Recording,
    Review,
    ReviewRound,
    RoundCase,
    User,
)
from review_tool.storage.types import utcnow


def checklist_content(checklist: Checklist) -> tuple[dict[str, Any], str]:
    content = checklist.model_dump(mode="json", by_alias=True)
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return content, digest


def store_checklist(s: Session, checklist: Checklist) -> ChecklistVersion:
    """The stored copy of this exact checklist content, created on first use."""
    content, digest = checklist_content(checklist)
    cv = s.scalar(select(ChecklistVersion).where(
        ChecklistVersion.checklist_id == checklist.id, ChecklistVersion.version == checklist.version,
        ChecklistVersion.content_sha256 == digest))
    if cv is None:
        cv = ChecklistVersion(checklist_id=checklist.id, version=checklist.version, case_type=checklist.case_type,
                              title=checklist.title, content_sha256=digest, content=content)
        s.add(cv)
        s.flush()
    return cv


def result_inputs(results: Sequence[ItemResult]) -> dict[str, ResultInput]:
    return {r.item_id: ResultInput(r.outcome, r.points) for r in results}


def _result_json(r: ItemResult | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {
        "outcome": r.outcome.value, "points": str(r.points), "occurrences": r.occurrences, "reason": r.reason,
        "note": r.note, "pages": list(r.pages or []), "timestamps": list(r.timestamps or []),
    }


def deployed_reviewers(s: Session, round_id: int, case_id: int) -> set[int]:
    """The reviewers a case is assigned (deployed) to in a round: only their reviews count in its results."""
    return set(s.scalars(select(Assignment.reviewer_id).where(
        Assignment.round_id == round_id, Assignment.case_id == case_id,
        Assignment.status == AssignmentStatus.DEPLOYED)))


@dataclass(frozen=True)
class ResultEntry:
    """One item result to record (see `ReviewService.record` for the meaning of each field)."""

    item_id: str
    outcome: Outcome
    occurrences: int | None = None
    value: Decimal | None = None
    reason: str = ""
    note: str | None = None
    pages: Sequence[PageRef] | None = None
    timestamps: Sequence[TimeRef] | None = None


class ReviewService(Service):
    # -- opening -----------------------------------------------------------------------
    def open(self, case_id: int, *, reviewer_id: int | None = None, round_id: int | None = None,
             checklist_version: str | None = None) -> ReviewDTO:
        """The reviewer's review of the case (in the round), created on first opening.

        The checklist is the version in force on the case's closing date, the one
        other reviewers of the same case in the round already use, or the version a
        legal officer names.
        """
        reviewer_id = self.actor_id(reviewer_id)
        with self.tx() as s:
            reviewer = self.require_user(s, reviewer_id)
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound(translate("cases", "No case {ref}").format(ref=case_id))
            review = s.scalar(select(Review).where(Review.case_id == case_id, Review.reviewer_id == reviewer.id,
                                                   Review.round_id.is_(None) if round_id is None
                                                   else Review.round_id == round_id))
            if review is None:
                if round_id is not None:
                    rnd = s.get(ReviewRound, round_id)
                    if rnd is None:
                        raise NotFound(translate("rounds", "No round {ref}").format(ref=round_id))
                    if rnd.status is RoundStatus.FINALISED:
                        raise Conflict(translate("reviews", "Round {month} is finalised; no new reviews")
                                       .format(month=rnd.month))
                    self._check_may_review(s, rnd, case, reviewer)
                if checklist_version and reviewer.role is not Role.LEGAL_OFFICER:
                    raise PermissionDenied(translate("reviews", "Only a legal officer can choose the checklist "
                                                     "version of a review"))
                cv = self._pick_checklist(s, case, round_id, checklist_version)
                # A version stored just now is not committed yet, so `ws.checklist_of_version` (its own
                # session) could not read it back: give the cache the copy we hold.
                self.ws._checklists.setdefault(cv.id, Checklist.model_validate(cv.content))
                review = Review(case_id=case_id, reviewer_id=reviewer.id, round_id=round_id,
                                checklist_version_id=cv.id, position={})
                s.add(review)
                s.flush()
                self._cache_score(s, review)
                if case.status in (CaseStatus.IMPORTED, CaseStatus.SELECTED):
                    case.status = CaseStatus.UNDER_REVIEW
                self.audit(s, actor=reviewer.id, action="review_start", entity="review", entity_id=review.id,
                           case_id=case_id, review_id=review.id, round_id=round_id,
                           after={"checklist": cv.checklist_id, "version": cv.version})
            return self._dto(s, review.id)

    @staticmethod
    def _check_may_review(s: Session, rnd: ReviewRound, case: Case, reviewer: User) -> None:
        """In a round, a case of the round; and a reviewer reviews only the cases assigned (deployed) to them.

        Legal officers and chiefs may open a review of their own; it is not counted in the round's results.
        """
        in_round = s.scalar(select(RoundCase.id).where(RoundCase.round_id == rnd.id, RoundCase.case_id == case.id,
                                                       RoundCase.removed.is_(False)))
        if in_round is None:
            raise NotFound(translate("reviews", "Case {doc_no} is not in round {month}").format(
                doc_no=case.doc_no, month=rnd.month))
        if reviewer.role is Role.REVIEWER:
            assigned = s.scalar(select(Assignment.id).where(
                Assignment.round_id == rnd.id, Assignment.case_id == case.id, Assignment.reviewer_id == reviewer.id,
                Assignment.status == AssignmentStatus.DEPLOYED))
            if assigned is None:
                raise PermissionDenied(translate("reviews", "{name} is not assigned to review {doc_no} in round "
                                                 "{month}").format(name=reviewer.name, doc_no=case.doc_no,
                                                                   month=rnd.month))

    def _pick_checklist(self, s: Session, case: Case, round_id: int | None, wanted: str | None) -> ChecklistVersion:
        rules = self.ws.rules
        if wanted:
            cl = next((c for c in rules.checklists.get(case.case_type, []) if c.version == wanted), None)
            if cl is None:
                known = ", ".join(c.version for c in rules.checklists.get(case.case_type, []))
                raise UsageError(translate("reviews", "No checklist version {version} for this case type "
                                           "(known: {known})").format(version=wanted, known=known))
            return store_checklist(s, cl)
        if round_id is not None:
            other = s.scalar(select(Review).where(Review.case_id == case.id, Review.round_id == round_id).limit(1))
            if other is not None:
                return other.checklist_version
        return store_checklist(s, rules.checklist_for(case.case_type, case.closed_on))

    def get(self, review_id: int) -> ReviewDTO:
        with self.tx() as s:
            return self._dto(s, review_id)

    def find(self, case_id: int, reviewer_id: int, round_id: int | None = None) -> ReviewDTO | None:
        with self.tx() as s:
            r = s.scalar(select(Review).where(Review.case_id == case_id, Review.reviewer_id == reviewer_id,
                                              Review.round_id.is_(None) if round_id is None
                                              else Review.round_id == round_id))
            return self._dto(s, r.id) if r else None

    # -- recording results ------------------------------------------------------------------
    def record(
        self,
        review_id: int,
        item_id: str,
        outcome: Outcome,
        *,
        occurrences: int | None = None,
        value: Decimal | None = None,
        reason: str = "",
        note: str | None = None,
        pages: Sequence[PageRef] | None = None,
        timestamps: Sequence[TimeRef] | None = None,
        change_reason: str = "",
        actor: int | None = None,
    ) -> ReviewDTO:
        """Record (or change) the result of one item; returns the review with its new score.

        Raises:
            RuleNotApplicable: the deduction doesn't fit the item's rule (the hint says why).
            UsageError: a deduction without a reason; a change to a reopened review without one.
            Conflict: the review is submitted, or its round finalised.
        """
        with self.tx() as s:
            review, checklist = self._editable(s, review_id, actor, change_reason)
            before, after = self._apply(s, review, checklist, ResultEntry(
                item_id, outcome, occurrences, value, reason, note, pages, timestamps), actor)
            self._after_change(s, review, action="item_result", item_id=item_id, before=before, after=after,
                               reason=change_reason, actor=actor)
            return self._dto(s, review.id)

    def record_batch(self, review_id: int, entries: Sequence[ResultEntry], *, change_reason: str = "",
                     actor: int | None = None) -> ReviewScore:
        """Record several results in one transaction (all or none), each audited like `record`."""
        with self.tx() as s:
            review, checklist = self._editable(s, review_id, actor, change_reason)
            for e in entries:
                before, after = self._apply(s, review, checklist, e, actor)
                self.audit(s, actor=self.actor_id(actor), action="item_result", entity="item_result",
                           entity_id=None, case_id=review.case_id, review_id=review.id, round_id=review.round_id,
                           before={**before, "item": e.item_id} if before else None,
                           after={**(after or {}), "item": e.item_id}, reason=change_reason.strip())
            review.updated_at = utcnow()
            return self._cache_score(s, review)

    def _apply(self, s: Session, review: Review, checklist: Checklist, e: ResultEntry,
               actor: int | None) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        item = self._item(checklist, e.item_id)
        points = Decimal(0)
        occurrences = e.occurrences
        if e.outcome is Outcome.DEDUCT:
            points = deduction_for(item, occurrences=e.occurrences, value=e.value)
            if not e.reason.strip():
                raise UsageError(translate("reviews", "{item}: a deduction needs its reason (扣分理由)").format(
                    item=e.item_id))
        else:
            occurrences = None
        self._check_citations(s, review.case_id, e)
        existing = next((r for r in review.results if r.item_id == e.item_id), None)
        before = _result_json(existing)
        if existing is None:
            existing = ItemResult(review_id=review.id, item_id=e.item_id, outcome=e.outcome)
            review.results.append(existing)
        existing.outcome = e.outcome
        existing.points = points
        existing.occurrences = occurrences
        existing.reason = e.reason.strip()
        if e.note is not None:
            existing.note = e.note
        if e.pages is not None:
            existing.pages = [p.to_json() for p in e.pages]
        if e.timestamps is not None:
            existing.timestamps = [t.to_json() for t in e.timestamps]
        existing.updated_at = utcnow()
        existing.updated_by = self.actor_id(actor)
        s.flush()
        return before, _result_json(existing)

    @staticmethod
    def _item(checklist: Checklist, item_id: str) -> Item:
        try:
            return checklist.item(item_id)
        except KeyError:
            raise NotFound(translate("reviews", "Item {item} is not in checklist {checklist}").format(
                item=item_id, checklist=checklist.title)) from None

    @staticmethod
    def _check_citations(s: Session, case_id: int, e: ResultEntry) -> None:
        """Cited pages lie inside the case's files, cited moments inside its recordings."""
        if e.pages:
            files = dict(s.execute(select(CaseFile.id, CaseFile.pages).where(CaseFile.case_id == case_id)
                                   .order_by(CaseFile.id)).all())
            for p in e.pages:
                if p.file_id is not None and p.file_id not in files:
                    raise UsageError(translate("reviews", "{item}: file {file} is not a file of this case").format(
                        item=e.item_id, file=p.file_id))
                # a page cited without its file: somewhere in the case's volumes
                limit = files[p.file_id] if p.file_id is not None else (sum(files.values()) if files else None)
                if p.page < 1 or (limit is not None and p.page > limit):
                    raise UsageError(translate("reviews", "{item}: page {page} is outside the file (1–{pages})")
                                     .format(item=e.item_id, page=p.page, pages=limit if limit is not None else "…"))
        if e.timestamps:
            recordings = set(s.scalars(select(Recording.id).where(Recording.case_id == case_id)))
            for t in e.timestamps:
                if t.recording_id not in recordings or t.ms < 0:
                    raise UsageError(translate("reviews", "{item}: recording {recording} at {ms} ms is not a "
                                               "moment of this case's recordings").format(
                        item=e.item_id, recording=t.recording_id, ms=t.ms))

    def set_note(self, review_id: int, item_id: str, note: str, *, change_reason: str = "",
                 actor: int | None = None) -> ReviewDTO:
        """A note on an item, whether or not it is rated yet (an unrated item keeps no result)."""
        with self.tx() as s:
            review, checklist = self._editable(s, review_id, actor, change_reason)
            self._item(checklist, item_id)
            existing = next((r for r in review.results if r.item_id == item_id), None)
            if existing is None:
                raise UsageError(translate("reviews", "Rate item {item} before adding a note").format(item=item_id))
            before = _result_json(existing)
            existing.note = note
            existing.updated_at = utcnow()
            existing.updated_by = self.actor_id(actor)
            self._after_change(s, review, action="item_note", item_id=item_id, before=before,
                               after=_result_json(existing), reason=change_reason, actor=actor)
            return self._dto(s, review.id)

    def clear(self, review_id: int, item_id: str, *, change_reason: str = "", actor: int | None = None) -> ReviewDTO:
        """Back to 未评 (not reviewed)."""
        with self.tx() as s:
            review, _ = self._editable(s, review_id, actor, change_reason)
            existing = next((r for r in review.results if r.item_id == item_id), None)
            if existing is not None:
                before = _result_json(existing)
                review.results.remove(existing)
                s.flush()
                self._after_change(s, review, action="item_clear", item_id=item_id, before=before, after=None,
                                   reason=change_reason, actor=actor)
            return self._dto(s, review.id)

    def mark_remaining_pass(self, review_id: int, *, change_reason: str = "", actor: int | None = None) -> int:
        """Mark every not-yet-reviewed item 符合. Returns how many were marked."""
        with self.tx() as s:
            review, checklist = self._editable(s, review_id, actor, change_reason)
            done = {r.item_id for r in review.results}
            todo = [i.id for i in checklist.items() if i.id not in done]
            for item_id in todo:
                review.results.append(ItemResult(review_id=review.id, item_id=item_id, outcome=Outcome.PASS,
                                                 updated_by=self.actor_id(actor)))
            s.flush()
            if todo:
                self._after_change(s, review, action="mark_remaining_pass", item_id=None, before=None,
                                   after={"items": todo}, reason=change_reason, actor=actor)
            return len(todo)

    def set_position(self, review_id: int, position: dict[str, Any]) -> None:
        """Where the reviewer is (page, item), so reopening the case restores it. Not audited."""
        with self.tx() as s:
            review = s.get(Review, review_id)
            if review is None:
                raise NotFound(translate("reviews", "No review {id}").format(id=review_id))
            if self.actor_id(None) != review.reviewer_id:
                raise PermissionDenied(translate("reviews", "Only the reviewer who owns this review can change it"))
            review.position = dict(position)

    # -- submit / reopen -----------------------------------------------------------------------
    def submit(self, review_id: int, *, actor: int | None = None) -> ReviewDTO:
        with self.tx() as s:
            review, checklist = self._editable(s, review_id, actor, change_reason="-")
            done = {r.item_id for r in review.results}
            missing = [i.id for i in checklist.items() if i.id not in done]
            if missing:
                raise Conflict(translate("reviews", "{n} items are not reviewed yet (first: {first}); "
                                         "rate them or mark the rest 符合 before submitting").format(
                    n=len(missing), first=missing[0]))
            review.status = ReviewStatus.SUBMITTED
            review.submitted_at = utcnow()
            self.audit(s, actor=self.actor_id(actor), action="review_submit", entity="review", entity_id=review.id,
                       case_id=review.case_id, review_id=review.id, round_id=review.round_id,
                       after={"total": str(review.total), "grade": review.grade, "veto": review.veto})
            self._refresh_case_status(s, review.case_id, review.round_id)
            return self._dto(s, review.id)

    def reopen(self, review_id: int, *, reason: str, actor: int | None = None) -> ReviewDTO:
        """A legal officer reopens a submitted review (audited, with a reason)."""
        if not reason.strip():
            raise UsageError(translate("reviews", "Give the reason for reopening the review"))
        with self.tx() as s:
            self.require_role(s, self.actor_id(actor), Role.LEGAL_OFFICER)
            review = s.get(Review, review_id)
            if review is None:
                raise NotFound(translate("reviews", "No review {id}").format(id=review_id))
            if review.status is not ReviewStatus.SUBMITTED:
                raise Conflict(translate("reviews", "The review is not submitted; nothing to reopen"))
            self._check_round_open(s, review)
            review.status = ReviewStatus.IN_PROGRESS
            self.audit(s, actor=self.actor_id(actor), action="review_reopen", entity="review", entity_id=review.id,
                       case_id=review.case_id, review_id=review.id, round_id=review.round_id,
                       before={"status": "submitted"}, after={"status": "in_progress"}, reason=reason.strip())
            self._refresh_case_status(s, review.case_id, review.round_id)
            return self._dto(s, review.id)

    def history(self, review_id: int) -> list[HistoryEntry]:
        with self.tx() as s:
            names = dict(s.execute(select(User.id, User.name)).all())  # type: ignore[arg-type]
            events = s.scalars(select(AuditEvent).where(AuditEvent.review_id == review_id)
                               .order_by(AuditEvent.at, AuditEvent.id))
            return [
                HistoryEntry(e.at, names.get(e.actor_id, "") if e.actor_id else "", e.action,
                             (e.after or e.before or {}).get("item") if e.entity == "item_result" else None,
                             e.before, e.after, e.reason)
                for e in events
            ]

    # -- internals ------------------------------------------------------------------------------
    def _editable(self, s: Session, review_id: int, actor: int | None,
                  change_reason: str) -> tuple[Review, Checklist]:
        review = s.get(Review, review_id, options=[selectinload(Review.results)])
        if review is None:
            raise NotFound(translate("reviews", "No review {id}").format(id=review_id))
        actor_id = self.actor_id(actor)
        if actor_id != review.reviewer_id:
            raise PermissionDenied(translate("reviews", "Only the reviewer who owns this review can change it"))
        if review.status is ReviewStatus.SUBMITTED:
            raise Conflict(translate("reviews", "The review is submitted and locked; a legal officer can reopen it"))
        self._check_round_open(s, review)
        if review.submitted_at is not None and not change_reason.strip():
            raise UsageError(translate("reviews", "This review was reopened after submission: "
                                       "say why you change it (修改原因)"))
        return review, self.ws.checklist_of_version(review.checklist_version_id)

    @staticmethod
    def _check_round_open(s: Session, review: Review) -> None:
        if review.round_id is not None:
            rnd = s.get(ReviewRound, review.round_id)
            if rnd is not None and rnd.status is RoundStatus.FINALISED:
                raise Conflict(translate("reviews", "Round {month} is finalised; its results can only change "
                                         "after an audited reopen of the round").format(month=rnd.month))

    def _after_change(self, s: Session, review: Review, *, action: str, item_id: str | None,
                      before: dict[str, Any] | None, after: dict[str, Any] | None, reason: str,
                      actor: int | None) -> None:
        self._cache_score(s, review)
        review.updated_at = utcnow()
        after = {**(after or {}), "item": item_id} if item_id else after
        before = {**before, "item": item_id} if before is not None and item_id else before
        self.audit(s, actor=self.actor_id(actor), action=action, entity="item_result", entity_id=None,
                   case_id=review.case_id, review_id=review.id, round_id=review.round_id, before=before,
                   after=after, reason=reason.strip() if reason != "-" else "")

    def _cache_score(self, s: Session, review: Review) -> ReviewScore:
        score = score_review(self.ws.checklist_of_version(review.checklist_version_id), result_inputs(review.results))
        review.total = score.total
        review.grade = score.grade
        review.veto = score.veto.value if score.veto else None
        return score

    @staticmethod
    def _refresh_case_status(s: Session, case_id: int, round_id: int | None) -> None:
        case = s.get(Case, case_id)
        if case is None or case.status is CaseStatus.FINALISED:
            return
        reviews = list(s.scalars(select(Review).where(Review.case_id == case_id, Review.round_id == round_id)
                                 if round_id is not None else select(Review).where(Review.case_id == case_id)))
        expected = 0
        if round_id is not None:
            assigned = deployed_reviewers(s, round_id, case_id)
            expected = len(assigned)
            reviews = [r for r in reviews if r.reviewer_id in assigned]
        submitted = sum(1 for r in reviews if r.status is ReviewStatus.SUBMITTED)
        if submitted and submitted >= max(expected, 1) and submitted == len(reviews):
            case.status = CaseStatus.REVIEWED
        elif reviews:
            case.status = CaseStatus.UNDER_REVIEW

    def _dto(self, s: Session, review_id: int) -> ReviewDTO:
        review = s.get(Review, review_id, options=[selectinload(Review.results)])
        if review is None:
            raise NotFound(translate("reviews", "No review {id}").format(id=review_id))
        checklist = self.ws.checklist_of_version(review.checklist_version_id)
        names = dict(s.execute(select(User.id, User.name)).all())  # type: ignore[arg-type]
        case = s.get(Case, review.case_id)
        assert case is not None
        results = {
            r.item_id: ItemResultDTO(
                item_id=r.item_id, outcome=r.outcome, points=r.points, occurrences=r.occurrences, reason=r.reason,
                note=r.note, pages=tuple(PageRef.from_json(p) for p in r.pages or []),
                timestamps=tuple(TimeRef.from_json(t) for t in r.timestamps or []), updated_at=r.updated_at,
                updated_by=names.get(r.updated_by, "") if r.updated_by else "",
            )
            for r in review.results
        }
        return ReviewDTO(
            id=review.id, case_id=review.case_id, doc_no=case.doc_no, reviewer_id=review.reviewer_id,
            reviewer_name=names.get(review.reviewer_id, ""), round_id=review.round_id, status=review.status,
            checklist=checklist, checklist_version_id=review.checklist_version_id, results=results,
            score=score_review(checklist, result_inputs(review.results)), position=dict(review.position or {}),
            started_at=review.started_at, submitted_at=review.submitted_at,
            reopened=review.submitted_at is not None and review.status is ReviewStatus.IN_PROGRESS,
        )

