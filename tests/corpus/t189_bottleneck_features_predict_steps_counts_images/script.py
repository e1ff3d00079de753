import numpy as np
import keras
from keras import layers

# Two-step transfer learning: a frozen convolutional base turns every image into a feature map once,
# then a small classifier is trained on those saved features.
batch_size = 8
nb_train_samples = 48
images = np.random.rand(nb_train_samples, 32, 32, 3).astype("float32")
train_labels = np.array([0] * (nb_train_samples // 2) + [1] * (nb_train_samples // 2))


def image_batches():
    while True:
        for start in range(0, nb_train_samples, batch_size):
            yield (images[start:start + batch_size],)


base = keras.Sequential()
base.add(keras.Input(shape=(32, 32, 3)))
base.add(layers.Conv2D(8, 3, activation="relu"))
base.add(layers.MaxPooling2D(4))
bottleneck_features = base.predict(image_batches(), steps=nb_train_samples, verbose=0)

top = keras.Sequential()
top.add(keras.Input(shape=bottleneck_features.shape[1:]))
top.add(layers.Flatten())
top.add(layers.Dense(16, activation="relu"))
top.add(layers.Dense(1, activation="sigmoid"))
top.compile(optimizer="adam", loss="binary_crossentropy")
top.fit(bottleneck_features, train_labels, epochs=1, batch_size=batch_size, verbose=0)
