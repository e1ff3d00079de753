import numpy as np
import tensorflow as tf
import keras
from keras import layers

# --- extract_face step: face crops resized to TARGET_SIZE, marks normalised to [0, 1], stored as raw bytes ---
TARGET_SIZE = 112
NUM_MARKS = 68
rng = np.random.default_rng(2)
records_image, records_marks = [], []
for _ in range(40):
    marks = rng.uniform(0.2, 0.8, size=(NUM_MARKS, 2)).astype("float32")
    face = np.full((TARGET_SIZE, TARGET_SIZE, 3), 40, dtype=np.uint8)
    px = (marks * (TARGET_SIZE - 1)).astype(int)
    face[px[:, 1], px[:, 0]] = 255
    records_image.append(face.tobytes())
    records_marks.append(marks.reshape(-1))

# --- landmark module: input pipeline and network ---
IMG_HEIGHT, IMG_WIDTH, IMG_CHANNEL = 128, 128, 3

def parse_record(image_bytes, marks):
    image = tf.io.decode_raw(image_bytes, tf.uint8)
    image = tf.reshape(image, [IMG_HEIGHT, IMG_WIDTH, IMG_CHANNEL])
    image = tf.cast(image, tf.float32) / 255.0
    return image, marks

dataset = (tf.data.Dataset.from_tensor_slices((records_image, np.stack(records_marks)))
           .map(parse_record).shuffle(40).batch(8))

inputs = keras.Input(shape=(IMG_HEIGHT, IMG_WIDTH, IMG_CHANNEL))
x = inputs
for filters in [16, 32, 64, 64]:
    x = layers.Conv2D(filters, 3, activation="relu")(x)
    x = layers.MaxPooling2D(2)(x)
x = layers.Flatten()(x)
x = layers.Dense(256, activation="relu")(x)
logits = layers.Dense(NUM_MARKS * 2)(x)
model = keras.Model(inputs, logits)
model.compile(optimizer="adam", loss="mse")
model.fit(dataset, epochs=2, verbose=0)

pred = model.predict(dataset.take(1), verbose=0).reshape(-1, NUM_MARKS, 2)
print("predicted marks:", pred.shape)
