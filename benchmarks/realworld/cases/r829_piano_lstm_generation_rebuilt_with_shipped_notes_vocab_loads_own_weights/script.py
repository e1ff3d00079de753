# Classical-piano composer in the LSTM style of the tutorial: notes/chords are mapped to
# integers, 20-note windows predict the next note, the weights are saved after training,
# and the generation script rebuilds the network from the notes file and loads them.
import os
import pickle
import tempfile

import numpy as np
import keras
from keras import layers

SEQUENCE_LENGTH = 20
workdir = tempfile.mkdtemp()
rng = np.random.default_rng(829)

# notes file shipped with the repository (parsed from its own MIDI collection)
shipped = [f"P{p}" for p in rng.integers(0, 30, size=400)]
with open(os.path.join(workdir, "notes_shipped"), "wb") as fh:
    pickle.dump(shipped, fh)


def create_network(n_vocab):
    model = keras.Sequential([
        keras.Input(shape=(SEQUENCE_LENGTH, 1)),
        layers.LSTM(64, return_sequences=True),
        layers.Dropout(0.3),
        layers.LSTM(64),
        layers.Dense(32, activation="relu"),
        layers.Dense(n_vocab, activation="softmax"),
    ])
    model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
    return model


def prepare_sequences(notes, n_vocab):
    pitchnames = sorted(set(notes))
    note_to_int = {note: number for number, note in enumerate(pitchnames)}
    net_in, net_out = [], []
    for i in range(len(notes) - SEQUENCE_LENGTH):
        net_in.append([note_to_int[n] for n in notes[i:i + SEQUENCE_LENGTH]])
        net_out.append(note_to_int[notes[i + SEQUENCE_LENGTH]])
    net_in = np.reshape(net_in, (len(net_in), SEQUENCE_LENGTH, 1)) / float(n_vocab)
    return net_in, keras.utils.to_categorical(net_out, n_vocab)


# ---- training on my own (smaller) MIDI set: lstm.py ----
my_notes = [f"P{p}" for p in rng.integers(0, 12, size=300)]
with open(os.path.join(workdir, "notes_mine"), "wb") as fh:
    pickle.dump(my_notes, fh)
n_vocab = len(set(my_notes))
x, y = prepare_sequences(my_notes, n_vocab)
trained = create_network(n_vocab)
trained.fit(x, y, epochs=1, batch_size=64, verbose=0)
weights_path = os.path.join(workdir, "weights.weights.h5")
trained.save_weights(weights_path)

# ---- generation: predict.py ----
with open(os.path.join(workdir, "notes_shipped"), "rb") as fh:
    notes = pickle.load(fh)
n_vocab = len(set(notes))
network_input, _ = prepare_sequences(notes, n_vocab)
model = create_network(n_vocab)
model.load_weights(weights_path)

pattern = network_input[0]
prediction = model.predict(pattern[None, :, :], verbose=0)
print("next note index:", int(np.argmax(prediction)))
