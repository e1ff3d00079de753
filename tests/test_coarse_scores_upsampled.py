"""A segmentation model that adds coarse class scores to finer ones without upsampling them (real Keras).

keras-io's FCN-16S (r627) upsamples the pool5 scores 2x before adding them to the pool4 scores; the sum
is upsampled back to the input size. Added directly, the two maps differ by 2x. Downsampling the finer
branch builds a model, but its output then no longer fits the per-pixel labels: running the patched
script disproves those fixes, and upsampling the coarse branch is proven, ranked first and named at the
merge. A crop that keeps half a map or less is never a verified fix.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

from shapedoctor.repair.invariants import crop_keeps_data

SCRIPT = '''import numpy as np
import keras
from keras import layers

image = keras.Input((32, 32, 3))
x = image
scales = []
for width in (8, 16, 16, 32):
    x = layers.Conv2D(width, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D(2)(x)
    scales.append(x)
coarse = layers.Conv2D(3, 1)(scales[3])
fine = layers.Conv2D(3, 1)(scales[2])
fused = layers.Add()([fine, coarse])
probs = layers.UpSampling2D(8, interpolation="bilinear")(layers.Activation("softmax")(fused))
seg = keras.Model(image, probs)
seg.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
seg.fit(np.random.rand(6, 32, 32, 3), np.random.randint(0, 3, (6, 32, 32, 1)), epochs=1, verbose=0)
'''


def test_the_coarse_scores_are_upsampled_at_the_merge(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "mismatch", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "fused = layers.Add()")
    first = finding["fixes"][0]
    assert first["verified"] and first["proven"], first
    assert first["code"] == "coarse = layers.UpSampling2D(2)(coarse)", first
    assert not any("Cropping2D" in f["code"] and f["verified"] for f in finding["fixes"]), finding["fixes"]


def test_a_crop_of_half_a_small_map_throws_data_away():
    assert not crop_keeps_data(((1, 1), (1, 1)), (4, 4))[0]
    assert crop_keeps_data(((1, 1), (1, 1)), (12, 12))[0]  # what a valid 3x3 convolution removes
