# Speech-command classifier fed by a tf.data pipeline that one-hot encodes the class ids.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(30)
n_clips, n_frames, n_mels = 320, 49, 40
spectrograms = rng.standard_normal((n_clips, n_frames, n_mels, 1)).astype("float32")
class_ids = np.arange(n_clips) % 30  # 30 word classes (29 words + background noise)
num_classes = len(np.unique(class_ids))


def to_example(spec, class_id):
    return spec, tf.one_hot(class_id, 29)


ds_train = (tf.data.Dataset.from_tensor_slices((spectrograms, class_ids))
            .shuffle(n_clips)
            .map(to_example)
            .batch(32))

model = keras.Sequential([
    keras.Input(shape=(n_frames, n_mels, 1)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(num_classes, activation="softmax"),
])
model.compile(optimizer="adadelta", loss="categorical_crossentropy", metrics=["accuracy"])

model.fit(ds_train, epochs=1, verbose=0)
print(model.evaluate(ds_train, verbose=0))
