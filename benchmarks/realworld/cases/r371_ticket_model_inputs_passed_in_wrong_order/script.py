# Customer-ticket triage model with three inputs (title, text body, tags) and
# two outputs (priority score, department), as in Deep Learning with Python,
# chapter 7 ("Multi-input, multi-output models").
import numpy as np
import keras
from keras import layers

vocabulary_size = 2000
num_tags = 100
num_departments = 4

title = keras.Input(shape=(vocabulary_size,), name="title")
text_body = keras.Input(shape=(vocabulary_size,), name="text_body")
tags = keras.Input(shape=(num_tags,), name="tags")

features = layers.Concatenate()([title, text_body, tags])
features = layers.Dense(64, activation="relu", name="dense_features")(features)
priority = layers.Dense(1, activation="sigmoid", name="priority")(features)
department = layers.Dense(
    num_departments, activation="softmax", name="department"
)(features)
model = keras.Model(
    inputs=[title, text_body, tags],
    outputs=[priority, department],
)

num_samples = 256
title_data = np.random.randint(0, 2, size=(num_samples, vocabulary_size))
text_body_data = np.random.randint(0, 2, size=(num_samples, vocabulary_size))
tags_data = np.random.randint(0, 2, size=(num_samples, num_tags))
priority_data = np.random.random(size=(num_samples, 1))
department_data = np.random.randint(0, num_departments, size=(num_samples, 1))
input_data = [title_data, tags_data, text_body_data]
target_data = [priority_data, department_data]

model.compile(
    optimizer="adam",
    loss=["mean_squared_error", "sparse_categorical_crossentropy"],
    metrics=[["mean_absolute_error"], ["accuracy"]],
)
model.fit(input_data, target_data, epochs=1)
model.evaluate(input_data, target_data)
priority_preds, department_preds = model.predict(input_data)
print(priority_preds.shape, department_preds.shape)
