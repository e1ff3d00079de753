# Census-style income classifier (>50K or not): numeric + one-hot features, a stack of Dense layers, one output unit.
import numpy as np
import keras
from keras import layers, models

rng = np.random.default_rng(241)
n, input_dim = 1200, 40
features = rng.normal(size=(n, input_dim)).astype("float32")
w = rng.normal(size=(input_dim,)).astype("float32")
labels = (features @ w + 0.5 * rng.normal(size=n) > 0.8).astype("float32")   # 1 = earns >50K
labels_dim = 1


def model_fn(input_dim, labels_dim, hidden_units=(100, 70, 50, 20), learning_rate=0.01):
    model = models.Sequential()
    model.add(keras.Input(shape=(input_dim,)))
    for units in hidden_units:
        model.add(layers.Dense(units, activation="relu"))
    # Add a dense final layer
    model.add(layers.Dense(labels_dim, activation="softmax"))
    model.compile(loss="binary_crossentropy",
                  optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
                  metrics=["accuracy"])
    return model


model = model_fn(input_dim, labels_dim)
history = model.fit(features[:1000], labels[:1000], epochs=3, batch_size=40, verbose=0)
loss, acc = model.evaluate(features[1000:], labels[1000:], verbose=0)
print(f"eval loss {loss:.3f}, accuracy {acc:.3f}")
print("distinct predictions:", np.unique(model.predict(features[1000:], verbose=0)))
