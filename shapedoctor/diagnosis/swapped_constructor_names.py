"""A user-written layer made with its size arguments swapped, named after the parameters they missed.

Hands-On ML, chapter 16's Transformer (r632): ``PositionalEncoding(max_length, embed_size)`` builds a
(1, max_length, embed_size) table added to the embeddings; made as ``PositionalEncoding(embed_size,
max_length)``, the table is (1, 128, 50) and the addition in its ``call`` fails. Keras names the
layer's call and the Embedding before it; the cause is the constructor call.

Evidence, read, not guessed: the layer that refused (or the culprit layer) is an instance of a class
the user wrote, and its construction call passes, by position, plain names that are the names of the
constructor's own parameters, each at another parameter's position (a permutation of those
parameters). The fix passes them in the signature's order and is proven by running the patched
script.
"""

from __future__ import annotations

import ast
import inspect
import linecache
from typing import Any

from shapedoctor.report.model import Finding, Place


def swapped_constructor_names(exc: BaseException, finding: Finding, recorder: Any) -> Finding:
    try:
        return _reaimed(finding, recorder) or finding
    except Exception as err:  # noqa: BLE001 - a re-aim we cannot build leaves the finding as it was
        recorder.internal_errors.append(err)
        return finding


def _reaimed(finding: Finding, recorder: Any) -> Finding | None:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import is_user_file, source_tree_and_calls_at

    failure = getattr(recorder, "failure", None)
    if failure is None:
        return None
    layer = failure.call.layer
    cls = type(layer)
    init = getattr(cls.__init__, "__code__", None)  # the class's own __init__, written by the user
    source_file = init.co_filename if init is not None else None
    site = recorder.creation_site(layer)
    if not source_file or not is_user_file(source_file) or site is None or not site.file:
        return None
    params = [p.name for p in inspect.signature(cls.__init__).parameters.values()
              if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)][1:]
    _tree, calls = source_tree_and_calls_at(site)
    calls = [c for c in calls if isinstance(c.func, (ast.Name, ast.Attribute))
             and (c.func.id if isinstance(c.func, ast.Name) else c.func.attr) == cls.__name__]
    if len(calls) != 1:
        return None
    call = calls[0]
    given = [a.id if isinstance(a, ast.Name) else None for a in call.args]
    if len(given) < 2 or len(given) > len(params) or None in given:
        return None
    wanted = params[:len(given)]
    moved = [i for i, name in enumerate(given) if name != wanted[i]]
    if len(moved) < 2 or sorted(given[i] for i in moved) != sorted(wanted[i] for i in moved):
        return None  # not the same names in another order
    first, last = call.args[0], call.args[-1]
    if first.lineno != last.end_lineno:
        return None
    edit = TextEdit(site.file, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset, ", ".join(wanted))
    line = linecache.getline(site.file, call.lineno).strip()
    finding.culprit = Place("layer", getattr(layer, "name", None), cls.__name__, site.file, call.lineno, line)
    finding.explanation = (
        f"`{cls.__name__}` takes ({', '.join(params[:len(given)])}) in that order, and line {call.lineno} passes "
        f"({', '.join(given)}): the sizes are swapped, so the layer is made with each size where the other belongs, "
        f"and what it builds from them does not fit the {finding.received or 'input'} it is given.")
    finding.clear_culprit_marks()
    finding.fixes.insert(0, script_checked_fix(f"pass the arguments in {cls.__name__}'s order", edit.shown(),
                                               site.file, call.lineno, [edit]))
    return finding
