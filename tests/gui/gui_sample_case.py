"""A small, realistic case for GUI tests, the workspace bench and the screenshots.

Small and known page by page (the demo's cases are generated), this builds one 行政处罚（一般程序）case
the way an import would leave it: units, officers and users through `ws.org`; the
case, its PDF (drawn here with reportlab, in Chinese, with bookmarks), its document
index and its recordings (real 2 s MPEG-4 clips made with PyAV) as ORM rows; a
round of the month with the case assigned to a reviewer. Everything is plain
data; nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

from review_tool.domain.enums import (
    AssignmentStatus,
    CaseStatus,
    IndexSource,
    Role,
    RoundStatus,
    UnitKind,
)
from review_tool.ingest.fingerprint import sha256_file
from review_tool.workspace import Workspace

FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
BEIJING = dt.timezone(dt.timedelta(hours=8))

UNIT = "平安区消防救援大队"
DOC_NO = "平消行罚决字〔2025〕第0012号"
PARTY = "平安市悦来餐饮管理有限公司"

# (doc type, title as printed, pages)
DOCUMENTS: list[tuple[str, str, int]] = [
    ("cover", "消防行政处罚案卷", 1),
    ("contents", "卷内文件目录", 1),
    ("filing_approval", "立案审批表", 1),
    ("site_record", "现场检查笔录", 2),
    ("inquiry_record", "询问笔录", 3),
    ("photo_sheet", "现场照片", 2),
    ("identity_proof", "营业执照及法定代表人身份证明", 1),
    ("handling_approval", "案件处理审批表", 1),
    ("penalty_notice", "行政处罚告知书", 1),
    ("legal_review", "法制审核意见书", 1),
    ("penalty_decision", "行政处罚决定书", 2),
    ("service_receipt", "送达回证", 1),
    ("fine_receipt", "罚没款收据", 1),
    ("closing_report", "结案报告", 1),
    ("filing_remarks", "备考表", 1),
]

BODY = [
    "2025年6月3日9时30分，我大队监督员张伟、李强（执法证号：消0312、消0317）对平安市悦来餐饮管理有限公司"
    "经营的悦来酒楼进行消防监督检查，检查时出示了执法证件，该单位负责人陈志明在场。",
    "经查，该单位二层厨房通往疏散楼梯的常闭式防火门被木楔固定处于常开状态，一层东侧安全出口被桌椅杂物堵塞，"
    "二层走道两处应急照明灯不亮，室内消火栓箱被装饰板遮挡。",
    "上述行为违反了《中华人民共和国消防法》第二十八条的规定，依据《中华人民共和国消防法》第六十条第一款第三项、"
    "第四项之规定，拟对该单位处罚款人民币壹万贰仟元整（￥12000.00）。",
    "当事人对检查情况无异议，在笔录上签名确认。以上内容已向当事人宣读，当事人确认无误。",
]


@dataclass
class SampleCase:
    case_id: int
    file_id: int
    pdf: Path
    folder: Path
    pages: int
    round_id: int
    reviewer: str
    other_reviewer: str
    legal_officer: str
    documents: dict[str, tuple[int, int]] = field(default_factory=dict)  # doc type -> (first, last)
    recording_ids: list[int] = field(default_factory=list)


# -- the PDF -----------------------------------------------------------------------------------
@functools.cache
def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("ZenHei", FONT_FILE))
    return "ZenHei"


def _wrap(text: str, width_chars: int) -> list[str]:
    return [text[i:i + width_chars] for i in range(0, len(text), width_chars)] or [""]


def draw_pdf(path: Path, documents: list[tuple[str, str, int]]) -> dict[str, tuple[int, int]]:
    """Draw the case file; returns doc type -> (first, last) page of its first occurrence."""
    from reportlab.lib.colors import Color, black, grey
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _register_font()
    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(f"{DOC_NO} 案卷")
    page = 0
    ranges: dict[str, tuple[int, int]] = {}
    red = Color(0.8, 0.1, 0.1)
    for n, (doc_type, title, count) in enumerate(documents):
        first = page + 1
        for k in range(count):
            page += 1
            if k == 0:
                key = f"d{n}"
                c.bookmarkPage(key)
                c.addOutlineEntry(title, key, level=0)
            c.setFillColor(black)
            c.setFont(font, 11)
            c.drawCentredString(width / 2, height - 60, UNIT)
            if doc_type == "cover":
                c.setFont(font, 30)
                c.drawCentredString(width / 2, height - 250, " ".join("消防行政处罚案卷"))
                c.setFont(font, 14)
                rows = [("案    号", DOC_NO), ("案    由", "消防设施、器材未保持完好有效；占用、堵塞安全出口"),
                        ("当 事 人", PARTY), ("承 办 人", "张伟、李强"), ("立案日期", "2025年6月3日"),
                        ("结案日期", "2025年6月30日"), ("保管期限", "长期")]
                for i, (k1, v) in enumerate(rows):
                    y = height - 360 - i * 34
                    c.drawString(120, y, k1)
                    c.drawString(210, y, v)
                    c.line(205, y - 6, width - 100, y - 6)
            else:
                c.setFont(font, 20 if len(title) < 10 else 17)
                spaced = " ".join(title) if len(title) <= 8 else title
                c.drawCentredString(width / 2, height - 105, spaced)
                c.setFont(font, 11)
                c.drawRightString(width - 70, height - 135, DOC_NO.replace("决", "告" if "告知" in title else "决"))
                if doc_type == "photo_sheet":
                    for i in range(2):
                        y = height - 470 - i * 320
                        c.setFillColor(Color(0.82, 0.84, 0.86))
                        c.rect(90, y, width - 180, 290, stroke=1, fill=1)
                        c.setFillColor(black)
                        c.drawString(100, y - 18, f"照片{k * 2 + i + 1}：二层疏散楼梯常闭式防火门处于常开状态"
                                     f"（拍摄人：张伟　拍摄时间：2025年6月3日9时4{i}分）")
                elif doc_type in ("filing_approval", "handling_approval", "legal_review", "service_receipt"):
                    rows = ["案件名称", "当事人", "案件来源", "简要案情", "承办人意见", "审核意见", "负责人审批意见"]
                    top = height - 160
                    for i, label in enumerate(rows):
                        h = 34 if i < 3 else 96
                        c.rect(70, top - h, width - 140, h)
                        c.line(170, top - h, 170, top)
                        c.drawString(78, top - 20, label)
                        text = {0: "悦来酒楼消防违法案", 1: PARTY, 2: "监督检查发现"}.get(
                            i, BODY[(i + k) % len(BODY)][:96])
                        for j, line in enumerate(_wrap(text, 32)[:4]):
                            c.drawString(178, top - 20 - j * 18, line)
                        top -= h
                    c.drawString(width - 250, top - 40, "签名：张伟　李强　　2025年6月3日")
                else:
                    y = height - 175
                    for para in BODY * (2 if doc_type in ("inquiry_record", "site_record") else 1):
                        for line in _wrap("　　" + para, 36):
                            c.drawString(72, y, line)
                            y -= 22
                            if y < 150:
                                break
                        y -= 8
                        if y < 150:
                            break
                if doc_type in ("penalty_decision", "penalty_notice") and k == count - 1:
                    c.setStrokeColor(red)
                    c.setFillColor(red)
                    c.setLineWidth(2.5)
                    c.circle(width - 160, 170, 52)
                    c.setFont(font, 11)
                    c.drawCentredString(width - 160, 166, UNIT[:5])
                    c.drawCentredString(width - 160, 150, UNIT[5:])
                    c.setFillColor(black)
                    c.setStrokeColor(black)
                    c.setLineWidth(1)
                    c.drawString(width - 260, 100, "二〇二五年六月二十日")
            c.setFillColor(grey)
            c.setFont(font, 9)
            c.drawCentredString(width / 2, 40, f"第 {page} 页")
            c.showPage()
        ranges.setdefault(doc_type, (first, page))
    c.save()
    return ranges


def documents_for_pages(total: int) -> list[tuple[str, str, int]]:
    """The sample's documents, with inquiry records and photos added until the file has `total` pages."""
    docs = list(DOCUMENTS)
    have = sum(p for _, _, p in docs)
    extra: list[tuple[str, str, int]] = []
    while have < total:
        n = min(3, total - have)
        extra.append(("inquiry_record", "询问笔录", n) if len(extra) % 2 == 0 else ("photo_sheet", "现场照片", n))
        have += n
    return docs[:6] + extra + docs[6:]


# -- recordings ----------------------------------------------------------------------------------
def write_clip(path: Path, start: dt.datetime, label: str, *, seconds: int = 2, fps: int = 10) -> None:
    """A real, tiny body-camera style clip (MPEG-4 in MP4) with the time burnt in."""
    import av
    from PIL import Image, ImageDraw, ImageFont

    w, h = 320, 240
    font = ImageFont.truetype(FONT_FILE, 14)
    with av.open(str(path), "w", format="mp4") as out:
        out.metadata["creation_time"] = (start - dt.timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%S.000000Z")
        stream = out.add_stream("mpeg4", rate=fps)
        stream.width, stream.height = w, h
        stream.pix_fmt = "yuv420p"
        stream.bit_rate = 600_000  # enough for the burnt-in text to stay sharp
        for i in range(seconds * fps):
            img = Image.new("RGB", (w, h), (70, 82, 96))
            d = ImageDraw.Draw(img)
            d.rectangle((0, 150, w, h), fill=(95, 90, 80))
            x = (i * 9) % (w + 60) - 60
            d.rectangle((x, 70, x + 50, 175), fill=(180, 170, 150))
            d.rectangle((0, 0, w, 20), fill=(10, 10, 10))
            stamp = (start + dt.timedelta(seconds=i // fps)).strftime("%Y-%m-%d %H:%M:%S")
            d.text((4, 2), stamp, fill=(255, 255, 255), font=font)
            d.text((4, h - 20), f"执法记录仪 DSJ-0312　{label}", fill=(255, 230, 120), font=font)
            frame = av.VideoFrame.from_image(img).reformat(format="yuv420p")
            frame.pts = i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


# -- the database rows ----------------------------------------------------------------------------
def build_sample(ws: Workspace, root: Path, *, pages: int = 0, broken_recording: bool = False,
                 month: str = "2025-06") -> SampleCase:
    """Create the organisation, one case with its files, a round and the assignment.

    Args:
        pages: pad the case file to this many pages (0: the 20-page sample).
        broken_recording: add a third recording whose file is not a video at all.
    """
    from review_tool.storage.orm import (
        Assignment,
        Case,
        CaseFile,
        CaseHandler,
        Document,
        Officer,
        Recording,
        ReviewRound,
        RoundCase,
    )

    ws.org.add_unit("平安市消防救援支队", UnitKind.DETACHMENT, short_name="平安支队", code="平消支")
    ws.org.add_unit(UNIT, UnitKind.BRIGADE, parent="平安市消防救援支队", short_name="平安区大队", code="平消")
    ws.org.add_unit("东城区消防救援大队", UnitKind.BRIGADE, parent="平安市消防救援支队", short_name="东城区大队",
                    code="东消")
    ws.org.add_unit("支队法制科", UnitKind.OFFICE, parent="平安市消防救援支队", short_name="法制科")
    ws.org.add_user("王芳", Role.REVIEWER, unit="东城区消防救援大队")
    ws.org.add_user("赵敏", Role.REVIEWER, unit="东城区消防救援大队")
    ws.org.add_user("刘洋", Role.LEGAL_OFFICER, unit="支队法制科")

    folder = root / "2025-06" / "平消行罚决字2025第0012号"
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / "案卷.pdf"
    docs = documents_for_pages(pages) if pages else list(DOCUMENTS)
    ranges = draw_pdf(pdf, docs)
    total = sum(p for _, _, p in docs)

    recs: list[tuple[str, dt.datetime, str, str]] = [
        ("现场检查_20250603_093012.mp4", dt.datetime(2025, 6, 3, 9, 30, 12, tzinfo=BEIJING), "inspection", "现场检查"),
        ("询问_20250605_143000.mp4", dt.datetime(2025, 6, 5, 14, 30, 0, tzinfo=BEIJING), "inquiry", "询问"),
    ]
    for name, start, _, label in recs:
        write_clip(folder / name, start, label)
    if broken_recording:
        (folder / "送达_20250620_101500.mp4").write_bytes(b"this is not a video" * 100)
        recs.append(("送达_20250620_101500.mp4", dt.datetime(2025, 6, 20, 10, 15, 0, tzinfo=BEIJING), "service",
                     "送达"))

    with ws.session_factory() as s, s.begin():
        from sqlalchemy import select

        from review_tool.storage.orm import Unit, User

        unit = s.scalar(select(Unit).where(Unit.name == UNIT))
        assert unit is not None
        officers = [Officer(name=n, unit_id=unit.id, cert_no=c) for n, c in (("张伟", "消0312"), ("李强", "消0317"))]
        s.add_all(officers)
        s.flush()
        case = Case(doc_no=DOC_NO, doc_no_key="平消行罚决字2025第0012号", case_type="penalty_general",
                    unit_id=unit.id, party=PARTY, opened_on=dt.date(2025, 6, 3), decided_on=dt.date(2025, 6, 20),
                    closed_on=dt.date(2025, 6, 30), fine_fen=1_200_000, status=CaseStatus.SELECTED,
                    folder=str(folder))
        s.add(case)
        s.flush()
        for i, o in enumerate(officers):
            s.add(CaseHandler(case_id=case.id, officer_id=o.id, position=i))
        f = CaseFile(case_id=case.id, relpath=pdf.name, sha256=sha256_file(pdf), size=pdf.stat().st_size,
                     pages=total, textless_pages=[], has_outline=True)
        s.add(f)
        s.flush()
        page = 0
        for doc_type, title, count in docs:
            s.add(Document(case_file_id=f.id, doc_type=doc_type, title=title, first_page=page + 1,
                           last_page=page + count, source=IndexSource.BOOKMARK))
            page += count
        rec_rows = []
        for name, start, step, _ in recs:
            p = folder / name
            broken = not name.startswith(("现场", "询问"))
            r = Recording(case_id=case.id, relpath=name, sha256=sha256_file(p), size=p.stat().st_size,
                          duration_ms=None if broken else 2000, started_at=start, start_source="metadata",
                          step=step, device="DSJ-0312")
            s.add(r)
            rec_rows.append(r)
        rnd = ReviewRound(month=month, title="2025年6月执法案卷评查", status=RoundStatus.IN_PROGRESS,
                          rule_name="default", seed=1, per_case=2, blind=True, hide_handler=False)
        s.add(rnd)
        s.flush()
        s.add(RoundCase(round_id=rnd.id, case_id=case.id, origin="rule", reason="行政处罚案件全部评查"))
        reviewers = list(s.scalars(select(User).where(User.role == Role.REVIEWER).order_by(User.id)))
        for u in reviewers:
            s.add(Assignment(round_id=rnd.id, case_id=case.id, reviewer_id=u.id, status=AssignmentStatus.DEPLOYED,
                             reason="交叉互评"))
        s.flush()
        result = SampleCase(case_id=case.id, file_id=f.id, pdf=pdf, folder=folder, pages=total, round_id=rnd.id,
                            reviewer="王芳", other_reviewer="赵敏", legal_officer="刘洋", documents=ranges,
                            recording_ids=[r.id for r in rec_rows])
    return result


# -- more cases, for a realistic case list (screenshots) ---------------------------------------------
OTHER_CASES = [
    # (doc no, case type, unit, party, handlers, reviews: (王芳's, 赵敏's) deductions or None = not started)
    ("平消行罚决字〔2025〕第0015号", "penalty_general", UNIT, "平安市鸿福宾馆", ("张伟", "李强"), (3, 2)),
    ("平消行罚决字〔2025〕第0019号", "penalty_general", UNIT, "平安市金玉珠宝商行", ("李强", "张伟"), (None, None)),
    ("平消当罚决字〔2025〕第0031号", "penalty_simple", UNIT, "刘建国", ("张伟", "李强"), (1, 1)),
    ("东消行罚决字〔2025〕第0007号", "penalty_general", "东城区消防救援大队", "东城区乐享KTV", ("孙浩", "周敏"), (0, 1)),
    ("东消临封字〔2025〕第0003号", "temporary_seal", "东城区消防救援大队", "东城区华盛服装加工厂", ("孙浩", "周敏"),
     (2, None)),
    ("东消停字〔2025〕第0002号", "three_stops", "东城区消防救援大队", "东城区惠民批发市场", ("周敏", "孙浩"),
     (None, None)),
    ("平消检字〔2025〕第0142号", "inspection", UNIT, "平安市第三中学", ("李强", "张伟"), (0, 0)),
    ("平消检字〔2025〕第0157号", "inspection", UNIT, "平安市康宁养老院", ("张伟", "李强"), (4, 3)),
    ("东消检字〔2025〕第0088号", "inspection", "东城区消防救援大队", "东城区新世纪商场", ("周敏", "孙浩"),
     (None, 2)),
]


def add_month_of_cases(ws: Workspace, sample: SampleCase) -> None:
    """Nine more cases in the sample's round, some reviewed and submitted by both reviewers (scores, grades)."""
    from sqlalchemy import select

    from review_tool.domain.enums import DeductionKind, Outcome
    from review_tool.storage.orm import (
        Assignment,
        Case,
        CaseFile,
        CaseHandler,
        Document,
        Officer,
        RoundCase,
        Unit,
        User,
    )

    plans: list[tuple[int, tuple[int | None, int | None]]] = []
    with ws.session_factory() as s, s.begin():
        reviewers = list(s.scalars(select(User).where(User.role == Role.REVIEWER).order_by(User.id)))
        for n, (doc_no, case_type, unit_name, party, handlers, reviews) in enumerate(OTHER_CASES):
            unit = s.scalar(select(Unit).where(Unit.name == unit_name))
            assert unit is not None
            case = Case(doc_no=doc_no, doc_no_key=f"sample-{n}", case_type=case_type, unit_id=unit.id, party=party,
                        opened_on=dt.date(2025, 6, 2 + n), closed_on=dt.date(2025, 6, 12 + n),
                        status=CaseStatus.SELECTED, folder=str(sample.folder))
            s.add(case)
            s.flush()
            for i, name in enumerate(handlers):
                officer = s.scalar(select(Officer).where(Officer.name == name))
                if officer is None:
                    officer = Officer(name=name, unit_id=unit.id)
                    s.add(officer)
                    s.flush()
                s.add(CaseHandler(case_id=case.id, officer_id=officer.id, position=i))
            f = CaseFile(case_id=case.id, relpath=sample.pdf.name, sha256=sha256_file(sample.pdf),
                         size=sample.pdf.stat().st_size, pages=sample.pages, has_outline=True)
            s.add(f)
            s.flush()
            for doc_type, (first, last) in sample.documents.items():
                s.add(Document(case_file_id=f.id, doc_type=doc_type, title="", first_page=first, last_page=last,
                               source=IndexSource.BOOKMARK))
            s.add(RoundCase(round_id=sample.round_id, case_id=case.id, origin="rule", reason="按规则抽取"))
            for u in reviewers:
                s.add(Assignment(round_id=sample.round_id, case_id=case.id, reviewer_id=u.id,
                                 status=AssignmentStatus.DEPLOYED, reason="交叉互评"))
            plans.append((case.id, reviews))
    names = [sample.reviewer, sample.other_reviewer]
    for case_id, reviews in plans:
        for name, deductions in zip(names, reviews, strict=True):
            if deductions is None:
                continue
            ws.set_user(name)
            review = ws.reviews.open(case_id, round_id=sample.round_id)
            candidates = [i for i in review.checklist.items() if i.rule.kind is DeductionKind.PER_OCCURRENCE]
            for item in candidates[:deductions]:
                ws.reviews.record(review.id, item.id, Outcome.DEDUCT, occurrences=1,
                                  reason=item.phrasings[0] if item.phrasings else "文书要素不全")
            ws.reviews.mark_remaining_pass(review.id)
            ws.reviews.submit(review.id)
    ws.set_user(None)
