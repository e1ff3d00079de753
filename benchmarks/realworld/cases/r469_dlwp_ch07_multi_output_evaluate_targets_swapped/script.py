# Support-ticket model: three inputs, two outputs (priority score and department).
import numpy as np
import keras
from keras import layers

vocabulary_size = 1000
num_tags = 20
num_departments = 4

title = keras.Input(shape=(vocabulary_size,), name="title")
text_body = keras.Input(shape=(vocabulary_size,), name="text_body")
tags = keras.Input(shape=(num_tags,), name="tags")
features = layers.Concatenate()([title, text_body, tags])
features = layers.Dense(64, activation="relu")(features)
priority = layers.Dense(1, activation="sigmoid", name="priority")(features)
department = layers.Dense(num_departments, activation="softmax", name="department")(features)
model = keras.Model(inputs=[title, text_body, tags], outputs=[priority, department])

num_samples = 256
rng = np.random.default_rng(9)
title_data = rng.integers(0, 2, size=(num_samples, vocabulary_size))
text_body_data = rng.integers(0, 2, size=(num_samples, vocabulary_size))
tags_data = rng.integers(0, 2, size=(num_samples, num_tags))
priority_data = rng.random(size=(num_samples, 1))
department_data = rng.integers(0, 2, size=(num_samples, num_departments))

model.compile(optimizer="rmsprop",
              loss=["mean_squared_error", "categorical_crossentropy"],
              metrics=[["mean_absolute_error"], ["accuracy"]])
model.fit([title_data, text_body_data, tags_data],
          [priority_data, department_data],
          epochs=1)
model.evaluate([title_data, text_body_data, tags_data],
               [department_data, priority_data])
