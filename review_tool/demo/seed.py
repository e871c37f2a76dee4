"""Seeding a demo database: the organisation, three months of case files, and rounds.

Everything goes through the real services (import, rounds, reviews, meeting), so
the demo exercises the same paths a legal officer's month does:
- the two past months: round created, assigned, every review submitted,
  reconciled at the meeting and finalised;
- the current month: round assigned, some reviews submitted, some in progress,
  some not begun.

Reviewers' results are simulated from the planted defects (defects.json): each
reviewer finds a planted defect with some probability and deducts under the
checklist item whose automated-check name or category fits it, citing the
page; now and then a reviewer deducts a minor item no one else does. That gives
the meeting real disagreements and calibration real signal.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from review_tool.demo.casefiles import DefectInfo, DemoMonth, generate_history
from review_tool.demo.org import DEMO_ORG, Org
from review_tool.domain.checklist import Checklist, Item
from review_tool.domain.enums import DeductionKind, Outcome, Role
from review_tool.ingest.textparse import doc_no_key
from review_tool.services.dto import PageRef
from review_tool.services.reviews import ResultEntry
from review_tool.workspace import Workspace

Progress = Callable[[int, int, str], None]

# planted defect kind -> automated-check names of the items that catch it (first match wins)
DEFECT_CHECKS: dict[str, tuple[str, ...]] = {
    "missing_service_receipt": ("decision_served_in_time", "document_present"),
    "late_decision_service": ("decision_served_in_time", "determination_served_in_time"),
    "decision_before_notice": ("notice_before_decision",),
    "fine_out_of_range": ("fine_in_legal_range", "fine_within_simple_limit"),
    "missing_legal_review": ("legal_review_present", "collective_discussion_present"),
    "inquiry_without_recording": ("recording_present_for_step",),
    "single_officer_record": ("two_officers_signed",),
    "late_seal_decision": ("seal_decision_in_time",),
    "late_rectification_notice": ("rectification_notice_in_time",),
    "wrong_document_order": (),
    "register_mismatch": (),
}
DEFECT_CATEGORY_FALLBACK = {"wrong_document_order": "P-GD", "register_mismatch": "P-XT"}

# documents whose absence makes the items about them 不适用 (not every case has a hearing …)
OPTIONAL_DOCS = frozenset({
    "hearing_notice", "hearing_record", "hearing_report", "evidence_preservation", "preservation_disposal",
    "sampling_record", "expert_commission", "expert_opinion", "statement_record", "statement_review", "waiver",
    "installment_approval", "payment_reminder", "late_fee_decision", "enforcement_application",
    "seal_release_application", "seal_release_decision", "public_notice_service", "fire_review_decision",
    "resumption_record", "permit_revocation", "opening_refusal", "transfer_letter", "assignment_letter",
})


@dataclass(frozen=True)
class DemoSeed:
    folder: Path
    months: tuple[str, ...]
    cases: int
    reviews: int


def demo_months(today: dt.date, n: int = 3) -> list[tuple[int, int]]:
    """The last `n` months ending with today's."""
    y, m = today.year, today.month
    out = []
    for _ in range(n):
        out.append((y, m))
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return list(reversed(out))


def seed_org(ws: Workspace, org: Org = DEMO_ORG) -> None:
    keys: dict[str, int] = {}
    pending = list(org.units)
    while pending:  # parents before children
        for u in list(pending):
            if u.parent is None or u.parent in keys:
                dto = ws.org.add_unit(u.name, u.kind, parent=keys[u.parent] if u.parent else None,
                                      short_name=u.short_name, code=u.code)
                keys[u.key] = dto.id
                pending.remove(u)
    officer_ids: dict[str, int] = {}
    for o in org.officers:
        officer_ids[o.name] = ws.org.add_officer(o.name, unit=keys[o.unit], cert_no=o.cert_no).id
    for user in org.users:
        ws.org.add_user(user.name, user.role, unit=keys[user.unit],
                        officer_id=officer_ids.get(user.officer) if user.officer else None)


def seed_demo(ws: Workspace, folder: Path, *, months: list[tuple[int, int]] | None = None, seed: int = 2023,
              n_cases: int = 40, today: dt.date | None = None, progress: Progress | None = None) -> DemoSeed:
    """Fill an empty database with the demo. `folder` receives the generated case files."""
    today = today or dt.date.today()
    months = months or demo_months(today)
    step = 0
    total = len(months) * 4 + 1  # organisation; per month: import, round, reviews, meeting

    def tick(msg: str) -> None:
        nonlocal step
        step += 1
        if progress:
            progress(step, total, msg)

    seed_org(ws, DEMO_ORG)
    top = next(u for u in DEMO_ORG.units if u.parent is None)
    ws.set_setting("issuing_unit", top.name)
    tick("organisation")
    generated = _generate(folder, months, seed, n_cases, today)
    for dm in generated:
        ws.imports.import_paths([dm.out_dir], register=dm.out_dir / dm.register_xlsx)
        tick(f"import {dm.year}-{dm.month:02d}")
    legal = next(u for u in ws.org.users(Role.LEGAL_OFFICER))
    rng = random.Random(seed)
    reviews = 0
    for i, dm in enumerate(generated):
        month = f"{dm.year}-{dm.month:02d}"
        current = i == len(generated) - 1
        ws.set_user(legal.id)
        ws.rounds.create(month, seed=seed + i)
        ws.rounds.propose(month)
        ws.rounds.deploy(month)
        tick(f"round {month}")
        reviews += _simulate_reviews(ws, dm, month, rng, partial=current, seed=seed)
        tick(f"reviews {month}")
        if not current:
            ws.set_user(legal.id)
            _hold_meeting(ws, dm, month, seed)
            ws.meeting.finalize(month)
        tick(f"meeting {month}")
    ws.set_user(legal.id)
    return DemoSeed(folder, tuple(f"{y}-{m:02d}" for y, m in months), len(ws.cases.list_cases()), reviews)


def _generate(folder: Path, months: list[tuple[int, int]], seed: int, n_cases: int,
              today: dt.date) -> list[DemoMonth]:
    """The months' case files, drawn in parallel processes (drawing PDFs is CPU-bound)."""
    import concurrent.futures as cf
    import multiprocessing
    import os

    workers = min(len(months), os.cpu_count() or 1)
    if workers < 2:
        return generate_history(folder, months, seed, n_cases=n_cases, today=today)
    ctx = multiprocessing.get_context("spawn")
    try:
        with cf.ProcessPoolExecutor(workers, mp_context=ctx) as pool:
            futures = [pool.submit(generate_history, folder, [m], seed, n_cases=n_cases, today=today)
                       for m in months]
            return [f.result()[0] for f in futures]
    except cf.process.BrokenProcessPool:  # no spawnable __main__ (e.g. an embedded interpreter)
        return generate_history(folder, months, seed, n_cases=n_cases, today=today)


# -- simulated reviewers -------------------------------------------------------------------------


def _items_for_defect(checklist: Checklist, kind: str) -> list[Item]:
    checks = DEFECT_CHECKS.get(kind, ())
    found = [i for i in checklist.items() if i.check in checks and i.rule.kind is not DeductionKind.VETO_ONLY]
    if not found and kind in DEFECT_CATEGORY_FALLBACK:
        found = [i for i in checklist.items() if i.category == DEFECT_CATEGORY_FALLBACK[kind]
                 and i.rule.kind is not DeductionKind.VETO_ONLY]
    return found[:1]


def _veto_for_defect(checklist: Checklist, kind: str) -> Item | None:
    if kind != "fine_out_of_range":
        return None
    return next((i for i in checklist.items() if i.check in DEFECT_CHECKS[kind]
                 and i.rule.kind is DeductionKind.VETO_ONLY), None)


def _deduction_entry(item: Item, rng: random.Random, reason: str, pages: list[int]) -> ResultEntry:
    r = item.rule
    occ = value = None
    if r.kind is DeductionKind.PER_OCCURRENCE:
        occ = rng.choice([1, 1, 2])
    elif r.kind is DeductionKind.RANGE:
        assert r.min is not None and r.max is not None
        steps = int((r.max - r.min) * 2)
        value = r.min + Decimal(rng.randint(0, steps)) / 2
    return ResultEntry(item.id, Outcome.DEDUCT, occurrences=occ, value=value, reason=reason,
                       pages=[PageRef(p) for p in pages])


def latent_problems(checklist: Checklist, doc_no: str, seed: int) -> list[Item]:
    """Ordinary shortcomings a real file has beyond the planted defects (a blank not struck, a
    page number missing …): the same for every reviewer of the case, found by each with some chance."""
    rng = random.Random(f"{seed}|{doc_no_key(doc_no)}")
    pool = [i for i in checklist.items() if i.rule.kind is not DeductionKind.VETO_ONLY
            and i.severity.value in ("minor", "general", "major")]
    n = rng.choices([0, 1, 2, 4, 6, 9, 13], weights=[8, 14, 20, 22, 16, 12, 8])[0]
    return rng.sample(pool, min(n, len(pool)))


def _review_entries(checklist: Checklist, defects: list[DefectInfo], latent: list[Item], doc_types: set[str],
                    doc_pages: dict[str, int], rng: random.Random, *, catch: float, noise: float) -> list[ResultEntry]:
    entries: dict[str, ResultEntry] = {}
    for item in latent:
        if rng.random() < catch:
            page = next((doc_pages[x] for x in item.documents if x in doc_pages), None)
            phrase = rng.choice(item.phrasings) if item.phrasings else item.text
            entries[item.id] = _deduction_entry(item, rng, phrase, [page] if page else [])
    for d in defects:
        if rng.random() > catch:
            continue
        for item in _items_for_defect(checklist, d.kind):
            phrase = item.phrasings[0] if item.phrasings else item.text
            page = d.page or next((doc_pages[x] for x in item.documents if x in doc_pages), None)
            reason = f"{phrase}（{d.checklist_hint}）" if d.checklist_hint else phrase
            entries[item.id] = _deduction_entry(item, rng, reason, [page] if page else [])
        veto = _veto_for_defect(checklist, d.kind)
        if veto is not None and rng.random() < 0.6:
            entries[veto.id] = ResultEntry(veto.id, Outcome.DEDUCT, reason=veto.phrasings[0] if veto.phrasings
                                           else veto.text, pages=[PageRef(d.page)] if d.page else [])
    for item in checklist.items():
        if item.id in entries:
            continue
        if item.documents and not any(x in doc_types for x in item.documents) and \
                all(x in OPTIONAL_DOCS for x in item.documents):
            entries[item.id] = ResultEntry(item.id, Outcome.NOT_APPLICABLE)
        elif item.rule.kind in (DeductionKind.PER_OCCURRENCE, DeductionKind.RANGE) and item.severity.value == \
                "minor" and rng.random() < noise:
            page = next((doc_pages[x] for x in item.documents if x in doc_pages), None)
            entries[item.id] = _deduction_entry(item, rng, item.phrasings[-1] if item.phrasings else item.text,
                                                [page] if page else [])
        else:
            entries[item.id] = ResultEntry(item.id, Outcome.PASS)
    order = {i.id: n for n, i in enumerate(checklist.items())}
    return sorted(entries.values(), key=lambda e: order[e.item_id])


def _simulate_reviews(ws: Workspace, dm: DemoMonth, month: str, rng: random.Random, *, partial: bool,
                      seed: int) -> int:
    round_id = ws.rounds.resolve(month)
    defects_by_key: dict[str, list[DefectInfo]] = {}
    for d in dm.defects:
        defects_by_key.setdefault(doc_no_key(d.doc_no), []).append(d)
    users = {u.id: u for u in ws.org.users(Role.REVIEWER)}
    # each reviewer has a temperament: how often they catch a planted problem and add a minor one
    temper = {uid: (0.55 + 0.4 * rng.random(), 0.08 * rng.random() ** 2) for uid in sorted(users)}
    n = 0
    assignments = sorted(ws.rounds.assignments(month), key=lambda a: (a.case_id, a.reviewer_id))
    for k, a in enumerate(assignments):
        if partial and k % 5 in (3, 4):
            continue  # not begun yet
        ws.set_user(a.reviewer_id)
        review = ws.reviews.open(a.case_id, round_id=round_id)
        detail = ws.cases.get(a.case_id)
        doc_types = {d.doc_type for d in detail.documents() if d.doc_type}
        doc_pages: dict[str, int] = {}
        for d in detail.documents():
            if d.doc_type:
                doc_pages.setdefault(d.doc_type, d.first_page)
        catch, noise = temper[a.reviewer_id]
        entries = _review_entries(review.checklist, defects_by_key.get(doc_no_key(detail.row.doc_no), []),
                                  latent_problems(review.checklist, detail.row.doc_no, seed), doc_types,
                                  doc_pages, rng, catch=catch, noise=noise)
        if partial and k % 5 == 2:
            entries = entries[: len(entries) // 2]  # in progress
            ws.reviews.record_batch(review.id, entries)
            ws.reviews.set_position(review.id, {"item": entries[-1].item_id if entries else None, "page": 1})
        else:
            ws.reviews.record_batch(review.id, entries)
            ws.reviews.submit(review.id)
        n += 1
    return n


def _hold_meeting(ws: Workspace, dm: DemoMonth, month: str, seed: int) -> None:
    """The legal officer accepts what reviewers agree on and settles the rest by the truth:
    a deduction for a planted or latent problem stands, a reviewer's stray one does not."""
    planted = {doc_no_key(d.doc_no) for d in dm.defects}
    for row in ws.rounds.status(month).cases:
        ws.meeting.accept_agreed(month, row.case_id)
        meeting = ws.meeting.case(month, row.case_id)
        latent = {i.id for i in latent_problems(meeting.checklist, row.doc_no, seed)}
        for item in meeting.comparison.differing:
            real_problem = item.item_id in latent or doc_no_key(row.doc_no) in planted
            votes = {rid: v for rid, v in item.votes.items() if v is not None}
            deducting = [(rid, v) for rid, v in votes.items() if v.outcome == "deduct"]
            review_of = {r.reviewer_id: r for r in meeting.reviews}
            if deducting and real_problem:
                rid, vote = max(deducting, key=lambda rv: rv[1].points)
                source = review_of[rid].results[item.item_id]
                ws.meeting.decide(month, row.case_id, item.item_id, Outcome.DEDUCT,
                                  occurrences=source.occurrences,
                                  value=source.points if meeting.checklist.item(item.item_id).rule.kind
                                  is DeductionKind.RANGE else None,
                                  reason=source.reason, note="经会商，采纳扣分意见",
                                  proposed_by_review=review_of[rid].id)
            else:
                outcome = Outcome.NOT_APPLICABLE if any(v.outcome == "na" for v in votes.values()) else Outcome.PASS
                ws.meeting.decide(month, row.case_id, item.item_id, outcome, note="经会商，不予扣分")
