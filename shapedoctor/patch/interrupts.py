"""Ctrl-C and SIGTERM during shapedoctor's own work end it, surely, and take the proofs along.

Python raises ``KeyboardInterrupt`` wherever the main thread happens to be when it handles the
signal. Inside a garbage-collector callback or a finalizer (JAX registers one,
``_xla_gc_callback``, and the collector runs it at any allocation) the exception is printed as
"Exception ignored in ..." and lost: the run went on, into a proof that could sleep for its whole
timeout. So while shapedoctor works for itself (loading Keras, diagnosing, proving, writing;
never while the user's script runs, which must see Python's own behaviour) the signal is handled
here: the handler first notes it and kills the process group of every proof running now (the
wait for their output then ends by itself), then raises as Python would; ``checkpoint()`` raises
a noted signal again at the next safe point (before and after each proof, at each candidate fix
verified), so a swallowed one still ends the run, and the "Exception ignored" report of that
swallowed exception (``sys.unraisablehook``) is not printed: it is not lost, only postponed. SIGINT becomes ``KeyboardInterrupt`` (exit status 130 where
shapedoctor catches it), SIGTERM ``SystemExit(143)``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from dataclasses import dataclass, field

LIVE_GROUPS: set[int] = set()  # process groups of the proofs running now (fresh or forked)
_RECEIVED: list[int] = []  # signals noted since shapedoctor took them over
_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@dataclass
class _Ownership:
    """What owning the signals changed, to give back: nesting depth, Python's handlers, its hook."""

    depth: int = 0  # nested owned() blocks
    previous: dict = field(default_factory=dict)  # signal -> the handler before shapedoctor's
    unraisable: object = None  # sys.unraisablehook before shapedoctor's
    released: bool = False  # inside released(): the user's script has the signals


_state = _Ownership()


def _raise_for(signum: int) -> None:
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise SystemExit(128 + signum)


def _handle(signum: int, frame) -> None:
    _RECEIVED.append(signum)
    for group in list(LIVE_GROUPS):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(group, signal.SIGKILL)
    _raise_for(signum)


def _unraisable(report) -> None:
    """Drop the report of an interruption raised by ``_handle`` where Python could not raise it."""
    if isinstance(report.exc_value, (KeyboardInterrupt, SystemExit)) and _RECEIVED:
        return
    (_state.unraisable or sys.__unraisablehook__)(report)


def checkpoint() -> None:
    """Raise a signal that arrived while shapedoctor owned them and whose exception was lost."""
    if _RECEIVED and _state.depth and not _state.released:
        _raise_for(_RECEIVED[0])


def forget() -> None:
    """In a forked copy of shapedoctor that becomes another program (the forked proof server):
    Python's own handlers and hook, as in a new process; nothing owned, nothing noted."""
    for sig in _SIGNALS:
        signal.signal(sig, signal.default_int_handler if sig == signal.SIGINT else signal.SIG_DFL)
    if sys.unraisablehook is _unraisable:
        sys.unraisablehook = _state.unraisable or sys.__unraisablehook__
    _state.depth, _state.previous, _state.unraisable, _state.released = 0, {}, None, False
    _RECEIVED.clear()
    LIVE_GROUPS.clear()


def clear() -> None:
    """The interruption was dealt with (said and turned into an exit status): do not raise it again."""
    _RECEIVED.clear()


@contextlib.contextmanager
def owned():
    """Handle Ctrl-C and SIGTERM as above inside the block (main thread only; nests)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if _state.depth == 0:
        _RECEIVED.clear()
        _state.previous = {sig: signal.signal(sig, _handle) for sig in _SIGNALS}
        _state.unraisable, sys.unraisablehook = sys.unraisablehook, _unraisable
    _state.depth += 1
    try:
        yield
        checkpoint()
    finally:
        _state.depth -= 1
        if _state.depth == 0:
            for sig, handler in _state.previous.items():
                signal.signal(sig, handler)
            _state.previous = {}
            if sys.unraisablehook is _unraisable:
                sys.unraisablehook = _state.unraisable
            _state.unraisable = None


@contextlib.contextmanager
def released():
    """Give the signals back to Python (and the user's script) inside the block."""
    if threading.current_thread() is not threading.main_thread() or _state.depth == 0:
        yield
        return
    ours = {sig: signal.signal(sig, handler) for sig, handler in _state.previous.items()}
    sys.unraisablehook = _state.unraisable
    _state.released = True
    try:
        yield
    finally:
        _state.released = False
        for sig, handler in ours.items():
            _state.previous[sig] = signal.getsignal(sig)  # a handler the script installed stays its own
            signal.signal(sig, handler)
        _state.unraisable, sys.unraisablehook = sys.unraisablehook, _unraisable
