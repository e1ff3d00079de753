import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, losses

# IMDB stand-in: short reviews built from a tiny vocabulary, label 1 = positive
rng = np.random.default_rng(0)
words = ["great", "awful", "movie", "plot", "acting", "boring", "fun", "the", "was", "a", "film", "bad"]
texts = [" ".join(rng.choice(words, size=12)) for _ in range(256)]
labels = rng.integers(0, 2, size=256).astype("float32")
raw_train_ds = tf.data.Dataset.from_tensor_slices((texts, labels)).batch(32)

max_features = 1000
sequence_length = 40
vectorize_layer = layers.TextVectorization(
    max_tokens=max_features, output_mode="int", output_sequence_length=sequence_length)
vectorize_layer.adapt(raw_train_ds.map(lambda x, y: x))


def vectorize_text(text, label):
    text = tf.expand_dims(text, -1)
    return vectorize_layer(text), label


train_ds = raw_train_ds.map(vectorize_text)

embedding_dim = 16
model = tf.keras.Sequential([
    layers.Embedding(max_features, embedding_dim),
    layers.Dropout(0.2),
    layers.GlobalAveragePooling1D(),
    layers.Dropout(0.2),
    layers.Dense(1, activation="sigmoid")])
model.compile(loss=losses.BinaryCrossentropy(), optimizer="adam",
              metrics=[tf.metrics.BinaryAccuracy(threshold=0.5)])
model.fit(train_ds, epochs=2, verbose=0)

export_model = tf.keras.Sequential([
    vectorize_layer,
    model,
])
export_model.compile(loss=losses.BinaryCrossentropy(), optimizer="adam", metrics=["accuracy"])

example = tf.constant("The movie was great!")
print(export_model.predict(example))
