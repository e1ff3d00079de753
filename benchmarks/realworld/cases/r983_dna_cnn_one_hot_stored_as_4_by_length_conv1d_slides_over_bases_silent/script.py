import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(983)
seq_len, n_seqs = 600, 240
bases = "ACGT"
motif = "TGACTCA"


def one_hot(seqs):
    arr = np.zeros((len(seqs), 4, seq_len), dtype="float32")
    for i, s in enumerate(seqs):
        for j, b in enumerate(s):
            arr[i, bases.index(b), j] = 1.0
    return arr


seqs, y = [], []
for i in range(n_seqs):
    s = list(rng.choice(list(bases), size=seq_len))
    label = int(i % 2)
    if label:
        pos = int(rng.integers(0, seq_len - len(motif)))
        s[pos:pos + len(motif)] = list(motif)
    seqs.append("".join(s))
    y.append(label)
x = one_hot(seqs)
y = np.array(y, dtype="float32")

inp = keras.Input(shape=x.shape[1:])
h = layers.Conv1D(64, 4, padding="same", activation="relu", name="conv1_1")(inp)
h = layers.Conv1D(64, 4, padding="same", activation="relu", name="conv1_2")(h)
h = layers.MaxPooling1D(4, padding="same")(h)
h = layers.Dropout(0.2)(h)
h = layers.Conv1D(128, 4, padding="same", activation="relu", name="conv2_1")(h)
h = layers.GlobalMaxPooling1D()(h)
h = layers.Dense(32, activation="relu")(h)
out = layers.Dense(1, activation="sigmoid")(h)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
hist = model.fit(x, y, batch_size=32, epochs=2, validation_split=0.25, verbose=0)
print("val accuracy:", [round(a, 3) for a in hist.history["val_accuracy"]])
