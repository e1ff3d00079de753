"""``self.add_loss(value)`` given one value per sample instead of a scalar (SD204, silent).

keras-team/keras #19560 (r641): ``kl_loss = -0.5 * ops.mean(..., axis=1)`` is (batch,), and
``self.add_loss(kl_loss)`` adds it to the total loss as it is: the vector is broadcast into the scalar
loss, nothing raises, and the model trains on a loss that is not the mean KL term. fchollet's answer: a
scalar, the mean over everything.

The add_loss watch (trace/added_losses.py) notes each user line that gave ``add_loss`` a non-scalar.
That line is the culprit, and the fix averages the value there, ``self.add_loss(ops.mean(kl_loss))``,
with the mean the script can call (``ops.mean`` when it imported ``ops`` from keras, ``tf.reduce_mean``,
or ``keras.ops.mean``), proven by running the patched script (which must then finish without the
warning).
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.report.model import Finding, Place
from shapedoctor.trace.sites import source_tree


def added_loss_findings(recorder: Any) -> list[Finding]:
    out = []
    for event in getattr(recorder, "added_losses", []):
        try:
            out.append(_finding(event))
        except Exception as exc:  # noqa: BLE001 - a warning we cannot build is skipped, never fatal
            recorder.internal_errors.append(exc)
    return out


def _finding(event: Any) -> Finding:
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit

    fam = get("SD204")
    shape = format_shape(event.shape)
    where = event.training_site or event.site
    consumer = Place("loss", None, "add_loss", where.file, where.line, where.code)
    culprit = Place("loss", None, "add_loss", event.site.file, event.site.line, event.site.code)
    finding = Finding(
        fam.id, fam.slug, fam.severity,
        f"`add_loss` was given a {shape} value, one entry per sample, where it takes a scalar",
        consumer=consumer, culprit=culprit, expected="a scalar", received=shape,
        explanation=(f"`{event.site.code}` registers a loss of shape {shape}. `add_loss` adds its value to the "
                     "model's total loss, a single number: a value with one entry per sample is broadcast into it "
                     "instead of averaged, nothing raises, and training optimises another quantity than the one "
                     "written (a per-sample KL term summed into every loss value). Reduce it to a scalar first, "
                     "with a mean over everything."),
        fixes=[])
    arg, mean = _argument(event)
    if arg is not None and mean is not None:
        text = linecache.getline(event.path, arg.lineno)[arg.col_offset:arg.end_col_offset]
        edit = TextEdit.replacing(event.path, arg, f"{mean}({text})")
        finding.fixes.append(script_checked_fix("average the loss to a scalar before add_loss", edit.shown(),
                                                event.site.file, event.site.line, [edit]))
    return finding


def _argument(event: Any) -> tuple[ast.expr | None, str | None]:
    """The value passed to ``add_loss`` on the event's line (one line), and the mean the script can call."""
    try:
        tree = source_tree(event.path)
    except (SyntaxError, ValueError):
        return None, None
    calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
             and c.func.attr == "add_loss" and c.lineno == event.site.line and len(c.args) == 1]
    if len(calls) != 1 or calls[0].args[0].lineno != calls[0].args[0].end_lineno:
        return None, None
    return calls[0].args[0], _mean(tree)


def _mean(tree: ast.Module) -> str | None:
    """``ops.mean`` when the script has ``from keras import ops``, else ``tf.reduce_mean`` with TensorFlow
    imported as tf, else ``keras.ops.mean`` with keras imported."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "keras":
            names |= {a.asname or a.name for a in node.names if a.name == "ops"}
        elif isinstance(node, ast.Import):
            names |= {a.asname or a.name for a in node.names if a.name in ("keras", "tensorflow")}
    if "ops" in names:
        return "ops.mean"
    if "tf" in names:
        return "tf.reduce_mean"
    return "keras.ops.mean" if "keras" in names else None
