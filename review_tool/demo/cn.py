"""Chinese text as it appears in case files: dates, amounts, 文号, names, companies, ID numbers."""

from __future__ import annotations

import datetime as dt
import random

_DIGITS_CN = "〇一二三四五六七八九"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_UPPER = "零壹贰叁肆伍陆柒捌玖"
_UPPER_UNITS = ["", "拾", "佰", "仟"]


def cn_number(n: int) -> str:
    """1..99 as written in dates: 五, 十二, 二十六."""
    if n < 10:
        return _DIGITS_CN[n] if n else "〇"
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _DIGITS_CN[tens]
    return head + "十" + (_DIGITS_CN[ones] if ones else "")


def date_cn_numerals(d: dt.date) -> str:
    """二〇二三年五月二十六日 (the style of decisions)."""
    year = "".join(_DIGITS_CN[int(c)] for c in str(d.year))
    return f"{year}年{cn_number(d.month)}月{cn_number(d.day)}日"


def date_plain(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def fullwidth(text: str) -> str:
    return text.translate(_FULLWIDTH)


def date_styled(d: dt.date, style: str) -> str:
    """A date in one of the styles seen in files: plain, cn (Chinese numerals), full (full-width), iso."""
    if style == "cn":
        return date_cn_numerals(d)
    if style == "full":
        return fullwidth(date_plain(d))
    if style == "iso":
        return d.isoformat()
    return date_plain(d)


def time_plain(t: dt.datetime) -> str:
    """14时30分."""
    return f"{t.hour}时{t.minute:02d}分"


def datetime_span(start: dt.datetime, end: dt.datetime, *, full: bool = False) -> str:
    """2023年5月6日14时30分至15时20分 (the 笔录 style)."""
    text = f"{date_plain(start.date())}{time_plain(start)}至"
    text += time_plain(end) if end.date() == start.date() else f"{date_plain(end.date())}{time_plain(end)}"
    return fullwidth(text) if full else text


def _four_digits_upper(n: int) -> str:
    out = ""
    zero = False
    for pos in range(3, -1, -1):
        d = (n // 10**pos) % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _UPPER[d] + _UPPER_UNITS[pos]
    return out


def yuan_upper(fen: int) -> str:
    """人民币伍仟元整 (whole yuan; jiao and fen written when present)."""
    yuan, rest = divmod(fen, 100)
    if yuan == 0:
        text = "零元"
    else:
        wan, low = divmod(yuan, 10000)
        text = ""
        if wan:
            text += _four_digits_upper(wan) + "万"
            if low and low < 1000:
                text += "零"
        if low:
            text += _four_digits_upper(low)
        text += "元"
    if rest == 0:
        return "人民币" + text + "整"
    jiao, f = divmod(rest, 10)
    text += (_UPPER[jiao] + "角" if jiao else "零") + (_UPPER[f] + "分" if f else "")
    return "人民币" + text


def yuan_plain(fen: int) -> str:
    yuan, rest = divmod(fen, 100)
    return f"{yuan}元" if rest == 0 else f"{yuan}.{rest:02d}元"


def yuan_wan(fen: int) -> str:
    """0.5万元, 1.2万元, 3万元."""
    text = f"{fen / 1_000_000:.4f}".rstrip("0").rstrip(".")
    return f"{text}万元"


def amount_styled(fen: int, style: str) -> str:
    if style == "upper":
        return yuan_upper(fen)
    if style == "wan":
        return yuan_wan(fen)
    if style == "both":
        return f"{yuan_upper(fen)}（{yuan_plain(fen)}）"
    if style == "money":
        yuan = fen // 100
        return f"￥{yuan:,}.{fen % 100:02d}"
    return yuan_plain(fen)


def doc_number(prefix: str, kind: str, year: int, serial: int, brackets: str = "〔〕") -> str:
    """平消行罚决字〔2023〕第0012号; brackets may be 〔〕, [] or ()."""
    left, right = brackets[0], brackets[1]
    return f"{prefix}{kind}字{left}{year}{right}第{serial:04d}号"


def spaced(title: str) -> str:
    """行 政 处 罚 决 定 书."""
    return " ".join(title)


# -- people, places and companies ---------------------------------------------------------------

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
_GIVEN_M = "伟 强 磊 军 洋 勇 杰 涛 明 超 平 刚 建华 文 华 志明 晓东 国庆 建国 晓峰 德胜 志刚 永强 立新 小龙 浩然 思远 宇轩".split()
_GIVEN_F = "芳 娜 秀英 敏 静 丽 艳 娟 秀兰 霞 桂英 金凤 玉兰 海燕 春梅 红梅 雪梅 丽萍 佳怡 子涵 梓萱 婷".split()
_STREETS = (
    "解放路 人民路 中山路 建设路 文化路 和平路 青年路 新华路 滨江路 湖滨路 东升路 光明路 学院路 "
    "迎宾大道 金沙路 长安街 府前街 商贸路 工业园路 凤凰路"
).split()
_TRADE_WORDS = "鑫源 恒通 宏达 金桥 福瑞 嘉和 荣盛 瑞丰 聚福 天悦 锦程 华美 盛世 永利 佳禾 百汇 顺发 新颜 康乐 悦来".split()
_BUSINESSES: tuple[tuple[str, str, str], ...] = (
    # (suffix, kind of place, short description used in facts)
    ("餐饮管理有限公司", "餐饮场所", "餐馆"),
    ("酒店管理有限公司", "宾馆", "宾馆"),
    ("娱乐有限公司", "歌舞娱乐场所", "KTV"),
    ("商贸有限公司", "商场", "商场"),
    ("物业服务有限公司", "住宅小区", "小区"),
    ("纺织有限公司", "生产企业", "厂房"),
    ("电子科技有限公司", "生产企业", "厂房"),
    ("物流有限公司", "仓储场所", "仓库"),
    ("养老服务中心", "养老机构", "养老院"),
    ("培训学校有限公司", "教育培训机构", "培训学校"),
    ("网络科技有限公司", "网吧", "网吧"),
    ("超市有限公司", "超市", "超市"),
    ("足浴店", "休闲场所", "足浴店"),
)
_AREAS = ("330102", "330103", "330104", "330105", "330106", "330122", "330127")


def person_name(rng: random.Random, male: bool = True) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN_M if male else _GIVEN_F)


def id_number(rng: random.Random, born: dt.date, male: bool) -> str:
    """An 18-digit 公民身份号码 with a valid check digit."""
    seq = rng.randrange(0, 50) * 2 + (1 if male else 0)
    body = f"{rng.choice(_AREAS)}{born:%Y%m%d}{rng.randrange(0, 10)}{seq:02d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c) * w for c, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


def credit_code(rng: random.Random) -> str:
    """统一社会信用代码 (18 characters; the check character is not computed)."""
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    return "91" + rng.choice(_AREAS) + "".join(rng.choice(chars) for _ in range(10))


def phone(rng: random.Random) -> str:
    return rng.choice(("138", "139", "137", "150", "158", "186", "189", "177")) + f"{rng.randrange(10**8):08d}"


def address(rng: random.Random, district: str) -> str:
    return f"{district}{rng.choice(_STREETS)}{rng.randrange(1, 399)}号"


def company(rng: random.Random, city: str) -> tuple[str, str, str]:
    """(company name, kind of place, short place word)."""
    suffix, kind, short = rng.choice(_BUSINESSES)
    return f"{city}{rng.choice(_TRADE_WORDS)}{suffix}", kind, short
