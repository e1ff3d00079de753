import numpy as np
import keras
from keras import layers

# A spam classifier trained on padded messages of 20 ids.
rng = np.random.default_rng(2)
train_x = rng.integers(1, 300, size=(64, 20))
train_y = rng.integers(0, 2, size=(64,))
model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Embedding(300, 8),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(train_x, train_y, epochs=1, batch_size=16, verbose=0)

# New messages, encoded with the same vocabulary but not padded.
new_messages = [[4, 17, 250], [8, 9, 10, 11, 12, 13], [42, 7]]
print(model.predict(new_messages, verbose=0))
