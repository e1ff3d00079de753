import numpy as np
import keras
from keras import layers

num_classes = 10
input_shape = (32, 32, 3)

rng = np.random.default_rng(0)
x_train = rng.integers(0, 256, size=(96, 32, 32, 3)).astype("float32")
y_train = rng.integers(0, num_classes, size=(96, 1))
x_test = rng.integers(0, 256, size=(32, 32, 32, 3)).astype("float32")
y_test = rng.integers(0, num_classes, size=(32, 1))
print(f"x_train shape: {x_train.shape} - y_train shape: {y_train.shape}")

learning_rate = 0.001
label_smoothing = 0.1
batch_size = 32
num_epochs = 1
patch_size = 2
embedding_dim = 32
depth = 2
kernel_size = 5


def conv_mixer(dim, depth, kernel_size, patch_size, num_classes):
    inputs = layers.Input(shape=input_shape)
    x = layers.Rescaling(1.0 / 255)(inputs)
    x = layers.Conv2D(dim, kernel_size=patch_size, strides=patch_size)(x)
    x = layers.Activation("gelu")(x)
    x = layers.BatchNormalization()(x)
    residual = x
    for _ in range(depth):
        x = layers.DepthwiseConv2D(kernel_size=kernel_size, padding="same")(x)
        x = layers.Activation("gelu")(x)
        x = layers.BatchNormalization()(x)
        x = layers.add([x, residual])
        x = layers.Conv2D(dim, kernel_size=1, padding="same")(x)
        x = layers.Activation("gelu")(x)
        x = layers.BatchNormalization()(x)
        residual = x
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


model = conv_mixer(embedding_dim, depth, kernel_size, patch_size, num_classes)
model.compile(
    loss=keras.losses.CategoricalCrossentropy(label_smoothing=label_smoothing),
    optimizer=keras.optimizers.AdamW(learning_rate=learning_rate, weight_decay=1e-4),
    metrics=[keras.metrics.CategoricalAccuracy(name="accuracy")],
)
history = model.fit(
    x_train, y_train, batch_size=batch_size, epochs=num_epochs, validation_split=0.2
)
loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
print(f"Test accuracy: {round(accuracy * 100, 2)}%")
