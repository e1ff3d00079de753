import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

X_train = np.random.rand(100, 28, 28, 1).astype("float32")
y_train = np.random.randint(0, 10, size=(100,))

model = Sequential()
model.add(Conv2D(16, (3, 3), activation="relu", input_shape=(28, 28, 1)))
model.add(MaxPooling2D((2, 2)))
model.add(Flatten())
model.add(Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X_train, y_train, epochs=1, batch_size=25, verbose=0)

image = X_train[7]
print(model.predict(image, verbose=0).argmax())
