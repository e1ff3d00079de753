# Reuters-style newswire topic classifier (46 topics) on multi-hot encoded word indices.
import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical

rng = np.random.default_rng(23)
num_words = 2000
train_data = [rng.integers(1, num_words, size=rng.integers(20, 120)) for _ in range(900)]
train_labels = rng.integers(0, 46, size=900)
test_data = [rng.integers(1, num_words, size=rng.integers(20, 120)) for _ in range(120)]
test_labels = rng.integers(0, 44, size=120)  # the small test split holds none of the two rarest topics


def multi_hot_encode(sequences, num_classes):
    results = np.zeros((len(sequences), num_classes))
    for i, sequence in enumerate(sequences):
        results[i][sequence] = 1.0
    return results


x_train = multi_hot_encode(train_data, num_classes=num_words)
x_test = multi_hot_encode(test_data, num_classes=num_words)
y_train = to_categorical(train_labels)
y_test = to_categorical(test_labels)

model = keras.Sequential([
    layers.Dense(64, activation="relu"),
    layers.Dense(64, activation="relu"),
    layers.Dense(46, activation="softmax"),
])
top_3_accuracy = keras.metrics.TopKCategoricalAccuracy(k=3, name="top_3_accuracy")
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy", top_3_accuracy])

x_val, partial_x_train = x_train[:200], x_train[200:]
y_val, partial_y_train = y_train[:200], y_train[200:]
model.fit(partial_x_train, partial_y_train, epochs=3, batch_size=128,
          validation_data=(x_val, y_val), verbose=0)
results = model.evaluate(x_test, y_test, verbose=0)
print("test loss, accuracy, top-3 accuracy:", results)
