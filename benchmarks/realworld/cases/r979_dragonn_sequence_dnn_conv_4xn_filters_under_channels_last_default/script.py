import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(979)
seq_length = 200
motif = "GATAAG"


def one_hot_encode(seqs):
    # (num_seqs, 1, 4, seq_length): one row per nucleotide A, C, G, T
    lookup = {"A": 0, "C": 1, "G": 2, "T": 3}
    out = np.zeros((len(seqs), 1, 4, len(seqs[0])), dtype="float32")
    for i, s in enumerate(seqs):
        for j, base in enumerate(s):
            out[i, 0, lookup[base], j] = 1.0
    return out


def simulate_single_motif_detection(num_pos, num_neg):
    seqs, labels = [], []
    for label, n in ((1, num_pos), (0, num_neg)):
        for _ in range(n):
            s = list(rng.choice(list("ACGT"), size=seq_length))
            if label:
                start = int(rng.integers(0, seq_length - len(motif)))
                s[start:start + len(motif)] = list(motif)
            seqs.append("".join(s))
            labels.append(label)
    return one_hot_encode(seqs), np.array(labels, dtype="float32")[:, None]


class SequenceDNN:
    def __init__(self, seq_length, num_tasks=1, num_filters=(15, 15), conv_width=(15, 15), pool_width=35, dropout=0.1):
        self.input_shape = (1, 4, seq_length)
        self.model = keras.Sequential([keras.Input(shape=self.input_shape)])
        for i, (nb_filter, nb_col) in enumerate(zip(num_filters, conv_width)):
            conv_height = 4 if i == 0 else 1
            self.model.add(layers.Conv2D(nb_filter, (conv_height, nb_col), kernel_initializer="he_normal"))
            self.model.add(layers.Activation("relu"))
            self.model.add(layers.Dropout(dropout))
        self.model.add(layers.MaxPooling2D(pool_size=(1, pool_width)))
        self.model.add(layers.Flatten())
        self.model.add(layers.Dense(num_tasks, activation="sigmoid"))
        self.model.compile(optimizer="adam", loss="binary_crossentropy")

    def train(self, X, y, validation_data):
        self.model.fit(X, y, batch_size=32, epochs=1, validation_data=validation_data, verbose=0)

    def predict(self, X):
        return self.model.predict(X, verbose=0)


X_train, y_train = simulate_single_motif_detection(100, 100)
X_valid, y_valid = simulate_single_motif_detection(20, 20)
model = SequenceDNN(seq_length=seq_length)
model.train(X_train, y_train, (X_valid, y_valid))
print("valid predictions:", model.predict(X_valid).shape)
