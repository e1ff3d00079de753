"""A sequence model of unknown length whose output comes out shorter than its targets (real Keras).

Hands-on ML (chapter 15, 2nd edition) predicts the next note at every step with a stack of causal, dilated
Conv1D layers over ``Input(shape=[None])``. One layer without ``padding="causal"`` (r1113) shortens the sequence:
35 target steps meet 31 output steps, which the declared output ``(None, None, 47)`` cannot show. Once Keras
refuses the call, the output Keras computes for the data it got is checked: the layer is the root cause and
the fix keeps the sequence the way its siblings do, ``padding="causal"``.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

notes = np.random.default_rng(0).integers(1, 20, size=(64, 21))
X, Y = notes[:, :-1], notes[:, 1:]
model = keras.Sequential([
    keras.Input(shape=[None]),
    layers.Embedding(input_dim=20, output_dim=4),
    layers.Conv1D(8, kernel_size=2, padding="causal", activation="relu"),
    layers.Conv1D(8, kernel_size=2, activation="relu", dilation_rate=2),
    layers.Conv1D(8, kernel_size=2, padding="causal", activation="relu", dilation_rate=4),
    layers.Dense(20, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
model.fit(X, Y, epochs=1, verbose=0)
'''


def test_the_layer_that_shortened_the_sequence_gets_its_siblings_padding(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, 'layers.Conv1D(8, kernel_size=2, activation="relu", dilation_rate=2),')
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == 'layers.Conv1D(8, kernel_size=2, activation="relu", dilation_rate=2, padding="causal"),'
    assert first["verified"]
