# Pair similarity: one shared Embedding for both ids, a dot product of the two vectors as the score.
import numpy as np
import keras
from keras import layers

n_items = 300
rng = np.random.default_rng(3207)
left_ids = rng.integers(0, n_items, size=(1000, 1))
right_ids = rng.integers(0, n_items, size=(1000, 1))
scores = (np.abs(left_ids - right_ids) < 40).astype("float32")  # (1000, 1): one score per pair

a = keras.Input(shape=(1,), dtype="int32", name="a")
b = keras.Input(shape=(1,), dtype="int32", name="b")
em_ab = layers.Embedding(input_dim=n_items, output_dim=16)
em_a = em_ab(a)
em_b = em_ab(b)
similarity = layers.Dot(axes=1)([em_a, em_b])

model = keras.Model(inputs=[a, b], outputs=similarity)
model.compile(optimizer="adam", loss="mse")
model.fit([left_ids, right_ids], scores, batch_size=50, epochs=2, verbose=0)
print(model.predict([left_ids[:3], right_ids[:3]], verbose=0))
