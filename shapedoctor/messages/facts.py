"""ErrorFacts: what one recognised shape-error message says, as plain data.

A recogniser reads the text of an error and fills an :class:`ErrorFacts`; nothing here
knows how to explain or fix anything (that is :mod:`shapedoctor.explain`). Shapes are
strings in Keras's own notation, ``(None, 1)``, normalised by
:mod:`shapedoctor.messages.shapes` whatever the source printed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional


@dataclass
class ErrorFacts:
    """The facts one error message states (and a few it implies)."""

    family: str  # family id from the catalogue, e.g. "SD101"
    key_line: str  # the line of the message that was recognised, as printed
    recognizer: str = ""  # name of the recogniser that matched
    layer: Optional[str] = None  # Keras layer name, e.g. "lstm" or "dense_1"
    layer_class: Optional[str] = None  # class name, e.g. "LSTM", when stated or implied
    expected: Optional[str] = None  # what the consumer needed, e.g. "ndim=3", "(None, 64)"
    received: Optional[str] = None  # what it got, e.g. "(None, 1)"
    shapes: list[str] = field(default_factory=list)  # every shape the message mentions
    loss: Optional[str] = None  # loss function, when the text names it
    dialect: Optional[str] = None  # "keras3" | "tf.keras" | "keras2" | "tensorflow" | "jax" | "torch" | "numpy"
    backend: Optional[str] = None  # "tensorflow" | "jax" | "torch" when the text shows it
    exception: Optional[str] = None  # "ValueError", "InvalidArgumentError", ...
    phase: Optional[str] = None  # "build" | "fit" | "predict" | "evaluate" | "call"
    # Anything else a recogniser could read (sizes, kernel, axis, x/y counts ...).
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
