# Bag-of-words review classifier: a TextVectorization layer adapted on the
# training texts feeds a linear classifier over max_tokens features, after
# Deep Learning with Python, chapter 14 ("Training a bag-of-words model").
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(4)
words = [f"word{i}" for i in range(500)]
texts = [" ".join(rng.choice(words, size=rng.integers(4, 15))) for _ in range(160)]
labels = rng.integers(0, 2, size=(160,))
batch_size = 32
train_ds = tf.data.Dataset.from_tensor_slices((texts[:128], labels[:128])).batch(batch_size)
val_ds = tf.data.Dataset.from_tensor_slices((texts[128:], labels[128:])).batch(batch_size)

max_tokens = 200
text_vectorization = layers.TextVectorization(max_tokens=max_tokens, split="whitespace")
train_ds_no_labels = train_ds.map(lambda x, y: x)
text_vectorization.adapt(train_ds_no_labels)
bag_of_words_train_ds = train_ds.map(
    lambda x, y: (text_vectorization(x), y), num_parallel_calls=8
)
bag_of_words_val_ds = val_ds.map(
    lambda x, y: (text_vectorization(x), y), num_parallel_calls=8
)


def build_linear_classifier(max_tokens, name):
    inputs = keras.Input(shape=(max_tokens,))
    outputs = layers.Dense(1, activation="sigmoid")(inputs)
    model = keras.Model(inputs, outputs, name=name)
    model.compile(
        optimizer="adam",
        loss="binary_crossentropy",
        metrics=["accuracy"],
    )
    return model


model = build_linear_classifier(max_tokens, "bag_of_words_classifier")
history = model.fit(
    bag_of_words_train_ds,
    validation_data=bag_of_words_val_ds,
    epochs=2,
)
