"""Which arrays a ``tf.data`` pipeline passed to a training call was sliced from.

``fit(train_ds)`` hides the labels inside the dataset; when the script built it with
``tf.data.Dataset.from_tensor_slices((images, class_ids))`` (then ``.batch(...)`` etc.), the
labels are the user's ``class_ids`` array: the root cause of a label problem is the line that
made it, and a re-encoding is written where the dataset takes it
(``from_tensor_slices((images, class_ids - 1))``). Only a literal tuple/list of plain names in a
``from_tensor_slices`` call of the statement that assigns the dataset variable is followed.

A dataset made by a directory loader (``image_dataset_from_directory`` and its text/audio siblings)
gets its labels' encoding from the loader's ``label_mode``: when that encoding is the wrong one for
the loss, the loader's line is the root cause and the fix is its ``label_mode`` (:func:`label_mode_edit`).
Steps that keep the labels as they are (``.cache()``, ``.prefetch()``, ``.shuffle()``, ``.repeat()``)
are followed back to the loader; anything else (a ``.map`` may re-encode the labels) is not.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from shapedoctor.trace.sites import source_tree


@dataclass
class SlicedFrom:
    name: str  # the user's variable holding the labels
    line: int  # the line of the from_tensor_slices call
    start: int  # columns of the name in that line
    end: int


def labels_source(site, dataset_var: str | None) -> SlicedFrom | None:
    """The labels array of the dataset held in *dataset_var* at the training call *site*."""
    import linecache

    from shapedoctor.diagnosis.training_fixes import assignment_line, calls_named_at

    if site is None or not dataset_var:
        return None
    line = assignment_line(site, dataset_var)
    if line is None:
        return None
    for node in calls_named_at(site.file, line, "from_tensor_slices"):
        pair = node.args[0]
        if isinstance(pair, (ast.Tuple, ast.List)) and len(pair.elts) == 2 and isinstance(pair.elts[1], ast.Name):
            label = pair.elts[1]
            if label.lineno == label.end_lineno == line and linecache.getline(site.file, line).isascii():
                return SlicedFrom(label.id, line, label.col_offset, label.end_col_offset)
    return None


_LABEL_KEEPING = {"cache", "prefetch", "shuffle", "repeat"}
_LOADERS = {"image_dataset_from_directory", "text_dataset_from_directory", "audio_dataset_from_directory"}


def _called(node: ast.AST) -> str | None:
    from shapedoctor.trace.sites import called_name

    return called_name(node.func) if isinstance(node, ast.Call) else None


def _loader_call(value: ast.AST) -> ast.Call | None:
    """The directory-loader call *value* is (a loader named by Keras, or any call given ``label_mode=``)."""
    if _called(value) in _LOADERS or (isinstance(value, ast.Call) and any(k.arg == "label_mode" for k in value.keywords)):
        return value
    return None


def directory_loader(site, dataset_var: str | None) -> ast.Call | None:
    """The directory-loader call that made the dataset held in *dataset_var* at the training call *site*
    (through label-keeping steps only), or None."""
    from shapedoctor.diagnosis.data_origin import _statement_at
    from shapedoctor.diagnosis.training_fixes import assignment_line

    if site is None or not dataset_var:
        return None
    here = site
    for _ in range(4):
        line = assignment_line(here, dataset_var)
        stmt = _statement_at(site.file, line) if line is not None else None
        if stmt is None:
            return None
        found = _loader_call(stmt.value)
        if found is not None:
            return found
        value, steps = stmt.value, []
        while isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
            steps.append(value.func.attr)
            value = value.func.value
        if not steps or not set(steps) <= _LABEL_KEEPING or not (isinstance(value, ast.Name) and value.id == dataset_var):
            return None
        import dataclasses

        here = dataclasses.replace(site, line=line)  # the dataset the steps started from
    return None


def label_mode_edit(file: str, node: ast.Call, mode: str) -> tuple | None:
    """A ``line_edit`` giving the one-line loader call *node* ``label_mode="<mode>"`` (replacing the one it has)."""
    import linecache

    line = node.lineno
    text = linecache.getline(file, line)
    if node.end_lineno != line or not text.isascii():
        return None
    given = next((k for k in node.keywords if k.arg == "label_mode"), None)
    if given is not None:
        start, end, new = given.value.col_offset, given.value.end_col_offset, f'"{mode}"'
    else:
        start = end = node.end_col_offset - 1  # before the closing parenthesis
        before = text[:start].rstrip()
        new = f'label_mode="{mode}"' if before.endswith(("(", ",")) else f', label_mode="{mode}"'
        new = " " + new if before.endswith(",") else new
    new_line = text[:start] + new + text[end:]
    return (line, start, end, new, new_line.strip())


def mapped_functions(site, dataset_var: str | None) -> list:
    """The functions the dataset held in *dataset_var* at the training call *site* was mapped with
    (``.map(fn)`` with ``fn`` a function of the module, or ``.map(lambda ...)``), as ast nodes, the last
    step first; the statements that built it are followed back while each one continues the same
    variable (``ds = ds.map(fn)``, then ``ds = ds.batch(32)``). A dataset made by a function of the
    module (``train_ds = make_dataset(x, y)``) has the maps written in that function."""
    import dataclasses

    from shapedoctor.diagnosis.data_origin import _statement_at
    from shapedoctor.diagnosis.training_fixes import assignment_line

    if site is None or not dataset_var:
        return []
    found, here, tree = [], site, None
    for _ in range(4):
        line = assignment_line(here, dataset_var)
        stmt = _statement_at(site.file, line) if line is not None else None
        if stmt is None:
            break
        value = stmt.value
        while isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
            if value.func.attr == "map" and value.args:
                found.append(value.args[0])
            value = value.func.value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and not found:
            found += _maps_in_builder(site.file, value.func.id)  # train_ds = make_dataset(...)
            break
        if not (isinstance(value, ast.Name) and value.id == dataset_var):
            break
        here = dataclasses.replace(site, line=line)
    functions = []
    for fn in found:
        if isinstance(fn, ast.Lambda):
            functions.append(fn)
        elif isinstance(fn, ast.Name):
            if tree is None:

                try:
                    tree = source_tree(site.file)
                except SyntaxError:
                    return functions
            defined = [f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == fn.id] or [
                f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name == fn.id]  # nested in a builder
            if len(defined) == 1:
                functions.append(defined[0])
    return functions


def _maps_in_builder(file: str, name: str) -> list:
    """The ``.map(...)`` arguments written in the module function *name* that returns a dataset, the last first."""

    try:
        tree = source_tree(file)
    except SyntaxError:
        return []
    defined = [f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == name]
    if len(defined) != 1 or not any(isinstance(n, ast.Return) and n.value is not None for n in ast.walk(defined[0])):
        return []
    maps = [n for n in ast.walk(defined[0]) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
            and n.func.attr == "map" and n.args]
    return [n.args[0] for n in sorted(maps, key=lambda n: (n.lineno, n.col_offset), reverse=True)]
