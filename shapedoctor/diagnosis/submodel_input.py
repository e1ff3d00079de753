"""A model called on another model's tensors whose ``Input`` declares leading axes they do not have.

keras-rl's DDPG (keras-rl#93, r689) builds the critic with ``action_input = Input(shape=(WINDOW_LENGTH,
N_ACTIONS))``; the actor gives one action vector per sample, so calling the critic on it fails: "expected
shape=(None, 4, 2), found shape=(None, 2)". The maintainer: the window only makes sense for observations;
the action input is ``Input(shape=(nb_actions,))``. Repeating the action over a window would build too, but
it invents data.

Evidence, from Keras's message and the recording: a model called on symbolic tensors refused its input
``k`` (named in the message) with a declared shape whose trailing axes are exactly the tensor's axes after
the batch; the model's ``inputs[k]`` was made by ``keras.Input(shape=(...))`` written as a tuple or list.
That declaration is the root cause; the fix keeps only its trailing entries, written as the user wrote
them, proven by running the patched script and put first.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any

_MESSAGE = re.compile(r"Input (\d+) with name '[^']*' of layer '([^']+)' is incompatible with the layer: "
                      r"expected shape=\(([^)]*)\), found shape=\(([^)]*)\)")


def _shape(text: str) -> tuple:
    return tuple(None if p.strip() == "None" else int(p) for p in text.split(",") if p.strip())


def submodel_input(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the sub-model's ``Input`` that declares axes its caller's tensor lacks, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    from shapedoctor.trace.sites import called_name, module_ints, source_tree, source_tree_and_calls_at

    match = _MESSAGE.search(str(exc))
    failure = getattr(recorder, "failure", None)
    if match is None or failure is None:
        return None
    index, expected, found = int(match.group(1)), _shape(match.group(3)), _shape(match.group(4))
    if not failure.call.symbolic and len(expected) != len(found):
        return None
    model = failure.call.layer
    if getattr(model, "name", None) != match.group(2) or len(found) < 2 or len(expected) < len(found) or (
            len(expected) > len(found) and expected[len(expected) - len(found) + 1:] != found[1:]) or (
            len(expected) == len(found) and not _last_width_only(expected, found)):
        return None
    try:
        tensor = model.inputs[index]
    except (AttributeError, IndexError, TypeError):
        return None
    made = getattr(getattr(tensor, "_keras_history", None), "operation", None)
    site = recorder.creation_site(made) if made is not None else None
    if site is None:
        return None
    _tree, around = source_tree_and_calls_at(site)
    calls = [c for c in around if called_name(c.func) in ("Input", "InputLayer")]
    if len(calls) != 1:
        return None
    shape = next((k.value for k in calls[0].keywords if k.arg == "shape"), None)
    if shape is None and calls[0].args:
        shape = calls[0].args[0]
    keep = len(found) - 1
    if not isinstance(shape, (ast.Tuple, ast.List)) or len(shape.elts) != len(expected) - 1 \
            or shape.lineno != shape.end_lineno:
        return None
    if len(expected) == len(found):
        return _formula_width(site, shape, model, expected, found, failure, recorder)
    constants = module_ints(source_tree(site.file))
    for element, want in zip(shape.elts[len(shape.elts) - keep:], found[1:]):
        value = element.value if isinstance(element, ast.Constant) else (
            constants.get(element.id) if isinstance(element, ast.Name) else None)
        if value != want:
            return None
    return site, shape, keep, model.name, expected, found


def _last_width_only(expected: tuple, found: tuple) -> bool:
    return expected[1:-1] == found[1:-1] and isinstance(expected[-1], int) and isinstance(found[-1], int) \
        and expected[-1] != found[-1]


def _formula_width(site: Any, shape: Any, model: Any, expected: tuple, found: tuple, failure: Any, recorder: Any):
    """The width a sub-model's ``Input`` computes with a formula (``2 * 3 * ENC_FREQS``) that misses the
    width of the data it is called on (keras-io NeRF, r759: the raw coordinates the encoding keeps beside its
    sin/cos terms), when that data is no layer's output: the formula gets the difference added."""
    last = shape.elts[-1]
    operands = failure.call.args[0] if failure.call.args else None
    if not isinstance(last, ast.BinOp) or operands is None \
            or recorder.producer_of(operands) is not None:
        return None
    text = linecache.getline(site.file, last.lineno)[last.col_offset:last.end_col_offset]
    gap = found[-1] - expected[-1]
    written = f"{text} + {gap}" if gap > 0 else f"{text} - {-gap}"
    return "width", site, last, written, getattr(model, "name", "the model"), expected, found


def _aim(finding: Any, found: Any) -> Any:
    if found[0] == "width":
        return _aim_width(finding, found)
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    site, shape, keep, model, expected, got = found
    path = site.file
    texts = [linecache.getline(path, e.lineno)[e.col_offset:e.end_col_offset] for e in shape.elts[-keep:]]
    new = (f"[{', '.join(texts)}]" if isinstance(shape, ast.List)
           else f"({texts[0]},)" if keep == 1 else f"({', '.join(texts)})")
    edit = TextEdit.replacing(path, shape, new)
    fix = script_checked_fix(f"declare the input as the tensor it is given: {new}", edit.shown(), display_path(path),
                             shape.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("input", None, "Input", path, site.line)
    finding.explanation = (
        f"`{model}` declares this input as {format_shape(expected)}, but the tensor it is called on is "
        f"{format_shape(got)}: the declaration has {len(expected) - len(got)} leading axis more than what feeds "
        "it. Declare the shape of what the model is given; repeating the tensor to fill the extra axis would "
        "build, but it would invent data.")
    finding.fixes = [fix] + [f for f in finding.fixes if "RepeatVector" not in (f.code or "")]
    return finding


def _aim_width(finding: Any, found: Any) -> Any:
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    _kind, site, last, written, model, expected, got = found
    edit = TextEdit.replacing(site.file, last, written)
    fix = script_checked_fix(f"declare the input as wide as the data it is given: {written}", edit.shown(),
                             display_path(site.file), last.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("input", None, "Input", site.file, site.line)
    finding.explanation = (
        f"`{model}` declares its input {format_shape(expected)}, with a width computed by a formula, but the data "
        f"it is called on has {got[-1]} values on that axis: the formula leaves {abs(got[-1] - expected[-1])} of "
        "them out. Declare the width of what the model is given (or, if the data holds values the model should "
        "not see, remove them where the data is made). " + (finding.explanation or ""))
    finding.fixes = [fix] + finding.fixes
    return finding
