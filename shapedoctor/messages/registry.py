"""The recogniser registry: ``@recognizer`` registers, :func:`parse` tries them in order.

A recogniser is a function ``(block: Block) -> ErrorFacts | None``. It is registered with
the lower-case substrings (*needles*) its message always contains, so :func:`parse` only
calls it on blocks that contain one of them; that keeps ``parse`` cheap enough to classify
every exception ``shapedoctor run`` catches. Recognisers are tried in registration order:
the modules are imported in :data:`MODULES` order, specific messages before generic ones.

:func:`parse` normalises the text, cuts it into error blocks and tries the last block first
(a paste with several errors means the last one); if nothing recognises it, it tries the
earlier blocks, so a shape error followed by an unrelated one is still found.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from typing import Callable, Optional

from shapedoctor.messages import hints
from shapedoctor.messages import shapes as sh
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.messages.normalize import Block, normalize, split_errors

# Recogniser modules, grouped by where their messages come from, in trial order.
MODULES = (
    "shapedoctor.messages.keras3_layers",
    "shapedoctor.messages.keras2_layers",
    "shapedoctor.messages.losses",
    "shapedoctor.messages.data",
    "shapedoctor.messages.data_values",
    "shapedoctor.messages.tf_ops",
    "shapedoctor.messages.backend_ops",
)
MAX_BLOCKS = 8  # how many error blocks of one paste are tried, from the last


@dataclass(frozen=True)
class Recognizer:
    name: str
    func: Callable[[Block], Optional[ErrorFacts]]
    needles: tuple[str, ...]  # lower-case substrings; the block must contain one


_RECOGNIZERS: list[Recognizer] = []
_loaded = False


def recognizer(*needles: str, name: Optional[str] = None):
    """Register the decorated function as a recogniser for messages containing a needle."""

    def deco(func):
        rec = Recognizer(
            name=name or f"{func.__module__.rsplit('.', 1)[-1]}.{func.__name__}",
            func=func,
            needles=tuple(n.lower() for n in needles),
        )
        _RECOGNIZERS.append(rec)
        return func

    return deco


def recognizers() -> list[Recognizer]:
    """Every registered recogniser, in trial order (imports the recogniser modules once)."""
    global _loaded
    if not _loaded:
        for mod in MODULES:
            importlib.import_module(mod)
        _loaded = True
    return list(_RECOGNIZERS)


def _complete(facts: ErrorFacts, block: Block, rec: Recognizer) -> ErrorFacts:
    """Fill the fields every recogniser would compute the same way."""
    facts.recognizer = facts.recognizer or rec.name
    facts.key_line = facts.key_line.strip()[:1000]
    if facts.exception is None:
        facts.exception = block.exception
    if facts.layer and not facts.layer_class:
        facts.layer_class = hints.guess_class(facts.layer)
    if facts.backend is None:
        facts.backend = hints.backend(block.whole)
    if facts.dialect is None:
        # Op-level messages (TensorFlow, JAX, PyTorch, NumPy) record their library in
        # details["message_from"]; the Keras flavour seen in the traceback wins over it.
        facts.dialect = hints.dialect(block.whole) or facts.details.get("message_from")
    if facts.phase is None:
        facts.phase = hints.phase(block.context)
    if facts.loss is None and facts.family == "SD202":
        facts.loss = hints.loss(block.context)
    if not facts.shapes:
        facts.shapes = sh.find_shapes(facts.key_line)
    if "call_input" not in facts.details and facts.received:
        # The model/layer call Keras wrapped around the error was given exactly the offending
        # tensor (a concrete one, not a KerasTensor): the user's data reached the failing layer.
        cls, _, shape = hints.wrapper(block.text)
        if cls and shape and sh.norm(shape) == sh.norm(facts.received) and "<KerasTensor" not in block.text:
            facts.details["call_input"] = {"cls": cls, "shape": sh.norm(shape)}
    if "where" not in facts.details:
        # The user's own frame before the message; with chained exceptions it can follow it.
        frame = hints.user_frame(block.before) or hints.user_frame(block.whole)
        if frame:
            facts.details["where"] = {"file": frame[0], "line": frame[1], "code": frame[2]}
    if facts.family == "SD102" and hints.reuses_a_layer(facts):
        facts.family = "SD106"
    hints.single_sample_given_an_axis(facts)
    return facts


def parse_block(block: Block) -> Optional[ErrorFacts]:
    """The facts of one error block, or ``None`` if no recogniser knows it."""
    low = block.text.lower()
    debug = bool(os.environ.get("SHAPEDOCTOR_DEBUG"))
    for rec in recognizers():
        if rec.needles and not any(n in low for n in rec.needles):
            continue
        try:
            facts = rec.func(block)
        except Exception:  # a recogniser bug must never crash explain
            if debug:
                raise
            continue
        if facts is not None:
            return _complete(facts, block, rec)
    return None


def parse(text: str) -> Optional[ErrorFacts]:
    """Recognise the shape error in *text* (a traceback, a message, a paste); ``None`` if unknown.

    Never raises for any string input; does not import Keras or any backend.
    """
    if not text:
        return None
    if not isinstance(text, str):
        text = str(text)
    blocks = split_errors(normalize(text))
    for block in reversed(blocks[-MAX_BLOCKS:]):
        facts = parse_block(block)
        if facts is not None:
            return facts
    return None
