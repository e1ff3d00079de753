"""The output of a model that starts with a text lookup layer is the one Keras really returns (real Keras).

``TextVectorization`` in a counting mode as the first layer of a Sequential model, fed one string per
row ((N, 1) strings): Keras's symbolic output keeps the string axis, (None, 1, k), while the model really
returns (N, k). Labels (N, k) then look one axis short of the output, a Dense-per-position smell, but
the fit and predict calls ran on the real (N, k) output. The layer is run on two dummy strings to learn
its real output (infer/text_lookup.py): no warning on the valid model, and a head too narrow for the
labels is blamed on the head, not on a Dense "applied per position".
"""

from __future__ import annotations

from conftest import run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(3)
words = ["red", "green", "blue", "cyan", "plum", "rose", "teal", "sand"]
notes = np.array([[" ".join(rng.choice(words, size=6))] for _ in range(40)])
colours = rng.integers(0, 2, size=(40, 3)).astype("float32")
counter = layers.TextVectorization(max_tokens=20, output_mode="count")
counter.adapt(notes)
model = keras.Sequential([counter, layers.Dense(8, activation="relu"), layers.Dense(3, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(tf.data.Dataset.from_tensor_slices((notes, colours)).batch(8), epochs=1, verbose=0)
print(model.predict(tf.constant(notes[:5]), verbose=0).shape)
'''


def test_a_vectorizer_first_model_is_not_a_false_alarm(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 0, proc.stderr
    assert "(5, 3)" in proc.stderr + proc.stdout
    assert report["findings"] == []
    assert {tuple(c["output"]) for c in report["training_calls"]} == {("(None, 3)",)}


def test_a_head_too_narrow_for_the_labels_is_blamed_on_the_head(tmp_path):
    # one sigmoid unit for three labels: Keras refuses (None, 3) against (None, 1); with the symbolic
    # (None, 1, 1) the first Dense looked like a Dense applied per position
    wrong = SCRIPT.replace('layers.Dense(3, activation="sigmoid")', 'layers.Dense(1, activation="sigmoid")')
    report, _, proc = run_json(run_cli, tmp_path, wrong)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["layer"] == "dense_1" and "(None, 1, 1)" not in finding["message"]
    assert 'layers.Dense(3, activation="sigmoid")' in finding["fixes"][0]["code"] and finding["fixes"][0]["proven"]


def test_keras_symbolic_answer_differs_from_the_run_and_the_run_is_used():
    # the claim behind infer/text_lookup.py, checked on Keras itself
    import numpy as np
    from keras import layers

    from shapedoctor.infer.text_lookup import text_layer_output

    counter = layers.TextVectorization(max_tokens=10, output_mode="count")
    counter.adapt(np.array([["red green"], ["blue red"]]))
    assert tuple(counter.compute_output_shape((None, 1))) == (None, 1, 4)
    assert text_layer_output(counter, (None, 1)) == (None, 4)
    assert text_layer_output(layers.Dense(3), (None, 1)) is None
