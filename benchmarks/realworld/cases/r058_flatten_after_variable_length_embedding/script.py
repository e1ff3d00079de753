import numpy as np
from keras.models import Sequential
from keras.layers import Input, Embedding, Flatten, Dense

# Word ids padded to 20 tokens per review.
reviews = np.random.randint(1, 1000, size=(64, 20))
sentiment = np.random.randint(0, 2, size=(64,))

model = Sequential()
model.add(Input(shape=(None,)))
model.add(Embedding(1000, 64))
model.add(Flatten())
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="rmsprop", loss="binary_crossentropy")
model.fit(reviews, sentiment, epochs=1, verbose=0)
