"""A training loop over a batched dataset whose last batch is smaller than the size the loop assumes.

Hands-On ML 3's GAN loop builds its noise and its labels from the fixed ``batch_size``
(``y1 = tf.constant([[0.]] * batch_size + [[1.]] * batch_size)``) for every ``X_batch`` of the dataset.
1000 images in batches of 32 leave a last batch of 8: that step gets 40 images for 64 labels. The
notebook batches with ``drop_remainder=True`` so that every batch holds ``batch_size`` images.

Evidence, read and recorded: the sample counts disagree at a training call written inside
``for ... in D`` over a dataset of the script; the same call ran before with counts that agreed (the
batches changed size, not the code); the statement that made ``D`` (followed through ``D = D...``
rebindings and a function's parameter to the module's name) batches it with ``.batch(...)`` without
``drop_remainder``. That statement is the root cause and the fix adds ``drop_remainder=True`` there,
proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree


def last_partial_batch(call: Any, prob: Any):
    """(culprit Place, fix, why) when a loop's dataset keeps its smaller last batch (see the module),
    else None."""
    from shapedoctor.report.model import Place
    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.sites import display_path

    if prob.family != "SD203" or call.site is None or not call.site.file or rec.CURRENT is None:
        return None
    site = call.site
    earlier = [c for c in rec.CURRENT.training_calls if c is not call and c.error is None and c.site is not None
               and (c.site.file, c.site.line) == (site.file, site.line) and _counts_agree(c)]
    if not earlier:
        return None
    try:
        tree = source_tree(site.file)
    except SyntaxError:
        return None
    loops = [n for n in ast.walk(tree) if isinstance(n, (ast.For, ast.AsyncFor)) and isinstance(n.iter, ast.Name)
             and n.body[0].lineno <= site.line <= (n.end_lineno or n.lineno)]
    if not loops:
        return None
    loop = max(loops, key=lambda n: n.lineno)
    found = _batch_call(site.file, loop.lineno, loop.iter.id)
    if found is None:
        return None
    statement, batch = found
    text = linecache.getline(site.file, batch.lineno)
    if batch.lineno != batch.end_lineno or not text.isascii() or not text[:batch.end_col_offset].endswith(")"):
        return None
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit

    at = batch.end_col_offset - 1
    edit = TextEdit(site.file, batch.lineno, at, batch.lineno, at, ", drop_remainder=True")
    fix = script_checked_fix("drop the smaller last batch: .batch(..., drop_remainder=True)", edit.shown(),
                             display_path(site.file), batch.lineno, [edit], cost=1)
    name = loop.iter.id
    place = Place("data", name, "data", display_path(site.file), statement.lineno,
                  linecache.getline(site.file, statement.lineno).strip())
    why = (f"The loop over `{name}` ran this call before with matching counts; it fails on a batch of another "
           f"size, the last one, which holds what is left of the data. The code beside it sizes its tensors with a "
           f"fixed batch size, so every batch must be full: batch the dataset with drop_remainder=True (line "
           f"{batch.lineno}), or size those tensors from the batch itself.")
    return place, fix, why


def _counts_agree(call: Any) -> bool:
    from shapedoctor.diagnosis.training_base import flat_items

    counts = {s[0] for s in flat_items(call.x_shapes) + flat_items(call.y_shapes) if s}
    return len(counts) == 1


def _batch_call(file: str, line: int, name: str):
    """(statement, ``.batch(...)`` call without ``drop_remainder``) of the statement that made *name*,
    followed back through rebindings of the same name, else None."""
    from shapedoctor.repair.data_follows import made_at
    from shapedoctor.trace.sites import Site

    anchor = Site(file, line)
    for _ in range(6):
        made = made_at(anchor, name)
        if made is None or made.statement is None:
            return None
        calls = [n for n in ast.walk(made.statement) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                 and n.func.attr == "batch"]
        if calls:
            batch = calls[0]
            if any(kw.arg == "drop_remainder" for kw in batch.keywords) or len(batch.args) > 1:
                return None
            return made.statement, batch
        value = getattr(made.statement, "value", None)
        reads = {n.id for n in ast.walk(value)} if value is not None else set()
        if name not in reads:
            return None  # made from something else, never batched on the way
        anchor = Site(file, made.line)
    return None
