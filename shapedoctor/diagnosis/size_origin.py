"""Where a wrong size entered the data: a backward walk over the user's statements, read with the
values the caller's variables hold.

The array passed to ``fit``/``predict`` is often made from other arrays, and the size the model
refuses may have entered several statements earlier::

    probs = papers[:, 1:].mean(axis=0)            # 65 values: the label column came along
    instances = rng.binomial(1, probs, (n, 65))    # (n, 65): only carries the size on
    model.predict(instances)                       # the model reads 64 features

The statement that made ``instances`` did not introduce the 65: its input ``probs`` already held
it. The root cause is the first statement whose array inputs do **not** carry the wrong size while
its result does. :func:`introduced_line` walks back from the statement that assigned the argument:
when exactly one of its array inputs already has the wrong size on an axis other than the sample
axis, it follows that input to the statement that assigned it, and so on.

Two things are not followed. Raw data (an array loaded, generated or written as a literal, not
computed from other arrays of the caller): the first statement that derives the data from it is
where the selection belongs (``X = table`` keeping a CSV's index column; ``img = photo / 255`` of a
colour photo for a grayscale model). A 1-D array as long as the number of samples: it holds one
value per sample, not the features.

Only what the program itself shows is used: the caller's variables at the training call
(``TrainingCall.names``: references, nothing copied) and the statements of the caller's scope. An
input is read only when its value is the one the statement saw (no later statement reassigned it);
a statement that reads its own target (``x = x[:, 1:]``) ends the walk, since the value before it is
gone. Sizes of 0 and 1 are never followed (too common to be evidence).
"""

from __future__ import annotations

import ast
import dataclasses
import linecache
from typing import Any

DEPTH = 6  # statements followed at most


def wrong_size(want: tuple, got: tuple) -> int | None:
    """The one size of *got* that differs from the declared *want* on a non-sample axis of the same
    rank, when there is exactly one such axis and that size can be told apart (at least 2)."""
    if len(want) != len(got) or len(got) < 2:
        return None
    differ = [g for w, g in zip(want[1:], got[1:]) if w is not None and g is not None and w != g]
    if len(differ) != 1 or not isinstance(differ[0], int) or differ[0] < 2:
        return None
    return differ[0]


def _statement(file: str, line: int) -> ast.stmt | None:
    try:
        tree = ast.parse("".join(linecache.getlines(file)))
    except (SyntaxError, ValueError):
        return None
    found = [n for n in ast.walk(tree) if isinstance(n, (ast.Assign, ast.AnnAssign)) and n.lineno == line]
    return found[0] if len(found) == 1 else None


def _targets(stmt: ast.stmt) -> set[str]:
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
    return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}


def _read(stmt: ast.stmt) -> list[str]:
    value = getattr(stmt, "value", None)
    if value is None:
        return []
    seen: list[str] = []
    for node in ast.walk(value):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in seen:
            seen.append(node.id)
    return seen


def _carries(value: Any, size: int, samples: int | None) -> bool:
    shape = getattr(value, "shape", None)
    try:
        dims = tuple(int(d) for d in shape) if shape is not None else ()
    except (TypeError, ValueError):
        return False
    if len(dims) == 1:  # one value per feature (a per-column mean), unless it is one per sample
        return dims[0] == size and size != samples
    return size in dims[1:]


def _derived(stmt: ast.stmt, names: dict) -> bool:
    """True when *stmt* computes its array from other arrays of the caller (not raw data: a load, a
    literal, random numbers)."""
    return any(getattr(names.get(name), "shape", None) is not None for name in _read(stmt))


def introduced_line(site: Any, line: int | None, names: dict, size: int | None,
                    samples: int | None = None) -> int | None:
    """The line where *size* entered the array assigned on *line* (see the module docstring);
    *line* itself when no earlier statement can be shown to have brought it. *samples*: the number
    of samples of the data (a 1-D array that long holds one value per sample, not per feature)."""
    if site is None or line is None or size is None or not names:
        return line
    current = line
    for _ in range(DEPTH):
        stmt = _statement(site.file, current)
        if stmt is None:
            return current
        read = _read(stmt)
        if _targets(stmt) & set(read):
            return current  # x = x[:, 1:]: the value before this statement is gone
        earlier = _carrier_line(site, stmt.lineno, read, names, size, samples)
        if earlier is None:
            return current
        current = earlier
    return current


def _carrier_line(site: Any, line: int, read: list[str], names: dict, size: int, samples: int | None) -> int | None:
    """The line that made the one input (among the names *read* by the code on *line*) that already
    carries *size* and was itself derived from other arrays; None when there is no such single input."""
    from shapedoctor.repair.data_follows import made_at

    carriers = []
    for name in read:
        value = names.get(name)
        if value is None or not _carries(value, size, samples):
            continue
        made = made_at(dataclasses.replace(site, line=line), name)
        last = made_at(site, name)
        if made is None or last is None or made.line != last.line:
            return None  # reassigned after that line: not the value it saw
        carriers.append(made)
    if len({m.line for m in carriers}) != 1:
        return None
    if carriers[0].statement is None or not _derived(carriers[0].statement, names):
        return None  # raw data (loaded, generated): the first statement deriving from it is the place
    return carriers[0].line


def introduced_in_argument(site: Any, node: ast.expr | None, names: dict, size: int | None,
                           samples: int | None = None) -> int | None:
    """The line where *size* entered data passed as an expression (``model.predict(np.hstack([a, b]))``)
    rather than a name: the walk starts from the names the expression reads; None when it shows
    nothing earlier (the call's own line is then the place)."""
    if site is None or node is None or size is None or not names:
        return None
    read = [n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]
    earlier = _carrier_line(site, site.line, list(dict.fromkeys(read)), names, size, samples)
    return introduced_line(site, earlier, names, size, samples) if earlier is not None else None


def labels_wrong_size(call: Any, prob: Any) -> tuple[int | None, int | None]:
    """(the one size of the labels that differs from the model's output: same rank, one axis; the
    labels' number of samples), for the labels of output ``prob.output_index``; Nones otherwise."""
    from shapedoctor.diagnosis.training_base import flat_items, model_outputs

    outs = model_outputs(call.model)
    ys = flat_items(call.y_shapes) if call.y_shapes is not None else []
    index = prob.output_index
    if index >= len(outs) or index >= len(ys) or not outs[index] or not ys[index]:
        return None, None
    return wrong_size(tuple(outs[index]), tuple(ys[index])), ys[index][0]
