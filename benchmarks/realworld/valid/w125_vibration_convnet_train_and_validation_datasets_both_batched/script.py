# Convnet flagging faulty machines from 16x20 two-channel vibration spectrograms,
# fed from tf.data pipelines: both the training and the validation datasets are
# batched before they reach the model.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

gen = np.random.default_rng(125)
x_tr = gen.normal(size=(200, 16, 20, 2)).astype("float32")
y_tr = gen.integers(0, 2, size=200).astype("float32")
x_va = gen.normal(size=(40, 16, 20, 2)).astype("float32")
y_va = gen.integers(0, 2, size=40).astype("float32")

clf = keras.Sequential([
    keras.Input(shape=(16, 20, 2)),
    layers.Conv2D(12, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(24, 3, padding="same", activation="relu"),
    layers.GlobalMaxPooling2D(),
    layers.Dense(1, activation="sigmoid"),
])
clf.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy", metrics=["accuracy"])

train_data = tf.data.Dataset.from_tensor_slices((x_tr, y_tr)).shuffle(200).batch(25).prefetch(tf.data.AUTOTUNE)
valid_data = tf.data.Dataset.from_tensor_slices((x_va, y_va)).batch(25).prefetch(tf.data.AUTOTUNE)

history = clf.fit(train_data, validation_data=valid_data, epochs=2, verbose=0)
print(sorted(history.history))
