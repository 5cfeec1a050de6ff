"""The one entry point: no sub-command opens the window; sub-commands run headless.

Exit status: 0 success, 1 a user-level failure (one line on stderr first), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from explorer import __version__
from explorer.core.errors import ExplorerError, user_message

log = logging.getLogger("explorer")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _add_format(parser: argparse.ArgumentParser, choices: Sequence[str]) -> None:
    parser.add_argument("--format", choices=choices, default="text", help="output format")


def _add_set(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set a parameter (repeatable); applies to every architecture given",
    )


def build_parser() -> argparse.ArgumentParser:
    from explorer.core.export import FORMATS

    parser = _Parser(
        prog="explorer",
        description="Look inside Keras architectures before training them. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of failures")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    listing = commands.add_parser("list", help="list the architectures and their parameters")
    _add_format(listing, ("text", "json"))

    summary = commands.add_parser("summary", help="every layer's shape, parameters and cost")
    summary.add_argument("reference", metavar="REF", help="ID or ID:NAME=VALUE,NAME=VALUE")
    _add_set(summary)
    _add_format(summary, FORMATS)
    summary.add_argument(
        "--full",
        action="store_true",
        help="build real weights (slower, uses the memory) instead of a preview",
    )

    compare = commands.add_parser("compare", help="totals of several models side by side")
    compare.add_argument("references", nargs="+", metavar="REF")
    _add_set(compare)
    _add_format(compare, FORMATS)
    compare.add_argument("--full", action="store_true", help="build real weights")

    devices = commands.add_parser("devices", help="the GPU or CPU TensorFlow would use")
    _add_format(devices, ("text", "json"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from explorer.qt.app import run

        return run()
    if args.command == "compare" and len(args.references) < 2:
        parser.error("compare needs at least two architectures")
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        output = _run(args)
    except ExplorerError as error:
        print(f"error: {user_message(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - the one place unknown failures become a message
        log.debug("unexpected failure", exc_info=True)
        hint = "" if args.debug else " (run with --debug for details)"
        print(f"error: {user_message(error)}{hint}", file=sys.stderr)
        return 1
    sys.stdout.write(output)
    sys.stdout.flush()
    return 0


def _run(args: argparse.Namespace) -> str:
    if args.command == "list":
        return _list(args.format)
    if args.command == "devices":
        from explorer.core.devices import detect_devices, format_devices_text

        report = detect_devices()
        if args.format == "json":
            return json.dumps(report.to_json_dict(), indent=2) + "\n"
        return format_devices_text(report)

    from explorer.core.build import summarize
    from explorer.core.catalog import parse_reference
    from explorer.core.export import render_comparison, render_summary
    from explorer.core.params import parse_assignments

    overrides = parse_assignments(args.set, source="--set")
    if args.command == "summary":
        reference = parse_reference(args.reference, overrides)
        return render_summary(summarize(reference, preview=not args.full), args.format)
    references = [parse_reference(text, overrides) for text in args.references]
    summaries = [summarize(r, preview=not args.full) for r in references]
    return render_comparison(summaries, args.format)


def _list(fmt: str) -> str:
    from explorer.core.catalog import architectures
    from explorer.core.params import as_json_value, format_value

    if fmt == "json":
        entries = [
            {
                "id": a.id,
                "title": a.title,
                "family": a.family,
                "description": a.description,
                "params": [
                    {
                        "name": p.name,
                        "kind": p.kind,
                        "default": as_json_value(p.default),
                        "allowed": p.allowed(),
                        "help": p.help,
                    }
                    for p in a.params
                ],
            }
            for a in architectures()
        ]
        return json.dumps({"architectures": entries}, indent=2) + "\n"
    lines: list[str] = []
    family = None
    for a in architectures():
        if a.family != family:
            family = a.family
            lines += [""] * bool(lines) + [f"{family}:"]
        defaults = " ".join(f"{p.name}={format_value(p.default)}" for p in a.params)
        lines.append(f"  {a.id:<20} {a.title:<28} {defaults}")
    return "\n".join(lines) + "\n"
