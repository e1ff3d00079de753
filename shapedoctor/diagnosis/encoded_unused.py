"""Labels encoded for the model and then not passed: the training call that takes the raw ones.

Scripts often prepare the labels on one line and pass them on another: ``train_erp_labels =
one_hot_labels(erp_labels)`` ... ``model.fit(features, erp_labels, ...)`` (an EEG-Inception training
script whose issue thread names the unused one-hot labels). The loss then meets the raw labels; the
training rules would re-encode them, but the script already did: the cause is the argument, and the fix
passes the array that was made for it.

Evidence, read: the labels argument is a plain name ``y``; exactly one other array of the caller was
assigned once from an expression that reads ``y`` (``z = f(y)``, ``z = to_categorical(y, k)``), is never
read afterwards, and has the model's output shape with ``y``'s sample count. The fix replaces the
argument by that name, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree


def encoded_unused(call: Any, prob: Any):
    """(culprit Place, fix, why) when the call passes raw labels beside their unused encoding (see the
    module), else None."""
    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.repair.codegen import argument_replace
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    if prob.family not in ("SD202", "SD204") or prob.culprit_kind not in ("labels", "loss", "layer"):
        return None
    if call.site is None or not call.site.file or call.method not in ("fit", "evaluate", "train_on_batch",
                                                                      "test_on_batch"):
        return None
    arg = argument_node(call.site, 1, "y")
    outputs = list(getattr(call.model, "outputs", None) or [])
    if not isinstance(arg, ast.Name) or len(outputs) != 1:
        return None
    labels = (call.names or {}).get(arg.id)
    out = tuple(outputs[0].shape)
    if labels is None or not hasattr(labels, "shape") or len(labels.shape) == 0:
        return None
    file = call.site.file
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    made = [name for name in _made_from(tree, arg.id, call.site.line)
            if _fits(call.names.get(name), len(labels), out)]
    if len(made) != 1:
        return None
    name, line = made[0], _assigned_at(tree, made[0])
    code = argument_replace(call.site, 1, "y", name)
    if code is None:
        return None
    fix = script_checked_fix(f"pass the labels made for the model on line {line}: {name}", code.code,
                             display_path(file), code.line, code.edits, cost=1)
    place = Place("labels", arg.id, "labels", display_path(file), call.site.line,
                  linecache.getline(file, call.site.line).strip())
    why = (f"`{name}` (line {line}) was made from `{arg.id}` and has the shape the output needs, "
           f"{_shown(call.names[name].shape)}, but it is never used: the call passes `{arg.id}`, "
           f"{_shown(labels.shape)}, instead.")
    return place, fix, why


def _made_from(tree: ast.Module, source: str, before: int) -> list[str]:
    """Names assigned exactly once, before line *before*, from an expression that reads *source*, and
    never read anywhere in the module."""
    assigned: dict[str, list[ast.Assign]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node)
    read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    out = []
    for name, nodes in assigned.items():
        if name == source or len(nodes) != 1 or name in read or nodes[0].lineno >= before:
            continue
        if len(nodes[0].targets) == 1 and any(isinstance(n, ast.Name) and n.id == source
                                              for n in ast.walk(nodes[0].value)):
            out.append(name)
    return out


def _assigned_at(tree: ast.Module, name: str) -> int:
    return next(n.lineno for n in ast.walk(tree) if isinstance(n, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == name for t in n.targets))


def _fits(value: Any, count: int, out: tuple) -> bool:
    shape = tuple(getattr(value, "shape", None) or ())
    return len(shape) == len(out) and shape[0] == count and shape[1:] == tuple(out[1:])


def _shown(shape) -> str:
    from shapedoctor.graph.model import format_shape

    return format_shape(tuple(shape))
