"""Data already turned into word vectors, fed to a model that embeds token ids itself (real Keras).

A TextCNN (r639) fed ``w2v_table[token_ids]``, (N, 61, 300), where its input takes the (N, 61) ids
into an Embedding of 300. The data line is the root cause; the fix feeds the ids and starts the
Embedding from the table, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras

rng = np.random.default_rng(1)
codes = rng.integers(0, 50, size=(30, 7))
glove = rng.normal(size=(50, 6)).astype("float32")
feats = glove[codes]
marks = rng.integers(0, 2, size=(30, 1))

reader = keras.Sequential([keras.Input((7,)), keras.layers.Embedding(50, 6),
                           keras.layers.GlobalAveragePooling1D(), keras.layers.Dense(1, activation="sigmoid")])
reader.compile(optimizer="adam", loss="binary_crossentropy")
reader.fit(feats, marks, epochs=1, verbose=0)
'''


def test_embedded_data_is_traced_to_the_lookup_and_the_ids_are_fed(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "feats = glove[codes]")
    assert "already embedded" in finding["message"] and "(30, 7, 6)" in finding["message"]
    first = finding["fixes"][0]
    assert first["code"] == "feats = codes" and first["proven"]
    fixed = written_and_run(run_cli, tmp_path)
    assert "keras.layers.Embedding(50, 6, embeddings_initializer=keras.initializers.Constant(glove))" in fixed
