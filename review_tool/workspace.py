"""The one object the CLI, the GUI and the tests talk to.

`Workspace.open()` checks and (for SQLite) upgrades the database, loads the
rules, and exposes the services as attributes: `ws.org`, `ws.cases`,
`ws.reviews`, `ws.rounds`, `ws.imports`, `ws.reports`. Each service method is one
transaction. A Workspace may be used from one thread at a time (the GUI runs
all calls on its single database worker).
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, select
from sqlalchemy.orm import sessionmaker

from review_tool.domain.checklist import Checklist
from review_tool.domain.errors import NotFound
from review_tool.i18n import translate
from review_tool.paths import checklists_dir, user_rules_dir
from review_tool.rules.loader import RuleSet, load_rules
from review_tool.storage.engine import open_database, safe_url
from review_tool.storage.orm import AuditEvent, ChecklistVersion, Setting, User

if TYPE_CHECKING:
    from review_tool.services.cases import CaseService
    from review_tool.services.imports import ImportService
    from review_tool.services.meeting import MeetingService
    from review_tool.services.org import OrgService
    from review_tool.services.reports import ReportService
    from review_tool.services.reviews import ReviewService
    from review_tool.services.rounds import RoundService


class Workspace:
    def __init__(self, engine: Engine, rules: RuleSet, *, user_id: int | None = None) -> None:
        self.engine = engine
        self.rules = rules
        self.session_factory = sessionmaker(engine, expire_on_commit=False)
        self.user_id = user_id
        self._checklists: dict[int, Checklist] = {}

    @classmethod
    def open(
        cls,
        db_url: str | None = None,
        *,
        rules_dir: Path | None = None,
        user: str | int | None = None,
        auto_upgrade: bool | None = None,
    ) -> Workspace:
        """Open the database (see `storage.engine.open_database`) and the rules.

        Args:
            db_url: SQLAlchemy URL; default REVIEW_TOOL_DB or the per-user SQLite file.
            rules_dir: the rules folder; default the bundled `checklists/` overlaid by
                the user's own copies (`paths.user_rules_dir()`).
            user: who is acting (name or id); default REVIEW_TOOL_USER.
        """
        engine = open_database(db_url, auto_upgrade=auto_upgrade)
        if rules_dir is not None:
            rules = load_rules(rules_dir)
        else:
            rules = load_rules(checklists_dir(), overlay=user_rules_dir())
        ws = cls(engine, rules)
        user = user if user is not None else os.environ.get("REVIEW_TOOL_USER") or None
        if user is not None:
            ws.set_user(user)
        return ws

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        return safe_url(str(self.engine.url))

    def set_user(self, user: str | int | None) -> None:
        if user is None:
            self.user_id = None
            return
        with self.session_factory() as s:
            u = s.get(User, int(user)) if isinstance(user, int) or str(user).isdigit() else None
            if u is None:
                u = s.scalar(select(User).where(User.name == str(user)))
            if u is None:
                raise NotFound(translate("auth", "No user named {name} in {url}").format(name=user, url=self.url))
            self.user_id = u.id

    def setting(self, key: str, default: object = None) -> object:
        """A setting stored in this database (shared by everyone using it), e.g. `issuing_unit`."""
        with self.session_factory() as s:
            row = s.get(Setting, key)
            return row.value.get("value", default) if row is not None else default

    def set_setting(self, key: str, value: object) -> None:
        with self.session_factory() as s, s.begin():
            row = s.get(Setting, key)
            before = row.value.get("value") if row is not None else None
            if row is None:
                s.add(Setting(key=key, value={"value": value}))
            else:
                row.value = {"value": value}
            s.add(AuditEvent(actor_id=self.user_id, action="set_setting", entity="setting", entity_id=None,
                             before={"key": key, "value": before}, after={"key": key, "value": value}))

    def issuing_unit(self) -> str:
        """The body that issues reports: this database's setting, else the rules' settings.yaml."""
        value = self.setting("issuing_unit")
        if isinstance(value, str) and value.strip():
            return value.strip()
        return self.rules.settings.issuing_unit if self.rules.settings else ""

    def checklist_of_version(self, checklist_version_id: int) -> Checklist:
        """The frozen checklist a review uses (cached; stored copies never change)."""
        cl = self._checklists.get(checklist_version_id)
        if cl is None:
            with self.session_factory() as s:
                cv = s.get(ChecklistVersion, checklist_version_id)
                if cv is None:
                    raise NotFound(f"checklist version {checklist_version_id}")
                cl = Checklist.model_validate(cv.content)
            self._checklists[checklist_version_id] = cl
        return cl

    # -- services ---------------------------------------------------------------------
    @cached_property
    def org(self) -> OrgService:
        from review_tool.services.org import OrgService

        return OrgService(self)

    @cached_property
    def cases(self) -> CaseService:
        from review_tool.services.cases import CaseService

        return CaseService(self)

    @cached_property
    def reviews(self) -> ReviewService:
        from review_tool.services.reviews import ReviewService

        return ReviewService(self)

    @cached_property
    def rounds(self) -> RoundService:
        from review_tool.services.rounds import RoundService

        return RoundService(self)

    @cached_property
    def meeting(self) -> MeetingService:
        from review_tool.services.meeting import MeetingService

        return MeetingService(self)

    @cached_property
    def imports(self) -> ImportService:
        from review_tool.services.imports import ImportService

        return ImportService(self)

    @cached_property
    def reports(self) -> ReportService:
        from review_tool.services.reports import ReportService

        return ReportService(self)
