"""The ``shapedoctor`` command line: ``run`` a script under watch, or ``explain`` an error text.

Exit codes (ruff-style): 0 no shape problem, 1 a shape problem was found, 2 shapedoctor's
own usage or I/O error. A script's own non-shape exception is re-raised as Python would
(traceback on stderr, exit code 1).
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap

EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2

DESCRIPTION = textwrap.dedent(
    """\
    Find, explain and fix tensor-shape mismatches in Keras models.

      shapedoctor run model.py [args...]      run a script like `python model.py`, watching Keras;
                                              on a shape error, show the root cause and verified fixes
      shapedoctor run --json model.py         the same diagnosis as JSON on stdout
      shapedoctor explain error.txt           explain a pasted error text (no Keras needed)

    Exit codes: 0 no shape problem, 1 shape problem found, 2 usage or I/O error.
    """
)

RUN_HELP = textwrap.dedent(
    """\
    Run SCRIPT as `python SCRIPT ARGS...` would (as __main__, same sys.argv, its own
    directory first on sys.path) while recording every Keras layer: where your code
    created it and the shapes it saw. If a shape error escapes, shapedoctor prints the
    normal traceback, then a diagnosis: the layer that failed, the root cause as a
    file:line of your code, the shape path from the input, an explanation, and fixes that
    were each verified by rebuilding the model with Keras (no weights are allocated).

    examples:
      shapedoctor run examples/seed_example3_lstm.py
      shapedoctor run --json train.py --epochs 3 > diagnosis.json
      shapedoctor run --quick train.py          # one small step per fit/predict: seconds, not hours
      shapedoctor run --diff model.py           # the top fix as a diff, proven by running the patched script
      shapedoctor run --write --fix 2 model.py  # apply fix 2 in place (backup model.py.orig)
      shapedoctor run --html report.html model.py   # + the model drawn with the mismatch marked
      shapedoctor run --open model.py           # the same report, opened in your browser
    """
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2 with one clear line
        self.print_usage(sys.stderr)
        print(f"shapedoctor: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    from shapedoctor import __version__

    parser = _Parser(prog="shapedoctor", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"shapedoctor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    run = sub.add_parser("run", help="run a Python script and diagnose any Keras shape error", description=RUN_HELP,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("--json", action="store_true", help="print the diagnosis as JSON (schema version 1) on stdout")
    run.add_argument("--no-traceback", action="store_true", help="do not print the original traceback before the diagnosis")
    run.add_argument("--quick", action="store_true",
                     help="every fit/evaluate/predict runs one epoch on a few samples: the whole shape flow of a "
                          "long training script is checked in seconds")
    edit = run.add_mutually_exclusive_group()
    edit.add_argument("--diff", action="store_true",
                      help="print a unified diff of the top fix (or --fix N), after proving it by running the "
                           "patched script")
    edit.add_argument("--write", action="store_true",
                      help="apply the proven fix to your file in place (keeps FILE.orig; refuses if the file changed)")
    run.add_argument("--fix", type=int, default=None, metavar="N",
                     help="which fix to --diff/--write (default: the first one that is proven)")
    run.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                     help="time limit for running the patched script as proof (default: 120)")
    run.add_argument("--backup-suffix", default=".orig", metavar="SUFFIX",
                     help="suffix of the backup --write keeps (default: .orig)")
    run.add_argument("--html", metavar="FILE", default=None,
                     help="also write a self-contained HTML report: the model graph with the mismatch marked, "
                          "the fixes beside it (opens offline; nothing is fetched)")
    run.add_argument("--open", action="store_true", dest="open_browser",
                     help="write the HTML report to a temporary file and open it in the browser")
    run.add_argument("script", help="the Python file to run")
    run.add_argument("args", nargs=argparse.REMAINDER, help="arguments passed to the script")
    explain = sub.add_parser("explain", help="explain a Keras/TensorFlow shape error from its text alone",
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    try:
        from shapedoctor.explain import command as explain_command

        explain_command.add_arguments(explain)
        explain.set_defaults(handler=explain_command.run)
    except ImportError:  # pragma: no cover - explain not installed in this build
        explain.set_defaults(handler=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    if args.command == "explain":
        if args.handler is None:
            print("shapedoctor: explain is not available in this installation", file=sys.stderr)
            return EXIT_USAGE
        return args.handler(args)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    script = args.script
    if not os.path.exists(script):
        print(f"shapedoctor: error: no such file: {script}", file=sys.stderr)
        return EXIT_USAGE
    if not os.path.isfile(script):
        print(f"shapedoctor: error: not a file: {script}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if script.endswith(".ipynb"):
            from shapedoctor.trace.notebook import NotebookError, load

            try:
                program = load(script)
            except NotebookError as exc:
                print(f"shapedoctor: error: {exc}", file=sys.stderr)
                return EXIT_USAGE
            compile(program.source, script, "exec")
        else:
            with open(script, "rb") as fh:
                compile(fh.read(), script, "exec")
    except SyntaxError as exc:
        print(f"shapedoctor: error: {script} is not valid Python: {exc.msg} (line {exc.lineno})", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"shapedoctor: error: cannot read {script}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    try:
        import keras  # noqa: F401
    except ImportError:
        print("shapedoctor: error: Keras is not installed in this Python environment "
              "(pip install 'shapedoctor[tensorflow]')", file=sys.stderr)
        return EXIT_USAGE

    from shapedoctor.app.run import run_command

    if args.timeout <= 0:
        print("shapedoctor: error: --timeout must be positive", file=sys.stderr)
        return EXIT_USAGE
    mode = "diff" if args.diff else "write" if args.write else None
    return run_command(script, list(args.args), as_json=args.json, show_traceback=not args.no_traceback,
                       quick=args.quick, patch_mode=mode, fix_number=args.fix, timeout=args.timeout,
                       backup_suffix=args.backup_suffix, html_path=args.html, open_browser=args.open_browser)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
