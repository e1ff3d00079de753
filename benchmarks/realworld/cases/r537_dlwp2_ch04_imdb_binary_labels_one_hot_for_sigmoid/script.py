# Classifying movie reviews (positive / negative) from multi-hot encoded word indices.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.utils import to_categorical

rng = np.random.default_rng(4)
train_data = [list(rng.integers(1, 1000, size=rng.integers(20, 120))) for _ in range(600)]
train_labels = rng.integers(0, 2, size=600)


def vectorize_sequences(sequences, dimension=1000):
    results = np.zeros((len(sequences), dimension))
    for i, sequence in enumerate(sequences):
        for j in sequence:
            results[i, j] = 1.
    return results


x_train = vectorize_sequences(train_data)
y_train = to_categorical(train_labels)

model = keras.Sequential([
    layers.Dense(16, activation="relu"),
    layers.Dense(16, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])

x_val = x_train[:100]
partial_x_train = x_train[100:]
y_val = y_train[:100]
partial_y_train = y_train[100:]
history = model.fit(partial_x_train, partial_y_train, epochs=4, batch_size=128,
                    validation_data=(x_val, y_val), verbose=0)
print(history.history["val_accuracy"][-1])
