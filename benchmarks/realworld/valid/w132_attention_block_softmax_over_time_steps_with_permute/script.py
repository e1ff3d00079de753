# Sensor-sequence classifier with feed-forward attention before the GRU: the inputs are
# permuted to (features, steps), a softmax Dense layer scores the 30 steps of every
# feature, the scores are permuted back and multiply the inputs.
import numpy as np
import keras
from keras import layers

STEPS = 30
CHANNELS = 6

gen = np.random.default_rng(132)
readings = gen.normal(size=(200, STEPS, CHANNELS)).astype("float32")
flags = (readings[:, 12, :].sum(axis=1) > 0).astype("float32")


def temporal_attention(seq):
    scores = layers.Permute((2, 1))(seq)
    scores = layers.Dense(STEPS, activation="softmax")(scores)
    weights = layers.Permute((2, 1), name="step_weights")(scores)
    return layers.Multiply()([seq, weights])


series_in = keras.Input(shape=(STEPS, CHANNELS))
weighted = temporal_attention(series_in)
summary = layers.GRU(16)(weighted)
out = layers.Dense(1, activation="sigmoid")(summary)
clf = keras.Model(series_in, out)
clf.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

clf.fit(readings, flags, batch_size=40, epochs=2, verbose=0)
weights_model = keras.Model(series_in, clf.get_layer("step_weights").output)
w = weights_model.predict(readings[:3], verbose=0)
print("weights sum over steps:", np.round(w.sum(axis=1)[0], 4))
