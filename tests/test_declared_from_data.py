"""Declared input vs data: the fix goes on the data when the declaration was read off it.

``input_shape=X.shape[1:]`` copies the data's sample shape, so when a layer then refuses it, the
data lacks an axis (or is too small) and the expert's fix changes the data once, before the line
that reads its shape. Also: ``input_shape=X.shape`` (sample axis included) gets only one-sample
declarations, and data in the wrong layout (features first, one channel for an RGB model) gets
the numpy one-liner an answer writes. Real Keras, through ``shapedoctor run --json``
(corpus cases c050-c056 in miniature).
"""

from __future__ import annotations

from conftest import report_of

from shapedoctor.repair.declared_from_data import read_from

HEAD = "import numpy as np\nimport keras\nfrom keras import layers\n\n"


def _finding(cli, tmp_path, body: str) -> dict:
    script = tmp_path / "script.py"
    script.write_text(HEAD + body)
    return report_of(cli("run", "--json", "script.py", cwd=tmp_path))["findings"][0]


def test_read_from_names_the_array_a_declaration_copies(tmp_path):
    script = tmp_path / "decl.py"
    script.write_text("x = 1\nshape = imgs[0].shape\nf(input_shape=shape)\ng(input_shape=X.shape[1:])\n"
                      "h(input_shape=(95,))\nk(input_shape=X.shape[2:])\n")
    first = read_from(str(script), 3)
    assert (first.var, first.line, first.expr) == ("imgs", 2, "imgs[0].shape")
    second = read_from(str(script), 4)
    assert (second.var, second.line, second.expr) == ("X", 4, "X.shape[1:]")
    assert read_from(str(script), 5) is None  # a literal is not read off any array
    assert read_from(str(script), 6) is None  # not one sample's shape


ROWS = '''X = np.random.rand(40, 20).astype("float32")
y = np.random.randint(0, 2, size=(40,))
{decl}
model = keras.Sequential()
model.add(layers.Conv1D(8, 3, input_shape={arg}))
model.add(layers.GlobalAveragePooling1D())
model.add(layers.Dense(2, activation="softmax"))
'''


def test_rows_declared_as_their_own_shape_get_the_axis_on_the_data(cli, tmp_path):
    finding = _finding(cli, tmp_path, ROWS.format(decl="shape = X[0].shape", arg="shape"))
    assert finding["id"] == "SD101"
    assert finding["culprit"]["line"] == 7 and finding["culprit"]["kind"] == "data"  # `shape = X[0].shape`
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "X = np.expand_dims(X, -1)" and first["line"] == 7


def test_a_literal_declaration_is_not_blamed_on_the_data(cli, tmp_path):
    finding = _finding(cli, tmp_path, ROWS.format(decl="", arg="(20,)"))
    assert finding["id"] == "SD101"
    assert finding["culprit"]["line"] == 9  # the layer that declares (20,)
    assert not any("np.expand_dims(X" in (f["code"] or "") for f in finding["fixes"])


def test_whole_array_declared_gets_only_one_sample_declarations(cli, tmp_path):
    finding = _finding(cli, tmp_path, '''batch = np.random.rand(12, 6, 30).astype("float32")
model = keras.Sequential()
model.add(layers.LSTM(4, input_shape=batch.shape))
''')
    codes = [f["code"] for f in finding["fixes"]]
    assert codes and codes[0] == "model.add(layers.LSTM(4, input_shape=batch.shape[1:]))"
    assert not any("Reshape" in c for c in codes)  # a Reshape keeping batch.shape trains on whole arrays


def test_features_first_windows_are_transposed(cli, tmp_path):
    finding = _finding(cli, tmp_path, '''data = np.random.rand(20, 3, 50).astype("float32")
label = np.random.randint(0, 2, size=(20,)).astype("float32")
model = keras.Sequential([keras.Input(shape=(50, 3)), layers.LSTM(4), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(data, label, batch_size=10, epochs=1, verbose=0)
''')
    assert finding["id"] == "SD201" and finding["culprit"]["line"] == 5
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "data = np.transpose(data, (0, 2, 1))"


def test_grayscale_into_an_rgb_model_is_repeated_to_three_channels(cli, tmp_path):
    finding = _finding(cli, tmp_path, '''gray = np.random.rand(8, 16, 16, 1).astype("float32")
labels = np.random.randint(0, 3, size=(8,))
model = keras.Sequential([keras.Input(shape=(16, 16, 3)), layers.Conv2D(4, 3), layers.GlobalAveragePooling2D(),
                          layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(gray, labels, batch_size=4, epochs=1, verbose=0)
''')
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "gray = np.repeat(gray, 3, axis=-1)"
    assert first["checks"].get("samples") and first["checks"].get("keeps_data")


def test_application_on_small_images_declared_from_them_resizes_the_images(cli, tmp_path):
    finding = _finding(cli, tmp_path, '''x_train = np.random.rand(4, 24, 24, 3).astype("float32")
base = keras.applications.VGG16(include_top=False, weights=None, input_shape=x_train.shape[1:])
''')
    assert finding["id"] == "SD105"
    first = finding["fixes"][0]
    assert first["code"] == "x_train = keras.ops.image.resize(x_train, (32, 32))" and first["line"] == 6
    assert first["verified"]  # proven by running the patched script
    assert "only candidate that kept every invariant" in finding["why_first"]  # re-read after the proof


def test_layout_options_only_where_they_keep_the_meaning():
    from shapedoctor.diagnosis.training import data_options

    hows = [how for how, _shape, _why in data_options((20, 3, 50), (None, 50, 3))]
    assert "np.transpose({v}, (0, 2, 1))" in hows
    assert any(how.startswith("np.repeat") for how, _s, _w in data_options((8, 16, 16, 1), (None, 16, 16, 3)))
    # one feature per step is not a grayscale image: repeating it would invent 4 features
    assert not any(how.startswith("np.repeat") for how, _s, _w in data_options((8, 10, 1), (None, 10, 5)))
