"""`review-tool db upgrade|status`."""

from __future__ import annotations

import argparse
from pathlib import Path

from review_tool.cli.common import opt, print_json


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    db = sub.add_parser("db", parents=[common], help="database schema: upgrade, status")
    dsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dsub.add_parser("upgrade", parents=[common], help="create or upgrade the schema to this version")
    up.set_defaults(handler=upgrade)
    st = dsub.add_parser("status", parents=[common], help="show the schema version")
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=status)


def upgrade(args: argparse.Namespace) -> int:
    from review_tool.storage.engine import (
        DatabaseError,
        check_connect,
        make_engine,
        resolve_url,
        safe_url,
        schema_state,
    )
    from review_tool.storage.engine import upgrade as do_upgrade

    engine = make_engine(resolve_url(opt(args, "db")))
    try:
        check_connect(engine)
        before = schema_state(engine)
        backup = do_upgrade(engine)
        after = schema_state(engine)
    except DatabaseError:
        raise
    finally:
        engine.dispose()
    if before.up_to_date:
        print(f"{safe_url(str(engine.url))}: already at {after.current}")
    else:
        print(f"{safe_url(str(engine.url))}: {before.current or 'empty'} -> {after.current}")
        if backup:
            print(f"backup of the previous file: {backup}")
    return 0


def status(args: argparse.Namespace) -> int:
    from review_tool.storage.engine import (
        check_connect,
        head_revision,
        make_engine,
        resolve_url,
        safe_url,
        schema_state,
    )

    url = resolve_url(opt(args, "db"))
    missing = _missing_sqlite_file(url)
    if missing is not None:  # looking must not create the file (nor its folder)
        data = {"url": safe_url(url), "current": None, "head": head_revision(), "up_to_date": False, "known": True}
        if args.json:
            print_json(data)
        else:
            print(f"{data['url']}: no database file yet ({missing}); `review-tool db upgrade` creates it")
        return 1
    engine = make_engine(url, create_dir=False)
    try:
        check_connect(engine)
        st = schema_state(engine)
    finally:
        engine.dispose()
    data = {"url": safe_url(str(engine.url)), "current": st.current, "head": st.head,
            "up_to_date": st.up_to_date, "known": st.known}
    if args.json:
        print_json(data)
    else:
        state = "up to date" if st.up_to_date else ("newer than this app" if not st.known else "needs upgrade")
        print(f"{data['url']}: schema {st.current or 'empty'} (this app: {st.head}) — {state}")
    return 0 if st.up_to_date else 1


def _missing_sqlite_file(url: str) -> Path | None:
    """The path of a SQLite URL's file when it does not exist yet (None otherwise, or not SQLite)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return None  # make_engine reports it
    db = parsed.database
    if parsed.get_backend_name() != "sqlite" or not db or db == ":memory:" or db.startswith("file:"):
        return None
    path = Path(db)
    return None if path.exists() else path
