import numpy as np
import keras
from keras import layers


class KerasVectorizer:
    def __init__(self, vocab_size=None, sequence_length=None):
        self.vocab_size = vocab_size
        self.sequence_length = sequence_length

    def fit(self, texts):
        words = sorted({w for t in texts for w in t.lower().split()})
        self.vocabulary = {w: i + 2 for i, w in enumerate(words)}   # 0 pad, 1 out-of-vocabulary
        self.vocab_size = len(self.vocabulary) + 2
        return self

    def transform(self, texts):
        seqs = [[self.vocabulary.get(w, 1) for w in t.lower().split()] for t in texts]
        return keras.utils.pad_sequences(seqs, maxlen=self.sequence_length, padding="post")


rng = np.random.default_rng(970)
lexicon = ["grant", "malaria", "vaccine", "trial", "genome", "cell", "funding", "children", "health", "data",
           "mental", "study", "infection", "research", "policy", "cohort"]
train_texts = [" ".join(rng.choice(lexicon, size=rng.integers(3, 10))) for _ in range(120)]
train_tags = (rng.random((120, 4)) > 0.7).astype("float32")
new_abstracts = [" ".join(rng.choice(lexicon, size=rng.integers(6, 15))) for _ in range(5)]

vectorizer = KerasVectorizer()
vectorizer.fit(train_texts)
X_train = vectorizer.transform(train_texts)

tokens = keras.Input(shape=(X_train.shape[1],))
x = layers.Embedding(vectorizer.vocab_size, 32)(tokens)
x = layers.Conv1D(32, 3, padding="same", activation="relu")(x)
x = layers.GlobalMaxPooling1D()(x)
tag_probs = layers.Dense(4, activation="sigmoid")(x)
classifier = keras.Model(tokens, tag_probs)
classifier.compile(optimizer="adam", loss="binary_crossentropy")
classifier.fit(X_train, train_tags, batch_size=16, epochs=2, verbose=0)

X_new = vectorizer.transform(new_abstracts)
print(classifier.predict(X_new, verbose=0).round(2))
