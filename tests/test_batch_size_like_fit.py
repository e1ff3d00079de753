"""A model whose shapes depend on the batch size it trained with, later called with the default 32 (real Keras).

A graph layer scores every pair of rows in a batch, (batch, batch), and masks them with adjacency rows sized
for the whole graph, (batch, N): it works only when a batch is the whole graph, so ``fit`` gets
``batch_size=N_NODES``. ``predict`` without ``batch_size`` cuts the graph into batches of 32 and fails. The
root cause is that call; the fix passes the fit's batch size as the fit spells it, proven by running the
patched script. With the batch size given, the script runs clean.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

N_NODES = 40


class PairMix(layers.Layer):
    def call(self, inputs):
        h, adjacency = inputs
        scores = ops.matmul(h, ops.transpose(h)) + (adjacency - 1.0) * 1e9
        return ops.matmul(ops.softmax(scores, axis=-1), h)


feats = np.random.rand(N_NODES, 6).astype("float32")
adjacency = (np.random.rand(N_NODES, N_NODES) > 0.7).astype("float32") + np.eye(N_NODES, dtype="float32")
labels = np.random.randint(0, 2, size=(N_NODES,))
x_in = keras.Input(shape=(6,))
a_in = keras.Input(shape=(N_NODES,))
h = PairMix()([layers.Dense(8)(x_in), a_in])
model = keras.Model([x_in, a_in], layers.Dense(2, activation="softmax")(h))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit([feats, adjacency], labels, batch_size=N_NODES, epochs=1, shuffle=False, verbose=0)
print(model.predict([feats, adjacency], verbose=0).shape)
'''


def test_predict_gets_the_fits_batch_size(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "print(model.predict([feats, adjacency], verbose=0).shape)")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "print(model.predict([feats, adjacency], verbose=0, batch_size=N_NODES).shape)"
    assert first["proven"]


def test_with_the_batch_size_it_runs_clean(tmp_path):
    fixed = SCRIPT.replace("predict([feats, adjacency], verbose=0)", "predict([feats, adjacency], batch_size=N_NODES)")
    report, _, proc = run_json(run_cli, tmp_path, fixed)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []


def test_a_stateful_model_declared_for_one_sample_is_fit_with_that_batch(tmp_path):
    script = '''import numpy as np
import keras

seqs = np.random.rand(20, 6, 2).astype("float32")
model = keras.Sequential([keras.layers.Input(batch_shape=(1, 6, 2)),
                          keras.layers.GRU(4, stateful=True, return_sequences=True), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(seqs, np.random.rand(20, 6, 1), epochs=1, verbose=0)
'''
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, "model.fit(seqs")
    first = finding["fixes"][0]
    assert first["code"] == "model.fit(seqs, np.random.rand(20, 6, 1), epochs=1, verbose=0, batch_size=1)"
    assert first["proven"]


def test_one_sample_without_its_batch_axis_is_not_a_batch_size_matter(tmp_path):
    # fit(batch_size=8) then predict(x_test[3]): the data lost its batch axis; the batch size is not the cause.
    script = '''import numpy as np
import keras
from keras import layers

inp = keras.Input(shape=(12, 12, 1))
model = keras.Model(inp, layers.Dense(4)(layers.Flatten()(layers.Conv2D(8, 3)(inp))))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(16, 12, 12, 1), np.random.rand(16, 4), batch_size=8, epochs=1, verbose=0)
one = np.random.rand(4, 12, 12, 1)[2]
print(model.predict(one, verbose=0))
'''
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, "one = np.random.rand(4, 12, 12, 1)[2]")
    assert not any("batch_size" in (f["code"] or "") for f in finding["fixes"])
