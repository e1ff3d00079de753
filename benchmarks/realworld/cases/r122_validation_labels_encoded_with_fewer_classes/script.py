import numpy as np
from tensorflow import keras

X = np.random.rand(100, 64, 1).astype("float32")
y = np.random.randint(0, 4, size=(100,))
X_val = np.random.rand(30, 64, 1).astype("float32")
y_val = np.random.randint(0, 3, size=(30,))

y_onehot = keras.utils.to_categorical(y)
y_val_onehot = keras.utils.to_categorical(y_val)

inp = keras.layers.Input(shape=(64, 1))
h = keras.layers.Conv1D(16, 8, padding="same", activation="relu")(inp)
h = keras.layers.GlobalAveragePooling1D()(h)
out = keras.layers.Dense(y_onehot.shape[1], activation="softmax")(h)
model = keras.models.Model(inp, out)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y_onehot, validation_data=(X_val, y_val_onehot), epochs=1, batch_size=25, verbose=0)
