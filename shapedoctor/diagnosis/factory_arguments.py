"""A loss built by a factory was given its sizes in another order than the layer that makes the output.

The mixture-density example builds its loss with ``get_mixture_loss_func(output_dim, num_mixes)``
and its output layer with ``MixtureDensityOutput(OUTPUT_DIMS, N_MIXES)``. Called as
``get_mixture_loss_func(N_MIXES, OUTPUT_DIMS)``, the loss reshapes the predictions for the wrong
sizes and fails inside its own code at ``fit``, where no layer is to blame. The two calls read the
same names, in two orders: the factory call is the root cause, and its arguments in the layer's
order the fix.

Evidence, read, not guessed: the error was raised in the user's own function (a loss, a metric)
that is a closure made by another of the user's functions (the factory); the one call of that
factory passes two or more distinct plain names; exactly one other call of the script (a layer's
constructor) passes the same names, all of them, in another order. The reordered call is checked
by running the patched script (``needs_proof``).
"""

from __future__ import annotations

import ast
import linecache
import traceback
from typing import Any
from shapedoctor.trace.sites import source_tree


def swapped_factory_arguments(exc: BaseException, finding: Any, recorder: Any = None) -> Any:
    """*finding* aimed at the factory call with its arguments reordered (see the module), or *finding*."""
    try:
        found = _found(exc, recorder)
    except Exception:  # noqa: BLE001 - evidence only: any surprise keeps the text's reading
        return finding
    if found is None:
        return finding
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, call, other, order = found
    if finding is None:  # an op's error text no rule reads: the evidence above is the finding
        from shapedoctor.report.model import Finding

        finding = Finding("SD108", "shape-error", "error", f"the loss raised a shape error: {_first_line(exc)}",
                          keras_message=_first_line(exc))
    text = linecache.getline(file, call.lineno)
    args = call.args
    names = [a.id for a in args]
    new_args = ", ".join(names[i] for i in order)
    start, end = args[0].col_offset, args[-1].end_col_offset
    new_line = text[:start] + new_args + text[end:]
    fix = script_checked_fix(f"pass the sizes in the order `{other}` takes them: {_called(call)}({new_args})",
                             new_line.strip(), display_path(file), call.lineno,
                             [TextEdit(file, call.lineno, start, call.lineno, end, new_args)], cost=1)
    finding.culprit = Place("loss", None, _called(call), display_path(file), call.lineno, text.strip())
    finding.fixes = [fix]  # the text's own reading (reshape the data) is about the op, not the cause
    finding.explanation = (f"The error was raised inside the function `{_called(call)}` built, which reads its "
                           f"sizes from the arguments `{', '.join(names)}`; `{other}` takes the same names as "
                           f"`{new_args}`. The factory was given them in another order, so it works with the other "
                           "one's sizes. (It raised outside any layer, while the training step ran: the fix is "
                           "checked by running the patched script.)")
    return finding


def _called(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "?")


def _raising_code(exc: BaseException, recorder: Any):
    """The code of the user's function that raised: its innermost frame, or (an op that failed when the
    compiled training step ran, with no Python frame of the loss) the loss of the training call that
    raised, when the user wrote it."""
    from shapedoctor.trace.sites import is_user_file

    frames = [frame for frame, _line in traceback.walk_tb(exc.__traceback__) if is_user_file(frame.f_code.co_filename)]
    if frames and frames[-1].f_code.co_freevars:
        return frames[-1].f_code
    call = next((c for c in reversed(getattr(recorder, "training_calls", None) or []) if c.error is exc), None)
    code = getattr(getattr(call, "loss", None), "__code__", None)
    return code if code is not None and is_user_file(code.co_filename) else None


def _found(exc: BaseException, recorder: Any):
    """(file, the factory call, the other call's name, the new order) or None."""
    code = _raising_code(exc, recorder)
    if code is None or not code.co_freevars:
        return None  # not a closure: no factory made it
    file = code.co_filename
    try:
        tree = source_tree(file)
    except (SyntaxError, ValueError):
        return None
    factory = next((f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
                    and any(isinstance(g, ast.FunctionDef) and g.name == code.co_name and g.lineno == code.co_firstlineno
                            for g in f.body)), None)
    if factory is None:
        return None
    calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
             and c.func.id == factory.name]
    if len(calls) != 1:
        return None
    call = calls[0]
    names = [a.id for a in call.args if isinstance(a, ast.Name)]
    if len(names) < 2 or len(names) != len(call.args) or call.keywords or len(set(names)) != len(names) \
            or call.lineno != call.end_lineno:
        return None
    others = []
    for c in ast.walk(tree):
        if c is call or not isinstance(c, ast.Call):
            continue
        given = [a.id for a in c.args if isinstance(a, ast.Name)]
        if len(given) == len(c.args) and sorted(given) == sorted(names) and given != names:
            others.append((c, given))
    if len(others) != 1:
        return None
    other, given = others[0]
    order = [names.index(n) for n in given]
    return file, call, _called(other), order


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__
