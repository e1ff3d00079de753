# Look at every layer's activations of a small image classifier for one test photo.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(70)

inputs = keras.Input(shape=(64, 64, 3))
x = layers.Conv2D(16, 3, activation="relu", name="block1_conv1")(inputs)
x = layers.MaxPooling2D(name="block1_pool")(x)
x = layers.Conv2D(32, 3, activation="relu", name="block2_conv1")(x)
x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
outputs = layers.Dense(10, activation="softmax", name="predictions")(x)
model = keras.Model(inputs, outputs)


def load_and_preprocess():
    """Stand-in for load_img + img_to_array + preprocess_input: returns a batch holding one image."""
    img = rng.integers(0, 256, size=(64, 64, 3)).astype("float32")
    img = img.reshape((1, img.shape[0], img.shape[1], img.shape[2]))
    return img / 127.5 - 1.0


image = load_and_preprocess()
batch = np.array([image])  # wrap the test image into a batch for the probe model

probe = keras.Model(model.inputs, [layer.output for layer in model.layers[1:]])
activations = probe.predict(batch, verbose=0)
for layer, act in zip(model.layers[1:], activations):
    print(layer.name, act.shape)
