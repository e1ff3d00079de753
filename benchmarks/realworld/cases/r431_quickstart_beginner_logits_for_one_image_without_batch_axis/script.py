import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
x_train = rng.integers(0, 256, size=(256, 28, 28)).astype("float32") / 255.0
y_train = rng.integers(0, 10, size=(256,))

model = keras.Sequential(
    [
        keras.Input(shape=(28, 28)),
        layers.Flatten(),
        layers.Dense(128, activation="relu"),
        layers.Dropout(0.2),
        layers.Dense(10),
    ]
)

# Look at the logits the untrained model gives for the first training image.
sample = x_train[0]
predictions = model(sample).numpy()
print(keras.ops.softmax(predictions))

loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
print(loss_fn(y_train[:1], predictions).numpy())

model.compile(optimizer="adam", loss=loss_fn, metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=64, verbose=0)
