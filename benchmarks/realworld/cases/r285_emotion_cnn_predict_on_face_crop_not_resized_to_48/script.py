import numpy as np
import keras
from keras import layers

INPUT_SIZE = 48
EMOTIONS = ["angry", "disgusted", "fearful", "happy", "sad", "surprised", "neutral"]

# FER-2013 style training set: 48 x 48 grayscale faces
x_train = np.random.rand(70, INPUT_SIZE, INPUT_SIZE, 1).astype("float32")
y_train = np.random.randint(0, len(EMOTIONS), size=(70,))

model = keras.Sequential([
    keras.Input(shape=(INPUT_SIZE, INPUT_SIZE, 1)),
    layers.Conv2D(32, 3, activation="relu", padding="same"),
    layers.MaxPooling2D(2),
    layers.Conv2D(64, 3, activation="relu", padding="same"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(128, activation="relu"),
    layers.Dense(len(EMOTIONS), activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)

# predict.py: a face cropped from a photo found on the internet, converted to grayscale
image = np.random.randint(0, 256, size=(180, 180)).astype("float32")
tensor = image.reshape([-1, image.shape[0], image.shape[1], 1]) / 255.0
predicted = model.predict(tensor, verbose=0)
print(EMOTIONS[int(np.argmax(predicted[0]))])
