"""A dict of one sample's values given to ``predict``, each without the batch axis.

keras-io's "Structured data classification from scratch" predicts on one new patient:
``input_dict = {name: tf.convert_to_tensor([value]) for name, value in sample.items()}`` — each value
wrapped in a list, because a model only takes batches. Without the list, the numerical columns are 0-D
and the one-hot ones (k,), and ``predict`` fails (r706).

Evidence, recorded: the failing ``predict`` got a dict whose every item has its input's declared shape
without the batch axis (or without its trailing 1 too, which Keras adds to a batch): one sample each; and the dict is the name the call passes, bound once to a
dict comprehension whose value is the comprehension's own variable, bare or as the one argument of a call.
That line is the root cause; the fix wraps the variable in a list (a batch of one), proven by running the
patched script.
"""

from __future__ import annotations

import ast
from typing import Any


def sample_dict_batch(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* (SD201) aimed at the dict comprehension that made unbatched values, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if finding is None or finding.id != "SD201":
        return finding
    return reaimed(finding, _found, _aim, recorder)


def _found(recorder: Any):
    from shapedoctor.diagnosis.data_origin import single_assignments
    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.trace.sites import source_tree

    calls = [c for c in getattr(recorder, "training_calls", None) or [] if c.error is not None]
    call = calls[-1] if calls else None
    if call is None or call.method not in ("predict", "predict_on_batch") or call.site is None \
            or not isinstance(call.x_shapes, dict) or not call.x_shapes:
        return None
    declared = {}
    for tensor in getattr(call.model, "inputs", None) or []:
        name = getattr(getattr(getattr(tensor, "_keras_history", None), "operation", None), "name", None)
        declared[name] = tuple(tensor.shape)[1:]

    def one_sample(key: str, shape: Any) -> bool:
        """*shape* is one sample of input *key*: its declared shape without the batch axis (or without its
        trailing 1 too, which Keras adds to a batch)."""
        want = declared.get(key)
        shape = tuple(shape or ())
        return want is not None and (shape == want or (bool(want) and want[-1] == 1 and shape == want[:-1]))

    if not all(one_sample(key, shape) for key, shape in call.x_shapes.items()):
        return None
    name = argument_name(call.site, 0, "x")
    statement = single_assignments(source_tree(call.site.file)).get(name) if name else None
    made = statement.value if statement is not None else None
    if not isinstance(made, ast.DictComp) or len(made.generators) != 1:
        return None
    target = made.generators[0].target
    names = [t.id for t in (target.elts if isinstance(target, ast.Tuple) else [target]) if isinstance(t, ast.Name)]
    value = made.value
    inner = value.args[0] if isinstance(value, ast.Call) and len(value.args) == 1 and not value.keywords else value
    if not isinstance(inner, ast.Name) or inner.id not in names or inner.lineno != inner.end_lineno:
        return None
    return call.site.file, statement, inner, len(call.x_shapes)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, statement, inner, count = found
    edit = TextEdit.replacing(path, inner, f"[{inner.id}]")
    fix = script_checked_fix(f"make each value a batch of one: [{inner.id}]", edit.shown(), display_path(path),
                             inner.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", statement.targets[0].id, "data", path, statement.lineno)
    finding.explanation = (
        f"Each of the {count} values is one sample with the input's shape but no batch axis: a model only "
        f"takes batches, even of one sample. Wrap each value in a list where the dict is made, `[{inner.id}]`, "
        "so every input gets a batch of one.")
    finding.fixes = [fix] + [f for f in finding.fixes if f.verified]
    return finding
