import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

model = Sequential([
    Dense(10, activation="relu", input_shape=(5,)),
    Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.random.rand(50, 5), np.random.randint(0, 2, size=(50, 1)), epochs=1, verbose=0)

sample = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
prediction = model.predict(sample)
print(prediction)
