"""Labels and images whose encoding or size was chosen on the user's data line (real Keras; see
diagnosis/training_loader.py and ``_resize_fix`` in diagnosis/training.py).

A dataset from a directory loader gets its labels' encoding from the loader's ``label_mode``: a loss
reading the other encoding names the loader line and fixes it there. Images of another size than a
nested model (a backbone) fixes are resized where they are made, since that model cannot be
re-declared. Valid programs stay unflagged and the old answers stay where these rules do not apply.
"""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from keras import layers  # noqa: E402

from training_calls import diagnose_training_call  # noqa: E402


def _diagnose(tmp_path, source: str, model, args: tuple, method: str = "fit"):
    return diagnose_training_call(tmp_path / "labels10.py", source, model, args, method)


def _folder(tmp_path, classes: int, size: int = 16) -> str:
    root = tmp_path / "photos"
    rng = np.random.default_rng(1)
    for c in range(classes):
        (root / f"kind{c}").mkdir(parents=True)
        for i in range(4):
            pixels = rng.integers(0, 256, size=(size, size, 3), dtype=np.uint8)
            tf.io.write_file(str(root / f"kind{c}" / f"{i}.png"), tf.io.encode_png(pixels))
    return str(root)


def _classifier(classes: int, loss: str):
    inputs = keras.Input(shape=(16, 16, 3))
    x = layers.Conv2D(4, 3, activation="relu")(inputs)
    x = layers.GlobalAveragePooling2D()(x)
    model = keras.Model(inputs, layers.Dense(classes, activation="softmax")(x))
    model.compile(optimizer="sgd", loss=loss)
    return model


LOADER_CACHED = """leaves = keras.utils.image_dataset_from_directory(folder, image_size=(16, 16), batch_size=4)
leaves = leaves.cache().prefetch(2)
net.fit(leaves, epochs=1)
"""


def test_integer_labels_from_a_loader_name_the_loader_and_fix_its_label_mode(tmp_path):
    folder = _folder(tmp_path, 4)
    ds = keras.utils.image_dataset_from_directory(folder, image_size=(16, 16), batch_size=4, verbose=False)
    model = _classifier(4, "categorical_crossentropy")
    problems, findings = _diagnose(tmp_path, LOADER_CACHED, model, (ds.cache().prefetch(2),))
    assert findings[0].id == "SD202" and findings[0].culprit.line == 1
    first = findings[0].fixes[0]
    assert first.verified and first.line == 1 and first.code.endswith('batch_size=4, label_mode="categorical")')
    verified = [f.code for f in findings[0].fixes if f.verified]
    assert any("sparse_categorical_crossentropy" in code for code in verified)  # the loss fix stays
    assert not any("to_categorical" in code for code in verified)  # no y to re-encode in this script


LOADER_ONEHOT = """shots = keras.utils.image_dataset_from_directory(folder, image_size=(16, 16), label_mode="categorical")
net.fit(shots, epochs=1)
"""


def test_one_hot_labels_from_a_loader_for_a_sparse_loss_ask_the_loader_for_class_numbers(tmp_path):
    folder = _folder(tmp_path, 3)
    ds = keras.utils.image_dataset_from_directory(folder, image_size=(16, 16), label_mode="categorical",
                                                  verbose=False)
    model = _classifier(3, "sparse_categorical_crossentropy")
    problems, findings = _diagnose(tmp_path, LOADER_ONEHOT, model, (ds,))
    assert findings[0].culprit.line == 1
    first = findings[0].fixes[0]
    assert first.verified and 'label_mode="int"' in first.code and first.line == 1


LOADER_VALID = """shots = keras.utils.image_dataset_from_directory(folder, image_size=(16, 16), label_mode="categorical")
net.fit(shots, epochs=1)
"""


def test_a_loader_whose_labels_fit_the_loss_is_not_flagged(tmp_path):
    folder = _folder(tmp_path, 3)
    ds = keras.utils.image_dataset_from_directory(folder, image_size=(16, 16), label_mode="categorical",
                                                  verbose=False)
    problems, findings = _diagnose(tmp_path, LOADER_VALID, _classifier(3, "categorical_crossentropy"), (ds,))
    assert problems == []


LOADER_MAPPED = """shots = keras.utils.image_dataset_from_directory(folder, image_size=(16, 16))
shots = shots.map(lambda x, y: (x / 255.0, y))
net.fit(shots, epochs=1)
"""


def test_labels_passed_through_a_map_keep_the_old_answer(tmp_path):
    folder = _folder(tmp_path, 3)
    ds = keras.utils.image_dataset_from_directory(folder, image_size=(16, 16), verbose=False)
    ds = ds.map(lambda x, y: (x / 255.0, y))
    problems, findings = _diagnose(tmp_path, LOADER_MAPPED, _classifier(3, "categorical_crossentropy"), (ds,))
    assert findings[0].culprit.kind == "loss"  # a .map may re-encode labels: the loader is not blamed
    assert not any("label_mode" in (f.code or "") for f in findings[0].fixes)


def _with_backbone(size: int, classes: int = 3):
    backbone = keras.Sequential([keras.Input(shape=(size, size, 3)), layers.Conv2D(4, 3, strides=2),
                                 layers.Conv2D(8, 3, strides=2)], name="pretrained")
    inputs = keras.Input(shape=(size, size, 3))
    x = layers.GlobalAveragePooling2D()(backbone(inputs))
    model = keras.Model(inputs, layers.Dense(classes, activation="softmax")(x))
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    return model


SMALL = """import keras
crops = load_crops()
species = load_species()
clf.fit(crops, species, epochs=1)
"""


def test_images_of_another_size_than_a_nested_backbone_are_resized_where_made(tmp_path):
    model = _with_backbone(48)
    x = np.random.rand(6, 20, 20, 3).astype("float32")
    y = np.random.randint(0, 3, 6)
    problems, findings = _diagnose(tmp_path, SMALL, model, (x, y))
    assert findings[0].id == "SD201" and findings[0].culprit.line == 2
    first = findings[0].fixes[0]
    assert first.verified and first.code == "crops = keras.ops.image.resize(crops, (48, 48))" and first.line == 3


def test_a_larger_image_into_a_backbone_is_resized_down(tmp_path):
    model = _with_backbone(24)
    x = np.random.rand(6, 40, 40, 3).astype("float32")
    problems, findings = _diagnose(tmp_path, SMALL, model, (x, np.random.randint(0, 3, 6)))
    assert findings[0].fixes[0].code == "crops = keras.ops.image.resize(crops, (24, 24))"
    assert findings[0].fixes[0].verified


def test_a_plain_cnn_keeps_its_old_answer_and_a_fitting_backbone_is_not_flagged(tmp_path):
    plain = _classifier(3, "sparse_categorical_crossentropy")  # declared (16, 16, 3), no nested model
    x = np.random.rand(6, 20, 20, 3).astype("float32")
    problems, findings = _diagnose(tmp_path, SMALL, plain, (x, np.random.randint(0, 3, 6)))
    assert not any("image.resize" in (f.code or "") for f in findings[0].fixes)
    assert any(f.verified and "(20, 20, 3)" in (f.code or "") for f in findings[0].fixes)
    problems, findings = _diagnose(tmp_path, SMALL, _with_backbone(20), (x, np.random.randint(0, 3, 6)))
    assert problems == []


PHOTO = """import tensorflow as tf
photo = read_photo()
print(net.predict(photo))
"""


def test_a_photo_of_another_size_for_a_trained_model_is_resized_where_read(tmp_path):
    model = _classifier(3, "sparse_categorical_crossentropy")
    model.fit(np.random.rand(6, 16, 16, 3), np.random.randint(0, 3, 6), verbose=0)
    photo = np.random.rand(1, 30, 30, 3).astype("float32")
    problems, findings = _diagnose(tmp_path, PHOTO, model, (photo,), "predict")
    assert findings[0].culprit.line == 2
    first = findings[0].fixes[0]
    assert first.verified and first.code == "photo = tf.image.resize(photo, (16, 16))" and first.line == 3


DATASET_LABELS = """\
import numpy as np, tensorflow as tf, keras
x = np.zeros((64, 8), "float32")
ds = tf.data.Dataset.from_tensor_slices((x, np.zeros(64, "int64"))).batch(16)
model.fit(ds, epochs=1)
"""


def test_a_label_fix_for_labels_without_a_variable_is_not_offered_as_writable(tmp_path):
    """Labels inside a tf.data dataset (not from a loader) have no variable at the fit call: the
    one-hot fix is verified on the data, but its `y = ...` line names nothing in the script, so it
    is never written and says where to make it instead."""
    model = keras.Sequential([keras.Input((8,)), layers.Dense(3, activation="softmax")])
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    ds = tf.data.Dataset.from_tensor_slices((np.zeros((64, 8), "float32"), np.zeros(64, "int64"))).batch(16)
    problems, findings = _diagnose(tmp_path, DATASET_LABELS, model, (ds,))
    onehot = [f for f in findings[0].fixes if "to_categorical" in f.code]
    assert onehot and all(f.patch is None and "no variable of their own" in f.proof for f in onehot)
    assert any(f.verified and "sparse_categorical_crossentropy" in f.code for f in findings[0].fixes)  # the loss fix
