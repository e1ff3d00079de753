"""An autoencoder whose output layer sits inside a layer class of the user's own (real Keras).

keras-io subclassing guide, the end-to-end VAE (r587): ``class Decoder(layers.Layer)`` returns
``self.dense_output(self.dense_proj(inputs))`` and the output Dense was made with the hidden width.
``fit(x, x)`` fails in the loss. The labels are the inputs, so the model is wrong; the model-side
search sees the Decoder as one layer and cannot edit its inner Dense. The root cause is the line that
made that Dense, and the fix gives it the labels' width, proven by running the patched script. The
``add_loss`` in ``call`` must not stop the functional twin from being built.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class Squeeze(layers.Layer):
    def __init__(self, code_dim, hidden_dim, **kwargs):
        super().__init__(**kwargs)
        self.hidden = layers.Dense(hidden_dim, activation="relu")
        self.code = layers.Dense(code_dim)

    def call(self, inputs):
        return self.code(self.hidden(inputs))


class Expand(layers.Layer):
    def __init__(self, full_dim, hidden_dim, **kwargs):
        super().__init__(**kwargs)
        self.hidden = layers.Dense(hidden_dim, activation="relu")
        self.out = layers.Dense(hidden_dim, activation="sigmoid")

    def call(self, inputs):
        h = self.hidden(inputs)
        recon = self.out(h)
        return recon


class AutoEncoder(keras.Model):
    def __init__(self, full_dim, hidden_dim, code_dim, **kwargs):
        super().__init__(**kwargs)
        self.squeeze = Squeeze(code_dim, hidden_dim)
        self.expand = Expand(full_dim, hidden_dim)

    def call(self, inputs):
        code = self.squeeze(inputs)
        self.add_loss(1e-3 * ops.mean(ops.square(code)))
        return self.expand(code)


signals = np.random.default_rng(3).random((96, 120)).astype("float32")
model = AutoEncoder(120, 48, 8)
model.compile(optimizer="adam", loss="mse")
model.fit(signals, signals, epochs=1, batch_size=32, verbose=0)
'''


def test_the_nested_output_layer_is_the_cause_and_gets_the_labels_width(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    made = line_of(SCRIPT, 'self.out = layers.Dense(hidden_dim, activation="sigmoid")')
    assert finding["culprit"]["line"] == made, finding["culprit"]
    first = finding["fixes"][0]
    assert first["line"] == made and 'layers.Dense(120, activation="sigmoid")' in first["code"], first
    culprits = [step for step in finding["path"] if step.get("role") == "culprit"]
    assert culprits and all(step["class"] != "labels" for step in culprits), finding["path"]


def test_labels_that_are_not_the_inputs_stay_the_cause(tmp_path):
    # The same model trained against targets of another array: no autoencoder evidence.
    script = SCRIPT.replace("model.fit(signals, signals,", "targets = np.ones((96, 120), dtype=\"float32\")\n"
                            "model.fit(signals, targets,")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] != line_of(script, 'self.out = layers.Dense(hidden_dim'), finding["culprit"]
