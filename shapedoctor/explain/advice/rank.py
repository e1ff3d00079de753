"""SD101 wrong rank: a layer got more or fewer axes than it needs.

The family generator proposes the layer edits (RepeatVector, a Reshape adding or merging
axes, Flatten, global pooling); this advisor names the axes the layer wants and adds the
edits only a reader of the text can add: upstream or in the data.
"""

from __future__ import annotations

from typing import Optional

from shapedoctor.explain.advice.core import Advice, advisor, dims, fix, generic_fixes, layer_place, rule_for, shape_of, who
from shapedoctor.messages import hints
from shapedoctor.messages import shapes as sh
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import FixReport


_AXES = {
    "seq": "(batch, steps, features)",
    "img": "(batch, height, width, channels)",
    "vol": "(batch, depth, height, width, channels)",
    "vec": "(batch, features)",
}


def _axes_kind(cls: Optional[str], need: int) -> Optional[str]:
    if cls in hints.RECURRENT or cls in hints.CONV1D:
        return "seq"
    if cls in hints.CONV2D:
        return "img"
    if cls and cls.endswith("3D"):
        return "vol"
    return {2: "vec", 3: "seq", 4: "img", 5: "vol"}.get(need) if cls in (None, "Dense", "Flatten") else None


@advisor("SD101")
def advise_rank(f: ErrorFacts, ranked: list) -> Advice:
    need = int(f.details.get("expected_ndim") or 0)
    got = int(f.details.get("found_ndim") or 0)
    check = f.details.get("ndim_check", "exact")
    recv = shape_of(f.received)
    cls = f.layer_class
    kind = _axes_kind(cls, need)
    need_words = sh.ndim_words(need) if check == "exact" else f"at least {sh.ndim_words(need)}" if check == "min" else f"at most {sh.ndim_words(need)}"
    axes = f" {_AXES[kind]}" if kind and (need == len(_AXES[kind].split(","))) else ""
    received_txt = f"{f.received}, {sh.ndim_words(got)}" if recv is not None else sh.ndim_words(got)
    name = who(f) if (f.layer or cls) else (f.details.get("node") or "the layer")
    message = f"{name} needs {need_words}{axes}, received {received_txt}"
    subject = cls or f.layer or f.details.get("node") or "The layer"
    explanation = f"{subject} needs {need_words}{axes}; it received {received_txt}. " + rule_for("SD101", f)
    # The family generator (run's ranking) proposes the layer edits: RepeatVector, a Reshape
    # adding or merging axes, Flatten / global pooling. What stays here is what only the
    # text's reader can add: edits upstream or in the data, whose place the text does not show.
    fixes: list[FixReport] = []
    if got < need and kind == "seq":
        fixes.append(fix("Or keep the time axis upstream: return_sequences=True on the recurrent layer before it",
                         "layers.LSTM(..., return_sequences=True),"))  # run's form: one fix when both give it
    elif got < need and kind in ("img", "vol") and recv is not None and got == need - 1:
        spatial = dims(recv[1:])
        fixes.append(fix("Or add the channel axis to the data and declare it in the Input",
                         f"x = np.expand_dims(x, -1)\nkeras.Input(shape=({spatial}, 1))"))
    elif got < need and need == 2 and got == 1:
        fixes.append(fix("A single sample lacks its batch axis: add it", "x = np.expand_dims(x, 0)   # (n,) -> (1, n)"))
        fixes.append(fix("Or one value per sample: make it a column", "x = x.reshape(-1, 1)      # (n,) -> (n, 1)"))
    elif got > need and kind == "seq":
        fixes.append(fix(f"Or flatten each step before {f.layer or cls or 'the layer'}",
                         "layers.TimeDistributed(layers.Flatten()),"))
    elif got > need and (recv is None or None in recv[1:]):
        fixes.append(fix("Remove the extra axis (or from the data)",
                         "x = np.squeeze(x, axis=1)   # if that axis has size 1"))
    elif got < need and (recv is None or None in recv[1:]):
        fixes.append(fix("Add the missing axis", "x = np.expand_dims(x, -1)"))
    if not fixes and not ranked:
        fixes = generic_fixes("SD101", f)
    produced = f"which layer produced {f.received}" if recv is not None else "which layer produced that tensor"
    return Advice(message, explanation, fixes, consumer=layer_place(f),
                  cannot_tell=f"The text does not show {produced}.")
