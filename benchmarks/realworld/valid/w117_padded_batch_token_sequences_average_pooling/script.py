# Spam detection on variable-length token sequences: tf.data pipeline padded into batches, Embedding + average pooling.
import numpy as np
import tensorflow as tf
import keras

vocab = 300
rng = np.random.default_rng(117)


def make_split(n):
    messages = [rng.integers(1, vocab, size=rng.integers(3, 25)) for _ in range(n)]
    is_spam = rng.integers(0, 2, size=n)
    return messages, is_spam


def to_dataset(messages, is_spam, batch_size):
    def generate():
        for tokens, label in zip(messages, is_spam):
            yield tokens.astype("int64"), np.int64(label)
    ds = tf.data.Dataset.from_generator(
        generate, output_signature=(tf.TensorSpec((None,), tf.int64), tf.TensorSpec((), tf.int64)))
    return ds.padded_batch(batch_size)


train_ds = to_dataset(*make_split(250), batch_size=25)
val_ds = to_dataset(*make_split(60), batch_size=25)

classifier = keras.Sequential([
    keras.layers.Embedding(vocab, 24),
    keras.layers.GlobalAveragePooling1D(),
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
classifier.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
classifier.fit(train_ds, epochs=2, validation_data=val_ds, verbose=0)
print("validation loss and accuracy:", classifier.evaluate(val_ds, verbose=0))
