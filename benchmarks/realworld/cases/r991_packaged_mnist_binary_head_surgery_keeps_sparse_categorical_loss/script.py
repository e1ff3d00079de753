# Functional-subclassing digit model packaged as a class (keras-io packaging recipe),
# then re-headed by model surgery into a "0 / not 0" binary classifier.
import numpy as np
import tensorflow as tf
import keras

BATCH_SIZE = 32
rng = np.random.default_rng(991)
x_train = rng.integers(0, 256, size=(256, 28, 28), dtype=np.uint8)
train_labels = rng.integers(0, 10, size=256)
x_test = rng.integers(0, 256, size=(64, 28, 28), dtype=np.uint8)
test_labels = rng.integers(0, 10, size=64)

train_data = tf.data.Dataset.from_tensor_slices((x_train, train_labels))
train_data = train_data.map(lambda x, y: (tf.expand_dims(x, axis=-1), y))
train_data = train_data.batch(BATCH_SIZE).cache().shuffle(500, reshuffle_each_iteration=True).repeat()
test_data = tf.data.Dataset.from_tensor_slices((x_test, test_labels))
test_data = test_data.map(lambda x, y: (tf.expand_dims(x, axis=-1), y)).batch(64).cache()
STEPS_PER_EPOCH = len(train_labels) // BATCH_SIZE


class MnistModel(keras.Model):
    def __init__(self, **kwargs):
        inputs = keras.layers.Input(shape=(None, None, 1), dtype="uint8")
        y = keras.layers.Rescaling(1 / 255.0)(inputs)
        y = keras.layers.Conv2D(16, 3, padding="same", activation="relu")(y)
        y = keras.layers.Conv2D(32, 6, padding="same", activation="relu", strides=2)(y)
        y = keras.layers.Conv2D(48, 6, padding="same", activation="relu", strides=2)(y)
        y = keras.layers.GlobalAveragePooling2D()(y)
        y = keras.layers.Dense(48, activation="relu")(y)
        y = keras.layers.Dropout(0.4)(y)
        outputs = keras.layers.Dense(10, activation="softmax", name="classification_head")(y)
        super().__init__(inputs=inputs, outputs=outputs, **kwargs)


model = MnistModel()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["sparse_categorical_accuracy"])
model.fit(train_data, steps_per_epoch=STEPS_PER_EPOCH, epochs=1, validation_data=test_data, verbose=0)

# model surgery: replace the 10-way head by a binary "0 / not 0" head
y = model.get_layer("classification_head").input
output = keras.layers.Dense(1, activation="sigmoid", name="binary_classification_head")(y)
binary_model = keras.Model(model.input, output)

bin_train_data = train_data.map(lambda x, y: (x, tf.cast(tf.math.equal(y, tf.zeros_like(y)), dtype=tf.uint8)))
bin_test_data = test_data.map(lambda x, y: (x, tf.cast(tf.math.equal(y, tf.zeros_like(y)), dtype=tf.uint8)))

binary_model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["binary_accuracy"])
history = binary_model.fit(bin_train_data, steps_per_epoch=STEPS_PER_EPOCH, epochs=1,
                           validation_data=bin_test_data, verbose=0)
print("binary val accuracy:", round(history.history["val_binary_accuracy"][-1], 3))
