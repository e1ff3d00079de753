"""A decoder that upsamples 3 -> 6 -> 12 -> 24 where 28 is needed (real Keras; ``run --json``).

Hands-On ML's convolutional autoencoder starts its decoder from 3x3 with a transposed convolution
of ``"valid"`` padding (3 -> 7), then two ``"same"`` ones (14, 28). With ``"same"`` everywhere the
last ``Reshape([28, 28])`` refuses 24x24. Removing that Reshape lets the model run but leaves an
output the 28x28 labels do not fit: the labels fit at the model's end is checked, so the fix
found is ``padding="valid"`` on the first transposed convolution, which is the root cause (r379).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

x = np.random.rand(64, 28, 28).astype("float32")
encoder = keras.Sequential([layers.Reshape([28, 28, 1]), layers.Conv2D(8, 3, strides=2, padding="same"),
                            layers.Conv2D(8, 3, strides=2, padding="same"), layers.GlobalAveragePooling2D()])
decoder = keras.Sequential([
    layers.Dense(3 * 3 * 8),
    layers.Reshape((3, 3, 8)),
    layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2DTranspose(8, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2DTranspose(1, 3, strides=2, padding="same"),
    layers.Reshape([28, 28]),
])
autoencoder = keras.Sequential([encoder, decoder])
autoencoder.compile(loss="mse", optimizer="adam")
autoencoder.fit(x, x, epochs=1, verbose=0)
'''


def test_decoder_one_size_short_is_fixed_where_it_should_grow_by_the_kernel(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    first_up = line_of(SCRIPT, "layers.Conv2DTranspose(16, 3")
    assert finding["id"] == "SD103" and finding["culprit"]["line"] == first_up
    verified = [fix for fix in finding["fixes"] if fix["verified"]]
    assert verified[0]["line"] == first_up and 'padding="valid"' in verified[0]["code"]
    assert verified[0]["result_shape"] == "(32, 28, 28)"
    assert not any("delete this line" in fix["code"] for fix in verified)  # the output would not fit the labels
