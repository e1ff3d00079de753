import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical

# three Gaussian blobs in 2-D, one class per blob
rng = np.random.default_rng(6)
centers = np.array([[-4.0, 0.0], [0.0, 4.0], [4.0, -1.0]])
y = rng.integers(0, 3, size=1100)
X = (centers[y] + 2.0 * rng.normal(size=(1100, 2))).astype("float32")
trainX, testX = X[:100], X[100:]
trainy, testy = y[:100], y[100:]


def fit_model(trainX, trainy):
    visible = keras.Input(shape=(2,))
    hidden = layers.Dense(25, activation="relu")(visible)
    output = layers.Dense(3, activation="softmax")(hidden)
    model = keras.Model(inputs=visible, outputs=output)
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    model.fit(trainX, to_categorical(trainy), epochs=20, verbose=0)
    return model


def define_stacked_model(members):
    for model in members:
        model.trainable = False
    ensemble_visible = [model.input for model in members]
    ensemble_outputs = [model.output for model in members]
    merge = layers.concatenate(ensemble_outputs)
    hidden = layers.Dense(10, activation="relu")(merge)
    output = layers.Dense(3, activation="softmax")(hidden)
    model = keras.Model(inputs=ensemble_visible, outputs=output)
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


members = [fit_model(trainX, trainy) for _ in range(3)]
stacked_model = define_stacked_model(members)

# fit the meta-learner on the test split, one copy of the input per member
X_stack = [testX for _ in range(len(stacked_model.inputs))]
stacked_model.fit(X_stack, to_categorical(testy), epochs=5, verbose=0)

yhat = stacked_model.predict(testX, verbose=0)
print("Stacked Test Accuracy: %.3f" % np.mean(np.argmax(yhat, axis=1) == testy))
