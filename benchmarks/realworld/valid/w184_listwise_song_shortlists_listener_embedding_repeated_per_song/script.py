# Listwise ranking of song shortlists: each listener gets lists of 6 candidate songs
# with their play ratings; the listener embedding is copied onto every song in the list.
import numpy as np
import keras
from keras import layers, ops

gen = np.random.default_rng(184)
LIST_SIZE, DIM = 6, 24
listener_vocab = np.arange(100, 180)
song_vocab = np.arange(5000, 5250)

listeners = gen.choice(listener_vocab, size=360)
shortlists = gen.choice(song_vocab, size=(360, LIST_SIZE))
play_scores = gen.uniform(0, 5, size=(360, LIST_SIZE)).astype("float32")


class ShortlistScorer(keras.Model):
    def __init__(self):
        super().__init__()
        self.listener_tower = keras.Sequential([
            layers.IntegerLookup(vocabulary=listener_vocab),
            layers.Embedding(len(listener_vocab) + 2, DIM),
        ])
        self.song_tower = keras.Sequential([
            layers.IntegerLookup(vocabulary=song_vocab),
            layers.Embedding(len(song_vocab) + 2, DIM),
        ])
        self.scorer = keras.Sequential([
            layers.Dense(128, activation="relu"),
            layers.Dense(32, activation="relu"),
            layers.Dense(1),
        ])

    def call(self, batch):
        who = self.listener_tower(batch["listener"])           # (batch, DIM)
        songs = self.song_tower(batch["songs"])                # (batch, LIST_SIZE, DIM)
        n_songs = batch["songs"].shape[1]
        who_per_song = ops.repeat(ops.expand_dims(who, 1), n_songs, axis=1)
        pairs = ops.concatenate([who_per_song, songs], axis=2)
        return ops.squeeze(self.scorer(pairs), axis=-1)


scorer = ShortlistScorer()
scorer.compile(optimizer=keras.optimizers.Adagrad(0.05), loss="mse")
scorer.fit({"listener": listeners, "songs": shortlists}, play_scores, batch_size=40, epochs=2, verbose=0)
ranked = scorer.predict({"listener": listeners[:3], "songs": shortlists[:3]}, verbose=0)
print("scores per shortlist:", ranked.shape, "best song index:", ranked.argmax(axis=1))
