import numpy as np
from tensorflow.keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from tensorflow.keras.models import Sequential
from tensorflow.keras.utils import to_categorical

# A digit-recognizer style train.csv: a label column then 784 pixel columns.
train_data = np.random.randint(0, 256, size=(200, 785))
train_data[:, 0] = np.random.randint(0, 10, size=200)

train_data_y = to_categorical(train_data[:, 0], 10)
train_data_x = train_data[:, 1:].astype("float32") / 255.0

model = Sequential([
    Conv2D(32, (3, 3), activation="relu", input_shape=(28, 28, 1)),
    MaxPooling2D((2, 2)),
    Flatten(),
    Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_data_x, train_data_y, batch_size=32, epochs=1, verbose=0)
