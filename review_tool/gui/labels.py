"""Words the GUI shows for enum values and small formatted values, in the UI language.

Enum labels are GUI chrome here (they switch to English with the UI), while the
checklist's own wording stays the Chinese data of `checklists/`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from review_tool.domain.checklist import Item
from review_tool.domain.enums import (
    CaseStatus,
    DeductionKind,
    FileStatus,
    IndexSource,
    Outcome,
    ReviewStatus,
    Role,
    RoundStatus,
    VetoKind,
)
from review_tool.i18n import QT_TRANSLATE_NOOP, translate

CTX = "labels"
ERROR_COLOUR = "#b00020"  # what is wrong or refused, everywhere in the GUI
ERROR_STYLE = f"color: {ERROR_COLOUR};"

_LABELS: dict[StrEnum, str] = {
    Outcome.PASS: QT_TRANSLATE_NOOP("labels", "Pass"),
    Outcome.DEDUCT: QT_TRANSLATE_NOOP("labels", "Deduct"),
    Outcome.NOT_APPLICABLE: QT_TRANSLATE_NOOP("labels", "N/A"),
    CaseStatus.IMPORTED: QT_TRANSLATE_NOOP("labels", "Imported"),
    CaseStatus.SELECTED: QT_TRANSLATE_NOOP("labels", "Selected"),
    CaseStatus.UNDER_REVIEW: QT_TRANSLATE_NOOP("labels", "Under review"),
    CaseStatus.REVIEWED: QT_TRANSLATE_NOOP("labels", "Reviewed"),
    CaseStatus.FINALISED: QT_TRANSLATE_NOOP("labels", "Finalised"),
    ReviewStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("labels", "In progress"),
    ReviewStatus.SUBMITTED: QT_TRANSLATE_NOOP("labels", "Submitted"),
    RoundStatus.DRAFT: QT_TRANSLATE_NOOP("labels", "Selecting cases"),
    RoundStatus.PROPOSED: QT_TRANSLATE_NOOP("labels", "Assignment proposed"),
    RoundStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("labels", "Reviews under way"),
    RoundStatus.FINALISED: QT_TRANSLATE_NOOP("labels", "Finalised"),
    Role.LEGAL_OFFICER: QT_TRANSLATE_NOOP("labels", "Legal officer"),
    Role.REVIEWER: QT_TRANSLATE_NOOP("labels", "Reviewer"),
    Role.CHIEF: QT_TRANSLATE_NOOP("labels", "Chief"),
    IndexSource.BOOKMARK: QT_TRANSLATE_NOOP("labels", "Bookmark"),
    IndexSource.DETECTED: QT_TRANSLATE_NOOP("labels", "Detected"),
    IndexSource.MANUAL: QT_TRANSLATE_NOOP("labels", "Manual"),
    FileStatus.OK: QT_TRANSLATE_NOOP("labels", "OK"),
    FileStatus.CHANGED: QT_TRANSLATE_NOOP("labels", "Changed"),
    FileStatus.MISSING: QT_TRANSLATE_NOOP("labels", "Missing"),
    VetoKind.FAIL: QT_TRANSLATE_NOOP("labels", "Veto: fails the file"),
    VetoKind.ZERO: QT_TRANSLATE_NOOP("labels", "Veto: scores zero"),
    VetoKind.NO_EXCELLENT: QT_TRANSLATE_NOOP("labels", "Veto: cannot be graded excellent"),
}

NOT_REVIEWED = QT_TRANSLATE_NOOP("labels", "Not reviewed")


def label(value: StrEnum | None) -> str:
    if value is None:
        return translate(CTX, NOT_REVIEWED)
    source = _LABELS.get(value)
    return translate(CTX, source) if source else str(value)


def money(fen: int | None) -> str:
    """Integer fen as yuan: 1234500 → '12,345.00 元'."""
    return "" if fen is None else f"{Decimal(fen) / 100:,.2f} 元"


def points(value: Decimal | int | None) -> str:
    """Points without trailing zeros: 2, 0.5, 1.25."""
    if value is None:
        return ""
    d = Decimal(value)
    text = f"{d:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def rule_text(item: Item) -> str:
    """The item's deduction rule in words, e.g. 'Deduct 0.5 per occurrence, at most 2'."""
    r = item.rule
    if r.kind is DeductionKind.FIXED:
        return translate("labels", "Deduct {n} points").format(n=points(r.points))
    if r.kind is DeductionKind.FULL:
        return translate("labels", "Deduct all {n} points").format(n=points(item.points))
    if r.kind is DeductionKind.VETO_ONLY:
        return translate("labels", "Veto item (no points)")
    if r.kind is DeductionKind.PER_OCCURRENCE:
        cap = r.cap if r.cap is not None else item.points
        return translate("labels", "Deduct {per} per occurrence, at most {cap}").format(per=points(r.per), cap=points(cap))
    return translate("labels", "Deduct between {min} and {max} points").format(min=points(r.min), max=points(r.max))


def ms_text(ms: int | None) -> str:
    """A duration or position as H:MM:SS (or M:SS under an hour)."""
    if ms is None:
        return "—"
    s = max(0, int(ms) // 1000)
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def local_time(value: dt.datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if value is None:
        return "—"
    if value.tzinfo is not None:
        value = value.astimezone()
    return value.strftime(fmt)


def pages_text(pages: list[int] | tuple[int, ...]) -> str:
    """[3, 5, 6, 7] -> '3, 5-7' (the form the reviewer types)."""
    out: list[str] = []
    nums = sorted(set(pages))
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        out.append(str(nums[i]) if i == j else f"{nums[i]}-{nums[j]}")
        i = j + 1
    return ", ".join(out)


def parse_pages(text: str, *, last_page: int | None = None) -> list[int]:
    """'3, 5-7' (also full-width digits, 、，； and ～ –) -> [3, 5, 6, 7].

    Raises:
        ValueError: with a message for the reviewer (bad syntax, page outside the file).
    """
    table = str.maketrans("０１２３４５６７８９，、；;～—–－", "0123456789,,,,----")
    cleaned = text.translate(table).replace(" ", "")
    out: list[int] = []
    for part in filter(None, cleaned.split(",")):
        if "-" in part:
            a, _, b = part.partition("-")
            if not (a.isdigit() and b.isdigit()):
                raise ValueError(translate("labels", "'{part}' is not a page range like 5-7").format(part=part))
            first, last = int(a), int(b)
            if first > last:
                raise ValueError(translate("labels", "'{part}' runs backwards").format(part=part))
            out.extend(range(first, last + 1))
        elif part.isdigit():
            out.append(int(part))
        else:
            raise ValueError(translate("labels", "'{part}' is not a page number").format(part=part))
    for p in out:
        if p < 1 or (last_page is not None and p > last_page):
            raise ValueError(translate("labels", "Page {page} is outside the file (1–{last})").format(page=p, last=last_page or "?"))
    return sorted(set(out))
