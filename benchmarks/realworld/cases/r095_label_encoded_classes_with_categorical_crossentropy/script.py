import numpy as np
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

# TF-IDF features of 300 short texts; each text is tagged with one colour
tfidf = np.random.rand(300, 50).astype("float32")
target = np.random.choice(["red", "blue", "green", "yellow"], size=300)

# label encoding: red/blue/green/yellow -> 0..3
classes, y = np.unique(target, return_inverse=True)

model = Sequential()
model.add(Dense(32, activation="relu", input_shape=(50,)))
model.add(Dense(4, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(tfidf, y, epochs=1, batch_size=32, verbose=0)
