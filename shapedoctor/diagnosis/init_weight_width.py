"""A layer of the user's own that makes its kernel in ``__init__`` from an ``input_dim`` left at its default.

The keras-io guide "Making new layers and models via subclassing" first writes ``Linear(units=32,
input_dim=32)`` creating ``self.w = self.add_weight(shape=(input_dim, units))`` in ``__init__``: the
kernel is sized before the layer has seen any input, so every caller must pass the width it will get.
An ``MLPBlock`` that makes ``Linear(32)`` for 64-feature rows keeps the default (32, 32) kernel and the
product fails inside the layer: "Dimensions must be equal, but are 64 and 32 ... MatMul" (r804). Keras
names the layer's ``call`` and the data looks guilty; the cause is the constructor call that did not
say the width.

Evidence, recorded and read: TensorFlow's matmul names the tensor's last axis and the weight's first
axis, and they differ; the failing layer's class is the user's own, its ``__init__`` makes a weight
``self.w = self.add_weight(shape=(param, ...))`` with ``param`` one of its own parameters, and that
weight has the shape TensorFlow names; the call that created the failing layer (recorded) passes no
value for ``param``. That call is the root cause; the fix passes the width the layer receives,
``Linear(32, input_dim=64)``, proven by running the patched script.
"""

from __future__ import annotations

import ast
from typing import Any


def init_weight_width(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the constructor call that left the kernel's input width at its default, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.diagnosis.reaim import kernel_width_refused
    from shapedoctor.trace.sites import is_user_file, source_tree

    refused = kernel_width_refused(exc, recorder)
    if refused is None:
        return None
    tensor, kernel, layer = refused
    owner = type(layer)
    init = owner.__dict__.get("__init__")
    path = getattr(getattr(init, "__code__", None), "co_filename", None)  # the class's module may be __main__
    if not path or not is_user_file(path):
        return None
    tree = source_tree(path)
    param = _init_width_parameter(tree, owner.__name__, layer, kernel)
    if param is None:
        return None
    name, position = param
    made = _creating_call(recorder, layer, owner.__name__, path, tree)
    if made is None:
        return None
    passed = len(made.args) > position or any(k.arg == name or k.arg is None for k in made.keywords) \
        or any(isinstance(a, ast.Starred) for a in made.args)
    if passed or made.lineno != made.end_lineno:
        return None
    return path, made, name, tensor[-1], layer, owner.__name__


def _init_width_parameter(tree: ast.Module, class_name: str, layer: Any, kernel: tuple):
    """(name, position after self) of the ``__init__`` parameter that sizes the first axis of the weight
    of *layer* whose shape is *kernel*, made with ``self.add_weight(shape=(param, ...))`` in ``__init__``."""
    owner = next((c for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and c.name == class_name), None)
    init = next((m for m in owner.body if isinstance(m, ast.FunctionDef) and m.name == "__init__"), None) \
        if owner else None
    if init is None:
        return None
    params = [a.arg for a in init.args.posonlyargs + init.args.args][1:]
    for stmt in ast.walk(init):
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Attribute)
                and isinstance(stmt.value, ast.Call) and getattr(stmt.value.func, "attr", None) == "add_weight"):
            continue
        weight = getattr(layer, stmt.targets[0].attr, None)
        shape = next((k.value for k in stmt.value.keywords if k.arg == "shape"), None)
        if tuple(getattr(weight, "shape", ()) or ()) != kernel or not isinstance(shape, (ast.Tuple, ast.List)):
            continue
        first = shape.elts[0] if shape.elts else None
        if isinstance(first, ast.Name) and first.id in params:
            return first.id, params.index(first.id)
    return None


def _creating_call(recorder: Any, layer: Any, class_name: str, path: str, tree: ast.Module) -> ast.Call | None:
    """The one ``ClassName(...)`` call on the line the recorder saw *layer* created, in *path*."""
    from shapedoctor.trace.sites import display_path

    site = getattr(recorder, "created", {}).get(id(layer))
    if site is None or site.file not in (path, display_path(path)):
        return None
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno == site.line
             and (getattr(n.func, "id", None) or getattr(n.func, "attr", None)) == class_name]
    return calls[0] if len(calls) == 1 else None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, made, name, width, layer, class_name = found
    edit = TextEdit.appending_argument(path, made, f"{name}={width}")
    fix = script_checked_fix(f"pass the width `{layer.name}` receives: {name}={width}", edit.shown(),
                             display_path(path), made.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", layer.name, class_name, path, made.lineno)
    finding.explanation = (
        f"`{class_name}` makes its kernel in `__init__`, before it has seen any input, with `{name}` rows; "
        f"`{layer.name}` was created without `{name}`, so its kernel kept the default size while it receives "
        f"{width} values per sample. Pass the width it gets, `{name}={width}`, or make the kernel in "
        "`build(self, input_shape)` from `input_shape[-1]`, so that the layer sizes itself.")
    finding.fixes = [fix]
    return finding
