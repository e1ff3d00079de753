import numpy as np
import tensorflow as tf
import keras

AUTO = tf.data.AUTOTUNE
BATCH_SIZE = 16
IMAGE_SIZE = 67  # scaled-down AlexNet input
NUM_CLASSES = 10

rng = np.random.default_rng(6)
x_train = rng.integers(0, 256, size=(64, 32, 32, 3)).astype("uint8")
y_train = rng.integers(0, NUM_CLASSES, size=(64, 1))
x_test = rng.integers(0, 256, size=(16, 32, 32, 3)).astype("uint8")
y_test = rng.integers(0, NUM_CLASSES, size=(16, 1))


def preprocess_image(image, label):
    image = tf.image.resize(image, (IMAGE_SIZE, IMAGE_SIZE))
    image = tf.image.convert_image_dtype(image, tf.float32) / 255.0
    return image, label


train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train))
validation_ds = tf.data.Dataset.from_tensor_slices((x_test, y_test))

pipeline_train = train_ds.batch(BATCH_SIZE).prefetch(AUTO)
pipeline_validation = (
    validation_ds.map(preprocess_image, num_parallel_calls=AUTO)
    .batch(BATCH_SIZE)
    .prefetch(AUTO)
)


def get_training_model():
    return keras.Sequential([
        keras.Input(shape=(IMAGE_SIZE, IMAGE_SIZE, 3)),
        keras.layers.Conv2D(24, kernel_size=(11, 11), strides=(4, 4), activation="relu"),
        keras.layers.BatchNormalization(),
        keras.layers.MaxPool2D(pool_size=(3, 3), strides=(2, 2)),
        keras.layers.Conv2D(64, kernel_size=(5, 5), padding="same", activation="relu"),
        keras.layers.BatchNormalization(),
        keras.layers.Conv2D(96, kernel_size=(3, 3), padding="same", activation="relu"),
        keras.layers.BatchNormalization(),
        keras.layers.MaxPool2D(pool_size=(3, 3), strides=(2, 2)),
        keras.layers.Flatten(),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(NUM_CLASSES, activation="softmax"),
    ])


model = get_training_model()
model.compile(loss=keras.losses.SparseCategoricalCrossentropy(),
              optimizer=keras.optimizers.SGD(learning_rate=0.001), metrics=["accuracy"])
history = model.fit(pipeline_train, epochs=2, validation_data=pipeline_validation, verbose=0)
print("val accuracy: {:.2f}%".format(model.evaluate(pipeline_validation, verbose=0)[1] * 100))
