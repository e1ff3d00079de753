# bc-LSTM-style emotion classifier: three consecutive utterance feature vectors -> emotion of the last one.
import numpy as np
import keras
from keras import layers

NUM_CLASSES = 4          # happy, sad, neutral, angry
FEAT_DIM = 100           # text features per utterance

rng = np.random.default_rng(35)
n = 240
u1_data = rng.normal(size=(n, FEAT_DIM)).astype("float32")
u2_data = rng.normal(size=(n, FEAT_DIM)).astype("float32")
u3_data = rng.normal(size=(n, FEAT_DIM)).astype("float32")
labels = rng.integers(0, NUM_CLASSES, size=(n, 1))

u1 = keras.Input(shape=(FEAT_DIM,), name="u1")
u2 = keras.Input(shape=(FEAT_DIM,), name="u2")
u3 = keras.Input(shape=(FEAT_DIM,), name="u3")
context = layers.Concatenate()([u1, u2, u3])
context = layers.Reshape((3, FEAT_DIM))(context)
h = layers.LSTM(64, dropout=0.2)(context)
h = layers.Dense(32, activation="relu")(h)
out = layers.Dense(NUM_CLASSES, activation="softmax")(h)

model = keras.Model([u1, u2, u3], out)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit([u1_data, u2_data, u3_data], labels, epochs=2, batch_size=32, verbose=0)
print(model.evaluate([u1_data, u2_data, u3_data], labels, verbose=0))
