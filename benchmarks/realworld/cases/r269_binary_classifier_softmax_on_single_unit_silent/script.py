import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

# 34 technical indicators per day, label 1 = uptrend, 0 = downtrend
x_train = np.random.rand(400, 34).astype("float32")
y_train = np.random.randint(0, 2, size=(400,))
x_test = np.random.rand(50, 34).astype("float32")

model = Sequential()
model.add(Dense(512, activation="relu", input_dim=34))
model.add(Dense(200, activation="relu"))
model.add(Dense(200, activation="relu"))
model.add(Dense(128, activation="relu"))
model.add(Dense(1, activation="softmax"))
model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["binary_accuracy"])

model.fit(x_train, y_train, epochs=2, batch_size=50, verbose=0)
proba = model.predict(x_test, batch_size=50, verbose=0)
print("predicted probabilities:", proba[:5].ravel())
