"""`review-tool case list|show` and `review-tool import`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from review_tool.cli.common import ProgressBar, money, open_workspace, print_json, table, yuan
from review_tool.domain.enums import label
from review_tool.domain.timeutil import fmt_china


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    imp = sub.add_parser("import", parents=[common],
                         help="import case files: PDFs, case folders, or a month's folder of case folders")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--register", type=Path, metavar="FILE", help="case register (案件台账) .xlsx or .csv")
    imp.add_argument("--password", metavar="PW", help="password for encrypted PDFs")
    imp.add_argument("--workers", type=int, default=None, help="worker processes (default: CPU cores)")
    imp.add_argument("--replace-changed", action="store_true",
                     help="re-import files whose content changed since they were imported (default: report them)")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=import_cmd)

    case = sub.add_parser("case", parents=[common], help="cases: list, show")
    csub = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    ls = csub.add_parser("list", parents=[common], help="list cases")
    ls.add_argument("--json", action="store_true")
    ls.add_argument("--type", dest="case_type", metavar="CODE", help="only this case type (e.g. penalty_general)")
    ls.add_argument("--round", metavar="YYYY-MM", help="only the cases of this month's round")
    ls.set_defaults(handler=list_cases)
    show = csub.add_parser("show", parents=[common], help="show a case: documents, fields, recordings")
    show.add_argument("case", metavar="CASE", help="文号 (any bracket style), part of it, or the case id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_case)


def import_cmd(args: argparse.Namespace) -> int:
    from review_tool.ingest.results import ImportStatus

    with open_workspace(args) as ws:
        bar = ProgressBar("导入")
        report = ws.imports.import_paths(args.paths, register=args.register, password=args.password,
                                         workers=args.workers, progress=bar,
                                         replace_changed=args.replace_changed)
    if args.json:
        print_json(report.to_json())
    else:
        rows = [[i.status_label, i.path_display, i.doc_no or "", str(i.documents) if i.documents is not None else "",
                 i.message] for i in report.items]
        print(table(rows, ["状态", "文件", "案件", "文书数", "说明"]))
        for note in report.notes:
            print(f"• {note}")
        print(report.summary_line())
    return 0 if all(i.status is not ImportStatus.FAILED for i in report.items) and not report.register_failed else 1


def list_cases(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        round_id = ws.rounds.resolve(args.round) if args.round else None
        rows = ws.cases.list_cases(round_id=round_id, case_type=args.case_type, reviewer_id=ws.user_id)
    if args.json:
        print_json([{
            "id": r.id, "doc_no": r.doc_no, "case_type": r.case_type, "case_type_name": r.case_type_name,
            "unit": r.unit_name, "handlers": r.handlers, "party": r.party, "status": r.status,
            "opened_on": r.opened_on, "closed_on": r.closed_on, "fine": money(r.fine_fen), "pages": r.pages,
            "recordings": r.recordings, "score": r.score, "grade": r.grade, "file_problem": r.file_problem,
        } for r in rows])
        return 0
    print(table([[r.doc_no, r.case_type_name, r.unit_name, "、".join(r.handlers), r.party,
                  str(r.closed_on or ""), yuan(r.fine_fen), str(r.pages), label(r.status),
                  "" if r.score is None else str(r.score)] for r in rows],
                ["文号", "案件类型", "承办单位", "承办人", "当事人", "结案日期", "罚款", "页数", "状态", "得分"]))
    print(f"共 {len(rows)} 件")
    return 0


def case_json(d: Any, ws: Any) -> dict[str, Any]:
    r = d.row
    return {
        "id": r.id, "doc_no": r.doc_no, "case_type": r.case_type, "case_type_name": r.case_type_name,
        "unit": r.unit_name, "handlers": r.handlers, "party": r.party, "status": r.status,
        "opened_on": r.opened_on, "closed_on": r.closed_on, "fine": money(r.fine_fen), "folder": d.folder,
        "files": [{
            "id": f.id, "path": f.relpath, "sha256": f.sha256, "pages": f.pages, "status": f.status,
            "has_bookmarks": f.has_outline, "pages_without_text": f.textless_pages,
            "documents": [{"type": x.doc_type, "title": x.type_title, "found_title": x.title,
                           "first_page": x.first_page, "last_page": x.last_page, "source": x.source}
                          for x in f.documents],
        } for f in d.files],
        "fields": [{"name": f.name, "title": f.title, "value": _field_value_json(f), "raw": f.raw, "page": f.page,
                    "file_id": f.file_id, "source": f.source} for f in d.fields],
        "disagreements": [{"field": x.name, "values": [{"source": v.source, "value": _field_value_json(v),
                                                        "page": v.page} for v in x.values]}
                          for x in d.disagreements],
        "recordings": [{"id": x.id, "path": x.relpath, "sha256": x.sha256, "duration_ms": x.duration_ms,
                        "started_at": x.started_at, "start_source": x.start_source, "step": x.step,
                        "error": x.error, "status": x.status} for x in d.recordings],
    }


def _field_value_json(f: Any) -> Any:
    if f.name.endswith("_fen"):
        try:
            return money(int(f.value))
        except ValueError:
            return f.value
    return f.value


SOURCE_LABELS = {"pdf": "卷宗", "register": "台账", "metadata": "案件信息文件", "manual": "人工", "folder": "文件夹名",
                 "file_name": "文件名"}


def show_case(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        case_id = ws.cases.resolve(args.case)
        d = ws.cases.get(case_id)
        if args.json:
            print_json(case_json(d, ws))
            return 0
        r = d.row
        print(f"{r.doc_no}  {r.case_type_name}")
        print(f"承办单位：{r.unit_name}  承办人：{'、'.join(r.handlers)}  当事人：{r.party}")
        print(f"立案：{r.opened_on or '—'}  结案：{r.closed_on or '—'}  罚款：{yuan(r.fine_fen) or '—'}  "
              f"状态：{label(r.status)}")
        print(f"案卷目录：{d.folder or '—'}")
        for f in d.files:
            flag = "" if f.status.value == "ok" else f"  [{label(f.status)}]"
            print(f"\n文件 {f.relpath}（{f.pages} 页，{'有书签' if f.has_outline else '无书签'}）{flag}")
            print(f"  sha256 {f.sha256}")
            if f.textless_pages:
                print(f"  无文字层的页（需人工编目）：{_ranges(f.textless_pages)}")
            print(table([[x.type_title, f"{x.first_page}–{x.last_page}", label(x.source),
                          x.title if x.title and x.title != x.type_title else ""] for x in f.documents],
                        ["文书", "页码", "来源", "原标题"]))
        if d.fields:
            print("\n提取的信息")
            print(table([[x.title or x.name, _display(x, ws), str(x.page or ""), SOURCE_LABELS.get(x.source, x.source)]
                         for x in d.fields], ["项目", "值", "页", "来源"]))
        titles = {x.name: x.title for x in d.fields}
        for x in d.disagreements:
            vals = "；".join(f"{SOURCE_LABELS.get(v.source, v.source)}：{_display(v, ws)}"
                            + (f"（第{v.page}页）" if v.page else "") for v in x.values)
            print(f"! {titles.get(x.name) or x.name}不一致：{vals}")
        if d.recordings:
            print("\n音像记录")
            print(table([[x.relpath, _duration(x.duration_ms), fmt_china(x.started_at), x.start_source or "", x.step_name, x.error or label(x.status)]
                         for x in d.recordings], ["文件", "时长", "开始时间", "时间来源", "环节", "状态"]))
    return 0


def _display(f: Any, ws: Any) -> str:
    if f.name == "case_type":
        return str(ws.rules.case_type_name(f.value))
    if f.name.endswith("_fen"):
        try:
            return yuan(int(f.value))
        except ValueError:
            return f.value
    return f.value


def _duration(ms: int | None) -> str:
    if ms is None:
        return "—"
    s = ms // 1000
    return f"{s // 3600:d}:{s // 60 % 60:02d}:{s % 60:02d}"


def _ranges(pages: tuple[int, ...]) -> str:
    out: list[str] = []
    start = prev = None
    for p in sorted(pages):
        if start is None:
            start = prev = p
        elif p == (prev or 0) + 1:
            prev = p
        else:
            out.append(f"{start}" if start == prev else f"{start}–{prev}")
            start = prev = p
    if start is not None:
        out.append(f"{start}" if start == prev else f"{start}–{prev}")
    return "、".join(out)
