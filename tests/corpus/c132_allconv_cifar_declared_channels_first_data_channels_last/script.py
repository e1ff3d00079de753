import numpy as np
import keras
from keras import layers

nb_classes = 10
# CIFAR-10 as keras.datasets returns it: channels last, (N, 32, 32, 3).
X_train = np.random.randint(0, 256, size=(64, 32, 32, 3)).astype("uint8")
y_train = np.random.randint(0, nb_classes, size=(64, 1))
Y_train = keras.utils.to_categorical(y_train, nb_classes)

model = keras.Sequential()
model.add(layers.Conv2D(96, (3, 3), padding="same", input_shape=(3, 32, 32)))
model.add(layers.Activation("relu"))
model.add(layers.Conv2D(96, (3, 3), padding="same", strides=(2, 2)))
model.add(layers.Dropout(0.5))
model.add(layers.Conv2D(192, (3, 3), padding="same"))
model.add(layers.Activation("relu"))
model.add(layers.Conv2D(192, (3, 3), padding="same", strides=(2, 2)))
model.add(layers.Dropout(0.5))
model.add(layers.Conv2D(192, (1, 1), padding="valid"))
model.add(layers.Activation("relu"))
model.add(layers.Conv2D(nb_classes, (1, 1), padding="valid"))
model.add(layers.GlobalAveragePooling2D())
model.add(layers.Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])

X_train = X_train.astype("float32")
X_train /= 255
model.fit(X_train, Y_train, batch_size=32, epochs=1)
