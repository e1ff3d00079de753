"""Command-line glue for ``shapedoctor explain``: read the text, diagnose it, print it.

``shapedoctor explain error.txt``, ``shapedoctor explain < error.txt``, or run it bare, paste
the error and press Ctrl-D. ``--json`` prints the JSON of the Diagnosis (schema version 1,
``source`` "text"). Exit codes: 0 a shape error was recognised and explained, 1 the text
is not a shape error shapedoctor knows, 2 usage or I/O error (missing file, empty input).

Only the standard library is imported until there is something to print; rich is
imported for the terminal output only.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Optional

EXIT_EXPLAINED, EXIT_UNKNOWN, EXIT_USAGE = 0, 1, 2

HELP = """\
Explain a Keras / TensorFlow / JAX / PyTorch shape error from its text alone, without
running anything or importing Keras. Give the error as a file, on standard input, or
paste it and press Ctrl-D (Ctrl-Z then Enter on Windows). A full traceback, the last line
only, ANSI colours, prompts and Windows line endings are all fine; with several errors,
the last one is explained.

exit codes: 0 explained, 1 not a shape error shapedoctor knows, 2 usage or I/O error

examples:
  shapedoctor explain error.txt
  python train.py 2>&1 | shapedoctor explain
  pbpaste | shapedoctor explain --json
"""

UNKNOWN = (
    "shapedoctor: not a shape error I know.\n"
    "If this is a Keras shape error, `shapedoctor run your_script.py` can still diagnose it by "
    "running the script."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add explain's arguments to *parser* (the ``explain`` sub-command of the CLI)."""
    parser.description = HELP
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "file",
        nargs="?",
        default=None,
        help="file holding the error text; '-' or nothing reads standard input",
    )
    parser.add_argument("--json", action="store_true", help="print the diagnosis as JSON (schema version 1) on stdout")


def _print_terminal(diagnosis) -> None:
    from rich.console import Console

    from shapedoctor.render.terminal import render

    Console(highlight=False, soft_wrap=False).print(render(diagnosis))


def _print_json(diagnosis) -> None:
    from shapedoctor.render.json import dumps

    sys.stdout.write(dumps(diagnosis) + "\n")


def _quiet_closed_pipe() -> None:
    """stdout's reader went away (``| head -0``): drop what is left, say nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def run(args: argparse.Namespace) -> int:
    """Execute ``shapedoctor explain`` with parsed *args*; returns the exit code.

    A reader that closes the pipe early (``| head -0``) ends the printing quietly; the exit
    code is the one the text earned (0 explained, 1 unknown).
    """
    from shapedoctor.explain.read_input import read_input

    try:
        text = read_input(getattr(args, "file", None))
    except KeyboardInterrupt:
        print("\nshapedoctor: interrupted", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"shapedoctor: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not text.strip():
        print("shapedoctor: error: nothing to explain: the input is empty", file=sys.stderr)
        return EXIT_USAGE

    from shapedoctor.explain.from_text import diagnose_text

    diagnosis = diagnose_text(text)
    code = EXIT_EXPLAINED if diagnosis.findings else EXIT_UNKNOWN
    try:
        if getattr(args, "json", False):
            _print_json(diagnosis)
        elif diagnosis.findings:
            _print_terminal(diagnosis)
        else:
            print(UNKNOWN)
        sys.stdout.flush()
    except (BrokenPipeError, SystemExit):  # rich turns a broken pipe into SystemExit(1)
        _quiet_closed_pipe()
    return code


def main(argv: Optional[list[str]] = None) -> int:
    """Stand-alone entry point: ``python -m shapedoctor.explain``."""
    parser = argparse.ArgumentParser(prog="shapedoctor explain")
    add_arguments(parser)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help
        return int(exc.code or 0)
    return run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
