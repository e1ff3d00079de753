"""SD103 reshape: the target shape does not hold as many values as the input."""

from __future__ import annotations

from typing import Optional

from shapedoctor.explain.advice.core import Advice, advisor, fix, layer_place, rule_for, shape_of
from shapedoctor.messages import shapes as sh
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import FixReport


def _solve_reshape(n: Optional[int], target) -> Optional[tuple]:
    """Change one axis of *target* (last first) so it holds *n* values."""
    if not n or not target or any(d is None or d <= 0 for d in target):
        return None
    for i in reversed(range(len(target))):
        rest = 1
        for j, d in enumerate(target):
            if j != i:
                rest *= d
        if rest and n % rest == 0 and n // rest > 0:
            cand = list(target)
            cand[i] = n // rest
            return tuple(cand)
    return None


def _absorbs_an_axis(ranked: list) -> bool:
    """Whether run's ranking already offers a Reshape target with one axis computed (-1)."""
    return any(fx.code.startswith("layers.Reshape(") and "-1" in fx.code for fx in ranked)


@advisor("SD103")
def advise_reshape(f: ErrorFacts, ranked: list) -> Advice:
    n = f.details.get("input_size")
    m = f.details.get("target_size")
    target = shape_of(f.details.get("target_shape"))
    src = shape_of(f.received)
    layer = f.layer_class == "Reshape"
    per = " per sample" if layer else ""
    k = f.details.get("divisor")
    if k and n is not None:
        message = f"reshape to {f.expected} needs a multiple of {k} values{per}, the input has {n}"
        explanation = (f"{f.received} holds {n} values{per}; {f.expected} lets one axis absorb the size, but the other "
                       f"axes hold {k} values, and {n} is not a multiple of {k}. ") + rule_for("SD103", f)
        return Advice(message, explanation, [], consumer=layer_place(f),
                      cannot_tell="The text does not show which layer or array produced the input.")
    if m is not None and n is not None:
        message = f"reshape to {f.expected} needs {m} values{per}, the input has {n}"
    else:
        message = f"reshape to {f.expected} does not fit an input of {f.received}"
    what = f"{f.received} holds {n} value{'s' if n != 1 else ''}{per}" if src is not None else f"The input holds {n} values"
    explanation = f"{what}; {f.expected} holds {m}. " + rule_for("SD103", f)
    # RepeatVector, the producer's width and, for a Reshape layer, a target with one axis
    # left to Keras (-1) come from the family generator (run's ranking). The text's reader adds
    # the solved axis for an array's reshape, and the -1 rule where the generator has no target.
    fixes: list[FixReport] = []
    if not (layer and _absorbs_an_axis(ranked)):
        cand = _solve_reshape(n, target)
        if cand is not None and cand != src and cand != target:
            code = f"layers.Reshape({sh.fmt(cand)})," if layer else f"x = x.reshape({sh.fmt(cand)})"
            fixes.append(fix(f"Or reshape to {sh.fmt(cand)}, which holds exactly {n} values", code))
        fixes.append(fix("Let one axis be computed: write -1 for it (only one -1 is allowed)",
                         "layers.Reshape((-1, features))," if layer else "x = x.reshape(-1, features)"))
    return Advice(message, explanation, fixes, consumer=layer_place(f),
                  cannot_tell="The text does not show which layer or array produced the input.")
