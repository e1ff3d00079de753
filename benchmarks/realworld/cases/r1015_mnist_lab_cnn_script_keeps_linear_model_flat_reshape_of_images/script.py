import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical

rng = np.random.default_rng(15)
img_rows, img_cols, num_classes = 28, 28, 10

# stand-in for keras.datasets.mnist.load_data()
X_train = rng.integers(0, 256, size=(600, img_rows, img_cols)).astype("float32")
y_train = rng.integers(0, num_classes, size=600)
X_test = rng.integers(0, 256, size=(200, img_rows, img_cols)).astype("float32")
y_test = rng.integers(0, num_classes, size=200)

num_train, num_test = X_train.shape[0], X_test.shape[0]
X_train = X_train.reshape(num_train, img_rows * img_cols)
X_test = X_test.reshape(num_test, img_rows * img_cols)
y_train = to_categorical(y_train, num_classes)
y_test = to_categorical(y_test, num_classes)

mean_pixel, std_pixel = float(X_train.mean()), float(X_train.std())

# vanilla CNN: conv-relu-maxpool blocks then dense layers
input_shape = (img_rows, img_cols, 1)
xi = keras.Input(shape=input_shape)
x = layers.Lambda(lambda image: (image - mean_pixel) / std_pixel)(xi)
for filters in (16, 32, 64):
    x = layers.Conv2D(filters=filters, kernel_size=5, strides=1, padding="same")(x)
    x = layers.Activation("relu")(x)
    x = layers.MaxPooling2D(pool_size=2, strides=2)(x)
x = layers.Flatten()(x)
x = layers.Dense(128, activation="relu")(x)
x = layers.Dense(64, activation="relu")(x)
y = layers.Dense(num_classes, activation="softmax")(x)
model = keras.Model(inputs=[xi], outputs=[y])
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])

model.fit(X_train, y_train, batch_size=64, epochs=1, validation_split=0.1, verbose=0)
score = model.evaluate(X_test, y_test, verbose=0)
print("Test loss:", score[0], "Test accuracy:", score[1])
