import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

rng = np.random.default_rng(951)
words = ["star", "wars", "toy", "story", "return", "of", "the", "jedi", "fargo", "heat",
         "casino", "babe", "twelve", "monkeys", "dead", "man", "walking", "night", "city", "lost"]
unique_movie_titles = np.array(sorted({" ".join(rng.choice(words, size=rng.integers(1, 5))) + f" ({1990 + i % 8})"
                                       for i in range(150)}))
unique_user_ids = np.array([str(i) for i in range(1, 81)])

n = 640
ratings = tf.data.Dataset.from_tensor_slices({
    "user_id": rng.choice(unique_user_ids, size=n),
    "movie_title": rng.choice(unique_movie_titles, size=n),
})


class MovieModel(tf.keras.Model):
    def __init__(self, layer_sizes):
        super().__init__()
        max_tokens = 10_000
        self.title_lookup = layers.StringLookup(vocabulary=unique_movie_titles, mask_token=None)
        self.title_embedding = layers.Embedding(len(unique_movie_titles) + 1, 32)
        self.title_vectorizer = layers.TextVectorization(max_tokens=max_tokens)
        self.title_vectorizer.adapt(unique_movie_titles)
        self.title_text_embedding = layers.Embedding(max_tokens, 32, mask_zero=True)
        self.dense_layers = [layers.Dense(size) for size in layer_sizes]

    def call(self, titles):
        title_vector = self.title_embedding(self.title_lookup(titles))
        text_vector = self.title_text_embedding(self.title_vectorizer(titles))
        x = tf.concat([title_vector, text_vector], axis=1)
        for dense in self.dense_layers:
            x = dense(x)
        return x


class UserModel(tf.keras.Model):
    def __init__(self, layer_sizes):
        super().__init__()
        self.user_lookup = layers.StringLookup(vocabulary=unique_user_ids, mask_token=None)
        self.user_embedding = layers.Embedding(len(unique_user_ids) + 1, 32)
        self.dense_layers = [layers.Dense(size) for size in layer_sizes]

    def call(self, user_ids):
        x = self.user_embedding(self.user_lookup(user_ids))
        for dense in self.dense_layers:
            x = dense(x)
        return x


class MovielensModel(tf.keras.Model):
    def __init__(self, layer_sizes):
        super().__init__()
        self.query_model = UserModel(layer_sizes)
        self.candidate_model = MovieModel(layer_sizes)

    def call(self, features):
        query_embeddings = self.query_model(features["user_id"])
        movie_embeddings = self.candidate_model(features["movie_title"])
        return tf.matmul(query_embeddings, movie_embeddings, transpose_b=True)

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        labels = tf.eye(tf.shape(y_pred)[0])
        return tf.reduce_mean(tf.keras.losses.categorical_crossentropy(labels, y_pred, from_logits=True))


model = MovielensModel([32])
model.compile(optimizer=tf.keras.optimizers.Adagrad(0.1))
model.fit(ratings.shuffle(1000, seed=1).batch(128), epochs=2, verbose=0)
print(model.candidate_model(tf.constant(unique_movie_titles[:4])).shape)
