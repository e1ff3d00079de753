"""Run a user's script as ``__main__`` under the recorder, like ``python script.py`` would.

Like ``python``: the code runs from the script's absolute path (tracebacks and ``__file__``
name it so), ``sys.argv[0]`` is the path as given, an exception that ends a thread is printed
by ``threading.excepthook`` as usual (and kept here, so a shape error raised only in a thread
is diagnosed too).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import runpy
import signal
import sys
import threading
from dataclasses import dataclass, field

from shapedoctor.trace.recorder import Recorder


@dataclass
class Outcome:
    recorder: Recorder
    exception: BaseException | None = None
    exit_code: int | None = None  # from SystemExit
    thread_exceptions: list[BaseException] = field(default_factory=list)  # exceptions that ended threads


def run_script(path: str, argv: list[str], quick: bool = False, on_training_call=None, setup=None) -> Outcome:
    """Execute *path* with ``sys.argv = [path, *argv]`` and its directory on ``sys.path``.

    *setup*, if given, is a context manager entered before the recorder is installed and left
    after it is removed (``shapedoctor check`` runs the script weight-free inside it).
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras  # noqa: F401  (must be importable before instrumentation)

    atexit.register(_die_of_sigint_if_interrupted)  # before the script's own atexit handlers: runs after them
    recorder = Recorder()
    recorder.quick = quick
    recorder.on_training_call = on_training_call
    saved_argv, saved_path = sys.argv, list(sys.path)
    sys.argv = [path, *argv]
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    outcome = Outcome(recorder)
    saved_hook = threading.excepthook
    threading.excepthook = _keep_thread_exceptions(saved_hook, outcome.thread_exceptions)
    around = setup if setup is not None else contextlib.nullcontext()
    around.__enter__()
    recorder.install()
    try:
        from shapedoctor.trace.notebook import is_notebook

        if is_notebook(path):
            recorder.module_globals = _run_notebook(path)
        else:
            from shapedoctor.trace.sites import register_display_name

            full = os.path.abspath(path)
            if full != path:
                register_display_name(full, path)  # reports keep the path as the user gave it
            recorder.module_globals = runpy.run_path(full, run_name="__main__")  # the script's names at its end
    except SystemExit as exc:
        outcome.exit_code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code not in (None, 0) and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
    except BaseException as exc:  # noqa: BLE001 - handed back to the caller
        outcome.exception = exc
    finally:
        _join_threads()  # Python waits for them before it exits; their errors belong to this run
        recorder.uninstall()
        around.__exit__(None, None, None)
        if threading.excepthook is not saved_hook and getattr(threading.excepthook, "_shapedoctor", False):
            threading.excepthook = saved_hook  # (a hook the script installed itself stays)
        sys.argv, sys.path[:] = saved_argv, saved_path
    return outcome


_INTERRUPTED = False


def exit_as_interrupted() -> int:
    """End like ``python`` after an unhandled KeyboardInterrupt: when the interpreter is done
    (atexit), by SIGINT, so the parent sees "killed by SIGINT" (-2) rather than a plain code."""
    global _INTERRUPTED
    _INTERRUPTED = True
    return 130  # the exit code if the signal cannot be used


def _die_of_sigint_if_interrupted() -> None:
    if _INTERRUPTED and os.name == "posix":
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001 - closed streams
                pass
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)


def _join_threads() -> None:
    """Wait for the script's non-daemon threads, as the interpreter does at exit.

    Idle ``ThreadPoolExecutor`` workers are left alone: at exit the interpreter first tells them
    to stop (``concurrent.futures`` registers that with ``threading``) and only then joins them,
    so joining one here, before that signal, would wait forever (Keras's data adapters keep
    such pools alive). The interpreter still stops and joins them when the process ends.
    """
    current = threading.current_thread()
    for thread in threading.enumerate():
        if thread is current or thread.daemon or not thread.is_alive() or _is_pool_worker(thread):
            continue
        thread.join()


def _is_pool_worker(thread: threading.Thread) -> bool:
    target = getattr(thread, "_target", None)
    return (getattr(target, "__module__", "") == "concurrent.futures.thread"
            or thread.name.startswith("ThreadPoolExecutor"))


def _keep_thread_exceptions(hook, kept: list[BaseException]):
    """``threading.excepthook`` that keeps the exception, then prints it as Python does."""

    def excepthook(args):
        if args.exc_type is not SystemExit and args.exc_value is not None:
            kept.append(args.exc_value)
        return hook(args)

    excepthook._shapedoctor = True
    return excepthook


def _run_notebook(path: str) -> dict:
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
        return dict(module.__dict__)
    finally:
        if saved is not None:
            sys.modules["__main__"] = saved
