import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, Activation, MaxPooling2D, Dropout, Flatten, Dense

img_rows, img_cols = 28, 28
X_train = np.random.rand(60, img_rows, img_cols, 1).astype("float32")
Y_train = np.random.randint(0, 10, size=(60,))

model = Sequential()
model.add(Conv2D(6, 5, 5, input_shape=(img_rows, img_cols, 1), padding="same"))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(16, 5, 5, padding="same"))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(84))
model.add(Dense(10, activation="softmax"))
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
model.fit(X_train, Y_train, epochs=1, batch_size=20, verbose=0)
