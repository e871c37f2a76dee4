"""Frozen data returned by the services. No ORM object ever leaves a service,
so the GUI can't trigger a lazy load or hold a session across threads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from review_tool.domain.checklist import Checklist
from review_tool.domain.enums import (
    AssignmentStatus,
    CaseStatus,
    FileStatus,
    IndexSource,
    Outcome,
    ReviewStatus,
    Role,
    RoundStatus,
    UnitKind,
)
from review_tool.scoring.engine import ReviewScore


@dataclass(frozen=True)
class UnitDTO:
    id: int
    name: str
    short_name: str
    code: str
    kind: UnitKind
    parent_id: int | None


@dataclass(frozen=True)
class OfficerDTO:
    id: int
    name: str
    unit_id: int | None
    unit_name: str
    cert_no: str | None


@dataclass(frozen=True)
class UserDTO:
    id: int
    name: str
    role: Role
    unit_id: int | None
    unit_name: str
    officer_id: int | None
    available: bool


@dataclass(frozen=True)
class ConflictDTO:
    """A declared conflict of interest (回避), and the open-round cases it touches that the person is still on."""

    id: int
    user_id: int
    user_name: str
    case_id: int | None
    doc_no: str
    unit_id: int | None
    unit_name: str
    reason: str
    declared_at: dt.datetime
    still_assigned: tuple[str, ...] = ()  # 文号 of cases in open rounds: the legal officer must reassign them
    withdrawn_at: dt.datetime | None = None  # withdrawn declarations stay on record and bind no longer
    withdrawn_reason: str = ""


@dataclass(frozen=True)
class PageRef:
    """A cited page: 1-based page of a case file (file_id None = the case's first file)."""

    page: int
    file_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"page": self.page, "file": self.file_id}

    @staticmethod
    def from_json(v: Any) -> PageRef:
        if isinstance(v, int):
            return PageRef(v)
        return PageRef(int(v["page"]), v.get("file"))


@dataclass(frozen=True)
class TimeRef:
    """A cited moment of a recording, in milliseconds from its start."""

    recording_id: int
    ms: int

    def to_json(self) -> dict[str, Any]:
        return {"recording": self.recording_id, "ms": self.ms}

    @staticmethod
    def from_json(v: Any) -> TimeRef:
        return TimeRef(int(v["recording"]), int(v["ms"]))


@dataclass(frozen=True)
class DocumentDTO:
    id: int
    file_id: int
    doc_type: str | None
    title: str  # as found in the file
    type_title: str  # the vocabulary's standard title (or the found title when unknown)
    first_page: int
    last_page: int
    source: IndexSource


@dataclass(frozen=True)
class FileDTO:
    id: int
    relpath: str
    path: Path | None  # absolute, when the case folder is known
    sha256: str
    size: int
    pages: int
    textless_pages: tuple[int, ...]
    has_outline: bool
    status: FileStatus
    documents: tuple[DocumentDTO, ...]


@dataclass(frozen=True)
class FieldDTO:
    name: str
    value: str
    raw: str
    page: int | None
    file_id: int | None
    document_id: int | None
    source: str  # pdf | register | metadata | manual
    title: str = ""  # as the user reads it (fields.yaml)


@dataclass(frozen=True)
class Disagreement:
    """A field whose values from different sources differ (shown, never resolved silently)."""

    name: str
    values: tuple[FieldDTO, ...]


@dataclass(frozen=True)
class RecordingDTO:
    id: int
    relpath: str
    path: Path | None
    sha256: str
    size: int
    duration_ms: int | None
    started_at: dt.datetime | None
    start_source: str | None
    step: str | None
    step_name: str
    error: str | None
    status: FileStatus


@dataclass(frozen=True)
class CaseRow:
    """A line of the case list."""

    id: int
    doc_no: str
    case_type: str
    case_type_name: str
    unit_id: int | None
    unit_name: str
    handlers: tuple[str, ...]
    party: str
    status: CaseStatus
    opened_on: dt.date | None
    closed_on: dt.date | None
    fine_fen: int | None
    pages: int
    recordings: int
    # for the current user / round, when asked for
    my_review_id: int | None = None
    my_status: ReviewStatus | None = None
    my_reviewed: int = 0
    my_items: int = 0
    score: Decimal | None = None
    grade: str | None = None
    file_problem: bool = False
    # the current reviewer's own (provisional until submitted) total and grade
    my_score: Decimal | None = None
    my_grade: str | None = None
    my_assigned: bool = False  # assigned (deployed) to the current reviewer in the round asked for


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    folder: Path | None
    files: tuple[FileDTO, ...]
    fields: tuple[FieldDTO, ...]
    disagreements: tuple[Disagreement, ...]
    recordings: tuple[RecordingDTO, ...]
    handler_ids: tuple[int, ...] = ()

    def documents(self) -> list[DocumentDTO]:
        return [d for f in self.files for d in f.documents]


@dataclass(frozen=True)
class ItemResultDTO:
    item_id: str
    outcome: Outcome
    points: Decimal
    occurrences: int | None
    reason: str
    note: str
    pages: tuple[PageRef, ...]
    timestamps: tuple[TimeRef, ...]
    updated_at: dt.datetime
    updated_by: str


@dataclass(frozen=True)
class ReviewDTO:
    id: int
    case_id: int
    doc_no: str
    reviewer_id: int
    reviewer_name: str
    round_id: int | None
    status: ReviewStatus
    checklist: Checklist
    checklist_version_id: int
    results: dict[str, ItemResultDTO]
    score: ReviewScore
    position: dict[str, Any]
    started_at: dt.datetime
    submitted_at: dt.datetime | None
    reopened: bool  # was submitted once, then reopened: changes need a reason

    @property
    def locked(self) -> bool:
        return self.status is ReviewStatus.SUBMITTED


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    actor: str
    action: str
    item_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str


@dataclass(frozen=True)
class RoundDTO:
    id: int
    month: str
    title: str
    status: RoundStatus
    rule_name: str
    seed: int
    per_case: int
    blind: bool
    hide_handler: bool
    cases: int
    created_at: dt.datetime
    finalised_at: dt.datetime | None


@dataclass(frozen=True)
class AssignmentDTO:
    id: int
    case_id: int
    reviewer_id: int
    reviewer_name: str
    reviewer_unit: str
    status: AssignmentStatus
    reason: str
    override: bool
    warnings: tuple[str, ...] = field(default=())
