import numpy as np
import keras
from keras import layers

# Activity recognition from accelerometer windows with two 1D residual blocks.
x = np.random.rand(48, 64, 1).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 3, size=(48,)), 3)


def residual_block(inputs, filters, project):
    out = layers.Conv1D(filters, 5, padding="causal", activation="relu")(inputs)
    out = layers.Conv1D(filters, 5, padding="causal")(out)
    if project:
        out = layers.Conv1D(1, 1, padding="causal")(out)
    out = layers.add([inputs, out])
    out = layers.ReLU()(out)
    return layers.MaxPool1D()(out)


inputs = keras.Input(shape=(64, 1))
h = layers.Conv1D(16, 1)(inputs)
h = residual_block(h, 16, project=False)
h = residual_block(h, 32, project=True)
h = layers.Flatten()(h)
outputs = layers.Dense(3, activation="softmax")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
