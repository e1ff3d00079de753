# Reproducible training run: seeds are fixed and TensorFlow ops made deterministic,
# then a small convnet is trained on MNIST-style digits through a tf.data pipeline
# that shuffles, batches and then maps a vectorised preprocessing function.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

keras.utils.set_random_seed(812)
tf.config.experimental.enable_op_determinism()


def train_model(train_data, test_data):
    model = keras.Sequential([
        layers.Conv2D(32, (3, 3), activation="relu"),
        layers.MaxPooling2D((2, 2)),
        layers.Dropout(0.2),
        layers.Conv2D(32, (3, 3), activation="relu"),
        layers.MaxPooling2D((2, 2)),
        layers.Dropout(0.2),
        layers.Conv2D(32, (3, 3), activation="relu"),
        layers.GlobalAveragePooling2D(),
        layers.Dense(64, activation="relu"),
        layers.Dropout(0.2),
        layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"],
                  jit_compile=False)
    history = model.fit(train_data, epochs=2, validation_data=test_data, verbose=0)
    print(f"Model accuracy on test data: {model.evaluate(test_data, verbose=0)[1] * 100:.2f}%")
    return history.history


rng = np.random.default_rng(758)
train_images = rng.integers(0, 256, size=(160, 28, 28)).astype("uint8")
train_labels = rng.integers(0, 10, size=(160,)).astype("uint8")
test_images = rng.integers(0, 256, size=(48, 28, 28)).astype("uint8")
test_labels = rng.integers(0, 10, size=(48,)).astype("uint8")

train_ds = tf.data.Dataset.from_tensor_slices((train_images, train_labels))
test_ds = tf.data.Dataset.from_tensor_slices((test_images, test_labels))


def prepare_dataset(image, label):
    image = tf.cast(image, tf.float32) / 255.0
    image = tf.image.resize(image, (32, 32))
    return image, label


train_data = (train_ds.shuffle(buffer_size=len(train_images)).batch(batch_size=16)
              .map(prepare_dataset, num_parallel_calls=tf.data.AUTOTUNE).prefetch(tf.data.AUTOTUNE))
test_data = (test_ds.batch(batch_size=16)
             .map(prepare_dataset, num_parallel_calls=tf.data.AUTOTUNE).prefetch(tf.data.AUTOTUNE))

history = train_model(train_data, test_data)
print({k: [round(v, 4) for v in vals] for k, vals in history.items()})
