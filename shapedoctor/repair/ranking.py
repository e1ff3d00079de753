"""The cost model that orders verified fixes, and the one line that says why the first one won.

Fixes are sorted by cost, smallest first; equal costs keep the order in which the family
proposes them (its idioms, most common first). The table of idioms and their real-world
sources is ``docs/fix-ranking.md``.

==== ===========================================================================================
cost what the fix does
==== ===========================================================================================
1    changes one value where the shape was made: ``units``/``filters``/``strides``/
     ``return_sequences``/``padding`` of the culprit layer, the declared input shape, the loss,
     or one numpy call that gives the data/labels the shape the model declares
2    inserts one layer (Flatten, global pooling, Reshape, RepeatVector, a pooling or a 1x1
     convolution projecting a residual shortcut) or changes a value on a layer that is not the culprit
3    removes a layer, adds a projection (a new Dense/Conv), or edits several layers
+1   a model edit when the labels are plain data (the labels may be what is wrong)
+2   a label or data edit when the labels are the model's own inputs (autoencoders: the labels
     are right by construction, the model is wrong)
==== ===========================================================================================
"""

from __future__ import annotations

WHAT = {1: "changes one value where the shape was made", 2: "inserts a layer or changes a value elsewhere",
        3: "removes a layer or changes several"}


def describe(cost: int) -> str:
    return WHAT.get(cost, "is a larger change" if cost > 3 else WHAT[1])


def why_first(costs: list[int], verified: list[bool]) -> str | None:
    """One line for the report: why fix 1 is shown first (None when there are no fixes)."""
    if not costs:
        return None
    first = costs[0]
    if not verified[0]:
        return "fix 1 is the closest candidate, but it breaks an invariant (see its title); no fix kept them all"
    if len(costs) == 1:
        return f"fix 1 is the only candidate that kept every invariant; it {describe(first)} (cost {first})"
    second = costs[1]
    if first < second:
        return (f"fix 1 {describe(first)} (cost {first}); the next {describe(second)} (cost {second}) "
                "- the smallest edit an expert would make comes first (docs/fix-ranking.md)")
    return (f"fixes 1 and 2 cost the same ({first}: {describe(first)}); fix 1 is this family's more common "
            "idiom (docs/fix-ranking.md)")


def annotate(finding) -> None:
    """Set ``finding.why_first`` from the costs of its fixes (they are already in ranked order)."""
    finding.why_first = why_first([f.cost for f in finding.fixes], [f.verified for f in finding.fixes])
