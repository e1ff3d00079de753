import numpy as np
import keras
from keras import layers

context, flank_len, n_units = 80, 200, 4
rng = np.random.default_rng(3)
IN_MAP = np.asarray([[0, 0, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], dtype="float32")


def one_hot_encode(seq):
    codes = np.array([" ACGT".find(c) if c in "ACGT" else 0 for c in seq.upper()])
    return IN_MAP[codes]


def splice_labels(seq):
    y = np.zeros((len(seq), 3), dtype="float32")
    y[:, 0] = 1.0
    for i in range(1, len(seq)):
        if seq[i - 1:i + 1] == "AG":
            y[i] = [0, 1, 0]
        elif seq[i - 1:i + 1] == "GT":
            y[i - 1] = [0, 0, 1]
    return y


def residual_unit(x, filters, width, rate):
    y = layers.BatchNormalization()(x)
    y = layers.Activation("relu")(y)
    y = layers.Conv1D(filters, width, dilation_rate=rate, padding="same")(y)
    y = layers.BatchNormalization()(y)
    y = layers.Activation("relu")(y)
    y = layers.Conv1D(filters, width, dilation_rate=rate, padding="same")(y)
    return layers.add([x, y])


seqs = ["".join(rng.choice(list("ACGT"), size=context + flank_len)) for _ in range(48)]
X = np.stack([one_hot_encode(s) for s in seqs])
Y = np.stack([splice_labels(s)[context // 2:-context // 2] for s in seqs])

inputs = keras.Input(shape=(None, 4))
conv = layers.Conv1D(32, 1)(inputs)
skip = layers.Conv1D(32, 1)(conv)
for _ in range(n_units):
    conv = residual_unit(conv, 32, 11, 1)
skip = layers.add([skip, layers.Conv1D(32, 1)(conv)])
skip = layers.Cropping1D(context // 2)(skip)
outputs = layers.Conv1D(3, 1, activation="softmax")(skip)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(X, Y, batch_size=16, epochs=1, verbose=0)

# score a custom sequence: one probability triple per nucleotide
input_sequence = "CGATCTGACGTGGGTGTCATCGCATTATCGATATTGCAT"
x = one_hot_encode(input_sequence)[None, :]
y = model.predict(x, verbose=0)
acceptor_prob, donor_prob = y[0, :, 1], y[0, :, 2]
print(len(input_sequence), acceptor_prob.shape, donor_prob.round(3)[:5])
