import numpy as np
import tensorflow as tf
import keras
from keras import layers

# Photos arrive already batched by 8, the way image_dataset_from_directory gives them.
rng = np.random.default_rng(0)
images = rng.random((64, 32, 32, 3)).astype("float32")
labels = rng.integers(0, 4, size=(64,))
train_ds = tf.data.Dataset.from_tensor_slices((images, labels)).batch(8)

# Prepare inputs as in the fine-tuning tutorial: one-hot labels, then batch.
train_ds = train_ds.map(lambda x, y: (x, tf.one_hot(y, 4)))
train_ds = train_ds.batch(8)

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(train_ds, epochs=1, verbose=0)
