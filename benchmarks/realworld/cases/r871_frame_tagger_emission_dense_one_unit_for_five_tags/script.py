# Frame-sequence tagger (tf2crf example layout): a small CNN runs on every frame, a Conv1D
# and max-pooling shrink the 64 frames to 8 steps, a BiLSTM reads them and a per-step Dense
# layer gives the emission scores of the tags; every step carries one tag id out of 5.
import numpy as np
import keras
from keras import layers

N_TAGS = 5
rng = np.random.default_rng(871)
x = rng.random((40, 64, 20, 26, 1)).astype("float32")
y = rng.integers(0, N_TAGS, size=(40, 8))

inputs = keras.Input(shape=(64, 20, 26, 1))
h = inputs
for _ in range(2):
    h = layers.TimeDistributed(layers.Conv2D(8, (3, 3), padding="same"))(h)
    h = layers.Activation("elu")(h)
    h = layers.TimeDistributed(layers.MaxPooling2D(pool_size=(2, 2)))(h)
    h = layers.Dropout(0.2)(h)
h = layers.TimeDistributed(layers.Flatten())(h)
h = layers.Conv1D(16, 3, padding="same")(h)
h = layers.Activation("elu")(h)
h = layers.MaxPooling1D(pool_size=8)(h)
h = layers.Bidirectional(layers.LSTM(32, return_sequences=True))(h)
h = layers.Activation("elu")(h)
emissions = layers.TimeDistributed(layers.Dense(1, activation="relu"))(h)
tagger = keras.Model(inputs, emissions)
tagger.compile(optimizer="adam",
               loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
               metrics=["accuracy"])

tagger.fit(x, y, batch_size=8, epochs=2, verbose=0)
print("tagged steps per clip:", tagger.predict(x[:2], verbose=0).shape[1])
