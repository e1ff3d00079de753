# Newswire topic classifier (46 topics) on multi-hot encoded word indices.
import numpy as np
import keras
from keras import layers

num_words = 1000
num_topics = 46
rng = np.random.default_rng(0)


def vectorize_sequences(sequences, dimension=num_words):
    results = np.zeros((len(sequences), dimension), dtype="float32")
    for i, sequence in enumerate(sequences):
        results[i, sequence] = 1.0
    return results


train_data = [rng.integers(1, num_words, size=rng.integers(5, 40)) for _ in range(320)]
train_labels = rng.integers(0, num_topics, size=320)
x_train = vectorize_sequences(train_data)
y_train = keras.utils.to_categorical(train_labels, num_topics)

model = keras.Sequential([
    keras.Input(shape=(num_words,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(num_topics, activation="softmax"),
])
model.compile(optimizer="rmsprop",
              loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
model.fit(x_train, y_train, epochs=2, batch_size=64, validation_split=0.2)
