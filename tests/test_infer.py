"""Weight-free shape inference: Keras's own rules, no variables allocated."""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
from keras import layers  # noqa: E402

from shapedoctor.graph.from_trace import graph_from_model  # noqa: E402
from shapedoctor.infer.propagate import propagate  # noqa: E402
from shapedoctor.trace.recorder import Recorder  # noqa: E402


def _graph(model):
    return graph_from_model(Recorder(), model)


def test_replay_matches_keras_shapes():
    inputs = keras.Input(shape=(28, 28, 1))
    x = layers.Conv2D(8, 3)(inputs)
    x = layers.MaxPooling2D(2)(x)
    x = layers.Flatten()(x)
    out = layers.Dense(10)(x)
    model = keras.Model(inputs, out)
    result = propagate(_graph(model))
    assert result.ok
    assert result.output_shape(_graph(model)) == (None, 10)
    assert sorted(s for s in result.shapes.values() if s) == sorted(
        [(None, 28, 28, 1), (None, 26, 26, 8), (None, 13, 13, 8), (None, 1352), (None, 10)])


def test_replay_reports_keras_error_at_the_right_node():
    model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(4), layers.Dense(3)])
    graph = _graph(model)
    # Edit the input to rank 3 and put an LSTM-free rank check in: Dense accepts it, so it replays.
    graph.tensors[graph.nodes[0].outputs[0]].shape = (None, 5, 10)
    assert propagate(graph).output_shape(graph) == (None, 5, 3)


def test_replay_allocates_no_weights_for_huge_layers():
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    model_inputs = keras.Input(shape=(50_000,))
    # Build the description only (never the user's model): 2 x 2.5 B parameters.
    from shapedoctor.graph.model import Graph, LayerSpec, Node, TensorInfo, TensorRef

    graph = Graph()
    graph.tensors["t0"] = TensorInfo("t0", (None, 50_000))
    graph.nodes.append(Node("in", "input", None, outputs=["t0"]))
    prev = "t0"
    for i in range(2):
        key = f"dense_{i}"
        graph.layers[key] = LayerSpec(key, "Dense", {"units": 50_000, "name": key}, klass=layers.Dense)
        graph.tensors[f"t{i + 1}"] = TensorInfo(f"t{i + 1}", None, producer=key)
        graph.nodes.append(Node(key, "layer", key, (TensorRef(prev),), {}, [f"t{i + 1}"]))
        prev = f"t{i + 1}"
    graph.outputs = [prev]
    result = propagate(graph)
    assert result.ok and result.output_shape(graph) == (None, 50_000)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 1000, f"replay grew peak memory by {grown_mb:.0f} MB (20 GB of float32 weights if allocated)"
    del model_inputs
