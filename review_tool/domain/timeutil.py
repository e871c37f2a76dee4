"""Time in the documents is Beijing time (UTC+8, no daylight saving).

A fixed offset rather than zoneinfo: Windows has no tz database unless the
`tzdata` package is installed, and China has not changed its offset since 1991.
"""

from __future__ import annotations

import datetime as dt

CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "CST")


def to_china(value: dt.datetime) -> dt.datetime:
    return value.astimezone(CHINA_TZ)


def china_naive_to_aware(value: dt.datetime) -> dt.datetime:
    """A time read from a document (naive, Beijing time) as an aware datetime."""
    return value.replace(tzinfo=CHINA_TZ) if value.tzinfo is None else value


def fmt_china(value: dt.datetime | None, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
    return to_china(value).strftime(fmt) if value else "—"
