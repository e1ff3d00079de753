import numpy as np
import keras
from keras import layers

# Tickets: title + body + tags -> priority (regression) and department (4 classes).
title = np.random.randint(0, 2, size=(64, 100)).astype("float32")
body = np.random.randint(0, 2, size=(64, 100)).astype("float32")
tags = np.random.randint(0, 2, size=(64, 10)).astype("float32")
priority = np.random.rand(64, 1).astype("float32")
department = np.random.randint(0, 4, size=(64,))

title_in = keras.Input(shape=(100,), name="title")
body_in = keras.Input(shape=(100,), name="body")
tags_in = keras.Input(shape=(10,), name="tags")
h = layers.Concatenate()([title_in, body_in, tags_in])
h = layers.Dense(32, activation="relu")(h)
priority_out = layers.Dense(1, activation="sigmoid", name="priority")(h)
department_out = layers.Dense(4, activation="softmax", name="department")(h)
model = keras.Model([title_in, body_in, tags_in], [priority_out, department_out])
model.compile(optimizer="rmsprop", loss={"priority": "mse", "department": "sparse_categorical_crossentropy"}, metrics={"priority": ["mae"], "department": ["accuracy"]})
model.fit({"title": title, "body": body, "tags": tags}, {"priority": priority, "department": department}, epochs=1, batch_size=16, verbose=0)
