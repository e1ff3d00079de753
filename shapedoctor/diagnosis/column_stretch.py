"""A model's one output column minus targets of k columns in a hand-written loss (SD204, silent).

The TensorFlow checkpoint guide trains ``Net`` (``Dense(5)``) on toy targets of five columns with
``tf.abs(output - example['y'])``. With ``Dense(1)`` the (batch, 1) prediction is stretched over the five
columns: training runs and fits one value to five different targets (r704).

Evidence, recorded (trace/tensor_ops.py): a difference on a user line, run eagerly, of the model's (n, 1)
output and a (n, k) tensor of the user's, k > 1. The model's last ``Dense`` of one unit (written with a
literal 1) is the root cause; the fix gives it k units, proven by running the patched script.
"""

from __future__ import annotations

import ast
from typing import Any

from shapedoctor.report.model import Finding


def column_stretch_findings(recorder: Any) -> list[Finding]:
    """One SD204 warning per noted stretch whose one-unit layer can be found."""
    out = []
    for event in getattr(getattr(recorder, "op_watch", None), "column_stretches", []):
        try:
            finding = _finding(event, recorder)
        except Exception as exc:  # noqa: BLE001 - a warning we cannot build is skipped, never fatal
            recorder.internal_errors.append(exc)
            continue
        if finding is not None:
            out.append(finding)
    return out


def _one_unit_dense(model: Any):
    import keras

    if isinstance(model, keras.layers.Dense):
        return model if model.units == 1 else None
    def walk(layer: Any) -> list:
        inner = getattr(layer, "layers", None) or []
        return [x for sub in inner for x in (walk(sub) if getattr(sub, "layers", None) else [sub])]

    denses = [layer for layer in walk(model) if isinstance(layer, keras.layers.Dense)]
    return denses[-1] if denses and denses[-1].units == 1 else None


def _the_models_dense(recorder: Any):
    """Without the call that made the operand (a subclassed model called eagerly), the one-unit last Dense of
    the one model the program created that ends in one."""
    import keras

    models = [layer for layer in recorder.created_layers() if isinstance(layer, keras.Model)]
    found = {id(d): d for d in (_one_unit_dense(m) for m in models) if d is not None}
    return next(iter(found.values())) if len(found) == 1 else None


def _finding(event: Any, recorder: Any) -> Finding | None:
    from shapedoctor.families import get
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import called_name, display_path, source_tree_and_calls_at

    dense = _one_unit_dense(event.model) if event.model is not None else _the_models_dense(recorder)
    site = recorder.creation_site(dense) if dense is not None else None
    if site is None:
        return None
    _tree, around = source_tree_and_calls_at(site)
    def units_of(call: ast.Call) -> ast.expr | None:
        return call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "units"), None)

    ones = [u for c in around if called_name(c.func) == "Dense"
            and isinstance(u := units_of(c), ast.Constant) and u.value == 1]
    if len(ones) != 1:
        return None  # the one-unit Dense is not written alone with a literal 1 on its line
    units = ones[0]
    k = event.other[1]
    edit = TextEdit.replacing(site.file, units, str(k))
    fix = script_checked_fix(f"give the output one unit per target column: {k}", edit.shown(), display_path(site.file),
                             units.lineno, [edit], cost=1)
    fam = get("SD204")
    return Finding(
        fam.id, fam.slug, fam.severity,
        f"`{event.site.code}` stretches the model's {format_shape(event.made)} output over {format_shape(event.other)} "
        "targets",
        consumer=Place("loss", None, "loss", event.site.file, event.site.line, event.site.code),
        culprit=Place.at_line("layer", dense.name, "Dense", site.file, site.line),
        expected=format_shape((None, k)), received=format_shape(event.made),
        explanation=(f"The model gives one value per sample, {format_shape(event.made)}, and the line subtracts "
                     f"targets of {k} columns, {format_shape(event.other)}: broadcasting stretches the one column "
                     f"over the {k}, so the same prediction is compared with {k} different targets. Training runs "
                     f"and fits one value to all of them. `{dense.name}` needs one unit per target column."),
        fixes=[fix])
