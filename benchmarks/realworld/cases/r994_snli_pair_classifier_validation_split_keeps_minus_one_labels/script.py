# SNLI-style sentence-pair classifier (after the keras-io KerasHub semantic similarity
# example): (hypothesis, premise) string pairs are tokenized inside the model, and a
# 3-way head predicts contradiction / entailment / neutral. Samples whose annotators
# disagreed carry the label -1.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(994)
vocab = ["a", "man", "woman", "dog", "is", "not", "running", "sleeping", "outside", "inside", "the", "park"]


def fake_snli(n):
    hyp = [" ".join(rng.choice(vocab, size=rng.integers(4, 9))) for _ in range(n)]
    prem = [" ".join(rng.choice(vocab, size=rng.integers(4, 9))) for _ in range(n)]
    label = rng.integers(0, 3, size=n)
    label[rng.random(n) < 0.1] = -1
    return tf.data.Dataset.from_tensor_slices({"hypothesis": hyp, "premise": prem, "label": label})


snli_train, snli_val = fake_snli(192), fake_snli(64)


def filter_labels(sample):
    return sample["label"] >= 0


def split_labels(sample):
    x = (sample["hypothesis"], sample["premise"])
    y = sample["label"]
    return x, y


train_ds = snli_train.filter(filter_labels).map(split_labels, num_parallel_calls=tf.data.AUTOTUNE).batch(16)
val_ds = snli_val.map(split_labels, num_parallel_calls=tf.data.AUTOTUNE).batch(16)

vectorizer = layers.TextVectorization(max_tokens=50, output_sequence_length=10)
vectorizer.adapt(snli_train.map(lambda s: s["hypothesis"] + " " + s["premise"]).batch(64))

hypothesis = keras.Input(shape=(), dtype="string", name="hypothesis")
premise = keras.Input(shape=(), dtype="string", name="premise")
embed = layers.Embedding(50, 32, mask_zero=True)
pooled = [layers.GlobalAveragePooling1D()(embed(vectorizer(t))) for t in (hypothesis, premise)]
h = layers.Concatenate()([pooled[0], pooled[1], layers.Multiply()(pooled)])
h = layers.Dense(32, activation="relu")(h)
logits = layers.Dense(3)(h)
pair_classifier = keras.Model((hypothesis, premise), logits)

pair_classifier.compile(
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    optimizer=keras.optimizers.Adam(5e-3),
    metrics=["accuracy"],
)
pair_classifier.fit(train_ds, validation_data=val_ds, epochs=2, verbose=0)
print("val accuracy:", round(pair_classifier.evaluate(val_ds, verbose=0)[1], 3))
