import numpy as np
import keras
from keras import layers

# MNIST-like digits: 784 pixels per image, 10 classes
x_train = np.random.randint(0, 256, size=(512, 28, 28)).astype("float32")
y_train = np.random.randint(0, 10, size=(512,))

model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        layers.Dense(1024, activation=keras.ops.cos, trainable=False, kernel_initializer=keras.initializers.RandomNormal(stddev=0.1), bias_initializer=keras.initializers.RandomUniform(0.0, 2 * np.pi)),
        layers.Dense(units=10),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-3),
    loss=keras.losses.hinge,
    metrics=[keras.metrics.CategoricalAccuracy(name="acc")],
)

x_train = x_train.reshape(-1, 784).astype("float32") / 255
model.fit(x_train, y_train, epochs=2, batch_size=128, validation_split=0.2, verbose=0)
