"""Data-preparation fixes read off the data (diagnosis/data_preparation.py), on real Keras:

* a first column of distinct integers increasing down the rows (a saved index, sorted IDs) in
  a table one column wider than the input is dropped where x is made, never declared;
* ``input_shape=X.shape`` for a first layer that needs a channel axis the rows lack is declared
  ``(F, 1)``; a Dense declared that way keeps the ``X.shape[1:]`` fix.

Each test writes the user's lines to a file, runs the real arrays through the training checks
with a site in that file, and asserts the culprit, the first fix's exact code, and that one real
training step of a clone accepted it with its invariants kept. Negatives: extra columns that are
not identifiers are never dropped, and valid programs raise nothing.
"""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import linecache  # noqa: E402
import warnings  # noqa: E402

import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers  # noqa: E402

from shapedoctor.diagnosis.data_preparation import is_identifier_column  # noqa: E402
from shapedoctor.diagnosis.training import check  # noqa: E402
from shapedoctor.diagnosis.training_fixes import findings_for  # noqa: E402
from shapedoctor.trace.sites import Site  # noqa: E402
from shapedoctor.trace.training import capture  # noqa: E402
from training_calls import diagnose_training_call  # noqa: E402


def _diagnose(tmp_path, source: str, model, args: tuple, method: str = "fit"):
    return diagnose_training_call(tmp_path / "prepare.py", source, model, args, method)


def _regressor(width: int, out: int = 1):
    model = keras.Sequential([keras.Input(shape=(width,)), layers.Dense(6, activation="relu"), layers.Dense(out)])
    model.compile(optimizer="sgd", loss="mse")
    return model


def _table_with_ids(rows: int, features: int, start: int = 1000):
    ids = start + np.cumsum(np.random.randint(1, 9, size=rows))  # sorted, distinct, with gaps
    return np.column_stack([ids, np.random.rand(rows, features)]).astype("float32")


def test_identifier_column_detection():
    assert is_identifier_column(np.arange(40))
    assert is_identifier_column(np.array([3, 7, 8, 20, 21, 40, 41, 90, 100], dtype="float32"))
    assert not is_identifier_column(np.sort(np.random.rand(40)))  # increasing, but not integers
    assert not is_identifier_column(np.array([1, 1, 2, 3, 4, 5, 6, 7, 8]))  # a repeated value
    assert not is_identifier_column(np.arange(5))  # too few rows to tell
    assert not is_identifier_column(np.random.randint(0, 9, 40))  # a category, not sorted


def test_an_id_column_is_dropped_where_x_is_made(tmp_path):
    frame = _table_with_ids(48, 7)
    source = "features = frame\nmodel.fit(features, target)\n"
    problems, findings = _diagnose(tmp_path, source, _regressor(7), (frame, np.random.rand(48)))
    assert problems[0].family == "SD201" and problems[0].culprit_kind == "data"
    assert findings[0].culprit.line == 1
    first = findings[0].fixes[0]
    assert first.code == "features = frame[:, 1:]" and first.verified
    assert first.checks["keeps_data"] is True and first.checks["samples"] is True
    # declaring one input more would train on the ID: not offered
    assert not any("shape=(8,)" in (f.code or "") for f in findings[0].fixes)


def test_a_column_slice_that_kept_the_id_starts_one_column_later(tmp_path):
    rows = np.column_stack([_table_with_ids(40, 5), np.random.randint(0, 2, 40)]).astype("float32")
    source = "x = rows[:, :6]\ny = rows[:, 6]\nmodel.fit(x, y)\n"
    problems, findings = _diagnose(tmp_path, source, _regressor(5), (rows[:, :6], rows[:, 6]))
    first = findings[0].fixes[0]
    assert first.code == "x = rows[:, 1:6]" and first.verified


def test_an_autoencoder_on_a_table_with_its_saved_index_drops_it_from_x_and_y(tmp_path):
    table = np.random.rand(64, 11).astype("float32")
    table[:, 0] = np.arange(64)
    source = "data = table\nmodel.fit(data, data)\n"
    problems, findings = _diagnose(tmp_path, source, _regressor(10, out=10), (table, table))
    first = findings[0].fixes[0]
    assert first.code == "data = table[:, 1:]" and first.verified
    assert first.checks["loss_shapes"] is True


def test_an_extra_column_that_is_not_an_identifier_is_never_dropped(tmp_path):
    frame = np.random.rand(48, 8).astype("float32")  # 8 real features, model declared for 7
    source = "features = frame\nmodel.fit(features, target)\n"
    problems, findings = _diagnose(tmp_path, source, _regressor(7), (frame, np.random.rand(48)))
    assert problems[0].family == "SD201"
    assert not any("[:, 1:]" in (f.code or "") for f in findings[0].fixes)


def test_a_table_of_the_declared_width_with_an_id_like_feature_is_not_flagged(tmp_path):
    frame = _table_with_ids(48, 6)  # 7 columns for a model declared with 7: valid, nothing to say
    problems, _ = _diagnose(tmp_path, "features = frame\nmodel.fit(features, target)\n", _regressor(7),
                            (frame, np.random.rand(48)))
    assert problems == []


def _declared_whole(first_layer, x):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = keras.Sequential([first_layer, layers.Flatten(), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    return model


def test_lstm_declared_with_the_whole_array_gets_a_channel_axis(tmp_path):
    x = np.random.rand(90, 9).astype("float32")
    model = _declared_whole(layers.LSTM(4, return_sequences=True, input_shape=x.shape), x)
    source = "model = build(x.shape)\nmodel.fit(x, y)\n"
    problems, findings = _diagnose(tmp_path, source, model, (x, np.random.rand(90)))
    assert problems[0].family == "SD201"
    fixes = findings[0].fixes
    assert fixes and fixes[0].verified and "(9, 1)" in fixes[0].title
    assert not any("X.shape[1:] = (9,)" in f.title for f in fixes)


def test_conv1d_declared_with_the_whole_array_gets_a_channel_axis(tmp_path):
    x = np.random.rand(70, 16).astype("float32")
    model = _declared_whole(layers.Conv1D(4, 5, input_shape=x.shape), x)
    problems, findings = _diagnose(tmp_path, "model = build(x.shape)\nmodel.fit(x, y)\n", model,
                                   (x, np.random.rand(70)))
    first = findings[0].fixes[0]
    assert first.verified and "(16, 1)" in first.title and first.checks["reaches_end"] is True


def test_dense_declared_with_the_whole_array_keeps_the_sample_shape_fix(tmp_path):
    x = np.random.rand(60, 12).astype("float32")
    model = _declared_whole(layers.Dense(4, input_shape=x.shape), x)
    problems, findings = _diagnose(tmp_path, "model = build(x.shape)\nmodel.fit(x, y)\n", model,
                                   (x, np.random.rand(60)))
    first = findings[0].fixes[0]
    assert first.verified and "X.shape[1:] = (12,)" in first.title
    assert not any("channel axis" in f.title for f in findings[0].fixes)


QUERY = """train_x = np.hstack([area, (kind[:, None] == np.unique(kind)).astype("float32")])
model.fit(train_x, target)
new_x = np.hstack([new_area, (new_kind[:, None] == np.unique(new_kind)).astype("float32")])
model.predict(new_x)
"""


def _query_call(tmp_path, new_kind, model):
    from shapedoctor.trace.training import TrainingCall  # noqa: F401 - names are read off the call

    kind = np.arange(30) % 3
    new_area = np.random.rand(len(new_kind), 1)
    new_x = np.hstack([new_area, (new_kind[:, None] == np.unique(new_kind)).astype("float32")])
    script = tmp_path / "query.py"
    script.write_text(QUERY)
    linecache.checkcache(str(script))
    call, _, _ = capture("predict", model, Site(str(script), 4, "model.predict(new_x)"), (new_x,), {})
    call.names = {"kind": kind, "new_kind": new_kind, "new_area": new_area, "new_x": new_x}
    problems = check(call)
    return problems, findings_for(call, problems) if problems else []


def test_new_data_encoded_with_its_own_categories_is_encoded_with_the_training_ones(tmp_path):
    problems, findings = _query_call(tmp_path, np.array([1, 1, 1, 2]), _regressor(4))
    assert problems[0].family == "SD201" and findings[0].culprit.line == 3
    first = findings[0].fixes[0]
    assert first.code == ('new_x = np.hstack([new_area, (new_kind[:, None] == np.unique(kind))'
                          '.astype("float32")])') and first.verified


def test_new_data_holding_every_category_is_not_flagged(tmp_path):
    problems, _ = _query_call(tmp_path, np.array([0, 1, 2, 2]), _regressor(4))
    assert problems == []
