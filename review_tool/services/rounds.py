"""Monthly review rounds (例会): selection, assignment, blind review, reconciliation, finalisation."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from review_tool.domain.errors import NotFound
from review_tool.i18n import translate
from review_tool.services.base import Service
from review_tool.services.dto import RoundDTO
from review_tool.storage.orm import ReviewRound, RoundCase


def round_dto(s: Session, r: ReviewRound) -> RoundDTO:
    n = s.scalar(select(func.count()).select_from(RoundCase).where(
        RoundCase.round_id == r.id, RoundCase.removed.is_(False))) or 0
    return RoundDTO(r.id, r.month, r.title, r.status, r.rule_name, r.seed, r.per_case, r.blind, r.hide_handler,
                    int(n), r.created_at, r.finalised_at)


class RoundService(Service):
    def list(self) -> list[RoundDTO]:
        """All rounds, newest month first."""
        with self.tx() as s:
            return [round_dto(s, r) for r in s.scalars(select(ReviewRound).order_by(ReviewRound.month.desc()))]

    def resolve(self, ref: str | int) -> int:
        """A round id from an id or a month (YYYY-MM)."""
        with self.tx() as s:
            if isinstance(ref, int) or str(ref).isdigit():
                r = s.get(ReviewRound, int(ref))
            else:
                r = s.scalar(select(ReviewRound).where(ReviewRound.month == str(ref).strip()))
            if r is None:
                raise NotFound(translate("rounds", "No round {ref}").format(ref=ref))
            return r.id

    def get(self, round_id: int) -> RoundDTO:
        with self.tx() as s:
            r = s.get(ReviewRound, round_id)
            if r is None:
                raise NotFound(translate("rounds", "No round {ref}").format(ref=round_id))
            return round_dto(s, r)
