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
from collections.abc import Iterable
from typing import NoReturn

from devices.camera import cli as camera_cli
from devices.cli_text import Say, Translate
from devices.idcard import cli as idcard_cli
from devices.scanner import cli as scanner_cli

EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 130
log = logging.getLogger("devices.cli")


class _Formatter(argparse.HelpFormatter):
    """--help with the help texts, the description and argparse's headings translated."""

    say: Say = Say()

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return self.say.text(action.help) if action.help else action.help

    def add_text(self, text: str | None) -> None:
        super().add_text(self.say.text(text) if text and text != argparse.SUPPRESS else text)

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else self.say("help.usage"))


class _Parser(argparse.ArgumentParser):
    """argparse's own complaint (a missing or unknown argument) as one sentence of ours, and its
    --help in the user's language."""

    say: Say = Say()

    def _get_formatter(self) -> argparse.HelpFormatter:
        formatter = _Formatter(prog=self.prog)
        formatter.say = self.say
        return formatter

    def format_help(self) -> str:
        self._positionals.title = self.say("help.positionals")
        self._optionals.title = self.say("help.options")
        return super().format_help()

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


def help_texts(parser: argparse.ArgumentParser | None = None) -> list[str]:
    """Every description and help text of the command line (for the translators' catalog)."""
    parser = parser or build_parser()
    found = [parser.description] if parser.description else []
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            found.append(action.help)
        if isinstance(action, argparse._SubParsersAction):
            found += [choice.help for choice in action._choices_actions if choice.help]
            for sub in dict.fromkeys(action.choices.values()):
                found += help_texts(sub)
    return sorted(set(found))


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
