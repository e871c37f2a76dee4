"""`review-tool round ...`: a month's review round from the command line."""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from typing import Any

from review_tool.cli.common import open_workspace, print_json, table
from review_tool.domain.enums import Outcome, label
from review_tool.domain.errors import UsageError
from review_tool.i18n import translate


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    rd = sub.add_parser("round", parents=[common], help="monthly review rounds (例会)")
    rs = rd.add_subparsers(dest="round_command", metavar="ACTION", required=True)

    c = rs.add_parser("create", parents=[common], help="create the month's round and draw its cases")
    c.add_argument("--month", required=True, metavar="YYYY-MM")
    c.add_argument("--rule", help="selection rule (checklists/selection_rules.yaml; default: its default)")
    c.add_argument("--seed", type=int, help="seed of the draw (default: random, recorded in the round)")
    c.add_argument("--per-case", type=int, help="reviewers per case (default: settings.yaml)")
    c.add_argument("--hide-handler", action="store_true", help="hide the handler's name from reviewers")
    c.add_argument("--open-review", action="store_true", help="reviewers may see each other's results at once")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=create)

    a = rs.add_parser("assign", parents=[common], help="propose reviewers for the round's cases")
    a.add_argument("round", metavar="ROUND", help="YYYY-MM or id")
    a.add_argument("--per-case", type=int)
    a.add_argument("--seed", type=int, help="tie-break seed (default: the round's)")
    a.add_argument("--deploy", action="store_true", help="deploy the proposal at once")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=assign)

    d = rs.add_parser("deploy", parents=[common], help="deploy the proposed assignment")
    d.add_argument("round", metavar="ROUND")
    d.set_defaults(handler=deploy)

    ls = rs.add_parser("list", parents=[common], help="list rounds")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=list_rounds)

    st = rs.add_parser("status", parents=[common], help="each case: handler, reviewers, submissions, scores, flags")
    st.add_argument("round", metavar="ROUND")
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=status)

    w = rs.add_parser("workload", parents=[common], help="each reviewer's load and progress")
    w.add_argument("round", metavar="ROUND")
    w.add_argument("--json", action="store_true")
    w.set_defaults(handler=workload)

    e = rs.add_parser("explain", parents=[common], help="why these reviewers were chosen for a case")
    e.add_argument("round", metavar="ROUND")
    e.add_argument("case", metavar="CASE")
    e.set_defaults(handler=explain)

    f = rs.add_parser("finalize", parents=[common], help="finalise the round (results become immutable)")
    f.add_argument("round", metavar="ROUND")
    f.set_defaults(handler=finalize)

    ac = rs.add_parser("add-case", parents=[common], help="add a case to the round by hand (with a reason)")
    ac.add_argument("round", metavar="ROUND")
    ac.add_argument("case", metavar="CASE", help="文号 (any bracket style), part of it, or the case id")
    ac.add_argument("--reason", required=True)
    ac.set_defaults(handler=add_case)

    rc = rs.add_parser("remove-case", parents=[common], help="take a case out of the round (with a reason)")
    rc.add_argument("round", metavar="ROUND")
    rc.add_argument("case", metavar="CASE")
    rc.add_argument("--reason", required=True)
    rc.set_defaults(handler=remove_case)

    ov = rs.add_parser("override", parents=[common],
                       help="change a case's reviewers by hand (warns when a rule is broken; --force records it)")
    ov.add_argument("round", metavar="ROUND")
    ov.add_argument("case", metavar="CASE")
    ov.add_argument("--add", metavar="NAME", help="the reviewer to add")
    ov.add_argument("--remove", metavar="NAME", help="the reviewer to take off (only before they begin)")
    ov.add_argument("--reason", required=True)
    ov.add_argument("--force", action="store_true", help="assign even though it breaks a rule (recorded)")
    ov.set_defaults(handler=override)

    cm = rs.add_parser("compare", parents=[common],
                       help="a case's reviews side by side, differing items first (legal officers, chiefs)")
    cm.add_argument("round", metavar="ROUND")
    cm.add_argument("case", metavar="CASE")
    cm.add_argument("--json", action="store_true")
    cm.set_defaults(handler=compare)

    acc = rs.add_parser("accept", parents=[common], help="accept every item the reviewers agree on, in one step")
    acc.add_argument("round", metavar="ROUND")
    acc.add_argument("case", metavar="CASE")
    acc.set_defaults(handler=accept)

    de = rs.add_parser("decide", parents=[common], help="record the agreed result of one item of a case")
    de.add_argument("round", metavar="ROUND")
    de.add_argument("case", metavar="CASE")
    de.add_argument("item", metavar="ITEM", help="checklist item id, e.g. S1-02")
    de.add_argument("--outcome", required=True, choices=[o.value for o in Outcome])
    de.add_argument("--occurrences", type=int, help="for 每处扣分 items")
    de.add_argument("--points", type=_decimal, metavar="N", help="for 区间扣分 items: the points within the range")
    de.add_argument("--reason", default="", help="the deduction's reason (default: the proposer's)")
    de.add_argument("--note", default="", help="the meeting's note")
    de.add_argument("--proposed-by", metavar="NAME", help="the reviewer whose result this is")
    de.set_defaults(handler=decide)

    ro = rs.add_parser("reopen", parents=[common], help="reopen a finalised round (audited)")
    ro.add_argument("round", metavar="ROUND")
    ro.add_argument("--reason", required=True)
    ro.set_defaults(handler=reopen)

    cal = rs.add_parser("calibration", parents=[common],
                        help="reviewers' deviation from the agreed results (harsh/lenient, kappa)")
    cal.add_argument("round", metavar="ROUND", nargs="?", help="one round (default: all finalised rounds)")
    cal.add_argument("--json", action="store_true")
    cal.set_defaults(handler=calibration)


def create(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        r = ws.rounds.create(args.month, rule=args.rule, seed=args.seed, per_case=args.per_case,
                             hide_handler=args.hide_handler, blind=not args.open_review)
    if args.json:
        print_json(r.__dict__)
    else:
        print(f"已建立评查批次 {r.title}（{r.month}）：抽取 {r.cases} 件案卷，规则 {r.rule_name}，随机种子 {r.seed}")
    return 0


def assign(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        p = ws.rounds.propose(args.round, per_case=args.per_case, seed=args.seed)
        deployed = ws.rounds.deploy(args.round) if args.deploy else 0
    if args.json:
        print_json({**p.__dict__, "deployed": deployed})
        return 0
    print(f"分配方案：{p.assigned_cases} 件案卷；评查员之间案卷数最多相差 {p.spread} 件")
    if p.kept_cases:
        print(f"已开始评查、保留原评查员的案卷：{'、'.join(p.kept_cases)}")
    print(table([[n, str(c), str(pg), str(mi)] for n, c, pg, mi in p.loads], ["评查员", "案卷", "页数", "音像分钟"]))
    for w in p.warnings:
        print(f"! {w}")
    print(f"已下发 {deployed} 项分配" if deployed else "方案尚未下发：核对后运行 review-tool round deploy " + str(args.round))
    return 0


def deploy(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        n = ws.rounds.deploy(args.round)
    print(f"已下发 {n} 项分配")
    return 0


def list_rounds(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        rounds = ws.rounds.list()
    if args.json:
        print_json([r.__dict__ for r in rounds])
    else:
        print(table([[r.month, r.title, label(r.status), str(r.cases), r.rule_name, str(r.seed)] for r in rounds],
                    ["月份", "名称", "状态", "案卷", "抽取规则", "随机种子"]))
    return 0


def _status_json(st: Any) -> dict[str, Any]:
    return {
        "round": st.round.__dict__, "counts": st.counts, "blind_view": st.blind_view,
        "handlers_hidden": st.handlers_hidden,
        "cases": [{
            "case_id": c.case_id, "doc_no": c.doc_no, "case_type": c.case_type_name, "handlers": c.handlers,
            "handler_unit": c.handler_unit, "origin": c.origin, "submitted": c.submitted,
            "reviewers": [{"id": x.reviewer_id, "name": x.name, "unit": x.unit, "assignment": x.status,
                           "review": x.review_status, "total": x.total, "grade": x.grade, "override": x.override}
                          for x in c.reviewers],
            "mean_total": c.mean_total, "final_total": c.final_total, "final_grade": c.final_grade,
            "flags": c.flags,
        } for c in st.cases],
    }


def status(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        st = ws.rounds.status(args.round)
    if args.json:
        print_json(_status_json(st))
        return 0
    r = st.round
    print(f"{r.title}（{r.month}）  状态：{label(r.status)}  案卷 {r.cases} 件  "
          f"已提交评查 {st.counts.get('submitted_reviews', 0)}/{st.counts.get('assigned_reviews', 0)}  "
          f"需会商 {st.counts.get('flagged', 0)} 件")
    rows = []
    for c in st.cases:
        revs = "；".join(
            f"{x.name}（{x.unit}）{label(x.review_status) if x.review_status else '未开始'}"
            + (f" {x.total}" if x.total is not None and x.review_status and x.review_status.value == "submitted"
               else "") for x in c.reviewers)
        score = f"{c.final_total} {c.final_grade}" if c.final_total is not None else (
            f"均分 {c.mean_total}" if c.mean_total is not None else "")
        rows.append([c.doc_no, c.case_type_name, "、".join(c.handlers), c.handler_unit, revs, score,
                     "需会商" if c.flags else ""])
    print(table(rows, ["文号", "类型", "承办人", "承办单位", "评查员", "得分", "分歧"]))
    for c in st.cases:
        for f in c.flags:
            print(f"! {c.doc_no}：{f}")
    if st.blind_view or st.handlers_hidden:
        print("（背对背评查：其他评查员的结果在您提交本人评查后才显示" + ("，承办人不予显示" if st.handlers_hidden else "")
              + "。法制员请用 --user 姓名 查看全部。）")
    return 0


def workload(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        rows = ws.rounds.workload(args.round)
    if args.json:
        print_json([w.__dict__ for w in rows])
    else:
        print(table([[w.name, w.unit, str(w.cases), str(w.pages), str(w.minutes), str(w.submitted),
                      str(w.in_progress), str(w.not_started), "" if w.available else "不参评"] for w in rows],
                    ["评查员", "单位", "案卷", "页数", "音像分钟", "已提交", "评查中", "未开始", ""]))
    return 0


def explain(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        case_id = ws.cases.resolve(args.case)
        print(ws.rounds.explain(args.round, case_id))
    return 0


def finalize(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        rep = ws.meeting.finalize(args.round)
    print(f"已定稿：{rep.cases} 件案卷（会商定分 {rep.reconciled} 件，取平均分 {rep.by_mean} 件），"
          f"整改事项 {rep.findings} 项")
    return 0


def reopen(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        ws.meeting.reopen(args.round, reason=args.reason)
    print("已重新开启（已记录原因）")
    return 0


def calibration(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        rows = ws.meeting.calibration(args.round)
    if args.json:
        print_json([{"reviewer": n, **c.display(), "mean_signed_deviation": c.mean_signed_deviation,
                     "kappa": c.kappa.value} for n, c in rows])
        return 0
    heads = ["评查员", "评查卷数", "比对条目数", "平均偏差", "平均绝对偏差", "倾向", "一致率", "kappa"]
    print(table([[n] + [c.display()[h] for h in heads[1:]] for n, c in rows], heads))
    print("平均偏差 = 评查员总分 − 会商定分；负数偏严，正数偏宽。kappa 为与会商结果逐项一致程度（Cohen's kappa）。")
    return 0


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not a number: {text}") from None


def _reviewer_id(ws: Any, name: str) -> int:
    return int(ws.org.user(int(name) if name.isdigit() else name).id)


def add_case(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        case_id = ws.cases.resolve(args.case)
        ws.rounds.add_case(args.round, case_id, reason=args.reason)
    print("已加入本轮（已记录原因）")
    return 0


def remove_case(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        case_id = ws.cases.resolve(args.case)
        ws.rounds.remove_case(args.round, case_id, reason=args.reason)
    print("已移出本轮（已记录原因；已有的评查保留）")
    return 0


def override(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        case_id = ws.cases.resolve(args.case)
        warnings = ws.rounds.override(args.round, case_id, add=_reviewer_id(ws, args.add) if args.add else None,
                                      remove=_reviewer_id(ws, args.remove) if args.remove else None,
                                      reason=args.reason, force=args.force)
        print(ws.rounds.explain(args.round, case_id))
    for w in warnings:
        print(f"! {w}（已记录）")
    return 0


def compare(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        case_id = ws.cases.resolve(args.case)
        m = ws.meeting.case(args.round, case_id)
    names = {r.reviewer_id: r.reviewer_name for r in m.reviews}
    if args.json:
        print_json({
            "case_id": m.case_id, "doc_no": m.doc_no, "checklist": {"id": m.checklist.id, "version": m.checklist.version},
            "flags": m.flags, "provisional_total": m.provisional_total,
            "reviews": [{"id": r.id, "reviewer": r.reviewer_name, "status": r.status, "total": r.score.total,
                         "grade": r.score.grade} for r in m.reviews],
            "items": [{"item": i.item_id, "agreed": i.agreed,
                       "votes": {names.get(rid, str(rid)): None if v is None else {
                           "outcome": v.outcome, "points": v.points, "occurrences": v.occurrences, "reason": v.reason}
                           for rid, v in i.votes.items()},
                       "reconciled": None if i.item_id not in m.reconciled else {
                           "outcome": m.reconciled[i.item_id].outcome, "points": m.reconciled[i.item_id].points,
                           "proposed_by": m.reconciled[i.item_id].proposed_by}}
                      for i in m.comparison.items],
            "score": None if m.score is None else {"total": m.score.total, "grade": m.score.grade},
        })
        return 0
    print(f"{m.doc_no}  评查表 {m.checklist.title}（{m.checklist.version}）")
    for r in m.reviews:
        print(f"  {r.reviewer_name}：{label(r.status)} {r.score.total} {r.score.grade}")
    for f in m.flags:
        print(f"! {f}")
    rows = []
    for i in m.comparison.items:
        if i.agreed and i.outcome == "pass" and i.item_id not in m.reconciled:
            continue  # agreed 符合: nothing to discuss
        rec = m.reconciled.get(i.item_id)
        rows.append([i.item_id, "一致" if i.agreed else "不一致", i.summary_zh(names).split("）", 1)[-1],
                     f"{label(rec.outcome)} {rec.points}（{rec.proposed_by}）" if rec else ""])
    print(table(rows, ["项目", "", "各评查员", "会商结果"]))
    if m.score is not None:
        print(f"会商定分：{m.score.total} {m.score.grade}")
    elif m.provisional_total is not None:
        print(f"暂按平均分：{m.provisional_total}（会商结果尚未覆盖全部项目）")
    return 0


def accept(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        case_id = ws.cases.resolve(args.case)
        n = ws.meeting.accept_agreed(args.round, case_id)
    print(f"已采纳评查员一致的 {n} 项")
    return 0


def decide(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        case_id = ws.cases.resolve(args.case)
        proposer = None
        if args.proposed_by:
            rid = _reviewer_id(ws, args.proposed_by)
            review = ws.reviews.find(case_id, rid, ws.rounds.resolve(args.round))
            if review is None:
                raise UsageError(translate("meeting", "Review {id} is not a review of this case in this round")
                                 .format(id=args.proposed_by))
            proposer = review.id
        r = ws.meeting.decide(args.round, case_id, args.item, Outcome(args.outcome), occurrences=args.occurrences,
                              value=args.points, reason=args.reason, note=args.note, proposed_by_review=proposer)
    print(f"{r.item_id}：{label(r.outcome)} {r.points}（提出：{r.proposed_by}；决定：{r.decided_by}）")
    return 0
