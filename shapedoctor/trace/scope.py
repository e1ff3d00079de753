"""The sizes a user's script names: module-level integers and the lengths of its containers.

A fix that must change ``Dense(64)`` to 27 units reads best as ``Dense(len(chars))`` or
``Dense(num_classes)`` when the script already holds that number under a name: the literal goes
stale the day the data changes. This module takes a snapshot, at the moment shapedoctor looks at
a failure or a training call, of the values the script's module namespace binds: ``{"num_classes":
10, "len(chars)": 27, ...}``. Values only (ints), never references; code generation decides
which of them may be written where (``repair/user_names.py``).
"""

from __future__ import annotations

import types

MAX_SIZES = 400  # names kept from one namespace
_CONTAINERS = (str, list, tuple, dict, set, frozenset)
_LARGEST = 10**8  # an int beyond this is an id, a seed or a count of bytes, not a layer size


def sizes_in_globals(frame) -> dict[str, int]:
    """``{expression: value}`` for the module-level ints (2 and up) and container lengths of *frame*'s module."""
    found: dict[str, int] = {}
    if frame is None:
        return found
    for name, value in list(frame.f_globals.items()):
        if len(found) >= MAX_SIZES:
            break
        if name.startswith("_") or isinstance(value, (types.ModuleType, type)) or callable(value):
            continue
        if type(value) is int and 2 <= value <= _LARGEST:  # noqa: E721 - bool and numpy ints are not sizes the user named
            found[name] = value
        elif isinstance(value, _CONTAINERS):
            try:
                size = len(value)
            except Exception:  # noqa: BLE001 - a container subclass with a strange __len__
                continue
            if size >= 2:
                found[f"len({name})"] = size
    return found
