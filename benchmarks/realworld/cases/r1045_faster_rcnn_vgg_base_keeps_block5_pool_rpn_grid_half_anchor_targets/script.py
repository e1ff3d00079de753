import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(73)
img_h, img_w = 64, 96
num_anchors = 9
rpn_stride = 16

n_images = 12
images = rng.random((n_images, img_h, img_w, 3)).astype("float32")

# anchor targets: one objectness flag per anchor on the rpn_stride grid
grid_h, grid_w = img_h // rpn_stride, img_w // rpn_stride
y_rpn_cls = (rng.random((n_images, grid_h, grid_w, num_anchors)) > 0.8).astype("float32")


def nn_base(img_input):
    x = layers.Conv2D(8, 3, padding="same", activation="relu", name="block1_conv1")(img_input)
    x = layers.MaxPooling2D((2, 2), strides=(2, 2), name="block1_pool")(x)
    x = layers.Conv2D(16, 3, padding="same", activation="relu", name="block2_conv1")(x)
    x = layers.MaxPooling2D((2, 2), strides=(2, 2), name="block2_pool")(x)
    x = layers.Conv2D(32, 3, padding="same", activation="relu", name="block3_conv1")(x)
    x = layers.MaxPooling2D((2, 2), strides=(2, 2), name="block3_pool")(x)
    x = layers.Conv2D(32, 3, padding="same", activation="relu", name="block4_conv1")(x)
    x = layers.MaxPooling2D((2, 2), strides=(2, 2), name="block4_pool")(x)
    x = layers.Conv2D(32, 3, padding="same", activation="relu", name="block5_conv1")(x)
    x = layers.MaxPooling2D((2, 2), strides=(2, 2), name="block5_pool")(x)
    return x


def rpn_layer(base_layers, num_anchors):
    x = layers.Conv2D(64, 3, padding="same", activation="relu", name="rpn_conv1")(base_layers)
    x_class = layers.Conv2D(num_anchors, 1, activation="sigmoid", name="rpn_out_class")(x)
    return x_class


img_input = keras.Input(shape=(img_h, img_w, 3))
shared_layers = nn_base(img_input)
rpn_cls = rpn_layer(shared_layers, num_anchors)
model_rpn = keras.Model(img_input, rpn_cls)
model_rpn.compile(optimizer=keras.optimizers.Adam(1e-4), loss="binary_crossentropy")

model_rpn.fit(images, y_rpn_cls, batch_size=4, epochs=2, verbose=0)
print("rpn trained on", y_rpn_cls.shape[1:], "anchor grid")
