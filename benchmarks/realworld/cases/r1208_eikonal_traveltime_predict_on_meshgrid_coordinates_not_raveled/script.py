import numpy as np
import tensorflow as tf
import keras
from keras import layers

V_MIN, V_MAX = 1.0, 3.0
names = ["source_coord_0", "source_coord_1", "receiver_coord_0", "receiver_coord_1"]
coords = [keras.Input(shape=(1,), name=name) for name in names]
velocity = keras.Input(shape=(1,), name="velocity_at_receiver")

h = layers.Concatenate()(coords)
for _ in range(3):
    h = layers.Dense(24, activation="tanh")(h)
tau = layers.Dense(1, activation="sigmoid")(h)
tau = layers.Lambda(lambda x: (1 / V_MIN - 1 / V_MAX) * x + 1 / V_MAX)(tau)
src = layers.Concatenate()(coords[:2])
rec = layers.Concatenate()(coords[2:])
dist = layers.Lambda(lambda x: tf.norm(x[0] - x[1], axis=-1, keepdims=True))([rec, src])
traveltime = layers.Multiply()([tau, dist])

grads = layers.Lambda(lambda x: tf.gradients(x[0], x[1], unconnected_gradients="zero"))([traveltime, coords[2:]])
grad_norm = layers.Lambda(lambda x: tf.norm(x, axis=-1, keepdims=True))(layers.Concatenate()(grads))
eikonal = layers.Lambda(lambda x: ((x[0] * x[1]) ** 2 - 1.0) / 2)([grad_norm, velocity])

traveltime_model = keras.Model(coords, traveltime)
eikonal_model = keras.Model(coords + [velocity], eikonal)
eikonal_model.compile(optimizer=keras.optimizers.Adam(2.5e-3), loss="mae")

rng = np.random.default_rng(11)
num_train = 512
inputs_train = {name: rng.uniform(0, 1, num_train) for name in names}
inputs_train["velocity_at_receiver"] = 1.0 + 2.0 * inputs_train["receiver_coord_0"]
eikonal_model.fit(inputs_train, np.zeros(num_train), batch_size=128, epochs=2, verbose=0)

source_x = source_y = np.linspace(0, 1, 3)
receiver_x = receiver_y = np.linspace(0, 1, 6)
pairs = np.stack(np.meshgrid(source_x, source_y, receiver_x, receiver_y, indexing="ij"), axis=-1)
shape = pairs.shape[:-1]
inputs_test = {name: pairs[..., k] for k, name in enumerate(names)}
traveltime_pred = traveltime_model.predict(inputs_test, batch_size=256, verbose=0).reshape(shape)
print("traveltime field:", traveltime_pred.shape, "max", traveltime_pred.max())
