# Visual question answering baseline: each example is the 4096-value fc7 feature of the
# image next to the sum of the 300-d word vectors of the question's tokens, and a
# tanh MLP picks one of the most frequent answers. Word vectors are looked up in the
# table of an installed language package.
import numpy as np
import keras
from keras import layers

IMG_DIM = 4096
WORD_VEC_DIM = 300
N_ANSWERS = 8
VOCAB = ["what", "color", "is", "the", "bus", "how", "many", "dogs", "are", "there", "cat", "sleeping"]

rng = np.random.default_rng(698)
LANGUAGE_PACKAGES = {
    "en": np.zeros((len(VOCAB), 0), "float32"),  # shortcut package: no static word vectors
    "en_vectors_web_lg": rng.normal(size=(len(VOCAB), WORD_VEC_DIM)).astype("float32"),
}
QUESTIONS = ["what color is the bus", "how many dogs are there", "is the cat sleeping"]


def question_features(questions, table):
    index = {word: i for i, word in enumerate(VOCAB)}
    return np.stack([table[[index[w] for w in q.split()]].sum(axis=0) for q in questions])


word_vectors = LANGUAGE_PACKAGES["en"]

mlp = keras.Sequential([
    keras.Input(shape=(IMG_DIM + WORD_VEC_DIM,)),
    layers.Dense(256, activation="tanh"),
    layers.Dropout(0.5),
    layers.Dense(256, activation="tanh"),
    layers.Dropout(0.5),
    layers.Dense(N_ANSWERS, activation="softmax"),
])
mlp.compile(optimizer="rmsprop", loss="categorical_crossentropy")

n = 48
questions = [QUESTIONS[i] for i in rng.integers(0, len(QUESTIONS), n)]
image_features = rng.normal(size=(n, IMG_DIM)).astype("float32")
answers = keras.utils.to_categorical(rng.integers(0, N_ANSWERS, n), N_ANSWERS)
X = np.hstack([image_features, question_features(questions, word_vectors)])
mlp.fit(X, answers, batch_size=16, epochs=1, verbose=0)
print(mlp.predict(X[:2], verbose=0).shape)
