"""Recognisers for data that is not one rectangular array of the right structure and values.

* Token sequences of different lengths (a list of lists, an object array) given to fit/predict:
  Keras 3 ``Invalid dtype: object``, ``Unrecognized data type: x=[[...]] (of type <class
  'list'>)``, ``IndexError: tuple index out of range`` raised in its data adapter; tf.keras
  ``Failed to convert a NumPy array to a Tensor (Unsupported object type list)`` and TensorFlow
  ``Can't convert non-rectangular Python sequence to Tensor``. SD201, ``details["ragged"]``.
* Ids beyond an Embedding's rows: TensorFlow ``indices[0,2] = 4953 is not in [0, 1000)`` from
  a gather (``GatherV2``, ``embedding_lookup``). SD201, ``details["max_id"]``/``["input_dim"]``.
* One array for a model with several inputs: ``Layer "functional" expects 2 named input(s)
  with keys ['a', 'b'], but it received 1 input tensors``. SD201, ``details["inputs_expected"]``.
* One label array for a model with several outputs: ``The path: (0,) in the `loss` argument,
  can't be found in either the model's output (`y_pred`) or in the labels (`y_true`)``. SD203,
  ``details["structure"]``.
"""

from __future__ import annotations

import re

from shapedoctor.messages._common import lazy, line_at
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.messages.normalize import Block
from shapedoctor.messages.registry import recognizer

_RAGGED = lazy(
    r"Invalid dtype: object|Unsupported object type list|non-rectangular Python sequence"
    r"|Unrecognized data type: x=\[\[[^\n]{0,4000}\(of type <class 'list'>\)"
    r"|setting an array element with a sequence"
)
_ADAPTER_INDEX = lazy(r"IndexError: tuple index out of range")


def _ragged_facts(key_line: str) -> ErrorFacts:
    return ErrorFacts(
        family="SD201",
        key_line=key_line,
        expected="one rectangular array (samples, steps)",
        received="sequences of different lengths",
        details={"ragged": True, "data": True},
    )


@recognizer("invalid dtype: object", "unsupported object type list", "non-rectangular python sequence",
            "(of type <class 'list'>)", "setting an array element with a sequence")
def ragged_sequences(block: Block):
    m = _RAGGED.search(block.text)
    if not m:
        return None
    facts = _ragged_facts(line_at(block.text, m.start()))
    if m.group(0).startswith("Unrecognized data type") and _equal_rows(m.group(0)):
        facts.expected, facts.received = "one array", "a Python list of rows of equal length"
        facts.details.update(ragged=False, list_of_rows=True)
    if m.group(0) == "Invalid dtype: object":
        facts.details["object_dtype"] = True  # also a DataFrame with a text column: the text cannot tell
    return facts


def _equal_rows(printed: str) -> bool:
    """``x=[[1, 2], [3, 4]]`` printed whole: every inner list has as many items (a plain list, not ragged)."""
    if "…" in printed or "..." in printed:
        return False
    rows = re.findall(r"\[([^\[\]]{0,4000})\]", printed)
    counts = {len([t for t in row.split(",") if t.strip()]) for row in rows}
    return len(rows) >= 2 and len(counts) == 1


@recognizer("tuple index out of range")
def ragged_in_data_adapter(block: Block):
    """Keras 3 reads ``x.shape[0]`` of every element of a list it was given as data."""
    m = _ADAPTER_INDEX.search(block.text)
    if not m or "data_adapter" not in block.context or "shape[0]" not in block.context:
        return None
    return _ragged_facts(line_at(block.text, m.start()))


_GATHER = lazy(r"indices\[[\d,]{1,40}\] = (\d{1,12}) is not in \[0, (\d{1,12})\)")


@recognizer("is not in [0,")
def embedding_id_out_of_range(block: Block):
    m = _GATHER.search(block.text)
    if not m:
        return None
    value, rows = int(m.group(1)), int(m.group(2))
    node = re.search(r"node ([\w/]{1,300})/(?:GatherV2|embedding_lookup)", block.text)
    layer = node.group(1).rsplit("/", 1)[-1] if node else None
    return ErrorFacts(
        family="SD201",
        key_line=line_at(block.text, m.start()),
        layer=layer,
        layer_class="Embedding" if layer is None or "embedding" in layer.lower() else None,
        expected=f"ids 0 to {rows - 1}",
        received=f"id {value}",
        details={"max_id": value, "input_dim": rows, "data": True},
    )


_INPUT_COUNT = lazy(
    r"expects (\d{1,3}) (?:named )?input\(s\)(?: with keys (\[[^\]\n]{0,500}\]))?, but it received (\d{1,3}) "
    r"input tensors"
)


@recognizer("input tensors")
def input_count(block: Block):
    m = _INPUT_COUNT.search(block.text)
    if not m:
        return None
    want, got = int(m.group(1)), int(m.group(3))
    names = re.findall(r"'([^']{1,100})'", m.group(2) or "")
    return ErrorFacts(
        family="SD201",
        key_line=line_at(block.text, m.start()),
        expected=f"{want} input arrays" + (f" ({', '.join(names)})" if names else ""),
        received=f"{got} input array{'s' if got != 1 else ''}",
        details={"inputs_expected": want, "inputs_received": got, "input_names": names, "data": True},
    )


_LOSS_PATH = lazy(r"The path: \(([^)\n]{0,100})\) in the `loss` argument, can't be found")


@recognizer("in the `loss` argument, can't be found")
def loss_path_missing(block: Block):
    m = _LOSS_PATH.search(block.text)
    if not m:
        return None
    return ErrorFacts(
        family="SD203",
        key_line=line_at(block.text, m.start()),
        expected="one label array per model output",
        received="fewer label arrays than outputs",
        details={"structure": True, "loss_path": m.group(1)},
    )
