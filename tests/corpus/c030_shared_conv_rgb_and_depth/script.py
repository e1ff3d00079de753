import numpy as np
import keras
from keras import layers

rgb = keras.Input(shape=(32, 32, 3), name="rgb")
depth = keras.Input(shape=(32, 32, 1), name="depth")

stem = layers.Conv2D(16, 3, padding="same", activation="relu")
rgb_feat = stem(rgb)
depth_feat = stem(depth)

fused = layers.Concatenate()([rgb_feat, depth_feat])
x = layers.GlobalAveragePooling2D()(fused)
out = layers.Dense(2, activation="softmax")(x)
model = keras.Model([rgb, depth], out)
model.summary()
