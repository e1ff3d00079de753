import numpy as np
import tensorflow as tf
import keras
from keras import layers

V_MIN, V_MAX = 1.0, 3.5
NUM_DIM = 2

src_list = [keras.Input(shape=(1,), name=f"source_coord_{i}") for i in range(NUM_DIM)]
rec_list = [keras.Input(shape=(1,), name=f"receiver_coord_{i}") for i in range(NUM_DIM)]
velocity = keras.Input(shape=(1,), name="velocity_at_receiver")
src = layers.Concatenate()(src_list)
rec = layers.Concatenate()(rec_list)

pair = layers.Concatenate()([src, rec])
h = layers.Dense(32, activation="tanh")(pair)
h = layers.Dense(32, activation="tanh")(h)
tau = layers.Dense(1, activation="sigmoid")(h)
core = keras.Model(src_list + rec_list, tau, name="traveltime_core")

t_sr = core(src_list + rec_list)
t_rs = core(rec_list + src_list)
tau = layers.Lambda(lambda x: 0.5 * (x[0] + x[1]))([t_sr, t_rs])
tau = layers.Lambda(lambda x: (1 / V_MIN - 1 / V_MAX) * x + 1 / V_MAX)(tau)
dist = layers.Lambda(lambda x: tf.norm(x[0] - x[1], axis=-1, keepdims=True))([rec, src])
traveltime = layers.Multiply()([tau, dist])

grads = layers.Lambda(
    lambda x: tf.gradients(x[0], x[1], unconnected_gradients="zero")
)([traveltime, rec_list])
grad = layers.Concatenate()(grads)
grad_norm = layers.Lambda(lambda x: tf.norm(x, axis=-1))(grad)
eikonal = layers.Lambda(lambda x: ((x[0] * x[1]) ** 2 - 1.0) / 2)([grad_norm, velocity])

eikonal_model = keras.Model(src_list + rec_list + [velocity], eikonal)
eikonal_model.compile(optimizer=keras.optimizers.Adam(2.5e-3), loss="mae")

rng = np.random.default_rng(1)
n = 256
inputs = {f"source_coord_{i}": rng.uniform(0, 1, n) for i in range(NUM_DIM)}
inputs.update({f"receiver_coord_{i}": rng.uniform(0, 1, n) for i in range(NUM_DIM)})
inputs["velocity_at_receiver"] = 1.0 + 2.5 * inputs["receiver_coord_1"]
targets = np.zeros(n)

history = eikonal_model.fit(inputs, targets, batch_size=64, epochs=2, verbose=0)
print("eikonal loss:", history.history["loss"])
residual = eikonal_model.predict(inputs, batch_size=64, verbose=0)
print("residual shape:", residual.shape)
