import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

img_rows, img_cols = 28, 28
X_train = np.random.rand(60, img_rows * img_cols).astype("float32")
Y_train = np.random.randint(0, 10, size=(60,))
X_train = X_train.reshape(X_train.shape[0], 1, img_rows, img_cols)

model = Sequential()
model.add(Conv2D(32, (3, 3), activation="relu", input_shape=(1, img_rows, img_cols)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(10, activation="softmax"))
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
model.fit(X_train, Y_train, epochs=1, batch_size=20, verbose=0)
