"""The checklist (评查表) as validated, immutable data.

These models are both the schema of the YAML files under `checklists/standards/`
and the objects the scoring engine works on. A review stores a JSON snapshot
of the checklist it used (`Checklist.model_dump(mode="json")`) so that editing a
file never changes a review already begun.

Checks that need only one file live here (points add up, ids unique, ranges the
right way round). Checks that need the other rule files (unknown document type,
unknown case type, unknown problem category) live in `review_tool.rules.loader`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from review_tool.domain.enums import Aspect, DeductionKind, Severity, VetoKind
from review_tool.domain.errors import LocatedValueError

Points = Annotated[Decimal, Field(ge=0, max_digits=6, decimal_places=2)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class DeductionRule(_Frozen):
    """How many points a 扣分 result takes off an item.

    - fixed: `points` (at most the item's points);
    - per_occurrence: `per` for each occurrence, at most `cap` (default: the item's points);
    - range: the reviewer picks a value in [`min`, `max`];
    - full: the item's points (扣全分);
    - veto_only: no points; a 扣分 result on the item applies its veto.
    """

    kind: DeductionKind
    points: Points | None = None
    per: Points | None = None
    cap: Points | None = None
    min: Points | None = None
    max: Points | None = None

    @model_validator(mode="after")
    def _fields_match_kind(self) -> DeductionRule:
        need: dict[DeductionKind, set[str]] = {
            DeductionKind.FIXED: {"points"},
            DeductionKind.PER_OCCURRENCE: {"per"},
            DeductionKind.RANGE: {"min", "max"},
            DeductionKind.FULL: set(),
            DeductionKind.VETO_ONLY: set(),
        }
        allowed: dict[DeductionKind, set[str]] = {
            DeductionKind.FIXED: {"points"},
            DeductionKind.PER_OCCURRENCE: {"per", "cap"},
            DeductionKind.RANGE: {"min", "max"},
            DeductionKind.FULL: set(),
            DeductionKind.VETO_ONLY: set(),
        }
        present = {n for n in ("points", "per", "cap", "min", "max") if getattr(self, n) is not None}
        missing = need[self.kind] - present
        if missing:
            raise ValueError(f"a '{self.kind}' rule needs {', '.join(sorted(missing))}")
        extra = present - allowed[self.kind]
        if extra:
            raise ValueError(f"a '{self.kind}' rule does not take {', '.join(sorted(extra))}")
        if self.kind is DeductionKind.RANGE:
            assert self.min is not None and self.max is not None
            if self.min > self.max:
                raise LocatedValueError(f"range is inside-out: min {self.min} > max {self.max}", ("min",))
        if self.kind is DeductionKind.PER_OCCURRENCE and self.per == 0:
            raise ValueError("per must be more than 0")
        return self


class Item(_Frozen):
    """One line of the score sheet."""

    id: str = Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_.\-]+$")
    text: str = Field(min_length=1)
    points: Points
    rule: DeductionRule
    severity: Severity = Severity.GENERAL
    aspect: Aspect
    category: str = Field(min_length=1, description="problem category code, e.g. P-CX")
    veto: VetoKind | None = None
    basis: str = ""
    phrasings: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    check: str | None = Field(default=None, description="name of an automated check rule")
    guidance: str = ""

    @model_validator(mode="after")
    def _rule_fits_points(self) -> Item:
        r = self.rule
        if r.kind is DeductionKind.VETO_ONLY:
            if self.veto is None:
                raise ValueError("a veto_only item must name its veto kind (veto: fail | zero | no_excellent)")
            if self.points != 0:
                raise ValueError("a veto_only item carries no points (points: 0)")
            return self
        if self.points <= 0:
            raise ValueError("points must be more than 0 (use rule kind veto_only for a pure veto item)")
        for name in ("points", "cap", "max"):
            value = getattr(r, name)
            if value is not None and value > self.points:
                raise LocatedValueError(
                    f"rule.{name} {value} is more than the item's points {self.points}", ("rule", name)
                )
        return self

    @property
    def max_deduction(self) -> Decimal:
        r = self.rule
        if r.kind is DeductionKind.FIXED:
            assert r.points is not None
            return r.points
        if r.kind is DeductionKind.PER_OCCURRENCE:
            return r.cap if r.cap is not None else self.points
        if r.kind is DeductionKind.RANGE:
            assert r.max is not None
            return r.max
        if r.kind is DeductionKind.FULL:
            return self.points
        return Decimal(0)


class Section(_Frozen):
    id: str = Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_.\-]+$")
    title: str = Field(min_length=1)
    points: Points
    items: tuple[Item, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _items_cover_points(self) -> Section:
        possible = sum((i.points for i in self.items), Decimal(0))
        if self.points and possible < self.points:
            raise LocatedValueError(
                f"items add up to {possible}, less than the section's {self.points} points "
                "(every point of a section must be losable through some item)",
                ("points",),
            )
        return self


class GradeBand(_Frozen):
    grade: str = Field(min_length=1)
    min: Points


class Checklist(_Frozen):
    """A versioned 评查表 for one case type."""

    schema_version: Literal[1] = Field(1, alias="schema")
    id: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    case_type: str = Field(min_length=1)
    title: str = Field(min_length=1)
    version: str = Field(min_length=1)
    effective_from: dt.date
    effective_until: dt.date | None = None
    total: Points
    basis: tuple[str, ...] = ()
    notes: str = ""
    grade_bands: tuple[GradeBand, ...] = Field(min_length=2)
    sections: tuple[Section, ...] = Field(min_length=1)

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, v: object) -> object:
        # YAML reads `version: 2025.1` as a float; keep what was written.
        return str(v) if isinstance(v, (int, float)) else v

    @model_validator(mode="after")
    def _consistent(self) -> Checklist:
        total = sum((s.points for s in self.sections), Decimal(0))
        if total != self.total:
            raise LocatedValueError(
                f"sections add up to {total}, not the total {self.total}: "
                + " + ".join(f"{s.id} {s.points}" for s in self.sections),
                ("total",),
            )
        seen: dict[str, tuple[int, int]] = {}
        for si, s in enumerate(self.sections):
            for ii, i in enumerate(s.items):
                if i.id in seen:
                    a, b = seen[i.id]
                    raise LocatedValueError(
                        f"duplicate item id '{i.id}' (first used at sections[{a}].items[{b}])",
                        ("sections", si, "items", ii, "id"),
                    )
                seen[i.id] = (si, ii)
        section_seen: set[str] = set()
        for si, s in enumerate(self.sections):
            if s.id in section_seen:
                raise LocatedValueError(f"duplicate section id '{s.id}'", ("sections", si, "id"))
            section_seen.add(s.id)
        mins = [b.min for b in self.grade_bands]
        for bi in range(1, len(mins)):
            if mins[bi] >= mins[bi - 1]:
                raise LocatedValueError(
                    "grade_bands must be listed from the highest minimum to the lowest, each minimum once",
                    ("grade_bands", bi, "min"),
                )
        if mins[-1] != 0:
            raise LocatedValueError(
                "the last grade band must start at 0 so that every score has a grade",
                ("grade_bands", len(mins) - 1, "min"),
            )
        if mins[0] > self.total:
            raise LocatedValueError(
                f"the top grade band starts at {mins[0]}, above the total {self.total}", ("grade_bands", 0, "min")
            )
        if self.effective_until is not None and self.effective_until < self.effective_from:
            raise LocatedValueError("effective_until is before effective_from", ("effective_until",))
        return self

    # -- look-ups ---------------------------------------------------------
    def items(self) -> list[Item]:
        return [i for s in self.sections for i in s.items]

    def item(self, item_id: str) -> Item:
        for s in self.sections:
            for i in s.items:
                if i.id == item_id:
                    return i
        raise KeyError(item_id)

    def section_of(self, item_id: str) -> Section:
        for s in self.sections:
            for i in s.items:
                if i.id == item_id:
                    return s
        raise KeyError(item_id)

    @property
    def top_grade(self) -> str:
        return self.grade_bands[0].grade

    @property
    def fail_grade(self) -> str:
        return self.grade_bands[-1].grade

    def in_force_on(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_until is None or day <= self.effective_until)
