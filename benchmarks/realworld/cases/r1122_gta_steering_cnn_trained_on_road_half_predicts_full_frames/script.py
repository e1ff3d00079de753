import numpy as np
import keras
from keras import layers

FRAME_H, FRAME_W = 64, 128      # frames as the game client sends them
ROAD_H = FRAME_H // 2           # the model is trained on the lower (road) half
N_BINS = 21                     # steering in [-1, 1] as 21 categories

rng = np.random.default_rng(8)


def recv_frame():
    return rng.integers(0, 256, size=(FRAME_H, FRAME_W, 3)).astype("float32")


def preprocess(image):
    return ((image / 255) - 0.5) * 2


def load_batch(n):
    x, y = [], []
    for _ in range(n):
        frame = preprocess(recv_frame())
        x.append(frame[ROAD_H:, :, :])           # keep the road half
        steering = rng.uniform(-1, 1)
        y.append(int(round(steering * 10)) + 10)
    return np.array(x), keras.utils.to_categorical(y, N_BINS)


inputs = keras.Input(shape=(ROAD_H, FRAME_W, 3))
x = layers.Conv2D(16, 3, strides=2, activation="relu")(inputs)
x = layers.SeparableConv2D(32, 3, padding="same", activation="relu")(x)
x = layers.MaxPooling2D(2)(x)
x = layers.SeparableConv2D(64, 3, padding="same", activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(N_BINS, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

x_train, y_train = load_batch(64)
x_test, y_test = load_batch(16)
model.fit(x_train, y_train, epochs=1, batch_size=16, validation_data=(x_test, y_test))

# drive loop
for step in range(3):
    image = recv_frame()
    image = preprocess(image)
    model_input = np.array([image])
    category_prediction = np.argmax(model.predict(model_input, verbose=0))
    steering = (category_prediction - 10) / 10
    print("category:", category_prediction, "steering:", steering)
