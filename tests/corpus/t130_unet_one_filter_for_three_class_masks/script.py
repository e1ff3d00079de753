import numpy as np
import keras
from keras import layers

num_classes = 3
images = np.random.rand(8, 32, 32, 1).astype("float32")
masks = np.random.randint(0, num_classes, size=(8, 32, 32, 1))

inputs = keras.Input(shape=(32, 32, 1))
c1 = layers.Conv2D(16, 3, activation="relu", padding="same")(inputs)
p1 = layers.MaxPooling2D(2)(c1)
c2 = layers.Conv2D(32, 3, activation="relu", padding="same")(p1)
u1 = layers.UpSampling2D(2)(c2)
m1 = layers.Concatenate()([u1, c1])
c3 = layers.Conv2D(16, 3, activation="relu", padding="same")(m1)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(c3)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, masks, epochs=1, batch_size=4, verbose=0)
