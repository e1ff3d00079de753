"""The warm proof server: one Python that imported Keras once and forks one process per proof.

A proof (:mod:`shapedoctor.patch.prove`) used to start a fresh ``python -m shapedoctor.patch.trial``
each time, and most of its cost was importing Keras and TensorFlow. This server is started once per
shapedoctor process, at its first proof (by :mod:`shapedoctor.patch.proof_client`, as ``python -m
shapedoctor.patch.proof_server PARENT_PID SOCKET_FD``), with the environment and working directory
the fresh process would get, so Keras picks the same backend (``KERAS_BACKEND`` is in that
environment, as it would be for the fresh process). It imports Keras and the modules a proof runs,
and nothing else: it never runs a TensorFlow (or JAX) op, so no runtime thread pool exists and a
fork is safe. It checks that before every fork (it must not have more threads than it had after
the imports; OpenBLAS stops its idle workers before a fork, so it may have fewer) and refuses to
fork otherwise.

Each forked proof does what the fresh process does, with what it would have had: its own session
(so the whole group is killed at the end, on a timeout or an interrupt), killed by the kernel when
the server dies (``PR_SET_PDEATHSIG``; the server dies with shapedoctor the same way), an empty
stdin, stdout and stderr on the pipes the request brought (``socket.send_fds``), the patched text
read from an anonymous memory file (nothing on disk) and run by
:func:`shapedoctor.patch.trial.run_patched`. What the imports printed is written first to the
proof's stdout and stderr, where the fresh process would have printed it; NumPy's global random
state is seeded afresh (Python's ``random`` reseeds itself after a fork), as in a new process.
The imported objects are frozen (``gc.freeze``) so the proofs' garbage collector does not touch
them: the pages a proof copies from the server (copy-on-write) are about halved.

Protocol on a ``SOCK_SEQPACKET`` socket, one JSON object per message::

    server -> client  {"ready": PID, "threads": N} or {"failed": WHY}      once, after the imports
    client -> server  {"run": [ARGS...]} with the fds [text, stdout, stderr]
    server -> client  {"started": PID} or {"refused": WHY}
    server -> client  {"exited": RETURNCODE}     the proof ended (not reaped: its group id stays reserved)
    client -> server  {"end": true}              kill the proof's group (whatever is left of it) and reap it
    server -> client  {"ended": RETURNCODE}

The server exits when the client closes its end (killing a proof that is still running).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import os
import select
import signal
import socket
import sys
import warnings

# What a proof imports before the script runs (``run`` and ``check --weight-free``). None of them
# runs a backend op at import; the thread check before each fork would notice if one did.
PRELOADED = ("keras", "shapedoctor.patch.trial", "shapedoctor.app.run", "shapedoctor.trace.runner",
             "shapedoctor.pipeline", "shapedoctor.app.patching", "shapedoctor.app.check",
             "shapedoctor.check.single", "shapedoctor.check.weightfree")

SETUP_FAILED = 86  # a forked proof that could not even start exits with this and the line below
SETUP_FAILED_LINE = b"shapedoctor proof server: the proof process could not start"


def main(argv: list[str]) -> int:
    from shapedoctor.patch.trial import die_with_parent

    parent, channel = int(argv[0]), socket.socket(fileno=int(argv[1]))
    die_with_parent(parent)
    try:
        printed = _warm_up()
    except BaseException as exc:  # noqa: BLE001 - told to the client, which proves the old way
        _send(channel, {"failed": f"{type(exc).__name__}: {exc}"})
        return 1
    gc.collect()  # the imports' garbage, collected once here rather than in every proof
    gc.freeze()  # the collector of a forked proof leaves the imported objects alone: fewer pages copied
    threads = thread_count()
    _send(channel, {"ready": os.getpid(), "threads": threads})
    request = _serve(channel, threads)
    if request is None:
        os._exit(0)  # nothing to flush or clean: skip tearing down the interpreter and its imports
    return _prove(*request, printed)  # only in a forked proof: it ends as the fresh process would


def become(channel: socket.socket, parent: int, env: dict[str, str]) -> int:
    """In a copy of shapedoctor forked before the script ran (:func:`shapedoctor.patch.proof_client.prefork`):
    become the server. Returns only in a proof it forked, with that proof's exit status.

    The copy leaves the terminal's session and shapedoctor's output (its stdio goes to ``/dev/null``),
    gives the signals back to Python and takes the proofs' environment (what a fresh process would see).
    Its imports ran in shapedoctor's environment, not the proofs' (``TF_CPP_MIN_LOG_LEVEL=3``,
    ``PYTHONWARNINGS=ignore``): the warnings are ignored here as ``-W ignore`` would have, and what the
    imports printed went to shapedoctor's output already, so a proof does not repeat it.
    """
    try:
        os.setsid()  # Ctrl-C at the terminal is shapedoctor's to handle, as for a server it started
        from shapedoctor.patch import interrupts
        from shapedoctor.patch.trial import die_with_parent

        interrupts.forget()
        die_with_parent(parent)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)
        os.environ.clear()
        os.environ.update(env)
        sys.path[0] = os.getcwd()  # `python -m` puts the working directory first
        sys.warnoptions[:] = ["ignore"]
        warnings.simplefilter("ignore")
        threads = thread_count()
    except BaseException as exc:  # noqa: BLE001 - told to the client, which proves the old way
        _send(channel, {"failed": f"{type(exc).__name__}: {exc}"})
        os._exit(1)
    _send(channel, {"ready": os.getpid(), "threads": threads})
    request = _serve(channel, threads, first=_settle)
    if request is None:
        os._exit(0)
    return _prove(*request, (b"", b""))


def _settle() -> None:
    """Before the first proof of a forked copy: import what a proof needs that `run` had not, and
    freeze the imported objects (see :func:`main`), once, only for a copy that proves at all."""
    for name in PRELOADED:
        importlib.import_module(name)
    gc.collect()
    gc.freeze()


def thread_count(pid: int | str = "self") -> int:
    """The native threads of a process (its entries in ``/proc/PID/task``)."""
    return len(os.listdir(f"/proc/{pid}/task"))


def _warm_up() -> tuple[bytes, bytes]:
    """Import what a proof needs; return what the imports wrote on stdout and stderr."""
    captured, saved = [], []
    for fd in (1, 2):
        captured.append(os.memfd_create(f"shapedoctor-warm-up-{fd}"))
        saved.append(os.dup(fd))
        os.dup2(captured[-1], fd)
    try:
        for name in PRELOADED:
            importlib.import_module(name)
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        for fd, old in zip((1, 2), saved):
            os.dup2(old, fd)
            os.close(old)
    out, err = (_read_all(fd) for fd in captured)
    for fd in captured:
        os.close(fd)
    return out, err


def _serve(channel: socket.socket, threads: int, first=None):
    """Answer requests until the client leaves (None); in a forked proof, return its request.
    *first*: called once, before the first fork."""
    while True:
        message, fds = _receive(channel)
        if message is None:
            return None
        if "run" not in message:  # an "end" with no proof running
            _close(fds)
            continue
        if first is not None:
            first, settle = None, first
            try:
                settle()
            except BaseException as exc:  # noqa: BLE001 - the client proves the old way
                _close(fds)
                _send(channel, {"refused": f"{type(exc).__name__}: {exc}"})
                continue
            threads = thread_count()  # the limit is what the imports left, the ones just made included
        why = None
        if len(fds) != 3:
            why = f"expected 3 file descriptors, got {len(fds)}"
        elif thread_count() > threads:
            why = f"the server has {thread_count()} threads, more than {threads}: forking is no longer safe"
        if why is not None:
            _close(fds)
            _send(channel, {"refused": why})
            continue
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        server = os.getpid()
        try:
            pid = os.fork()
        except OSError as exc:
            _close(fds)
            _send(channel, {"refused": f"fork failed: {exc.strerror}"})
            continue
        if pid == 0:
            channel.close()
            return message["run"], fds, server
        _close(fds)
        _send(channel, {"started": pid})
        if not _watch(channel, pid):
            return None


def _watch(channel: socket.socket, pid: int) -> bool:
    """Tell the client when the proof ends; kill and reap its group when told to. False: the client left."""
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None  # an older kernel: look every 50 ms
    exited = False
    try:
        while True:
            waiting = [channel] if exited or pidfd is None else [channel, pidfd]
            ready, _, _ = select.select(waiting, [], [], 0.05 if pidfd is None and not exited else None)
            if not exited:
                info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
                if info is not None:
                    exited = True
                    _send(channel, {"exited": _returncode(info)})
            if channel in ready:
                message, fds = _receive(channel)
                _close(fds)
                if message is None:
                    _end(pid)
                    return False
                if message.get("end"):
                    _send(channel, {"ended": _end(pid)})
                    return True
    finally:
        if pidfd is not None:
            os.close(pidfd)


def _returncode(info) -> int:
    """``Popen.returncode`` of a ``waitid`` result: the exit status, or minus the killing signal."""
    return info.si_status if info.si_code == os.CLD_EXITED else -info.si_status


def _end(pid: int) -> int:
    """Kill whatever is left of the proof's group and reap the proof; its return code."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)  # in case it had not made its own group yet
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _prove(args: list[str], fds: list[int], server: int, printed: tuple[bytes, bytes]) -> int:
    """In the forked proof: become what the fresh trial process is, then run the patched script."""
    text, out, err = fds
    try:
        os.setsid()
        from shapedoctor.patch.trial import die_with_parent, run_patched

        die_with_parent(server)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        os.dup2(out, 1)
        os.dup2(err, 2)
        os.close(out)
        os.close(err)
        data = _read_all(text)
        os.close(text)
        for fd, early in zip((1, 2), printed):
            _write_all(fd, early)
        if "numpy" in sys.modules:
            sys.modules["numpy"].random.seed()  # a new process draws a new seed; a fork inherits the server's
    except BaseException:  # noqa: BLE001 - the client sees this and proves the old way
        with contextlib.suppress(OSError):
            _write_all(2, b"\n" + SETUP_FAILED_LINE + b"\n")
        os._exit(SETUP_FAILED)
    return run_patched(args, data)


def _read_all(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _send(channel: socket.socket, message: dict) -> None:
    with contextlib.suppress(OSError):  # the client left: the next receive says so
        channel.send(json.dumps(message).encode())


def _receive(channel: socket.socket) -> tuple[dict | None, list[int]]:
    """The next message and the fds it brought; ``None`` when the client closed its end."""
    try:
        data, fds, _, _ = socket.recv_fds(channel, 1 << 20, 8)
    except OSError:
        return None, []
    if not data:
        return None, list(fds)
    try:
        message = json.loads(data)
    except ValueError:
        return {}, list(fds)
    return (message if isinstance(message, dict) else {}), list(fds)


def _close(fds: list[int]) -> None:
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
