"""Images decoded with their file's own channels where the model takes another number.

imfing/keras-flask-deploy-webapp #23 (r642): a model trained on RGB images is given an uploaded PNG with
transparency. ``tf.io.decode_png(data)`` keeps the file's 4 channels (RGBA), the resize and the batch
axis keep them, and ``predict`` refuses (1, 28, 28, 4) for a (None, 28, 28, 3) input. The cause is the
decode: ``channels=3`` makes every file RGB (as ``convert('RGB')`` does in PIL).

Evidence, read: the data given to the call differs from the model's input in the last axis only; the
name passed is followed back through the one-line assignments of its scope (``x = expand_dims(img)``,
``img = resize(img)``) and the one return of each helper of the file called there (also inside a dataset's
``map(lambda p, y: (load_image(p), y))``) to a ``tf.io.decode_png`` / ``decode_jpeg`` / ``decode_image`` call without
``channels`` or with another number. That line is the cause, and the fix sets ``channels`` to the
model's, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

from shapedoctor.report.model import Finding, Place
from shapedoctor.trace.sites import source_tree

_DECODERS = ("decode_png", "decode_jpeg", "decode_image", "decode_bmp")


def decoded_channels(exc: BaseException, finding: Finding, recorder: Any) -> Finding:
    if finding is None or finding.id not in ("SD201", "SD102"):
        return finding
    try:
        return _reaimed(finding, recorder) or finding
    except Exception as err:  # noqa: BLE001 - a re-aim we cannot build leaves the finding as it was
        recorder.internal_errors.append(err)
        return finding


def _reaimed(finding: Finding, recorder: Any) -> Finding | None:
    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit

    calls = list(getattr(recorder, "training_calls", []) or [])
    call = calls[-1] if calls and calls[-1].error is not None else None
    inputs = list(getattr(getattr(call, "model", None), "inputs", None) or [])
    got = call.x_shapes if call is not None and isinstance(call.x_shapes, tuple) else None
    if call is None or call.site is None or len(inputs) != 1 or got is None or not got or isinstance(got[0], tuple):
        return None
    want = tuple(inputs[0].shape)
    if len(got) != len(want) or tuple(got[1:-1]) != tuple(want[1:-1]) or want[-1] is None or got[-1] == want[-1]:
        return None
    arg = argument_node(call.site, 0, "x")
    file = call.site.file
    try:
        tree = source_tree(file)
    except (SyntaxError, ValueError):
        return None
    decode = _decoder_behind(tree, arg, call.site.line)
    if decode is None:
        return None
    given = next((k for k in decode.keywords if k.arg == "channels"), None)
    if given is not None:
        edit = TextEdit.replacing(file, given.value, str(want[-1]))
    elif len(decode.args) == 1 and decode.lineno == decode.end_lineno:
        end = decode.end_col_offset - 1
        edit = TextEdit(file, decode.lineno, end, decode.lineno, end, f", channels={want[-1]}")
    else:
        return None
    code = linecache.getline(file, decode.lineno).strip()
    finding.culprit = Place("data", None, "data", file, decode.lineno, code)
    finding.clear_culprit_marks()
    finding.explanation = (
        f"The model takes {want[-1]} channels and the data has {got[-1]}: line {decode.lineno} decodes the image "
        f"with the file's own channels ({got[-1]}: {'RGBA, with transparency' if got[-1] == 4 else 'as stored'}). "
        f"Ask the decoder for {want[-1]}, so every file comes out the way the model was trained. "
        + (finding.explanation or ""))
    finding.fixes.insert(0, script_checked_fix(f"decode every image with {want[-1]} channels", edit.shown(), file,
                                               decode.lineno, [edit]))
    return finding


def _decoder_behind(tree: ast.Module, arg: ast.expr | None, line: int) -> ast.Call | None:
    """The decode call the names of *arg* come from, through one-line assignments of their scope and the
    one ``return`` of a function of the file that made them (``batch = prepare(photo)``)."""
    from shapedoctor.diagnosis.data_origin import enclosing_scope, last_assignment, one_return
    from shapedoctor.trace.sites import called_name

    functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    scope = enclosing_scope(tree, line)
    todo = [(n.id, line, scope) for n in ast.walk(arg) if isinstance(n, ast.Name)] if arg is not None else []
    seen = set()
    while todo and len(seen) < 16:
        name, before, where = todo.pop()
        if (name, before) in seen:
            continue
        seen.add((name, before))
        stmt = last_assignment(where, name, before)
        if stmt is None:
            continue
        found = [c for c in ast.walk(stmt.value) if isinstance(c, ast.Call) and called_name(c.func) in _DECODERS]
        if len(found) == 1:
            return found[0]
        value = stmt.value
        # every helper of the file called there, directly or inside a lambda (ds.map(lambda p, y: (load(p), y)))
        for helper_call in (c for c in ast.walk(value) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
                            and c.func.id in functions):
            returned = one_return(tree, helper_call.func.id)
            if returned is not None:
                decoded = [c for c in ast.walk(returned.value) if isinstance(c, ast.Call)
                           and called_name(c.func) in _DECODERS]
                if len(decoded) == 1:  # return tf.cast(tf.image.decode_png(data), tf.float32) / 255.0
                    return decoded[0]
                helper = functions[helper_call.func.id]
                todo += [(n.id, returned.lineno, helper) for n in ast.walk(returned.value) if isinstance(n, ast.Name)]
        todo += [(n.id, stmt.lineno, where) for n in ast.walk(value) if isinstance(n, ast.Name)]
    return None
