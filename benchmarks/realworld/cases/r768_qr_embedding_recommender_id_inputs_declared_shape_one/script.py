# Movie-rating model with a memory-efficient quotient-remainder embedding (keras-io
# "Memory-efficient embeddings for recommendation systems" style): string user and
# movie ids are looked up, embedded, compared with a Dot product and scaled to a
# 0-5 rating trained with mean squared error.
import numpy as np
import tensorflow as tf
import keras
from keras import layers
from keras.layers import StringLookup

base_embedding_dim = 16
num_buckets = 8
rng = np.random.default_rng(17)

user_vocabulary = [f"user_{i}" for i in range(40)]
movie_vocabulary = [f"movie_{i}" for i in range(60)]
n_ratings = 256
user_ids = rng.choice(user_vocabulary, size=n_ratings)
movie_ids = rng.choice(movie_vocabulary, size=n_ratings)
ratings = rng.integers(1, 6, size=n_ratings).astype("float32")
train_ds = tf.data.Dataset.from_tensor_slices(
    ({"user_id": user_ids, "movie_id": movie_ids}, ratings)).shuffle(256).batch(32)


def embedding_encoder(vocabulary, embedding_dim, name=None):
    return keras.Sequential([
        StringLookup(vocabulary=vocabulary, mask_token=None, num_oov_indices=0),
        layers.Embedding(input_dim=len(vocabulary), output_dim=embedding_dim),
    ], name=f"{name}_embedding" if name else None)


class QREmbedding(keras.layers.Layer):
    def __init__(self, vocabulary, embedding_dim, num_buckets, name=None):
        super().__init__(name=name)
        self.num_buckets = num_buckets
        self.index_lookup = StringLookup(vocabulary=vocabulary, mask_token=None, num_oov_indices=0)
        self.q_embeddings = layers.Embedding(num_buckets, embedding_dim)
        self.r_embeddings = layers.Embedding(num_buckets, embedding_dim)

    def call(self, inputs):
        idx = self.index_lookup(inputs)
        quotient = self.q_embeddings(tf.math.floordiv(idx, self.num_buckets))
        remainder = self.r_embeddings(tf.math.floormod(idx, self.num_buckets))
        return quotient * remainder


def create_qr_model():
    user_input = layers.Input(name="user_id", shape=(1,), dtype="string")
    user_embedding = embedding_encoder(user_vocabulary, base_embedding_dim, name="user")(user_input)
    movie_input = layers.Input(name="movie_id", shape=(1,), dtype="string")
    movie_embedding = QREmbedding(movie_vocabulary, base_embedding_dim, num_buckets, name="movie_qr")(movie_input)
    logits = layers.Dot(axes=1, name="dot_similarity")([user_embedding, movie_embedding])
    prediction = keras.activations.sigmoid(logits) * 5
    return keras.Model(inputs=[user_input, movie_input], outputs=prediction, name="qr_model")


model = create_qr_model()
model.compile(optimizer=keras.optimizers.Adam(0.01), loss=keras.losses.MeanSquaredError(),
              metrics=[keras.metrics.MeanAbsoluteError(name="mae")])
history = model.fit(train_ds, epochs=2, verbose=0)
print(history.history["loss"])
