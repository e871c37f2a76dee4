"""A small organisation with three rounds whose every figure can be worked out by hand.

Written once per module through the ORM (`review_tool.reports.sample.SampleWriter`), with
the REAL checklists from checklists/standards and their frozen snapshots:

2025-03 (finalised): G reconciled (both reviewers deduct f1) → 100 − p1;
                     H reconciled with a 'fail' veto → 不合格.
2025-04 (finalised): I finalised as the mean of 100 − p1 and 100 → 100 − p1/2; findings recorded.
2025-05 (in progress):
    A  平安区大队, handlers 王建国+李晓峰: R1 deducts f1, R2 deducts f1+f2 → mean 100 − p1 − p2/2
    B  东城区大队, 陈立新: two clean reviews → 100
    C  青山镇 (township), 罗永平: one review applying the 'fail' veto → 100, 不合格
    D  平安区大队, 王建国: one submitted review deducting f1 (+ one under way) → 100 − p1
    E  西湖区大队, 周文斌: one review under way only → pending
    F  removed from the round (its submitted review must be ignored)
2025-06 (in progress): one case with a review under way only → no bulletin yet.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from review_tool.domain.checklist import Checklist, Item
from review_tool.domain.enums import DeductionKind, RoundStatus, VetoKind


@dataclass
class Scenario:
    ws: object
    penalty: Checklist
    other: Checklist
    f1: Item
    f2: Item
    f3: Item
    veto: Item
    other_veto: Item
    cases: dict[str, int] = field(default_factory=dict)
    doc_nos: dict[str, str] = field(default_factory=dict)
    sha: dict[str, str] = field(default_factory=dict)
    rounds: dict[str, int] = field(default_factory=dict)

    @property
    def p1(self) -> Decimal:
        return self.f1.points

    @property
    def p2(self) -> Decimal:
        return self.f2.points


def _fixed(c: Checklist) -> list[Item]:
    return [i for i in c.items() if i.rule.kind is DeductionKind.FIXED and i.rule.points == i.points]


def _fail_veto(c: Checklist) -> Item | None:
    return next((i for i in c.items() if i.veto is VetoKind.FAIL), None)


def _build(ws, s) -> Scenario:  # type: ignore[no-untyped-def]
    from review_tool.domain.enums import CaseStatus
    from review_tool.reports.sample import SampleWriter
    from review_tool.storage.orm import RoundCase

    loaded = ws.rules.checklists
    penalty_type = "penalty_general" if "penalty_general" in loaded else next(iter(sorted(loaded)), None)
    if penalty_type is None:
        pytest.skip("no checklist loads from checklists/standards")
    penalty = loaded[penalty_type][-1]
    other_type = "inspection" if "inspection" in loaded else penalty_type
    other = loaded[other_type][-1]
    fixed = _fixed(penalty)
    veto, other_veto = _fail_veto(penalty), _fail_veto(other)
    if len(fixed) < 3 or veto is None or other_veto is None:
        pytest.skip("the loaded checklists lack fixed-point items or a 'fail' veto item")
    sc = Scenario(ws, penalty, other, fixed[0], fixed[1], fixed[2], veto, other_veto)
    w = SampleWriter(s, loaded, seed=1)
    w.organisation()
    closed = dt.date(2025, 4, 20)  # inside the checklists' validity (2025.1 versions)

    def case(key: str, ct: str, unit: str, handlers: list[str]) -> object:
        c = w.case(case_type=ct, unit=unit, handlers=handlers, closed_on=closed, pages=40)
        sc.cases[key], sc.doc_nos[key], sc.sha[key] = c.id, c.doc_no, c.files[0].sha256
        return c

    def d(item: Item, reason: str, pages: tuple[int, ...] = (3,)) -> tuple[None, str, tuple[int, ...]]:
        return (None, reason, pages)

    when = dt.datetime(2025, 5, 30, 9, tzinfo=dt.UTC)
    # -- 2025-03, finalised ------------------------------------------------------------
    r3 = w.round("2025-03", RoundStatus.FINALISED)
    g = case("G", penalty_type, "平安区消防救援大队", ["王建国"])
    h = case("H", penalty_type, "东城区消防救援大队", ["刘洋"])
    for c in (g, h):
        w.add_to_round(r3, c)
    rg = [w.review(g, "冯志远", r3, {sc.f1.id: d(sc.f1, "立案审批表缺负责人签名")}, when=when),
          w.review(g, "蒋丽华", r3, {sc.f1.id: d(sc.f1, "缺负责人审批意见")}, when=when)]
    w.reconcile(r3, g, rg, decided_by="张法明")
    w.finalise(r3, g, rg, reconciled=True)
    rh = [w.review(h, "钱慧", r3, {sc.veto.id: d(sc.veto, "违法事实认定证据不足")}, when=when),
          w.review(h, "韩东", r3, {sc.veto.id: d(sc.veto, "证据不足")}, when=when)]
    w.reconcile(r3, h, rh, decided_by="张法明")
    w.finalise(r3, h, rh, reconciled=True)
    r3.finalised_at, r3.finalised_by = when, w.info.users["张法明"]
    # -- 2025-04, finalised as a mean, with findings ---------------------------------------------
    r4 = w.round("2025-04", RoundStatus.FINALISED)
    i = case("I", penalty_type, "西湖区消防救援大队", ["周文斌", "吴静"])
    w.add_to_round(r4, i)
    ri = [w.review(i, "冯志远", r4, {sc.f1.id: d(sc.f1, "未写明案件来源")}, when=when),
          w.review(i, "韩东", r4, {}, when=when)]
    w.finalise(r4, i, ri, reconciled=False)
    r4.finalised_at, r4.finalised_by = when, w.info.users["张法明"]
    # -- 2025-05, in progress --------------------------------------------------------------------
    r5 = w.round("2025-05", RoundStatus.IN_PROGRESS)
    a = case("A", penalty_type, "平安区消防救援大队", ["王建国", "李晓峰"])
    b = case("B", penalty_type, "东城区消防救援大队", ["陈立新"])
    c_ = case("C", other_type, "临江县青山镇人民政府", ["罗永平"])
    d_ = case("D", penalty_type, "平安区消防救援大队", ["王建国"])
    e = case("E", penalty_type, "西湖区消防救援大队", ["周文斌"])
    f = case("F", penalty_type, "西湖区消防救援大队", ["郑凯"])
    for x in (a, b, c_, d_, e, f):
        w.add_to_round(r5, x)
    w.review(a, "冯志远", r5, {sc.f1.id: d(sc.f1, "立案审批表未填写案件来源", (2,))}, when=when)
    w.review(a, "蒋丽华", r5, {sc.f1.id: d(sc.f1, "案件来源空白", (2,)),
                              sc.f2.id: d(sc.f2, "立案时间晚于调查时间", (4, 5))}, when=when)
    w.review(b, "钱慧", r5, {}, when=when)
    w.review(b, "韩东", r5, {}, when=when)
    w.review(c_, "杨帆", r5, {sc.other_veto.id: d(sc.other_veto, "检查记录与现场照片不符")}, when=when)
    w.review(d_, "冯志远", r5, {sc.f1.id: d(sc.f1, "缺立案审批", (1,))}, when=when)
    w.review(d_, "钱慧", r5, {}, submitted=False, rated=3)
    w.review(e, "韩东", r5, {}, submitted=False, rated=4)
    w.review(f, "蒋丽华", r5, {sc.f3.id: d(sc.f3, "不应计入")}, when=when)
    s.flush()
    s.query(RoundCase).filter(RoundCase.round_id == r5.id, RoundCase.case_id == f.id).update(
        {"removed": True, "removed_reason": "重复抽取"})
    for x in (a, b, c_, d_, e):
        x.status = CaseStatus.UNDER_REVIEW
    # -- 2025-06: nothing submitted ----------------------------------------------------------------
    r6 = w.round("2025-06", RoundStatus.IN_PROGRESS)
    j = case("J", penalty_type, "临江县消防救援大队", ["黄志强"])
    w.add_to_round(r6, j)
    w.review(j, "杨帆", r6, {}, submitted=False, rated=2)
    sc.rounds = dict(w.info.rounds)
    return sc


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[Scenario]:
    from review_tool.paths import checklists_dir
    from review_tool.storage.engine import sqlite_url
    from review_tool.workspace import Workspace

    path = tmp_path_factory.mktemp("reports_db") / "评查.sqlite"
    shutil.copy(template_db, path)
    ws = Workspace.open(sqlite_url(path), rules_dir=checklists_dir())
    with ws.session_factory() as s, s.begin():
        sc = _build(ws, s)
    yield sc
    ws.close()


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    d = tmp_path / "输出 目录"
    d.mkdir()
    return d
