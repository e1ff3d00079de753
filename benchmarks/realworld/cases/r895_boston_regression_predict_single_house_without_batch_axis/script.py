import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

rng = np.random.default_rng(42)
features = rng.normal(size=(300, 13)).astype("float32")
prices = (22 + features @ rng.normal(size=13) * 2).astype("float32")

# The dataset is split by 70:30 proportion
x_train, x_test = features[:210], features[210:]
y_train, y_test = prices[:210], prices[210:]
print("Train Dimension:", x_train.shape)
print("Test Dimension:", x_test.shape)


def build_model():
    model = keras.Sequential(
        [
            # input_shape is number of features
            layers.Dense(32, activation="relu", input_shape=[x_train.shape[1]]),
            layers.Dense(32, activation="relu"),
            layers.Dense(1),
        ]
    )
    model.compile(loss="mse", optimizer="adam", metrics=["mae", "mse"])
    return model


model = build_model()
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

loss, mae, mse = model.evaluate(x_test, y_test, verbose=0)
print("Test MAE:", mae)

# price estimate for the first house of the test split
house = x_test[0]
prediction = model.predict(house).flatten()
print("Predicted:", prediction[0], "actual:", y_test[0])
