"""A layer or model of the user's own that draws noise of a fixed batch size: the last, smaller batch fails.

A text VAE's ``Sampling`` layer draws ``eps = keras.random.normal(shape=(batch_size, latent_dim))``.
Every batch of ``fit(..., batch_size=32)`` has 32 samples except the last one (500 samples leave 20),
so the model's output keeps 32 rows where the labels have 20: ``Incompatible shapes: [20,40] vs.
[32,40]``, raised in the loss's gradient. The labels and the data are right; the noise's shape is the
root cause. The fix takes the batch size from the tensor the noise is added to:
``shape=(ops.shape(z_mean)[0], latent_dim)``.

Evidence, all read: the error names two first axes, one equal to a module-level name the shape tuple
of a random draw (``normal``/``uniform``/``truncated_normal``) in a ``call`` method of the script
starts with, the other equal to the number of samples the training call got modulo that size. The fix
is proven by running the patched script.

A GAN's ``train_step`` drawing ``keras.random.uniform((BATCH_SIZE, NOISE_DIM))`` for every batch of
real images (r644) is the same mistake one level up: the fix reads the size from the step's batch,
``ops.shape(real_images)[0]``, as keras-io's GAN examples do.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any
from shapedoctor.trace.sites import source_tree

_PAIR = re.compile(r"\[(\d+)(?:,\d+)*\]\s*vs\.?\s*\[(\d+)(?:,\d+)*\]")
_PER_BATCH = {"call", "train_step"}  # methods that run once per batch
DRAWS = {"normal", "uniform", "truncated_normal", "random_normal", "random_uniform"}


def fixed_batch_noise(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the fixed-size noise of a layer's ``call`` (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, node, spelled, name, size, rest, owner, method = found
    text = linecache.getline(file, node.lineno)
    edit = TextEdit.replacing(file, node, spelled)
    fix = script_checked_fix(f"draw the noise for the batch it gets: {spelled} instead of `{name}`", edit.shown(),
                             display_path(file), node.lineno, [edit], cost=1)
    finding.message = f"`{owner}` draws its noise for {size} samples, but the last batch holds {rest}"
    finding.culprit = Place("layer", owner, owner, display_path(file), node.lineno, text.strip())
    finding.fixes = [fix] + [f for f in finding.fixes if f.verified]
    outcome = f"the model answers with {size} rows where the labels have {rest}" if method == "call" else (
        f"what `{method}` computes from the noise has {size} rows where what it computes from the batch has {rest}")
    finding.explanation = (
        f"The noise on line {node.lineno} is drawn with a fixed first axis, `{name}` = {size}: every batch gets "
        f"{size} rows of noise. `fit` cuts the data into batches of {size}, but the last one holds only {rest} "
        f"samples, so {outcome}. Take the batch size from the tensor the noise goes with, {spelled}.")
    return finding


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.trace.sites import called_name

    match = _PAIR.search(str(exc))
    calls = list(getattr(recorder, "training_calls", None) or [])
    call = calls[-1] if calls else None
    if match is None or call is None or call.site is None or not isinstance(call.x_shapes, tuple) \
            or not call.x_shapes or not isinstance(call.x_shapes[0], int) or call.batched:
        return None
    a, b = int(match.group(1)), int(match.group(2))
    samples = call.x_shapes[0]
    file = call.site.file
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    from shapedoctor.trace.sites import module_ints

    sizes = module_ints(tree)
    hits = []
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        for method in (m for m in cls.body if isinstance(m, ast.FunctionDef) and m.name in _PER_BATCH):
            for draw in (n for n in ast.walk(method) if isinstance(n, ast.Call) and called_name(n.func) in DRAWS):
                shape = next((k.value for k in draw.keywords if k.arg == "shape"), None) or (
                    draw.args[0] if draw.args else None)
                if not isinstance(shape, (ast.Tuple, ast.List)) or not shape.elts:
                    continue
                first = shape.elts[0]
                if not isinstance(first, ast.Name) or first.id not in sizes:
                    continue
                size = sizes[first.id]
                rest = samples % size
                if rest and {a, b} == {size, rest}:
                    hits.append((method, first, size, rest, cls.name, draw))
    if len(hits) != 1:
        return None
    method, first, size, rest, owner, draw = hits[0]
    tensor = first_tensor(method)
    text = linecache.getline(file, first.lineno)
    if tensor is None or not text.isascii():
        return None
    imported = {(a.asname or a.name).split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import)
                for a in n.names} | {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                                     for a in n.names}
    root = draw.func
    while isinstance(root, ast.Attribute):
        root = root.value
    tf_draw = isinstance(root, ast.Name) and root.id in ("tf", "tensorflow") and root.id in imported
    shape_of = f"{root.id}.shape" if tf_draw else "ops.shape" if "ops" in imported else "keras.ops.shape" if "keras" in imported else \
        "tf.shape" if "tf" in imported else None
    if shape_of is None:
        return None
    return file, first, f"{shape_of}({tensor})[0]", first.id, size, rest, owner, method.name


def first_tensor(method: ast.FunctionDef) -> str | None:
    """The first tensor the ``call`` method holds: the first name unpacked from its inputs, or the inputs."""
    params = [a.arg for a in method.args.args[1:]]
    if not params:
        return None
    for stmt in method.body:
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Name) and stmt.value.id == params[0] \
                and isinstance(stmt.targets[0], (ast.Tuple, ast.List)) and stmt.targets[0].elts \
                and isinstance(stmt.targets[0].elts[0], ast.Name):
            return stmt.targets[0].elts[0].id
    return params[0]
