"""A ``keras.applications`` model built on the user's input tensor that is too small for it.

``InceptionV3(include_top=False, input_tensor=inputs)`` with ``inputs = keras.Input((32, 32, 3))``:
given a tensor, the application skips its own size check (``input_shape`` is ignored), so the
error surfaces deep inside the network, as a convolution whose window no longer fits (SD105).
The layers that refused are Keras's own, made by the one application call of the user's line:
no edit of them can be written, and ``padding="same"`` inside an ImageNet backbone is not what
anyone does. The cause is the declared input size (the user's ``Input`` line); the expert fix
resizes the images up to the size the application accepts, inside the model, so the data stays
as it is: ``input_tensor=layers.Resizing(75, 75)(inputs)``.

Evidence read: the failing layer's creation line is a call of a ``keras.applications`` function
with an ``input_tensor=`` argument, and exactly one model input lies upstream, declared on
another line. The smallest accepted size is Keras's own: the application function called with
a 1x1 ``input_shape`` (and ``weights=None``, nothing is downloaded) raises "Input size must be
at least HxW" from its argument check, before any layer is made. The fix is checked by running
the patched script.
"""

from __future__ import annotations

import ast
import linecache
from dataclasses import dataclass

from shapedoctor.diagnosis.applications import MIN_SIZE
from shapedoctor.trace.sites import called_name
from shapedoctor.trace.sites import source_tree


@dataclass(frozen=True)
class AppOnInput:
    input_node: object  # the graph's input node (the user's Input)
    app: str  # e.g. "InceptionV3"
    file: str
    line: int
    tensor: ast.expr  # the input_tensor= value, e.g. Name("inputs")
    shape: tuple  # the declared input, batch axis first


def _app_call(file: str, line: int):
    """(application name, input_tensor value) of the keras.applications call on *line*, if one."""
    import keras

    try:
        tree = source_tree(file)
    except (SyntaxError, ValueError):
        return None
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.lineno <= line <= (node.end_lineno or node.lineno):
            continue
        name = called_name(node.func)
        tensor = next((kw.value for kw in node.keywords if kw.arg == "input_tensor"), None)
        if name and tensor is not None and callable(getattr(keras.applications, name, None)):
            return name, tensor
    return None


def application_on_input(ctx) -> AppOnInput | None:
    """The application call that made the refusing layer on the user's too-small input, if so."""
    spec = ctx.graph.spec(ctx.consumer) if ctx.consumer is not None else None
    site = spec.created if spec else None
    if site is None or not site.file or not site.line:
        return None
    found = _app_call(site.file, site.line)
    if found is None:
        return None
    inputs = [n for n in ctx.graph.upstream(ctx.consumer) if n.kind == "input"]
    if len(inputs) != 1:
        return None
    node = inputs[0]
    in_spec = ctx.graph.spec(node)
    declared = in_spec.created if in_spec else node.called
    shape = ctx.shape_of(node)
    if declared is None or declared.line == site.line or shape is None or len(shape) != 4 or None in shape[1:]:
        return None
    return AppOnInput(node, found[0], site.file, site.line, found[1], tuple(shape))


def smallest_size(app: str, channels: int) -> tuple[int, int] | None:
    """The smallest (height, width) the application accepts, from Keras's own argument check."""
    import keras

    try:
        getattr(keras.applications, app)(include_top=False, weights=None, input_shape=(1, 1, channels))
    except ValueError as exc:
        m = MIN_SIZE.search(str(exc))
        return (int(m.group(1)), int(m.group(2))) if m else None
    except Exception:  # noqa: BLE001 - any other refusal: no evidence
        return None
    return None


def _layers_prefix(file: str) -> str | None:
    from shapedoctor.patch.imports import bound_names

    bound = bound_names("".join(linecache.getlines(file)))
    if "layers" in bound:
        return "layers."
    if "keras" in bound:
        return "keras.layers."
    return "tf.keras.layers." if "tf" in bound else None


def resize_into_application(ctx, finding):
    """Rewrite *finding* (SD105) for an application built on a too-small input tensor: the Input is
    the culprit, the edits of the application's own layers go (they cannot be written), and the
    first fix resizes the tensor the application gets. Returns the finding."""
    from shapedoctor.diagnosis.culprit import place_of
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit

    found = application_on_input(ctx)
    if found is None:
        return finding
    finding.culprit = place_of(ctx, found.input_node)
    finding.fixes = [f for f in finding.fixes if f.patch is not None or f.line != found.line]
    height, width, channels = found.shape[1:]
    size = smallest_size(found.app, channels)
    prefix = _layers_prefix(found.file)
    if size is None or prefix is None:
        return finding
    size = (max(size[0], height), max(size[1], width))
    tensor = found.tensor
    source = "".join(linecache.getlines(found.file))
    old = ast.get_source_segment(source, tensor)
    if not old or tensor.lineno != tensor.end_lineno:
        return finding
    new = f"{prefix}Resizing({size[0]}, {size[1]})({old})"
    edit = TextEdit(found.file, tensor.lineno, tensor.col_offset, tensor.end_lineno, tensor.end_col_offset, new)
    code = linecache.getline(found.file, tensor.lineno).strip().replace(f"input_tensor={old}", f"input_tensor={new}", 1)
    finding.fixes.insert(0, script_checked_fix(f"resize the images up to the {size[0]}x{size[1]} {found.app} accepts, "
                                               f"inside the model (the data stays {height}x{width}): input_tensor={new}",
                                               code, found.file, tensor.lineno, [edit], cost=2))
    finding.explanation = (f"{found.app} shrinks its input by a fixed factor (strided convolutions and pooling with "
                           f"'valid' padding) and accepts images of at least {size[0]}x{size[1]}. Given a tensor "
                           f"(`input_tensor=`), it does not check the size, so the {height}x{width} input declared at "
                           f"line {finding.culprit.line} runs out of pixels inside the network. Resize the images "
                           "up (a Resizing layer keeps the data as it is) or declare a larger input with resized data.")
    return finding
