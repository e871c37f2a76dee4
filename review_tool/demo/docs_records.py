"""笔录 and records: inspection records, 现场笔录, 询问笔录, 勘验, 核查, 复查, meetings, party statements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from review_tool.demo import cn
from review_tool.demo.docs_common import DrawCtx, officer_sign, party_sign, title_of
from review_tool.demo.layout import BOTTOM, LEFT, PAGE_W, TEXT_W, Line, Page, Rect, Sheet, Text
from review_tool.demo.model import DocPlan


def _footer(signer_label: str, signer: str) -> Callable[[Sheet, int], None]:
    def footer(sheet: Sheet, i: int) -> None:
        n = len(sheet.pages)
        ops = sheet.pages[i].ops
        ops.append(Text(LEFT, BOTTOM - 22, 11, f"{signer_label}（签名）：{signer}"))
        ops.append(Text(PAGE_W / 2 + 60, BOTTOM - 22, 11, f"第 {i + 1} 页  共 {n} 页"))
    return footer


def _span(doc: DocPlan) -> str:
    assert doc.start is not None and doc.end is not None
    return cn.datetime_span(doc.start, doc.end, full=doc.extra.get("fullwidth", False))


def _officer_fields(ctx: DrawCtx, s: Sheet, doc: DocPlan, first: str = "检查人", second: str = "记录人") -> None:
    a = doc.officers[0]
    b = doc.officers[1] if len(doc.officers) > 1 else a
    s.fields([(f"{first}：", f"{'、'.join(doc.officers)}", 0.45),
              ("执法证号：", "、".join(ctx.cert(n) for n in doc.officers), 0.55)])
    s.fields([(f"{second}：", b, 0.45), ("工作单位：", ctx.case.issuing.short_name if a else "", 0.55)])


_CHECK_KEYS = (("应急照明", "应急照明、疏散指示标志"), ("灭火器", "灭火器材配置"), ("消火栓", "室内消火栓系统"),
               ("喷水", "自动喷水灭火系统"), ("报警", "火灾自动报警系统"), ("安全出口", "疏散通道、安全出口"),
               ("疏散", "疏散通道、安全出口"), ("消防车通道", "消防车通道"), ("外窗", "人员密集场所门窗"),
               ("合格证", "消防安全制度、操作规程"))


def inspection_record(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    p = c.party
    s = Sheet(footer=_footer("被检查单位随同检查人员", p.witness or p.rep) if doc.extra.get("pages", 1) > 1 else None)
    title_of(ctx, doc, s)
    kind = doc.extra.get("kind", "日常")
    s.kv_table([("被检查单位", p.name), ("地址", p.address), ("法定代表人/负责人", f"{p.rep}    联系电话：{p.rep_phone}"),
                ("检查类型", f"{kind}检查"), ("检查时间", _span(doc)),
                ("检查人员", ctx.officers_with_certs(doc)), ("随同检查人员", f"{p.witness}（{p.name[-6:]}员工）")],
               label_w=0.24, size=11)
    s.gap(12)
    s.line("检查情况：", 12)
    checks = ["消防安全制度、操作规程", "消防安全检查、巡查记录", "员工消防安全培训", "消防控制室值班",
              "疏散通道、安全出口", "应急照明、疏散指示标志", "灭火器材配置", "室内消火栓系统", "自动喷水灭火系统",
              "火灾自动报警系统", "消防车通道", "电气线路敷设", "防火分隔", "人员密集场所门窗", "易燃易爆危险品管理"]
    if doc.extra.get("pages", 1) > 1:
        checks += ["建筑消防设施维护保养", "消防安全重点部位", "用火用电管理"]
    items = list(c.violation.items) if c.case_type not in ("pre_opening", "fire_investigation") else []
    found: dict[int, list[str]] = {}
    for item in list(items):
        row = next((i for i, chk in enumerate(checks) for key, target in _CHECK_KEYS
                    if key in item and target == chk), None)
        if row is not None:
            found.setdefault(row, []).append(item)
            items.remove(item)
    rows = [["序号", "检查项目", "检查结果"]]
    for i, item in enumerate(checks):
        rows.append([str(i + 1), item, "不符合：" + "；".join(found[i]) if i in found else "符合"])
    for extra in items:
        rows.append([str(len(rows)), "其他", "不符合：" + extra])
    s.table(rows, [0.08, 0.42, 0.5], size=10.5, header_rows=1, centre_cols=(0,))
    s.gap(8)
    s.para("检查人员已向被检查单位出示执法证件，告知检查依据和相关权利义务，检查过程全程使用执法记录仪记录。", size=11)
    officer_sign(s, doc.officers, doc.date, label="检查人员")
    party_sign(s, "被检查单位随同检查人员", p.witness or p.rep, doc.date)
    return s.finish()


def site_record(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    p = c.party
    s = Sheet()
    title_of(ctx, doc, s, size=22)
    s.fields([("时间：", _span(doc), 1.0)])
    s.fields([("地点：", p.address, 1.0)])
    _officer_fields(ctx, s, doc)
    s.fields([("当事人：", p.name, 0.6), ("在场人：", p.witness, 0.4)])
    s.gap(6)
    names = "、".join(doc.officers)
    if doc.extra.get("release"):
        body = (f"我们是{ctx.agency}执法人员{names}，已向当事人出示执法证件。根据当事人提出的解除临时查封申请，"
                f"依法对{p.name}进行检查。经检查，该单位已将安全出口、疏散通道内堆放的货物全部清除，疏散通道保持畅通，"
                "安全出口门可正常开启，应急照明和疏散指示标志完好有效，火灾隐患已经消除，具备解除临时查封的条件。")
    else:
        body = (f"我们是{ctx.agency}执法人员{names}，已向当事人出示执法证件，说明来意。现场检查发现："
                f"{c.violation.facts}。检查人员对现场情况进行了拍照和执法记录仪录像，并告知当事人应立即整改。")
    s.para(body)
    s.para("以上笔录已向当事人宣读，当事人确认无误。")
    s.gap(16)
    officer_sign(s, doc.officers, doc.date, label="检查人员")
    party_sign(s, "当事人", p.rep, doc.date)
    party_sign(s, "见证人", p.witness, doc.date)
    return s.finish()


def _who_am_i(party: str, is_unit: bool, witness: bool) -> str:
    if is_unit:
        return f"在{party}工作，负责日常管理" if witness else f"是{party}的法定代表人，负责单位全面工作"
    return f"是{party}的邻居，住在附近" if witness else "住在上面登记的住址"


def _qa(ctx: DrawCtx, doc: DocPlan) -> list[tuple[str, str]]:
    c = ctx.case
    p = c.party
    witness = doc.extra.get("person") in ("witness", "other")
    who = doc.extra.get("name") or (p.witness if witness else p.rep)
    insp = c.first("inspection_record")
    seen = cn.date_plain(insp.date) if insp else cn.date_plain(doc.date)
    names = "、".join(doc.officers)
    qa = [(f"我们是{ctx.agency}的执法人员{names}（出示执法证件），现依法向你询问有关情况，你应当如实回答，"
           "对与案件无关的问题，你有拒绝回答的权利。你听清楚了吗？", "听清楚了。"),
          ("执法人员与本案有直接利害关系的，你有权申请回避，你是否申请回避？", "不申请。"),
          ("请介绍一下你的基本情况。", f"我叫{who}，{_who_am_i(p.name, p.is_unit, witness)}。")]
    if c.case_type == "fire_investigation":
        alarm = c.extra.get("alarm")
        when = f"{cn.date_plain(alarm.date())}{cn.time_plain(alarm)}" if isinstance(alarm, dt.datetime) else ""
        qa += [("请你讲一下火灾发生的经过。", f"{when}左右，我闻到焦糊味，出门一看发现有浓烟冒出，就马上拨打了119报警。"),
               ("你最先发现起火的部位在哪里？", "在一楼靠东侧的位置，当时火已经烧起来了。"),
               ("起火前你看到有人在起火部位附近活动吗？", "没有看到。"),
               ("起火部位平时放置什么物品？", "放着电动自行车和一些纸箱杂物。"),
               ("你对起火原因有什么看法？", "可能是电动车充电引起的，具体我说不清楚。")]
    else:
        qa += [(f"{seen}我大队执法人员对{p.name if p.is_unit else '你'}进行消防监督检查时发现的问题，你是否清楚？",
                f"清楚，当时我在场。{c.violation.facts.replace('该单位', '我们单位')}。")]
        for item in c.violation.items:
            qa.append((f"“{item}”的情况存在多长时间了？为什么会这样？",
                       f"大概有{ctx.rng.choice(('一个星期', '半个月', '几天', '一个多月'))}了，是管理上疏忽了。"))
        qa += [("你单位的消防安全责任人和管理人是谁？", f"责任人是{p.rep}，管理人是{p.witness}。"),
               ("你单位是否定期组织防火检查、巡查？", "每月检查一次，但是记录不全。"),
               ("你是否知道上述行为违反了消防法律法规的规定？", "现在知道了，是我们管理不到位。"),
               ("发现问题后你单位是否进行了整改？", "已经安排人员整改，正在落实。")]
    if doc.extra.get("long"):
        qa += [("你单位员工是否接受过消防安全培训？", "新员工入职时培训过一次，后来没有再组织。"),
               ("你单位是否制定了灭火和应急疏散预案？是否组织过演练？", "制定了预案，去年组织过一次演练。"),
               ("你单位的消防设施是否委托了维护保养单位？", "委托了，每月来检查一次，有维保记录。"),
               ("发现火灾隐患后，谁负责组织整改？", f"由{p.witness or p.rep}负责，整改完后向我报告。"),
               ("你单位每日防火巡查由谁负责？有无记录？", "由值班保安负责，有巡查记录，但记录不完整。"),
               ("检查时执法人员是否出示了执法证件？", "出示了。"),
               ("检查时执法人员是否告知了你们的权利？", "告知了。"),
               ("你单位在此之前是否因消防违法行为受到过处罚？", "没有。")]
    qa.append(("你还有什么需要补充的吗？", "没有了，希望从轻处理。" if not witness else "没有了。"))
    qa.append(("以上笔录请你看一下，如记录有误可以更正或补充。", "以上笔录我看过，和我说的相符。"))
    return qa


def inquiry_record(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    p = c.party
    person = doc.extra.get("person")
    if person == "other":
        who, gender, age, idn = doc.extra["name"], doc.extra["gender"], doc.extra["age"], doc.extra["id"]
    elif person == "witness":
        who, gender, age, idn = p.witness, p.witness_gender, p.witness_age, p.witness_id
    else:
        who, gender, age, idn = p.rep, p.rep_gender, p.rep_age, p.rep_id
    s = Sheet(footer=_footer("被询问人", who))
    title_of(ctx, doc, s, size=22)
    s.fields([("时间：", _span(doc), 1.0)])
    s.fields([("地点：", f"{ctx.agency}询问室" if ctx.rng.random() < 0.5 else p.address, 1.0)])
    asker = doc.officers[0]
    recorder = doc.officers[1] if len(doc.officers) > 1 else asker
    s.fields([("询问人：", asker, 0.45), ("执法证号：", ctx.cert(asker), 0.55)])
    s.fields([("记录人：", recorder, 0.45), ("执法证号：", ctx.cert(recorder), 0.55)])
    s.fields([("被询问人：", who, 0.32), ("性别：", gender, 0.18), ("年龄：", str(age), 0.18), ("民族：", "汉", 0.32)])
    s.fields([("身份证号：", idn, 0.6), ("联系电话：", p.rep_phone, 0.4)])
    s.fields([("工作单位：", p.name if p.is_unit else "个体", 1.0)])
    s.fields([("住址：", p.address, 1.0)])
    s.gap(6)
    for q, a in _qa(ctx, doc):
        s.para("问：" + q, indent=False, leading=1.7)
        s.para("答：" + a, indent=False, leading=1.7)
    s.gap(10)
    s.line(f"被询问人（签名）：{who}        {cn.date_plain(doc.date)}")
    s.line(f"询问人（签名）：{'  '.join(dict.fromkeys((asker, recorder)))}")
    s.line(f"记录人（签名）：{recorder}")
    return s.finish()


def _meeting(ctx: DrawCtx, doc: DocPlan, agenda: str, opinions: list[tuple[str, str]], decision: str) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s, size=20)
    chief = c.issuing.chief
    members = [chief, ctx.org.legal_officer_for(c.unit.key).name, *c.handler_names]
    s.kv_table([("时间", _span(doc)), ("地点", f"{ctx.agency}会议室"), ("主持人", f"{chief}（大队长）"),
                ("参加人员", "、".join(members)), ("记录人", c.handler_names[1]), ("议题", agenda)],
               label_w=0.18, size=11)
    s.gap(10)
    s.para(f"{c.handler_names[0]}汇报案情：{c.violation.facts}。承办人认为事实清楚，证据确实充分。")
    for who, text in opinions:
        s.para(f"{who}：{text}")
    s.para(f"主持人{chief}总结：{decision}")
    s.gap(10)
    s.line("参加人员（签名）：" + "  ".join(members))
    s.line(f"记录人（签名）：{c.handler_names[1]}")
    return s.finish()


def collective_discussion(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    legal = ctx.org.legal_officer_for(c.unit.key).name
    if doc.extra.get("seal"):
        return _meeting(ctx, doc, f"对{c.party.name}实施临时查封", [
            (legal, "该场所火灾隐患属于可以临时查封的情形，不及时消除可能严重威胁公共安全，同意实施临时查封。"),
            (c.handler_names[1], "同意，查封范围为存在隐患的危险部位，期限不超过三十日。")],
            "经集体研究，一致同意对该单位存在火灾隐患的危险部位实施临时查封。")
    return _meeting(ctx, doc, f"{c.party.name}{c.violation.name}案处理意见", [
        (legal, f"案件经法制审核，主体合法、事实清楚、证据充分、程序合法，适用{c.violation.basis}正确。"),
        (c.handler_names[1], "当事人违法情节一般，拟处罚数额在裁量基准幅度内。")],
        f"经集体讨论，一致同意对{c.party.name}处以{cn.yuan_upper(c.fine_fen)}的处罚。")


def statement_record(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    s.fields([("时间：", _span(doc), 1.0)])
    s.fields([("地点：", f"{ctx.agency}", 1.0)])
    s.fields([("陈述申辩人：", c.party.rep, 0.5), ("单位：", c.party.name, 0.5)])
    s.fields([("记录人：", c.handler_names[1], 0.5), ("承办人：", "、".join(c.handler_names), 0.5)])
    s.gap(6)
    s.para(f"陈述申辩内容：我单位收到告知后已经对{c.violation.items[0] if c.violation.items else '问题'}等问题进行了整改，"
           "此次违法行为是初次发生，没有造成后果，请求从轻处罚。")
    s.para("承办人意见：当事人提出的陈述申辩意见已记录在案，将依法进行复核。")
    s.gap(10)
    party_sign(s, "陈述申辩人", c.party.rep, doc.date)
    officer_sign(s, doc.officers, doc.date, label="承办人")
    return s.finish()


def waiver(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s, agency=False)
    s.line(f"{ctx.agency}：", 13)
    s.para(f"我（单位）已收到你大队作出的{'临时查封告知书' if c.case_type == 'temporary_seal' else '行政处罚告知'}，"
           "对告知的事实、理由、依据及拟作出的决定无异议。经慎重考虑，我（单位）自愿放弃陈述、申辩和要求听证的权利。")
    s.para("特此声明。")
    s.gap(30)
    s.right(f"声明人（签名、盖章）：{c.party.rep}")
    s.right(cn.date_plain(doc.date))
    return s.finish()


def seal_record(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    p = c.party
    s = Sheet()
    title_of(ctx, doc, s)
    s.fields([("时间：", _span(doc), 1.0)])
    s.fields([("地点：", p.address, 1.0)])
    _officer_fields(ctx, s, doc, first="执法人员")
    s.fields([("当事人：", p.name, 0.6), ("见证人：", p.witness, 0.4)])
    decision = c.first("seal_decision")
    s.para(f"执法人员向当事人出示执法证件，宣读了{decision.doc_no if decision and decision.doc_no else ''}"
           f"临时查封决定书，告知当事人临时查封的理由、依据和期限，以及依法享有的申请行政复议或者提起行政诉讼的权利。"
           f"随后对该单位一层、二层安全出口及营业区域实施临时查封，张贴封条{ctx.rng.randint(3, 8)}张，"
           "并在场所入口处张贴临时查封决定书。实施过程全程录音录像。")
    s.gap(10)
    officer_sign(s, doc.officers, doc.date)
    party_sign(s, "当事人", p.rep, doc.date)
    party_sign(s, "见证人", p.witness, doc.date)
    return s.finish()


def scene_survey_record(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet(footer=_footer("见证人", c.party.witness))
    title_of(ctx, doc, s, size=20)
    s.kv_table([("勘验时间", _span(doc)), ("勘验地点", c.party.address),
                ("勘验人员", ctx.officers_with_certs(doc)), ("见证人", f"{c.party.witness}，身份证号：{c.party.witness_id}"),
                ("天气情况", ctx.rng.choice(("晴，东南风2级", "阴，北风3级", "小雨，无风"))),
                ("现场保护情况", "现场由辖区派出所民警和消防救援人员保护，未遭破坏")], label_w=0.2, size=11)
    s.gap(6)
    paras = [
        "勘验顺序：按照由外向内、由上到下、由表及里的顺序进行环境勘验、初步勘验、细项勘验和专项勘验。",
        f"环境勘验：起火建筑位于{c.party.address}，为三层砖混结构建筑，东侧为道路，西侧、北侧为居民住宅，南侧为空地。",
        "初步勘验：建筑一层东侧房间烧损严重，墙面烟熏痕迹呈V字形，自东向西逐渐减轻，其余房间仅有烟熏痕迹。",
        f"细项勘验：一层东侧房间内东北角处烧损最重，地面残留物中发现金属残骸，初步判断{c.violation.facts}。",
        "专项勘验：提取东北角处熔痕导线两段、电池残骸一组，拍照固定后封装送检。",
        "勘验过程全程拍照、录像，提取物品前后均已拍照固定。",
    ]
    for text in paras:
        s.para(text)
    s.gap(10)
    officer_sign(s, doc.officers, doc.date, label="勘验人员")
    party_sign(s, "见证人", c.party.witness, doc.date)
    return s.finish()


def recheck_record(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    notice = c.first("rectification_notice")
    s.kv_table([("被复查单位", c.party.name), ("地址", c.party.address), ("复查时间", _span(doc)),
                ("复查人员", ctx.officers_with_certs(doc)),
                ("责令改正通知书文号", notice.doc_no if notice and notice.doc_no else "")], label_w=0.26, size=11)
    s.gap(8)
    s.line("复查情况：")
    for i, item in enumerate(c.violation.items):
        s.para(f"{i + 1}. {item}：已改正。", indent=False)
    s.para("复查意见：经复查，该单位已按照责令限期改正通知书的要求改正全部违法行为。")
    s.gap(10)
    officer_sign(s, doc.officers, doc.date, label="复查人员")
    party_sign(s, "被复查单位负责人", c.party.rep, doc.date)
    return s.finish()


def complaint_register(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    t = doc.start or dt.datetime.combine(doc.date, dt.time(10))
    reporter = ctx.rng.choice(("匿名", "王先生", "李女士", "陈先生"))
    content = c.violation.facts.replace("该单位", "被举报单位") if c.violation.facts else c.violation.name
    rows = [("受理时间", f"{cn.date_plain(t.date())}{cn.time_plain(t)}"), ("受理方式", ctx.rng.choice(("12345热线转办", "96119电话", "来信"))),
            ("举报人", reporter), ("联系电话", cn.phone(ctx.rng)[:3] + "****" + "0571"),
            ("被举报单位及地址", f"{c.party.name}，{c.party.address}"), ("举报内容", content),
            ("受理人", c.handler_names[0]),
            ("处理意见", "属于堵塞疏散通道、安全出口的举报，24小时内组织核查。" if doc.extra.get("urgent", True)
             else "3个工作日内组织核查。"),
            ("负责人批示", f"同意。{c.issuing.chief}  {cn.date_plain(t.date())}")]
    s.kv_table(rows, label_w=0.24, size=11, min_h={5: 90})
    return s.finish()


def complaint_verification(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    s.kv_table([("核查时间", _span(doc)), ("核查地点", c.party.address), ("核查人员", ctx.officers_with_certs(doc)),
                ("被核查单位", c.party.name), ("现场负责人", c.party.rep)], label_w=0.22, size=11)
    s.gap(8)
    s.para(f"核查情况：经现场核查，举报情况属实。{c.violation.facts}。核查人员已出示执法证件，现场责令立即改正，"
           "并将依法下发责令限期改正通知书。")
    s.gap(10)
    officer_sign(s, doc.officers, doc.date, label="核查人员")
    party_sign(s, "被核查单位负责人", c.party.rep, doc.date)
    return s.finish()


def seal_release_application(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s, agency=False)
    s.line(f"{ctx.agency}：", 13)
    decision = c.first("seal_decision")
    s.para(f"我单位于{cn.date_plain(decision.date) if decision else ''}被你大队依法实施临时查封。查封后，"
           "我单位立即组织人员对火灾隐患进行整改，现已将安全出口、疏散通道内堆放的物品全部清除，火灾隐患已经消除。"
           "特申请解除临时查封，请予检查。")
    s.gap(30)
    s.right(f"申请人：{c.party.name}（盖章）")
    s.right(f"法定代表人（签名）：{c.party.rep}")
    s.right(cn.date_plain(doc.date))
    return s.finish()


def application_form(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    p = c.party
    s = Sheet()
    title_of(ctx, doc, s, agency=False, size=15)
    rng = ctx.rng
    rows = [("场所名称", p.name), ("场所地址", p.address), ("统一社会信用代码", p.credit_code),
            ("法定代表人/主要负责人", f"{p.rep}    身份证号：{p.rep_id}"), ("消防安全管理人", p.witness),
            ("联系电话", p.rep_phone), ("场所类别", p.place_kind),
            ("建筑面积", f"{rng.randrange(300, 3000, 50)}平方米，使用楼层：{rng.choice(('一层', '一至二层', '三层'))}"),
            ("申请方式", "告知承诺" if c.extra.get("promise") else "一般程序"),
            ("申请人签名", f"{p.rep}    {cn.date_plain(doc.date)}")]
    s.kv_table(rows, label_w=0.3, size=11)
    return s.finish()


def commitment(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s, agency=False, size=15)
    for text in (f"{ctx.agency}：",
                 f"本场所{c.party.name}（地址：{c.party.address}）申请投入使用、营业前消防安全检查，现作出如下承诺：",
                 "一、本场所符合消防法律法规和国家工程建设消防技术标准的要求；",
                 "二、本场所已建立消防安全管理制度，制定灭火和应急疏散预案，员工经过消防安全培训；",
                 "三、本场所消防设施、器材和消防安全标志完好有效，疏散通道、安全出口畅通；",
                 "四、如承诺内容与实际情况不符，愿意承担相应的法律责任。"):
        s.para(text, indent=not text.endswith("："))
    s.gap(30)
    s.right(f"承诺人（签名）：{c.party.rep}")
    s.right(cn.date_plain(doc.date))
    return s.finish()


def explanation_record(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    s.kv_table([("时间", _span(doc)), ("地点", f"{ctx.agency}会议室"), ("主持人", c.handler_names[0]),
                ("记录人", c.handler_names[1]), ("参加人", f"{c.party.rep}（当事人）、{c.party.witness}（证人）")],
               label_w=0.18, size=11)
    s.gap(8)
    s.para(f"主持人向参加人说明拟认定的起火原因：{c.violation.facts}，并说明认定的事实和证据。")
    s.para("当事人意见：对拟认定的起火原因没有异议。")
    s.gap(10)
    officer_sign(s, doc.officers, doc.date, label="火灾事故调查人员")
    party_sign(s, "参加人", c.party.rep, doc.date)
    return s.finish()


def hearing_record(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet(footer=_footer("当事人", c.party.rep))
    title_of(ctx, doc, s)
    legal = ctx.org.legal_officer_for(c.unit.key).name
    s.kv_table([("案由", c.violation.name), ("时间", _span(doc)), ("地点", f"{ctx.agency}听证室"),
                ("听证主持人", legal), ("记录员", "陈晓"), ("案件调查人员", "、".join(c.handler_names)),
                ("当事人", f"{c.party.name}，法定代表人{c.party.rep}")], label_w=0.2, size=11)
    s.gap(6)
    for who, text in (("主持人", "现在开始听证。核对当事人身份，告知听证纪律和当事人的权利义务。当事人是否申请回避？"),
                      ("当事人", "不申请回避。"),
                      ("调查人员", f"陈述案件事实、证据和处罚建议：{c.violation.facts}，建议罚款{cn.yuan_plain(c.fine_fen)}。"),
                      ("当事人", "对事实没有异议，但认为罚款数额过高，我单位已经整改完毕，请求从轻处罚。"),
                      ("调查人员", "当事人违法情节属一般，处罚建议在裁量基准规定的幅度内。"),
                      ("主持人", "听证结束，请当事人核对笔录后签名。")):
        s.para(f"{who}：{text}", indent=False)
    s.gap(10)
    s.line(f"听证主持人（签名）：{legal}    记录员（签名）：陈晓")
    party_sign(s, "当事人", c.party.rep, doc.date)
    return s.finish()


def site_plan(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    s = Sheet()
    title_of(ctx, doc, s, agency=False, size=18)
    rng = ctx.rng
    top = s.y - 10
    w, h = TEXT_W, 480
    s.ops.append(Rect(LEFT, top - h, w, h, stroke=2))
    x = LEFT
    rooms = ["大厅", "包厢", "厨房", "收银台", "卫生间", "仓库", "办公室"]
    rng.shuffle(rooms)
    cols = 3
    cw = w / cols
    for i in range(cols * 2):
        rx, ry = LEFT + (i % cols) * cw, top - h + (i // cols) * h / 2
        s.ops.append(Rect(rx, ry, cw, h / 2, stroke=1))
        s.ops.append(Text(rx + cw / 2 - 20, ry + h / 4, 12, rooms[i % len(rooms)]))
    s.ops.append(Line(x + 10, top - h - 1, x + 60, top - h - 1, 5))
    s.ops.append(Text(x + 10, top - h - 18, 10, "安全出口1"))
    s.ops.append(Line(x + w - 60, top - 1, x + w - 10, top - 1, 5))
    s.ops.append(Text(x + w - 60, top + 6, 10, "安全出口2"))
    s.y = top - h - 40
    s.line("图例：▲灭火器  ■室内消火栓  →疏散方向  ▬安全出口", 11)
    s.line(f"绘制单位：{ctx.case.party.name}    绘制日期：{cn.date_plain(doc.date)}", 11)
    return s.finish()


def scene_drawing(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    s = Sheet()
    title_of(ctx, doc, s, size=18)
    top = s.y - 10
    s.ops.append(Rect(LEFT + 40, top - 380, TEXT_W - 80, 380, stroke=1.5))
    s.ops.append(Rect(LEFT + 60, top - 200, 160, 160, fill=0.55, stroke=1))
    s.ops.append(Text(LEFT + 100, top - 215, 11, "起火部位"))
    s.ops.append(Text(LEFT + 260, top - 120, 11, "北 ↑"))
    s.y = top - 410
    s.line(f"绘图人：{ctx.case.handler_names[0]}    审核人：{ctx.case.handler_names[1]}    "
           f"绘图时间：{cn.date_plain(doc.date)}", 11)
    return s.finish()


def authorisation(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    p = c.party
    s = Sheet()
    title_of(ctx, doc, s, agency=False)
    s.fields([("委托人：", p.name, 0.6), ("法定代表人：", p.rep, 0.4)])
    s.fields([("受托人：", p.witness, 0.4), ("身份证号：", p.witness_id, 0.6)])
    s.gap(8)
    s.para(f"现委托{p.witness}作为我单位的代理人，在{ctx.agency}办理{c.violation.name}一案过程中，代为接受询问、"
           "签收法律文书、陈述申辩。委托期限自签字之日起至案件办结之日止。")
    s.gap(30)
    s.right(f"委托人（盖章）：{p.name}")
    s.right(f"法定代表人（签名）：{p.rep}")
    s.right(cn.date_plain(doc.date))
    return s.finish()


def witness_statement(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s, agency=False)
    who = doc.extra.get("name") or c.party.witness
    s.para(f"本人{who}，在{c.party.name}工作。{cn.date_plain(c.opened_on)}消防救援机构检查时我在现场，"
           f"{c.violation.facts.replace('该单位', '我们单位')}。以上情况属实。")
    s.gap(30)
    s.right(f"证明人（签名）：{who}")
    s.right(cn.date_plain(doc.date))
    return s.finish()
