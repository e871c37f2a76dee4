"""Opening databases: migrations, upgrades with data, and every way opening can fail."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.orm import Session

from review_tool.domain.enums import Outcome, Role, UnitKind
from review_tool.storage.engine import (
    DatabaseError,
    alembic_config,
    head_revision,
    make_engine,
    open_database,
    schema_state,
    sqlite_url,
)
from review_tool.storage.orm import Base, Case, ConflictDeclaration, ItemResult, Unit, User

FIRST = "0001"


def test_fresh_database_is_at_head(any_db: str) -> None:
    engine = open_database(any_db, auto_upgrade=True)
    try:
        state = schema_state(engine)
        assert state.up_to_date and state.current == head_revision()
        assert {"cases", "reviews", "item_results", "audit_events"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_models_match_migrations(any_db: str) -> None:
    """Every ORM change needs an Alembic revision: autogenerate must find nothing to do."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = open_database(any_db, auto_upgrade=True)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_upgrade_from_first_revision_keeps_data(any_db: str) -> None:
    engine = make_engine(any_db)
    try:
        command.upgrade(alembic_config(engine), FIRST)
        with engine.begin() as c:  # data written as the first revision's schema had it
            c.execute(text("INSERT INTO units (id, name, short_name, code, kind, sort) "
                           "VALUES (1, '平安区大队', '平安', '平消', 'brigade', 0)"))
            c.execute(text("INSERT INTO cases (id, doc_no, doc_no_key, case_type, unit_id, party, fine_fen, status,"
                           " created_at, updated_at) VALUES (1, '平消行罚决字〔2023〕第0012号', 'k1', "
                           "'penalty_general', 1, '某某餐饮有限公司', 500000, 'imported', :t, :t)"),
                      {"t": dt.datetime(2023, 5, 6, 6, 30)})
            c.execute(text("INSERT INTO users (id, name, role, unit_id, available, created_at) "
                           "VALUES (1, '王建国', 'reviewer', 1, :yes, :t)"), {"yes": True, "t": dt.datetime(2023, 5, 1)})
            c.execute(text("INSERT INTO conflicts (id, user_id, case_id, reason, declared_at) "
                           "VALUES (1, 1, 1, '当事人系其亲属', :t)"), {"t": dt.datetime(2023, 5, 7, 1, 0)})
        assert schema_state(engine).current == FIRST
    finally:
        engine.dispose()
    engine = open_database(any_db, auto_upgrade=True)
    try:
        assert schema_state(engine).up_to_date
        with Session(engine) as s:
            case = s.scalars(select(Case)).one()
            assert (case.doc_no, case.party, case.fine_fen) == ("平消行罚决字〔2023〕第0012号", "某某餐饮有限公司", 500000)
            assert case.unit is not None and case.unit.name == "平安区大队"
            assert case.created_at.tzinfo is not None
            conflict = s.scalars(select(ConflictDeclaration)).one()  # 0002: still binding, nothing withdrawn
            assert (conflict.reason, conflict.withdrawn_at, conflict.withdrawn_reason) == ("当事人系其亲属", None, "")
    finally:
        engine.dispose()


def test_types_are_exact_and_aware(any_db: str) -> None:
    engine = open_database(any_db, auto_upgrade=True)
    try:
        with Session(engine) as s, s.begin():
            u = Unit(name="法制科", kind=UnitKind.OFFICE)
            user = User(name="张法制", role=Role.LEGAL_OFFICER)
            s.add_all([u, user])
        with Session(engine) as s:
            user = s.scalars(select(User)).one()
            assert user.role is Role.LEGAL_OFFICER
            assert user.created_at.tzinfo is not None
        from review_tool.storage.types import PointsType

        pt = PointsType()
        assert pt.process_bind_param(Decimal("2.5"), engine.dialect) == 250
        assert pt.process_result_value(250, engine.dialect) == Decimal("2.50")
        with pytest.raises(TypeError):
            pt.process_bind_param(2.5, engine.dialect)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            pt.process_bind_param(Decimal("0.125"), engine.dialect)
        assert ItemResult(outcome=Outcome.PASS).outcome is Outcome.PASS
    finally:
        engine.dispose()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_database_is_refused_untouched(tmp_path: Path, english: None) -> None:
    path = tmp_path / "新 库.sqlite"
    open_database(sqlite_url(path)).dispose()
    raw = create_engine(sqlite_url(path))
    with raw.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = 'f00dface9999'"))
    raw.dispose()
    before = _digest(path)
    with pytest.raises(DatabaseError, match="newer version"):
        open_database(sqlite_url(path))
    assert _digest(path) == before
    assert not list(tmp_path.glob("*.bak-*"))


def test_refusals_speak_chinese_by_default(tmp_path: Path) -> None:
    path = tmp_path / "新 库.sqlite"
    open_database(sqlite_url(path)).dispose()
    raw = create_engine(sqlite_url(path))
    with raw.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = 'f00dface9999'"))
    raw.dispose()
    with pytest.raises(DatabaseError, match="更新版本.*f00dface9999"):
        open_database(sqlite_url(path))


def test_read_only_file_is_refused_untouched(tmp_path: Path, english: None) -> None:
    path = tmp_path / "只读.sqlite"
    open_database(sqlite_url(path)).dispose()
    before = _digest(path)
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(DatabaseError, match="read-only"):
            open_database(sqlite_url(path))
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    assert _digest(path) == before


def test_unreachable_server_is_a_clear_message() -> None:
    with pytest.raises(DatabaseError) as err:
        open_database("postgresql+psycopg://reviewer:secret@127.0.0.1:1/review")
    msg = str(err.value)
    assert "127.0.0.1" in msg and "secret" not in msg


def test_not_a_url_and_not_our_database(tmp_path: Path, english: None) -> None:
    with pytest.raises(DatabaseError, match="Not a database URL|数据库地址"):
        open_database("this is not a url")
    foreign = tmp_path / "other.sqlite"
    e = create_engine(sqlite_url(foreign))
    with e.begin() as c:
        c.execute(text("CREATE TABLE invoices (id INTEGER)"))
    e.dispose()
    with pytest.raises(DatabaseError, match="not a review-tool database"):
        open_database(sqlite_url(foreign))


def test_older_shared_database_needs_explicit_upgrade(tmp_path: Path, english: None) -> None:
    """On a shared server nobody is upgraded by surprise; SQLite files are, with a backup."""
    path = tmp_path / "old.sqlite"
    engine = make_engine(sqlite_url(path))
    command.upgrade(alembic_config(engine), FIRST)
    engine.dispose()
    if head_revision() == FIRST:
        pytest.skip("only one revision so far")
    with pytest.raises(DatabaseError, match="db upgrade"):
        open_database(sqlite_url(path), auto_upgrade=False)
    open_database(sqlite_url(path)).dispose()
    assert list(tmp_path.glob("old.sqlite.bak-*"))
