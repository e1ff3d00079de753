"""A Dense whose width reaches a loss computed inside a user layer against targets of another width.

keras-io's endpoint layer pattern computes the loss inside a layer of the user's own from the model's
logits and a targets input: ``LogisticEndpoint()(logits, targets)``. Adapted to 10 tags, the targets input
is (None, 10) but the logits stay ``Dense(1)``: the loss inside the layer refuses "target.shape=(None, 10),
output.shape=(None, 1)" while the model is built (r817). The finding blamed the Dense but offered no fix:
the model was never built, so nothing could be replayed.

Evidence, recorded and read: the error names a target and an output shape that differ only in their last
axis; the finding's culprit is a ``Dense`` whose output width is the output's last size, created on one
line with its units written there. The fix gives it the targets' width (spelled with the script's name for
that size when it has one), proven by running the patched script.
"""

from __future__ import annotations

import ast
from typing import Any


def endpoint_width(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* with the width fix of the Dense it blames (see the module), or *finding* unchanged."""
    from shapedoctor.diagnosis.reaim import reaimed

    if finding is None or finding.fixes or finding.culprit is None or finding.culprit.cls != "Dense":
        return finding
    return reaimed(finding, _found, _aim, exc, finding, recorder)


def _found(exc: BaseException, finding: Any, recorder: Any):
    from shapedoctor.diagnosis.reaim import loss_shapes, script_frame
    from shapedoctor.repair.codegen import positional_params
    from shapedoctor.repair.user_names import size_expression
    from shapedoctor.trace.scope import sizes_in_globals
    from shapedoctor.trace.sites import called_name, source_tree_and_calls_at

    shapes = loss_shapes(exc)
    if shapes is None:
        return None
    target, output = shapes
    if len(target) != len(output) or target[:-1] != output[:-1] or target[-1] == output[-1] \
            or not isinstance(target[-1], int):
        return None
    dense = [layer for layer in recorder.created_layers() if getattr(layer, "name", None) == finding.culprit.layer
             and type(layer).__name__ == "Dense" and getattr(layer, "units", None) == output[-1]]
    site = recorder.creation_site(dense[0]) if len(dense) == 1 else None
    if site is None or not site.file:
        return None
    _tree, around = source_tree_and_calls_at(site)
    written = [(c, _units(c, positional_params)) for c in around if called_name(c.func) == "Dense"]
    if len(written) > 1:  # Dense(1)(Dense(8)(x)): the one written with the output's width
        written = [(c, u) for c, u in written if isinstance(u, ast.Constant) and u.value == output[-1]]
    if len(written) != 1 or written[0][1] is None or written[0][1].lineno != written[0][1].end_lineno:
        return None
    units = written[0][1]
    where = script_frame(exc)
    sizes = sizes_in_globals(where[0]) if where else {}
    spelled = size_expression(target[-1], site.file, site.line, sizes) or str(target[-1])
    return site, units, spelled, target, output, dense[0]


def _units(call: ast.Call, positional_params) -> ast.expr | None:
    """The expression a ``Dense(...)`` call gives as its units."""
    units = next((k.value for k in call.keywords if k.arg == "units"), None)
    if units is None and call.args and tuple(positional_params("Dense"))[:1] == ("units",):
        units = call.args[0]
    return units


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    site, units, spelled, target, output, layer = found
    edit = TextEdit.replacing(site.file, units, spelled)
    finding.fixes = [script_checked_fix(f"make {layer.name} as wide as the targets: Dense({spelled})", edit.shown(),
                                        display_path(site.file), units.lineno, [edit], cost=1)]
    finding.explanation = (f"The loss compares targets {target} with {output}, made by `{layer.name}`: give it "
                           f"the targets' width, {target[-1]}. " + (finding.explanation or ""))
    return finding
