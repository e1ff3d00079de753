import numpy as np
import keras
from keras import layers, ops

units = 24
timesteps = 8
input_dim = 6

# A functional head that averages a sequence of states and scores it.
seq_inputs = keras.Input((None, units))
pooled = layers.GlobalAveragePooling1D()(seq_inputs)
score = layers.Dense(1)(pooled)
head = keras.Model(seq_inputs, score, name="sequence_head")


class CustomRNN(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.projection_1 = layers.Dense(units=units, activation="tanh")
        self.projection_2 = layers.Dense(units=units, activation="tanh")
        self.classifier = head

    def call(self, inputs):
        outputs = []
        state = ops.zeros(shape=(ops.shape(inputs)[0], self.units))
        for t in range(inputs.shape[1]):
            x = inputs[:, t, :]
            h = self.projection_1(x)
            y = h + self.projection_2(state)
            state = y
            outputs.append(y)
        features = ops.concatenate(outputs, axis=1)
        return self.classifier(features)


rng = np.random.default_rng(1)
series = rng.normal(size=(4, timesteps, input_dim)).astype("float32")

rnn_model = CustomRNN()
scores = rnn_model(series)
print("scores", ops.convert_to_numpy(scores).ravel())
