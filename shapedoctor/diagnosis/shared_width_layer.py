"""One layer object of the user's own class, made for one width, called again on inputs of another width.

keras-pos-embd#5 (r1117): one ``PositionEmbedding(window, 4)`` in add mode is shared by a 4-feature and a
2-feature input; its ``compute_output_shape`` hides the clash while the model is built, and ``fit`` fails
inside the layer: "Dimensions must be equal, but are 2 and 4". Keras names the layer and the data look guilty;
the cause is the second call of the shared object, which needs a layer of its own for its width.

Evidence, read: the error names two operands of one rank whose last axes differ; the layer that failed is an
instance of a class the script defines, bound once on one line (``layer = Cls(..., 4, ...)``, exactly one
literal equal to the other operand's width) and called on two or more lines; the failing call is one of them.
That call is the root cause; the fix calls a new layer of the same class made for this input's width there
(``Cls(window, 2)(activity_in)``), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def shared_width_layer(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the call of a shared layer on an input of another width (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None:
        return finding
    return reaimed(finding, _found, _aim, exc, finding)


def _found(exc: BaseException, finding: Any):
    from shapedoctor.diagnosis.data_origin import single_assignments
    from shapedoctor.diagnosis.reaim import two_shapes
    from shapedoctor.trace.sites import source_tree

    shapes = two_shapes(str(exc))
    step = next((s for s in finding.path if s.role == "consumer"), None)
    if shapes is None or step is None or not step.file or not step.line:
        return None
    a, b = shapes
    if len(a) != len(b) or len(a) < 2 or a[-1] is None or b[-1] is None or a[-1] == b[-1]:
        return None
    tree = source_tree(step.file)
    if not any(isinstance(c, ast.ClassDef) and c.name == step.cls for c in tree.body):
        return None
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno == step.line == n.end_lineno
             and isinstance(n.func, ast.Name) and len(n.args) == 1 and not n.keywords]
    if len(calls) != 1:
        return None
    name = calls[0].func.id
    made = single_assignments(tree).get(name)
    ctor = made.value if made is not None else None
    if not (isinstance(ctor, ast.Call) and getattr(ctor.func, "id", getattr(ctor.func, "attr", None)) == step.cls
            and ctor.lineno == ctor.end_lineno):
        return None
    uses = {n.lineno for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
            and n.func.id == name}
    if len(uses) < 2:
        return None
    for width, other in ((a[-1], b[-1]), (b[-1], a[-1])):
        literals = [arg for arg in list(ctor.args) + [k.value for k in ctor.keywords]
                    if isinstance(arg, ast.Constant) and type(arg.value) is int and arg.value == other]
        if len(literals) == 1:
            break
    else:
        return None
    text = linecache.getline(step.file, step.line)
    if not text.isascii() or not linecache.getline(step.file, ctor.lineno).isascii():
        return None
    return step, calls[0], ctor, literals[0], width, other


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    step, call, ctor, literal, width, other = found
    source = linecache.getline(step.file, ctor.lineno)
    parts = [source[n.col_offset:n.end_col_offset] if n is not literal else str(width) for n in ctor.args]
    parts += [f"{k.arg}={source[k.value.col_offset:k.value.end_col_offset] if k.value is not literal else width}"
              for k in ctor.keywords if k.arg != "name"]  # a name of its own: Keras names the new layer
    new = f"{source[ctor.func.col_offset:ctor.func.end_col_offset]}({', '.join(parts)})"
    edit = TextEdit.replacing(step.file, call.func, new)
    fix = script_checked_fix(f"a layer of its own for this {width}-wide input: {new}", edit.shown(),
                             display_path(step.file), call.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    step.role = "consumer"
    finding.id, finding.family = "SD106", "reused-layer"  # the layer object is shared, the data is right
    finding.message = (f"{step.cls} `{step.layer}` was made for inputs {other} wide and is called again on an input "
                       f"{width} wide")
    finding.culprit = Place("layer", step.layer, step.cls, display_path(step.file), call.lineno,
                            linecache.getline(step.file, call.lineno).strip())
    finding.explanation = (
        f"`{call.func.id}` is one {step.cls} object, made on line {ctor.lineno} for inputs {other} wide, and called "
        f"on several inputs: calling a layer object again shares its weights, and this input is {width} wide. Its "
        f"declared output shape let the model build; the weights meet the data at run time. Give this input a layer "
        f"of its own, made for {width}.")
    finding.fixes = [fix]
    return finding
