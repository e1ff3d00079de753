import numpy as np
import keras
from keras import layers

# Breast-cancer style table: 30 features, label 0 (benign) or 1 (malignant).
X_train = np.random.rand(200, 30).astype("float32")
y_train = np.random.randint(0, 2, size=(200,))

model = keras.Sequential([
    keras.Input(shape=(30,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(16, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss=keras.losses.categorical_crossentropy, metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=100, epochs=1, verbose=0)
