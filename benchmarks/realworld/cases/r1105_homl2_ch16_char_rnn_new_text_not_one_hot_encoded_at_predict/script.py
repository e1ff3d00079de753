import numpy as np
import keras
from keras import layers

shakespeare_text = (
    "First Citizen: Before we proceed any further, hear me speak. "
    "All: Speak, speak. First Citizen: You are all resolved rather to die "
    "than to famish? All: Resolved. resolved. How are you today, my lord? "
) * 4

chars = sorted(set(shakespeare_text.lower()))
char_to_id = {c: i for i, c in enumerate(chars)}
max_id = len(chars)
encoded = np.array([char_to_id[c] for c in shakespeare_text.lower()])

n_steps = 40
windows = np.array([encoded[i:i + n_steps + 1]
                    for i in range(0, len(encoded) - n_steps - 1, 3)])
X_train = keras.ops.one_hot(windows[:, :-1], max_id)
Y_train = windows[:, 1:]

model = keras.Sequential([
    keras.Input(shape=[None, max_id]),
    layers.GRU(64, return_sequences=True, dropout=0.2),
    layers.GRU(64, return_sequences=True, dropout=0.2),
    layers.TimeDistributed(layers.Dense(max_id, activation="softmax")),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
model.fit(X_train, Y_train, batch_size=32, epochs=2, verbose=0)


def preprocess(texts):
    X = np.array([[char_to_id[c] for c in text.lower()] for text in texts])
    return X


X_new = preprocess(["How are yo"])
Y_pred = np.argmax(model.predict(X_new, verbose=0), axis=-1)
print("next char:", repr(chars[Y_pred[0][-1]]))
