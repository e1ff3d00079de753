import numpy as np
import keras
from keras import layers
from keras import regularizers

decay = 1e-4
growth = 16

images = keras.Input(shape=(32, 32, 3))
# block1
x = layers.Conv2D(32, 5, padding="same", use_bias=False, kernel_regularizer=regularizers.l2(decay))(images)
x = layers.BatchNormalization()(x)
x = layers.Activation("relu")(x)
x = layers.MaxPooling2D(pool_size=2, strides=2, padding="same")(x)

# block2: dense block, every conv sees all previous feature maps
for n in range(4):
    left = x
    right = layers.Conv2D(growth, 3, padding="same", use_bias=False, kernel_regularizer=regularizers.l2(decay))(left)
    right = layers.BatchNormalization()(right)
    right = layers.Activation("relu")(right)
    x = layers.concatenate([left, right], axis=1)
x = layers.MaxPooling2D(pool_size=2, strides=2, padding="same")(x)

x = layers.GlobalAveragePooling2D()(x)
probs = layers.Dense(10, activation="softmax")(x)
densenet = keras.Model(images, probs)
densenet.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

rng = np.random.default_rng(5586)
densenet.fit(rng.random((64, 32, 32, 3)).astype("float32"), rng.integers(0, 10, size=64),
             batch_size=16, epochs=1, verbose=0)
print("channels after dense block:", densenet.layers[-4].output.shape)
