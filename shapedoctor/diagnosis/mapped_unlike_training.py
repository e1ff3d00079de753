"""New data mapped through a twin of the training data's map function, minus one shaping step.

keras-io's AdaMatch pads the grayscale source digits to 32x32 and tiles them to three channels in the
training pipeline's map function (``image = tf.image.resize_with_pad(...)``, then ``image = tf.tile(image,
[1, 1, 3])``), so one 32x32x3 network serves both domains. Its test-set function writes the same resize
and nothing else: the source test set reaches ``evaluate`` as one-channel images and the first
convolution refuses them (r757). Keras names the convolution; the rule that redeclares the input builds a
model, but that model is not the one that was trained. The cause is the map function that prepares the new
data unlike the training data.

Evidence, read: the failing ``evaluate``/``predict`` call got a ``tf.data`` dataset the script assigns by a
chain that maps a module function ``g``; another chain maps a module function ``f``; the statements of
``g`` that assign its first parameter are those of ``f`` (each parameter named alike), in order, with exactly
one of ``f``'s left out, and that one reshapes the image (``tile``, ``repeat``, ``grayscale_to_rgb``,
``expand_dims``, ``reshape``, ``resize``, ...). That step, written into ``g`` where ``f`` has it, is the fix
(proven by running the patched script); the line of ``g`` the step should follow is the root cause, and no
model edit is offered: the model was trained on data prepared by ``f``.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.trace.sites import source_tree

_SHAPING = {"tile", "repeat", "grayscale_to_rgb", "rgb_to_grayscale", "expand_dims", "reshape", "resize",
            "resize_with_pad", "concat", "stack", "squeeze", "transpose", "flatten", "cast_to_rgb"}
_NEW_DATA = ("predict", "evaluate", "predict_on_batch", "test_on_batch")


def mapped_unlike_training(call: Any, prob: Any):
    """(culprit Place, fix, why, True) when the new data's map function is its training twin without one
    shaping step (see the module), else None. The culprit is the line the step should follow."""
    from shapedoctor.diagnosis.reaim import first_data_name
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    if prob.family != "SD201" or call.method not in _NEW_DATA or call.source != "dataset" \
            or call.site is None or not call.site.file:
        return None
    path = call.site.file
    tree = source_tree(path)
    functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    data = first_data_name(tree, call.site.line, _NEW_DATA)
    chains = {s.targets[0].id: s.value for s in tree.body if isinstance(s, ast.Assign) and len(s.targets) == 1
              and isinstance(s.targets[0], ast.Name)}
    if data is None or data not in chains:
        return None
    mine = _mapped(chains[data], functions)
    if len(mine) != 1:
        return None
    new = mine[0]
    others = {f.name: f for name, chain in chains.items() if name != data for f in _mapped(chain, functions)
              if f is not new}
    found = [t for t in (_left_out(new, f) for f in others.values()) if t is not None]
    if len(found) != 1:
        return None
    twin, step, after = found[0]
    step_text = linecache.getline(path, step.lineno).strip()
    anchor = after.end_lineno if after is not None else new.body[0].lineno - 1
    first = new.body[0]
    line_text = linecache.getline(path, first.lineno)
    indent = line_text[:len(line_text) - len(line_text.lstrip())]
    if after is None and new.lineno == first.lineno:
        return None
    edit = TextEdit.insert_line(path, anchor + 1, indent + step_text)
    fix = script_checked_fix(f"prepare the new data like the training data: `{twin.name}` also does "
                             f"`{step_text}` (line {step.lineno})", step_text, display_path(path), anchor + 1,
                             [edit], cost=1)
    at = after.lineno if after is not None else first.lineno  # where the image is last prepared before the step
    place = Place("data", new.name, "data", display_path(path), at, linecache.getline(path, at).strip())
    why = (f"`{new.name}` prepares the data given to `{call.method}` the way `{twin.name}` prepared the training "
           f"data, but without `{step_text}` (line {step.lineno}). The model was trained on what `{twin.name}` "
           "makes; changing the model to take the new data would discard what it learned. Add the step.")
    return place, fix, why, True


def _mapped(chain: ast.expr, functions: dict) -> list:
    """The module functions a dataset chain passes to ``.map(fn)``."""
    return [functions[c.args[0].id] for c in ast.walk(chain) if isinstance(c, ast.Call)
            and isinstance(c.func, ast.Attribute) and c.func.attr == "map" and c.args
            and isinstance(c.args[0], ast.Name) and c.args[0].id in functions]


def _assigns(function: ast.FunctionDef) -> list | None:
    """The top-level statements of *function* that assign its first parameter, with the parameter names
    written as their position (so ``img`` and ``image`` compare alike); None without parameters."""
    params = [a.arg for a in function.args.args]
    if not params:
        return None
    renamed = {p: f"_p{i}" for i, p in enumerate(params)}

    class _Rename(ast.NodeTransformer):
        def visit_Name(self, node):  # noqa: N802 - ast's visitor naming
            return ast.copy_location(ast.Name(id=renamed.get(node.id, node.id), ctx=node.ctx), node)

    out = []
    for stmt in function.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
                and stmt.targets[0].id == params[0]:
            out.append((stmt, ast.dump(_Rename().visit(ast.parse(ast.unparse(stmt))).body[0])))
    return out


def _left_out(new: ast.FunctionDef, twin: ast.FunctionDef):
    """(twin, the step *new* leaves out, the statement of *new* it goes after or None) when *new*'s
    assignments of its image are *twin*'s with exactly one shaping step left out."""
    mine, theirs = _assigns(new), _assigns(twin)
    if not mine or theirs is None or len(theirs) != len(mine) + 1:
        return None
    for k, (step, _dump) in enumerate(theirs):
        rest = [d for j, (_s, d) in enumerate(theirs) if j != k]
        if rest == [d for _s, d in mine]:
            called = {n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", None)
                      for n in ast.walk(step.value) if isinstance(n, ast.Call)}
            if not called & _SHAPING or step.lineno != step.end_lineno:
                return None
            return twin, step, (mine[k - 1][0] if k > 0 else None)
    return None
