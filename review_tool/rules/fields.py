"""Schema and loader of `checklists/fields.yaml`: printed labels → fields the importer reads.

The label vocabulary differs between provinces and form sets, and legal officers find new
spellings every month, so it is data (see the comments at the top of the YAML file), never
constants in `review_tool.ingest.textparse`. That module takes the loaded `FieldsFile` as a
parameter and never reads files itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from review_tool.domain.errors import LocatedValueError, ReviewToolError
from review_tool.rules.yamlsrc import SourceError, load_yaml, validation_faults

Code = str

FieldKind = Literal[
    "text", "names", "cert_nos", "date", "datetime", "range_start", "range_end", "amount", "doc_no",
]

DATE_KINDS: frozenset[str] = frozenset({"date", "datetime", "range_start", "range_end"})


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def _squash(text: str) -> str:
    return "".join(text.split())


class FieldLabel(_Frozen):
    """One printed label, optionally only on some document types (时间 on a 询问笔录)."""

    label: str = Field(min_length=1)
    doc_types: tuple[Code, ...] = ()

    @field_validator("label")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not _squash(v):
            raise ValueError("a label cannot be only spaces")
        return v


class FieldDef(_Frozen):
    """One field the importer extracts, and the labels that announce it."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = ""  # as the user reads it (文号, 询问开始 …); the name when empty
    kind: FieldKind
    labels: tuple[FieldLabel, ...] = ()
    doc_types: tuple[Code, ...] = ()  # empty: any document type
    inline: bool = False  # the label may stand inside a sentence (罚款人民币伍仟元整)
    closing: bool = False  # also the lone date at the end of the page (date kinds)
    standalone: bool = False  # also a 文号 alone on a line near the top (doc_no)
    description: str = ""

    @field_validator("labels", mode="before")
    @classmethod
    def _plain_strings(cls, v: object) -> object:
        """Allow `labels: [当事人, 被处罚人]`: a plain string is a label for any document type."""
        if isinstance(v, (list, tuple)):
            return [{"label": x} if isinstance(x, str) else x for x in v]
        return v

    @model_validator(mode="after")
    def _options_fit_kind(self) -> FieldDef:
        if self.closing and self.kind not in ("date", "datetime"):
            raise ValueError(f"closing: true needs kind date or datetime, not {self.kind}")
        if self.standalone and self.kind != "doc_no":
            raise ValueError(f"standalone: true needs kind doc_no, not {self.kind}")
        if not self.labels and not (self.closing or self.standalone):
            raise ValueError("a field needs labels (or closing / standalone)")
        seen: set[str] = set()
        for i, lab in enumerate(self.labels):
            key = _squash(lab.label)
            if key in seen:
                raise LocatedValueError(f"label '{lab.label}' is listed twice", ("labels", i))
            seen.add(key)
        return self

    def applies_to(self, doc_type: str | None) -> bool:
        """Whether the field is read on a page of `doc_type` (None: unknown type)."""
        if not self.doc_types:
            return True
        return doc_type is not None and doc_type in self.doc_types


_RANGE_PAIR = frozenset({"range_start", "range_end"})


class FieldsFile(_Frozen):
    """The whole of fields.yaml."""

    schema_: Literal[1] = Field(1, alias="schema")
    stop_labels: tuple[str, ...] = ()
    seal_marks: tuple[str, ...] = ()
    case_titles: dict[str, str] = {}
    fields: tuple[FieldDef, ...] = Field(min_length=1)

    def title_of(self, name: str) -> str:
        """The field's name as the user reads it (its name when none is given)."""
        f = next((f for f in self.fields if f.name == name), None)
        return (f.title if f and f.title else None) or self.case_titles.get(name) or name

    @model_validator(mode="after")
    def _consistent(self) -> FieldsFile:
        names: set[str] = set()
        for i, f in enumerate(self.fields):
            if f.name in names:
                raise LocatedValueError(f"duplicate field name '{f.name}'", ("fields", i, "name"))
            names.add(f.name)
        stops = {_squash(s) for s in self.stop_labels}
        # A label may serve two fields only when they cannot clash: the start and end of one range
        # (询问时间 → inquiry_start and inquiry_end), or fields read on different document types.
        owners: dict[str, list[tuple[FieldDef, tuple[str, ...]]]] = {}
        for i, f in enumerate(self.fields):
            for j, lab in enumerate(f.labels):
                key = _squash(lab.label)
                loc = ("fields", i, "labels", j)
                if key in stops:
                    raise LocatedValueError(f"label '{lab.label}' is also a stop label", loc)
                scope = lab.doc_types or f.doc_types
                for other, other_scope in owners.get(key, []):
                    if {f.kind, other.kind} == _RANGE_PAIR:
                        continue
                    if scope and other_scope and not set(scope) & set(other_scope):
                        continue
                    raise LocatedValueError(
                        f"label '{lab.label}' is given to both '{other.name}' and '{f.name}'", loc
                    )
                owners.setdefault(key, []).append((f, scope))
        return self

    def field(self, name: str) -> FieldDef | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None


class FieldsFileError(ReviewToolError):
    """fields.yaml cannot be used. `problems` holds (line, field path, message) for each fault."""

    def __init__(self, file: Path, problems: list[tuple[int | None, str, str]]) -> None:
        self.file = file
        self.problems = problems
        lines = []
        for line, where, message in problems:
            at = f"{file}:{line}" if line else str(file)
            lines.append(f"{at}: {where}: {message}" if where else f"{at}: {message}")
        super().__init__("\n".join(lines))



def load_fields(path: Path) -> FieldsFile:
    """Read and validate fields.yaml.

    Raises:
        FieldsFileError: the file is missing, not YAML, or not valid; every fault is listed with
            its line and field path (e.g. "fields.yaml:57: fields[3].labels[2]: …").
    """
    try:
        src = load_yaml(path)
    except SourceError as exc:
        raise FieldsFileError(exc.file, [(exc.line, "", exc.message)]) from exc
    if not isinstance(src.data, dict):
        raise FieldsFileError(path, [(1, "", "the file must hold a mapping of fields (key: value)")])
    try:
        return FieldsFile.model_validate(src.data)
    except ValidationError as exc:
        raise FieldsFileError(path, validation_faults(src, exc)) from exc
