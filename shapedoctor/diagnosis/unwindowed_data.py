"""New data given to a model without the preparing function its training data went through.

keras-io's time-series anomaly detection trains on ``x_train = create_sequences(df_training_value.values)``,
windows of the normalised series, and cuts the test series the same way before ``predict``. Given the
normalised test series itself, (1200, 1), the model built for (48, 1) windows refuses it (r809). Keras
names the data; the fix is the function the training data went through.

Evidence, recorded and read: the failing ``predict``/``evaluate`` gets a name whose array has exactly the
shape of the argument that a function of the user's own turned into the training data (``x_train =
make_windows(train_norm)``, possibly followed by ``.astype(...)``), and the model took that training data
without complaint. The new data skipped that function: the fix rebinds it through that function on a line
before the call, ``test_norm = make_windows(test_norm)`` (the lines after the call then read the same
windows), proven by running the patched script.

The same with a transpose: the C3D video demo (r1010) lays its training clips out as the model wants,
``train_clips = np.transpose(train_clips, (0, 2, 3, 1, 4))`` (frames after height and width), and predicts
on windows of frames stacked frames-first. When the new data, permuted the same way, has exactly the
training data's shape, the fix rebinds it through the same transpose before the call, proven.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def unwindowed_data(call: Any, prob: Any):
    """(culprit Place, fix, why, True) when new data skipped the function that made the training data (see
    the module), else None."""
    from shapedoctor.diagnosis.training_fixes import argument_name, argument_node
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.sites import display_path, source_tree

    if call.method not in ("predict", "evaluate") or call.site is None or not call.site.file or rec.CURRENT is None:
        return None
    new = argument_node(call.site, 0, "x")
    if not isinstance(new, ast.Name) or new.lineno != new.end_lineno:
        return None
    fits = [c for c in rec.CURRENT.training_calls if c.method == "fit" and c.model is call.model and c.error is None
            and c.site is not None and c.site.file == call.site.file]
    trained = argument_name(fits[-1].site, 0, "x") if fits else None
    if trained is None:
        return None
    path = call.site.file
    tree = source_tree(path)
    user_functions = {f.name for f in tree.body if isinstance(f, ast.FunctionDef)}
    made = [s.value for s in tree.body if isinstance(s, ast.Assign) and len(s.targets) == 1
            and isinstance(s.targets[0], ast.Name) and s.targets[0].id == trained and s.lineno < fits[-1].site.line]
    prepared = _prepared_by(made[-1], user_functions) if made else None
    if prepared is None:
        return _transposed_like_training(call, new, trained, made, path)
    function, source = prepared
    scope = call.names
    held, given = getattr(scope.get(source), "shape", None), getattr(scope.get(new.id), "shape", None)
    if held is None or given is None or tuple(held) != tuple(given):
        return None
    # rebound on a line of its own before the call, so that the lines after it (comparing the reconstruction
    # with the data) read the prepared data too
    text = linecache.getline(path, call.site.line)
    statement = f"{new.id} = {function}({new.id})"
    edit = TextEdit.insert_line(path, call.site.line, text[:len(text) - len(text.lstrip())] + statement)
    fix = script_checked_fix(f"prepare the new data as the training data was: {function}({new.id})", statement,
                             display_path(path), call.site.line, [edit], cost=1)
    place = Place("data", new.id, "data", display_path(path), new.lineno, linecache.getline(path, new.lineno).strip())
    why = (f"The model was trained on `{trained}`, made by `{function}({source})`; `{new.id}` has the shape of "
           f"`{source}`, {tuple(given)}, the data before `{function}`. Pass it through `{function}` too.")
    return place, fix, why, True


def _transposed_like_training(call: Any, new: ast.Name, trained: str, made: list, path: str):
    """(culprit, fix, why, True) when the training data was rebound through ``np.transpose(X, PERM)`` and the new
    data, permuted by PERM, has the training data's shape (see the module), else None."""
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    step = next((v for v in reversed(made) if isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute)
                 and v.func.attr == "transpose" and len(v.args) == 2 and isinstance(v.args[0], ast.Name)
                 and v.args[0].id == trained and isinstance(v.args[1], (ast.Tuple, ast.List))), None)
    if step is None:
        return None
    try:
        perm = [ast.literal_eval(e) for e in step.args[1].elts]
    except ValueError:
        return None
    held, given = getattr(call.names.get(trained), "shape", None), getattr(call.names.get(new.id), "shape", None)
    if held is None or given is None or len(given) != len(perm) or sorted(perm) != list(range(len(perm))) \
            or perm[0] != 0 or tuple(given) == tuple(held):
        return None
    if tuple(given[i] for i in perm)[1:] != tuple(held)[1:]:
        return None
    text = linecache.getline(path, call.site.line)
    statement = f"{new.id} = {ast.unparse(step.func)}({new.id}, {ast.unparse(step.args[1])})"
    edit = TextEdit.insert_line(path, call.site.line, text[:len(text) - len(text.lstrip())] + statement)
    fix = script_checked_fix(f"lay the new data out as the training data was: {statement.split(' = ', 1)[1]}",
                             statement, display_path(path), call.site.line, [edit], cost=1)
    from shapedoctor.diagnosis.data_origin import enclosing_scope, last_assignment
    from shapedoctor.trace.sites import source_tree

    bound = last_assignment(enclosing_scope(source_tree(path), call.site.line), new.id, call.site.line)
    line = bound.lineno if bound is not None else new.lineno  # where the new data was last made
    place = Place("data", new.id, "data", display_path(path), line, linecache.getline(path, line).strip())
    why = (f"The model was trained on `{trained}` after `{ast.unparse(step)}` laid its axes out as the model "
           f"wants; `{new.id}`, {tuple(given)}, has those axes in the order before that transpose. Transpose it "
           "the same way.")
    return place, fix, why, True


def _prepared_by(value: ast.expr, user_functions: set) -> tuple[str, str] | None:
    """(function, argument name) of ``F(A)`` or ``F(A).astype(...)``, F one of the script's functions."""
    while isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "astype":
        value = value.func.value
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in user_functions \
            and value.args and isinstance(value.args[0], ast.Name):
        return value.func.id, value.args[0].id
    return None
