"""Which arrays a ``tf.data`` pipeline passed to a training call was sliced from.

``fit(train_ds)`` hides the labels inside the dataset; when the script built it with
``tf.data.Dataset.from_tensor_slices((images, class_ids))`` (then ``.batch(...)`` etc.), the
labels are the user's ``class_ids`` array: the root cause of a label problem is the line that
made it, and a re-encoding is written where the dataset takes it
(``from_tensor_slices((images, class_ids - 1))``). Only a literal tuple/list of plain names in a
``from_tensor_slices`` call of the statement that assigns the dataset variable is followed.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass
class SlicedFrom:
    name: str  # the user's variable holding the labels
    line: int  # the line of the from_tensor_slices call
    start: int  # columns of the name in that line
    end: int


def labels_source(site, dataset_var: str | None) -> SlicedFrom | None:
    """The labels array of the dataset held in *dataset_var* at the training call *site*."""
    import linecache

    from shapedoctor.diagnosis.training_fixes import _assignment_line, calls_named_at

    if site is None or not dataset_var:
        return None
    line = _assignment_line(site, dataset_var)
    if line is None:
        return None
    for node in calls_named_at(site.file, line, "from_tensor_slices"):
        pair = node.args[0]
        if isinstance(pair, (ast.Tuple, ast.List)) and len(pair.elts) == 2 and isinstance(pair.elts[1], ast.Name):
            label = pair.elts[1]
            if label.lineno == label.end_lineno == line and linecache.getline(site.file, line).isascii():
                return SlicedFrom(label.id, line, label.col_offset, label.end_col_offset)
    return None
