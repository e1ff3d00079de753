"""Shape inference: replay a Graph through Keras's own shape rules, without weights."""

from shapedoctor.infer.propagate import Propagation, propagate

__all__ = ["Propagation", "propagate"]
