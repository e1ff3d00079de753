"""The proof's child process: run a patched text as the user's file, without writing it anywhere.

``python -m shapedoctor.patch.trial PARENT_PID [--weight-free] FILE [ARGS...]`` reads the patched
text from standard input, then runs ``shapedoctor run --json --quick --no-traceback FILE ARGS...``
(``--weight-free``: ``shapedoctor check``'s one-file report, for ``check --diff/--write``) with
Python reading that text whenever it loads *FILE* (``io.open_code``, the one door ``runpy``
uses). So the patched script runs with the user's ``__file__``, directory, ``sys.path`` and
working directory, and no scratch file exists: a killed run cannot leave one behind.

Started by :mod:`shapedoctor.patch.prove` in a session of its own; it asks the kernel to kill
it when its parent dies (Linux ``PR_SET_PDEATHSIG``), so a proof never outlives shapedoctor.
"""

from __future__ import annotations

import io
import linecache
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Be killed (SIGKILL) when the parent process dies; exit now if it is already gone."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def serve(name: str, data: bytes) -> None:
    """Make Python's code loading (and linecache) see *data* as the content of the file *name*."""
    real_open_code = io.open_code
    path = os.path.abspath(name)

    def open_code(name: str):
        if os.path.abspath(name) == path:
            return io.BytesIO(data)
        return real_open_code(name)

    io.open_code = open_code
    text = data.decode(_encoding(data), errors="replace")
    lines = text.splitlines(True)
    for key in {name, path}:
        linecache.cache[key] = (len(text), None, lines, key)
    # Code that asks linecache to read the file again (AutoGraph does, before it converts a function
    # given to ``Dataset.map``) must get the patched text too, not the file on disk.
    real_updatecache = linecache.updatecache

    def updatecache(filename, module_globals=None):
        if filename and os.path.abspath(filename) == path:
            linecache.cache[filename] = (len(text), None, lines, filename)
            return lines
        return real_updatecache(filename, module_globals)

    linecache.updatecache = updatecache


def _encoding(data: bytes) -> str:
    import tokenize

    try:
        return tokenize.detect_encoding(io.BytesIO(data).readline)[0]
    except SyntaxError:
        return "utf-8"


def main(argv: list[str]) -> int:
    parent, rest = int(argv[0]), argv[1:]
    die_with_parent(parent)
    data = sys.stdin.buffer.read()
    null = os.open(os.devnull, os.O_RDONLY)  # the script itself gets an empty stdin, as a proof should
    os.dup2(null, 0)
    os.close(null)
    return run_patched(rest, data)


def run_patched(rest: list[str], data: bytes) -> int:
    """``[--weight-free] FILE ARGS...``: run *data* as *FILE* and print the JSON report (stdin is
    already empty). Shared by this process and a proof forked by :mod:`shapedoctor.patch.proof_server`."""
    weight_free = bool(rest) and rest[0] == "--weight-free"  # prove for `check`: check the patched text
    if weight_free:
        rest = rest[1:]
    file, args = rest[0], rest[1:]
    serve(file, data)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    if weight_free:
        from shapedoctor.app.check import worker

        return worker([file, *args])
    from shapedoctor.app.run import run_command

    return run_command(file, args, as_json=True, show_traceback=False, quick=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
