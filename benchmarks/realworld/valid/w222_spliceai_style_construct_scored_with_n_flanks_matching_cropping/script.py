import numpy as np
import keras
from keras import layers

CONTEXT = 40
BASES = "ACGT"
rng = np.random.default_rng(21)


def encode(seq):
    """One-hot DNA, with N (padding) as an all-zero row."""
    out = np.zeros((len(seq), 4), dtype="float32")
    for i, base in enumerate(seq):
        if base in BASES:
            out[i, BASES.index(base)] = 1.0
    return out


def site_labels(seq):
    labels = np.zeros((len(seq), 3), dtype="float32")
    labels[:, 0] = 1.0
    for i in range(len(seq) - 1):
        if seq[i:i + 2] == "AG":
            labels[i + 1] = [0.0, 1.0, 0.0]
        if seq[i:i + 2] == "GT":
            labels[i] = [0.0, 0.0, 1.0]
    return labels


windows = ["".join(rng.choice(list(BASES), size=CONTEXT + 120)) for _ in range(64)]
X = np.stack([encode(w) for w in windows])
Y = np.stack([site_labels(w)[CONTEXT // 2:len(w) - CONTEXT // 2] for w in windows])

seq_in = keras.Input(shape=(None, 4))
h = layers.Conv1D(24, 1)(seq_in)
for rate in (1, 2):
    r = layers.Conv1D(24, 11, dilation_rate=rate, padding="same", activation="relu")(h)
    h = layers.add([h, layers.Conv1D(24, 1)(r)])
h = layers.Cropping1D((CONTEXT // 2, CONTEXT // 2))(h)
probs = layers.Conv1D(3, 1, activation="softmax")(h)
net = keras.Model(seq_in, probs)
net.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["categorical_accuracy"])
net.fit(X, Y, batch_size=16, epochs=2, verbose=0)

# per-nucleotide scores for a short construct, flanked by CONTEXT // 2 Ns on each side
construct = "TTCAGGTAAGTCCTGACAGATTGCA"
padded = "N" * (CONTEXT // 2) + construct + "N" * (CONTEXT // 2)
scores = net.predict(encode(padded)[np.newaxis], verbose=0)[0]
assert scores.shape == (len(construct), 3)
print("donor max:", float(scores[:, 2].max()), "acceptor max:", float(scores[:, 1].max()))
