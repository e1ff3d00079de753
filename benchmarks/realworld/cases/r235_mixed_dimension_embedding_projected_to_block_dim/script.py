import numpy as np
import tensorflow as tf
import keras
from keras import layers
from keras.layers import StringLookup

base_embedding_dim = 64

# Ratings: user ids, movie ids (as strings) and a 0-5 rating
user_vocabulary = [f"user_{i}" for i in range(200)]
movie_vocabulary = [f"movie_{i}" for i in range(300)]
rng = np.random.default_rng(0)
users = rng.choice(user_vocabulary, size=512)
movies = rng.choice(movie_vocabulary, size=512)
ratings = rng.uniform(0, 5, size=(512, 1)).astype("float32")
train_dataset = tf.data.Dataset.from_tensor_slices(({"user_id": users, "movie_id": movies}, ratings)).batch(64)


def embedding_encoder(vocabulary, embedding_dim, num_oov_indices=0, name=None):
    return keras.Sequential(
        [
            StringLookup(vocabulary=vocabulary, mask_token=None, num_oov_indices=num_oov_indices),
            layers.Embedding(input_dim=len(vocabulary) + num_oov_indices, output_dim=embedding_dim),
        ],
        name=f"{name}_embedding" if name else None,
    )


class MDEmbedding(keras.layers.Layer):
    """Mixed-dimension embedding: small tables for rare items, projected to the full size."""

    def __init__(self, blocks_vocabulary, blocks_embedding_dims, base_embedding_dim, name=None):
        super().__init__(name=name)
        self.num_blocks = len(blocks_vocabulary)
        keys = []
        values = []
        for block_idx, block_vocab in enumerate(blocks_vocabulary):
            keys.extend(block_vocab)
            values.extend([block_idx] * len(block_vocab))
        self.vocab_to_block = tf.lookup.StaticHashTable(
            tf.lookup.KeyValueTensorInitializer(keys, values), default_value=-1
        )
        self.block_embedding_encoders = []
        self.block_embedding_projectors = []
        for idx in range(self.num_blocks):
            vocabulary = blocks_vocabulary[idx]
            embedding_dim = blocks_embedding_dims[idx]
            self.block_embedding_encoders.append(embedding_encoder(vocabulary, embedding_dim, num_oov_indices=1))
            if embedding_dim == base_embedding_dim:
                self.block_embedding_projectors.append(layers.Identity())
            else:
                self.block_embedding_projectors.append(layers.Dense(units=embedding_dim))

    def call(self, inputs):
        block_indicies = self.vocab_to_block.lookup(inputs)
        embeddings = tf.zeros(shape=(tf.shape(inputs)[0], base_embedding_dim))
        for idx in range(self.num_blocks):
            block_embeddings = self.block_embedding_encoders[idx](inputs)
            block_embeddings = self.block_embedding_projectors[idx](block_embeddings)
            mask = tf.expand_dims(tf.cast(block_indicies == idx, tf.dtypes.float32), 1)
            block_embeddings = block_embeddings * mask
            embeddings += block_embeddings
        return embeddings


movie_blocks_vocabulary = [movie_vocabulary[:50], movie_vocabulary[50:150], movie_vocabulary[150:]]
movie_blocks_embedding_dims = [64, 32, 16]

user_input = layers.Input(name="user_id", shape=(), dtype="string")
user_embedding = embedding_encoder(vocabulary=user_vocabulary, embedding_dim=base_embedding_dim, name="user")(user_input)
movie_input = layers.Input(name="movie_id", shape=(), dtype="string")
movie_embedding = MDEmbedding(
    blocks_vocabulary=movie_blocks_vocabulary,
    blocks_embedding_dims=movie_blocks_embedding_dims,
    base_embedding_dim=base_embedding_dim,
    name="movie_embedding",
)(movie_input)
logits = layers.Dot(axes=1, name="dot_similarity")([user_embedding, movie_embedding])
prediction = keras.activations.sigmoid(logits) * 5
model = keras.Model(inputs=[user_input, movie_input], outputs=prediction, name="memory_efficient_model")
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="mse", metrics=["mae"])
model.fit(train_dataset, epochs=1, verbose=0)
