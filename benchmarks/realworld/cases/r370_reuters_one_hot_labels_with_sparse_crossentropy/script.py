# Newswire topic classifier (46 topics) on multi-hot bag-of-words vectors,
# after the Reuters example of Deep Learning with Python, chapter 4.
import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical

rng = np.random.default_rng(1)
num_words = 1000
# stand-in for keras.datasets.reuters.load_data(num_words=...)
train_data = [list(rng.integers(1, num_words, size=rng.integers(5, 40))) for _ in range(400)]
test_data = [list(rng.integers(1, num_words, size=rng.integers(5, 40))) for _ in range(100)]
train_labels = rng.integers(0, 46, size=(400,))
test_labels = rng.integers(0, 46, size=(100,))


def multi_hot_encode(sequences, num_classes):
    results = np.zeros((len(sequences), num_classes))
    for i, sequence in enumerate(sequences):
        results[i][sequence] = 1.0
    return results


x_train = multi_hot_encode(train_data, num_classes=num_words)
x_test = multi_hot_encode(test_data, num_classes=num_words)

y_train = to_categorical(train_labels, num_classes=46)
y_test = to_categorical(test_labels, num_classes=46)

model = keras.Sequential(
    [
        layers.Dense(64, activation="relu"),
        layers.Dense(64, activation="relu"),
        layers.Dense(46, activation="softmax"),
    ]
)
model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)

x_val = x_train[:100]
partial_x_train = x_train[100:]
y_val = y_train[:100]
partial_y_train = y_train[100:]

history = model.fit(
    partial_x_train,
    partial_y_train,
    epochs=2,
    batch_size=64,
    validation_data=(x_val, y_val),
)
results = model.evaluate(x_test, y_test)
print(results)
