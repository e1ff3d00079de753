"""Turn ErrorFacts into what, why and how: the message, explanation and suggested fixes.

One module per family (``rank`` SD101, ``axis`` SD102, ``reshape`` SD103, ``merge`` SD104,
``shrink`` SD105, ``reuse`` SD106, ``undefined`` SD107, ``data`` SD201, ``labels`` SD202,
``counts`` SD203; ``label_shapes`` reads SD202's shapes) registers an advisor in
:mod:`~shapedoctor.explain.advice.core`, which holds the shared helpers and :func:`advise`.
The fixes come first from the family generators ``run`` uses
(:mod:`shapedoctor.explain.text_fixes`); an advisor writes the sentences from the text's own
numbers and adds only what those generators cannot propose.
"""

from shapedoctor.explain.advice import (  # noqa: F401  (registration side effects)
    axis,
    counts,
    data,
    labels,
    merge,
    rank,
    reshape,
    reuse,
    shrink,
    undefined,
)
from shapedoctor.explain.advice.core import RUN_HINT, Advice, advise

__all__ = ["RUN_HINT", "Advice", "advise"]
