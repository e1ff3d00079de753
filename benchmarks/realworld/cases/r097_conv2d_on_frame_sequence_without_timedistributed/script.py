import numpy as np
from tensorflow.keras.layers import LSTM, Conv2D, Dense, Flatten, MaxPooling2D, TimeDistributed
from tensorflow.keras.models import Sequential

time_steps, height, width, channels = 8, 32, 32, 3

# 12 short clips of 8 frames each, one binary label per clip
clips = np.random.rand(12, time_steps, height, width, channels).astype("float32")
labels = np.random.randint(0, 2, size=(12, 1))

model = Sequential()
model.add(Conv2D(16, (3, 3), activation="relu",
                 input_shape=(time_steps, height, width, channels)))
model.add(TimeDistributed(MaxPooling2D(pool_size=(2, 2))))
model.add(TimeDistributed(Flatten()))
model.add(LSTM(32))
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(clips, labels, batch_size=4, epochs=1, verbose=0)
