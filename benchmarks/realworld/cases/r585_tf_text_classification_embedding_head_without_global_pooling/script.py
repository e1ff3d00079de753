# Sentiment classifier on short synthetic reviews: a tf.data pipeline vectorizes the
# text with TextVectorization, and an Embedding model with dropout scores each review.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, losses

rng = np.random.default_rng(4)
words = np.array(["good", "bad", "great", "awful", "movie", "plot", "actor", "boring", "fun", "long", "the", "a"])
texts = [" ".join(rng.choice(words, size=rng.integers(5, 30))) for _ in range(400)]
labels = rng.integers(0, 2, size=400)

raw_train_ds = tf.data.Dataset.from_tensor_slices((texts[:320], labels[:320])).batch(32)
raw_val_ds = tf.data.Dataset.from_tensor_slices((texts[320:], labels[320:])).batch(32)

max_features = 1000
sequence_length = 40
vectorize_layer = layers.TextVectorization(max_tokens=max_features, output_mode="int",
                                           output_sequence_length=sequence_length)
vectorize_layer.adapt(raw_train_ds.map(lambda x, y: x))


def vectorize_text(text, label):
    text = tf.expand_dims(text, -1)
    return vectorize_layer(text), label


train_ds = raw_train_ds.map(vectorize_text)
val_ds = raw_val_ds.map(vectorize_text)

embedding_dim = 16
model = tf.keras.Sequential([
    layers.Embedding(max_features, embedding_dim),
    layers.Dropout(0.2),
    layers.Dropout(0.2),
    layers.Dense(1, activation="sigmoid"),
])

model.compile(loss=losses.BinaryCrossentropy(), optimizer="adam",
              metrics=[tf.metrics.BinaryAccuracy(threshold=0.5)])

history = model.fit(train_ds, validation_data=val_ds, epochs=2, verbose=0)
print(history.history["val_binary_accuracy"])
