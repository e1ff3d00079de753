import numpy as np
import tensorflow as tf
import keras
from keras import layers

BATCH_SIZE = 16
SHUFFLE_BUFFER_SIZE = 100

rng = np.random.default_rng(904)
num_classes = 5
raw_values = [rng.normal(0, 300, size=512).tolist() for _ in range(120)]
label_ids = rng.integers(0, num_classes, size=120)


def min_max(series):
    a = np.asarray(series).reshape(-1, 1)
    return (a - a.min()) / (a.max() - a.min())


series_list = [min_max(s) for s in raw_values]
x_train, x_test = series_list[:100], series_list[100:]
y_train, y_test = label_ids[:100], label_ids[100:]

x_train = np.asarray(x_train).astype(np.float32).reshape(-1, 512, 1)
y_train = keras.utils.to_categorical(y_train, num_classes)
x_test = np.asarray(x_test).astype(np.float32).reshape(-1, 512, 1)
y_test = keras.utils.to_categorical(y_test, num_classes)

train_dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(SHUFFLE_BUFFER_SIZE).batch(BATCH_SIZE)
test_dataset = tf.data.Dataset.from_tensor_slices((x_test, y_test)).batch(BATCH_SIZE)


def make_conv_model():
    input_layer = keras.Input(shape=(512,))
    x = input_layer
    for filters, k in [(8, 3), (16, 3), (32, 5), (64, 5)]:
        x = layers.Conv1D(filters, k, strides=2, activation="relu", padding="same")(x)
        x = layers.BatchNormalization()(x)
    x = layers.Dropout(0.2)(x)
    x = layers.Flatten()(x)
    x = layers.Dense(64, activation="relu", kernel_regularizer=keras.regularizers.L2())(x)
    output_layer = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs=input_layer, outputs=output_layer)


conv_model = make_conv_model()
conv_model.compile(
    optimizer=keras.optimizers.Adam(amsgrad=True, learning_rate=0.001),
    loss=keras.losses.CategoricalCrossentropy(),
    metrics=[keras.metrics.TopKCategoricalAccuracy(k=3), keras.metrics.AUC()],
)
history = conv_model.fit(train_dataset, epochs=2, validation_data=test_dataset, verbose=0)
loss, top3, auc = conv_model.evaluate(test_dataset, verbose=0)
print(f"Top 3 Categorical Accuracy : {top3}")
