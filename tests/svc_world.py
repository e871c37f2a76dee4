"""A small organisation and a few cases, built once per session and copied for each test.

Units (same-unit level: 大队):
    支队 ─ 法制科 (office)
         ├ 甲大队 ─ 甲一中队
         ├ 乙大队 ─ 乙一中队
         └ 丙大队
Officers (承办人): 甲官1 (甲大队), 甲官2 (甲一中队), 乙官1 (乙大队), 乙官2 (乙一中队), 丙官1, 丙官2 (丙大队).
Users: 法制员 (legal officer, 法制科), 负责人 (chief, 支队) and reviewers 甲评 (甲大队, is officer 甲官1),
乙评 (乙一中队, is officer 乙官2), 丙评 (丙大队, is officer 丙官1), 科评 (法制科: may review any unit).

The organisation is written through the real services; cases go in through the ORM
(`add_case`, milliseconds each) — importing a generated demo month (generate_month + import)
measured about 4 s for six cases, too slow to repeat per test.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from review_tool.domain.enums import CaseStatus, IndexSource, Outcome, Role, UnitKind
from review_tool.rules.loader import RuleSet
from review_tool.services.reviews import ResultEntry
from review_tool.storage.engine import open_database, sqlite_url
from review_tool.storage.orm import Case, CaseFile, CaseHandler, Document, Recording
from review_tool.workspace import Workspace

MONTH = "2025-06"
CLOSED = dt.date(2025, 6, 20)

# penalty_general 2025.1 items used by the tests (the real bundled checklist)
FIXED = "S1-01"  # fixed 1 of 1
PER = "S1-02"  # 0.5 per occurrence, cap 2
RANGE = "S1-03"  # range 0.5–1
FULL = "S3-04"  # full: 2
VETO_FAIL = "V03"  # veto_only, fail
VETO_NO_EXCELLENT = "V11"  # veto_only, no_excellent


@dataclass(frozen=True)
class Ids:
    units: dict[str, int]
    officers: dict[str, int]
    users: dict[str, int]


def build_org(ws: Workspace) -> Ids:
    org = ws.org
    units: dict[str, int] = {}
    units["支队"] = org.add_unit("支队", UnitKind.DETACHMENT).id
    units["法制科"] = org.add_unit("法制科", UnitKind.OFFICE, parent=units["支队"]).id
    for b in ("甲", "乙", "丙"):
        units[f"{b}大队"] = org.add_unit(f"{b}大队", UnitKind.BRIGADE, parent=units["支队"], code=f"{b}消").id
    for b in ("甲", "乙"):
        units[f"{b}一中队"] = org.add_unit(f"{b}一中队", UnitKind.SQUADRON, parent=units[f"{b}大队"]).id
    officers = {
        name: org.add_officer(name, unit=units[unit], cert_no=f"C{i:04d}").id
        for i, (name, unit) in enumerate([("甲官1", "甲大队"), ("甲官2", "甲一中队"), ("乙官1", "乙大队"),
                                          ("乙官2", "乙一中队"), ("丙官1", "丙大队"), ("丙官2", "丙大队")])
    }
    users = {
        "法制员": org.add_user("法制员", Role.LEGAL_OFFICER, unit=units["法制科"]).id,
        "负责人": org.add_user("负责人", Role.CHIEF, unit=units["支队"]).id,
        "甲评": org.add_user("甲评", Role.REVIEWER, unit=units["甲大队"], officer_id=officers["甲官1"]).id,
        "乙评": org.add_user("乙评", Role.REVIEWER, unit=units["乙一中队"], officer_id=officers["乙官2"]).id,
        "丙评": org.add_user("丙评", Role.REVIEWER, unit=units["丙大队"], officer_id=officers["丙官1"]).id,
        "科评": org.add_user("科评", Role.REVIEWER, unit=units["法制科"]).id,
    }
    return Ids(units, officers, users)


def write_template(path: Path, rules: RuleSet, template_db: Path) -> Ids:
    shutil.copy(template_db, path)
    ws = Workspace(open_database(sqlite_url(path)), rules)
    try:
        return build_org(ws)
    finally:
        ws.close()


TINY_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n")


class World:
    """One test's database, workspace and helpers."""

    def __init__(self, ws: Workspace, ids: Ids, url: str, folder: Path) -> None:
        self.ws = ws
        self.ids = ids
        self.url = url
        self.folder = folder
        self._n = 0

    # -- people ------------------------------------------------------------------------------
    def uid(self, name: str) -> int:
        return self.ids.users[name]

    def as_(self, name: str | None) -> Workspace:
        self.ws.set_user(None if name is None else self.uid(name))
        return self.ws

    # -- cases ---------------------------------------------------------------------------------
    def add_case(self, unit: str, handlers: tuple[str, ...], *, case_type: str = "penalty_general",
                 closed_on: dt.date = CLOSED, pages: int = 12, with_file: bool = False,
                 recording_ms: int | None = None) -> int:
        """A case handled by `handlers` (officer names) of `unit`, with one case file of `pages` pages.

        With `with_file`, the file really exists in the case folder (a tiny PDF) so that
        verify/relocate can hash it; the file's index has two bookmarked documents.
        """
        self._n += 1
        n = self._n
        folder = self.folder / f"case{n}"
        digest = "0" * 64
        size = 1
        if with_file:
            folder.mkdir(parents=True, exist_ok=True)
            data = TINY_PDF + f"%{n}\n".encode()
            (folder / "卷宗.pdf").write_bytes(data)
            digest, size = hashlib.sha256(data).hexdigest(), len(data)
        with self.ws.session_factory() as s, s.begin():
            case = Case(doc_no=f"{unit[0]}消行罚决字〔2025〕第{n:04d}号", doc_no_key=f"k{n}", case_type=case_type,
                        unit_id=self.ids.units[unit], party=f"当事人{n}", closed_on=closed_on,
                        opened_on=closed_on - dt.timedelta(days=20), status=CaseStatus.IMPORTED,
                        folder=str(folder))
            s.add(case)
            s.flush()
            for i, h in enumerate(handlers):
                s.add(CaseHandler(case_id=case.id, officer_id=self.ids.officers[h], position=i))
            f = CaseFile(case_id=case.id, relpath="卷宗.pdf", sha256=digest, size=size, pages=pages,
                         has_outline=True)
            s.add(f)
            s.flush()
            s.add(Document(case_file_id=f.id, doc_type="cover", title="封面", first_page=1, last_page=1,
                           source=IndexSource.BOOKMARK))
            s.add(Document(case_file_id=f.id, doc_type="inquiry_record", title="询问笔录", first_page=2,
                           last_page=pages, source=IndexSource.BOOKMARK))
            if recording_ms is not None:
                s.add(Recording(case_id=case.id, relpath="询问.mp4", sha256="1" * 64, size=10,
                                duration_ms=recording_ms))
            return case.id

    def standard_cases(self) -> dict[str, int]:
        """Three cases, one per 大队, each with two handlers of that 大队."""
        return {
            "甲": self.add_case("甲一中队", ("甲官2", "甲官1")),
            "乙": self.add_case("乙大队", ("乙官1",)),
            "丙": self.add_case("丙大队", ("丙官2",)),
        }

    # -- rounds -----------------------------------------------------------------------------------
    def round(self, *, per_case: int = 2, seed: int = 7, deploy: bool = True, **kw: object) -> int:
        ws = self.as_("法制员")
        r = ws.rounds.create(MONTH, rule="all", seed=seed, per_case=per_case, **kw)  # type: ignore[arg-type]
        ws.rounds.propose(MONTH)
        if deploy:
            ws.rounds.deploy(MONTH)
        return r.id

    def reviewers_of(self, round_id: int, case_id: int) -> list[str]:
        names = {v: k for k, v in self.ids.users.items()}
        return sorted(names[a.reviewer_id] for a in self.ws.rounds.assignments(round_id, case_id)
                      if a.status.value == "deployed")

    def review(self, name: str, case_id: int, round_id: int | None, deductions: dict[str, dict[str, object]],
               *, submit: bool = True) -> int:
        """`name` reviews the case: the given deductions, everything else 符合; submitted unless told not."""
        ws = self.as_(name)
        review = ws.reviews.open(case_id, round_id=round_id)
        entries = [ResultEntry(item, Outcome.DEDUCT, reason=str(kw.pop("reason", "问题")), **kw)  # type: ignore[arg-type]
                   for item, kw in ((i, dict(k)) for i, k in deductions.items())]
        if entries:
            ws.reviews.record_batch(review.id, entries)
        ws.reviews.mark_remaining_pass(review.id)
        if submit:
            ws.reviews.submit(review.id)
        return review.id


def dec(x: str | int) -> Decimal:
    return Decimal(str(x))
