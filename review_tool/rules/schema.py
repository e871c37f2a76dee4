"""Schemas of the rule files under `checklists/` other than the checklists themselves.

Each model is the exact shape of one file; `review_tool.rules.loader` reads and
cross-checks them. Everything tagged [K] or [?] in the domain notes lives here
as data a legal officer can change.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from review_tool.domain.enums import UnitKind


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


Code = str


class CaseType(_Frozen):
    code: Code = Field(pattern=r"^[a-z0-9_]+$")
    name: str = Field(min_length=1)  # 行政处罚（一般程序）
    short: str = Field(min_length=1)  # 行政处罚
    aliases: tuple[str, ...] = ()  # how registers and folder names spell it
    # How the importer recognises the type when no register or case.json says it:
    # documents whose presence marks the type, and markers in the 文号 (行罚决, 封 …).
    # Types are tried in `priority` order (lowest first); the first that matches wins.
    indicators: tuple[Code, ...] = ()
    doc_no_markers: tuple[str, ...] = ()
    priority: int = 100


class CaseTypesFile(_Frozen):
    schema_: Literal[1] = Field(1, alias="schema")
    case_types: tuple[CaseType, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> CaseTypesFile:
        _require_unique([c.code for c in self.case_types], "case type code")
        return self


class RecordingStep(_Frozen):
    code: Code = Field(pattern=r"^[a-z0-9_]+$")
    name: str = Field(min_length=1)  # 现场检查
    required: bool = False  # 应当全程录像 vs 视情录像


class DocType(_Frozen):
    """One kind of document in a case file, with the titles it goes by."""

    code: Code = Field(pattern=r"^[a-z0-9_]+$")
    title: str = Field(min_length=1)  # the standard title, shown in the UI
    synonyms: tuple[str, ...] = ()  # other titles seen in real files
    stage: Literal[
        "cover", "source", "filing", "evidence", "investigation", "review", "notice", "hearing",
        "decision", "service", "execution", "closing", "other",
    ]
    volume: Literal["main", "sub"] = "main"  # 正卷 / 副卷
    step: Code | None = None  # recording step this document records (询问笔录 -> inquiry)
    case_types: tuple[Code, ...] = ()  # where it is typical; empty = any

    def all_titles(self) -> tuple[str, ...]:
        return (self.title, *self.synonyms)


class DocTypesFile(_Frozen):
    schema_: Literal[1] = Field(1, alias="schema")
    recording_steps: tuple[RecordingStep, ...] = Field(min_length=1)
    doc_types: tuple[DocType, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> DocTypesFile:
        _require_unique([d.code for d in self.doc_types], "document type code")
        _require_unique([s.code for s in self.recording_steps], "recording step code")
        steps = {s.code for s in self.recording_steps}
        for d in self.doc_types:
            if d.step is not None and d.step not in steps:
                raise ValueError(f"document type '{d.code}' names unknown recording step '{d.step}'")
        titles: dict[str, str] = {}
        for d in self.doc_types:
            for t in d.all_titles():
                key = "".join(t.split())
                if key in titles and titles[key] != d.code:
                    raise ValueError(f"title '{t}' is given to both '{titles[key]}' and '{d.code}'")
                titles[key] = d.code
        return self


class ProblemCategory(_Frozen):
    code: Code = Field(pattern=r"^P-[A-Z]{2}$")
    name: str = Field(min_length=1)  # 程序
    description: str = ""


class CategoriesFile(_Frozen):
    schema_: Literal[1] = Field(1, alias="schema")
    categories: tuple[ProblemCategory, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> CategoriesFile:
        _require_unique([c.code for c in self.categories], "category code")
        return self


class FineThreshold(_Frozen):
    """较大数额罚款: the amount (fen) from which 听证 rights / 集体讨论 apply."""

    individual_fen: int = Field(ge=0)
    organisation_fen: int = Field(ge=0)


class Settings(_Frozen):
    """Thresholds a legal officer adapts to the province (settings.yaml)."""

    schema_: Literal[1] = Field(1, alias="schema")
    issuing_unit: str = "××市消防救援支队"
    disagreement_threshold: Decimal = Field(Decimal(10), ge=0)
    reviewers_per_case: int = Field(2, ge=1, le=5)
    same_unit_level: UnitKind = UnitKind.BRIGADE
    large_fine: FineThreshold
    simple_procedure_limit: FineThreshold
    decision_service_days: int = Field(7, ge=0)
    rectification_days: int = Field(30, ge=1, le=365)  # 整改期限 after the round is finalised
    report_font: str = ""  # a CJK TrueType font file for PDF reports; empty: find one on the system


class SampleRule(_Frozen):
    case_type: Code
    percent: Decimal = Field(gt=0, le=100)
    per_unit: bool = True
    minimum: int = Field(1, ge=0)


class SelectionRule(_Frozen):
    name: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str
    description: str = ""
    date_field: Literal["closed_on", "decided_on", "opened_on"] = "closed_on"
    include_all: tuple[Code, ...] = ()
    sample: tuple[SampleRule, ...] = ()


class SelectionRulesFile(_Frozen):
    schema_: Literal[1] = Field(1, alias="schema")
    default: str
    rules: tuple[SelectionRule, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _default_exists(self) -> SelectionRulesFile:
        _require_unique([r.name for r in self.rules], "selection rule name")
        if self.default not in {r.name for r in self.rules}:
            raise ValueError(f"default rule '{self.default}' is not one of the rules")
        return self


RegisterField = Literal[
    "doc_no", "case_type", "unit", "handlers", "party", "opened_on", "closed_on", "decided_on", "fine",
]


class RegisterFile(_Frozen):
    """Header names a 案件台账 may use for each field (register.yaml)."""

    schema_: Literal[1] = Field(1, alias="schema")
    required: tuple[RegisterField, ...] = ("doc_no",)
    headers: dict[RegisterField, tuple[str, ...]]

    @model_validator(mode="after")
    def _required_have_headers(self) -> RegisterFile:
        for f in self.required:
            if not self.headers.get(f):
                raise ValueError(f"required field '{f}' has no header names")
        return self


class CalendarYear(_Frozen):
    """China's official holidays and make-up working days for one year (国务院办公厅通知)."""

    schema_: Literal[1] = Field(1, alias="schema")
    year: int = Field(ge=2000, le=2100)
    source: str = ""
    holidays: tuple[dt.date, ...] = ()
    workdays: tuple[dt.date, ...] = ()  # 调休上班 weekends

    @field_validator("holidays", "workdays", mode="before")
    @classmethod
    def _expand_ranges(cls, v: object) -> object:
        """Allow `2023-10-01..2023-10-06` strings for runs of days."""
        if not isinstance(v, (list, tuple)):
            return v
        out: list[object] = []
        for entry in v:
            if isinstance(entry, str) and ".." in entry:
                a, b = (dt.date.fromisoformat(x.strip()) for x in entry.split("..", 1))
                if b < a:
                    raise ValueError(f"range {entry} ends before it starts")
                out.extend(a + dt.timedelta(days=i) for i in range((b - a).days + 1))
            else:
                out.append(entry)
        return out

    @model_validator(mode="after")
    def _in_year(self) -> CalendarYear:
        for d in (*self.holidays, *self.workdays):
            if d.year != self.year:
                raise ValueError(f"{d} is not in {self.year}")
        both = set(self.holidays) & set(self.workdays)
        if both:
            raise ValueError(f"{min(both)} is listed as both a holiday and a working day")
        return self


class Deadline(_Frozen):
    code: str = Field(pattern=r"^D[0-9]+[a-z]?$")
    step: str
    days: int = Field(ge=0)
    unit: Literal["days", "working_days", "hours"]
    after: str  # the event the period runs from
    basis: str = ""
    tag: Literal["S", "S-partial", "K", "?"] = "K"


class DeadlinesFile(_Frozen):
    schema_: Literal[1] = Field(1, alias="schema")
    deadlines: tuple[Deadline, ...]

    @model_validator(mode="after")
    def _unique(self) -> DeadlinesFile:
        _require_unique([d.code for d in self.deadlines], "deadline code")
        return self


def _require_unique(values: list[str], what: str) -> None:
    seen: set[str] = set()
    for v in values:
        if v in seen:
            raise ValueError(f"duplicate {what} '{v}'")
        seen.add(v)
