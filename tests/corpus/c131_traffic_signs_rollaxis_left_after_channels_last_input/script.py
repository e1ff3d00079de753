import numpy as np
import keras
from keras import layers

NUM_CLASSES = 43
IMG_SIZE = 48


def preprocess_img(img):
    img = img / 255.0
    side = min(img.shape[:-1])
    img = img[:side, :side, :]
    img = img[:IMG_SIZE, :IMG_SIZE, :]
    img = np.rollaxis(img, -1)
    return img


photos = [np.random.randint(0, 256, size=(52, 50, 3)) for _ in range(64)]
imgs = [preprocess_img(p) for p in photos]
labels = np.random.randint(0, NUM_CLASSES, size=(64,))
X = np.array(imgs, dtype="float32")
Y = np.eye(NUM_CLASSES, dtype="uint8")[labels]

model = keras.Sequential()
model.add(layers.Conv2D(32, (3, 3), padding="same", input_shape=(IMG_SIZE, IMG_SIZE, 3), activation="relu"))
model.add(layers.Conv2D(32, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Dropout(0.2))
model.add(layers.Conv2D(64, (3, 3), padding="same", activation="relu"))
model.add(layers.Conv2D(64, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(128, activation="relu"))
model.add(layers.Dense(NUM_CLASSES, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
model.fit(X, Y, batch_size=32, epochs=1, validation_split=0.2, shuffle=True)
