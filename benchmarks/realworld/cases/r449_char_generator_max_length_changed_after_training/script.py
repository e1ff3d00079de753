# Character-level LSTM that learns licence plates, then generates new ones.
import numpy as np
import keras
from keras import layers

characters = list("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+- ")  # 39 symbols, "+" starts a plate, " " pads
char_to_idx = {c: i for i, c in enumerate(characters)}
num_chars = len(characters)

# parameters used for training
max_length = 7

rng = np.random.default_rng(7)
plates = ["".join(rng.choice(characters[:36], size=rng.integers(3, 8))) for _ in range(300)]


def encode(prefix, length):
    prefix = prefix[-length:].rjust(length)
    out = np.zeros((length, num_chars), dtype="float32")
    for t, ch in enumerate(prefix):
        out[t, char_to_idx[ch]] = 1.0
    return out


x_rows, y_rows = [], []
for plate in plates:
    text = "+" + plate + "-"
    for i in range(1, len(text)):
        x_rows.append(encode(text[:i], max_length))
        y_rows.append(char_to_idx[text[i]])
x = np.stack(x_rows)
y = keras.utils.to_categorical(np.array(y_rows), num_chars)

inputs = keras.Input(shape=(max_length, num_chars))
h = layers.LSTM(32)(inputs)
outputs = layers.Dense(num_chars, activation="softmax")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x, y, epochs=1, batch_size=64, verbose=0)

# generation settings (edited later to get shorter plates)
max_length = 6
temperature = 1.0


def generate_plate():
    text = "+"
    while len(text) <= max_length:
        probs = model.predict(encode(text, max_length)[np.newaxis], verbose=0)[0]
        logits = np.log(probs + 1e-9) / temperature
        probs = np.exp(logits) / np.exp(logits).sum()
        nxt = characters[rng.choice(num_chars, p=probs)]
        if nxt == "-":
            break
        text += nxt
    return text[1:]


print([generate_plate() for _ in range(3)])
