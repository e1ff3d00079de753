import numpy as np
from keras.models import Sequential
from keras.layers import Dense

# Two classes, labels 0/1.
features = np.random.rand(200, 6).astype("float32")
labels = np.random.randint(0, 2, size=(200,))

model = Sequential()
model.add(Dense(12, activation="relu", input_shape=(6,)))
model.add(Dense(1, activation="softmax"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(features, labels, epochs=1, batch_size=20, verbose=0)
print(model.predict(features[:3], verbose=0))
