# Disaster-tweet classifier: TextVectorization -> Embedding -> sigmoid head.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(42)
vocab = ["fire", "flood", "quake", "storm", "rescue", "sunny", "lunch", "movie", "party", "music", "ablaze", "wreck"]
train_sentences = np.array([" ".join(rng.choice(vocab, size=rng.integers(4, 12))) for _ in range(160)], dtype=object)
train_labels = rng.integers(0, 2, size=160).astype("float32")
val_sentences = train_sentences[:32]
val_labels = train_labels[:32]

max_vocab_length = 1000
max_length = 15
text_vectorizer = layers.TextVectorization(max_tokens=max_vocab_length, output_mode="int",
                                           output_sequence_length=max_length)
text_vectorizer.adapt(train_sentences)
embedding = layers.Embedding(input_dim=max_vocab_length, output_dim=32, name="embedding_1")

inputs = layers.Input(shape=(1,), dtype="string")
x = text_vectorizer(inputs)
x = embedding(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model_1 = keras.Model(inputs, outputs, name="model_1_dense")

model_1.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(), metrics=["accuracy"])
history_1 = model_1.fit(train_sentences, train_labels, epochs=2, batch_size=32,
                        validation_data=(val_sentences, val_labels), verbose=0)
print(model_1.evaluate(val_sentences, val_labels, verbose=0))
