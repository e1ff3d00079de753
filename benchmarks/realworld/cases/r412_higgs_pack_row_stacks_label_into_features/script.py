# Higgs-style tabular classifier read from a gzipped CSV (label in column 0, then 28 features).
import gzip
import os
import tempfile

import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

FEATURES = 28

rng = np.random.default_rng(0)
table = np.concatenate([rng.integers(0, 2, size=(1200, 1)), rng.normal(size=(1200, FEATURES))], axis=1)
gz = os.path.join(tempfile.mkdtemp(), "HIGGS_small.csv.gz")
with gzip.open(gz, "wt") as f:
    for row in table:
        f.write(",".join(f"{v:.5f}" for v in row) + "\n")

ds = tf.data.experimental.CsvDataset(gz, [float(),] * (FEATURES + 1), compression_type="GZIP")


def pack_row(*row):
    label = row[0]
    features = tf.stack(row, 1)
    return features, label


packed_ds = ds.batch(10000).map(pack_row).unbatch()

N_VALIDATION = 200
N_TRAIN = 1000
BATCH_SIZE = 100
STEPS_PER_EPOCH = N_TRAIN // BATCH_SIZE

validate_ds = packed_ds.take(N_VALIDATION).cache().batch(BATCH_SIZE)
train_ds = packed_ds.skip(N_VALIDATION).take(N_TRAIN).cache().shuffle(N_TRAIN).repeat().batch(BATCH_SIZE)

tiny_model = tf.keras.Sequential([
    layers.Input(shape=(FEATURES,)),
    layers.Dense(16, activation="elu"),
    layers.Dense(1),
])
tiny_model.compile(optimizer=tf.keras.optimizers.Adam(0.001),
                   loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
                   metrics=["accuracy"])
history = tiny_model.fit(
    train_ds.map(lambda x, y: (x, tf.expand_dims(y, axis=-1))),
    steps_per_epoch=STEPS_PER_EPOCH,
    epochs=3,
    validation_data=validate_ds.map(lambda x, y: (x, tf.expand_dims(y, axis=-1))),
    verbose=0)
print("val accuracy:", history.history["val_accuracy"][-1])
