"""Approvals, reports, notices and decisions: the documents the agency issues or signs off."""

from __future__ import annotations

import datetime as dt

from review_tool.demo import cn
from review_tool.demo.docs_common import DrawCtx, officer_sign, title_of
from review_tool.demo.layout import Page, Sheet
from review_tool.demo.model import DocPlan

LAW = "《中华人民共和国消防法》"


def _tier(ctx: DrawCtx) -> str:
    v = ctx.case.violation
    if not v.fine_max_fen or v.fine_max_fen <= v.fine_min_fen:
        return "一般"
    share = (ctx.case.fine_fen - v.fine_min_fen) / (v.fine_max_fen - v.fine_min_fen)
    return "较轻" if share < 0.3 else "一般" if share < 0.7 else "严重"


def _approval(who: str, opinion: str, d: dt.date) -> str:
    return f"{opinion}\n签名：{who}        {cn.date_plain(d)}"


def filing_approval(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    p = c.party
    s = Sheet()
    title_of(ctx, doc, s)
    source = ("举报投诉" if c.first("complaint_register") else "移送" if c.first("transfer_letter")
              else "监督检查中发现")
    rows = [("案件来源", source), ("案由", f"涉嫌{c.violation.name}"),
            ("当事人", f"{p.name}\n地址：{p.address}\n" + (f"法定代表人：{p.rep}  统一社会信用代码：{p.credit_code}"
                                                     if p.is_unit else f"身份证号：{p.rep_id}")),
            ("简要案情", f"{cn.date_plain(doc.date)}，我大队执法人员在对{p.name}进行检查时发现，{c.violation.facts}，"
                     f"涉嫌违反{c.violation.violated}的规定。"),
            ("承办人意见", _approval("  ".join(c.handler_names), "建议立案调查。", doc.date)),
            ("承办部门意见", _approval(c.handler_names[0], "同意立案，由承办人负责调查。", doc.date)),
            ("负责人审批意见", _approval(c.issuing.chief, "同意立案。", doc.date))]
    s.kv_table(rows, label_w=0.2, size=11, min_h={3: 110, 4: 60, 5: 60, 6: 60})
    return s.finish()


def fire_filing(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    alarm = doc.start or dt.datetime.combine(doc.date, dt.time(12))
    rows = [("报警时间", f"{cn.date_plain(alarm.date())}{cn.time_plain(alarm)}"), ("起火地点", c.party.address),
            ("起火单位/户主", c.party.name), ("伤亡情况", "无人员伤亡"),
            ("火灾概况", f"{cn.date_plain(alarm.date())}{cn.time_plain(alarm)}，指挥中心接警称{c.party.address}发生火灾，"
                     "辖区消防救援站出动扑救，过火面积约20平方米。"),
            ("调查人员", "、".join(c.handler_names)), ("负责人意见", _approval(c.issuing.chief, "同意立案调查。", doc.date))]
    s.kv_table(rows, label_w=0.22, size=11, min_h={4: 90, 6: 60})
    return s.finish()


def transfer_letter(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    sender = f"{c.issuing.agency[:-6]}应急管理局" if c.issuing.agency.endswith("消防救援大队") else "临江县应急管理局"
    s.header(sender, doc.title, f"应急移字〔{doc.date.year}〕第{ctx.rng.randint(3, 40):03d}号")
    s.line(f"{ctx.agency}：", 13)
    s.para(f"我局在安全生产检查中发现{c.party.name}（地址：{c.party.address}）存在{c.violation.name}的情况，"
           f"涉嫌违反{LAW}的有关规定，属于你单位管辖。根据有关规定，现将该案件移送你单位依法处理。")
    s.para("附件：现场检查记录复印件1份、照片2张。")
    s.seal_block(sender, cn.date_plain(doc.date))
    return s.finish()


def investigation_report(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    p = c.party
    s = Sheet()
    title_of(ctx, doc, s)
    inq = [d for d in c.docs if d.code == "inquiry_record"]
    for head, text in (
        ("一、案件来源", f"{cn.date_plain(c.opened_on)}，我大队在消防监督检查中发现{p.name}涉嫌{c.violation.name}，经批准立案调查。"),
        ("二、当事人基本情况", f"{p.name}，地址：{p.address}，" + (f"法定代表人：{p.rep}，统一社会信用代码：{p.credit_code}。"
                                                           if p.is_unit else f"身份证号：{p.rep_id}。")),
        ("三、违法事实", f"经查，{c.violation.facts}。"),
        ("四、证据", f"消防监督检查记录、询问笔录{len(inq)}份、现场照片、当事人身份证明、执法记录仪视频等。"),
        ("五、法律依据", f"当事人的行为违反了{c.violation.violated}的规定，依据{c.violation.basis}的规定，应予处罚。"),
        ("六、裁量理由", f"当事人违法行为属{_tier(ctx)}情节，依据{ctx.org.province_basis}，"
                    f"该情节对应的罚款幅度内，综合考虑当事人整改情况。"),
        ("七、处理建议", f"建议对{p.name}处以{ctx.amount()}的行政处罚。"),
    ):
        s.line(head, 12.5)
        s.para(text)
    s.gap(12)
    officer_sign(s, c.handler_names, doc.date, label="承办人")
    return s.finish()


def handling_approval(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    legal = ctx.org.legal_officer_for(c.unit.key).name
    rows = [("案由", c.violation.name), ("当事人", ctx.party_line()),
            ("违法事实及证据", f"{c.violation.facts}。有检查记录、询问笔录、现场照片等证据证实。"),
            ("处理依据", f"违反{c.violation.violated}，依据{c.violation.basis}。裁量情节：{_tier(ctx)}。"),
            ("承办人意见", _approval("  ".join(c.handler_names), f"建议罚款{ctx.amount()}。", doc.date)),
            ("法制员意见", _approval(legal, "事实清楚，证据充分，程序合法，同意承办人意见。", doc.date)),
            ("负责人意见", _approval(c.issuing.chief, "同意。", doc.date))]
    s.kv_table(rows, label_w=0.2, size=11, min_h={2: 90, 4: 60, 5: 60, 6: 60})
    return s.finish()


def legal_review(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    reviewer = ctx.org.legal_officer_for(c.unit.key)
    body = ctx.org.unit(reviewer.unit).agency
    s = Sheet()
    s.header(body, doc.title, doc.doc_no)
    s.kv_table([("案件名称", f"{c.party.name}{c.violation.name}案"), ("承办单位", c.unit.name),
                ("承办人", "、".join(c.handler_names)), ("拟处理意见", f"罚款{ctx.amount()}")], label_w=0.2, size=11)
    s.gap(8)
    s.line("审核意见：")
    for text in ("1. 执法主体合法，执法人员具有执法资格；", "2. 违法事实清楚，证据确实充分；",
                 f"3. 适用法律正确，违反{c.violation.violated}，依据{c.violation.basis}；",
                 "4. 程序合法；", f"5. 裁量适当，属{_tier(ctx)}情节，罚款数额在裁量基准规定幅度内。",
                 "综上，同意承办人提出的处理意见。"):
        s.para(text, indent=False)
    s.gap(6)
    s.line(f"审核人（签名）：{reviewer.name}    法律职业资格证号：A2019{ctx.rng.randrange(10**8):08d}")
    s.seal_block(body, cn.date_plain(doc.date), label="法制审核专用章")
    return s.finish()


def penalty_notice(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    period = doc.extra.get("period", 3)
    in_person = "".join(doc.title.split()).endswith("笔录")
    if in_person:
        t = doc.start or dt.datetime.combine(doc.date, dt.time(10))
        s.fields([("时间：", f"{cn.date_plain(t.date())}{cn.time_plain(t)}", 0.55), ("地点：", ctx.agency, 0.45)])
        s.fields([("告知人：", "、".join(doc.officers), 0.55), ("被告知人：", c.party.rep, 0.45)])
    s.line(f"{c.party.name}：", 13)
    measure = "责令停产停业，并处" if doc.extra.get("stop") else ""
    s.para(f"经查，{c.violation.facts}。以上事实有现场检查记录、询问笔录、现场照片等证据证实。")
    s.para(f"你（单位）的上述行为违反了{c.violation.violated}的规定，根据{c.violation.basis}的规定，"
           f"本机关拟对你（单位）作出{measure}罚款{ctx.amount()}的行政处罚。")
    text = (f"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩，"
            f"可在收到本告知之日起{cn.cn_number(period)}日内向本机关提出。逾期未提出的，视为放弃此权利。")
    if doc.extra.get("hearing"):
        text += "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求举行听证，可在收到本告知之日起五日内提出。"
    s.para(text)
    if in_person:
        opinion = {"hearing": "要求举行听证。", "statement": "要求进行陈述和申辩。"}.get(
            doc.extra.get("response", ""), "已知晓，放弃陈述申辩。")
        s.para(f"被告知人意见：{opinion}", indent=False)
        s.line(f"被告知人（签名）：{c.party.rep}        {cn.date_plain(doc.date)}")
        officer_sign(s, doc.officers, doc.date, label="告知人")
    else:
        s.seal_block(ctx.agency, ctx.issued_date(doc.date))
    return s.finish()


def seal_notice(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    s.line(f"{c.party.name}：", 13)
    s.para(f"经检查，{c.violation.facts}。根据{c.violation.basis}的规定，本机关拟对你单位存在火灾隐患的危险部位"
           "实施临时查封。你单位有权进行陈述和申辩。")
    s.seal_block(ctx.agency, ctx.issued_date(doc.date))
    s.line(f"当事人（签名）：{c.party.rep}        {cn.date_plain(doc.date)}")
    return s.finish()


def _rights(ctx: DrawCtx) -> str:
    return (f"如不服本决定，可以在收到本决定书之日起六十日内依法向{ctx.org.reconsideration_body}申请行政复议，"
            f"或者在六个月内依法向{ctx.case.issuing.court or ctx.case.unit.court}提起行政诉讼。")


def _party_block(ctx: DrawCtx, s: Sheet) -> None:
    p = ctx.case.party
    lines = ([f"被处罚单位：{p.name}", f"统一社会信用代码：{p.credit_code}", f"地址：{p.address}",
              f"法定代表人：{p.rep}    性别：{p.rep_gender}    身份证号：{p.rep_id}"] if p.is_unit else
             [f"被处罚人：{p.name}    性别：{p.rep_gender}    年龄：{p.rep_age}", f"身份证号：{p.rep_id}",
              f"住址：{p.address}"])
    for text in lines:
        s.para(text, 11.5, indent=False, leading=1.6)


def penalty_decision(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s, size=22)
    _party_block(ctx, s)
    s.gap(4)
    insp = c.first("inspection_record")
    found = cn.date_plain(insp.date) if insp else cn.date_plain(c.opened_on)
    s.para(f"{found}，本机关执法人员在对{c.party.name}进行消防监督检查时发现，{c.violation.facts}。")
    s.para("以上事实有消防监督检查记录、询问笔录、现场照片、执法记录仪视频、当事人身份证明等证据证实。")
    notice = c.first("penalty_notice")
    hearing = c.first("hearing_record")
    if notice:
        answer = (f"你（单位）要求举行听证，本机关于{cn.date_plain(hearing.date)}依法举行了听证，你（单位）所提意见不成立"
                  if hearing else "你（单位）在规定期限内未提出陈述和申辩（或所提意见不成立）")
        s.para(f"本机关于{cn.date_plain(notice.date)}告知你（单位）拟作出行政处罚的事实、理由、依据以及依法享有的陈述、"
               f"申辩{'和听证' if notice.extra.get('hearing') else ''}权利，{answer}。")
    stop = "责令停产停业，并处" if doc.code == "stop_order" else ""
    s.para(f"你（单位）的上述行为违反了{c.violation.violated}的规定，属{_tier(ctx)}情节。根据{c.violation.basis}"
           f"及{ctx.org.province_basis}的规定，决定对你（单位）作出{stop}罚款{ctx.amount()}的行政处罚。")
    s.para(f"限你（单位）自收到本决定书之日起十五日内，持本决定书到中国农业银行{ctx.org.city}各网点缴纳罚款，"
           "或者通过电子支付系统缴纳。到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，"
           "加处罚款的数额不超过罚款的数额，并依法申请人民法院强制执行。")
    s.para(_rights(ctx))
    s.seal_block(ctx.agency, ctx.issued_date(doc.date))
    s.line("本决定书一式两份，一份交被处罚人，一份附卷。", 10.5)
    return s.finish()


def onsite_decision(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    p = c.party
    s = Sheet()
    title_of(ctx, doc, s)
    t = doc.start or dt.datetime.combine(doc.date, dt.time(10))
    s.kv_table([("被处罚人", f"{p.name}    性别：{p.rep_gender}    身份证号：{p.rep_id}"), ("住址", p.address),
                ("违法时间", f"{cn.date_plain(t.date())}{cn.time_plain(t)}"), ("违法地点", p.address),
                ("违法事实", c.violation.facts),
                ("处罚依据", f"违反{c.violation.violated}，依据{c.violation.basis}"),
                ("处罚决定", f"罚款{ctx.amount()}" if c.fine_fen else "警告"),
                ("罚款缴纳方式", "当场收缴" if c.fine_fen else "/"),
                ("权利告知", "执法人员已告知违法事实、处罚理由和依据，并听取了当事人的陈述和申辩。" + _rights(ctx))],
               label_w=0.2, size=11, min_h={4: 50, 8: 80})
    s.gap(6)
    officer_sign(s, doc.officers, doc.date)
    s.line(f"被处罚人（签名）：{p.name}        {cn.date_plain(doc.date)}")
    s.seal_block(ctx.agency, cn.date_plain(doc.date))
    return s.finish()


def seal_decision(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s, size=22)
    s.line(f"{c.party.name}：", 13)
    insp = c.first("inspection_record")
    found = cn.date_plain(insp.date) if insp else ""
    start = doc.date
    end = start + dt.timedelta(days=29)
    s.para(f"{found}，本机关在消防监督检查中发现，{c.violation.facts}。")
    s.para(f"根据{c.violation.basis}的规定，经本机关集体研究，决定自{cn.date_plain(start)}起至{cn.date_plain(end)}止"
           "对你单位一层、二层安全出口及营业区域实施临时查封。查封期间，你单位应当采取措施消除火灾隐患，"
           "火灾隐患消除后，可以向本机关申请解除临时查封。")
    s.para(_rights(ctx))
    s.seal_block(ctx.agency, ctx.issued_date(doc.date))
    return s.finish()


def seal_release_decision(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    seal = c.first("seal_decision")
    s.line(f"{c.party.name}：", 13)
    s.para(f"本机关于{cn.date_plain(seal.date) if seal else ''}以{seal.doc_no if seal and seal.doc_no else ''}"
           f"临时查封决定书对你单位实施临时查封。经检查，你单位火灾隐患已经消除，根据《消防监督检查规定》"
           f"第二十五条的规定，决定自{cn.date_plain(doc.date)}起解除临时查封。")
    s.seal_block(ctx.agency, ctx.issued_date(doc.date))
    return s.finish()


def rectification_notice(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    found = doc.extra.get("found", c.opened_on)
    deadline = doc.extra.get("deadline", doc.date)
    s.line(f"{c.party.name}：", 13)
    s.para(f"根据{LAW}第五十三条的规定，本机关于{cn.date_plain(found)}对你单位进行了消防监督检查，"
           "发现你单位存在下列消防安全违法行为：")
    for i, item in enumerate(c.violation.items):
        s.para(f"{i + 1}. {item}（违反{c.violation.violated}）；", indent=True)
    s.para(f"根据{LAW}第六十条第一款的规定，责令你单位于{cn.date_plain(deadline)}前改正。改正期间，应当采取措施，"
           "确保消防安全。对逾期不改正的，本机关将依法予以处罚。")
    s.para(_rights(ctx))
    s.seal_block(ctx.agency, ctx.issued_date(doc.date))
    s.line(f"被检查单位签收：{c.party.rep}        {cn.date_plain(doc.date)}", 11)
    return s.finish()


def acceptance_notice(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    s.line(f"{c.party.name}：", 13)
    s.para(f"你单位于{cn.date_plain(doc.date)}提出的{c.party.place_short}投入使用、营业前消防安全检查申请，"
           "申请材料齐全，符合法定形式，本机关决定予以受理。")
    s.seal_block(ctx.agency, ctx.issued_date(doc.date))
    return s.finish()


def opening_permit(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s, size=15)
    s.kv_table([("场所名称", c.party.name), ("场所地址", c.party.address), ("法定代表人/主要负责人", c.party.rep),
                ("场所类别", c.party.place_kind), ("检查方式", "告知承诺" if c.extra.get("promise") else "现场检查")],
               label_w=0.3, size=11)
    s.gap(8)
    s.para(f"经{'审查，你单位作出的告知承诺' if c.extra.get('promise') else '现场检查'}符合消防安全要求，"
           "同意投入使用、营业。")
    s.seal_block(ctx.agency, ctx.issued_date(doc.date))
    return s.finish()


def fire_determination(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s, size=22)
    alarm = c.extra.get("alarm")
    when = f"{cn.date_plain(alarm.date())}{cn.time_plain(alarm)}" if isinstance(alarm, dt.datetime) else ""
    for head, text in (("一、火灾基本情况", f"{when}，{c.party.address}发生火灾，过火面积约20平方米，无人员伤亡。"),
                       ("二、起火原因", f"{c.violation.facts}。"),
                       ("三、认定依据", "现场勘验笔录、询问笔录、火灾现场图、现场照片、物证提取清单等。")):
        s.line(head, 12.5)
        s.para(text)
    s.para("当事人对火灾事故认定有异议的，可以自火灾事故认定书送达之日起十五日内，向上一级消防救援机构提出书面复核申请。")
    s.seal_block(ctx.agency, ctx.issued_date(doc.date))
    return s.finish()


def simple_table(ctx: DrawCtx, doc: DocPlan, rows: list[tuple[str, str]], min_h: dict[int, float]) -> list[Page]:
    s = Sheet()
    title_of(ctx, doc, s)
    s.kv_table(rows, label_w=0.22, size=11, min_h=min_h)
    return s.finish()


def closing_report(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    receipt = c.first("fine_receipt")
    return simple_table(ctx, doc, [
        ("案由", c.violation.name), ("当事人", c.party.name), ("决定书文号", c.doc_no),
        ("处理结果", f"罚款{ctx.amount()}" if c.fine_fen else "警告"),
        ("执行情况", f"当事人已于{cn.date_plain(receipt.date)}缴纳罚款。" if receipt else "已执行完毕。"),
        ("承办人意见", _approval("  ".join(c.handler_names), "案件已执行完毕，建议结案。", doc.date)),
        ("负责人意见", _approval(c.issuing.chief, "同意结案。", doc.date))], {5: 60, 6: 60})


def resumption_record(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    return simple_table(ctx, doc, [
        ("申请单位", c.party.name), ("责令停产停业决定书", c.doc_no),
        ("整改情况", "已依法取得投入使用、营业前消防安全检查合格证，经检查具备恢复营业条件。"),
        ("检查人员意见", _approval("  ".join(c.handler_names), "同意恢复营业。", doc.date)),
        ("负责人意见", _approval(c.issuing.chief, "同意。", doc.date))], {3: 60, 4: 60})


def complaint_reply(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    return simple_table(ctx, doc, [
        ("举报编号", c.doc_no), ("告知时间", cn.date_plain(doc.date)), ("告知方式", "电话告知"),
        ("告知内容", f"经核查，举报情况属实，已责令{c.party.name}改正，经复查已改正完毕。"),
        ("举报人意见", "满意"), ("告知人", c.handler_names[0])], {3: 70})


def hearing_notice(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    held = next((d for d in c.docs if d.code == "hearing_record"), None)
    s.line(f"{c.party.name}：", 13)
    s.para(f"根据你单位的申请，本机关定于{cn.date_plain(held.date) if held else ''}在{ctx.agency}听证室举行听证。"
           "请准时参加，可以委托一至二人代理参加听证。无正当理由不参加的，视为放弃听证权利。")
    s.seal_block(ctx.agency, ctx.issued_date(doc.date))
    return s.finish()


def hearing_report(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    return simple_table(ctx, doc, [
        ("案由", c.violation.name), ("听证主持人", ctx.org.legal_officer_for(c.unit.key).name),
        ("听证情况", "当事人对违法事实无异议，请求从轻处罚。"),
        ("处理意见", f"建议维持罚款{ctx.amount()}的处理意见。")], {2: 80, 3: 60})


def physical_evidence_record(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s)
    rows = [["序号", "名称", "数量", "提取部位", "提取方法"], ["1", "熔痕导线", "2段", "东北角地面", "剪取"],
            ["2", "电池残骸", "1组", "东北角地面", "拾取"], ["3", "炭化残留物", "1袋", "起火点", "铲取"]]
    s.table(rows, [0.08, 0.27, 0.15, 0.25, 0.25], header_rows=1, centre_cols=(0, 2))
    s.gap(8)
    officer_sign(s, doc.officers, doc.date, label="提取人")
    s.line(f"见证人（签名）：{c.party.witness}")
    return s.finish()


def loss_declaration(ctx: DrawCtx, doc: DocPlan) -> list[Page]:
    c = ctx.case
    s = Sheet()
    title_of(ctx, doc, s, agency=False, size=16)
    rows = [["序号", "损失物品", "数量", "价值（元）"], ["1", "电动自行车", "2辆", "4200"],
            ["2", "家具", "3件", "3500"], ["3", "装修", "20平方米", "6000"], ["", "合计", "", "13700"]]
    s.table(rows, [0.1, 0.4, 0.2, 0.3], header_rows=1, centre_cols=(0, 2, 3))
    s.gap(10)
    s.line(f"申报人（签名）：{c.party.rep}        {cn.date_plain(doc.date)}")
    return s.finish()
