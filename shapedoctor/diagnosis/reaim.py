"""The shared guard of the rules that re-aim a finding at the user's line that caused it.

Several rules look past the line Keras names: a finding read from an error's text (or from the
layer that noticed the problem) is re-aimed at the line that made the labels, the loss, the block
or the dataset. Each rule reads its evidence from the script, the traceback and the recording,
then rewrites the finding. Evidence is optional: a rule that finds none, or trips over a script
shaped unlike anything it knows, leaves the finding exactly as it was; it must never cost the user
the finding itself.
"""

from __future__ import annotations

from typing import Any, Callable


def reaimed(finding: Any, read: Callable[..., Any], aim: Callable[[Any, Any], Any], *args: Any) -> Any:
    """``aim(finding, evidence)`` when ``read(*args)`` returns evidence; *finding* unchanged when there
    is no finding, no evidence, or reading it failed."""
    if finding is None:
        return None
    try:
        found = read(*args)
    except Exception:  # noqa: BLE001 - evidence only: a rule that cannot read it holds no verdict
        return finding
    return finding if found is None else aim(finding, found)
