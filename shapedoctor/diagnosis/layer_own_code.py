"""A custom layer's own code refused a tensor it made itself: the root cause is inside the layer.

A layer written by the user (``class Scorer(layers.Layer)``) runs backend ops in its ``call()``;
when one of them fails ("Dimensions must be equal, but are 16 and 4 ... with input shapes:
[?,10,16], [4,1]"), Keras reports the layer's call as the one that refused its input, and the
usual walk back names the layer that made the input. That is right only when the operand that did
not fit *is* the layer's input. When the op's operand has another size on the axis it compared
(here 16 where the layer's input has 32), the tensor was made inside the layer (by its own weights
or ops), so no width of the input could help and nothing upstream is the cause: the line of the
layer's own code that raised (the innermost frame of the traceback whose ``self`` is the layer)
is the root cause.

Reads: the op's message (:func:`shapedoctor.messages.parse`: the compared sizes), the layer's
input shape from the recording, and the traceback's frames. Answers None in every other case.
"""

from __future__ import annotations

import linecache
import traceback
from typing import Any

from shapedoctor.report.model import Place


def inner_operand(ctx: Any) -> bool:
    """The op that failed compared a size the layer's input does not have on that axis."""
    from shapedoctor.messages import parse

    facts = parse(ctx.message)
    details = facts.details if facts is not None else {}
    got_size, axis = details.get("received_size"), details.get("axis", -1)
    got = ctx.shape_in()
    if got_size is None or not got or axis != -1 or got[-1] is None:
        return False
    return int(got_size) != int(got[-1])


def own_frame(failure: Any) -> tuple[Any, int] | None:
    """(frame, line) of the innermost frame of the failing layer's own methods in the user's files (its
    ``build`` or ``call``, not Keras's), or None."""
    from shapedoctor.trace.sites import is_user_file

    layer, found = failure.call.layer, None
    for frame, line in traceback.walk_tb(failure.exception.__traceback__):
        if frame.f_locals.get("self") is layer and is_user_file(frame.f_code.co_filename):
            found = (frame, line)
    return found


def own_code_place(ctx: Any, failure: Any) -> Place | None:
    """The line of the layer's own method that raised, when the op refused a tensor the layer made."""
    from shapedoctor.trace.sites import display_path

    layer = failure.call.layer
    if not inner_operand(ctx):
        return None
    found = own_frame(failure)
    if found is None:
        return None
    filename, line = found[0].f_code.co_filename, found[1]
    return Place("layer", getattr(layer, "name", None), type(layer).__name__, display_path(filename), line,
                 linecache.getline(filename, line).strip())


def explanation(place: Place, received: str | None) -> str:
    """Why the layer's own line is the root cause, in plain words."""
    layer_cls = place.cls
    given = f" {received}" if received else ""
    return (f"{layer_cls}'s own code failed at line {place.line} (`{place.code}`) on a tensor it made itself: "
            f"its input{given} has another size on the axis the operation compared, so no width of the input "
            "would help. Check the shapes of the layer's own weights and ops (e.g. the weight made in `build` "
            "against the tensor it multiplies).")
