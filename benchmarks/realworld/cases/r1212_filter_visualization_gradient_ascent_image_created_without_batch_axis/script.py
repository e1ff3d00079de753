import numpy as np
import tensorflow as tf
import keras
from keras import layers

# a small convnet standing in for the pretrained model whose filters we look at
inputs = keras.Input(shape=(None, None, 3))
x = layers.Conv2D(16, 3, activation="relu", name="block1_conv1")(inputs)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(32, 3, activation="relu", name="block2_conv1")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(2, activation="softmax")(x)
model = keras.Model(inputs, outputs)

layer_name = "block2_conv1"
layer = model.get_layer(name=layer_name)
feature_extractor = keras.Model(inputs=model.input, outputs=layer.output)


def compute_loss(image, filter_index):
    activation = feature_extractor(image)
    filter_activation = activation[:, 2:-2, 2:-2, filter_index]
    return tf.reduce_mean(filter_activation)


@tf.function
def gradient_ascent_step(image, filter_index, learning_rate):
    with tf.GradientTape() as tape:
        tape.watch(image)
        loss = compute_loss(image, filter_index)
    grads = tape.gradient(loss, image)
    grads = tf.math.l2_normalize(grads)
    image += learning_rate * grads
    return image


img_width = 64
img_height = 64


def generate_filter_pattern(filter_index):
    iterations = 5
    learning_rate = 10.0
    image = tf.random.uniform(minval=0.4, maxval=0.6, shape=(img_width, img_height, 3))
    for i in range(iterations):
        image = gradient_ascent_step(image, filter_index, learning_rate)
    return image.numpy()


def deprocess_image(image):
    image -= image.mean()
    image /= image.std() + 1e-5
    image = np.clip(image * 64 + 128, 0, 255).astype("uint8")
    return image[5:-5, 5:-5, :]


pattern = deprocess_image(generate_filter_pattern(filter_index=2))
print("filter pattern:", pattern.shape)
