"""An autoencoder's output made by a layer nested inside a layer class of the user's own, with the wrong width.

The keras-io subclassing guide's VAE builds ``class Decoder(layers.Layer)`` whose ``call`` returns
``self.dense_output(self.dense_proj(inputs))``. Written ``self.dense_output = Dense(intermediate_dim)``
instead of ``Dense(original_dim)``, the model reconstructs 64 values of each 784-pixel digit and the
loss refuses ``fit(x, x)``. The labels are the inputs themselves, so they are right by construction
(``training._suspect_model``), but the model-side search edits the model's own layers, and the Decoder
is one layer to it: a class whose inner Dense no clone can reach. Without more, the labels are named.

Evidence, read, not guessed: the labels of the failing call are its inputs (an autoencoder); the labels
and the output differ only in the last axis; the model's last layer is a class of the user's own whose
``call`` returns a sublayer's result (``return self.out(...)``, or a name last bound to
``self.out(...)``); that sublayer has ``units`` (or ``filters``) equal to the output's width, and the
program created it on a line of its own code. That line is the root cause, and the fix gives the layer
the labels' width there, proven by running the patched script.
"""

from __future__ import annotations

import ast
import inspect
import linecache
import textwrap
from typing import Any
from shapedoctor.trace.sites import source_tree

_SIZES = ("units", "filters")


def nested_output_width(call: Any, prob: Any, recorder: Any):
    """(culprit Place, fix, why) for an autoencoder's output layer nested in a user class (see the
    module), or None."""
    from shapedoctor.diagnosis.training import _labels_are_inputs
    from shapedoctor.diagnosis.training_base import flat_items, model_outputs

    if prob.family != "SD202" or recorder is None or not _labels_are_inputs(call, prob.output_index or 0):
        return None
    ys = [s for s in flat_items(call.y_shapes) if s]
    outs = model_outputs(call.model)
    if len(ys) != 1 or len(outs) != 1:
        return None
    y, out = tuple(ys[0]), tuple(outs[0])
    if len(y) != len(out) or len(y) < 2 or tuple(y[1:-1]) != tuple(out[1:-1]) or y[-1] == out[-1] \
            or not isinstance(y[-1], int):
        return None
    layers = getattr(call.model, "layers", None) or []
    owner = layers[-1] if layers else None
    if owner is None or type(owner).__module__.startswith("keras"):
        return None
    sub = _returned_sublayer(owner)
    if sub is None:
        return None
    key = next((k for k in _SIZES if k in _config(sub)), None)
    if key is None or _config(sub)[key] != out[-1]:
        return None
    site = recorder.creation_site(sub)
    if site is None or not site.file:
        return None
    return _fix(sub, key, y[-1], site, owner)


def _config(layer: Any) -> dict:
    try:
        return layer.get_config()
    except Exception:  # noqa: BLE001 - a layer that cannot give its config holds no size
        return {}


def _returned_sublayer(owner: Any) -> Any:
    """The sublayer whose result *owner*'s ``call`` returns, read from its source, or None."""
    try:
        source = textwrap.dedent(inspect.getsource(type(owner).call))
        fn = ast.parse(source).body[0]
    except (OSError, TypeError, SyntaxError, IndexError):
        return None
    returns = [n for n in ast.walk(fn) if isinstance(n, ast.Return) and n.value is not None]
    if len(returns) != 1:
        return None
    value = returns[0].value
    if isinstance(value, ast.Name):
        bound = [n for n in ast.walk(fn) if isinstance(n, ast.Assign) and len(n.targets) == 1
                 and isinstance(n.targets[0], ast.Name) and n.targets[0].id == value.id
                 and n.lineno < returns[0].lineno]
        value = max(bound, key=lambda n: n.lineno).value if bound else None
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute)
            and isinstance(value.func.value, ast.Name) and value.func.value.id == "self"):
        return None
    import keras

    sub = getattr(owner, value.func.attr, None)
    return sub if isinstance(sub, keras.layers.Layer) else None


def _fix(sub: Any, key: str, width: int, site: Any, owner: Any):
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import called_name, display_path

    try:
        tree = source_tree(site.file)
    except (SyntaxError, ValueError):
        return None
    cls = type(sub).__name__
    made = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno <= site.line <= n.end_lineno
            and called_name(n.func) == cls]
    if len(made) != 1:
        return None
    arg = next((k.value for k in made[0].keywords if k.arg == key), made[0].args[0] if made[0].args else None)
    if arg is None or arg.lineno != arg.end_lineno or not linecache.getline(site.file, arg.lineno).isascii():
        return None
    edit = TextEdit.replacing(site.file, arg, str(width))
    fix = script_checked_fix(f"give the {cls} that makes the output {width} {key}, the width of the labels",
                             edit.shown(), display_path(site.file), arg.lineno, [edit], cost=1)
    place = Place("layer", sub.name, cls, display_path(site.file), site.line, linecache.getline(site.file, site.line).strip())
    why = (f"The labels are the model's own inputs (an autoencoder), so they are right by construction. The output "
           f"comes from `{sub.name}`, the {cls} that {type(owner).__name__}.call returns, made with {key}="
           f"{_config(sub)[key]}: the reconstruction needs {width}, one value per input value.")
    return place, fix, why
