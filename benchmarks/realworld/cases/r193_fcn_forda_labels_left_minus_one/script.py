import numpy as np
import keras

# FordA-like data: 120 univariate series of 100 readings, classes coded -1 / 1
x_train = np.random.rand(120, 100).astype("float32")
y_train = np.random.choice([-1, 1], size=120)

x_train = x_train.reshape((x_train.shape[0], x_train.shape[1], 1))
num_classes = len(np.unique(y_train))


def make_model(input_shape):
    input_layer = keras.layers.Input(input_shape)

    conv1 = keras.layers.Conv1D(filters=16, kernel_size=3, padding="same")(input_layer)
    conv1 = keras.layers.BatchNormalization()(conv1)
    conv1 = keras.layers.ReLU()(conv1)

    conv2 = keras.layers.Conv1D(filters=16, kernel_size=3, padding="same")(conv1)
    conv2 = keras.layers.BatchNormalization()(conv2)
    conv2 = keras.layers.ReLU()(conv2)

    gap = keras.layers.GlobalAveragePooling1D()(conv2)

    output_layer = keras.layers.Dense(num_classes, activation="softmax")(gap)

    return keras.models.Model(inputs=input_layer, outputs=output_layer)


model = make_model(input_shape=x_train.shape[1:])
model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",
    metrics=["sparse_categorical_accuracy"],
)
history = model.fit(x_train, y_train, batch_size=32, epochs=1, validation_split=0.2, verbose=0)
