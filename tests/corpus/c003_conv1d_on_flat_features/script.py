import numpy as np
import keras
from keras import layers

# 30 numeric features per row (e.g. a CSV of sparse coefficients).
n_features = 30
X = np.random.rand(32, n_features).astype("float32")

series_input = keras.Input(shape=(n_features,), name="series_input")
x = layers.Conv1D(filters=32, kernel_size=5, padding="causal", activation="relu")(series_input)
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dense(16, activation="relu")(x)
out = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(series_input, out)
print(model.predict(X, verbose=0).shape)
