"""SD104 merges of a vector and a sequence whose result is read as a sequence: repeat the vector.

``Concatenate()([vector, sequence])`` fails on the ranks. Two opposite fixes make the ranks meet:
reduce the sequence to a vector (``return_sequences=False``, pooling), or repeat the vector along
the steps (``RepeatVector(steps)``, the caption model's image branch). What the program does with
the merged tensor decides: when the layer it is passed to next reads sequences (a recurrent layer,
a 1-D convolution or pooling, ``TimeDistributed``, attention), the steps are wanted, so the vector
branch is the one missing a layer (its producer is the culprit, ``RepeatVector`` the fix) and the
reductions, which Keras would accept at the merge and refuse right after, are not offered.

The graph is recorded only up to the failing merge, so the next consumer is read from the source:
the statement that applies a layer to the name the merge's result was assigned to (or the layer
call the merge is written inside).
"""

from __future__ import annotations

SEQUENCE_READERS = frozenset(
    """LSTM GRU SimpleRNN RNN Bidirectional ConvLSTM1D Conv1D SeparableConv1D DepthwiseConv1D
    Conv1DTranspose MaxPooling1D AveragePooling1D GlobalAveragePooling1D GlobalMaxPooling1D
    TimeDistributed MultiHeadAttention Attention AdditiveAttention""".split()
)


def _layer_class(call) -> str | None:
    """``layers.LSTM(128)(x)``: the class name of the layer applied by *call*, else None."""
    import ast

    from shapedoctor.trace.sites import called_name

    func = call.func if isinstance(call, ast.Call) else None
    return called_name(func.func) if isinstance(func, ast.Call) else None


def next_layer_reads_sequences(ctx) -> bool:
    """The merge's result is passed next to a layer that reads sequences (see the module docstring)."""
    import ast

    from shapedoctor.trace.sites import source_tree_and_calls_at

    site = ctx.consumer.called
    if site is None or not site.file:
        return False
    tree, around = source_tree_and_calls_at(site)
    merge_calls = [n for n in around if isinstance(n.func, ast.Call)
                   and n.args and isinstance(n.args[0], (ast.List, ast.Tuple))]
    if not merge_calls:
        return False
    merge = min(merge_calls, key=lambda n: (n.end_lineno or n.lineno) - n.lineno)
    for outer in ast.walk(tree):  # the merge written inside a layer call: LSTM(...)(Concatenate()([...]))
        if isinstance(outer, ast.Call) and outer.args and outer.args[0] is merge:
            return _layer_class(outer) in SEQUENCE_READERS
    target = None
    for stmt in ast.walk(tree):
        if isinstance(stmt, ast.Assign) and stmt.value is merge and len(stmt.targets) == 1 \
                and isinstance(stmt.targets[0], ast.Name):
            target = stmt.targets[0].id
    if target is None:
        return False
    later = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno > (merge.end_lineno or merge.lineno)
                    and n.args and isinstance(n.args[0], ast.Name) and n.args[0].id == target
                    and _layer_class(n) is not None), key=lambda n: (n.lineno, n.col_offset))
    return bool(later) and _layer_class(later[0]) in SEQUENCE_READERS


def vector_to_repeat(ctx) -> int | None:
    """The index of the merge input that is a vector (batch, features) merged with a sequence
    (batch, steps, features) of known steps, when the merged result is read as a sequence; else None."""
    shapes = ctx.received
    if ctx.family != "SD104" or len(shapes) != 2 or any(s is None for s in shapes):
        return None
    ranks = [len(s) for s in shapes]
    if sorted(ranks) != [2, 3]:
        return None
    low = ranks.index(2)
    steps = shapes[1 - low][1]
    if steps is None or ctx.consumer_cls != "Concatenate":
        return None  # element-wise merges broadcast a vector against a sequence (a silent bug, SD205)
    return low if next_layer_reads_sequences(ctx) else None


def repeat_fixes(ctx, low: int):
    """``RepeatVector(steps)`` on the vector input, before the merge."""
    from shapedoctor.repair import generators as g

    steps = ctx.received[1 - low][1]
    yield g.insert(ctx, "RepeatVector", steps, why=f"repeat input {low} along the {steps} steps of the sequence",
                   cost=2, input_index=low)
