"""What every service shares: one transaction per call, audit events, the acting user.

Each public service method runs in exactly one transaction (`tx()`), committed
before it returns: "every change is committed at once" holds by construction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from review_tool.domain.enums import Role
from review_tool.domain.errors import NotFound, PermissionDenied
from review_tool.i18n import translate
from review_tool.storage.engine import DatabaseError
from review_tool.storage.orm import AuditEvent, User

if TYPE_CHECKING:
    from review_tool.workspace import Workspace


class Service:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    @contextmanager
    def tx(self) -> Iterator[Session]:
        """A session in a transaction, committed on success, rolled back on any error."""
        session = self.ws.session_factory()
        try:
            with session.begin():
                yield session
        except OperationalError as exc:
            text = str(exc.orig)
            if "readonly" in text or "read-only" in text:
                raise DatabaseError(
                    translate("db", "The database is read-only; the change was not saved.")
                ) from exc
            raise DatabaseError(translate("db", "The database refused the change: {reason}").format(
                reason=text.splitlines()[0])) from exc
        except IntegrityError:
            raise
        except DBAPIError as exc:
            raise DatabaseError(translate("db", "The database refused the change: {reason}").format(
                reason=str(exc.orig).splitlines()[0])) from exc
        finally:
            session.close()

    # -- acting user ------------------------------------------------------------
    def actor_id(self, actor: int | None) -> int | None:
        return actor if actor is not None else self.ws.user_id

    def require_user(self, s: Session, user_id: int | None) -> User:
        if user_id is None:
            raise PermissionDenied(translate("auth", "No user is selected; choose who you are first (--user NAME)."))
        user = s.get(User, user_id)
        if user is None:
            raise NotFound(translate("auth", "No user with id {id}").format(id=user_id))
        return user

    def require_role(self, s: Session, user_id: int | None, *roles: Role) -> User:
        user = self.require_user(s, user_id)
        if user.role not in roles:
            from review_tool.domain.enums import label

            raise PermissionDenied(
                translate("auth", "{name} is a {role}; this needs a {needed}.").format(
                    name=user.name, role=label(user.role), needed="/".join(label(r) for r in roles)
                )
            )
        return user

    @staticmethod
    def audit(
        s: Session,
        *,
        actor: int | None,
        action: str,
        entity: str,
        entity_id: int | None,
        case_id: int | None = None,
        review_id: int | None = None,
        round_id: int | None = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        reason: str = "",
    ) -> None:
        s.add(
            AuditEvent(
                actor_id=actor, action=action, entity=entity, entity_id=entity_id, case_id=case_id,
                review_id=review_id, round_id=round_id, before=before, after=after, reason=reason,
            )
        )
