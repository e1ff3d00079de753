"""A layer of the user's own reads the batch size from its input's static shape, which a functional model leaves
unknown.

keras-io's functional API guide mixes a hand-written RNN layer into a functional model; its ``call`` makes the
first state with ``ops.zeros(shape=(inputs.shape[0], self.units))``, which needs the batch size, so the guide
declares ``keras.Input(batch_shape=(batch_size, timesteps, input_dim))``. Declared with ``shape=`` only, the batch
axis is ``None`` while the model is built, and Keras refuses: "Could not automatically infer the output shape /
dtype of 'custom_rnn' ... Expected int32, but got None of type 'NoneType'" (r1153; ``tf.random.normal`` says
"Failed to convert elements of (None, 4) to Tensor"). The message names no shape;
the cause is the unknown batch axis the layer's code reads.

Evidence, read from the traceback and the recording: Keras could not infer the layer's output, the error says a
``None`` was given where a number was needed, and the innermost frame of the user's code runs a statement that
reads ``name.shape[0]`` of a local tensor whose first axis is ``None``. Fixes, each proven by running the patched
script: the script's one ``Input(shape=...)`` given ``batch_size=`` the value every ``fit``/``evaluate`` call of the
file passes as its batch size (its root cause: the line that declared the batch unknown), and the read made
dynamic where it is written, ``ops.shape(inputs)[0]``, which works for any batch size.
"""

from __future__ import annotations

import ast
import re
from typing import Any

# The backend's words for a None given where a size was needed: ops.zeros's int32 conversion, tf.random's
# "Failed to convert elements of (None, 4) to Tensor".
_NONE_SIZE = re.compile(r"Could not automatically infer the output shape.*(?:got None of type 'NoneType'"
                        r"|Failed to convert elements of \((?:[^()]*, )?None[,)])", re.S)


def static_batch_read(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """The finding for the batch size read from a static shape (see the module), in place of *finding* (which
    read the text as a layer's undefined axis, or found nothing); *finding* when the evidence is not there."""
    if exc is None or not _NONE_SIZE.search(str(exc)):
        return finding
    try:
        return _finding(exc, recorder) or finding
    except Exception as err:  # noqa: BLE001 - evidence only: a script shaped unlike these keeps its finding
        recorder.internal_errors.append(err)
        return finding


def _finding(exc: BaseException, recorder: Any) -> Any:
    from shapedoctor.diagnosis.reaim import user_statement
    from shapedoctor.trace.recorder import shape_of

    where = user_statement(exc)
    if where is None:
        return None
    reads = [n for n in ast.walk(where.statement) if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Attribute)
             and n.value.attr == "shape" and isinstance(n.value.value, ast.Name)
             and isinstance(n.slice, ast.Constant) and n.slice.value == 0]
    reads = [n for n in reads if (shape_of(where.frame.f_locals.get(n.value.value.id)) or (0,))[0] is None]
    if len(reads) != 1 or reads[0].lineno != reads[0].end_lineno:
        return None
    return _build(where.path, where.tree, reads[0], exc)


def _build(path: str, tree: ast.Module, read: ast.Subscript, exc: BaseException) -> Any:
    from shapedoctor.families.base import get
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Finding, Place
    from shapedoctor.trace.sites import display_path, imported_names

    name = read.value.value.id
    names = imported_names(tree)
    shape_call = "ops.shape" if "ops" in names else "keras.ops.shape" if "keras" in names else "tf.shape"
    dynamic = f"{shape_call}({name})[0]"
    fixes = []
    declared = _one_input(tree)
    batch = _fit_batch_size(tree)
    if declared is not None and batch is not None:
        added = TextEdit.appending_argument(path, declared, f"batch_size={batch}")
        fixes.append(script_checked_fix(
            f"declare the batch size the script trains with in the Input: batch_size={batch}",
            added.shown() if declared.lineno == declared.end_lineno else f"batch_size={batch}",
            display_path(path), declared.lineno, [added], cost=1))
    dynamic_read = TextEdit.replacing(path, read, dynamic)
    fixes.append(script_checked_fix(f"read the batch size when the layer runs: {dynamic}", dynamic_read.shown(),
                                    display_path(path), read.lineno, [dynamic_read], cost=2))
    family = get("SD107")
    culprit_line = declared.lineno if len(fixes) == 2 else read.lineno
    return Finding(
        id=family.id, family=family.slug, severity=family.severity,
        message=f"`{name}.shape[0]` is the batch size, unknown (None) while the model is built",
        consumer=Place.at_line("layer", None, None, path, read.lineno),
        culprit=Place.at_line("input" if len(fixes) == 2 else "layer", None, None, path, culprit_line),
        expected="a known batch size", received="None",
        explanation=(
            f"`{name}.shape[0]` reads the batch axis from the tensor's static shape. A functional model is built "
            f"on symbolic inputs whose batch axis is `None` (any batch size), so the layer's code gets `None` where "
            f"it needs a number, and Keras cannot infer the layer's output. Either declare the batch size in the "
            f"`Input` (`batch_size=`, the size every batch will have), or read it when the layer runs, `{dynamic}`, "
            f"which works for any batch size."),
        fixes=fixes,
        keras_message=_NONE_SIZE.search(str(exc)).group(0).splitlines()[-1].strip(),
    )


def _one_input(tree: ast.Module) -> ast.Call | None:
    """The one ``Input(shape=...)`` call of the file that declares no batch size, or None."""
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)
             and getattr(n.func, "id", getattr(n.func, "attr", None)) == "Input"]
    if len(calls) != 1 or any(k.arg in ("batch_size", "batch_shape") for k in calls[0].keywords):
        return None
    return calls[0]


def _fit_batch_size(tree: ast.Module) -> str | None:
    """The text every ``fit``/``evaluate`` call of the file passes as ``batch_size=``, when they agree."""
    texts = {ast.unparse(k.value) for n in ast.walk(tree) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Attribute) and n.func.attr in ("fit", "evaluate")
             for k in n.keywords if k.arg == "batch_size"}
    return texts.pop() if len(texts) == 1 else None
