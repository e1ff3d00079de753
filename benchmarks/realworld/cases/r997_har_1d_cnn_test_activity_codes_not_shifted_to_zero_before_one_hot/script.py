# 1D CNN for human activity recognition on windows of 128 steps x 9 inertial signals
import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical


def load_dataset(rng):
    trainX = rng.normal(size=(240, 128, 9)).astype("float32")
    testX = rng.normal(size=(60, 128, 9)).astype("float32")
    # activity codes 1..6 as stored in y_train.txt / y_test.txt
    trainy = rng.integers(1, 7, size=(240, 1))
    testy = rng.integers(1, 7, size=(60, 1))
    trainy = trainy - 1
    trainy = to_categorical(trainy)
    testy = to_categorical(testy)
    return trainX, trainy, testX, testy


def evaluate_model(trainX, trainy, testX, testy):
    verbose, epochs, batch_size = 0, 2, 32
    n_timesteps, n_features, n_outputs = trainX.shape[1], trainX.shape[2], trainy.shape[1]
    model = keras.Sequential([
        keras.Input(shape=(n_timesteps, n_features)),
        layers.Conv1D(filters=64, kernel_size=3, activation="relu"),
        layers.Conv1D(filters=64, kernel_size=3, activation="relu"),
        layers.Dropout(0.5),
        layers.MaxPooling1D(pool_size=2),
        layers.Flatten(),
        layers.Dense(100, activation="relu"),
        layers.Dense(n_outputs, activation="softmax"),
    ])
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    model.fit(trainX, trainy, epochs=epochs, batch_size=batch_size, verbose=verbose)
    _, accuracy = model.evaluate(testX, testy, batch_size=batch_size, verbose=0)
    return accuracy


trainX, trainy, testX, testy = load_dataset(np.random.default_rng(997))
print("train", trainX.shape, trainy.shape, "test", testX.shape, testy.shape)
score = evaluate_model(trainX, trainy, testX, testy)
print("accuracy: %.3f" % (score * 100.0))
