"""Images of their own sizes batched by tf.data for a model declared on one size (real Keras).

tf.data refuses to batch a 40x40 image with a 32x48 one ("Cannot batch tensors with different shapes",
r674). The recorder still records the call whose dataset cannot make its first batch; the map step is
the root cause and the fix resizes the image there to the Input's size, spelled with the script's
constant, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

SIDE = 32
shapes = [(40, 40), (32, 48), (32, 32)] * 4


def scans():
    for h, w in shapes:
        yield np.ones((h, w, 1), "float32"), 1.0


def scale(pic, tag):
    return pic / 2.0, tag


ds = tf.data.Dataset.from_generator(scans, output_signature=(tf.TensorSpec((None, None, 1), tf.float32),
                                                             tf.TensorSpec((), tf.float32)))
ds = ds.map(scale).batch(4)
net = keras.Sequential([keras.Input((SIDE, SIDE, 1)), keras.layers.Conv2D(4, 3),
                        keras.layers.GlobalAveragePooling2D(), keras.layers.Dense(1)])
net.compile(optimizer="adam", loss="mse")
net.fit(ds, epochs=1, verbose=0)
'''


def test_images_batched_at_their_own_sizes_are_resized_in_the_map_step(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD201" and "own sizes" in finding["message"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "return pic / 2.0, tag")
    first = finding["fixes"][0]
    assert first["code"] == "pic = tf.image.resize(pic, [SIDE, SIDE])" and first["proven"]
    assert "    pic = tf.image.resize(pic, [SIDE, SIDE])\n    return pic / 2.0, tag" in written_and_run(run_cli, tmp_path)
