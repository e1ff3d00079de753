"""Recognisers for the texts of Keras / TensorFlow / JAX / PyTorch shape errors.

Each recogniser is a small function registered with :func:`recognizer`; it receives the
normalised error text and returns :class:`ErrorFacts` or ``None``. The core tries them
in order (friendly-traceback style): adding a message is adding one function.
Used by ``shapedoctor explain`` (text only) and by ``shapedoctor run`` (to classify the
exception it caught). Must not import Keras or any backend.
"""

from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.messages.registry import parse, recognizer, recognizers

__all__ = ["ErrorFacts", "parse", "recognizer", "recognizers"]
