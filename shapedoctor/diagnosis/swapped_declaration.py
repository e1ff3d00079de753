"""An input declared with its named sizes in the wrong order: the declaration, not the data.

MachineLearningMastery's LSTM-reshaping tutorial stacks two series into ``(samples, n_steps, n_features)``
and reshapes a new sample to ``(1, n_steps, n_features)``; declared ``Input(shape=(n_features, n_steps))``
the model reads each step as 10 values where the data has 2 (r1068). Keras names the LSTM; the data is a
permutation of the declaration, so transposing the data also "fits", but it would feed features as
time steps. The answers swap the declaration.

Evidence, read: the data's sample shape is a reordering of the declared one, with sizes all distinct; the
declaration writes each size as a name (``(n_features, n_steps)``); and either the script writes those names
elsewhere in the data's order (``reshape((1, n_steps, n_features))``, ``input_shape=(n_steps, n_features)``
of another model), or the names say what each axis is and a recurrent layer reads (time steps, features):
a name of features written before a name of steps.
"""

from __future__ import annotations

import ast
import re
from typing import Any

_STEPS = re.compile(r"(step|time|len|window|lookback|look_back|seq|lag)", re.I)
_FEATURES = re.compile(r"(feature|feat|dim|channel|var|series|signal|input)", re.I)
_RECURRENT = ("LSTM", "GRU", "SimpleRNN", "Bidirectional", "ConvLSTM1D", "RNN")


def swapped_names(model: Any, layer: Any, want: tuple, got: tuple, data_line: int | None = None) -> str | None:
    """Why the declaration of *layer* has its named sizes in the wrong order (see the module), or None.
    *data_line*: the line that made the data, which is no evidence for its own order."""
    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.sites import source_tree_and_calls_at

    declared, given = tuple(want[1:]), tuple(got[1:])
    if len(declared) < 2 or len(declared) != len(given) or declared == given or sorted(map(str, declared)) != \
            sorted(map(str, given)) or None in declared or len(set(declared)) != len(declared):
        return None
    site = rec.CURRENT.creation_site(layer) if rec.CURRENT is not None and layer is not None else None
    if site is None or not site.file:
        return None
    tree, calls = source_tree_and_calls_at(site)
    written = [arg for c in calls for arg in [*c.args[:1], *(k.value for k in c.keywords
                                                             if k.arg in ("shape", "input_shape"))]
               if isinstance(arg, ast.Tuple) and len(arg.elts) == len(declared)]
    if len(written) != 1 or not all(isinstance(e, ast.Name) for e in written[0].elts):
        return None
    names = [e.id for e in written[0].elts]
    by_size = dict(zip(declared, names))
    in_data_order = [by_size[size] for size in given]
    elsewhere = _written_in_order(tree, in_data_order, exclude=written[0], data_line=data_line)
    if elsewhere is not None:
        return (f"The declaration writes ({', '.join(names)}); the script writes the same sizes as "
                f"({', '.join(in_data_order)}) on line {elsewhere}, the order of the data: the declaration swapped them.")
    kinds = [type(getattr(x, "forward_layer", x)).__name__ for x in getattr(model, "layers", [])[:1]]
    if len(names) == 2 and kinds and any(k in _RECURRENT for k in kinds + [type(model.layers[0]).__name__]) \
            and _FEATURES.search(names[0]) and not _STEPS.search(names[0]) and _STEPS.search(names[1]):
        return (f"The declaration writes ({', '.join(names)}), features before time steps; a recurrent layer reads "
                f"(time steps, features), and the data is laid out that way: the declaration swapped them.")
    return None


def _written_in_order(tree: ast.Module, names: list[str], exclude: ast.AST, data_line: int | None) -> int | None:
    """The line of a tuple, list or call arguments elsewhere in *tree* (not on *data_line*) that holds *names*
    one after the other."""
    for node in ast.walk(tree):
        if node is exclude or getattr(node, "lineno", None) == data_line:
            continue
        items = (node.elts if isinstance(node, (ast.Tuple, ast.List)) and isinstance(node.ctx, ast.Load)
                 else node.args if isinstance(node, ast.Call) else None)  # not `n_steps, n_features = ...`
        if not items:
            continue
        ids = [e.id if isinstance(e, ast.Name) else None for e in items]
        for start in range(len(ids) - len(names) + 1):
            if ids[start:start + len(names)] == names:
                return node.lineno
    return None
