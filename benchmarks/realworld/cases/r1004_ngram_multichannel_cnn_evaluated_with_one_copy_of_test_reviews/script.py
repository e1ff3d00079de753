# n-gram multichannel CNN for movie review sentiment
import numpy as np
import keras
from keras import layers
from keras.utils import pad_sequences


def encode_text(docs, length):
    return pad_sequences(docs, maxlen=length, padding="post")


def define_model(length, vocab_size):
    # channel 1
    inputs1 = keras.Input(shape=(length,))
    embedding1 = layers.Embedding(vocab_size, 32)(inputs1)
    conv1 = layers.Conv1D(filters=16, kernel_size=4, activation="relu")(embedding1)
    drop1 = layers.Dropout(0.5)(conv1)
    pool1 = layers.MaxPooling1D(pool_size=2)(drop1)
    flat1 = layers.Flatten()(pool1)
    # channel 2
    inputs2 = keras.Input(shape=(length,))
    embedding2 = layers.Embedding(vocab_size, 32)(inputs2)
    conv2 = layers.Conv1D(filters=16, kernel_size=6, activation="relu")(embedding2)
    drop2 = layers.Dropout(0.5)(conv2)
    pool2 = layers.MaxPooling1D(pool_size=2)(drop2)
    flat2 = layers.Flatten()(pool2)
    # channel 3
    inputs3 = keras.Input(shape=(length,))
    embedding3 = layers.Embedding(vocab_size, 32)(inputs3)
    conv3 = layers.Conv1D(filters=16, kernel_size=8, activation="relu")(embedding3)
    drop3 = layers.Dropout(0.5)(conv3)
    pool3 = layers.MaxPooling1D(pool_size=2)(drop3)
    flat3 = layers.Flatten()(pool3)
    # merge
    merged = layers.concatenate([flat1, flat2, flat3])
    dense1 = layers.Dense(10, activation="relu")(merged)
    outputs = layers.Dense(1, activation="sigmoid")(dense1)
    model = keras.Model(inputs=[inputs1, inputs2, inputs3], outputs=outputs)
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


rng = np.random.default_rng(1004)
vocab_size = 400
train_docs = [list(rng.integers(1, vocab_size, size=rng.integers(20, 60))) for _ in range(120)]
test_docs = [list(rng.integers(1, vocab_size, size=rng.integers(20, 60))) for _ in range(40)]
trainLabels = np.array([0] * 60 + [1] * 60)
testLabels = np.array([0] * 20 + [1] * 20)
length = max(len(d) for d in train_docs)
trainX = encode_text(train_docs, length)
testX = encode_text(test_docs, length)

model = define_model(length, vocab_size)
model.fit([trainX, trainX, trainX], trainLabels, epochs=2, batch_size=16, verbose=0)
_, acc = model.evaluate([trainX, trainX, trainX], trainLabels, verbose=0)
print("Train Accuracy: %f" % (acc * 100))
_, acc = model.evaluate(testX, testLabels, verbose=0)
print("Test Accuracy: %f" % (acc * 100))
