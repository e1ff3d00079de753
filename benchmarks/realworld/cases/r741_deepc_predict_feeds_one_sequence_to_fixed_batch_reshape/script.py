# DeepC-style regression of a chromatin interaction profile from one-hot DNA: dilated
# Conv1D layers summarise a 400-bp window into 20 bins, and the bins are reshaped (with
# the training batch size written into the reshape, as in the original graph code) into
# one flat interaction vector per sequence. Prediction walks over the test set in
# batches of BATCH_SIZE.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

BATCH_SIZE = 2
SEQ_LEN = 400
N_BINS = 20
CHANNELS = 8

rng = np.random.default_rng(2)
seqs = np.eye(4, dtype="float32")[rng.integers(0, 4, size=(16, SEQ_LEN))]
profiles = rng.random((16, N_BINS * CHANNELS)).astype("float32")

inp = keras.Input(shape=(SEQ_LEN, 4))
h = layers.Conv1D(32, 9, padding="same", activation="relu")(inp)
h = layers.MaxPooling1D(4)(h)
h = layers.Conv1D(32, 3, padding="same", dilation_rate=2, activation="relu")(h)
h = layers.MaxPooling1D(5)(h)
h = layers.Conv1D(CHANNELS, 1)(h)
flat = layers.Lambda(lambda t: tf.reshape(t, [BATCH_SIZE, N_BINS * CHANNELS]),
                     output_shape=(N_BINS * CHANNELS,))(h)
out = layers.Dense(N_BINS * CHANNELS)(flat)
deepc = keras.Model(inp, out)
deepc.compile(optimizer="adam", loss="mse")
deepc.fit(seqs[:12], profiles[:12], batch_size=BATCH_SIZE, epochs=1, verbose=0)

predictions = []
for start in range(12, 16, BATCH_SIZE):
    test_batch_range = slice(start, start + BATCH_SIZE)
    batch = np.expand_dims(seqs[test_batch_range][0], axis=0)
    predictions.append(deepc.predict_on_batch(batch))
print(np.concatenate(predictions).shape)
