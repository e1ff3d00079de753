# Generalization experiment: the same MLP is trained on flattened digits padded with
# white-noise "channels" (extra meaningless features) to see how noise hurts validation.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(5)
train_images = rng.integers(0, 256, size=(600, 28, 28)).astype("float32")
train_labels = rng.integers(0, 10, size=600)

train_images = train_images.reshape((600, 28 * 28))
train_images = train_images.astype("float32") / 255

train_images_with_noise_channels = np.concatenate(
    [train_images, rng.random((len(train_images), 784))], axis=0
)


def get_model():
    model = keras.Sequential(
        [
            layers.Dense(128, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


model = get_model()
history_noise = model.fit(
    train_images_with_noise_channels,
    train_labels,
    epochs=2,
    batch_size=128,
    validation_split=0.2,
    verbose=0,
)
print(history_noise.history["val_accuracy"])
