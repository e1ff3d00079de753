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
EXIT_INTERRUPTED = 130  # Ctrl-C in shapedoctor's own work (as a shell reports 128 + SIGINT)

DESCRIPTION = textwrap.dedent(
    """\
    Find, explain and fix tensor-shape mismatches in Keras models.

      shapedoctor run model.py [args...]      run a script like `python model.py`, watching Keras;
                                              on a shape error, show the root cause and verified fixes
      shapedoctor run --json model.py         the same diagnosis as JSON on stdout
      shapedoctor check src/ notebooks/       shape-check every Keras script weight-free, no training
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


CHECK_HELP = textwrap.dedent(
    """\
    Shape-check every Keras model of a program without allocating a weight or training a
    step. Each script runs with every Keras variable declared (shape and dtype) but never
    allocated; fit/evaluate/predict, the *_on_batch methods and calls of a model on data get
    the same checks as `shapedoctor run`, then are answered symbolically (fit: a History with
    no epochs; predict: zero-filled arrays of the right shape and dtype) so the script goes on
    and every later call is checked too. What needs real values (an optimizer step, saving
    weights, callbacks) is listed, not guessed.

    Directories: every .py and .ipynb that imports keras/tensorflow, each in its own process.

    examples:
      shapedoctor check model.py
      shapedoctor check src/ notebooks/ -j 4
      shapedoctor check --format sarif . > shapes.sarif
      shapedoctor check --format github .
      shapedoctor check --diff model.py
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
    check = sub.add_parser("check", help="shape-check scripts and notebooks without allocating a weight or training",
                           description=CHECK_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text",
                       help="text (default), json (schema version 1, one report per file), sarif (SARIF 2.1.0) "
                            "or github (workflow-command annotations)")
    check.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                       help="files checked at once, each in its own process (default: the number of cores)")
    check.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                       help="time limit per file when checking several files or a directory (default: 120)")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings (silent problems) too")
    check_edit = check.add_mutually_exclusive_group()
    check_edit.add_argument("--diff", action="store_true",
                            help="(one file) the top fix as a unified diff, proven by checking the patched script")
    check_edit.add_argument("--write", action="store_true",
                            help="(one file) apply the proven fix in place (keeps FILE.orig)")
    check.add_argument("--fix", type=int, default=None, metavar="N", help="which fix to --diff/--write")
    check.add_argument("--proof-timeout", type=float, default=120.0, metavar="SECONDS",
                       help="time limit for checking the patched script as proof (default: 120)")
    check.add_argument("--backup-suffix", default=".orig", metavar="SUFFIX",
                       help="suffix of the backup --write keeps (default: .orig)")
    check.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    check.add_argument("--parent-pid", type=int, default=None, help=argparse.SUPPRESS)
    check.add_argument("paths", nargs="*", metavar="PATH", help="Python files, notebooks or directories")
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
    if args.command == "check":
        return _check(args)
    return _run(args)


def _check(args: argparse.Namespace) -> int:
    if not args.paths:
        print("shapedoctor: error: check needs at least one file or directory", file=sys.stderr)
        return EXIT_USAGE
    if args.timeout <= 0 or args.proof_timeout <= 0:
        print("shapedoctor: error: --timeout must be positive", file=sys.stderr)
        return EXIT_USAGE
    if args.jobs is not None and args.jobs < 1:
        print("shapedoctor: error: -j must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    from shapedoctor.app import check

    if args.worker:
        if args.parent_pid is not None:
            from shapedoctor.patch.trial import die_with_parent

            die_with_parent(args.parent_pid)
        return check.worker(args.paths)
    import importlib.util

    if importlib.util.find_spec("keras") is None:  # not imported here: the checks run in the workers
        print("shapedoctor: error: Keras is not installed in this Python environment "
              "(pip install 'shapedoctor[tensorflow]')", file=sys.stderr)
        return EXIT_USAGE
    mode = "diff" if args.diff else "write" if args.write else None
    return check.check_command(args.paths, fmt=args.format, jobs=args.jobs, timeout=args.timeout,
                               patch_mode=mode, fix_number=args.fix, proof_timeout=args.proof_timeout,
                               backup_suffix=args.backup_suffix, strict=args.strict)


def unusable_script(script: str) -> str | None:
    """Why *script* cannot be run (missing, not a file, not Python, not a readable notebook), or None."""
    if not os.path.exists(script):
        return f"no such file: {script}"
    if not os.path.isfile(script):
        return f"not a file: {script}"
    try:
        if script.endswith(".ipynb"):
            from shapedoctor.trace.notebook import NotebookError, load

            try:
                program = load(script)
            except NotebookError as exc:
                return str(exc)
            compile(program.source, script, "exec")
        else:
            with open(script, "rb") as fh:
                compile(fh.read(), script, "exec")
    except SyntaxError as exc:
        return f"{script} is not valid Python: {exc.msg} (line {exc.lineno})"
    except (OSError, ValueError) as exc:
        return f"cannot read {script}: {getattr(exc, 'strerror', None) or exc}"
    return None


def _keras_missing() -> bool:
    try:
        import keras  # noqa: F401
    except ImportError:
        print("shapedoctor: error: Keras is not installed in this Python environment "
              "(pip install 'shapedoctor[tensorflow]')", file=sys.stderr)
        return True
    return False


def _python_rejects(script: str) -> bool:
    """True when *script* is a file Python itself cannot compile (syntax error, binary, not UTF-8)."""
    if script.endswith(".ipynb") or not os.path.isfile(script):
        return False
    try:
        with open(script, "rb") as fh:
            compile(fh.read(), script, "exec")
    except (SyntaxError, ValueError):
        return True
    except OSError:
        return False
    return False


def _run(args: argparse.Namespace) -> int:
    script = args.script
    if _python_rejects(script):
        # Nothing of it can run, so there is no shape to diagnose: let Python say what it says
        # about this file (its own message and exit code, no Keras start-up).
        import subprocess

        return subprocess.run([sys.executable, script, *args.args]).returncode
    problem = unusable_script(script)
    if problem is not None:
        print(f"shapedoctor: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.timeout <= 0:
        print("shapedoctor: error: --timeout must be positive", file=sys.stderr)
        return EXIT_USAGE
    from shapedoctor.patch import interrupts

    stage = " while loading Keras; the script did not run"
    try:
        with interrupts.owned():  # Ctrl-C in shapedoctor's own work ends it (the script's run gives it back)
            if _keras_missing():
                return EXIT_USAGE
            from shapedoctor.patch import proof_client

            proof_client.prefork()  # a copy of this process, made before the script runs, serves the proofs
            stage = "; nothing was written"
            from shapedoctor.app.run import run_command

            mode = "diff" if args.diff else "write" if args.write else None
            return run_command(script, list(args.args), as_json=args.json, show_traceback=not args.no_traceback,
                               quick=args.quick, patch_mode=mode, fix_number=args.fix, timeout=args.timeout,
                               backup_suffix=args.backup_suffix, html_path=args.html,
                               open_browser=args.open_browser)
    except KeyboardInterrupt:
        print(f"\nshapedoctor: interrupted{stage}", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
