# Sketch classifier on 32x32 grayscale drawings; the softmax head is sized from the
# categories actually loaded, matching the one-hot targets.
import numpy as np
import keras
from keras import layers


def build_sketch_net(height, width, n_categories):
    net = keras.Sequential([
        keras.Input(shape=(height, width, 1)),
        layers.Conv2D(12, (3, 3), activation="relu"),
        layers.MaxPooling2D((2, 2)),
        layers.Conv2D(24, (3, 3), activation="relu"),
        layers.MaxPooling2D((2, 2)),
        layers.Flatten(),
        layers.Dense(64, activation="relu"),
        layers.Dropout(0.5),
        layers.Dense(n_categories, activation="softmax"),
    ])
    net.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return net


rng = np.random.default_rng(120)
names = ["cat", "house", "tree", "car"]
sketches = rng.random((100, 32, 32, 1)).astype("float32")
ids = rng.integers(0, len(names), size=100)
onehot = keras.utils.to_categorical(ids, len(names))

net = build_sketch_net(32, 32, len(names))
net.fit(sketches[:80], onehot[:80], validation_data=(sketches[80:], onehot[80:]), epochs=1, batch_size=16, verbose=0)
print(net.evaluate(sketches[80:], onehot[80:], verbose=0))
