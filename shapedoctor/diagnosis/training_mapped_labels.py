"""Class ids for a categorical loss, made in a ``tf.data`` map function: that function's return is the cause.

The keras-io accent-recognition example maps each file to ``(embeddings, tf.one_hot(labels,
len(class_names)))``; a map that returns ``(embeddings, labels)`` instead hands the categorical
cross-entropy one class id per frame: ``target.shape=(None,), output.shape=(None, 7)``. ``fit``
got a dataset, so the labels have no variable at the call and ``to_categorical(y)`` cannot be
written there. The map function made them: its ``return (x, labels)`` line is the root cause, and
the fix one-hot encodes the labels it returns, over the model's classes (spelled with the script's
own name for that number when it has one), verified on the recorded batch and written on that line.

Evidence, read, not guessed: the training call's labels are integer ids (the label rule already
proposed ``to_categorical``); the dataset was mapped (directly or in the function of the module
that built it) by exactly one function that returns a two-item tuple, its second item written on one
line; the script imports ``tensorflow as tf`` or ``keras``.

Masks read as colour images are the same mistake one step earlier (the keras-io Oxford-pets segmentation
example decodes its trimaps with ``decode_png(..., channels=1)``): decoded with ``channels=3``, a mask
of class ids per pixel becomes ``(h, w, 3)``, which a sparse loss reads as three ids per pixel against
an output of one distribution per pixel. Evidence: a sparse loss, integer-like labels whose positions
match the output's and whose last axis is that channel count, and the map function's returned label
name bound to a ``decode_*`` call with that ``channels=``. That call is the cause; the fix decodes one
channel, verified on the recorded batch (a grey mask decoded as colour repeats one value in each channel).
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.diagnosis.training_base import Problem, TrainingFix, model_outputs, to_categorical_transform
from shapedoctor.trace.sites import source_tree


def onehot_in_map(call: Any, prob: Problem, out: tuple, index: int) -> None:
    """Aim *prob* (integer labels for a categorical loss) at the map function that returned them."""
    from shapedoctor.diagnosis.dataset_source import mapped_functions
    from shapedoctor.diagnosis.training_fixes import argument_name

    site = call.site
    if not call.batched or site is None or prob.family != "SD202" or len(model_outputs(call.model)) != 1:
        return
    if argument_name(site, 1, "y") is not None or len(out) != 2 or not isinstance(out[-1], int):
        return
    recoding = next((f for f in prob.fixes if f.kind == "labels" and f.line_edit is None and f.transform
                     and "to_categorical" in f.transform), None)
    if recoding is None:
        return
    returned = [item for fn in mapped_functions(site, argument_name(site, 0, "x")) if (item := _label_item(fn))]
    if len(returned) != 1:
        return
    node = returned[0]
    text = linecache.getline(site.file, node.lineno)
    encoder = _one_hot_call(site.file)
    if encoder is None or not text.isascii():
        return
    from shapedoctor.repair.user_names import size_expression

    k = out[-1]
    labels = text[node.col_offset:node.end_col_offset]
    spelled = size_expression(k, site.file, node.lineno, call.sizes) or str(k)
    new = f"{encoder}({labels}, {spelled})"
    new_line = (text[:node.col_offset] + new + text[node.end_col_offset:]).strip()
    prob.fixes.remove(recoding)
    for fix in prob.fixes:
        fix.cost += 1
    prob.fixes.insert(0, TrainingFix(f"one-hot encode the labels the map function returns: {new}", "labels",
                                     apply=to_categorical_transform(k), cost=1,
                                     line_edit=(node.lineno, node.col_offset, node.end_col_offset, new, new_line)))
    prob.culprit_kind = "labels"
    prob.labels_site = (site.file, node.lineno)
    prob.explanation += (f" The labels are made in the dataset's map function, which returns `{labels}` as class "
                         f"ids on line {node.lineno}: one-hot encode them there, over the model's {k} classes.")


def _label_item(fn: ast.AST) -> ast.expr | None:
    """The second item of the one ``(x, y)`` tuple *fn* returns, when written on one line."""
    if isinstance(fn, ast.Lambda):
        values = [fn.body]
    else:
        values = [n.value for n in ast.walk(fn) if isinstance(n, ast.Return) and n.value is not None]
    if len(values) != 1 or not isinstance(values[0], ast.Tuple) or len(values[0].elts) != 2:
        return None
    item = values[0].elts[1]
    return item if item.lineno == item.end_lineno else None


def _one_hot_call(file: str) -> str | None:
    """``tf.one_hot`` or ``keras.ops.one_hot``, as the script's imports allow."""
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    imported = {(alias.name, alias.asname or alias.name) for n in ast.walk(tree) if isinstance(n, ast.Import)
                for alias in n.names}
    if ("tensorflow", "tf") in imported:
        return "tf.one_hot"
    if ("keras", "keras") in imported:
        return "keras.ops.one_hot"
    return None


_DECODERS = ("decode_png", "decode_jpeg", "decode_image", "decode_bmp")


def mask_channels_in_map(call: Any, prob: Problem, out: tuple, index: int, y_shape: tuple, loss: Any) -> None:
    """Aim *prob* at a map function's decode of class-id masks with several channels (see the module)."""
    from shapedoctor.diagnosis.dataset_source import mapped_functions
    from shapedoctor.diagnosis.training_base import SPARSE, is_integer_like, loss_name
    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.trace.sites import called_name

    site = call.site
    if not call.batched or site is None or prob.family != "SD202" or loss_name(loss) not in SPARSE:
        return
    c = y_shape[-1] if y_shape else None
    if len(y_shape) != len(out) or len(out) < 4 or not isinstance(c, int) or c < 2 \
            or tuple(y_shape[1:-1]) != tuple(out[1:-1]) or not is_integer_like(call.y):
        return
    items = [(fn, item) for fn in mapped_functions(site, argument_name(site, 0, "x")) if (item := _label_item(fn))]
    if len(items) != 1 or not isinstance(items[0][1], ast.Name):
        return
    fn, name = items[0][0], items[0][1].id
    decodes = [n for n in ast.walk(fn) if isinstance(n, ast.Assign) and any(
        isinstance(t, ast.Name) and t.id == name for t in n.targets) and isinstance(n.value, ast.Call)
        and called_name(n.value.func) in _DECODERS]
    if len(decodes) != 1:
        return
    channels = next((k.value for k in decodes[0].value.keywords if k.arg == "channels"), None)
    if not (isinstance(channels, ast.Constant) and channels.value == c and channels.lineno == channels.end_lineno):
        return
    text = linecache.getline(site.file, channels.lineno)
    if not text.isascii():
        return
    new_line = (text[:channels.col_offset] + "1" + text[channels.end_col_offset:]).strip()
    prob.fixes.insert(0, TrainingFix("decode the masks with one channel: channels=1", "labels",
                                     apply=lambda v: v[..., :1], cost=1,
                                     line_edit=(channels.lineno, channels.col_offset, channels.end_col_offset, "1",
                                                new_line)))
    prob.culprit_kind = "labels"
    prob.labels_site = (site.file, decodes[0].lineno)
    prob.settled = True
    prob.explanation += (f" The masks are decoded with channels={c} on line {decodes[0].lineno}, so each pixel gets "
                         f"{c} copies of its class id: a sparse loss needs one id per pixel. Decode one channel.")
