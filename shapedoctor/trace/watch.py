"""The wrapper every read-only watch uses: call the original, then only look at what it was given.

The loss-object watch (``keras.losses.Loss.__call__``), the ``add_loss`` watch and the softmax watch all
wrap a Keras or TensorFlow callable the same way: the original runs first and its result is returned
unchanged; an exception passes through untouched, the wrapper's own frame removed from its traceback
(trace/recorder.py ``_hide_own_frame``); afterwards ``note(args, kwargs, caller_frame)`` reads shapes, and
anything it raises is kept in ``recorder.internal_errors``, never shown to the program.
"""

from __future__ import annotations

import sys
from typing import Any, Callable


def after_call(recorder: Any, note: Callable[[tuple, dict, Any], None]):
    """``make(original)`` for ``Recorder._patch`` / ``Recorder.patch_function``: see the module."""
    def make(original):
        def watched(*args, **kwargs):
            try:
                result = original(*args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - re-raised unchanged
                from shapedoctor.trace.recorder import _hide_own_frame

                _hide_own_frame(exc)
                raise
            try:
                note(args, kwargs, sys._getframe(1))
            except Exception as exc:  # noqa: BLE001 - never break the user's program
                recorder.internal_errors.append(exc)
            return result

        return watched

    return make
