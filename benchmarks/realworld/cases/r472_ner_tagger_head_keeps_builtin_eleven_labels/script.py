# Character-level NER tagger retrained on a new corpus whose tag set has 17 labels.
import numpy as np
import keras
from keras import layers

max_seq_length = 40
vocab_size = 500
num_labels = 11  # label count of the original (built-in) tag set

rng = np.random.default_rng(21)
label_list = ["O", "[CLS]", "[SEP]"] + [f"{p}-{t}" for t in ("PER", "LOC", "ORG", "TIME", "NUM", "PRO", "EVT") for p in ("B", "I")]
token_ids = rng.integers(1, vocab_size, size=(96, max_seq_length))
tag_ids = rng.integers(0, len(label_list), size=(96, max_seq_length))
tags = keras.utils.to_categorical(tag_ids, num_classes=len(label_list))

inputs = keras.Input(shape=(max_seq_length,), dtype="int32")
h = layers.Embedding(vocab_size, 32)(inputs)
h = layers.Bidirectional(layers.LSTM(32, return_sequences=True))(h)
logits = layers.Dense(num_labels)(h)
probs = layers.Softmax()(logits)
model = keras.Model(inputs, probs)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

model.fit(token_ids, tags, batch_size=16, epochs=1, verbose=0)
print(model.predict(token_ids[:2], verbose=0).argmax(-1))
