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
