"""The plan of a demo month: case types, units, parties, fines, dates, numbers, defects, recordings.

Everything is drawn from one `random.Random(seed)`, in a fixed order, so a seed always gives the
same month. Nothing is written here; `casefiles.py` renders the plan.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import random
from collections import defaultdict

import yaml

from review_tool.demo import cn
from review_tool.demo.catalog import (
    CASE_MIX,
    CONFLICTS,
    DEFECT_KINDS,
    DEFECTS_BY_KIND,
    DOC_NO_KIND,
    FIRE_CAUSES,
    PERSON_VIOLATION,
    SEAL_VIOLATION,
    STOP_VIOLATION,
    TITLES,
    UNIT_VIOLATIONS,
    ViolationTemplate,
)
from review_tool.demo.model import CasePlan, DocPlan, Party, PlannedDefect, RecordingPlan, Violation
from review_tool.demo.org import Org, Unit, handlers_pool
from review_tool.demo.timelines import build_documents

# unit key -> weight; township and squadrons only take the case types they handle
_UNIT_WEIGHTS = {"pingan": 3, "chengnan": 1, "binjiang": 1, "dongcheng": 3, "xihu": 3, "linjiang": 2, "qingshan": 2}
_LIGHT_TYPES = {"penalty_general", "penalty_simple", "inspection", "complaint"}
_DISTRICTS = {"pingan": "平安市平安区", "dongcheng": "平安市东城区", "xihu": "平安市西湖区", "linjiang": "临江县",
              "qingshan": "临江县青山镇"}
_PUBLIC = ("餐饮场所", "宾馆", "歌舞娱乐场所", "商场", "网吧", "休闲场所", "超市", "养老机构", "教育培训机构")
_KEY_DOC = {"penalty_general": "penalty_decision", "three_stops": "stop_order", "penalty_simple": "onsite_decision",
            "temporary_seal": "seal_decision", "inspection": "rectification_notice", "complaint": "complaint_register",
            "pre_opening": "opening_permit", "fire_investigation": "fire_determination"}
_DOC_KINDS = {"penalty_notice": "行罚告", "legal_review": "法审", "seal_notice": "封告",
              "seal_release_decision": "解封", "rectification_notice": "限", "inspection_record": "检",
              "acceptance_notice": "安受", "hearing_notice": "听通", "complaint_register": "举"}
_REC_STEPS = {"inspection_record": "inspection", "site_record": "inspection", "inquiry_record": "inquiry",
              "seal_record": "seal", "scene_survey_record": "scene_survey", "complaint_verification": "verification",
              "recheck_record": "verification", "hearing_record": "hearing"}
_SCAN_CODES = {"identity_proof", "service_receipt", "authorisation", "witness_statement", "fine_receipt", "waiver", "statement_record",
               "seal_release_application", "commitment", "application_form", "loss_declaration"}
_REORDER = {"penalty_general": ("penalty_decision", "penalty_notice"), "three_stops": ("stop_order", "penalty_notice"),
            "inspection": ("recheck_record", "rectification_notice"),
            "temporary_seal": ("seal_record", "seal_decision")}


def _choose_types(rng: random.Random, n: int) -> list[str]:
    base: list[str] = []
    if n >= 8:
        base = list(CASE_MIX)
        if n >= 10:
            base += ["penalty_general", "penalty_general"]
    names, weights = list(CASE_MIX), list(CASE_MIX.values())
    while len(base) < n:
        base.append(rng.choices(names, weights)[0])
    base = base[:n]
    rng.shuffle(base)
    return base


def _choose_units(rng: random.Random, types: list[str]) -> list[str]:
    keys, weights = list(_UNIT_WEIGHTS), list(_UNIT_WEIGHTS.values())
    out = []
    for t in types:
        while True:
            k = rng.choices(keys, weights)[0]
            if k in ("pingan", "dongcheng", "xihu", "linjiang") or t in _LIGHT_TYPES:
                break
        out.append(k)
    # the township unit and every brigade appear when the month is big enough
    for must in ("qingshan", "dongcheng", "xihu", "linjiang", "pingan"):
        if must not in out and len(types) >= 6:
            for i, t in enumerate(types):
                if (must != "qingshan" or t in _LIGHT_TYPES) and out.count(out[i]) > 1:
                    out[i] = must
                    break
    return out


def _party(rng: random.Random, org: Org, unit_key: str, case_type: str, person: bool) -> Party:
    district = _DISTRICTS.get(unit_key) or _DISTRICTS[org.unit(unit_key).parent or "pingan"]
    rep_male = rng.random() < 0.7
    age = rng.randint(26, 62)
    born = dt.date(2023 - age, rng.randint(1, 12), rng.randint(1, 28))
    rep = cn.person_name(rng, rep_male)
    rep_id = cn.id_number(rng, born, rep_male)
    w_age = rng.randint(20, 55)
    w_male = rng.random() < 0.5
    witness_id = cn.id_number(rng, dt.date(2023 - w_age, rng.randint(1, 12), rng.randint(1, 28)), w_male)
    party = Party(name=rep, is_unit=False, address="", rep=rep, rep_gender="男" if rep_male else "女", rep_age=age,
                  rep_id=rep_id, rep_phone=cn.phone(rng), witness=cn.person_name(rng, w_male),
                  witness_gender="男" if w_male else "女", witness_age=w_age, witness_id=witness_id)
    if person:
        estate = rng.choice(("锦绣花园", "阳光新城", "翠湖苑", "金色家园", "滨江名苑"))
        party.address = (f"{district}{estate}{rng.randint(1, 20)}幢{rng.randint(1, 4)}单元"
                         f"{rng.randint(1, 18)}0{rng.randint(1, 4)}室")
        party.place_kind, party.place_short = "住宅小区", "小区"
        return party
    while True:
        name, kind, short = cn.company(rng, org.city if unit_key not in ("linjiang", "qingshan") else "临江县")
        if case_type not in ("pre_opening", "temporary_seal", "three_stops") or kind in _PUBLIC:
            break
    party.name, party.is_unit, party.address = name, True, cn.address(rng, district)
    party.credit_code, party.place_kind, party.place_short = cn.credit_code(rng), kind, short
    return party


def _violation(t: ViolationTemplate, party: Party) -> Violation:
    place = f"该单位位于{party.address}的{party.place_short}" if party.is_unit else f"当事人{party.name}"
    return Violation(t.violated, t.basis, t.name, t.facts.format(place=place), t.items, t.captions,
                     t.min_yuan * 100, t.max_yuan * 100)


def _fine(rng: random.Random, case_type: str, party: Party, kinds: set[str]) -> int:
    if case_type == "penalty_general":
        if not party.is_unit:
            return rng.choice((200, 300, 500)) * 100
        if "fine_out_of_range" in kinds:
            return rng.choice((60000, 3000)) * 100
        if "missing_legal_review" in kinds:
            return rng.choice((30000, 35000, 40000)) * 100
        yuan = rng.choices((5000, 6000, 8000, 10000, 12000, 15000, 20000, 25000, 30000, 40000, 50000),
                           (5, 4, 4, 6, 3, 4, 3, 2, 2, 1, 1))[0]
        return yuan * 100
    if case_type == "three_stops":
        return rng.choice((30000, 40000, 50000, 80000)) * 100
    if case_type == "penalty_simple":
        return rng.choice((0, 100, 200, 200)) * 100
    return 0


def _assign_defects(rng: random.Random, types: list[str], parties: list[Party], with_media: bool) -> list[set[str]]:
    kinds: list[set[str]] = [set() for _ in types]
    n = len(types)
    wanted = [d.kind for d in DEFECT_KINDS]
    if n >= 20:
        wanted += ["register_mismatch", "missing_service_receipt", "single_officer_record"]
    if n >= 30:
        wanted += ["late_decision_service", "inquiry_without_recording"]
    for kind in wanted:
        if kind == "inquiry_without_recording" and not with_media:
            continue
        spec = DEFECTS_BY_KIND[kind]
        cands = []
        for i, t in enumerate(types):
            if t not in spec.case_types or kind in kinds[i]:
                continue
            if kind in ("fine_out_of_range", "missing_legal_review") and not parties[i].is_unit:
                continue
            if any(frozenset({kind, k}) in CONFLICTS for k in kinds[i]):
                continue
            cands.append(i)
        if not cands:
            continue
        fewest = min(len(kinds[i]) for i in cands)
        pick = rng.choice([i for i in cands if len(kinds[i]) == fewest])
        kinds[pick].add(kind)
    return kinds


@functools.cache
def official_holidays() -> frozenset[dt.date]:
    """Statutory holidays from the bundled calendars (checklists/calendars), if they can be read."""
    days: set[dt.date] = set()
    try:
        from review_tool.paths import checklists_dir

        for f in sorted((checklists_dir() / "calendars").glob("*.yaml")):
            for entry in (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).get("holidays", []):
                a, _, b = str(entry).partition("..")
                start = dt.date.fromisoformat(a.strip())
                end = dt.date.fromisoformat(b.strip()) if b else start
                days.update(start + dt.timedelta(days=i) for i in range((end - start).days + 1))
    except Exception:
        return frozenset()
    return frozenset(days)


def _shift_into_month(rng: random.Random, case: CasePlan, year: int, month: int, today: dt.date | None) -> None:
    """Move the whole case by whole weeks (weekdays stay weekdays) so it closes inside the month, on a
    day that is not a statutory holiday when possible (and not after `today`)."""
    lo = dt.date(year, month, 1)
    hi = dt.date(year, month, calendar.monthrange(year, month)[1])
    if today is not None and lo <= today < hi:
        hi = today
    k_lo = -((case.closed_on - lo).days // 7)  # smallest k with closed + 7k >= lo
    k_hi = (hi - case.closed_on).days // 7
    if k_lo <= k_hi:
        ks = list(range(k_lo, k_hi + 1))
        rng.shuffle(ks)
        holidays = official_holidays()
        k = next((k for k in ks if case.closed_on + dt.timedelta(weeks=k) not in holidays), ks[0])
        shift = dt.timedelta(weeks=k)
    else:  # less than a week of the month is available
        shift = hi - case.closed_on

    def mv(v: object) -> object:
        return v + shift if isinstance(v, dt.date) else v  # datetime is a date too

    for d in case.docs:
        d.date = d.date + shift
        d.start = d.start + shift if d.start else None
        d.end = d.end + shift if d.end else None
        d.extra = {k: mv(v) for k, v in d.extra.items()}
    case.extra = {k: mv(v) for k, v in case.extra.items()}
    case.opened_on += shift
    case.closed_on += shift
    case.decided_on = case.decided_on + shift if case.decided_on else None


class _Numbers:
    """Serial numbers per (文号 prefix, kind). Month m draws from its own block of 2·n numbers (a random
    start in the first half, at most n taken), so the months of a history never reuse a number."""

    def __init__(self, rng: random.Random, month: int, n_cases: int) -> None:
        n = max(n_cases, 1)
        self.next: dict[tuple[str, str], int] = defaultdict(lambda: (month - 1) * 2 * n + 1 + rng.randrange(n))

    def take(self, prefix: str, kind: str) -> int:
        n = self.next[(prefix, kind)]
        self.next[(prefix, kind)] = n + 1
        return n


def _number(case: CasePlan, nums: _Numbers, brackets: str) -> None:
    prefix = case.issuing.code
    key = case.first(_KEY_DOC[case.case_type])
    assert key is not None
    case.doc_no = cn.doc_number(prefix, DOC_NO_KIND[case.case_type], key.date.year,
                                nums.take(prefix, DOC_NO_KIND[case.case_type]), brackets)
    key.doc_no = case.doc_no
    for d in case.docs:
        if d.doc_no is None and d.code in _DOC_KINDS:
            if case.case_type == "inspection" and d.code == "inspection_record":
                continue
            d.doc_no = cn.doc_number(prefix, _DOC_KINDS[d.code], d.date.year, nums.take(prefix, _DOC_KINDS[d.code]),
                                     brackets)
        if d.code == "stop_order" or d.code == "penalty_decision":
            d.doc_no = case.doc_no
    for d in case.docs:
        if d.code == "service_receipt":
            served = d.extra.get("served_ref")
            d.extra["served_no"] = served.doc_no if isinstance(served, DocPlan) else None


def _recordings(rng: random.Random, case: CasePlan, seq: list[int]) -> None:
    subdir = rng.choice(("执法记录仪/", "音像资料/", "", ""))
    has_inspection = case.first("inspection_record") is not None
    for i, d in enumerate(case.docs):
        step = _REC_STEPS.get(d.code)
        if d.code == "service_receipt" and d.extra.get("mode") == "留置送达":
            step = "service"
        if d.code == "onsite_decision" and not has_inspection:
            step = "inspection"
        if step is None or d.extra.get("no_recording") or d.start is None:
            continue
        start = d.start - dt.timedelta(minutes=rng.randint(1, 3), seconds=rng.randrange(60))
        officer = case.handlers[0] if d.officers[:1] == (case.handlers[0].name,) else case.handlers[1]
        digits = "".join(c for c in officer.cert_no if c.isdigit())[-7:]
        seq[0] += 1
        name = f"{subdir}DSJ_{start:%Y%m%d%H%M%S}_{seq[0] % 10000:04d}.{rng.choice(('MP4', 'mp4', 'MP4'))}"
        case.recordings.append(RecordingPlan(i, step, start, float(rng.randint(2, 4)), name, "mp4",
                                             f"DSJ-{digits}", officer.name))


def _containers(rng: random.Random, cases: list[CasePlan]) -> None:
    """Make a few recordings audio-only (.m4a, .wav) and one each .mov and .mkv."""
    recs = [(c, r) for c in cases for r in c.recordings]
    if not recs:
        return
    inquiries = [x for x in recs if x[1].step == "inquiry"]
    rng.shuffle(inquiries)
    for (_, r), kind in zip(inquiries[:3], ("m4a", "wav", "m4a"), strict=False):
        folder = r.name.rsplit("/", 1)[0] + "/" if "/" in r.name else ""
        r.container = kind
        r.name = f"{folder}{'REC' if kind == 'm4a' else '录音'}_{r.start:%Y%m%d%H%M%S}.{kind}"
    videos = [x for x in recs if x[1].container == "mp4"]
    rng.shuffle(videos)
    for (_, r), kind in zip(videos[:2], ("mov", "mkv"), strict=False):
        folder = r.name.rsplit("/", 1)[0] + "/" if "/" in r.name else ""
        r.container = kind
        r.name = (f"{folder}VID_{r.start:%Y%m%d_%H%M%S}.mov" if kind == "mov"
                  else r.name.rsplit(".", 1)[0] + ".mkv")


def _anchor(case: CasePlan, kind: str) -> int | None:
    for i, d in enumerate(case.docs):
        if d.extra.get("defect") == kind or d.extra.get("defect_rec") == kind:
            return i
    if kind in ("fine_out_of_range", "register_mismatch"):
        key = case.first(_KEY_DOC[case.case_type])
        return case.docs.index(key) if key else None
    return None


def _detail(case: CasePlan, kind: str) -> str:
    fine = cn.yuan_plain(case.fine_fen)
    notice = case.first("penalty_notice")
    decision = case.first(_KEY_DOC[case.case_type])
    receipt = next((d for d in case.docs if d.code == "service_receipt" and d.extra.get("defect")), None)
    inspected = case.first("inspection_record") or case.first("complaint_verification")
    texts = {
        "missing_service_receipt": "卷内无处罚决定书的送达回证",
        "late_decision_service": (f"决定日期{decision.date if decision else ''}，送达日期{receipt.date if receipt else ''}"),
        "decision_before_notice": (f"告知日期{notice.date if notice else ''}，决定日期{decision.date if decision else ''}"),
        "fine_out_of_range": f"单位违反消防法第六十条第一款，罚款{fine}（法定幅度5000元至50000元）",
        "missing_legal_review": f"罚款{fine}（较大数额），卷内无法制审核意见",
        "inquiry_without_recording": "询问笔录无对应的执法记录仪音像资料",
        "single_officer_record": "笔录中执法人员仅一人",
        "late_seal_decision": (f"检查日期{inspected.date if inspected else ''}，"
                               f"临时查封决定书日期{decision.date if decision else ''}"),
        "late_rectification_notice": (f"检查日期{inspected.date if inspected else ''}，"
                                      f"通知书日期{decision.date if decision else ''}"),
    }
    if kind == "wrong_document_order":
        moved, before = (TITLES[c][0] for c in _REORDER[case.case_type])
        return f"{moved}排在{before}之前"
    if kind == "single_officer_record":
        doc = next((d for d in case.docs if d.extra.get("defect") == kind), None)
        if doc is not None:
            return f"{''.join(doc.title.split())}中执法人员仅{doc.officers[0]}一人"
    if kind == "register_mismatch":
        reg = case.extra["register"]
        return f"台账{reg['label']}为{reg['shown']}，案卷为{reg['true']}"
    return texts.get(kind, "")


def _apply_structure(rng: random.Random, case: CasePlan, kinds: set[str]) -> None:
    if "wrong_document_order" in kinds:
        moved_code, before_code = _REORDER[case.case_type]
        moved = case.first(moved_code)
        before = case.first(before_code)
        assert moved is not None and before is not None
        case.docs.remove(moved)
        case.docs.insert(case.docs.index(before), moved)
        moved.extra["defect"] = "wrong_document_order"
    if "register_mismatch" in kinds:
        if case.fine_fen and rng.random() < 0.7:
            wrong = case.fine_fen * 10 if rng.random() < 0.5 else case.fine_fen // 2
            case.extra["register"] = {"field": "fine", "label": "罚款金额", "value": wrong,
                                      "shown": cn.yuan_plain(wrong), "true": cn.yuan_plain(case.fine_fen)}
        else:
            wrong_day = case.decided_on or case.closed_on
            case.extra["register"] = {"field": "closed_on", "label": "结案日期", "value": wrong_day,
                                      "shown": wrong_day.isoformat(), "true": case.closed_on.isoformat()}
            if wrong_day == case.closed_on:
                wrong_day = case.closed_on - dt.timedelta(days=3)
                case.extra["register"].update(value=wrong_day, shown=wrong_day.isoformat())


def plan_month(org: Org, *, year: int, month: int, seed: int, n_cases: int, defects: bool,
               with_media: bool, today: dt.date | None = None) -> list[CasePlan]:
    rng = random.Random(seed)
    types = _choose_types(rng, n_cases)
    unit_keys = _choose_units(rng, types)
    persons = [t == "penalty_simple" or (t == "penalty_general" and n_cases >= 20 and rng.random() < 0.1)
               or (t == "fire_investigation" and rng.random() < 0.4) for t in types]
    parties = [_party(rng, org, u, t, p) for u, t, p in zip(unit_keys, types, persons, strict=True)]
    kinds_all = _assign_defects(rng, types, parties, with_media) if defects else [set() for _ in types]
    nums = _Numbers(rng, month, n_cases)
    scan_all = set(rng.sample(range(n_cases), min(n_cases, 1 if n_cases < 20 else 2)))
    seq = [rng.randrange(100, 2000)]
    cases: list[CasePlan] = []
    for i, (t, uk, party, kinds) in enumerate(zip(types, unit_keys, parties, kinds_all, strict=True)):
        unit: Unit = org.unit(uk)
        pool = list(handlers_pool(org, uk))
        handlers = tuple(rng.sample(pool, 2))
        if t == "temporary_seal":
            template = SEAL_VIOLATION
        elif t == "three_stops":
            template = STOP_VIOLATION
        elif not party.is_unit and t in ("penalty_general", "penalty_simple"):
            template = PERSON_VIOLATION
        else:
            template = rng.choice(UNIT_VIOLATIONS[:3] if t == "complaint" else UNIT_VIOLATIONS)
        violation = _violation(template, party)
        if t == "fire_investigation":
            cause = rng.choice(FIRE_CAUSES)
            violation = Violation("", "", "火灾事故", cause, (cause,), ("起火部位", "烧损情况", "起火点残留物"))
        elif t == "pre_opening":
            violation = Violation("", "", "投入使用、营业前消防安全检查", "", (), ("场所入口", "疏散通道", "消防设施"))
        start = dt.date(year, month, 1) - dt.timedelta(days=rng.randint(20, 60))
        case = CasePlan(i, t, unit, org.issuing_unit(uk), (handlers[0], handlers[1]), party, violation,
                        _fine(rng, t, party, kinds), "", start, None, start)
        build_documents(rng, case, kinds)
        _shift_into_month(rng, case, year, month, today)
        brackets = rng.choices(("〔〕", "[]", "()"), (7, 2, 1))[0]
        _number(case, nums, brackets)
        _apply_structure(rng, case, kinds)
        case.bookmarks = rng.random() < 0.5
        if i in scan_all:
            case.scan, case.bookmarks = "all", False
        elif rng.random() < 0.15:
            case.scan = "some"
        for d in case.docs:
            d.scanned = case.scan == "all" or (case.scan == "some" and d.code in _SCAN_CODES)
            d.bookmark = _bookmark_title(rng, d)
        if case.scan == "some" and not any(d.scanned for d in case.docs):
            case.docs[-2].scanned = True
        case.split_volumes = (t in ("penalty_general", "three_stops") and rng.random() < 0.15
                              and sum(d.volume == "sub" for d in case.docs) >= 2)
        case.case_json = rng.random() < 0.4
        case.amount_style = rng.choice(("both", "both", "upper", "plain", "wan"))
        case.date_style = rng.choices(("cn", "plain", "full"), (6, 3, 1))[0]
        if with_media:
            _recordings(rng, case, seq)
        for kind in sorted(kinds):
            spec = DEFECTS_BY_KIND[kind]
            case.defects.append(PlannedDefect(kind, spec.category, spec.hint, _detail(case, kind), _anchor(case, kind)))
        cases.append(case)
    if with_media:
        _containers(rng, cases)
    _folders(rng, cases)
    return cases


def _bookmark_title(rng: random.Random, d: DocPlan) -> str:
    r = rng.random()
    printed = "".join(d.title.split())
    if r < 0.45:
        return TITLES[d.code][0]
    if r < 0.8 or not d.doc_no:
        return printed
    return f"{printed}（{d.doc_no}）"


def _folders(rng: random.Random, cases: list[CasePlan]) -> None:
    from review_tool.demo.catalog import CASE_TYPES

    used: set[str] = set()
    for c in cases:
        short = CASE_TYPES[c.case_type][1][0]
        style = rng.choices(("docno", "party", "short"), (7, 2, 1))[0]
        if style == "docno":
            name = f"{c.doc_no} {c.party.name}"
        elif style == "party":
            name = f"{c.party.name}（{short}）{c.doc_no}"
        else:
            name = f"{short}-{c.party.name} {c.closed_on:%m%d}"
        while name in used:
            name += "_2"
        used.add(name)
        c.folder = name
