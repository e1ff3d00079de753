# Per-token tagger: marks which words of a question are keywords (tag 1) or not (tag 0).
import numpy as np
import keras
from keras import layers

input_length, n_sample, vocab_size = 30, 64, 100
rng = np.random.default_rng(43)
quest_train = rng.integers(1, vocab_size, size=(n_sample, input_length))
tag_train = rng.integers(0, 2, size=(n_sample, input_length))

embed_dim = 50
model = keras.Sequential([
    keras.Input(shape=(input_length,)),
    layers.Embedding(input_dim=vocab_size, output_dim=embed_dim),
    layers.Dropout(0.2),
    layers.LSTM(128, return_sequences=True),
    layers.Dropout(0.5),
    layers.TimeDistributed(layers.Dense(2, activation="softmax")),
])
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])

model.fit(quest_train, tag_train, batch_size=16, epochs=2, shuffle=True, verbose=0)
print(model.predict(quest_train[:1], verbose=0).argmax(-1))
