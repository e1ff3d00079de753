# Support-ticket model with three inputs (title, body, tags) and two outputs
# (priority score, department classifier), then used to score new tickets.
import numpy as np
import keras
from keras import layers

num_tags = 12
num_words = 2000
num_departments = 4

title_input = keras.Input(shape=(None,), name="title")
body_input = keras.Input(shape=(None,), name="body")
tags_input = keras.Input(shape=(num_tags,), name="tags")

title_features = layers.LSTM(32)(layers.Embedding(num_words, 16)(title_input))
body_features = layers.LSTM(8)(layers.Embedding(num_words, 16)(body_input))
x = layers.concatenate([title_features, body_features, tags_input])
priority_pred = layers.Dense(1, name="priority")(x)
department_pred = layers.Dense(num_departments, name="department")(x)
model = keras.Model(inputs=[title_input, body_input, tags_input], outputs={"priority": priority_pred, "department": department_pred})

model.compile(
    optimizer=keras.optimizers.RMSprop(1e-3),
    loss={"priority": keras.losses.BinaryCrossentropy(from_logits=True),
          "department": keras.losses.CategoricalCrossentropy(from_logits=True)},
    loss_weights={"priority": 1.0, "department": 0.2},
)

rng = np.random.default_rng(21)
title_data = rng.integers(num_words, size=(256, 10))
body_data = rng.integers(num_words, size=(256, 40))
tags_data = rng.integers(2, size=(256, num_tags)).astype("float32")
priority_targets = rng.random(size=(256, 1))
dept_targets = rng.integers(2, size=(256, num_departments))
model.fit({"title": title_data, "body": body_data, "tags": tags_data},
          {"priority": priority_targets, "department": dept_targets}, epochs=1, batch_size=32, verbose=0)

new_titles = rng.integers(num_words, size=(5, 10))
new_bodies = rng.integers(num_words, size=(5, 40))
new_tags = rng.integers(2, size=(5, num_departments)).astype("float32")
scores = model.predict({"title": new_titles, "body": new_bodies, "tags": new_tags}, verbose=0)
print(scores["priority"].shape, scores["department"].shape)
