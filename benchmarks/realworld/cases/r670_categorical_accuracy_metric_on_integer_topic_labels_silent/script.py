# News-topic classifier (4 topics) on padded token ids: embedding, average pooling and
# a softmax head, trained on integer topic ids with sparse categorical cross-entropy.
# Accuracy is logged to pick the number of epochs.
import numpy as np
import keras
from keras import layers

VOCAB, SEQ_LEN, N_TOPICS = 500, 40, 4
rng = np.random.default_rng(2471)
topic_ids = rng.integers(0, N_TOPICS, size=(800,))
tokens = rng.integers(1, VOCAB, size=(800, SEQ_LEN))
tokens[:, :5] = (topic_ids[:, None] * 100 + rng.integers(1, 100, size=(800, 5)))

classifier = keras.Sequential([
    keras.Input(shape=(SEQ_LEN,), dtype="int32"),
    layers.Embedding(VOCAB, 16),
    layers.GlobalAveragePooling1D(),
    layers.Dense(16, activation="relu"),
    layers.Dense(N_TOPICS, activation="softmax"),
])
classifier.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["categorical_accuracy"])
history = classifier.fit(tokens, topic_ids, batch_size=32, epochs=6, validation_split=0.25, verbose=0)
print("val accuracy per epoch:", [round(a, 3) for a in history.history["val_categorical_accuracy"]])
