# Visualizing intermediate activations of a cats-vs-dogs convnet trained on 180x180 images.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(180)

# The convnet from the previous chapter (trained with data augmentation on 180x180 RGB images).
inputs = keras.Input(shape=(180, 180, 3))
x = layers.RandomFlip("horizontal")(inputs)
x = layers.Rescaling(1.0 / 255)(x)
x = layers.Conv2D(filters=8, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=16, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=32, kernel_size=3, activation="relu")(x)
x = layers.Flatten()(x)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs=inputs, outputs=outputs)


def load_img(path, target_size):
    """Stand-in for keras.utils.load_img: a random RGB photo resized to target_size."""
    photo = rng.integers(0, 256, size=(375, 500, 3)).astype("float32")
    rows = np.arange(target_size[0]) * photo.shape[0] // target_size[0]
    cols = np.arange(target_size[1]) * photo.shape[1] // target_size[1]
    return photo[rows][:, cols]


def get_img_array(img_path, target_size):
    img = load_img(img_path, target_size=target_size)
    array = keras.utils.img_to_array(img)
    array = np.expand_dims(array, axis=0)
    return array


img_tensor = get_img_array("cat.jpg", target_size=(150, 150))

layer_outputs = []
layer_names = []
for layer in model.layers:
    if isinstance(layer, (layers.Conv2D, layers.MaxPooling2D)):
        layer_outputs.append(layer.output)
        layer_names.append(layer.name)
activation_model = keras.Model(inputs=model.input, outputs=layer_outputs)

activations = activation_model.predict(img_tensor, verbose=0)
for layer_name, layer_activation in zip(layer_names, activations):
    print(layer_name, layer_activation.shape)
