"""A model built from a dict of inputs, fit with a list in the dict's written order (real Keras; r1191).

Keras reads a list given to a dict-built model in the order of the sorted keys (keras-team/keras#20070), so the
(batch, 30) tokens meet the (None, 2) input. The fix passes the dict itself, keyed by the input names, verified on
the user's arrays and proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

words = np.random.randint(1, 100, size=(48, 30))
stats = np.random.rand(48, 2).astype("float32")
target = np.random.randint(0, 2, size=(48, 1))

words_in = keras.Input(shape=(30,), name="words")
stats_in = keras.Input(shape=(2,), name="alpha_stats")
joined = layers.concatenate([layers.GlobalAveragePooling1D()(layers.Embedding(100, 8)(words_in)), stats_in])
model = keras.Model({"words": words_in, "alpha_stats": stats_in}, layers.Dense(1, activation="sigmoid")(joined))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit([words, stats], target, epochs=1, verbose=0)
'''


def test_the_list_becomes_a_dict_keyed_by_the_input_names(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "model.fit(")
    first = finding["fixes"][0]
    assert first["verified"]
    assert first["code"] == 'model.fit({"alpha_stats": stats, "words": words}, target, epochs=1, verbose=0)'
    assert "sorted by name" in finding["explanation"]
    assert '{"alpha_stats": stats, "words": words}' in written_and_run(run_cli, tmp_path)
