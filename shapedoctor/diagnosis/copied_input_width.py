"""An ``Input`` whose width was copied from the Input beside it: the data it gets is another width.

keras-io's DDPG critic takes the state and the action: ``state_in = Input(shape=(num_states,))``,
``action_in = Input(shape=(num_actions,))``. Written twice with ``num_states`` (a copied line), the action
branch's Dense is built for 3 features and refuses the (64, 1) actions when the critic is called in the
training step: "expected axis -1 of input shape to have value 3, but received input with shape (64, 1)"
(r813). Keras names the Dense; the cause is the second declaration.

The Pendulum DDPG example joins the two Inputs first (``Concatenate()([input_s, input_a])``, r1029): the
Dense after the join was built for 3 + 3 and refuses 3 + 1. The join's recorded call shows which Input
got another width than it declares (the one whose eager tensor is not as wide as its declaration).

Evidence, recorded and read: the layer that refused an input's last axis takes a model ``Input``
directly (or a ``Concatenate`` of the model's Inputs, one of them given another width than declared); that Input is declared ``Input(shape=(NAME,))`` and another Input of the same function or file
is declared with the same ``NAME``; the script names the received width once (``num_actions = 1``). The
declaration is the root cause; the fix writes that name in it, proven by running the patched script.
"""

from __future__ import annotations

import ast
import re
from typing import Any

_MODEL_INPUT = re.compile(r"Input (\d+) with name '[^']*' of layer '([^']+)' is incompatible with the layer: "
                          r"expected shape=\(([^)]*)\), found shape=\(([^)]*)\)")
_REFUSED = re.compile(r"of layer '([^']+)' is incompatible with the layer: expected axis -1 of input shape to have "
                      r"value (\d+), but received input with shape \(([^)]*)\)")


def copied_input_width(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the Input declared with its sibling's width (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.diagnosis.reaim import input_declaration, script_frame
    from shapedoctor.repair.user_names import size_expression
    from shapedoctor.trace.scope import sizes_in_globals
    from shapedoctor.trace.sites import called_name

    refused = _refused_input(exc, recorder)
    if refused is None:
        return None
    tensor, received = refused
    if not received.isdigit():
        return None
    width = int(received)
    declared = input_declaration(recorder, tensor)
    if declared is None:
        return None
    site, tree, made, _shape = declared
    name = _single_name(made)
    if name is None:
        return None
    siblings = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c is not made
                and called_name(c.func) in ("Input", "InputLayer") and _single_name(c) is not None
                and _single_name(c).id == name.id]
    where = script_frame(exc)
    sizes = sizes_in_globals(where[0]) if where else {}
    spelled = size_expression(width, site.file, name.lineno, sizes) or _twin_name(where, name.id, width)
    if not siblings or spelled is None or spelled == name.id:
        return None
    return site, name, spelled, width


def _refused_input(exc: BaseException, recorder: Any):
    """(the symbolic input that was refused, the last size received as written) from Keras's message: a layer
    that takes an Input directly, or a model's input *k*."""
    text = str(exc)
    match = _REFUSED.search(text)
    model_input = _MODEL_INPUT.search(text) if match is None else None
    name = match.group(1) if match else model_input.group(2) if model_input else None
    layers = [layer for layer in recorder.created_layers() if name and getattr(layer, "name", None) == name]
    if len(layers) != 1:
        return None
    try:
        tensor = layers[0].input if match else layers[0].inputs[int(model_input.group(1))]
    except (AttributeError, ValueError, IndexError, TypeError):
        return None
    found = (match.group(3) if match else model_input.group(4)).split(",")[-1].strip()
    if match and type(getattr(getattr(tensor, "_keras_history", None), "operation", None)).__name__ == "Concatenate":
        return _joined_input(recorder)
    return tensor, found


def _joined_input(recorder: Any):
    """(the model Input given another width than it declares, that width) when the refused tensor was made
    by a Concatenate of the model's Inputs in the failing call (read from the recorded eager calls)."""
    from keras import tree

    from shapedoctor.trace.recorder import shape_of

    failure = getattr(recorder, "failure", None)
    refused = tree.flatten((failure.call.args, failure.call.kwargs)) if failure is not None else []
    joined = recorder.producers.get(id(refused[0])) if refused else None
    if joined is None or type(joined.layer).__name__ != "Concatenate":
        return None
    parts = tree.flatten((joined.args, joined.kwargs))
    try:
        symbolic = tree.flatten(joined.layer.input)  # what the join was built on: the model's Inputs
    except (AttributeError, ValueError):  # a layer called more than once has no single input
        return None
    for outer in reversed(failure.stack):
        model_inputs = getattr(outer.layer, "inputs", None) or []
        if len(symbolic) != len(parts) or not all(any(s is m for m in model_inputs) for s in symbolic):
            continue
        odd = []
        for declared, part in zip(symbolic, parts):
            have, want = shape_of(part), tuple(declared.shape)
            if have and want and have[-1] != want[-1]:
                odd.append((declared, str(have[-1])))
        return odd[0] if len(odd) == 1 else None
    return None


def _twin_name(where: Any, copied: str, width: int) -> str | None:
    """The one module name holding *width* that is named like *copied* (``num_actions`` beside ``num_states``):
    the sizes snapshot leaves out 1, which a copied declaration of an action width often is."""
    if where is None:
        return None
    prefix = copied.split("_")[0] + "_"

    def alike(name: str) -> bool:  # num_actions beside num_states; nA beside nS: the same name but its last letter
        return name.startswith(prefix) if "_" in copied else len(name) == len(copied) > 1 and name[:-1] == copied[:-1]

    names = [n for n, v in where[0].f_globals.items() if type(v) is int and v == width and n != copied and alike(n)]
    return names[0] if len(names) == 1 else None


def _single_name(call: ast.Call) -> ast.Name | None:
    """The one name of ``Input(shape=(NAME,))``."""
    shape = next((k.value for k in call.keywords if k.arg == "shape"), None) or (call.args[0] if call.args else None)
    if isinstance(shape, (ast.Tuple, ast.List)) and len(shape.elts) == 1 and isinstance(shape.elts[0], ast.Name):
        return shape.elts[0]
    return None


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    site, name, spelled, width = found
    edit = TextEdit.replacing(site.file, name, spelled)
    fix = script_checked_fix(f"declare the width this input receives: {spelled} ({width})", edit.shown(),
                             display_path(site.file), name.lineno, [edit], cost=1)
    values = f"{width} value{'s' if width != 1 else ''}"
    finding.message = f"an Input declared with `{name.id}` receives {values} per sample (`{spelled}`)"
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("input", name.id, "InputLayer", site.file, name.lineno)
    finding.explanation = (
        f"This Input is declared with `{name.id}`, like the Input beside it, but the tensors it is given have "
        f"{values} per sample (`{spelled}`): the layers after it were built for `{name.id}`. Declare "
        f"`{spelled}`.")
    finding.fixes = [fix]
    return finding
