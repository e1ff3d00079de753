import numpy as np
import keras
from keras import layers

alphabet = list(" abcdefghijklmnopqrstuvwxyz.,")
labels = ["O", "PER", "LOC", "ORG", "MISC"]
char_index = {c: i + 1 for i, c in enumerate(alphabet)}
sentence_max_length = 40
num_chars = len(alphabet) + 1
num_labels = len(labels)

rng = np.random.default_rng(3)


def get_x_y(n_docs):
    x = np.zeros((n_docs, sentence_max_length), dtype="int32")
    y = np.zeros((n_docs, sentence_max_length), dtype="int32")
    for d in range(n_docs):
        length = rng.integers(10, sentence_max_length + 1)
        x[d, :length] = rng.integers(1, num_chars, size=length)
        y[d, :length] = rng.integers(0, num_labels, size=length)
    return x, y


x_train, y_train = get_x_y(64)
x_dev, y_dev = get_x_y(16)
print("x:", x_train.shape, "y:", y_train.shape)

model = keras.Sequential()
model.add(keras.Input(shape=(sentence_max_length,)))
model.add(layers.Embedding(num_chars, 32, mask_zero=True))
model.add(layers.Dropout(0.3))
for _ in range(2):
    model.add(layers.Bidirectional(layers.LSTM(16, return_sequences=True)))
model.add(layers.Dropout(0.5))
model.add(layers.TimeDistributed(layers.Dense(num_labels, activation="softmax")))
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001, clipvalue=1.0),
    loss="categorical_crossentropy",
    metrics=["categorical_accuracy"],
)
model.fit(x_train, y_train, batch_size=16, epochs=1,
          validation_data=(x_dev, y_dev))
pred = model.predict(x_dev[:1], verbose=0)
print("predicted labels:", [labels[i] for i in pred[0].argmax(-1)[:10]])
