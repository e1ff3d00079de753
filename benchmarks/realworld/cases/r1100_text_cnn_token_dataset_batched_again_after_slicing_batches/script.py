import numpy as np
import tensorflow as tf
import keras
from keras import layers

max_features = 5000
embedding_dim = 64
sequence_length = 60
batch_size = 32

rng = np.random.default_rng(10)
train_tokens = rng.integers(1, max_features, size=(256, sequence_length))
train_labels = rng.integers(0, 2, size=(256,))
val_tokens = rng.integers(1, max_features, size=(64, sequence_length))
val_labels = rng.integers(0, 2, size=(64,))

raw_train_ds = tf.data.Dataset.from_tensor_slices((train_tokens, train_labels)).batch(batch_size)
raw_val_ds = tf.data.Dataset.from_tensor_slices((val_tokens, val_labels)).batch(batch_size)

train_ds = raw_train_ds.shuffle(8).batch(batch_size).cache().prefetch(buffer_size=10)
val_ds = raw_val_ds.cache().prefetch(buffer_size=10)

inputs = keras.Input(shape=(None,), dtype="int64")
x = layers.Embedding(max_features, embedding_dim)(inputs)
x = layers.Dropout(0.5)(x)
x = layers.Conv1D(128, 7, padding="valid", activation="relu", strides=3)(x)
x = layers.Conv1D(128, 7, padding="valid", activation="relu", strides=3)(x)
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dense(128, activation="relu")(x)
x = layers.Dropout(0.5)(x)
predictions = layers.Dense(1, activation="sigmoid", name="predictions")(x)

model = keras.Model(inputs, predictions)
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(train_ds, validation_data=val_ds, epochs=1)
print(model.evaluate(val_ds, verbose=0))
