"""Images given to a Sequential whose first layer is Dense: flattening them is no blow-up (real Keras).

The keras-io callbacks guide trains ``Sequential([Dense(1)])`` on images it flattened first; left as
(n, 28, 28), Dense(1) answers per row and the loss silently broadcasts (28, 1) outputs against one
label per image (r536). ``Flatten()`` before the Dense is the fix: the 784 values per sample it makes
are the data's own, so the size invariant measures growth against the input too, not only against
the activations the bug had shrunk. A Dense applied per pixel still counts as a blow-up.
"""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
from keras import layers  # noqa: E402

from shapedoctor.repair.invariants import model_size, model_size_kept  # noqa: E402


def test_flattening_the_input_keeps_the_size_invariant():
    before = keras.Sequential([keras.Input((28, 28)), layers.Dense(1)])
    after = keras.Sequential([keras.Input((28, 28)), layers.Flatten(), layers.Dense(1)])
    assert model_size(before)[1] == 784
    assert model_size_kept(model_size(before), model_size(after)) == (True, "")


def test_a_dense_per_pixel_still_blows_up():
    before = keras.Sequential([keras.Input((32, 32, 3)), layers.Conv2D(8, 3), layers.GlobalAveragePooling2D(),
                               layers.Dense(1)])
    after = keras.Sequential([keras.Input((32, 32, 3)), layers.Conv2D(8, 3), layers.Dense(256),
                              layers.GlobalAveragePooling2D(), layers.Dense(1)])
    ok, why = model_size_kept(model_size(before), model_size(after))
    assert not ok and "largest activation grows" in why
