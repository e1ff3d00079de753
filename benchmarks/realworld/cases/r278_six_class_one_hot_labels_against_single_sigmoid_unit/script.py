import numpy as np
import keras
from keras import layers

img_width, img_height = 64, 64
num_classes = 6
# Images of 6 categories and their class ids, one-hot encoded for categorical cross-entropy
x_train = np.random.rand(60, img_width, img_height, 3).astype("float32")
labels = np.random.randint(0, num_classes, size=(60,))
y_train = keras.utils.to_categorical(labels, num_classes)

model = keras.Sequential()
model.add(keras.Input(shape=(img_width, img_height, 3)))
model.add(layers.Conv2D(32, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dropout(0.5))
model.add(layers.Dense(1))
model.add(layers.Activation("sigmoid"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
