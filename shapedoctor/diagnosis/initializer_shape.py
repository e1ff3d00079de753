"""A layer sized against the pretrained matrix it is initialised with: the size argument is the cause.

The chapter 11 GloVe model of *Deep Learning with Python* builds ``embedding_matrix`` of shape
``(max_tokens, 100)`` and passes it as ``embeddings_initializer=Constant(embedding_matrix)``; a layer
left at ``Embedding(max_tokens, 256, ...)`` from the earlier model fails while it creates its weights:
``Incompatible shapes: [2000,100] vs. [2000,256]``. Keras names the layer's call and the message
speaks of neither the matrix nor the layer's size. The matrix is the user's data (pretrained vectors);
the layer's size argument is the root cause, and the fix writes the matrix's size there (the
script's own name for it when it has one, ``embedding_dim``).

Evidence, read, not guessed: the failing layer holds a ``Constant`` initializer whose value is a 2-D
array, and the error names that array's shape beside another one. The fix is verified by Keras: the
layer is re-created from its own config with the new size and built on the input it received; the
written edit is proven by running the patched script.
"""

from __future__ import annotations

import ast
import re
from typing import Any
from shapedoctor.trace.sites import source_tree

_PAIR = re.compile(r"\[(\d+),\s*(\d+)\]\s*vs\.?\s*\[(\d+),\s*(\d+)\]")
# class -> (initializer attribute, size arguments of the weight's two axes as (position, keyword); None: read
# from the input, not written in the layer's call)
_SIZED = {
    "Embedding": ("embeddings_initializer", ((0, "input_dim"), (1, "output_dim"))),
    "Dense": ("kernel_initializer", (None, (0, "units"))),
}


def initializer_width(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the size argument of a layer sized against its Constant initializer (see the
    module), or *finding* unchanged."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, finding, recorder)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    layer, site, fix, why, line, matrix, weight = found
    import linecache

    from shapedoctor.families import get

    family = get("SD102")
    finding.id, finding.family = family.id, family.slug
    finding.message = (f"{type(layer).__name__} `{layer.name}` is sized for a {weight} weight but initialised with "
                       f"a {matrix} matrix")
    finding.expected, finding.received = str(matrix), str(weight)
    finding.culprit = Place("layer", layer.name, type(layer).__name__, display_path(site.file), line,
                            linecache.getline(site.file, line).strip())
    for step in finding.path:
        if step.role == "culprit":
            step.role = ""  # the input that reached the layer was right
    finding.fixes.insert(0, fix)
    finding.explanation = why
    return finding


def _found(exc: BaseException, finding: Any, recorder: Any):
    import linecache

    import keras
    import numpy as np

    match = _PAIR.search(str(exc))
    failure = getattr(recorder, "failure", None)
    if match is None or finding is None or failure is None or type(failure.call.layer).__name__ not in _SIZED:
        return None
    layer = failure.call.layer
    attr, arguments = _SIZED[type(layer).__name__]
    init = getattr(layer, attr, None)
    if not isinstance(init, keras.initializers.Constant):
        return None
    value_shape = tuple(np.shape(keras.ops.convert_to_numpy(init.value)))
    a, b = (int(match.group(1)), int(match.group(2))), (int(match.group(3)), int(match.group(4)))
    if len(value_shape) != 2 or value_shape not in (a, b) or a == b:
        return None
    weight = b if value_shape == a else a
    site = recorder.creation_site(layer)
    if site is None or not linecache.getline(site.file, site.line).isascii():
        return None
    call = _creation_call(site, type(layer).__name__)
    if call is None:
        return None
    from shapedoctor.patch.textedit import TextEdit

    edits, changes, shown = [], {}, []
    for axis, spec in enumerate(arguments):
        if value_shape[axis] == weight[axis]:
            continue
        if spec is None:
            return None  # the input's width disagrees: not a size written in this call
        node = _argument(call, *spec)
        if node is None or node.lineno != node.end_lineno:
            return None
        spelled = _module_name_for(value_shape[axis], site.file, node.lineno) or str(value_shape[axis])
        edits.append(TextEdit(site.file, node.lineno, node.col_offset, node.lineno, node.end_col_offset, spelled))
        changes[spec[1]] = value_shape[axis]
        shown.append((node.lineno, node.col_offset, node.end_col_offset, spelled, spec[1]))
    if not edits or not _builds(layer, changes, failure.call):
        return None
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.trace.sites import display_path

    line = shown[0][0]
    text = linecache.getline(site.file, line)
    for ln, start, end, spelled, _ in sorted(shown, key=lambda s: -s[1]):
        if ln == line:
            text = text[:start] + spelled + text[end:]
    what = ", ".join(f"{kw}={spelled}" + ("" if spelled == str(changes[kw]) else f" ({changes[kw]})")
                     for _, _, _, spelled, kw in shown)
    fix = script_checked_fix(f"size {layer.name} like the matrix it is initialised with: {what}", text.strip(),
                             display_path(site.file), line, edits, cost=1)
    fix.verified = True  # the layer re-created with this size builds its weights from the matrix (_builds)
    fix.result_shape = None
    why = (f"`{layer.name}` ({type(layer).__name__}) is initialised with a {value_shape[0]} x {value_shape[1]} "
           f"matrix (`{attr}=Constant(...)`), but its own size arguments ask for a {weight[0]} x {weight[1]} "
           f"weight: Keras fails while creating the weight from the matrix. The matrix holds the pretrained "
           f"values; give the layer the matrix's size ({what}).")
    return layer, site, fix, why, line, value_shape, weight


def _creation_call(site: Any, cls: str) -> ast.Call | None:
    """The call creating the layer of class *cls* that starts on the site's line."""

    from shapedoctor.trace.sites import called_name

    try:
        tree = source_tree(site.file)
    except SyntaxError:
        return None
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno <= site.line <= n.end_lineno
             and called_name(n.func) == cls]
    return min(calls, key=lambda n: n.end_lineno - n.lineno) if calls else None


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    given = next((k.value for k in call.keywords if k.arg == keyword), None)
    if given is not None:
        return given
    return call.args[position] if position < len(call.args) and not any(
        isinstance(a, ast.Starred) for a in call.args[:position + 1]) else None


def _module_name_for(value: int, file: str, line: int) -> str | None:
    """The one name the module binds, once, to the integer *value* above *line* (``embedding_dim = 100``)."""

    from shapedoctor.diagnosis.data_origin import single_assignments

    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    names = [name for name, s in single_assignments(tree).items() if s.lineno < line
             and isinstance(s.value, ast.Constant) and type(s.value.value) is int and s.value.value == value]
    return names[0] if len(names) == 1 else None


def _builds(layer: Any, changes: dict, call: Any) -> bool:
    """Keras re-creates *layer* from its config with *changes* and builds its weights on the input of
    the failed *call*."""
    from shapedoctor.trace.recorder import shape_of

    shape = shape_of(call.args[0]) if call.args else None
    if shape is None:
        return False
    try:
        config = layer.get_config()
        config.update(changes)
        config.pop("name", None)
        trial = type(layer).from_config(config)
        trial.build(shape)
        return True
    except Exception:  # noqa: BLE001 - Keras refused: the fix does not hold
        return False
