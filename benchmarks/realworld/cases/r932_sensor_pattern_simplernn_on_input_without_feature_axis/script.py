import numpy as np
import keras

rng = np.random.default_rng(932)

# each sample: the last 4 hourly readings of one sensor; label: one of 5 usage patterns
n_samples, n_steps, n_patterns = 400, 4, 5
patterns = rng.integers(0, n_patterns, size=n_samples)
readings = (patterns[:, None] * np.linspace(0.2, 1.0, n_steps)[None, :]
            + 0.1 * rng.normal(size=(n_samples, n_steps))).astype("float32")
print("readings", readings.shape)

inputs = keras.Input(shape=(n_steps,))
label = keras.layers.SimpleRNN(units=n_patterns, activation="softmax")(inputs)
model = keras.Model(inputs, label)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

model.fit(readings, patterns, batch_size=32, epochs=2, verbose=0)
print(model.evaluate(readings, patterns, verbose=0))
