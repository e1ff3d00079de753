import numpy as np
import keras
from keras import layers

# Heart-rate recordings of different lengths (one reading per second).
rng = np.random.default_rng(6)
lengths = rng.integers(5, 21, size=120)
recordings = [list(60 + 30 * rng.random(n)) for n in lengths]
labels = np.array([float(np.mean(r) > 75) for r in recordings]).reshape(-1, 1)

# Pad at the end with 0.0, the value the Masking layer will skip.
padded = keras.utils.pad_sequences(
    recordings, padding="post", dtype="float32", value=0.0
)
padded = padded / 100.0
print("padded batch:", padded.shape)

inputs = keras.Input(shape=(None,))
x = layers.Masking(mask_value=0.0)(inputs)
x = layers.LSTM(16)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(padded, labels, batch_size=16, epochs=2, verbose=0)
print("accuracy:", model.evaluate(padded, labels, verbose=0)[1])
