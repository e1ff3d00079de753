import numpy as np
import tensorflow as tf
import keras
from keras import layers

text = ("to be or not to be that is the question whether tis nobler in the mind "
        "to suffer the slings and arrows of outrageous fortune ") * 6
chars = sorted(set(text))
char_to_id = {c: i for i, c in enumerate(chars)}
max_id = len(chars)
encoded = np.array([char_to_id[c] for c in text], dtype=np.int32)

n_steps = 30
window_length = n_steps + 1
batch_size = 16
dataset = tf.data.Dataset.from_tensor_slices(encoded)
dataset = dataset.window(window_length, shift=4, drop_remainder=True)
dataset = dataset.flat_map(lambda window: window.batch(window_length))
dataset = dataset.shuffle(1000, seed=42).batch(batch_size)
dataset = dataset.map(lambda windows: (windows[:, :-1], windows[:, -1]))
dataset = dataset.map(
    lambda X_batch, Y_batch: (tf.one_hot(X_batch, depth=max_id), Y_batch))
dataset = dataset.prefetch(1)

model = keras.Sequential([
    keras.Input(shape=[None, max_id]),
    layers.GRU(64, return_sequences=True),
    layers.GRU(64, return_sequences=True),
    layers.Dense(max_id, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
history = model.fit(dataset, epochs=2, verbose=0)
print("loss:", history.history["loss"][-1])
