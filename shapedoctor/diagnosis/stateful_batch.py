"""A stateful RNN called on batches of another size than the one it was built for.

A stateful layer keeps one state per row of the batch, so the model is built for one batch size
(``Input(batch_shape=(BATCH, steps, features))``). ``fit(..., batch_size=BATCH)`` respects it, but
``predict(test_in)`` cuts the data into batches of its default, 32 (20 windows make one batch of 20),
and the GRU refuses: "If an RNN is stateful, the batch size of the input sequences must be the same
as the batch size of the initial state" (r663, seya#14). The call is the root cause; the fix passes
the batch size the model was built with, spelled the way the script spells it (``batch_size=BATCH``).

Evidence, read and recorded: Keras's message names the two batch sizes; the failing training call's
model fixes one batch size on every input, the one the message expects; the call passes another
``batch_size`` or none. The fix is proven by running the patched script (a sample count the batch
size does not divide still fails on its last batch, and the proof says so).

The same call written again on the same model (``trainPredict = model.predict(trainX)``, then
``testPredict = model.predict(testX)``: r1034, the MLM airline tutorial) fails the same way once the first
is fixed: the fix passes the batch size to each call of that method on that model written without it.

The same slip without a stateful layer: an ANFIS rule layer saves ``input_shape[0]`` in ``build`` and
reshapes with it, so the model only takes batches of the ``Input(batch_size=16)`` it declares; ``predict``
in batches of 32 fails inside the layer, "[16,36], [32,9]" (r774, AnfisTensorflow2.0#7). Evidence: the two
operands' first axes are the model's fixed batch size and another.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

_BATCH_KEYWORDS = ("batch_shape", "batch_input_shape", "batch_size")


def stateful_batch(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* with the model's batch size passed to the failing call (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.diagnosis.training_stateful import fixed_batch
    from shapedoctor.messages import parse
    from shapedoctor.trace.sites import source_tree

    facts = parse(str(exc))
    sizes = (facts.details or {}).get("stateful_batch") if facts is not None else None
    calls = getattr(recorder, "training_calls", None) or []
    call = calls[-1] if calls else None
    stateful = sizes is not None
    fixed = fixed_batch(call.model) if call is not None else None
    if sizes is None and facts is not None and len(facts.shapes) == 2:
        sizes = _batch_sizes_met(facts.shapes, fixed)
    if sizes is None or call is None or call.site is None or call.error is None or fixed != sizes[0]:
        return None
    size = sizes[0]
    path = call.site.file
    tree = source_tree(path)
    node = next((c for c in ast.walk(tree) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
                 and c.func.attr == call.method and c.lineno <= call.site.line <= c.end_lineno), None)
    if node is None or not all(text.isascii() for text in linecache.getlines(path)[node.lineno - 1:node.end_lineno]):
        return None
    given = next((k for k in node.keywords if k.arg == "batch_size"), None)
    if given is not None and isinstance(given.value, ast.Constant) and given.value.value == size:
        return None
    return path, node, given, _spelling(tree, size), size, stateful, tree


def _written_again(tree: ast.AST, path: str, node: ast.Call, size: int) -> list[tuple[ast.Call, ast.keyword | None]]:
    """The other calls of the failing method on the same model (the same receiver, spelled alike) in the
    file, each with its ``batch_size`` keyword, that pass no batch size or another number than *size*."""
    receiver = ast.unparse(node.func.value)
    found = []
    for call in ast.walk(tree):
        if (call is node or not isinstance(call, ast.Call) or not isinstance(call.func, ast.Attribute)
                or call.func.attr != node.func.attr or ast.unparse(call.func.value) != receiver):
            continue
        keyword = next((k for k in call.keywords if k.arg == "batch_size"), None)
        if any(k.arg is None for k in call.keywords) or (keyword is not None and not isinstance(keyword.value, ast.Constant)):
            continue  # **options, or a batch size the script computes: not the same slip
        lines = linecache.getlines(path)[call.lineno - 1:call.end_lineno]
        if (keyword is None or keyword.value.value != size) and all(text.isascii() for text in lines):
            found.append((call, keyword))
    return sorted(found, key=lambda pair: (pair[0].lineno, pair[0].col_offset))


def _batch_sizes_met(shapes: list, fixed: int | None) -> tuple | None:
    """(fixed, other) when an op inside the model met the batch size the model fixes and another one on the
    first axis of its two operands (a layer that saved ``input_shape[0]`` in ``build``: ``[16,36], [32,9]``)."""
    from shapedoctor.messages.shapes import parse_shape

    firsts = [(parse_shape(s) or (None,))[0] for s in shapes]
    if fixed is None or fixed not in firsts or not all(isinstance(f, int) for f in firsts) or len(set(firsts)) != 2:
        return None
    return fixed, next(f for f in firsts if f != fixed)


def _spelling(tree: ast.AST, size: int) -> str:
    """How the script names *size* where it sets a batch (``BATCH`` in ``batch_shape=(BATCH, 6, 1)``): a module
    constant of that value read in a batch keyword, else the number."""
    from shapedoctor.trace.sites import constant_statements

    constants = {name for name, s in constant_statements(tree).items() if s.value.value == size}
    for keyword in (k for k in ast.walk(tree) if isinstance(k, ast.keyword) and k.arg in _BATCH_KEYWORDS):
        value = keyword.value
        first = value.elts[0] if isinstance(value, (ast.Tuple, ast.List)) and value.elts else value
        if isinstance(first, ast.Name) and first.id in constants:
            return first.id
    return str(size)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit, apply_edits
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, node, given, spelled, size, stateful, tree = found
    calls = [(node, given), *_written_again(tree, path, node, size)]
    edits = []
    for call, keyword in calls:
        if keyword is not None:
            edits.append(TextEdit.replacing(path, keyword.value, spelled))
        else:
            end = call.end_col_offset - 1
            edits.append(TextEdit(path, call.end_lineno, end, call.end_lineno, end, f", batch_size={spelled}"))
    patched = apply_edits("".join(linecache.getlines(path)), edits).splitlines()
    shown = "\n".join(" ".join(text.strip() for text in patched[call.lineno - 1:call.end_lineno]) for call, _ in calls)
    method = node.func.attr
    what = "stateful model" if stateful else "model"
    again = f", on each of the {len(calls)} `{method}` calls of that model" if len(calls) > 1 else ""
    fix = script_checked_fix(f"{method} in the batches the {what} was built for: batch_size={spelled}{again}",
                             shown, display_path(path), node.lineno, edits, cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place("data", None, "data", display_path(path), node.lineno,
                            linecache.getline(path, node.lineno).strip())
    finding.message = f"`{method}` feeds a {what} batches of another size than the {size} it was built for"
    why = ("A stateful recurrent layer keeps one state per row of the batch" if stateful else
           f"The model's input fixes the batch size at {size} and a layer computes with that size")
    finding.explanation = (
        f"{why}, so the model is built for batches of exactly {size} samples. `{method}` cuts the data into "
        f"batches of its own `batch_size` (32 when none is given, or all the samples when there are fewer), not {size}. Pass the batch size the model was built "
        f"with, `batch_size={spelled}` (and a number of samples it divides).")
    finding.fixes = [fix]
    return finding
