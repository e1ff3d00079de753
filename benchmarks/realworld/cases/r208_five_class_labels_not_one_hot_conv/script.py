import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

nb_classes3 = 5

# image data and integer class ids 0..4, as loaded from label.npy
train_data3 = np.random.randint(0, 256, size=(40, 32, 32, 3)).astype("float32")
train_label3 = np.random.randint(0, nb_classes3, size=(40,))
train_data3 /= 255

model = Sequential()
model.add(Conv2D(16, (3, 3), activation="relu", input_shape=(32, 32, 3)))
model.add(MaxPooling2D((2, 2)))
model.add(Flatten())
model.add(Dense(64, activation="relu"))
model.add(Dense(nb_classes3, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(train_data3, train_label3, batch_size=8, epochs=1, verbose=0)
