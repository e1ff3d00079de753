import numpy as np
import tensorflow as tf

# Oxford-IIIT Pet stand-in: 128 x 128 RGB images and masks with 3 classes (pet, border, background),
# stored as one integer class id per pixel
OUTPUT_CLASSES = 3
images = np.random.rand(32, 128, 128, 3).astype("float32")
masks = np.random.randint(0, OUTPUT_CLASSES, size=(32, 128, 128, 1)).astype("float32")
train_batches = tf.data.Dataset.from_tensor_slices((images, masks)).batch(8)


def downsample(filters, size):
    return tf.keras.Sequential([
        tf.keras.layers.Conv2D(filters, size, strides=2, padding="same", use_bias=False),
        tf.keras.layers.BatchNormalization(),
        tf.keras.layers.ReLU(),
    ])


def upsample(filters, size):
    return tf.keras.Sequential([
        tf.keras.layers.Conv2DTranspose(filters, size, strides=2, padding="same", use_bias=False),
        tf.keras.layers.BatchNormalization(),
        tf.keras.layers.ReLU(),
    ])


def unet_model(output_channels: int):
    inputs = tf.keras.layers.Input(shape=[128, 128, 3])
    down_stack = [downsample(32, 3), downsample(64, 3), downsample(128, 3)]
    up_stack = [upsample(64, 3), upsample(32, 3)]
    x = inputs
    skips = []
    for down in down_stack:
        x = down(x)
        skips.append(x)
    skips = reversed(skips[:-1])
    for up, skip in zip(up_stack, skips):
        x = up(x)
        x = tf.keras.layers.Concatenate()([x, skip])
    # This is the last layer of the model
    last = tf.keras.layers.Conv2DTranspose(
        filters=output_channels, kernel_size=3, strides=2, padding="same")  # 64x64 -> 128x128
    x = last(x)
    return tf.keras.Model(inputs=inputs, outputs=x)


model = unet_model(output_channels=OUTPUT_CLASSES)
model.compile(optimizer="adam",
              loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model_history = model.fit(train_batches, epochs=1, verbose=0)
