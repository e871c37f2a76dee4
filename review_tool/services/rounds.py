"""Monthly review rounds (例会): which cases, who reviews what, and where the month stands.

The algorithms are pure (`review_tool.rounds`); this service feeds them from
the database and writes what they decide, one transaction per call, audited.
Reconciliation, finalisation and calibration live in `services.meeting`.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from review_tool.domain.enums import (
    AssignmentStatus,
    CaseStatus,
    ReviewStatus,
    Role,
    RoundStatus,
    UnitKind,
    label,
)
from review_tool.domain.errors import Conflict, NotFound, ReviewToolError, UsageError
from review_tool.i18n import translate
from review_tool.rounds.assignment import (
    CaseDemand,
    InfeasibleAssignment,
    PairHistory,
    ReviewerInfo,
    check_manual,
    propose_assignment,
)
from review_tool.rounds.selection import Candidate, select_cases
from review_tool.services.base import Service
from review_tool.services.dto import AssignmentDTO, RoundDTO
from review_tool.services.org import conflict_touches, unit_at_level
from review_tool.storage.orm import (
    Assignment,
    Case,
    CaseFile,
    CaseHandler,
    CaseResult,
    ConflictDeclaration,
    Recording,
    Review,
    ReviewRound,
    RoundCase,
    Unit,
    User,
)
from review_tool.storage.types import utcnow


class AssignmentBlocked(ReviewToolError):
    """No assignment satisfies the hard constraints; the message names the cases and constraints."""

    def __init__(self, message: str, blockers: list[dict[str, object]]) -> None:
        super().__init__(message)
        self.blockers = blockers


class OverrideRefused(Conflict):
    """A manual change of the assignment breaks a hard constraint and was not confirmed (`force`)."""

    def __init__(self, message: str, warnings: list[str]) -> None:
        super().__init__(message)
        self.warnings = warnings


def _check_per_case(per_case: int | None) -> None:
    if per_case is not None and per_case < 1:
        raise UsageError(translate("rounds", "Reviewers per case must be at least 1 (got {n})").format(n=per_case))


@dataclass(frozen=True)
class ReviewerSlot:
    reviewer_id: int
    name: str
    unit: str
    status: AssignmentStatus
    review_status: ReviewStatus | None
    total: Decimal | None
    grade: str | None
    reason: str
    override: bool


@dataclass(frozen=True)
class CaseStatusRow:
    case_id: int
    doc_no: str
    case_type_name: str
    handlers: tuple[str, ...]
    handler_unit: str
    origin: str
    reviewers: tuple[ReviewerSlot, ...]
    submitted: int
    final_total: Decimal | None
    final_grade: str | None
    mean_total: Decimal | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class RoundStatusReport:
    round: RoundDTO
    cases: tuple[CaseStatusRow, ...]
    counts: dict[str, int] = field(default_factory=dict)
    blind_view: bool = False  # other reviewers' results are hidden from the viewer (blind review)
    handlers_hidden: bool = False  # the handlers are hidden from the viewer


@dataclass(frozen=True)
class Workload:
    reviewer_id: int
    name: str
    unit: str
    available: bool
    cases: int
    pages: int
    minutes: int
    submitted: int
    in_progress: int
    not_started: int


@dataclass(frozen=True)
class ProposalSummary:
    round_id: int
    assigned_cases: int
    kept_cases: tuple[str, ...]  # cases whose reviews have begun: their reviewers were kept
    spread: int
    warnings: tuple[str, ...]
    loads: tuple[tuple[str, int, int, int], ...]  # name, cases, pages, minutes


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    try:
        start = dt.date.fromisoformat(f"{month}-01")
    except ValueError:
        raise UsageError(translate("rounds", "A month is written YYYY-MM, e.g. 2023-05 (got {month})").format(
            month=month)) from None
    end = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def round_dto(s: Session, r: ReviewRound) -> RoundDTO:
    n = s.scalar(select(func.count()).select_from(RoundCase).where(
        RoundCase.round_id == r.id, RoundCase.removed.is_(False))) or 0
    return RoundDTO(r.id, r.month, r.title, r.status, r.rule_name, r.seed, r.per_case, r.blind, r.hide_handler,
                    int(n), r.created_at, r.finalised_at)


class RoundService(Service):
    # -- look-up -----------------------------------------------------------------------------
    def list(self) -> list[RoundDTO]:
        """All rounds, newest month first."""
        with self.tx() as s:
            return [round_dto(s, r) for r in s.scalars(select(ReviewRound).order_by(ReviewRound.month.desc()))]

    def resolve(self, ref: str | int) -> int:
        """A round id from an id or a month (YYYY-MM)."""
        with self.tx() as s:
            return self._round(s, ref).id

    def get(self, ref: str | int) -> RoundDTO:
        with self.tx() as s:
            return round_dto(s, self._round(s, ref))

    @staticmethod
    def _round(s: Session, ref: str | int) -> ReviewRound:
        if isinstance(ref, int) or str(ref).isdigit():
            r = s.get(ReviewRound, int(ref))
        else:
            r = s.scalar(select(ReviewRound).where(ReviewRound.month == str(ref).strip()))
        if r is None:
            raise NotFound(translate("rounds", "No round {ref}").format(ref=ref))
        return r

    @staticmethod
    def _open_round(s: Session, ref: str | int) -> ReviewRound:
        r = RoundService._round(s, ref)
        if r.status is RoundStatus.FINALISED:
            raise Conflict(translate("rounds", "Round {month} is finalised; reopen it (with a reason) to change it")
                           .format(month=r.month))
        return r

    # -- creating a round ------------------------------------------------------------------------
    def create(self, month: str, *, rule: str | None = None, seed: int | None = None, per_case: int | None = None,
               blind: bool = True, hide_handler: bool = False, title: str = "",
               actor: int | None = None) -> RoundDTO:
        """Create the month's round and draw its cases by the selection rule (seeded, logged)."""
        start, end = month_bounds(month)
        _check_per_case(per_case)
        selection = self.ws.rules.selection
        if rule and selection is not None and rule not in {x.name for x in selection.rules}:
            raise UsageError(translate("rounds", "No selection rule named {rule} (known: {known})").format(
                rule=rule, known=", ".join(x.name for x in selection.rules)))
        sel_rule = self.ws.rules.selection_rule(rule)
        settings = self.ws.rules.require_settings()
        seed = seed if seed is not None else secrets.randbelow(10**9)
        with self.tx() as s:
            self.require_role(s, self.actor_id(actor), Role.LEGAL_OFFICER)
            if s.scalar(select(ReviewRound).where(ReviewRound.month == month)) is not None:
                raise Conflict(translate("rounds", "A round for {month} already exists").format(month=month))
            date_col = getattr(Case, sel_rule.date_field)
            cases = list(s.scalars(select(Case).where(date_col >= start, date_col <= end)))
            if not cases:
                raise UsageError(translate("rounds", "No cases with {field} in {month}: import the month's case "
                                           "files first (review-tool import)").format(
                    field=sel_rule.date_field, month=month))
            drawn = select_cases(
                [Candidate(c.id, c.doc_no, c.case_type, c.unit_id or 0) for c in cases],
                include_all=set(sel_rule.include_all), samples=list(sel_rule.sample), seed=seed)
            if not drawn.case_ids:
                raise UsageError(translate("rounds", "The rule {rule} selects none of the {n} cases of {month}")
                                 .format(rule=sel_rule.name, n=len(cases), month=month))
            r = ReviewRound(month=month, title=title or f"{month[:4]}年{int(month[5:])}月执法案卷评查",
                            rule_name=sel_rule.name, seed=seed, per_case=per_case or settings.reviewers_per_case,
                            blind=blind, hide_handler=hide_handler, created_by=self.actor_id(actor),
                            selection_log={"rule": sel_rule.name, "date_field": sel_rule.date_field, "seed": seed,
                                           "month": month, "candidates": len(cases), "groups": drawn.log})
            s.add(r)
            s.flush()
            by_id = {c.id: c for c in cases}
            for cid in drawn.case_ids:
                s.add(RoundCase(round_id=r.id, case_id=cid, origin="rule"))
                if by_id[cid].status is CaseStatus.IMPORTED:
                    by_id[cid].status = CaseStatus.SELECTED
            self.audit(s, actor=self.actor_id(actor), action="round_create", entity="round", entity_id=r.id,
                       round_id=r.id, after={"month": month, "rule": sel_rule.name, "seed": seed,
                                             "selected": len(drawn.case_ids), "candidates": len(cases)})
            s.flush()
            return round_dto(s, r)

    def add_case(self, round_ref: str | int, case_id: int, *, reason: str, actor: int | None = None) -> None:
        if not reason.strip():
            raise UsageError(translate("rounds", "Say why the case is added by hand"))
        with self.tx() as s:
            self.require_role(s, self.actor_id(actor), Role.LEGAL_OFFICER)
            r = self._open_round(s, round_ref)
            rc = s.scalar(select(RoundCase).where(RoundCase.round_id == r.id, RoundCase.case_id == case_id))
            if rc is not None and not rc.removed:
                raise Conflict(translate("rounds", "The case is already in the round"))
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound(translate("cases", "No case {ref}").format(ref=case_id))
            if rc is None:
                s.add(RoundCase(round_id=r.id, case_id=case_id, origin="manual", reason=reason.strip()))
            else:
                rc.removed, rc.origin, rc.reason = False, "manual", reason.strip()
                # back in the round: the reviewers who had begun keep their reviews (and so their assignment)
                begun = set(s.scalars(select(Review.reviewer_id).where(Review.round_id == r.id,
                                                                       Review.case_id == case_id)))
                for a in s.scalars(select(Assignment).where(Assignment.round_id == r.id,
                                                            Assignment.case_id == case_id,
                                                            Assignment.status == AssignmentStatus.WITHDRAWN,
                                                            Assignment.reviewer_id.in_(begun))):
                    if not any(b.reviewer_id == a.reviewer_id and b.status is not AssignmentStatus.WITHDRAWN
                               for b in s.scalars(select(Assignment).where(
                                   Assignment.round_id == r.id, Assignment.case_id == case_id))):
                        a.status = AssignmentStatus.DEPLOYED
            if case.status is CaseStatus.IMPORTED:
                case.status = CaseStatus.SELECTED
            self.audit(s, actor=self.actor_id(actor), action="round_add_case", entity="round", entity_id=r.id,
                       round_id=r.id, case_id=case_id, reason=reason.strip())

    def remove_case(self, round_ref: str | int, case_id: int, *, reason: str, actor: int | None = None) -> None:
        """Take a case out of the round (kept on record; its reviews are never deleted)."""
        if not reason.strip():
            raise UsageError(translate("rounds", "Say why the case is removed"))
        with self.tx() as s:
            self.require_role(s, self.actor_id(actor), Role.LEGAL_OFFICER)
            r = self._open_round(s, round_ref)
            rc = s.scalar(select(RoundCase).where(RoundCase.round_id == r.id, RoundCase.case_id == case_id,
                                                  RoundCase.removed.is_(False)))
            if rc is None:
                raise NotFound(translate("rounds", "The case is not in the round"))
            rc.removed, rc.removed_reason = True, reason.strip()
            for a in s.scalars(select(Assignment).where(Assignment.round_id == r.id, Assignment.case_id == case_id,
                                                        Assignment.status != AssignmentStatus.WITHDRAWN)):
                a.status = AssignmentStatus.WITHDRAWN
            self.audit(s, actor=self.actor_id(actor), action="round_remove_case", entity="round", entity_id=r.id,
                       round_id=r.id, case_id=case_id, reason=reason.strip())

    # -- assignment ----------------------------------------------------------------------------------
    def _demands(self, s: Session, r: ReviewRound, case_ids: list[int]) -> list[CaseDemand]:
        level = self.ws.rules.require_settings().same_unit_level
        pages = dict(s.execute(select(CaseFile.case_id, func.sum(CaseFile.pages))
                               .where(CaseFile.case_id.in_(case_ids)).group_by(CaseFile.case_id)).all())
        minutes = dict(s.execute(select(Recording.case_id, func.sum(Recording.duration_ms))
                                 .where(Recording.case_id.in_(case_ids)).group_by(Recording.case_id)).all())
        out = []
        for c in s.scalars(select(Case).options(selectinload(Case.handlers)).where(Case.id.in_(case_ids))
                           .order_by(Case.doc_no)):
            out.append(CaseDemand(
                case_id=c.id, doc_no=c.doc_no, unit_key=unit_at_level(s, c.unit_id, level) or 0,
                unit_id=c.unit_id or 0, handler_officer_ids=frozenset(h.officer_id for h in c.handlers),
                pages=int(pages.get(c.id) or 0), recording_minutes=int((minutes.get(c.id) or 0) // 60000)))
        return out

    def _reviewers(self, s: Session) -> list[ReviewerInfo]:
        level = self.ws.rules.require_settings().same_unit_level
        conflicts: dict[int, list[ConflictDeclaration]] = defaultdict(list)
        for c in s.scalars(select(ConflictDeclaration).where(ConflictDeclaration.withdrawn_at.is_(None))):
            conflicts[c.user_id].append(c)
        out = []
        for u in s.scalars(select(User).where(User.role == Role.REVIEWER).order_by(User.id)):
            unit = s.get(Unit, u.unit_id) if u.unit_id else None
            # 支队 staff (法制科 …) belong to no reviewed unit: they may review any unit's cases
            top = unit is not None and unit.kind in (UnitKind.DETACHMENT, UnitKind.OFFICE)
            out.append(ReviewerInfo(
                reviewer_id=u.id, name=u.name, officer_id=u.officer_id,
                unit_key=None if top else unit_at_level(s, u.unit_id, level), unit_id=u.unit_id,
                available=u.available,
                conflict_case_ids=frozenset(c.case_id for c in conflicts[u.id] if c.case_id),
                conflict_unit_ids=frozenset(c.unit_id for c in conflicts[u.id] if c.unit_id)))
        return out

    def _history(self, s: Session, r: ReviewRound) -> PairHistory:
        level = self.ws.rules.require_settings().same_unit_level
        rows = s.execute(select(Assignment.reviewer_id, Case.unit_id).join(Case, Case.id == Assignment.case_id)
                         .join(ReviewRound, ReviewRound.id == Assignment.round_id)
                         .where(ReviewRound.month < r.month, ReviewRound.month >= _months_back(r.month, 6),
                                Assignment.status == AssignmentStatus.DEPLOYED)).all()
        keys: dict[int | None, int] = {}
        pairs = []
        for reviewer_id, unit_id in rows:
            if unit_id not in keys:
                keys[unit_id] = unit_at_level(s, unit_id, level) or 0
            pairs.append((reviewer_id, keys[unit_id]))
        return PairHistory.from_pairs(pairs, months=6)

    def propose(self, round_ref: str | int, *, per_case: int | None = None, seed: int | None = None,
                actor: int | None = None) -> ProposalSummary:
        """Propose reviewers for every case whose reviews have not begun. Nothing is written if impossible.

        Cases with a review already begun keep their reviewers: reassigning never
        discards a submitted or in-progress review.

        Raises:
            AssignmentBlocked: names each case and the constraint that blocks it.
        """
        with self.tx() as s:
            self.require_role(s, self.actor_id(actor), Role.LEGAL_OFFICER)
            r = self._open_round(s, round_ref)
            _check_per_case(per_case)
            per_case = per_case or r.per_case
            case_ids = [rc.case_id for rc in s.scalars(select(RoundCase).where(
                RoundCase.round_id == r.id, RoundCase.removed.is_(False)))]
            if not case_ids:
                raise UsageError(translate("rounds", "Round {month} has no cases; add cases first").format(
                    month=r.month))
            started = set(s.scalars(select(Review.case_id).where(Review.round_id == r.id)))
            todo = [c for c in case_ids if c not in started]
            kept = [c.doc_no for c in s.scalars(select(Case).where(Case.id.in_(started & set(case_ids))))]
            if not todo:
                raise Conflict(translate("rounds", "Every case of the round has reviews under way; nothing to assign"))
            demands = self._demands(s, r, todo)
            reviewers = self._reviewers(s)
            names = {u.id: u.name for u in s.scalars(select(Unit))}
            unit_names = {k: names.get(k, str(k)) for k in {d.unit_key for d in demands} | {
                x.unit_key for x in reviewers if x.unit_key is not None}}
            seed = seed if seed is not None else r.seed
            try:
                proposal = propose_assignment(demands, reviewers, per_case=per_case, seed=seed,
                                              history=self._history(s, r), unit_names=unit_names)
            except InfeasibleAssignment as exc:
                lines = [str(exc)] + [f"- {b.doc_no}：{b.detail}" for b in exc.blockers]
                raise AssignmentBlocked("\n".join(lines), [
                    {"case": b.doc_no, "constraint": b.constraint, "demand": b.demand, "eligible": b.eligible,
                     "detail": b.detail} for b in exc.blockers]) from None
            for a in s.scalars(select(Assignment).where(Assignment.round_id == r.id, Assignment.case_id.in_(todo),
                                                        Assignment.status == AssignmentStatus.PROPOSED)):
                s.delete(a)
            for cid, rids in proposal.assignments.items():
                for rid in rids:
                    s.add(Assignment(round_id=r.id, case_id=cid, reviewer_id=rid, status=AssignmentStatus.PROPOSED,
                                     reason=proposal.reasons[(cid, rid)], warnings=[]))
            r.per_case = per_case
            r.status = RoundStatus.PROPOSED
            users = {u.id: u.name for u in s.scalars(select(User))}
            self.audit(s, actor=self.actor_id(actor), action="round_propose", entity="round", entity_id=r.id,
                       round_id=r.id, after={"seed": seed, "per_case": per_case, "cases": len(todo),
                                             "spread": proposal.spread, "warnings": proposal.warnings})
            return ProposalSummary(
                round_id=r.id, assigned_cases=len(todo), kept_cases=tuple(sorted(kept)), spread=proposal.spread,
                warnings=tuple(proposal.warnings),
                loads=tuple((users.get(rid, str(rid)), ld.cases, ld.pages, ld.minutes)
                            for rid, ld in sorted(proposal.loads.items(), key=lambda kv: users.get(kv[0], ""))))

    def deploy(self, round_ref: str | int, *, actor: int | None = None) -> int:
        """Make the proposed assignment the round's assignment. Returns how many were deployed."""
        with self.tx() as s:
            self.require_role(s, self.actor_id(actor), Role.LEGAL_OFFICER)
            r = self._open_round(s, round_ref)
            proposed = list(s.scalars(select(Assignment).where(Assignment.round_id == r.id,
                                                               Assignment.status == AssignmentStatus.PROPOSED)))
            if not proposed:
                raise Conflict(translate("rounds", "Nothing is proposed; run the assignment first"))
            started = set(s.scalars(select(Review.case_id).where(Review.round_id == r.id)))
            # a case whose review began after the proposal keeps the reviewers it has
            stale = [a for a in proposed if a.case_id in started and not a.override]
            for a in stale:
                a.status = AssignmentStatus.WITHDRAWN
            proposed = [a for a in proposed if a not in stale]
            cases = {a.case_id for a in proposed if not a.override}
            for a in s.scalars(select(Assignment).where(Assignment.round_id == r.id, Assignment.case_id.in_(cases),
                                                        Assignment.status == AssignmentStatus.DEPLOYED)):
                if a.case_id not in started:
                    a.status = AssignmentStatus.WITHDRAWN
            now = utcnow()
            for a in proposed:
                a.status, a.deployed_at = AssignmentStatus.DEPLOYED, now
            for c in s.scalars(select(Case).where(Case.id.in_({a.case_id for a in proposed}))):
                if c.status in (CaseStatus.IMPORTED, CaseStatus.SELECTED):
                    c.status = CaseStatus.UNDER_REVIEW
            r.status = RoundStatus.IN_PROGRESS
            self.audit(s, actor=self.actor_id(actor), action="round_deploy", entity="round", entity_id=r.id,
                       round_id=r.id, after={"assignments": len(proposed), "withdrawn_stale": len(stale)})
            return len(proposed)

    def override(self, round_ref: str | int, case_id: int, *, add: int | None = None, remove: int | None = None,
                 reason: str, force: bool = False, actor: int | None = None) -> list[str]:
        """Change a case's reviewers by hand. Returns the hard-constraint warnings.

        A change that breaks a constraint is refused unless `force` is given; when
        forced, the warnings are stored on the assignment and in the audit trail.
        """
        if not reason.strip():
            raise UsageError(translate("rounds", "Say why the assignment is changed by hand"))
        if add is None and remove is None:
            raise UsageError(translate("rounds", "Name a reviewer to add or to remove"))
        with self.tx() as s:
            self.require_role(s, self.actor_id(actor), Role.LEGAL_OFFICER)
            r = self._open_round(s, round_ref)
            if s.scalar(select(RoundCase.id).where(RoundCase.round_id == r.id, RoundCase.case_id == case_id,
                                                   RoundCase.removed.is_(False))) is None:
                raise NotFound(translate("rounds", "The case is not in the round"))
            active = list(s.scalars(select(Assignment).where(
                Assignment.round_id == r.id, Assignment.case_id == case_id,
                Assignment.status != AssignmentStatus.WITHDRAWN)))
            warnings: list[str] = []
            if remove is not None:
                if s.scalar(select(Review).where(Review.round_id == r.id, Review.case_id == case_id,
                                                 Review.reviewer_id == remove)) is not None:
                    raise Conflict(translate("rounds", "That reviewer has begun the review; it is kept. "
                                             "Add another reviewer instead."))
                mine = [a for a in active if a.reviewer_id == remove]
                if not mine:
                    raise NotFound(translate("rounds", "User {id} is not assigned to this case").format(id=remove))
                for a in mine:
                    a.status = AssignmentStatus.WITHDRAWN
                active = [a for a in active if a.reviewer_id != remove]
            if add is not None:
                if any(a.reviewer_id == add for a in active):
                    raise Conflict(translate("rounds", "User {id} is already assigned to this case").format(id=add))
                (demand,) = self._demands(s, r, [case_id])
                info = next((x for x in self._reviewers(s) if x.reviewer_id == add), None)
                if info is None:
                    raise NotFound(translate("rounds", "User {id} is not a reviewer").format(id=add))
                counts = s.scalar(select(func.count()).select_from(Assignment).where(
                    Assignment.round_id == r.id, Assignment.reviewer_id == add,
                    Assignment.status != AssignmentStatus.WITHDRAWN)) or 0
                names = {u.id: u.name for u in s.scalars(select(Unit))}
                warnings = check_manual(demand, info, assigned_to_case=tuple(a.reviewer_id for a in active),
                                        reviewer_case_count=int(counts), unit_names=names)
                if warnings and not force:
                    raise OverrideRefused(translate("rounds", "This breaks a rule of the assignment: {w}. "
                                                    "Confirm to assign anyway (it will be recorded).").format(
                        w="；".join(warnings)), warnings)
                deployed = r.status is RoundStatus.IN_PROGRESS
                s.add(Assignment(round_id=r.id, case_id=case_id, reviewer_id=add,
                                 status=AssignmentStatus.DEPLOYED if deployed else AssignmentStatus.PROPOSED,
                                 reason=translate("rounds", "assigned by hand: {reason}").format(reason=reason.strip()),
                                 override=True, warnings=warnings, deployed_at=utcnow() if deployed else None))
            self.audit(s, actor=self.actor_id(actor), action="assignment_override", entity="round",
                       entity_id=r.id, round_id=r.id, case_id=case_id,
                       after={"add": add, "remove": remove, "warnings": warnings, "forced": bool(warnings)},
                       reason=reason.strip())
            return warnings

    def assignments(self, round_ref: str | int, case_id: int | None = None) -> list[AssignmentDTO]:
        with self.tx() as s:
            r = self._round(s, round_ref)
            q = select(Assignment).where(Assignment.round_id == r.id, Assignment.status != AssignmentStatus.WITHDRAWN)
            if case_id is not None:
                q = q.where(Assignment.case_id == case_id)
            out = []
            for a in s.scalars(q.order_by(Assignment.case_id, Assignment.id)):
                u = s.get(User, a.reviewer_id)
                assert u is not None
                out.append(AssignmentDTO(a.id, a.case_id, a.reviewer_id, u.name, u.unit.name if u.unit else "",
                                         a.status, a.reason, a.override, tuple(a.warnings or ())))
            return out

    def explain(self, round_ref: str | int, case_id: int) -> str:
        """Why these reviewers were chosen for the case."""
        rows = self.assignments(round_ref, case_id)
        if not rows:
            return translate("rounds", "No reviewers are assigned to this case yet")
        lines = []
        for a in rows:
            extra = f"（{label(a.status)}）" if a.status is not AssignmentStatus.DEPLOYED else ""
            warn = f" ⚠ {'；'.join(a.warnings)}" if a.warnings else ""
            reason = a.reason.removeprefix(f"{a.reviewer_name}：")
            lines.append(f"{a.reviewer_name}（{a.reviewer_unit}）{extra}：{reason}{warn}")
        return "\n".join(lines)

    def my_cases(self, round_ref: str | int, reviewer_id: int | None = None) -> list[int]:
        """The cases assigned (deployed) to a reviewer in the round."""
        with self.tx() as s:
            r = self._round(s, round_ref)
            rid = self.actor_id(reviewer_id)
            return list(s.scalars(select(Assignment.case_id).where(
                Assignment.round_id == r.id, Assignment.reviewer_id == rid,
                Assignment.status == AssignmentStatus.DEPLOYED).order_by(Assignment.case_id)))

    # -- views -------------------------------------------------------------------------------------------
    def workload(self, round_ref: str | int) -> list[Workload]:
        """Each reviewer's load and progress in the round."""
        with self.tx() as s:
            r = self._round(s, round_ref)
            assigned = list(s.scalars(select(Assignment).where(Assignment.round_id == r.id,
                                                               Assignment.status != AssignmentStatus.WITHDRAWN)))
            case_ids = list({a.case_id for a in assigned})
            demands = {d.case_id: d for d in self._demands(s, r, case_ids)} if case_ids else {}
            reviews = {(v.case_id, v.reviewer_id): v for v in s.scalars(select(Review).where(Review.round_id == r.id))}
            out = []
            for u in s.scalars(select(User).where(User.role == Role.REVIEWER).order_by(User.id)):
                mine = [a for a in assigned if a.reviewer_id == u.id]
                states = [reviews.get((a.case_id, u.id)) for a in mine]
                out.append(Workload(
                    u.id, u.name, u.unit.name if u.unit else "", u.available, len(mine),
                    sum(demands[a.case_id].pages for a in mine), sum(demands[a.case_id].recording_minutes for a in mine),
                    sum(1 for v in states if v is not None and v.status is ReviewStatus.SUBMITTED),
                    sum(1 for v in states if v is not None and v.status is ReviewStatus.IN_PROGRESS),
                    sum(1 for v in states if v is None)))
            return out

    def status(self, round_ref: str | int) -> RoundStatusReport:
        """Every case with its handler and unit, its reviewers and theirs, who submitted, scores, flags.

        Only the reviews of the reviewers a case is assigned to count. While a blind round is under
        way, a reviewer (or someone who has not said who they are) sees the results of a case's
        other reviewers, its provisional score and its flags only once their own review of it is
        submitted; with `hide_handler` they don't see the handlers either. Legal officers and chiefs
        see everything.
        """
        from review_tool.scoring.engine import ResultInput, aggregate, score_review
        from review_tool.services.meeting import case_flags

        threshold = self.ws.rules.require_settings().disagreement_threshold
        with self.tx() as s:
            r = self._round(s, round_ref)
            viewer = s.get(User, self.ws.user_id) if self.ws.user_id is not None else None
            privileged = viewer is not None and viewer.role in (Role.LEGAL_OFFICER, Role.CHIEF)
            finalised = r.status is RoundStatus.FINALISED
            blind = r.blind and not finalised and not privileged
            hide_handler = r.hide_handler and not finalised and not privileged
            rcs = list(s.scalars(select(RoundCase).where(RoundCase.round_id == r.id, RoundCase.removed.is_(False))))
            cases = {c.id: c for c in s.scalars(select(Case).options(
                selectinload(Case.handlers).selectinload(CaseHandler.officer), selectinload(Case.unit))
                .where(Case.id.in_([rc.case_id for rc in rcs])))}
            assigned: dict[int, list[Assignment]] = defaultdict(list)
            for a in s.scalars(select(Assignment).where(Assignment.round_id == r.id,
                                                        Assignment.status != AssignmentStatus.WITHDRAWN)
                               .order_by(Assignment.id)):
                assigned[a.case_id].append(a)
            reviews: dict[int, list[Review]] = defaultdict(list)
            for v in s.scalars(select(Review).options(selectinload(Review.results)).where(Review.round_id == r.id)):
                reviews[v.case_id].append(v)
            results = {cr.case_id: cr for cr in s.scalars(select(CaseResult).where(CaseResult.round_id == r.id))}
            users = {u.id: u for u in s.scalars(select(User).options(selectinload(User.unit)))}
            names = {u.id: u.name for u in users.values()}
            declared: dict[int, list[ConflictDeclaration]] = defaultdict(list)
            if privileged and not finalised:
                for x in s.scalars(select(ConflictDeclaration).where(ConflictDeclaration.withdrawn_at.is_(None))):
                    declared[x.user_id].append(x)
            level = self.ws.rules.require_settings().same_unit_level
            rows = []
            counts: dict[str, int] = defaultdict(int)
            for rc in sorted(rcs, key=lambda x: cases[x.case_id].doc_no):
                c = cases[rc.case_id]
                deployed = {a.reviewer_id for a in assigned[c.id] if a.status is AssignmentStatus.DEPLOYED}
                revs = {v.reviewer_id: v for v in reviews[c.id] if v.reviewer_id in deployed}
                submitted = [v for v in revs.values() if v.status is ReviewStatus.SUBMITTED]
                mine = revs.get(viewer.id) if viewer is not None else None
                sees_all = not blind or (mine is not None and mine.status is ReviewStatus.SUBMITTED)
                slots = []
                for a in assigned[c.id]:
                    v = revs.get(a.reviewer_id)
                    u = users[a.reviewer_id]
                    shown = v is not None and (sees_all or v is mine)
                    slots.append(ReviewerSlot(a.reviewer_id, u.name, u.unit.name if u.unit else "", a.status,
                                              v.status if v else None, v.total if shown and v else None,
                                              v.grade if shown and v else None, a.reason, a.override))
                mean = None
                flags: list[str] = []
                if submitted and sees_all:
                    checklist = self.ws.checklist_of_version(submitted[0].checklist_version_id)
                    scores = [score_review(checklist, {x.item_id: ResultInput(x.outcome, x.points)
                                                       for x in v.results}) for v in submitted]
                    mean = aggregate(checklist, scores, threshold=threshold).total
                    flags = case_flags(self.ws, submitted, threshold, names)
                for a in assigned[c.id]:  # declared after the assignment: the legal officer must act
                    hit = [x for x in declared.get(a.reviewer_id, ()) if conflict_touches(s, x, c, level)]
                    if hit:
                        flags.append(translate("rounds", "{name} declared a conflict of interest ({reason}): "
                                               "change the reviewers").format(name=names[a.reviewer_id],
                                                                              reason=hit[0].reason))
                cr = results.get(c.id) if sees_all else None
                counts["cases"] += 1
                counts["submitted_reviews"] += len(submitted)
                counts["assigned_reviews"] += len(deployed)
                counts["flagged"] += bool(flags)
                rows.append(CaseStatusRow(
                    case_id=c.id, doc_no=c.doc_no, case_type_name=self.ws.rules.case_type_name(c.case_type),
                    handlers=() if hide_handler else tuple(h.officer.name for h in c.handlers),
                    handler_unit=c.unit.name if c.unit else "",
                    origin=rc.origin, reviewers=tuple(slots), submitted=len(submitted),
                    final_total=cr.total if cr else None, final_grade=cr.grade if cr else None, mean_total=mean,
                    flags=tuple(flags)))
            return RoundStatusReport(round_dto(s, r), tuple(rows), dict(counts), blind_view=blind,
                                     handlers_hidden=hide_handler)


def _months_back(month: str, n: int) -> str:
    y, m = int(month[:4]), int(month[5:])
    m -= n
    while m <= 0:
        m += 12
        y -= 1
    return f"{y:04d}-{m:02d}"
