"""Images of their own sizes batched by tf.data for a model declared on one size.

Photos from a phone app come at whatever resolution the phone used; the pipeline scales them to
[0, 1] in a map step and batches them (r674, tensorflow/datasets#3035). ``batch`` cannot stack a
64x64 image on a 96x96 one: "Cannot batch tensors with different shapes in component 0". The model is
declared on 64x64 RGB images; the map step is where every image should be brought to that size,
``image = tf.image.resize(image, [IMG, IMG])`` as the thread's answer does.

Evidence, read and recorded: tf.data's message names two element shapes that differ; the failing
training call's model has one image input ``(h, w, c)``; the dataset the call got is built in the
script by a chain that maps a function of the script (``def to_unit_range(image, label)``) before it
batches. The fix resizes the function's first parameter on the function's first line, to the input's
size spelled as the ``Input`` spells it; it is proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def unresized_images(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the map step that should resize the images (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.messages import parse
    from shapedoctor.trace.sites import imported_names, source_tree

    facts = parse(str(exc))
    calls = getattr(recorder, "training_calls", None) or []
    call = calls[-1] if calls else None
    if facts is None or "uneven_batch" not in (facts.details or {}) or call is None or call.site is None:
        return None
    inputs = list(getattr(call.model, "inputs", None) or [])
    if len(inputs) != 1 or len(inputs[0].shape) != 4 or None in tuple(inputs[0].shape)[1:3]:
        return None
    height, width = tuple(inputs[0].shape)[1:3]
    path = call.site.file
    tree = source_tree(path)
    functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    mapped = {a.id for c in ast.walk(tree) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
              and c.func.attr == "batch" for m in ast.walk(c.func.value) if isinstance(m, ast.Call)
              and isinstance(m.func, ast.Attribute) and m.func.attr == "map"
              for a in m.args[:1] if isinstance(a, ast.Name) and a.id in functions}
    imported = imported_names(tree)
    if len(mapped) != 1 or "tf" not in imported:
        return None
    function = functions[mapped.pop()]
    params = [a.arg for a in function.args.args]
    first = function.body[0]
    if not params or not linecache.getline(path, first.lineno).isascii() or function.lineno == first.lineno:
        return None
    return path, function, params[0], _size_text(tree, height, width), (height, width), facts.shapes


def _size_text(tree: ast.AST, height: int, width: int) -> str:
    """``[IMG, IMG]`` when the script names the sizes in a module constant it declares the Input with, else
    ``[64, 64]``."""
    from shapedoctor.trace.sites import constant_statements

    names = {name: s.value.value for name, s in constant_statements(tree).items() if type(s.value.value) is int}
    read = {n.id for c in ast.walk(tree) if isinstance(c, ast.Call)
            and getattr(c.func, "attr", getattr(c.func, "id", None)) in ("Input", "InputLayer")
            for n in ast.walk(c) if isinstance(n, ast.Name) and n.id in names}

    def spelled(size: int) -> str:
        return next((name for name in sorted(read) if names[name] == size), str(size))

    return f"[{spelled(height)}, {spelled(width)}]"


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, function, image, size, (height, width), shapes = found
    first = function.body[0]
    text = linecache.getline(path, first.lineno)
    indent = text[:len(text) - len(text.lstrip())]
    line = f"{indent}{image} = tf.image.resize({image}, {size})"
    fix = script_checked_fix(f"bring every image to the model's {height}x{width} in `{function.name}`: "
                             f"{line.strip()}", line.strip(), display_path(path), first.lineno,
                             [TextEdit.insert_line(path, first.lineno, line)], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place("data", image, "data", display_path(path), first.lineno, text.strip())
    finding.message = (f"the dataset's images keep their own sizes ({' and '.join(shapes)}), so `batch` cannot "
                       f"stack them for a model declared on {height}x{width}")
    finding.explanation = (
        "`batch` stacks elements into one array, so every element must have the same shape; these images come "
        f"at their own sizes. The model takes {height}x{width} images: resize each one in the map step "
        f"`{function.name}`, before the batch, as the first thing it does to the image.")
    finding.fixes = [fix]
    return finding
