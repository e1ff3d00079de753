"""A size the model was built with, changed afterwards: the line that changed it.

jnolis/banned-license-plates (the maintainer's reply): a character model built with
``Input(shape=(max_length, num_chars))`` while ``max_length = 7`` was trained, then the generation
block set ``max_length = 6`` to get shorter plates, so every window it encodes is one step short and
``predict`` refuses it. The data is made right for the new value; the value is what changed. A
trained model keeps the sizes it was built with: the fix restores the value there (or retrains).

Evidence, all read: the data differs from the declared input on exactly one axis; the ``Input``
statement names a variable the script binds at its top level to that declared size before the
``Input`` and binds again, to the data's size, after it (and before the failing call). That later
line is the root cause; the fix writes the declared size there, proven by running the patched
script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree


def rebound_size(call: Any, prob: Any):
    """(culprit Place, fix, why) when the Input's size was rebound after the model was built (see the
    module), else None."""
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.sites import display_path

    if prob.family != "SD201" or prob.data_shapes is None or call.site is None or rec.CURRENT is None:
        return None
    want, got = prob.data_shapes
    if len(want) != len(got):
        return None
    differ = [(w, g) for w, g in zip(want[1:], got[1:]) if w is not None and g is not None and w != g]
    if len(differ) != 1:
        return None
    old, new = differ[0]
    inputs = list(getattr(call.model, "inputs", None) or [])
    index = getattr(prob, "output_index", 0) or 0
    if index >= len(inputs):
        return None
    site = rec.CURRENT.creation_site(inputs[index]._keras_history.operation)
    if site is None or not site.file:
        return None
    import os

    file = os.path.abspath(site.file)  # the site names it as the user did
    tree = source_tree(file)
    declared = next((s for s in tree.body if s.lineno <= site.line <= s.end_lineno), None)
    if declared is None:
        return None
    names = {n.id for n in ast.walk(declared) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    hits = []
    for name in names:
        binds = [s for s in tree.body if isinstance(s, ast.Assign) and len(s.targets) == 1
                 and isinstance(s.targets[0], ast.Name) and s.targets[0].id == name]
        before = [s for s in binds if s.lineno < declared.lineno]
        after = [s for s in binds if s.lineno > declared.end_lineno]
        if before and after and _literal(before[-1].value) == old and _literal(after[-1].value) == new:
            hits.append((name, after[-1]))
    if len(hits) != 1:
        return None
    name, statement = hits[0]
    value = statement.value
    text = linecache.getline(file, value.lineno)
    if value.lineno != value.end_lineno or not text.isascii():
        return None
    edit = TextEdit(file, value.lineno, value.col_offset, value.lineno, value.end_col_offset, str(old))
    shown = (text[:value.col_offset] + str(old) + text[value.end_col_offset:]).strip()
    fix = script_checked_fix(f"keep `{name}` at the {old} the model was built with: {name} = {old}", shown,
                             display_path(file), statement.lineno, [edit], cost=1)
    from shapedoctor.report.model import Place

    place = Place("data", name, "data", display_path(file), statement.lineno,
                  linecache.getline(file, statement.lineno).strip())
    why = (f"The model was built while `{name}` was {old}, and line {statement.lineno} sets it to {new} afterwards: "
           f"the data made with it no longer has the sizes the model was built with. Keep `{name}` at {old} (a "
           "trained model keeps its sizes), or retrain.")
    return place, fix, why


def _literal(node: ast.AST) -> Any:
    try:
        value = ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None
