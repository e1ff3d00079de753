# Character-level text generation with an LSTM: one-hot windows of maxlen characters
# predict the next character; after training, text is generated one character at a time.
import numpy as np
import keras
from keras import layers

text = ("the quick brown fox jumps over the lazy dog while the cat sleeps on the warm mat "
        "and the bird sings a song about the river that runs past the old mill ") * 3
chars = sorted(list(set(text)))
char_indices = dict((c, i) for i, c in enumerate(chars))
indices_char = dict((i, c) for i, c in enumerate(chars))

maxlen = 40
step = 3
sentences, next_chars = [], []
for i in range(0, len(text) - maxlen, step):
    sentences.append(text[i: i + maxlen])
    next_chars.append(text[i + maxlen])

x = np.zeros((len(sentences), maxlen, len(chars)), dtype="bool")
y = np.zeros((len(sentences), len(chars)), dtype="bool")
for i, sentence in enumerate(sentences):
    for t, char in enumerate(sentence):
        x[i, t, char_indices[char]] = 1
    y[i, char_indices[next_chars[i]]] = 1

model = keras.Sequential([
    keras.Input(shape=(maxlen, len(chars))),
    layers.LSTM(64),
    layers.Dense(len(chars), activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.RMSprop(learning_rate=0.01))
model.fit(x, y, batch_size=64, epochs=1, verbose=0)


def sample(preds, temperature=1.0):
    preds = np.asarray(preds).astype("float64")
    preds = np.log(preds) / temperature
    exp_preds = np.exp(preds)
    preds = exp_preds / np.sum(exp_preds)
    probas = np.random.multinomial(1, preds, 1)
    return np.argmax(probas)


sentence = text[0: maxlen]
generated = ""
for i in range(20):
    x_pred = np.zeros((maxlen, len(chars)))
    for t, char in enumerate(sentence):
        x_pred[t, char_indices[char]] = 1.0
    preds = model.predict(x_pred, verbose=0)[0]
    next_char = indices_char[sample(preds, 0.5)]
    sentence = sentence[1:] + next_char
    generated += next_char
print("Generated:", generated)
