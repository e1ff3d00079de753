"""Culprits that were named without a fix (real Keras; see diagnosis/training_multiplied.py).

x holding a whole multiple of the labels' count: a generator run through several times by
``predict(steps=<samples>)`` is fixed on its ``steps``, a ``reshape(-1, ...)`` whose -1 took in part of
each sample on its last size; both name the line that made x, not the labels. One class id per
frame against an output with fewer frames names the valid convolution that shortened it (SD202,
diagnosis/training.py ``check_labels``) instead of reading the ids as multi-hot. Plain rows against a
declared (1, F) sample blame the declaration when no layer reads that axis (a Dense-only model), the
data when one does (a recurrent layer reads it as time steps). A boolean row filter applied to x only
(the script indexes with it; its True count is x's rows) is applied to the labels too
(diagnosis/training_filtered.py). ``--quick`` (the mode
proofs run in) keeps a finite ``predict`` whole, so features predicted for a later ``fit`` still pair
with its labels. Other programs keep their old answers and valid ones stay unflagged.
"""

from __future__ import annotations

import linecache
import os
import subprocess
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers  # noqa: E402

from shapedoctor.diagnosis.training import check  # noqa: E402
from shapedoctor.diagnosis.training_fixes import findings_for  # noqa: E402
from shapedoctor.trace.sites import Site  # noqa: E402
from shapedoctor.trace.training import arrays_in_frame, capture, quick_kwargs  # noqa: E402
from training_calls import diagnose_training_call  # noqa: E402


def _diagnose(tmp_path, source: str, model, args: tuple, method: str = "fit"):
    return diagnose_training_call(tmp_path / "counts11.py", source, model, args, method)


def _head(features_shape: tuple, units: int = 1):
    model = keras.Sequential([keras.Input(shape=features_shape), layers.Flatten(),
                              layers.Dense(units, activation="sigmoid")])
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    return model


LOOPED = """encoder = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(4)])
def rows():
    while True:
        for i in range(0, n_rows, chunk):
            yield (table[i:i + chunk],)
codes = encoder.predict(rows(), steps=20, verbose=0)
head.fit(codes, targets, epochs=1, verbose=0)
"""


def test_a_generator_looped_by_steps_names_the_predict_line_and_fixes_its_steps(tmp_path):
    n_rows, chunk = 20, 5
    table = np.random.rand(n_rows, 6).astype("float32")
    targets = np.random.randint(0, 2, size=(n_rows,))
    encoder = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(4)])

    def rows():
        while True:
            for i in range(0, n_rows, chunk):
                yield (table[i:i + chunk],)

    codes = encoder.predict(rows(), steps=n_rows, verbose=0)
    assert codes.shape == (100, 4)
    problems, findings = _diagnose(tmp_path, LOOPED, _head((4,)), (codes, targets))
    finding = findings[0]
    assert finding.id == "SD203" and finding.culprit.line == 6
    first = finding.fixes[0]
    assert first.verified and first.line == 6
    # the script's names are not in this test's scope: the new count is written out (names: the --write test)
    assert "steps=4" in first.code and "x held 5 identical passes" in first.note


REGROUPED = """clips = np.array(recordings).reshape(-1, 50, 1)
clips = clips / 10.0
net = keras.Sequential([layers.Conv1D(4, 3, input_shape=clips.shape[1:]), layers.GlobalAveragePooling1D(),
                        layers.Dense(1, activation="sigmoid")])
net.fit(clips, labels, epochs=1, verbose=0)
"""


def test_a_reshape_whose_minus_one_took_in_the_channels_is_fixed_on_its_last_size(tmp_path):
    recordings = [np.random.rand(50, 2) for _ in range(12)]  # stereo clips
    labels = np.random.randint(0, 2, size=(12,))
    clips = np.array(recordings).reshape(-1, 50, 1) / 10.0
    net = keras.Sequential([keras.Input(shape=clips.shape[1:]), layers.Conv1D(4, 3),
                            layers.GlobalAveragePooling1D(), layers.Dense(1, activation="sigmoid")])
    net.compile(optimizer="sgd", loss="binary_crossentropy")
    problems, findings = _diagnose(tmp_path, REGROUPED, net, (clips, labels))
    finding = findings[0]
    assert finding.id == "SD203" and finding.culprit.kind == "data" and finding.culprit.line == 1
    first = finding.fixes[0]
    assert first.code == "clips = np.array(recordings).reshape(-1, 50, 2)" and first.line == 1
    # the declaration reads clips.shape[1:]: only the patched script can show the fix
    assert first.needs_proof and not first.verified and "declared from `clips.shape[1:]`" in first.note


CONCATENATED = """frames = np.concatenate([frames, frames[:, ::-1]])
head.fit(frames, marks, epochs=1, verbose=0)
"""


def test_an_augmentation_that_doubled_x_but_not_y_keeps_the_old_answer(tmp_path):
    frames = np.random.rand(10, 8, 3).astype("float32")
    frames = np.concatenate([frames, frames[:, ::-1]])  # not a repeat, not a reshape: no evidence
    marks = np.random.randint(0, 2, size=(10,))
    problems, findings = _diagnose(tmp_path, CONCATENATED, _head((8, 3)), (frames, marks))
    finding = findings[0]
    assert finding.id == "SD203"
    assert not any("steps=" in (f.code or "") or "reshape(" in (f.code or "") for f in finding.fixes)
    assert not any(f.verified for f in finding.fixes)  # dropping half of the data is never verified


ONE_PASS = """codes = encoder.predict(rows(), steps=n_rows // chunk, verbose=0)
head.fit(codes, targets, epochs=1, verbose=0)
"""


def test_features_predicted_in_one_pass_are_not_flagged(tmp_path):
    n_rows, chunk = 20, 5
    table = np.random.rand(n_rows, 6).astype("float32")
    encoder = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(4)])
    batches = ((table[i:i + chunk],) for i in range(0, n_rows, chunk))
    codes = encoder.predict(batches, steps=n_rows // chunk, verbose=0)
    problems, findings = _diagnose(tmp_path, ONE_PASS, _head((4,)), (codes, np.zeros(n_rows)))
    assert problems == [] and findings == []


TAGGER = """tagger.fit(frames, tags, epochs=1, verbose=0)
"""


def _frame_tagger(padding: str):
    inputs = keras.Input(shape=(40, 6))
    h = layers.Conv1D(8, 3, padding="same", activation="relu")(inputs)
    h = layers.Conv1D(8, 7, padding=padding, activation="relu")(h)
    outputs = layers.Dense(5, activation="softmax")(h)
    tagger = keras.Model(inputs, outputs)
    tagger.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    return tagger


def test_one_id_per_frame_against_a_shortened_output_fixes_the_valid_convolution(tmp_path):
    frames = np.random.rand(16, 40, 6).astype("float32")
    tags = np.random.randint(0, 5, size=(16, 40))
    tagger = _frame_tagger("valid")  # 40 frames in, 34 distributions out
    problems, findings = _diagnose(tmp_path, TAGGER, tagger, (frames, tags))
    finding = findings[0]
    assert finding.id == "SD202" and finding.received == "(None, 34, 5)" and finding.expected == "(None, 40, 5)"
    shrinking = tagger.layers[2]
    assert finding.culprit.kind == "layer" and finding.culprit.layer == shrinking.name
    first = finding.fixes[0]
    assert first.verified and first.title == f'make {shrinking.name} keep the map: padding="same"'


def test_one_id_per_frame_against_as_many_frames_is_not_flagged(tmp_path):
    frames = np.random.rand(16, 40, 6).astype("float32")
    problems, findings = _diagnose(tmp_path, TAGGER, _frame_tagger("same"),
                                   (frames, np.random.randint(0, 5, size=(16, 40))))
    assert problems == [] and findings == []


ROWS = """readings = np.random.rand(30, 5)
net.fit(readings, scores, epochs=1, verbose=0)
"""


def _declared_one_step(recurrent: bool):
    net = keras.Sequential([keras.Input(shape=(1, 5)),
                            layers.GRU(4) if recurrent else layers.Dense(8, activation="relu"),
                            layers.Dropout(0.1), layers.Dense(1)])
    net.compile(optimizer="sgd", loss="mse")
    return net


def test_a_unit_axis_no_layer_reads_is_the_declarations_fault(tmp_path):
    readings, scores = np.random.rand(30, 5), np.random.rand(30)
    problems, findings = _diagnose(tmp_path, ROWS, _declared_one_step(recurrent=False), (readings, scores))
    finding = findings[0]
    assert finding.id == "SD201" and finding.culprit.kind == "layer"
    first = finding.fixes[0]
    assert first.verified and first.title == "declare the input as shape=(5,)"


def test_a_unit_axis_a_recurrent_layer_reads_keeps_the_data_as_culprit(tmp_path):
    readings, scores = np.random.rand(30, 5), np.random.rand(30)
    problems, findings = _diagnose(tmp_path, ROWS, _declared_one_step(recurrent=True), (readings, scores))
    finding = findings[0]
    assert finding.id == "SD201" and finding.culprit.kind == "data" and finding.culprit.line == 1
    assert not finding.fixes[0].title.startswith("declare")


FILTERED = """prices = sales[:, 0]
valid = sales[:, 1:].min(axis=1) > 0.1
sales = sales[valid]
net.fit(sales[:, 1:], prices, epochs=1, verbose=0)
"""


def _regressor():
    net = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1)])
    net.compile(optimizer="sgd", loss="mse")
    return net


def _diagnose_here(tmp_path, source: str, model, args: tuple):
    """Like _diagnose, but the call is captured from this module's frame chain so that the
    caller's arrays (the filter) are those of the test that called it, as a script's would be."""
    script = tmp_path / "filtered11.py"
    script.write_text(source)
    linecache.checkcache(str(script))
    line = next(i for i, text in enumerate(source.splitlines(), 1) if ".fit(" in text)
    call, _, _ = capture("fit", model, Site(str(script), line, source.splitlines()[line - 1]), args, {})
    call.names = arrays_in_frame(sys._getframe(1))  # the test's own variables, as run sees a script's
    problems = check(call)
    return problems, findings_for(call, problems) if problems else []


def test_a_row_filter_applied_to_x_only_is_applied_to_the_labels(tmp_path):
    sales = np.random.rand(50, 5).astype("float32")
    prices = sales[:, 0]
    valid = sales[:, 1:].min(axis=1) > 0.1
    sales = sales[valid]
    assert 0 < len(sales) < 50
    problems, findings = _diagnose_here(tmp_path, FILTERED, _regressor(), (sales[:, 1:], prices))
    finding = findings[0]
    assert finding.id == "SD203" and finding.culprit.kind == "labels" and finding.culprit.line == 1
    first = finding.fixes[0]
    assert first.verified and first.code == "prices = prices[valid]"


def test_a_mask_that_filtered_nothing_in_the_script_is_no_evidence(tmp_path):
    sales = np.random.rand(50, 5).astype("float32")
    prices = sales[:, 0]
    valid = sales[:, 1:].min(axis=1) > 0.1  # the right count, but the script never indexes with it
    rows = sales[:int(valid.sum())]
    problems, findings = _diagnose_here(tmp_path, "net.fit(rows[:, 1:], prices, epochs=1, verbose=0)\n",
                                        _regressor(), (rows[:, 1:], prices))
    assert findings[0].id == "SD203"
    assert not any("valid" in (f.code or "") for f in findings[0].fixes)


def test_quick_keeps_a_finite_predict_whole_and_still_cuts_training_and_endless_passes():
    x = np.zeros((40, 3))
    args, kwargs, _note = quick_kwargs("predict", (x,), {})
    assert args[0] is x
    args, kwargs, _note = quick_kwargs("predict", ((b for b in [x]),), {"steps": 7})
    assert kwargs["steps"] == 7
    endless = iter(lambda: (x[:4],), None)
    args, kwargs, _note = quick_kwargs("predict", (endless,), {})
    assert len(list(args[0])) == 1
    args, kwargs, _note = quick_kwargs("fit", (x, np.zeros(40)), {"epochs": 5})
    assert len(args[0]) == 8 and len(args[1]) == 8 and kwargs["epochs"] == 1


BOTTLENECK = """import numpy as np
import keras
from keras import layers

batch_size = 4
n_images = 16
images = np.random.rand(n_images, 12, 12, 3).astype("float32")
labels = np.random.randint(0, 2, size=(n_images,))


def batches():
    while True:
        for start in range(0, n_images, batch_size):
            yield (images[start:start + batch_size],)


base = keras.Sequential([keras.Input(shape=(12, 12, 3)), layers.Conv2D(4, 3), layers.MaxPooling2D(2)])
features = base.predict(batches(), steps=n_images, verbose=0)
top = keras.Sequential([keras.Input(shape=features.shape[1:]), layers.Flatten(), layers.Dense(1, activation="sigmoid")])
top.compile(optimizer="adam", loss="binary_crossentropy")
top.fit(features, labels, epochs=1, verbose=0)
"""


def test_write_proves_the_steps_fix_under_quick(tmp_path):
    """End to end: the proof runs the patched script with --quick, where the predict stays whole."""
    script = tmp_path / "bottleneck.py"
    script.write_text(BOTTLENECK)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore")
    proc = subprocess.run([sys.executable, "-m", "shapedoctor", "run", "--write", str(script.name)], cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "features = base.predict(batches(), steps=n_images // batch_size, verbose=0)" in script.read_text()
    assert (tmp_path / "bottleneck.py.orig").read_text() == BOTTLENECK
