"""A Dense applied per pixel because the pooled vector made just before it was thrown away (SD206, real Keras).

A channel-attention block pools the map into ``g`` and should gate the channels with a Dense applied to
``g``; written ``g = layers.Dense(c, activation="sigmoid")(feat)``, the Dense reads the map: the gate is per
pixel, the pooling is left out of the model, and ``Multiply`` accepts the equal shapes. Nothing fails. The
warning names the Dense line; the fix reads ``g`` there, proven by running the patched script. The block
written right raises nothing, and the block is reported once although the model makes it twice.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


def channel_gate(feat, channels):
    g = layers.GlobalMaxPooling2D()(feat)
    g = layers.Dense(channels, activation="sigmoid")(feat)
    return layers.Multiply()([feat, g])


inp = keras.Input(shape=(16, 16, 3))
h = layers.Conv2D(8, 3, padding="same", activation="relu")(inp)
h = channel_gate(h, 8)
h = layers.Conv2D(8, 3, padding="same", activation="relu")(h)
h = channel_gate(h, 8)
out = layers.Dense(2, activation="softmax")(layers.GlobalAveragePooling2D()(h))
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.random.rand(24, 16, 16, 3), np.random.randint(0, 2, size=(24,)), epochs=1, verbose=0)
print("trained")
'''


def test_the_dense_reads_the_pooled_vector(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert "trained" in proc.stderr or "trained" in proc.stdout  # the script ran to its end
    found = [f for f in report["findings"] if f["id"] == "SD206"]
    assert len(found) == 1, report["findings"]
    finding = found[0]
    assert finding["severity"] == "warning"
    assert finding["culprit"]["line"] == line_of(SCRIPT, 'g = layers.Dense(channels, activation="sigmoid")(feat)')
    first = finding["fixes"][0]
    assert first["code"] == 'g = layers.Dense(channels, activation="sigmoid")(g)' and first["proven"]


def test_the_block_written_right_is_fine(tmp_path):
    fixed = SCRIPT.replace('activation="sigmoid")(feat)', 'activation="sigmoid")(g)')
    report, _, proc = run_json(run_cli, tmp_path, fixed)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []
