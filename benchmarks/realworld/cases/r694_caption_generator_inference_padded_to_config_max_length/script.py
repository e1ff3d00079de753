# Merge-style image caption generator: CNN photo features and the partial caption
# (word ids padded to the longest training caption) are encoded separately, added, and a
# softmax predicts the next word. Captions are then generated word by word; the test
# script reads its settings from a config dict.
import numpy as np
import keras
from keras import layers

CONFIG = {"max_length": 16, "beam_search_k": 1}
captions = [
    "startseq a dog runs on the grass endseq",
    "startseq two children play with a red ball in the park endseq",
    "startseq a man rides a bike down the street endseq",
    "startseq a black dog jumps over a wooden fence endseq",
]
vocab = sorted({w for c in captions for w in c.split()})
word_index = {w: i + 1 for i, w in enumerate(vocab)}
index_word = {i: w for w, i in word_index.items()}
vocab_size = len(word_index) + 1
max_length = max(len(c.split()) for c in captions)

rng = np.random.default_rng(3)
photo_features = rng.normal(size=(len(captions), 64)).astype("float32")
photos, partials, next_words = [], [], []
for photo, caption in zip(photo_features, captions):
    ids = [word_index[w] for w in caption.split()]
    for i in range(1, len(ids)):
        photos.append(photo)
        partials.append(keras.utils.pad_sequences([ids[:i]], maxlen=max_length)[0])
        next_words.append(ids[i])
photos, partials, next_words = np.array(photos), np.array(partials), np.array(next_words)

photo_in = keras.Input(shape=(64,))
p = layers.Dense(32, activation="relu")(layers.Dropout(0.3)(photo_in))
words_in = keras.Input(shape=(max_length,))
w = layers.Embedding(vocab_size, 32, mask_zero=True)(words_in)
w = layers.LSTM(32)(layers.Dropout(0.3)(w))
h = layers.Dense(32, activation="relu")(layers.add([p, w]))
next_word = layers.Dense(vocab_size, activation="softmax")(h)
captioner = keras.Model([photo_in, words_in], next_word)
captioner.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
captioner.fit([photos, partials], next_words, batch_size=16, epochs=3, verbose=0)

test_photo = photo_features[:1]
generated = [word_index["startseq"]]
for _ in range(CONFIG["max_length"]):
    padded = keras.utils.pad_sequences([generated], maxlen=CONFIG["max_length"])
    probs = captioner.predict([test_photo, padded], verbose=0)
    generated.append(int(np.argmax(probs[0])))
    if index_word.get(generated[-1]) == "endseq":
        break
print(" ".join(index_word.get(i, "?") for i in generated))
