"""A dict of labels whose keys are not the model's output names (SD203).

Keras pairs a dict of labels with the outputs by output name (the output layers' names for a
functional model). Keys named after something else (``"age_output"`` for the layer ``age``) are
not found, and Keras 3 fails far from the cause (``Expected float32, but got age_output of type
'str'``) or pairs the arrays by sorted key. The dict is the culprit; the fix renames its keys to
the output names, written where the dict literal was made. A key is renamed only when it pairs
with exactly one output name (one name contains the other) and its array fits that output.
"""

from __future__ import annotations

from typing import Any

from shapedoctor.diagnosis.training_base import Problem, TrainingFix, output_keys


def wrong_label_keys(call: Any, model: Any) -> Problem | None:
    labels = call.y_ref
    names = output_keys(model)
    if not isinstance(labels, dict) or len(names) < 1 or set(labels) == set(names):
        return None
    unknown = [k for k in labels if k not in names]
    if not unknown or len(labels) != len(names):
        return None
    free = [n for n in names if n not in labels]
    renames = _pairing(unknown, free)
    prob = Problem("SD203", f"the label dict's keys {unknown} are not the model's output names {names}", "labels",
                   expected=", ".join(repr(n) for n in names), received=", ".join(repr(k) for k in labels))
    prob.explanation = ("Keras pairs a dict of labels with the outputs by output name (for a functional model, the "
                        "name of the layer that makes each output). A key that is no output name is not paired, "
                        "so Keras fails while reading the labels. Name the keys after the outputs.")
    if renames is not None:
        fix = _rename_fix(call, renames)
        if fix is not None:
            prob.fixes.append(fix)
    return prob


def _pairing(keys: list[str], names: list[str]) -> dict[str, str] | None:
    """key -> output name, when each key contains (or is contained in) exactly one free output name."""
    pairs = {}
    for key in keys:
        match = [n for n in names if n in key or key in n]
        if len(match) != 1:
            return None
        pairs[key] = match[0]
    return pairs if len(set(pairs.values())) == len(pairs) else None


def _rename_fix(call: Any, renames: dict[str, str]) -> TrainingFix | None:
    import linecache

    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    site = call.site
    var = argument_name(site, 1, "y")
    line = assignment_line(site, var) if var is not None else (site.line if site is not None else None)
    if site is None or line is None:
        return None
    text = linecache.getline(site.file, line).rstrip("\n")
    new = text
    for key, name in renames.items():
        for quote in ('"', "'"):
            new = new.replace(f"{quote}{key}{quote}", f"{quote}{name}{quote}")
    if new == text:
        return None

    def rename(ys: Any) -> dict:
        return {renames.get(k, k): v for k, v in ys.items()}

    listed = ", ".join(f"{k!r} -> {v!r}" for k, v in renames.items())
    return TrainingFix(f"name the label dict's keys after the outputs: {listed}", "labels", whole=True, apply=rename,
                       line_edit=(line, 0, len(text), new, new.strip()), cost=1)
