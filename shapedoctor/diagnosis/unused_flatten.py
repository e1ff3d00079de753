"""A Flatten (or global pooling) the model makes in ``__init__`` and never calls in ``call``.

TensorFlow's advanced quickstart (r628) makes ``self.flatten = Flatten()`` beside ``conv1``, ``d1`` and
``d2``, and calls ``x = self.flatten(x)`` between the convolution and the first Dense. Written
without that line, the Dense layers act on every pixel of the (batch, 26, 26, 32) map and the loss
refuses (batch, 26, 26, 10) logits against one class id per image. Keras names the loss; the labels are
right and so is every layer: the one that turns each map into a vector was left out.

Evidence, read: the program failed with a shape error; one model of the user's own class holds, as
an attribute, exactly one Flatten or global pooling layer that its ``call`` never mentions; and
``call`` passes a name through a Dense attribute (``x = self.d1(x)``). The first such line is the
cause, and the fix calls the unused layer on that name just before it, proven by running the patched
script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

FLATTENING = ("Flatten", "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D",
               "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D")


def unused_flatten(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the ``call`` line that skipped the model's Flatten (see the module)."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    import keras

    from shapedoctor.trace.sites import is_user_file

    hits = []
    for model in recorder.created_layers():
        code = getattr(getattr(type(model), "call", None), "__code__", None)
        if not isinstance(model, keras.Model) or code is None or not is_user_file(code.co_filename):
            continue
        fn = call_function(code)
        if fn is None:
            continue
        used = {n.attr for n in ast.walk(fn) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
                and n.value.id == "self"}
        unused = [name for name, layer in vars(model).items() if type(layer).__name__ in FLATTENING
                  and type(layer).__module__.startswith("keras") and not name.startswith("_") and name not in used]
        dense = [name for name, layer in vars(model).items() if isinstance(layer, keras.layers.Dense)]
        first = next((s for s in statements(fn) if _passes_through(s, dense)), None)
        if len(unused) == 1 and first is not None:
            hits.append((code.co_filename, first, unused[0], type(vars(model)[unused[0]]).__name__))
    return hits[0] if len({(h[0], h[1].lineno) for h in hits}) == 1 else None


def call_function(code: Any) -> ast.FunctionDef | None:
    """The ``def call`` whose code object is *code* (a model's own ``call``), read from its file."""
    from shapedoctor.diagnosis.data_origin import functions_at

    found = functions_at(code.co_filename, code.co_firstlineno)
    return next((f for f in found[1] if isinstance(f, ast.FunctionDef) and f.name == "call"), None) if found else None


def statements(fn: ast.FunctionDef) -> list[ast.stmt]:
    return sorted((s for s in ast.walk(fn) if isinstance(s, ast.stmt) and s is not fn), key=lambda s: s.lineno)


def _passes_through(stmt: ast.stmt, dense: list[str]) -> bool:
    """``x = self.d1(x)``: a name given to a Dense attribute and bound to its output, on one line."""
    if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name) \
            or stmt.lineno != stmt.end_lineno:
        return False
    value = stmt.value
    return (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and isinstance(value.func.value, ast.Name)
            and value.func.value.id == "self" and value.func.attr in dense and len(value.args) >= 1
            and isinstance(value.args[0], ast.Name))


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit, indentation
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, stmt, attr, cls = found
    name = stmt.value.args[0].id
    indent = indentation("".join(linecache.getlines(file)), stmt.lineno)
    edit = TextEdit.insert_line(file, stmt.lineno, f"{indent}{name} = self.{attr}({name})")
    fix = script_checked_fix(f"call self.{attr}, the {cls} the model makes and never calls, before the first Dense",
                             f"{name} = self.{attr}({name})", display_path(file), stmt.lineno, [edit], cost=1)
    finding.culprit = Place("layer", attr, cls, display_path(file), stmt.lineno, linecache.getline(file, stmt.lineno).strip())
    finding.clear_culprit_marks()
    finding.fixes = [fix]  # the labels and the other layers are right
    finding.explanation = (
        f"`self.{attr}` ({cls}) is made in __init__ but never called in `call`: line {stmt.lineno} gives "
        f"`{name}`, still a map with its spatial axes, to a Dense layer, which then acts on every position "
        f"separately and keeps those axes in the output. Call `self.{attr}` on `{name}` before it.")
    return finding
