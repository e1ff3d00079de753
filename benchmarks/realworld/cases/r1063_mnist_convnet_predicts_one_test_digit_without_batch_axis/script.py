import numpy as np
import keras
from keras import layers

num_classes = 10
input_shape = (28, 28, 1)

rng = np.random.default_rng(2)
x_train = rng.integers(0, 256, size=(200, 28, 28)).astype("uint8")
y_train = rng.integers(0, num_classes, size=(200,))
x_test = rng.integers(0, 256, size=(20, 28, 28)).astype("uint8")
y_test = rng.integers(0, num_classes, size=(20,))

x_train = x_train.astype("float32") / 255
x_test = x_test.astype("float32") / 255
x_train = np.expand_dims(x_train, -1)
x_test = np.expand_dims(x_test, -1)
print("x_train shape:", x_train.shape)

y_train = keras.utils.to_categorical(y_train, num_classes)
y_test = keras.utils.to_categorical(y_test, num_classes)

model = keras.Sequential(
    [
        keras.Input(shape=input_shape),
        layers.Conv2D(16, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(num_classes, activation="softmax"),
    ]
)

model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=64, epochs=1, validation_split=0.1, verbose=0)

score = model.evaluate(x_test, y_test, verbose=0)
print("Test accuracy:", score[1])

digit = x_test[0]
probabilities = model.predict(digit)
print("Predicted digit:", np.argmax(probabilities), "true digit:", np.argmax(y_test[0]))
