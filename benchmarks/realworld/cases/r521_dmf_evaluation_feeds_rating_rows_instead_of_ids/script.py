# Deep Matrix Factorization (DMF): user and item towers read rows/columns of the rating matrix, looked up by id.
import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(7)
num_users, num_items = 50, 80
_data_matrix = (rng.random((num_users, num_items)) < 0.15).astype("float32")   # implicit ratings

# training instances: each observed rating plus 2 sampled negatives
users, items, labels = [], [], []
for u, i in zip(*np.nonzero(_data_matrix)):
    users.append(u); items.append(i); labels.append(1.0)
    for j in rng.integers(0, num_items, size=2):
        users.append(u); items.append(j); labels.append(_data_matrix[u, j])
users, items, labels = np.array(users), np.array(items), np.array(labels, dtype="float32")

user_input = keras.Input(shape=(1,), dtype="int32", name="user_input")
item_input = keras.Input(shape=(1,), dtype="int32", name="item_input")
user_rating = layers.Embedding(num_users, num_items, trainable=False,
                               embeddings_initializer=keras.initializers.Constant(_data_matrix))(user_input)
item_rating = layers.Embedding(num_items, num_users, trainable=False,
                               embeddings_initializer=keras.initializers.Constant(_data_matrix.T))(item_input)
user_latent = layers.Dense(32, activation="relu")(layers.Dense(64, activation="relu")(layers.Flatten()(user_rating)))
item_latent = layers.Dense(32, activation="relu")(layers.Dense(64, activation="relu")(layers.Flatten()(item_rating)))
cosine = layers.Dot(axes=1, normalize=True)([user_latent, item_latent])
prediction = layers.Lambda(lambda t: ops.maximum(t, 1e-6))(cosine)
_model = keras.Model([user_input, item_input], prediction)
_model.compile(optimizer="adam", loss="binary_crossentropy")
_model.fit([users, items], labels, batch_size=64, epochs=2, verbose=0)


def _evaluate_one_rating(user, items_to_rank, k=5):
    items_input = []
    users_input = []
    for item in items_to_rank:
        items_input.append(_data_matrix[:, item])
        users_input.append(_data_matrix[user])
    predictions = _model.predict([np.array(users_input), np.array(items_input)], batch_size=101, verbose=0)
    ranked = np.array(items_to_rank)[np.argsort(-predictions[:, 0])]
    return ranked[:k]


print(_evaluate_one_rating(3, list(rng.choice(num_items, size=20, replace=False))))
