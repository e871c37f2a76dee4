"""`review-tool`: the command line over the same Workspace the GUI uses.

With no arguments it opens the GUI. Exit codes: 0 ok, 1 some items failed (or
an error the user must act on), 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence

from review_tool import __version__
from review_tool.cli.common import CliError, add_common, fail, log_crash
from review_tool.domain.errors import ReviewToolError, UsageError

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    from review_tool.cli import cmd_cases, cmd_checklists, cmd_db, cmd_demo, cmd_org, cmd_reports, cmd_rounds

    common = argparse.ArgumentParser(add_help=False)
    add_common(common)
    parser = argparse.ArgumentParser(
        prog="review-tool",
        description="执法案卷评查工具 — review fire-rescue enforcement case files and score them. "
        "With no command, opens the application.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"review-tool {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", parents=[common], help="open the application (the default)")
    gui.set_defaults(handler=run_gui)
    for module in (cmd_db, cmd_checklists, cmd_demo, cmd_cases, cmd_org, cmd_rounds, cmd_reports):
        module.register(sub, common)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    # Imported here: the CLI is a front end and may launch the GUI; the core never imports Qt.
    from review_tool.gui.app import main as gui_main

    return gui_main(db=args.db, user=args.user)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "lang", None):
        from review_tool.i18n import set_language

        set_language(args.lang)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        if args.command is None:
            return run_gui(args)
        parser.parse_args([args.command, "--help"])
        return 2
    try:
        return handler(args)
    except UsageError as exc:
        return fail(str(exc), code=2)
    except (ReviewToolError, CliError) as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted", code=130)
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception:  # a bug: short message for the user, the traceback to a log file
        path = log_crash(traceback.format_exc())
        return fail(f"internal error; details were written to {path}")


if __name__ == "__main__":
    sys.exit(main())
