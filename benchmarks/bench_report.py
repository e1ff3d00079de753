"""HTML report of a 300+-layer model: render time and file size, beside the time to build the model.

Builds a residual network of 50 blocks (352 layers) with Keras, takes its graph the way
``shapedoctor run --html`` does (the engine's own graph of the built model), and times
drawing the report (folding, grandalf layout, SVG, page) against building the model itself,
side by side in one run. Prints the ratio, the file size and how many layers were folded.

    python benchmarks/bench_report.py [--blocks 50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def build(blocks: int):
    import keras
    from keras import layers

    inputs = keras.Input(shape=(16, 16, 8))
    x = inputs
    for _ in range(blocks):
        y = layers.Conv2D(8, 3, padding="same")(x)
        y = layers.BatchNormalization()(y)
        y = layers.ReLU()(y)
        y = layers.Conv2D(8, 3, padding="same")(y)
        y = layers.BatchNormalization()(y)
        x = layers.ReLU()(layers.Add()([x, y]))
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, layers.Dense(3)(x))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--blocks", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from shapedoctor.diagnosis.snapshot import view_of_model
    from shapedoctor.render.layout import fold
    from shapedoctor.render.report_page import render
    from shapedoctor.report.model import Diagnosis
    from shapedoctor.trace.recorder import Recorder

    build(2)  # warm-up: imports and Keras's first-call costs are not part of either side
    builds, renders, sizes = [], [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        model = build(args.blocks)
        t1 = time.perf_counter()
        view = view_of_model(Recorder(), model)
        page = render(Diagnosis(script="resnet.py", ok_graphs=[view]))
        t2 = time.perf_counter()
        builds.append(t1 - t0)
        renders.append(t2 - t1)
        sizes.append(len(page.encode("utf-8")))
    _, hidden = fold(view)
    b, r = statistics.median(builds), statistics.median(renders)
    print(f"model: {len(model.layers)} layers ({args.blocks} residual blocks); {hidden} folded in the first view")
    print(f"build the model with Keras : {b:.3f} s (median of {args.repeat})")
    print(f"draw the HTML report       : {r:.3f} s (median of {args.repeat})")
    print(f"ratio report / build       : {r / b:.2f}x")
    print(f"report file size           : {sizes[-1] / 1024:.0f} KiB (folded view + whole model, self-contained)")


if __name__ == "__main__":
    main()
