"""Training-time label mismatches caused by a layer of the model, fixed on the model side
(shapedoctor/diagnosis/training.py check_labels and _extra_axes, training_output_layout.py
merged_positions_fix and stray_downsampling_fix, repair/invariants.py output_learns): a per-step head
sized to the wrong vocabulary (plain or inside TimeDistributed), a pooling left in a decoder, a global
pooling before a per-token head, the pooling-vs-Flatten order, and no softmax over one unit called
verified. Mirrors corpus cases t207-t213 in miniature.

Real scripts run under the recorder in this process (real Keras, TensorFlow backend): the culprit
line, the first fix's code and its verification, the patched script run to its end; one fix is
written by ``shapedoctor run --write`` and the written script run with plain python.
"""

from __future__ import annotations


from conftest import line_of
from training_calls import diagnose_as_run, runs_patched, write_body, written_by_run

PER_STEP_HEAD = '''n_src, n_tgt = 12, 17
src = np.eye(n_src, dtype="float32")[np.random.randint(0, n_src, size=(24, 6))]
tgt = np.eye(n_tgt, dtype="float32")[np.random.randint(0, n_tgt, size=(24, 6))]
inputs = keras.Input(shape=(None, n_src))
x = layers.GRU(16, return_sequences=True)(inputs)
probs = layers.Dense(n_src, activation="softmax")(x)
model = keras.Model(inputs, probs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(src, tgt, epochs=1, batch_size=8, verbose=0)
'''


def test_a_per_step_softmax_sized_to_the_wrong_vocabulary_is_resized(tmp_path):
    script = write_body(tmp_path, PER_STEP_HEAD)
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.id == "SD202"
    assert finding.culprit.line == line_of(script.read_text(), "layers.Dense(n_src")
    first = finding.fixes[0]
    assert first.verified
    assert first.code.strip() == 'probs = layers.Dense(n_tgt, activation="softmax")(x)'
    assert runs_patched(tmp_path, first)


def test_the_dense_inside_time_distributed_gets_the_labels_classes(tmp_path):
    body = '''ids = np.random.randint(0, 20, size=(24, 8))
tags = np.eye(9, dtype="float32")[np.random.randint(0, 9, size=(24, 8))]
model = keras.Sequential()
model.add(keras.Input(shape=(8,)))
model.add(layers.Embedding(20, 8))
model.add(layers.LSTM(8, return_sequences=True))
model.add(layers.TimeDistributed(layers.Dense(20, activation="softmax")))
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(ids, tags, epochs=1, batch_size=8, verbose=0)
'''
    script = write_body(tmp_path, body)
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.culprit.line == line_of(script.read_text(), "TimeDistributed(")
    first = finding.fixes[0]
    assert first.verified
    assert first.code.strip() == 'model.add(layers.TimeDistributed(layers.Dense(9, activation="softmax")))'
    assert runs_patched(tmp_path, first)


STRAY_POOL = '''images = np.random.rand(16, 16, 16, 1).astype("float32")
inputs = keras.Input(shape=(16, 16, 1))
x = layers.Conv2D(4, 3, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(4, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling2D(2)(x)
x = layers.UpSampling2D(2)(x)
x = layers.Conv2D(4, 3, padding="same", activation="relu")(x)
x = layers.AveragePooling2D(2)(x)
x = layers.UpSampling2D(2)(x)
decoded = layers.Conv2D(1, 3, padding="same", activation="sigmoid")(x)
model = keras.Model(inputs, decoded)
model.compile(optimizer="adam", loss="mse")
model.fit(images, images, epochs=1, batch_size=8, verbose=0)
'''


def test_a_pooling_left_between_the_decoders_upsamplings_is_removed_and_written(tmp_path):
    script = write_body(tmp_path, STRAY_POOL)
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.culprit.line == line_of(script.read_text(), "AveragePooling2D(")
    first = finding.fixes[0]
    assert first.verified and first.code == "# delete this line: x = layers.AveragePooling2D(2)(x)"
    written = written_by_run(tmp_path)
    assert "AveragePooling2D" not in written and written.count("MaxPooling2D(2)") == 2


def test_the_encoders_pooling_is_never_removed_for_a_decoder_one_upsampling_short(tmp_path):
    # Two poolings down, one upsampling back: the decoder lacks a step; dropping an encoder
    # pooling would fit the shapes too, but it is not the mistake.
    body = STRAY_POOL.replace("x = layers.AveragePooling2D(2)(x)\n", "").replace(
        "x = layers.UpSampling2D(2)(x)\ndecoded", "decoded")
    script = write_body(tmp_path, body)
    finding = diagnose_as_run(script)[1].findings[0]
    assert "MaxPooling2D" not in script.read_text().splitlines()[finding.culprit.line - 1]
    assert not any("delete this line" in f.code and "Pooling" in f.code for f in finding.fixes)


def test_a_global_pooling_before_a_per_token_head_is_removed(tmp_path):
    body = '''ids = np.random.randint(1, 50, size=(24, 10))
tags = np.random.randint(0, 4, size=(24, 10))
inputs = keras.Input(shape=(10,))
x = layers.Embedding(50, 8)(inputs)
x = layers.LSTM(8, return_sequences=True)(x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(4, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(ids, tags, epochs=1, batch_size=8, verbose=0)
'''
    script = write_body(tmp_path, body)
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.culprit.line == line_of(script.read_text(), "GlobalAveragePooling1D(")
    first = finding.fixes[0]
    assert first.verified and first.code == "# delete this line: x = layers.GlobalAveragePooling1D()(x)"
    assert runs_patched(tmp_path, first)


def test_a_conv1d_series_map_is_pooled_first_and_shown_once(tmp_path):
    body = '''series = np.random.rand(24, 40, 1).astype("float32")
labels = np.random.randint(0, 3, size=(24,))
inputs = keras.Input(shape=(40, 1))
x = layers.Conv1D(8, 3, padding="same", activation="relu")(inputs)
outputs = layers.Dense(3, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(series, labels, epochs=1, batch_size=8, verbose=0)
'''
    script = write_body(tmp_path, body)
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.culprit.line == line_of(script.read_text(), "layers.Dense(3")
    codes = [f.code.strip() for f in finding.fixes]
    assert codes[0] == "x = layers.GlobalAveragePooling1D()(x)" and finding.fixes[0].verified
    assert len(codes) == len(set(codes))  # the same insertion is not listed twice


def test_binary_masks_against_a_two_channel_softmax_get_one_sigmoid_channel(tmp_path):
    body = '''images = np.random.rand(16, 12, 12, 3).astype("float32")
masks = (np.random.rand(16, 12, 12, 1) > 0.5).astype("float32")
inputs = keras.Input(shape=(12, 12, 3))
x = layers.Conv2D(4, 3, padding="same", activation="relu")(inputs)
outputs = layers.Conv2D(2, 1, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(images, masks, epochs=1, batch_size=8, verbose=0)
'''
    script = write_body(tmp_path, body)
    finding = diagnose_as_run(script)[1].findings[0]
    first = finding.fixes[0]
    assert first.verified and first.code.strip() == 'outputs = layers.Conv2D(1, 1, activation="sigmoid")(x)'
    # one channel under softmax is always 1.0: never shown as verified
    assert not any(f.verified and "Conv2D(1" in f.code and "softmax" in f.code for f in finding.fixes)


def test_output_learns_rejects_a_softmax_over_one_value():
    import keras

    from shapedoctor.repair.invariants import output_learns

    inputs = keras.Input(shape=(4,))
    one = keras.Model(inputs, keras.layers.Dense(1, activation="softmax")(inputs))
    two = keras.Model(inputs, keras.layers.Dense(2, activation="softmax")(inputs))
    plain = keras.Model(inputs, keras.layers.Dense(1)(inputs))
    assert output_learns(one, 0)[0] is False
    assert output_learns(two, 0) == (True, "")
    assert output_learns(plain, 0) is None


def test_an_autoencoders_time_distributed_head_gets_the_inputs_features(tmp_path):
    body = '''windows = np.random.rand(24, 6, 5).astype("float32")
model = keras.Sequential()
model.add(keras.Input(shape=(6, 5)))
model.add(layers.LSTM(8))
model.add(layers.RepeatVector(6))
model.add(layers.LSTM(8, return_sequences=True))
model.add(layers.TimeDistributed(layers.Dense(6)))
model.compile(optimizer="adam", loss="mse")
model.fit(windows, windows, epochs=1, batch_size=8, verbose=0)
'''
    script = write_body(tmp_path, body)
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.culprit.kind == "layer"  # the labels are the inputs: never their line
    assert finding.culprit.line == line_of(script.read_text(), "TimeDistributed(")
    first = finding.fixes[0]
    assert first.verified and first.code.strip() == "model.add(layers.TimeDistributed(layers.Dense(5)))"


def test_a_convolution_head_gets_flatten_and_a_dense_of_the_labels_width_written_in_order(tmp_path):
    # A forecaster whose last layer is a Conv1D: its (None, 26, 1) map is no row of 5 values per
    # sample, and no setting of that convolution makes one; a Flatten and a Dense(5) after it do.
    body = '''x = np.random.rand(16, 30, 1).astype("float32")
y = np.random.rand(16, 5).astype("float32")
model = keras.Sequential([
    keras.Input(shape=(30, 1)),
    layers.Conv1D(8, 3, activation="relu"),
    layers.Conv1D(1, 3),
])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=1, verbose=0)
'''
    script = write_body(tmp_path, body)
    finding = diagnose_as_run(script)[1].findings[0]
    fix = next(f for f in finding.fixes if "Dense(5)" in f.code)
    assert fix.verified
    assert fix.code.splitlines() == ["layers.Flatten(),", "layers.Dense(5),"]
    assert runs_patched(tmp_path, fix)  # the written lines run in the order they are shown
