"""The documents of one case in filing order, with dates that keep (or, for a planted defect, break) the
deadlines of facts.md §2.2.

Working-day deadlines (3 working days) are kept by staying within the next weekday; they are broken
by at least 12 calendar days, which exceeds 3 working days even across the Spring Festival or the
National Day holidays. Calendar-day deadlines (7 days to serve a decision, 15 to pay) likewise keep
a margin, so the ground truth does not depend on the holiday calendar.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from review_tool.demo import cn
from review_tool.demo.catalog import SUB_VOLUME, TITLES
from review_tool.demo.model import CasePlan, DocPlan

Builder = Callable[["Timeline", CasePlan, set[str]], None]
_OFTEN_SPACED = frozenset({"inquiry_record", "service_receipt", "site_record", "penalty_notice", "rectification_notice"})


class Timeline:
    def __init__(self, rng: random.Random, case: CasePlan) -> None:
        self.rng = rng
        self.case = case

    # dates -------------------------------------------------------------------------------------
    @staticmethod
    def wd(d: dt.date) -> dt.date:
        while d.weekday() >= 5:
            d += dt.timedelta(days=1)
        return d

    def after(self, d: dt.date, lo: int, hi: int) -> dt.date:
        return self.wd(d + dt.timedelta(days=self.rng.randint(lo, hi)))

    @staticmethod
    def before(d: dt.date) -> dt.date:
        """`d`, or the weekday before it."""
        while d.weekday() >= 5:
            d -= dt.timedelta(days=1)
        return d

    def late(self, d: dt.date) -> dt.date:
        """A date clearly past a 3-working-day deadline (12–16 calendar days later)."""
        return self.after(d, 12, 16)

    def at(self, d: dt.date, h0: int = 9, h1: int = 16) -> dt.datetime:
        return dt.datetime(d.year, d.month, d.day, self.rng.randrange(h0, h1), self.rng.choice(range(0, 60, 5)))

    def span(self, start: dt.datetime, lo: int = 25, hi: int = 80) -> dt.datetime:
        return start + dt.timedelta(minutes=self.rng.randrange(lo, hi, 5))

    # documents ---------------------------------------------------------------------------------
    def title(self, code: str) -> str:
        std, variants = TITLES[code]
        if variants and self.rng.random() < 0.3:
            return self.rng.choice(variants)
        return std

    def add(self, code: str, date: dt.date, *, title: str | None = None, start: dt.datetime | None = None,
            minutes: tuple[int, int] | None = None, officers: tuple[str, ...] | None = None,
            **extra: object) -> DocPlan:
        end = None
        if start is not None and minutes is not None:
            end = self.span(start, *minutes)
        spaced = bool(extra.pop("spaced", False)) or (code in _OFTEN_SPACED and self.rng.random() < 0.2)
        title = title or self.title(code)
        if spaced and self.rng.random() < 0.5:  # letter-spaced with real spaces, not character spacing
            title, spaced = cn.spaced(title), False
        if start is not None and self.rng.random() < 0.1:
            extra["fullwidth"] = True  # ２０２３年５月６日１４时３０分
        doc = DocPlan(code, title, date, start, end,
                      officers=officers if officers is not None else self.case.handler_names,
                      extra=dict(extra), volume="sub" if code in SUB_VOLUME else "main", spaced=spaced)
        self.case.docs.append(doc)
        return doc

    def photos(self, date: dt.date, what: str = "scene", lo: int = 1, hi: int = 3) -> DocPlan:
        return self.add("photo_sheet", date, sheets=self.rng.randint(lo, hi), what=what)

    def identity(self, date: dt.date) -> DocPlan:
        party = self.case.party
        if party.is_unit:
            title = self.rng.choice(("营业执照复印件", "当事人身份证明", "法定代表人身份证明书"))
        else:
            title = self.rng.choice(("身份证复印件", "当事人身份证明"))
        return self.add("identity_proof", date, title=title)

    def inquiries(self, first: dt.date, kinds: set[str], n: int | None = None) -> list[DocPlan]:
        out = []
        n = n or self.rng.choice((1, 2, 2))
        d = first
        for i in range(n):
            start = self.at(d, 9, 16)
            single = "single_officer_record" in kinds and i == 0
            officers: tuple[str, ...] = self.case.handler_names[:1] if single else self.case.handler_names
            doc = self.add("inquiry_record", d, start=start, minutes=(30, 75), officers=officers,
                           person="rep" if i == 0 else "witness" if i == 1 else "other")
            if i >= 2:  # another employee or a neighbour
                male = self.rng.random() < 0.5
                age = self.rng.randint(20, 60)
                born = dt.date(start.year - age, self.rng.randint(1, 12), self.rng.randint(1, 28))
                doc.extra.update(name=cn.person_name(self.rng, male), gender="男" if male else "女", age=age,
                                 id=cn.id_number(self.rng, born, male))
            if single:
                doc.extra["defect"] = "single_officer_record"
            if "inquiry_without_recording" in kinds and i == 0:
                doc.extra["no_recording"] = True
                doc.extra["defect_rec"] = "inquiry_without_recording"
            out.append(doc)
            d = self.after(d, 0, 1)
        return out

    def service(self, served: DocPlan, date: dt.date, *, mode: str | None = None) -> DocPlan:
        mode = mode or self.rng.choices(("直接送达", "留置送达"), (85, 15))[0]
        start = self.at(date, 9, 17)
        return self.add("service_receipt", date, start=start, served="".join(served.title.split()),
                        served_ref=served, mode=mode, served_code=served.code)


# -- case types -----------------------------------------------------------------------------------


def _source(tl: Timeline, case: CasePlan, t0: dt.date) -> DocPlan:
    source = tl.rng.choices(("inspection", "complaint", "transfer"), (7, 2, 1))[0]
    if source == "complaint":
        tl.add("complaint_register", tl.wd(t0 - dt.timedelta(days=1)), start=tl.at(t0 - dt.timedelta(days=1)))
    elif source == "transfer":
        tl.add("transfer_letter", tl.wd(t0 - dt.timedelta(days=3)))
    start = tl.at(t0, 9, 11)
    return tl.add("inspection_record", t0, start=start, minutes=(30, 70), pages=tl.rng.randint(1, 2))


def penalty_general(tl: Timeline, case: CasePlan, kinds: set[str]) -> None:
    rng = tl.rng
    t0 = tl.wd(case.opened_on)
    insp = _source(tl, case, t0)
    if "single_officer_record" in kinds and rng.random() < 0.5:
        kinds = kinds | {"_single_on_site"}
    filed = t0
    tl.add("filing_approval", filed)
    case.opened_on = filed
    if rng.random() < 0.6 or "_single_on_site" in kinds:
        assert insp.end is not None
        start = insp.end + dt.timedelta(minutes=rng.randrange(20, 90, 5))
        single = "_single_on_site" in kinds
        doc = tl.add("site_record", filed, start=start, minutes=(30, 60),
                     officers=case.handler_names[:1] if single else None)
        if single:
            doc.extra["defect"] = "single_officer_record"
            kinds = kinds - {"single_officer_record"}
    big = rng.random() < 0.2  # a heavier file: more people questioned, more photos
    inq = tl.inquiries(tl.after(filed, 1, 4), kinds, n=rng.randint(3, 5) if big else None)
    last = inq[-1].date
    tl.photos(filed, lo=6 if big else 1, hi=14 if big else 3)
    tl.identity(inq[0].date)
    if big:
        for doc in inq:
            doc.extra["long"] = True
        tl.add("authorisation", inq[0].date)
        for doc in inq[1:3]:
            tl.add("witness_statement", doc.date, name=doc.extra.get("name") or case.party.witness)
    tl.add("evidence_list", last)
    tl.add("av_evidence_list", last)
    report = tl.add("investigation_report", tl.after(last, 1, 3))
    approval = tl.add("handling_approval", tl.after(report.date, 0, 1))
    large = case.fine_fen >= 3_000_000
    prev = approval.date
    if (large or rng.random() < 0.4) and "missing_legal_review" not in kinds:
        prev = tl.add("legal_review", tl.after(prev, 0, 2)).date
    if large:
        prev = tl.add("collective_discussion", tl.after(prev, 0, 2), start=tl.at(prev, 9, 16),
                      minutes=(30, 60)).date
    period = 5 if large else 3
    notice_day = tl.after(prev, 4, 6) if "decision_before_notice" in kinds else tl.after(prev, 1, 2)
    in_person = rng.random() < 0.5
    notice = tl.add("penalty_notice", notice_day, start=tl.at(notice_day), minutes=(15, 30),
                    title="行政处罚告知笔录" if in_person else rng.choice(("行政处罚告知书", "行政处罚事先告知书")),
                    period=period, hearing=large)
    if not in_person:
        tl.service(notice, notice_day, mode="直接送达")
    hearing = large and rng.random() < 0.25
    notice.extra["response"] = "hearing" if hearing else "waive" if rng.random() < 0.55 else "statement"
    if hearing:
        req = tl.after(notice_day, 1, 3)
        hn = tl.add("hearing_notice", tl.after(req, 0, 1))
        held = tl.after(hn.date, 8, 10)
        tl.add("hearing_record", held, start=tl.at(held), minutes=(60, 120))
        tl.add("hearing_report", tl.after(held, 1, 2))
        base = case.docs[-1].date
        decided = tl.after(base, 1, 3)
    else:
        if notice.extra["response"] == "waive":
            tl.add("waiver", notice_day)
        else:
            st = tl.after(notice_day, 1, 2)
            tl.add("statement_record", st, start=tl.at(st), minutes=(20, 40))
        decided = tl.after(notice_day, period + 1, period + 4)
    if "decision_before_notice" in kinds:
        decided = max(prev, tl.before(notice_day - dt.timedelta(days=rng.randint(2, 3))))
    decision = tl.add("penalty_decision", decided, spaced=rng.random() < 0.5)
    decision.extra["defect"] = next((k for k in ("decision_before_notice", "fine_out_of_range") if k in kinds), None)
    case.decided_on = decided
    served_on = tl.after(decided, 9, 13) if "late_decision_service" in kinds else tl.after(decided, 0, 3)
    if "missing_service_receipt" not in kinds:
        rec = tl.service(decision, served_on)
        if "late_decision_service" in kinds:
            rec.extra["defect"] = "late_decision_service"
    paid = tl.after(max(served_on, notice_day), 1, 9)
    tl.add("fine_receipt", paid)
    closed = tl.after(paid, 1, 4)
    tl.add("closing_report", closed)
    tl.add("filing_remarks", closed)
    case.closed_on = closed


def three_stops(tl: Timeline, case: CasePlan, kinds: set[str]) -> None:
    rng = tl.rng
    t0 = tl.wd(case.opened_on)
    tl.add("inspection_record", t0, start=tl.at(t0, 9, 11), minutes=(30, 60), pages=1)
    tl.add("filing_approval", t0)
    inq = tl.inquiries(tl.after(t0, 1, 3), kinds)
    tl.photos(t0)
    tl.identity(inq[0].date)
    tl.add("evidence_list", inq[-1].date)
    tl.add("av_evidence_list", inq[-1].date)
    report = tl.add("investigation_report", tl.after(inq[-1].date, 1, 3))
    approval = tl.add("handling_approval", tl.after(report.date, 0, 1))
    review = tl.add("legal_review", tl.after(approval.date, 0, 2))
    disc = tl.add("collective_discussion", tl.after(review.date, 0, 1), start=tl.at(review.date), minutes=(40, 70))
    notice_day = tl.after(disc.date, 1, 2)
    notice = tl.add("penalty_notice", notice_day, title="行政处罚告知书", period=5, hearing=True, stop=True)
    tl.service(notice, notice_day, mode="直接送达")
    tl.add("waiver", tl.after(notice_day, 0, 1))
    decided = tl.after(notice_day, 6, 9)
    decision = tl.add("stop_order", decided, spaced=rng.random() < 0.5)
    case.decided_on = decided
    served_on = tl.after(decided, 9, 13) if "late_decision_service" in kinds else tl.after(decided, 0, 2)
    if "missing_service_receipt" not in kinds:
        rec = tl.service(decision, served_on)
        if "late_decision_service" in kinds:
            rec.extra["defect"] = "late_decision_service"
    paid = tl.after(served_on, 2, 9)
    tl.add("fine_receipt", paid)
    resumed = tl.after(paid, 2, 6)
    tl.add("resumption_record", resumed)
    tl.add("closing_report", tl.after(resumed, 0, 2))
    tl.add("filing_remarks", case.docs[-1].date)
    case.closed_on = case.docs[-1].date


def penalty_simple(tl: Timeline, case: CasePlan, kinds: set[str]) -> None:
    rng = tl.rng
    t0 = tl.wd(case.opened_on)
    start = tl.at(t0, 9, 16)
    inspected = case.party.is_unit and rng.random() < 0.6
    if inspected:
        tl.add("inspection_record", t0, start=start, minutes=(20, 40), pages=2)
        start = start + dt.timedelta(minutes=45)
    tl.add("onsite_decision", t0, start=start, minutes=(10, 20))
    case.decided_on = t0
    tl.photos(t0, lo=2 if inspected else 4, hi=3 if inspected else 4)
    tl.identity(t0)
    tl.add("av_evidence_list", t0)
    if case.fine_fen:
        tl.add("fine_receipt", tl.after(t0, 0, 3))
    tl.add("filing_remarks", tl.after(case.docs[-1].date, 1, 3))
    case.closed_on = case.docs[-1].date


def temporary_seal(tl: Timeline, case: CasePlan, kinds: set[str]) -> None:
    rng = tl.rng
    t0 = tl.wd(case.opened_on)
    single = "single_officer_record" in kinds
    insp = tl.add("inspection_record", t0, start=tl.at(t0, 9, 11), minutes=(30, 60), pages=1,
                  officers=case.handler_names[:1] if single else None)
    if single:
        insp.extra["defect"] = "single_officer_record"
    tl.photos(t0)
    tl.identity(t0)
    assert insp.end is not None
    notice = tl.add("seal_notice", t0, start=insp.end + dt.timedelta(minutes=20), minutes=(10, 20))
    tl.add("waiver", t0, title="放弃陈述申辩和听证声明")
    decided = tl.late(t0) if "late_seal_decision" in kinds else tl.after(t0, 0, 1)
    disc_day = max(t0, tl.before(decided - dt.timedelta(days=1))) if decided > t0 else t0
    tl.add("collective_discussion", disc_day, start=tl.at(disc_day, 14, 16), minutes=(30, 50), seal=True)
    decision = tl.add("seal_decision", decided, spaced=rng.random() < 0.4, notice=notice.title)
    if "late_seal_decision" in kinds:
        decision.extra["defect"] = "late_seal_decision"
    case.decided_on = decided
    tl.service(decision, decided, mode="直接送达")
    tl.add("seal_record", decided, start=tl.at(decided, 16, 18), minutes=(20, 40))
    tl.photos(decided, what="seal", lo=1, hi=2)
    applied = tl.after(decided, 5, 16)
    tl.add("seal_release_application", applied)
    checked = tl.after(applied, 0, 1)
    tl.add("site_record", checked, start=tl.at(checked, 9, 12), minutes=(20, 40), release=True)
    lifted = tl.after(checked, 0, 1)
    release = tl.add("seal_release_decision", lifted)
    tl.service(release, lifted, mode="直接送达")
    tl.add("filing_remarks", lifted)
    case.closed_on = lifted


def _rectification(tl: Timeline, case: CasePlan, kinds: set[str], found: dt.date) -> dt.date:
    """责令限期改正通知书 + 送达回证 + 复查记录; returns the 复查 date."""
    issued = tl.late(found) if "late_rectification_notice" in kinds else tl.after(found, 0, 1)
    days = tl.rng.choice((10, 15, 20, 30))
    deadline = issued + dt.timedelta(days=days)
    notice = tl.add("rectification_notice", issued, deadline=deadline, found=found)
    if "late_rectification_notice" in kinds:
        notice.extra["defect"] = "late_rectification_notice"
    case.decided_on = issued
    tl.service(notice, issued, mode="直接送达")
    recheck = tl.after(deadline, 0, 1)
    tl.add("recheck_record", recheck, start=tl.at(recheck), minutes=(20, 40))
    return recheck


def inspection(tl: Timeline, case: CasePlan, kinds: set[str]) -> None:
    t0 = tl.wd(case.opened_on)
    single = "single_officer_record" in kinds
    insp = tl.add("inspection_record", t0, start=tl.at(t0, 9, 15), minutes=(40, 90), pages=tl.rng.randint(2, 3),
                  officers=case.handler_names[:1] if single else None, kind=tl.rng.choice(("日常", "双随机", "专项")))
    if single:
        insp.extra["defect"] = "single_officer_record"
    tl.photos(t0, lo=1, hi=3)
    recheck = _rectification(tl, case, kinds, t0)
    tl.photos(recheck, what="recheck", lo=1, hi=1)
    tl.add("filing_remarks", recheck)
    case.closed_on = recheck


def complaint(tl: Timeline, case: CasePlan, kinds: set[str]) -> None:
    rng = tl.rng
    r0 = tl.wd(case.opened_on)
    urgent = rng.random() < 0.6  # blocked exits: 24 hours
    received = tl.at(r0, 9, 16)
    tl.add("complaint_register", r0, start=received, urgent=urgent)
    if urgent and received.hour < 15:
        checked_at = received + dt.timedelta(minutes=rng.randrange(60, 150, 5))
    elif urgent:
        checked_at = tl.at(r0 + dt.timedelta(days=1), 9, 11)
    else:
        checked_at = tl.at(tl.after(r0, 1, 2))
    single = "single_officer_record" in kinds
    ver = tl.add("complaint_verification", checked_at.date(), start=checked_at, minutes=(30, 60), urgent=urgent,
                 officers=case.handler_names[:1] if single else None)
    if single:
        ver.extra["defect"] = "single_officer_record"
    tl.photos(checked_at.date(), lo=1, hi=2)
    recheck = _rectification(tl, case, kinds, checked_at.date())
    reply = tl.after(recheck, 0, 2)
    tl.add("complaint_reply", reply)
    tl.add("filing_remarks", reply)
    case.closed_on = reply


def pre_opening(tl: Timeline, case: CasePlan, kinds: set[str]) -> None:
    rng = tl.rng
    a0 = tl.wd(case.opened_on)
    promise = rng.random() < 0.4
    case.extra["promise"] = promise
    tl.add("application_form", a0)
    if promise:
        tl.add("commitment", a0)
    tl.identity(a0)
    tl.add("site_plan", a0)
    tl.add("acceptance_notice", a0)
    if promise:
        tl.add("opening_permit", a0, spaced=False)
        case.decided_on = a0
        checked = tl.after(a0, 5, 15)
        tl.add("inspection_record", checked, start=tl.at(checked), minutes=(40, 80), pages=2, kind="核查")
        tl.photos(checked)
        tl.add("filing_remarks", checked)
        case.closed_on = checked
        return
    checked = tl.after(a0, 3, 8)
    tl.add("inspection_record", checked, start=tl.at(checked), minutes=(40, 80), pages=2, kind="营业前检查")
    tl.photos(checked)
    permit_day = tl.after(checked, 0, 1)
    permit = tl.add("opening_permit", permit_day)
    case.decided_on = permit_day
    tl.service(permit, permit_day, mode="直接送达")
    tl.add("filing_remarks", permit_day)
    case.closed_on = permit_day


def fire_investigation(tl: Timeline, case: CasePlan, kinds: set[str]) -> None:
    f0 = case.opened_on
    alarm = dt.datetime(f0.year, f0.month, f0.day, tl.rng.randrange(0, 22), tl.rng.randrange(0, 60))
    case.extra["alarm"] = alarm
    tl.add("fire_filing", f0, start=alarm)
    survey_start = alarm + dt.timedelta(hours=tl.rng.randint(1, 3))
    tl.add("scene_survey_record", survey_start.date(), start=survey_start, minutes=(60, 150),
           pages=tl.rng.randint(2, 3))
    tl.add("scene_drawing", survey_start.date())
    tl.photos(survey_start.date(), what="fire", lo=2, hi=4)
    tl.inquiries(tl.after(survey_start.date(), 0, 1), kinds, n=2)
    tl.add("physical_evidence_record", survey_start.date())
    tl.add("loss_declaration", tl.after(f0, 2, 5))
    tl.add("av_evidence_list", case.docs[-1].date)
    explained = tl.after(f0, 10, 18)
    tl.add("explanation_record", explained, start=tl.at(explained), minutes=(30, 60))
    decided = tl.after(explained, 1, 4)
    det = tl.add("fire_determination", decided, spaced=tl.rng.random() < 0.5)
    case.decided_on = decided
    served = tl.after(decided, 0, 3)
    tl.service(det, served, mode="直接送达")
    tl.add("filing_remarks", served)
    case.closed_on = served


BUILDERS: dict[str, Builder] = {
    "penalty_general": penalty_general,
    "three_stops": three_stops,
    "penalty_simple": penalty_simple,
    "temporary_seal": temporary_seal,
    "inspection": inspection,
    "complaint": complaint,
    "pre_opening": pre_opening,
    "fire_investigation": fire_investigation,
}


def build_documents(rng: random.Random, case: CasePlan, kinds: set[str]) -> None:
    """Fill `case.docs` (cover and contents first, 备考表 last) and the case's key dates."""
    tl = Timeline(rng, case)
    cover_title = rng.choice(("消防行政执法案卷", "行政处罚案卷")) if case.case_type in (
        "penalty_general", "penalty_simple", "three_stops") else "消防行政执法案卷"
    tl.add("cover", case.opened_on, title=cover_title)
    tl.add("contents", case.opened_on, title=tl.title("contents"))
    BUILDERS[case.case_type](tl, case, kinds)
    opening = case.first("filing_approval") or case.first("fire_filing") or case.docs[2]
    case.opened_on = opening.date
    case.docs[0].date = case.closed_on
    case.docs[1].date = case.closed_on
