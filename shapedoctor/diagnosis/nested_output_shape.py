"""A layer of the user's own whose ``compute_output_shape`` nests a tuple inside the shape it returns.

``return (input_shape[0], self.frame_shape)`` with ``self.frame_shape = (5, 4)`` gives ``(None, (5, 4))``:
one axis whose size is a tuple. Keras refuses it while the layer is called on a symbolic input ("Cannot
convert '(None, (5, 4))' to a shape. Found invalid dimension '(5, 4)'", keras-team/keras#19259, r880) and
names the layer as refusing its input; the input is fine, the shape the layer says it returns is not.

Evidence, recorded and read: Keras's message names a dimension that is itself a tuple; the layer that
failed has its own ``compute_output_shape`` in the user's file, whose one ``return`` is a tuple literal;
an element of it is an attribute of the layer (``self.frame_shape``) holding a tuple. That ``return`` is
the root cause; the fix joins the tuples instead of nesting one, ``(input_shape[0],) + self.frame_shape``,
proven by running the patched script.
"""

from __future__ import annotations

import ast
import inspect
from typing import Any


def nested_output_shape(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the ``return`` of the layer's ``compute_output_shape`` (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    if exc is None or "Found invalid dimension '(" not in str(exc):
        return None
    failure = getattr(recorder, "failure", None)
    layer = failure.call.layer if failure is not None else None
    method = getattr(type(layer), "compute_output_shape", None)
    if method is None:
        return None
    import textwrap

    from shapedoctor.trace.sites import is_user_file

    path = inspect.getsourcefile(method)
    if path is None or not is_user_file(path):
        return None
    lines, first = inspect.getsourcelines(method)
    source = textwrap.dedent("".join(lines))
    returns = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Return) and isinstance(n.value, ast.Tuple)]
    if len(returns) != 1:
        return None
    parts = []
    nested = False
    for element in returns[0].value.elts:
        text = ast.get_source_segment(source, element)
        if text is None:
            return None
        held = _attribute_value(element, layer)
        if isinstance(held, (tuple, list)):
            parts.append(text)
            nested = True
        else:
            parts.append(f"({text},)")
    if not nested:
        return None
    line = first + returns[0].lineno - 1
    joined = " + ".join(parts)
    return path, line, ast.get_source_segment(source, returns[0].value), joined, layer


def _attribute_value(node: ast.AST, layer: Any) -> Any:
    """The value of ``self.name`` on *layer*; None for any other expression."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
        return getattr(layer, node.attr, None)
    return None


def _aim(finding: Any, found: Any) -> Any:
    import linecache

    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, line, old, joined, layer = found
    text = linecache.getline(path, line)
    start = text.find(old)
    if start < 0:
        return finding
    edit = TextEdit(path, line, start, line, start + len(old), joined)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", layer.name, type(layer).__name__, path, line)
    finding.explanation = (
        f"`{type(layer).__name__}.compute_output_shape` returns `{old}`: a tuple inside the shape, so one axis has a "
        f"tuple for its size and Keras cannot make a shape of it. A shape is one flat tuple of sizes: join the "
        f"tuples, `{joined}`. (The layer's input is fine: Keras asks compute_output_shape when the layer is "
        "called on a symbolic input.)")
    finding.fixes = [script_checked_fix("return one flat shape: join the tuples", edit.shown(), display_path(path),
                                        line, [edit])]
    return finding
