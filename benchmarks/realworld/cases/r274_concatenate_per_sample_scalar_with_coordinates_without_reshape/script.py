import numpy as np
import keras
from keras import layers

# Each sample: a 2-D position and 8 sensor readings; the target has 3 values
positions = np.random.rand(256, 2).astype("float32")
readings = np.random.rand(256, 8).astype("float32")
targets = np.random.rand(256, 3).astype("float32")

position_input = keras.Input(shape=(2,), name="position")
reading_input = keras.Input(shape=(8,), name="readings")
# one summary value per sample, to be joined with the 2 coordinates into 3 features
level = layers.Lambda(lambda t: keras.ops.mean(t, axis=-1))(reading_input)
merged = layers.Concatenate()([level, position_input])
x = layers.Dense(16, activation="relu")(merged)
outputs = layers.Dense(3)(x)
model = keras.Model([position_input, reading_input], outputs)
model.compile(optimizer="adam", loss="mse")
model.fit([positions, readings], targets, batch_size=32, epochs=1, verbose=0)
