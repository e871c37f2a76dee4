"""`review-tool db upgrade|status`."""

from __future__ import annotations

import argparse

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
    from review_tool.storage.engine import check_connect, make_engine, resolve_url, safe_url, schema_state

    engine = make_engine(resolve_url(opt(args, "db")), create_dir=False)
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
