import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(949)
unique_movie_ids = np.arange(1, 301)
embedding_dimension = 32

# each example: the 10 movies watched before, and the movie watched next
context_movie_id = rng.choice(unique_movie_ids, size=(512, 10))
label_movie_id = rng.choice(unique_movie_ids, size=(512,))

query_model = keras.Sequential([
    layers.IntegerLookup(vocabulary=unique_movie_ids, mask_token=None),
    layers.Embedding(len(unique_movie_ids) + 1, embedding_dimension),
    layers.GRU(embedding_dimension, return_sequences=True),
])

candidate_model = keras.Sequential([
    layers.IntegerLookup(vocabulary=unique_movie_ids, mask_token=None),
    layers.Embedding(len(unique_movie_ids) + 1, embedding_dimension),
])


class NextMovieRetrieval(keras.Model):
    def __init__(self, query_model, candidate_model):
        super().__init__()
        self.query_model = query_model
        self.candidate_model = candidate_model

    def call(self, features):
        return (self.query_model(features["context_movie_id"]),
                self.candidate_model(features["label_movie_id"]))

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        query_embedding, candidate_embedding = y_pred
        scores = ops.matmul(query_embedding, ops.transpose(candidate_embedding))
        in_batch_labels = ops.eye(ops.shape(scores)[0])
        return ops.mean(keras.losses.categorical_crossentropy(in_batch_labels, scores, from_logits=True))


model = NextMovieRetrieval(query_model, candidate_model)
model.compile(optimizer=keras.optimizers.Adagrad(learning_rate=0.1))
model.fit({"context_movie_id": context_movie_id, "label_movie_id": label_movie_id}, batch_size=128, epochs=2, verbose=0)
print(query_model.predict(context_movie_id[:3], verbose=0).shape)
