"""Build-time errors whose root cause is above the layer Keras names, past layers that cannot have
made the shape wrong.

* a missing time axis seen through a ``Dense`` (Keras 3 applies it per step): the RNN that dropped the
  axis is the culprit, ``return_sequences=True`` there is the first fix, written and run
  (diagnosis/rank_origin.py; corpus c168, c169, c171);
* the same through Dense layers down to the ``Input``, when the script's windows say what one sample
  is: the declaration, fixed with the data's sample shape in the user's names (c175); without such
  data the declaration is not accused (``Dense(1)`` before an LSTM stays c001's answer);
* a Reshape whose target counts the values of an unshrunk map, refused because one convolution above
  lacks ``padding="same"``: that convolution (diagnosis/reshape_origin.py; c170).

Real Keras: one script through ``shapedoctor run --write`` (diagnosed, proven, written, then run with
python); the others in this process under ``shapedoctor.watch()`` (the same pipeline, one import of
Keras for all of them).
"""

from __future__ import annotations

import subprocess
import sys

from conftest import line_of, report_of, watched_finding

HEAD = "import numpy as np\nimport keras\nfrom keras import layers\n\n"


def _finding(tmp_path, body: str) -> dict:
    """The first finding ``watch()`` attaches to the script's shape error (JSON form)."""
    return watched_finding(tmp_path, HEAD + body)

STACKED = '''x = np.random.rand(24, 10, 3).astype("float32")
y = np.random.rand(24, 1).astype("float32")
inputs = keras.Input(shape=(10, 3))
h = layers.GRU(16)(inputs)
h = layers.Dropout(0.1)(h)
h = layers.Dense(8, activation="relu")(h)
h = layers.GRU(4)(h)
outputs = layers.Dense(1)(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=1, batch_size=8, verbose=0)
'''


def test_rnn_that_dropped_the_axis_past_a_dense_is_fixed_written_and_run(cli, tmp_path):
    script = tmp_path / "script.py"
    script.write_text(HEAD + STACKED)
    report = report_of(cli("run", "--json", "--write", "script.py", cwd=tmp_path))  # diagnose, prove, write
    finding = report["findings"][0]
    line = line_of(HEAD + STACKED, "layers.GRU(16)")
    assert finding["id"] == "SD101" and finding["culprit"]["line"] == line
    assert finding["consumer"]["line"] == line_of(HEAD + STACKED, "layers.GRU(4)")
    assert "which keeps the number of axes it is given; the axis was lost above it" in finding["explanation"]
    first = finding["fixes"][0]
    assert first["verified"] and first["proven"], first
    assert first["code"] == "h = layers.GRU(16, return_sequences=True)(inputs)"
    assert script.read_text() == (HEAD + STACKED).replace("layers.GRU(16)", "layers.GRU(16, return_sequences=True)")
    ran = subprocess.run([sys.executable, "script.py"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert ran.returncode == 0, ran.stderr[-2000:]


DECLARED = '''n_steps = 8
n_features = 5
X = np.random.rand(30, n_steps, n_features).astype("float32")
y = np.random.rand(30, 1).astype("float32")
model = keras.Sequential()
model.add(layers.Dense(16, activation="relu", input_shape=(n_features,)))
model.add(layers.Dense(8))
model.add(layers.LSTM(12))
model.add(layers.Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=10, verbose=0)
'''

# The same architecture on tabular rows: no array says a sample has steps.
TABULAR = DECLARED.replace("np.random.rand(30, n_steps, n_features)", "np.random.rand(30, n_features)")


def test_input_declared_without_the_time_axis_of_the_data_is_the_culprit(tmp_path):
    finding = _finding(tmp_path, DECLARED)
    line = line_of(HEAD + DECLARED, "input_shape=(n_features,)")
    assert finding["id"] == "SD101" and finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["verified"] and first["line"] == line, first
    assert "input_shape=(n_steps, n_features)" in first["code"]
    assert "declares only 1 axes per sample" in finding["explanation"]


def test_tabular_rows_do_not_accuse_the_declaration(tmp_path):
    finding = _finding(tmp_path, TABULAR)
    assert finding["id"] == "SD101"
    assert finding["culprit"]["line"] == line_of(HEAD + TABULAR, "layers.Dense(8)")  # the nearest layer, as before
    assert not any("input_shape=(" in (f["code"] or "") and "n_steps" in (f["code"] or "") for f in finding["fixes"])


TRIMMED = '''width, height = 64, 16
images = np.random.rand(2, width, height, 1).astype("float32")
inp = layers.Input(shape=(width, height, 1))
x = layers.Conv2D(8, (3, 3), padding="same")(inp)
x = layers.MaxPooling2D((2, 2))(x)
x = layers.Conv2D(16, (3, 3))(x)
x = layers.MaxPooling2D((2, 2))(x)
x = layers.Reshape(target_shape=(width // 4, (height // 4) * 16))(x)
outputs = layers.Dense(5)(x)
model = keras.Model(inp, outputs)
print(model.predict(images, verbose=0).shape)
'''


def test_reshape_refusing_a_map_one_valid_conv_shrank_names_the_conv(tmp_path):
    finding = _finding(tmp_path, TRIMMED)
    line = line_of(HEAD + TRIMMED, "layers.Conv2D(16, (3, 3))")
    assert finding["id"] == "SD103" and finding["culprit"]["line"] == line
    assert finding["consumer"]["line"] == line_of(HEAD + TRIMMED, "layers.Reshape(")
    first = finding["fixes"][0]
    assert first["verified"] and first["line"] == line, first
    assert first["code"] == 'x = layers.Conv2D(16, (3, 3), padding="same")(x)'
    assert 'has padding="valid", which removes kernel - 1 pixels per axis' in finding["explanation"]


AUTOENCODER = '''steps, features = 10, 3
seq = np.random.rand(16, steps, features).astype("float32")
inputs = keras.Input(shape=(steps, features))
encoded = layers.LSTM(16)(inputs)
code = layers.Dense(4, activation="relu")(encoded)
decoded = layers.LSTM(16, return_sequences=True)(code)
outputs = layers.TimeDistributed(layers.Dense(features))(decoded)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(seq, seq, epochs=1, verbose=0)
'''


def test_decoder_unrolling_a_code_vector_keeps_the_code(tmp_path):
    """A decoder RNN that returns sequences after a Dense code: the vector is meant (RepeatVector forgotten),
    the encoder is not told to return its steps."""
    finding = _finding(tmp_path, AUTOENCODER)
    assert finding["culprit"]["line"] == line_of(HEAD + AUTOENCODER, "layers.Dense(4")
    first = finding["fixes"][0]
    assert first["verified"] and "RepeatVector(steps)" in first["code"], first
    assert not any("return_sequences=True" in (f["code"] or "") and "LSTM(16," in (f["code"] or "")
                   and "inputs" in (f["code"] or "") for f in finding["fixes"])
