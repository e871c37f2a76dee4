"""Opening a database: URL resolution, connection checks, schema upgrades.

The engine is built in a function, never at import. Every failure a user can
meet (unreachable server, read-only file, a database newer than the app) ends
in a `DatabaseError` whose message says what to do; nothing is written before
the checks pass.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from review_tool.domain.errors import ReviewToolError
from review_tool.i18n import translate
from review_tool.paths import default_database_path

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class DatabaseError(ReviewToolError):
    """The database cannot be used as asked; the message says why and what to do."""


@dataclass(frozen=True)
class SchemaState:
    current: str | None  # None = empty database
    head: str
    known: bool  # current is a revision this app knows

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def empty(self) -> bool:
        return self.current is None


def resolve_url(url: str | None = None) -> str:
    """`--db URL`, else REVIEW_TOOL_DB, else the SQLite file in the user's data folder."""
    if url:
        return url
    env = os.environ.get("REVIEW_TOOL_DB")
    if env:
        return env
    return sqlite_url(default_database_path())


def sqlite_url(path: Path) -> str:
    """A SQLite URL for a path (Chinese characters and spaces are fine)."""
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def safe_url(url: str) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite":
        return None
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


def _on_sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")  # SQLite leaves them off by default
    cur.execute("PRAGMA busy_timeout=5000")  # another reviewer's write: wait, don't fail
    cur.close()


def make_engine(url: str, *, create_dir: bool = True) -> Engine:
    """Build an engine; checks nothing yet (see `open_database`)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(translate("db", "Not a database URL: {url}").format(url=url)) from exc
    path = _sqlite_path(parsed)
    if path is not None and create_dir and not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                translate("db", "Cannot create the folder for the database {path}: {error}").format(
                    path=path, error=exc.strerror or exc
                )
            ) from exc
    try:
        engine = create_engine(parsed, pool_pre_ping=parsed.get_backend_name() != "sqlite")
    except NoSuchModuleError as exc:
        raise DatabaseError(
            translate("db", "No driver for {url}; for PostgreSQL install psycopg (pip install psycopg[binary])").format(
                url=safe_url(url)
            )
        ) from exc
    except (ArgumentError, ModuleNotFoundError, ImportError) as exc:
        raise DatabaseError(
            translate("db", "Cannot use the database URL {url}: {error}").format(url=safe_url(url), error=exc)
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def schema_state(engine: Engine) -> SchemaState:
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current is None and _has_foreign_tables(conn):
            raise DatabaseError(
                translate(
                    "db", "{url} holds tables but no review-tool schema version; it is not a review-tool database"
                ).format(url=safe_url(str(engine.url)))
            )
    known = current is None or _revision_known(script, current)
    return SchemaState(current=current, head=head, known=known)


def _has_foreign_tables(conn: Any) -> bool:
    names = set(inspect(conn).get_table_names())
    return bool(names - {"alembic_version"})


def _revision_known(script: ScriptDirectory, rev: str) -> bool:
    try:
        return script.get_revision(rev) is not None
    except Exception:  # alembic raises several types for unknown ids
        return False


def check_connect(engine: Engine) -> None:
    url = safe_url(str(engine.url))
    path = _sqlite_path(engine.url)
    if path is not None:
        if path.is_dir():
            raise DatabaseError(translate("db", "{path} is a folder, not a database file").format(path=path))
        if path.exists() and not _writable(path):
            raise DatabaseError(
                translate("db", "The database file {path} is read-only; nothing was changed. "
                          "Copy it somewhere writable or ask for write access.").format(path=path)
            )
        if not _writable(path.parent):
            raise DatabaseError(
                translate("db", "The folder of the database {path} is read-only; SQLite needs to write its journal "
                          "there. Nothing was changed.").format(path=path)
            )
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseError(
            translate("db", "Cannot connect to the database {url}: {reason}").format(url=url, reason=reason)
        ) from exc
    except SQLAlchemyError as exc:
        raise DatabaseError(
            translate("db", "Cannot connect to the database {url}: {reason}").format(url=url, reason=exc)
        ) from exc


def _writable(path: Path) -> bool:
    """Writable for us, judged by the permission bits too: as root (or an admin on Windows)
    `os.access` says yes to a file the user marked read-only, and we honour the mark."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return os.access(path, os.W_OK) and bool(mode & stat.S_IWUSR)


def upgrade(engine: Engine, *, backup: bool = True) -> str | None:
    """Bring the schema to the newest revision. Returns the backup path if one was made.

    A SQLite file with data is copied to `<name>.bak-<revision>` first, so an
    upgrade that fails half-way can be undone by hand.
    """
    state = schema_state(engine)
    if not state.known:
        raise _newer_error(engine, state)
    if state.up_to_date:
        return None
    backup_path: str | None = None
    path = _sqlite_path(engine.url)
    if backup and path is not None and path.exists() and not state.empty:
        target = path.with_name(f"{path.name}.bak-{state.current}")
        shutil.copy2(path, target)
        backup_path = str(target)
    try:
        command.upgrade(alembic_config(engine), "head")
    except SQLAlchemyError as exc:
        raise DatabaseError(
            translate("db", "Upgrading the database {url} failed: {reason}").format(
                url=safe_url(str(engine.url)), reason=exc
            )
        ) from exc
    return backup_path


def _newer_error(engine: Engine, state: SchemaState) -> DatabaseError:
    return DatabaseError(
        translate(
            "db", "The database {url} was written by a newer version of review-tool (schema {current}); "
            "this version knows up to {head}. Install the newer version; nothing was changed."
        ).format(url=safe_url(str(engine.url)), current=state.current, head=state.head)
    )


def open_database(url: str | None = None, *, auto_upgrade: bool | None = None) -> Engine:
    """Connect, check, and (by default for SQLite) upgrade the schema.

    Args:
        url: the SQLAlchemy URL; see `resolve_url`.
        auto_upgrade: upgrade an older or empty schema. Default: yes for SQLite
            (a single user's file, backed up first), no for a shared server,
            where `review-tool db upgrade` is an explicit act.

    Raises:
        DatabaseError: with a message for the user; nothing has been written.
    """
    engine = make_engine(resolve_url(url))
    try:
        check_connect(engine)
        state = schema_state(engine)
        if not state.known:
            raise _newer_error(engine, state)
        if not state.up_to_date:
            allowed = auto_upgrade if auto_upgrade is not None else engine.url.get_backend_name() == "sqlite"
            if allowed or state.empty and auto_upgrade is not False:
                upgrade(engine)
            else:
                raise DatabaseError(
                    translate("db", "The database {url} has an older schema ({current}); run "
                              "`review-tool db upgrade --db URL` once to bring it to {head}.").format(
                        url=safe_url(str(engine.url)), current=state.current, head=state.head
                    )
                )
    except BaseException:
        engine.dispose()
        raise
    return engine
