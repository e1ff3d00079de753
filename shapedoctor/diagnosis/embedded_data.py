"""Data already turned into word vectors, fed to a model that embeds token ids itself.

A TextCNN (r639) takes ``Input(shape=(61,))`` token ids into ``Embedding(500, 300)``; the sentences
were already looked up in a word2vec table, ``train_data = w2v_table[token_ids]``, (96, 61, 300).
Keras says the input expected (None, 61) and got (16, 61, 300): one axis too many. The extra axis is
the Embedding's own work done in advance. The repository owner's fix feeds the ids and puts the
vectors into the Embedding layer instead.

Evidence, read and recorded: the data has one axis more than the model's one input; that input goes
straight into an ``Embedding`` whose ``output_dim`` is the data's last axis, and the data's other axes
are the input's. When the script made the data as ``vectors = table[ids]`` (the culprit line), the
fix feeds ``ids`` there and starts the Embedding from the table
(``embeddings_initializer=keras.initializers.Constant(table)``), proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import imported_names, source_tree


def embedded_data(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* explained as data embedded twice, with the ids fed instead (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, finding, recorder)


def _found(finding: Any, recorder: Any):
    import keras

    calls = getattr(recorder, "training_calls", None) or []
    call = calls[-1] if calls else None
    culprit = finding.culprit
    if call is None or call.error is None or call.site is None or culprit is None or culprit.kind != "data" \
            or not isinstance(call.x_shapes, tuple) or not all(isinstance(v, int) for v in call.x_shapes):
        return None
    model = call.model
    inputs = list(getattr(model, "inputs", None) or [])
    if len(inputs) != 1:
        return None
    declared = tuple(inputs[0].shape)
    data = call.x_shapes
    if len(data) != len(declared) + 1 or tuple(data[1:-1]) != tuple(declared[1:]):
        return None
    embeddings = [layer for layer in model.layers if isinstance(layer, keras.layers.Embedding)
                  and layer.input is inputs[0] and layer.output_dim == data[-1]]
    if len(embeddings) != 1:
        return None
    layer = embeddings[0]
    made = recorder.creation_site(layer)
    path = call.site.file
    tree = source_tree(path)
    statement = next((s for s in tree.body if isinstance(s, ast.Assign) and s.lineno == culprit.line
                      and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name)), None)
    lookup = statement.value if statement is not None else None
    if not (isinstance(lookup, ast.Subscript) and isinstance(lookup.value, ast.Name)
            and isinstance(lookup.slice, ast.Name)):
        return finding, layer, data, declared, None
    constructor = None
    if made is not None and made.file == path:
        constructor = next((c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno == made.line
                            and c.end_lineno == made.line and _called(c) == "Embedding"
                            and not any(k.arg in ("embeddings_initializer", "weights") for k in c.keywords)), None)
    imported = imported_names(tree)
    if constructor is None or "keras" not in imported or not linecache.getline(path, made.line).isascii():
        return None
    return finding, layer, data, declared, (path, lookup, constructor)


def _called(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    _finding, layer, data, declared, written = found
    steps = ", ".join(str(v) for v in data[1:-1])
    finding.message = (f"the data {tuple(data)} is already embedded: `{layer.name}` (Embedding) expects token ids "
                       f"{declared} and turns each into {data[-1]} values itself")
    finding.explanation = (
        f"The model's input is {declared}: one integer id per position ({steps}) that the Embedding layer looks "
        f"up in its own table of {layer.input_dim} rows of {data[-1]} values. The data fed, {tuple(data)}, already "
        f"holds those {data[-1]} values for every position: the word vectors were looked up before the model, so "
        "it gets one axis too many. Feed the ids, and give the Embedding the vectors as its starting weights "
        "(or drop the Embedding and declare the input with the vector axis).")
    if written is None:
        return finding
    path, lookup, constructor = written
    table, ids = lookup.value.id, lookup.slice.id
    end = constructor.end_col_offset - 1
    edits = [TextEdit.replacing(path, lookup, ids),
             TextEdit(path, constructor.lineno, end, constructor.lineno, end,
                      f", embeddings_initializer=keras.initializers.Constant({table})")]
    fix = script_checked_fix(f"feed the ids `{ids}` and start the Embedding from `{table}`",
                             edits[0].shown(), display_path(path), lookup.lineno, edits, cost=2)
    finding.fixes = [fix] + [f for f in finding.fixes if f.verified]
    return finding
