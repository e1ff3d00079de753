import numpy as np
import keras
from keras import layers

IMAGE_SHAPE = (32, 32)
CLASS_NUM = 6

rng = np.random.default_rng(0)
images = rng.random((48, *IMAGE_SHAPE, 3)).astype("float32")
labels = keras.utils.to_categorical(rng.integers(0, CLASS_NUM, 48), CLASS_NUM)


def inception(_input, filters):
    layer1 = layers.Conv2D(filters[0], (1, 1), strides=1, padding="same", activation="relu")(_input)

    layer2 = layers.Conv2D(filters[1][0], (1, 1), strides=1, padding="same", activation="relu")(_input)
    layer2 = layers.Conv2D(filters[1][1], (3, 3), strides=1, padding="same", activation="relu")(layer2)

    layer3 = layers.Conv2D(filters[2][0], (1, 1), strides=1, padding="same", activation="relu")(_input)
    layer3 = layers.Conv2D(filters[2][1], (5, 5), strides=1, padding="same", activation="relu")(layer3)

    layer4 = layers.MaxPooling2D((3, 3), strides=1, padding="same")(_input)
    layer4 = layers.Conv2D(filters[3], (1, 1), strides=1, padding="same", activation="relu")(layer4)

    return layers.Concatenate(axis=1)([layer1, layer2, layer3, layer4])


def small_googlenet():
    input_layer = layers.Input(shape=(*IMAGE_SHAPE, 3))
    layer = layers.Conv2D(32, (5, 5), strides=2, padding="same", activation="relu")(input_layer)
    layer = layers.MaxPooling2D(pool_size=(3, 3), strides=2, padding="same")(layer)
    layer = layers.BatchNormalization()(layer)

    layer = inception(layer, [16, (24, 32), (4, 8), 8])   # 3a
    layer = inception(layer, [32, (32, 48), (8, 24), 16])  # 3b
    layer = layers.MaxPooling2D(pool_size=(3, 3), strides=2, padding="same")(layer)

    layer = layers.AveragePooling2D(pool_size=(4, 4), strides=1, padding="valid")(layer)
    layer = layers.Flatten()(layer)
    layer = layers.Dropout(0.4)(layer)
    layer = layers.Dense(units=64, activation="linear")(layer)
    output = layers.Dense(units=CLASS_NUM, activation="softmax")(layer)
    return keras.Model(inputs=input_layer, outputs=output)


model = small_googlenet()
model.compile(loss="categorical_crossentropy",
              optimizer=keras.optimizers.RMSprop(learning_rate=1e-4),
              metrics=["acc"])
model.fit(images, labels, batch_size=16, epochs=1, verbose=0)
print(model.predict(images[:2], verbose=0).shape)
