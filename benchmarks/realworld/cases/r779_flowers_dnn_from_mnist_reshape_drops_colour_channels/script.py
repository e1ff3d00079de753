# Flower classifier adapted from the course's MNIST DNN: the photos are decoded as RGB
# and resized to HEIGHT x WIDTH, the MNIST model flattens each image before its dense
# layers and ends in one softmax unit per flower type.
import numpy as np
import keras
from keras import layers

HEIGHT, WIDTH = 24, 24
NUM_CHANNELS = 3
LIST_OF_LABELS = ["daisy", "dandelion", "roses", "sunflowers", "tulips"]
NCLASSES = len(LIST_OF_LABELS)


def dnn_model(hidden_units):
    photo = keras.Input(shape=(HEIGHT, WIDTH, NUM_CHANNELS), name="image")
    x = layers.Reshape((HEIGHT * WIDTH,))(photo)
    for units in hidden_units:
        x = layers.Dense(units, activation="relu")(x)
    probs = layers.Dense(NCLASSES, activation="softmax")(x)
    return keras.Model(photo, probs)


model = dnn_model([64, 16])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
rng = np.random.default_rng(21)
photos = rng.random((40, HEIGHT, WIDTH, NUM_CHANNELS)).astype("float32")
flower_ids = rng.integers(0, NCLASSES, size=40)
model.fit(photos, flower_ids, batch_size=8, epochs=2, verbose=0)
print(model.evaluate(photos, flower_ids, verbose=0))
