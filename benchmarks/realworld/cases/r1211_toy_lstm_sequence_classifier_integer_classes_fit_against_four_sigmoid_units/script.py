import numpy as np
import keras
from keras import layers

# Each sequence holds a run of one symbol (1, 2 or 3); the class is that symbol.
max_features = 4   # classes 0,1,2,3 (total of 4)
x = [
    [[0], [1], [1], [0], [0], [0]],
    [[0], [0], [0], [2], [2], [0]],
    [[0], [0], [0], [0], [3], [3]],
    [[0], [2], [2], [0], [0], [0]],
    [[0], [0], [3], [3], [0], [0]],
    [[0], [0], [0], [0], [1], [1]],
]
x = np.array(x, dtype=np.float32)
y = np.array([1, 2, 3, 2, 3, 1], dtype=np.int32)

model = keras.Sequential([
    keras.Input(shape=(None, 1)),
    layers.LSTM(32, dropout=0.2, recurrent_dropout=0.2),
    layers.Dense(max_features, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

model.fit(x, y, epochs=20, verbose=0)
pred = model.predict(x, verbose=0)
print("Predicted classes:", np.argmax(pred, axis=1))
print("Expected classes: ", y)


def runit(model, inp):
    inp = np.array(inp, dtype=np.float32)
    return np.argmax(model.predict(inp, verbose=0)[0])


print(runit(model, [[[0], [0], [0], [0], [0], [1]]]))
