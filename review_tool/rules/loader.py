"""Reads and cross-checks everything under `checklists/`.

This module is the only reader of those files. A broken file never stops the
others: its problems are collected (file, line, field, message) and the rest
of the rules load. `load_rules()` never raises for bad content; it raises only
when the rules folder itself is missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from review_tool.domain.checklist import Checklist
from review_tool.domain.errors import ReviewToolError
from review_tool.rules.schema import (
    CalendarYear,
    CaseType,
    CaseTypesFile,
    CategoriesFile,
    DeadlinesFile,
    DocType,
    DocTypesFile,
    ProblemCategory,
    RecordingStep,
    RegisterFile,
    SelectionRule,
    SelectionRulesFile,
    Settings,
)
from review_tool.rules.yamlsrc import Located, SourceError, format_loc, load_yaml, validation_faults

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class RuleProblem:
    """One thing wrong in one rule file."""

    file: Path
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class RulesUnavailable(ReviewToolError):
    """The rules folder, or a file every part of the tool needs, cannot be used."""


@dataclass(frozen=True)
class WorkCalendar:
    """Working days in China: weekdays, minus official holidays, plus make-up days."""

    holidays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()
    years: frozenset[int] = frozenset()

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def covers(self, day: dt.date) -> bool:
        """Whether the calendar has that year's holiday list (else weekends only are known)."""
        return day.year in self.years

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The day `n` working days after `start` (start itself not counted)."""
        day = start
        left = n
        while left > 0:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day


@dataclass
class RuleSet:
    """Everything under `checklists/`, validated."""

    root: Path
    case_types: dict[str, CaseType] = field(default_factory=dict)
    doc_types: dict[str, DocType] = field(default_factory=dict)
    recording_steps: dict[str, RecordingStep] = field(default_factory=dict)
    categories: dict[str, ProblemCategory] = field(default_factory=dict)
    checklists: dict[str, list[Checklist]] = field(default_factory=dict)  # by case type, oldest first
    checklist_files: dict[tuple[str, str], Path] = field(default_factory=dict)  # (id, version) -> file
    settings: Settings | None = None
    selection: SelectionRulesFile | None = None
    register: RegisterFile | None = None
    deadlines: DeadlinesFile | None = None
    fields: Any = None  # rules.fields.FieldsFile: label → field data for the importer
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    problems: list[RuleProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def require_settings(self) -> Settings:
        if self.settings is None:
            raise RulesUnavailable(f"{self.root / 'settings.yaml'} could not be loaded; see `review-tool checklists validate`")
        return self.settings

    def selection_rule(self, name: str | None = None) -> SelectionRule:
        if self.selection is None:
            raise RulesUnavailable(f"{self.root / 'selection_rules.yaml'} could not be loaded")
        name = name or self.selection.default
        for r in self.selection.rules:
            if r.name == name:
                return r
        known = ", ".join(r.name for r in self.selection.rules)
        raise RulesUnavailable(f"no selection rule named '{name}' (known: {known})")

    def case_type_name(self, code: str) -> str:
        ct = self.case_types.get(code)
        return ct.name if ct else code

    def doc_type_title(self, code: str) -> str:
        d = self.doc_types.get(code)
        return d.title if d else code

    def checklist_for(self, case_type: str, on: dt.date | None = None) -> Checklist:
        """The checklist version in force on `on` (the day the case was closed).

        With no date, or when no version covers the date, the newest version is
        used: a case closed before the first version took effect is still scored.
        """
        versions = self.checklists.get(case_type)
        if not versions:
            raise RulesUnavailable(
                f"no usable checklist for case type '{self.case_type_name(case_type)}' ({case_type}); "
                "see `review-tool checklists validate`"
            )
        if on is not None:
            for c in reversed(versions):
                if c.in_force_on(on):
                    return c
        return versions[-1]

    def checklist_version(self, checklist_id: str, version: str) -> Checklist | None:
        for versions in self.checklists.values():
            for c in versions:
                if c.id == checklist_id and c.version == version:
                    return c
        return None


def _problems_from_validation(src: Located, exc: ValidationError) -> list[RuleProblem]:
    return [RuleProblem(src.file, line, where, msg) for line, where, msg in validation_faults(src, exc)]


def _parse(file: Path, model: type[M], problems: list[RuleProblem]) -> tuple[M | None, Located | None]:
    try:
        src = load_yaml(file)
    except SourceError as exc:
        problems.append(RuleProblem(exc.file, exc.line, "", exc.message))
        return None, None
    if not isinstance(src.data, dict):
        problems.append(RuleProblem(file, 1, "", "the file must hold a mapping of fields (key: value)"))
        return None, src
    try:
        return model.model_validate(src.data), src
    except ValidationError as exc:
        problems.extend(_problems_from_validation(src, exc))
        return None, src


def rule_files(root: Path, overlay: Path | None = None) -> dict[str, Path]:
    """Relative name -> file, with files in `overlay` replacing same-named ones in `root`."""
    files: dict[str, Path] = {}
    for base in (root, overlay):
        if base is None or not base.is_dir():
            continue
        for p in sorted(base.rglob("*.yaml")):
            if p.is_file():
                files[p.relative_to(base).as_posix()] = p
    return files


def load_rules(root: Path, overlay: Path | None = None) -> RuleSet:
    """Load every rule file; collect problems instead of stopping at the first.

    Args:
        root: the bundled `checklists/` folder.
        overlay: a folder of the legal officer's own copies; a file there replaces
            the bundled file of the same relative name (e.g. `standards/inspection.yaml`).
    """
    if not root.is_dir():
        raise RulesUnavailable(f"rules folder not found: {root}")
    rs = RuleSet(root=root)
    files = rule_files(root, overlay)
    p = rs.problems

    def need(name: str) -> Path | None:
        f = files.get(name)
        if f is None:
            p.append(RuleProblem(root / name, None, "", "file missing"))
        return f

    if f := need("case_types.yaml"):
        ct, _ = _parse(f, CaseTypesFile, p)
        if ct:
            rs.case_types = {c.code: c for c in ct.case_types}
    if f := need("doc_types.yaml"):
        dtf, _ = _parse(f, DocTypesFile, p)
        if dtf:
            rs.doc_types = {d.code: d for d in dtf.doc_types}
            rs.recording_steps = {s.code: s for s in dtf.recording_steps}
            _check_doc_case_types(f, dtf, rs, p)
    if f := need("categories.yaml"):
        cf, _ = _parse(f, CategoriesFile, p)
        if cf:
            rs.categories = {c.code: c for c in cf.categories}
    if f := need("settings.yaml"):
        rs.settings, _ = _parse(f, Settings, p)
    if f := need("selection_rules.yaml"):
        rs.selection, src = _parse(f, SelectionRulesFile, p)
        if rs.selection and src:
            _check_selection(src, rs.selection, rs, p)
    if f := need("register.yaml"):
        rs.register, _ = _parse(f, RegisterFile, p)
    if f := files.get("deadlines.yaml"):
        rs.deadlines, _ = _parse(f, DeadlinesFile, p)
    if f := need("fields.yaml"):
        rs.fields = _load_fields(f, rs, p)
    _check_case_type_indicators(files.get("case_types.yaml"), rs, p)

    holidays: set[dt.date] = set()
    workdays: set[dt.date] = set()
    years: set[int] = set()
    for name, f in files.items():
        if name.startswith("calendars/"):
            cal, _ = _parse(f, CalendarYear, p)
            if cal:
                holidays |= set(cal.holidays)
                workdays |= set(cal.workdays)
                years.add(cal.year)
    rs.calendar = WorkCalendar(frozenset(holidays), frozenset(workdays), frozenset(years))

    for name, f in files.items():
        if name.startswith("standards/"):
            _load_checklist(f, rs)
    for versions in rs.checklists.values():
        versions.sort(key=lambda c: c.effective_from)
    for code, c in rs.case_types.items():
        if code not in rs.checklists:
            p.append(RuleProblem(root / "standards", None, "", f"no usable checklist for case type '{code}' ({c.name})"))
    return rs


def _load_fields(file: Path, rs: RuleSet, p: list[RuleProblem]) -> Any:
    from review_tool.rules.fields import FieldsFileError, load_fields

    try:
        fields = load_fields(file)
    except FieldsFileError as exc:
        p.extend(RuleProblem(exc.file, line, where, msg) for line, where, msg in exc.problems)
        return None
    if rs.doc_types:
        src = load_yaml(file)
        raw = src.data.get("fields", []) if isinstance(src.data, dict) else []
        for i, fd in enumerate(raw if isinstance(raw, list) else []):
            for key in ("doc_types",):
                for j, code in enumerate(fd.get(key, []) if isinstance(fd, dict) else []):
                    if code not in rs.doc_types:
                        loc = ("fields", i, key, j)
                        p.append(RuleProblem(file, src.line_of(loc), format_loc(loc), f"unknown document type '{code}'"))
            for k, lab in enumerate(fd.get("labels", []) if isinstance(fd, dict) else []):
                for j, code in enumerate(lab.get("doc_types", []) if isinstance(lab, dict) else []):
                    if code not in rs.doc_types:
                        loc = ("fields", i, "labels", k, "doc_types", j)
                        p.append(RuleProblem(file, src.line_of(loc), format_loc(loc), f"unknown document type '{code}'"))
    return fields


def _check_case_type_indicators(file: Path | None, rs: RuleSet, p: list[RuleProblem]) -> None:
    if file is None or not rs.doc_types or not rs.case_types:
        return
    src = load_yaml(file)
    for i, ct in enumerate(rs.case_types.values()):
        for j, code in enumerate(ct.indicators):
            if code not in rs.doc_types:
                loc = ("case_types", i, "indicators", j)
                p.append(RuleProblem(file, src.line_of(loc), format_loc(loc), f"unknown document type '{code}'"))


def _check_doc_case_types(file: Path, dtf: DocTypesFile, rs: RuleSet, p: list[RuleProblem]) -> None:
    if not rs.case_types:
        return
    src = load_yaml(file)
    for i, d in enumerate(dtf.doc_types):
        for j, code in enumerate(d.case_types):
            if code not in rs.case_types:
                loc = ("doc_types", i, "case_types", j)
                p.append(RuleProblem(file, src.line_of(loc), format_loc(loc), f"unknown case type '{code}'"))


def _check_selection(src: Located, sel: SelectionRulesFile, rs: RuleSet, p: list[RuleProblem]) -> None:
    for i, r in enumerate(sel.rules):
        codes: Iterable[tuple[tuple[str | int, ...], str]] = [
            (("rules", i, "include_all", j), c) for j, c in enumerate(r.include_all)
        ] + [(("rules", i, "sample", j, "case_type"), s.case_type) for j, s in enumerate(r.sample)]
        for loc, code in codes:
            if rs.case_types and code not in rs.case_types:
                p.append(RuleProblem(src.file, src.line_of(loc), format_loc(loc), f"unknown case type '{code}'"))


def check_extra_checklist(file: Path, rs: RuleSet) -> list[RuleProblem]:
    """Problems of a checklist file kept outside the rules folder, judged against `rs`."""
    probe = RuleSet(root=rs.root, case_types=rs.case_types, doc_types=rs.doc_types, categories=rs.categories,
                    checklist_files=dict(rs.checklist_files))
    _load_checklist(file, probe)
    return probe.problems


def _load_checklist(file: Path, rs: RuleSet) -> None:
    p = rs.problems
    before = len(p)
    checklist, src = _parse(file, Checklist, p)
    if checklist is None or src is None:
        return
    if rs.case_types and checklist.case_type not in rs.case_types:
        known = ", ".join(rs.case_types)
        p.append(
            RuleProblem(file, src.line_of(("case_type",)), "case_type",
                        f"unknown case type '{checklist.case_type}' (known: {known})")
        )
    for si, s in enumerate(checklist.sections):
        for ii, item in enumerate(s.items):
            base = ("sections", si, "items", ii)
            if rs.categories and item.category not in rs.categories:
                loc = (*base, "category")
                p.append(RuleProblem(file, src.line_of(loc), format_loc(loc), f"unknown problem category '{item.category}'"))
            for di, doc in enumerate(item.documents):
                if rs.doc_types and doc not in rs.doc_types:
                    loc = (*base, "documents", di)
                    p.append(RuleProblem(file, src.line_of(loc), format_loc(loc), f"unknown document type '{doc}'"))
    key = (checklist.id, checklist.version)
    if key in rs.checklist_files:
        p.append(
            RuleProblem(file, src.line_of(("version",)), "version",
                        f"checklist '{checklist.id}' version {checklist.version} is also defined in {rs.checklist_files[key]}")
        )
    if len(p) > before:
        return  # a checklist with any problem is not used: never score with a half-valid standard
    rs.checklist_files[key] = file
    rs.checklists.setdefault(checklist.case_type, []).append(checklist)
