"""The one entry point: no sub-command opens the window; sub-commands run headless.

Exit status: 0 success, 1 a user-level failure (one line on stderr first), 2 bad usage.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, NoReturn

from explorer import __version__
from explorer.core.base.errors import ExplorerError, one_line, user_message

if TYPE_CHECKING:
    from explorer.core.references.architecture import Reference

log = logging.getLogger("explorer")


class ReportedFailure(ExplorerError):
    """A failure whose details (a report) still go to stdout after the one-line message."""

    def __init__(self, message: str, details: str) -> None:
        super().__init__(message)
        self.details = details


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        # argparse ignores a failed write: ``--help > /dev/full`` must fail like any output.
        if message and file is sys.stdout and file is not sys.stderr:
            _write(message)
        else:
            super()._print_message(message, file)


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


def _add_backend(parser: argparse.ArgumentParser, default: object) -> None:
    from explorer.core.base.runtime import BACKENDS, DEFAULT_BACKEND, ENV

    parser.add_argument(
        "--backend",
        choices=BACKENDS,
        default=default,
        help=f"the Keras backend that builds the models (${ENV}, else {DEFAULT_BACKEND}); "
        "the window always uses TensorFlow",
    )


def build_parser() -> argparse.ArgumentParser:
    from explorer.core.analysis.memory import ACTIVATION_BYTES, OPTIMIZER_SLOTS
    from explorer.core.base.choices import COLORS, FOLDS, FORMATS, STYLES

    parser = _Parser(
        prog="explorer",
        description="Look inside Keras architectures before training them. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of failures")
    _add_backend(parser, None)
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
    _add_no_cache(summary)

    compare = commands.add_parser("compare", help="totals of several models side by side")
    compare.add_argument("references", nargs="+", metavar="REF")
    _add_set(compare)
    _add_format(compare, FORMATS)
    compare.add_argument("--full", action="store_true", help="build real weights")
    _add_no_cache(compare)

    code = commands.add_parser("code", help="Python code that builds REF with Keras")
    code.add_argument("reference", metavar="REF", help="ID, ID:NAME=VALUE,... or a design file")
    _add_set(code)
    code.add_argument(
        "--style", choices=STYLES, default="functional", help="Keras API style (functional)"
    )

    graph = commands.add_parser(
        "graph", help="draw REF's layers and connections (SVG, PNG) or lay them out (JSON)"
    )
    graph.add_argument("reference", metavar="REF", help="ID, ID:NAME=VALUE,... or a file")
    _add_set(graph)
    graph.add_argument(
        "--fold", choices=FOLDS, default="none", help="draw blocks or stages as one box each"
    )
    graph.add_argument(
        "--color", choices=COLORS, default="params", help="what the boxes' colour shows"
    )
    graph.add_argument("--format", choices=("svg", "png", "json"), required=True)
    graph.add_argument("-o", "--output", metavar="FILE", help="write here (atomically)")
    _add_no_cache(graph)

    weights = commands.add_parser("weights", help="save, check and load weights files")
    actions = weights.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    for action, text in (
        ("save", "write fresh weights for REF to FILE (.weights.h5), atomically"),
        ("check", "compare FILE with REF layer by layer; exit 0 only if it would load fully"),
        ("load", "load FILE into a fresh REF model and report; exit 1 on any mismatch"),
    ):
        sub = actions.add_parser(action, help=text)
        sub.add_argument("reference", metavar="REF")
        sub.add_argument("file", metavar="FILE")
        _add_set(sub)
        if action != "save":
            _add_format(sub, ("text", "json"))

    memory = commands.add_parser(
        "memory", help="the memory of a training step: weights, gradients, optimizer, activations"
    )
    memory.add_argument("reference", metavar="REF", help="ID, ID:NAME=VALUE,... or a file")
    _add_set(memory)
    memory.add_argument("--batch", type=int, default=32, metavar="N", help="batch size (32)")
    memory.add_argument("--optimizer", choices=tuple(OPTIMIZER_SLOTS), default="adam")
    memory.add_argument("--precision", choices=tuple(ACTIVATION_BYTES), default="float32")
    _add_format(memory, ("text", "json"))
    _add_no_cache(memory)

    run = commands.add_parser(
        "run", help="train REF a few steps on random data: measured peak memory and speed"
    )
    run.add_argument("reference", metavar="REF", help="ID, ID:NAME=VALUE,... or a file")
    _add_set(run)
    run.add_argument("--batch", type=int, required=True, metavar="N", help="batch size")
    run.add_argument("--steps", type=int, required=True, metavar="K", help="timed steps")
    run.add_argument("--optimizer", choices=tuple(OPTIMIZER_SLOTS), default="adam")
    run.add_argument("--precision", choices=tuple(ACTIVATION_BYTES), default="float32")
    run.add_argument("--device", metavar="CPU|GPU:N", help="where to run (the first GPU, else CPU)")
    run.add_argument("--progress", action="store_true", help=argparse.SUPPRESS)  # the window's
    _add_format(run, ("text", "json"))

    devices = commands.add_parser("devices", help="the GPU or CPU TensorFlow would use")
    _add_format(devices, ("text", "json"))
    # Before the command (`explorer --backend jax memory REF`) or after it: a command's own
    # option leaves the global one alone unless given (argparse would reset it to the default).
    for command in commands.choices.values():
        _add_backend(command, argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command. Every failure ends as one line on stderr and a status, never a
    traceback: output that cannot be written too (a full disk, a closed stdout, a reader that
    stopped reading)."""
    try:
        return _main(argv)
    except SystemExit:  # argparse has written --help, --version or a usage error
        try:
            _flush()
        except _OutputFailed as failure:
            return _cannot_write(failure)
        raise
    except _OutputFailed as failure:
        return _cannot_write(failure)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if args.backend not in (None, "tensorflow"):
            parser.error("--backend is for the commands: the window always uses TensorFlow")
        from explorer.qt.app import run

        return run()
    if args.command == "compare" and len(args.references) < 2:
        parser.error("compare needs at least two architectures")
    if sys.stdout is None:  # checked first: nothing is done that could not be reported
        raise _OutputFailed("standard output is closed")
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.backend is not None:
            from explorer.core.base.runtime import select_backend

            select_backend(args.backend)  # before anything imports Keras
        output = _run(args)
    except ReportedFailure as failure:
        _say(f"error: {failure}")
        _write(failure.details)
        return 1
    except ExplorerError as error:
        _say(f"error: {user_message(error)}")
        return 1
    except KeyboardInterrupt:
        _say("error: interrupted")
        return 1
    except Exception as error:  # the one place unknown failures become a message
        log.debug("unexpected failure", exc_info=True)
        hint = "" if args.debug else " (run with --debug for details)"
        _say(f"error: {user_message(error)}{hint}")
        return 1
    _write(output)
    return 0


class _OutputFailed(Exception):
    """Standard output cannot take the output; the reason, in words."""


def _say(line: str) -> None:
    """``line`` on stderr as one line: nothing from the input can break it or drive the
    terminal. Lost if stderr cannot take it either: there is nowhere left to say it."""
    try:
        if sys.stderr is not None:
            sys.stderr.write(one_line(line) + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _write(text: str) -> None:
    """``text`` on stdout, flushed at once so that a failure is reported here, not as a
    traceback at exit. Characters the output's encoding lacks (``PYTHONIOENCODING=ascii``)
    are written as escapes, with a note, rather than refusing the whole output: a summary
    still reads, and nothing is dropped unseen."""
    stream = sys.stdout
    if stream is None:
        raise _OutputFailed("standard output is closed")
    with _output_failures():
        try:
            stream.write(text)  # encodes all of it before writing any, so a retry is clean
        except UnicodeEncodeError:
            if not isinstance(stream, io.TextIOWrapper):
                raise
            stream.reconfigure(errors="backslashreplace")
            stream.write(text)
            _say(
                f"note: the output's encoding ({stream.encoding}) cannot show some characters; "
                "they are written as \\u escapes (PYTHONIOENCODING=utf-8 keeps them)"
            )
        stream.flush()


def _flush() -> None:
    if sys.stdout is not None:
        with _output_failures():
            sys.stdout.flush()


@contextmanager
def _output_failures() -> Iterator[None]:
    """A full disk or a closed pipe (OSError), a closed file or an encoding that cannot show
    the text (ValueError) as ``_OutputFailed``."""
    try:
        yield
    except OSError as error:
        raise _OutputFailed(error.strerror or str(error)) from None
    except ValueError as error:
        raise _OutputFailed(str(error)) from None


def _cannot_write(failure: _OutputFailed) -> int:
    """Says why the output failed and points stdout at devnull (Python's recipe for a closed
    pipe), so that the interpreter's own flush at exit cannot fail again with a traceback."""
    _say(f"error: cannot write the output: {failure}")
    try:
        fd = sys.stdout.fileno()  # None and stand-ins (pytest's capture) raise
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except (AttributeError, OSError, ValueError):
        pass
    return 1


def _run(args: argparse.Namespace) -> str:
    if args.command == "list":
        return _list(args.format)
    if args.command == "devices":
        from explorer.core.base.runtime import backend_name
        from explorer.core.worker.devices import detect_devices, format_devices_text

        # TensorFlow's view only on its own backend: on JAX or PyTorch it may not be installed.
        report = detect_devices(include_tensorflow=backend_name() == "tensorflow")
        if args.format == "json":
            return json.dumps(report.to_json_dict(), indent=2) + "\n"
        return format_devices_text(report)

    from explorer.core.analysis.cache import summarize_cached
    from explorer.core.exports.comparisons import render_comparison
    from explorer.core.exports.summaries import render_summary
    from explorer.core.params.values import parse_assignments
    from explorer.core.sources.lookup import parse_reference

    overrides = parse_assignments(args.set, source="--set")
    if args.command == "weights":
        return _weights(args, parse_reference(args.reference, overrides))
    if args.command == "code":
        from explorer.core.exports.code import code_for

        return code_for(parse_reference(args.reference, overrides), args.style)
    if args.command == "graph":
        reference = parse_reference(args.reference, overrides)
        _report_left_out([reference], args.strict)
        return _graph(args, reference)
    if args.command == "memory":
        return _memory(args, parse_reference(args.reference, overrides))
    if args.command == "run":
        return _train(args, parse_reference(args.reference, overrides))
    if args.command == "summary":
        reference = parse_reference(args.reference, overrides)
        problems = _report_left_out([reference], args.strict)
        summary = summarize_cached(reference, preview=not args.full, use_cache=not args.no_cache)
        if args.format == "json" and problems:  # said in the JSON as well as on stderr
            data = summary.to_json_dict()
            data["problems"] = [{"layer": layer, "message": why} for layer, why in problems]
            return json.dumps(data, indent=2) + "\n"
        return render_summary(summary, args.format)
    references = [parse_reference(text, overrides) for text in args.references]
    _report_left_out(references, args.strict)
    summaries = [
        summarize_cached(r, preview=not args.full, use_cache=not args.no_cache) for r in references
    ]
    return render_comparison(summaries, args.format)


def _memory(args: argparse.Namespace, reference: Reference) -> str:
    from explorer.core.analysis.cache import summarize_cached
    from explorer.core.analysis.memory import check_choices, counts_runtime, estimate, max_batch
    from explorer.core.base.runtime import backend_name
    from explorer.core.exports.memory_reports import memory_json, memory_text
    from explorer.core.worker.devices import memory_device

    check_choices(args.optimizer, args.precision, args.batch)  # before any build
    _report_left_out([reference], args.strict)
    summary = summarize_cached(reference, use_cache=not args.no_cache)
    device = memory_device()
    runtime = counts_runtime(device.kind, backend_name())
    found = estimate(summary, args.batch, args.optimizer, args.precision, runtime=runtime)
    largest = None
    if device.memory_bytes is not None:
        largest = max_batch(
            summary, device.memory_bytes, args.optimizer, args.precision, runtime=runtime
        )
    if args.format == "json":
        return memory_json(found, device, largest)
    return memory_text(summary, found, device, largest, backend_name())


def _train(args: argparse.Namespace, reference: Reference) -> str:
    from explorer.core.analysis.memory import check_choices
    from explorer.core.analysis.training import CPU_ALLOCATOR_STATS, train_steps

    if "tensorflow" not in sys.modules:  # its CPU allocator counts only if asked at its start
        os.environ.setdefault(CPU_ALLOCATOR_STATS, "true")
    from explorer.core.exports.memory_reports import run_text

    check_choices(args.optimizer, args.precision, args.batch)  # before any build
    _report_left_out([reference], strict=False)  # the design's other layers are trained
    result = train_steps(
        reference,
        batch=args.batch,
        steps=args.steps,
        optimizer=args.optimizer,
        precision=args.precision,
        device=args.device,
        on_step=_step_done(args.steps) if args.progress else None,
    )
    if args.format == "json":
        return json.dumps(result.to_json_dict(), indent=2) + "\n"
    return run_text(result)


RUN_PROGRESS = "step {step} of {steps}"  # a line on stderr after each step, with --progress


def _step_done(steps: int) -> Callable[[int], None]:
    return lambda step: _say(RUN_PROGRESS.format(step=step, steps=steps))


def _report_left_out(references: Sequence[Reference], strict: bool) -> list[tuple[str, str]]:
    """Warn on stderr of each design layer that does not fit and is left out of the model (the
    rest is still summarised, exit 0); with --strict, refuse the model instead."""
    from explorer.core.sources.designs.files import left_out

    found = []
    for reference in references:
        problems = left_out(reference)
        if problems and strict:
            _layer, why = problems[0]
            raise ExplorerError(
                f"{reference.text()}: {why}; --strict refuses a design with layers left out "
                f"({len(problems)} in all)"
            )
        for _layer, why in problems:
            _say(f"warning: {reference.text()}: {why} (the layer is left out)")
        found.extend(problems)
    return found


def _add_no_cache(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="build with Keras even if this model's summary is in the cache (and keep it out)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 if a design has layers that do not fit (without it they are left out, "
        "with a warning on stderr)",
    )


def _graph(args: argparse.Namespace, reference: Reference) -> str:
    """JSON or SVG text for stdout, or written to ``--output`` (a PNG always is)."""
    from explorer.core.analysis.cache import summarize_cached
    from explorer.core.analysis.graph import folded_groups, lay_out, model_graph, with_blocks
    from explorer.core.base.files import atomic_path
    from explorer.core.exports.graphs import graph_json, model_svg
    from explorer.core.params.values import as_json_value
    from explorer.core.sources.designs.files import design_blocks

    if args.format == "png" and not args.output:
        raise ExplorerError("graph --format png needs -o FILE (a PNG is not written to a terminal)")
    summary = summarize_cached(reference, use_cache=not args.no_cache)
    graph = with_blocks(model_graph(summary), design_blocks(reference))
    drawing = lay_out(graph, folded_groups(graph, args.fold))
    if args.format == "json":
        params = {name: as_json_value(value) for name, value in reference.items}
        content: str | bytes = graph_json(drawing, reference.architecture.id, params)
    else:
        content = model_svg(drawing, reference, summary.totals, args.color)
        if args.format == "png":
            from explorer.qt.widgets.images import svg_to_png

            content = svg_to_png(content)
    if not args.output:
        assert isinstance(content, str)
        return content
    with atomic_path(args.output) as temporary:
        if isinstance(content, str):
            temporary.write_text(content, encoding="utf-8")
        else:
            temporary.write_bytes(content)
    return f"wrote {args.output}\n"


def _weights(args: argparse.Namespace, reference: Reference) -> str:
    from explorer.core import weights
    from explorer.core.analysis.build import build_model
    from explorer.core.exports.weights_reports import report_json, report_text

    if args.action == "save":
        weights.check_save_target(args.file)  # before a build of seconds or minutes
        model = build_model(reference, preview=False).model
        path = weights.save_weights(model, args.file)
        return f"saved fresh weights of {reference.text()} to {path}\n"
    render = report_json if args.format == "json" else report_text
    if args.action == "check":
        report = weights.check(reference, args.file)
        if not report.loads_fully:
            raise ReportedFailure(report.summary_line(), render(report))
        return render(report)
    try:
        _, report = weights.load(reference, args.file)
    except weights.WeightsMismatchError as error:
        raise ReportedFailure(str(error), render(error.report)) from None
    return render(report)


def _list(fmt: str) -> str:
    from explorer.core.params.values import as_json_value, format_value
    from explorer.core.sources.catalog import architectures

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
