"""Merge mismatches (SD104) whose cause is not one of the merged branches.

Runs ``shapedoctor run`` on small real scripts (real Keras, TensorFlow backend), written for
these tests (not the corpus scripts):

* skip merges of an encoder/decoder whose maps sit at the same scale of the input but differ by a
  rounding: the input size is not a multiple of the downsampling, so the Input declaration is the
  culprit and the fix a size the downsampling divides (written where the size is bound when the
  Input names it); a stray pooling on one branch of a residual keeps its old answer (the pooling).
"""

from __future__ import annotations


from conftest import report_of, run_plain

# A 1-D encoder/decoder over signals: two poolings down (stride 2 each), two upsamplings back.
SIGNAL_UNET = '''import numpy as np
import keras
from keras import layers

signal_length = {length}
inputs = keras.Input(shape=(signal_length, 2))
e1 = layers.Conv1D(8, 5, padding="same", activation="relu")(inputs)
p1 = layers.MaxPooling1D(2)(e1)
e2 = layers.Conv1D(16, 5, padding="same", activation="relu")(p1)
p2 = layers.MaxPooling1D(2)(e2)
mid = layers.Conv1D(32, 5, padding="same", activation="relu")(p2)
u2 = layers.UpSampling1D(2)(mid)
m2 = layers.Concatenate()([u2, e2])
d2 = layers.Conv1D(16, 5, padding="same", activation="relu")(m2)
u1 = layers.UpSampling1D(2)(d2)
m1 = layers.Concatenate()([u1, e1])
outputs = layers.Conv1D(1, 1)(m1)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
x = np.random.rand(6, signal_length, 2).astype("float32")
y = np.random.rand(6, signal_length, 1).astype("float32")
model.fit(x, y, epochs=1, batch_size=3, verbose=0)
'''

# A 3-D volume encoder/decoder with the size written as literals and a strided 'same' encoder.
VOLUME_UNET = '''import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(18, 16, 16, 1))
d1 = layers.Conv3D(4, 3, strides=2, padding="same", activation="relu")(inputs)
d2 = layers.Conv3D(8, 3, strides=2, padding="same", activation="relu")(d1)
u1 = layers.Conv3DTranspose(4, 2, strides=2, padding="same")(d2)
m1 = layers.Add()([u1, d1])
outputs = layers.Conv3DTranspose(1, 2, strides=2, padding="same")(m1)
model = keras.Model(inputs, outputs)
print(model.output_shape)
'''

# A residual block whose main branch pools and whose shortcut does not: the pooling is the cause.
POOLED_RESIDUAL = '''import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(40, 3))
x = layers.Conv1D(16, 3, padding="same", activation="relu")(inputs)
shortcut = x
x = layers.Conv1D(16, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling1D(2)(x)
x = layers.Add()([x, shortcut])
model = keras.Model(inputs, layers.GlobalAveragePooling1D()(x))
print(model.output_shape)
'''


def _finding(cli, tmp_path, text: str) -> dict:
    (tmp_path / "script.py").write_text(text)
    return report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]


def test_signal_length_not_divisible_names_the_length_and_rebinds_it(cli, tmp_path):
    finding = _finding(cli, tmp_path, SIGNAL_UNET.format(length=50))
    assert finding["id"] == "SD104"
    # The line that chooses the Input's length (the fix is written there), not the pooling or the upsampling.
    assert finding["culprit"]["line"] == 5
    assert finding["consumer"]["line"] == 13
    first = finding["fixes"][0]
    assert first["verified"]
    assert first["code"] == "signal_length = 48"  # the binding: the data made with the name follows
    assert "Cropping1D" not in first["code"]


def test_the_rebinding_is_written_and_the_script_then_trains(cli, tmp_path):
    (tmp_path / "script.py").write_text(SIGNAL_UNET.format(length=50))
    proc = cli("run", "--write", "script.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    written = (tmp_path / "script.py").read_text()
    assert "signal_length = 48\n" in written
    assert run_plain("script.py", cwd=tmp_path).returncode == 0


def test_strided_same_encoder_rounds_up_and_the_literal_input_gets_the_fix(cli, tmp_path):
    finding = _finding(cli, tmp_path, VOLUME_UNET)
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == 5
    codes = [f["code"] for f in finding["fixes"] if f["verified"]]
    assert codes[0] == "inputs = keras.Input(shape=(16, 16, 16, 1))"  # 18 is not a multiple of 4
    assert "inputs = keras.Input(shape=(20, 16, 16, 1))" in codes


def test_a_divisible_length_stays_a_valid_program(cli, tmp_path):
    (tmp_path / "script.py").write_text(SIGNAL_UNET.format(length=48))
    proc = cli("run", "--json", "script.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert report_of(proc)["status"] == "ok"


def test_a_stray_pooling_on_one_branch_keeps_the_pooling_as_culprit(cli, tmp_path):
    finding = _finding(cli, tmp_path, POOLED_RESIDUAL)
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == 9  # the branch that changed the size, not the input
    assert not any("Input(" in (f["code"] or "") for f in finding["fixes"])


# Sensor windows (a Conv1D sequence) merged with a static device vector; what reads the merge decides.
SENSOR_MERGE = '''import numpy as np
import keras
from keras import layers

steps = 30
window_in = keras.Input(shape=(steps, 4))
device_in = keras.Input(shape=(6,))
seq = layers.Conv1D(16, 3, padding="same", activation="relu")(window_in)
seq = layers.GRU(16, return_sequences=True)(seq)
device = layers.Dense(8, activation="relu")(device_in)
joined = layers.Concatenate()([seq, device])
h = {reader}(joined)
out = layers.Dense(1)(h)
model = keras.Model([window_in, device_in], out)
model.compile(optimizer="adam", loss="mse")
model.fit([np.random.rand(8, steps, 4), np.random.rand(8, 6)], np.random.rand(8, 1), epochs=1, batch_size=4, verbose=0)
'''


def test_a_vector_merged_into_a_sequence_read_by_a_recurrent_layer_is_repeated(cli, tmp_path):
    finding = _finding(cli, tmp_path, SENSOR_MERGE.format(reader="layers.LSTM(8)"))
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == 10  # the vector branch, where RepeatVector belongs
    first = finding["fixes"][0]
    assert first["verified"]
    assert "RepeatVector(steps)" in first["code"]
    # reducing the sequence would build at the merge and break the LSTM right after: not offered
    assert not any("return_sequences=False" in (f["code"] or "") or "Pooling1D" in (f["code"] or "")
                   for f in finding["fixes"])


def test_a_merge_read_by_a_dense_head_keeps_reducing_the_sequence(cli, tmp_path):
    finding = _finding(cli, tmp_path, SENSOR_MERGE.format(reader='layers.Dense(8, activation="relu")'))
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == 9  # the GRU that returns the whole sequence
    assert not any("RepeatVector" in (f["code"] or "") for f in finding["fixes"][:1])
