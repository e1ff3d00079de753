"""Test labels prepared like the training labels, minus one step: the step the test split left out.

Scripts prepare each split with twin lines, and the training split sometimes gets one more: the
HAR tutorial shifts its activity codes 1..6 to 0..5 before one-hot encoding them, ``trainy = trainy - 1``,
``trainy = to_categorical(trainy)``, ``testy = testy - 1``, ``testy = to_categorical(testy)``. With the
test split's shift left out (r997), ``to_categorical`` sees a 6 and makes 7 columns; ``evaluate`` then
compares 7-wide labels with the 6-wide output the model was trained for. Keras names the loss; the model
is right (it trained), and so is the encoding line: the cause is the step the test labels missed.

Evidence, recorded and read: ``evaluate`` (or a later ``fit``) raised on labels whose last axis differs
from the labels an earlier ``fit`` of the same model accepted; both calls pass their labels as plain names
(``trainy``, ``testy``); the script assigns the test name on a line that is an assignment of the training
name with the names swapped (the twin), and right before that twin the training name is updated from
itself by one-line assignments that read no other array (``trainy = trainy - 1``) and have no test twin.
The fix writes those updates for the test name just before its twin line, proven by running the patched
script.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any

from shapedoctor.report.model import Finding, Place


def split_step(exc: BaseException | None, finding: Finding | None, recorder: Any) -> Finding | None:
    """*finding* aimed at the test labels' missing preparation step (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None:
        return finding
    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    calls = getattr(recorder, "training_calls", None) or []
    failed = [c for c in calls if c.error is exc and c.method in ("evaluate", "fit") and c.site is not None]
    if len(failed) != 1:
        return None
    bad = failed[0]
    earlier = [c for c in calls[:calls.index(bad)] if c.method == "fit" and c.error is None and c.model is bad.model
               and c.site is not None]
    if not earlier:
        return None
    good = earlier[-1]
    width = _last(bad.y_shapes), _last(good.y_shapes)
    if None in width or width[0] == width[1]:
        return None
    test, train = _labels_name(bad), _labels_name(good)
    if test is None or train is None or test == train or bad.site.file != good.site.file:
        return None
    path = bad.site.file
    from shapedoctor.trace.sites import source_tree

    tree = source_tree(path)
    assigned = {name: _one_line_assignments(tree, name) for name in (train, test)}
    swap = _swapper(train, test)
    test_texts = {_text(path, n) for n in assigned[test]}
    for twin in assigned[train]:
        renamed = swap(_text(path, twin))
        mine = [n for n in assigned[test] if _text(path, n) == renamed]
        if len(mine) != 1:
            continue
        steps = []
        for before in reversed([n for n in assigned[train] if n.lineno < twin.lineno]):
            if not _self_update(before, train) or swap(_text(path, before)) in test_texts:
                break
            steps.insert(0, before)
        if steps:
            return path, mine[0], [swap(_text(path, s)) for s in steps], width, test
    return None


def _last(shape: Any) -> int | None:
    return shape[-1] if isinstance(shape, tuple) and shape and isinstance(shape[-1], int) else None


def _labels_name(call: Any) -> str | None:
    """The plain name the call at its site passes as its labels (second argument or ``y=``)."""
    from shapedoctor.diagnosis.reaim import method_call_at

    node = method_call_at(call.site.file, call.site.line, call.method)
    if node is None:
        return None
    value = next((k.value for k in node.keywords if k.arg == "y"), node.args[1] if len(node.args) > 1 else None)
    return value.id if isinstance(value, ast.Name) else None


def _one_line_assignments(tree: ast.AST, name: str) -> list[ast.Assign]:
    return sorted((n for n in ast.walk(tree) if isinstance(n, ast.Assign) and len(n.targets) == 1
                   and isinstance(n.targets[0], ast.Name) and n.targets[0].id == name and n.lineno == n.end_lineno),
                  key=lambda n: n.lineno)


def _text(path: str, node: ast.stmt) -> str:
    return linecache.getline(path, node.lineno).strip()


def _swapper(train: str, test: str):
    pattern = re.compile(rf"\b({re.escape(train)}|{re.escape(test)})\b")
    return lambda text: pattern.sub(lambda m: test if m.group(1) == train else train, text)


def _self_update(node: ast.Assign, name: str) -> bool:
    """``name = <expression of name and constants>`` (``trainy = trainy - 1``)."""
    names = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}
    calls = [n for n in ast.walk(node.value) if isinstance(n, ast.Call)]
    return names == {name} and not calls


def _aim(finding: Finding, found: Any) -> Finding:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    path, twin, steps, (got, want), test = found
    raw = linecache.getline(path, twin.lineno)
    indent = raw[: len(raw) - len(raw.lstrip())]
    edit = TextEdit(path, twin.lineno, 0, twin.lineno, 0, "".join(f"{indent}{s}\n" for s in steps))
    shown = "\n".join(steps + [raw.strip()])
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("labels", test, "labels", path, twin.lineno)
    finding.explanation = (
        f"`{test}` has {got} columns where the labels the model was trained on had {want}: it is prepared like the "
        f"training labels, line for line, except for {'; '.join(f'`{s}`' for s in steps)}, which the training "
        f"labels get before their twin of line {twin.lineno}. The model is right (it trained on the others): give "
        f"`{test}` the same step.")
    finding.fixes = [script_checked_fix(f"prepare `{test}` like the training labels: {'; '.join(steps)}", shown,
                                        display_path(path), twin.lineno, [edit])]
    return finding
