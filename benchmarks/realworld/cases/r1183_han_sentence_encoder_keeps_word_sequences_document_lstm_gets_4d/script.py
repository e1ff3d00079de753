import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical

MAX_SENT_LENGTH, MAX_SENTS, MAX_NB_WORDS, EMBEDDING_DIM = 20, 6, 500, 32
n_docs, n_classes = 120, 3
rng = np.random.default_rng(2)

# documents split into sentences, each sentence a list of word ids (the tokenizer's word_index)
labels = rng.integers(0, n_classes, size=n_docs)
data = np.zeros((n_docs, MAX_SENTS, MAX_SENT_LENGTH), dtype="int32")
for i in range(n_docs):
    for j in range(rng.integers(2, MAX_SENTS + 1)):
        n_words = rng.integers(4, MAX_SENT_LENGTH + 1)
        words = rng.integers(1, MAX_NB_WORDS, size=n_words)
        words[: n_words // 3] = 10 + 50 * labels[i] + rng.integers(0, 50, size=n_words // 3)
        data[i, j, :n_words] = words
y = to_categorical(labels, n_classes)

# sentence encoder: words -> one sentence vector
embedding_layer = layers.Embedding(MAX_NB_WORDS, EMBEDDING_DIM)
sentence_input = keras.Input(shape=(MAX_SENT_LENGTH,), dtype="int32")
embedded_sequences = embedding_layer(sentence_input)
l_lstm = layers.Bidirectional(layers.LSTM(32, return_sequences=True))(embedded_sequences)
sentEncoder = keras.Model(sentence_input, l_lstm)

# document encoder: sentence vectors -> one document vector
review_input = keras.Input(shape=(MAX_SENTS, MAX_SENT_LENGTH), dtype="int32")
review_encoder = layers.TimeDistributed(sentEncoder)(review_input)
l_lstm_sent = layers.Bidirectional(layers.LSTM(32))(review_encoder)
preds = layers.Dense(n_classes, activation="softmax")(l_lstm_sent)
model = keras.Model(review_input, preds)
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["acc"])
model.fit(data, y, validation_split=0.2, epochs=2, batch_size=20, verbose=0)
print(model.evaluate(data, y, verbose=0))
