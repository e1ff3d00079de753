"""Data whose sizes were made on an earlier line than the training call (real Keras; see
diagnosis/data_origin.py and the data options of diagnosis/training.py).

The root cause is the line that made the sizes: through an axis-only wrapper (``v[np.newaxis]``,
``np.expand_dims(v, 0)``) to the array it wraps; a size literal there gets the declared sizes; a
colour image for a model trained on grayscale is averaged to one channel; arrays stacked one per
feature get their samples moved first. Each fix must keep the samples paired with the labels.
"""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import linecache  # noqa: E402

import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers  # noqa: E402

from shapedoctor.diagnosis.training import check  # noqa: E402
from shapedoctor.diagnosis.training_fixes import findings_for  # noqa: E402
from shapedoctor.repair.invariants import samples_kept  # noqa: E402
from shapedoctor.trace.sites import Site  # noqa: E402
from shapedoctor.trace.training import capture  # noqa: E402
from training_calls import diagnose_training_call  # noqa: E402


def _diagnose(tmp_path, source: str, model, args: tuple, method: str):
    return diagnose_training_call(tmp_path / "prepare6.py", source, model, args, method)


def _cnn(shape: tuple, classes: int = 4):
    model = keras.Sequential([keras.Input(shape=shape), layers.Conv2D(4, 3), layers.Flatten(),
                              layers.Dense(classes, activation="softmax")])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    return model


RESIZED = """scan = keras.ops.image.resize(raw_scan, (96, 96))
batch = scan[np.newaxis]
print(model.predict(batch))
"""


def test_images_resized_to_other_sizes_are_fixed_at_the_resize_literal(tmp_path):
    model = _cnn((64, 64, 1))
    model.fit(np.random.rand(8, 64, 64, 1), np.random.randint(0, 4, 8), verbose=0)
    problems, findings = _diagnose(tmp_path, RESIZED, model, (np.random.rand(1, 96, 96, 1).astype("float32"),),
                                   "predict")
    assert findings[0].culprit.line == 1
    first = findings[0].fixes[0]
    assert first.code == "scan = keras.ops.image.resize(raw_scan, (64, 64))" and first.verified


COLOUR = """frame = camera_frame / 255.0
print(model.predict(np.expand_dims(frame, 0)))
"""


def test_a_colour_frame_for_a_grayscale_model_is_averaged_and_blamed_where_it_was_made(tmp_path):
    model = _cnn((16, 16, 1))
    model.fit(np.random.rand(8, 16, 16, 1), np.random.randint(0, 4, 8), verbose=0)
    problems, findings = _diagnose(tmp_path, COLOUR, model, (np.random.rand(1, 16, 16, 3).astype("float32"),),
                                   "predict")
    assert findings[0].culprit.line == 1
    verified = [f.code for f in findings[0].fixes if f.verified]
    assert any(".mean(axis=-1, keepdims=True)" in code for code in verified)


COLOUR_FIT = """model.fit(photos, labels)
"""


def test_colour_training_data_is_not_averaged_away(tmp_path):
    photos, labels = np.random.rand(12, 16, 16, 3).astype("float32"), np.random.randint(0, 4, 12)
    problems, findings = _diagnose(tmp_path, COLOUR_FIT, _cnn((16, 16, 1)), (photos, labels), "fit")
    assert problems and not any("mean(axis=-1" in (f.code or "") for f in findings[0].fixes)


STACKED = """series = np.array([speed, load, heat])
model.fit(series, wear)
"""


def _lstm(steps: int, features: int):
    model = keras.Sequential([keras.Input(shape=(steps, features)), layers.GRU(4), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    return model


def test_arrays_stacked_feature_by_feature_get_their_samples_moved_first(tmp_path):
    series = np.random.rand(3, 50, 10).astype("float32")
    problems, findings = _diagnose(tmp_path, STACKED, _lstm(10, 3), (series, np.random.rand(50)), "fit")
    assert findings[0].culprit.line == 1
    first = next(f for f in findings[0].fixes if f.verified)
    assert first.code == "series = np.moveaxis(series, 0, -1)" and first.checks["samples"] is True


def test_moving_an_axis_that_does_not_pair_samples_with_labels_is_not_verified(tmp_path):
    series = np.random.rand(3, 50, 10).astype("float32")  # 40 labels: no axis holds 40 samples
    problems, findings = _diagnose(tmp_path, STACKED, _lstm(10, 3), (series, np.random.rand(40)), "fit")
    assert not any("moveaxis(series, 0, -1)" in (f.code or "") and f.verified for f in findings[0].fixes)


def test_samples_kept_allows_only_a_move_that_pairs_with_the_labels():
    assert samples_kept((2, 176, 24), (176, 24, 2), 176) == (True, "")
    assert samples_kept((2, 176, 24), (176, 24, 2), None)[0] is False
    assert samples_kept((6, 8, 4), (48, 4), 48)[0] is False  # a reshape merging samples is never a move
    assert samples_kept((3, 50, 10), (50, 10, 3), 40)[0] is False


GENERATED = """model.fit(pairs(), steps_per_epoch=4)
"""


def test_a_python_generator_of_single_samples_gets_no_dataset_batch_fix(tmp_path):
    model = keras.Sequential([keras.Input(shape=(12,)), layers.Dense(3, activation="softmax")])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    rows, ids = np.random.rand(20, 12).astype("float32"), np.random.randint(0, 3, (20, 1))

    def pairs():
        while True:
            for i in range(len(rows)):
                yield rows[i], ids[i]

    problems, findings = _diagnose(tmp_path, GENERATED, model, (pairs(),), "fit")
    assert problems
    assert not any(".batch(32)" in (f.code or "") for f in findings[0].fixes)


VECTORIZED = """tokenize = keras.layers.TextVectorization(max_tokens=300)
tokenize.adapt(corpus)
queries = tokenize(new_queries).numpy()
print(model.predict(queries))
"""


def _text_model(length: int):
    model = keras.Sequential([keras.Input(shape=(length,)), layers.Embedding(300, 4), layers.Flatten(),
                              layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    return model


def test_a_vectorizer_without_a_sequence_length_gets_the_declared_length_where_it_is_made(tmp_path):
    queries = np.array([[4, 9, 2, 0, 0], [7, 1, 3, 8, 5]])
    problems, findings = _diagnose(tmp_path, VECTORIZED, _text_model(20), (queries,), "predict")
    assert findings[0].culprit.line == 3
    first = findings[0].fixes[0]
    assert first.code == "tokenize = keras.layers.TextVectorization(max_tokens=300, output_sequence_length=20)"
    assert first.verified


def test_a_vectorizer_length_that_would_cut_ids_is_not_offered(tmp_path):
    queries = np.random.randint(1, 300, size=(2, 30))  # longer than the 20 declared: ids would be cut
    problems, findings = _diagnose(tmp_path, VECTORIZED, _text_model(20), (queries,), "predict")
    assert problems and not any("output_sequence_length" in (f.code or "") for f in findings[0].fixes)


def test_a_vectorizer_that_already_has_a_length_is_left_alone(tmp_path):
    source = VECTORIZED.replace("max_tokens=300)", "max_tokens=300, output_sequence_length=5)")
    problems, findings = _diagnose(tmp_path, source, _text_model(20), (np.ones((2, 5), dtype=int),), "predict")
    assert problems and not any("output_sequence_length=20" in (f.code or "") for f in findings[0].fixes)


GENERATOR = """def stream(rows, ids):
    while True:
        for k in range(len(rows)):
            yield rows[k], ids[k]


model.fit(stream(rows, ids), steps_per_epoch=4)
"""

GENERATOR_COMPUTED = GENERATOR.replace("yield rows[k], ids[k]", "yield rows[k] * 2.0, ids[k]")


def _generator_fit(tmp_path, source: str):
    script = tmp_path / "stream6.py"
    script.write_text(source)
    linecache.checkcache(str(script))
    namespace = {}
    exec(compile(source.split("model.fit")[0], str(script), "exec"), namespace)  # noqa: S102 - the test's own code
    model = keras.Sequential([keras.Input(shape=(12,)), layers.Dense(3, activation="softmax")])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    rows, ids = np.random.rand(20, 12).astype("float32"), np.random.randint(0, 3, 20)
    line = source.splitlines().index("model.fit(stream(rows, ids), steps_per_epoch=4)") + 1
    call, _, _ = capture("fit", model, Site(str(script), line, source.splitlines()[line - 1]),
                         (namespace["stream"](rows, ids),), {"steps_per_epoch": 4})
    problems = check(call)
    return problems, findings_for(call, problems)


def test_a_generator_of_single_samples_is_blamed_on_its_yield_and_yields_batches_of_one(tmp_path):
    problems, findings = _generator_fit(tmp_path, GENERATOR)
    assert findings[0].culprit.line == 4
    first = findings[0].fixes[0]
    assert first.code == "yield rows[k:k + 1], ids[k:k + 1]" and first.verified


def test_a_generator_yielding_computed_samples_is_blamed_but_gets_no_slice_fix(tmp_path):
    problems, findings = _generator_fit(tmp_path, GENERATOR_COMPUTED)
    assert findings[0].culprit.line == 4
    assert not any("k:k + 1" in (f.code or "") for f in findings[0].fixes)


TWICE = """clips = tf.data.Dataset.from_tensor_slices((frames, moods)).batch(4)
clips = clips.shuffle(16).batch(4)
model.fit(clips)
"""


def _twice(tmp_path, source: str, batches: int):
    import tensorflow as tf

    frames, moods = np.random.rand(32, 6).astype("float32"), np.random.randint(0, 3, 32)
    clips = tf.data.Dataset.from_tensor_slices((frames, moods)).batch(4)
    for _ in range(batches - 1):
        clips = clips.batch(4)
    model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(3, activation="softmax")])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    return _diagnose(tmp_path, source, model, (clips,), "fit")


def test_a_dataset_batched_twice_is_unbatched_on_the_line_that_batched_it_again(tmp_path):
    problems, findings = _twice(tmp_path, TWICE, batches=2)
    assert findings[0].culprit.line == 2
    # batched again by the size it already has (4 and 4): the redundant .batch goes first, unbatching second
    drop, unbatch = findings[0].fixes[:2]
    assert drop.code == "clips = clips.shuffle(16)" and drop.verified
    assert unbatch.code == "clips = clips.shuffle(16).unbatch().batch(4)" and unbatch.verified


def test_a_dataset_batched_again_by_another_size_keeps_the_unbatch_only(tmp_path):
    problems, findings = _twice(tmp_path, TWICE.replace("shuffle(16).batch(4)", "shuffle(16).batch(8)"), batches=2)
    assert [f.code for f in findings[0].fixes] == ["clips = clips.shuffle(16).unbatch().batch(8)"]


def test_a_dataset_batched_once_is_not_reported_as_batched_twice(tmp_path):
    problems, _ = _twice(tmp_path, TWICE, batches=1)
    assert not problems


def test_the_earlier_batch_size_is_read_through_the_chain_and_the_loaders_defaults(tmp_path):
    import ast

    from shapedoctor.diagnosis.data_origin import batch_calls_on, earlier_batch_size

    script = tmp_path / "loaders.py"
    script.write_text("windows = keras.utils.timeseries_dataset_from_array(series, None, sequence_length=10)\n"
                      "windows = windows.map(scale).batch(128)\n"
                      "photos = keras.utils.image_dataset_from_directory('d', batch_size=None)\n"
                      "photos = photos.shuffle(8).batch(32)\n"
                      "clips = tf.data.Dataset.from_tensor_slices(x).batch(size).unbatch()\n"
                      "clips = clips.batch(size)\n")
    sizes = [earlier_batch_size(str(script), batch_calls_on(str(script), line)[0]) for line in (2, 4, 6)]
    assert ast.dump(sizes[0]) == ast.dump(ast.Constant(128))  # the loader's default batch size
    assert sizes[1] is None and sizes[2] is None  # batch_size=None yields samples; .unbatch() undoes the batching
