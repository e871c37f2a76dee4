"""`review-tool checklists validate|list|path`."""

from __future__ import annotations

import argparse
from pathlib import Path

from review_tool.cli.common import opt, print_json, table


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cl = sub.add_parser("checklists", parents=[common], help="review standards and rule files")
    csub = cl.add_subparsers(dest="cl_command", metavar="ACTION", required=True)
    v = csub.add_parser("validate", parents=[common],
                        help="check rule files; report every problem with file, line and field")
    v.add_argument("files", nargs="*", type=Path, help="only report problems of these files (default: all)")
    v.add_argument("--json", action="store_true")
    v.set_defaults(handler=validate)
    ls = csub.add_parser("list", parents=[common], help="list the checklists and their versions")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=list_checklists)
    p = csub.add_parser("path", parents=[common], help="where the rules are read from, and where your own copies go")
    p.set_defaults(handler=path)


def _load(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from review_tool.paths import checklists_dir, user_rules_dir
    from review_tool.rules.loader import load_rules

    rules = opt(args, "rules")
    if rules:
        return load_rules(Path(rules))
    return load_rules(checklists_dir(), overlay=user_rules_dir())


def validate(args: argparse.Namespace) -> int:
    from review_tool.rules.loader import RuleProblem, check_extra_checklist, load_rules

    problems: list[RuleProblem] = []
    if not args.files:
        problems = list(_load(args).problems)
    for f in (f.resolve() for f in args.files):
        if not f.is_file():
            problems.append(RuleProblem(f, None, "", "no such file"))
            continue
        root = next((d for d in (f.parent, f.parent.parent) if (d / "case_types.yaml").is_file()), None)
        if root is not None:  # a file of a rules folder: validate it in that folder's context
            problems += [p for p in load_rules(root).problems if p.file.resolve() == f]
        else:  # a checklist kept elsewhere: validate it against the rules in use
            problems += check_extra_checklist(f, _load(args))
    if args.json:
        print_json([{"file": str(p.file), "line": p.line, "field": p.field, "message": p.message}
                    for p in problems])
    else:
        for p in problems:
            print(p)
        print(f"{len(problems)} problem(s)" if problems else "all rule files are valid")
    return 1 if problems else 0


def list_checklists(args: argparse.Namespace) -> int:
    rs = _load(args)
    rows = []
    for case_type, versions in rs.checklists.items():
        for c in versions:
            rows.append({"case_type": case_type, "case_type_name": rs.case_type_name(case_type), "id": c.id,
                         "version": c.version, "effective_from": c.effective_from,
                         "effective_until": c.effective_until, "items": len(c.items()),
                         "file": rs.checklist_files.get((c.id, c.version))})
    if args.json:
        print_json(rows)
    else:
        print(table([[r["case_type_name"], r["version"], str(r["effective_from"]), str(r["effective_until"] or ""),
                      str(r["items"]), str(r["file"])] for r in rows],
                    ["案件类型", "版本", "生效日期", "截止日期", "评查项", "文件"]))
        for p in rs.problems:
            print(f"! {p}")
    return 1 if rs.problems else 0


def path(args: argparse.Namespace) -> int:
    from review_tool.paths import checklists_dir, user_rules_dir

    print(f"bundled rules: {opt(args, 'rules') or checklists_dir()}")
    print(f"your own copies (replace bundled files of the same name): {user_rules_dir()}")
    return 0
