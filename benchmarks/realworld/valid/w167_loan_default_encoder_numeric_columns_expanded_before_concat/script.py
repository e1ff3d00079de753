# Loan-default tabular model: learn small embeddings for the categorical
# columns through a logistic head, to reuse the encoder as a preprocessor later.
import math

import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

rng = np.random.default_rng(167)
ROWS = 200
VOCABS = {
    "purpose": ["car", "home", "education", "business", "medical", "travel"],
    "employment": ["salaried", "self", "unemployed", "retired"],
}
NUMERIC = ["income", "loan_amount", "credit_years", "debt_ratio"]

columns = {name: rng.normal(size=ROWS).astype("float32") for name in NUMERIC}
for name, vocab in VOCABS.items():
    columns[name] = rng.choice(vocab, size=ROWS)
defaulted = (rng.random(ROWS) < 0.2).astype("float32")


def make_inputs():
    ins = {name: layers.Input(name=name, shape=(), dtype="float32") for name in NUMERIC}
    ins.update({name: layers.Input(name=name, shape=(), dtype="string") for name in VOCABS})
    return ins


def make_encoder():
    ins = make_inputs()
    parts = []
    for name, tensor in ins.items():
        if name in VOCABS:
            ids = layers.StringLookup(vocabulary=VOCABS[name], mask_token=None,
                                      num_oov_indices=0)(tensor)
            width = int(math.sqrt(len(VOCABS[name])))
            parts.append(layers.Embedding(len(VOCABS[name]), width)(ids))
        else:
            parts.append(ops.expand_dims(tensor, -1))
    return keras.Model(ins, layers.concatenate(parts, axis=1), name="row_encoder")


encoder = make_encoder()
row_inputs = make_inputs()
risk = layers.Dense(1, activation="sigmoid")(encoder(row_inputs))
scorer = keras.Model(row_inputs, risk)
scorer.compile(optimizer="adam", loss="binary_crossentropy",
               metrics=[keras.metrics.BinaryAccuracy("accuracy")])

rows_ds = tf.data.Dataset.from_tensor_slices((columns, defaulted)).shuffle(ROWS).batch(50)
scorer.fit(rows_ds, epochs=2, verbose=0)
print("encoded width:", encoder.output.shape[-1])
