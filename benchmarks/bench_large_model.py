"""Shape-only checking of a >= 5 B-parameter Dense/Conv stack vs Keras's own build.

shapedoctor replays the graph with Keras's shape rules inside a StatelessScope, so no
weight is allocated. Keras's own build of the same stack would need 20 GB of float32
weights, so it is timed at a size this machine can hold (0.5 B parameters) and the
per-parameter cost is printed beside ours. Each measurement runs in a fresh process so
peak memory (ru_maxrss) is its own. Nothing is asserted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

CHILD = r"""
import json, os, resource, sys, time
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import keras
from keras import layers
mode, width, depth = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
params = 0
start = time.perf_counter()
if mode == "shapedoctor":
    from shapedoctor.graph.model import Graph, LayerSpec, Node, TensorInfo, TensorRef
    from shapedoctor.infer.propagate import propagate
    g = Graph()
    g.tensors["t0"] = TensorInfo("t0", (None, 32, 32, 3))
    g.nodes.append(Node("in", "input", None, outputs=["t0"]))
    specs = [("Conv2D", {"filters": 64, "kernel_size": 3, "padding": "same"}), ("Flatten", {})]
    specs += [("Dense", {"units": width})] * depth
    prev = "t0"
    for i, (cls, cfg) in enumerate(specs):
        key = f"l{i}"
        g.layers[key] = LayerSpec(key, cls, dict(cfg, name=key), klass=getattr(layers, cls))
        g.tensors[f"t{i+1}"] = TensorInfo(f"t{i+1}", None, producer=key)
        g.nodes.append(Node(key, "layer", key, (TensorRef(prev),), {}, [f"t{i+1}"]))
        prev = f"t{i+1}"
    g.outputs = [prev]
    result = propagate(g)
    assert result.ok, result.error
    flat = 32 * 32 * 64
    params = 3 * 3 * 3 * 64 + 64 + flat * width + width + (depth - 1) * (width * width + width)
    out = result.output_shape(g)
else:
    model = keras.Sequential([keras.Input((32, 32, 3)), layers.Conv2D(64, 3, padding="same"), layers.Flatten()]
                             + [layers.Dense(width) for _ in range(depth)])
    params = model.count_params()
    out = model.output_shape
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_mb": peak / 1024, "grown_mb": (peak - base) / 1024,
                  "params": params, "output": str(out)}))
"""


def measure(mode: str, width: int, depth: int) -> dict:
    proc = subprocess.run([sys.executable, "-c", CHILD, mode, str(width), str(depth)], capture_output=True, text=True,
                          env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3"))
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    big = measure("shapedoctor", 50_000, 3)  # 65536*50000 + 2*50000^2 ~ 8.3 B parameters
    small_ours = measure("shapedoctor", 8_000, 3)
    small_keras = measure("keras", 8_000, 3)  # ~0.65 B parameters, 2.6 GB of weights
    print(f"shapedoctor, {big['params'] / 1e9:.2f} B params: {big['seconds']:.3f} s, peak {big['peak_mb']:.0f} MB "
          f"(+{big['grown_mb']:.0f} MB over the imports), output {big['output']}")
    print(f"same stack at {small_keras['params'] / 1e9:.2f} B params: Keras build {small_keras['seconds']:.2f} s, "
          f"peak {small_keras['peak_mb']:.0f} MB; shapedoctor {small_ours['seconds']:.3f} s, "
          f"peak {small_ours['peak_mb']:.0f} MB")
    ratio = small_keras["seconds"] / max(small_ours["seconds"], 1e-9)
    print(f"ratio at {small_keras['params'] / 1e9:.2f} B params: Keras build / shapedoctor check = {ratio:.0f}x faster, "
          f"{small_keras['grown_mb'] / max(small_ours['grown_mb'], 1):.0f}x less memory growth")


if __name__ == "__main__":
    main()
