"""The database schema as SQLAlchemy 2 typed ORM classes.

Only `review_tool.storage` and `review_tool.services` touch these classes; the
CLI and GUI get frozen DTOs from the services. Changing anything here needs an
Alembic revision in `migrations/versions/` (a test compares the two).

Conventions: money is integer fen (`*_fen`); checklist points are `Decimal`
(`PointsType`, exact hundredths); timestamps are timezone-aware (`UtcDateTime`);
pages are counted from 1; paths of evidence files are relative to the case
folder so that a moved folder still opens.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from review_tool.domain.enums import (
    AssignmentStatus,
    CaseStatus,
    FileStatus,
    FindingStatus,
    IndexSource,
    Outcome,
    ReviewStatus,
    Role,
    RoundStatus,
    UnitKind,
)
from review_tool.storage.types import EnumText, PointsType, UtcDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


# -- organisation --------------------------------------------------------------


class Unit(Base):
    """支队 → 大队 → 中队, and 乡镇街道 units supervised by a 大队."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    short_name: Mapped[str] = mapped_column(String(40), default="")
    code: Mapped[str] = mapped_column(String(20), default="")  # 文号 prefix, e.g. 平消
    kind: Mapped[UnitKind] = mapped_column(EnumText(UnitKind))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    sort: Mapped[int] = mapped_column(Integer, default=0)

    parent: Mapped[Unit | None] = relationship(remote_side=[id])


class Officer(Base):
    """承办人: an enforcement officer, with the certificate number they sign with."""

    __tablename__ = "officers"
    __table_args__ = (UniqueConstraint("name", "unit_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    cert_no: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    unit: Mapped[Unit | None] = relationship()


class User(Base):
    """A person using the tool, with one role."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    role: Mapped[Role] = mapped_column(EnumText(Role))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id", ondelete="SET NULL"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"))
    available: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    officer: Mapped[Officer | None] = relationship()
    unit: Mapped[Unit | None] = relationship()


class ConflictDeclaration(Base):
    """A reviewer's declared conflict of interest (回避申报) with a case or a unit."""

    __tablename__ = "conflicts"
    __table_args__ = (CheckConstraint("case_id IS NOT NULL OR unit_id IS NOT NULL", name="target"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text, default="")
    declared_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    # withdrawn (a mistaken declaration, a relation that ended): kept on record, no longer binding (rev. 0002)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="", server_default="")


# -- cases and their evidence -------------------------------------------------------


class Case(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    doc_no: Mapped[str] = mapped_column(String(80))  # as written, e.g. 平消行罚决字〔2023〕第0012号
    doc_no_key: Mapped[str] = mapped_column(String(80), unique=True)  # canonical, for matching
    case_type: Mapped[str] = mapped_column(String(40), index=True)  # code from case_types.yaml
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    party: Mapped[str] = mapped_column(String(200), default="")
    opened_on: Mapped[dt.date | None] = mapped_column(Date)
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    fine_fen: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[CaseStatus] = mapped_column(EnumText(CaseStatus), default=CaseStatus.IMPORTED)
    folder: Mapped[str | None] = mapped_column(Text)  # absolute folder the case's files are relative to
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    unit: Mapped[Unit | None] = relationship()
    handlers: Mapped[list[CaseHandler]] = relationship(
        cascade="all, delete-orphan", order_by="CaseHandler.position"
    )
    files: Mapped[list[CaseFile]] = relationship(cascade="all, delete-orphan", order_by="CaseFile.id")
    recordings: Mapped[list[Recording]] = relationship(cascade="all, delete-orphan", order_by="Recording.started_at")
    fields: Mapped[list[CaseField]] = relationship(cascade="all, delete-orphan", order_by="CaseField.id")


class CaseHandler(Base):
    __tablename__ = "case_handlers"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id", ondelete="RESTRICT"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    officer: Mapped[Officer] = relationship()


class CaseFile(Base):
    """One PDF of a case. Never altered: only its sha256 and metadata are stored."""

    __tablename__ = "case_files"
    __table_args__ = (UniqueConstraint("case_id", "relpath"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    relpath: Mapped[str] = mapped_column(Text)  # relative to Case.folder, POSIX separators
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer)
    textless_pages: Mapped[list[Any]] = mapped_column(JSON, default=list)  # 1-based pages with no text layer
    has_outline: Mapped[bool] = mapped_column(Boolean, default=False)
    encrypted: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[FileStatus] = mapped_column(EnumText(FileStatus), default=FileStatus.OK)
    imported_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    documents: Mapped[list[Document]] = relationship(
        cascade="all, delete-orphan", order_by="Document.first_page"
    )


class Document(Base):
    """A document inside a case file, by page range (1-based, inclusive)."""

    __tablename__ = "documents"
    __table_args__ = (CheckConstraint("first_page >= 1 AND last_page >= first_page", name="pages"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_file_id: Mapped[int] = mapped_column(ForeignKey("case_files.id", ondelete="CASCADE"), index=True)
    doc_type: Mapped[str | None] = mapped_column(String(40))  # code from doc_types.yaml; None = unknown
    title: Mapped[str] = mapped_column(String(200), default="")  # as found in the file
    first_page: Mapped[int] = mapped_column(Integer)
    last_page: Mapped[int] = mapped_column(Integer)
    source: Mapped[IndexSource] = mapped_column(EnumText(IndexSource))


class CaseField(Base):
    """A value found for a case (文号, party, a date, the fine …) and where it came from.

    Register values and PDF values are both kept; a disagreement is shown, not resolved.
    `value` is canonical text: ISO dates/datetimes, fen for money, '、'-joined names.
    """

    __tablename__ = "case_fields"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text, default="")
    page: Mapped[int | None] = mapped_column(Integer)  # 1-based page in `case_file_id`
    case_file_id: Mapped[int | None] = mapped_column(ForeignKey("case_files.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(20))  # pdf | register | metadata | manual | folder | file_name


class Recording(Base):
    """A body-camera or audio recording. Media never enters the database."""

    __tablename__ = "recordings"
    __table_args__ = (UniqueConstraint("case_id", "relpath"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    relpath: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    started_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    start_source: Mapped[str | None] = mapped_column(String(20))  # metadata | filename
    step: Mapped[str | None] = mapped_column(String(40))  # recording step code, e.g. inquiry
    device: Mapped[str | None] = mapped_column(String(60))
    error: Mapped[str | None] = mapped_column(Text)  # why it could not be read, if so
    status: Mapped[FileStatus] = mapped_column(EnumText(FileStatus), default=FileStatus.OK)
    imported_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


# -- checklists and reviews ------------------------------------------------------------


class ChecklistVersion(Base):
    """A frozen copy of a checklist as it was when a review first used it."""

    __tablename__ = "checklist_versions"
    __table_args__ = (UniqueConstraint("checklist_id", "version", "content_sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    checklist_id: Mapped[str] = mapped_column(String(40))
    version: Mapped[str] = mapped_column(String(40))
    case_type: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    content_sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    stored_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class ReviewRound(Base):
    """A month's review (the 执法例会 round)."""

    __tablename__ = "rounds"
    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7), unique=True)  # YYYY-MM
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[RoundStatus] = mapped_column(EnumText(RoundStatus), default=RoundStatus.DRAFT)
    rule_name: Mapped[str] = mapped_column(String(40))
    seed: Mapped[int] = mapped_column(Integer)
    selection_log: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    per_case: Mapped[int] = mapped_column(Integer, default=2)
    blind: Mapped[bool] = mapped_column(Boolean, default=True)
    hide_handler: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    finalised_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    finalised_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class RoundCase(Base):
    __tablename__ = "round_cases"
    __table_args__ = (UniqueConstraint("round_id", "case_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    origin: Mapped[str] = mapped_column(String(20))  # rule | manual
    reason: Mapped[str] = mapped_column(Text, default="")
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    removed_reason: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class Assignment(Base):
    __tablename__ = "assignments"
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    status: Mapped[AssignmentStatus] = mapped_column(EnumText(AssignmentStatus), default=AssignmentStatus.PROPOSED)
    reason: Mapped[str] = mapped_column(Text, default="")
    override: Mapped[bool] = mapped_column(Boolean, default=False)
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    deployed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class Review(Base):
    """One reviewer's review of one case (in a round, or ad hoc when round_id is None)."""

    __tablename__ = "reviews"
    __table_args__ = (UniqueConstraint("case_id", "reviewer_id", "round_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    round_id: Mapped[int | None] = mapped_column(ForeignKey("rounds.id", ondelete="RESTRICT"), index=True)
    checklist_version_id: Mapped[int] = mapped_column(ForeignKey("checklist_versions.id", ondelete="RESTRICT"))
    status: Mapped[ReviewStatus] = mapped_column(EnumText(ReviewStatus), default=ReviewStatus.IN_PROGRESS)
    started_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    position: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # {"page": n, "item": id, "file": id}
    # cached score of the review's current results (recomputed on every change)
    total: Mapped[Decimal | None] = mapped_column(PointsType)
    grade: Mapped[str | None] = mapped_column(String(20))
    veto: Mapped[str | None] = mapped_column(String(20))

    checklist_version: Mapped[ChecklistVersion] = relationship()
    results: Mapped[list[ItemResult]] = relationship(cascade="all, delete-orphan", order_by="ItemResult.id")


class ItemResult(Base):
    __tablename__ = "item_results"
    __table_args__ = (UniqueConstraint("review_id", "item_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[Outcome] = mapped_column(EnumText(Outcome))
    points: Mapped[Decimal] = mapped_column(PointsType, default=Decimal(0))  # points deducted
    occurrences: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    pages: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{"file": id, "page": n}] or [n]
    timestamps: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{"recording": id, "ms": n}]
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class ReconciledItem(Base):
    """The agreed result of one item of a case at the meeting (会商结果)."""

    __tablename__ = "reconciled_items"
    __table_args__ = (UniqueConstraint("round_id", "case_id", "item_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    item_id: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[Outcome] = mapped_column(EnumText(Outcome))
    points: Mapped[Decimal] = mapped_column(PointsType, default=Decimal(0))
    occurrences: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    pages: Mapped[list[Any]] = mapped_column(JSON, default=list)
    timestamps: Mapped[list[Any]] = mapped_column(JSON, default=list)
    proposed_by_review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class CaseResult(Base):
    """The final score of a case in a round (reconciled, or the mean of submitted reviews)."""

    __tablename__ = "case_results"
    __table_args__ = (UniqueConstraint("round_id", "case_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    checklist_version_id: Mapped[int] = mapped_column(ForeignKey("checklist_versions.id", ondelete="RESTRICT"))
    total: Mapped[Decimal] = mapped_column(PointsType)
    grade: Mapped[str] = mapped_column(String(20))
    veto: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(20))  # reconciled | mean
    finalised_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class Finding(Base):
    """A problem found in a finalised case, to be rectified (整改) by its unit."""

    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    round_id: Mapped[int | None] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(String(32))
    category: Mapped[str] = mapped_column(String(10))
    description: Mapped[str] = mapped_column(Text)
    points: Mapped[Decimal] = mapped_column(PointsType, default=Decimal(0))
    pages: Mapped[list[Any]] = mapped_column(JSON, default=list)
    owner_officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id", ondelete="SET NULL"))
    owner_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[FindingStatus] = mapped_column(EnumText(FindingStatus), default=FindingStatus.OPEN)
    rectified_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    rectification_note: Mapped[str] = mapped_column(Text, default="")
    verified_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class AuditEvent(Base):
    """Who changed what, when, and why. Append-only."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    review_id: Mapped[int | None] = mapped_column(Integer, index=True)
    round_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")


class Setting(Base):
    """Shared settings of this database (e.g. the issuing unit printed on bulletins)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)
