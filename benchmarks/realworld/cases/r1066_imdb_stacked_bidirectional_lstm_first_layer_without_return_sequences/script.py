import numpy as np
import keras
from keras import layers

max_features = 2000
maxlen = 60

rng = np.random.default_rng(12)
x_train = [list(rng.integers(1, max_features, size=rng.integers(20, 120))) for _ in range(256)]
y_train = rng.integers(0, 2, size=(256,))
x_val = [list(rng.integers(1, max_features, size=rng.integers(20, 120))) for _ in range(64)]
y_val = rng.integers(0, 2, size=(64,))
print(len(x_train), "Training sequences")
print(len(x_val), "Validation sequences")

x_train = keras.utils.pad_sequences(x_train, maxlen=maxlen)
x_val = keras.utils.pad_sequences(x_val, maxlen=maxlen)

inputs = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(max_features, 64)(inputs)
x = layers.Bidirectional(layers.LSTM(32))(x)
x = layers.Bidirectional(layers.LSTM(32))(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.summary()

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=32, epochs=2, validation_data=(x_val, y_val), verbose=0)
print("trained")
