import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(8)

# 193 spectral features per clip, one folder (class id) per sound type
n_clips, n_feat = 120, 193
features = rng.normal(size=(n_clips, n_feat)).astype("float32")
labels = rng.integers(0, 4, size=n_clips)
labels[:4] = [0, 1, 2, 3]


def cnn(num_classes):
    model = keras.Sequential([
        keras.Input(shape=(n_feat, 1)),
        layers.Conv1D(32, 5, activation="relu"),
        layers.MaxPooling1D(4),
        layers.Conv1D(32, 5, activation="relu"),
        layers.GlobalAveragePooling1D(),
        layers.Dense(32, activation="relu"),
        layers.Dense(num_classes, activation="softmax"),
    ])
    return model


def train(features, labels, num_classes=None, epochs=2):
    if num_classes is None:
        num_classes = int(np.max(labels, axis=0))
    model = cnn(num_classes)
    model.compile(optimizer=keras.optimizers.Adam(0.005),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    x = np.expand_dims(features, axis=2)
    model.fit(x, labels, batch_size=16, epochs=epochs, verbose=0)
    return model


model = train(features, labels)
pred = model.predict(np.expand_dims(features[:3], axis=2), verbose=0)
print("classes in output:", pred.shape[1])
