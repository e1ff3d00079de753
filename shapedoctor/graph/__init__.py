"""The graph description shared by every front end: layers, call nodes, tensors with shapes."""

from shapedoctor.graph.model import Graph, LayerSpec, Node, TensorInfo, TensorRef, format_shape

__all__ = ["Graph", "LayerSpec", "Node", "TensorInfo", "TensorRef", "format_shape"]
