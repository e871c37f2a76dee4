"""Text parsing for pypdf output of Chinese case files: every messy variant seen in real files.

Explicit cases for each variant (letter-spaced titles, header lines, full-width digits,
Chinese-numeral dates, capital-numeral amounts, 万元, every bracket style, no match, empty and
garbage text), hypothesis round trips (dates, amounts, 文号 keys, normalize idempotence) and
realistic pages read with the real checklists/fields.yaml.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review_tool.ingest.textparse import (
    DocNoHit,
    FieldHit,
    build_title_index,
    compile_labels,
    doc_no_key,
    extract_fields,
    find_amounts,
    find_doc_nos,
    first_lines,
    match_title,
    merged_names,
    normalize,
    parse_amount_fen,
    parse_dates,
    parse_doc_no,
    parse_time_range,
    squash,
)
from review_tool.rules.fields import FieldsFile, FieldsFileError, load_fields
from review_tool.rules.schema import DocTypesFile

REPO = Path(__file__).resolve().parents[2]
FIELDS = load_fields(REPO / "checklists" / "fields.yaml")
DOC_TYPES = DocTypesFile.model_validate(
    yaml.safe_load((REPO / "checklists" / "doc_types.yaml").read_text(encoding="utf-8"))
)
VOCAB = [(d.code, d.all_titles()) for d in DOC_TYPES.doc_types]
INDEX = build_title_index(VOCAB)

FAST = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

FULLWIDTH = str.maketrans("0123456789:", "０１２３４５６７８９：")


def fullwidth(s: str) -> str:
    return s.translate(FULLWIDTH)


# =============================================================================================
# normalize / squash
# =============================================================================================


class TestNormalize:
    def test_fullwidth_digits_letters_colon(self) -> None:
        assert normalize("２０２３年５月６日ＡＢｃ：１４：３０") == "2023年5月6日ABc:14:30"

    def test_keeps_meaningful_chinese_punctuation(self) -> None:
        s = "平消行罚决字〔2023〕第12号（存根），当事人；【注】"
        assert normalize(s) == s

    def test_removes_nul_and_zero_width(self) -> None:
        assert normalize("行\x00政\u200b处\u200d罚\ufeff决定书\u00ad") == "行政处罚决定书"

    def test_line_endings_unified(self) -> None:
        assert normalize("a\r\nb\rc\u2028d\x0ce") == "a\nb\nc\nd\ne"

    def test_spaces_collapsed_and_lines_stripped(self) -> None:
        assert normalize("  当事人： \u3000\u3000 张三 \t \n\u3000\u3000现查明  ") == "当事人: 张三\n现查明"

    def test_kangxi_radical_lookalikes_become_real_characters(self) -> None:
        # some PDF fonts map 行 to KANGXI RADICAL WALK ENCLOSURE (U+2F8F)
        assert normalize("\u2f8f政处罚决定书") == "行政处罚决定书"

    def test_cjk_untouched_and_letter_spacing_kept(self) -> None:
        s = "行 政 处 罚 决 定 书\n二〇二三年五月二十六日"
        assert normalize(s) == s

    def test_empty(self) -> None:
        assert normalize("") == ""
        assert normalize("\x00\u200b") == ""

    def test_squash(self) -> None:
        assert squash("行 政 处 罚\u3000决 定\n书\t") == "行政处罚决定书"
        assert squash("") == ""

    @FAST
    @given(st.text())
    def test_idempotent_any_text(self, s: str) -> None:
        once = normalize(s)
        assert normalize(once) == once

    @FAST
    @given(st.text(alphabet="\u3000\x00\u200b\r\n\t ２Ａ：（）〔〕行\u2f8f政 1a.,，。:\x0c\u2028\ufe30\ufe49\uf900"))
    def test_idempotent_noisy_text(self, s: str) -> None:
        once = normalize(s)
        assert normalize(once) == once
        assert "\x00" not in once and "\r" not in once and "  " not in once

    def test_first_lines(self) -> None:
        assert first_lines("\n\n  a \n\n b\nc\n", 2) == ["a", "b"]
        assert first_lines("") == []


# =============================================================================================
# dates and times
# =============================================================================================

D = dt.date
DT = dt.datetime


@pytest.mark.parametrize(
    ("text", "value", "has_time"),
    [
        ("2023年5月6日", D(2023, 5, 6), False),
        ("2023年05月06日", D(2023, 5, 6), False),
        ("2023 年 5 月 6 日", D(2023, 5, 6), False),
        ("2023年5月\n6日", D(2023, 5, 6), False),
        ("2023年5月6号", D(2023, 5, 6), False),
        ("2023-05-06", D(2023, 5, 6), False),
        ("2023.5.6", D(2023, 5, 6), False),
        ("2023/05/06", D(2023, 5, 6), False),
        ("２０２３年５月６日", D(2023, 5, 6), False),
        ("二〇二三年五月二十六日", D(2023, 5, 26), False),
        ("二零二三年五月六日", D(2023, 5, 6), False),
        ("二○二三年十二月三十一日", D(2023, 12, 31), False),
        ("二O二三年十月十日", D(2023, 10, 10), False),
        ("二〇二三年十一月廿六日", D(2023, 11, 26), False),
        ("2023年5月6日14时30分", DT(2023, 5, 6, 14, 30), True),
        ("2023年5月6日14时", DT(2023, 5, 6, 14, 0), True),
        ("2023年5月6日 14:30", DT(2023, 5, 6, 14, 30), True),
        ("2023年5月6日14点半", DT(2023, 5, 6, 14, 30), True),
        ("2023年5月6日下午2时30分", DT(2023, 5, 6, 14, 30), True),
        ("2023年5月6日晚上8时", DT(2023, 5, 6, 20, 0), True),
        ("2023年5月6日上午9时05分", DT(2023, 5, 6, 9, 5), True),
        ("2023年5月6日中午12时", DT(2023, 5, 6, 12, 0), True),
        ("2023年5月6日（星期六）14时30分", DT(2023, 5, 6, 14, 30), True),
        ("2023-05-06 14:30:15", DT(2023, 5, 6, 14, 30, 15), True),
        ("２０２３年５月６日１４时３０分", DT(2023, 5, 6, 14, 30), True),
        ("二〇二三年五月六日十四时三十分", DT(2023, 5, 6, 14, 30), True),
        ("2023年5月6日14时30分许", DT(2023, 5, 6, 14, 30), True),
    ],
)
def test_date_variants(text: str, value: dt.date, has_time: bool) -> None:
    hits = parse_dates(normalize(text))
    assert len(hits) == 1
    assert hits[0].value == value
    assert hits[0].has_time is has_time
    assert hits[0].day == (value.date() if isinstance(value, DT) else value)


def test_date_span_and_raw() -> None:
    t = "于2023年5月6日14时30分检查"
    (h,) = parse_dates(t)
    assert t[h.start:h.end] == h.raw == "2023年5月6日14时30分"


@pytest.mark.parametrize(
    "text",
    ["2023年2月30日", "2023年13月1日", "2023年4月31日", "二〇二三年二月三十日", "2023-02-29", "1800年1月1日",
     "0000年1月1日", "23年5月6日", "2023年5月", "五月六日", "20230506", "2023年 月 日", "", "\x00\x00",
     "第1303条", "0.5万元", "平消行罚决字〔2023〕第0012号", "13800001234", "330102198801011234"],
)
def test_not_dates(text: str) -> None:
    assert parse_dates(normalize(text)) == []


def test_impossible_time_leaves_the_date() -> None:
    (h,) = parse_dates("2023年5月6日25时70分")
    assert h.value == D(2023, 5, 6) and not h.has_time


def test_leap_day() -> None:
    assert parse_dates("2024年2月29日")[0].value == D(2024, 2, 29)


def test_many_dates_in_order() -> None:
    t = "立案：2023年5月6日；告知：2023-05-20；决定：二〇二三年五月二十六日。"
    assert [h.value for h in parse_dates(t)] == [D(2023, 5, 6), D(2023, 5, 20), D(2023, 5, 26)]


CN_DIGITS = "〇一二三四五六七八九"


def cn_small(n: int) -> str:
    if n < 10:
        return "〇" if n == 0 else CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def render_date(d: dt.date, style: str, zero: str, pad: bool) -> str:
    if style == "cn":
        year = "".join(CN_DIGITS[int(c)] for c in str(d.year)).replace("〇", zero)
        return f"{year}年{cn_small(d.month)}月{cn_small(d.day)}日"
    m, dd = (f"{d.month:02d}", f"{d.day:02d}") if pad else (str(d.month), str(d.day))
    if style in ("-", ".", "/"):
        return f"{d.year}{style}{m}{style}{dd}"
    text = f"{d.year}年{m}月{dd}日"
    if style == "spaced":
        text = " ".join(text)
    return fullwidth(text) if style == "full" else text


def render_time(t: dt.time, style: str) -> str:
    if style == "colon":
        return f" {t.hour:02d}:{t.minute:02d}"
    if style == "cn":
        minute = "" if t.minute == 0 else ("零" + CN_DIGITS[t.minute] if t.minute < 10 else cn_small(t.minute))
        return f"{cn_small(t.hour) if t.hour else '零'}时" + (minute + "分" if minute else "")
    if style == "ampm" and 13 <= t.hour <= 23:
        return f"{'下午' if t.hour < 18 else '晚上'}{t.hour - 12}时{t.minute}分"
    if t.minute == 0 and style == "hour":
        return f"{t.hour}时"
    return f"{t.hour}时{t.minute:02d}分"


DATES = st.dates(min_value=D(1950, 1, 1), max_value=D(2099, 12, 31))
DATE_STYLES = st.sampled_from(["plain", "spaced", "full", "cn", "-", ".", "/"])


@FAST
@given(DATES, DATE_STYLES, st.sampled_from("〇零○O"), st.booleans(), st.text(alphabet="于至，。 当事人", max_size=4))
def test_any_date_round_trips(d: dt.date, style: str, zero: str, pad: bool, before: str) -> None:
    text = before + render_date(d, style, zero, pad) + "，"
    hits = parse_dates(normalize(text))
    assert [h.value for h in hits] == [d]


@FAST
@given(DATES, st.sampled_from(["plain", "full", "cn", "-"]), st.times(),
       st.sampled_from(["plain", "colon", "cn", "ampm", "hour"]))
def test_any_datetime_round_trips(d: dt.date, style: str, t: dt.time, tstyle: str) -> None:
    if tstyle == "colon" and style in ("cn",):
        tstyle = "plain"
    sep = " " if style == "-" else ""  # 2023-05-06 14:30: ISO dates need the space
    text = render_date(d, style, "〇", False) + sep + render_time(t, tstyle)
    (h,) = parse_dates(normalize(fullwidth(text) if style == "full" else text))
    assert h.has_time
    assert h.value == DT.combine(d, t.replace(second=0, microsecond=0))


# ---- time ranges ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2023年5月6日14时30分至2023年5月6日15时20分", DT(2023, 5, 6, 14, 30), DT(2023, 5, 6, 15, 20)),
        ("2023年5月6日14时30分至15时20分", DT(2023, 5, 6, 14, 30), DT(2023, 5, 6, 15, 20)),
        ("自2023年5月6日14时30分起至2023年5月6日15时20分止", DT(2023, 5, 6, 14, 30), DT(2023, 5, 6, 15, 20)),
        ("2023年5月6日14时30分到15时", DT(2023, 5, 6, 14, 30), DT(2023, 5, 6, 15, 0)),
        ("2023年5月6日14时30分—15时20分", DT(2023, 5, 6, 14, 30), DT(2023, 5, 6, 15, 20)),
        ("2023年5月6日14:30-15:20", DT(2023, 5, 6, 14, 30), DT(2023, 5, 6, 15, 20)),
        ("2023年5月6日14时30分~15时20分", DT(2023, 5, 6, 14, 30), DT(2023, 5, 6, 15, 20)),
        ("2023年5月6日23时30分至5月7日0时40分", DT(2023, 5, 6, 23, 30), DT(2023, 5, 7, 0, 40)),
        ("时间：２０２３年５月６日１４时３０分至１５时２０分", DT(2023, 5, 6, 14, 30), DT(2023, 5, 6, 15, 20)),
        ("2023年5月6日14时30分至\n2023年5月6日15时20分", DT(2023, 5, 6, 14, 30), DT(2023, 5, 6, 15, 20)),
        ("2023年5月6日至2023年6月4日", D(2023, 5, 6), D(2023, 6, 4)),
        # an end before the start is the file's error: reported as written, not corrected
        ("2023年5月6日15时20分至14时30分", DT(2023, 5, 6, 15, 20), DT(2023, 5, 6, 14, 30)),
    ],
)
def test_time_ranges(text: str, start: dt.date, end: dt.date) -> None:
    r = parse_time_range(normalize(text))
    assert r is not None
    assert (r.start, r.end) == (start, end)
    assert normalize(text)[r.span_start:r.span_end] == r.raw


@pytest.mark.parametrize(
    "text", ["", "2023年5月6日14时30分", "2023年5月6日14时30分至", "2023年5月6日至15时20分",
             "2023年5月6日14时30分至2023年5月7日", "至15时20分", "garbage 至 - ~"],
)
def test_no_time_range(text: str) -> None:
    assert parse_time_range(text) is None


# =============================================================================================
# amounts
# =============================================================================================


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("5000元", 500000),
        ("5,000元", 500000),
        ("5,000.00元", 500000),
        ("5000.5元", 500050),
        ("1,234,567.89元", 123456789),
        ("５０００元", 500000),
        ("0.5万元", 500000),
        ("1.2万元", 1200000),
        ("3万元", 3000000),
        ("人民币5万", 5000000),
        ("罚款3万", 3000000),
        ("5千元", 500000),
        ("12元5角3分", 1253),
        ("人民币伍仟元整", 500000),
        ("伍仟元", 500000),
        ("壹万贰仟伍佰元整", 1250000),
        ("壹万零伍佰元整", 1050000),
        ("叁拾万元整", 30000000),
        ("壹拾元整", 1000),
        ("伍佰圆正", 50000),
        ("伍元伍角叁分", 553),
        ("伍元零叁分", 503),
        ("零元伍角", 50),
        ("壹亿元整", 10000000000),
        ("罚款五千元", 500000),
        ("一万二千元", 1200000),
        ("两万元", 2000000),
        ("五百元", 50000),
        ("￥5000", 500000),
        ("¥5,000.00", 500000),
        ("￥ 5,000.00", 500000),
        ("人民币5000元", 500000),
        ("5000", 500000),  # a bare number (register cell) is yuan
        ("5,000.50", 500050),
        ("处以罚款人民币伍仟元整（5000元）的行政处罚", 500000),
        ("罚款人民币伍仟\n元整", 500000),  # pypdf broke the line inside the amount
    ],
)
def test_amount_variants(text: str, fen: int) -> None:
    assert parse_amount_fen(text) == fen


@pytest.mark.parametrize(
    "text", ["", "无", "三元里小区", "2万平方米", "第六十条", "五五元", "一百五元", "1.234元", "百元", "\x00"],
)
def test_not_amounts(text: str) -> None:
    assert parse_amount_fen(text) is None


def test_find_amounts_spans_and_order() -> None:
    t = "罚款人民币伍仟元整（5000元），另处￥200"
    hits = find_amounts(t)
    assert [h.fen for h in hits] == [500000, 500000, 20000]
    for h in hits:
        assert t[h.start:h.end] == h.raw
    assert hits[0].raw == "人民币伍仟元整"


CAP_DIGITS = "零壹贰叁肆伍陆柒捌玖"
CAP_UNITS = ("", "拾", "佰", "仟")
LOW_DIGITS = "零一二三四五六七八九"
LOW_UNITS = ("", "十", "百", "千")


def render_cn_int(n: int, digits: str, units: tuple[str, ...], big: tuple[str, str], ten_short: bool) -> str:
    """An independent renderer: 12500 → 壹万贰仟伍佰, 105000 → 壹拾万零伍仟, 10 → 壹拾 / 拾.

    Digit by digit: a zero between two non-zero digits is written once as 零, across 万/亿 too.
    """
    if n == 0:
        return digits[0]
    s = str(n)
    out = ""
    zero = False
    for i, ch in enumerate(s):
        pos = len(s) - 1 - i
        d = int(ch)
        if d == 0:
            zero = bool(out)
        else:
            if zero:
                out += digits[0]
                zero = False
            out += digits[d] + units[pos % 4]
        if pos in (4, 8) and (n // 10**pos) % 10**4:
            out += big[0] if pos == 4 else big[1]
    if ten_short and out.startswith(digits[1] + units[1]):
        out = out[1:]  # 壹拾 → 拾, 一十 → 十
    return out


def render_capital(fen: int, ten_short: bool = False, prefix: str = "人民币") -> str:
    yuan, rest = divmod(fen, 100)
    text = render_cn_int(yuan, CAP_DIGITS, CAP_UNITS, ("万", "亿"), ten_short) + "元"
    if rest == 0:
        return prefix + text + "整"
    jiao, f = divmod(rest, 10)
    text += (CAP_DIGITS[jiao] + "角" if jiao else "零") + (CAP_DIGITS[f] + "分" if f else "")
    return prefix + text


def render_lower(fen: int, liang: bool) -> str:
    yuan, rest = divmod(fen, 100)
    text = render_cn_int(yuan, LOW_DIGITS, LOW_UNITS, ("万", "亿"), True)
    if liang and text.startswith("二") and len(text) > 1 and text[1] in "百千万亿":
        text = "两" + text[1:]
    text = "人民币" + text + "元"
    jiao, f = divmod(rest, 10)
    if rest:
        text += (LOW_DIGITS[jiao] + "角" if jiao else "零") + (LOW_DIGITS[f] + "分" if f else "")
    return text


def test_renderer_sanity() -> None:
    assert render_capital(500000) == "人民币伍仟元整"
    assert render_capital(1250000) == "人民币壹万贰仟伍佰元整"
    assert render_capital(10500000) == "人民币壹拾万零伍仟元整"
    assert render_capital(10000100000) == "人民币壹亿零壹仟元整"
    assert render_capital(553) == "人民币伍元伍角叁分"
    assert render_lower(2000000, True) == "人民币两万元"


FEN = st.integers(min_value=0, max_value=10**10)


@FAST
@given(FEN, st.booleans(), st.booleans())
def test_any_amount_arabic_round_trips(fen: int, commas: bool, currency: bool) -> None:
    yuan, rest = divmod(fen, 100)
    number = f"{yuan:,}" if commas else str(yuan)
    if rest or currency:
        number += f".{rest:02d}"
    text = f"￥{number}" if currency else f"{number}元"
    assert parse_amount_fen(text) == fen
    assert parse_amount_fen(fullwidth(text)) == fen
    assert parse_amount_fen(f"决定给予罚款人民币{number}元的处罚") == fen


@FAST
@given(FEN)
def test_any_amount_wan_round_trips(fen: int) -> None:
    wan = format((Decimal(fen) / Decimal(10**6)).normalize(), "f")
    assert parse_amount_fen(f"{wan}万元") == fen


@FAST
@given(FEN, st.booleans(), st.sampled_from(["人民币", "", "罚款"]))
def test_any_amount_capital_round_trips(fen: int, ten_short: bool, prefix: str) -> None:
    text = render_capital(fen, ten_short, prefix)
    assert parse_amount_fen(text) == fen, text
    hits = find_amounts("决定处以" + text + "的行政处罚。")
    assert [h.fen for h in hits] == [fen], text


@FAST
@given(FEN, st.booleans())
def test_any_amount_lowercase_round_trips(fen: int, liang: bool) -> None:
    text = render_lower(fen, liang)
    assert parse_amount_fen(text) == fen, text


# =============================================================================================
# case numbers (文号)
# =============================================================================================


@pytest.mark.parametrize(
    ("text", "prefix", "year", "number"),
    [
        ("平消行罚决字〔2023〕第0012号", "平消行罚决字", 2023, 12),
        ("平消行罚决字[2023]12号", "平消行罚决字", 2023, 12),
        ("平消行罚决字(2023)第12号", "平消行罚决字", 2023, 12),
        ("平消行罚决字（2023）第12号", "平消行罚决字", 2023, 12),
        ("平消行罚决字【2023】第12号", "平消行罚决字", 2023, 12),
        ("平消行罚决字［2023］第12号", "平消行罚决字", 2023, 12),
        ("平消行罚决字（２０２３）第１２号", "平消行罚决字", 2023, 12),
        ("平消限字〔2023〕第3号", "平消限字", 2023, 3),
        ("平消火认字〔2024〕5号", "平消火认字", 2024, 5),
        ("平消封字〔2023〕第0001号", "平消封字", 2023, 1),
        ("平消行罚决字2023第12号", "平消行罚决字", 2023, 12),
        ("平消行罚决字 〔 2023 〕 第 0012 号", "平消行罚决字", 2023, 12),
        ("文号：平消行罚决字〔2023〕第0012号", "平消行罚决字", 2023, 12),
        ("现将平消行罚决字〔2023〕第0012号行政处罚决定书送达给你", "平消行罚决字", 2023, 12),
        ("行政处罚决定书（平消行罚决字〔2023〕第0012号）", "平消行罚决字", 2023, 12),
        ("行政处罚决定书平消行罚决字〔2023〕第0012号", "平消行罚决字", 2023, 12),
    ],
)
def test_doc_no_variants(text: str, prefix: str, year: int, number: int) -> None:
    n = normalize(text)
    h = parse_doc_no(n)
    assert isinstance(h, DocNoHit)
    assert (h.prefix, h.year, h.number) == (prefix, year, number)
    assert n[h.start:h.end] == h.raw
    assert h.key == f"{prefix}〔{year}〕{number}号"


@pytest.mark.parametrize(
    "text", ["", "当事人：张三", "依据〔2023〕12号", "第六十条第一款第（三）项", "2023年5月6日", "消防法〔2023〕",
             "平消行罚决字〔2023〕第12", "平消行罚决字〔3023〕第12号", "\x00\x01"],
)
def test_no_doc_no(text: str) -> None:
    assert parse_doc_no(normalize(text)) is None


def test_find_doc_nos_many() -> None:
    t = "根据平消行罚决字〔2023〕第12号、平消限字[2023]3号"
    assert [h.key for h in find_doc_nos(t)] == ["平消行罚决字〔2023〕12号", "平消限字〔2023〕3号"]


def test_doc_no_key_examples() -> None:
    keys = {doc_no_key(s) for s in ("平消行罚决字〔2023〕第0012号", "平消行罚决字[2023]12号",
                                    "平消行罚决字（２０２３）第12号", " 平消行罚决字 (2023) 第 012 号 ")}
    assert keys == {"平消行罚决字〔2023〕12号"}
    assert doc_no_key("平消行罚决字〔2023〕第0012号") != doc_no_key("平消行罚决字〔2024〕第0012号")
    assert doc_no_key("平消行罚决字〔2023〕第0012号") != doc_no_key("平消限字〔2023〕第0012号")


def test_doc_no_key_fallback_for_odd_numbers() -> None:
    assert doc_no_key("消（2023）第007") == doc_no_key("消〔2023〕7")
    assert doc_no_key("") == ""


BRACKETS = ["〔〕", "[]", "()", "（）", "【】", "［］"]
PREFIXES = ["平消行罚决字", "平消限字", "平消火认字", "平消封字", "穗消行罚决字", "京朝消行罚决字"]


@FAST
@given(st.sampled_from(PREFIXES), st.integers(2000, 2099), st.integers(1, 99999), st.sampled_from(BRACKETS),
       st.booleans(), st.integers(0, 5), st.booleans(), st.booleans())
def test_doc_no_key_invariant(prefix: str, year: int, num: int, br: str, di: bool, pad: int, full: bool,
                              spaced: bool) -> None:
    text = f"{prefix}{br[0]}{year}{br[1]}{'第' if di else ''}{num:0{pad}d}号"
    if full:
        text = fullwidth(text)
    if spaced:
        text = " ".join(text)
    assert doc_no_key(text) == f"{prefix}〔{year}〕{num}号"


# =============================================================================================
# titles
# =============================================================================================


def title_of(text: str) -> str | None:
    m = match_title(first_lines(text), INDEX)
    return m.code if m else None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("行政处罚决定书\n当事人：张三", "penalty_decision"),
        ("行 政 处 罚 决 定 书\n当事人：张三", "penalty_decision"),
        ("平安县消防救援大队\n行 政 处 罚 决 定 书\n平消行罚决字〔2023〕第0012号\n当事人：张三", "penalty_decision"),
        ("××市消防救援支队\n行政处罚决定书", "penalty_decision"),
        ("平安县消防救援大队行政处罚决定书\n平消行罚决字〔2023〕第0012号", "penalty_decision"),
        ("平安县消防救援大队\n当场行政处罚决定书\n当事人", "onsite_decision"),
        ("平安县消防救援大队当场行政处罚决定书", "onsite_decision"),
        ("当 场 行 政 处 罚 决 定 书", "onsite_decision"),
        ("行政处罚决定书\n（当场）\n当事人：张三", "onsite_decision"),
        ("行政处罚决定书(当场)", "onsite_decision"),
        ("火灾事故简易调查认定书", "simple_fire_determination"),
        ("平安县消防救援大队\n火 灾 事 故 认 定 书\n平消火认字〔2023〕第5号", "fire_determination"),
        ("行政处罚决定书（存根）", "penalty_decision"),
        ("行 政 处 罚 决 定 书 （ 第 一 联 ）", "penalty_decision"),
        ("送达回证（回执）", "service_receipt"),
        ("行政处罚决定书\n（副本）", "penalty_decision"),
        ("行政处罚决定书 平消行罚决字〔2023〕第0012号", "penalty_decision"),
        ("- 3 -\n平安县消防救援大队\n询问笔录\n时间：", "inquiry_record"),
        ("第2页 共3页\n询 问 笔 录", "inquiry_record"),
        ("附件1\n公众聚集场所投入使用营业前消防安全检查\n申请表", "application_form"),
        ("行\n政\n处\n罚\n决\n定\n书\n当事人：张三", "penalty_decision"),
        ("平 安 县 消 防 救 援 大 队\n送 达 回 证\n送达文书\n行政处罚决定书", "service_receipt"),
        ("平安县消防救援大队\n\n\n  送达回证  \n", "service_receipt"),
        ("２０２３\n卷内目录", "contents"),
        ("平消行罚决字〔2023〕第0012号\n行政处罚决定书", "penalty_decision"),
    ],
)
def test_title_variants(text: str, code: str) -> None:
    assert title_of(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "\x00\x01\x02",
        "依据《行政处罚决定书》送达……",
        "现将行政处罚决定书送达给你，请签收。",
        "平安县消防救援大队\n现将行政处罚决定书送达给你（单位），请签收。\n行政处罚决定书",
        # a 送达回证 continued on a new page: the served document's title sits in a table cell
        "受送达人\n平安县鑫源商贸有限公司\n送达文书\n行政处罚决定书\n送达时间",
        "当事人：平安县鑫源商贸有限公司\n行政处罚决定书",
        "问：你是否知道行政处罚决定书的内容？\n答：知道。",
        "一、行政处罚决定书",
        "《行政处罚决定书》",
        "行政处罚决定书送达回证说明",
    ],
)
def test_title_not_matched(text: str) -> None:
    assert title_of(text) is None


def test_title_match_details() -> None:
    lines = ["平安县消防救援大队", "行 政 处 罚 决 定 书 （存根）", "平消行罚决字〔2023〕第0012号"]
    m = match_title(lines, VOCAB)
    assert m is not None
    assert (m.code, m.title, m.found, m.line, m.line_count, m.suffix) == (
        "penalty_decision", "行政处罚决定书", "行 政 处 罚 决 定 书 （存根）", 1, 1, "存根")
    m2 = match_title(["行政处罚决定书", "（第二联）"], VOCAB)
    assert m2 is not None and (m2.line, m2.line_count, m2.suffix) == (0, 2, "第二联")


def test_title_prefers_longest() -> None:
    vocab = [("short", ["认定书"]), ("fire", ["火灾事故认定书"]), ("simple", ["火灾事故简易调查认定书"])]
    assert match_title(["平安县消防救援大队火灾事故简易调查认定书"], vocab).code == "simple"  # type: ignore[union-attr]
    assert match_title(["火灾事故认定书"], vocab).code == "fire"  # type: ignore[union-attr]


def test_title_window_limit() -> None:
    lines = ["平安县消防救援大队"] * 10 + ["询问笔录"]
    assert match_title(lines, INDEX) is None
    assert match_title(lines, INDEX, max_lines=12) is not None


def test_title_vocabulary_as_pairs_or_index_agree() -> None:
    for text in ("询 问 笔 录", "送达回证", "无关文字"):
        assert match_title([text], VOCAB) == match_title([text], INDEX)


# =============================================================================================
# fields: realistic pages as pypdf extracts them
# =============================================================================================

DECISION_PAGE = (
    "平安县消防救援大队\n"
    "行 政 处 罚 决 定 书\n"
    "平消行罚决字〔2023〕第0012号\n"
    "\u3000\u3000当事人：平安县鑫源商贸有限公司，统一社会信用代码：91330102MA2B3C4D5E，法定代\n"
    "表人：王大明，地址：平安县城关镇解放路12号。\n"
    "\u3000\u3000现查明：2023年5月6日14时30分，本大队执法人员在对你单位进行消防监督检查时发现，你单位\n"
    "安全出口被锁闭。以上事实有消防监督检查记录、询问笔录、现场照片等证据证实。\n"
    "\u3000\u3000你单位的上述行为违反了《中华人民共和国消防法》第二十八条之规定，根据《中华人民共和国\n"
    "消防法》第六十条第一款第（三）项“处五千元以上五万元以下罚款”之规定，决定对你单位处以罚款人\n"
    "民币伍仟元整（5000元）的行政处罚。\n"
    "\u3000\u3000如不服本决定，可以在收到本决定书之日起六十日内依法向平安县人民政府申请行政复议，或者在\n"
    "六个月内依法向平安县人民法院提起行政诉讼。\n"
    "平安县消防救援大队\n"
    "（印章）\n"
    "二〇二三年五月二十六日\n"
)

INQUIRY_PAGE = (
    "平安县消防救援大队\r\n"
    "询 问 笔 录\r\n"
    "第 1 次询问\r\n"
    "时间：２０２３年５月６日１４时３０分至２０２３年５月６日１５时２０分\r\n"
    "地点：平安县消防救援大队询问室\r\n"
    "询问人：张伟（执法证号：33010021001）、李强（执法证号：33010021002）\r\n"
    "记录人：李强\r\n"
    "被询问人：王小明 性别：男 年龄：35\r\n"
    "身份证号：330102198801011234\r\n"
    "工作单位：平安县鑫源商贸有限公司 职务：经理\r\n"
    "联系电话：13800001234\r\n"
    "住址：平安县城关镇解放路12号\r\n"
    "问：我们是平安县消防救援大队的执法人员，现依法向你询问，你要如实回答，对与本案无关的问题你有拒\r\n"
    "绝回答的权利，你听清楚了吗？\r\n"
    "答：听清楚了。我是公司经理，法定代表人是王大明。举报人：李四我不认识。\r\n"
)

SERVICE_PAGE = (
    "平安县消防救援大队\n"
    "送 达 回 证\n"
    "送达文书名称及文号\n"
    "行政处罚决定书（平消行罚决字〔2023〕第0012号）\n"
    "受送达人\n"
    "平安县鑫源商贸有限公司\n"
    "送达地点\n"
    "平安县城关镇解放路12号\n"
    "送达方式\n"
    "直接送达\n"
    "送达\n"
    "时间\n"
    "2023年5月29日10时20分\n"
    "受送达人签名或盖章\n"
    "王大明 2023年5月29日\n"
    "送达人\n"
    "张伟、李强\n"
    "备注\n"
    "现将行政处罚决定书送达给你（单位），请签收。\n"
)


def by_name(hits: list[FieldHit]) -> dict[str, list[object]]:
    out: dict[str, list[object]] = {}
    for h in hits:
        out.setdefault(h.name, []).append(h.value)
    return out


def check_offsets(text: str, hits: list[FieldHit]) -> None:
    t = normalize(text)
    for h in hits:
        assert t[h.start:h.end] == h.raw, h
    assert [h.start for h in hits] == sorted(h.start for h in hits)


def test_decision_page() -> None:
    assert title_of(DECISION_PAGE) == "penalty_decision"
    hits = extract_fields(DECISION_PAGE, "penalty_decision", FIELDS)
    check_offsets(DECISION_PAGE, hits)
    f = by_name(hits)
    assert f["doc_no"] == ["平消行罚决字〔2023〕第0012号"]
    assert doc_no_key(str(f["doc_no"][0])) == "平消行罚决字〔2023〕12号"
    assert f["party"] == ["平安县鑫源商贸有限公司"]
    assert f["legal_representative"] == ["王大明"]  # the label was broken over two lines
    assert f["address"] == ["平安县城关镇解放路12号"]
    assert f["fine_fen"] == [500000]  # not the 五千元以上 of the quoted law
    assert f["decided_on"] == [D(2023, 5, 26)]
    assert "handlers" not in f  # "本大队执法人员在…" is body text, not a label
    decided = [h for h in hits if h.name == "decided_on"][0]
    assert decided.raw == "二〇二三年五月二十六日" and decided.label == ""


def test_inquiry_page() -> None:
    assert title_of(INQUIRY_PAGE) == "inquiry_record"
    hits = extract_fields(INQUIRY_PAGE, "inquiry_record", FIELDS)
    check_offsets(INQUIRY_PAGE, hits)
    f = by_name(hits)
    assert f["inquiry_start"] == [DT(2023, 5, 6, 14, 30)]
    assert f["inquiry_end"] == [DT(2023, 5, 6, 15, 20)]
    assert f["handlers"] == [("张伟", "李强")]
    assert f["handler_cert_nos"] == [("33010021001", "33010021002")]
    assert f["party"] == ["王小明"]
    assert f["address"] == ["平安县城关镇解放路12号"]
    assert "legal_representative" not in f  # "法定代表人是王大明" inside an answer
    assert "decided_on" not in f and "fine_fen" not in f  # fields of other document types


def test_service_page() -> None:
    assert title_of(SERVICE_PAGE) == "service_receipt"
    hits = extract_fields(SERVICE_PAGE, "service_receipt", FIELDS)
    check_offsets(SERVICE_PAGE, hits)
    f = by_name(hits)
    assert f["served_doc_no"] == ["平消行罚决字〔2023〕第0012号"]
    assert f["party"] == ["平安县鑫源商贸有限公司"]
    assert f["served_at"] == [DT(2023, 5, 29, 10, 20)]  # label split over two lines ("送达\n时间")
    assert f["handlers"] == [("张伟", "李强")]
    assert "doc_no" not in f  # the 文号 in the table is the served document's
    assert "address" not in f  # 送达地点 is a stop label, not an address field


def test_unknown_doc_type_reads_only_unlimited_fields() -> None:
    f = by_name(extract_fields(DECISION_PAGE, None, FIELDS))
    assert "party" in f and "doc_no" in f
    assert "decided_on" not in f and "fine_fen" not in f


def test_compiled_labels_give_the_same_hits() -> None:
    compiled = compile_labels(FIELDS)
    assert extract_fields(SERVICE_PAGE, "service_receipt", compiled) == extract_fields(
        SERVICE_PAGE, "service_receipt", FIELDS)


COMPLAINT_PAGE = """××市消防救援支队
举 报 投 诉 登 记 表
举报人：李四 联系电话：13900001111
举报时间：2023年6月1日9时15分
被举报单位：平安县好运来网吧
地址：平安县城南路8号
举报内容：网吧安全出口堵塞。
受理时间：2023年6月1日9时20分
"""


def test_complaint_page_complainant_is_not_the_party() -> None:
    assert title_of(COMPLAINT_PAGE) == "complaint_register"
    f = by_name(extract_fields(COMPLAINT_PAGE, "complaint_register", FIELDS))
    assert f["party"] == ["平安县好运来网吧"]
    assert f["received_at"] == [DT(2023, 6, 1, 9, 15), DT(2023, 6, 1, 9, 20)]


def test_fire_time_inline() -> None:
    text = "火灾事故认定书\n经调查，起火时间为2023年5月6日凌晨3时20分许，起火部位位于仓库东侧。"
    f = by_name(extract_fields(text, "fire_determination", FIELDS))
    assert f["fire_at"] == [DT(2023, 5, 6, 3, 20)]


def test_inspection_table_cells() -> None:
    # pypdf puts each table cell on its own line: label, then value
    text = ("消防监督检查记录\n被检查单位\n平安县鑫源商贸有限公司\n检查时间\n2023年5月6日14时30分至16时00分\n"
            "检查人员\n张 伟 李 强\n法定代表人\n王大明\n执法证号\n33010021001 33010021002\n")
    f = by_name(extract_fields(text, "inspection_record", FIELDS))
    assert f["party"] == ["平安县鑫源商贸有限公司"]
    assert f["inspected_at"] == [DT(2023, 5, 6, 14, 30)]
    assert f["inspected_until"] == [DT(2023, 5, 6, 16, 0)]
    assert f["handlers"] == [("张伟", "李强")] or f["handlers"] == [("张伟李强",)]
    assert f["legal_representative"] == ["王大明"]
    assert f["handler_cert_nos"] == [("33010021001", "33010021002")]


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("张三、李四", ("张三", "李四")),
        ("张三，李四", ("张三", "李四")),
        ("张三 李四", ("张三", "李四")),
        ("张三和李四", ("张三", "李四")),
        ("王和平、李四", ("王和平", "李四")),
        ("欧阳明、司马·光", ("欧阳明", "司马·光")),
        ("张三（执法证号：3301001）、李四（执法证号：3301002）", ("张三", "李四")),
        ("张三3301001、李四3301002", ("张三", "李四")),
        ("张 三、李 四", ("张三", "李四")),
        ("张三等", ("张三",)),
    ],
)
def test_handler_names(value: str, names: tuple[str, ...]) -> None:
    hits = extract_fields(f"执法人员：{value}\n", None, FIELDS)
    assert merged_names(hits) == names


def test_handler_certificates_next_to_names() -> None:
    hits = extract_fields("执法人员：张三（执法证号：3301001）、李四（执法证号：3301002）", None, FIELDS)
    assert by_name(hits)["handler_cert_nos"] == [("3301001", "3301002")]


def test_interviewer_is_not_interviewee() -> None:
    f = by_name(extract_fields("被询问人：王小明\n询问人：张伟、李强\n", "inquiry_record", FIELDS))
    assert f["party"] == ["王小明"]
    assert f["handlers"] == [("张伟", "李强")]


def test_labels_in_body_text_are_not_labels() -> None:
    text = ("依法对当事人进行了询问，执法人员张伟出示了证件。\n"
            "依 法 对 当 事 人 进 行 检 查\n"
            "我们是执法人员，当事人对上述事实无异议。")
    assert extract_fields(text, None, FIELDS) == []


def test_struck_out_blank_values_are_skipped() -> None:
    assert by_name(extract_fields("法定代表人：/\n地址：\\\n当事人：无\n", None, FIELDS)) == {}


def test_label_with_qualifier() -> None:
    f = by_name(extract_fields("当事人（单位）：平安县鑫源商贸有限公司\n执法人员（签名）：张伟、李强", None, FIELDS))
    assert f["party"] == ["平安县鑫源商贸有限公司"]
    assert f["handlers"] == [("张伟", "李强")]


def test_dates_by_role() -> None:
    text = "立案时间：2023年5月6日\n检查时间：2023-05-06 14:30\n告知时间：2023年5月20日10时\n送达时间：2023年5月29日"
    f = by_name(extract_fields(text, "penalty_notice", FIELDS))
    assert f["filed_on"] == [D(2023, 5, 6)]
    assert f["inspected_at"] == [DT(2023, 5, 6, 14, 30)]
    assert f["notified_on"] == [D(2023, 5, 20)]
    assert f["served_at"] == [D(2023, 5, 29)]  # no time written: a date, for the checks to flag


def test_notice_closing_date() -> None:
    text = "行政处罚告知书\n平消罚告字〔2023〕第12号\n……拟对你单位处以罚款人民币伍仟元整。\n平安县消防救援大队（印章）\n2023年5月20日"
    f = by_name(extract_fields(text, "penalty_notice", FIELDS))
    assert f["notified_on"] == [D(2023, 5, 20)]
    assert f["fine_fen"] == [500000]
    assert f["doc_no"] == ["平消罚告字〔2023〕第12号"]


def test_no_closing_date_on_a_first_page() -> None:
    text = "行政处罚决定书\n当事人：张三\n现查明：2023年5月6日14时30分检查时发现……"
    assert "decided_on" not in by_name(extract_fields(text, "penalty_decision", FIELDS))


def test_stray_spaces_in_labels_and_values() -> None:
    text = "当 事 人 ： 平安县 鑫源 商贸有限公司\n执 法 人 员：张伟 、李强\n法定代表人：\x00王大明"
    f = by_name(extract_fields(text, None, FIELDS))
    assert f["party"] == ["平安县鑫源商贸有限公司"]
    assert f["handlers"] == [("张伟", "李强")]
    assert f["legal_representative"] == ["王大明"]


@pytest.mark.parametrize(
    "ending",
    [
        "平安县消防救援大队（印章）\n二〇二三年五月二十六日",
        "平安县消防救援大队\n二〇二三年五月二十六日（印章）",
        "平安县消防救援大队 二〇二三年五月二十六日",
        "（盖章）\n2023年5月26日",
        "××市消防救援支队\n二○二三年五月二十六日\n",
    ],
)
def test_closing_date_variants(ending: str) -> None:
    text = "行政处罚决定书\n当事人：张三\n现查明，2023年5月6日检查时……\n" + ending
    assert by_name(extract_fields(text, "penalty_decision", FIELDS))["decided_on"] == [D(2023, 5, 26)]


def test_merged_names() -> None:
    hits = extract_fields("检查人员：张伟\n检查人员：李强、张伟\n", None, FIELDS)
    assert merged_names(hits) == ("张伟", "李强")
    assert merged_names(hits, "party") == ()


def test_value_wrapped_by_a_paragraph_line_break() -> None:
    text = ("行政处罚决定书\n"
            "当事人：平安县鑫源商贸有限公司城关分公司第一经营部平安县城关镇解放路的一家超市\n"
            "，法定代表人：王大明，联系电话：13800001234。执法人员：张伟（执法证号：33010021\n"
            "001）、李强。现查明，你单位于2023年5月6日检查时发现未设置消防设施。\n")
    f = by_name(extract_fields(text, "penalty_decision", FIELDS))
    assert f["party"] == ["平安县鑫源商贸有限公司城关分公司第一经营部平安县城关镇解放路的一家超市"]
    assert f["handler_cert_nos"] == [("33010021001",)]
    assert f["handlers"] == [("张伟", "李强")]
    check_offsets(text, extract_fields(text, "penalty_decision", FIELDS))


def test_short_value_line_does_not_run_on() -> None:
    text = ("行政处罚决定书\n当事人：张三\n现查明，你单位于2023年5月6日14时30分被检查时发现，安全出口被锁闭，疏散通道被堵塞\n"
            "，违反了消防法的规定。\n")
    assert by_name(extract_fields(text, "penalty_decision", FIELDS))["party"] == ["张三"]


def test_layout_mode_glued_labels_with_typed_values() -> None:
    # extraction_mode="layout" glues a table cell's label to its value
    text = "送达回证\n 送达文书行政处罚决定书\n 送达时间2023年5月29日10时20分\n时间2023年5月6日14时30分至15时20分"
    f = by_name(extract_fields(text, "service_receipt", FIELDS))
    assert f["served_at"] == [DT(2023, 5, 29, 10, 20)]
    f2 = by_name(extract_fields(text, "inquiry_record", FIELDS))
    assert f2["inquiry_start"] == [DT(2023, 5, 6, 14, 30)] and f2["inquiry_end"] == [DT(2023, 5, 6, 15, 20)]
    # a text value glued to its label is not read: "当事人对上述事实无异议" would be read the same way
    assert extract_fields("当事人对上述事实无异议。", None, FIELDS) == []


@pytest.mark.parametrize("text", ["", "\n\n", "\x00", "   ", "(以下空白)"])
def test_empty_pages(text: str) -> None:
    assert extract_fields(text, "penalty_decision", FIELDS) == []
    assert match_title(first_lines(text), INDEX) is None


GARBAGE = [
    bytes(range(256)).decode("latin-1"),
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00".decode("latin-1"),
    "\ufffd\ufffd\ufffd 当事人：\ufffd\ufffd",
    "%PDF-1.7\n1 0 obj<</Type/Page>>endobj\nstream\nx\x9c+T0\x00endstream",
    "年月日时分秒元角分万亿〔〕第号字" * 20,
    "：：：：当事人：：：执法人员：：：",
]


@pytest.mark.parametrize("text", GARBAGE)
def test_garbage_never_raises(text: str) -> None:
    t = normalize(text)
    parse_dates(t)
    parse_time_range(t)
    find_amounts(t)
    parse_amount_fen(text)
    parse_doc_no(t)
    doc_no_key(text)
    match_title(first_lines(text), INDEX)
    check_offsets(text, extract_fields(text, "penalty_decision", FIELDS))


@FAST
@given(st.text(alphabet=st.sampled_from(list("当事人执法员询问时间：:、，。\n 0123456789年月日时分至元万伍仟〔〕第号字平消罚决"
                                              "行政处罚决定书送达回证被检查单位地址罚款（）")), max_size=200))
def test_fuzz_never_raises_and_offsets_hold(text: str) -> None:
    for doc_type in (None, "penalty_decision", "inquiry_record", "service_receipt"):
        check_offsets(text, extract_fields(text, doc_type, FIELDS))
    match_title(first_lines(text), INDEX)
    parse_time_range(text)
    doc_no_key(text)


@FAST
@given(st.text(max_size=300))
def test_fuzz_any_unicode(text: str) -> None:
    check_offsets(text, extract_fields(text, "penalty_decision", FIELDS))
    parse_amount_fen(text)
    match_title(first_lines(text), INDEX)


def test_speed_thousands_of_pages() -> None:
    pages = [DECISION_PAGE, INQUIRY_PAGE, SERVICE_PAGE, COMPLAINT_PAGE] * 250
    t0 = time.perf_counter()
    for p in pages:
        m = match_title(first_lines(p), INDEX)
        extract_fields(p, m.code if m else None, FIELDS)
    elapsed = time.perf_counter() - t0
    assert elapsed < 10, f"{len(pages)} pages took {elapsed:.1f} s"


# =============================================================================================
# fields.yaml and its loader
# =============================================================================================


def test_real_fields_file_loads() -> None:
    assert isinstance(FIELDS, FieldsFile)
    names = {f.name for f in FIELDS.fields}
    assert {"doc_no", "party", "handlers", "legal_representative", "address", "filed_on", "inspected_at",
            "inquiry_start", "inquiry_end", "notified_on", "decided_on", "served_at", "received_at", "fire_at",
            "fine_fen"} <= names
    codes = {d.code for d in DOC_TYPES.doc_types}
    for f in FIELDS.fields:
        assert set(f.doc_types) <= codes, f.name
        for lab in f.labels:
            assert set(lab.doc_types) <= codes, lab.label
    stops = {squash(s) for s in FIELDS.stop_labels}
    assert "举报人" in stops


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "fields.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_loader_reports_line_of_bad_value(tmp_path: Path) -> None:
    p = _write(tmp_path, "schema: 1\nfields:\n  - name: party\n    kind: text\n    labels: [当事人]\n"
                         "  - name: when\n    kind: text\n    closing: true\n    labels: [日期]\n")
    with pytest.raises(FieldsFileError) as exc:
        load_fields(p)
    assert exc.value.problems[0][0] == 6
    assert "closing" in str(exc.value) and "fields.yaml:6" in str(exc.value)


def test_loader_reports_duplicate_label(tmp_path: Path) -> None:
    p = _write(tmp_path, "schema: 1\nfields:\n  - name: party\n    kind: text\n    labels: [当事人]\n"
                         "  - name: other\n    kind: text\n    labels:\n      - 地址\n      - 当 事 人\n")
    with pytest.raises(FieldsFileError) as exc:
        load_fields(p)
    line, where, message = exc.value.problems[0]
    assert line == 10 and where == "fields[1].labels[1]" and "both 'party' and 'other'" in message


def test_loader_allows_range_pairs_and_disjoint_doc_types(tmp_path: Path) -> None:
    p = _write(tmp_path, "schema: 1\nfields:\n"
                         "  - {name: a, kind: range_start, labels: [询问时间]}\n"
                         "  - {name: b, kind: range_end, labels: [询问时间]}\n"
                         "  - {name: c, kind: date, labels: [{label: 时间, doc_types: [x]}]}\n"
                         "  - {name: d, kind: date, labels: [{label: 时间, doc_types: [y]}]}\n")
    assert len(load_fields(p).fields) == 4


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("schema: 1\nfields: []\n", "fields"),
        ("schema: 2\nfields:\n  - {name: a, kind: text, labels: [x]}\n", "schema"),
        ("schema: 1\nfields:\n  - {name: a, kind: colour, labels: [x]}\n", "kind"),
        ("schema: 1\nfields:\n  - {name: a, kind: text, labels: [x], colour: red}\n", "misspelt"),
        ("schema: 1\nfields:\n  - {name: a, kind: text, labels: [x]}\n  - {name: a, kind: text, labels: [y]}\n",
         "duplicate field name"),
        ("schema: 1\nstop_labels: [x]\nfields:\n  - {name: a, kind: text, labels: [x]}\n", "stop label"),
        ("schema: 1\nfields:\n  - {name: a, kind: text}\n", "needs labels"),
        ("schema: 1\nfields:\n  - {name: a, kind: text, labels: ['  ']}\n", "only spaces"),
        ("schema: 1\nfields: [\n", "not valid YAML"),
        ("- a\n- b\n", "mapping"),
    ],
)
def test_loader_rejects(tmp_path: Path, text: str, needle: str) -> None:
    with pytest.raises(FieldsFileError) as exc:
        load_fields(_write(tmp_path, text))
    assert needle in str(exc.value)


def test_loader_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FieldsFileError, match="cannot read"):
        load_fields(tmp_path / "nope.yaml")


def test_labels_are_data(tmp_path: Path) -> None:
    """A label added to the file is read without touching code."""
    p = _write(tmp_path, "schema: 1\nfields:\n  - {name: party, kind: text, labels: [相对人]}\n")
    hits = extract_fields("相对人：平安县鑫源商贸有限公司", None, load_fields(p))
    assert [(h.name, h.value) for h in hits] == [("party", "平安县鑫源商贸有限公司")]


def test_random_layouts_of_decision_page() -> None:
    """The same page with the noise pypdf adds in different places still gives the same fields."""
    rng = random.Random(7)
    want = by_name(extract_fields(DECISION_PAGE, "penalty_decision", FIELDS))
    for _ in range(30):
        noisy = "".join(
            ch + ("\x00" if rng.random() < 0.02 else "") + ("\u200b" if rng.random() < 0.02 else "")
            for ch in DECISION_PAGE
        ).replace("\n", "\r\n")
        noisy = noisy.translate(str.maketrans("0123456789", "０１２３４５６７８９")) if rng.random() < 0.5 else noisy
        assert by_name(extract_fields(noisy, "penalty_decision", FIELDS)) == want
