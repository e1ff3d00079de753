import numpy as np
import keras
from keras import layers

# cat / dog / panda crops at 64x64; the backbone downsamples by 8, to an 8x8 map.
rng = np.random.default_rng(5)
images = rng.random((48, 64, 64, 3)).astype("float32")
labels = rng.integers(0, 3, size=(48, 1))


def backbone(size):
    return keras.Sequential([
        keras.Input(shape=(size, size, 3)),
        layers.Conv2D(16, 3, strides=2, padding="same", activation="relu"),
        layers.Conv2D(32, 3, strides=2, padding="same", activation="relu"),
        layers.Conv2D(32, 3, strides=2, padding="same", activation="relu"),
    ], name="backbone")


model = keras.Sequential([
    backbone(64),
    layers.BatchNormalization(),
    layers.Conv2D(filters=3, kernel_size=3, activation="softmax"),
    layers.Reshape((1, 3)),
    layers.Activation("softmax"),
])

lr_schedule = keras.optimizers.schedules.ExponentialDecay(0.001, decay_steps=50, decay_rate=0.96)


def loss(labels, logits):
    return keras.losses.sparse_categorical_crossentropy(labels, logits)


model.compile(optimizer=keras.optimizers.SGD(learning_rate=lr_schedule), loss=loss, metrics=["accuracy"])
model.fit(images, labels, batch_size=16, epochs=1, verbose=0)

# Same layers on a bigger image: the classifier slides over it as a convolution.
final_model = keras.Sequential([
    backbone(160),
    layers.BatchNormalization(),
    layers.Conv2D(filters=3, kernel_size=3, activation="softmax"),
])
final_model.set_weights(model.get_weights())
result = final_model.predict(rng.random((1, 160, 160, 3)).astype("float32"), verbose=0)
print(result.shape)
