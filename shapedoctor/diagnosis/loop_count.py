"""An output axis made of one layer per loop step, with the loop counting the wrong number.

ankandrew/fast-plate-ocr (the maintainer's reply): a plate reader builds one softmax head per character
slot, ``[Dense(vocab)(x) for i in range(7)]``, concatenates them and reshapes to (slots, vocab); for
11-character plates the labels are (11, vocab) and the model needs 11 heads. The axis that differs
from the labels is the number of layers that one line creates in a loop, and that line is the root
cause: its ``range(...)`` must count the labels' size.

Evidence, all read: output and labels differ on exactly one axis (the batch aside), output size k,
labels size m; exactly one line of the user's file created exactly k layers while the program
recorded, all called on the same tensor (parallel heads, not a stack), and that line holds one ``range(k)`` (a literal, or a name bound to k). The fix counts m
there, with the name the script binds once to m when there is one, proven by running the patched
script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def loop_count(call: Any, prob: Any):
    """(culprit Place, fix, why) when the output's differing axis was made by a loop counting the
    wrong number (see the module), else None."""
    from shapedoctor.diagnosis.training_base import flat_items, model_outputs
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.sites import display_path, is_user_file

    if prob.family != "SD202" or rec.CURRENT is None or call.y_shapes is None:
        return None
    outs, ys = model_outputs(call.model), flat_items(call.y_shapes)
    index = prob.output_index or 0
    if index >= len(outs) or index >= len(ys) or ys[index] is None or len(outs[index]) != len(ys[index]):
        return None
    differ = [(o, y) for o, y in zip(outs[index][1:], ys[index][1:]) if o != y]
    if len(differ) != 1 or not all(isinstance(v, int) for v in differ[0]):
        return None
    k, m = differ[0]
    by_site: dict[tuple, list] = {}
    for layer in rec.CURRENT.created_layers():
        site = rec.CURRENT.creation_site(layer)
        if site is not None and is_user_file(site.file):
            by_site.setdefault((site.file, site.line), []).append(layer)
    sites = [key for key, made in by_site.items() if len(made) == k]
    if len(sites) != 1:
        return None
    file, line = sites[0]
    made = by_site[sites[0]]
    if len({id(layer.input) for layer in made}) != 1:
        return None  # parallel heads on one tensor, not a stack of layers one after another
    import os

    path = os.path.abspath(file)  # the site names it as the user did
    source = "".join(linecache.getlines(path))
    tree = ast.parse(source)
    ranges = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
              and c.func.id == "range" and c.lineno == line and len(c.args) == 1]
    if len(ranges) != 1:
        return None
    arg = ranges[0].args[0]
    bound = _top_level_ints(tree)
    value = arg.value if isinstance(arg, ast.Constant) else bound.get(arg.id) if isinstance(arg, ast.Name) else None
    if value != k or arg.lineno != arg.end_lineno:
        return None
    names = [name for name, v in bound.items() if v == m]
    new = names[0] if len(names) == 1 else str(m)
    text = linecache.getline(path, line)
    if not text.isascii():
        return None
    shown = (text[:arg.col_offset] + new + text[arg.end_col_offset:]).strip()
    fix = script_checked_fix(f"make the loop create {m} layers, one per label position: range({new})", shown,
                             display_path(path), line, [TextEdit(path, line, arg.col_offset, line, arg.end_col_offset,
                                                                 new)], cost=1)
    place = Place("layer", getattr(made[0], "name", None), type(made[0]).__name__, display_path(path), line, text.strip())
    why = (f"The output's axis of {k} is made of {k} layers created in a loop on line {line}, one per step; the labels "
           f"have {m} there, so the loop must make {m}.")
    return place, fix, why


def _top_level_ints(tree: ast.Module) -> dict[str, int]:
    """Names the module binds exactly once, at its top level, to an int literal."""
    from shapedoctor.diagnosis.data_origin import single_assignments

    return {name: s.value.value for name, s in single_assignments(tree).items()
            if isinstance(s.value, ast.Constant) and isinstance(s.value.value, int)
            and not isinstance(s.value.value, bool)}
