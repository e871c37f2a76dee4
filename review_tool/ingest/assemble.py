"""From per-file results to what we know of a case (pure; no database).

Each fact keeps its source (pdf / metadata / register) and page. The case's
own columns take, in order: the register, the case's metadata file, the PDF.
Differing values are all kept as fields, so the disagreement is shown.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from review_tool.i18n import translate
from review_tool.ingest import textparse
from review_tool.ingest.pipeline import PdfResult
from review_tool.rules.loader import RuleSet

# Document stages whose 文号 / party / amount identify the case (the decision), in preference order
DECISION_STAGES = ("decision",)
PREFERRED_DOC_NO = ("cover",)


@dataclass
class Fact:
    name: str
    value: str  # canonical text
    raw: str
    source: str  # pdf | metadata | register | folder | file_name
    page: int | None = None
    file_index: int | None = None  # index into the case's PDF results
    doc_index: int | None = None


@dataclass
class CaseFacts:
    doc_no: str | None = None
    case_type: str | None = None
    unit: str | None = None
    handlers: tuple[str, ...] = ()
    party: str | None = None
    opened_on: dt.date | None = None
    decided_on: dt.date | None = None
    closed_on: dt.date | None = None
    fine_fen: int | None = None
    facts: list[Fact] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class MetadataUnreadable(Exception):
    pass


def read_metadata(path: Path) -> dict[str, Any]:
    """A case folder's case.json: doc_no, case_type, unit, handlers, party, opened_on, closed_on, fine_yuan."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MetadataUnreadable(translate("import", "{path}: not a readable JSON file ({error})").format(
            path=path, error=str(exc)[:120])) from exc
    if not isinstance(data, dict):
        raise MetadataUnreadable(translate("import", "{path}: expected a JSON object").format(path=path))
    return data


def _iso_date(v: Any) -> dt.date | None:
    """The date of a fact whose value is an ISO date or date-time (date fields are stored so); else None."""
    if isinstance(v, str) and len(v) >= 10 and v[4] == "-" and v[7] == "-":
        try:
            return dt.date.fromisoformat(v[:10])
        except ValueError:
            return None
    return None


def _date(v: Any) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str) and v.strip():
        hits = textparse.parse_dates(v)
        if hits:
            d = hits[0].value
            return d.date() if isinstance(d, dt.datetime) else d
    return None


def _pdf_facts(results: list[PdfResult]) -> list[Fact]:
    out: list[Fact] = []
    for fi, r in enumerate(results):
        for f in r.fields:
            out.append(Fact(f.name, f.value, f.raw, "pdf", f.page, fi, f.doc_index))
    return out


def _doc_type_of(results: list[PdfResult], fact: Fact) -> str | None:
    if fact.file_index is None or fact.doc_index is None:
        return None
    return results[fact.file_index].documents[fact.doc_index].doc_type


def _pick(results: list[PdfResult], facts: list[Fact], name: str, rules: RuleSet,
          prefer: Iterable[str] = ()) -> Fact | None:
    """The best PDF fact of a name: on preferred doc types first, then decision-stage documents, then the first."""
    candidates = [f for f in facts if f.name == name]
    if not candidates:
        return None
    prefer = tuple(prefer)

    def rank(f: Fact) -> tuple[int, int, int]:
        t = _doc_type_of(results, f)
        stage = rules.doc_types[t].stage if t in rules.doc_types else ""
        if t in prefer:
            r = prefer.index(t)
        elif stage in DECISION_STAGES:
            r = len(prefer)
        else:
            r = len(prefer) + 1
        return (r, f.file_index or 0, f.page or 0)

    return min(candidates, key=rank)


def infer_case_type(doc_types: set[str], doc_no: str | None, rules: RuleSet) -> str | None:
    """The case type by the documents present, else by the 文号's marker (data: case_types.yaml)."""
    ordered = sorted(rules.case_types.values(), key=lambda c: c.priority)
    for ct in ordered:
        if any(d in doc_types for d in ct.indicators):
            return ct.code
    if doc_no:
        for ct in ordered:
            if any(m in doc_no for m in ct.doc_no_markers):
                return ct.code
    return None


def case_type_from_text(text: str, rules: RuleSet) -> str | None:
    key = "".join(textparse.normalize(text).split())
    for ct in rules.case_types.values():
        names = {ct.code, ct.name, ct.short, *ct.aliases}
        if key in {"".join(n.split()) for n in names}:
            return ct.code
    return None


def assemble(results: list[PdfResult], rules: RuleSet, *, folder_name: str = "",
             metadata: dict[str, Any] | None = None) -> CaseFacts:
    cf = CaseFacts()
    ok = [r for r in results if r.error is None]
    facts = _pdf_facts(ok)
    cf.facts.extend(facts)

    def pdf_value(name: str, prefer: Iterable[str] = ()) -> Fact | None:
        return _pick(ok, facts, name, rules, prefer)

    # 文号: the cover's 案号, else the decision's, else any found, else one in the folder name, else one in
    # a PDF's file name (a case scanned throughout has no text; exports name volumes "…第0341号（正卷）.pdf")
    f = pdf_value("doc_no", PREFERRED_DOC_NO)
    cf.doc_no = f.value if f else None
    for name, source in [(folder_name, "folder"), *((r.path.name, "file_name") for r in ok)]:
        hit = textparse.parse_doc_no(name) if cf.doc_no is None and name else None
        if hit is not None:
            cf.doc_no = hit.text
            cf.facts.append(Fact("doc_no", hit.text, name, source))
    f = pdf_value("party")
    cf.party = f.value if f else None
    f = pdf_value("unit", ("cover", "filing_approval", "handling_approval"))
    cf.unit = f.value if f else None
    f = pdf_value("handlers", ("cover", "filing_approval", "handling_approval", "investigation_report"))
    cf.handlers = tuple(f.value.split("、")) if f else ()
    f = pdf_value("filed_on", ("filing_approval", "fire_filing", "acceptance_notice", "complaint_register"))
    cf.opened_on = _date(f.value) if f else None
    f = pdf_value("decided_on")
    decided_fact = f if f and rules.doc_types.get(_doc_type_of(ok, f) or "", None) is not None and \
        rules.doc_types[_doc_type_of(ok, f) or ""].stage == "decision" else None
    cf.decided_on = _date(decided_fact.value) if decided_fact else None
    closing = [x for x in facts if x.name == "decided_on" and _doc_type_of(ok, x) == "closing_report"]
    cf.closed_on = _date(closing[0].value) if closing else None
    closed_from: Fact | None = closing[0] if closing else None
    f = pdf_value("fine_fen")
    if f and (rules.doc_types.get(_doc_type_of(ok, f) or "") is None
              or rules.doc_types[_doc_type_of(ok, f) or ""].stage == "decision"):
        cf.fine_fen = int(f.value)
    doc_types = {d.doc_type for r in ok for d in r.documents if d.doc_type}
    cf.case_type = infer_case_type(doc_types, cf.doc_no, rules)
    if cf.closed_on is None:
        # without a 结案 document, the last dated document of the file stands for the closing date: a decision,
        # its service, but also a 复查 after a 责令改正 (an inspection file closes with the recheck)
        known = [(d, x) for x in facts if x.source == "pdf" and (d := _iso_date(x.value)) is not None]
        if known:
            cf.closed_on, closed_from = max(known, key=lambda k: k[0])
    if cf.case_type is not None and not any(x.name == "case_type" for x in cf.facts):
        cf.facts.append(Fact("case_type", cf.case_type, "", "pdf"))
    if cf.closed_on is not None and not any(x.name == "closed_on" for x in cf.facts):
        # where the date was read, so a reviewer can check it (the 结案报告, or the last dated document)
        at = closed_from
        cf.facts.append(Fact("closed_on", cf.closed_on.isoformat(), at.raw if at else "", "pdf",
                             page=at.page if at else None, file_index=at.file_index if at else None,
                             doc_index=at.doc_index if at else None))
    if metadata:
        apply_values(cf, metadata_values(metadata, rules, cf.notes), "metadata", rules)
    return cf


def metadata_values(meta: dict[str, Any], rules: RuleSet, notes: list[str]) -> dict[str, Any]:
    """case.json keys → typed values (fine_yuan → fine in fen)."""
    out: dict[str, Any] = {}
    for key in ("doc_no", "unit", "party"):
        if isinstance(meta.get(key), str) and meta[key].strip():
            out[key] = textparse.normalize(meta[key]).strip()
    if meta.get("case_type"):
        code = str(meta["case_type"])
        out["case_type"] = code if code in rules.case_types else case_type_from_text(code, rules)
        if out["case_type"] is None:
            notes.append(translate("import", "case.json: unknown case type '{value}'").format(value=code))
            del out["case_type"]
    h = meta.get("handlers")
    if isinstance(h, list):
        out["handlers"] = tuple(str(x).strip() for x in h if str(x).strip())
    elif isinstance(h, str):
        out["handlers"] = textparse.split_names(h)
    for key in ("opened_on", "closed_on", "decided_on"):
        d = _date(meta.get(key))
        if d:
            out[key] = d
    for key, scale in (("fine_yuan", 100), ("fine_fen", 1)):
        if meta.get(key) not in (None, ""):
            try:
                out["fine"] = int((Decimal(str(meta[key])) * scale).quantize(Decimal(1)))
            except InvalidOperation:
                notes.append(translate("import", "case.json: '{value}' is not an amount").format(value=meta[key]))
    return out


def apply_values(cf: CaseFacts, values: dict[str, Any], source: str, rules: RuleSet) -> None:
    """Values from a register row or case.json: they set the case's columns; all are kept as facts."""
    mapping = {"fine": "fine_fen"}
    for key, v in values.items():
        attr = mapping.get(key, key)
        if key == "case_type" and isinstance(v, str) and v not in rules.case_types:
            v = case_type_from_text(v, rules)
            if v is None:
                cf.notes.append(translate("import", "{source}: unknown case type '{value}'").format(
                    source=source, value=values[key]))
                continue
        if not hasattr(cf, attr) or attr == "facts":
            continue
        setattr(cf, attr, v)
        text = "、".join(v) if isinstance(v, tuple) else (v.isoformat() if hasattr(v, "isoformat") else str(v))
        cf.facts.append(Fact(attr, text, "", source))

