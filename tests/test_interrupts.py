"""Ctrl-C / SIGTERM during shapedoctor's own work (patch/interrupts.py), with real signals.

The bug this guards: a Ctrl-C handled while the garbage collector ran JAX's gc callback was
swallowed by Python ("Exception ignored in: <function _xla_gc_callback>"), and `run --write` went
on into a proof that slept; the run did not end. Now the signal is noted, the proofs' process
groups are killed at once, and the next checkpoint raises it.
"""

from __future__ import annotations

import gc
import signal
import subprocess
import sys

import pytest

from shapedoctor.patch import interrupts
from processes import alive


@pytest.fixture(autouse=True)
def _pythons_own_ctrl_c():
    """Python's own Ctrl-C handler while each test runs, whatever this process started with: a test
    run started as a background job inherits SIGINT ignored (SIG_IGN), and "given back" would then
    rightly give back SIG_IGN."""
    started_with = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, started_with)


def _raise_in_gc_callback(phase, info):
    if phase == "start":
        signal.raise_signal(signal.SIGINT)  # handled right here, inside the callback


def test_a_ctrl_c_python_swallows_in_a_gc_callback_is_raised_at_the_next_checkpoint(capsys):
    with pytest.raises(KeyboardInterrupt):
        with interrupts.owned():
            gc.callbacks.append(_raise_in_gc_callback)
            try:
                gc.collect()  # Python swallows the KeyboardInterrupt raised in the callback
            finally:
                gc.callbacks.remove(_raise_in_gc_callback)
            reached = True
            interrupts.checkpoint()
    assert reached
    assert "Exception ignored" not in capsys.readouterr().err  # postponed, not reported as lost
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # given back
    assert getattr(sys.unraisablehook, "__module__", "") != interrupts.__name__


def test_the_signal_kills_the_running_proof_group_before_anything_else():
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"], start_new_session=True)
    try:
        interrupts.LIVE_GROUPS.add(sleeper.pid)
        with pytest.raises(SystemExit) as info:
            with interrupts.owned():
                signal.raise_signal(signal.SIGTERM)
        assert info.value.code == 143
        assert sleeper.wait(timeout=10) == -signal.SIGKILL
    finally:
        interrupts.LIVE_GROUPS.discard(sleeper.pid)
        if alive(sleeper.pid):
            sleeper.kill()


def test_released_gives_the_script_pythons_own_ctrl_c_and_a_handled_one_is_not_raised_again():
    with interrupts.owned():
        with interrupts.released():
            assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
            with pytest.raises(KeyboardInterrupt):
                signal.raise_signal(signal.SIGINT)
            interrupts.checkpoint()  # the script's own Ctrl-C is not shapedoctor's to raise
        assert signal.getsignal(signal.SIGINT) is not signal.default_int_handler
        try:
            signal.raise_signal(signal.SIGINT)
        except KeyboardInterrupt:
            interrupts.clear()  # said and turned into an exit status by the caller
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
