# Rating model: user and item embeddings flattened to vectors, their dot product is the predicted rating.
import numpy as np
import keras
from keras import layers

n_users, n_items, n_factors = 120, 90, 6
rng = np.random.default_rng(116)
user_ids = rng.integers(0, n_users, size=(800, 1))
item_ids = rng.integers(0, n_items, size=(800, 1))
ratings = rng.uniform(1, 5, size=(800, 1)).astype("float32")

user_in = keras.Input(shape=(1,), dtype="int32", name="user")
item_in = keras.Input(shape=(1,), dtype="int32", name="item")
user_vec = layers.Flatten(name="user_vector")(layers.Embedding(n_users, n_factors)(user_in))
item_vec = layers.Flatten(name="item_vector")(layers.Embedding(n_items, n_factors)(item_in))
rating = layers.Dot(axes=1, name="dot_product")([user_vec, item_vec])

recommender = keras.Model([user_in, item_in], rating)
recommender.compile(optimizer=keras.optimizers.Adam(0.01), loss="mean_squared_error")
recommender.fit([user_ids, item_ids], ratings, batch_size=40, epochs=3, verbose=0)
print("predicted ratings shape:", recommender.predict([user_ids[:5], item_ids[:5]], verbose=0).shape)
