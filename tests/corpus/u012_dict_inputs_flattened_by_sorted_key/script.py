import numpy as np
import keras
from keras import layers

N = 64
rng = np.random.default_rng(0)
numeric = ["age", "hours"]
categorical = {"workclass": 7, "education": 12}

inputs = {}
for name in numeric:
    inputs[name] = keras.Input(name=name, shape=(), dtype="float32")
for name in categorical:
    inputs[name] = keras.Input(name=name, shape=(), dtype="int32")

encoded = [layers.Reshape((1,))(inputs[name]) for name in numeric]
for name, vocab in categorical.items():
    encoded.append(layers.Embedding(vocab, 4)(inputs[name]))
features = layers.concatenate(encoded)
x = layers.Dense(16, activation="relu")(features)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")

data = {name: rng.random(N).astype("float32") for name in numeric}
data.update({name: rng.integers(0, v, N).astype("int32") for name, v in categorical.items()})
labels = rng.integers(0, 2, N).astype("float32")
model.fit(data, labels, epochs=1, batch_size=16, verbose=0)
print("ok")
