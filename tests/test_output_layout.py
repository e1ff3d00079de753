"""Labels against an output with the right values in the wrong shape, where the model is what to
change (shapedoctor/diagnosis/training_output_layout.py): a Reshape to the labels' layout (appended
after the last layer, or as the target of the model's final Reshape), and a windowed pooling before
the head replaced by the global one. Mirrors corpus cases t195, t196 and t198 in miniature.

Real scripts run under the recorder in this process (real Keras, TensorFlow backend); the culprit
line, the first fix's code, its verification, and the patched script run to its end; one fix is
written by ``shapedoctor run --write`` and the written script run with plain python.
"""

from __future__ import annotations


from conftest import line_of
from training_calls import diagnose_as_run, runs_patched, write_body, written_by_run

from shapedoctor.patch.apply import make_patch

AUTOENCODER_ADD = '''x_train = np.random.rand(32, 12, 12).astype("float32")
model = keras.Sequential()
model.add(keras.Input(shape=(12, 12)))
model.add(layers.Flatten())
model.add(layers.Dense(16, activation="relu"))
model.add(layers.Dense(144, activation="sigmoid"))
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, x_train, epochs=1, batch_size=8, verbose=0)
'''


def test_a_dense_decoder_against_its_own_images_gets_a_reshape_after_its_last_layer(tmp_path):
    script = write_body(tmp_path, AUTOENCODER_ADD)
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.id == "SD202"
    assert finding.culprit.line == line_of(script.read_text(), "Dense(144")
    first = finding.fixes[0]
    assert first.verified and first.code.strip() == "model.add(layers.Reshape((12, 12)))"
    assert first.checks.get("samples") is not False
    assert runs_patched(tmp_path, first)
    assert make_patch(first.edits).after.splitlines()[line_of(script.read_text(), "Dense(144")] == \
        "model.add(layers.Reshape((12, 12)))"  # the line right after the output layer


def test_a_functional_decoder_is_reshaped_under_its_own_output_name(tmp_path):
    body = '''x_train = np.random.rand(32, 12, 12, 1).astype("float32")
inputs = keras.Input(shape=(12, 12, 1))
x = layers.Flatten()(inputs)
x = layers.Dense(16, activation="relu")(x)
decoded = layers.Dense(144, activation="sigmoid")(x)
model = keras.Model(inputs, decoded)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x_train, x_train, epochs=1, batch_size=8, verbose=0)
'''
    script = write_body(tmp_path, body)
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.culprit.line == line_of(script.read_text(), "Dense(144")
    first = finding.fixes[0]
    assert first.verified and first.code.strip() == "decoded = layers.Reshape((12, 12, 1))(decoded)"
    # written by the CLI, then run with plain python
    assert "decoded = layers.Reshape((12, 12, 1))(decoded)" in written_by_run(tmp_path)


def test_the_last_item_of_a_layer_list_gets_the_reshape_as_the_next_item(tmp_path):
    body = '''x_train = np.random.rand(32, 12, 12).astype("float32")
model = keras.Sequential([
    keras.Input(shape=(12, 12)),
    layers.Flatten(),
    layers.Dense(144)
])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, x_train, epochs=1, batch_size=8, verbose=0)
'''
    script = write_body(tmp_path, body)
    first = diagnose_as_run(script)[1].findings[0].fixes[0]
    assert first.verified and "layers.Reshape((12, 12))" in first.code
    assert runs_patched(tmp_path, first)


FORECAST = '''inputs = np.random.rand(32, 24, 5).astype("float32")
labels = np.random.rand(32, 12, 5).astype("float32")
model = keras.Sequential([
    keras.Input(shape=(24, 5)),
    layers.LSTM(8),
    layers.Dense(60),
    layers.Reshape([5, 12]),
])
model.compile(optimizer="adam", loss="mse")
model.fit(inputs, labels, epochs=1, batch_size=8, verbose=0)
'''


def test_a_final_reshape_that_swaps_steps_and_features_is_the_culprit(tmp_path):
    # The labels keep the data's 5 features on their last axis; the output puts 12 there.
    script = write_body(tmp_path, FORECAST)
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.culprit.line == line_of(script.read_text(), "Reshape([5, 12])")
    first = finding.fixes[0]
    assert first.verified and "Reshape((12, 5))" in first.code
    assert runs_patched(tmp_path, first)


def test_labels_not_laid_out_like_the_data_name_the_model_only_as_the_side_the_repair_changes(tmp_path):
    # 5 features per step in the data, labels (12, 2) per sample: nothing in the data says which
    # layout is right, so this rule does not name the model (training_output_layout.py); but no
    # verified repair changes the labels, and the one that does verify edits the Reshape, so the
    # report names the Reshape and says why (diagnosis/repaired_side.py), never a line no verified
    # repair touches.
    script = write_body(tmp_path, FORECAST.replace("rand(32, 12, 5)", "rand(32, 12, 2)")
                    .replace("Dense(60)", "Dense(24)").replace("Reshape([5, 12])", "Reshape([2, 12])"))
    finding = diagnose_as_run(script)[1].findings[0]
    verified = [f for f in finding.fixes if f.verified]
    assert verified and all(f.line == finding.culprit.line for f in verified)
    assert finding.culprit.line == line_of(script.read_text(), "Reshape([2, 12])")
    assert "No verified change of the labels" in finding.explanation


POOLED = '''x = np.random.rand(32, 20, 6).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 2, size=(32,)), 2)
model = keras.Sequential()
model.add(keras.Input(shape=(20, 6)))
model.add(layers.LSTM(8, return_sequences=True))
model.add(layers.TimeDistributed(layers.Dense(1)))
model.add(layers.AveragePooling1D(pool_size=2))
model.add(layers.Dense(2, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x, y, epochs=1, batch_size=8, verbose=0)
'''


def test_a_windowed_pooling_before_the_head_is_replaced_by_the_global_one(tmp_path):
    script = write_body(tmp_path, POOLED)
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.culprit.line == line_of(script.read_text(), "AveragePooling1D(")  # not the LSTM
    first = finding.fixes[0]
    assert first.verified and first.code.strip() == "model.add(layers.GlobalAveragePooling1D())"
    assert runs_patched(tmp_path, first)


def test_a_windowed_pooling_followed_by_flatten_and_a_reshaped_decoder_are_valid(tmp_path):
    pooled = write_body(tmp_path, POOLED.replace("model.add(layers.Dense(2,", "model.add(layers.Flatten())\n"
                                             "model.add(layers.Dense(2,"), "pooled.py")
    assert not diagnose_as_run(pooled)[1].findings
    decoder = write_body(tmp_path, AUTOENCODER_ADD.replace('activation="sigmoid"))', 'activation="sigmoid"))\n'
                                                       "model.add(layers.Reshape((12, 12)))"), "decoder.py")
    assert not diagnose_as_run(decoder)[1].findings


def test_a_flatten_between_a_per_word_sequence_and_the_head_is_removed(tmp_path):
    body = '''words = np.random.randint(1, 300, size=(32, 10))
tags = np.random.randint(0, 6, size=(32, 10))
model = keras.Sequential()
model.add(keras.Input(shape=(10,)))
model.add(layers.Embedding(300, 8))
model.add(layers.LSTM(8, return_sequences=True))
model.add(layers.Flatten())
model.add(layers.Dense(6, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(words, tags, epochs=1, batch_size=8, verbose=0)
'''
    script = write_body(tmp_path, body)
    finding = diagnose_as_run(script)[1].findings[0]
    assert finding.culprit.line == line_of(script.read_text(), "Flatten()")  # not the labels
    first = finding.fixes[0]
    assert first.verified and first.code == "# delete this line: model.add(layers.Flatten())"
    assert runs_patched(tmp_path, first)
