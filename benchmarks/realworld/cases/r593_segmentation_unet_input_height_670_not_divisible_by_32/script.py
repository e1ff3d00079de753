# Encoder-decoder U-Net for 10-class segmentation of non-square 670x460 photos.
# The encoder downsamples five times (stride 32); the decoder upsamples and
# concatenates the matching encoder feature map at each level.
import keras
from keras import layers

INPUT_SHAPE = (670, 460, 3)
NUM_CLASSES = 10

def conv_block(x, filters):
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    return layers.Conv2D(filters, 3, padding="same", activation="relu")(x)

def build_unet(input_shape, classes, activation="softmax"):
    inputs = keras.Input(shape=input_shape)
    skips = []
    x = inputs
    for filters in (8, 16, 32, 64, 128):
        x = conv_block(x, filters)
        skips.append(x)
        x = layers.MaxPooling2D(2)(x)
    x = conv_block(x, 256)
    for filters, skip in zip((128, 64, 32, 16, 8), reversed(skips)):
        x = layers.UpSampling2D(2)(x)
        x = layers.Concatenate()([x, skip])
        x = conv_block(x, filters)
    outputs = layers.Conv2D(classes, 1, activation=activation)(x)
    return keras.Model(inputs, outputs, name="unet")

model = build_unet(INPUT_SHAPE, NUM_CLASSES)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.summary()
