"""Run a proof in a process forked by a warm proof server (:mod:`shapedoctor.patch.proof_server`).

:func:`run_trial` gives what a fresh ``python -m shapedoctor.patch.trial`` process would give
(return code, stdout, stderr, or a timeout) without paying for the Keras import again. The server is
a copy of ``shapedoctor run`` itself, forked by :func:`prefork` once Keras is imported and before the
script starts (so it has run no backend op and forking it is safe); it sleeps until the first proof.
With ``SHAPEDOCTOR_PROOF_FORK=1``, a proof that has no such copy (``check``, the Python API) starts
a server of its own, which imports Keras once (``python -m shapedoctor.patch.proof_server``).

It returns ``None`` whenever no server can serve the proof, and the caller then proves the old way,
in a fresh process: switched off (``SHAPEDOCTOR_PROOF_FORK=0``), no forked copy (and not asked for a
server of its own), not Linux, not the main thread (the kernel's "die with the parent" is tied to
the thread that made the server), the server could not start, refused to fork or died, or the
forked process could not start (an infrastructure failure, never the script's own). After two such
failures no server is tried again.

A server serves one environment and one working directory (what the fresh process would have
had, ``KERAS_BACKEND`` included): when either changed (the script set a variable or changed
directory), it is stopped, and the proof is a fresh process. Every wait has a deadline:
the proof's own timeout (which, as for the fresh process, also covers the Keras import of the
first proof) and a few seconds for the bookkeeping after it. On any interruption (Ctrl-C, SIGTERM
turned into ``SystemExit`` by the caller) the proof's whole process group is killed and the server
is stopped; at exit it is stopped and reaped, and if shapedoctor is killed the kernel kills it.

Measured by ``benchmarks/bench_proof_server.py``: a server started at the first proof saves nothing
when a run proves once (it imports Keras too: fresh/server CPU x0.94 on the corpus subset ``c00 t00``),
hence it is not started by default; the forked copy costs no import at all (see the README).
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

SWITCH = "SHAPEDOCTOR_PROOF_FORK"  # "0": every proof in a fresh process; "1": also start a server when none was forked
PROVING = "SHAPEDOCTOR_PROVING"  # set in a proof's environment: no nested proofs (shapedoctor.app.patching)
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


class _Forked:
    """The part of ``subprocess.Popen`` :meth:`_Server.stop` uses, for a server this process forked."""

    def __init__(self, pid: int):
        self.pid, self.returncode = pid, None

    def poll(self) -> int | None:
        if self.returncode is None:
            with contextlib.suppress(ChildProcessError):
                pid, status = os.waitpid(self.pid, os.WNOHANG)
                if pid:
                    self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while self.poll() is None:
            if time.monotonic() > deadline:
                raise subprocess.TimeoutExpired("proof server", timeout)
            time.sleep(0.01)
        return self.returncode


class _Server:
    """The server process and this end of its socket."""

    def __init__(self, key: tuple, env: dict[str, str], fork: bool = False):
        from shapedoctor.patch.proof_server import SETUP_FAILED, SETUP_FAILED_LINE

        self.key, self.owner, self.ready = key, os.getpid(), False
        self.threads: int | None = None  # its native threads after the imports
        self.setup_failed = (SETUP_FAILED, SETUP_FAILED_LINE)
        self.channel, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        if fork:
            self._fork(theirs, env)
            return
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

    def _fork(self, theirs: socket.socket, env: dict[str, str]) -> None:
        """Make the server a copy of this process (Keras imported, nothing run yet): see :func:`prefork`."""
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()  # what is buffered now is this process's to print, not the copy's
        parent = os.getpid()
        try:
            pid = os.fork()
        except BaseException:
            theirs.close()
            self.channel.close()
            raise
        if pid == 0:
            self.channel.close()
            from shapedoctor.patch.proof_server import become

            # Returns only in a proof the copy forked, with that proof's exit status: the proof then
            # ends as the fresh process would, by the interpreter's normal exit (atexit handlers, flushes).
            raise SystemExit(become(theirs, parent, env))
        theirs.close()
        self.process, self.pid = _Forked(pid), pid

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


def proof_environment() -> dict[str, str]:
    """The environment of a proof: this process's, TensorFlow's logs and Python's warnings off, and
    the mark that stops a proof from proving in turn."""
    return dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore", **{PROVING: "1"})


def enabled() -> bool:
    """Whether a proof may go through a server at all (else: a fresh process)."""
    return (sys.platform.startswith("linux") and os.environ.get(SWITCH) != "0" and _failures < MAX_FAILURES
            and hasattr(socket, "send_fds") and hasattr(os, "memfd_create") and hasattr(os, "waitid")
            and hasattr(os, "fork") and threading.current_thread() is threading.main_thread())


def prefork() -> None:
    """Fork this process's proof server now: `run` calls it once Keras is imported, before the script starts.

    A fork of this process at this moment has everything a proof imports and has run no backend op (so
    no runtime thread pool: forking it again is safe, and checked before every fork), so each proof it
    serves skips the Keras import a fresh process pays (most of a proof's cost). It waits on its socket,
    doing nothing, until the first proof; when the proof's environment or working directory is no longer
    the one it was made for (the script changed them), it is stopped and proofs run in fresh processes.
    Not in a proof (no nested proofs), not with ``SHAPEDOCTOR_PROOF_FORK=0``.
    """
    global _server
    if _server is not None or os.environ.get(PROVING) or not enabled():
        return
    env = proof_environment()
    try:
        _server = _Server(_key(env), env, fork=True)
    except OSError:
        _server = None


def run_trial(args: list[str], data: bytes, env: dict[str, str], timeout: float, started: float) -> TrialResult | None:
    """Run ``trial [--weight-free] FILE ARGS`` on *data* through the server; ``None``: prove the old way.

    *started* (``time.monotonic``) is when the proof began: the timeout counts from there.
    """
    global _failures
    if not enabled():
        return None
    try:
        server = _server_for(env)
        return None if server is None else _run_on(server, args, data, started + timeout)
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


def _key(env: dict[str, str]) -> tuple:
    """What a server serves: one Python, one working directory, one environment."""
    return (sys.executable, os.getcwd(), tuple(sorted(env.items())))


def _server_for(env: dict[str, str]) -> _Server | None:
    """The server for a proof in *env*: the forked one if it still fits, else (only with
    ``SHAPEDOCTOR_PROOF_FORK=1``) a new one; ``None``: a fresh process."""
    global _server
    key = _key(env)
    if _server is not None and (_server.key != key or _server.owner != os.getpid()
                                or _server.process.poll() is not None):
        stop()
    if _server is None:
        if os.environ.get(SWITCH) != "1":
            return None  # a server started now imports Keras itself: no cheaper than the fresh process
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
