import numpy as np
import keras

# Sensor log exported as (samples, channels, time steps).
X_train = np.random.rand(100, 10, 50).astype("float32")
y_train = np.random.randint(0, 2, size=(100,))

model = keras.Sequential()
model.add(keras.layers.Conv1D(filters=32, kernel_size=3, activation="relu", input_shape=(50, 10)))
model.add(keras.layers.GlobalMaxPooling1D())
model.add(keras.layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X_train, y_train, epochs=1, batch_size=20, verbose=0)
