import numpy as np
import keras
from keras import layers

num_tags = 12  # Number of unique issue tags
num_words = 1000  # Size of vocabulary obtained when preprocessing text data
num_departments = 4  # Number of departments for predictions

title_input = keras.Input(shape=(None,), name="title")  # Variable-length sequence of ints
body_input = keras.Input(shape=(None,), name="body")  # Variable-length sequence of ints
tags_input = keras.Input(shape=(num_tags,), name="tags")  # Binary vectors of size `num_tags`

title_features = layers.Embedding(num_words, 32)(title_input)
body_features = layers.Embedding(num_words, 32)(body_input)
title_features = layers.LSTM(32)(title_features)
body_features = layers.LSTM(16)(body_features)
x = layers.concatenate([title_features, body_features, tags_input])
priority_pred = layers.Dense(1, name="priority")(x)
department_pred = layers.Dense(num_departments, name="department")(x)

model = keras.Model(
    inputs=[title_input, body_input, tags_input],
    outputs=[priority_pred, department_pred],
)
model.compile(
    optimizer=keras.optimizers.RMSprop(1e-3),
    loss=[
        keras.losses.BinaryCrossentropy(from_logits=True),
        keras.losses.CategoricalCrossentropy(from_logits=True),
    ],
    loss_weights=[1.0, 0.2],
)

# Dummy input data
title_data = np.random.randint(num_words, size=(128, 10))
body_data = np.random.randint(num_words, size=(128, 50))
tags_data = np.random.randint(2, size=(128, num_tags)).astype("float32")
# Dummy target data
priority_targets = np.random.random(size=(128, 1))
dept_targets = np.random.randint(2, size=(128, num_departments))

model.fit(
    [title_data, body_data, tags_data],
    [dept_targets, priority_targets],
    epochs=1,
    batch_size=32,
    verbose=0,
)
