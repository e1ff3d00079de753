"""Run a proof in a process forked by the warm proof server (:mod:`shapedoctor.patch.proof_server`).

:func:`run_trial` gives what a fresh ``python -m shapedoctor.patch.trial`` process would give
(return code, stdout, stderr, or a timeout) without paying for the Keras import again: the server,
started at the first proof of this shapedoctor process, imported Keras once and forks each proof.
It returns ``None`` whenever the server cannot serve the proof, and the caller then proves the
old way, in a fresh process: not switched on (``SHAPEDOCTOR_PROOF_FORK=1``; off by default, see
below), not Linux, not the main thread (the
kernel's "die with the parent" is tied to the thread that started the server), the server could
not start, refused to fork or died, or the forked process could not start (an infrastructure
failure, never the script's own). After two such failures the server is not tried again.

A server serves one environment and one working directory (what the fresh process would have
had, ``KERAS_BACKEND`` included): when either changed, it is replaced. Every wait has a deadline:
the proof's own timeout (which, as for the fresh process, also covers the Keras import of the
first proof) and a few seconds for the bookkeeping after it. On any interruption (Ctrl-C, SIGTERM
turned into ``SystemExit`` by the caller) the proof's whole process group is killed and the server
is stopped; at exit it is stopped and reaped, and if shapedoctor is killed the kernel kills it.

Off by default: the server saves the Keras import on every proof after the first of a process,
but most runs prove once, and that one proof costs slightly more CPU through the server (it
imports, then forks; ``benchmarks/bench_proof_server.py`` measured x0.94 on the corpus subset
``c00 t00`` and x0.90-0.94 on the seed examples, each with at most one proof per run).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from shapedoctor.patch import interrupts

SWITCH = "SHAPEDOCTOR_PROOF_FORK"  # "1": prove through the server; unset or anything else: a fresh process
AFTER_PROOF_LIMIT = 10.0  # seconds for killing and reaping a proof once it ended or timed out
STOP_LIMIT = 5.0  # seconds for the server to leave when told to, before it is killed
MAX_FAILURES = 2


@dataclass
class TrialResult:
    returncode: int | None
    stdout: bytes
    stderr: bytes
    timed_out: bool = False


class _Unavailable(Exception):
    """The server could not serve this proof (not the script's doing): prove the old way."""


class _Server:
    """The server process and this end of its socket."""

    def __init__(self, key: tuple, env: dict[str, str]):
        from shapedoctor.patch.proof_server import SETUP_FAILED, SETUP_FAILED_LINE

        self.key, self.owner, self.ready = key, os.getpid(), False
        self.threads: int | None = None  # its native threads after the imports
        self.setup_failed = (SETUP_FAILED, SETUP_FAILED_LINE)
        self.channel, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "shapedoctor.patch.proof_server", str(os.getpid()), str(theirs.fileno())],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                pass_fds=(theirs.fileno(),), start_new_session=True)
        except BaseException:
            self.channel.close()
            raise
        finally:
            theirs.close()
        self.pid = self.process.pid

    def receive(self, deadline: float) -> dict | None:
        """The server's next message; ``None`` when *deadline* (``time.monotonic``) passed first."""
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self.channel.settimeout(left)
            try:
                data = self.channel.recv(1 << 16)
            except TimeoutError:
                return None
            except OSError as exc:
                raise _Unavailable(f"the proof server's socket failed: {exc}") from exc
            if not data:
                raise _Unavailable("the proof server died")
            try:
                return json.loads(data)
            except ValueError as exc:
                raise _Unavailable("the proof server answered nonsense") from exc

    def send(self, message: dict, fds: list[int] = ()) -> None:
        try:
            self.channel.settimeout(AFTER_PROOF_LIMIT)
            socket.send_fds(self.channel, [json.dumps(message).encode()], list(fds))
        except OSError as exc:
            raise _Unavailable(f"the proof server cannot be reached: {exc}") from exc

    def stop(self) -> None:
        """Close the socket (the server leaves, killing a proof still running) and reap the server."""
        with contextlib.suppress(OSError):
            self.channel.close()
        if self.owner != os.getpid():
            return  # a forked copy of shapedoctor: the server belongs to the original
        try:
            self.process.wait(timeout=STOP_LIMIT)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=STOP_LIMIT)


_server: _Server | None = None
_failures = 0


def enabled() -> bool:
    """Whether a proof may go through the server at all (else: a fresh process)."""
    return (sys.platform.startswith("linux") and os.environ.get(SWITCH) == "1" and _failures < MAX_FAILURES
            and hasattr(socket, "send_fds") and hasattr(os, "memfd_create") and hasattr(os, "waitid")
            and threading.current_thread() is threading.main_thread())


def run_trial(args: list[str], data: bytes, env: dict[str, str], timeout: float, started: float) -> TrialResult | None:
    """Run ``trial [--weight-free] FILE ARGS`` on *data* through the server; ``None``: prove the old way.

    *started* (``time.monotonic``) is when the proof began: the timeout counts from there.
    """
    global _failures
    if not enabled():
        return None
    try:
        server = _server_for(env)
        return _run_on(server, args, data, started + timeout)
    except (_Unavailable, OSError) as exc:  # OSError: a pipe or memory file could not be made, a read failed
        _failures += 1
        if os.environ.get("SHAPEDOCTOR_DEBUG"):
            print(f"shapedoctor: proof server: {exc}; proving in a fresh process", file=sys.stderr)
        stop()
        return None
    except BaseException:
        stop()  # interrupted: the proof's group is already killed; the server goes too
        raise


def stop() -> None:
    """Stop the server (if any); also run at exit."""
    global _server
    server, _server = _server, None
    if server is not None:
        server.stop()


def server_pid() -> int | None:
    """The running server's process id (for tests and benchmarks)."""
    return _server.pid if _server is not None and _server.owner == os.getpid() else None


def server_threads() -> int | None:
    """How many native threads the running server had once its imports were done (for tests)."""
    return _server.threads if _server is not None else None


def _server_for(env: dict[str, str]) -> _Server:
    global _server
    key = (sys.executable, os.getcwd(), tuple(sorted(env.items())))
    if _server is not None and (_server.key != key or _server.owner != os.getpid()
                                or _server.process.poll() is not None):
        stop()
    if _server is None:
        try:
            _server = _Server(key, env)
        except OSError as exc:
            raise _Unavailable(f"the proof server could not start: {exc}") from exc
    return _server


def _run_on(server: _Server, args: list[str], data: bytes, deadline: float) -> TrialResult:
    if not server.ready:
        message = server.receive(deadline)
        if message is None:  # still importing Keras at the deadline: so would the fresh process be
            stop()
            return TrialResult(None, b"", b"", timed_out=True)
        if "ready" not in message:
            raise _Unavailable(f"the proof server could not start: {message.get('failed', message)}")
        server.ready, server.threads = True, message.get("threads")
    text = os.memfd_create("shapedoctor-proof-text")
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    try:
        _write_all(text, data)
        server.send({"run": args}, [text, out_write, err_write])
    except BaseException:
        for fd in (out_read, err_read):
            os.close(fd)
        raise
    finally:
        for fd in (text, out_write, err_write):
            os.close(fd)
    try:
        return _collect(server, out_read, err_read, deadline)
    finally:
        for fd in (out_read, err_read):
            with contextlib.suppress(OSError):
                os.close(fd)


def _collect(server: _Server, out_read: int, err_read: int, deadline: float) -> TrialResult:
    """Read the proof's output to its end and its exit, then have the server kill its group and reap it."""
    reply = server.receive(time.monotonic() + AFTER_PROOF_LIMIT)  # forking takes milliseconds
    if reply is None:
        raise _Unavailable("the proof server did not answer")
    if "started" not in reply:
        raise _Unavailable(f"the proof server refused: {reply.get('refused', reply)}")
    pid, returncode, timed_out, ended = reply["started"], None, False, False
    interrupts.LIVE_GROUPS.add(pid)  # Ctrl-C kills it first (patch/interrupts.py)
    chunks: dict[int, list[bytes]] = {out_read: [], err_read: []}
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(out_read, selectors.EVENT_READ)
            selector.register(err_read, selectors.EVENT_READ)
            selector.register(server.channel, selectors.EVENT_READ)
            open_pipes = 2
            while open_pipes or returncode is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    timed_out = True
                    break
                for key, _ in selector.select(left):
                    if key.fileobj is server.channel:
                        message = server.receive(time.monotonic() + AFTER_PROOF_LIMIT)
                        if message is None or "exited" not in message:
                            raise _Unavailable(f"unexpected message from the proof server: {message}")
                        returncode = message["exited"]
                        selector.unregister(server.channel)
                        continue
                    chunk = os.read(key.fd, 1 << 16)
                    if chunk:
                        chunks[key.fd].append(chunk)
                    else:
                        selector.unregister(key.fd)
                        open_pipes -= 1
        try:
            server.send({"end": True})
            message = server.receive(time.monotonic() + AFTER_PROOF_LIMIT)
            ended = message is not None and "ended" in message
        except _Unavailable:
            pass
    finally:
        interrupts.LIVE_GROUPS.discard(pid)
        if not ended:  # interrupted, or the server failed: the group id is still reserved (not reaped)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
    if not ended:  # the outcome stands (the proof ran to its end or to the timeout); the server goes
        stop()
    if timed_out:
        return TrialResult(None, b"", b"", timed_out=True)
    out, err = b"".join(chunks[out_read]), b"".join(chunks[err_read])
    code, line = server.setup_failed
    if returncode == code and not out and err.rstrip().endswith(line):
        raise _Unavailable("the forked proof could not start")
    return TrialResult(returncode, out, err)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


atexit.register(stop)
