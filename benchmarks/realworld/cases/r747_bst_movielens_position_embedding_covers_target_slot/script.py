# Behavior Sequence Transformer for movie ratings: each user's last watched movies
# (their ratings as weights, plus a position embedding) and the target movie form
# the transformer sequence; the model regresses the rating of the target movie.
import numpy as np
import keras
from keras import layers, ops

SEQ_LEN = 4            # movies per window; the last one is the target
N_MOVIES = 50
EMB_DIM = int(np.sqrt(N_MOVIES))

rng = np.random.default_rng(747)
n_users = 96
windows = rng.integers(0, N_MOVIES, size=(n_users, SEQ_LEN))
ratings = rng.integers(1, 6, size=(n_users, SEQ_LEN)).astype("float32") / 5.0
history_ids, target_ids = windows[:, :-1], windows[:, -1:]
history_ratings, target_rating = ratings[:, :-1], ratings[:, -1]

history_in = keras.Input(shape=(SEQ_LEN - 1,), dtype="int32", name="sequence_movie_ids")
target_in = keras.Input(shape=(1,), dtype="int32", name="target_movie_id")
rating_in = keras.Input(shape=(SEQ_LEN - 1,), name="sequence_ratings")

movie_embedding = layers.Embedding(N_MOVIES, EMB_DIM, name="movie_embedding")
watched = movie_embedding(history_in)
target_vec = movie_embedding(target_in)

position_embedding = layers.Embedding(SEQ_LEN, EMB_DIM, name="position_embedding")
positions = ops.arange(0, SEQ_LEN)
watched = layers.Multiply()([watched + position_embedding(positions), ops.expand_dims(rating_in, -1)])
tokens = layers.Concatenate(axis=1)([watched, target_vec])

attended = layers.MultiHeadAttention(num_heads=3, key_dim=EMB_DIM, dropout=0.1)(tokens, tokens)
x1 = layers.LayerNormalization()(layers.Add()([tokens, layers.Dropout(0.1)(attended)]))
x2 = layers.Dense(EMB_DIM)(layers.LeakyReLU()(x1))
x = layers.LayerNormalization()(layers.Add()([x1, layers.Dropout(0.1)(x2)]))
x = layers.Flatten()(x)
for units in [64, 32]:
    x = layers.Dense(units)(x)
    x = layers.BatchNormalization()(x)
    x = layers.LeakyReLU()(x)
    x = layers.Dropout(0.1)(x)
predicted_rating = layers.Dense(1)(x)

bst = keras.Model([history_in, target_in, rating_in], predicted_rating)
bst.compile(optimizer=keras.optimizers.Adagrad(learning_rate=0.01),
            loss=keras.losses.MeanSquaredError(), metrics=[keras.metrics.MeanAbsoluteError()])
bst.fit([history_ids, target_ids, history_ratings], target_rating, batch_size=32, epochs=2, verbose=0)
print(bst.evaluate([history_ids, target_ids, history_ratings], target_rating, verbose=0))
