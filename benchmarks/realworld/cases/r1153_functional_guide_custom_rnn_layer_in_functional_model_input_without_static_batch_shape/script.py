import numpy as np
import keras
from keras import layers, ops

units = 32
timesteps = 12
input_dim = 5
batch_size = 16


class CustomRNN(layers.Layer):
    """A hand-written RNN loop whose classifier reads the mean of all its states."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.projection_1 = layers.Dense(units=units, activation="tanh")
        self.projection_2 = layers.Dense(units=units, activation="tanh")
        self.classifier = layers.Dense(1, activation="sigmoid")

    def call(self, inputs):
        outputs = []
        state = ops.zeros(shape=(inputs.shape[0], self.units))
        for t in range(inputs.shape[1]):
            x = inputs[:, t, :]
            h = self.projection_1(x)
            y = h + self.projection_2(state)
            state = y
            outputs.append(y)
        features = ops.stack(outputs, axis=1)
        return self.classifier(ops.mean(features, axis=1))


# Sensor windows: 12 steps of 5 channels; label = is channel 0 mostly positive?
rng = np.random.default_rng(0)
x_train = rng.normal(size=(128, timesteps, input_dim)).astype("float32")
y_train = (x_train[:, :, 0].mean(axis=1) > 0).astype("float32").reshape(-1, 1)

inputs = keras.Input(shape=(timesteps, input_dim))
x = layers.Conv1D(32, 3, activation="relu")(inputs)
outputs = CustomRNN()(x)
model = keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=batch_size, epochs=2, verbose=0)
loss, acc = model.evaluate(x_train, y_train, batch_size=batch_size, verbose=0)
print("loss", round(loss, 4), "accuracy", round(acc, 4))
