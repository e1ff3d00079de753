"""Run a user's script as ``__main__`` under the recorder, like ``python script.py`` would."""

from __future__ import annotations

import contextlib
import os
import runpy
import sys
from dataclasses import dataclass

from shapedoctor.trace.recorder import Recorder


@dataclass
class Outcome:
    recorder: Recorder
    exception: BaseException | None = None
    exit_code: int | None = None  # from SystemExit


def run_script(path: str, argv: list[str], quick: bool = False, on_training_call=None, setup=None) -> Outcome:
    """Execute *path* with ``sys.argv = [path, *argv]`` and its directory on ``sys.path``.

    *setup*, if given, is a context manager entered before the recorder is installed and left
    after it is removed (``shapedoctor check`` runs the script weight-free inside it).
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras  # noqa: F401  (must be importable before instrumentation)

    recorder = Recorder()
    recorder.quick = quick
    recorder.on_training_call = on_training_call
    saved_argv, saved_path = sys.argv, list(sys.path)
    sys.argv = [path, *argv]
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    outcome = Outcome(recorder)
    around = setup if setup is not None else contextlib.nullcontext()
    around.__enter__()
    recorder.install()
    try:
        from shapedoctor.trace.notebook import is_notebook

        if is_notebook(path):
            _run_notebook(path)
        else:
            runpy.run_path(path, run_name="__main__")
    except SystemExit as exc:
        outcome.exit_code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code not in (None, 0) and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
    except BaseException as exc:  # noqa: BLE001 - handed back to the caller
        outcome.exception = exc
    finally:
        recorder.uninstall()
        around.__exit__(None, None, None)
        sys.argv, sys.path[:] = saved_argv, saved_path
    return outcome


def _run_notebook(path: str) -> None:
    """The notebook's code cells, in order, as one ``__main__`` program."""
    import types

    from shapedoctor.trace.notebook import load

    program = load(path)
    code = compile(program.source, program.filename, "exec")
    module = types.ModuleType("__main__")
    module.__file__ = os.path.abspath(path)
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = module
    try:
        exec(code, module.__dict__)  # noqa: S102 - running the user's notebook is the point
    finally:
        if saved is not None:
            sys.modules["__main__"] = saved
