"""Run ``python -m shapedoctor ARGS`` for the tests without paying for the Keras import each time.

Most tests run the command line as a user would, and most of each run's CPU went to importing
TensorFlow and Keras (about 5 s) before shapedoctor did anything. Each pytest worker starts one
*warm* process (``python tests/warm_cli.py``) that imports Keras and shapedoctor's command line
once, runs no backend op (so it has no runtime thread pool and a fork is safe: it checks its thread
count before each fork) and forks one child per run. The child becomes what the fresh process would
be: its own session, empty stdin, stdout and stderr in files the test reads, the test's working
directory and environment, ``sys.argv`` and ``sys.path[0]`` as ``python -m`` sets them, a fresh
NumPy seed. Then it runs ``shapedoctor/__main__.py`` and
ends through the normal interpreter exit (atexit handlers, flushes), with the command's exit status.
The proofs a run starts are fresh processes, as for a user.

A run goes to a fresh process instead when its environment differs from the warm process's in
anything read at import (``KERAS_BACKEND``, ``TF_*``, ``PYTHON*``, ...: an import-time setting the
child could not change), when the warm process could not start, when the imports printed anything
(TensorFlow's logs unless ``TF_CPP_MIN_LOG_LEVEL=3``, ``TF_ENABLE_ONEDNN_OPTS=0``: a fresh ``--help``
never imports Keras, so it could not print them), when it refuses to fork, and always with
``SHAPEDOCTOR_TEST_FRESH=1``. ``tests/test_warm_cli.py`` compares the two ways byte for byte.

Protocol on a ``SOCK_SEQPACKET`` socket pair, one JSON object per message::

    warm -> test   {"ready": THREADS} or {"failed": WHY}           once, after the imports
    test -> warm   {"argv": [...], "cwd": DIR, "env": {...}} + the fds [stdout, stderr]
    warm -> test   {"started": PID} or {"refused": WHY}
    warm -> test   {"exited": RETURNCODE}
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What `python -m shapedoctor` imports before it runs a command (none runs a backend op at import).
PRELOADED = ("keras", "shapedoctor.cli", "shapedoctor.app.run", "shapedoctor.trace.runner", "shapedoctor.pipeline",
             "shapedoctor.app.patching", "shapedoctor.app.check", "shapedoctor.patch.prove")

# Environment variables a fresh process reads while importing (Python, TensorFlow, Keras, JAX, the
# BLAS and CUDA libraries): a run whose values differ from the warm process's gets a fresh process.
_IMPORT_TIME = ("PYTHON", "TF_", "KERAS_", "JAX_", "XLA_", "CUDA", "OMP_", "OPENBLAS", "MKL_", "LD_", "LC_", "LANG",
                "TENSORFLOW", "SHAPEDOCTOR_DEBUG", "HOME", "XDG_")


def _import_time(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k.startswith(_IMPORT_TIME)}


_POOLS: dict[tuple, list[WarmCLI]] = {}  # warm processes by import-time environment
_POOLS_LOCK = threading.Lock()


def run_shapedoctor(args: list[str], cwd: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    """``python -m shapedoctor ARGS`` in *cwd* with *env*: what ``subprocess.run(..., capture_output=True,
    text=True)`` gives, run by a fork of a warm process for that import-time environment (one per
    backend and setting, and one more for each run at the same time: the corpus runs two at once) or,
    when none can serve, by a fresh interpreter."""
    return _run(args, cwd, env, timeout, script=False)


def run_python(args: list[str], cwd: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    """``python SCRIPT ARGS`` (*args*: the script and its arguments) in *cwd* with *env*, the same way: for a
    test that asks whether a Keras script runs to its end under plain Python (its exit status and output),
    not how Python imports Keras (the fork has Keras and shapedoctor imported already)."""
    return _run(args, cwd, env, timeout, script=True)


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: float, script: bool) -> subprocess.CompletedProcess:
    key = tuple(sorted(_import_time(env).items()))
    with _POOLS_LOCK:
        pool = _POOLS.setdefault(key, [])
        warm = next((w for w in pool if w.lock.acquire(blocking=False)), None)
        if warm is None:
            warm = WarmCLI(env)
            warm.lock.acquire()
            pool.append(warm)
    try:
        return warm.run(args, cwd, env, timeout, script)
    finally:
        warm.lock.release()


def stop_all() -> None:
    """End every warm process (and reap it: its runs' CPU time then counts as this process's children's)."""
    with _POOLS_LOCK:
        for pool in _POOLS.values():
            for warm in pool:
                warm._stop()
        _POOLS.clear()



def _fresh_run(args: list[str], cwd: Path, env: dict[str, str], timeout: float,
               script: bool = False) -> subprocess.CompletedProcess:
    """``python -m shapedoctor`` (*script*: ``python``) in a new process of its own session; on a timeout the
    whole session is killed, as a warm run's is (``subprocess.run`` would kill the interpreter alone and leave
    what the script started)."""
    proc = subprocess.Popen([sys.executable, *([] if script else ["-m", "shapedoctor"]), *args], cwd=cwd, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)

class WarmCLI:
    """The test side of one warm process, started at its first run; one run at a time (``lock``)."""

    def __init__(self, env: dict[str, str]):
        self.env = env
        self.lock = threading.Lock()
        self.channel: socket.socket | None = None
        self.process: subprocess.Popen | None = None
        self.broken = os.environ.get("SHAPEDOCTOR_TEST_FRESH") == "1" or not hasattr(os, "fork")

    def run(self, args: list[str], cwd: Path, env: dict[str, str], timeout: float,
            script: bool = False) -> subprocess.CompletedProcess:
        if not self.broken and self._start():
            done = self._run_warm(args, cwd, env, timeout, script)
            if done is not None:
                return done
        return _fresh_run(args, cwd, env, timeout, script)

    def _start(self) -> bool:
        if self.channel is not None:
            return True
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self.process = subprocess.Popen([sys.executable, str(Path(__file__)), str(os.getpid()), str(theirs.fileno())],
                                            cwd=ROOT, env=self.env, pass_fds=[theirs.fileno()],
                                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL)
        finally:
            theirs.close()
        answer = _receive(mine, timeout=600)
        if not answer or "ready" not in answer:
            mine.close()
            self._stop()
            self.broken = True
            return False
        self.channel = mine
        atexit.register(self._stop)  # and reaped: its runs' CPU time counts as this process's children's
        return True

    def _run_warm(self, args, cwd, env, timeout, script=False) -> subprocess.CompletedProcess | None:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            request = {"argv": list(args), "cwd": str(cwd), "env": env, "script": script}
            try:
                socket.send_fds(self.channel, [json.dumps(request).encode()], [out.fileno(), err.fileno()])
            except OSError:
                return self._give_up()
            answer = _receive(self.channel, timeout=60)
            if not answer or "started" not in answer:
                if answer and "refused" in answer:
                    self._stop()
                    self.broken = True
                    return None
                return self._give_up()
            pid = answer["started"]
            answer = _receive(self.channel, timeout=timeout)
            if answer is None:  # too slow: kill the run's whole session, as subprocess.run's timeout would
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(pid, signal.SIGKILL)
                _receive(self.channel, timeout=60)
                raise subprocess.TimeoutExpired(["shapedoctor", *args], timeout)
            if "exited" not in answer:
                return self._give_up()
            out.seek(0)
            err.seek(0)
            return subprocess.CompletedProcess(["shapedoctor", *args], answer["exited"], _text(out.read()),
                                               _text(err.read()))

    def _give_up(self) -> None:
        self._stop()
        self.broken = True
        return None

    def _stop(self) -> None:
        if self.channel is not None:
            self.channel.close()
            self.channel = None
        if self.process is not None:
            with contextlib.suppress(Exception):
                self.process.kill()
                self.process.wait(timeout=30)
            self.process = None


def _text(data: bytes) -> str:
    """Bytes as ``subprocess.run(..., text=True)`` decodes them (locale encoding, universal newlines)."""
    return data.decode(_encoding(), errors="strict").replace("\r\n", "\n").replace("\r", "\n")


def _encoding() -> str:
    import locale

    return locale.getpreferredencoding(False)


def _receive(channel: socket.socket, timeout: float) -> dict | None:
    ready, _, _ = select.select([channel], [], [], timeout)
    if not ready:
        return None
    try:
        data = channel.recv(1 << 16)
    except OSError:
        return None
    if not data:
        return None
    return json.loads(data)


# ---------------------------------------------------------------------------------- the warm process


def _thread_count() -> int:
    return len(os.listdir("/proc/self/task"))


def _serve(parent: int, channel: socket.socket) -> None:
    sys.path[0] = str(ROOT)  # import the checkout's shapedoctor, as `python -m` from ROOT does
    from shapedoctor.patch.trial import die_with_parent

    die_with_parent(parent)
    printed = _warm_up()
    if any(printed):  # a fresh `--help` imports nothing and prints nothing: runs could not match it
        channel.send(json.dumps({"failed": f"the imports printed {printed!r}"[:2000]}).encode())
        return
    threads = _thread_count()
    channel.send(json.dumps({"ready": threads}).encode())
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(channel, 1 << 20, 2)
        except OSError:
            return
        if not data:
            return
        request = json.loads(data)
        if len(fds) != 2 or _thread_count() > threads:
            for fd in fds:
                os.close(fd)
            channel.send(json.dumps({"refused": f"threads {_thread_count()} > {threads} or fds {len(fds)}"}).encode())
            continue
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        pid = os.fork()
        if pid == 0:
            channel.close()
            _become_the_run(request, fds)  # never returns: the run ends with SystemExit
        for fd in fds:
            os.close(fd)
        channel.send(json.dumps({"started": pid}).encode())
        _, status = os.waitpid(pid, 0)
        channel.send(json.dumps({"exited": os.waitstatus_to_exitcode(status)}).encode())


def _warm_up() -> tuple[bytes, bytes]:
    """Import what a run needs; return what the imports wrote on stdout and stderr."""
    captured = [tempfile.TemporaryFile(), tempfile.TemporaryFile()]
    saved = [os.dup(1), os.dup(2)]
    for fd, file in zip((1, 2), captured):
        os.dup2(file.fileno(), fd)
    try:
        for name in PRELOADED:
            importlib.import_module(name)
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        for fd, old in zip((1, 2), saved):
            os.dup2(old, fd)
            os.close(old)
    printed = []
    for file in captured:
        file.seek(0)
        printed.append(file.read())
        file.close()
    return printed[0], printed[1]


def _become_the_run(request: dict, fds: list[int]) -> None:
    import runpy

    from shapedoctor.patch.trial import die_with_parent

    os.setsid()
    die_with_parent(os.getppid())
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    for fd, target in zip(fds, (1, 2)):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed()  # a new process draws a new seed; a fork inherits the warm one's
    if request.get("script"):  # `python SCRIPT ARGS`: the script's own directory first, argv as given
        sys.argv = list(request["argv"])
        sys.path[0] = os.path.dirname(os.path.realpath(sys.argv[0]))
        _run_main_file(os.path.abspath(sys.argv[0]))
        raise SystemExit(0)
    sys.path[0] = os.getcwd()  # `python -m` puts the working directory first
    sys.argv = ["-m", *request["argv"]]  # runpy replaces argv[0] with the module's path, as `python -m` does
    runpy.run_module("shapedoctor", run_name="__main__", alter_sys=True)
    raise SystemExit(0)


def _run_main_file(path: str) -> None:
    """Run the file as ``python FILE`` runs it: a fresh ``__main__`` named by its absolute path (runpy's
    ``run_path`` would set ``sys.argv[0]`` to that path too; Python keeps it as typed)."""
    import builtins
    import importlib.machinery
    import types

    main = types.ModuleType("__main__")
    main.__file__, main.__builtins__, main.__cached__ = path, builtins, None
    main.__loader__ = importlib.machinery.SourceFileLoader("__main__", path)
    sys.modules["__main__"] = main
    with open(path, "rb") as fh:
        code = compile(fh.read(), path, "exec")
    try:
        exec(code, main.__dict__)
    except SystemExit:
        raise
    except BaseException as exc:  # Python prints it from the file's own frame on, and exits with status 1
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code is not code:
            tb = tb.tb_next
        if tb is not None:
            exc = exc.with_traceback(tb)  # the hook prints the exception's own traceback
        sys.excepthook(type(exc), exc, exc.__traceback__)
        raise SystemExit(1) from None


if __name__ == "__main__":
    _serve(int(sys.argv[1]), socket.socket(fileno=int(sys.argv[2])))
