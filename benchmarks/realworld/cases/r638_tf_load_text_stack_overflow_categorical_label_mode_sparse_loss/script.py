# Stack Overflow question tagger (TensorFlow "Load text" tutorial style): questions are
# read from one folder per language with text_dataset_from_directory, turned into
# multi-hot bag-of-words vectors by TextVectorization(output_mode="binary"), and
# classified by a single Dense layer.
import os
import tempfile
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, losses, utils

rng = np.random.default_rng(4)
vocab = ["how", "do", "i", "sort", "list", "array", "string", "class", "method", "null", "loop",
         "dict", "linq", "async", "promise", "pandas", "thread", "exception", "json", "file"]
train_dir = tempfile.mkdtemp()
for label in ["csharp", "java", "javascript", "python"]:
    os.makedirs(os.path.join(train_dir, label))
    for i in range(10):
        with open(os.path.join(train_dir, label, f"{i}.txt"), "w") as f:
            f.write(" ".join(rng.choice(vocab, size=30)))

batch_size = 8
seed = 42
raw_train_ds = utils.text_dataset_from_directory(
    train_dir, batch_size=batch_size, validation_split=0.2, subset="training", seed=seed,
    label_mode="categorical")
raw_val_ds = utils.text_dataset_from_directory(
    train_dir, batch_size=batch_size, validation_split=0.2, subset="validation", seed=seed,
    label_mode="categorical")

VOCAB_SIZE = 10000
binary_vectorize_layer = layers.TextVectorization(max_tokens=VOCAB_SIZE, output_mode="binary")
train_text = raw_train_ds.map(lambda text, labels: text)
binary_vectorize_layer.adapt(train_text)


def binary_vectorize_text(text, label):
    text = tf.expand_dims(text, -1)
    return binary_vectorize_layer(text), label


binary_train_ds = raw_train_ds.map(binary_vectorize_text)
binary_val_ds = raw_val_ds.map(binary_vectorize_text)

AUTOTUNE = tf.data.AUTOTUNE
binary_train_ds = binary_train_ds.cache().prefetch(buffer_size=AUTOTUNE)
binary_val_ds = binary_val_ds.cache().prefetch(buffer_size=AUTOTUNE)

binary_model = tf.keras.Sequential([layers.Dense(4)])
binary_model.compile(
    loss=losses.SparseCategoricalCrossentropy(from_logits=True),
    optimizer="adam",
    metrics=["accuracy"])
history = binary_model.fit(binary_train_ds, validation_data=binary_val_ds, epochs=2, verbose=0)
print(history.history["accuracy"])
