"""A tf.data dataset passed to ``fit`` without ever being batched: the line that made it.

Keras takes each element of a dataset as one batch. A dataset of single reviews (``from_generator``
of variable-length token lists, one 0/1 label each) that is never batched hands the model one review
as a "batch" of tokens: a model without a declared input accepts it, and the first layer that needs
the sequence axis fails (``GlobalAveragePooling1D ... expected ndim=3, found ndim=2``). Keras names
that layer; the cause is the dataset, and the answers batch it: ``padded_batch`` when the samples have
different lengths, ``batch`` otherwise (the TensorFlow subword-reviews course, its next lesson).

Evidence, read: the failing call got a tf.data dataset whose every label element is a scalar (a batch
always has a batch axis, so these are single samples), and the dataset argument is a name made on one
line. That line is the cause; the fix appends ``.padded_batch(32)`` (an axis of unknown length in the
element) or ``.batch(32)`` there, and on the line that made the validation dataset when it is made the
same way, proven by running the patched script.

The opposite mistake has the same home: a dataset that already yields batches (``image_dataset_from_directory``,
or ``.batch`` earlier in the pipeline) batched again, so each element is a batch of batches, ``(16, None,
64, 64, 3)`` against a model declared ``(None, 64, 64, 3)`` (the keras-io EfficientNet example's
``ds_train.batch(batch_size)`` applied to a loaded, batched dataset). Evidence: the model refused an
input with exactly one axis more than it declares, and the dataset passed to ``fit`` is bound by a chain
of statements of that name, ``.batch`` called on two of them (or twice on one). The later ``.batch`` is
the cause; the fix unbatches before it (``ds.unbatch().batch(...)``), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree

SIZE = 32  # Keras's default batch size


def unbatched_dataset(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the line that made the unbatched dataset (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    from shapedoctor.diagnosis.training_base import flat_items
    from shapedoctor.diagnosis.training_fixes import argument_node, assignment_line

    calls = [c for c in getattr(recorder, "training_calls", []) if c.error is not None]
    if not calls or calls[-1].source != "dataset" or calls[-1].site is None or not calls[-1].site.file:
        return None
    call = calls[-1]
    labels = [s for s in flat_items(call.y_shapes) if s is not None] if call.y_shapes is not None else []
    if not labels or any(len(s) != 0 for s in labels):
        return None
    ragged = any(None in tuple(s) for s in _element_shapes(call.element_spec))
    lines = []
    for position, keyword in ((0, "x"), (99, "validation_data")):
        arg = argument_node(call.site, position, keyword)
        if isinstance(arg, ast.Name):
            line = assignment_line(call.site, arg.id)
            if line is not None:
                lines.append((arg.id, line))
    if not lines or lines[0][0] != (argument_node(call.site, 0, "x").id):
        return None
    return call, ragged, lines


def _element_shapes(spec: Any) -> list:
    """The shapes of the inputs in a dataset's *spec* (its first item when it yields (x, y))."""
    x = spec[0] if isinstance(spec, tuple) and spec else spec
    specs = x.values() if isinstance(x, dict) else (x if isinstance(x, (list, tuple)) else [x])
    return [tuple(getattr(s, "shape", ()) or ()) for s in specs if s is not None]


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    call, ragged, lines = found
    file = call.site.file
    step = f".padded_batch({SIZE})" if ragged else f".batch({SIZE})"
    edits, shown = [], []
    for _name, line in lines:
        text = linecache.getline(file, line).rstrip("\n")
        try:
            stmt = ast.parse(text.strip()).body[0]
        except (SyntaxError, IndexError):
            continue
        if not isinstance(stmt, ast.Assign) or not text.isascii():
            continue
        indent = len(text) - len(text.lstrip())
        end = indent + stmt.value.end_col_offset
        edits.append(TextEdit(file, line, end, line, end, step))
        shown.append(text[:end].strip() + step + text[end:])
    if not edits:
        return finding
    name, line = lines[0]
    fix = script_checked_fix(f"batch the dataset where it is made: {step}", "\n".join(shown), display_path(file),
                             line, edits, cost=1)
    finding.culprit = Place("data", name, "data", display_path(file), line, linecache.getline(file, line).strip())
    # The model is right: an edit that makes it take one sample's axes as a batch would be a wrong fix.
    finding.fixes = [fix]
    why = (f"`{name}` (line {line}) is never batched: each of its elements is one sample with a scalar label, "
           "and Keras takes each element as one batch, so the model sees a sample's first axis as the batch "
           f"axis. Batch it{' with padding, since the samples have different lengths' if ragged else ''}.")
    finding.explanation = why + " " + (finding.explanation or "")
    return finding


def rebatched_dataset(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the second ``.batch`` of a dataset batched twice (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _rebatched, _aim_rebatched, recorder, finding)


def _rebatched(recorder: Any, finding: Any):
    calls = [c for c in getattr(recorder, "training_calls", []) if c.error is not None]
    if not calls or calls[-1].source != "dataset" or calls[-1].site is None or not calls[-1].site.file:
        return None
    call = calls[-1]
    shapes = _element_shapes(call.element_spec)
    declared = _declared_inputs(call.model)
    if len(shapes) != 1 or len(declared) != 1 or len(shapes[0]) != len(declared[0]) + 1 \
            or any(g is not None and d is not None and g != d for g, d in zip(shapes[0][2:], declared[0][1:])):
        return None
    found = second_batch(call)
    return None if found is None else (call, *found)


def second_batch(call: Any) -> tuple[str, tuple[ast.Assign, ast.Call]] | None:
    """(the dataset's name, (the statement, the ``.batch`` call)) of the later of two ``.batch`` calls in the chain of
    statements that made the dataset passed to the training *call* (through the script's own helper it is handed
    to), or None."""
    from shapedoctor.diagnosis.data_origin import name_assignments
    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.trace.sites import called_name

    arg = argument_node(call.site, 0, "x")
    if not isinstance(arg, ast.Name):
        return None
    file = call.site.file
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    chain = sorted((s for s in name_assignments(tree, one_line=False) if s.targets[0].id == arg.id and s.lineno < call.site.line),
                   key=lambda s: s.lineno)
    batches = [(stmt, node) for stmt in chain for node in ast.walk(_helper_called(tree, stmt, arg.id) or stmt.value)
               if isinstance(node, ast.Call) and (called_name(node.func) == "batch" and isinstance(node.func, ast.Attribute)
                                                  or _batching_loader(node))]
    if len(batches) < 2 or not linecache.getline(file, batches[-1][0].lineno).isascii() \
            or _batching_loader(batches[-1][1]):
        return None
    return arg.id, batches[-1]


def _batching_loader(node: ast.Call) -> bool:
    """``keras.utils.timeseries_dataset_from_array(...)`` and its kin, unless given ``batch_size=None``."""
    from shapedoctor.diagnosis.data_origin import BATCHING_LOADERS, loader_batch_size
    from shapedoctor.trace.sites import called_name

    return called_name(node.func) in BATCHING_LOADERS and loader_batch_size(node) is not None


def _declared_inputs(model: Any) -> list[tuple]:
    """The input shapes *model* declares; for a subclassed trainer without inputs of its own (a distiller
    holding a teacher and a student), the one input shape all of its models declare alike."""
    own = [tuple(t.shape) for t in getattr(model, "inputs", None) or []]
    if own:
        return own
    held = {tuple(tuple(t.shape) for t in getattr(layer, "inputs", None) or []) for layer in getattr(model, "layers", [])}
    held.discard(())
    return list(next(iter(held))) if len(held) == 1 else []


def _helper_called(tree: ast.Module, stmt: ast.Assign, name: str) -> ast.FunctionDef | None:
    """The script's own function that ``name = helper(name, ...)`` hands the dataset to (the recipe's
    ``prepare_dataset``, which batches inside): its body is part of the chain that made the dataset."""
    value = stmt.value
    if not isinstance(value, ast.Call) or not isinstance(value.func, ast.Name) \
            or not any(isinstance(a, ast.Name) and a.id == name for a in value.args):
        return None
    found = [f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == value.func.id]
    return found[0] if len(found) == 1 else None


def _aim_rebatched(finding: Any, found: Any) -> Any:
    from shapedoctor.diagnosis.data_origin import drop_batch_edit
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    call, name, (_stmt, batch) = found
    file = call.site.file
    dot = batch.func.value.end_col_offset  # where `.batch` is written after the dataset it is called on
    edit = TextEdit(file, batch.lineno, dot, batch.lineno, dot, ".unbatch()")
    fix = script_checked_fix("unbatch before batching again: .unbatch()", edit.shown(), display_path(file),
                             batch.lineno, [edit], cost=1)
    text = linecache.getline(file, batch.lineno).strip()  # in a helper the dataset is made with: its line
    finding.culprit = Place("data", name, "data", display_path(file), batch.lineno, text)
    finding.fixes = [fix]  # the model is right: per-element wrapping (TimeDistributed) would be a wrong fix
    drop = drop_batch_edit(file, batch)  # batched again by the size it has: the second .batch goes
    if drop is not None:
        line, start, end, _text, _code = drop
        removal = TextEdit(file, line, start, line, end, "")
        finding.fixes.insert(0, script_checked_fix("remove the second .batch: the dataset is already batched by "
                                                   "that size", removal.shown(), display_path(file), line,
                                                   [removal], cost=1))
    why = (f"`{name}` is batched twice: its elements are already batches when line {batch.lineno} batches them again, "
           "so each element is a batch of batches, one axis more than the model declares. Batch once: unbatch "
           "before batching again, or drop the second `.batch`.")
    finding.explanation = why + " " + (finding.explanation or "")
    return finding
