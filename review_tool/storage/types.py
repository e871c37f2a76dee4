"""Column types that keep the data exact and portable (SQLite and PostgreSQL).

- `PointsType`: checklist points (0.5, 1.25 …) as integer hundredths in the
  database, `Decimal` in Python. SQLite has no decimal type and floats drift;
  integers don't.
- `UtcDateTime`: timezone-aware datetimes. Stored as UTC (naive on SQLite,
  `timestamptz` on PostgreSQL), always returned aware.
- `EnumText`: a StrEnum stored as its value in a VARCHAR, so adding a value to
  an enum needs no ALTER TYPE on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

HUNDRED = Decimal(100)


class PointsType(TypeDecorator[Decimal]):
    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Decimal | int | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("points must be Decimal or int, never float")
        d = Decimal(value) * HUNDRED
        q = d.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        if q != d:
            raise ValueError(f"points {value} have more than two decimals")
        return int(q)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(value) / HUNDRED).quantize(Decimal("0.01"))


class UtcDateTime(TypeDecorator[dt.datetime]):
    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: timestamps must be timezone-aware")
        value = value.astimezone(dt.UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class EnumText(TypeDecorator[StrEnum]):
    impl = String(32)
    cache_ok = True

    def __init__(self, enum_cls: type[StrEnum], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.enum_cls = enum_cls

    def process_bind_param(self, value: StrEnum | str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return self.enum_cls(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> StrEnum | None:
        if value is None:
            return None
        return self.enum_cls(value)

    def __repr__(self) -> str:  # keeps Alembic autogenerate output readable
        return "sa.String(length=32)"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
