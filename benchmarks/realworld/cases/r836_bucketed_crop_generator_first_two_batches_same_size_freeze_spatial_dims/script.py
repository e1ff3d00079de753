import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(19748)

# crops are bucketed by size; every batch holds 10 crops of one size
bucket_sizes = [(16, 16), (16, 16), (16, 32), (32, 16), (32, 32)]
buckets = [(rng.random((10, h, w, 1)).astype("float32"), rng.integers(0, 3, size=10))
           for h, w in bucket_sizes]


def crop_batches():
    for images, labels in buckets:
        yield images, labels


crop = keras.Input(shape=(None, None, 1))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(crop)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
texture = layers.Dense(3, activation="softmax")(x)
classifier = keras.Model(crop, texture)
classifier.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy")

classifier.fit(crop_batches(), epochs=1, verbose=0)
print("trained on", len(buckets), "buckets")
