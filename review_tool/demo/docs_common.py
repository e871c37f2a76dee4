"""Drawing context and the documents every kind of case file shares: cover, contents, photos, identity
papers, evidence lists, 送达回证, receipts, 备考表."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from review_tool.demo import cn
from review_tool.demo.catalog import CASE_TYPES, TITLES
from review_tool.demo.layout import LEFT, PAGE_W, TEXT_W, Page, Rect, Seal, Sheet, Text
from review_tool.demo.model import CasePlan, DocPlan, RecordingPlan
from review_tool.demo.org import Org


@dataclass
class DrawCtx:
    org: Org
    case: CasePlan
    rng: random.Random
    # filled by the assembler for the cover and the contents list
    entries: list[tuple[DocPlan, str]] = field(default_factory=list)  # (document, archival pages "3-5")
    total_pages: int = 0
    body_pages: int = 0  # pages with an archival number
    volume: str = ""  # "" (one file), "正卷" or "副卷"

    @property
    def agency(self) -> str:
        return self.case.issuing.agency

    def issued_date(self, d: dt.date) -> str:
        return cn.date_styled(d, self.case.date_style)

    def amount(self, fen: int | None = None) -> str:
        return cn.amount_styled(self.case.fine_fen if fen is None else fen, self.case.amount_style)

    def cert(self, name: str) -> str:
        return self.org.officer(name).cert_no

    def officers_with_certs(self, doc: DocPlan) -> str:
        return "、".join(f"{n}（执法证号：{self.cert(n)}）" for n in doc.officers)

    def party_line(self) -> str:
        p = self.case.party
        return f"{p.name}（法定代表人：{p.rep}）" if p.is_unit else p.name


Drawer = Callable[[DrawCtx, DocPlan], list[Page]]


def title_of(ctx: DrawCtx, doc: DocPlan, sheet: Sheet, *, agency: bool = True, size: float = 20) -> None:
    """Agency line (optional), title, 文号."""
    if agency:
        sheet.header(ctx.agency, doc.title, doc.doc_no, spaced_title=doc.spaced, title_size=size)
    else:
        sheet.centred(doc.title, size, space=size * 0.45 if doc.spaced else 0, after=0.9)
        sheet.gap(10)


def party_sign(sheet: Sheet, label: str, name: str, date: dt.date, *, x: float = LEFT) -> None:
    sheet.line(f"{label}（签名）：{name}        {cn.date_plain(date)}", x=x)


def officer_sign(sheet: Sheet, names: tuple[str, ...], date: dt.date | None = None, label: str = "执法人员") -> None:
    text = f"{label}（签名）：{'  '.join(names)}"
    if date:
        text += f"        {cn.date_plain(date)}"
    sheet.line(text)


# -- cover, contents, remarks -------------------------------------------------------------------------


def cover(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    s.ops.append(Rect(LEFT - 18, 60, TEXT_W + 36, 722, stroke=1.6))
    s.gap(40)
    s.centred(ctx.agency, 18, after=2.2)
    s.centred(doc.title, 30, space=10, after=1.2)
    if ctx.volume:
        s.centred(f"（{ctx.volume}）", 18, after=2)
    s.gap(50)
    closed = c.closed_on
    result = {"penalty_general": f"罚款{cn.yuan_plain(c.fine_fen)}" if c.fine_fen else "警告",
              "penalty_simple": f"当场罚款{cn.yuan_plain(c.fine_fen)}" if c.fine_fen else "警告",
              "three_stops": f"责令停产停业，罚款{cn.yuan_plain(c.fine_fen)}",
              "temporary_seal": "临时查封，已解除", "inspection": "责令限期改正，复查合格",
              "complaint": "核查属实，责令改正，已告知举报人", "pre_opening": "检查合格，准予投入使用、营业",
              "fire_investigation": "作出火灾事故认定"}[c.case_type]
    rows = [("案    由", c.violation.name or CASE_TYPES[c.case_type][0]), ("当 事 人", c.party.name),
            ("文    号", c.doc_no), ("承办单位", c.unit.name), ("承 办 人", "  ".join(c.handler_names)),
            ("立案日期", cn.date_plain(c.opened_on)), ("结案日期", cn.date_plain(closed)),
            ("处理结果", result), ("本卷页数", f"本卷共 {ctx.total_pages} 页"), ("保管期限", "长期")]
    for label, value in rows:
        s.fields([(label + "：", value, 1.0)], size=13.5, leading=2.6)
    s.gap(40)
    s.fields([("全宗号：", "J047", 0.33), ("目录号：", "4", 0.33), ("案卷号：", f"{c.closed_on.year}-{c.index + 1:03d}",
                                                                      0.34)], size=12)
    return s.finish()


CONTENTS_ROWS_PER_PAGE = 22


def contents(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    s = Sheet()
    s.centred(doc.title, 20, space=6, after=1.2)
    header = ["序号", "文号", "责任者", "题名", "日期", "页号", "备注"]
    widths = [0.06, 0.28, 0.12, 0.27, 0.13, 0.08, 0.06]
    rows: list[list[str]] = []
    for i, (d, pages) in enumerate(ctx.entries):
        who = ctx.case.party.name[:6] if d.code in ("identity_proof", "seal_release_application",
                                                   "application_form", "commitment") else ctx.case.issuing.short_name
        rows.append([str(i + 1), d.doc_no or "", who, "".join(d.title.split()), f"{d.date:%Y%m%d}", pages, ""])
    for start in range(0, max(1, len(rows)), CONTENTS_ROWS_PER_PAGE):
        if start:
            s.new_page()
            s.centred(f"{doc.title}（续）", 16, after=1.2)
        s.table([header] + rows[start:start + CONTENTS_ROWS_PER_PAGE], widths, size=9, header_rows=1,
                min_h=[22] + [26] * CONTENTS_ROWS_PER_PAGE, centre_cols=(0, 4, 5))
    return s.finish()


def filing_remarks(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    s.centred(doc.title, 20, space=8, after=1.5)
    body = (f"本卷共有文件材料{len(ctx.entries)}件，共{ctx.body_pages}页，其中文字材料若干页，"
            f"照片{sum(d.extra.get('sheets', 0) for d in c.docs) * 2}张。案卷材料齐全，排列有序，"
            "执法记录仪音像资料已上传至执法记录仪管理平台。")
    s.kv_table([("说明", body)], label_w=0.15, size=11, min_h={0: 380})
    s.gap(30)
    s.fields([("立卷人：", c.handler_names[0], 0.5), ("立卷时间：", cn.date_plain(doc.date), 0.5)])
    s.fields([("检查人：", c.issuing.chief or ctx.org.legal_officer_for(c.unit.key).name, 0.5),
              ("检查时间：", cn.date_plain(doc.date), 0.5)])
    return s.finish()


# -- evidence ---------------------------------------------------------------------------------------


def photo_sheet(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    rng = ctx.rng
    captions = {"scene": c.violation.captions, "seal": ("张贴封条的安全出口", "临时查封决定书张贴情况"),
                "recheck": tuple(f"{x}已整改" for x in c.violation.captions[:2]) or ("整改后情况",),
                "fire": ("火灾现场全景", "起火部位", "烧损情况", "起火点残留物")}[doc.extra.get("what", "scene")]
    sheets = doc.extra.get("sheets", 1)

    def footer(sheet: Sheet, i: int) -> None:
        if sheets > 1:
            sheet.pages[i].ops.append(Text(PAGE_W / 2 - 30, 52, 10.5, f"第 {i + 1} 页  共 {sheets} 页"))

    s = Sheet(footer=footer)
    taken = dt.datetime.combine(doc.date, dt.time(rng.randrange(9, 16), rng.randrange(60)))
    n = 0
    for sheet_no in range(sheets):
        if sheet_no:
            s.new_page()
        s.centred(doc.title, 18, after=1.0)
        for _ in range(2):
            cap = captions[n % len(captions)] if captions else "现场情况"
            n += 1
            s.photo(230, [f"照片{n}：{cap}",
                          f"拍摄时间：{cn.date_plain(taken.date())}{cn.time_plain(taken)}    拍摄地点：{c.party.address}",
                          f"拍摄人：{c.handler_names[n % 2]}    见证人：{c.party.witness or c.party.rep}"], rng)
            taken += dt.timedelta(minutes=rng.randrange(1, 6))
        s.line(f"当事人（签名）：{c.party.rep}", x=LEFT + 250)
    return s.finish()


def identity_proof(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    p = ctx.case.party
    s = Sheet()
    s.centred(doc.title, 18, after=1.2)
    x0, w = LEFT + 20, TEXT_W - 40
    if p.is_unit:
        top = s.y - 10
        s.ops.append(Rect(x0, top - 400, w, 400, fill=0.95, stroke=1.2))
        s.text_at(PAGE_W / 2, top - 50, "营 业 执 照", 24, align="c")
        s.text_at(PAGE_W / 2, top - 72, "（副    本）", 12, align="c")
        y = top - 110
        for label, value in (("统一社会信用代码", p.credit_code), ("名称", p.name), ("类型", "有限责任公司（自然人投资或控股）"),
                             ("法定代表人", p.rep), ("经营范围", f"{p.place_short}经营；一般经营项目"),
                             ("注册资本", f"{ctx.rng.choice((50, 100, 200, 500))}万元人民币"),
                             ("成立日期", cn.date_plain(dt.date(ctx.rng.randint(2008, 2021), ctx.rng.randint(1, 12),
                                                              ctx.rng.randint(1, 28)))), ("住所", p.address)):
            s.ops.append(Text(x0 + 30, y, 11, f"{label}    {value}"))
            y -= 28
        s.ops.append(Seal(x0 + w - 80, top - 340, 90, f"{ctx.org.city}市场监督管理局"))
        s.y = top - 430
        s.line("此复印件与原件核对无误。", x=LEFT + 20)
    else:
        for side in ("front", "back"):
            top = s.y - 10
            s.ops.append(Rect(x0 + 40, top - 190, w - 80, 190, fill=0.93, stroke=1))
            if side == "front":
                lines = [f"姓名  {p.rep}", f"性别  {p.rep_gender}    民族  汉", f"出生  {p.rep_id[6:10]}年"
                         f"{int(p.rep_id[10:12])}月{int(p.rep_id[12:14])}日", f"住址  {p.address}",
                         f"公民身份号码  {p.rep_id}"]
                s.ops.append(Rect(x0 + w - 160, top - 150, 90, 110, fill=0.7, stroke=0))
            else:
                lines = ["中华人民共和国", "居民身份证", f"签发机关  {ctx.org.city}公安局",
                         "有效期限  2016.03.12-2036.03.12"]
            y = top - 34
            for ln in lines:
                s.ops.append(Text(x0 + 60, y, 11, ln))
                y -= 28
            s.y = top - 210
        s.line("此复印件与原件核对无误。", x=LEFT + 20)
    s.line(f"提供人（签名）：{p.rep}        {cn.date_plain(doc.date)}", x=LEFT + 20)
    return s.finish()


def evidence_list(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    s = Sheet()
    title_of(ctx, doc, s)
    rows = [["序号", "证据名称", "证据种类", "证明对象"]]
    kinds = {"inspection_record": ("书证", "发现违法行为的时间、地点及情形"), "site_record": ("现场笔录", "现场违法事实"),
             "inquiry_record": ("当事人陈述", "违法事实及情节"), "photo_sheet": ("书证（照片）", "违法行为现场情况"),
             "identity_proof": ("书证", "当事人主体资格"), "av_evidence_list": ("视听资料", "执法过程及现场情况")}
    for d in ctx.case.docs:
        if d.code in kinds and d is not doc:
            rows.append([str(len(rows)), "".join(d.title.split()), *kinds[d.code]])
    s.table(rows, [0.08, 0.34, 0.18, 0.40], header_rows=1, centre_cols=(0,))
    s.gap(20)
    officer_sign(s, ctx.case.handler_names, doc.date, label="制作人")
    return s.finish()


def av_evidence_list(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    s = Sheet()
    title_of(ctx, doc, s)
    recs: list[RecordingPlan] = ctx.case.recordings
    rows = [["序号", "文件名称", "录制设备", "录制人", "开始时间", "时长", "证明对象"]]
    steps = {"inspection": "现场检查", "inquiry": "询问过程", "seal": "临时查封", "service": "留置送达",
             "scene_survey": "现场勘验", "verification": "核查/复查", "hearing": "听证"}
    for r in recs:
        rows.append([str(len(rows)), r.name.rsplit("/", 1)[-1], r.device, r.officer,
                     f"{r.start:%Y-%m-%d %H:%M:%S}", f"{int(r.seconds)}秒", steps.get(r.step, r.step)])
    if len(rows) == 1:
        rows.append(["1", "（无）", "", "", "", "", ""])
    s.table(rows, [0.06, 0.28, 0.14, 0.1, 0.2, 0.08, 0.14], size=9, header_rows=1, centre_cols=(0, 5))
    s.gap(10)
    s.para("上述音像资料为执法记录仪拍摄的原始文件，制作方法为执法记录仪现场录制，原始文件已上传至执法记录仪"
           "管理平台存储，未经剪辑。", size=11)
    s.gap(10)
    officer_sign(s, ctx.case.handler_names[:1], doc.date, label="制作人")
    return s.finish()


# -- service and payment ----------------------------------------------------------------------------


def service_receipt(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    served = doc.extra.get("served", "")
    no = doc.extra.get("served_no") or ""
    mode = doc.extra.get("mode", "直接送达")
    t = doc.start or dt.datetime.combine(doc.date, dt.time(10, 0))
    receiver = c.party.rep
    sign = receiver if mode != "留置送达" else "（拒绝签收）"
    rows = [("送达文书名称及文号", f"{served} {no}".strip()), ("受送达人", c.party.name),
            ("送达地点", c.party.address), ("送达时间", f"{cn.date_plain(t.date())}{cn.time_plain(t)}"),
            ("送达方式", mode), ("受送达人签名或盖章", f"{sign}\n{cn.date_plain(t.date())}"),
            ("代收人及代收理由", "/"), ("送达人", "  ".join(doc.officers)),
            ("见证人", c.party.witness + "（该单位员工）" if mode == "留置送达" else "/"),
            ("备注", "受送达人拒绝签收，已将文书留置于其经营场所，并全程录音录像。" if mode == "留置送达" else "")]
    s.kv_table(rows, label_w=0.3, size=11.5, min_h={0: 50, 5: 70, 9: 80})
    s.seal_block(ctx.agency, ctx.issued_date(doc.date))
    return s.finish()


def fine_receipt(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    s.centred("平安省财政厅", 15, after=0.6)
    s.centred(doc.title, 18, after=1.2)
    s.right(f"票据号码：No.{3300000000 + ctx.rng.randrange(10**7)}", 10)
    rows = [["缴款人", c.party.name, "缴款日期", cn.date_plain(doc.date)],
            ["执收单位", c.issuing.agency, "收款银行", "中国农业银行平安分行"],
            ["项目名称", "消防罚没收入", "金额", cn.yuan_plain(c.fine_fen)],
            ["金额（大写）", cn.yuan_upper(c.fine_fen), "决定书文号", c.doc_no]]
    s.table(rows, [0.17, 0.38, 0.17, 0.28], size=10.5, min_h=[34] * 4, centre_cols=(0, 2))
    s.gap(20)
    s.gap(30)
    s.line("收款单位（盖章）：                      经办人：赵敏", 11)
    s.ops.append(Seal(LEFT + 150, s.y + 8, 80, "中国农业银行平安分行", "业务专用章"))
    return s.finish()


def stub(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    """A generic one-page document (used where nothing more specific is drawn)."""
    s = Sheet()
    title_of(ctx, doc, s)
    s.para(f"{ctx.case.party.name}：{TITLES[doc.code][0]}。")
    s.seal_block(ctx.agency, ctx.issued_date(doc.date))
    return s.finish()
