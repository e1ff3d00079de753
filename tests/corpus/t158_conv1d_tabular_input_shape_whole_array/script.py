import numpy as np
import keras
from keras import layers

# Sensor table: 300 rows of 12 readings, 3 classes; the Conv1D is meant to slide over the 12 readings.
X_train = np.random.rand(300, 12).astype("float32")
Y_train = keras.utils.to_categorical(np.random.randint(0, 3, size=(300,)), 3)

model = keras.Sequential()
model.add(layers.Conv1D(filters=16, kernel_size=3, activation="relu", input_shape=X_train.shape))
model.add(layers.MaxPooling1D(pool_size=2))
model.add(layers.Flatten())
model.add(layers.Dense(3, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(X_train, Y_train, epochs=1, batch_size=32, verbose=0)
