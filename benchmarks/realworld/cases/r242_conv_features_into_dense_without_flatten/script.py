import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Input, Conv2D, MaxPooling2D, Dense, Activation
from tensorflow.keras.utils import to_categorical

# 48 x 64 RGB photos (the thread's were 480 x 640), three classes
x_train = np.random.rand(60, 48, 64, 3).astype("float32")
y_train = to_categorical(np.random.randint(0, 3, size=(60,)), 3)

model = Sequential()
model.add(Input(shape=(48, 64, 3)))
model.add(Conv2D(16, (3, 3), padding="same"))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dense(32))
model.add(Activation("relu"))
model.add(Dense(3))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=20, epochs=1, verbose=0)
