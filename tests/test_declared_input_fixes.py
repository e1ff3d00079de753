"""The model's declared input is the root cause: the fix an expert writes comes first, verified.

* a flat row of pixels (``input_shape=(784,)``) read by a Conv2D: ``Reshape((28, 28, 1))`` as the
  model's first layer (families/sd101_rank.py), not a 784x1 strip;
* rows reshaped to one time step ``(N, 1, 50)`` for a Conv1D: ``input_shape=(50, 1)`` with the data
  moved the same way (families/sd105_shrink.py + repair/data_follows.py), not ``padding="same"``;
* Keras 3's ``Input(shape=(X.shape[1]))`` (an int, the tuple comma missing): the comma, written and
  run (diagnosis/input_declaration.py);
* a keras.applications model's smallest input, read from Keras's own argument check
  (diagnosis/application_input.py).

Real Keras, through ``shapedoctor run`` (corpus cases c162-c166 in miniature; the applications
cases themselves run in tests/test_corpus.py).
"""

from __future__ import annotations

import subprocess
import sys

from conftest import line_of, report_of

from shapedoctor.families.sd101_rank import flat_image_layout

HEAD = "import numpy as np\nimport keras\nfrom keras import layers\n\n"


def _report(cli, tmp_path, body: str) -> tuple[dict, str]:
    script = tmp_path / "script.py"
    script.write_text(HEAD + body)
    return report_of(cli("run", "--json", "script.py", cwd=tmp_path)), HEAD + body


def test_flat_image_layout_reads_square_images_only():
    assert flat_image_layout(784) == (28, 28, 1)
    assert flat_image_layout(3072) == (32, 32, 3)
    assert flat_image_layout(4096) == (64, 64, 1)
    assert flat_image_layout(30) is None  # 30 features are not an image
    assert flat_image_layout(9) is None  # too small to be one


def test_smallest_application_input_is_keras_own():
    from shapedoctor.diagnosis.application_input import smallest_size

    assert smallest_size("InceptionV3", 3) == (75, 75)
    assert smallest_size("ResNet50", 3) == (32, 32)
    assert smallest_size("NoSuchModel", 3) is None


def test_a_mobilenetv3_on_too_small_images_is_read_from_its_own_wording(cli, tmp_path):
    body = ('base = keras.applications.MobileNetV3Small(input_shape=(24, 24, 3), include_top=False, weights=None)\n'
            'model = keras.Sequential([base, layers.GlobalAveragePooling2D(), layers.Dense(3)])\n')
    report, source = _report(cli, tmp_path, body)
    finding = report["findings"][0]
    assert finding["id"] == "SD105" and finding["culprit"]["line"] == line_of(source, "MobileNetV3Small(")
    first = finding["fixes"][0]
    assert first["verified"] and "input_shape=(32, 32, 3)" in first["code"]


FLAT = '''x = np.random.rand(32, 784).astype("float32")
y = np.random.randint(0, 10, size=(32,))
model = keras.Sequential()
model.add(layers.Conv2D(8, (3, 3), activation="relu", input_shape=(784,)))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(10, activation="softmax"))
'''


def test_flat_rows_into_conv2d_are_laid_out_as_the_image(cli, tmp_path):
    report, source = _report(cli, tmp_path, FLAT)
    finding = report["findings"][0]
    line = line_of(source, "input_shape=(784,)")
    assert finding["id"] == "SD101" and finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["verified"] and first["line"] == line
    assert first["code"] == "model.add(layers.Reshape((28, 28, 1), input_shape=(784,)))"
    assert "28x28 grayscale image" in first["title"]
    assert not any("(784, 1, 1)" in (f["code"] or "") for f in finding["fixes"] if f["verified"])


ONE_STEP = '''X = np.random.rand(48, 50).astype("float32")
y = np.random.randint(0, 2, size=(48,))
X = X.reshape(X.shape[0], 1, X.shape[1])
model = keras.Sequential()
model.add(layers.Conv1D(8, 3, activation="relu", input_shape=(1, 50)))
model.add(layers.MaxPooling1D(2))
model.add(layers.Flatten())
model.add(layers.Dense(1, activation="sigmoid"))
'''


def test_one_step_conv1d_input_is_declared_as_steps_and_the_data_moves(cli, tmp_path):
    report, source = _report(cli, tmp_path, ONE_STEP)
    finding = report["findings"][0]
    line = line_of(source, "input_shape=(1, 50)")
    assert finding["id"] == "SD105" and finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["verified"], first
    assert "input_shape=(50, 1)" in first["code"] and "X = np.moveaxis(X, 1, -1)" in first["code"]
    assert not any('padding="same"' in (f["code"] or "") for f in finding["fixes"][:1])


NO_COMMA = '''X_train = np.random.rand(40, 7).astype("float32")
y_train = np.random.rand(40, 1).astype("float32")
inputs = keras.Input(shape=(X_train.shape[1]))
outputs = layers.Dense(1)(layers.Dense(8, activation="relu")(inputs))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(X_train, y_train, epochs=1, batch_size=8, verbose=0)
'''


def test_int_shape_gets_its_tuple_comma_written_and_run(cli, tmp_path):
    script = tmp_path / "script.py"
    script.write_text(HEAD + NO_COMMA)
    report = report_of(cli("run", "--json", "--write", "script.py", cwd=tmp_path))  # one run: diagnose, prove, write
    finding = report["findings"][0]
    line = line_of(HEAD + NO_COMMA, "keras.Input(")
    assert finding["id"] == "SD101" and finding["culprit"]["line"] == line
    assert "Cannot convert '7' to a shape" in finding["keras_message"]
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "inputs = keras.Input(shape=(X_train.shape[1],))"
    written = script.read_text()
    assert written == (HEAD + NO_COMMA).replace("shape=(X_train.shape[1]))", "shape=(X_train.shape[1],))")
    ran = subprocess.run([sys.executable, "script.py"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert ran.returncode == 0, ran.stderr[-2000:]
