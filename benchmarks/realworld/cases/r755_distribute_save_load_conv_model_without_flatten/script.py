# Saving and loading a model trained under tf.distribute: a small MNIST convnet is
# built and compiled inside a MirroredStrategy scope, trained on a tf.data pipeline,
# saved in the Keras format and reloaded (without a strategy) to continue training.
import os
import tempfile
import numpy as np
import tensorflow as tf
import keras

mirrored_strategy = tf.distribute.MirroredStrategy()
rng = np.random.default_rng(755)


def get_data():
    digits = rng.integers(0, 256, size=(128, 28, 28, 1)).astype("uint8")
    labels = rng.integers(0, 10, size=(128,)).astype("int64")
    BUFFER_SIZE = 1000
    BATCH_SIZE_PER_REPLICA = 16
    BATCH_SIZE = BATCH_SIZE_PER_REPLICA * mirrored_strategy.num_replicas_in_sync

    def scale(image, label):
        image = tf.cast(image, tf.float32)
        image /= 255
        return image, label

    ds = tf.data.Dataset.from_tensor_slices((digits, labels))
    train_dataset = ds.take(96).map(scale).cache().shuffle(BUFFER_SIZE).batch(BATCH_SIZE)
    eval_dataset = ds.skip(96).map(scale).batch(BATCH_SIZE)
    return train_dataset, eval_dataset


def get_model():
    with mirrored_strategy.scope():
        model = keras.Sequential([
            keras.Input(shape=(28, 28, 1)),
            keras.layers.Conv2D(32, 3, activation="relu"),
            keras.layers.MaxPooling2D(),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10),
        ])
        model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                      optimizer=keras.optimizers.Adam(), metrics=["accuracy"])
    return model


model = get_model()
train_dataset, eval_dataset = get_data()
model.fit(train_dataset, epochs=2, verbose=0)

keras_model_path = os.path.join(tempfile.mkdtemp(), "keras_save.keras")
model.save(keras_model_path)
restored_keras_model = keras.models.load_model(keras_model_path)
restored_keras_model.fit(train_dataset, epochs=1, verbose=0)
print(restored_keras_model.evaluate(eval_dataset, verbose=0))
