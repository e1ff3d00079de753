import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

# Integer class ids stored as a column (N, 1), logits output, tf.data input.
x = np.random.rand(60, 4).astype("float32")
y = np.random.randint(0, 3, size=(60, 1))
train_ds = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(60).batch(12)

inputs = keras.Input(shape=(4,))
h = layers.Dense(16, activation="relu")(inputs)
logits = layers.Dense(3)(h)
model = keras.Model(inputs, logits)
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["sparse_categorical_accuracy"])
model.fit(train_ds, epochs=1, verbose=0)
