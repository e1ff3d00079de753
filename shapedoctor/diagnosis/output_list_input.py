"""A one-input model called on another model's whole list of outputs: ``decoder(encoder(inputs))``.

The Keras VAE example's encoder returns ``[z_mean, z_log_var, z]`` and its decoder takes one code; the
end-to-end model is ``decoder(encoder(inputs)[2])``. Written ``decoder(encoder(inputs))`` the decoder gets all
three, and Keras refuses the structure ("expects 1 input(s), but it received 3 input tensors", r1075).

Evidence, recorded and read: the failing line calls a model of one input on the call of another model
``outer(inner(...))``; the inner model has several outputs; exactly one of them is the one to hand on: the one
whose shape the outer model declares when only one has it, else the one its layer names as the sample
(``z``, ``*sampl*``: a VAE's sampled code), never a guess among equals. The fix indexes the inner call
there, proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any

_SAMPLE = re.compile(r"^(z|.*sampl.*|code)$", re.I)


def output_list_input(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at ``outer(inner(...))`` with the one output indexed (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _found(exc: BaseException):
    from shapedoctor.diagnosis.reaim import innermost_user_frame
    from shapedoctor.trace.sites import source_tree

    innermost = innermost_user_frame(exc) if "input(s)" in str(exc) else None
    if innermost is None:
        return None
    frame, line = innermost
    file = frame.f_code.co_filename
    calls = [c for c in ast.walk(source_tree(file)) if isinstance(c, ast.Call) and c.lineno <= line <= c.end_lineno
             and isinstance(c.func, ast.Name) and len(c.args) == 1 and isinstance(c.args[0], ast.Call)
             and isinstance(c.args[0].func, ast.Name)]
    if len(calls) != 1:
        return None
    outer_call = calls[0]
    scope = {**frame.f_globals, **frame.f_locals}
    outer, inner = scope.get(outer_call.func.id), scope.get(outer_call.args[0].func.id)
    try:
        declared = [tuple(t.shape) for t in outer.inputs]
        given = list(inner.outputs)
    except (AttributeError, ValueError, TypeError):
        return None
    if len(declared) != 1 or len(given) < 2:
        return None
    fitting = [i for i, t in enumerate(given) if tuple(t.shape)[1:] == declared[0][1:]]
    if len(fitting) > 1:
        named = [i for i in fitting if _SAMPLE.match(getattr(getattr(given[i], "_keras_history", None),
                                                             "operation", None).name or "")]
        fitting = named
    if len(fitting) != 1:
        return None
    return file, outer_call, fitting[0], inner, given


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, outer_call, index, inner, given = found
    arg = outer_call.args[0]
    if arg.end_lineno != arg.lineno or not linecache.getline(file, arg.lineno).isascii():
        return finding
    edit = TextEdit(file, arg.end_lineno, arg.end_col_offset, arg.end_lineno, arg.end_col_offset, f"[{index}]")
    chosen = given[index]._keras_history.operation.name
    fix = script_checked_fix(f"hand on only `{chosen}`, output {index} of `{inner.name}`: [{index}]", edit.shown(),
                             display_path(file), arg.lineno, [edit], cost=1)
    finding.culprit = Place.at_line("layer", inner.name, type(inner).__name__, file, outer_call.lineno)
    finding.fixes = [fix]
    names = ", ".join(f"`{t._keras_history.operation.name}`" for t in given)
    said = re.sub(r"\s*\(read from the error text:.*\)\s*$", "", finding.explanation or "", flags=re.S)
    finding.explanation = (f"`{inner.name}` returns {len(given)} tensors ({names}) and the model it is handed to takes "
                           f"one: output {index}, `{chosen}`, is the one it is made for. Index the call's result. "
                           + said)
    return finding
