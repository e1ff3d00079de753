import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(13)
vocab_size, embedding_dim, max_length = 1000, 16, 120

categories = ["sport", "business", "politics", "tech", "entertainment"]
article_topics = rng.choice(categories, size=400)
articles = rng.integers(1, vocab_size, size=(400, max_length))

# topic ids as label_tokenizer.word_index gives them
label_word_index = {topic: i + 1 for i, topic in enumerate(categories)}
training_label_seq = np.array([[label_word_index[t]] for t in article_topics])

model = keras.Sequential([
    keras.Input(shape=(max_length,)),
    layers.Embedding(vocab_size, embedding_dim),
    layers.GlobalAveragePooling1D(),
    layers.Dense(24, activation="relu"),
    layers.Dense(5, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])

history = model.fit(articles, training_label_seq, epochs=2, batch_size=32, verbose=0)
print("accuracy:", history.history["accuracy"][-1])
