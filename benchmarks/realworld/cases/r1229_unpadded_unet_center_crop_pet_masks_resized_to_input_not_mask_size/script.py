import numpy as np
import tensorflow as tf
import keras
from keras import layers

config = dict(num_filters_start=8, num_unet_blocks=3, num_filters_end=3,
              input_width=100, input_height=100, mask_width=60, mask_height=60, input_dim=3, batch_size=8)

# pet photos with trimap masks (classes 1..3), stored at their own resolution
rng = np.random.default_rng(8)
raw_images = rng.integers(0, 256, size=(24, 128, 128, 3)).astype("uint8")
raw_masks = rng.integers(1, 4, size=(24, 128, 128, 1)).astype("uint8")

def preprocess_sample(image, mask):
    input_image = tf.image.resize(image, (config["input_width"], config["input_height"]))
    input_mask = tf.image.resize(mask, (config["input_width"], config["input_height"]), method="nearest")
    input_image = tf.cast(input_image, tf.float32) / 255.0
    input_mask -= 1
    return input_image, input_mask

train_batches = (tf.data.Dataset.from_tensor_slices((raw_images, raw_masks))
                 .map(preprocess_sample).shuffle(24).batch(config["batch_size"]))

def conv_block(x, filters, last_block):
    x = layers.Conv2D(filters, (3, 3), activation="relu", kernel_initializer="he_normal")(x)
    x = layers.Conv2D(filters, (3, 3), activation="relu", kernel_initializer="he_normal")(x)
    skip_input = x
    if not last_block:
        x = layers.MaxPooling2D((2, 2), strides=(2, 2))(x)
    return x, skip_input

def upconv_block(x, filters, skip_input, last_block=False):
    x = layers.Conv2DTranspose(filters // 2, (2, 2), strides=(2, 2))(x)
    cropped_skip_input = layers.CenterCrop(height=x.shape[1], width=x.shape[2])(skip_input)
    x = layers.Concatenate(axis=-1)([cropped_skip_input, x])
    x = layers.Conv2D(filters // 2, (3, 3), activation="relu", kernel_initializer="he_normal")(x)
    x = layers.Conv2D(filters // 2, (3, 3), activation="relu", kernel_initializer="he_normal")(x)
    if last_block:
        x = layers.Conv2D(config["num_filters_end"], (1, 1))(x)
    return x

n_blocks = config["num_unet_blocks"]
inputs = keras.Input(shape=(config["input_height"], config["input_width"], config["input_dim"]))
x, skip_inputs = inputs, []
for index in range(n_blocks):
    x, skip = conv_block(x, config["num_filters_start"] * 2 ** index, index == n_blocks - 1)
    if index < n_blocks - 1:
        skip_inputs.append(skip)
for index, level in enumerate(range(n_blocks - 1, 0, -1)):
    x = upconv_block(x, config["num_filters_start"] * 2 ** level, skip_inputs[-1 - index], index == n_blocks - 2)
model = keras.Model(inputs, x, name="U-Net")

model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), optimizer="adam", metrics=["accuracy"])
model.fit(train_batches, epochs=1, verbose=0)
pred_masks = model.predict(train_batches.take(1), verbose=0).argmax(axis=-1)
print("predicted masks:", pred_masks.shape)
