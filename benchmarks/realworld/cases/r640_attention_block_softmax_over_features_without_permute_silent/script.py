# Feed-forward attention applied to the inputs of an LSTM classifier: a softmax Dense
# layer produces one weight per input position, the inputs are multiplied by the
# weights and the LSTM reads the re-weighted sequence. The Permute layers around the
# Dense layer were left out as "unnecessary", since the shapes match without them.
import numpy as np
import keras
from keras import layers

TIME_STEPS = 20
INPUT_DIM = 8

rng = np.random.default_rng(24)
series = rng.normal(size=(256, TIME_STEPS, INPUT_DIM)).astype("float32")
targets = (series[:, 5, :].mean(axis=1) > 0).astype("float32")


def attention_3d_block(inputs):
    weights = layers.Dense(INPUT_DIM, activation="softmax", name="attention_vec")(inputs)
    return layers.Multiply(name="attention_mul")([inputs, weights])


seq_in = keras.Input(shape=(TIME_STEPS, INPUT_DIM))
attended = attention_3d_block(seq_in)
encoded = layers.LSTM(32)(attended)
prob = layers.Dense(1, activation="sigmoid")(encoded)
model = keras.Model(seq_in, prob)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

model.fit(series, targets, batch_size=32, epochs=2, verbose=0)
probe = keras.Model(seq_in, model.get_layer("attention_vec").output)
attention = probe.predict(series[:4], verbose=0)
print("attention weights per step summed over time:", attention.sum(axis=1)[0])
