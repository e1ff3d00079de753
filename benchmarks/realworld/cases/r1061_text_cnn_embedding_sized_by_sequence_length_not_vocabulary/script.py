import numpy as np
import tensorflow as tf
import keras
from keras import layers

max_features = 400
embedding_dim = 32
sequence_length = 60
batch_size = 32

rng = np.random.default_rng(11)
words = np.array([f"word{i}" for i in range(600)])
texts = [" ".join(rng.choice(words, size=rng.integers(20, 80))) for _ in range(320)]
labels = rng.integers(0, 2, size=(320,))

raw_train_ds = tf.data.Dataset.from_tensor_slices((texts[:256], labels[:256])).batch(batch_size)
raw_val_ds = tf.data.Dataset.from_tensor_slices((texts[256:], labels[256:])).batch(batch_size)

vectorize_layer = keras.layers.TextVectorization(
    max_tokens=max_features,
    output_mode="int",
    output_sequence_length=sequence_length,
)
text_ds = raw_train_ds.map(lambda x, y: x)
vectorize_layer.adapt(text_ds)


def vectorize_text(text, label):
    text = tf.expand_dims(text, -1)
    return vectorize_layer(text), label


train_ds = raw_train_ds.map(vectorize_text).cache().prefetch(buffer_size=10)
val_ds = raw_val_ds.map(vectorize_text).cache().prefetch(buffer_size=10)

inputs = keras.Input(shape=(None,), dtype="int64")
x = layers.Embedding(sequence_length, embedding_dim)(inputs)
x = layers.Dropout(0.5)(x)
x = layers.Conv1D(64, 7, padding="valid", activation="relu", strides=3)(x)
x = layers.Conv1D(64, 7, padding="valid", activation="relu", strides=3)(x)
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dense(64, activation="relu")(x)
x = layers.Dropout(0.5)(x)
predictions = layers.Dense(1, activation="sigmoid", name="predictions")(x)

model = keras.Model(inputs, predictions)
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

model.fit(train_ds, validation_data=val_ds, epochs=2, verbose=0)
print("trained")
