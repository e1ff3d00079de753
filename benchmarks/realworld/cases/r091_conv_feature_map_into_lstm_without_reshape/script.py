import numpy as np
from tensorflow.keras import layers, models

T, D, N_FILTERS = 128, 64, 32  # frames, coefficients per frame, conv filters

# 16 spectrogram clips, one binary label per clip
spectrograms = np.random.rand(16, T, D, 1).astype("float32")
labels = np.random.randint(0, 2, size=(16, 1))

inputs = layers.Input(shape=(T, D, 1))
x = layers.Conv2D(N_FILTERS, (3, 3), padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D(pool_size=(8, 2))(x)
x = layers.LSTM(128, return_sequences=True)(x)
x = layers.LSTM(32)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = models.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(spectrograms, labels, batch_size=4, epochs=1, verbose=0)
