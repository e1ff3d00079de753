"""New data made by the same helper as the training data, with another setting: the setting is the cause.

A speaker-change detector (ubclaunchpad/minutes#132, r690) makes its training spectrograms with
``spectrogram_observations(training_audio, MS_PER_OBSERVATION)`` and the meeting's with
``spectrogram_observations(meeting_audio, ms_per_observation=2500)``: longer observations give more frames,
and the trained model refuses (12, 129, 309) where it was built for (None, 129, 122). The reply: build the
prediction data with the base model's observation length.

Evidence, recorded and read: a ``predict``/``evaluate`` of a model that a ``fit`` trained, whose data is
refused; each call's data is a name bound once to a call of the same function of the user's file; with the
function's parameters matched to both calls' arguments, they differ in the first (the raw data) and in
exactly one other. That argument of the new data's line is the root cause; the fix writes the training
line's text for it, proven by running the patched script.

The same slip with a library function: ``pad_sequences([generated], maxlen=CONFIG["max_length"])`` at
inference beside ``pad_sequences(..., maxlen=max_length)`` where the training data was padded (an image
caption generator, Image-Caption-Generator#3, r694): the other call's value is the size the model declares
at the one axis where the data differs; it is written in the new line.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def helper_setting_twin(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* (SD201) aimed at the one setting the new data's helper call changed, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if finding is None or finding.id != "SD201":
        return finding
    return reaimed(finding, _found, _aim, recorder)


def _arguments(call: ast.Call, params: list[str]) -> dict[str, ast.expr] | None:
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords) \
            or len(call.args) > len(params):
        return None
    given = dict(zip(params, call.args))
    given.update({k.arg: k.value for k in call.keywords})
    return given


def _found(recorder: Any):
    return _helper_twin(recorder) or _library_twin(recorder)


def _library_twin(recorder: Any):
    """The second form: the refused data's line calls a function (``keras.utils.pad_sequences``) that
    another line of the file calls with the same keywords but one, whose value there is the size the model
    declares at the one axis where the data differs (``maxlen=max_length``, 12, beside
    ``maxlen=CONFIG["max_length"]``, 16)."""
    from shapedoctor.diagnosis.data_origin import single_assignments
    from shapedoctor.diagnosis.training_base import flat_items
    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.trace.sites import module_ints, source_tree

    calls = getattr(recorder, "training_calls", None) or []
    failed = [c for c in calls if c.error is not None]
    call = failed[-1] if failed else None
    if call is None or call.site is None or call.method not in ("predict", "evaluate", "predict_on_batch"):
        return None
    shapes, inputs = flat_items(call.x_shapes), list(getattr(call.model, "inputs", None) or [])
    given = argument_node(call.site, 0, "x")
    items = given.elts if isinstance(given, (ast.List, ast.Tuple)) else [given]
    if len(shapes) != len(inputs) or len(items) != len(inputs):
        return None
    tree = source_tree(call.site.file)
    bound = single_assignments(tree)
    known = {**module_ints(tree), **{k: v for k, v in (call.sizes or {}).items() if isinstance(v, int)}}
    found = []
    for item, shape, tensor in zip(items, shapes, inputs):
        declared = tuple(tensor.shape)
        axes = [a for a in range(1, len(declared)) if len(shape) == len(declared) and shape[a] != declared[a]]
        statement = (bound.get(item.id) if isinstance(item, ast.Name) else None) or _last_before(tree, item,
                                                                                                 call.site.line)
        made = statement.value if statement is not None else None
        if len(axes) != 1 or not isinstance(made, ast.Call):
            continue
        callee = ast.unparse(made.func)
        keywords = {k.arg: ast.unparse(k.value) for k in made.keywords if k.arg}
        for other in (c for c in ast.walk(tree) if isinstance(c, ast.Call) and c is not made
                      and ast.unparse(c.func) == callee):
            theirs = {k.arg: ast.unparse(k.value) for k in other.keywords if k.arg}
            if set(theirs) != set(keywords):
                continue
            differing = [k for k in keywords if keywords[k] != theirs[k]]
            if len(differing) == 1:
                value = theirs[differing[0]]
                number = int(value) if value.isdigit() else known.get(value)
                node = next(k.value for k in made.keywords if k.arg == differing[0])
                if number == declared[axes[0]] and node.lineno == node.end_lineno:
                    found.append((call.site.file, statement, node, differing[0], value, other.lineno))
    return found[0] if len(found) == 1 else None


def _last_before(tree: ast.Module, item: ast.AST, line: int):
    """The last one-target assignment of the name *item* above *line* (a name rebound in a loop)."""
    if not isinstance(item, ast.Name):
        return None
    before = [s for s in ast.walk(tree) if isinstance(s, ast.Assign) and len(s.targets) == 1
              and isinstance(s.targets[0], ast.Name) and s.targets[0].id == item.id and s.lineno <= line]
    return max(before, key=lambda s: s.lineno) if before else None


def _helper_twin(recorder: Any):
    from shapedoctor.diagnosis.data_origin import single_assignments
    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.trace.sites import called_name, source_tree

    calls = getattr(recorder, "training_calls", None) or []
    failed = [c for c in calls if c.error is not None]
    call = failed[-1] if failed else None
    if call is None or call.site is None or call.method not in ("predict", "evaluate", "predict_on_batch"):
        return None
    trained = [c for c in calls if c.method == "fit" and c.model is call.model and c.error is None and c.site]
    if not trained:
        return None
    tree = source_tree(call.site.file)
    bound = single_assignments(tree)
    new_name, old_name = argument_name(call.site, 0, "x"), argument_name(trained[-1].site, 0, "x")
    new, old = bound.get(new_name) if new_name else None, bound.get(old_name) if old_name else None
    if new is None or old is None or not isinstance(new.value, ast.Call) or not isinstance(old.value, ast.Call):
        return None
    helper = called_name(new.value.func)
    if helper is None or called_name(old.value.func) != helper or not isinstance(new.value.func, ast.Name):
        return None
    function = next((f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == helper), None)
    if function is None:
        return None
    params = [a.arg for a in function.args.args]
    given_new, given_old = _arguments(new.value, params), _arguments(old.value, params)
    if given_new is None or given_old is None or not params:
        return None
    text = {}
    for name in params:
        a, b = given_new.get(name), given_old.get(name)
        text[name] = (ast.unparse(a) if a is not None else None, ast.unparse(b) if b is not None else None)
    differing = [p for p in params[1:] if text[p][0] != text[p][1]]
    if len(differing) != 1 or text[differing[0]][1] is None or given_new.get(differing[0]) is None:
        return None
    setting = differing[0]
    node = given_new[setting]
    if node.lineno != node.end_lineno:
        return None
    return call.site.file, new, node, setting, text[setting][1], old.lineno


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, statement, node, setting, trained_text, trained_line = found
    edit = TextEdit.replacing(path, node, trained_text)
    fix = script_checked_fix(f"prepare the new data as the training data: {setting}={trained_text}", edit.shown(),
                             display_path(path), node.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place("data", statement.targets[0].id if isinstance(statement.targets[0], ast.Name) else None,
                            "data", display_path(path), statement.lineno, linecache.getline(path, statement.lineno).strip())
    finding.explanation += (f" The training data was made by the same function on line {trained_line} with "
                            f"`{setting}` = `{trained_text}`; this line gives it another value, so the new data "
                            "comes out in another shape than the model was trained on.")
    finding.fixes = [fix] + [f for f in finding.fixes if f.verified]
    return finding
