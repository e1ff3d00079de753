"""Next-token targets that were never shifted: the labels keep the whole sequence the inputs were cut from.

A language model trains on ``x = seq[:, :-1]`` and ``y = seq[:, 1:]``: each step predicts the next
token. With ``y = seq`` the labels have one step more than the per-step output, and the loss refuses
``target.shape=(None, 20), output.shape=(None, 19, 50)``. The dataset ``fit`` got hides the labels,
but its ``.map`` function makes them in the user's own code: that function's labels line is the
root cause, and the fix cuts the labels the other way (``seq[:, 1:]``).

Evidence, read, not guessed: the loss's error names labels of rank one less than the output with one
step more; the dataset passed to ``fit`` was made by ``.map(fn)`` of a function of the script that
returns ``(inputs, labels)``, the inputs cut one step short from a sequence (``s[:, :-1]``) and the
labels that same sequence, uncut. The edit is checked by running the patched script (``needs_proof``).
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any
from shapedoctor.trace.sites import source_tree

_SHAPES = re.compile(r"target\.shape=\(([\w, ]+)\), output\.shape=\(([\w, ]+)\)")


def shifted_targets(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the labels line of the dataset's map function (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.diagnosis.label_literal import aimed_at_labels
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    file, node, sequence, labels, function = found
    text = linecache.getline(file, node.lineno)
    new_text = text[:node.col_offset] + f"{sequence}[:, 1:]" + text[node.end_col_offset:]
    edit = TextEdit(file, node.lineno, node.col_offset, node.lineno, node.end_col_offset, f"{sequence}[:, 1:]")
    fix = script_checked_fix(f"shift the targets one step: `{labels}` = {sequence}[:, 1:] in {function}",
                             new_text.strip(), display_path(file), node.lineno, [edit], cost=1)
    why = (f"`{function}` cuts the inputs one step short ({sequence}[:, :-1]) but gives the whole `{sequence}` as "
           f"the labels: each output step predicts the next token, so the labels must be the sequence shifted by "
           f"one, {sequence}[:, 1:], as long as the inputs.")
    return aimed_at_labels(finding, labels, file, node.lineno, fix, why)


def _dims(text: str) -> list:
    return [None if v.strip() == "None" else int(v) for v in text.split(",") if v.strip()]


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.diagnosis.reaim import last_value
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    match = _SHAPES.search(str(exc))
    calls = list(getattr(recorder, "training_calls", None) or [])
    if match is None or not calls or calls[-1].site is None or calls[-1].source != "dataset":
        return None
    target, output = _dims(match.group(1)), _dims(match.group(2))
    if len(output) != len(target) + 1 or len(target) != 2 or not isinstance(target[1], int) \
            or output[1] != target[1] - 1:
        return None
    site = calls[-1].site
    line = assignment_line(site, argument_name(site, 0, "x"))
    if line is None:
        return None
    tree = source_tree(site.file)
    made = next((s for s in ast.walk(tree) if isinstance(s, ast.Assign) and s.lineno == line), None)
    mapper = _mapped_function(made.value if made is not None else None)
    function = next((f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == mapper), None)
    if function is None:
        return None
    returns = [n for n in ast.walk(function) if isinstance(n, ast.Return) and isinstance(n.value, ast.Tuple)]
    if len(returns) != 1 or len(returns[0].value.elts) != 2:
        return None
    inputs, labels = (last_value(function, e) for e in returns[0].value.elts)
    sequence = _cut_short(inputs)
    if sequence is None or not isinstance(labels, ast.Name) or labels.id != sequence:
        return None
    if labels.lineno != labels.end_lineno or not linecache.getline(site.file, labels.lineno).isascii():
        return None
    name = returns[0].value.elts[1].id if isinstance(returns[0].value.elts[1], ast.Name) else sequence
    return site.file, labels, sequence, name, function.name


def _mapped_function(value: Any) -> str | None:
    """``fn`` of ``ds.map(fn, ...)`` (after any steps that keep elements, ``.map(fn).prefetch(1)``)."""
    while isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
        if value.func.attr == "map" and value.args and isinstance(value.args[0], ast.Name):
            return value.args[0].id
        value = value.func.value
    return None


def _cut_short(node: Any) -> str | None:
    """``seq`` of ``seq[:, :-1]``."""
    if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and isinstance(node.slice, ast.Tuple)
            and len(node.slice.elts) == 2):
        return None
    whole, cut = node.slice.elts
    if not (isinstance(whole, ast.Slice) and whole.lower is None and whole.upper is None
            and isinstance(cut, ast.Slice) and cut.lower is None and cut.step is None
            and isinstance(cut.upper, ast.UnaryOp) and isinstance(cut.upper.op, ast.USub)
            and isinstance(cut.upper.operand, ast.Constant) and cut.upper.operand.value == 1):
        return None
    return node.value.id


def unshifted_inputs(exc: BaseException, finding: Any) -> Any:
    """*finding* aimed at a teacher-forced input left whole beside targets shifted by one, or *finding*.

    The image-captioning example trains its decoder with teacher forcing in a ``train_step``: the input
    is the caption without its last token, ``seq_in = seqs[:, i, :-1]``, the targets the caption
    shifted by one, ``seq_true = seqs[:, i, 1:]``. With ``seq_in = seqs[:, i, :]`` the decoder makes one
    prediction more than there are targets and the loss refuses ``target.shape=(None, 11),
    output.shape=(None, 12, 60)`` (r727). Evidence, read: the loss's error names an output with one
    step more than the targets and one more axis (the classes); a function on the traceback binds two
    names to subscripts of one sequence with the same leading indices, the targets ending in ``1:`` and
    the input in a whole ``:``. The input's line is the root cause; its last slice becomes ``:-1``,
    proven by running the patched script."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _whole_input, _aim_input, exc)


def _whole_input(exc: BaseException):
    import traceback

    from shapedoctor.diagnosis.reaim import loss_shapes
    from shapedoctor.trace.sites import is_user_file

    shapes = loss_shapes(exc)
    if shapes is None:
        return None
    target, output = shapes
    if len(output) != len(target) + 1 or len(target) < 2 or not isinstance(target[-1], int) \
            or output[-2] != target[-1] + 1:
        return None
    found = []
    for frame, _line in reversed(list(traceback.walk_tb(exc.__traceback__))):
        path = frame.f_code.co_filename
        if not is_user_file(path):
            continue
        tree = source_tree(path)
        functions = [f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
                     and f.lineno <= frame.f_code.co_firstlineno <= f.body[0].lineno]
        for function in functions:
            found += [(path, *pair) for pair in _teacher_pairs(function)]
        if found:
            break
    return found[0] if len(found) == 1 else None


def _teacher_pairs(function: ast.FunctionDef) -> list:
    """(input slice node, sequence text, input name, target name) for ``a = s[..., :]`` beside ``b = s[..., 1:]``."""
    bound = [(n.targets[0].id, n.value) for n in ast.walk(function) if isinstance(n, ast.Assign)
             and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) and isinstance(n.value, ast.Subscript)]
    pairs = []
    for name, value in bound:
        lead, last = _split(value)
        if last is None or not (last.lower is None and last.upper is None and last.step is None):
            continue
        for other, target in bound:
            t_lead, t_last = _split(target)
            if other == name or t_last is None or t_lead != lead or ast.unparse(target.value) != ast.unparse(value.value):
                continue
            if isinstance(t_last.lower, ast.Constant) and t_last.lower.value == 1 and t_last.upper is None \
                    and last.lineno == last.end_lineno:
                pairs.append((last, ast.unparse(value.value), name, other))
    return pairs


def _split(node: ast.Subscript):
    """(the dump of the leading indices, the last slice) of ``s[a, b, c:d]``; (None, None) otherwise."""
    elts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    if not elts or not isinstance(elts[-1], ast.Slice):
        return None, None
    return [ast.dump(e) for e in elts[:-1]], elts[-1]


def _aim_input(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, last, sequence, name, target = found
    if not linecache.getline(path, last.lineno).isascii():
        return finding
    edit = TextEdit(path, last.lineno, last.col_offset, last.lineno, last.end_col_offset, ":-1")
    fix = script_checked_fix(f"feed the decoder all but the last token: {name} ends with :-1", edit.shown(),
                             display_path(path), last.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("data", name, "data", path, last.lineno)
    finding.explanation = (
        f"Teacher forcing: `{target}` is `{sequence}` shifted by one, so each position predicts the next token, but "
        f"`{name}` keeps the whole sequence, one token more: the model makes one prediction more than there are "
        f"targets. Feed it all but the last token, the same length as the targets.")
    finding.fixes = [fix]
    return finding


def last_token_target(call: Any, prob: Any):
    """(culprit Place, fix, why) for a language model whose dataset map gives one next token per window
    as the labels (``lambda x: (x[:-1], x[-1])``) while the model predicts a token at every step: the
    labels must be the window shifted by one, ``x[1:]`` (Deep Learning with Python's mini-GPT).

    Evidence, read: the output has a step axis and a class axis, the labels neither (one id per
    sample); exactly one
    ``.map`` in the file returns ``(s[:-1], s[-1])`` (or ``s[:, :-1], s[:, -1]``)
    of one sequence ``s``, written on one line. The fix is proven by running the patched script. When a
    recurrent layer returns its sequences, that may be the slip instead: the culprit stays the model's and
    the shifted labels come second, (None, fix, why)."""
    from shapedoctor.diagnosis.training_base import flat_items
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    if prob.family != "SD202" or call.source != "dataset" or call.site is None or not call.site.file:
        return None
    outputs = list(getattr(call.model, "outputs", None) or [])
    labels = flat_items(call.y_shapes) if call.y_shapes is not None else []
    if len(outputs) != 1 or len(labels) != 1 or len(tuple(outputs[0].shape)) != len(labels[0]) + 2:
        return None
    # An RNN that returns every step may be the slip (one label per sequence is then right): the shifted labels
    # are then the other reading, offered after the model's fix (r1112, Hands-on ML 2's Char-RNN).
    alternative = _returns_sequences(call.model)
    file = call.site.file
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    found = [pair for pair in (_window_pair(n) for n in ast.walk(tree) if isinstance(n, ast.Lambda)) if pair]
    if len(found) != 1:
        return None
    sequence, target, batched = found[0]
    text = linecache.getline(file, target.lineno)
    if target.lineno != target.end_lineno or not text.isascii():
        return None
    new = f"{sequence}[:, 1:]" if batched else f"{sequence}[1:]"
    edit = TextEdit(file, target.lineno, target.col_offset, target.lineno, target.end_col_offset, new)
    shown = text[:target.col_offset] + new + text[target.end_col_offset:]
    fix = script_checked_fix(f"predict the next token at every step: the labels {new}", shown.strip(),
                             display_path(file), target.lineno, [edit], cost=1)
    place = Place("labels", "labels", "labels", display_path(file), target.lineno, text.strip())
    old = text[target.col_offset:target.end_col_offset]
    if alternative:
        return None, fix, (f"Or the model is meant to predict the next token at every step, as its recurrent layer "
                           f"returns every step: then the labels are the window shifted by one, `{new}` (line "
                           f"{target.lineno}), not its last token `{old}`.")
    why = (f"The model predicts a token at every step, {tuple(outputs[0].shape)}, but the dataset's map gives "
           f"one token per window as the labels (`{old}`, the last one): a causal language model learns the "
           f"next token at each position, so the labels are the window shifted by one, `{new}`, as long as "
           "the inputs.")
    return place, fix, why


def _returns_sequences(model: Any) -> bool:
    from shapedoctor.diagnosis.training_base import all_layers

    return any(getattr(layer, "return_sequences", False) or getattr(getattr(layer, "forward_layer", None),
                                                                    "return_sequences", False)
               for layer in all_layers(model))


def _window_pair(function: ast.Lambda):
    """(sequence name, the labels node, batched) when *function* returns ``(s[:-1], s[-1])`` (``batched``:
    ``(s[:, :-1], s[:, -1])``), else None."""
    body = function.body
    if not isinstance(body, ast.Tuple) or len(body.elts) != 2:
        return None
    inputs, target = body.elts
    short = _cut_short(inputs)
    if short is not None:
        return (short, target, True) if _last(target, short, batched=True) else None
    if (isinstance(inputs, ast.Subscript) and isinstance(inputs.value, ast.Name) and isinstance(inputs.slice, ast.Slice)
            and inputs.slice.lower is None and _minus_one(inputs.slice.upper)
            and _last(target, inputs.value.id, batched=False)):
        return inputs.value.id, target, False
    return None


def _last(node: Any, sequence: str, batched: bool) -> bool:
    """*node* is ``sequence[-1]`` (or ``sequence[:, -1]`` when *batched*)."""
    if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == sequence):
        return False
    index = node.slice
    if batched:
        return (isinstance(index, ast.Tuple) and len(index.elts) == 2 and isinstance(index.elts[0], ast.Slice)
                and _minus_one(index.elts[1]))
    return _minus_one(index)


def _minus_one(node: Any) -> bool:
    return (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant)
            and node.operand.value == 1)
