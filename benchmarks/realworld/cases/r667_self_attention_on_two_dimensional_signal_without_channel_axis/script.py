# Self-attention regressor on 1-D vibration traces: every one of the 60 readings is
# meant to attend to every other reading, then a small head predicts a wear score.
import numpy as np
import keras
from keras import layers

TRACE_LEN = 60

rng = np.random.default_rng(46760)
traces = rng.normal(size=(128, TRACE_LEN)).astype("float32")
wear = (traces[:, :10].mean(axis=1, keepdims=True) + 0.1 * rng.normal(size=(128, 1))).astype("float32")

trace_in = keras.Input(shape=(TRACE_LEN,))
attended = layers.MultiHeadAttention(num_heads=4, key_dim=8, use_bias=False)(trace_in, trace_in)
features = layers.Flatten()(attended)
features = layers.Dense(32, activation="relu")(features)
score = layers.Dense(1)(features)
wear_model = keras.Model(trace_in, score)
wear_model.compile(optimizer="adam", loss="mse")
wear_model.fit(traces, wear, batch_size=16, epochs=2, verbose=0)
print(wear_model.predict(traces[:3], verbose=0).ravel())
