# Doodle classifier trained on a few Quick, Draw! categories (28x28 grayscale bitmaps),
# with the trainer script's model builder and one-hot labels for the categories found.
import numpy as np
from keras.models import Sequential
from keras.layers import Input, Conv2D, MaxPooling2D, Flatten, Dense, Dropout
from keras.utils import to_categorical


def keras_model(image_x, image_y):
    num_of_classes = 15
    model = Sequential()
    model.add(Input(shape=(image_x, image_y, 1)))
    model.add(Conv2D(16, (5, 5), activation="relu"))
    model.add(MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="same"))
    model.add(Conv2D(32, (5, 5), activation="relu"))
    model.add(MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="same"))
    model.add(Flatten())
    model.add(Dense(128, activation="relu"))
    model.add(Dropout(0.6))
    model.add(Dense(num_of_classes, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


rng = np.random.default_rng(5)
categories = ["apple", "bowtie", "candle", "door", "envelope", "fish"]
features = rng.random((180, 28, 28, 1)).astype("float32")
labels = rng.integers(0, len(categories), size=180)
train_x, test_x = features[:150], features[150:]
train_y = to_categorical(labels[:150], len(categories))
test_y = to_categorical(labels[150:], len(categories))

model = keras_model(28, 28)
model.fit(train_x, train_y, validation_data=(test_x, test_y), epochs=1, batch_size=32, verbose=0)
print(model.evaluate(test_x, test_y, verbose=0))
