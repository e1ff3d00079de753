# U-Net-style segmentation of 128x128 pet images into 3 classes (pet, border, background).
import numpy as np
import tensorflow as tf

OUTPUT_CLASSES = 3


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


down_stack = [downsample(16, 3), downsample(32, 3), downsample(48, 3), downsample(64, 3), downsample(96, 3)]
up_stack = [upsample(64, 3), upsample(48, 3), upsample(32, 3), upsample(16, 3)]


def unet_model(output_channels: int):
    inputs = tf.keras.layers.Input(shape=[128, 128, 3])
    skips = []
    x = inputs
    for down in down_stack:  # 64x64, 32x32, 16x16, 8x8, 4x4
        x = down(x)
        skips.append(x)
    x = skips[-1]
    skips = reversed(skips[:-1])
    for up, skip in zip(up_stack, skips):
        x = up(x)
        x = tf.keras.layers.Concatenate()([x, skip])
    # This is the last layer of the model: 64x64 -> 128x128
    last = tf.keras.layers.Conv2DTranspose(filters=output_channels, kernel_size=3, strides=2)
    x = last(x)
    return tf.keras.Model(inputs=inputs, outputs=x)


rng = np.random.default_rng(5)
images = rng.random((24, 128, 128, 3), dtype=np.float32)
masks = rng.integers(0, OUTPUT_CLASSES, size=(24, 128, 128, 1)).astype("float32")
train_batches = tf.data.Dataset.from_tensor_slices((images, masks)).batch(8)

model = unet_model(output_channels=OUTPUT_CLASSES)
model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model_history = model.fit(train_batches, epochs=1, verbose=0)
print(model_history.history["loss"])
