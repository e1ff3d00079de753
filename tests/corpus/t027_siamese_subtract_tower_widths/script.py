import numpy as np
import keras
from keras import layers

# Duplicate-question detector: two towers, |a - b| -> same / different.
q1 = np.random.rand(64, 40).astype("float32")
q2 = np.random.rand(64, 40).astype("float32")
same = np.random.randint(0, 2, size=(64, 1)).astype("float32")

in_a = keras.Input(shape=(40,), name="q1")
in_b = keras.Input(shape=(40,), name="q2")
tower_a = layers.Dense(32, activation="relu")(in_a)
tower_b = layers.Dense(1, activation="relu")(in_b)
diff = layers.Subtract()([tower_a, tower_b])
diff = layers.Lambda(lambda t: keras.ops.abs(t))(diff)
out = layers.Dense(1, activation="sigmoid")(diff)
model = keras.Model([in_a, in_b], out)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit([q1, q2], same, epochs=1, batch_size=16, verbose=0)
