"""The sizes a user's script names: module-level integers and the lengths of its containers.

A fix that must change ``Dense(64)`` to 27 units reads best as ``Dense(len(chars))`` or
``Dense(num_classes)`` when the script already holds that number under a name: the literal goes
stale the day the data changes. This module takes a snapshot, at the moment shapedoctor looks at
a failure or a training call, of the values the script's module namespace binds: ``{"num_classes":
10, "len(chars)": 27, ...}``. Values only (ints), never references; code generation decides
which of them may be written where (``repair/user_names.py``).
"""

from __future__ import annotations

import os
import types

MAX_SIZES = 400  # names kept from one namespace
_CONTAINERS = (str, list, tuple, dict, set, frozenset)
_LARGEST = 10**8  # an int beyond this is an id, a seed or a count of bytes, not a layer size


def sizes_at_error(exc: BaseException) -> dict[str, int]:
    """:func:`sizes_in_globals` of the user's innermost frame in *exc*'s traceback, where the error was raised
    (``{"num_classes": 10}``); empty when the traceback holds no user frame or a strange one."""
    from shapedoctor.trace.sites import user_frame_of_traceback

    try:
        return sizes_in_globals(user_frame_of_traceback(exc.__traceback__))
    except Exception:  # noqa: BLE001 - a nicety: a strange frame gives none
        return {}


def sizes_in_globals(frame) -> dict[str, int]:
    """``{expression: value}`` for the module-level ints (2 and up) and container lengths of
    *frame*'s module; when *frame* runs a function (a script wrapped in ``def main():``), its
    locals too, keyed ``"@<line of the def>@<file name>|<expression>"`` so that they are only used inside it."""
    found: dict[str, int] = {}
    if frame is None:
        return found
    _collect(frame.f_globals, "", found)
    if frame.f_code.co_name != "<module>" and frame.f_locals is not frame.f_globals:
        code = frame.f_code
        _collect(frame.f_locals, f"@{code.co_firstlineno}@{os.path.basename(code.co_filename)}|", found)
    return found


def _collect(scope: dict, prefix: str, found: dict[str, int]) -> None:
    for name, value in list(scope.items()):
        if len(found) >= MAX_SIZES:
            return
        if name.startswith("_") or isinstance(value, (types.ModuleType, type)) or callable(value):
            continue
        if type(value) is int and 2 <= value <= _LARGEST:  # noqa: E721 - bool and numpy ints are not sizes the user named
            found[prefix + name] = value
        elif isinstance(value, _CONTAINERS):
            try:
                size = len(value)
            except Exception:  # noqa: BLE001 - a container subclass with a strange __len__
                continue
            if size >= 2:
                found[f"{prefix}len({name})"] = size
