import numpy as np
import keras
from keras import layers

# 3D dataset lying close to a plane: the linear autoencoder should find that plane (PCA)
rng = np.random.default_rng(4)


def generate_3d_data(m, w1=0.1, w2=0.3, noise=0.1):
    angles = rng.uniform(size=m) * 3 * np.pi / 2 - 0.5
    data = np.empty((m, 3))
    data[:, 0] = np.cos(angles) + np.sin(angles) / 2 + noise * rng.normal(size=m) / 2
    data[:, 1] = np.sin(angles) * 0.7 + noise * rng.normal(size=m) / 2
    data[:, 2] = data[:, 0] * w1 + data[:, 1] * w2 + noise * rng.normal(size=m)
    return data


X_train = generate_3d_data(60)
X_train = (X_train - X_train.mean(axis=0, keepdims=True)).astype("float32")

encoder = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2)])
decoder = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(2)])
autoencoder = keras.Sequential([encoder, decoder])
autoencoder.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate=0.5))

history = autoencoder.fit(X_train, X_train, epochs=5, verbose=0)
codings = encoder.predict(X_train, verbose=0)
print("2D codings:", codings.shape, "final loss:", round(history.history["loss"][-1], 4))
