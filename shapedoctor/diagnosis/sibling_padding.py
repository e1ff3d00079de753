"""A residual branch whose second 'valid' convolution lost the padding its first one has.

keras-io's CycleGAN generator keeps the size in its residual blocks by padding before each 'valid'
3x3 convolution: ``y = ReflectionPadding2D()(x)`` then ``Conv2D(..., padding="valid")(y)``, twice.
With the second padding left out (r652), the branch comes out two pixels smaller per axis and the
``add`` with the block's input fails. Cropping the input or switching the convolution to 'same'
would run, but the block's own idiom is the padding its first convolution already has.

Evidence, read: the finding blames a 'valid' convolution written as ``v = Conv(...)(u)`` in a
function of the user's script; an earlier convolution of the same class in that function reads a
variable made on the line before it by a padding layer (a class whose name holds ``Pad``), as
``w = Pad(...)(z)``. The fix writes that padding call again, on the blamed convolution's input,
just before it; it is proven by running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def sibling_padding(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* with the sibling convolution's padding as its first fix (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, finding, exc)


def _layer_call(node: ast.AST):
    """(constructor call, input name) of ``Cls(...)(name)``, else None."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Call) and len(node.args) == 1 \
            and isinstance(node.args[0], ast.Name) and not node.keywords:
        return node.func, node.args[0].id
    return None


def _class_name(made: ast.Call) -> str:
    func = made.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _found(finding: Any, exc: BaseException):
    from shapedoctor.diagnosis.reaim import culprit_function

    culprit = finding.culprit
    if finding.id != "SD104" or culprit is None or culprit.kind != "layer" \
            or not (culprit.cls or "").startswith("Conv"):
        return None
    found = culprit_function(finding, exc)
    if found is None:
        return None
    path, _tree, helper = found
    steps = [s for s in helper.body if isinstance(s, ast.Assign) and len(s.targets) == 1
             and isinstance(s.targets[0], ast.Name) and _layer_call(s.value) is not None]
    blamed = next((s for s in steps if s.lineno == culprit.line == s.end_lineno), None)
    if blamed is None:
        return None
    made, source = _layer_call(blamed.value)
    if _class_name(made) != culprit.cls or not _valid(made):
        return None
    pads = {}
    for before, step in zip(steps, steps[1:]):
        if step.lineno >= blamed.lineno:
            break
        pad, padded = _layer_call(before.value)
        conv, read = _layer_call(step.value)
        if "Pad" in _class_name(pad) and _class_name(conv) == culprit.cls and _valid(conv) \
                and read == before.targets[0].id and before.end_lineno == before.lineno:
            pads[ast.get_source_segment("".join(linecache.getlines(path)), pad)] = before
    if len(pads) != 1:
        return None
    (padding, before), = pads.items()
    text = linecache.getline(path, blamed.lineno)
    if not text.isascii() or not padding.isascii():
        return None
    indent = text[:len(text) - len(text.lstrip())]
    return path, blamed, f"{indent}{source} = {padding}({source})", before


def _valid(made: ast.Call) -> bool:
    """A convolution that pads nothing: ``padding="valid"`` or no padding argument."""
    padding = next((k.value for k in made.keywords if k.arg == "padding"), None)
    return padding is None or isinstance(padding, ast.Constant) and padding.value == "valid"


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import display_path

    path, blamed, line, before = found
    edit = TextEdit.insert_line(path, blamed.lineno, line)
    fix = script_checked_fix(f"pad before this convolution as before the first: {line.strip()}", line.strip(),
                             display_path(path), blamed.lineno, [edit], cost=2)
    finding.fixes = [fix] + [f for f in finding.fixes if f.verified]
    finding.explanation = (
        f"{finding.explanation or ''} Line {before.lineno} pads the branch before its first 'valid' convolution "
        f"(`{linecache.getline(path, before.lineno).strip()}`), so that one keeps the size; the convolution on "
        f"line {blamed.lineno} has no padding before it and shrinks the map, so the branch no longer matches "
        "the block's input. Pad before it the same way.").strip()
    return finding
