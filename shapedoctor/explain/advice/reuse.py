"""SD106 layer reuse: a layer object built by an earlier call is called again on another width.

Its fixes (a separate layer, a projection, Flatten when the widths multiply) all come from
the family generator; this advisor writes the message.
"""

from __future__ import annotations

from shapedoctor.explain.advice.core import Advice, advisor, layer_place, rule_for, who
from shapedoctor.messages.facts import ErrorFacts


@advisor("SD106")
def advise_reuse(f: ErrorFacts, ranked: list) -> Advice:
    want = f.details.get("expected_size")
    message = (f"{who(f)} was built for {want} on its last axis by an earlier call and is called again on "
               f"{f.received}")
    explanation = (f"The layer object was called before on inputs with {want} there; its weights are sized for "
                   f"{want}, so a call on {f.received} cannot share them. ") + rule_for("SD106", f)
    return Advice(message, explanation, [], consumer=layer_place(f),
                  cannot_tell="The text does not show the earlier call, so not which width is the intended one.")
