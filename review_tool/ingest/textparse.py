"""Parsing the text pypdf extracts from Chinese enforcement case files.

The importer extracts each page's text with pypdf, finds where documents start on pages
without bookmarks (`match_title`), and reads fields with the page they came from
(`extract_fields`). Everything here is pure, stdlib-only and fast: it runs on every page of
thousands of files, so regexes are compiled once at import and title matching compares
squashed strings instead of running a regex per title.

Real text is messy, and every function here is written for it:

- letter-spaced titles ("行 政 处 罚 决 定 书"), an agency line above the title and the 文号 line
  under it, a trailing "（存根）" / "（第一联）";
- full-width digits and letters (２０２３年５月６日), Kangxi-radical look-alikes (⾏ for 行) that some
  fonts map to, '\\x00' and zero-width characters, stray spaces between CJK characters and line
  breaks in the middle of a label;
- dates as 2023年5月6日, 2023-05-06, 2023.5.6 or in Chinese numerals (二〇二三年五月二十六日), times as
  14时30分, 14:30, 下午2时30分;
- amounts as 5000元, 5,000.00元, 0.5万元, 人民币伍仟元整, 壹万贰仟伍佰元整, 罚款五千元, ￥5000;
- case numbers (文号) as 平消行罚决字〔2023〕第0012号 with any bracket style, with or without 第.

Nothing here raises on bad input: impossible dates (2023年2月30日), malformed numerals and
garbage simply produce no hit. Money is integer fen throughout (Decimal, never float).

Offsets in hits refer to the text as given to the function; `extract_fields` normalizes its input
first, so its offsets refer to `normalize(text)` (store the normalized page text to use them).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Protocol

__all__ = [
    "AmountHit",
    "DateHit",
    "DocNoHit",
    "FieldHit",
    "FieldLabels",
    "TimeRangeHit",
    "TitleIndex",
    "TitleMatch",
    "build_title_index",
    "compile_labels",
    "doc_no_key",
    "extract_fields",
    "find_amounts",
    "find_doc_nos",
    "first_lines",
    "merged_names",
    "match_title",
    "normalize",
    "parse_amount_fen",
    "parse_dates",
    "parse_doc_no",
    "parse_time_range",
    "squash",
]

# ---------------------------------------------------------------------------------------------
# normalize / squash
# ---------------------------------------------------------------------------------------------

# Full-width punctuation that carries meaning in Chinese text (and that the parsers below accept
# in both widths) is kept: （）［］｛｝，；！？ and the quotes. Digits, letters and the symbols that
# only ever stand for their ASCII twin are folded.
_KEEP_FULLWIDTH = set("（）［］｛｝，；！？＂＇｀")


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in range(0xFF01, 0xFF5F):
        ch = chr(cp)
        if ch not in _KEEP_FULLWIDTH:
            table[cp] = chr(cp - 0xFEE0)
    # Kangxi radicals, CJK compatibility ideographs, vertical and small forms: some PDF fonts map
    # glyphs to these look-alikes (⾏ U+2F8F for 行), which defeats every comparison.
    for lo, hi in ((0x2E80, 0x2EF4), (0x2F00, 0x2FD6), (0xF900, 0xFB00), (0xFE10, 0xFE1A),
                   (0xFE30, 0xFE50), (0xFE50, 0xFE6C), (0x2F800, 0x2FA20)):
        for cp in range(lo, hi):
            ch = chr(cp)
            n = unicodedata.normalize("NFKC", ch)
            if n != ch:
                table[cp] = n
    for ch in "\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t":
        table[ord(ch)] = " "
    for ch in "\r\u2028\u2029\u0085\x0b\x0c":
        table[ord(ch)] = "\n"
    for cp in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]:
        table[cp] = None
    # Make the table a fixed point (an NFKC result could itself be a key), so normalize is idempotent.
    for cp, out in list(table.items()):
        if out:
            out2 = "".join((table.get(ord(c), c) or "") for c in out)
            table[cp] = out2 if out2 else None
    return table


_TABLE = _build_table()
_SPACES_RE = re.compile(r" {2,}")
_LINE_EDGE_RE = re.compile(r" *\n *")


def normalize(text: str) -> str:
    """Fold the width and encoding noise of pypdf text, keeping every CJK character.

    Full-width ASCII becomes half-width (２０２３ → 2023, ： → :) except punctuation that carries
    meaning in Chinese (（）［］，；！？); look-alike radicals become the real characters; '\\x00',
    control and zero-width characters go; CR / CRLF / form feeds become '\\n'; runs of spaces
    (including U+3000) become one space and lines are stripped. Spaces between CJK characters are
    kept (they may separate names); use `squash` to compare letter-spaced text. Idempotent.
    """
    if not text:
        return ""
    s = text.replace("\r\n", "\n").translate(_TABLE)
    s = _SPACES_RE.sub(" ", s)
    s = _LINE_EDGE_RE.sub("\n", s)
    return s.strip(" ")


def squash(text: str) -> str:
    """Remove all whitespace: "行 政 处 罚 决 定 书" → "行政处罚决定书" (for comparisons only)."""
    return "".join(text.split())


def first_lines(text: str, n: int = 8) -> list[str]:
    """The first `n` non-empty lines of `normalize(text)`, the input `match_title` expects."""
    out: list[str] = []
    for line in normalize(text).split("\n"):
        if line.strip():
            out.append(line)
            if len(out) >= n:
                break
    return out


# ---------------------------------------------------------------------------------------------
# Chinese numerals
# ---------------------------------------------------------------------------------------------

_DIGIT: dict[str, int] = {}
for _chars, _v in (("零〇○0", 0), ("一壹幺1", 1), ("二两兩贰貳2", 2), ("三叁參3", 3), ("四肆4", 4),
                   ("五伍5", 5), ("六陆陸6", 6), ("七柒7", 7), ("八捌8", 8), ("九玖9", 9)):
    for _c in _chars:
        _DIGIT[_c] = _v
_SMALL_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNIT = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_YEAR_DIGIT = {**{c: v for c, v in _DIGIT.items() if c not in "两兩幺"}, "O": 0, "o": 0}


def _cn_int(s: str) -> int | None:
    """A Chinese (or capital, or mixed) numeral as an int: 二十六, 壹万贰仟伍佰, 一千零五, 5千.

    Strict about shape, so that garbage gives None rather than a wrong number: two digits in a row
    ("五五"), units out of order ("五十三百"), and a bare trailing digit after a unit above 十
    ("一万二", colloquially 12000, literally ambiguous) are refused. 廿/卅 are 二十/三十.
    """
    if not s:
        return None
    if "廿" in s or "卅" in s:
        s = s.replace("廿", "二十").replace("卅", "三十")
    total = 0  # the 亿 part, already multiplied
    wan = 0  # the 万 part, already multiplied
    small = 0  # the part below 万 being built
    digit: int | None = None
    last_unit = 10**5  # small units must decrease within a group
    last_big = 10**9
    zero_seen = False  # a 零 since the last unit: "一百零五" is 105
    unit_before = 0  # the unit just before the pending digit
    for ch in s:
        if ch in _DIGIT:
            d = _DIGIT[ch]
            if d == 0:
                if digit not in (None, 0):
                    return None
                digit = 0
                zero_seen = True
                continue
            if digit not in (None, 0):
                return None
            digit = d
        elif ch in _SMALL_UNIT:
            u = _SMALL_UNIT[ch]
            if u >= last_unit:
                return None
            if digit is None:
                if u != 10:
                    return None  # 百 / 千 need a digit before them
                digit = 1  # 十 = 一十
            elif digit == 0:
                return None
            small += digit * u
            digit = None
            last_unit = u
            unit_before = u
            zero_seen = False
        elif ch in _BIG_UNIT:
            u = _BIG_UNIT[ch]
            group = small + (digit or 0)
            if u == 10**4:
                if last_big <= 10**4 or group == 0:
                    return None
                wan = group * u
            else:
                if total or (wan + group) == 0:
                    return None
                total = (wan + group) * u
                wan = 0
            last_big = u
            small = 0
            digit = None
            last_unit = 10**5
            unit_before = u
            zero_seen = False
        else:
            return None
    if digit and unit_before > 10 and not zero_seen:
        return None
    return total + wan + small + (digit or 0)


def _num(s: str) -> int | None:
    """Arabic digits or a Chinese numeral."""
    s = s.replace(" ", "")
    if s.isascii():
        return int(s) if s.isdigit() else None
    return _cn_int(s)


# ---------------------------------------------------------------------------------------------
# dates and times
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateHit:
    """A date, with its time when one was written right after it.

    `value` is a `datetime` when `has_time`, else a `date`. `start`/`end` is the span in the text
    searched; `raw` the text of that span.
    """

    value: dt.date | dt.datetime
    start: int
    end: int
    raw: str
    has_time: bool

    @property
    def day(self) -> dt.date:
        v = self.value
        return v.date() if isinstance(v, dt.datetime) else v


@dataclass(frozen=True)
class TimeRangeHit:
    """A start–end span ("2023年5月6日14时30分至15时20分"). Both ends are datetimes when `has_time`,
    else dates. `end` may be before `start`: that is the file's error, reported, not corrected."""

    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    span_start: int
    span_end: int
    raw: str
    has_time: bool


_CN_D = "〇零○一二三四五六七八九"
_MD = r"(?:[0-9](?: ?[0-9])?|[〇零一二三四五六七八九十廿卅]{1,3})"  # "1 2": pypdf spaced the digits
_DATE_RE = re.compile(
    rf"(?<![0-9{_CN_D}十])(?P<y>[0-9{_CN_D}Oo](?: ?[0-9{_CN_D}Oo]){{3}})\s*年\s*(?P<m>{_MD})\s*月\s*(?P<d>{_MD})\s*[日号]"
    rf"|(?<![0-9.\-/])(?P<iy>(?:19|20)[0-9]{{2}})(?P<sep>[-./])(?P<im>[0-9]{{1,2}})(?P=sep)"
    rf"(?P<id>[0-9]{{1,2}})(?![0-9])(?!\.[0-9])"
)
# A month and day without the year: the end of "2023年5月6日14时至5月7日9时".
_MD_DATE_RE = re.compile(rf"(?P<m>{_MD})\s*月\s*(?P<d>{_MD})\s*[日号]")
_H = r"(?:[0-9]{1,2}|[〇零一二两三四五六七八九十]{1,3})"
_MI = r"(?:[0-9]{1,2}|[〇零一二三四五六七八九十]{1,3}(?=\s*分))"  # Chinese minutes only with 分
_TIME_RE = re.compile(
    r"(?:\s*[（(]?\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[）)]?)?"
    r"[\sT]*(?P<ap>上午|下午|晚上|中午|凌晨|早上|早晨|傍晚|夜间|夜里|晚)?\s*"
    rf"(?<![0-9])(?P<h>{_H})\s*"
    r"(?:(?P<hm>[时点])(?:\s*(?P<half>半)|\s*(?P<mi>" + _MI + r")\s*(?P<fen>分)?(?:\s*(?P<sec>[0-9]{1,2})\s*秒)?)?"
    r"|[:](?P<mc>[0-9]{2})(?::(?P<sc>[0-9]{2}))?)"
    r"(?![0-9])"
)
_PM = frozenset({"下午", "晚上", "傍晚", "夜间", "夜里", "晚", "中午"})
_RANGE_SEP_RE = re.compile(r"\s*(?:起\s*)?(?:至|到|—+|–|-|~|～)\s*")
_RANGE_TAIL_RE = re.compile(r"\s*止")
_RANGE_HEAD = "自从于"


def _year(s: str) -> int | None:
    s = s.replace(" ", "")
    if s.isdigit() and s.isascii():
        return int(s)
    try:
        return int("".join(str(_YEAR_DIGIT[c]) for c in s))
    except KeyError:
        return None


def _make_date(y: int | None, m: int | None, d: int | None) -> dt.date | None:
    if y is None or m is None or d is None or not 1900 <= y <= 2099:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _time_at(text: str, pos: int) -> tuple[dt.time, int] | None:
    """A time starting at `pos` (after optional spaces / weekday): (time, end) or None."""
    m = _TIME_RE.match(text, pos)
    if m is None:
        return None
    h = _num(m["h"])
    if m["mc"] is not None:
        mi: int | None = int(m["mc"])
        sec = int(m["sc"]) if m["sc"] else 0
    elif m["half"]:
        mi, sec = 30, 0
    elif m["mi"] is not None:
        mi = _num(m["mi"])
        sec = int(m["sec"]) if m["sec"] else 0
    else:
        mi, sec = 0, 0
    if h is None or mi is None:
        return None
    ap = m["ap"]
    if ap in _PM and h < 12:
        h += 12
    if not (0 <= h <= 23 and 0 <= mi <= 59 and 0 <= sec <= 59):
        return None
    return dt.time(h, mi, sec), m.end()


def _date_from_match(m: re.Match[str]) -> dt.date | None:
    if m["y"] is not None:
        return _make_date(_year(m["y"]), _num(m["m"]), _num(m["d"]))
    return _make_date(int(m["iy"]), int(m["im"]), int(m["id"]))


def _hit_from_match(text: str, m: re.Match[str]) -> DateHit | None:
    day = _date_from_match(m)
    if day is None:
        return None
    t = _time_at(text, m.end())
    if t is None:
        return DateHit(day, m.start(), m.end(), m.group(), False)
    end = t[1]
    return DateHit(dt.datetime.combine(day, t[0]), m.start(), end, text[m.start():end], True)


def parse_dates(text: str) -> list[DateHit]:
    """Every valid date in `text`, in order, with the time written right after it if any.

    Accepts 2023年5月6日 (also 6号), 2023-05-06, 2023.5.6, 2023/05/06, Chinese-numeral dates with
    〇/零/○/O (二〇二三年五月二十六日, 十/二十/三十一 days, 廿/卅), mixed forms, spaces and line
    breaks between the parts. Times: 14时30分, 14时, 14点半, 14:30(:00), 下午2时30分 (下午/晚上 … +12),
    十四时三十分, after an optional weekday (星期六). Impossible dates (2023年2月30日) and years
    outside 1900–2099 are skipped; an impossible time leaves the date without a time.
    Run `normalize` first for full-width digits.
    """
    out: list[DateHit] = []
    for m in _DATE_RE.finditer(text):
        hit = _hit_from_match(text, m)
        if hit is not None:
            out.append(hit)
    return out


def _end_of_range(text: str, pos: int, start: DateHit) -> tuple[dt.date | dt.datetime, int] | None:
    """The end of a range starting at `pos`: a full date(time), a month-day(time), or a time."""
    m = _DATE_RE.match(text, pos)
    if m is not None:
        hit = _hit_from_match(text, m)
        if hit is None or hit.has_time != start.has_time:
            return None
        return hit.value, hit.end
    m = _MD_DATE_RE.match(text, pos)
    if m is not None:
        day = _make_date(start.day.year, _num(m["m"]), _num(m["d"]))
        if day is None:
            return None
        if not start.has_time:
            return day, m.end()
        t = _time_at(text, m.end())
        return (dt.datetime.combine(day, t[0]), t[1]) if t else None
    if start.has_time:
        t = _time_at(text, pos)
        if t is not None:
            return dt.datetime.combine(start.day, t[0]), t[1]
    return None


def _ranges(text: str, hits: Sequence[DateHit]) -> Iterable[TimeRangeHit]:
    for hit in hits:
        sep = _RANGE_SEP_RE.match(text, hit.end)
        if sep is None:
            continue
        end = _end_of_range(text, sep.end(), hit)
        if end is None:
            continue
        value, stop = end
        tail = _RANGE_TAIL_RE.match(text, stop)
        if tail:
            stop = tail.end()
        begin = hit.start
        if begin > 0 and text[begin - 1] in _RANGE_HEAD:
            begin -= 1
        yield TimeRangeHit(hit.value, value, begin, stop, text[begin:stop], hit.has_time)


def parse_time_range(text: str) -> TimeRangeHit | None:
    """The first start–end span in `text` (询问 / 检查 times), or None.

    "2023年5月6日14时30分至2023年5月6日15时20分", "2023年5月6日14时30分至15时20分" (end on the same
    day), "…至5月7日9时", "自…起至…止", with 至/到/—/-/~ between. Without times it is a date range
    ("2023年5月6日至2023年6月4日"). A start with a time needs an end with a time, and the reverse.
    """
    for r in _ranges(text, parse_dates(text)):
        return r
    return None


# ---------------------------------------------------------------------------------------------
# amounts
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AmountHit:
    """An amount of money in fen (分). `start`/`end`/`raw`: where it is in the text searched."""

    fen: int
    start: int
    end: int
    raw: str


_CN_NUM_CHARS = "零〇一二两三四五六七八九十百千万亿壹贰貳叁肆伍陆陸柒捌玖拾佰仟萬億"
_CN_DIGIT_CHARS = "零〇一二两三四五六七八九壹贰貳叁肆伍陆陸柒捌玖"
_CAPITAL = frozenset("壹贰貳叁肆伍陆陸柒捌玖拾佰仟")
_LOWER_UNITS = frozenset("十百千万亿萬億")
_MONEY_PREFIX = ("人民币", "罚款", "罚金", "金额", "RMB", "￥", "¥", "计")
_AR_AMOUNT_RE = re.compile(
    r"(?P<rmb>(?:人民币|RMB|rmb)\s*[:]?\s*)?(?P<cur>[￥¥]\s*)?"
    r"(?<![0-9.,])(?P<int>[0-9]{1,3}(?:[,，][0-9]{3})+|[0-9]+)(?:\.(?P<dec>[0-9]+))?"
    r"\s*(?P<unit>亿元|万元|千元|百元|元|圆|亿|万)?"
    r"(?:\s*(?P<jiao>[0-9])\s*角)?(?:\s*(?P<fen>[0-9])\s*分)?(?P<zheng>\s*整)?"
)
_CN_AMOUNT_RE = re.compile(
    rf"(?P<rmb>(?:人民币|RMB|rmb)\s*[:]?\s*)?"
    rf"(?P<cn>[{_CN_NUM_CHARS}](?:\s*[{_CN_NUM_CHARS}])*)\s*[元圆]"
    rf"(?:\s*(?P<jiao>[{_CN_DIGIT_CHARS}])\s*角|\s*零(?=\s*[{_CN_DIGIT_CHARS}]\s*分))?"
    rf"(?:\s*(?P<fen>[{_CN_DIGIT_CHARS}])\s*分)?(?P<zheng>\s*[整正])?"
)
_UNIT_FEN = {"亿元": 10**10, "亿": 10**10, "万元": 10**6, "万": 10**6, "千元": 10**5, "百元": 10**4,
             "元": 100, "圆": 100}
_BARE_AMOUNT_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]{1,2})?|[0-9]+(?:\.[0-9]{1,2})?")


def _decimal_fen(int_part: str, dec: str | None, unit_fen: int) -> int | None:
    try:
        value = Decimal(int_part.replace(",", "").replace("，", "") + ("." + dec if dec else "")) * unit_fen
    except InvalidOperation:
        return None
    if value != value.to_integral_value():
        return None  # 0.1234567万元 is not a whole number of fen
    return int(value)


def _has_money_prefix(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start].rstrip(" :")
    return before.endswith(_MONEY_PREFIX)


def _ar_amount(text: str, m: re.Match[str]) -> AmountHit | None:
    unit = m["unit"]
    dec = m["dec"]
    prefixed = bool(m["cur"] or m["rmb"]) or _has_money_prefix(text, m.start())
    if unit is None:
        if not m["cur"]:
            return None  # a bare number is not money ("5000" could be anything)
        unit_fen = 100
    else:
        if unit in ("万", "亿") and not prefixed:
            return None  # 2万平方米 is not money
        unit_fen = _UNIT_FEN[unit]
    if unit_fen == 100 and dec is not None and len(dec) > 2 and dec.strip("0"):
        return None
    fen = _decimal_fen(m["int"], dec, unit_fen)
    if fen is None:
        return None
    end = m.end()
    if m["jiao"] or m["fen"]:
        if unit not in ("元", "圆") or dec:
            end = m.start("jiao") if m["jiao"] else m.start("fen")
        else:
            fen += int(m["jiao"] or 0) * 10 + int(m["fen"] or 0)
    raw = text[m.start():end].rstrip()
    return AmountHit(fen, m.start(), m.start() + len(raw), raw)


def _cn_amount(text: str, m: re.Match[str]) -> AmountHit | None:
    cn = squash(m["cn"])
    yuan = _cn_int(cn)
    if yuan is None:
        return None
    if not (_CAPITAL & set(cn) or _LOWER_UNITS & set(cn) or m["rmb"] or cn in ("零", "〇")):
        return None  # 三元里 is a place; lowercase money has a unit (五千元) or 人民币 before it
    fen = yuan * 100
    if m["jiao"]:
        fen += _DIGIT[m["jiao"]] * 10
    if m["fen"]:
        fen += _DIGIT[m["fen"]]
    return AmountHit(fen, m.start(), m.end(), m.group())


def find_amounts(text: str) -> list[AmountHit]:
    """Every amount of money in `text`, in order, in fen.

    Arabic (5000元, 5,000.00元, 12元5角, ￥5000, ¥5,000.00, 0.5万元, 5千元, 人民币5万), capital numerals
    with 元/圆 角 分 整 (人民币伍仟元整, 壹万贰仟伍佰元整, 伍元零叁分) and lowercase numerals (五千元,
    一万二千元, 两万元). A bare number is not money; 万 without 元 needs 人民币/￥/罚款 before it; lowercase
    numerals need a unit (so 三元里 is not 3 元). Overlapping readings keep the longer.
    Run `normalize` first for full-width digits.
    """
    hits: list[AmountHit] = []
    for m in _AR_AMOUNT_RE.finditer(text):
        h = _ar_amount(text, m)
        if h is not None:
            hits.append(h)
    for m in _CN_AMOUNT_RE.finditer(text):
        h = _cn_amount(text, m)
        if h is not None:
            hits.append(h)
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[AmountHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out


def parse_amount_fen(text: str) -> int | None:
    """The amount `text` states, in fen, or None.

    A bare number ("5000", "5,000.00", a register cell under 罚款金额（元）) is read as yuan; anything
    else is the first amount `find_amounts` finds ("罚款五千元" → 500000).
    """
    s = normalize(text)
    bare = squash(s)
    if _BARE_AMOUNT_RE.fullmatch(bare):
        int_part, _, dec = bare.partition(".")
        return _decimal_fen(int_part, dec or None, 100)
    hits = find_amounts(s)
    return hits[0].fen if hits else None


# ---------------------------------------------------------------------------------------------
# case numbers (文号)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocNoHit:
    """A case number: 平消行罚决字〔2023〕第0012号 → prefix 平消行罚决字, year 2023, number 12."""

    prefix: str
    year: int
    number: int
    start: int
    end: int
    raw: str

    @property
    def key(self) -> str:
        """The canonical form: see `doc_no_key`."""
        return f"{self.prefix}〔{self.year}〕{self.number}号"

    @property
    def text(self) -> str:
        """The number as written, without spaces."""
        return squash(self.raw)


_LB = "〔\\[［(（【〖{｛"
_RB = "〕\\]］)）】〗}｝"
_DOC_NO_RE = re.compile(
    rf"(?P<prefix>[\u4e00-\u9fff]{{1,16}})\s*"
    rf"(?:[{_LB}]\s*(?P<year>(?:19|20)[0-9]{{2}})\s*[{_RB}]|(?<=字)(?P<year2>(?:19|20)[0-9]{{2}}))"
    r"\s*(?:第\s*)?(?P<num>[0-9]{1,6})\s*号"
)
# Words before a 文号 that are not part of it ("现将平消行罚决字…", "行政处罚决定书平消…", "文号平消…").
# Single characters that also start county names (和平, 于都, 即墨 …) are left out on purpose: a
# wrong cut would change the key; a phrase left in front only costs a miss in body text.
_PREFIX_CUT_RE = re.compile(
    r".*(?:书|表|单|回证|笔录|通知|现将|根据|依据|按照|依照|参照|关于|对于|的|号|送达|收到|作出|附)"
)


def _doc_hit(m: re.Match[str]) -> DocNoHit | None:
    prefix = m["prefix"]
    cut = _PREFIX_CUT_RE.match(prefix)
    start = m.start()
    if cut is not None:
        if cut.end() == len(prefix):
            return None
        prefix = prefix[cut.end():]
        start += cut.end()
    year = int(m["year"] or m["year2"])
    return DocNoHit(prefix, year, int(m["num"]), start, m.end(), m.string[start:m.end()])


def find_doc_nos(text: str) -> list[DocNoHit]:
    """Every case number in `text`, in order (run `normalize` first for full-width digits)."""
    out = []
    for m in _DOC_NO_RE.finditer(text):
        h = _doc_hit(m)
        if h is not None:
            out.append(h)
    return out


def parse_doc_no(text: str) -> DocNoHit | None:
    """The first case number in `text`: prefix letters (平消行罚决字, 平消限字, 平消火认字 …), the year
    in any brackets (〔〕 [] () （） 【】 ［］, or none right after 字), optional 第, digits, 号."""
    for h in find_doc_nos(text):
        return h
    return None


_KEY_BRACKETS = str.maketrans({c: "〔" for c in _LB.replace("\\", "")} | {c: "〕" for c in _RB.replace("\\", "")})
_LEADING_ZEROS_RE = re.compile(r"(?<![0-9])0+(?=[0-9])")


def doc_no_key(s: str) -> str:
    """A key under which the spellings of one case number are equal.

    Canonical form: `{prefix}〔{year}〕{number}号` — spaces and full-width removed, the year in 〔〕
    whatever the brackets, no 第, no leading zeros in the number. So 平消行罚决字〔2023〕第0012号,
    平消行罚决字[2023]12号 and 平消行罚决字（２０２３）第12号 are all 平消行罚决字〔2023〕12号.
    Text that holds no case number is squashed the same way (brackets to 〔〕, 第 and leading zeros
    dropped), so the key is still stable for odd numbering schemes.
    """
    n = normalize(s)
    hit = parse_doc_no(n)
    if hit is not None:
        return hit.key
    k = squash(n).translate(_KEY_BRACKETS).replace("第", "")
    return _LEADING_ZEROS_RE.sub("", k)


# ---------------------------------------------------------------------------------------------
# document titles
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TitleMatch:
    """Where a document starts: its type `code`, the vocabulary `title` that matched, the line as
    `found` on the page, its `line` index in the lines given (the first of two when the title was
    split over `line_count` = 2 lines), and a copy marker stripped from it (存根, 第一联 …)."""

    code: str
    title: str
    found: str
    line: int
    line_count: int = 1
    suffix: str = ""


@dataclass(frozen=True)
class TitleIndex:
    """Titles by matching key, built once per vocabulary (see `build_title_index`)."""

    exact: dict[str, tuple[str, str]]  # key → (code, title)
    by_length: tuple[tuple[str, str, str], ...]  # (key, code, title), longest key first


_TITLE_KEY_TABLE = str.maketrans({"(": "（", ")": "）", "[": "【", "]": "】", "［": "【", "］": "】"})


def _title_key(s: str) -> str:
    return squash(normalize(s)).translate(_TITLE_KEY_TABLE)


def build_title_index(vocabulary: Iterable[tuple[str, Iterable[str]]]) -> TitleIndex:
    """Index (code, titles) pairs, as in doc_types.yaml, for `match_title`.

    Keys ignore spaces, width and bracket style. If two codes share a title the first wins
    (doc_types.yaml's validator forbids it anyway).
    """
    exact: dict[str, tuple[str, str]] = {}
    for code, titles in vocabulary:
        for t in titles:
            k = _title_key(t)
            if k and k not in exact:
                exact[k] = (code, t)
    by_length = tuple(sorted(((k, c, t) for k, (c, t) in exact.items()), key=lambda x: -len(x[0])))
    return TitleIndex(exact, by_length)


@lru_cache(maxsize=16)
def _cached_index(vocabulary: tuple[tuple[str, tuple[str, ...]], ...]) -> TitleIndex:
    return build_title_index(vocabulary)


# An agency line above the title (or glued before it): ××市消防救援支队, 平安县消防救援大队 …
# Only multi-character endings: a body line ending in 处 or 局 ("…之处") must not pass for an agency.
_AGENCY_RE = re.compile(
    r"[\u4e00-\u9fff×xX*＊（）·]{1,40}?"
    r"(?:总队|支队|大队|中队|救援站|消防站|消防救援局|消防局|应急管理局|管理局|公安局|分局|派出所|人民政府|"
    r"政府|办事处|委员会|管委会|消防救援处|执法局|执法队|服务中心)"
)

_COPY_MARK = r"(?:存根|正本|副本|第[一二三四五六七八九十0-9]+联|[^（）]{1,6}联|回执|存档|留存|附卷|备案|续页|续|附页)"
_TRAILING_PAREN_RE = re.compile(r"（([^（）]{1,12})）$")
_COPY_MARK_RE = re.compile(rf"（?{_COPY_MARK}）?")
_PAGE_MARK_RE = re.compile(
    r"第[0-9]+页(?:共[0-9]+页)?|共[0-9]+页(?:第[0-9]+页)?|[-—]*[0-9]{1,4}[-—]*|[0-9]+/[0-9]+|[0-9]+of[0-9]+"
)
_HEADER_MISC_RE = re.compile(
    r"附件[0-9一二三四五六七八九十]*|(?:NO|No|no)\.?[:]?[0-9A-Za-z-]*|№[0-9A-Za-z-]*|编号[:]?[0-9A-Za-z-]*|"
    r"中华人民共和国|[A-Za-z0-9.·\-_]{1,3}|.|（[^（）]{1,8}）|【[^【】]{1,8}】"
)


def _is_header(key: str) -> bool:
    """Lines allowed above a title: agency names, page marks, copy marks, 文号, stray glyphs."""
    if not key:
        return True
    return bool(
        _AGENCY_RE.fullmatch(key)
        or _PAGE_MARK_RE.fullmatch(key)
        or _COPY_MARK_RE.fullmatch(key)
        or _HEADER_MISC_RE.fullmatch(key)
        or _is_doc_no_line(key)
    )


def _is_doc_no_line(key: str) -> bool:
    """A 文号 alone, maybe after a short label (文号: / 编号:)."""
    h = parse_doc_no(key)
    return h is not None and h.end == len(key) and h.start <= 3


def _is_trailer(rest: str) -> bool:
    """What may follow a title on its own line: copy marks, a 文号, a page mark."""
    if not rest:
        return True
    if _COPY_MARK_RE.fullmatch(rest) or _PAGE_MARK_RE.fullmatch(rest):
        return True
    h = parse_doc_no(rest)
    return h is not None and h.end == len(rest) and h.start <= 2


def _strip_marker(key: str) -> tuple[str, str]:
    m = _TRAILING_PAREN_RE.search(key)
    if m:
        return key[: m.start()], m.group(1)
    return key, ""


def _match_key(idx: TitleIndex, key: str) -> tuple[str, str, str] | None:
    """(code, title, suffix) for a line key that is a title, maybe with agency / marks / 文号."""
    hit = idx.exact.get(key)
    if hit:
        return hit[0], hit[1], ""
    core, suffix = _strip_marker(key)
    if suffix and core in idx.exact:
        code, title = idx.exact[core]
        return code, title, suffix
    n = len(key)
    for k, code, title in idx.by_length:
        if len(k) >= n:
            continue  # not shorter than the line: only an exact match (tried above) can fit
        if key.startswith(k) and _is_trailer(key[len(k):]):
            return code, title, _strip_marker(key[len(k):])[1]
        pos = key.find(k)
        if pos > 0 and _AGENCY_RE.fullmatch(key[:pos]) and _is_trailer(key[pos + len(k):]):
            return code, title, _strip_marker(key[pos + len(k):])[1]
    return None


def _join_single_chars(lines: Sequence[str]) -> list[tuple[str, int, int]]:
    """(key, first line index, line count), with runs of one-character lines joined: some PDFs put
    each glyph of a widely spaced title on its own line."""
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(lines):
        k = _title_key(lines[i])
        if len(k) == 1:
            j = i
            parts = []
            while j < len(lines) and len(_title_key(lines[j])) == 1:
                parts.append(_title_key(lines[j]))
                j += 1
            if len(parts) >= 3:
                out.append(("".join(parts), i, j - i))
                i = j
                continue
        out.append((k, i, 1))
        i += 1
    return out


def match_title(
    lines: Sequence[str],
    vocabulary: TitleIndex | Sequence[tuple[str, Sequence[str]]],
    max_lines: int = 8,
) -> TitleMatch | None:
    """Whether a page starts a document, and which type.

    `lines` are the page's first lines (e.g. `first_lines(text)`); `vocabulary` is a `TitleIndex`
    or (code, titles) pairs as in doc_types.yaml (pairs of tuples are indexed once and cached).

    A title must fill its line, ignoring spaces: it may carry an agency name before it, a copy mark
    (（存根）, （第一联）…), a page mark or a 文号 after it, and may be split over two lines. Every line
    above it must look like a header (agency, page mark, 文号, copy mark). So a title inside a
    sentence ("现将行政处罚决定书送达给你") or in a table cell under a label never starts a document.
    When several titles fit, the longest wins (当场行政处罚决定书 over 行政处罚决定书).
    """
    if isinstance(vocabulary, TitleIndex):
        idx = vocabulary
    else:
        idx = _cached_index(tuple((c, tuple(ts)) for c, ts in vocabulary))
    keyed = [(k, i, n) for k, i, n in _join_single_chars(lines) if k][:max_lines]
    for pos, (key, i, n) in enumerate(keyed):
        # two lines joined first: the longer title wins ("行政处罚决定书" + "（当场）")
        if pos + 1 < len(keyed):
            key2, i2, n2 = keyed[pos + 1]
            joined = key + key2
            hit2 = idx.exact.get(joined)
            suffix = ""
            if hit2 is None:
                core, suffix = _strip_marker(joined)
                hit2 = idx.exact.get(core) if suffix else None
            if hit2 is not None:
                found = " ".join(lines[j].strip() for j in range(i, i2 + n2))
                return TitleMatch(hit2[0], hit2[1], found, i, i2 + n2 - i, suffix)
        hit = _match_key(idx, key)
        if hit is not None:
            found = " ".join(lines[j].strip() for j in range(i, i + n))
            return TitleMatch(hit[0], hit[1], found, i, n, hit[2])
        if not _is_header(key):
            return None
    return None


# ---------------------------------------------------------------------------------------------
# fields
# ---------------------------------------------------------------------------------------------


class _LabelLike(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def doc_types(self) -> Sequence[str]: ...


class _FieldLike(Protocol):
    """What `extract_fields` needs of a field definition (`review_tool.rules.fields.FieldDef`)."""

    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def labels(self) -> Sequence[_LabelLike]: ...
    @property
    def doc_types(self) -> Sequence[str]: ...
    @property
    def inline(self) -> bool: ...
    @property
    def closing(self) -> bool: ...
    @property
    def standalone(self) -> bool: ...


class _FieldsLike(Protocol):
    """What `extract_fields` needs of the label file (`review_tool.rules.fields.FieldsFile`)."""

    @property
    def fields(self) -> Sequence[_FieldLike]: ...
    @property
    def stop_labels(self) -> Sequence[str]: ...
    @property
    def seal_marks(self) -> Sequence[str]: ...


FieldValue = str | int | dt.date | dt.datetime | tuple[str, ...]


@dataclass(frozen=True)
class FieldHit:
    """One value read from a page.

    `value` is typed by the field's kind: str (text, doc_no), tuple[str, ...] (names, cert_nos),
    date (date; datetime kinds when no time was written), datetime, int fen (amount).
    `raw` is the text the value was read from; `start`/`end` its span in `normalize(text)`;
    `label` the label as printed ("" for a closing date or a 文号 standing alone).
    """

    name: str
    kind: str
    value: FieldValue
    raw: str
    start: int
    end: int
    label: str = ""


@dataclass(frozen=True)
class _Use:
    name: str
    kind: str
    field_doc_types: frozenset[str]
    label_doc_types: frozenset[str]
    inline: bool

    def applies(self, doc_type: str | None) -> bool:
        for scope in (self.field_doc_types, self.label_doc_types):
            if scope and (doc_type is None or doc_type not in scope):
                return False
        return True


@dataclass(frozen=True)
class _Special:
    name: str
    kind: str
    doc_types: frozenset[str]

    def applies(self, doc_type: str | None) -> bool:
        return not self.doc_types or (doc_type is not None and doc_type in self.doc_types)


@dataclass(frozen=True)
class FieldLabels:
    """The label file compiled for `extract_fields`: one trie regex over every label."""

    regex: re.Pattern[str]
    uses: dict[str, tuple[_Use, ...]]  # squashed label → the fields it announces; () = stop label
    closing: tuple[_Special, ...]
    standalone: tuple[_Special, ...]
    seal_marks: tuple[str, ...]
    names_fields: tuple[_Special, ...]  # where names found next to certificate numbers go
    cert_fields: tuple[_Special, ...]  # where certificate numbers found next to names go


def _label_key(label: str) -> str:
    return squash(normalize(label))


def _trie_regex(keys: Iterable[str]) -> str:
    """A regex matching any key, longest first, allowing whitespace between characters (pypdf
    breaks lines inside labels). A trie keeps it fast: one branch per first character."""
    trie: dict[str, dict] = {}
    for k in keys:
        node = trie
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict], first: bool) -> str:
        alts = []
        ends = "" in node
        for ch in sorted(c for c in node if c):
            sub = build(node[ch], False)
            alts.append(("" if first else r"\s*") + re.escape(ch) + sub)
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie, True)


def compile_labels(labels: _FieldsLike | FieldLabels) -> FieldLabels:
    """Compile the label file once; `extract_fields` also caches this per label-file object."""
    if isinstance(labels, FieldLabels):
        return labels
    uses: dict[str, list[_Use]] = {}
    closing: list[_Special] = []
    standalone: list[_Special] = []
    names_fields: list[_Special] = []
    cert_fields: list[_Special] = []
    for f in labels.fields:
        fdt = frozenset(f.doc_types)
        special = _Special(f.name, f.kind, fdt)
        if f.closing:
            closing.append(special)
        if f.standalone:
            standalone.append(special)
        if f.kind == "names":
            names_fields.append(special)
        if f.kind == "cert_nos":
            cert_fields.append(special)
        for lab in f.labels:
            key = _label_key(lab.label)
            if key:
                uses.setdefault(key, []).append(_Use(f.name, f.kind, fdt, frozenset(lab.doc_types), f.inline))
    for s in labels.stop_labels:
        key = _label_key(s)
        if key:
            uses.setdefault(key, [])
    regex = re.compile(_trie_regex(uses))
    marks = tuple(sorted({squash(normalize(m)) for m in labels.seal_marks if m.strip()}, key=len, reverse=True))
    return FieldLabels(regex, {k: tuple(v) for k, v in uses.items()}, tuple(closing), tuple(standalone), marks,
                       tuple(names_fields), tuple(cert_fields))


_COMPILED: dict[int, tuple[object, FieldLabels]] = {}


def _compiled(labels: _FieldsLike | FieldLabels) -> FieldLabels:
    if isinstance(labels, FieldLabels):
        return labels
    got = _COMPILED.get(id(labels))
    if got is not None and got[0] is labels:
        return got[1]
    compiled = compile_labels(labels)
    if len(_COMPILED) >= 8:
        _COMPILED.clear()
    _COMPILED[id(labels)] = (labels, compiled)  # holding the object keeps its id from being reused
    return compiled


# What may stand right before a label: a label is the start of a cell, line or clause, never the
# middle of a word ("对当事人进行…", "的执法人员"). An opening bracket is excluded on purpose:
# "张三（执法证号：123）" keeps 执法证号 inside the handlers value.
_BEFORE_LABEL = frozenset(" \n，。；;,、:：)）】〕]>》」”’\"'")
_AFTER_LABEL_RE = re.compile(r"(?P<qual>[ \t]*[（(][^（）()\n]{1,12}[）)])?[ \t]*(?P<colon>[:：])?[ \t]*")
_INLINE_GAP_RE = re.compile(r"[ \t]*(?:[:：]|为|是|约为|约|系)?[ \t]*")
_TEXT_CUT_RE = re.compile(r"[，。；;,]")
_SENTENCE_END_RE = re.compile(r"[。；;]")
_CJK_SPACE_RE = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")
_EMPTY_VALUES = frozenset({"", "/", "\\", "—", "——", "-", "--", "无", "/无", "空", "以下空白", "（以下空白）"})
_RANGE_WORDS = ("以上", "以下", "至", "到", "-", "~", "～", "—")
_NAME_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff·]{1,5}")
_NOT_NAMES = frozenset({"签名", "签字", "盖章", "印章", "本人", "同上", "等人", "捺印", "手印", "执法证号", "证号"})
_CERT_RE = re.compile(r"(?=[A-Za-z\-]*[0-9])[A-Za-z0-9][A-Za-z0-9\-]{3,}")
_NAME_CERT_RE = re.compile(r"([\u4e00-\u9fff·]{2,5}?)[:]?([A-Za-z0-9][A-Za-z0-9\-]{3,})")
_PAREN_RE = re.compile(r"[（(][^（）()]*[）)]")
_NAME_SPLIT_RE = re.compile(r"[、，,;；/]+")
_MAX_NEAR = 12  # an inline value must begin this close to its label
_DATE_KINDS = frozenset({"date", "datetime", "range_start", "range_end"})


@dataclass
class _Occ:
    start: int
    end: int  # after label, qualifier and separator
    label: str
    uses: tuple[_Use, ...]


def _label_occurrences(text: str, fl: FieldLabels, doc_type: str | None) -> list[_Occ]:
    """Every place a label is used as a label, in order (see `_accept_label`)."""
    out: list[_Occ] = []
    pos = 0
    search = fl.regex.search
    while True:
        m = search(text, pos)
        if m is None:
            return out
        occ = _accept_label(text, m, fl, doc_type) if m.end() > m.start() else None
        if occ is None:
            pos = m.start() + 1  # a shorter label may start inside a refused one ("次询问\n时间：")
        else:
            out.append(occ)
            pos = m.end()


def _accept_label(text: str, m: re.Match[str], fl: FieldLabels, doc_type: str | None) -> _Occ | None:
    uses = fl.uses.get(squash(m.group()))
    if uses is None:
        return None
    applicable = tuple(u for u in uses if u.applies(doc_type))
    start = m.start()
    if any(u.inline for u in applicable):
        sep = _INLINE_GAP_RE.match(text, m.end())
        return _Occ(start, sep.end() if sep else m.end(), m.group(), applicable)
    ls = text.rfind("\n", 0, start) + 1
    at_line_start = not text[ls:start].strip()
    after = _AFTER_LABEL_RE.match(text, m.end())
    assert after is not None  # the pattern can match the empty string
    if after["colon"]:
        before = text[start - 1] if start else "\n"
        ok = before in _BEFORE_LABEL
    else:
        # No colon: only a label opening its line counts, its value after a gap or on the next
        # line (table cells). Mid-line, stray spaces in body text ("依 法 对 当 事 人 进 行")
        # would otherwise turn every word into a label.
        nxt = text[after.end()] if after.end() < len(text) else "\n"
        has_gap = after.end() > (after.end("qual") if after["qual"] else m.end())
        ok = at_line_start and (nxt == "\n" or has_gap)
        if not ok and at_line_start and not after["qual"]:
            # pypdf's layout mode glues a cell's label to its value ("送达时间2023年5月29日"): fine
            # when the value is typed and parses right there.
            kinds = {u.kind for u in applicable}
            ok = bool(
                (kinds & _DATE_KINDS and _DATE_RE.match(text, after.end()))
                or ("doc_no" in kinds and _DOC_NO_RE.match(text, after.end()))
            )
    return _Occ(start, after.end(), m.group(), applicable) if ok else None


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return ls, (len(text) if le < 0 else le)


def _value_segment(
    text: str, start: int, limit: int, lines: int, full_line: int
) -> tuple[int, int] | None:
    """The value after a label: the rest of its line, or (table cells) the next non-empty line.

    `lines` > 1 lets a value run on (a long time range). A value on a full-width line also runs on
    to the next line: the paragraph wrapped inside it ("法定代\n表人：…", "3301\n0021"); `full_line`
    is the length from which a line counts as full. Short lines ("当事人：张三") never run on.
    """
    ls, le = _line_bounds(text, start)
    end = min(le, limit)
    if text[start:end].strip():
        seg_start = start
        if lines == 1 and end == le < limit and _width(text[ls:le]) >= full_line:
            lines = 2
    else:
        p = le + 1
        while p < limit and text[p] == "\n":
            p += 1
        if p >= limit:
            return None
        seg_start = p
        end = min(_line_bounds(text, p)[1], limit)
    for _ in range(lines - 1):
        if end < limit and text[end:end + 1] == "\n":
            end = min(_line_bounds(text, end + 1)[1], limit)
    return seg_start, end


def _width(line: str) -> int:
    """Display width: CJK and full-width characters count 2, ASCII 1 (GBK's byte count, at C speed)."""
    return len(line.encode("gbk", errors="replace"))


def _full_line_length(text: str) -> int:
    """From what display width a line of this page is full (a paragraph line that wrapped)."""
    longest = max((_width(line) for line in text.split("\n")), default=0)
    return max(40, longest * 17 // 20)


def _clean_text(s: str) -> str:
    s = _CJK_SPACE_RE.sub("", s.strip())
    return s.strip(" ：:、，,。；;\"'“”")


def _split_names(s: str) -> tuple[list[str], list[str]]:
    """Names and certificate numbers from "张三（执法证号：3301001）、李四 3301002 和 王五"."""
    certs: list[str] = []
    for m in _PAREN_RE.finditer(s):
        certs.extend(_CERT_RE.findall(m.group()))
    s = _PAREN_RE.sub(" ", s)
    names: list[str] = []
    for chunk in _NAME_SPLIT_RE.split(s):
        tokens = chunk.split()
        if len(tokens) > 1 and all(len(t) == 1 for t in tokens):
            tokens = ["".join(tokens)]  # letter-spaced: "张 三"
        for t in tokens:
            t = t.strip(":：")
            if not t:
                continue
            if _CERT_RE.fullmatch(t):
                certs.append(t)
                continue
            nc = _NAME_CERT_RE.fullmatch(t)
            if nc:
                t = nc.group(1)
                certs.append(nc.group(2))
            if t.endswith("等") and len(t) > 2:
                t = t[:-1]
            for part in _split_and(t):
                if _NAME_RE.fullmatch(part) and part not in _NOT_NAMES:
                    names.append(part)
    return names, certs


def _split_and(t: str) -> list[str]:
    """"张三和李四" → both; "王和平" stays one name (a split must leave two names of 2–4 characters)."""
    for sep in "和及与":
        i = t.find(sep)
        while i > 0:
            left, right = t[:i], t[i + 1:]
            if 2 <= len(left) <= 4 and 2 <= len(right.split(sep)[0]) <= 4:
                return [left, *_split_and(right)]
            i = t.find(sep, i + 1)
    return [t]


def _dedup(seq: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(seq))


def _near(hit_start: int, seg_start: int, text: str, limit: int = 4) -> bool:
    return len(squash(text[seg_start:hit_start])) <= limit


def _convert(
    text: str, use: _Use, occ: _Occ, seg: tuple[int, int], fl: FieldLabels, doc_type: str | None
) -> list[FieldHit]:
    s0, s1 = seg
    seg_text = text[s0:s1]
    kind = use.kind
    label = occ.label
    if kind == "text":
        cut = _TEXT_CUT_RE.search(seg_text)
        raw = seg_text[: cut.start()] if cut else seg_text
        value = _clean_text(raw.replace("\n", ""))
        if value in _EMPTY_VALUES:
            return []
        return [FieldHit(use.name, kind, value, raw.strip(), s0, s0 + len(raw.rstrip()), label)]
    if kind in ("names", "cert_nos"):
        cut = _SENTENCE_END_RE.search(seg_text)
        raw = seg_text[: cut.start()] if cut else seg_text
        names, certs = _split_names(raw.replace("\n", ""))
        out: list[FieldHit] = []
        end = s0 + len(raw.rstrip())
        if kind == "cert_nos":
            if certs:
                # end the raw text at the last number, not the sentence after it; numbers may have
                # wrapped over a line break, so find them in the text without breaks
                kept = [i for i, ch in enumerate(raw) if ch != "\n"]
                flat = "".join(raw[i] for i in kept)
                last = kept[max(flat.rfind(c) + len(c) for c in certs) - 1] + 1
                out.append(FieldHit(use.name, kind, _dedup(certs), raw[:last].strip(), s0, s0 + last, label))
            return out
        if names:
            out.append(FieldHit(use.name, kind, _dedup(names), raw.strip(), s0, end, label))
        for cf in fl.cert_fields:
            if certs and cf.applies(doc_type):
                out.append(FieldHit(cf.name, cf.kind, _dedup(certs), raw.strip(), s0, end, label))
                break
        return out
    if kind in ("date", "datetime"):
        for h in parse_dates(seg_text):
            if not _near(h.start, 0, seg_text):
                break
            when = h.day if kind == "date" else h.value
            return [FieldHit(use.name, kind, when, h.raw, s0 + h.start, s0 + h.end, label)]
        return []
    if kind in ("range_start", "range_end"):
        hits = parse_dates(seg_text)
        if not hits or not _near(hits[0].start, 0, seg_text):
            return []
        for r in _ranges(seg_text, hits[:1]):
            value2 = r.start if kind == "range_start" else r.end
            return [FieldHit(use.name, kind, value2, r.raw, s0 + r.span_start, s0 + r.span_end, label)]
        if kind == "range_start":
            h = hits[0]
            return [FieldHit(use.name, kind, h.value, h.raw, s0 + h.start, s0 + h.end, label)]
        return []
    if kind == "amount":
        for a in find_amounts(seg_text):
            if not _near(a.start, 0, seg_text, _MAX_NEAR):
                break
            if seg_text[a.end:].lstrip().startswith(_RANGE_WORDS):
                break  # 五千元以上五万元以下: a legal range, not the amount
            return [FieldHit(use.name, kind, a.fen, a.raw, s0 + a.start, s0 + a.end, label)]
        return []
    if kind == "doc_no":
        h2 = parse_doc_no(seg_text)
        if h2 is None:
            return []
        return [FieldHit(use.name, kind, h2.text, h2.raw, s0 + h2.start, s0 + h2.end, label)]
    return []


def _closing_date(text: str, fl: FieldLabels, dates: list[DateHit]) -> DateHit | None:
    """The date standing alone near the end: under the agency name, by the seal."""
    for h in reversed(dates):
        ls, _ = _line_bounds(text, h.start)
        _, le = _line_bounds(text, max(h.start, h.end - 1))
        rest = squash(text[ls:h.start] + text[h.end:le])
        for mark in fl.seal_marks:
            rest = rest.replace(mark, "")
        rest = rest.strip("（）()【】[]〔〕")
        rest = rest.replace("（）", "").replace("()", "")
        if not rest or _AGENCY_RE.fullmatch(rest):
            return h
    return None


def _standalone_doc_no(text: str, max_lines: int = 8) -> tuple[DocNoHit, int] | None:
    offset = 0
    seen = 0
    for line in text.split("\n"):
        if line.strip():
            seen += 1
            h = parse_doc_no(line)
            if h is not None and not squash(line[: h.start]) and not squash(line[h.end:]):
                return h, offset
            if seen >= max_lines:
                break
        offset += len(line) + 1
    return None


def extract_fields(
    text: str, doc_type: str | None, labels: _FieldsLike | FieldLabels
) -> list[FieldHit]:
    """Read the labelled fields of one page, in page order.

    `labels` is the loaded fields.yaml (`review_tool.rules.fields.load_fields`) or its
    `compile_labels` result; compiling is cached per object. `doc_type` is the page's document type
    code (fields and labels limited to other types are skipped; None reads only unlimited ones).

    A label counts where it is used as a label (see fields.yaml); its value runs to the end of the
    line, or is the next line when the label stands alone (pypdf puts table cells on their own lines),
    and always stops at the next label. Every hit is returned, repeats included: the caller decides
    (e.g. `merged_names`). Offsets refer to `normalize(text)`.
    """
    fl = _compiled(labels)
    t = normalize(text)
    if not t:
        return []
    occs = _label_occurrences(t, fl, doc_type)
    full_line = _full_line_length(t)
    hits: list[FieldHit] = []
    seen_fields: set[str] = set()
    for i, occ in enumerate(occs):
        if not occ.uses:
            continue
        limit = occs[i + 1].start if i + 1 < len(occs) else len(t)
        for use in occ.uses:
            if use.inline:
                m = _SENTENCE_END_RE.search(t, occ.end, limit)
                seg_end = min(m.start() if m else limit, occ.end + 80)
                if seg_end <= occ.end:
                    continue
                seg: tuple[int, int] | None = (occ.end, seg_end)
            else:
                many = 2 if use.kind in _DATE_KINDS else 1
                seg = _value_segment(t, occ.end, limit, many, full_line)
            if seg is None:
                continue
            got = _convert(t, use, occ, seg, fl, doc_type)
            hits.extend(got)
            seen_fields.update(h.name for h in got)
    if fl.closing:
        wanted = [c for c in fl.closing if c.applies(doc_type) and c.name not in seen_fields]
        if wanted:
            h = _closing_date(t, fl, parse_dates(t))
            if h is not None:
                for c in wanted:
                    value = h.day if c.kind == "date" else h.value
                    hits.append(FieldHit(c.name, c.kind, value, h.raw, h.start, h.end))
    for sa in fl.standalone:
        if sa.applies(doc_type) and sa.name not in seen_fields:
            found = _standalone_doc_no(t)
            if found is not None:
                d, off = found
                hits.append(FieldHit(sa.name, sa.kind, d.text, d.raw, off + d.start, off + d.end))
    hits.sort(key=lambda h: h.start)
    return hits


def merged_names(hits: Iterable[FieldHit], name: str = "handlers") -> tuple[str, ...]:
    """All names of field `name` across hits, in order, each once (handlers split over cells)."""
    out: list[str] = []
    for h in hits:
        if h.name == name and isinstance(h.value, tuple):
            out.extend(h.value)
    return _dedup(out)


def split_names(s: str) -> tuple[str, ...]:
    """Person names in a list like "张三、李四 和 王五" (certificate numbers dropped)."""
    names, _certs = _split_names(normalize(s))
    return tuple(dict.fromkeys(names))
