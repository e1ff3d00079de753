import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
train_images = rng.random((600, 28 * 28)).astype("float32")
train_labels = rng.integers(0, 10, size=(600,))

# Add 784 white-noise channels, and (for comparison) 784 all-zero channels.
train_images_with_noise_channels = np.concatenate(
    [train_images, rng.random((len(train_images), 784))], axis=0
)
train_images_with_zeros_channels = np.concatenate(
    [train_images, np.zeros((len(train_images), 784))], axis=1
)


def get_model():
    model = keras.Sequential(
        [
            layers.Dense(512, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer="rmsprop",
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


model = get_model()
history_noise = model.fit(
    train_images_with_noise_channels,
    train_labels,
    epochs=2,
    batch_size=128,
    validation_split=0.2,
)

model = get_model()
history_zeros = model.fit(
    train_images_with_zeros_channels,
    train_labels,
    epochs=2,
    batch_size=128,
    validation_split=0.2,
)
print(history_noise.history["val_accuracy"][-1], history_zeros.history["val_accuracy"][-1])
