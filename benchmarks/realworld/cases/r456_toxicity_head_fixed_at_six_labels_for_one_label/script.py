# Toxic-comment classifier (Kaggle-style keras trainer): CNN over embeddings with attention pooling.
import numpy as np
import keras
from keras import layers

ALL_LABELS = ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"]
hparams = {"labels": ["toxic"], "max_len": 60, "vocab": 5000, "emb": 32, "filters": 64}


class CNNWithAttention:
    def __init__(self, hparams):
        self.hparams = hparams

    def get_model(self):
        h = self.hparams
        inp = layers.Input(shape=(h["max_len"],), name="comment_text")
        x = layers.Embedding(h["vocab"], h["emb"])(inp)
        x = layers.Conv1D(h["filters"], 3, padding="same", activation="relu")(x)
        scores = layers.Dense(1, activation="tanh")(x)
        weights = layers.Softmax(axis=1)(scores)
        context = layers.Dot(axes=1)([weights, x])
        context = layers.Flatten()(context)
        preds = layers.Dense(6, activation="sigmoid", name="preds")(context)
        model = keras.Model(inp, preds)
        model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
        return model


rng = np.random.default_rng(13)
comments = rng.integers(1, hparams["vocab"], size=(200, hparams["max_len"]))
frame = {name: rng.integers(0, 2, size=200) for name in ALL_LABELS}
targets = np.stack([frame[name] for name in hparams["labels"]], axis=1).astype("float32")

model = CNNWithAttention(hparams).get_model()
model.fit(comments, targets, validation_split=0.2, epochs=1, batch_size=32, verbose=0)
print(model.predict(comments[:2], verbose=0))
