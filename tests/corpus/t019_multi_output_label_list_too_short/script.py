import numpy as np
import keras
from keras import layers

# Support tickets: predict a priority score and a department (4 classes).
tickets = np.random.rand(64, 30).astype("float32")
priority = np.random.rand(64, 1).astype("float32")
department = keras.utils.to_categorical(np.random.randint(0, 4, size=(64,)), 4)
targets = [priority]

inputs = keras.Input(shape=(30,))
h = layers.Dense(32, activation="relu")(inputs)
priority_out = layers.Dense(1, activation="sigmoid", name="priority")(h)
department_out = layers.Dense(4, activation="softmax", name="department")(h)
model = keras.Model(inputs, [priority_out, department_out])
model.compile(optimizer="rmsprop", loss=["mean_squared_error", "categorical_crossentropy"])
model.fit(tickets, targets, epochs=1, batch_size=16, verbose=0)
