import numpy as np
import keras
from keras import layers

MAX_SEQ_LENGTH = 8
IMG_SIZE = 32
NUM_CLASSES = 5

frames = np.random.rand(12, MAX_SEQ_LENGTH, IMG_SIZE, IMG_SIZE, 3).astype("float32")
frame_masks = np.ones((12, MAX_SEQ_LENGTH), dtype="bool")
frame_masks[:, 6:] = False
labels = np.random.randint(0, NUM_CLASSES, size=(12, 1))

cnn = keras.Sequential([
    keras.Input((IMG_SIZE, IMG_SIZE, 3)),
    layers.Conv2D(8, 3, strides=2, activation="relu"),
    layers.Conv2D(16, 3, strides=2, activation="relu"),
    layers.GlobalAveragePooling2D(),
], name="feature_extractor")

frame_input = keras.Input((MAX_SEQ_LENGTH, IMG_SIZE, IMG_SIZE, 3))
mask_input = keras.Input((MAX_SEQ_LENGTH,), dtype="bool")
features = layers.TimeDistributed(cnn)(frame_input)
x = layers.GRU(16, return_sequences=True)(features, mask=mask_input)
x = layers.GRU(8)(x)
x = layers.Dropout(0.4)(x)
x = layers.Dense(8, activation="relu")(x)
output = layers.Dense(NUM_CLASSES, activation="softmax")(x)
rnn_model = keras.Model([frame_input, mask_input], output)
rnn_model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
rnn_model.fit([frames, frame_masks], labels, epochs=1, batch_size=4, verbose=0)
