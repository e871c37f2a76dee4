"""A sample organisation and review rounds written through the ORM: for demos, tests and the bench.

`SampleWriter` has the primitives (units, officers, users, cases, rounds, reviews
scored against the REAL checklists, reconciliation, finalisation with findings);
`build_sample()` uses them to write a small brigade's last few months: earlier
rounds finalised, the current one under way with some reviews submitted. All
choices come from one `random.Random(seed)`, so a seed always writes the same data.

This is not the application's finalisation logic (that lives in the rounds
service); it writes the same tables the way that service does, so reports can be
built and measured before the service exists.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from review_tool.domain.checklist import Checklist, Item
from review_tool.domain.enums import (
    CaseStatus,
    DeductionKind,
    FindingStatus,
    Outcome,
    ReviewStatus,
    Role,
    RoundStatus,
    UnitKind,
)
from review_tool.scoring.engine import ResultInput, aggregate, deduction_for, score_review
from review_tool.services.reviews import store_checklist
from review_tool.storage.orm import (
    Case,
    CaseFile,
    CaseHandler,
    CaseResult,
    Finding,
    ItemResult,
    Officer,
    ReconciledItem,
    Recording,
    Review,
    ReviewRound,
    RoundCase,
    Unit,
    User,
)

UTC = dt.UTC
Deduction = tuple[int | Decimal | None, str, Sequence[int]]  # (occurrences or value, reason, pages)

UNITS: tuple[tuple[str, str, UnitKind, str, str | None], ...] = (
    # name, short, kind, 文号 code, parent
    ("平安市消防救援支队", "支队", UnitKind.DETACHMENT, "平消", None),
    ("平安市消防救援支队法制科", "法制科", UnitKind.OFFICE, "平消", "平安市消防救援支队"),
    ("平安区消防救援大队", "平安区大队", UnitKind.BRIGADE, "平区消", "平安市消防救援支队"),
    ("东城区消防救援大队", "东城区大队", UnitKind.BRIGADE, "东消", "平安市消防救援支队"),
    ("西湖区消防救援大队", "西湖区大队", UnitKind.BRIGADE, "西消", "平安市消防救援支队"),
    ("临江县消防救援大队", "临江县大队", UnitKind.BRIGADE, "临消", "平安市消防救援支队"),
    ("城南消防救援站", "城南站", UnitKind.SQUADRON, "平区消", "平安区消防救援大队"),
    ("临江县青山镇人民政府", "青山镇", UnitKind.TOWNSHIP, "青山", "临江县消防救援大队"),
)
OFFICERS: dict[str, tuple[str, ...]] = {
    "平安区消防救援大队": ("王建国", "李晓峰", "赵敏"),
    "东城区消防救援大队": ("陈立新", "刘洋", "孙海涛"),
    "西湖区消防救援大队": ("周文斌", "吴静", "郑凯"),
    "临江县消防救援大队": ("黄志强", "何丽", "马骏"),
    "城南消防救援站": ("林涛", "许诺"),
    "临江县青山镇人民政府": ("罗永平", "梁晓燕"),
}
REVIEWERS: tuple[tuple[str, str], ...] = (
    ("张法明", "平安市消防救援支队法制科"), ("钱慧", "平安市消防救援支队法制科"),
    ("冯志远", "东城区消防救援大队"), ("蒋丽华", "西湖区消防救援大队"), ("韩东", "临江县消防救援大队"),
    ("杨帆", "平安区消防救援大队"),
)
LEGAL_OFFICER = "张法明"
PARTIES = ("平安市福满楼餐饮有限公司", "东城区悦来宾馆", "西湖区星光KTV娱乐会所", "临江县鸿运网吧",
           "平安市惠民超市有限公司", "东城区夕阳红养老院", "西湖区启航教育培训学校", "青山镇兴旺农家乐",
           "平安市金鼎商贸城管理有限公司", "临江县顺发物流有限公司", "平安市绿源足浴店", "东城区蓝天宾馆")
DOC_MARK = {"penalty_general": "行罚决字", "penalty_simple": "当罚决字", "temporary_seal": "临封字",
            "three_stops": "停字", "inspection": "检字", "pre_opening": "许字", "fire_investigation": "火认字",
            "complaint": "举字"}
TYPE_WEIGHTS = {"penalty_general": 5, "inspection": 4, "temporary_seal": 2, "penalty_simple": 2, "complaint": 2,
                "three_stops": 1, "pre_opening": 1, "fire_investigation": 1}


def month_end(month: str) -> dt.date:
    y, m = (int(x) for x in month.split("-"))
    return dt.date(y, m, calendar.monthrange(y, m)[1])


@dataclass
class SampleInfo:
    rounds: dict[str, int] = field(default_factory=dict)  # month -> round id
    cases: dict[str, list[int]] = field(default_factory=dict)  # month -> case ids
    units: dict[str, int] = field(default_factory=dict)
    officers: dict[str, int] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)


class SampleWriter:
    """ORM primitives over one session; the caller commits."""

    def __init__(self, s: Session, rules_checklists: Mapping[str, list[Checklist]], seed: int = 7) -> None:
        self.s = s
        self.checklists = rules_checklists
        self.rng = random.Random(seed)
        self.info = SampleInfo()
        self._seq: dict[tuple[str, str], int] = {}
        # how error-prone each item is: real problems concentrate on a few items (a Pareto), so
        # each item gets a log-normal weight (mean 1) the first time it is drawn
        self._weight: dict[tuple[str, str], float] = {}

    # -- organisation ---------------------------------------------------------------------
    def organisation(self) -> SampleInfo:
        for name, short, kind, code, parent in UNITS:
            u = Unit(name=name, short_name=short, kind=kind, code=code,
                     parent_id=self.info.units.get(parent) if parent else None, sort=len(self.info.units))
            self.s.add(u)
            self.s.flush()
            self.info.units[name] = u.id
        for unit, names in OFFICERS.items():
            for i, n in enumerate(names):
                self.officer(n, unit, f"{self.info.units[unit]:02d}{i:04d}")
        for name, unit in REVIEWERS:
            o = self.officer(name, unit, f"R{len(self.info.officers):05d}")
            role = Role.LEGAL_OFFICER if unit.endswith("法制科") else Role.REVIEWER
            user = User(name=name, role=role, officer_id=o, unit_id=self.info.units[unit])
            self.s.add(user)
            self.s.flush()
            self.info.users[name] = user.id
        return self.info

    def officer(self, name: str, unit: str, cert: str) -> int:
        o = Officer(name=name, unit_id=self.info.units[unit], cert_no=cert)
        self.s.add(o)
        self.s.flush()
        self.info.officers[name] = o.id
        return o.id

    # -- cases ------------------------------------------------------------------------------
    def case(self, *, case_type: str, unit: str, handlers: Sequence[str], closed_on: dt.date,
             party: str | None = None, doc_no: str | None = None, pages: int | None = None) -> Case:
        code = next(c for n, _, _, c, _ in UNITS if n == unit)
        if doc_no is None:
            key = (code, case_type)
            self._seq[key] = self._seq.get(key, 0) + 1
            doc_no = f"{code}{DOC_MARK.get(case_type, '字')}〔{closed_on.year}〕第{self._seq[key]:04d}号"
        c = Case(doc_no=doc_no, doc_no_key=doc_no, case_type=case_type, unit_id=self.info.units[unit],
                 party=party or self.rng.choice(PARTIES), opened_on=closed_on - dt.timedelta(days=40),
                 decided_on=closed_on - dt.timedelta(days=10), closed_on=closed_on,
                 fine_fen=self.rng.choice((500000, 800000, 1000000, None)), status=CaseStatus.SELECTED)
        c.handlers = [CaseHandler(officer_id=self.info.officers[h], position=i) for i, h in enumerate(handlers)]
        n_pages = pages or self.rng.randint(18, 120)
        digest = hashlib.sha256(f"{doc_no}/{n_pages}".encode()).hexdigest()
        c.files = [CaseFile(relpath=f"{doc_no}.pdf", sha256=digest, size=n_pages * 61_000, pages=n_pages)]
        c.recordings = [Recording(relpath="执法记录仪/现场检查_01.mp4", sha256=digest[::-1], size=200_000_000,
                                  duration_ms=1_260_000)]
        self.s.add(c)
        self.s.flush()
        return c

    # -- rounds and reviews -------------------------------------------------------------------
    def round(self, month: str, status: RoundStatus) -> ReviewRound:
        y, m = month.split("-")
        r = ReviewRound(month=month, title=f"{int(y)}年{int(m)}月执法例会", status=status, rule_name="default",
                        seed=1, per_case=2)
        self.s.add(r)
        self.s.flush()
        self.info.rounds[month] = r.id
        return r

    def add_to_round(self, rnd: ReviewRound, case: Case) -> None:
        self.s.add(RoundCase(round_id=rnd.id, case_id=case.id, origin="rule", reason="抽取规则"))
        self.info.cases.setdefault(rnd.month, []).append(case.id)

    def checklist_for(self, case: Case) -> Checklist:
        versions = self.checklists[case.case_type]
        on = case.closed_on
        return next((c for c in reversed(versions) if on is None or c.in_force_on(on)), versions[-1])

    def review(self, case: Case, reviewer: str, rnd: ReviewRound | None, deductions: Mapping[str, Deduction], *,
               submitted: bool = True, rated: int | None = None, when: dt.datetime | None = None) -> Review:
        """A review: the given deductions, every other item 符合 (or only the first `rated` items)."""
        checklist = self.checklist_for(case)
        cv = store_checklist(self.s, checklist)
        rec = next((r.id for r in case.recordings), None)
        review = Review(case_id=case.id, reviewer_id=self.info.users[reviewer], round_id=rnd.id if rnd else None,
                        checklist_version_id=cv.id, position={},
                        status=ReviewStatus.SUBMITTED if submitted else ReviewStatus.IN_PROGRESS,
                        submitted_at=when if submitted else None)
        results = []
        for n, item in enumerate(checklist.items()):
            if rated is not None and n >= rated:
                break
            d = deductions.get(item.id)
            if d is None:
                results.append(ItemResult(item_id=item.id, outcome=Outcome.PASS))
                continue
            amount, reason, pages = d
            occ = amount if isinstance(amount, int) else None
            value = amount if isinstance(amount, Decimal) else None
            pts = deduction_for(item, occurrences=occ, value=value)
            stamps = [{"recording": rec, "ms": 312_000}] if rec and item.aspect.value == "recording" else []
            results.append(ItemResult(item_id=item.id, outcome=Outcome.DEDUCT, points=pts, occurrences=occ,
                                      reason=reason, pages=[{"page": p, "file": None} for p in pages],
                                      timestamps=stamps))
        review.results = results
        score = score_review(checklist, {r.item_id: ResultInput(r.outcome, r.points) for r in results})
        review.total, review.grade = score.total, score.grade
        review.veto = score.veto.value if score.veto else None
        self.s.add(review)
        self.s.flush()
        return review

    def random_deductions(self, case: Case, *, rate: float, veto_rate: float = 0.003,
                          base: Mapping[str, Deduction] | None = None, agree: float = 0.75) -> dict[str, Deduction]:
        """Plausible deductions: keeps `base` items with probability `agree`, adds new ones at `rate`."""
        checklist = self.checklist_for(case)
        out: dict[str, Deduction] = {}
        for item in checklist.items():
            if base is not None and item.id in base:
                if self.rng.random() < agree:
                    out[item.id] = base[item.id]
                continue
            p = veto_rate if item.rule.kind is DeductionKind.VETO_ONLY else rate * self._item_weight(checklist, item)
            if self.rng.random() < min(0.9, p * (0.5 if base is not None else 1.0)):
                out[item.id] = self._deduction(item, case)
        return out

    def _item_weight(self, checklist: Checklist, item: Item) -> float:
        key = (checklist.id, item.id)
        w = self._weight.get(key)
        if w is None:
            w = self._weight[key] = self.rng.lognormvariate(0, 1.1) / 1.83  # e^(1.1²/2) ≈ 1.83
        return w

    def _deduction(self, item: Item, case: Case) -> Deduction:
        r = item.rule
        amount: int | Decimal | None = None
        if r.kind is DeductionKind.PER_OCCURRENCE:
            amount = self.rng.choice((1, 1, 2))
        elif r.kind is DeductionKind.RANGE:
            assert r.min is not None and r.max is not None
            amount = self.rng.choice((r.min, r.max))
        reason = self.rng.choice(item.phrasings) if item.phrasings else f"{item.text[:18]}不符合要求"
        n_pages = case.files[0].pages if case.files else 30
        pages = sorted(self.rng.sample(range(1, n_pages + 1), k=self.rng.choice((1, 1, 2))))
        return amount, reason, pages

    def reconcile(self, rnd: ReviewRound, case: Case, reviews: Sequence[Review], *, decided_by: str) -> None:
        """Agreed items: where reviewers differ, the meeting adopts the first deducting reviewer's result."""
        checklist = self.checklist_for(case)
        by_review = [{r.item_id: r for r in rv.results} for rv in reviews]
        for item in checklist.items():
            votes = [(rv, m[item.id]) for rv, m in zip(reviews, by_review, strict=True) if item.id in m]
            deducting = [(rv, v) for rv, v in votes if v.outcome is Outcome.DEDUCT]
            adopt = deducting[0] if deducting and (len(deducting) == len(votes) or self.rng.random() < 0.6) \
                else (votes[0] if votes else None)
            if adopt is None:
                continue
            rv, v = adopt
            if v.outcome is not Outcome.DEDUCT:
                v = next((x for _, x in votes if x.outcome is not Outcome.DEDUCT), v)
            self.s.add(ReconciledItem(
                round_id=rnd.id, case_id=case.id, item_id=item.id, outcome=v.outcome, points=v.points,
                occurrences=v.occurrences, reason=v.reason, pages=list(v.pages or []),
                timestamps=list(v.timestamps or []),
                proposed_by_review_id=rv.id if v.outcome is Outcome.DEDUCT else None,
                decided_by=self.info.users[decided_by]))
        self.s.flush()

    def finalise(self, rnd: ReviewRound, case: Case, reviews: Sequence[Review], *, reconciled: bool,
                 findings: bool = True) -> CaseResult:
        checklist = self.checklist_for(case)
        cv = store_checklist(self.s, checklist)
        if reconciled:
            items = list(self.s.scalars(select(ReconciledItem).where(
                ReconciledItem.round_id == rnd.id, ReconciledItem.case_id == case.id)))
            score = score_review(checklist, {i.item_id: ResultInput(i.outcome, i.points) for i in items})
            total, grade, veto = score.total, score.grade, score.veto
            deducted = [(i.item_id, i.reason, i.points, i.pages) for i in items if i.outcome is Outcome.DEDUCT]
        else:
            scores = [score_review(checklist, {r.item_id: ResultInput(r.outcome, r.points) for r in rv.results})
                      for rv in reviews]
            agg = aggregate(checklist, scores, threshold=Decimal(10))
            total, grade, veto = agg.total, agg.grade, agg.veto
            seen: dict[str, tuple[str, str, Decimal, list[object]]] = {}
            for rv in reviews:
                for r in rv.results:
                    if r.outcome is Outcome.DEDUCT and r.item_id not in seen:
                        seen[r.item_id] = (r.item_id, r.reason, r.points, list(r.pages or []))
            deducted = list(seen.values())
        cr = CaseResult(round_id=rnd.id, case_id=case.id, checklist_version_id=cv.id, total=total, grade=grade,
                        veto=veto.value if veto else None, source="reconciled" if reconciled else "mean")
        self.s.add(cr)
        case.status = CaseStatus.FINALISED
        if findings:
            owner = case.handlers[0].officer_id if case.handlers else None
            for item_id, reason, points, pages in deducted:
                item = checklist.item(item_id)
                status = self.rng.choice((FindingStatus.OPEN, FindingStatus.RECTIFIED, FindingStatus.VERIFIED))
                self.s.add(Finding(case_id=case.id, round_id=rnd.id, item_id=item_id, category=item.category,
                                   description=f"{item.text[:20]}：{reason}", points=points, pages=pages,
                                   owner_officer_id=owner, owner_unit_id=case.unit_id,
                                   deadline=month_end(rnd.month) + dt.timedelta(days=30), status=status))
        self.s.flush()
        return cr


def build_sample(s: Session, checklists: Mapping[str, list[Checklist]], *,
                 months: Sequence[str] = ("2025-03", "2025-04", "2025-05"), cases_per_round: int | Sequence[int] = 12,
                 seed: int = 7, current_finalised: bool = False, problem_rate: float = 0.07) -> SampleInfo:
    """Write a brigade's rounds: all but the last finalised; the last under way (or finalised)."""
    w = SampleWriter(s, checklists, seed)
    w.organisation()
    rng = w.rng
    types = [t for t in TYPE_WEIGHTS if t in checklists] or sorted(checklists)
    weights = [TYPE_WEIGHTS.get(t, 1) for t in types]
    case_units = [u for u in OFFICERS]
    reviewers = [n for n, _ in REVIEWERS]
    unit_of_reviewer = dict(REVIEWERS)
    counts = [cases_per_round] * len(months) if isinstance(cases_per_round, int) else list(cases_per_round)
    for mi, month in enumerate(months):
        last = mi == len(months) - 1
        status = RoundStatus.FINALISED if (not last or current_finalised) else RoundStatus.IN_PROGRESS
        rnd = w.round(month, status)
        when = dt.datetime.combine(month_end(month), dt.time(9), tzinfo=UTC)
        for ci in range(counts[mi]):
            unit = case_units[ci % len(case_units)] if ci < len(case_units) else rng.choice(case_units)
            ct = rng.choices(types, weights)[0]
            if unit == "临江县青山镇人民政府":
                ct = "inspection" if "inspection" in checklists else ct
            names = OFFICERS[unit]
            handlers = rng.sample(names, k=2 if len(names) > 1 else 1)
            closed = month_end(months_before(month, 1)) - dt.timedelta(days=rng.randint(0, 25))
            case = w.case(case_type=ct, unit=unit, handlers=handlers, closed_on=closed)
            w.add_to_round(rnd, case)
            pool = [r for r in reviewers if unit_of_reviewer[r] != unit]
            pair = rng.sample(pool, k=2)
            first = w.random_deductions(case, rate=problem_rate * (1.8 if "青山" in unit else 1.0))
            second = w.random_deductions(case, rate=problem_rate, base=first)
            if status is RoundStatus.FINALISED:
                rv = [w.review(case, pair[0], rnd, first, when=when), w.review(case, pair[1], rnd, second, when=when)]
                reconciled = rng.random() < 0.8
                if reconciled:
                    w.reconcile(rnd, case, rv, decided_by=LEGAL_OFFICER)
                w.finalise(rnd, case, rv, reconciled=reconciled)
                continue
            stage = ci % 5  # the round under way: a mix of states
            if stage in (0, 1, 2):
                w.review(case, pair[0], rnd, first, when=when)
                w.review(case, pair[1], rnd, second, when=when)
            elif stage == 3:
                w.review(case, pair[0], rnd, first, when=when)
                w.review(case, pair[1], rnd, second, submitted=False, rated=10)
            else:
                w.review(case, pair[0], rnd, first, submitted=False, rated=5)
            case.status = CaseStatus.UNDER_REVIEW
        if status is RoundStatus.FINALISED:
            rnd.finalised_at = when + dt.timedelta(days=5)
            rnd.finalised_by = w.info.users[LEGAL_OFFICER]
        s.flush()
    return w.info


def months_before(month: str, n: int) -> str:
    from review_tool.reports.stats import months_back

    return months_back(month, n)
