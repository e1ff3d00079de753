"""A layer the model makes in ``__init__`` and never calls, where the sum in ``call`` needs its output.

The TensorFlow SNGP tutorial's ``DeepResNet`` projects its 2-D inputs to the hidden width with
``self.input_layer = Dense(num_hidden)`` before the residual blocks add to them. Written ``hidden =
inputs`` instead of ``hidden = self.input_layer(inputs)``, the first ``hidden += resid`` adds (n, 2) to
(n, 128) and fails. Keras names the model; the data is right, and so is every layer: one was left out.

Evidence, read: the error says two sizes could not be lined up (``Dimensions must be equal, but are 2
and 128``); the model is a class of the user's own whose ``call`` never mentions one of the layers it
holds as an attribute; that layer has ``units`` (or ``filters``) equal to the larger size; and ``call``
binds a name to its own input unchanged (``hidden = inputs``). That line is the cause, and the fix passes
the input through the unused layer there, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any

_SIZES = re.compile(r"Dimensions must be equal, but are (\d+) and (\d+)")


def unused_layer(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the line of ``call`` that skipped a layer the model holds (see the module)."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    import keras

    from shapedoctor.trace.sites import is_user_file

    match = _SIZES.search(str(exc))
    failure = getattr(recorder, "failure", None)
    if match is None or failure is None:
        return None
    small, big = sorted(int(v) for v in match.groups())
    models = [r.layer for r in list(failure.stack) + [failure.call] if isinstance(r.layer, keras.Model)]
    model = models[-1] if models else None
    code = getattr(getattr(type(model), "call", None), "__code__", None)
    if code is None or not is_user_file(code.co_filename):
        return None
    from shapedoctor.diagnosis.unused_flatten import call_function

    file = code.co_filename
    fn = call_function(code)
    if fn is None or len(fn.args.args) < 2:
        return None
    used = {n.attr for n in ast.walk(fn) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
            and n.value.id == "self"}
    unused = [(name, layer) for name, layer in vars(model).items() if isinstance(layer, keras.layers.Layer)
              and not name.startswith("_") and name not in used and _width(layer) == big]
    param = fn.args.args[1].arg
    plain = [s for s in ast.walk(fn) if isinstance(s, ast.Assign) and len(s.targets) == 1
             and isinstance(s.targets[0], ast.Name) and isinstance(s.value, ast.Name) and s.value.id == param]
    if len(unused) != 1 or len(plain) != 1 or small == big:
        return None
    return file, plain[0], unused[0][0], unused[0][1], small, big


def _width(layer: Any) -> int | None:
    for key in ("units", "filters"):
        value = getattr(layer, key, None)
        if isinstance(value, int):
            return value
    return None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, stmt, attr, layer, small, big = found
    value = stmt.value
    if not linecache.getline(file, stmt.lineno).isascii():
        return finding
    edit = TextEdit.replacing(file, value, f"self.{attr}({value.id})")
    fix = script_checked_fix(f"pass the input through self.{attr}, the {type(layer).__name__} the model makes and "
                             "never calls", edit.shown(), display_path(file), stmt.lineno, [edit], cost=1)
    finding.culprit = Place("layer", attr, type(layer).__name__, display_path(file), stmt.lineno,
                            linecache.getline(file, stmt.lineno).strip())
    finding.clear_culprit_marks()  # the path's data row is right: the cause is a line of `call`
    finding.fixes = [fix]  # the data and the other layers are right
    why = (f"`self.{attr}` ({type(layer).__name__} of width {big}) is made in __init__ but never called: line "
           f"{stmt.lineno} takes the input as it is, {small} wide, where the sums after it need {big}. Pass the "
           f"input through `self.{attr}` there.")
    finding.explanation = why + " " + (finding.explanation or "")
    return finding
