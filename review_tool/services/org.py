"""Units, officers, users and declared conflicts of interest."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from review_tool.domain.enums import AssignmentStatus, Role, RoundStatus, UnitKind
from review_tool.domain.errors import Conflict, NotFound, PermissionDenied, UsageError
from review_tool.i18n import translate
from review_tool.services.base import Service
from review_tool.services.dto import ConflictDTO, OfficerDTO, UnitDTO, UserDTO
from review_tool.storage.orm import Assignment, Case, ConflictDeclaration, Officer, ReviewRound, Unit, User
from review_tool.storage.types import utcnow


def unit_dto(u: Unit) -> UnitDTO:
    return UnitDTO(u.id, u.name, u.short_name, u.code, u.kind, u.parent_id)


def user_dto(u: User) -> UserDTO:
    return UserDTO(u.id, u.name, u.role, u.unit_id, u.unit.name if u.unit else "", u.officer_id, u.available)


def officer_dto(o: Officer) -> OfficerDTO:
    return OfficerDTO(o.id, o.name, o.unit_id, o.unit.name if o.unit else "", o.cert_no)


def conflict_touches(s: Session, c: ConflictDeclaration, case: Case, level: UnitKind) -> bool:
    """Whether a declared conflict covers the case: the case itself, or its unit (directly or at the level
    the assignment compares units at), as the assignment's own exclusion reads it."""
    if c.case_id is not None and c.case_id == case.id:
        return True
    return c.unit_id is not None and c.unit_id in (case.unit_id, unit_at_level(s, case.unit_id, level))


def unit_at_level(s: Session, unit_id: int | None, level: UnitKind) -> int | None:
    """The unit's ancestor of `level` (大队 or 中队), or the unit itself when it sits above that level.

    A 中队 inside a 大队 counts as that 大队 at level `brigade`; a 乡镇街道 unit under a
    大队 likewise. The 支队 (and its offices) have no ancestor at that level and
    count as themselves.
    """
    order = [UnitKind.DETACHMENT, UnitKind.BRIGADE, UnitKind.SQUADRON]
    if unit_id is None:
        return None
    chain: list[Unit] = []
    u = s.get(Unit, unit_id)
    while u is not None:
        chain.append(u)
        u = u.parent
    # walk from the top down; the first unit at or below `level` is the key
    for unit in reversed(chain):
        kind = UnitKind.SQUADRON if unit.kind is UnitKind.TOWNSHIP else unit.kind
        if kind in order and order.index(kind) >= order.index(level):
            return unit.id
    return unit_id


class OrgService(Service):
    # -- units --------------------------------------------------------------------
    def add_unit(self, name: str, kind: UnitKind, *, parent: str | int | None = None, short_name: str = "",
                 code: str = "") -> UnitDTO:
        with self.tx() as s:
            parent_id = self._unit_id(s, parent) if parent is not None else None
            if s.scalar(select(Unit).where(Unit.name == name)):
                raise Conflict(translate("org", "A unit named {name} already exists").format(name=name))
            u = Unit(name=name, kind=kind, parent_id=parent_id, short_name=short_name or name, code=code)
            s.add(u)
            s.flush()
            self.audit(s, actor=self.ws.user_id, action="add_unit", entity="unit", entity_id=u.id,
                       after={"name": name, "kind": kind.value, "parent": parent_id, "code": code})
            return unit_dto(u)

    def units(self) -> list[UnitDTO]:
        with self.tx() as s:
            return [unit_dto(u) for u in s.scalars(select(Unit).order_by(Unit.sort, Unit.id))]

    def unit(self, ref: str | int) -> UnitDTO:
        """A unit by id, or by full or short name ("12" is taken as an id)."""
        with self.tx() as s:
            key: str | int = int(ref) if isinstance(ref, str) and ref.strip().isdigit() else ref
            u = s.get(Unit, self._unit_id(s, key.strip() if isinstance(key, str) else key))
            assert u is not None
            return unit_dto(u)

    def _unit_id(self, s: Session, ref: str | int) -> int:
        if isinstance(ref, int):
            if s.get(Unit, ref) is None:
                raise NotFound(translate("org", "No unit with id {id}").format(id=ref))
            return ref
        u = s.scalar(select(Unit).where((Unit.name == ref) | (Unit.short_name == ref)))
        if u is None:
            raise NotFound(translate("org", "No unit named {name}").format(name=ref))
        return u.id

    def find_unit(self, s: Session, name: str) -> Unit | None:
        """A unit by full or short name, tolerant of spaces."""
        key = "".join(name.split())
        if not key:
            return None
        for u in s.scalars(select(Unit)):
            if key in {"".join(u.name.split()), "".join(u.short_name.split())}:
                return u
        return None

    # -- officers ---------------------------------------------------------------
    def add_officer(self, name: str, *, unit: str | int | None, cert_no: str | None = None) -> OfficerDTO:
        with self.tx() as s:
            unit_id = self._unit_id(s, unit) if unit is not None else None
            if s.scalar(select(Officer).where(Officer.name == name, Officer.unit_id == unit_id)) is not None:
                raise Conflict(translate("org", "An officer named {name} already exists in that unit").format(
                    name=name))
            o = Officer(name=name, unit_id=unit_id, cert_no=cert_no)
            s.add(o)
            s.flush()
            self.audit(s, actor=self.ws.user_id, action="add_officer", entity="officer", entity_id=o.id,
                       after={"name": name, "unit": unit_id, "cert_no": cert_no})
            return officer_dto(o)

    def officers(self) -> list[OfficerDTO]:
        with self.tx() as s:
            return [officer_dto(o) for o in s.scalars(select(Officer).order_by(Officer.unit_id, Officer.id))]

    @staticmethod
    def officer_by_name(s: Session, name: str, unit_id: int | None, *, create: bool) -> Officer | None:
        """The officer of that name, preferring one in `unit_id`; created in that unit if asked."""
        candidates = list(s.scalars(select(Officer).where(Officer.name == name)))
        for o in candidates:
            if o.unit_id == unit_id:
                return o
        if len(candidates) == 1 and unit_id is None:
            return candidates[0]
        if not create:
            return candidates[0] if candidates else None
        o = Officer(name=name, unit_id=unit_id)
        s.add(o)
        s.flush()
        return o

    # -- users ------------------------------------------------------------------------
    def add_user(self, name: str, role: Role, *, unit: str | int | None = None, officer_id: int | None = None,
                 available: bool = True) -> UserDTO:
        with self.tx() as s:
            if s.scalar(select(User).where(User.name == name)):
                raise Conflict(translate("org", "A user named {name} already exists").format(name=name))
            unit_id = self._unit_id(s, unit) if unit is not None else None
            u = User(name=name, role=role, unit_id=unit_id, officer_id=officer_id, available=available)
            s.add(u)
            s.flush()
            self.audit(s, actor=self.ws.user_id, action="add_user", entity="user", entity_id=u.id,
                       after={"name": name, "role": role.value})
            return user_dto(u)

    def users(self, role: Role | None = None) -> list[UserDTO]:
        with self.tx() as s:
            q = select(User).order_by(User.id)
            if role is not None:
                q = q.where(User.role == role)
            return [user_dto(u) for u in s.scalars(q)]

    def user(self, ref: str | int) -> UserDTO:
        with self.tx() as s:
            u = s.get(User, ref) if isinstance(ref, int) else s.scalar(select(User).where(User.name == ref))
            if u is None:
                raise NotFound(translate("org", "No user {ref}").format(ref=ref))
            return user_dto(u)

    def set_available(self, user_id: int, available: bool, *, reason: str = "") -> None:
        with self.tx() as s:
            u = s.get(User, user_id)
            if u is None:
                raise NotFound(translate("org", "No user {ref}").format(ref=user_id))
            self._require_self_or_legal(s, user_id)
            before = u.available
            u.available = available
            self.audit(s, actor=self.ws.user_id, action="set_available", entity="user", entity_id=u.id,
                       before={"available": before}, after={"available": available}, reason=reason)

    def declare_conflict(self, user_id: int, *, case_id: int | None = None, unit_id: int | None = None,
                         reason: str) -> ConflictDTO:
        """A reviewer declares a conflict of interest (回避) with a case or a unit.

        Future assignments avoid it; the cases of open rounds the person is already on are returned
        (`still_assigned`) and flagged in the round's status, for the legal officer to reassign.
        """
        if case_id is None and unit_id is None:
            raise UsageError(translate("org", "A conflict names a case or a unit"))
        if not reason.strip():
            raise UsageError(translate("org", "Give the reason for the conflict of interest"))
        with self.tx() as s:
            if s.get(User, user_id) is None:
                raise NotFound(translate("org", "No user {ref}").format(ref=user_id))
            self._require_self_or_legal(s, user_id)
            if case_id is not None and s.get(Case, case_id) is None:
                raise NotFound(translate("cases", "No case {ref}").format(ref=case_id))
            if unit_id is not None and s.get(Unit, unit_id) is None:
                raise NotFound(translate("org", "No unit with id {id}").format(id=unit_id))
            c = ConflictDeclaration(user_id=user_id, case_id=case_id, unit_id=unit_id, reason=reason.strip())
            s.add(c)
            s.flush()
            self.audit(s, actor=self.actor_id(None), action="declare_conflict", entity="conflict",
                       entity_id=c.id, case_id=case_id, after={"user": user_id, "case": case_id, "unit": unit_id},
                       reason=reason.strip())
            return self._conflict_dto(s, c)

    def conflicts(self, user_id: int | None = None) -> list[ConflictDTO]:
        """Declared conflicts of interest, everyone's or one person's, newest first."""
        with self.tx() as s:
            q = select(ConflictDeclaration).order_by(ConflictDeclaration.declared_at.desc(),
                                                     ConflictDeclaration.id.desc())
            if user_id is not None:
                q = q.where(ConflictDeclaration.user_id == user_id)
            return [self._conflict_dto(s, c) for c in s.scalars(q)]

    def _conflict_dto(self, s: Session, c: ConflictDeclaration) -> ConflictDTO:
        user = s.get(User, c.user_id)
        case = s.get(Case, c.case_id) if c.case_id else None
        unit = s.get(Unit, c.unit_id) if c.unit_id else None
        level = self.ws.rules.require_settings().same_unit_level
        still = []
        for a in () if c.withdrawn_at is not None else s.scalars(select(Assignment).join(ReviewRound, ReviewRound.id == Assignment.round_id).where(
                Assignment.reviewer_id == c.user_id, Assignment.status != AssignmentStatus.WITHDRAWN,
                ReviewRound.status != RoundStatus.FINALISED)):
            on = s.get(Case, a.case_id)
            if on is not None and conflict_touches(s, c, on, level):
                still.append(on.doc_no)
        return ConflictDTO(c.id, c.user_id, user.name if user else "", c.case_id, case.doc_no if case else "",
                           c.unit_id, unit.name if unit else "", c.reason, c.declared_at,
                           tuple(sorted(set(still))), c.withdrawn_at, c.withdrawn_reason)

    def withdraw_conflict(self, conflict_id: int, *, reason: str) -> ConflictDTO:
        """Withdraw a declared conflict (made by mistake, or the relation has ended): it stays on record
        and no longer keeps the person off. The person or a legal officer; audited."""
        if not reason.strip():
            raise UsageError(translate("org", "Say why the conflict of interest is withdrawn"))
        with self.tx() as s:
            c = s.get(ConflictDeclaration, conflict_id)
            if c is None:
                raise NotFound(translate("org", "No declared conflict {id}").format(id=conflict_id))
            self._require_self_or_legal(s, c.user_id)
            if c.withdrawn_at is not None:
                raise Conflict(translate("org", "That declaration was already withdrawn on {date}").format(
                    date=c.withdrawn_at.date().isoformat()))
            c.withdrawn_at, c.withdrawn_reason = utcnow(), reason.strip()
            self.audit(s, actor=self.actor_id(None), action="withdraw_conflict", entity="conflict", entity_id=c.id,
                       case_id=c.case_id, before={"withdrawn": False}, after={"withdrawn": True},
                       reason=reason.strip())
            return self._conflict_dto(s, c)

    def _require_self_or_legal(self, s: Session, user_id: int) -> None:
        """A person changes their own availability and conflicts; a legal officer anyone's."""
        actor = self.require_user(s, self.actor_id(None))
        if actor.id != user_id and actor.role is not Role.LEGAL_OFFICER:
            target = s.get(User, user_id)
            raise PermissionDenied(translate("org", "Only {name} or a legal officer can change this").format(
                name=target.name if target else user_id))
