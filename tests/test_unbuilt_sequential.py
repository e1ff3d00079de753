"""Labels checked against a Sequential model that ``fit`` builds (no ``Input``; real Keras).

Deep Learning with Python's Reuters classifier declares no input: the model is built by ``fit`` from
the data. Its output is then unknown before the call, so one-hot labels given to
``sparse_categorical_crossentropy`` used to reach Keras, whose error came from inside the loss and
was diagnosed as an unrecorded op (fixes unverified, the label line blamed). Keras's own
``compute_output_shape`` of each layer predicts the output for the data's shape without building
anything; the loss is then the root cause and both answers' fixes are verified (r370).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

x = np.random.rand(120, 50).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 6, 120), 6)
model = keras.Sequential([layers.Dense(16, activation="relu"), layers.Dense(6, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, epochs=1, verbose=0)
'''


def test_one_hot_labels_under_the_sparse_loss_of_an_unbuilt_model_blame_the_loss(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD202" and finding["culprit"]["kind"] == "loss"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "model.compile(")
    codes = [fix["code"] for fix in finding["fixes"] if fix["verified"]]
    assert 'loss="categorical_crossentropy"' in codes[0]
    assert any("np.argmax(y, -1)" in code for code in codes[1:])


def test_the_prediction_builds_nothing():
    import keras
    from keras import layers

    from shapedoctor.diagnosis.training_base import model_outputs, predict_unbuilt_output

    model = keras.Sequential([layers.Conv1D(4, 3), layers.GlobalAveragePooling1D(), layers.Dense(6)])
    before = [layer.built for layer in model.layers]  # a pooling layer, with no weights, is built from the start
    predict_unbuilt_output(model, (10, 20, 3))
    assert model_outputs(model) == [(None, 6)]
    assert not model.built and [layer.built for layer in model.layers] == before == [False, True, False]
    assert not model.weights
