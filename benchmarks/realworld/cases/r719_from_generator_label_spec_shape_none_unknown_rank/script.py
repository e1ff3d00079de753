# Sign-image classifier trained from a Python generator that reads batches from disk (here
# from an in-memory array). The generator yields (images, labels) batches of up to 16
# samples; the last batch is smaller, so the batch axis of the signature is left open.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

N_SIGNS = 10
rng = np.random.default_rng(32912)
sign_images = rng.random((150, 32, 32, 3)).astype("float32")
sign_ids = rng.integers(0, N_SIGNS, size=150).astype("float32")


def batch_reader(batch_size=16):
    for start in range(0, len(sign_images), batch_size):
        yield sign_images[start:start + batch_size], sign_ids[start:start + batch_size]


train_ds = tf.data.Dataset.from_generator(
    batch_reader,
    output_signature=(
        tf.TensorSpec(shape=(None, 32, 32, 3), dtype=tf.float32),
        tf.TensorSpec(shape=None, dtype=tf.float32),
    ),
)

classifier = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(N_SIGNS, activation="softmax"),
])
classifier.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
classifier.fit(train_ds, epochs=2, verbose=0)
print(classifier.predict(sign_images[:4], verbose=0).argmax(axis=1))
