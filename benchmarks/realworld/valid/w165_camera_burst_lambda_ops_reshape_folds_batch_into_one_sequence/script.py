import numpy as np
import keras
from keras import layers, ops

# a burst of 6 camera frames arrives as one batch; the recurrent head needs them as one sequence
burst_len, rows, cols = 6, 24, 40
n_events = 4

burst = keras.Input(batch_shape=(burst_len, rows, cols, 1))
sequence = layers.Lambda(lambda t: ops.reshape(t, (1, burst_len, rows, cols, 1)))(burst)
h = layers.TimeDistributed(layers.Conv2D(6, 3, activation="relu"))(sequence)
h = layers.TimeDistributed(layers.GlobalMaxPooling2D())(h)
h = layers.GRU(12)(h)
event = layers.Dense(n_events, activation="softmax")(h)
burst_model = keras.Model(burst, event)

gen = np.random.default_rng(165)
camera = gen.random((burst_len, rows, cols, 1)).astype("float32")
scores = burst_model(camera)
print("event scores:", ops.convert_to_numpy(scores).round(3), scores.shape)
