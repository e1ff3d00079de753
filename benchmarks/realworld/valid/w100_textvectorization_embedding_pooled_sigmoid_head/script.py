# Disaster-tweet classifier: TextVectorization -> Embedding -> average pooling -> sigmoid head.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(7)
words = ["smoke", "evacuate", "crash", "flood", "siren", "coffee", "beach", "concert", "weekend", "pizza"]
tweets = np.array([" ".join(rng.choice(words, size=rng.integers(3, 14))) for _ in range(200)], dtype=object)
targets = rng.integers(0, 2, size=200).astype("float32")
train_sentences, val_sentences = tweets[:160], tweets[160:]
train_labels, val_labels = targets[:160], targets[160:]

text_vectorizer = layers.TextVectorization(max_tokens=500, output_mode="int", output_sequence_length=20)
text_vectorizer.adapt(train_sentences)

inputs = layers.Input(shape=(1,), dtype="string")
x = text_vectorizer(inputs)
x = layers.Embedding(input_dim=500, output_dim=16)(x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs, name="tweet_dense")

model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(train_sentences, train_labels, epochs=2, batch_size=32,
          validation_data=(val_sentences, val_labels), verbose=0)
probs = model.predict(val_sentences[:4], verbose=0)
print(probs.shape, np.round(probs.ravel(), 3))
