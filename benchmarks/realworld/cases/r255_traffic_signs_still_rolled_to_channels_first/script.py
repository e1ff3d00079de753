import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, MaxPooling2D, Dropout, Flatten, Dense
from tensorflow.keras.utils import to_categorical

NUM_CLASSES = 43
IMG_SIZE = 48


def preprocess_img(img):
    # central square crop, rescale to [0, 1]
    h, w = img.shape[:2]
    side = min(h, w)
    img = img[(h - side) // 2:(h - side) // 2 + side, (w - side) // 2:(w - side) // 2 + side, :]
    img = img[:IMG_SIZE, :IMG_SIZE, :] / 255.0
    # roll color axis to axis 0
    img = np.rollaxis(img, -1)
    return img


raw_images = [np.random.randint(0, 256, size=(52, 50, 3)).astype("float32") for _ in range(86)]
X = np.array([preprocess_img(img) for img in raw_images], dtype="float32")
Y = to_categorical(np.random.randint(0, NUM_CLASSES, size=(86,)), NUM_CLASSES)

model = Sequential()
model.add(Conv2D(32, (3, 3), padding="same", activation="relu", input_shape=(IMG_SIZE, IMG_SIZE, 3)))
model.add(Conv2D(32, (3, 3), activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.2))
model.add(Conv2D(64, (3, 3), padding="same", activation="relu"))
model.add(Conv2D(64, (3, 3), activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.2))
model.add(Flatten())
model.add(Dense(512, activation="relu"))
model.add(Dropout(0.5))
model.add(Dense(NUM_CLASSES, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
model.fit(X, Y, batch_size=32, epochs=1, validation_split=0.2, verbose=0)
