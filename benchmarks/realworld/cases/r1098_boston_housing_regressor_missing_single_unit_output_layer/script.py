import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(8)
x_all = rng.normal(size=(300, 13)).astype("float32")
true_w = rng.normal(size=(13,))
y_all = (22.0 + 3.0 * x_all @ true_w + rng.normal(0, 1.0, size=300)).astype("float32")
x_train, y_train = x_all[:210], y_all[:210]
x_test, y_test = x_all[210:], y_all[210:]

print("Train Dimension:", x_train.shape)
print("Test Dimension:", x_test.shape)


def build_model():
    model = keras.Sequential(
        [
            keras.Input(shape=(x_train.shape[1],)),
            layers.Dense(32, activation="relu"),
            layers.Dense(32, activation="relu"),
        ]
    )
    model.compile(loss="mse", optimizer="adam", metrics=["mae", "mse"])
    return model


model = build_model()
model.summary()

early_stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=10)
history = model.fit(
    x_train,
    y_train,
    batch_size=32,
    epochs=2,
    verbose=0,
    validation_split=0.3,
    callbacks=[early_stop],
)

loss, mae, mse = model.evaluate(x_test, y_test, verbose=2)
prediction = model.predict(x_test, verbose=0).flatten()
print("predictions:", prediction.shape, "targets:", y_test.shape)
