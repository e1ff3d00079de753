import numpy as np
import keras
from keras import layers

X_train = np.random.rand(80, 50, 3).astype("float32")
y_train = np.random.randint(0, 2, size=(80,))
num_classes = X_train.shape[1]
y_train_binary = keras.utils.to_categorical(y_train, num_classes=2)

model = keras.Sequential()
model.add(keras.Input(shape=(50, 3)))
model.add(layers.Conv1D(16, 3, padding="same", activation="relu"))
model.add(layers.GlobalAveragePooling1D())
model.add(layers.Dense(num_classes))
model.add(layers.Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train_binary, epochs=1, batch_size=16, verbose=0)
