# Deep Learning with R, 3.5 "Classifying newswires": multi-hot encoded word-index
# sequences (10,000 words), 46 one-hot topics, two hidden layers of 64 units.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(46)
n_words, n_topics = 10000, 46

def vectorize_sequences(sequences, dimension=n_words):
    results = np.zeros((len(sequences), dimension), dtype="float32")
    for i, sequence in enumerate(sequences):
        results[i, sequence] = 1.0
    return results

train_data = [rng.integers(1, n_words, size=rng.integers(20, 120)) for _ in range(600)]
train_labels = rng.integers(0, n_topics, size=(600,))
x_train = vectorize_sequences(train_data)
one_hot_train_labels = keras.utils.to_categorical(train_labels, n_topics)   # (600, 46)

model = keras.Sequential([
    keras.Input(shape=(n_words,)),
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="softmax"),
])
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])

x_val, partial_x_train = x_train[:100], x_train[100:]
y_val, partial_y_train = one_hot_train_labels[:100], one_hot_train_labels[100:]
history = model.fit(partial_x_train, partial_y_train, epochs=2, batch_size=128,
                    validation_data=(x_val, y_val), verbose=0)
print(history.history["val_accuracy"])
