"""SD203 sample counts: x and y (or several inputs) hold different numbers of samples."""

from __future__ import annotations

from shapedoctor.explain.advice.core import Advice, advisor, fix, rule_for
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import Place


@advisor("SD203")
def advise_counts(f: ErrorFacts, ranked: list) -> Advice:
    sizes = f.details.get("sizes") or {}
    parts = []
    for k, v in sizes.items():
        if not v:
            continue
        if len(v) == 1:
            parts.append(f"{k} has {v[0]} sample{'s' if v[0] != 1 else ''}")
        else:
            parts.append(f"the {k} arrays hold {', '.join(str(n) for n in v[:-1])} and {v[-1]} samples")
    message = " but ".join(parts) if parts else "x and y hold different numbers of samples"
    explanation = rule_for("SD203", f)
    fixes = []
    x, y = sizes.get("x") or [], sizes.get("y") or []
    if len(x) == 1 and len(y) == 1 and x[0] != y[0]:
        # One array longer than the other (windows cut off by one, a dropped row): trim the longer one.
        longer, shorter = ("x", "y") if x[0] > y[0] else ("y", "x")
        what = "inputs" if longer == "x" else "labels"
        other = "label" if longer == "x" else "input"
        fixes.append(fix(f"drop the {what} that have no {other}: {longer}[:len({shorter})]",
                         f"{longer} = {longer}[:len({shorter})]"))
    if f.details.get("structure"):
        fixes.append(fix("Give one label array per model output, in the order of the outputs",
                         "model.fit(x, [y_first_output, y_second_output], ...)"))
    fixes += [
        fix("Apply the same selection or split to x and y", "assert len(x) == len(y), (len(x), len(y))"),
        fix("Check for a transposed array: the samples axis must come first", "x = x.T   # if x.shape is (features, samples)"),
    ]
    return Advice(message, explanation, fixes, culprit=Place(kind="data"),
                  cannot_tell="The text does not show where x and y were built, so not which one is off.")
