# IMDB-style review sentiment (course lab): reviews are vectorized, padded/truncated to
# MAX_LENGTH tokens, zipped with their labels and batched; an Embedding + Flatten +
# Dense model is trained on the training reviews and scored on the test reviews.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(11)
good, bad = ["great", "moving", "superb", "fun", "loved"], ["boring", "awful", "dull", "weak", "hated"]
neutral = ["the", "film", "plot", "actors", "was", "and", "story", "scene"]


def make_reviews(n):
    labels = rng.integers(0, 2, size=n)
    texts = [" ".join(rng.choice(neutral + (good if y else bad), size=rng.integers(10, 60))) for y in labels]
    return tf.data.Dataset.from_tensor_slices((texts, labels))


train_dataset, test_dataset = make_reviews(300), make_reviews(100)
VOCAB_SIZE, MAX_LENGTH, EMBEDDING_DIM, BATCH_SIZE = 100, 40, 16, 32
vectorize_layer = layers.TextVectorization(max_tokens=VOCAB_SIZE)
vectorize_layer.adapt(train_dataset.map(lambda review, label: review))


def padding_func(sequences):
    sequences = sequences.ragged_batch(batch_size=sequences.cardinality()).get_single_element()
    padded = keras.utils.pad_sequences(sequences.numpy(), maxlen=MAX_LENGTH, truncating="post", padding="pre")
    return tf.data.Dataset.from_tensor_slices(padded)


train_sequences = train_dataset.map(lambda text, label: vectorize_layer(text)).apply(padding_func)
train_labels = train_dataset.map(lambda text, label: label)
train_dataset_final = tf.data.Dataset.zip(train_sequences, train_labels).shuffle(300).batch(BATCH_SIZE)
test_dataset_final = test_dataset.map(lambda text, label: (vectorize_layer(text), label)).padded_batch(BATCH_SIZE)

model = keras.Sequential([
    keras.Input(shape=(MAX_LENGTH,)),
    layers.Embedding(VOCAB_SIZE, EMBEDDING_DIM),
    layers.Flatten(),
    layers.Dense(6, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(train_dataset_final, epochs=2, verbose=0)
loss, accuracy = model.evaluate(test_dataset_final, verbose=0)
print(f"test accuracy: {accuracy:.3f}")
