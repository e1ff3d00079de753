"""A layer of several inputs whose ``compute_output_shape`` takes the first input's whole shape as the batch axis.

strongio/keras-bert's ``BertLayer`` takes ``[input_ids, input_mask, segment_ids]`` and declared ``return
(input_shape[0], self.output_size)``: with a list of inputs, ``input_shape`` is a list of shapes, so
``input_shape[0]`` is ``(None, 32)``, not the batch size, and Keras 3 refuses the declared shape while it builds
the model: "Cannot convert '48' to a shape" (r1124). The reporter's fix: ``input_shape[0][0]``.

Evidence, read: the error says a value cannot be converted to a shape; the layer that refused is a class the
script defines, called on a list literal of several inputs; its ``compute_output_shape`` returns one tuple whose
first item is ``<parameter>[0]``, on one line. That item is the root cause; the fix indexes the first input's batch
axis, ``<parameter>[0][0]``, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def list_input_batch(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at ``compute_output_shape``'s batch item (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or "to a shape" not in str(exc):
        return finding
    return reaimed(finding, _found, _aim, finding)


def _found(finding: Any):
    from shapedoctor.trace.sites import source_tree

    step = next((s for s in finding.path if s.role == "consumer"), None)
    if step is None or not step.file or not step.line:
        return None
    tree = source_tree(step.file)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno <= step.line <= n.end_lineno
             and isinstance(n.func, ast.Call) and getattr(n.func.func, "id", None) == step.cls
             and len(n.args) == 1 and isinstance(n.args[0], (ast.List, ast.Tuple)) and len(n.args[0].elts) > 1]
    classes = [c for c in tree.body if isinstance(c, ast.ClassDef) and c.name == step.cls]
    if len(calls) != 1 or len(classes) != 1:
        return None
    method = next((f for f in classes[0].body if isinstance(f, ast.FunctionDef) and f.name == "compute_output_shape"),
                  None)
    if method is None or len(method.args.args) != 2:
        return None
    param = method.args.args[1].arg
    returns = [n for n in ast.walk(method) if isinstance(n, ast.Return) and n.value is not None]
    if len(returns) != 1 or not isinstance(returns[0].value, ast.Tuple) or not returns[0].value.elts:
        return None
    first = returns[0].value.elts[0]
    if not (isinstance(first, ast.Subscript) and isinstance(first.value, ast.Name) and first.value.id == param
            and isinstance(first.slice, ast.Constant) and first.slice.value == 0 and first.lineno == first.end_lineno):
        return None
    if not linecache.getline(step.file, first.lineno).isascii():
        return None
    return step, first, param, len(calls[0].args[0].elts)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    step, first, param, count = found
    new = f"{param}[0][0]"
    edit = TextEdit.replacing(step.file, first, new)
    fix = script_checked_fix(f"the batch axis of the first input: {new}", edit.shown(), display_path(step.file),
                             first.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    step.role = "consumer"
    text = linecache.getline(step.file, first.lineno).strip()
    finding.culprit = Place("layer", step.layer, step.cls, display_path(step.file), first.lineno, text)
    finding.explanation = (
        f"`{step.cls}` is called on a list of {count} inputs, so the `{param}` Keras gives its compute_output_shape is "
        f"a list of {count} shapes: `{param}[0]` is the first input's whole shape, not its batch size, and the "
        f"declared output shape holds a tuple where a size belongs. The batch axis is `{new}`.")
    finding.fixes = [fix]
    return finding
