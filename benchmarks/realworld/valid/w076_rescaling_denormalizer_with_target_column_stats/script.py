import numpy as np
import keras
from keras import layers

# Sensor log: column 0 is the input signal, column 1 the quantity to predict (physical units)
rng = np.random.default_rng(0)
table = rng.normal(loc=[20.0, 5.0], scale=[4.0, 1.5], size=(8 * 100, 2)).astype("float32")
mean = table.mean(axis=0)
std = table.std(axis=0)

x = ((table[:, :1] - mean[0]) / std[0]).reshape(8, 100, 1)
y = table[:, 1:].reshape(8, 100, 1)

model = keras.Sequential(
    [
        layers.Input(shape=(None, 1), name="Feature"),
        layers.Conv1D(16, 5, padding="causal", activation="relu"),
        layers.Dense(1),
        # back from normalized units to the target's physical units
        layers.Rescaling(scale=std[1], offset=mean[1]),
    ]
)
model.summary()
print(f"Expected model output shape: {model.output_shape}")

model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=2, batch_size=8, verbose=0)
print(f"Prediction shape: {model.predict(x, verbose=0).shape}, target shape: {y.shape}")
