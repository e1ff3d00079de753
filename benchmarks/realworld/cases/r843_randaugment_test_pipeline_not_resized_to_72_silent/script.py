import numpy as np
import tensorflow as tf
import keras
from keras import layers

tf.random.set_seed(42)
rng = np.random.default_rng(42)

# CIFAR-10 sized images (small random stand-in)
x_train = rng.integers(0, 256, size=(64, 32, 32, 3)).astype("uint8")
y_train = rng.integers(0, 10, size=(64, 1))
x_test = rng.integers(0, 256, size=(32, 32, 32, 3)).astype("uint8")
y_test = rng.integers(0, 10, size=(32, 1))

AUTO = tf.data.AUTOTUNE
BATCH_SIZE = 16
EPOCHS = 1

simple_aug = keras.Sequential(
    [
        layers.Resizing(72, 72),
        layers.RandomFlip("horizontal"),
        layers.RandomRotation(factor=0.02),
        layers.RandomZoom(height_factor=0.2, width_factor=0.2),
    ]
)

train_ds_simple = (
    tf.data.Dataset.from_tensor_slices((x_train, y_train))
    .shuffle(BATCH_SIZE * 100)
    .batch(BATCH_SIZE)
    .map(lambda x, y: (simple_aug(x), y), num_parallel_calls=AUTO)
    .prefetch(AUTO)
)

test_ds = (
    tf.data.Dataset.from_tensor_slices((x_test, y_test))
    .batch(BATCH_SIZE)
    .map(lambda x, y: (tf.cast(x, tf.float32), y), num_parallel_calls=AUTO)
    .prefetch(AUTO)
)


def get_training_model():
    # small residual-style CNN instead of ResNet50V2 to keep it quick
    backbone = keras.Sequential(
        [
            layers.Conv2D(16, 3, strides=2, padding="same", activation="relu"),
            layers.Conv2D(32, 3, strides=2, padding="same", activation="relu"),
            layers.Conv2D(32, 3, padding="same", activation="relu"),
            layers.GlobalAveragePooling2D(),
            layers.Dense(10, activation="softmax"),
        ]
    )
    model = keras.Sequential(
        [
            layers.Input((72, 72, 3)),
            layers.Rescaling(scale=1.0 / 127.5, offset=-1),
            backbone,
        ]
    )
    return model


simple_aug_model = get_training_model()
simple_aug_model.compile(
    loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"]
)
simple_aug_model.fit(train_ds_simple, validation_data=test_ds, epochs=EPOCHS, verbose=0)
_, test_acc = simple_aug_model.evaluate(test_ds, verbose=0)
print("Test accuracy: {:.2f}%".format(test_acc * 100))
