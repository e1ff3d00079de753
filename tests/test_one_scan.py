"""One 2-D image and its mask given to a segmentation model without batch and channel axes (real Keras).

segmentation_models #138 (r1044): a U-Net declared ``(64, 64, 1)`` is fit on one scan and one mask left
as ``(64, 64)`` arrays. Both axes are missing, the batch axis in front and the channel axis behind: the
maintainer's fix is ``x[None, ..., None]``, and the mask, shaped like the scan, takes the same two axes.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

scan = np.random.default_rng(0).random((32, 32)).astype("float32")
mask = (scan > 0.5).astype("float32")
image = keras.Input(shape=(32, 32, 1))
x = layers.Conv2D(4, 3, padding="same", activation="relu")(image)
seg = layers.Conv2D(1, 1, activation="sigmoid")(x)
net = keras.Model(image, seg)
net.compile(optimizer="adam", loss="binary_crossentropy")
net.fit(scan, mask, epochs=1, verbose=0)
'''


def test_one_scan_and_its_mask_both_get_the_batch_and_channel_axes(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "scan = np.random")
    first = finding["fixes"][0]
    assert first["verified"]
    assert first["code"] == "scan = scan[None, ..., None]\nmask = mask[None, ..., None]"
