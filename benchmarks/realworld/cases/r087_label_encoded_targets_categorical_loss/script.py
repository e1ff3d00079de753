import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

# TF-IDF values of two words per document; the target is one of four colours.
X = np.random.rand(120, 2).astype("float32")
target = np.random.choice(["red", "blue", "green", "yellow"], size=120)
classes, y = np.unique(target, return_inverse=True)  # label encoding

model = Sequential()
model.add(Dense(16, activation="relu", input_shape=(2,)))
model.add(Dense(4, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
