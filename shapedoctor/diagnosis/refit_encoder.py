"""New data encoded by an encoder fit on that data: the training encoder is the one to use.

A bag-of-words model is declared as wide as the training vocabulary. Scoring a new review with a
vectorizer made and fit again on that review (``encoder = TextVectorization(...)``, ``encoder.adapt([review])``,
MachineLearningMastery's sentiment tutorial, r1039) or with ``vectorizer.fit_transform(new_texts)`` where the
training used the same vectorizer's ``fit_transform(train_texts)`` encodes the text over a vocabulary of its
own: ``(1, 9)`` for a model of ``(None, 39)``. Keras names the input layer; the cause is the line that encoded
the new data, and the answers encode it with the encoder fit on the training data.

Evidence, read: ``predict``/``evaluate`` got data whose last axis differs from the declared input's; the data is
a name made on one line by calling an encoder object (``enc(...)``, ``enc.transform(...)``,
``enc.fit_transform(...)``, ``enc.texts_to_matrix(...)``); the training data of the same model was made the same
way on one line, by an encoder object built by the same class (``TextVectorization``, ``CountVectorizer``...).
When the new data's encoder is another object of that class, the fix names the training encoder; when it is
the same object refit (``fit_transform``), the fix only transforms. Proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

_METHODS = ("transform", "fit_transform", "texts_to_matrix", "texts_to_sequences")


def refit_encoder(call: Any, prob: Any):
    """(culprit Place, fix, why, True) when new data was encoded by an encoder fit anew (see the module), else None."""
    from shapedoctor.diagnosis.data_origin import enclosing_scope, last_assignment
    from shapedoctor.diagnosis.training_fixes import argument_node
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit, apply_edits
    from shapedoctor.report.model import Place
    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.sites import display_path, source_tree

    if call.method not in ("predict", "evaluate", "predict_on_batch", "test_on_batch") or prob.data_shapes is None:
        return None
    want, got = (tuple(s) for s in prob.data_shapes)
    if len(want) != len(got) or want[-1] == got[-1] or call.site is None or not call.site.file:
        return None
    trained = [c for c in getattr(rec.CURRENT, "training_calls", None) or []
               if c.model is call.model and c.method in ("fit", "train_on_batch") and c.error is None
               and c.site is not None and c.site.file == call.site.file]
    if not trained:
        return None
    file = call.site.file
    tree = source_tree(file)

    def encoded(site: Any) -> tuple[ast.Assign, ast.Name, str] | None:
        arg = argument_node(site, 0, "x")
        if not isinstance(arg, ast.Name):
            return None
        stmt = last_assignment(enclosing_scope(tree, site.line), arg.id, site.line)
        used = [_encoder_use(node) for node in ast.walk(stmt.value)] if stmt is not None else []
        used = [u for u in used if u is not None]
        return (stmt, *used[0]) if len(used) == 1 else None

    new, old = encoded(call.site), encoded(trained[-1].site)
    if new is None or old is None:
        return None
    stmt, encoder, method = new
    _old_stmt, trained_encoder, _old_method = old
    if encoder.id != trained_encoder.id:
        if _made_by(tree, encoder.id, stmt.lineno) != _made_by(tree, trained_encoder.id, stmt.lineno) \
                or _made_by(tree, encoder.id, stmt.lineno) is None:
            return None
        edits = [TextEdit.replacing(file, encoder, trained_encoder.id)]
        how = f"encode it with `{trained_encoder.id}`, the encoder fit on the training data"
    elif method == "fit_transform":
        attribute = next(n for n in ast.walk(stmt.value) if isinstance(n, ast.Attribute) and n.value is encoder)
        start = attribute.end_col_offset - len("fit_transform")
        edits = [TextEdit(file, attribute.lineno, start, attribute.lineno, attribute.end_col_offset, "transform")]
        how = f"transform it with `{encoder.id}` as fit on the training data: .transform, not .fit_transform"
    else:
        return None
    if not linecache.getline(file, stmt.lineno).isascii() or stmt.lineno != stmt.end_lineno:
        return None
    patched = apply_edits("".join(linecache.getlines(file)), edits).splitlines()
    fix = script_checked_fix(how, patched[stmt.lineno - 1].strip(), display_path(file), stmt.lineno, edits, cost=1)
    name = stmt.targets[0].id
    place = Place("data", name, "data", display_path(file), stmt.lineno, linecache.getline(file, stmt.lineno).strip())
    why = (f"`{name}` is encoded by `{encoder.id}`"
           + (" fit again on the new data" if encoder.id == trained_encoder.id else
              f", another encoder than the `{trained_encoder.id}` that encoded the training data")
           + f": it gets {got[-1]} columns, one per item of its own vocabulary, where the model was trained on the "
             f"{want[-1]} of the training vocabulary. New data must be encoded by the encoder fit on the training data.")
    return place, fix, why, True


def _encoder_use(node: ast.AST) -> tuple[ast.Name, str] | None:
    """(the encoder's name, how it is used: "call" or the method) for ``enc(...)`` / ``enc.transform(...)``."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    if isinstance(func, ast.Name):
        return (func, "call")
    if isinstance(func, ast.Attribute) and func.attr in _METHODS and isinstance(func.value, ast.Name):
        return (func.value, func.attr)
    return None


def _made_by(tree: ast.Module, name: str, before: int) -> str | None:
    """The class name of the one call that binds *name* above line *before* anywhere in *tree*
    (``encoder = layers.TextVectorization(...)``: "TextVectorization"), or None: a plain function
    (``np.array``) is bound by no such statement."""
    from shapedoctor.trace.sites import called_name

    made = {called_name(n.value.func) for n in ast.walk(tree) if isinstance(n, ast.Assign) and len(n.targets) == 1
            and isinstance(n.targets[0], ast.Name) and n.targets[0].id == name and n.lineno < before
            and isinstance(n.value, ast.Call)}
    return made.pop() if len(made) == 1 and None not in made else None
