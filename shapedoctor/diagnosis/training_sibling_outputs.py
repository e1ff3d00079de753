"""Several outputs with the same label/loss mismatch: one loss fix for all of them together.

A multi-output model compiled with a loss per output (a dict or a list) can hold the same slip on
several heads: every head's labels are class ids under ``categorical_crossentropy``, or one-hot
rows under the sparse loss. Each head is then its own problem whose fix is "use the other loss for
this output"; verified alone, that fix still fails on the next head, so none would be verified and
the report would have nothing to offer. What an expert writes is the loss changed for every head
with that slip, in one edit of the ``compile`` call. This module reads only the problems found per
output (the labels' encoding was read from the data by ``check_labels``) and the compiled loss
structure, and gives each such problem the joint fix, verified on a real training step like any
other. Outputs without the slip keep their loss.
"""

from __future__ import annotations

from typing import Any

from shapedoctor.diagnosis.training_base import Problem, TrainingFix


class LossDict(dict):
    """A dict of loss names written as a Python dict literal."""

    def __repr__(self) -> str:
        return "{" + ", ".join(f'"{k}": "{v}"' for k, v in self.items()) + "}"

    __str__ = __repr__


def joint_loss_fixes(loss: Any, problems: list[Problem]) -> None:
    """Replace, in every problem whose per-output loss fix has siblings, that fix by the joint one."""
    if not isinstance(loss, (dict, list, tuple)):
        return
    if not all(isinstance(v, str) for v in (loss.values() if isinstance(loss, dict) else loss)):
        return  # a loss object has no literal to write back into the compile call
    by_loss: dict[str, list[tuple[Problem, TrainingFix]]] = {}
    for prob in problems:
        fix = next((f for f in prob.fixes if f.kind == "loss" and not f.whole and isinstance(f.loss, str)), None)
        if fix is not None and prob.family == "SD202":
            by_loss.setdefault(fix.loss, []).append((prob, fix))
    for new, group in by_loss.items():
        indices = sorted({p.output_index for p, _ in group})
        if len(indices) < 2:
            continue
        if isinstance(loss, dict):
            keys = list(loss)
            joint: Any = LossDict(loss)
            for i in indices:
                joint[keys[i]] = new
        else:  # a plain list: the compile call's code writes it as a list literal (training_fixes.render)
            joint = list(loss)
            for i in indices:
                joint[i] = new
        names = ", ".join(str(list(loss)[i]) if isinstance(loss, dict) else f"output {i}" for i in indices)
        for prob, fix in group:
            at = prob.fixes.index(fix)
            prob.fixes[at] = TrainingFix(f"{fix.title.split(':')[0]} for every output with these labels: {new} "
                                         f"({names})", "loss", loss=joint, whole=True, cost=fix.cost)
