# Sentiment of subword-encoded reviews (variable length) from a tf.data pipeline: Embedding + average pooling.
import numpy as np
import tensorflow as tf

vocab_size = 800
rng = np.random.default_rng(43)


def encoded_reviews(n):
    lengths = rng.integers(5, 60, size=n)
    return [rng.integers(1, vocab_size, size=l) for l in lengths], rng.integers(0, 2, size=n)


def as_dataset(reviews, labels):
    def gen():
        for review, label in zip(reviews, labels):
            yield review.astype("int64"), np.int64(label)
    return tf.data.Dataset.from_generator(
        gen, output_signature=(tf.TensorSpec(shape=(None,), dtype=tf.int64), tf.TensorSpec(shape=(), dtype=tf.int64)))


train_data = as_dataset(*encoded_reviews(400))
test_data = as_dataset(*encoded_reviews(100))

embedding_dim = 64
model = tf.keras.Sequential([
    tf.keras.layers.Embedding(vocab_size, embedding_dim),
    tf.keras.layers.GlobalAveragePooling1D(),
    tf.keras.layers.Dense(6, activation="relu"),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

num_epochs = 2
history = model.fit(train_data, epochs=num_epochs, validation_data=test_data, verbose=0)
print(history.history["val_accuracy"])
