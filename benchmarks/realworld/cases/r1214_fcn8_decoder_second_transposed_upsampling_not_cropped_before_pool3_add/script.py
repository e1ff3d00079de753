import numpy as np
import keras
from keras import layers

n_classes = 5
rng = np.random.default_rng(8)
images = rng.uniform(size=(12, 64, 64, 3)).astype("float32")
masks = rng.integers(0, n_classes, size=(12, 64, 64))
labels = np.eye(n_classes, dtype="float32")[masks]   # one-hot segmentation maps


def block(x, filters, convs, name):
    for i in range(convs):
        x = layers.Conv2D(filters, 3, activation="relu", padding="same", name=f"{name}_conv{i + 1}")(x)
    return layers.MaxPooling2D((2, 2), strides=(2, 2), name=f"{name}_pool")(x)


def vgg_encoder(image_input):
    p1 = block(image_input, 8, 2, "block1")      # 32 x 32
    p2 = block(p1, 16, 2, "block2")              # 16 x 16
    p3 = block(p2, 32, 3, "block3")              # 8 x 8
    p4 = block(p3, 32, 3, "block4")              # 4 x 4
    p5 = block(p4, 32, 3, "block5")              # 2 x 2
    c6 = layers.Conv2D(64, (7, 7), activation="relu", padding="same", name="conv6")(p5)
    c7 = layers.Conv2D(64, (1, 1), activation="relu", padding="same", name="conv7")(c6)
    return p1, p2, p3, p4, c7


def fcn8_decoder(convs, n_classes):
    f1, f2, f3, f4, f5 = convs
    # upsample the encoder output, then crop the extra pixels the transposed conv introduced
    o = layers.Conv2DTranspose(n_classes, kernel_size=(4, 4), strides=(2, 2), use_bias=False)(f5)
    o = layers.Cropping2D(cropping=(1, 1))(o)
    o2 = layers.Conv2D(n_classes, (1, 1), activation="relu", padding="same")(f4)
    o = layers.Add()([o, o2])
    # upsample again and add the pool 3 prediction
    o = layers.Conv2DTranspose(n_classes, kernel_size=(4, 4), strides=(2, 2), use_bias=False)(o)
    o2 = layers.Conv2D(n_classes, (1, 1), activation="relu", padding="same")(f3)
    o = layers.Add()([o, o2])
    # upsample up to the size of the original image
    o = layers.Conv2DTranspose(n_classes, kernel_size=(8, 8), strides=(8, 8), use_bias=False)(o)
    return layers.Activation("softmax")(o)


inputs = keras.Input(shape=(64, 64, 3))
outputs = fcn8_decoder(vgg_encoder(inputs), n_classes)
model = keras.Model(inputs, outputs)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(images, labels, batch_size=4, epochs=1, verbose=0)
print(model.predict(images[:2], verbose=0).shape)
