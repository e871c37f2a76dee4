"""The plan of one demo case: who, what, when, which documents, which recordings, which defects.

Planning (`plan.py`) fills these in; drawing (`docs_*.py`), media (`media.py`) and the month writer
(`casefiles.py`) only read them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from review_tool.demo.org import Officer, Unit

BEIJING = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")


@dataclass
class Party:
    name: str  # company name, or the person's name
    is_unit: bool
    address: str
    rep: str  # 法定代表人 / 负责人 (for a person: the person)
    rep_gender: str
    rep_age: int
    rep_id: str  # 公民身份号码
    rep_phone: str
    credit_code: str = ""  # 统一社会信用代码 (units)
    place_kind: str = ""  # 餐饮场所, 宾馆 …
    place_short: str = ""  # 餐馆, 宾馆 …
    witness: str = ""  # an employee present at the inspection
    witness_gender: str = "男"
    witness_age: int = 30
    witness_id: str = ""


@dataclass
class Violation:
    violated: str  # provision breached, e.g. 《中华人民共和国消防法》第二十八条
    basis: str  # penalty provision, e.g. 《中华人民共和国消防法》第六十条第一款第三项
    name: str  # short name of the act (案由)
    facts: str  # what was found, as written in the facts section
    items: tuple[str, ...]  # individual findings (inspection items, notice items)
    captions: tuple[str, ...]  # photo captions
    fine_min_fen: int = 0
    fine_max_fen: int = 0


@dataclass
class DocPlan:
    code: str  # doc type code (checklists/doc_types.yaml)
    title: str  # title printed on the first page (standard title or a synonym)
    date: dt.date
    start: dt.datetime | None = None  # for records with a time span (笔录, 检查)
    end: dt.datetime | None = None
    doc_no: str | None = None
    officers: tuple[str, ...] = ()  # officers who act and sign
    extra: dict[str, Any] = field(default_factory=dict)
    volume: str = "main"  # main (正卷) | sub (副卷)
    scanned: bool = False
    spaced: bool = False  # letter-spaced title
    bookmark: str = ""  # outline title when bookmarked (defaults to the printed title)


@dataclass
class RecordingPlan:
    doc_index: int  # index into CasePlan.docs of the document the footage belongs to
    step: str  # recording step code (doc_types.yaml recording_steps)
    start: dt.datetime  # Beijing time
    seconds: float
    name: str  # file name (relative path inside the case folder)
    container: str  # mp4 | mov | mkv | m4a | wav
    device: str
    officer: str


@dataclass
class PlannedDefect:
    kind: str
    category: str
    hint: str
    detail: str
    doc_index: int | None  # document where it shows (None: e.g. a missing document)


@dataclass
class CasePlan:
    index: int
    case_type: str
    unit: Unit  # the handlers' unit
    issuing: Unit  # the unit in whose name documents are issued
    handlers: tuple[Officer, Officer]
    party: Party
    violation: Violation
    fine_fen: int
    doc_no: str
    opened_on: dt.date
    decided_on: dt.date | None
    closed_on: dt.date
    folder: str = ""
    docs: list[DocPlan] = field(default_factory=list)
    recordings: list[RecordingPlan] = field(default_factory=list)
    defects: list[PlannedDefect] = field(default_factory=list)
    bookmarks: bool = False
    scan: str = "none"  # none | some | all
    split_volumes: bool = False
    case_json: bool = False
    amount_style: str = "both"
    date_style: str = "cn"  # style of the dates of issued documents
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def handler_names(self) -> tuple[str, str]:
        return (self.handlers[0].name, self.handlers[1].name)

    def first(self, code: str) -> DocPlan | None:
        for d in self.docs:
            if d.code == code:
                return d
        return None
