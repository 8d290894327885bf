"""`python -m devices …`: diagnostics for technicians (read a card, probe ports, decode images,
watch a camera, run a simulator). Each family registers its own sub-commands from its `cli.py`.

Every sentence comes from `devices.cli_text` (English here; `venue-ops devices …` runs the same
commands with the GUI's translations). No traceback reaches the user: a bad argument, a missing
port or file is one sentence on stderr and a non-zero exit (2 for usage, 1 for anything else
unforeseen; each command documents its own codes).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import NoReturn

from devices.camera import cli as camera_cli
from devices.cli_text import Say, Translate
from devices.idcard import cli as idcard_cli
from devices.scanner import cli as scanner_cli

EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 130
log = logging.getLogger("devices.cli")


class _Parser(argparse.ArgumentParser):
    """argparse's own complaint (a missing or unknown argument) as one sentence of ours."""

    say: Say = Say()

    def error(self, message: str) -> NoReturn:
        for action in self._actions:  # "required: family" names the choices, not our variable
            if isinstance(action, argparse._SubParsersAction) and action.dest and action.choices:
                message = message.replace(f"required: {action.dest}", "required: {" + ",".join(action.choices) + "}")
        print(self.say("usage", prog=self.prog, problem=message), file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser(say: Say | None = None, prog: str = "python -m devices") -> argparse.ArgumentParser:
    parser_class = type("Parser", (_Parser,), {"say": say or Say()})
    parser: argparse.ArgumentParser = parser_class(prog=prog, description="Venue device diagnostics")
    parser.add_argument("--debug", action="store_true", help="log the drivers' messages to stderr")
    families = parser.add_subparsers(dest="family", required=True)  # sub-parsers are of the same class
    idcard_cli.register(families)
    scanner_cli.register(families)
    camera_cli.register(families)
    return parser


def main(argv: list[str] | None = None, translate: Translate | None = None, prog: str | None = None) -> int:
    """Run one command; `translate` turns the catalog's English sentences into the user's language."""
    say = Say(translate)
    parser = build_parser(say, prog or "python -m devices")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error, already said
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    args.say = say
    root = logging.getLogger()
    if args.debug:
        logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)
    elif not root.handlers:  # a driver's logged warning or traceback is not for the user's screen
        root.addHandler(logging.NullHandler())
    try:
        code: int = args.handler(args)
    except KeyboardInterrupt:
        print(say("interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of our output went away (| head): nothing left to say
        return EXIT_FAILED
    except Exception as exc:  # unforeseen: one sentence for the user, the traceback in the log only
        log.debug("device command failed", exc_info=exc)
        print(say("failed", detail=str(exc) or type(exc).__name__), file=sys.stderr)
        return EXIT_FAILED
    finally:
        _quiet_stdout()
    return code


def _quiet_stdout() -> None:
    """Flush now, so a closed pipe is noticed here and not reported by the interpreter at exit."""
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError, OSError):
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass


if __name__ == "__main__":
    sys.exit(main())
