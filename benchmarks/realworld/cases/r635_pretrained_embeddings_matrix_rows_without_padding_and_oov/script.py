# Newsgroup-style text classifier with frozen pretrained word embeddings: a
# TextVectorization vocabulary, an embedding matrix filled from a word -> vector index,
# a non-trainable Embedding layer loaded with it, and a 1D convnet classifier.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(8)
words = ["graphics", "space", "orbit", "engine", "hockey", "goal", "church", "faith",
         "modeling", "render", "launch", "team", "season", "bible", "pixel", "nasa"]
class_names = ["comp.graphics", "sci.space", "rec.sport.hockey", "soc.religion"]
train_samples = [" ".join(rng.choice(words, size=40)) for _ in range(96)]
train_labels = rng.integers(0, len(class_names), size=96)

vectorizer = layers.TextVectorization(max_tokens=20000, output_sequence_length=200)
vectorizer.adapt(train_samples)
voc = vectorizer.get_vocabulary()
word_index = dict(zip(voc, range(len(voc))))

# stands in for the GloVe file: word -> 100-dimensional vector
embeddings_index = {w: rng.normal(size=100).astype("float32") for w in words[:12]}

num_tokens = len(voc) + 2
embedding_dim = 100

# Prepare embedding matrix
embedding_matrix = np.zeros((len(voc), embedding_dim))
for word, i in word_index.items():
    embedding_vector = embeddings_index.get(word)
    if embedding_vector is not None:
        embedding_matrix[i] = embedding_vector

embedding_layer = layers.Embedding(num_tokens, embedding_dim, trainable=False)
embedding_layer.build((1,))
embedding_layer.set_weights([embedding_matrix])

int_sequences_input = keras.Input(shape=(None,), dtype="int32")
embedded_sequences = embedding_layer(int_sequences_input)
x = layers.Conv1D(64, 5, activation="relu")(embedded_sequences)
x = layers.MaxPooling1D(5)(x)
x = layers.Conv1D(64, 5, activation="relu")(x)
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dense(64, activation="relu")(x)
preds = layers.Dense(len(class_names), activation="softmax")(x)
model = keras.Model(int_sequences_input, preds)

x_train = vectorizer(np.array([[s] for s in train_samples])).numpy()
y_train = np.array(train_labels)
model.compile(loss="sparse_categorical_crossentropy", optimizer="rmsprop", metrics=["acc"])
model.fit(x_train, y_train, batch_size=32, epochs=1, verbose=0)
