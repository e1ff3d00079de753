import numpy as np
import tensorflow as tf
import keras
from keras import layers

SHUFFLE_BUFFER_SIZE = 64
BATCH_SIZE = 16
num_classes = 5

# EEG recordings of 512 samples each (already min-max scaled) and their label-encoded task
series_list = [np.random.rand(512, 1).astype("float32") for _ in range(80)]
labels_list = list(np.random.randint(0, num_classes, size=80))
x_train, x_test = series_list[:64], series_list[64:]
y_train, y_test = labels_list[:64], labels_list[64:]

x_train = np.asarray(x_train).astype(np.float32).reshape(-1, 1, 512)
y_train = np.asarray(y_train).astype(np.float32).reshape(-1, 1)
y_train = keras.utils.to_categorical(y_train, num_classes)

x_test = np.asarray(x_test).astype(np.float32).reshape(-1, 1, 512)
y_test = np.asarray(y_test).astype(np.float32).reshape(-1, 1)
y_test = keras.utils.to_categorical(y_test, num_classes)

train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train))
test_dataset = tf.data.Dataset.from_tensor_slices((x_test, y_test))
train_dataset = train_dataset.shuffle(SHUFFLE_BUFFER_SIZE).batch(BATCH_SIZE)
test_dataset = test_dataset.batch(BATCH_SIZE)


def create_model():
    input_layer = keras.Input(shape=(512, 1))
    x = layers.Conv1D(filters=32, kernel_size=3, strides=2, activation="relu", padding="same")(input_layer)
    x = layers.BatchNormalization()(x)
    x = layers.Conv1D(filters=64, kernel_size=3, strides=2, activation="relu", padding="same")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Conv1D(filters=128, kernel_size=5, strides=2, activation="relu", padding="same")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Dropout(0.2)(x)
    x = layers.Flatten()(x)
    x = layers.Dense(256, activation="relu")(x)
    x = layers.Dropout(0.2)(x)
    x = layers.Dense(64, activation="relu", kernel_regularizer=keras.regularizers.L2())(x)
    output_layer = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs=input_layer, outputs=output_layer)


conv_model = create_model()
conv_model.compile(
    optimizer=keras.optimizers.Adam(amsgrad=True, learning_rate=0.001),
    loss=keras.losses.CategoricalCrossentropy(),
    metrics=[keras.metrics.TopKCategoricalAccuracy(k=3), keras.metrics.AUC()],
)
conv_model_history = conv_model.fit(train_dataset, epochs=1, validation_data=test_dataset, verbose=0)
