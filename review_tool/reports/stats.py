"""Pure arithmetic of the reports: means, shares, rankings, Pareto. Decimal only.

Every figure a chief reads is formed here in one way, stated in the bulletin's
methodology section: means are taken over unrounded totals and rounded half-up to
two decimals once, at the end; shares are rounded half-up to one decimal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

T = TypeVar("T")
ZERO = Decimal(0)
CENT = Decimal("0.01")
TENTH = Decimal("0.1")
HUNDRED = Decimal(100)


def mean(values: Iterable[Decimal]) -> Decimal | None:
    """The arithmetic mean rounded half-up to 0.01, or None for no values."""
    vals = list(values)
    if not vals:
        return None
    return (sum(vals, ZERO) / len(vals)).quantize(CENT, rounding=ROUND_HALF_UP)


def percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    """`part` of `whole` in percent, rounded half-up to 0.1; None when `whole` is 0."""
    if not whole:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(TENTH, rounding=ROUND_HALF_UP)


def competition_ranks(values: Sequence[Decimal | None]) -> list[int]:
    """Ranks for values already sorted best first: equal values share a rank (1, 1, 3).

    None (no score) ranks after every value, all together.
    """
    ranks: list[int] = []
    for i, v in enumerate(values):
        if i and v == values[i - 1]:
            ranks.append(ranks[-1])
        else:
            ranks.append(i + 1)
    return ranks


def sort_for_ranking(rows: Sequence[T], *, average: Callable[[T], Decimal | None], cases: Callable[[T], int],
                     name: Callable[[T], str]) -> list[T]:
    """Best average first; then more cases first; then by name (stable, reproducible)."""
    return sorted(rows, key=lambda r: (average(r) is None, -(average(r) or ZERO), -cases(r), name(r)))


def pareto(counts: dict[str, tuple[int, Decimal]], total: int) -> list[tuple[str, int, Decimal, Decimal, Decimal]]:
    """(key, count, points, share %, cumulative %) from the most to the least frequent.

    Ties are broken by points lost, then by key, so the order is reproducible. The
    cumulative share is the running sum of counts over `total`, rounded once (not a
    sum of rounded shares, so it reaches exactly 100.0).
    """
    order = sorted(counts.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))
    out = []
    running = 0
    for key, (n, pts) in order:
        running += n
        out.append((key, n, pts, percent(n, total) or ZERO, percent(running, total) or ZERO))
    return out


def fmt_points(v: Decimal | None, *, blank: str = "—") -> str:
    """A score for print: 86.5 → '86.50', 100 → '100.00'."""
    if v is None:
        return blank
    return f"{v.quantize(CENT, rounding=ROUND_HALF_UP)}"


def fmt_deduction(v: Decimal) -> str:
    """A deduction for print, without trailing zeros: 2 → '2', 1.50 → '1.5'."""
    q = v.quantize(CENT, rounding=ROUND_HALF_UP).normalize()
    text = f"{q:f}"
    return text


def fmt_percent(v: Decimal | None, *, blank: str = "—") -> str:
    return blank if v is None else f"{v}%"


def month_label(month: str) -> str:
    """'2025-05' → '2025年5月'."""
    try:
        y, m = month.split("-")
        return f"{int(y)}年{int(m)}月"
    except ValueError:
        return month


def months_back(month: str, n: int) -> str:
    """The month `n` months before `month` (YYYY-MM)."""
    y, m = (int(x) for x in month.split("-"))
    idx = y * 12 + (m - 1) - n
    return f"{idx // 12:04d}-{idx % 12 + 1:02d}"
