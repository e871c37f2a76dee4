"""`review-tool unit|officer|user add|list`: setting up the organisation."""

from __future__ import annotations

import argparse

from review_tool.cli.common import open_workspace, print_json, table
from review_tool.domain.enums import Role, UnitKind, label


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    unit = sub.add_parser("unit", parents=[common], help="organisational units (支队/大队/中队/乡镇街道)")
    usub = unit.add_subparsers(dest="unit_command", metavar="ACTION", required=True)
    ua = usub.add_parser("add", parents=[common], help="add a unit")
    ua.add_argument("name")
    ua.add_argument("--kind", required=True, choices=[k.value for k in UnitKind])
    ua.add_argument("--parent", help="the parent unit's name")
    ua.add_argument("--short", default="", help="short name")
    ua.add_argument("--code", default="", help="文号 prefix, e.g. 平消")
    ua.set_defaults(handler=add_unit)
    ul = usub.add_parser("list", parents=[common], help="list units")
    ul.add_argument("--json", action="store_true")
    ul.set_defaults(handler=list_units)

    off = sub.add_parser("officer", parents=[common], help="enforcement officers (承办人)")
    osub = off.add_subparsers(dest="officer_command", metavar="ACTION", required=True)
    oa = osub.add_parser("add", parents=[common], help="add an officer")
    oa.add_argument("name")
    oa.add_argument("--unit", required=True)
    oa.add_argument("--cert", help="enforcement certificate number (执法证号)")
    oa.set_defaults(handler=add_officer)
    ol = osub.add_parser("list", parents=[common], help="list officers")
    ol.add_argument("--json", action="store_true")
    ol.set_defaults(handler=list_officers)

    st = sub.add_parser("setting", parents=[common],
                        help="a setting shared by everyone using this database (e.g. issuing_unit)")
    st.add_argument("key", choices=["issuing_unit"])
    st.add_argument("value", nargs="?", help="the new value (omit to show the current one)")
    st.set_defaults(handler=setting_cmd)

    user = sub.add_parser("user", parents=[common], help="users and their roles")
    ssub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    sa = ssub.add_parser("add", parents=[common], help="add a user")
    sa.add_argument("name")
    sa.add_argument("--role", required=True, choices=[r.value for r in Role])
    sa.add_argument("--unit")
    sa.add_argument("--officer", help="link to the officer of this name (a reviewer who is also a 承办人)")
    sa.set_defaults(handler=add_user)
    sl = ssub.add_parser("list", parents=[common], help="list users")
    sl.add_argument("--json", action="store_true")
    sl.set_defaults(handler=list_users)
    sc = ssub.add_parser("conflict", parents=[common],
                         help="declare a conflict of interest (回避) with a case or a unit (the person or a legal officer)")
    sc.add_argument("name", help="the reviewer who declares it")
    target = sc.add_mutually_exclusive_group(required=True)
    target.add_argument("--case", metavar="DOC_NO", help="the case (文号 or id)")
    target.add_argument("--unit", help="the unit (name or id)")
    sc.add_argument("--reason", required=True, help="why (kept with the declaration and in the audit trail)")
    sc.set_defaults(handler=declare_conflict)
    scl = ssub.add_parser("conflicts", parents=[common], help="list declared conflicts of interest")
    scl.add_argument("name", nargs="?", help="only this person's")
    scl.add_argument("--json", action="store_true")
    scl.set_defaults(handler=list_conflicts)
    sw = ssub.add_parser("withdraw-conflict", parents=[common],
                         help="withdraw a declared conflict (kept on record, no longer binding)")
    sw.add_argument("id", type=int, help="the declaration's id (user conflicts)")
    sw.add_argument("--reason", required=True, help="why (kept in the audit trail)")
    sw.set_defaults(handler=withdraw_conflict)
    sv = ssub.add_parser("available", parents=[common],
                         help="mark a reviewer available or not for assignments (leave, training …)")
    sv.add_argument("name")
    sv.add_argument("answer", choices=["yes", "no"])
    sv.add_argument("--reason", default="", help="why (kept in the audit trail)")
    sv.set_defaults(handler=set_available)


def setting_cmd(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        if args.value is None:
            value = ws.issuing_unit() if args.key == "issuing_unit" else ws.setting(args.key)
            print("" if value is None else value)
        else:
            ws.set_setting(args.key, args.value)
            print(f"{args.key} = {args.value}")
    return 0


def add_unit(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        u = ws.org.add_unit(args.name, UnitKind(args.kind), parent=args.parent, short_name=args.short,
                            code=args.code)
    print(f"added unit {u.name} ({label(u.kind)}), id {u.id}")
    return 0


def list_units(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        units = ws.org.units()
    names = {u.id: u.name for u in units}
    if args.json:
        print_json([u.__dict__ for u in units])
    else:
        print(table([[str(u.id), u.name, label(u.kind), names.get(u.parent_id, "") if u.parent_id else "", u.code]
                     for u in units], ["id", "单位", "类别", "上级", "文号代字"]))
    return 0


def add_officer(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        o = ws.org.add_officer(args.name, unit=args.unit, cert_no=args.cert)
    print(f"added officer {o.name} ({o.unit_name}), id {o.id}")
    return 0


def list_officers(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        officers = ws.org.officers()
    if args.json:
        print_json([o.__dict__ for o in officers])
    else:
        print(table([[str(o.id), o.name, o.unit_name, o.cert_no or ""] for o in officers],
                    ["id", "姓名", "单位", "执法证号"]))
    return 0


def add_user(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        officer_id = None
        if args.officer:
            match = [o for o in ws.org.officers() if o.name == args.officer]
            if len(match) != 1:
                from review_tool.domain.errors import UsageError

                raise UsageError(f"{len(match)} officers are named {args.officer}")
            officer_id = match[0].id
        u = ws.org.add_user(args.name, Role(args.role), unit=args.unit, officer_id=officer_id)
    print(f"added user {u.name} ({label(u.role)}), id {u.id}")
    return 0


def list_users(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        users = ws.org.users()
    if args.json:
        print_json([u.__dict__ for u in users])
    else:
        print(table([[str(u.id), u.name, label(u.role), u.unit_name, "是" if u.available else "否"] for u in users],
                    ["id", "姓名", "角色", "单位", "可参评"]))
    return 0


def declare_conflict(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        user = ws.org.user(args.name)
        case_id = ws.cases.resolve(args.case) if args.case else None
        unit_id = ws.org.unit(args.unit).id if args.unit else None
        c = ws.org.declare_conflict(user.id, case_id=case_id, unit_id=unit_id, reason=args.reason)
    print(f"{c.user_name} 申报回避：{c.doc_no or c.unit_name}（{c.reason}）")
    if c.still_assigned:
        print(f"仍分配给{c.user_name}评查、需法制员调整评查人的案卷：{'、'.join(c.still_assigned)}")
    return 0


def list_conflicts(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        user_id = ws.org.user(args.name).id if args.name else None
        rows = ws.org.conflicts(user_id)
    if args.json:
        print_json([{**c.__dict__, "declared_at": c.declared_at.isoformat(), "still_assigned": list(c.still_assigned),
                     "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None} for c in rows])
    else:
        print(table([[str(c.id), c.user_name, c.doc_no or c.unit_name, c.reason, f"{c.declared_at:%Y-%m-%d}",
                      f"已撤回（{c.withdrawn_reason}）" if c.withdrawn_at else "有效", "、".join(c.still_assigned)]
                     for c in rows], ["id", "评查人", "回避对象", "理由", "申报日期", "状态", "仍在评查（待调整）"]))
    return 0


def withdraw_conflict(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        c = ws.org.withdraw_conflict(args.id, reason=args.reason)
    print(f"{c.user_name} 撤回回避申报：{c.doc_no or c.unit_name}（{c.withdrawn_reason}）")
    return 0


def set_available(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        user = ws.org.user(args.name)
        ws.org.set_available(user.id, args.answer == "yes", reason=args.reason)
    print(f"{user.name}：{'可参评' if args.answer == 'yes' else '不参评'}")
    return 0
