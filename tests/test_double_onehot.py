"""Labels one-hot encoded a second time in the dataset's ``.map`` (real Keras; r714).

Label maps already one-hot are encoded again by the training dataset's map function: the labels end
in two axes of the class count and the loss fails. The map's encoding is the root cause and the fix
returns the labels as they came, proven by running the patched script. The text-only reading says
the same (not a recurrent layer that lost its time axis: there is none).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

rng = np.random.default_rng(8)
images = rng.random((16, 12, 12, 1)).astype("float32")
masks = keras.utils.to_categorical(rng.integers(0, 4, size=(16, 12, 12)), 4)


def prepare(image, mask):
    return image, tf.one_hot(tf.cast(mask, tf.int32), 4)


pairs = tf.data.Dataset.from_tensor_slices((images, masks)).map(prepare).batch(4)
pixels_in = keras.Input(shape=(12, 12, 1))
hidden = keras.layers.Conv2D(8, 3, padding="same", activation="relu")(pixels_in)
net = keras.Model(pixels_in, keras.layers.Conv2D(4, 1, activation="softmax")(hidden))
net.compile(optimizer="adam", loss=lambda y_true, y_pred: keras.ops.mean(keras.ops.square(y_true - y_pred)))
net.fit(pairs, epochs=1, verbose=0)
print(net.predict(images[:1], verbose=0).shape)
'''


def test_the_second_encoding_in_the_map_is_dropped(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "return image, tf.one_hot(")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "return image, mask"


def test_the_text_alone_reads_labels_encoded_twice():
    from shapedoctor.explain.advice.label_shapes import Known, labels_onehot_twice, lost_time_axis
    from shapedoctor.messages.facts import ErrorFacts

    known = Known(ErrorFacts("SD202", ""), (4, 12, 12, 4, 4), (None, 12, 12, 4), None, False, None)
    reading = labels_onehot_twice(known)
    assert reading is not None and "one-hot encoded a second time" in reading.specific
    # a sequence of class vectors against one vector is still the lost time axis, not a double encoding
    assert labels_onehot_twice(Known(ErrorFacts("SD202", ""), (4, 20, 4), (None, 4), None, False, None)) is None
    assert lost_time_axis(Known(ErrorFacts("SD202", ""), (4, 20, 4), (4, 4), None, False, None)) is not None
